/* desk-demo-people.c — the demonstration's register of people and
 * organisations.
 *
 * ID numbers are real-looking and valid: the county's area code (or that of
 * a place people come from), the birth date, a sequence whose parity is the
 * sex, and the GB 11643 check character; a few older people still carry a
 * 15-digit number.  Sequences are handed out per area, birth day and sex,
 * so no number is given twice.  Mobile numbers come from a bijection of a
 * counter, so they are unique too, except where a family shares one.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

const DemoProfile demo_profile_adult = { 20, 82, DESK_SEX_UNKNOWN, 820, 110, 25, 2 };

/* Where people come from: the county first. */
static const struct
{
  const char *code;
  const char *place;
} areas[] = {
  { "360426", "江西省九江市青山县" },
  { "360402", "江西省九江市濂溪区" },
  { "360403", "江西省九江市浔阳区" },
  { "360111", "江西省南昌市青山湖区" },
  { "421127", "湖北省黄冈市黄梅县" },
  { "441900", "广东省东莞市" },
  { "330782", "浙江省金华市义乌市" },
  { "350582", "福建省泉州市晋江市" },
  { "420115", "湖北省武汉市江夏区" },
  { "430626", "湖南省岳阳市平江县" },
  { "340822", "安徽省安庆市怀宁县" },
};

#define N_AREAS G_N_ELEMENTS (areas)

static const char *const mobile_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
  "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
  "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
};

/* Mobile number @serial: the last eight digits are a bijection of the
 * serial (48271 is prime to 10^8), so different serials never meet. */
static void
format_mobile (guint32 serial,
               char    out[12])
{
  guint64 tail = ((guint64) serial * 48271 + 13579) % 100000000;
  guint32 p = (guint32) (((guint64) serial * 2654435761u) >> 7) % G_N_ELEMENTS (mobile_prefixes);

  g_snprintf (out, 12, "%s%08u", mobile_prefixes[p], (guint) tail);
}

char *
demo_mobile (DemoGen *gen)
{
  char out[12];

  format_mobile ((guint32) ++gen->phone_serial, out);
  return g_strdup (out);
}

void
demo_person_name (DemoGen *gen,
                  int      person,
                  char     out[16])
{
  DemoPerson *p = &g_array_index (gen->people, DemoPerson, person);

  if (p->flags & DEMO_FOREIGNER)
    g_strlcpy (out, demo_foreign_name ((int) p->name, NULL), 16);
  else
    demo_name_write (p->name, out);
}

int
demo_age_on (DemoDay birth,
             DemoDay day)
{
  int by, bm, bd, y, m, d;

  demo_day_to_ymd (birth, &by, &bm, &bd);
  demo_day_to_ymd (day, &y, &m, &d);
  return y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
}

/* The next free 3-digit sequence for @area, @birth and @sex: odd for men.
 * Returns 0 when the day is full (then another birth day is tried). */
static int
id_sequence (DemoGen *gen,
             int      area,
             DemoDay  birth,
             int      sex)
{
  gsize slot;
  guint32 h;
  int n;

  if (gen->id_serial == NULL)
    {
      gen->birth_base = demo_day_from_ymd (gen->first_year - 105, 1, 1);
      gen->birth_len = gen->today - gen->birth_base + 1;
      gen->id_serial = g_new0 (guint16, (gsize) gen->birth_len * N_AREAS * 2);
    }
  if (birth < gen->birth_base || birth >= gen->birth_base + gen->birth_len)
    return 0;
  slot = ((gsize) (birth - gen->birth_base) * N_AREAS + area) * 2 + (sex == DESK_SEX_MALE);
  n = gen->id_serial[slot];
  if (n >= 499)
    return 0;
  gen->id_serial[slot]++;
  h = ((guint32) birth * 2654435761u) ^ ((guint32) area * 40503u);
  n = 1 + (int) ((h % 499 + (guint32) n) % 499);   /* 1..499 */
  return sex == DESK_SEX_MALE ? 2 * n - 1 : 2 * n;
}

/* Writes the ID number into @out; FALSE when the birth day is full. */
static gboolean
id_number (DemoGen  *gen,
           int       area,
           DemoDay   birth,
           int       sex,
           gboolean  old,
           char      out[19])
{
  int seq = id_sequence (gen, area, birth, sex);
  int y, m, d;

  if (seq == 0)
    return FALSE;
  demo_day_to_ymd (birth, &y, &m, &d);
  if (old)
    {
      g_snprintf (out, 19, "%s%02d%02d%02d%03d", areas[area].code, y % 100, m, d, seq);
      return TRUE;
    }
  g_snprintf (out, 19, "%s%04d%02d%02d%03d", areas[area].code, y, m, d, seq);
  out[17] = desk_id_check_character (out);
  out[18] = '\0';
  return TRUE;
}

static void
write_address (DemoGen *gen,
               int      village,
               int      area,
               GString *out)
{
  g_string_truncate (out, 0);
  if (village >= 0)
    {
      DemoVillage *v = &g_array_index (gen->villages, DemoVillage, village);

      g_string_append (out, "江西省九江市青山县青山镇");
      if (v->community)
        g_string_append_printf (out, "%s%s%d号", v->name, demo_road (&gen->rng),
                                demo_range (&gen->rng, 1, 240));
      else
        g_string_append_printf (out, "%s%d组%d号", v->name, demo_range (&gen->rng, 1, 12),
                                demo_range (&gen->rng, 1, 80));
    }
  else
    g_string_append_printf (out, "%s%s%d号", areas[area].place, demo_road (&gen->rng),
                            demo_range (&gen->rng, 1, 300));
}

static DemoDay
random_birth (DemoGen            *gen,
              DemoDay             day,
              const DemoProfile  *profile)
{
  /* Two draws averaged: most visitors are of middle age. */
  int age = (demo_range (&gen->rng, profile->min_age, profile->max_age) +
             demo_range (&gen->rng, profile->min_age, profile->max_age) + 1) / 2;

  return day - age * 365 - age / 4 - demo_range (&gen->rng, 1, 364);
}

static sqlite3_stmt *
person_statement (DemoGen  *gen,
                  GError  **error)
{
  return demo_prepare (gen, DEMO_STMT_PERSON,
                       "INSERT INTO people (kind, name, sex, birth_date, ethnicity, id_type,"
                       " id_number, id_old, phone, address, village_id, legal_rep,"
                       " is_disabled, is_migrant_worker, is_farmer, is_military,"
                       " is_foreigner, notes, created_at, updated_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                       " ?14, ?15, ?16, ?17, ?18, ?19, ?19)", error);
}

static void
bind_created (DemoGen      *gen,
              sqlite3_stmt *stmt,
              int           idx,
              DemoDay       day)
{
  char stamp[20];

  demo_format_stamp (day, demo_range (&gen->rng, 8 * 3600 + 1800, 17 * 3600 + 1800), stamp);
  sqlite3_bind_text (stmt, idx, stamp, -1, SQLITE_TRANSIENT);
}

/* A family member already registered in @village with a phone, whose name
 * differs from @name: families share a phone. */
static guint32
shared_phone (DemoGen *gen,
              int      village,
              guint32  name)
{
  for (int tries = 0; tries < 6 && gen->people->len > 0; tries++)
    {
      DemoPerson *p = &g_array_index (gen->people, DemoPerson,
                                      demo_below (&gen->rng, gen->people->len));

      if (p->village == village && p->phone != 0 && p->name != name &&
          !(p->flags & DEMO_FOREIGNER) &&
          (p->name >> 10) == (name >> 10))
        return p->phone;
    }
  return 0;
}

int
demo_person_new (DemoGen            *gen,
                 DemoDay             day,
                 int                 village,
                 const DemoProfile  *profile,
                 GError            **error)
{
  DemoPerson p = { 0 };
  sqlite3_stmt *stmt;
  GString *address = gen->text3;
  const char *nation = NULL;
  int area = 0;
  char name[16], id[19], birth[11], phone[12];

  stmt = person_statement (gen, error);
  if (stmt == NULL)
    return -1;

  p.sex = profile->sex != DESK_SEX_UNKNOWN ? profile->sex
          : demo_chance (&gen->rng, 480) ? DESK_SEX_FEMALE : DESK_SEX_MALE;
  p.village = (gint16) village;
  p.ethnicity = DEMO_ETHNICITY_UNTYPED;
  p.birth = random_birth (gen, day, profile);
  if (profile->min_age < 18)
    p.flags |= DEMO_NO_REUSE;
  if (village < 0 || demo_chance (&gen->rng, 50))
    area = 1 + (int) demo_below (&gen->rng, N_AREAS - 1);

  if (demo_chance (&gen->rng, profile->foreign_per_mille))
    {
      /* Married into the township: a passport, no ethnicity. */
      p.name = (guint32) demo_foreign_pick (&gen->rng, p.sex);
      g_strlcpy (name, demo_foreign_name ((int) p.name, &nation), sizeof name);
      p.flags |= DEMO_FOREIGNER | DEMO_HAS_ID;
      g_snprintf (id, sizeof id, "C%07u",
                  (guint) (((guint64) gen->people->len * 7919 + 1234567) % 10000000));
    }
  else
    {
      p.name = demo_name_random (&gen->rng, p.sex);
      demo_name_write (p.name, name);
      if (demo_chance (&gen->rng, profile->id_per_mille))
        {
          int y = demo_year_of (p.birth);
          gboolean old = y < 1975 && y >= 1900 && demo_chance (&gen->rng, 40);

          while (!id_number (gen, area, p.birth, p.sex, old, id))
            p.birth--;
          p.flags |= DEMO_HAS_ID;
        }
      else if (demo_chance (&gen->rng, 650))
        p.birth = DEMO_NO_DAY;   /* not asked */
      if (demo_chance (&gen->rng, 45))
        p.ethnicity = 1 + (guint8) demo_below (&gen->rng, (guint32) demo_n_minorities);
      else if ((p.flags & DEMO_HAS_ID) && demo_chance (&gen->rng, 700))
        p.ethnicity = 0;
    }

  if (p.birth != DEMO_NO_DAY && village >= 0 &&
      !g_array_index (gen->villages, DemoVillage, village).community)
    {
      int age = demo_age_on (p.birth, day);

      if (age >= 18 && age <= 75 && demo_chance (&gen->rng, 620))
        p.flags |= DEMO_FARMER;
    }
  if (demo_chance (&gen->rng, profile->migrant_per_mille))
    p.flags |= DEMO_MIGRANT;
  if (demo_chance (&gen->rng, profile->disabled_per_mille))
    p.flags |= DEMO_DISABLED;
  if (demo_chance (&gen->rng, 25))
    p.flags |= DEMO_MILITARY;

  if (demo_chance (&gen->rng, 880))
    {
      if (village >= 0 && demo_chance (&gen->rng, 40))
        p.phone = shared_phone (gen, village, p.name);
      if (p.phone == 0)
        p.phone = (guint32) ++gen->phone_serial;
      format_mobile (p.phone, phone);
    }
  write_address (gen, village, area, address);

  sqlite3_bind_text (stmt, 1, "person", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, desk_sex_label (p.sex), -1, SQLITE_STATIC);
  if (p.birth != DEMO_NO_DAY)
    {
      demo_format_date (p.birth, birth);
      sqlite3_bind_text (stmt, 4, birth, -1, SQLITE_TRANSIENT);
    }
  if (p.ethnicity != DEMO_ETHNICITY_UNTYPED)
    sqlite3_bind_text (stmt, 5, p.ethnicity ? demo_minorities[p.ethnicity - 1] : "汉族", -1,
                       SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, nation != NULL ? "护照" : "居民身份证", -1, SQLITE_STATIC);
  if (p.flags & DEMO_HAS_ID)
    sqlite3_bind_text (stmt, 7, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, (p.flags & DEMO_HAS_ID) && nation == NULL && strlen (id) == 15);
  if (p.phone != 0)
    sqlite3_bind_text (stmt, 9, phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, address->str, -1, SQLITE_TRANSIENT);
  if (village >= 0)
    sqlite3_bind_int64 (stmt, 11, g_array_index (gen->villages, DemoVillage, village).id);
  sqlite3_bind_int (stmt, 13, (p.flags & DEMO_DISABLED) != 0);
  sqlite3_bind_int (stmt, 14, (p.flags & DEMO_MIGRANT) != 0);
  sqlite3_bind_int (stmt, 15, (p.flags & DEMO_FARMER) != 0);
  sqlite3_bind_int (stmt, 16, (p.flags & DEMO_MILITARY) != 0);
  sqlite3_bind_int (stmt, 17, nation != NULL);
  if (nation != NULL)
    {
      g_autofree char *note = g_strconcat (nation, "籍，婚后随配偶在本镇居住", NULL);

      sqlite3_bind_text (stmt, 18, note, -1, SQLITE_TRANSIENT);
    }
  bind_created (gen, stmt, 19, day);
  if (!demo_step (gen, stmt, error))
    return -1;

  p.id = desk_store_last_insert_id (gen->store);
  g_array_append_val (gen->people, p);
  if (gen->summary != NULL)
    gen->summary->people++;
  return (int) gen->people->len - 1;
}

/* Returning visitors are common: an existing person (often one seen
 * lately, often from the same village), else a new one. */
int
demo_person_pick (DemoGen            *gen,
                  DemoDay             day,
                  int                 village,
                  const DemoProfile  *profile,
                  guint               reuse_per_mille,
                  GError            **error)
{
  guint n = gen->people->len;

  if (n > 0 && demo_chance (&gen->rng, reuse_per_mille))
    for (int tries = 0; tries < 8; tries++)
      {
        guint i = demo_chance (&gen->rng, 500) ? n - 1 - demo_below (&gen->rng, MIN (n, 3000))
                                               : demo_below (&gen->rng, n);
        DemoPerson *p = &g_array_index (gen->people, DemoPerson, i);

        if ((p->flags & DEMO_NO_REUSE) ||
            (p->birth != DEMO_NO_DAY && demo_age_on (p->birth, day) < profile->min_age) ||
            (profile->sex != DESK_SEX_UNKNOWN && p->sex != profile->sex) ||
            (village >= 0 && p->village != village && demo_chance (&gen->rng, 600)))
          continue;
        return (int) i;
      }
  return demo_person_new (gen, day, village, profile, error);
}

/* GB 11714: the check character of an organisation code's first eight
 * characters (digits, and letters worth 10 for A on). */
static char
org_code_check (const char *code)
{
  static const int weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0, c;

  for (int i = 0; i < 8; i++)
    sum += (g_ascii_isdigit (code[i]) ? code[i] - '0' : code[i] - 'A' + 10) * weights[i];
  c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
}

/* The organisation code of the @serial-th organisation: "MA" and six
 * characters, a bijection of the serial (31^6 codes; 3^18 is prime to 31). */
static void
org_code (guint  serial,
          char   out[10])
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  guint64 n = ((guint64) serial * 387420489 + 123456789) % G_GUINT64_CONSTANT (887503681);

  out[0] = 'M';
  out[1] = 'A';
  for (int i = 7; i >= 2; i--)
    {
      out[i] = alphabet[n % 31];
      n /= 31;
    }
  out[8] = org_code_check (out);
  out[9] = '\0';
}

/* The party a dispute is with when it is a firm or a body: the township
 * hospital for medical disputes, often a village committee for land, else
 * a firm of the kind the dispute suggests.  Names repeat: a township has
 * only so many firms, and each is registered once. */
int
demo_org_pick (DemoGen  *gen,
               DemoDay   day,
               int       dispute,
               GError  **error)
{
  GString *name = gen->text3;
  const char *kind = "91";
  int village = -1;
  gpointer found;
  sqlite3_stmt *stmt;
  gint64 id;
  char code[19], orgcode[10], rep[16], phone[16];
  guint serial;

  if (dispute == 14)
    {
      g_string_assign (name, "青山镇卫生院");
      kind = "12";
    }
  else if ((dispute == 6 || dispute == 7) && demo_chance (&gen->rng, 500))
    {
      DemoVillage *v;

      village = demo_pick_village (gen, day);
      v = &g_array_index (gen->villages, DemoVillage, village);
      g_string_assign (name, v->name);
      g_string_append (name, v->community ? "居民委员会" : "村民委员会");
      kind = "54";
    }
  else
    {
      demo_org_name (&gen->rng, dispute, name);
      if (strstr (name->str, "合作社") != NULL)
        kind = "93";
    }

  if (gen->org_index == NULL)
    {
      gen->org_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gen->orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
      gen->org_names = g_ptr_array_new_with_free_func (g_free);
    }
  found = g_hash_table_lookup (gen->org_index, name->str);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;

  /* 统一社会信用代码: kind, area, organisation code with its own check
   * character, then the GB 32100 check character. */
  serial = gen->orgs->len;
  org_code (serial, orgcode);
  g_snprintf (code, sizeof code, "%s360426%s", kind, orgcode);
  code[17] = desk_credit_code_check_character (code);
  code[18] = '\0';
  demo_name_write (demo_name_random (&gen->rng, DESK_SEX_UNKNOWN), rep);
  g_snprintf (phone, sizeof phone, "0792-%d%06d", demo_chance (&gen->rng, 500) ? 4 : 8,
              demo_range (&gen->rng, 0, 999999));

  stmt = person_statement (gen, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, "org", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, "统一社会信用代码", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, 0);
  sqlite3_bind_text (stmt, 9, phone, -1, SQLITE_TRANSIENT);
  if (village >= 0)
    {
      g_autofree char *address = g_strconcat ("江西省九江市青山县青山镇",
                                              g_array_index (gen->villages, DemoVillage,
                                                             village).name, NULL);

      sqlite3_bind_text (stmt, 10, address, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 11, g_array_index (gen->villages, DemoVillage, village).id);
    }
  else
    {
      g_autofree char *address = g_strdup_printf ("江西省九江市青山县青山镇%s%d号",
                                                  demo_road (&gen->rng),
                                                  demo_range (&gen->rng, 1, 300));

      sqlite3_bind_text (stmt, 10, address, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 12, rep, -1, SQLITE_TRANSIENT);
  for (int i = 13; i <= 17; i++)
    sqlite3_bind_int (stmt, i, 0);
  bind_created (gen, stmt, 19, day);
  if (!demo_step (gen, stmt, error))
    return -1;

  id = desk_store_last_insert_id (gen->store);
  g_array_append_val (gen->orgs, id);
  g_ptr_array_add (gen->org_names, g_strdup (name->str));
  g_hash_table_insert (gen->org_index, g_strdup (name->str), GINT_TO_POINTER (gen->orgs->len));
  if (gen->summary != NULL)
    gen->summary->people++;
  return (int) gen->orgs->len - 1;
}
