-- Schema 4: the figures of past months, kept between computations.
--
-- Every figure of a period of whole months (本年累计, 去年同期累计, 上月,
-- 去年同月) is the sum of the figures of its months, so the figures of one
-- month of one measure and breakdown are kept here (desk-figures-engine.c)
-- and added up instead of counting a year of records again.  The triggers
-- below forget a month whenever a write could change one of its figures:
-- a record's months are those of each date it counts by, before and after
-- the write (a deletion changes deleted_at, which is an update); a change
-- of the settings, the holiday calendar, the code tables or a register
-- forgets every month, as those are rare and reach every figure.  With
-- nothing kept (a new ledger being filled, an import after a change of the
-- registers) a trigger stops at its WHEN, which keeps bulk writes fast.
CREATE TABLE figure_months (
  month     TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  aggregate TEXT NOT NULL,
  buckets   BLOB NOT NULL,
  PRIMARY KEY (month, aggregate)
) WITHOUT ROWID;

CREATE TRIGGER figure_months_consultations_insert AFTER INSERT ON consultations
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (NEW.at, 1, 7));
END;

CREATE TRIGGER figure_months_consultations_update AFTER UPDATE ON consultations
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.at, 1, 7),
    substr (NEW.at, 1, 7));
END;

CREATE TRIGGER figure_months_consultations_delete AFTER DELETE ON consultations
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.at, 1, 7));
END;

CREATE TRIGGER figure_months_mediation_cases_insert AFTER INSERT ON mediation_cases
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (NEW.accepted_on, 1, 7),
    substr (NEW.closed_on, 1, 7),
    substr (NEW.confirmed_on, 1, 7));
END;

CREATE TRIGGER figure_months_mediation_cases_update AFTER UPDATE ON mediation_cases
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.accepted_on, 1, 7),
    substr (OLD.closed_on, 1, 7),
    substr (OLD.confirmed_on, 1, 7),
    substr (NEW.accepted_on, 1, 7),
    substr (NEW.closed_on, 1, 7),
    substr (NEW.confirmed_on, 1, 7));
END;

CREATE TRIGGER figure_months_mediation_cases_delete AFTER DELETE ON mediation_cases
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.accepted_on, 1, 7),
    substr (OLD.closed_on, 1, 7),
    substr (OLD.confirmed_on, 1, 7));
END;

CREATE TRIGGER figure_months_screenings_insert AFTER INSERT ON screenings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (NEW.screened_on, 1, 7));
END;

CREATE TRIGGER figure_months_screenings_update AFTER UPDATE ON screenings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.screened_on, 1, 7),
    substr (NEW.screened_on, 1, 7));
END;

CREATE TRIGGER figure_months_screenings_delete AFTER DELETE ON screenings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.screened_on, 1, 7));
END;

CREATE TRIGGER figure_months_legal_aid_insert AFTER INSERT ON legal_aid
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (NEW.received_at, 1, 7),
    substr (NEW.forwarded_on, 1, 7),
    substr (NEW.decided_on, 1, 7),
    substr (NEW.withdrawn_on, 1, 7));
END;

CREATE TRIGGER figure_months_legal_aid_update AFTER UPDATE ON legal_aid
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.received_at, 1, 7),
    substr (OLD.forwarded_on, 1, 7),
    substr (OLD.decided_on, 1, 7),
    substr (OLD.withdrawn_on, 1, 7),
    substr (NEW.received_at, 1, 7),
    substr (NEW.forwarded_on, 1, 7),
    substr (NEW.decided_on, 1, 7),
    substr (NEW.withdrawn_on, 1, 7));
END;

CREATE TRIGGER figure_months_legal_aid_delete AFTER DELETE ON legal_aid
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.received_at, 1, 7),
    substr (OLD.forwarded_on, 1, 7),
    substr (OLD.decided_on, 1, 7),
    substr (OLD.withdrawn_on, 1, 7));
END;

CREATE TRIGGER figure_months_adviser_services_insert AFTER INSERT ON adviser_services
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (NEW.served_on, 1, 7));
END;

CREATE TRIGGER figure_months_adviser_services_update AFTER UPDATE ON adviser_services
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.served_on, 1, 7),
    substr (NEW.served_on, 1, 7));
END;

CREATE TRIGGER figure_months_adviser_services_delete AFTER DELETE ON adviser_services
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months WHERE month IN (
    substr (OLD.served_on, 1, 7));
END;

CREATE TRIGGER figure_months_settings_insert AFTER INSERT ON settings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_settings_update AFTER UPDATE ON settings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_settings_delete AFTER DELETE ON settings
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_holidays_insert AFTER INSERT ON holidays
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_holidays_update AFTER UPDATE ON holidays
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_holidays_delete AFTER DELETE ON holidays
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_codes_insert AFTER INSERT ON codes
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_codes_update AFTER UPDATE ON codes
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_codes_delete AFTER DELETE ON codes
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_villages_insert AFTER INSERT ON villages
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_villages_update AFTER UPDATE ON villages
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_villages_delete AFTER DELETE ON villages
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_committees_insert AFTER INSERT ON committees
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_committees_update AFTER UPDATE ON committees
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_committees_delete AFTER DELETE ON committees
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_advisers_insert AFTER INSERT ON advisers
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_advisers_update AFTER UPDATE ON advisers
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_advisers_delete AFTER DELETE ON advisers
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_adviser_assignments_insert AFTER INSERT ON adviser_assignments
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_adviser_assignments_update AFTER UPDATE ON adviser_assignments
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;

CREATE TRIGGER figure_months_adviser_assignments_delete AFTER DELETE ON adviser_assignments
  WHEN EXISTS (SELECT 1 FROM figure_months)
BEGIN
  DELETE FROM figure_months;
END;
