/* desk-test-util.c — a fresh, private home for every test program.
 *
 * Tests never touch a real user's data: XDG_DATA_HOME and friends point at
 * a temporary folder that is removed at exit.  "Today" is fixed so that
 * figures and date checks do not depend on when the suite runs, unless the
 * test environment already sets LEGALDESK_TODAY.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "desk-test-util.h"

static char *test_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (test_dir != NULL && g_getenv ("DESK_TEST_KEEP") == NULL)
    remove_tree (test_dir);
}

void
desk_test_init (int    *argc,
                char ***argv)
{
  const char *subdirs[] = { "data", "config", "cache", "runtime" };
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                         "XDG_RUNTIME_DIR" };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  test_dir = g_dir_make_tmp ("legaldesk-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_dir, subdirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", test_dir, TRUE);
  if (g_getenv ("LEGALDESK_TODAY") == NULL)
    g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  atexit (cleanup);
}

const char *
desk_test_dir (void)
{
  return test_dir;
}

char *
desk_test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* Opens (creating) a ledger in the test folder; asserts success. */
DeskStore *
desk_test_open_store (const char *name)
{
  g_autofree char *path = desk_test_path (name);
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
desk_test_exec (DeskStore  *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  desk_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

gint64
desk_test_query_int (DeskStore  *store,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
desk_test_query_text (DeskStore  *store,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = desk_sql_dup_text (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}
