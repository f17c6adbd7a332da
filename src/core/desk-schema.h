/* desk-schema.h — the ledger's schema and its migrations (internal to the core). */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

int      desk_schema_latest_version        (void);
gboolean desk_schema_migrate_to            (DeskStore  *store,
                                            int         version,
                                            GError    **error);
gboolean desk_schema_verify                (DeskStore  *store,
                                            GError    **error);
gboolean desk_schema_register_functions    (DeskStore  *store,
                                            GError    **error);
gboolean desk_schema_check_consistency     (DeskStore  *store,
                                            GPtrArray  *problems,
                                            GError    **error);

G_END_DECLS
