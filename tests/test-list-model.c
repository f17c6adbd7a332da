/* test-list-model.c — the lazy list model: on 100,000 consultations it
 * builds rows only for the pages asked for; filters and sorts come from
 * SQL; an asynchronous reload runs in a worker and can be cancelled or
 * superseded; a reload and a refresh after an edit emit items-changed for
 * what changed only. */
#include "config.h"

#include <string.h>

#include "desk-list-model.h"
#include "desk-search.h"
#include "desk-test-util.h"
#include "search-corpus.h"

#define BIG 100000

static char *big_path;     /* 100,000 consultations, built once */
static char *small_path;   /* a few hundred records; tests edit it */

static DeskStore *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  DeskStore *store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
make_ledger (const char       *name,
             const CorpusSize *size,
             char            **path)
{
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  *path = desk_test_path (name);
  store = open_path (*path);
  /* A bulk load: the index is built once at the end. */
  g_assert_true (desk_search_suspend (store, &error));
  corpus_fill (store, size);
  g_assert_true (desk_search_resume (store, &error));
  g_assert_no_error (error);
}

/* Ids a plain SQL statement yields, with up to two bound texts. */
static GArray *
sql_ids (DeskStore  *store,
         const char *sql,
         const char *a,
         const char *b)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_model_ids (DeskListModel *model,
                  GArray        *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    if (desk_list_model_get_id (model, i) != g_array_index (expected, gint64, i))
      g_error ("position %u: id %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, i,
               desk_list_model_get_id (model, i), g_array_index (expected, gint64, i));
}

static DeskRow *
item (DeskListModel *model,
      guint          position)
{
  DeskRow *row = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (row);
  g_object_unref (row);   /* the model's cache keeps it */
  return row;
}

/* Laziness */

static void
test_lazy_pages (void)
{
  g_autoptr(DeskStore) store = open_path (big_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = NULL;
  guint n;
  DeskRow *row0;
  guint64 built;

  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, BIG);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == DESK_TYPE_ROW);

  /* The first screen: one page. */
  for (guint i = 0; i < 50; i++)
    item (model, i);
  g_test_message ("items 0..49 built %" G_GUINT64_FORMAT " rows",
                  desk_list_model_get_rows_built (model));
  g_assert_cmpuint (desk_list_model_get_rows_built (model), <=, 100);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 50);
  g_assert_cmpuint (desk_list_model_get_pages_loaded (model), ==, 1);
  row0 = item (model, 0);
  g_assert_true (item (model, 0) == row0);   /* cached: the same object */

  /* Newest first, in SQL's order; the row shows the record. */
  first = sql_ids (store, "SELECT id FROM consultations WHERE deleted_at IS NULL"
                          " ORDER BY at DESC, id DESC LIMIT 50", NULL, NULL);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpint (desk_row_get_id (item (model, i)), ==, g_array_index (first, gint64, i));
  for (guint i = 1; i < 50; i++)
    g_assert_cmpstr (desk_row_get (item (model, i - 1), "at"), >=,
                     desk_row_get (item (model, i), "at"));
  {
    g_autofree char *number = desk_test_query_text (store,
      "SELECT number FROM consultations WHERE deleted_at IS NULL ORDER BY at DESC, id DESC");

    g_assert_cmpstr (desk_row_get (row0, "number"), ==, number);
    g_assert_cmpstr (desk_row_get_text (row0, 0), ==, number);
    g_assert_cmpuint (desk_row_get_n_columns (row0), ==,
                      g_strv_length ((char **) desk_list_model_get_columns (model)));
    g_assert_false (desk_row_get_gone (row0));
  }

  /* Scrolled to the end: only the last page is read. */
  for (guint i = n - 50; i < n; i++)
    item (model, i);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 100);
  g_assert_cmpuint (desk_list_model_get_pages_loaded (model), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  /* Anywhere: the pages holding the positions asked for. */
  item (model, 50000);
  item (model, 50049);
  item (model, 73333);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 200);
  g_assert_cmpuint (desk_list_model_get_pages_loaded (model), ==, 4);

  /* Pages not used for a while are let go, and read again when asked. */
  built = desk_list_model_get_rows_built (model);
  for (guint p = 100; p < 140; p++)
    item (model, p * DESK_LIST_PAGE_SIZE);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, built + 40 * 50);
  built = desk_list_model_get_rows_built (model);
  item (model, 139 * DESK_LIST_PAGE_SIZE + 7);   /* recent: cached */
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, built);
  item (model, 3);                              /* long ago: read again */
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, built + 50);
}

/* Filters and sorts in SQL */

static void
test_filter_and_sort (void)
{
  g_autoptr(DeskStore) store = open_path (big_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GError) error = NULL;
  g_autofree char *category = desk_test_query_text (store,
    "SELECT category_id FROM consultations GROUP BY category_id ORDER BY count(*) LIMIT 1");
  g_autofree char *village = desk_test_query_text (store,
    "SELECT village_id FROM consultations GROUP BY village_id ORDER BY count(*) DESC LIMIT 1");
  DeskListFilter filter = {
    .from = "2025-03-01", .until = "2025-03-31",
    .category_id = g_ascii_strtoll (category, NULL, 10),
  };
  g_autoptr(GArray) expected = NULL;
  guint n;

  desk_list_model_set_filter (model, &filter);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_assert_no_error (error);
  expected = sql_ids (store, "SELECT id FROM consultations WHERE deleted_at IS NULL"
                             " AND substr (at, 1, 10) BETWEEN '2025-03-01' AND '2025-03-31'"
                             " AND category_id = ?1 ORDER BY at DESC, id DESC", category, NULL);
  g_assert_cmpuint (expected->len, >, 100);
  g_assert_cmpuint (expected->len, <, BIG / 20);
  assert_model_ids (model, expected);
  /* Nothing was built to filter. */
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 0);

  /* By number, oldest first. */
  g_clear_pointer (&expected, g_array_unref);
  g_assert_true (desk_list_model_set_sort (model, "number", FALSE));
  desk_list_model_set_filter (model, NULL);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  expected = sql_ids (store, "SELECT id FROM consultations WHERE deleted_at IS NULL"
                             " ORDER BY year, seq", NULL, NULL);
  assert_model_ids (model, expected);
  g_assert_cmpstr (desk_row_get (item (model, 0), "number"), ==, "ZX2024-0001");
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 50);

  /* By person, descending: names never increase down the list. */
  g_assert_true (desk_list_model_set_sort (model, "person", TRUE));
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 1; i < 300; i++)
    g_assert_cmpint (strcmp (desk_row_get (item (model, i - 1), "person"),
                             desk_row_get (item (model, i), "person")), >=, 0);
  /* Anonymous visitors (no person) come last. */
  g_assert_cmpstr (desk_row_get (item (model, n - 1), "person"), ==, "");
  g_assert_false (desk_list_model_set_sort (model, "no-such-key", TRUE));

  /* A search with a village: the words in the record's own fields (no
   * person's text holds them). */
  g_clear_pointer (&expected, g_array_unref);
  filter = (DeskListFilter) {
    .village_id = g_ascii_strtoll (village, NULL, 10), .search = "  工伤认定 ",
  };
  desk_list_model_set_filter (model, &filter);
  desk_list_model_set_sort (model, NULL, TRUE);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  expected = sql_ids (store, "SELECT id FROM consultations WHERE deleted_at IS NULL"
                             " AND village_id = ?1 AND (instr (content, ?2) > 0"
                             "  OR instr (number, ?2) > 0 OR instr (coalesce (reply, ''), ?2) > 0)"
                             " ORDER BY at DESC, id DESC", village, "工伤认定");
  g_assert_cmpuint (expected->len, >, 50);
  assert_model_ids (model, expected);
}

/* Asynchronous reloads */

typedef struct
{
  GMainLoop *loop;
  int        pending;
} Waiter;

typedef struct
{
  Waiter   *waiter;
  gboolean  ok;
  GError   *error;
} Call;

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;

  g_clear_error (&call->error);
  call->ok = desk_list_model_reload_finish (DESK_LIST_MODEL (source), result, &call->error);
  if (--call->waiter->pending == 0)
    g_main_loop_quit (call->waiter->loop);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change c = { position, removed, added };

  g_array_append_val (changes, c);
}

static void
assert_changes (GArray *changes,
                guint   n,
                ...)
{
  va_list args;

  g_assert_cmpuint (changes->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      g_assert_cmpuint (c->position, ==, va_arg (args, guint));
      g_assert_cmpuint (c->removed, ==, va_arg (args, guint));
      g_assert_cmpuint (c->added, ==, va_arg (args, guint));
    }
  va_end (args);
  g_array_set_size (changes, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static void
test_async_reload (void)
{
  g_autoptr(DeskStore) store = open_path (big_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop, 0 };
  Call first = { &w }, second = { &w };
  DeskListFilter march = { .from = "2025-03-01", .until = "2025-03-31" };
  DeskListFilter april = { .from = "2025-04-01", .until = "2025-04-30" };
  int loading_changes = 0;
  gint64 n_april;

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  g_signal_connect (model, "notify::loading", G_CALLBACK (count_notify), &loading_changes);

  /* Loads in a worker; the main loop runs meanwhile. */
  w.pending = 1;
  desk_list_model_reload_async (model, NULL, reloaded, &first);
  g_assert_true (desk_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_main_loop_run (loop);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  g_assert_false (desk_list_model_get_loading (model));
  g_assert_cmpint (loading_changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, BIG);
  assert_changes (changes, 1, 0, 0, BIG);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 0);

  /* Again, nothing changed: no signal. */
  w.pending = 1;
  first.ok = FALSE;
  desk_list_model_reload_async (model, NULL, reloaded, &first);
  g_main_loop_run (loop);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  assert_changes (changes, 0);

  /* Cancelled: an error, and the list stays as it was. */
  w.pending = 1;
  desk_list_model_set_filter (model, &march);
  desk_list_model_reload_async (model, cancellable, reloaded, &first);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (loop);
  g_assert_false (first.ok);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, BIG);
  assert_changes (changes, 0);
  g_assert_false (desk_list_model_get_loading (model));

  /* Superseded: the first of two reloads gives way to the second. */
  w.pending = 2;
  desk_list_model_reload_async (model, NULL, reloaded, &first);
  desk_list_model_set_filter (model, &april);
  desk_list_model_reload_async (model, NULL, reloaded, &second);
  g_main_loop_run (loop);
  g_assert_false (first.ok);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (second.ok);
  g_assert_no_error (second.error);
  n_april = desk_test_query_int (store, "SELECT count(*) FROM consultations"
                                        " WHERE at BETWEEN '2025-04-01' AND '2025-04-30 99'");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_april);
  g_assert_false (desk_list_model_get_loading (model));
  /* One change from everything to April (head and tail may be kept). */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed -
                    g_array_index (changes, Change, 0).added, ==, BIG - n_april);
  g_clear_error (&first.error);
}

/* Edits */

static void
exec_bound (DeskStore  *store,
            const char *sql,
            const char *text,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  desk_sql_bind_text_or_null (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_true (desk_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

static void
refresh (DeskListModel *model,
         gint64         id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_list_model_refresh_ids (model, &id, 1, &error));
  g_assert_no_error (error);
}

static void
test_refresh_after_edit (void)
{
  g_autoptr(DeskStore) store = open_path (small_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  DeskRow *before2, *before3;
  gint64 id3, id5, far, unlisted = 987654;
  guint n;
  guint64 built;

  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  before2 = item (model, 2);
  before3 = item (model, 3);
  g_object_add_weak_pointer (G_OBJECT (before3), (gpointer *) &before3);
  id3 = desk_list_model_get_id (model, 3);
  id5 = desk_list_model_get_id (model, 5);

  /* An edit: that row changes, in place. */
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "已编辑的内容", id3);
  refresh (model, id3);
  assert_changes (changes, 1, 3, 1, 1);
  g_assert_null (before3);   /* the old row is gone from the cache */
  g_assert_cmpstr (desk_row_get (item (model, 3), "content"), ==, "已编辑的内容");
  g_assert_cmpint (desk_row_get_id (item (model, 3)), ==, id3);
  g_assert_true (item (model, 2) == before2);   /* its neighbours are the same objects */

  /* A soft delete: the row goes. */
  exec_bound (store, "UPDATE consultations SET deleted_at = ?1 WHERE id = ?2",
              "2026-11-23 10:00:00", id5);
  refresh (model, id5);
  assert_changes (changes, 1, 5, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
  g_assert_cmpuint (desk_list_model_find (model, id5), ==, G_MAXUINT);
  g_assert_cmpint (desk_row_get_id (item (model, 5)), ==, desk_list_model_get_id (model, 5));

  /* Not listed: nothing to say. */
  refresh (model, unlisted);
  g_assert_true (desk_list_model_refresh_ids (model, NULL, 0, &error));
  assert_changes (changes, 0);

  /* A row on a page never shown: told, but not built. */
  far = desk_list_model_get_id (model, 300);
  built = desk_list_model_get_rows_built (model);
  exec_bound (store, "UPDATE consultations SET reply = ?1 WHERE id = ?2", "已回复", far);
  refresh (model, far);
  assert_changes (changes, 1, 300, 1, 1);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, built);
  g_assert_cmpstr (desk_row_get (item (model, 300), "number"), !=, "");

  /* Several at once, listed from the last position up. */
  {
    gint64 some[] = { desk_list_model_get_id (model, 1), desk_list_model_get_id (model, 40),
                      desk_list_model_get_id (model, 20) };

    exec_bound (store, "UPDATE consultations SET deleted_at = ?1 WHERE id = ?2",
                "2026-11-23 10:00:00", some[1]);
    g_assert_true (desk_list_model_refresh_ids (model, some, 3, &error));
    assert_changes (changes, 3, 40, 1, 0, 20, 1, 1, 1, 1, 1);
  }
}

static void
test_refresh_leaves_filter (void)
{
  g_autoptr(DeskStore) store = open_path (small_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(DeskListModel) found = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  g_autofree char *category = desk_test_query_text (store,
    "SELECT category_id FROM consultations WHERE deleted_at IS NULL LIMIT 1");
  DeskListFilter filter = { .category_id = g_ascii_strtoll (category, NULL, 10) };
  DeskListFilter search = { .search = "独一无二" };
  g_autofree char *other = NULL;
  gint64 id;

  desk_list_model_set_filter (model, &filter);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  item (model, 0);

  /* Moved to another category: it leaves this list. */
  id = desk_list_model_get_id (model, 4);
  other = g_strdup_printf ("%" G_GINT64_FORMAT, filter.category_id + 1);
  exec_bound (store, "UPDATE consultations SET category_id = CAST (?1 AS INTEGER)"
                     " WHERE id = ?2", other, id);
  refresh (model, id);
  assert_changes (changes, 1, 4, 1, 0);

  /* Found by a word, then edited so that it no longer has it. */
  id = desk_test_query_int (store, "SELECT max (id) FROM consultations WHERE deleted_at IS NULL");
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2",
              "这是独一无二的咨询", id);
  desk_list_model_set_filter (found, &search);
  g_assert_true (desk_list_model_reload (found, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_signal_connect (found, "items-changed", G_CALLBACK (record_change), changes);
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2",
              "这是一般的咨询（独一）", id);
  refresh (found, id);
  assert_changes (changes, 1, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
}

static void
test_reload_emits_the_difference (void)
{
  g_autoptr(DeskStore) store = open_path (small_path);
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  DeskRow *kept;
  gint64 id60;
  guint n;

  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Nothing changed. */
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  assert_changes (changes, 0);

  /* One record deleted on the second page: one removal; the first page's
   * rows are kept. */
  kept = item (model, 2);
  id60 = desk_list_model_get_id (model, 60);
  exec_bound (store, "UPDATE consultations SET deleted_at = ?1 WHERE id = ?2",
              "2026-11-23 10:00:00", id60);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  assert_changes (changes, 1, 60, 1, 0);
  g_assert_true (item (model, 2) == kept);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);

  /* A new record, the newest: one insertion at the top. */
  desk_test_exec (store,
    "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id, category_id,"
    " content, result_id, created_at, updated_at)"
    " SELECT 'ZX2026-9999', 2026, 9999, '2026-12-31 23:59', staff_id, channel_id,"
    " category_id, '新来的', result_id, '2026-12-31 23:59:00', '2026-12-31 23:59:00'"
    " FROM consultations LIMIT 1");
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  assert_changes (changes, 1, 0, 0, 1);
  g_assert_cmpstr (desk_row_get (item (model, 0), "content"), ==, "新来的");

  /* Deleted again: one removal at the top. */
  desk_test_exec (store, "UPDATE consultations SET deleted_at = '2026-12-31 23:59:59'"
                         " WHERE number = 'ZX2026-9999'");
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  assert_changes (changes, 1, 0, 1, 0);
}

/* Every list reads, sorts and filters. */
static void
test_every_list (void)
{
  static const char *const tables[] = {
    [DESK_LIST_PEOPLE] = "people",
    [DESK_LIST_CONSULTATIONS] = "consultations",
    [DESK_LIST_MEDIATION_CASES] = "mediation_cases",
    [DESK_LIST_SCREENINGS] = "screenings",
    [DESK_LIST_LEGAL_AID] = "legal_aid",
    [DESK_LIST_ADVISER_SERVICES] = "adviser_services",
  };
  g_autoptr(DeskStore) store = open_path (small_path);
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (tables); k++)
    {
      g_autoptr(DeskListModel) model = desk_list_model_new (store, k);
      g_autofree const char **keys = desk_list_model_get_sort_keys (model);
      /* A table name from the list above, not user text. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s"
                                              " WHERE deleted_at IS NULL", tables[k]);
      gint64 expected = desk_test_query_int (store, sql);
      const char *const *columns = desk_list_model_get_columns (model);
      DeskRow *row;

      g_assert_cmpint (desk_list_model_get_kind (model), ==, k);
      g_assert_cmpint (expected, >, 10);
      for (guint s = 0; keys[s] != NULL; s++)
        for (int desc = 0; desc < 2; desc++)
          {
            g_assert_true (desk_list_model_set_sort (model, keys[s], desc));
            g_assert_true (desk_list_model_reload (model, NULL, &error));
            g_assert_no_error (error);
            g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
          }
      row = item (model, 0);
      g_assert_cmpuint (desk_row_get_n_columns (row), ==, g_strv_length ((char **) columns));
      for (guint c = 0; columns[c] != NULL; c++)
        g_assert_nonnull (desk_row_get (row, columns[c]));
      /* The first column is never empty on these lists. */
      g_assert_cmpstr (desk_row_get_text (row, 0), !=, "");
    }

  /* A status filter, and a period that holds nothing. */
  {
    g_autoptr(DeskListModel) cases = desk_list_model_new (store, DESK_LIST_MEDIATION_CASES);
    DeskListFilter status = { .status = "调解中" };
    DeskListFilter empty = { .from = "1999-01-01", .until = "1999-12-31" };

    desk_list_model_set_filter (cases, &status);
    g_assert_true (desk_list_model_reload (cases, NULL, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==,
                      desk_test_query_int (store, "SELECT count(*) FROM mediation_cases"
                                                  " WHERE deleted_at IS NULL"
                                                  " AND status = '调解中'"));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cases)); i++)
      g_assert_cmpstr (desk_row_get (item (cases, i), "status"), ==, "调解中");
    desk_list_model_set_filter (cases, &empty);
    g_assert_true (desk_list_model_reload (cases, NULL, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==, 0);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (cases), 0));
  }
}

int
main (int   argc,
      char *argv[])
{
  CorpusSize big = {
    .people = 3000, .consultations = BIG, .cases = 20, .legal_aid = 20, .screenings = 20,
    .services = 20, .seed = 99,
  };
  CorpusSize small = {
    .people = 200, .consultations = 600, .cases = 120, .legal_aid = 80, .screenings = 60,
    .services = 60, .seed = 100,
  };
  int status;

  desk_test_init (&argc, &argv);
  make_ledger ("big.db", &big, &big_path);
  make_ledger ("small.db", &small, &small_path);

  g_test_add_func ("/list-model/lazy-pages", test_lazy_pages);
  g_test_add_func ("/list-model/filter-and-sort", test_filter_and_sort);
  g_test_add_func ("/list-model/async-reload", test_async_reload);
  g_test_add_func ("/list-model/refresh-after-edit", test_refresh_after_edit);
  g_test_add_func ("/list-model/refresh-leaves-filter", test_refresh_leaves_filter);
  g_test_add_func ("/list-model/reload-emits-the-difference", test_reload_emits_the_difference);
  g_test_add_func ("/list-model/every-list", test_every_list);

  status = g_test_run ();
  g_free (big_path);
  g_free (small_path);
  return status;
}
