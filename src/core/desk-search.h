/* desk-search.h — full-text search over the station's records.
 *
 * Finds records whose names, ID numbers, phones, numbers, summaries or notes
 * contain what the clerk typed, exactly: a query of two or more characters
 * finds the records containing that text (ASCII letters in either case), so
 * two-character Chinese names and four-digit phone fragments work as well as
 * long phrases.  Blanks separate words, and a record must contain every
 * word.  A consultation, mediation case or legal-aid application is also
 * found by the name, ID number or phone of its person (its parties).
 *
 * The index (schema/003-search.sql) is updated by triggers in the same
 * transaction as the record, so a saved record is found at once.
 */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* Kinds of record, by table name: "people", "consultations",
 * "mediation_cases", "legal_aid", "screenings", "adviser_services". */

typedef struct
{
  const char *kind;   /* one of the table names above (static string) */
  gint64      id;
} DeskSearchHit;

gboolean  desk_search_register      (DeskStore      *store,
                                     GError        **error);

gboolean  desk_search               (DeskStore      *store,
                                     const char     *kind,
                                     const char     *query,
                                     guint           limit,
                                     guint           offset,
                                     GArray        **hits,
                                     GError        **error);
gboolean  desk_search_ids           (DeskStore      *store,
                                     const char     *kind,
                                     const char     *query,
                                     GArray        **ids,
                                     GError        **error);
gboolean  desk_search_filter_ids    (DeskStore      *store,
                                     const char     *kind,
                                     const char     *query,
                                     GArray         *ids,
                                     GError        **error);
gboolean  desk_search_query_is_empty (const char    *query);

gboolean  desk_search_rebuild       (DeskStore      *store,
                                     GError        **error);
gboolean  desk_search_check         (DeskStore      *store,
                                     GError        **error);
gboolean  desk_search_suspend       (DeskStore      *store,
                                     GError        **error);
gboolean  desk_search_resume        (DeskStore      *store,
                                     GError        **error);
gboolean  desk_search_is_suspended  (DeskStore      *store);
gboolean  desk_search_defer         (DeskStore      *store,
                                     GError        **error);
gboolean  desk_search_catch_up      (DeskStore      *store,
                                     GError        **error);

/* Binds @ids (element-type gint64) to parameter @idx for the table-valued
 * function desk_ids(): `id IN (SELECT value FROM desk_ids (?1))`.  @ids must
 * outlive the statement's next reset. */
void      desk_sql_bind_ids         (sqlite3_stmt   *stmt,
                                     int             idx,
                                     GArray         *ids);

G_END_DECLS
