/* test-list-model.c — the lazy list model: on 100,000 consultations it
 * builds rows only for the pages asked for; filters and sorts come from
 * SQL; an asynchronous reload runs in a worker and can be cancelled or
 * superseded; a reload and a refresh after an edit emit items-changed for
 * what changed only.  Each filter (渠道, 处理结果, committee, mediator,
 * overdue) returns exactly its records, alone and together, served by an
 * index; overdue agrees with the dashboard's and the editors' definitions,
 * holidays included. */
#include "config.h"

#include <string.h>

#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-legal-aid.h"
#include "desk-list-model.h"
#include "desk-mediation.h"
#include "desk-search.h"
#include "desk-settings.h"
#include "desk-test-records.h"
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

/* The first ids a reload hands over, as the model had them then. */
typedef struct
{
  GArray  *ids;
  gboolean loading;
} Head;

static void
note_head (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Head       *head)
{
  if (head->ids != NULL)
    return;
  head->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  head->loading = desk_list_model_get_loading (DESK_LIST_MODEL (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gint64 id = desk_list_model_get_id (DESK_LIST_MODEL (model), i);

      g_array_append_val (head->ids, id);
    }
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
  gint64 n_april, net;
  Head head = { NULL, };
  gulong head_handler;

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  g_signal_connect (model, "notify::loading", G_CALLBACK (count_notify), &loading_changes);
  head_handler = g_signal_connect (model, "items-changed", G_CALLBACK (note_head), &head);

  /* Loads in a worker; the main loop runs meanwhile.  The first page of
   * ids comes on its own, while the model is still loading, then the
   * rest after it. */
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
  assert_changes (changes, 2, 0, 0, DESK_LIST_PAGE_SIZE,
                  DESK_LIST_PAGE_SIZE, 0, BIG - DESK_LIST_PAGE_SIZE);
  g_assert_true (head.loading);
  g_assert_cmpuint (head.ids->len, ==, DESK_LIST_PAGE_SIZE);
  for (guint i = 0; i < head.ids->len; i++)
    g_assert_cmpint (g_array_index (head.ids, gint64, i), ==, desk_list_model_get_id (model, i));
  g_clear_pointer (&head.ids, g_array_unref);
  g_signal_handler_disconnect (model, head_handler);
  g_assert_cmpuint (desk_list_model_get_rows_built (model), ==, 0);

  /* Again, nothing changed: no signal (the same list is read again in
   * one go, not from its top, so that the view stays where it is). */
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

  /* Cancelled once its first ids are shown: the list is put back. */
  g_clear_error (&first.error);
  w.pending = 1;
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  head_handler = g_signal_connect_swapped (model, "items-changed",
                                           G_CALLBACK (g_cancellable_cancel), cancellable);
  desk_list_model_reload_async (model, cancellable, reloaded, &first);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (model, head_handler);
  g_assert_false (first.ok);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&first.error);
  g_assert_cmpuint (changes->len, ==, 2);   /* March's first page, then all again */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, BIG);
  g_assert_false (desk_list_model_get_loading (model));
  g_array_set_size (changes, 0);

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
  /* From everything to April: April's first page, then the rest of it
   * (head and tail may be kept). */
  g_assert_cmpint (n_april, >, DESK_LIST_PAGE_SIZE);
  g_assert_cmpuint (changes->len, ==, 2);
  net = 0;
  for (guint i = 0; i < changes->len; i++)
    net += (gint64) g_array_index (changes, Change, i).removed -
           (gint64) g_array_index (changes, Change, i).added;
  g_assert_cmpint (net, ==, BIG - n_april);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, DESK_LIST_PAGE_SIZE);
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

/* The filters of the list pages: each returns exactly its records, alone
 * and together, on a small ledger written through the core create
 * functions. */

typedef struct
{
  DeskStore         *store;
  DeskTestRegisters  r;
} Small;

static void
small_open (Small      *s,
            const char *name)
{
  s->store = desk_test_open_store (name);
  desk_test_add_registers (s->store, &s->r);
}

/* The ids @kind lists under @filter, in the default order. */
static GArray *
list_ids (DeskStore            *store,
          DeskListKind          kind,
          const DeskListFilter *filter)
{
  g_autoptr(DeskListModel) model = desk_list_model_new (store, kind);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  desk_list_model_set_filter (model, filter);
  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      gint64 id = desk_list_model_get_id (model, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Every row of the whole list @kind says "1" in its "overdue" column
 * exactly when the overdue filter lists it: the red mark of the list page
 * and the filter agree. */
static void
assert_rows_marked (DeskStore    *store,
                    DeskListKind  kind)
{
  g_autoptr(GArray) overdue = list_ids (store, kind, &(DeskListFilter) { .overdue = TRUE });
  g_autoptr(DeskListModel) model = desk_list_model_new (store, kind);
  g_autoptr(GError) error = NULL;
  guint marked = 0;

  g_assert_true (desk_list_model_reload (model, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(DeskRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      gboolean listed = FALSE;

      for (guint j = 0; j < overdue->len; j++)
        listed = listed || g_array_index (overdue, gint64, j) == desk_row_get_id (row);
      g_assert_cmpstr (desk_row_get (row, "overdue"), ==, listed ? "1" : "0");
      marked += listed;
    }
  g_assert_cmpuint (marked, ==, overdue->len);
}

/* The list holds exactly the ids after @n, in that order; 0 ends nothing
 * (ids are never 0). */
static void
assert_list (DeskStore            *store,
             DeskListKind          kind,
             const DeskListFilter *filter,
             guint                 n,
             ...)
{
  g_autoptr(GArray) ids = list_ids (store, kind, filter);
  va_list args;

  if (ids->len != n)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (got, " %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_error ("list %d: %u records (%s), expected %u", kind, ids->len, got->str, n);
    }
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
}

static void
test_filter_consultations (void)
{
  Small s;
  g_autoptr(GError) error = NULL;
  gint64 visit = 0, call = 0, letter = 0, answered = 0, drafted = 0, to_mediation = 0;
  gint64 c1, c2, c3, c4, c5, c6;

  small_open (&s, "filter-consultations.db");
  visit = desk_test_code (s.store, DESK_CODE_CHANNEL, "来访");
  call = desk_test_code (s.store, DESK_CODE_CHANNEL, "来电");
  letter = desk_test_code (s.store, DESK_CODE_CHANNEL, "来信");
  answered = desk_test_code (s.store, DESK_CODE_CONSULT_RESULT, "当场解答");
  drafted = desk_test_code (s.store, DESK_CODE_CONSULT_RESULT, "代写文书");
  to_mediation = desk_test_code (s.store, DESK_CODE_CONSULT_RESULT, "引导人民调解");

  c1 = desk_test_add_consultation (s.store, &s.r, "2026-11-01 09:00", 0, "来访", "当场解答",
                                   "问宅基地");
  c2 = desk_test_add_consultation (s.store, &s.r, "2026-11-02 09:00", 0, "来电", "当场解答",
                                   "问赡养费");
  c3 = desk_test_add_consultation (s.store, &s.r, "2026-11-03 09:00", 0, "来电", "代写文书",
                                   "写起诉状");
  c4 = desk_test_add_consultation (s.store, &s.r, "2026-10-15 09:00", 0, "来访", "代写文书",
                                   "写借条");
  c5 = desk_test_add_consultation (s.store, &s.r, "2026-11-04 09:00", 0, "来电", "当场解答",
                                   "删掉的");
  c6 = desk_test_add_consultation (s.store, &s.r, "2026-11-05 09:00", 0, "来信", "引导人民调解",
                                   "排水沟争执");
  g_assert_true (desk_consultation_delete (s.store, c5, &error));
  g_assert_no_error (error);

  /* Each filter alone; a deleted record nowhere. */
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .channel_id = call },
               2, c3, c2);
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .channel_id = visit },
               2, c1, c4);
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .channel_id = letter },
               1, c6);
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .result_id = answered },
               2, c2, c1);
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .result_id = drafted },
               2, c3, c4);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .result_id = to_mediation }, 1, c6);

  /* Together, and with the other filters. */
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = call, .result_id = answered }, 1, c2);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = visit, .result_id = drafted }, 1, c4);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = letter, .result_id = answered }, 0);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = visit, .from = "2026-11-01",
                                   .until = "2026-11-30" }, 1, c1);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .result_id = drafted, .search = "起诉" }, 1, c3);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = call, .village_id = s.r.qingshan_village },
               2, c3, c2);
  assert_list (s.store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .channel_id = call, .village_id = s.r.dongping_village },
               0);
  /* Another list ignores them. */
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .channel_id = call, .result_id = answered }, 0);
  g_clear_object (&s.store);
}

static void
test_filter_committee_and_mediator (void)
{
  Small s;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCase) k1 = NULL, k2 = NULL, k3 = NULL, k4 = NULL;
  gint64 p1, p2, id1, id2, id3, id4, s1, s2, s3;

  small_open (&s, "filter-committee.db");
  p1 = desk_test_add_person (s.store, "赵一");
  p2 = desk_test_add_person (s.store, "钱二");

  k1 = desk_test_case_new (s.store, &s.r, s.r.qingshan, "2026-11-20", "两户争执");
  desk_case_add_party (k1, p1, DESK_CASE_APPLICANT);
  desk_case_add_mediator (k1, s.r.zhang);
  desk_case_add_mediator (k1, s.r.li);
  id1 = desk_test_add_case (s.store, k1);
  k2 = desk_test_case_new (s.store, &s.r, s.r.qingshan, "2026-09-01", "借款纠纷");
  desk_case_add_party (k2, p2, DESK_CASE_APPLICANT);
  desk_case_add_mediator (k2, s.r.li);
  id2 = desk_test_add_case (s.store, k2);
  k3 = desk_test_case_new (s.store, &s.r, s.r.dongping, "2026-10-01", "土地纠纷");
  desk_case_add_party (k3, p1, DESK_CASE_APPLICANT);
  desk_case_add_mediator (k3, s.r.wang);
  id3 = desk_test_add_case (s.store, k3);
  k4 = desk_test_case_new (s.store, &s.r, s.r.qingshan, "2026-08-01", "已删除");
  desk_case_add_party (k4, p1, DESK_CASE_APPLICANT);
  desk_case_add_mediator (k4, s.r.zhang);
  id4 = desk_test_add_case (s.store, k4);
  g_assert_true (desk_case_delete (s.store, id4, &error));
  g_assert_no_error (error);

  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.qingshan }, 2, id1, id2);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.dongping }, 1, id3);
  /* Any of a case's mediators. */
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .mediator_id = s.r.li }, 2, id1, id2);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .mediator_id = s.r.zhang }, 1, id1);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .mediator_id = s.r.wang }, 1, id3);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.qingshan, .mediator_id = s.r.zhang },
               1, id1);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.qingshan, .mediator_id = s.r.wang },
               0);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .mediator_id = s.r.li, .from = "2026-09-01",
                                   .until = "2026-09-30" }, 1, id2);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .mediator_id = s.r.li, .search = "借款" }, 1, id2);
  /* A case's village is its committee's: 东坪村 holds 东坪's cases. */
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.dongping,
                                   .village_id = s.r.dongping_village }, 1, id3);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .committee_id = s.r.qingshan,
                                   .village_id = s.r.dongping_village }, 0);

  /* Screenings: committee_id is their committee; category_id means
   * nothing to them. */
  s1 = desk_test_add_screening (s.store, s.r.qingshan, s.r.qingshan_village, "2026-11-01");
  s2 = desk_test_add_screening (s.store, s.r.dongping, s.r.dongping_village, "2026-11-02");
  s3 = desk_test_add_screening (s.store, s.r.qingshan, s.r.dongping_village, "2026-11-10");
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .committee_id = s.r.qingshan }, 2, s3, s1);
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .committee_id = s.r.dongping }, 1, s2);
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .category_id = s.r.qingshan }, 3, s3, s2, s1);
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .committee_id = s.r.qingshan,
                                   .village_id = s.r.dongping_village }, 1, s3);
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .committee_id = s.r.qingshan, .from = "2026-11-01",
                                   .until = "2026-11-05" }, 1, s1);
  /* The mediator means nothing to screenings, the committee nothing to
   * consultations. */
  assert_list (s.store, DESK_LIST_SCREENINGS,
               &(DeskListFilter) { .mediator_id = s.r.wang }, 3, s3, s2, s1);
  g_clear_object (&s.store);
}

/* Whether @ids holds @id. */
static gboolean
holds (GArray *ids,
       gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* The overdue cases are exactly those of desk_case_list()'s overdue filter
 * (the dashboard's) and of desk_case_overdue_days() (the editor's). */
static void
assert_cases_agree (DeskStore *store,
                    GArray    *listed)
{
  DeskCaseFilter overdue = { .overdue = TRUE };
  g_autoptr(GArray) dashboard = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;

  dashboard = desk_case_list (store, &overdue, NULL, &error);
  g_assert_no_error (error);
  assert_same_ids (listed, dashboard);
  all = desk_case_list (store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(DeskCase) mcase = desk_case_get (store, g_array_index (all, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpint (desk_case_overdue_days (store, mcase) > 0, ==,
                       holds (listed, mcase->id));
    }
}

/* A case of @committee for @person with @mediator, in @status. */
static gint64
add_case (Small          *s,
          gint64          person,
          gint64          committee,
          gint64          mediator,
          const char     *accepted_on,
          DeskCaseStatus  status,
          const char     *closed_on)
{
  g_autoptr(DeskCase) c = desk_test_case_new (s->store, &s->r, committee, accepted_on, "纠纷");

  desk_case_add_party (c, person, DESK_CASE_APPLICANT);
  desk_case_add_mediator (c, mediator);
  if (closed_on != NULL)
    desk_test_case_close (c, status, closed_on);
  else
    c->status = status;
  return desk_test_add_case (s->store, c);
}

static void
test_overdue_cases (void)
{
  Small s;
  g_autoptr(GError) error = NULL;
  DeskListFilter overdue = { .overdue = TRUE };
  gint64 p, recent, old_open, at_limit, within, closed, deleted, mediating;
  g_autoptr(GArray) ids = NULL;

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  small_open (&s, "overdue-cases.db");
  p = desk_test_add_person (s.store, "赵一");
  recent = add_case (&s, p, s.r.qingshan, s.r.zhang, "2026-11-20", DESK_CASE_ACCEPTED, NULL);
  old_open = add_case (&s, p, s.r.qingshan, s.r.li, "2026-09-01", DESK_CASE_ACCEPTED, NULL);
  /* 31 days ago: one day past the limit of 30; 30 days ago: not yet. */
  at_limit = add_case (&s, p, s.r.dongping, s.r.wang, "2026-10-23", DESK_CASE_ACCEPTED, NULL);
  within = add_case (&s, p, s.r.dongping, s.r.wang, "2026-10-24", DESK_CASE_ACCEPTED, NULL);
  closed = add_case (&s, p, s.r.qingshan, s.r.zhang, "2026-08-01", DESK_CASE_SUCCEEDED,
                     "2026-08-20");
  deleted = add_case (&s, p, s.r.qingshan, s.r.zhang, "2026-07-01", DESK_CASE_ACCEPTED, NULL);
  mediating = add_case (&s, p, s.r.qingshan, s.r.zhang, "2026-10-02", DESK_CASE_MEDIATING, NULL);
  g_assert_true (desk_case_delete (s.store, deleted, &error));
  g_assert_no_error (error);

  assert_list (s.store, DESK_LIST_MEDIATION_CASES, &overdue, 3, at_limit, mediating, old_open);
  ids = list_ids (s.store, DESK_LIST_MEDIATION_CASES, &overdue);
  assert_cases_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);
  assert_rows_marked (s.store, DESK_LIST_MEDIATION_CASES);

  /* With the other filters. */
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .overdue = TRUE, .committee_id = s.r.qingshan },
               2, mediating, old_open);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .overdue = TRUE, .mediator_id = s.r.li }, 1, old_open);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .overdue = TRUE, .status = "调解中" }, 1, mediating);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .overdue = TRUE, .from = "2026-10-01",
                                   .until = "2026-10-31" }, 2, at_limit, mediating);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES,
               &(DeskListFilter) { .overdue = TRUE, .committee_id = s.r.dongping,
                                   .mediator_id = s.r.wang }, 1, at_limit);
  /* Not a filter of the other lists. */
  assert_list (s.store, DESK_LIST_SCREENINGS, &overdue, 0);

  /* A day later the case of 10-24 runs past the limit too. */
  g_setenv ("LEGALDESK_TODAY", "2026-11-24", TRUE);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES, &overdue, 4, within, at_limit, mediating,
               old_open);
  ids = list_ids (s.store, DESK_LIST_MEDIATION_CASES, &overdue);
  assert_cases_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);

  /* The limit is the station's setting. */
  g_assert_true (desk_settings_set (s.store, "mediation-limit-days", "60", &error));
  g_assert_no_error (error);
  assert_list (s.store, DESK_LIST_MEDIATION_CASES, &overdue, 1, old_open);
  ids = list_ids (s.store, DESK_LIST_MEDIATION_CASES, &overdue);
  assert_cases_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (desk_settings_set (s.store, "mediation-limit-days", "3", &error));
  assert_list (s.store, DESK_LIST_MEDIATION_CASES, &overdue, 5, recent, within, at_limit,
               mediating, old_open);
  ids = list_ids (s.store, DESK_LIST_MEDIATION_CASES, &overdue);
  assert_cases_agree (s.store, ids);
  g_assert_false (holds (ids, closed));
  g_clear_pointer (&ids, g_array_unref);

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  g_clear_object (&s.store);
}

/* The overdue applications are exactly those of desk_legal_aid_list()'s
 * overdue_only (the dashboard's) and of desk_legal_aid_overdue() (the
 * editor's red warning). */
static void
assert_aid_agree (DeskStore *store,
                  GArray    *listed)
{
  DeskAidFilter overdue = { .overdue_only = TRUE, .newest_first = TRUE };
  g_autoptr(GArray) dashboard = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;

  dashboard = desk_legal_aid_list (store, &overdue, NULL, &error);
  g_assert_no_error (error);
  assert_same_ids (listed, dashboard);
  all = desk_legal_aid_list (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, listed->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(DeskLegalAid) aid = desk_legal_aid_get (store, g_array_index (all, gint64, i),
                                                        &error);

      g_assert_no_error (error);
      g_assert_cmpint (desk_legal_aid_overdue (store, aid, NULL), ==, holds (listed, aid->id));
    }
}

/* Forwarding limit 3 working days, today Friday 2026-10-09, after the
 * National Day holidays 10-01 to 10-07 and the make-up working Sunday
 * 09-27: received on Monday 09-28, four working days have passed (09-29,
 * 09-30, 10-08, 10-09): late; received on 09-29, three: not yet. */
static void
test_overdue_legal_aid (void)
{
  Small s;
  g_autoptr(GError) error = NULL;
  DeskListFilter overdue = { .overdue = TRUE };
  gint64 p, a_fri, a_mon, a_tue, a_wed_supplement, a_forwarded, a_withdrawn, a_supplement_old,
         a_holiday, a_deleted;
  g_autoptr(GArray) ids = NULL;
  char date[11];

  g_setenv ("LEGALDESK_TODAY", "2026-10-09", TRUE);
  small_open (&s, "overdue-aid.db");
  for (int d = 1; d <= 7; d++)
    {
      g_snprintf (date, sizeof date, "2026-10-%02d", d);
      g_assert_true (desk_holidays_add (s.store, date, FALSE, "国庆节", &error));
    }
  g_assert_true (desk_holidays_add (s.store, "2026-09-27", TRUE, "调休上班", &error));
  g_assert_true (desk_holidays_add (s.store, "2026-10-10", TRUE, "调休上班", &error));
  g_assert_no_error (error);
  p = desk_test_add_person (s.store, "李秀英");

  a_fri = desk_test_add_aid (s.store, &s.r, "2026-09-25 09:00", p, NULL, "九月二十五日");
  a_mon = desk_test_add_aid (s.store, &s.r, "2026-09-28 17:30", p, NULL, "九月二十八日");
  a_tue = desk_test_add_aid (s.store, &s.r, "2026-09-29 08:00", p, NULL, "九月二十九日");
  a_wed_supplement = desk_test_add_aid (s.store, &s.r, "2026-09-30 10:00", p, NULL, "待补");
  desk_test_aid_step (s.store, a_wed_supplement, "材料待补", "2026-10-08");
  a_forwarded = desk_test_add_aid (s.store, &s.r, "2026-09-20 10:00", p, NULL, "已转交");
  desk_test_aid_step (s.store, a_forwarded, "已转交", "2026-09-22");
  a_withdrawn = desk_test_add_aid (s.store, &s.r, "2026-09-21 10:00", p, NULL, "撤回");
  desk_test_aid_step (s.store, a_withdrawn, "申请人撤回", "2026-09-23");
  a_supplement_old = desk_test_add_aid (s.store, &s.r, "2026-09-22 10:00", p, NULL, "久未补");
  desk_test_aid_step (s.store, a_supplement_old, "材料待补", "2026-09-24");
  a_holiday = desk_test_add_aid (s.store, &s.r, "2026-10-03 10:00", p, NULL, "假期中");
  a_deleted = desk_test_add_aid (s.store, &s.r, "2026-09-15 10:00", p, NULL, "删掉的");
  g_assert_true (desk_legal_aid_delete (s.store, a_deleted, &error));
  g_assert_no_error (error);

  assert_list (s.store, DESK_LIST_LEGAL_AID, &overdue, 3, a_mon, a_fri, a_supplement_old);
  ids = list_ids (s.store, DESK_LIST_LEGAL_AID, &overdue);
  assert_aid_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);
  assert_rows_marked (s.store, DESK_LIST_LEGAL_AID);

  /* With the other filters. */
  assert_list (s.store, DESK_LIST_LEGAL_AID,
               &(DeskListFilter) { .overdue = TRUE, .status = "材料待补" }, 1, a_supplement_old);
  assert_list (s.store, DESK_LIST_LEGAL_AID,
               &(DeskListFilter) { .overdue = TRUE, .from = "2026-09-25",
                                   .until = "2026-09-30" }, 2, a_mon, a_fri);
  assert_list (s.store, DESK_LIST_LEGAL_AID,
               &(DeskListFilter) { .overdue = TRUE, .search = "二十五" }, 1, a_fri);

  /* Without the holiday calendar the National Day week is working days:
   * everything still pending is late. */
  for (int d = 1; d <= 7; d++)
    {
      g_snprintf (date, sizeof date, "2026-10-%02d", d);
      g_assert_true (desk_holidays_remove (s.store, date, &error));
    }
  g_assert_no_error (error);
  assert_list (s.store, DESK_LIST_LEGAL_AID, &overdue, 6, a_holiday, a_wed_supplement, a_tue,
               a_mon, a_fri, a_supplement_old);
  ids = list_ids (s.store, DESK_LIST_LEGAL_AID, &overdue);
  assert_aid_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);

  /* The limit is the station's setting. */
  g_assert_true (desk_settings_set (s.store, "aid-limit-days", "9", &error));
  g_assert_no_error (error);
  assert_list (s.store, DESK_LIST_LEGAL_AID, &overdue, 2, a_fri, a_supplement_old);
  ids = list_ids (s.store, DESK_LIST_LEGAL_AID, &overdue);
  assert_aid_agree (s.store, ids);
  g_clear_pointer (&ids, g_array_unref);

  /* Forwarding takes one off the list. */
  desk_test_aid_step (s.store, a_fri, "已转交", "2026-10-09");
  assert_list (s.store, DESK_LIST_LEGAL_AID, &overdue, 1, a_supplement_old);

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  g_clear_object (&s.store);
}

/* In a worker the cut-off is the one computed on the window's connection
 * at the reload; a refresh after an edit keeps the filter. */
static void
test_overdue_async_and_refresh (void)
{
  Small s;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(DeskListModel) model = NULL;
  DeskListFilter overdue = { .overdue = TRUE };
  Waiter w = { loop, 0 };
  Call call = { &w };
  gint64 p, late, later, fresh;

  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  small_open (&s, "overdue-async.db");
  p = desk_test_add_person (s.store, "李秀英");
  late = desk_test_add_aid (s.store, &s.r, "2026-11-02 09:00", p, NULL, "早");
  later = desk_test_add_aid (s.store, &s.r, "2026-11-16 09:00", p, NULL, "晚");
  fresh = desk_test_add_aid (s.store, &s.r, "2026-11-20 09:00", p, NULL, "新");

  model = desk_list_model_new (s.store, DESK_LIST_LEGAL_AID);
  desk_list_model_set_filter (model, &overdue);
  w.pending = 1;
  desk_list_model_reload_async (model, NULL, reloaded, &call);
  g_main_loop_run (loop);
  g_assert_no_error (call.error);
  g_assert_true (call.ok);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpint (desk_list_model_get_id (model, 0), ==, later);
  g_assert_cmpint (desk_list_model_get_id (model, 1), ==, late);
  g_assert_cmpuint (desk_list_model_find (model, fresh), ==, G_MAXUINT);

  /* Forwarded: the refresh takes it off, the other stays. */
  desk_test_aid_step (s.store, later, "已转交", "2026-11-23");
  g_assert_true (desk_list_model_refresh_ids (model, (gint64[]) { later, late }, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (desk_list_model_get_id (model, 0), ==, late);

  g_clear_error (&call.error);
  g_clear_object (&model);
  g_clear_object (&s.store);
}

/* Each new filter is served by an index, whatever the sort: the plan
 * searches the list's table, never scans it. */
static int
trace_ids_sql (unsigned  type,
               void     *data,
               void     *p,
               void     *x)
{
  char **sql = data;
  const char *text = x;

  if (type == SQLITE_TRACE_STMT && g_str_has_prefix (text, "SELECT ")
      && strstr (text, ".id FROM ") != NULL && strstr (text, "desk_ids (?1)") == NULL
      && *sql == NULL)
    *sql = g_strdup (text);
  return 0;
}

static char *
plan_of (DeskStore  *store,
         const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store), explain, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

static void
assert_plan (DeskStore            *store,
             DeskListKind          kind,
             const DeskListFilter *filter,
             const char           *alias,
             const char           *index)
{
  g_autoptr(DeskListModel) model = desk_list_model_new (store, kind);
  g_autofree const char **keys = desk_list_model_get_sort_keys (model);
  g_autofree char *scan = g_strdup_printf ("SCAN %s ", alias);
  g_autofree char *scan_end = g_strdup_printf ("SCAN %s\n", alias);
  g_autofree char *search = g_strdup_printf ("SEARCH %s USING ", alias);
  sqlite3 *db = desk_store_get_db (store);

  desk_list_model_set_filter (model, filter);
  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *plan = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (desk_list_model_set_sort (model, keys[k], TRUE));
      sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_ids_sql, &sql);
      g_assert_true (desk_list_model_reload (model, NULL, &error));
      sqlite3_trace_v2 (db, 0, NULL, NULL);
      g_assert_no_error (error);
      g_assert_nonnull (sql);
      plan = plan_of (store, sql);
      if (strstr (plan, scan) != NULL || strstr (plan, scan_end) != NULL ||
          strstr (plan, search) == NULL || strstr (plan, index) == NULL)
        g_error ("list %d sorted by %s: expected a search using %s, got:\n%s", kind, keys[k],
                 index, plan);
    }
}

static void
test_filter_plans (void)
{
  g_autoptr(DeskStore) store = open_path (small_path);
  gint64 any = 1;

  assert_plan (store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .channel_id = any }, "c",
               "consultations_channel");
  assert_plan (store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .result_id = any }, "c",
               "consultations_result");
  assert_plan (store, DESK_LIST_CONSULTATIONS,
               &(DeskListFilter) { .result_id = any, .from = "2026-01-01",
                                   .until = "2026-01-31" }, "c", "consultations_result");
  /* cases_committee, or the number's (committee_id, year, seq). */
  assert_plan (store, DESK_LIST_MEDIATION_CASES, &(DeskListFilter) { .committee_id = any },
               "m", "(committee_id=?");
  assert_plan (store, DESK_LIST_MEDIATION_CASES, &(DeskListFilter) { .mediator_id = any },
               "m", "case_mediators_mediator");
  /* Open cases: closed_on IS NULL, the few of cases_closed. */
  assert_plan (store, DESK_LIST_MEDIATION_CASES, &(DeskListFilter) { .overdue = TRUE }, "m",
               "cases_closed");
  assert_plan (store, DESK_LIST_SCREENINGS, &(DeskListFilter) { .committee_id = any }, "s",
               "screenings_committee");
  assert_plan (store, DESK_LIST_LEGAL_AID, &(DeskListFilter) { .overdue = TRUE }, "a",
               "legal_aid_pending");
}

/* A ledger of schema 4 gets the indexes of schema 5 on opening, and its
 * records are found through them. */
static void
test_upgrade_adds_filter_indexes (void)
{
  g_autofree char *path = desk_test_path ("schema4.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  Small s;
  gint64 call, c1;

  small_open (&s, "schema4.db");
  c1 = desk_test_add_consultation (s.store, &s.r, "2026-11-01 09:00", 0, "来电", "当场解答",
                                   "问宅基地");
  desk_test_add_consultation (s.store, &s.r, "2026-11-02 09:00", 0, "来访", "当场解答",
                              "问赡养费");
  desk_test_exec (s.store,
                  "DROP INDEX consultations_channel; DROP INDEX consultations_result;"
                  " DROP INDEX screenings_committee; DROP INDEX legal_aid_agent;"
                  " PRAGMA user_version = 4");
  g_clear_object (&s.store);

  s.store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_get_schema_version (s.store), ==, 5);
  g_assert_cmpint (desk_store_get_latest_version (), ==, 5);
  g_assert_cmpint (desk_test_query_int (s.store,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                        " AND name IN ('consultations_channel',"
                                        " 'consultations_result', 'screenings_committee',"
                                        " 'legal_aid_agent')"), ==, 4);
  call = desk_test_code (s.store, DESK_CODE_CHANNEL, "来电");
  assert_list (s.store, DESK_LIST_CONSULTATIONS, &(DeskListFilter) { .channel_id = call },
               1, c1);
  integrity = desk_test_query_text (s.store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_clear_object (&s.store);
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
  g_test_add_func ("/list-model/filter-consultations", test_filter_consultations);
  g_test_add_func ("/list-model/filter-committee-and-mediator",
                   test_filter_committee_and_mediator);
  g_test_add_func ("/list-model/overdue-cases", test_overdue_cases);
  g_test_add_func ("/list-model/overdue-legal-aid", test_overdue_legal_aid);
  g_test_add_func ("/list-model/overdue-async-and-refresh", test_overdue_async_and_refresh);
  g_test_add_func ("/list-model/filter-plans", test_filter_plans);
  g_test_add_func ("/list-model/upgrade-adds-filter-indexes", test_upgrade_adds_filter_indexes);

  status = g_test_run ();
  g_free (big_path);
  g_free (small_path);
  return status;
}
