/* desk-person-history.c — one person's history ("一人一档").
 *
 * Every record that names a person of the register by id: consultations
 * (咨询人, consultations.person_id), mediation cases (a party in
 * case_parties, with the roles there) and legal-aid applications
 * (申请人, legal_aid.person_id).  Screenings and adviser services name no
 * one of the register.  An application's 代理申请人 is kept as a name only;
 * it is taken for this person when the register holds no one else of that
 * name, since a namesake's application in someone's file would be worse
 * than one missing (a shared name leaves the application out).
 *
 * One statement over the indexes on the person columns
 * (consultations_person, case_parties_person, legal_aid_person,
 * legal_aid_agent): a few index lookups however large the ledger.
 */
#define G_LOG_DOMAIN "desk-person-history"

#include "config.h"

#include "desk-person.h"
#include "desk-person-history.h"

/* Newest first: by day; on one day a case or an application comes after
 * the consultation it is usually opened from, so it is shown above it;
 * then by time where the record has one, then the later record first.
 * Columns: kind, id, day, number, text, role, status, date-time, rank. */
#define HISTORY_SQL \
  "SELECT 'consultation', c.id, substr (c.at, 1, 10), c.number, c.content, '咨询人'," \
  "  r.label, c.at, 1" \
  " FROM consultations c LEFT JOIN codes r ON r.id = c.result_id" \
  " WHERE c.person_id = ?1 AND c.deleted_at IS NULL" \
  " UNION ALL" \
  " SELECT 'mediation_case', m.id, m.accepted_on, m.number, m.summary," \
  "  (SELECT group_concat (role, '、') FROM (SELECT role FROM case_parties" \
  "    WHERE case_id = m.id AND person_id = ?1 ORDER BY sort_order, id))," \
  "  m.status, m.accepted_on, 2" \
  " FROM mediation_cases m" \
  " WHERE m.id IN (SELECT case_id FROM case_parties WHERE person_id = ?1)" \
  "  AND m.deleted_at IS NULL" \
  " UNION ALL" \
  " SELECT 'legal_aid', a.id, substr (a.received_at, 1, 10), a.number, a.summary, '申请人'," \
  "  a.status, a.received_at, 3" \
  " FROM legal_aid a WHERE a.person_id = ?1 AND a.deleted_at IS NULL" \
  " UNION ALL" \
  " SELECT 'legal_aid', a.id, substr (a.received_at, 1, 10), a.number, a.summary," \
  "  '代理申请人', a.status, a.received_at, 3" \
  " FROM legal_aid a WHERE a.agent_name = ?2 AND a.deleted_at IS NULL AND a.person_id <> ?1" \
  "  AND (SELECT count(*) FROM people WHERE name = ?2 AND deleted_at IS NULL) = 1" \
  " ORDER BY 3 DESC, 9 DESC, 8 DESC, 2 DESC"

void
desk_person_history_entry_free (DeskPersonHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->number);
  g_free (entry->summary);
  g_free (entry->role);
  g_free (entry->status);
  g_free (entry);
}

/* @text on one line: each run of blanks and line breaks one space, cut
 * after DESK_PERSON_HISTORY_SUMMARY_CHARS characters with "…". */
static char *
one_line (const char *text)
{
  GString *line = g_string_new (NULL);
  gboolean blank = FALSE;
  guint n = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          blank = line->len > 0;
          continue;
        }
      if (n + (blank ? 1 : 0) >= DESK_PERSON_HISTORY_SUMMARY_CHARS)
        {
          g_string_append (line, "…");
          break;
        }
      if (blank)
        {
          g_string_append_c (line, ' ');
          n++;
          blank = FALSE;
        }
      g_string_append_unichar (line, c);
      n++;
    }
  return g_string_free (line, FALSE);
}

static char *
dup_text (sqlite3_stmt *stmt,
          int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

/* The kinds, as static strings. */
static const char *
kind_of (const char *text)
{
  static const char *const kinds[] = { "consultation", "mediation_case", "legal_aid" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i]) == 0)
      return kinds[i];
  g_return_val_if_reached (NULL);
}

/**
 * desk_person_history:
 * @person_id: a live person of the register
 * @entries: (out) (transfer full) (element-type DeskPersonHistoryEntry):
 *   one entry per live record that names the person, newest first
 *
 * Returns: %FALSE with @error, %DESK_RECORD_ERROR_NOT_FOUND when there is
 *   no such person or they were deleted.
 */
gboolean
desk_person_history (DeskStore  *store,
                     gint64      person_id,
                     GPtrArray **entries,
                     GError    **error)
{
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *entries = NULL;
  person = desk_person_get (store, person_id, error);
  if (person == NULL)
    return FALSE;

  stmt = desk_store_prepare (store, HISTORY_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, person->name, -1, SQLITE_TRANSIENT);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_person_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskPersonHistoryEntry *entry = g_new0 (DeskPersonHistoryEntry, 1);

      entry->kind = kind_of ((const char *) sqlite3_column_text (stmt, 0));
      entry->id = sqlite3_column_int64 (stmt, 1);
      entry->date = dup_text (stmt, 2);
      entry->number = dup_text (stmt, 3);
      entry->summary = one_line ((const char *) sqlite3_column_text (stmt, 4));
      entry->role = dup_text (stmt, 5);
      entry->status = dup_text (stmt, 6);
      g_ptr_array_add (found, entry);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);

  *entries = g_steal_pointer (&found);
  return TRUE;
}
