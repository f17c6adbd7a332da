/* desk-schema.c — migrations, the schema check on open, and the checks of
 * consistency that the schema cannot state as constraints.
 *
 * Migrations are an ordered list of SQL resources, schema/NNN-*.sql, each
 * run in one transaction by desk-store.c; PRAGMA user_version records the
 * last one applied.  Never edit a released migration: add the next one.
 */
#define G_LOG_DOMAIN "desk-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-core-resources.h"
#include "desk-schema.h"
#include "desk-search.h"

#define SCHEMA_RESOURCE "/io/github/legaldesk/LegalDesk/core/schema/"

/* In order: migration N is migrations[N - 1]. */
static const char *const migrations[] = {
  "001-initial.sql",
  "002-report-history.sql",
  "003-search.sql",
  "004-figure-months.sql",
  "005-list-filters.sql",
};

/* Tables a ledger of the latest schema must have. */
static const char *const required_tables[] = {
  "settings", "holidays", "codes", "sequences", "villages", "staff", "committees",
  "mediators", "people", "consultations", "mediation_cases", "case_parties",
  "case_mediators", "case_visits", "screenings", "legal_aid", "advisers",
  "adviser_assignments", "adviser_services", "report_exports", "figure_months",
};

int
desk_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static GBytes *
load_migration (int      version,
                GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);

  /* The static core library must keep its resources linked in. */
  g_resources_register (desk_core_get_resource ());
  path = g_strconcat (SCHEMA_RESOURCE, migrations[version - 1], NULL);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * desk_schema_migrate_to:
 *
 * Applies migration @version; the caller holds the transaction.
 */
gboolean
desk_schema_migrate_to (DeskStore  *store,
                        int         version,
                        GError    **error)
{
  g_autoptr(GBytes) sql = load_migration (version, error);
  g_autofree char *text = NULL;
  gsize len;

  if (sql == NULL)
    return FALSE;
  /* A migration may create a table with our tokenizer, or fill one. */
  if (!desk_schema_register_functions (store, error))
    return FALSE;
  text = g_strndup (g_bytes_get_data (sql, &len), g_bytes_get_size (sql));
  if (!desk_store_exec (store, text, error))
    return FALSE;

  /* Data that goes with a migration. */
  if (version == 1 && !desk_codes_seed (store, error))
    return FALSE;
  return TRUE;
}

/**
 * desk_schema_verify:
 *
 * Checks that the file has the tables of its schema version: a ledger with
 * a table missing is damaged, and using it would fail later and worse.
 */
gboolean
desk_schema_verify (DeskStore  *store,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GString) missing = g_string_new (NULL);

  stmt = desk_store_prepare (store,
                             "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      sqlite3_bind_text (stmt, 1, required_tables[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 1)
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", required_tables[i]);
      sqlite3_reset (stmt);
    }
  if (missing->len > 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The ledger is damaged: tables are missing (%s). Restore a backup."),
                   missing->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_schema_register_functions:
 *
 * SQL functions and tokenizers the schema and queries use.
 */
gboolean
desk_schema_register_functions (DeskStore  *store,
                                GError    **error)
{
  return desk_search_register (store, error);
}

typedef struct
{
  const char *sql;      /* rows that break the rule: one text column describing each */
  const char *rule;     /* what the rule is */
} ConsistencyRule;

static const ConsistencyRule rules[] = {
  { "SELECT kind || ': ' || scope || ' ' || year FROM ("
    " SELECT 'consultation' AS kind, 'consultation' AS scope, year, max (seq) AS m"
    "  FROM consultations GROUP BY year"
    " UNION ALL SELECT 'legal_aid', 'legal_aid', year, max (seq) FROM legal_aid GROUP BY year"
    " UNION ALL SELECT 'case', 'case:' || committee_id, year, max (seq) FROM mediation_cases"
    "  GROUP BY committee_id, year) AS used"
    " WHERE m > coalesce ((SELECT last FROM sequences s"
    "                      WHERE s.scope = used.scope AND s.year = used.year), 0)",
    N_("a number is above its sequence and could be given twice") },
  { "SELECT number FROM mediation_cases c WHERE party_count <"
    " (SELECT count(*) FROM case_parties p WHERE p.case_id = c.id)",
    N_("a case counts fewer parties than it lists") },
  { "SELECT c.number FROM consultations c JOIN codes k ON k.id = c.channel_id"
    " WHERE k.kind <> 'channel'"
    " UNION ALL SELECT c.number FROM consultations c JOIN codes k ON k.id = c.category_id"
    " WHERE k.kind <> 'consult_category'"
    " UNION ALL SELECT c.number FROM consultations c JOIN codes k ON k.id = c.result_id"
    " WHERE k.kind <> 'consult_result'"
    " UNION ALL SELECT m.number FROM mediation_cases m JOIN codes k ON k.id = m.dispute_type_id"
    " WHERE k.kind <> 'dispute_type'"
    " UNION ALL SELECT m.number FROM mediation_cases m JOIN codes k ON k.id = m.source_id"
    " WHERE k.kind <> 'case_source'"
    " UNION ALL SELECT a.number FROM legal_aid a JOIN codes k ON k.id = a.matter_id"
    " WHERE k.kind <> 'aid_matter'",
    N_("a record points at a label of the wrong list") },
  { "SELECT number FROM mediation_cases m WHERE deleted_at IS NULL AND EXISTS"
    " (SELECT 1 FROM case_visits v WHERE v.case_id = m.id AND v.deleted_at IS NULL"
    "  AND (m.closed_on IS NULL OR v.visited_on < m.closed_on))",
    N_("a follow-up visit lies before the case was closed") },
  { "SELECT number FROM legal_aid WHERE centre_accepted_on < forwarded_on"
    " OR decided_on < forwarded_on",
    N_("an application's steps are out of order") },
};

/**
 * desk_schema_check_consistency:
 * @problems: (element-type utf8): receives "rule: record" lines
 */
gboolean
desk_schema_check_consistency (DeskStore  *store,
                               GPtrArray  *problems,
                               GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      sqlite3_stmt *stmt = desk_store_prepare (store, rules[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (problems,
                         g_strdup_printf ("%s：%s", _(rules[i].rule),
                                          (const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return TRUE;
}
