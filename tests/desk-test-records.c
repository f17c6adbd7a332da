/* desk-test-records.c — small ledgers for tests through the core create
 * functions; every helper asserts that the write succeeded. */
#include "config.h"

#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-legal-aid.h"
#include "desk-person.h"
#include "desk-register.h"
#include "desk-screening.h"
#include "desk-test-records.h"

gint64
desk_test_code (DeskStore  *store,
                const char *kind,
                const char *label)
{
  gint64 id = desk_codes_find (store, kind, label);

  if (id <= 0)
    g_error ("no label “%s” in the code table %s", label, kind);
  return id;
}

static gint64
add_village (DeskStore  *store,
             const char *name)
{
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  village->name = g_strdup (name);
  village->kind = g_strdup ("村");
  id = desk_village_create (store, village, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_committee (DeskStore  *store,
               const char *name,
               const char *short_name,
               const char *type,
               gint64      village)
{
  g_autoptr(DeskCommittee) committee = desk_committee_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  committee->name = g_strdup (name);
  committee->short_name = g_strdup (short_name);
  committee->type_id = desk_test_code (store, DESK_CODE_COMMITTEE_TYPE, type);
  committee->village_id = village;
  id = desk_committee_create (store, committee, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_mediator (DeskStore  *store,
              const char *name,
              gint64      committee)
{
  g_autoptr(DeskMediator) mediator = desk_mediator_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mediator->name = g_strdup (name);
  mediator->committee_id = committee;
  id = desk_mediator_create (store, mediator, &error);
  g_assert_no_error (error);
  return id;
}

void
desk_test_add_registers (DeskStore         *store,
                         DeskTestRegisters *r)
{
  g_autoptr(DeskStaff) staff = desk_staff_new ();
  g_autoptr(GError) error = NULL;

  r->qingshan_village = add_village (store, "青山村");
  r->dongping_village = add_village (store, "东坪村");
  staff->name = g_strdup ("王芳");
  r->staff = desk_staff_create (store, staff, &error);
  g_assert_no_error (error);
  r->qingshan = add_committee (store, "青山镇人民调解委员会", "青山", "乡镇调委会", 0);
  r->dongping = add_committee (store, "东坪村人民调解委员会", "东坪", "村调委会",
                               r->dongping_village);
  r->zhang = add_mediator (store, "张调解", r->qingshan);
  r->li = add_mediator (store, "李调解", r->qingshan);
  r->wang = add_mediator (store, "王调解", r->dongping);
}

gint64
desk_test_add_person (DeskStore  *store,
                      const char *name)
{
  g_autoptr(DeskPerson) person = desk_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  person->name = g_strdup (name);
  id = desk_person_create (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
desk_test_add_consultation (DeskStore               *store,
                            const DeskTestRegisters *r,
                            const char              *at,
                            gint64                   person_id,
                            const char              *channel,
                            const char              *result,
                            const char              *content)
{
  g_autoptr(DeskConsultation) c = desk_consultation_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  c->at = g_strdup (at);
  c->staff_id = r->staff;
  c->channel_id = desk_test_code (store, DESK_CODE_CHANNEL, channel);
  c->person_id = person_id;
  c->village_id = r->qingshan_village;
  c->category_id = desk_test_code (store, DESK_CODE_CONSULT_CATEGORY, "邻里关系");
  c->content = g_strdup (content);
  c->result_id = desk_test_code (store, DESK_CODE_CONSULT_RESULT, result);
  id = desk_consultation_create (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

DeskCase *
desk_test_case_new (DeskStore               *store,
                    const DeskTestRegisters *r,
                    gint64                   committee,
                    const char              *accepted_on,
                    const char              *summary)
{
  DeskCase *c = desk_case_new ();

  c->committee_id = committee;
  c->accepted_on = g_strdup (accepted_on);
  c->registrar_id = r->staff;
  c->source_id = desk_test_code (store, DESK_CODE_CASE_SOURCE, "当事人申请");
  c->dispute_type_id = desk_test_code (store, DESK_CODE_DISPUTE_TYPE, "邻里纠纷");
  c->summary = g_strdup (summary);
  return c;
}

void
desk_test_case_close (DeskCase       *mcase,
                      DeskCaseStatus  status,
                      const char     *closed_on)
{
  mcase->status = status;
  g_free (mcase->closed_on);
  mcase->closed_on = g_strdup (closed_on);
  if (status == DESK_CASE_SUCCEEDED)
    {
      mcase->agreement_form = g_strdup ("书面");
      mcase->agreement_content = g_strdup ("双方各让一步，重新划定界线");
      mcase->agreement_amount = 0;
      mcase->performance_manner = g_strdup ("当场履行");
      mcase->performance_term = g_strdup ("即时");
    }
}

gint64
desk_test_add_case (DeskStore *store,
                    DeskCase  *mcase)
{
  g_autoptr(GError) error = NULL;
  gint64 id = desk_case_create (store, mcase, DESK_CASE_WRITE_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
desk_test_add_aid (DeskStore               *store,
                   const DeskTestRegisters *r,
                   const char              *received_at,
                   gint64                   person_id,
                   const char              *agent_name,
                   const char              *summary)
{
  g_autoptr(DeskLegalAid) aid = desk_legal_aid_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  aid->received_at = g_strdup (received_at);
  aid->receiver_id = r->staff;
  aid->person_id = person_id;
  aid->agent_name = g_strdup (agent_name);
  aid->matter_type_id = desk_test_code (store, DESK_CODE_AID_MATTER_TYPE, "民事");
  aid->matter_id = desk_test_code (store, DESK_CODE_AID_MATTER,
                                   "请求给付赡养费、抚养费、扶养费");
  aid->summary = g_strdup (summary);
  id = desk_legal_aid_create (store, aid, DESK_AID_CHECK_STRICT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
desk_test_aid_step (DeskStore  *store,
                    gint64      id,
                    const char *status,
                    const char *date)
{
  DeskAidStepDetails details = { 0 };
  g_autoptr(GError) error = NULL;

  if (g_str_equal (status, "已转交"))
    details.forward_mode_id = desk_test_code (store, DESK_CODE_FORWARD_MODE, "当面");
  desk_legal_aid_advance (store, id, desk_aid_status_from_label (status), date, &details,
                          &error);
  g_assert_no_error (error);
}

gint64
desk_test_add_screening (DeskStore  *store,
                         gint64      committee,
                         gint64      village,
                         const char *date)
{
  g_autoptr(DeskScreening) s = desk_screening_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->date = g_strdup (date);
  s->committee_id = committee;
  s->village_id = village;
  s->screener = g_strdup ("张调解");
  s->found = 1;
  id = desk_screening_create (store, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
