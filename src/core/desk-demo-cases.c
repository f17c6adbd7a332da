/* desk-demo-cases.c — the demonstration's people's-mediation cases, with
 * their parties, mediators, follow-up visits and 防激化 outcomes.
 *
 * Most cases close within a few weeks and most of those succeed, mostly
 * with a written agreement and a sum; a case closes only on or before
 * today, so the latest ones are still open, and a few older ones were
 * never closed (they show as running past the time limit).  Follow-up
 * visits come some weeks after success; a few agreements are confirmed by
 * the court.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

static const guint16 dispute_weight[18] = {
  160, 200, 100, 60, 30, 80, 90, 30, 10, 50, 20, 2, 10, 10, 10, 60, 20, 50,
};
static const guint16 source_weight[7] = { 550, 300, 40, 10, 50, 30, 20 };
static const guint16 difficulty_weight[4] = { 500, 400, 70, 30 };
static const guint16 risk_weight[6] = { 840, 25, 50, 50, 15, 20 };
static const guint16 retention_weight[3] = { 600, 350, 50 };
static const char *const retentions[3] = { "短期", "长期", "永久" };

/* The sums disputes of each type are about, in yuan. */
static const int amount_range[18][2] = {
  { 2000, 80000 }, { 200, 5000 }, { 1000, 30000 }, { 2000, 100000 }, { 5000, 200000 },
  { 1000, 50000 }, { 1000, 30000 }, { 5000, 100000 }, { 2000, 50000 }, { 3000, 120000 },
  { 3000, 50000 }, { 500, 5000 }, { 100, 5000 }, { 500, 8000 }, { 5000, 100000 },
  { 3000, 150000 }, { 500, 5000 }, { 500, 10000 },
};
/* Per thousand written agreements that settle a sum, by type. */
static const guint16 money_chance[18] = {
  500, 450, 550, 850, 800, 900, 400, 850, 700, 980, 900, 900, 900, 850, 900, 950, 700, 500,
};

#define TRAFFIC 15

int
demo_case_plan_dispute (DemoGen *gen,
                        DemoDay  day)
{
  guint16 w[18];
  int y, m, d;

  memcpy (w, dispute_weight, sizeof w);
  demo_day_to_ymd (day, &y, &m, &d);
  /* Wages are asked for before the Spring Festival. */
  if (m == 12 || m == 1 || m == 2)
    w[9] *= 3;
  return demo_pick (&gen->rng, w, 18);
}

static gint64
asked_amount (DemoGen *gen,
              int      dispute)
{
  gint64 lo = amount_range[dispute][0], hi = amount_range[dispute][1];
  gint64 u = demo_below (&gen->rng, 1000);
  gint64 yuan = lo + (hi - lo) * u * u / 1000000;

  /* Round sums mostly; bills and wages keep their fen. */
  if (demo_chance (&gen->rng, 150))
    return yuan * 100 + demo_range (&gen->rng, 1, 99);
  return (yuan >= 1000 ? yuan / 100 * 100 : yuan / 10 * 10) * 100;
}

static int
closing_days (DemoGen *gen)
{
  int r = (int) demo_below (&gen->rng, 1000);

  return r < 350 ? demo_range (&gen->rng, 0, 3) : r < 700 ? demo_range (&gen->rng, 4, 10)
         : r < 900 ? demo_range (&gen->rng, 11, 20) : r < 980 ? demo_range (&gen->rng, 21, 30)
         : demo_range (&gen->rng, 31, 60);
}

static int
choose_committee (DemoGen *gen,
                  DemoDay  day,
                  int      applicant,
                  int     *dispute)
{
  int trade = (int) gen->committees->len - 1;
  DemoCommittee *t = &g_array_index (gen->committees, DemoCommittee, trade);
  int c;

  if (*dispute == TRAFFIC && demo_active (t->from, t->until, day) && demo_chance (&gen->rng, 600))
    return trade;
  if (applicant >= 0)
    {
      int v = g_array_index (gen->people, DemoPerson, applicant).village;

      if (v >= 0 && demo_chance (&gen->rng, 600))
        {
          int own = g_array_index (gen->villages, DemoVillage, v).committee;
          DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, own);

          if (demo_active (k->from, k->until, day))
            return own;
        }
      return gen->township;
    }
  c = demo_pick_committee (gen, day);
  if (c == trade)
    *dispute = TRAFFIC;   /* a trade committee takes its own trade's disputes only */
  return c;
}

typedef struct
{
  int  people[6];       /* person indices, or -1 - org index */
  int  roles[6];        /* 0 申请人, 1 被申请人, 2 第三人 */
  int  n;
} Parties;

static gboolean
party_listed (const Parties *p,
              int            who)
{
  for (int i = 0; i < p->n; i++)
    if (p->people[i] == who)
      return TRUE;
  return FALSE;
}

static gboolean
choose_parties (DemoGen   *gen,
                DemoDay    day,
                int        village,
                int        applicant,
                int        dispute,
                Parties   *p,
                GError   **error)
{
  static const guint16 org_chance[18] = {
    0, 0, 0, 600, 600, 100, 300, 300, 600, 700, 700, 600, 600, 600, 600, 250, 600, 0,
  };
  int r = (int) demo_below (&gen->rng, 1000);
  int n_app = r < 850 ? 1 : r < 950 ? 2 : 3;
  int n_resp = demo_chance (&gen->rng, 920) ? 1 : 2;
  int n_third = demo_chance (&gen->rng, 50) ? 1 : 0;

  p->n = 0;
  for (int role = 0; role < 3; role++)
    {
      int count = role == 0 ? n_app : role == 1 ? n_resp : n_third;

      for (int i = 0; i < count; i++)
        {
          int who;

          if (role == 0 && i == 0 && applicant >= 0)
            who = applicant;
          else if (role == 1 && i == 0 && demo_chance (&gen->rng, org_chance[dispute]))
            {
              int org = demo_org_pick (gen, day, dispute, error);

              if (org < 0)
                return FALSE;
              who = -1 - org;
            }
          else
            {
              int tries = 0;

              do
                who = demo_person_pick (gen, day, demo_chance (&gen->rng, 800) ? village : -1,
                                        &demo_profile_adult, 300, error);
              while (who >= 0 && party_listed (p, who) && ++tries < 4);
              if (who < 0)
                return FALSE;
              if (party_listed (p, who))
                who = demo_person_new (gen, day, village, &demo_profile_adult, error);
              if (who < 0)
                return FALSE;
            }
          p->people[p->n] = who;
          p->roles[p->n] = role;
          p->n++;
        }
    }
  return TRUE;
}

static void
party_name (DemoGen *gen,
            int      who,
            char     out[64])
{
  if (who >= 0)
    demo_person_name (gen, who, out);
  else
    g_strlcpy (out, g_ptr_array_index (gen->org_names, -1 - who), 64);
}

static gint64
party_id (DemoGen *gen,
          int      who)
{
  return who >= 0 ? g_array_index (gen->people, DemoPerson, who).id
                  : g_array_index (gen->orgs, gint64, -1 - who);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           idx,
           DemoDay       day)
{
  char date[11];

  demo_format_date (day, date);
  sqlite3_bind_text (stmt, idx, date, -1, SQLITE_TRANSIENT);
}

static void
bind_stamp (DemoGen      *gen,
            sqlite3_stmt *stmt,
            int           idx,
            DemoDay       day)
{
  char stamp[20];

  demo_format_stamp (day, demo_range (&gen->rng, 8 * 3600 + 1800, 18 * 3600), stamp);
  sqlite3_bind_text (stmt, idx, stamp, -1, SQLITE_TRANSIENT);
}

typedef struct
{
  DemoDay day;
  int     mode;
  int     performance;
  int     satisfaction;
} Visit;

/* Who paid what by when: the visits after success and what they found. */
static int
plan_visits (DemoGen  *gen,
             DemoDay   closed,
             gboolean  instalments,
             Visit     visits[2],
             int      *performance)
{
  int r = (int) demo_below (&gen->rng, 1000);
  int final = r < 850 ? 2 : r < 950 ? 1 : 0;
  int n = 0;

  *performance = -1;
  if (demo_chance (&gen->rng, 850) && closed + 20 <= gen->today)
    {
      visits[n].day = closed + demo_range (&gen->rng, 10, 20);
      n++;
      if (demo_chance (&gen->rng, 200) && visits[0].day + 60 <= gen->today)
        {
          visits[n].day = visits[0].day + demo_range (&gen->rng, 30, 60);
          n++;
        }
    }
  for (int i = 0; i < n; i++)
    {
      int perf = (instalments && i + 1 < n && final == 2) ? 1 : final;
      int s = (int) demo_below (&gen->rng, 1000);

      visits[i].mode = demo_chance (&gen->rng, 600) ? 0 : 1;
      visits[i].performance = perf;
      visits[i].satisfaction = perf == 2 ? (s < 850 ? 0 : 1)
                               : perf == 1 ? (s < 500 ? 0 : s < 950 ? 1 : 2)
                               : (s < 500 ? 1 : 2);
      *performance = perf;
    }
  if (n == 0 && closed + 15 <= gen->today)
    *performance = final;
  return n;
}

gint64
demo_case_create (DemoGen  *gen,
                  DemoDay   day,
                  int       applicant,
                  int       dispute,
                  int       source,
                  gint64    consultation_id,
                  GError  **error)
{
  int committee = choose_committee (gen, day, applicant, &dispute);
  DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, committee);
  int village = k->village >= 0 ? k->village : demo_pick_village (gen, day);
  int y = demo_year_of (day) - gen->first_year;
  int *seq = &gen->case_seq[committee * gen->n_years + y];
  int mediators[3], n_mediators, n_visits = 0, performance = -1;
  int difficulty = demo_pick (&gen->rng, difficulty_weight, 4);
  int risk = demo_pick (&gen->rng, risk_weight, 6);
  int party_count;
  gboolean manual = FALSE, open, written = FALSE, instalments = FALSE;
  gint64 asked = asked_amount (gen, dispute), amount = -1, case_id;
  DemoDay closed, confirmed = 0, filed = 0, last;
  const char *status;
  g_autoptr(GString) agreement = g_string_new (NULL);
  Parties parties;
  Visit visits[2];
  sqlite3_stmt *stmt;
  char number[96], a[64], b[64], term[40], deleted[20], visitor[16];
  int outcome, text_k;

  if (source < 0)
    source = demo_pick (&gen->rng, source_weight, 7);
  if (!choose_parties (gen, day, village, applicant, dispute, &parties, error))
    return 0;
  party_count = parties.n;
  if ((dispute == 6 || dispute == 7 || dispute == 8 || dispute == 9) &&
      demo_chance (&gen->rng, 350))
    {
      /* A group dispute: more people concerned than are listed. */
      manual = TRUE;
      party_count += demo_range (&gen->rng, 3, 40);
    }
  n_mediators = demo_pick_mediators (gen, committee, day, mediators,
                                     committee == gen->township ? demo_range (&gen->rng, 1, 3)
                                                                : demo_range (&gen->rng, 1, 2));

  party_name (gen, parties.people[0], a);
  party_name (gen, parties.people[parties.n > 1 ? 1 : 0], b);
  for (int i = 0; i < parties.n; i++)
    if (parties.roles[i] == 1)
      {
        party_name (gen, parties.people[i], b);
        break;
      }
  text_k = demo_text_case (gen, dispute, a, b,
                           g_array_index (gen->villages, DemoVillage, village).name,
                           asked, gen->text1, gen->text2);

  /* When and how it ended, if it has. */
  closed = day + closing_days (gen);
  open = closed > gen->today || demo_chance (&gen->rng, 4);
  /* At least one case running past the time limit, as every station has. */
  if (!gen->made_overdue_case && day >= gen->today - 60 && day <= gen->today - 35)
    open = gen->made_overdue_case = TRUE;
  outcome = (int) demo_below (&gen->rng, 1000);
  status = open ? (gen->today - day <= 2 && demo_chance (&gen->rng, 500) ? "已受理" : "调解中")
           : outcome < 920 ? "调解成功" : outcome < 970 ? "调解不成功" : "终止";
  if (!open && outcome < 920)
    {
      written = difficulty >= 2 || demo_chance (&gen->rng, 720);
      amount = demo_chance (&gen->rng, written ? money_chance[dispute] : money_chance[dispute] / 3)
               ? asked * demo_range (&gen->rng, 50, 100) / 100 : 0;
      if (!written)
        amount = MIN (amount, 300000);   /* paid on the spot */
      demo_text_agreement (gen, dispute, text_k, a, b, amount, agreement);
      instalments = amount > 0 && written &&
                     (strstr (agreement->str, "分期") != NULL ||
                      (strstr (agreement->str, "一次性") == NULL && demo_chance (&gen->rng, 300)));
      n_visits = plan_visits (gen, closed, instalments, visits, &performance);
      if (written && amount > 0 && demo_chance (&gen->rng, 60) &&
          closed + 25 <= gen->today)
        confirmed = closed + demo_range (&gen->rng, 3, 25);
    }
  if (!open && closed + 1 <= gen->today)
    filed = demo_clamp_today (gen, closed + demo_range (&gen->rng, 1, 15));
  last = open ? day : MAX (closed, MAX (filed, confirmed));
  if (n_visits > 0)
    last = MAX (last, visits[n_visits - 1].day);

  stmt = demo_prepare (gen, DEMO_STMT_CASE,
                       "INSERT INTO mediation_cases (number, year, seq, committee_id,"
                       " accepted_on, registrar_id, source_id, dispute_type_id,"
                       " difficulty_id, risk_id, party_count, party_count_manual, summary,"
                       " request, status, closed_on, agreement_form, agreement_content,"
                       " agreement_amount, performance_manner, performance_term,"
                       " performance_id, confirmed_on, prevent_suicide, prevent_criminal,"
                       " prevent_petition, prevent_fight, retention, filed_on,"
                       " consultation_id, created_at, updated_at, deleted_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                       " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
                       " ?27, ?28, ?29, ?30, ?31, ?32, ?33)", error);
  if (stmt == NULL)
    return 0;
  (*seq)++;
  g_snprintf (number, sizeof number, "（%d）%s人调字第%d号", gen->first_year + y,
              k->short_name, *seq);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, gen->first_year + y);
  sqlite3_bind_int (stmt, 3, *seq);
  sqlite3_bind_int64 (stmt, 4, k->id);
  bind_date (stmt, 5, day);
  sqlite3_bind_int64 (stmt, 6, demo_pick_staff (gen, day));
  sqlite3_bind_int64 (stmt, 7, gen->codes.source[source]);
  sqlite3_bind_int64 (stmt, 8, gen->codes.dispute[dispute]);
  sqlite3_bind_int64 (stmt, 9, gen->codes.difficulty[difficulty]);
  sqlite3_bind_int64 (stmt, 10, gen->codes.risk[risk]);
  sqlite3_bind_int (stmt, 11, party_count);
  sqlite3_bind_int (stmt, 12, manual);
  sqlite3_bind_text (stmt, 13, gen->text1->str, (int) gen->text1->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, gen->text2->str, (int) gen->text2->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, status, -1, SQLITE_STATIC);
  if (!open)
    bind_date (stmt, 16, closed);
  if (amount >= 0)
    {
      sqlite3_bind_text (stmt, 17, written ? "书面" : "口头", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 18, agreement->str, (int) agreement->len, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 19, amount);
      if (amount == 0)
        {
          sqlite3_bind_text (stmt, 20, "按协议约定履行", -1, SQLITE_STATIC);
          g_strlcpy (term, "协议约定期限内", sizeof term);
        }
      else if (!written)
        {
          sqlite3_bind_text (stmt, 20, "即时履行", -1, SQLITE_STATIC);
          g_strlcpy (term, "协议达成当日", sizeof term);
        }
      else
        {
          int ty, tm, td;

          sqlite3_bind_text (stmt, 20, instalments ? "分期履行" : "一次性履行", -1, SQLITE_STATIC);
          demo_day_to_ymd (closed + (instalments ? demo_range (&gen->rng, 60, 180)
                                                 : demo_range (&gen->rng, 3, 30)), &ty, &tm, &td);
          g_snprintf (term, sizeof term, "%d年%d月%d日前", ty, tm, td);
        }
      sqlite3_bind_text (stmt, 21, term, -1, SQLITE_TRANSIENT);
      if (performance >= 0)
        sqlite3_bind_int64 (stmt, 22, gen->codes.performance[performance]);
      if (confirmed)
        bind_date (stmt, 23, confirmed);
    }
  /* 防激化: what the mediation kept from happening, with the people. */
  for (int i = 24; i <= 27; i++)
    sqlite3_bind_int (stmt, i, 0);
  if (!open && risk >= 1 && risk <= 4 && demo_chance (&gen->rng, 850))
    sqlite3_bind_int (stmt, 23 + risk,
                      risk == 1 ? demo_range (&gen->rng, 1, 2)
                      : risk == 2 ? demo_range (&gen->rng, 1, 4)
                      : risk == 3 ? demo_range (&gen->rng, 5, 30) : demo_range (&gen->rng, 6, 40));
  if (filed)
    {
      sqlite3_bind_text (stmt, 28, retentions[demo_pick (&gen->rng, retention_weight, 3)], -1,
                         SQLITE_STATIC);
      bind_date (stmt, 29, filed);
    }
  if (consultation_id > 0)
    sqlite3_bind_int64 (stmt, 30, consultation_id);
  bind_stamp (gen, stmt, 31, day);
  deleted[0] = '\0';
  if (consultation_id == 0 && demo_deleted_stamp (gen, last, deleted))
    {
      sqlite3_bind_text (stmt, 32, deleted, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 33, deleted, -1, SQLITE_TRANSIENT);
    }
  else
    bind_stamp (gen, stmt, 32, last);
  if (!demo_step (gen, stmt, error))
    return 0;
  case_id = desk_store_last_insert_id (gen->store);

  stmt = demo_prepare (gen, DEMO_STMT_PARTY,
                       "INSERT INTO case_parties (case_id, person_id, role, sort_order)"
                       " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  for (int i = 0; i < parties.n; i++)
    {
      static const char *const roles[3] = { "申请人", "被申请人", "第三人" };

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, party_id (gen, parties.people[i]));
      sqlite3_bind_text (stmt, 3, roles[parties.roles[i]], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, i);
      if (!demo_step (gen, stmt, error))
        return 0;
    }

  stmt = demo_prepare (gen, DEMO_STMT_MEDIATOR,
                       "INSERT INTO case_mediators (case_id, mediator_id, sort_order)"
                       " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  for (int i = 0; i < n_mediators; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (gen->mediators, DemoMediator, mediators[i]).id);
      sqlite3_bind_int (stmt, 3, i);
      if (!demo_step (gen, stmt, error))
        return 0;
    }

  if (n_visits > 0)
    {
      stmt = demo_prepare (gen, DEMO_STMT_VISIT,
                           "INSERT INTO case_visits (case_id, visited_on, mode_id, visitor,"
                           " performance_id, satisfaction_id, notes, created_at, updated_at,"
                           " deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                           error);
      if (stmt == NULL)
        return 0;
      if (n_mediators > 0)
        demo_name_write (g_array_index (gen->mediators, DemoMediator, mediators[0]).name, visitor);
      for (int i = 0; i < n_visits; i++)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          sqlite3_bind_int64 (stmt, 1, case_id);
          bind_date (stmt, 2, visits[i].day);
          sqlite3_bind_int64 (stmt, 3, gen->codes.visit_mode[visits[i].mode]);
          if (n_mediators > 0)
            sqlite3_bind_text (stmt, 4, visitor, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, gen->codes.performance[visits[i].performance]);
          sqlite3_bind_int64 (stmt, 6, gen->codes.satisfaction[visits[i].satisfaction]);
          sqlite3_bind_text (stmt, 7, demo_text_visit (gen, visits[i].performance,
                                                       visits[i].satisfaction), -1, SQLITE_STATIC);
          bind_stamp (gen, stmt, 8, visits[i].day);
          /* Deleting a case deletes its visits. */
          if (deleted[0] != '\0')
            {
              sqlite3_bind_text (stmt, 8, deleted, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 9, deleted, -1, SQLITE_TRANSIENT);
            }
          if (!demo_step (gen, stmt, error))
            return 0;
        }
    }

  gen->summary->cases++;
  demo_count_record (gen);
  return case_id;
}
