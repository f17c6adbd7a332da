/* desk-sequence.h — per-year numbers (编号, 登记号, 案号) that are never
 * given twice, deleted record or not. */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* The next number of @scope in @year; the caller holds the transaction. */
gboolean desk_sequence_next  (DeskStore   *store,
                              const char  *scope,
                              int          year,
                              int         *number,
                              GError     **error);
/* Records that @number was used (a given number, kept as written): later
 * numbers continue after the highest one used. */
gboolean desk_sequence_claim (DeskStore   *store,
                              const char  *scope,
                              int          year,
                              int          number,
                              GError     **error);

char    *desk_timestamp      (void);   /* "YYYY-MM-DD HH:MM:SS" now, for created_at */

G_END_DECLS
