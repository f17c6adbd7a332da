/* desk-demo-aid.c — the demonstration's legal-aid applications (received
 * and forwarded to the county centre) and village legal advisers' services.
 *
 * An application goes through its status flow with a date for every step:
 * materials completed, forwarded (mostly within the limit of three working
 * days, some late), accepted by the centre, decided, assigned, closed; a
 * few are withdrawn, and a few recent ones wait past the forwarding limit.
 * Every step lies on or before today; the status is the last step taken.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

static const guint16 matter_weight[17] = {
  10, 40, 10, 150, 300, 10, 100, 120, 10, 30, 10, 5, 10, 50, 60, 40, 50,
};
static const guint16 hardship_weight[6] = { 250, 80, 200, 60, 350, 60 };
static const guint16 forward_mode_weight[3] = { 350, 150, 500 };

int
demo_aid_plan_matter (DemoGen *gen)
{
  return demo_pick (&gen->rng, matter_weight, 17);
}

/* Who applies for what: the old for maintenance (or a child, through a
 * parent), migrant workers for wages and injuries, women against violence;
 * applicants show their ID card. */
int
demo_aid_applicant (DemoGen  *gen,
                    DemoDay   day,
                    int       matter,
                    GError  **error)
{
  DemoProfile profile = { 18, 80, DESK_SEX_UNKNOWN, 1000, 60, 100, 8 };
  int village = demo_chance (&gen->rng, 900) ? demo_pick_village (gen, day) : -1;
  guint reuse = 300;
  int person;

  if (matter == 3 && demo_chance (&gen->rng, 300))
    {
      profile.min_age = 6;
      profile.max_age = 16;
      reuse = 0;
    }
  else if (matter == 3)
    profile.min_age = 62, profile.max_age = 90;
  else if (matter == 4 || matter == 6)
    profile.min_age = 20, profile.max_age = 60, profile.migrant_per_mille = 900;
  else if (matter == 13)
    profile.sex = DESK_SEX_FEMALE, profile.min_age = 22, profile.max_age = 60;
  else if (matter == 14)
    profile.sex = DESK_SEX_MALE, profile.max_age = 50;

  person = demo_person_pick (gen, day, village, &profile, reuse, error);
  if (person >= 0 && !(g_array_index (gen->people, DemoPerson, person).flags & DEMO_HAS_ID))
    person = demo_person_new (gen, day, village, &profile, error);
  return person;
}

/* The application's steps; 0: not (yet) taken. */
typedef struct
{
  DemoDay supplement, forwarded, centre, decided, assigned, closed, terminated, withdrawn;
  gboolean granted;
  gboolean completed;      /* the materials are complete now */
  const char *status;
} AidSteps;

static void
plan_steps (DemoGen  *gen,
            DemoDay   day,
            gboolean  complete,
            AidSteps *s)
{
  DemoDay ready = day, today = gen->today;
  int r = (int) demo_below (&gen->rng, 1000), k;

  memset (s, 0, sizeof *s);
  s->completed = complete;
  s->status = complete ? "已接收" : "材料待补";
  if (!complete)
    {
      s->supplement = day;
      if (demo_chance (&gen->rng, 100))
        {
          /* Never completed: withdrawn in the end, unless still recent. */
          DemoDay w = day + demo_range (&gen->rng, 5, 40);

          if (day < today - 120 || (w <= today && demo_chance (&gen->rng, 500)))
            {
              s->withdrawn = MIN (w, today);
              s->status = "申请人撤回";
            }
          return;
        }
      ready = demo_add_working_days (gen, day, demo_range (&gen->rng, 1, 6));
      if (ready > today)
        return;
      s->completed = TRUE;   /* the status stays 材料待补 until forwarded */
    }
  if (day >= today - 60 && demo_chance (&gen->rng, 30))
    return;   /* still on the desk, past the limit */
  if (!gen->made_pending_aid && day >= today - 25 && day <= today - 8)
    {
      gen->made_pending_aid = TRUE;   /* at least one, for the dashboard */
      return;
    }
  if (demo_chance (&gen->rng, 20))
    {
      DemoDay w = ready + demo_range (&gen->rng, 1, 10);

      if (w <= today)
        {
          s->withdrawn = w;
          s->status = "申请人撤回";
        }
      return;
    }

  k = r < 600 ? demo_range (&gen->rng, 0, 1) : r < 920 ? demo_range (&gen->rng, 2, 3)
      : r < 975 ? demo_range (&gen->rng, 4, 5) : demo_range (&gen->rng, 6, 10);
  s->forwarded = demo_add_working_days (gen, ready, k);
  if (s->forwarded > today)
    {
      s->forwarded = 0;
      return;
    }
  s->status = "已转交";
  s->centre = demo_add_working_days (gen, s->forwarded, demo_range (&gen->rng, 0, 3));
  if (s->centre > today)
    {
      s->centre = 0;
      return;
    }
  s->status = "中心已受理";
  s->decided = s->centre + demo_range (&gen->rng, 1, 7);
  if (demo_chance (&gen->rng, 15))
    {
      DemoDay w = s->centre + demo_range (&gen->rng, 0, 5);

      s->decided = 0;
      if (w <= today)
        {
          s->withdrawn = w;
          s->status = "申请人撤回";
        }
      return;
    }
  if (s->decided > today)
    {
      s->decided = 0;
      return;
    }
  s->granted = demo_chance (&gen->rng, 900);
  s->status = s->granted ? "决定给予" : "决定不予";
  if (!s->granted)
    return;
  s->assigned = s->decided + demo_range (&gen->rng, 0, 3);
  if (s->assigned > today)
    {
      s->assigned = 0;
      return;
    }
  s->status = "已指派";
  if (demo_chance (&gen->rng, 30))
    {
      s->terminated = s->assigned + demo_range (&gen->rng, 10, 90);
      if (s->terminated <= today)
        s->status = "已终止";
      else
        s->terminated = 0;
      return;
    }
  s->closed = s->assigned + demo_range (&gen->rng, 30, 240);
  if (s->closed <= today)
    s->status = "已结案";
  else
    s->closed = 0;
}

static void
bind_day_or_null (sqlite3_stmt *stmt,
                  int           idx,
                  DemoDay       day)
{
  char date[11];

  if (day == 0)
    return;
  demo_format_date (day, date);
  sqlite3_bind_text (stmt, idx, date, -1, SQLITE_TRANSIENT);
}

gint64
demo_aid_create (DemoGen  *gen,
                 DemoDay   day,
                 int       applicant,
                 int       matter,
                 gint64    consultation_id,
                 GError  **error)
{
  DemoPerson *p = &g_array_index (gen->people, DemoPerson, applicant);
  int y = demo_year_of (day) - gen->first_year;
  int age = p->birth != DEMO_NO_DAY ? demo_age_on (p->birth, day) : 40;
  gboolean complete = demo_chance (&gen->rng, 850);
  int matter_type = matter == 0 ? 3 : (matter == 14 || matter == 15) ? 2
                    : (matter == 2 || (matter == 1 && demo_chance (&gen->rng, 400))) ? 1 : 0;
  int hardship, minute = demo_chance (&gen->rng, 600) ? demo_range (&gen->rng, 510, 705)
                                                      : demo_range (&gen->rng, 840, 1050);
  AidSteps s;
  DemoDay last;
  sqlite3_stmt *stmt;
  char number[16], at[17], created[20], deleted[20], name[16], agent[16], birth[11];
  char centre[64], lawyer[16];
  gint64 id;

  plan_steps (gen, day, complete, &s);
  if ((matter == 4 || matter == 6 || matter == 11 || matter == 12 || matter == 13) &&
      demo_chance (&gen->rng, 500))
    hardship = 3;   /* 免予核查 (法律援助法 article 42) */
  else
    hardship = demo_pick (&gen->rng, hardship_weight, 6);
  demo_person_name (gen, applicant, name);
  demo_text_aid (gen, matter, age < 18, name, gen->text1);

  stmt = demo_prepare (gen, DEMO_STMT_AID,
                       "INSERT INTO legal_aid (number, year, seq, received_at, receiver_id,"
                       " person_id, agent_name, sex, birth_date, ethnicity, is_disabled,"
                       " is_migrant_worker, is_farmer, is_military, is_foreigner,"
                       " village_id, matter_type_id, matter_id, hardship_id, has_identity,"
                       " has_hardship_proof, has_matter_papers, materials_complete,"
                       " summary, status, supplement_on, forwarded_on, forward_mode_id,"
                       " centre_number, centre_accepted_on, decided_on, decision,"
                       " assigned_on, lawyer, law_firm, closed_on, terminated_on,"
                       " withdrawn_on, consultation_id, created_at, updated_at, deleted_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                       " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
                       " ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39,"
                       " ?40, ?41, ?42)", error);
  if (stmt == NULL)
    return 0;

  gen->aid_seq[y]++;
  g_snprintf (number, sizeof number, "FY%04d-%04d", gen->first_year + y, gen->aid_seq[y]);
  demo_format_datetime (day, minute, at);
  demo_format_stamp (day, (minute + demo_range (&gen->rng, 10, 50)) * 60 +
                     demo_range (&gen->rng, 0, 59), created);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, gen->first_year + y);
  sqlite3_bind_int (stmt, 3, gen->aid_seq[y]);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, demo_pick_staff (gen, day));
  sqlite3_bind_int64 (stmt, 6, p->id);
  /* A child applies through a parent; the very old often through a son
   * or daughter. */
  if (age < 18 || (age >= 70 && demo_chance (&gen->rng, 250)) || demo_chance (&gen->rng, 30))
    {
      guint32 relative = demo_name_random (&gen->rng, DESK_SEX_UNKNOWN);

      if (!(p->flags & DEMO_FOREIGNER) && demo_chance (&gen->rng, 700))
        relative = (p->name & ~0x3ffu) | (relative & 0x3ffu);
      demo_name_write (relative, agent);
      sqlite3_bind_text (stmt, 7, agent, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 8, desk_sex_label (p->sex), -1, SQLITE_STATIC);
  if (p->birth != DEMO_NO_DAY)
    {
      demo_format_date (p->birth, birth);
      sqlite3_bind_text (stmt, 9, birth, -1, SQLITE_TRANSIENT);
    }
  if (p->ethnicity != DEMO_ETHNICITY_UNTYPED)
    sqlite3_bind_text (stmt, 10, p->ethnicity ? demo_minorities[p->ethnicity - 1] : "汉族", -1,
                       SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, (p->flags & DEMO_DISABLED) != 0);
  sqlite3_bind_int (stmt, 12, (p->flags & DEMO_MIGRANT) != 0);
  sqlite3_bind_int (stmt, 13, (p->flags & DEMO_FARMER) != 0);
  sqlite3_bind_int (stmt, 14, (p->flags & DEMO_MILITARY) != 0);
  sqlite3_bind_int (stmt, 15, (p->flags & DEMO_FOREIGNER) != 0);
  if (p->village >= 0)
    sqlite3_bind_int64 (stmt, 16, g_array_index (gen->villages, DemoVillage, p->village).id);
  sqlite3_bind_int64 (stmt, 17, gen->codes.matter_type[matter_type]);
  sqlite3_bind_int64 (stmt, 18, gen->codes.matter[matter]);
  sqlite3_bind_int64 (stmt, 19, gen->codes.hardship[hardship]);
  sqlite3_bind_int (stmt, 20, s.completed || demo_chance (&gen->rng, 800));
  sqlite3_bind_int (stmt, 21, s.completed || demo_chance (&gen->rng, 300));
  sqlite3_bind_int (stmt, 22, s.completed);
  sqlite3_bind_int (stmt, 23, s.completed);
  sqlite3_bind_text (stmt, 24, gen->text1->str, (int) gen->text1->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 25, s.status, -1, SQLITE_STATIC);
  bind_day_or_null (stmt, 26, s.supplement);
  bind_day_or_null (stmt, 27, s.forwarded);
  if (s.forwarded)
    sqlite3_bind_int64 (stmt, 28, gen->codes.forward_mode[demo_pick (&gen->rng,
                                                                     forward_mode_weight, 3)]);
  if (s.centre)
    {
      int cy = demo_year_of (s.centre) - gen->first_year;

      gen->centre_seq[cy]++;
      g_snprintf (centre, sizeof centre, "（%d）青法援受字第%d号", gen->first_year + cy,
                  gen->centre_seq[cy]);
      sqlite3_bind_text (stmt, 29, centre, -1, SQLITE_TRANSIENT);
      bind_day_or_null (stmt, 30, s.centre);
    }
  if (s.decided)
    {
      bind_day_or_null (stmt, 31, s.decided);
      sqlite3_bind_text (stmt, 32, s.granted ? "给予" : "不予", -1, SQLITE_STATIC);
    }
  if (s.assigned)
    {
      demo_name_write (demo_name_random (&gen->rng, DESK_SEX_UNKNOWN), lawyer);
      bind_day_or_null (stmt, 33, s.assigned);
      sqlite3_bind_text (stmt, 34, lawyer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 35, demo_chance (&gen->rng, 300) ? "青山县法律援助中心"
                                                                : demo_law_firm (&gen->rng),
                         -1, SQLITE_STATIC);
    }
  bind_day_or_null (stmt, 36, s.closed);
  bind_day_or_null (stmt, 37, s.terminated);
  bind_day_or_null (stmt, 38, s.withdrawn);
  if (consultation_id > 0)
    sqlite3_bind_int64 (stmt, 39, consultation_id);
  sqlite3_bind_text (stmt, 40, created, -1, SQLITE_TRANSIENT);
  last = MAX (MAX (MAX (s.forwarded, s.centre), MAX (s.decided, s.assigned)),
              MAX (MAX (s.closed, s.terminated), MAX (s.withdrawn, day)));
  if (consultation_id == 0 && demo_deleted_stamp (gen, last, deleted))
    {
      sqlite3_bind_text (stmt, 41, deleted, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 42, deleted, -1, SQLITE_TRANSIENT);
    }
  else if (last > day)
    {
      char updated[20];

      demo_format_stamp (last, demo_range (&gen->rng, 8 * 3600 + 1800, 18 * 3600), updated);
      sqlite3_bind_text (stmt, 41, updated, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 41, created, -1, SQLITE_TRANSIENT);
  if (!demo_step (gen, stmt, error))
    return 0;
  id = desk_store_last_insert_id (gen->store);
  gen->summary->legal_aid++;
  demo_count_record (gen);
  return id;
}

gboolean
demo_service_create (DemoGen  *gen,
                     DemoDay   day,
                     GError  **error)
{
  static const guint16 mode_work[3] = { 650, 250, 100 };
  static const guint16 mode_off[3] = { 400, 600, 0 };
  int a = demo_pick_assignment (gen, day);
  DemoAssignment *as = &g_array_index (gen->assignments, DemoAssignment, MAX (a, 0));
  int mode = demo_pick (&gen->rng, demo_is_working (gen, day) ? mode_work : mode_off, 3);
  gboolean lecture = mode == 0 && demo_chance (&gen->rng, 250);
  DemoDay entered;
  sqlite3_stmt *stmt;
  char date[11], created[20], deleted[20];
  int y, m, d;

  stmt = demo_prepare (gen, DEMO_STMT_SERVICE,
                       "INSERT INTO adviser_services (served_on, adviser_id, village_id,"
                       " mode_id, half_hours, consults, lectures, audience, mediations,"
                       " contracts, village_rules, documents, aid_referrals, trainees,"
                       " leaflets, notes, created_at, updated_at, deleted_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                       " ?14, ?15, ?16, ?17, ?17, ?18)", error);
  if (stmt == NULL)
    return FALSE;

  /* Advisers report their month to the station, which enters it in the
   * first days of the next month. */
  demo_day_to_ymd (day, &y, &m, &d);
  entered = (m == 12 ? demo_day_from_ymd (y + 1, 1, 1) : demo_day_from_ymd (y, m + 1, 1)) +
            demo_range (&gen->rng, 0, 4);
  entered = MAX (MIN (entered, gen->today), day);
  demo_format_date (day, date);
  demo_format_stamp (entered, demo_range (&gen->rng, 8 * 3600 + 1800, 17 * 3600 + 1800), created);

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_array_index (gen->advisers, DemoAdviser, as->adviser).id);
  sqlite3_bind_int64 (stmt, 3, g_array_index (gen->villages, DemoVillage, as->village).id);
  sqlite3_bind_int64 (stmt, 4, gen->codes.service_mode[mode]);
  /* Hours and questions: on site most, remote least. */
  sqlite3_bind_int (stmt, 5, mode == 0 ? demo_range (&gen->rng, 4, 10)
                             : mode == 1 ? demo_range (&gen->rng, 1, 3)
                             : demo_range (&gen->rng, 2, 6));
  sqlite3_bind_int (stmt, 6, mode == 0 ? demo_range (&gen->rng, 0, 8)
                             : mode == 1 ? demo_range (&gen->rng, 1, 5)
                             : demo_range (&gen->rng, 0, 2));
  sqlite3_bind_int (stmt, 7, lecture);
  sqlite3_bind_int (stmt, 8, lecture ? demo_range (&gen->rng, 20, 150) : 0);
  sqlite3_bind_int (stmt, 9, demo_chance (&gen->rng, 150) ? demo_range (&gen->rng, 1, 2) : 0);
  sqlite3_bind_int (stmt, 10, demo_chance (&gen->rng, mode == 2 ? 700 : 200)
                              ? demo_range (&gen->rng, 1, 3) : 0);
  sqlite3_bind_int (stmt, 11, demo_chance (&gen->rng, 80));
  sqlite3_bind_int (stmt, 12, demo_chance (&gen->rng, 150) ? demo_range (&gen->rng, 1, 2) : 0);
  sqlite3_bind_int (stmt, 13, demo_chance (&gen->rng, 80));
  sqlite3_bind_int (stmt, 14, demo_chance (&gen->rng, 100) ? demo_range (&gen->rng, 5, 30) : 0);
  sqlite3_bind_int (stmt, 15, lecture ? demo_range (&gen->rng, 30, 200)
                              : demo_chance (&gen->rng, 300) ? demo_range (&gen->rng, 10, 80) : 0);
  sqlite3_bind_text (stmt, 16, demo_text_service (gen, mode, lecture), -1, SQLITE_STATIC);
  if (demo_deleted_stamp (gen, entered, deleted))
    {
      sqlite3_bind_text (stmt, 17, deleted, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 18, deleted, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 17, created, -1, SQLITE_TRANSIENT);
  if (!demo_step (gen, stmt, error))
    return FALSE;
  gen->summary->services++;
  demo_count_record (gen);
  return TRUE;
}
