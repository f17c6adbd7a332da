/* desk-test-util.h — what the tests share: a private home per test run. */
#pragma once

#include <glib.h>

#include "desk-store.h"

G_BEGIN_DECLS

void        desk_test_init           (int          *argc,
                                      char       ***argv);
const char *desk_test_dir            (void);
char       *desk_test_path           (const char   *name);
DeskStore  *desk_test_open_store     (const char   *name);
void        desk_test_exec           (DeskStore    *store,
                                      const char   *sql);
gint64      desk_test_query_int      (DeskStore    *store,
                                      const char   *sql);
char       *desk_test_query_text     (DeskStore    *store,
                                      const char   *sql);

G_END_DECLS
