/* desk-demo-registers.c — the demonstration township's registers: station
 * settings, villages and communities, committees and their mediators,
 * staff, village legal advisers and the villages they serve over time.
 *
 * The registers change during the years the records cover, as real ones
 * do: a village is merged into another, a new community is built and gets
 * its committee and adviser some weeks later, a trade committee is wound
 * up, mediators retire and are replaced, an adviser's contract ends in the
 * middle of a year and a village changes adviser.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

static DemoDay
at_fraction (DemoGen *gen,
             int      per_mille)
{
  return gen->first + (DemoDay) ((gint64) (gen->today - gen->first) * per_mille / 1000);
}

static DemoDay
month_end (DemoDay day)
{
  int y, m, d;

  demo_day_to_ymd (day, &y, &m, &d);
  return m == 12 ? demo_day_from_ymd (y, 12, 31) : demo_day_from_ymd (y, m + 1, 1) - 1;
}

gboolean
demo_active (DemoDay from,
             DemoDay until,
             DemoDay day)
{
  return from <= day && day <= until;
}

static void
bind_day (sqlite3_stmt *stmt,
          int           idx,
          DemoDay       day)
{
  char date[11];

  if (day == DEMO_DAY_MIN || day == DEMO_DAY_MAX)
    {
      sqlite3_bind_null (stmt, idx);
      return;
    }
  demo_format_date (day, date);
  sqlite3_bind_text (stmt, idx, date, -1, SQLITE_TRANSIENT);
}

/* created_at and updated_at of a register entry: entered on the day it
 * began (or when the station set the program up), last changed when it
 * was retired. */
static void
bind_stamps (DemoGen      *gen,
             sqlite3_stmt *stmt,
             int           idx,
             DemoDay       from,
             DemoDay       until)
{
  DemoDay created = MAX (from, gen->first - 10);
  DemoDay updated = until == DEMO_DAY_MAX ? created : MIN (until, gen->today);
  char stamp[20];

  demo_format_stamp (created, demo_range (&gen->rng, 8 * 3600, 17 * 3600), stamp);
  sqlite3_bind_text (stmt, idx, stamp, -1, SQLITE_TRANSIENT);
  if (updated != created)
    demo_format_stamp (updated, demo_range (&gen->rng, 8 * 3600, 17 * 3600), stamp);
  sqlite3_bind_text (stmt, idx + 1, stamp, -1, SQLITE_TRANSIENT);
}

static gboolean
set_setting (DemoGen     *gen,
             const char  *key,
             const char  *value,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return demo_step (gen, stmt, error);
}

static gboolean
villages_create (DemoGen  *gen,
                 GError  **error)
{
  int n = demo_range (&gen->rng, 12, 20);
  int n_names = demo_village_name_count ();
  int order[64];
  int merged;
  sqlite3_stmt *stmt;

  /* Two communities of the town, n - 3 villages, and a community built
   * during the years covered. */
  for (int i = 0; i < n_names; i++)
    order[i] = i;
  for (int i = n_names - 1; i > 3; i--)
    {
      int j = 3 + (int) demo_below (&gen->rng, (guint32) (i - 2));
      int t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  /* order: 0, 1, 2 (the new community), then the villages shuffled; move
   * the new community to the end of the first n. */
  for (int i = 2; i < n - 1; i++)
    order[i] = order[i + 1];
  order[n - 1] = 2;
  merged = 2 + (int) demo_below (&gen->rng, (guint32) (n - 4));

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO villages (name, kind, area_code, active_from,"
                             " active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      DemoVillage v = { 0 };
      g_autofree char *stem = NULL;
      char code[13];

      v.name = demo_village_name (order[i], &v.community);
      stem = g_strndup (v.name, strlen (v.name) - (v.community ? strlen ("社区") : strlen ("村")));
      v.stem = g_intern_string (stem);
      v.from = order[i] == 2 ? at_fraction (gen, 400) : DEMO_DAY_MIN;
      v.until = i == merged ? month_end (at_fraction (gen, 550)) : DEMO_DAY_MAX;
      v.committee = -1;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_text (stmt, 1, v.name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, v.community ? "社区" : "村", -1, SQLITE_STATIC);
      /* 360426 103 NNN: county, township, then 0NN for communities and 2NN
       * for villages; some villages' codes were never looked up. */
      if (v.community || demo_chance (&gen->rng, 700))
        {
          g_snprintf (code, sizeof code, "360426103%03d", v.community ? i + 1 : 200 + i);
          sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
        }
      bind_day (stmt, 4, v.from);
      bind_day (stmt, 5, v.until);
      bind_stamps (gen, stmt, 6, v.from, v.until);
      if (!demo_step (gen, stmt, error))
        return FALSE;
      v.id = desk_store_last_insert_id (gen->store);
      g_array_append_val (gen->villages, v);
    }
  return TRUE;
}

static gboolean
committee_add (DemoGen     *gen,
               const char  *name,
               const char  *short_name,
               int          type,
               int          village,
               DemoDay      from,
               DemoDay      until,
               int          weight,
               GError     **error)
{
  DemoCommittee k = { 0 };
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO committees (name, short_name, type_id, village_id,"
                             " active_from, active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, short_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, gen->codes.committee_type[type]);
  if (village >= 0)
    sqlite3_bind_int64 (stmt, 4, g_array_index (gen->villages, DemoVillage, village).id);
  bind_day (stmt, 5, from);
  bind_day (stmt, 6, until);
  bind_stamps (gen, stmt, 7, from, until);
  if (!demo_step (gen, stmt, error))
    return FALSE;

  k.id = desk_store_last_insert_id (gen->store);
  k.name = g_strdup (name);
  k.short_name = g_strdup (short_name);
  k.village = village;
  k.from = from;
  k.until = until;
  k.weight = weight;
  if (village >= 0)
    g_array_index (gen->villages, DemoVillage, village).committee = gen->committees->len;
  g_array_append_val (gen->committees, k);
  return TRUE;
}

static gboolean
committees_create (DemoGen  *gen,
                   GError  **error)
{
  int village_weight = 0;

  for (guint i = 0; i < gen->villages->len; i++)
    village_weight += g_array_index (gen->villages, DemoVillage, i).community ? 8 : 10;

  /* The township's committee takes about a third of the cases. */
  gen->township = 0;
  if (!committee_add (gen, "青山镇人民调解委员会", "青山", 2, -1, DEMO_DAY_MIN, DEMO_DAY_MAX,
                      village_weight * 55 / 100, error))
    return FALSE;
  for (guint i = 0; i < gen->villages->len; i++)
    {
      DemoVillage *v = &g_array_index (gen->villages, DemoVillage, i);
      g_autofree char *name = g_strconcat (v->name, "人民调解委员会", NULL);
      DemoDay from = v->from == DEMO_DAY_MIN ? DEMO_DAY_MIN : v->from + 45;

      if (!committee_add (gen, name, v->stem, v->community ? 1 : 0, (int) i, from, v->until,
                          v->community ? 8 : 10, error))
        return FALSE;
    }
  /* A trade committee for road accidents, wound up when the county took
   * that work over. */
  return committee_add (gen, "青山镇道路交通事故纠纷人民调解委员会", "青山交调", 5, -1,
                        DEMO_DAY_MIN, month_end (at_fraction (gen, 350)), 12, error);
}

static gboolean
name_taken (GArray  *mediators,
            int      committee,
            guint32  name)
{
  char a[16], b[16];

  demo_name_write (name, a);
  for (guint i = 0; i < mediators->len; i++)
    {
      DemoMediator *m = &g_array_index (mediators, DemoMediator, i);

      if (m->committee != committee)
        continue;
      demo_name_write (m->name, b);
      if (g_str_equal (a, b))
        return TRUE;
    }
  return FALSE;
}

static gboolean
mediator_add (DemoGen   *gen,
              int        committee,
              gboolean   full_time,
              DemoDay    from,
              DemoDay    until,
              GError   **error)
{
  DemoMediator m = { 0 };
  g_autofree char *phone = demo_mobile (gen);
  sqlite3_stmt *stmt;
  char name[16];

  do
    m.name = demo_name_random (&gen->rng, demo_chance (&gen->rng, 350) ? DESK_SEX_FEMALE
                                                                       : DESK_SEX_MALE);
  while (name_taken (gen->mediators, committee, m.name));
  demo_name_write (m.name, name);

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO mediators (name, sex, phone, committee_id, full_time,"
                             " active_from, active_until, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, desk_sex_label (demo_name_sex (m.name)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_array_index (gen->committees, DemoCommittee, committee).id);
  sqlite3_bind_int (stmt, 5, full_time);
  bind_day (stmt, 6, from);
  bind_day (stmt, 7, until);
  bind_stamps (gen, stmt, 8, from, until);
  if (!demo_step (gen, stmt, error))
    return FALSE;
  m.id = desk_store_last_insert_id (gen->store);
  m.committee = committee;
  m.from = from;
  m.until = until;
  g_array_append_val (gen->mediators, m);
  return TRUE;
}

static gboolean
mediators_create (DemoGen  *gen,
                  GError  **error)
{
  for (guint c = 0; c < gen->committees->len; c++)
    {
      DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, c);
      gboolean township = (int) c == gen->township;
      gboolean trade = k->village < 0 && !township;
      int n = township ? demo_range (&gen->rng, 8, 10) : trade ? 4 : demo_range (&gen->rng, 3, 5);
      int n_full = township ? 5 : trade ? 1 : demo_chance (&gen->rng, 600) ? 1 : 0;
      DemoDay k_from = k->from, k_until = k->until;

      for (int j = 0; j < n; j++)
        {
          DemoDay lo = MAX (k_from, gen->first) + 60, hi = gen->today - 30;

          /* Some retire and are replaced some days later. */
          if (k_until == DEMO_DAY_MAX && lo < hi && demo_chance (&gen->rng, 120))
            {
              DemoDay until = demo_range (&gen->rng, lo, hi);

              DemoDay next = demo_clamp_today (gen, until + demo_range (&gen->rng, 1, 20));

              if (!mediator_add (gen, (int) c, j < n_full, k_from, until, error) ||
                  !mediator_add (gen, (int) c, j < n_full, next, DEMO_DAY_MAX, error))
                return FALSE;
            }
          else if (!mediator_add (gen, (int) c, j < n_full, k_from, k_until, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
staff_create (DemoGen  *gen,
              GError  **error)
{
  sqlite3_stmt *stmt;
  char names[5][16];

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO staff (name, role, phone, active, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 5; i++)
    {
      DemoStaff s = { 0 };
      g_autofree char *phone = demo_mobile (gen);
      gboolean again;

      /* The head, then four clerks; the second clerk left the station. */
      s.until = i == 2 ? at_fraction (gen, 300) : DEMO_DAY_MAX;
      do
        {
          s.name = demo_name_random (&gen->rng, DESK_SEX_UNKNOWN);
          demo_name_write (s.name, names[i]);
          again = FALSE;
          for (int j = 0; j < i; j++)
            again |= g_str_equal (names[i], names[j]);
        }
      while (again);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, i == 0 ? "所长" : "工作人员", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, s.until == DEMO_DAY_MAX);
      bind_stamps (gen, stmt, 5, DEMO_DAY_MIN, s.until);
      if (!demo_step (gen, stmt, error))
        return FALSE;
      s.id = desk_store_last_insert_id (gen->store);
      g_array_append_val (gen->staff, s);
    }

  return set_setting (gen, "county", "青山县", error) &&
         set_setting (gen, "township", "青山镇", error) &&
         set_setting (gen, "station", "青山镇司法所", error) &&
         set_setting (gen, "head", names[0], error) &&
         set_setting (gen, "reviewer", names[1], error) &&
         set_setting (gen, "clerk", names[3], error) &&
         set_setting (gen, "phone", "0792-4561234", error);
}

static gboolean
adviser_add (DemoGen   *gen,
             gboolean   lawyer,
             DemoDay    from,
             DemoDay    until,
             GError   **error)
{
  DemoAdviser a = { 0 };
  g_autofree char *phone = demo_mobile (gen);
  sqlite3_stmt *stmt;
  char name[16], licence[18];
  int sex;

  a.name = demo_name_random (&gen->rng, DESK_SEX_UNKNOWN);
  sex = demo_name_sex (a.name);
  demo_name_write (a.name, name);
  /* Lawyers from the law offices, the others from the township's legal
   * service office. */
  do
    a.institution = demo_law_firm (&gen->rng);
  while (lawyer != (strstr (a.institution, "律师事务所") != NULL));
  a.from = from;
  a.until = until;

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO advisers (name, sex, phone, practice_type_id,"
                             " institution, licence_number, term_from, term_until, created_at,"
                             " updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, desk_sex_label (sex), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, gen->codes.practice_type[lawyer ? 0 : 1]);
  sqlite3_bind_text (stmt, 5, a.institution, -1, SQLITE_STATIC);
  if (lawyer)
    {
      /* 17 digits: 1, province and city 3604, the year first licensed,
       * 1 (lawyer), sex, a serial. */
      g_snprintf (licence, sizeof licence, "13604%04d1%d%06d",
                  demo_year_of (from) - demo_range (&gen->rng, 3, 15),
                  sex == DESK_SEX_MALE ? 1 : 0, demo_range (&gen->rng, 1, 999999));
      sqlite3_bind_text (stmt, 6, licence, -1, SQLITE_TRANSIENT);
    }
  bind_day (stmt, 7, from);
  bind_day (stmt, 8, until);
  bind_stamps (gen, stmt, 9, from, until);
  if (!demo_step (gen, stmt, error))
    return FALSE;
  a.id = desk_store_last_insert_id (gen->store);
  g_array_append_val (gen->advisers, a);
  return TRUE;
}

static gboolean
assignment_add (DemoGen   *gen,
                int        adviser,
                int        village,
                DemoDay    from,
                DemoDay    until,
                GError   **error)
{
  DemoAssignment a = { adviser, village, from, until };
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (gen->store,
                             "INSERT INTO adviser_assignments (adviser_id, village_id, from_date,"
                             " until_date, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (gen->advisers, DemoAdviser, adviser).id);
  sqlite3_bind_int64 (stmt, 2, g_array_index (gen->villages, DemoVillage, village).id);
  bind_day (stmt, 3, from);
  bind_day (stmt, 4, until);
  bind_stamps (gen, stmt, 5, from, until);
  if (!demo_step (gen, stmt, error))
    return FALSE;
  g_array_append_val (gen->assignments, a);
  return TRUE;
}

/* "一村(居)一法律顾问": each adviser serves up to five villages. */
static gboolean
advisers_create (DemoGen  *gen,
                 GError  **error)
{
  g_autoptr(GArray) initial = g_array_new (FALSE, FALSE, sizeof (int));
  DemoDay leave = demo_day_from_ymd (gen->first_year + 1, 6, 30);
  DemoDay move = at_fraction (gen, 700);
  int k, moved = -1, newcomer = -1;

  for (guint i = 0; i < gen->villages->len; i++)
    if (g_array_index (gen->villages, DemoVillage, i).from == DEMO_DAY_MIN)
      g_array_append_val (initial, i);
  k = ((int) initial->len + 3) / 4;

  for (int a = 0; a < k; a++)
    if (!adviser_add (gen, a != 2, gen->first - demo_range (&gen->rng, 30, 700),
                      a == 1 ? leave : DEMO_DAY_MAX, error))
      return FALSE;
  /* The one whose contract ended at mid-year, and who took over. */
  if (!adviser_add (gen, TRUE, leave + 1, DEMO_DAY_MAX, error))
    return FALSE;
  newcomer = k;

  for (guint j = 0; j < initial->len; j++)
    {
      int v = g_array_index (initial, int, j);
      int a = (int) (j * k / initial->len);
      DemoAdviser *ad = &g_array_index (gen->advisers, DemoAdviser, a);
      DemoDay until = g_array_index (gen->villages, DemoVillage, v).until;

      if (a == 1)
        {
          if (!assignment_add (gen, a, v, ad->from, MIN (until, leave), error) ||
              (until > leave && !assignment_add (gen, newcomer, v, leave + 1, until, error)))
            return FALSE;
        }
      else if (a == 0 && moved < 0 && until == DEMO_DAY_MAX && k > 2)
        {
          /* This village changes adviser. */
          moved = v;
          if (!assignment_add (gen, a, v, ad->from, move - 1, error) ||
              !assignment_add (gen, k - 1, v, move, DEMO_DAY_MAX, error))
            return FALSE;
        }
      else if (!assignment_add (gen, a, v, ad->from, until, error))
        return FALSE;
    }

  /* The new community waits some weeks for its adviser. */
  for (guint i = 0; i < gen->villages->len; i++)
    {
      DemoVillage *v = &g_array_index (gen->villages, DemoVillage, i);

      if (v->from != DEMO_DAY_MIN && v->from + 90 <= gen->today &&
          !assignment_add (gen, 0, (int) i, v->from + 90, DEMO_DAY_MAX, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_registers_create (DemoGen  *gen,
                       GError  **error)
{
  gen->villages = g_array_new (FALSE, TRUE, sizeof (DemoVillage));
  gen->committees = g_array_new (FALSE, TRUE, sizeof (DemoCommittee));
  gen->mediators = g_array_new (FALSE, TRUE, sizeof (DemoMediator));
  gen->staff = g_array_new (FALSE, TRUE, sizeof (DemoStaff));
  gen->advisers = g_array_new (FALSE, TRUE, sizeof (DemoAdviser));
  gen->assignments = g_array_new (FALSE, TRUE, sizeof (DemoAssignment));

  return staff_create (gen, error) &&
         villages_create (gen, error) &&
         committees_create (gen, error) &&
         mediators_create (gen, error) &&
         advisers_create (gen, error);
}

/* A committee active on @day, by its share of the cases. */
int
demo_pick_committee (DemoGen *gen,
                     DemoDay  day)
{
  int total = 0;

  for (guint i = 0; i < gen->committees->len; i++)
    total += g_array_index (gen->committees, DemoCommittee, i).weight;
  for (int tries = 0; tries < 64; tries++)
    {
      int r = (int) demo_below (&gen->rng, (guint32) total);

      for (guint i = 0; i < gen->committees->len; i++)
        {
          DemoCommittee *k = &g_array_index (gen->committees, DemoCommittee, i);

          if (r < k->weight)
            {
              if (demo_active (k->from, k->until, day))
                return (int) i;
              break;
            }
          r -= k->weight;
        }
    }
  return gen->township;
}

/* Up to @max mediators of @committee active on @day, distinct; at least
 * one when the committee has any that day. */
int
demo_pick_mediators (DemoGen *gen,
                     int      committee,
                     DemoDay  day,
                     int     *out,
                     int      max)
{
  int active[32];
  int n_active = 0, n = 0;

  for (guint i = 0; i < gen->mediators->len && n_active < 32; i++)
    {
      DemoMediator *m = &g_array_index (gen->mediators, DemoMediator, i);

      if (m->committee == committee && demo_active (m->from, m->until, day))
        active[n_active++] = (int) i;
    }
  max = MIN (max, n_active);
  while (n < max)
    {
      int j = (int) demo_below (&gen->rng, (guint32) (n_active - n));

      out[n++] = active[j];
      active[j] = active[n_active - n];
    }
  return n;
}

gint64
demo_pick_staff (DemoGen *gen,
                 DemoDay  day)
{
  DemoStaff *s;

  if (demo_chance (&gen->rng, 100))
    return g_array_index (gen->staff, DemoStaff, 0).id;
  do
    s = &g_array_index (gen->staff, DemoStaff, 1 + demo_below (&gen->rng, gen->staff->len - 1));
  while (s->until < day);
  return s->id;
}

int
demo_pick_village (DemoGen *gen,
                   DemoDay  day)
{
  for (;;)
    {
      int i = (int) demo_below (&gen->rng, gen->villages->len);
      DemoVillage *v = &g_array_index (gen->villages, DemoVillage, i);

      if (demo_active (v->from, v->until, day))
        return i;
    }
}

/* An adviser's assignment covering @day, or -1. */
int
demo_pick_assignment (DemoGen *gen,
                      DemoDay  day)
{
  int active[64];
  int n = 0;

  for (int tries = 0; tries < 16; tries++)
    {
      int i = (int) demo_below (&gen->rng, gen->assignments->len);
      DemoAssignment *a = &g_array_index (gen->assignments, DemoAssignment, i);

      if (demo_active (a->from, a->until, day))
        return i;
    }
  for (guint i = 0; i < gen->assignments->len && n < 64; i++)
    {
      DemoAssignment *a = &g_array_index (gen->assignments, DemoAssignment, i);

      if (demo_active (a->from, a->until, day))
        active[n++] = (int) i;
    }
  return n > 0 ? active[demo_below (&gen->rng, (guint32) n)] : -1;
}
