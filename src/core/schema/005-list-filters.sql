-- Schema 5: indexes for the list pages' filters and one person's history.
--
-- A list page filters with a condition of its own for each filter set
-- (desk-list-model.c), so that the planner can walk an index that holds
-- exactly the matching records, already in the list's default order (the
-- record's date), instead of reading every record of a large table.
-- Without these, filtering consultations by 渠道 or 处理结果, or screenings
-- by committee, reads the whole table through its date index.  The other
-- new filters have their index already: cases_committee,
-- case_mediators_mediator, cases_closed (open cases) and legal_aid_pending.
--
-- legal_aid_agent finds the applications a person made as 代理申请人, which
-- name the agent in text only (desk-person-history.c).
CREATE INDEX consultations_channel ON consultations (channel_id, at)
  WHERE deleted_at IS NULL;
CREATE INDEX consultations_result ON consultations (result_id, at)
  WHERE deleted_at IS NULL;
CREATE INDEX screenings_committee ON screenings (committee_id, screened_on)
  WHERE deleted_at IS NULL;
CREATE INDEX legal_aid_agent ON legal_aid (agent_name)
  WHERE agent_name IS NOT NULL AND deleted_at IS NULL;
