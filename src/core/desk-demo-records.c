/* desk-demo-records.c — the demonstration's records, day by day:
 * consultations and screenings here, cases and legal-aid applications and
 * adviser services in their own files.
 *
 * The number of records of each kind is fixed by the total (about 55 %
 * consultations, 15 % cases, 8 % screenings, 7 % legal-aid applications and
 * 15 % adviser services); their days are drawn with weights (working days,
 * a slow growth over the years, busier months around the Spring Festival)
 * and then walked in order, so that each year's numbers follow the dates.
 * Some of a day's cases and applications come from one of that day's
 * consultations (引导人民调解, 指导申请法律援助), and the two stay linked.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

enum { K_CONSULT, K_CASE, K_SCREEN, K_AID, K_SERVICE, N_KINDS };

/* Per thousand records; consultations take the rest. */
static const int kind_share[N_KINDS] = { 0, 150, 80, 70, 150 };
/* A day off's weight against a working day's 100, by kind. */
static const int off_day_weight[N_KINDS] = { 4, 12, 3, 0, 8 };
static const int month_weight[12] = { 115, 80, 110, 100, 100, 95, 95, 100, 100, 95, 100, 115 };

static const guint16 channel_work[6] = { 540, 200, 80, 20, 80, 80 };
static const guint16 channel_off[6] = { 0, 300, 450, 0, 200, 50 };
static const guint16 category_weight[21] = {
  140, 70, 60, 80, 80, 80, 40, 90, 40, 30, 50, 70, 30, 40, 10, 20, 10, 20, 10, 10, 20,
};
static const guint16 result_weight[13] = { 580, 50, 60, 80, 40, 50, 10, 10, 20, 50, 10, 20, 20 };

gboolean
demo_deleted_stamp (DemoGen *gen,
                    DemoDay  day,
                    char     out[20])
{
  DemoDay when;

  if (!demo_chance (&gen->rng, 5))
    return FALSE;
  /* Deleted some days after its last change, never after today. */
  when = day + demo_range (&gen->rng, 1, 20);
  if (when > gen->today)
    return FALSE;
  demo_format_stamp (when, demo_range (&gen->rng, 8 * 3600, 18 * 3600), out);
  if (gen->summary != NULL)
    gen->summary->deleted++;
  return TRUE;
}

/* Splits the records among the days: per kind, a count for every day. */
static int **
spread_over_days (DemoGen *gen,
                  int      n_days,
                  gint64   counts[N_KINDS])
{
  int **per_day = g_new0 (int *, N_KINDS);
  guint64 *cdf = g_new (guint64, n_days);

  for (int k = 0; k < N_KINDS; k++)
    {
      guint64 total = 0;

      per_day[k] = g_new0 (int, n_days);
      for (int d = 0; d < n_days; d++)
        {
          DemoDay day = gen->first + d;
          int y, m, md;
          guint64 w;

          demo_day_to_ymd (day, &y, &m, &md);
          w = demo_is_working (gen, day) ? 100 : (guint64) off_day_weight[k];
          w *= (guint64) month_weight[m - 1] * (guint64) (85 + 10 * (y - gen->first_year));
          total += w;
          cdf[d] = total;
        }
      for (gint64 i = 0; i < counts[k]; i++)
        {
          guint64 r = demo_rng_next (&gen->rng) % total;
          int lo = 0, hi = n_days - 1;

          while (lo < hi)
            {
              int mid = (lo + hi) / 2;

              if (cdf[mid] > r)
                hi = mid;
              else
                lo = mid + 1;
            }
          per_day[k][lo]++;
        }
    }
  g_free (cdf);
  return per_day;
}

static void
sort_ints (int *v,
           int  n)
{
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        int t = v[j];

        v[j] = v[j - 1];
        v[j - 1] = t;
      }
}

typedef struct
{
  int    category;
  int    result;
  int    person;     /* -1: anonymous or chosen here */
  gint64 id;         /* once written */
} ConsultPlan;

static gint64
consultation_create (DemoGen            *gen,
                     DemoDay             day,
                     int                 minute,
                     const ConsultPlan  *plan,
                     gboolean            linked,
                     GError            **error)
{
  gboolean working = demo_is_working (gen, day);
  int channel = linked ? 0 : demo_pick (&gen->rng, working ? channel_work : channel_off, 6);
  int category = plan->category, result = plan->result;
  int person = plan->person, village = -1, companions = 1, entered;
  int y = demo_year_of (day) - gen->first_year;
  sqlite3_stmt *stmt;
  char number[16], at[17], created[20], deleted[20];
  const char *village_name = NULL;

  stmt = demo_prepare (gen, DEMO_STMT_CONSULTATION,
                       "INSERT INTO consultations (number, year, seq, at, staff_id,"
                       " channel_id, person_id, companions, village_id, category_id,"
                       " content, reply, result_id, created_at, updated_at, deleted_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                       " ?14, ?14, ?15)", error);
  if (stmt == NULL)
    return 0;

  if (category < 0)
    category = demo_pick (&gen->rng, category_weight, 21);
  if (result < 0)
    {
      result = demo_pick (&gen->rng, result_weight, 13);
      /* Labour disputes go to arbitration more often. */
      if ((category == 7 || category == 8 || category == 9) && demo_chance (&gen->rng, 200))
        result = 8;
    }
  if (person < 0)
    {
      static const guint16 anonymous[6] = { 80, 450, 450, 0, 450, 50 };

      if (!demo_chance (&gen->rng, anonymous[channel]))
        {
          int v = demo_chance (&gen->rng, 880) ? demo_pick_village (gen, day) : -1;

          person = demo_person_pick (gen, day, v, &demo_profile_adult, 450, error);
          if (person < 0)
            return 0;
        }
      else if (demo_chance (&gen->rng, 600))
        village = demo_pick_village (gen, day);
    }
  if (person >= 0)
    village = g_array_index (gen->people, DemoPerson, person).village;
  if (village >= 0)
    village_name = g_array_index (gen->villages, DemoVillage, village).name;

  if (channel == 0 || channel == 5)
    {
      int r = (int) demo_below (&gen->rng, 1000);

      companions = r < 780 ? 1 : r < 930 ? 2 : r < 975 ? 3 : r < 995 ? demo_range (&gen->rng, 4, 6)
                                                                    : demo_range (&gen->rng, 8, 20);
    }

  gen->consult_seq[y]++;
  g_snprintf (number, sizeof number, "ZX%04d-%04d", gen->first_year + y, gen->consult_seq[y]);
  demo_format_datetime (day, minute, at);
  entered = minute + demo_range (&gen->rng, 3, 40);
  demo_format_stamp (day, MIN (entered, 23 * 60 + 59) * 60 + demo_range (&gen->rng, 0, 59),
                     created);
  demo_text_consultation (gen, category, result, village_name, gen->text1, gen->text2);

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, gen->first_year + y);
  sqlite3_bind_int (stmt, 3, gen->consult_seq[y]);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, demo_pick_staff (gen, day));
  sqlite3_bind_int64 (stmt, 6, gen->codes.channel[channel]);
  if (person >= 0)
    sqlite3_bind_int64 (stmt, 7, g_array_index (gen->people, DemoPerson, person).id);
  sqlite3_bind_int (stmt, 8, companions);
  if (village >= 0)
    sqlite3_bind_int64 (stmt, 9, g_array_index (gen->villages, DemoVillage, village).id);
  sqlite3_bind_int64 (stmt, 10, gen->codes.category[category]);
  sqlite3_bind_text (stmt, 11, gen->text1->str, (int) gen->text1->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, gen->text2->str, (int) gen->text2->len, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 13, gen->codes.result[result]);
  if (!linked && demo_deleted_stamp (gen, day, deleted))
    {
      sqlite3_bind_text (stmt, 14, deleted, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 15, deleted, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 14, created, -1, SQLITE_TRANSIENT);
  if (!demo_step (gen, stmt, error))
    return 0;
  gen->summary->consultations++;
  demo_count_record (gen);
  return desk_store_last_insert_id (gen->store);
}

/* Ties a consultation to the case or application it led to. */
static gboolean
link_consultation (DemoGen     *gen,
                   gint64       consultation,
                   gboolean     to_case,
                   gint64       target,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = to_case ? demo_prepare (gen, DEMO_STMT_LINK_CASE,
                                 "UPDATE consultations SET case_id = ?1 WHERE id = ?2", error)
                                 : demo_prepare (gen, DEMO_STMT_LINK_AID,
                                 "UPDATE consultations SET aid_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target);
  sqlite3_bind_int64 (stmt, 2, consultation);
  return demo_step (gen, stmt, error);
}

static gboolean
screening_create (DemoGen  *gen,
                  DemoDay   day,
                  GError  **error)
{
  static const guint16 found_weight[6] = { 450, 300, 150, 60, 25, 15 };
  int committee = demo_pick_committee (gen, day);
  DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, committee);
  int village = k->village;
  int found = demo_pick (&gen->rng, found_weight, 6);
  int prevented = found == 0 ? 0 : demo_range (&gen->rng, MAX (found - 1, 0), found);
  int screeners[2];
  int n = demo_pick_mediators (gen, committee, day, screeners, demo_range (&gen->rng, 1, 2));
  sqlite3_stmt *stmt;
  char date[11], created[20], deleted[20];
  const char *village_name = NULL;

  if (committee == gen->township && demo_chance (&gen->rng, 800))
    village = demo_pick_village (gen, day);
  if (village >= 0)
    village_name = g_array_index (gen->villages, DemoVillage, village).name;

  stmt = demo_prepare (gen, DEMO_STMT_SCREENING,
                       "INSERT INTO screenings (screened_on, committee_id, village_id,"
                       " screener, found, prevented, notes, created_at, updated_at,"
                       " deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                       error);
  if (stmt == NULL)
    return FALSE;
  g_string_truncate (gen->text2, 0);
  for (int i = 0; i < n; i++)
    {
      char name[16];

      demo_name_write (g_array_index (gen->mediators, DemoMediator, screeners[i]).name, name);
      if (i > 0)
        g_string_append (gen->text2, "、");
      g_string_append (gen->text2, name);
    }
  demo_text_screening (gen, found, prevented, village_name ? village_name : "辖区各村（居）",
                       gen->text1);
  demo_format_date (day, date);
  demo_format_stamp (day, demo_range (&gen->rng, 9 * 3600, 18 * 3600), created);

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, k->id);
  if (village >= 0)
    sqlite3_bind_int64 (stmt, 3, g_array_index (gen->villages, DemoVillage, village).id);
  desk_sql_bind_text_or_null (stmt, 4, gen->text2->str);
  sqlite3_bind_int (stmt, 5, found);
  sqlite3_bind_int (stmt, 6, prevented);
  sqlite3_bind_text (stmt, 7, gen->text1->str, (int) gen->text1->len, SQLITE_TRANSIENT);
  if (demo_deleted_stamp (gen, day, deleted))
    {
      sqlite3_bind_text (stmt, 8, deleted, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, deleted, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 8, created, -1, SQLITE_TRANSIENT);
  if (!demo_step (gen, stmt, error))
    return FALSE;
  gen->summary->screenings++;
  demo_count_record (gen);
  return TRUE;
}

typedef struct
{
  int    dispute;
  int    applicant;
  int    slot;        /* the consultation it came from, -1 none */
} LinkPlan;

static void
note_day (DemoGen *gen,
          DemoDay  day)
{
  if (gen->summary->first_date[0] == '\0')
    demo_format_date (day, gen->summary->first_date);
  demo_format_date (day, gen->summary->last_date);
}

/* One day's records, consultations first (in the order of their times),
 * then the cases and applications, some of which one of those
 * consultations led to. */
static gboolean
day_create (DemoGen      *gen,
            DemoDay       day,
            const int     n[N_KINDS],
            ConsultPlan  *consults,
            int          *minutes,
            LinkPlan     *cases,
            LinkPlan     *aids,
            GError      **error)
{
  gboolean working = demo_is_working (gen, day);
  int free_slots = n[K_CONSULT];

  for (int i = 0; i < n[K_CONSULT]; i++)
    {
      consults[i].category = consults[i].result = consults[i].person = -1;
      consults[i].id = 0;
      minutes[i] = working ? (demo_chance (&gen->rng, 600) ? demo_range (&gen->rng, 510, 705)
                                                           : demo_range (&gen->rng, 840, 1050))
                           : demo_range (&gen->rng, 540, 1230);
    }
  sort_ints (minutes, n[K_CONSULT]);

  for (int i = 0; i < n[K_CASE]; i++)
    {
      cases[i].dispute = demo_case_plan_dispute (gen, day);
      cases[i].applicant = -1;
      cases[i].slot = -1;
      if (free_slots > 0 && demo_chance (&gen->rng, 300))
        {
          int slot;
          int v = demo_pick_village (gen, day);

          do
            slot = (int) demo_below (&gen->rng, (guint32) n[K_CONSULT]);
          while (consults[slot].result >= 0);
          cases[i].applicant = demo_person_pick (gen, day, v, &demo_profile_adult, 350, error);
          if (cases[i].applicant < 0)
            return FALSE;
          cases[i].slot = slot;
          consults[slot].category = demo_dispute_category (cases[i].dispute);
          consults[slot].result = 3;
          consults[slot].person = cases[i].applicant;
          free_slots--;
        }
    }
  for (int i = 0; i < n[K_AID]; i++)
    {
      aids[i].dispute = demo_aid_plan_matter (gen);
      aids[i].applicant = demo_aid_applicant (gen, day, aids[i].dispute, error);
      aids[i].slot = -1;
      if (aids[i].applicant < 0)
        return FALSE;
      if (free_slots > 0 && demo_chance (&gen->rng, 400))
        {
          int slot;

          do
            slot = (int) demo_below (&gen->rng, (guint32) n[K_CONSULT]);
          while (consults[slot].result >= 0);
          aids[i].slot = slot;
          consults[slot].category = demo_matter_category (aids[i].dispute);
          consults[slot].result = 4;
          consults[slot].person = aids[i].applicant;
          free_slots--;
        }
    }

  for (int i = 0; i < n[K_CONSULT]; i++)
    {
      gboolean linked = consults[i].person >= 0 && consults[i].result >= 3;

      consults[i].id = consultation_create (gen, day, minutes[i], &consults[i], linked, error);
      if (consults[i].id == 0)
        return FALSE;
    }
  for (int i = 0; i < n[K_CASE]; i++)
    {
      gint64 from = cases[i].slot >= 0 ? consults[cases[i].slot].id : 0;
      gint64 id = demo_case_create (gen, day, cases[i].applicant, cases[i].dispute,
                                    from ? 0 : -1, from, error);

      if (id == 0 || (from && !link_consultation (gen, from, TRUE, id, error)))
        return FALSE;
    }
  for (int i = 0; i < n[K_AID]; i++)
    {
      gint64 from = aids[i].slot >= 0 ? consults[aids[i].slot].id : 0;
      gint64 id = demo_aid_create (gen, day, aids[i].applicant, aids[i].dispute, from, error);

      if (id == 0 || (from && !link_consultation (gen, from, FALSE, id, error)))
        return FALSE;
    }
  for (int i = 0; i < n[K_SCREEN]; i++)
    if (!screening_create (gen, day, error))
      return FALSE;
  for (int i = 0; i < n[K_SERVICE]; i++)
    if (!demo_service_create (gen, day, error))
      return FALSE;

  if (n[K_CONSULT] + n[K_CASE] + n[K_AID] + n[K_SCREEN] + n[K_SERVICE] > 0)
    note_day (gen, day);
  return TRUE;
}

gboolean
demo_records_create (DemoGen       *gen,
                     GCancellable  *cancellable,
                     GError       **error)
{
  int n_days = gen->today - gen->first + 1;
  gint64 counts[N_KINDS];
  gint64 rest = gen->total;
  int **per_day;
  int max[N_KINDS] = { 0 };
  g_autofree ConsultPlan *consults = NULL;
  g_autofree int *minutes = NULL;
  g_autofree LinkPlan *cases = NULL;
  g_autofree LinkPlan *aids = NULL;
  gboolean ok = TRUE;

  for (int k = 1; k < N_KINDS; k++)
    {
      counts[k] = gen->total * kind_share[k] / 1000;
      rest -= counts[k];
    }
  counts[K_CONSULT] = rest;
  per_day = spread_over_days (gen, n_days, counts);

  for (int k = 0; k < N_KINDS; k++)
    for (int d = 0; d < n_days; d++)
      max[k] = MAX (max[k], per_day[k][d]);
  consults = g_new0 (ConsultPlan, MAX (max[K_CONSULT], 1));
  minutes = g_new0 (int, MAX (max[K_CONSULT], 1));
  cases = g_new0 (LinkPlan, MAX (max[K_CASE], 1));
  aids = g_new0 (LinkPlan, MAX (max[K_AID], 1));

  for (int d = 0; d < n_days && ok; d++)
    {
      int n[N_KINDS];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          for (int k = 0; k < N_KINDS; k++)
            n[k] = per_day[k][d];
          ok = day_create (gen, gen->first + d, n, consults, minutes, cases, aids, error);
        }
    }

  for (int k = 0; k < N_KINDS; k++)
    g_free (per_day[k]);
  g_free (per_day);
  if (ok && gen->progress != NULL)
    gen->progress (gen->done, gen->total, gen->progress_data);
  return ok;
}
