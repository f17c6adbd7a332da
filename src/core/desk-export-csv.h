/* desk-export-csv.h — every record kind written out as the CSV files that
 * import.md describes, so that export → import into an empty ledger →
 * export gives back the same bytes.
 */
#pragma once

#include "desk-import.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Writes one file per kind into @dir (created when missing): UTF-8 with a
 * BOM, CRLF, headers in import.md's order with the optional columns,
 * deleted records left out, in a stable order. */
gboolean  desk_export_csv      (DeskStore    *store,
                                const char   *dir,
                                GError      **error);

/* The cells of one record as its kind's file has them, one per column of
 * desk_csv_kind_columns() (empty cells are ""), before formula escaping.
 * @id is the record's id (mediation_parties: a case_parties id;
 * adviser_assignments: an adviser_assignments id).  Returns NULL when the
 * record is deleted, does not exist, or (parties, assignments) is not one
 * that its file carries. */
GStrv     desk_export_csv_row  (DeskStore    *store,
                                DeskCsvKind   kind,
                                gint64        id,
                                GError      **error);

G_END_DECLS
