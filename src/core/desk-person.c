/* desk-person.c — the register of people and organisations (当事人).
 *
 * One entry per person, shared by every record ("一人一档").  Writes check
 * and normalise the entry first (desk_person_validate()), refuse a second
 * entry for someone already registered (same ID number, or same phone and
 * name), and never delete a person that a live record still names.
 */
#define G_LOG_DOMAIN "desk-person"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-person.h"
#include "desk-sequence.h"

#define ID_CARD    "居民身份证"
#define PASSPORT   "护照"
#define OTHER_ID   "其他"
#define CREDIT_ID  "统一社会信用代码"

/* The columns person_from_row() reads, in its order. */
#define PERSON_COLUMNS \
  "id, kind, name, sex, birth_date, ethnicity, id_type, id_number, id_old, phone," \
  " address, village_id, legal_rep, is_disabled, is_migrant_worker, is_farmer," \
  " is_military, is_foreigner, notes, created_at, updated_at"

/* Static helpers */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Trims @field in place; empty becomes NULL. */
static void
trim_or_null (char **field)
{
  if (*field == NULL)
    return;
  g_strstrip (*field);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

static void
replace (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static const char *
default_id_type (DeskPersonKind kind)
{
  return kind == DESK_PERSON_ORGANISATION ? CREDIT_ID : ID_CARD;
}

static DeskPerson *
person_from_row (sqlite3_stmt *stmt)
{
  DeskPerson *p = desk_person_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->kind = g_strcmp0 (kind, "org") == 0 ? DESK_PERSON_ORGANISATION : DESK_PERSON_NATURAL;
  p->name = desk_sql_dup_text (stmt, 2);
  p->sex = desk_sex_from_label ((const char *) sqlite3_column_text (stmt, 3));
  p->birth_date = desk_sql_dup_text (stmt, 4);
  p->ethnicity = desk_sql_dup_text (stmt, 5);
  p->id_type = desk_sql_dup_text (stmt, 6);
  p->id_number = desk_sql_dup_text (stmt, 7);
  p->id_old = sqlite3_column_int (stmt, 8) != 0;
  p->phone = desk_sql_dup_text (stmt, 9);
  p->address = desk_sql_dup_text (stmt, 10);
  p->village_id = sqlite3_column_int64 (stmt, 11);
  p->legal_rep = desk_sql_dup_text (stmt, 12);
  p->is_disabled = sqlite3_column_int (stmt, 13) != 0;
  p->is_migrant_worker = sqlite3_column_int (stmt, 14) != 0;
  p->is_farmer = sqlite3_column_int (stmt, 15) != 0;
  p->is_military = sqlite3_column_int (stmt, 16) != 0;
  p->is_foreigner = sqlite3_column_int (stmt, 17) != 0;
  p->notes = desk_sql_dup_text (stmt, 18);
  p->created_at = desk_sql_dup_text (stmt, 19);
  p->updated_at = desk_sql_dup_text (stmt, 20);
  return p;
}

/* Binds the stored fields to ?1–?18, in the order of the INSERT below. */
static void
bind_person (sqlite3_stmt     *stmt,
             const DeskPerson *p)
{
  sqlite3_bind_text (stmt, 1, p->kind == DESK_PERSON_ORGANISATION ? "org" : "person", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p->name, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 3, desk_sex_label (p->sex));
  desk_sql_bind_text_or_null (stmt, 4, p->birth_date);
  desk_sql_bind_text_or_null (stmt, 5, p->ethnicity);
  sqlite3_bind_text (stmt, 6, p->id_type, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 7, p->id_number);
  sqlite3_bind_int (stmt, 8, p->id_old ? 1 : 0);
  desk_sql_bind_text_or_null (stmt, 9, p->phone);
  desk_sql_bind_text_or_null (stmt, 10, p->address);
  desk_sql_bind_id_or_null (stmt, 11, p->village_id);
  desk_sql_bind_text_or_null (stmt, 12, p->legal_rep);
  sqlite3_bind_int (stmt, 13, p->is_disabled ? 1 : 0);
  sqlite3_bind_int (stmt, 14, p->is_migrant_worker ? 1 : 0);
  sqlite3_bind_int (stmt, 15, p->is_farmer ? 1 : 0);
  sqlite3_bind_int (stmt, 16, p->is_military ? 1 : 0);
  sqlite3_bind_int (stmt, 17, p->is_foreigner ? 1 : 0);
  desk_sql_bind_text_or_null (stmt, 18, p->notes);
}

/* The same 居民身份证 number in its other form: a 15-digit old number and
 * its 18-digit successor (year 19YY, check character added) name the same
 * person.  NULL when there is none. */
static char *
other_id_form (const char *number)
{
  gsize len = number ? strlen (number) : 0;

  if (len == 15)
    {
      char first17[18];
      char check;

      g_snprintf (first17, sizeof first17, "%.6s19%.9s", number, number + 6);
      check = desk_id_check_character (first17);
      return check ? g_strdup_printf ("%s%c", first17, check) : NULL;
    }
  if (len == 18 && number[6] == '1' && number[7] == '9')
    return g_strdup_printf ("%.6s%.9s", number, number + 8);
  return NULL;
}

/* "张三（男，1991-01-01，13800138000）": enough to tell who is meant. */
static char *
describe (const DeskPerson *p)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);

  if (p->kind == DESK_PERSON_ORGANISATION)
    {
      if (!is_empty (p->legal_rep))
        g_ptr_array_add (details, p->legal_rep);
    }
  else
    {
      if (desk_sex_label (p->sex) != NULL)
        g_ptr_array_add (details, (gpointer) desk_sex_label (p->sex));
      if (!is_empty (p->birth_date))
        g_ptr_array_add (details, p->birth_date);
    }
  if (!is_empty (p->phone))
    g_ptr_array_add (details, p->phone);
  if (details->len == 0)
    return g_strdup (p->name);

  for (guint i = 0; i < details->len; i++)
    {
      if (i > 0)
        /* Translators: separates the details of a person, e.g. 男，1991-01-01 */
        g_string_append (joined, _(", "));
      g_string_append (joined, g_ptr_array_index (details, i));
    }
  /* Translators: a person's name and details, e.g. 张三（男，1991-01-01） */
  return g_strdup_printf (_("%s (%s)"), p->name, joined->str);
}

static gboolean
village_exists (DeskStore   *store,
                gint64       village_id,
                gboolean    *exists,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT 1 FROM villages WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, village_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* A non-deleted person, or NULL with DESK_RECORD_ERROR_NOT_FOUND. */
static DeskPerson *
load (DeskStore   *store,
      gint64       id,
      GError     **error)
{
  sqlite3_stmt *stmt;
  DeskPerson *person = NULL;
  int rc;

  stmt = desk_store_prepare (store,
                             "SELECT " PERSON_COLUMNS " FROM people"
                             " WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  if (person == NULL)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The person or organisation no longer exists."));
  return person;
}

/* Which rule found @existing_id: the ID number or the phone and name. */
static gboolean
refuse_duplicate (DeskStore         *store,
                  const DeskPerson  *person,
                  gint64             existing_id,
                  GError           **error)
{
  g_autoptr(DeskPerson) existing = load (store, existing_id, error);
  g_autofree char *who = NULL;

  if (existing == NULL)
    return FALSE;
  who = describe (existing);
  if (!is_empty (person->id_number) && !is_empty (existing->id_number) &&
      g_strcmp0 (person->id_type, existing->id_type) == 0)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                 _("ID number %s is already registered for %s"), person->id_number, who);
  else
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                 _("Phone %s is already registered for %s"), person->phone, who);
  return FALSE;
}

static gboolean
write_update (DeskStore   *store,
              DeskPerson  *person,
              GError     **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "UPDATE people SET kind = ?1, name = ?2, sex = ?3, birth_date = ?4,"
                             " ethnicity = ?5, id_type = ?6, id_number = ?7, id_old = ?8,"
                             " phone = ?9, address = ?10, village_id = ?11, legal_rep = ?12,"
                             " is_disabled = ?13, is_migrant_worker = ?14, is_farmer = ?15,"
                             " is_military = ?16, is_foreigner = ?17, notes = ?18,"
                             " updated_at = ?19"
                             " WHERE id = ?20 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_text (stmt, 19, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 20, person->id);
  if (!desk_store_step_done (store, stmt, error))
    return FALSE;
  replace (&person->updated_at, now);
  return TRUE;
}

/* Later non-empty values win (import.md); a flag once set stays set,
 * since an unticked box cannot be told from one not given.  Birth date and
 * sex follow a registered 居民身份证 number unless @later brings its own
 * number (whose birth date and sex were checked against it). */
static void
merge_into (DeskPerson       *existing,
            const DeskPerson *later)
{
  gboolean id_decides;

  if (!is_empty (later->name))
    replace (&existing->name, later->name);
  if (!is_empty (later->id_number))
    {
      replace (&existing->id_type, later->id_type);
      replace (&existing->id_number, later->id_number);
      existing->id_old = later->id_old;
    }
  id_decides = g_strcmp0 (existing->id_type, ID_CARD) == 0 &&
               !is_empty (existing->id_number) && is_empty (later->id_number);
  if (!id_decides)
    {
      if (!is_empty (later->birth_date))
        replace (&existing->birth_date, later->birth_date);
      if (later->sex != DESK_SEX_UNKNOWN)
        existing->sex = later->sex;
    }
  if (!is_empty (later->ethnicity))
    replace (&existing->ethnicity, later->ethnicity);
  if (!is_empty (later->phone))
    replace (&existing->phone, later->phone);
  if (!is_empty (later->address))
    replace (&existing->address, later->address);
  if (later->village_id > 0)
    existing->village_id = later->village_id;
  if (!is_empty (later->legal_rep))
    replace (&existing->legal_rep, later->legal_rep);
  if (!is_empty (later->notes))
    replace (&existing->notes, later->notes);
  existing->is_disabled |= later->is_disabled;
  existing->is_migrant_worker |= later->is_migrant_worker;
  existing->is_farmer |= later->is_farmer;
  existing->is_military |= later->is_military;
  existing->is_foreigner |= later->is_foreigner;
}

/* LIKE pattern text: % and _ match themselves ("ESCAPE '\'"). */
static char *
like_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Drops spaces and dashes and upper-cases: how ID and phone numbers are
 * stored, so that a typed "360426 1991…x" or "138-0013" finds them. */
static char *
number_key (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * desk_person_new:
 *
 * Returns: (transfer full): an empty natural person; the ID type is left
 *   unset and becomes 居民身份证 (统一社会信用代码 for an organisation) on
 *   validation.
 */
DeskPerson *
desk_person_new (void)
{
  return g_new0 (DeskPerson, 1);
}

DeskPerson *
desk_person_copy (const DeskPerson *person)
{
  DeskPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_memdup2 (person, sizeof *person);
  copy->name = g_strdup (person->name);
  copy->birth_date = g_strdup (person->birth_date);
  copy->ethnicity = g_strdup (person->ethnicity);
  copy->id_type = g_strdup (person->id_type);
  copy->id_number = g_strdup (person->id_number);
  copy->phone = g_strdup (person->phone);
  copy->address = g_strdup (person->address);
  copy->legal_rep = g_strdup (person->legal_rep);
  copy->notes = g_strdup (person->notes);
  copy->created_at = g_strdup (person->created_at);
  copy->updated_at = g_strdup (person->updated_at);
  return copy;
}

void
desk_person_free (DeskPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->birth_date);
  g_free (person->ethnicity);
  g_free (person->id_type);
  g_free (person->id_number);
  g_free (person->phone);
  g_free (person->address);
  g_free (person->legal_rep);
  g_free (person->notes);
  g_free (person->created_at);
  g_free (person->updated_at);
  g_free (person);
}

/**
 * desk_person_validate:
 *
 * Checks @person and normalises it in place: name trimmed; ID type
 * defaulted; a 居民身份证 number checked, with birth date and sex taken
 * from it (a typed one that disagrees is an error) and id_old set; a
 * 统一社会信用代码 checked and upper-cased; a passport number upper-cased;
 * the phone normalised; the ethnicity one of the 56 names (empty stays
 * empty); the birth date not in the future; the village existing and not
 * deleted.
 */
gboolean
desk_person_validate (DeskStore   *store,
                      DeskPerson  *person,
                      GError     **error)
{
  gboolean org;
  char *value;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  org = person->kind == DESK_PERSON_ORGANISATION;
  if (person->kind != DESK_PERSON_NATURAL && !org)
    person->kind = DESK_PERSON_NATURAL;

  value = desk_validate_name (person->name, org ? _("Name of the organisation") : _("Name"),
                              error);
  if (value == NULL)
    return FALSE;
  g_free (person->name);
  person->name = value;

  trim_or_null (&person->id_type);
  if (person->id_type == NULL)
    person->id_type = g_strdup (default_id_type (person->kind));
  if (org ? !(g_str_equal (person->id_type, CREDIT_ID) || g_str_equal (person->id_type, OTHER_ID))
          : !(g_str_equal (person->id_type, ID_CARD) || g_str_equal (person->id_type, PASSPORT) ||
              g_str_equal (person->id_type, OTHER_ID)))
    {
      desk_set_field_error (error, _("ID type"), _("“%s” is not one of: %s"), person->id_type,
                            org ? CREDIT_ID "、" OTHER_ID
                                : ID_CARD "、" PASSPORT "、" OTHER_ID);
      return FALSE;
    }

  trim_or_null (&person->id_number);
  trim_or_null (&person->birth_date);
  person->id_old = FALSE;
  if (person->id_number != NULL && g_str_equal (person->id_type, ID_CARD))
    {
      g_autoptr(DeskIdNumber) id = desk_validate_id_matches (person->id_number,
                                                             person->birth_date,
                                                             person->sex, NULL, error);
      if (id == NULL)
        return FALSE;
      replace (&person->id_number, id->number);
      replace (&person->birth_date, id->birth_date);
      person->sex = id->sex;
      person->id_old = id->old_format;
    }
  else
    {
      if (person->id_number != NULL && g_str_equal (person->id_type, CREDIT_ID))
        {
          value = desk_validate_credit_code (person->id_number, error);
          if (value == NULL)
            return FALSE;
          g_free (person->id_number);
          person->id_number = value;
        }
      else if (person->id_number != NULL && g_str_equal (person->id_type, PASSPORT))
        {
          value = number_key (person->id_number);
          g_free (person->id_number);
          person->id_number = value;
        }
      if (person->birth_date != NULL)
        {
          value = desk_validate_date (person->birth_date, _("Birth date"), NULL, error);
          if (value == NULL)
            return FALSE;
          g_free (person->birth_date);
          person->birth_date = value;
        }
    }
  if (person->sex != DESK_SEX_MALE && person->sex != DESK_SEX_FEMALE)
    person->sex = DESK_SEX_UNKNOWN;

  if (person->ethnicity != NULL)
    {
      GError *local = NULL;

      value = desk_ethnicity_normalize (person->ethnicity, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      g_free (person->ethnicity);
      person->ethnicity = value;
    }

  trim_or_null (&person->phone);
  if (person->phone != NULL)
    {
      value = desk_validate_phone (person->phone, error);
      if (value == NULL)
        return FALSE;
      g_free (person->phone);
      person->phone = value;
    }

  trim_or_null (&person->address);
  trim_or_null (&person->legal_rep);
  trim_or_null (&person->notes);

  if (person->village_id < 0)
    person->village_id = 0;
  if (person->village_id > 0)
    {
      gboolean exists = FALSE;

      if (!village_exists (store, person->village_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          desk_set_field_error (error, _("Village"),
                                _("no such village or community, or it was deleted"));
          return FALSE;
        }
    }

  person->is_disabled = person->is_disabled != FALSE;
  person->is_migrant_worker = person->is_migrant_worker != FALSE;
  person->is_farmer = person->is_farmer != FALSE;
  person->is_military = person->is_military != FALSE;
  person->is_foreigner = person->is_foreigner != FALSE;
  return TRUE;
}

/**
 * desk_person_find_existing:
 *
 * The non-deleted person other than @person itself (its id) with the same
 * ID type and number (a 15-digit old number matches its 18-digit form);
 * else one with the same phone and name, unless both carry ID numbers
 * (then they are two people).
 *
 * Returns: the id, or 0.
 */
gint64
desk_person_find_existing (DeskStore        *store,
                           const DeskPerson *person)
{
  g_autofree char *number = NULL;
  g_autofree char *other = NULL;
  const char *id_type;
  sqlite3_stmt *stmt;
  gint64 found = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (person != NULL, 0);

  id_type = is_empty (person->id_type) ? default_id_type (person->kind) : person->id_type;
  if (!is_empty (person->id_number))
    {
      number = number_key (person->id_number);
      if (g_str_equal (id_type, ID_CARD))
        other = other_id_form (number);
      stmt = desk_store_prepare (store,
                                 "SELECT id FROM people"
                                 " WHERE id_type = ?1 AND id_number IN (?2, ?3)"
                                 " AND deleted_at IS NULL AND id <> ?4"
                                 " ORDER BY id LIMIT 1",
                                 NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, id_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, other ? other : number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, person->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        found = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (found > 0)
        return found;
    }

  if (is_empty (person->phone) || is_empty (person->name))
    return 0;
  stmt = desk_store_prepare (store,
                             "SELECT id FROM people"
                             " WHERE phone = ?1 AND name = ?2 AND kind = ?3"
                             " AND deleted_at IS NULL AND id <> ?4"
                             " AND (?5 = 0 OR id_number IS NULL)"
                             " ORDER BY id LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, person->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, person->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, person->kind == DESK_PERSON_ORGANISATION ? "org" : "person", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, person->id);
  sqlite3_bind_int (stmt, 5, is_empty (person->id_number) ? 0 : 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return found;
}

/**
 * desk_person_create:
 *
 * Validates @person (in place) and registers it; sets its id and
 * timestamps.
 *
 * Returns: the new id, or 0 with @error (%DESK_RECORD_ERROR_DUPLICATE
 *   naming the person already registered).
 */
gint64
desk_person_create (DeskStore   *store,
                    DeskPerson  *person,
                    GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 existing;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (person != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  person->id = 0;
  if (!desk_person_validate (store, person, error))
    goto fail;
  existing = desk_person_find_existing (store, person);
  if (existing > 0)
    {
      refuse_duplicate (store, person, existing, error);
      goto fail;
    }

  now = desk_timestamp ();
  stmt = desk_store_prepare (store,
                             "INSERT INTO people (kind, name, sex, birth_date, ethnicity,"
                             " id_type, id_number, id_old, phone, address, village_id,"
                             " legal_rep, is_disabled, is_migrant_worker, is_farmer,"
                             " is_military, is_foreigner, notes, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                             " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  sqlite3_bind_text (stmt, 19, now, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  person->id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    {
      person->id = 0;
      return 0;
    }
  replace (&person->created_at, now);
  replace (&person->updated_at, now);
  return person->id;

fail:
  desk_store_rollback (store);
  return 0;
}

/**
 * desk_person_get:
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with
 *   %DESK_RECORD_ERROR_NOT_FOUND when there is none or it was deleted.
 */
DeskPerson *
desk_person_get (DeskStore  *store,
                 gint64      id,
                 GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return load (store, id, error);
}

/**
 * desk_person_update:
 *
 * Validates @person (in place) and writes it over the entry of its id;
 * refuses to make it a duplicate of another person.
 */
gboolean
desk_person_update (DeskStore   *store,
                    DeskPerson  *person,
                    GError     **error)
{
  g_autoptr(DeskPerson) old = NULL;
  gint64 existing;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  old = load (store, person->id, error);
  if (old == NULL || !desk_person_validate (store, person, error))
    goto fail;
  existing = desk_person_find_existing (store, person);
  if (existing > 0)
    {
      refuse_duplicate (store, person, existing, error);
      goto fail;
    }
  if (!write_update (store, person, error))
    goto fail;
  if (!desk_store_commit (store, error))
    return FALSE;
  replace (&person->created_at, old->created_at);
  return TRUE;

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_person_delete:
 *
 * Soft-deletes the entry; refuses with %DESK_RECORD_ERROR_IN_USE while a
 * non-deleted consultation, mediation case or legal-aid application names
 * the person.
 */
gboolean
desk_person_delete (DeskStore  *store,
                    gint64      id,
                    GError    **error)
{
  g_autoptr(DeskPerson) person = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int consultations = 0, cases = 0, aid = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  person = load (store, id, error);
  if (person == NULL)
    goto fail;

  stmt = desk_store_prepare (store,
                             "SELECT (SELECT count(*) FROM consultations"
                             "         WHERE person_id = ?1 AND deleted_at IS NULL),"
                             " (SELECT count(DISTINCT c.id) FROM case_parties p"
                             "   JOIN mediation_cases c ON c.id = p.case_id"
                             "   WHERE p.person_id = ?1 AND c.deleted_at IS NULL),"
                             " (SELECT count(*) FROM legal_aid"
                             "   WHERE person_id = ?1 AND deleted_at IS NULL)",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      desk_store_set_sql_error (store, error);
      goto fail;
    }
  consultations = sqlite3_column_int (stmt, 0);
  cases = sqlite3_column_int (stmt, 1);
  aid = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  if (consultations + cases + aid > 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE,
                   _("%s is still named in records (consultations: %d, mediation cases: %d, "
                     "legal-aid applications: %d) and cannot be deleted"),
                   person->name, consultations, cases, aid);
      goto fail;
    }

  now = desk_timestamp ();
  stmt = desk_store_prepare (store,
                             "UPDATE people SET deleted_at = ?1, updated_at = ?1"
                             " WHERE id = ?2 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

/* An import may register one person twice by its own rules: first by phone
 * and name, later by ID number alone.  When a row then brings both, the
 * entry without an ID number that matches by phone and name is the same
 * person: its records move to the entry with the ID number, which keeps its
 * own values and takes the twin's where it has none, and the twin is
 * deleted.  The caller holds the transaction. */
static gboolean
absorb_twin (DeskStore         *store,
             DeskPerson       **existing,
             const DeskPerson  *person,
             GError           **error)
{
  static const char *const repoint[] = {
    "UPDATE consultations SET person_id = ?1 WHERE person_id = ?2",
    /* a case that names both keeps one party row per role */
    "DELETE FROM case_parties WHERE person_id = ?2 AND EXISTS"
    " (SELECT 1 FROM case_parties p WHERE p.case_id = case_parties.case_id"
    "  AND p.person_id = ?1 AND p.role = case_parties.role)",
    "UPDATE case_parties SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE legal_aid SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE people SET deleted_at = ?3, updated_at = ?3 WHERE id = ?2",
  };
  g_autoptr(DeskPerson) twin = NULL;
  g_autofree char *now = NULL;
  DeskPerson *merged;
  sqlite3_stmt *stmt;
  gint64 twin_id = 0;

  if (is_empty (person->phone) || is_empty (person->name) || is_empty ((*existing)->id_number))
    return TRUE;
  stmt = desk_store_prepare (store,
                             "SELECT id FROM people WHERE phone = ?1 AND name = ?2 AND kind = ?3"
                             " AND id_number IS NULL AND deleted_at IS NULL AND id <> ?4"
                             " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, person->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, (*existing)->kind == DESK_PERSON_ORGANISATION ? "org" : "person",
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (*existing)->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    twin_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (twin_id == 0)
    return TRUE;

  twin = load (store, twin_id, error);
  if (twin == NULL)
    return FALSE;
  now = desk_timestamp ();
  for (guint i = 0; i < G_N_ELEMENTS (repoint); i++)
    {
      stmt = desk_store_prepare (store, repoint[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, (*existing)->id);
      sqlite3_bind_int64 (stmt, 2, twin_id);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      if (!desk_store_step_done (store, stmt, error))
        return FALSE;
    }

  merged = desk_person_copy (twin);
  merge_into (merged, *existing);
  merged->id = (*existing)->id;
  replace (&merged->created_at, (*existing)->created_at);
  desk_person_free (*existing);
  *existing = merged;
  return TRUE;
}

/**
 * desk_person_ensure:
 * @update: fill and overwrite the existing entry with @person's non-empty
 *   values
 *
 * Validates @person (in place), then finds the person it names or creates
 * it.  With @update, later non-empty values win over the register's, a
 * flag once set stays set, and a registered 居民身份证 number keeps
 * deciding birth date and sex.  Sets @person->id.
 *
 * Returns: the id, or 0 with @error.
 */
gint64
desk_person_ensure (DeskStore   *store,
                    DeskPerson  *person,
                    gboolean     update,
                    GError     **error)
{
  g_autoptr(DeskPerson) existing = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (person != NULL, 0);

  if (!desk_store_begin (store, error))
    return 0;
  person->id = 0;
  if (!desk_person_validate (store, person, error))
    goto fail;
  id = desk_person_find_existing (store, person);
  if (id == 0)
    {
      id = desk_person_create (store, person, error);
      if (id == 0)
        goto fail;
    }
  else if (update)
    {
      existing = load (store, id, error);
      if (existing == NULL || !absorb_twin (store, &existing, person, error))
        goto fail;
      merge_into (existing, person);
      if (!desk_person_update (store, existing, error))
        goto fail;
    }
  if (!desk_store_commit (store, error))
    return 0;
  person->id = id;
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

/**
 * desk_person_search:
 *
 * Matches @query->text against names (prefix or anywhere), ID numbers and
 * phone numbers (exact or any part; spaces and dashes ignored).  Best
 * first: an exact ID number or phone, then names starting with the text
 * (shorter first), then the rest; ties by name.
 *
 * Returns: (transfer full) (element-type DeskPerson): the people found.
 */
GPtrArray *
desk_person_search (DeskStore              *store,
                    const DeskPersonQuery  *query,
                    GError                **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_person_free);
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *name_escaped = NULL;
  g_autofree char *key_escaped = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *contains = NULL;
  g_autofree char *key_contains = NULL;
  sqlite3_stmt *stmt;
  gint64 limit;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  limit = query->limit > 0 ? (gint64) query->limit : -1;
  text = g_strstrip (g_strdup (query->text ? query->text : ""));

  if (*text == '\0')
    {
      stmt = desk_store_prepare (store,
                                 "SELECT " PERSON_COLUMNS " FROM people"
                                 " WHERE deleted_at IS NULL"
                                 " ORDER BY name, id LIMIT ?1",
                                 error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, limit);
    }
  else
    {
      key = number_key (text);
      phone = desk_validate_phone (text, NULL);
      name_escaped = like_escape (text);
      key_escaped = like_escape (key);
      prefix = g_strconcat (name_escaped, "%", NULL);
      contains = g_strconcat ("%", name_escaped, "%", NULL);
      key_contains = g_strconcat ("%", key_escaped, "%", NULL);

      stmt = desk_store_prepare (store,
                                 "SELECT " PERSON_COLUMNS ","
                                 " CASE WHEN id_number = ?1 OR phone = ?2 THEN 0"
                                 "      WHEN name LIKE ?3 ESCAPE '\\' THEN 1"
                                 "      ELSE 2 END AS rank"
                                 " FROM people"
                                 " WHERE deleted_at IS NULL"
                                 " AND (id_number = ?1 OR phone = ?2"
                                 "      OR name LIKE ?4 ESCAPE '\\'"
                                 /* ?5 is '%%' (matching everything) when
                                  * the text has no number characters. */
                                 "      OR (?5 <> '%%' AND (id_number LIKE ?5 ESCAPE '\\'"
                                 "          OR replace (phone, '-', '') LIKE ?5 ESCAPE '\\')))"
                                 " ORDER BY rank, length (name), name, id LIMIT ?6",
                                 error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, phone ? phone : key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, contains, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, key_contains, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, limit);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, person_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}
