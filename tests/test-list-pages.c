/* test-list-pages.c — the window's list pages (来访咨询, 人民调解, 矛盾纠纷排查,
 * 法律援助, 当事人) in the real window under a virtual display.
 *
 * Two kinds of ledger: one made by the demonstration generator (a few
 * thousand records, today 2026-11-23), where every answer of the page is
 * compared with what an independent SQL statement over the tables finds,
 * and a small hand-made one, where the answers are written out (period
 * boundaries, time limits, deleted records).  The pages are driven as a
 * clerk drives them: text written into the search, choices made in the
 * filters, a column's header clicked (gtk_column_view_sort_by_column),
 * Enter, records saved and deleted in their editors.  Every wait is on the
 * page's "busy" property or on frames drawn, bounded in time.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-aid-editor.h"
#include "desk-application.h"
#include "desk-case-editor.h"
#include "desk-consultation-editor.h"
#include "desk-consultation.h"
#include "desk-demo.h"
#include "desk-form.h"
#include "desk-legal-aid.h"
#include "desk-list-page.h"
#include "desk-mediation.h"
#include "desk-person-editor.h"
#include "desk-screening-editor.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

#define TODAY "2026-11-23"
#define DEMO_RECORDS 4000

static DeskApplication *app;
static char *shared_demo;   /* the demonstration ledger the read-only tests share */

typedef struct
{
  DeskWindow *window;
  DeskStore  *store;   /* the window's */
  DeskStore  *check;   /* our own connection, for the answers */
  char       *path;
} Fixture;

/* What SQL says each page lists: its table, the record's date and the
 * default order (newest first), and what the search looks in. */
typedef struct
{
  const char *page;
  const char *table;
  const char *date;
  const char *order;
  const char *search;   /* r contains ?1 (lower case) */
  const char *first;    /* the text of the first column */
} PageSql;

/* Whether person @id (live) holds ?1 in any of the texts the register
 * is searched by. */
#define PERSON_HOLDS(id) \
  "EXISTS (SELECT 1 FROM people p WHERE p.id = " id " AND p.deleted_at IS NULL" \
  " AND (instr (lower (p.name), ?1) OR instr (lower (coalesce (p.id_number, '')), ?1)" \
  "  OR instr (lower (coalesce (p.phone, '')), ?1)" \
  "  OR instr (lower (coalesce (p.address, '')), ?1)" \
  "  OR instr (lower (coalesce (p.legal_rep, '')), ?1)" \
  "  OR instr (lower (coalesce (p.notes, '')), ?1)))"

static const PageSql page_sql[] = {
  { "consultations", "consultations", "r.at", "r.at DESC, r.id DESC",
    "instr (lower (r.number), ?1) OR instr (lower (r.content), ?1)"
    " OR instr (lower (coalesce (r.reply, '')), ?1) OR " PERSON_HOLDS ("r.person_id"),
    "r.number" },
  { "cases", "mediation_cases", "r.accepted_on", "r.accepted_on DESC, r.id DESC",
    "instr (lower (r.number), ?1) OR instr (lower (r.summary), ?1)"
    " OR instr (lower (coalesce (r.request, '')), ?1)"
    " OR EXISTS (SELECT 1 FROM case_parties cp WHERE cp.case_id = r.id AND "
    PERSON_HOLDS ("cp.person_id") ")",
    "r.number" },
  { "screenings", "screenings", "r.screened_on", "r.screened_on DESC, r.id DESC",
    "instr (lower (coalesce (r.screener, '')), ?1) OR instr (lower (coalesce (r.notes, '')), ?1)",
    "r.screened_on" },
  { "legal-aid", "legal_aid", "r.received_at", "r.received_at DESC, r.id DESC",
    "instr (lower (r.number), ?1) OR instr (lower (r.summary), ?1) OR "
    PERSON_HOLDS ("r.person_id"),
    "r.number" },
  { "people", "people", NULL, "r.id DESC",
    "instr (lower (r.name), ?1) OR instr (lower (coalesce (r.id_number, '')), ?1)"
    " OR instr (lower (coalesce (r.phone, '')), ?1)"
    " OR instr (lower (coalesce (r.address, '')), ?1)"
    " OR instr (lower (coalesce (r.legal_rep, '')), ?1)"
    " OR instr (lower (coalesce (r.notes, '')), ?1)",
    "r.name" },
};

static const PageSql *
sql_of (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_sql); i++)
    if (g_str_equal (page_sql[i].page, page))
      return &page_sql[i];
  g_error ("no page %s", page);
}

/* ---- the pages ------------------------------------------------------------ */

static guint
reloads (DeskListPage *page)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "reloads"));
}

static void
busy_changed (DeskListPage *page)
{
  if (!desk_list_page_get_busy (page))
    g_object_set_data (G_OBJECT (page), "reloads", GUINT_TO_POINTER (reloads (page) + 1));
}

/* The text the page searched for last: the entry's search-changed, after
 * the page's own handler started the reload. */
static const char *
searched (DeskListPage *page)
{
  return g_object_get_data (G_OBJECT (page), "searched");
}

static void
search_changed (GtkEditable  *entry,
                DeskListPage *page)
{
  g_object_set_data_full (G_OBJECT (page), "searched", g_strdup (gtk_editable_get_text (entry)),
                          g_free);
}

static DeskListPage *
page_of (Fixture    *f,
         const char *name)
{
  DeskListPage *page = find_list_page (GTK_WIDGET (f->window), name);

  if (page == NULL)
    g_error ("no list page %s", name);
  return page;
}

static DeskListModel *
model_of (DeskListPage *page)
{
  return desk_list_page_get_model (page);
}

static guint
n_listed (DeskListPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model_of (page)));
}

static GtkWidget *
view_of (DeskListPage *page)
{
  return desk_list_page_get_view (page);
}

static GtkAdjustment *
vadjustment (DeskListPage *page)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view_of (page)));
}

/* Waits for the reload started after @before reloads. */
static void
wait_reload (DeskListPage *page,
             guint         before)
{
  WAIT_UNTIL (reloads (page) > before && !desk_list_page_get_busy (page));
  iterate ();
}

/* Until what the page lists is drawn. */
static void
wait_drawn (DeskListPage *page)
{
  wait_frames (GTK_WIDGET (page), 3);
}

static DeskListPage *
show (Fixture    *f,
      const char *name)
{
  DeskListPage *page = page_of (f, name);
  GtkStack *stack;

  desk_window_show_page (f->window, name);
  g_assert_cmpstr (desk_window_get_page (f->window), ==, name);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  /* The page shown before is hidden once the stack's transition is over.
   * (The register's list sits inside the 当事人 page.) */
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_STACK));
  WAIT_UNTIL (!gtk_stack_get_transition_running (stack));
  WAIT_UNTIL (!desk_list_page_get_busy (page));
  wait_frames (GTK_WIDGET (page), 3);
  return page;
}

/* Waits until the page searched for @text and listed what it found. */
static void
wait_search (DeskListPage *page,
             const char   *text)
{
  WAIT_UNTIL (g_strcmp0 (searched (page), text) == 0 && !desk_list_page_get_busy (page));
  iterate ();
}

/* The text written into the search, as a paste does; the search starts
 * after the entry's short delay.  (Replacing a text first empties the
 * entry, which searches for nothing at once: only the last search
 * counts.) */
static void
search (DeskListPage *page,
        const char   *text)
{
  g_assert_cmpstr (text_of (page, "list-search"), !=, text);
  g_object_set_data (G_OBJECT (page), "searched", NULL);
  gtk_editable_set_text (GTK_EDITABLE (named (page, "list-search")), text);
  wait_search (page, text);
}

static void
select_choice (DeskListPage *page,
               const char   *filter,
               guint         position)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (named (page, filter));
  guint before = reloads (page);

  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), !=, position);
  gtk_drop_down_set_selected (drop_down, position);
  wait_reload (page, before);
}

static void
choose_label (DeskListPage *page,
              const char   *filter,
              const char   *label)
{
  guint position = desk_form_drop_down_find (GTK_DROP_DOWN (named (page, filter)), label);

  if (position == GTK_INVALID_LIST_POSITION)
    g_error ("%s has no choice %s", filter, label);
  select_choice (page, filter, position);
}

static void
toggle (DeskListPage *page,
        const char   *filter,
        gboolean      active)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (named (page, filter));
  guint before = reloads (page);

  g_assert_true (gtk_toggle_button_get_active (button) != active);
  gtk_toggle_button_set_active (button, active);
  wait_reload (page, before);
}

static char *
choice_label (DeskListPage *page,
              const char   *filter,
              guint         position)
{
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (named (page, filter)));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (choices, position);

  return g_strdup (gtk_string_object_get_string (item));
}

static guint
n_choices (DeskListPage *page,
           const char   *filter)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (named (page,
                                                                                   filter))));
}

static const char *
count_label (DeskListPage *page)
{
  return text_of (page, "list-count");
}

/* "共 1,234 条" or "找到 12 条": thousands grouped as in zh_CN. */
static char *
count_text (gboolean found,
            guint    n)
{
  g_autofree char *plain = g_strdup_printf ("%u", n);
  g_autoptr(GString) grouped = g_string_new (NULL);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, plain[i]);
    }
  return g_strdup_printf (found ? "找到 %s 条" : "共 %s 条", grouped->str);
}

static void
assert_count (DeskListPage *page,
              gboolean      found,
              guint         n)
{
  g_autofree char *expected = count_text (found, n);

  g_assert_cmpstr (count_label (page), ==, expected);
}

/* What the page's stack shows: "list" or "empty". */
static const char *
shown_state (DeskListPage *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (named (page, "list-empty"), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The text of a label or of a table's cell (an inscription); NULL for
 * other widgets. */
static const char *
text_shown (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* Whether a label or cell showing exactly @text is drawn under @root. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (text_shown (child) != NULL && gtk_widget_get_mapped (child) &&
          g_strcmp0 (text_shown (child), text) == 0)
        return TRUE;
      if (shows_text (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The ids the page lists, in order, read without building any row. */
static GArray *
listed_ids (DeskListPage *page)
{
  DeskListModel *model = model_of (page);
  guint n = n_listed (page);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = desk_list_model_get_id (model, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

static DeskRow *
row_at (DeskListPage *page,
        guint         position)
{
  DeskRow *row = g_list_model_get_item (G_LIST_MODEL (model_of (page)), position);

  g_assert_nonnull (row);
  return row;
}

/* ---- the answers, from SQL -------------------------------------------------- */

/* The live records of @page's table where @condition holds (on r; ?1 and
 * ?2 are @a and @b, ?3 is @n), in the default order.  The table, the
 * condition and the order come from this file's fixed lists, never from
 * data. */
static GArray *
ids_where (Fixture    *f,
           const char *page,
           const char *condition,
           const char *a,
           const char *b,
           gint64      n)
{
  const PageSql *p = sql_of (page);
  g_autofree char *sql = g_strdup_printf ("SELECT r.id FROM %s r WHERE r.deleted_at IS NULL"
                                          " AND (%s) ORDER BY %s", p->table,
                                          condition ? condition : "1", p->order);
  sqlite3_stmt *stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int count;

  if (sqlite3_prepare_v2 (desk_store_get_db (f->check), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (desk_store_get_db (f->check)));
  count = sqlite3_bind_parameter_count (stmt);
  if (count >= 1)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (count >= 2)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (count >= 3)
    sqlite3_bind_int64 (stmt, 3, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static GArray *
all_ids (Fixture    *f,
         const char *page)
{
  return ids_where (f, page, NULL, NULL, NULL, 0);
}

/* Those of @ordered that are in @allowed, in the order of @ordered. */
static GArray *
keep_only (GArray *ordered,
           GArray *allowed)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < allowed->len; i++)
    g_hash_table_add (set, &g_array_index (allowed, gint64, i));
  for (guint i = 0; i < ordered->len; i++)
    if (g_hash_table_contains (set, &g_array_index (ordered, gint64, i)))
      g_array_append_val (kept, g_array_index (ordered, gint64, i));
  return kept;
}

/* The records a plain scan finds for @query: every word (blanks separate
 * them) somewhere in the record's texts or its people's. */
static GArray *
search_ids (Fixture    *f,
            const char *page,
            const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\u3000", -1);
  GArray *found = all_ids (f, page);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (words[i], -1);
      g_autoptr(GArray) holding = NULL;
      GArray *kept;

      if (*word == '\0')
        continue;
      holding = ids_where (f, page, sql_of (page)->search, word, NULL, 0);
      kept = keep_only (found, holding);
      g_array_unref (found);
      found = kept;
    }
  return found;
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  char *text = desk_test_query_text (f->check, sql);

  g_assert_nonnull (text);
  return text;
}

static void
assert_ids (GArray     *listed,
            GArray     *expected,
            const char *what)
{
  if (listed->len != expected->len)
    g_error ("%s: %u records listed, %u expected", what, listed->len, expected->len);
  for (guint i = 0; i < listed->len; i++)
    if (g_array_index (listed, gint64, i) != g_array_index (expected, gint64, i))
      g_error ("%s: record %" G_GINT64_FORMAT " listed at %u, where %" G_GINT64_FORMAT
               " was expected", what, g_array_index (listed, gint64, i), i,
               g_array_index (expected, gint64, i));
}

/* The page lists exactly @expected (in that order), and says how many. */
static void
assert_lists (DeskListPage *page,
              GArray       *expected,
              gboolean      narrowed,
              const char   *what)
{
  g_autoptr(GArray) listed = listed_ids (page);

  assert_ids (listed, expected, what);
  assert_count (page, narrowed, expected->len);
  g_assert_cmpstr (shown_state (page), ==, expected->len > 0 ? "list" : "empty");
}

static GArray *
id_list (gint64 first,
         ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);
  return ids;
}

#define IDS(...) id_list (__VA_ARGS__, (gint64) 0)
#define NONE() g_array_new (FALSE, FALSE, sizeof (gint64))

/* ---- ledgers and windows ---------------------------------------------------- */

static char *
make_demo (const char *name)
{
  g_autoptr(DeskStore) store = desk_test_open_store (name);
  g_autoptr(GError) error = NULL;
  DeskDemoSummary summary;

  g_assert_true (desk_demo_generate (store, DEMO_RECORDS, 11, NULL, NULL, NULL, &summary,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.deleted, >, 0);
  return desk_test_path (name);
}

static void
open_window (Fixture    *f,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "consultations", "cases", "screenings", "legal-aid", "people" };

  f->path = g_strdup (path);
  f->check = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = desk_window_new (app, path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      DeskListPage *page = page_of (f, names[i]);

      g_signal_connect (page, "notify::busy", G_CALLBACK (busy_changed), NULL);
      g_signal_connect_after (named (page, "list-search"), "search-changed",
                              G_CALLBACK (search_changed), page);
    }
  desk_window_show_page (f->window, "dashboard");
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = desk_window_get_store (f->window);
  g_assert_nonnull (f->store);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  wait_frames (GTK_WIDGET (f->window), 3);
}

/* The shared demonstration ledger, for the tests that only read. */
static void
demo_set_up (Fixture       *f,
             gconstpointer  data)
{
  if (shared_demo == NULL)
    shared_demo = make_demo ("demo.db");
  open_window (f, shared_demo);
}

/* A demonstration ledger of the test's own, for those that write. */
static void
own_demo_set_up (Fixture       *f,
                 gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("own-demo-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  g_autoptr(DeskStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A copy of the shared one, made by SQLite. */
  if (shared_demo == NULL)
    shared_demo = make_demo ("demo.db");
  demo = desk_store_open (shared_demo, DESK_STORE_OPEN_READONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (demo), "VACUUM INTO ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_clear_object (&demo);
  open_window (f, path);
}

#define T "'2026-01-01 08:00:00'"
#define CODE(kind, label) "(SELECT id FROM codes WHERE kind = '" kind "' AND label = '" label "')"

/* The small ledger, today 2026-11-23 (a Monday).  Ids are given, so that
 * the answers below can name them. */
static const char small_sql[] =
  "INSERT INTO villages (id, name, kind, created_at, updated_at) VALUES"
  " (1, '东坪村', '村', " T ", " T "), (2, '西岭村', '村', " T ", " T "),"
  " (3, '南山社区', '社区', " T ", " T ");"
  "INSERT INTO committees (id, name, short_name, type_id, village_id, created_at, updated_at)"
  " VALUES (1, '青山镇人民调解委员会', '青山', " CODE ("committee_type", "乡镇调委会") ", NULL,"
  "  " T ", " T "),"
  " (2, '东坪村人民调解委员会', '东坪', " CODE ("committee_type", "村调委会") ", 1, " T ", " T ");"
  "INSERT INTO mediators (id, name, sex, committee_id, full_time, created_at, updated_at) VALUES"
  " (1, '张调解', '男', 1, 1, " T ", " T "), (2, '李调解', '女', 2, 0, " T ", " T "),"
  " (3, '王调解', '男', 2, 0, " T ", " T ");"
  "INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, '刘文书', " T ", " T ");"
  "INSERT INTO people (id, name, sex, phone, village_id, address, created_at, updated_at,"
  " deleted_at) VALUES"
  " (1, '赵一', '男', '13800001111', 1, '东坪村三组', " T ", " T ", NULL),"
  " (2, '钱二', '女', '13900002222', 2, NULL, " T ", " T ", NULL),"
  " (3, '孙三', '男', NULL, 3, NULL, " T ", " T ", NULL),"
  " (4, '李四', '女', NULL, NULL, NULL, " T ", " T ", NULL),"
  " (5, '赵一鸣', '男', NULL, 1, NULL, " T ", " T ", '2026-11-20 10:00:00');"
  "INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id, person_id,"
  " village_id, category_id, content, reply, result_id, created_at, updated_at, deleted_at)"
  " VALUES"
  " (1, 'ZX2026-0001', 2026, 1, '2026-09-30 17:00', 1, " CODE ("channel", "来电") ", 2, 2,"
  "  " CODE ("consult_category", "婚姻家庭") ", '离婚后子女抚养费怎么算', '告知标准',"
  "  " CODE ("consult_result", "当场解答") ", " T ", " T ", NULL),"
  " (2, 'ZX2026-0002', 2026, 2, '2026-10-01 08:00', 1, " CODE ("channel", "来访") ", 1, 1,"
  "  " CODE ("consult_category", "继承") ", '父亲去世后房屋如何继承', '告知法定继承顺序',"
  "  " CODE ("consult_result", "当场解答") ", " T ", " T ", NULL),"
  " (3, 'ZX2026-0003', 2026, 3, '2026-10-31 23:59', 1, " CODE ("channel", "来电") ", 3, 3,"
  "  " CODE ("consult_category", "劳动报酬") ", '工地老板拖欠工资', NULL,"
  "  " CODE ("consult_result", "指导申请法律援助") ", " T ", " T ", NULL),"
  " (4, 'ZX2026-0004', 2026, 4, '2026-11-01 00:00', 1, " CODE ("channel", "来访") ", 1, 1,"
  "  " CODE ("consult_category", "邻里关系") ", '邻居排水沟堵塞', '建议调解',"
  "  " CODE ("consult_result", "引导人民调解") ", " T ", " T ", NULL),"
  " (5, 'ZX2026-0005', 2026, 5, '2026-11-23 18:00', 1, " CODE ("channel", "网络") ", NULL, NULL,"
  "  " CODE ("consult_category", "继承") ", '遗嘱是否有效', '告知形式要件',"
  "  " CODE ("consult_result", "当场解答") ", " T ", " T ", NULL),"
  " (6, 'ZX2026-0006', 2026, 6, '2026-11-10 09:00', 1, " CODE ("channel", "来访") ", 4, 2,"
  "  " CODE ("consult_category", "继承") ", '赡养老人费用分担', NULL,"
  "  " CODE ("consult_result", "约期答复") ", " T ", " T ", '2026-11-11 09:00:00'),"
  " (7, 'ZX2025-0001', 2025, 1, '2025-12-31 16:00', 1, " CODE ("channel", "来访") ", 2, 2,"
  "  " CODE ("consult_category", "合同纠纷") ", '买卖合同定金能否退还', NULL,"
  "  " CODE ("consult_result", "转介律师") ", " T ", " T ", NULL),"
  " (8, 'ZX2026-0007', 2026, 7, '2026-11-15 10:00', 1, " CODE ("channel", "来访") ", 4, 1,"
  "  " CODE ("consult_category", "继承") ", '宅基地上的房屋继承', NULL,"
  "  " CODE ("consult_result", "当场解答") ", " T ", " T ", NULL);"
  "INSERT INTO mediation_cases (id, number, year, seq, committee_id, accepted_on,"
  " registrar_id, source_id, dispute_type_id, summary, status, closed_on, created_at,"
  " updated_at, deleted_at) VALUES"
  " (1, '（2026）青山人调字第1号', 2026, 1, 1, '2026-10-23', 1,"
  "  " CODE ("case_source", "当事人申请") ", " CODE ("dispute_type", "邻里纠纷") ","
  "  '两户因排水沟走向发生争执', '已受理', NULL, " T ", " T ", NULL),"
  " (2, '（2026）青山人调字第2号', 2026, 2, 1, '2026-10-24', 1,"
  "  " CODE ("case_source", "当事人申请") ", " CODE ("dispute_type", "婚姻家庭纠纷") ","
  "  '夫妻分居后子女探望', '调解中', NULL, " T ", " T ", NULL),"
  " (3, '（2026）东坪人调字第1号', 2026, 1, 2, '2026-09-01', 1,"
  "  " CODE ("case_source", "调委会主动调解") ", " CODE ("dispute_type", "邻里纠纷") ","
  "  '宅基地边界争议', '调解成功', '2026-09-20', " T ", " T ", NULL),"
  " (4, '（2026）东坪人调字第2号', 2026, 2, 2, '2026-08-01', 1,"
  "  " CODE ("case_source", "当事人申请") ", " CODE ("dispute_type", "合同纠纷") ","
  "  '承包合同款项', '调解不成功', '2026-08-30', " T ", " T ", NULL),"
  " (5, '（2026）东坪人调字第3号', 2026, 3, 2, '2026-09-15', 1,"
  "  " CODE ("case_source", "当事人申请") ", " CODE ("dispute_type", "邻里纠纷") ","
  "  '树木遮挡采光', '已受理', NULL, " T ", " T ", '2026-11-02 09:00:00'),"
  " (6, '（2026）东坪人调字第4号', 2026, 4, 2, '2026-11-20', 1,"
  "  " CODE ("case_source", "当事人申请") ", " CODE ("dispute_type", "邻里纠纷") ","
  "  '鸡鸭毁坏菜地', '调解中', NULL, " T ", " T ", NULL);"
  "INSERT INTO case_parties (case_id, person_id, role, sort_order) VALUES"
  " (1, 1, '申请人', 0), (1, 2, '被申请人', 1), (2, 3, '申请人', 0), (3, 4, '申请人', 0),"
  " (4, 2, '申请人', 0), (5, 1, '申请人', 0), (6, 3, '申请人', 0), (6, 4, '被申请人', 1);"
  "INSERT INTO case_mediators (case_id, mediator_id, sort_order) VALUES"
  " (1, 1, 0), (2, 1, 0), (3, 2, 0), (3, 3, 1), (4, 2, 0), (5, 2, 0), (6, 3, 0);"
  "INSERT INTO legal_aid (id, number, year, seq, received_at, receiver_id, person_id,"
  " matter_type_id, matter_id, summary, status, supplement_on, forwarded_on, withdrawn_on,"
  " created_at, updated_at, deleted_at) VALUES"
  " (1, 'FY2026-0001', 2026, 1, '2026-11-16 09:00', 1, 2, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求给付赡养费、抚养费、扶养费") ", '儿子不付赡养费', '已接收',"
  "  NULL, NULL, NULL, " T ", " T ", NULL),"
  " (2, 'FY2026-0002', 2026, 2, '2026-11-17 15:30', 1, 3, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求确认劳动关系或者支付劳动报酬") ", '工地拖欠工资', '材料待补',"
  "  '2026-11-18', NULL, NULL, " T ", " T ", NULL),"
  " (3, 'FY2026-0003', 2026, 3, '2026-11-18 10:00', 1, 2, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求给付赡养费、抚养费、扶养费") ", '女儿不付赡养费', '已接收',"
  "  NULL, NULL, NULL, " T ", " T ", NULL),"
  " (4, 'FY2026-0004', 2026, 4, '2026-10-12 09:00', 1, 3, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求确认劳动关系或者支付劳动报酬") ", '工伤后被辞退', '已转交',"
  "  NULL, '2026-10-13', NULL, " T ", " T ", NULL),"
  " (5, 'FY2026-0005', 2026, 5, '2026-11-02 09:00', 1, 1, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求给付赡养费、抚养费、扶养费") ", '母亲赡养', '申请人撤回',"
  "  NULL, NULL, '2026-11-03', " T ", " T ", NULL),"
  " (6, 'FY2026-0006', 2026, 6, '2026-11-10 09:00', 1, 1, " CODE ("aid_matter_type", "民事") ","
  "  " CODE ("aid_matter", "请求给付赡养费、抚养费、扶养费") ", '父亲赡养', '已接收',"
  "  NULL, NULL, NULL, " T ", " T ", '2026-11-11 09:00:00');"
  "INSERT INTO screenings (id, screened_on, committee_id, village_id, screener, found,"
  " prevented, notes, created_at, updated_at, deleted_at) VALUES"
  " (1, '2026-11-05', 2, 1, '李调解', 2, 1, '东坪村三组宅基地边界', " T ", " T ", NULL),"
  " (2, '2026-10-20', 1, 2, '张调解', 0, 0, '西岭村例行排查', " T ", " T ", NULL),"
  " (3, '2026-11-20', 1, NULL, '张调解、刘文书', 1, 1, NULL, " T ", " T ", NULL),"
  " (4, '2026-10-31', 2, 1, '李调解', 1, 0, '复查', " T ", " T ", '2026-11-01 08:00:00');";

static void
small_set_up (Fixture       *f,
              gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("small-%d.db", ++n);
  g_autofree char *path = desk_test_path (name);
  g_autoptr(DeskStore) store = desk_test_open_store (name);

  desk_test_exec (store, small_sql);
  g_clear_object (&store);
  open_window (f, path);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->check);
  g_free (f->path);
}

static const char *const list_pages[] = {
  "consultations", "cases", "screenings", "legal-aid", "people"
};

/* ---- tests: what each page shows ---------------------------------------------- */

/* The first column's text of record @id, from SQL. */
static char *
first_text (Fixture    *f,
            const char *page,
            gint64      id)
{
  const PageSql *p = sql_of (page);
  /* The table and column are from page_sql. */
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s r WHERE r.id = %" G_GINT64_FORMAT,
                                          p->first, p->table, id);

  return query_text (f, sql);
}

/* Whether no other live record of @page has @text in its first column. */
static gboolean
unique (Fixture    *f,
        const char *page,
        const char *text)
{
  const PageSql *p = sql_of (page);
  /* The column is from page_sql. */
  g_autofree char *condition = g_strdup_printf ("%s = ?1", p->first);
  g_autoptr(GArray) ids = ids_where (f, page, condition, text, NULL, 0);

  return ids->len == 1;
}

/* Each page, once shown, lists every live record of its ledger, newest
 * first, and says how many; a page not shown yet has read nothing. */
static void
test_counts_and_order (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      const char *name = list_pages[i];
      DeskListPage *page = page_of (f, name);
      const PageSql *p = sql_of (name);
      /* The table is from page_sql. */
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s"
                                                    " WHERE deleted_at IS NULL", p->table);
      gint64 count = desk_test_query_int (f->check, count_sql);
      g_autoptr(GArray) expected = all_ids (f, name);
      const char *const *columns;
      const DeskListPageSpec *spec = desk_list_page_get_spec (page);

      g_test_message ("page %s", name);
      /* Not shown yet: nothing read, nothing built. */
      g_assert_cmpuint (n_listed (page), ==, 0);
      g_assert_cmpuint (desk_list_model_get_rows_built (model_of (page)), ==, 0);
      g_assert_cmpuint (reloads (page), ==, 0);

      show (f, name);
      g_assert_cmpint (count, >, 100);
      g_assert_cmpuint (expected->len, ==, count);
      assert_lists (page, expected, FALSE, name);
      g_assert_false (gtk_widget_get_visible (named (page, "list-search-hint")));

      /* The first rows, as the model has them and as they are drawn. */
      columns = desk_list_model_get_columns (model_of (page));
      g_assert_cmpstr (columns[0], !=, NULL);
      for (guint j = 0; j < 5; j++)
        {
          g_autoptr(DeskRow) row = row_at (page, j);
          g_autofree char *text = first_text (f, name, g_array_index (expected, gint64, j));

          g_assert_cmpint (desk_row_get_id (row), ==, g_array_index (expected, gint64, j));
          g_assert_false (desk_row_get_gone (row));
          g_assert_cmpstr (desk_row_get (row, spec->columns[0].column), ==, text);
          if (j == 0)
            g_assert_true (shows_text (view_of (page), text));
        }
    }
}

static void
scroll_to_end (DeskListPage *page)
{
  GtkAdjustment *adjustment = vadjustment (page);

  /* The view estimates the rows it has not built: the end moves as it
   * learns, so go on until it stays. */
  for (guint i = 0; i < 20; i++)
    {
      double end = gtk_adjustment_get_upper (adjustment) -
                   gtk_adjustment_get_page_size (adjustment);

      if (i > 0 && fabs (gtk_adjustment_get_value (adjustment) - end) < 1)
        return;
      gtk_adjustment_set_value (adjustment, end);
      wait_frames (GTK_WIDGET (page), 3);
    }
  g_error ("the list does not stay at its end");
}

/* The rows built are those the view holds, a few pages of the model, not
 * the ledger; scrolling to the end builds the pages shown there and none
 * between.  GTK 4.8's list views keep a widget for 200 rows around what is
 * shown (GTK_LIST_VIEW_MAX_LIST_ITEMS), whatever the window's height, and
 * bind them all: up to five pages of the model, however long the ledger. */
#define VIEW_PAGES 5

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  const char *names[] = { "consultations", "people" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      DeskListPage *page = show (f, names[i]);
      DeskListModel *model = model_of (page);
      guint n = n_listed (page);
      guint64 built = desk_list_model_get_rows_built (model);
      guint64 pages = desk_list_model_get_pages_loaded (model);
      g_autofree char *last = first_text (f, names[i], desk_list_model_get_id (model, n - 1));
      g_autofree char *first = first_text (f, names[i], desk_list_model_get_id (model, 0));

      g_test_message ("page %s: %u listed, %" G_GUINT64_FORMAT " rows built in %"
                      G_GUINT64_FORMAT " pages", names[i], n, built, pages);
      g_assert_cmpuint (n, >, 1000);
      g_assert_true (shows_text (view_of (page), first));
      g_assert_cmpuint (built, >=, 10);
      g_assert_cmpuint (pages, <=, VIEW_PAGES);
      g_assert_cmpuint (built, <=, VIEW_PAGES * DESK_LIST_PAGE_SIZE);
      g_assert_cmpuint (built, <, n / 4);
      if (unique (f, names[i], last))
        g_assert_false (shows_text (view_of (page), last));

      scroll_to_end (page);
      g_test_message ("at the end: %" G_GUINT64_FORMAT " rows built in %" G_GUINT64_FORMAT
                      " pages", desk_list_model_get_rows_built (model),
                      desk_list_model_get_pages_loaded (model));
      g_assert_true (shows_text (view_of (page), last));
      if (unique (f, names[i], first))
        g_assert_false (shows_text (view_of (page), first));
      g_assert_cmpuint (desk_list_model_get_pages_loaded (model), >, pages);
      g_assert_cmpuint (desk_list_model_get_pages_loaded (model), <=, pages + VIEW_PAGES);
      g_assert_cmpuint (desk_list_model_get_rows_built (model), <=,
                        built + VIEW_PAGES * DESK_LIST_PAGE_SIZE);
      g_assert_cmpuint (desk_list_model_get_rows_built (model), <, n / 2);
    }
}

/* The table's cells under @root. */
static guint
count_cells (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (GTK_IS_INSCRIPTION (child) ? 1 : 0) + count_cells (child);
  return n;
}

/* The model's position of the first row in sight, even in part (the rows
 * are all of one height). */
static guint
first_in_sight (DeskListPage *page)
{
  GtkAdjustment *adjustment = vadjustment (page);
  double row = gtk_adjustment_get_upper (adjustment) / n_listed (page);

  return (guint) floor (gtk_adjustment_get_value (adjustment) / row);
}

static void press_key_on (GtkWidget  *widget,
                          const char *accelerator);

/* A hidden page with a long list lets its row widgets go, and shown again
 * it is where it was, with its selection: the first frame lists only the
 * rows that were in sight, then the view gets all of them around.  The
 * list is scrolled with the keyboard, as a clerk does, which leaves the
 * view holding on to the row at its bottom. */
static void
test_shown_again (Fixture       *f,
                  gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");
  DeskListPage *other;
  GListModel *view_model;
  guint n = n_listed (page), first, cells, columns, slice;
  gint64 selected;

  g_assert_cmpuint (n, >, 1000);
  gtk_widget_grab_focus (view_of (page));
  for (guint i = 0; i < 12; i++)
    {
      press_key_on (gtk_root_get_focus (GTK_ROOT (f->window)), "Page_Down");
      wait_frames (GTK_WIDGET (page), 1);
    }
  wait_drawn (page);
  first = first_in_sight (page);
  g_assert_cmpuint (first, >, 100);
  view_model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view_of (page))));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (view_model), first + 2, TRUE);
  selected = desk_list_page_get_selected_id (page);
  g_assert_cmpint (selected, ==, desk_list_model_get_id (model_of (page), first + 2));
  cells = count_cells (view_of (page));
  columns = g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view_of (page))));
  g_test_message ("%u cells in %u columns around row %u of %u", cells, columns, first, n);
  g_assert_cmpuint (cells, >=, 100 * columns);

  other = show (f, "cases");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (count_cells (view_of (page)), ==, 0);
  g_assert_cmpuint (n_listed (page), ==, n);
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, selected);

  /* Shown: only the rows that were in sight, from the first of them. */
  desk_window_show_page (f->window, "consultations");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  view_model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view_of (page))));
  slice = g_list_model_get_n_items (view_model);
  g_assert_cmpuint (slice, >, 2);
  g_assert_cmpuint (slice, <, 100);
  {
    g_autoptr(DeskRow) row = g_list_model_get_item (view_model, 0);
    g_autoptr(DeskRow) expected = g_list_model_get_item (G_LIST_MODEL (model_of (page)), first);

    g_assert_true (row == expected);
  }
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (view_model), 2));

  /* Then all of them, still from there. */
  show (f, "consultations");
  g_assert_cmpuint (g_list_model_get_n_items (view_model), ==, n);
  g_assert_cmpuint (first_in_sight (page), ==, first);
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, selected);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (view_model), first + 2));
  g_assert_cmpuint (count_cells (view_of (page)), >=, 100 * columns);
  /* The cases, long too, let theirs go when they were hidden. */
  g_assert_cmpuint (n_listed (other), >, 200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (other)));
  g_assert_cmpuint (count_cells (view_of (other)), ==, 0);
}

/* ---- tests: search -------------------------------------------------------------- */

/* Words taken from the ledger's live records, as a clerk would type them:
 * part of a name, of a number (in lower case), of a text, four digits of a
 * phone or ID number, two words. */
typedef struct
{
  const char *page;
  const char *sql;
} Query;

#define LIVE_PERSON "JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL"

static const Query queries[] = {
  { "consultations", "SELECT substr (p.name, 1, 2) FROM consultations r " LIVE_PERSON
    " WHERE r.deleted_at IS NULL AND length (p.name) >= 2 ORDER BY r.id LIMIT 1 OFFSET 300" },
  { "consultations", "SELECT lower (substr (number, 1, 9)) FROM consultations"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 500" },
  { "consultations", "SELECT substr (content, 4, 3) FROM consultations"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 700" },
  { "consultations", "SELECT substr (p.phone, 5, 4) FROM consultations r " LIVE_PERSON
    " WHERE r.deleted_at IS NULL AND p.phone IS NOT NULL ORDER BY r.id LIMIT 1 OFFSET 100" },
  { "consultations", "SELECT substr (p.name, 1, 1) || ' ' || substr (r.content, 2, 2)"
    " FROM consultations r " LIVE_PERSON " WHERE r.deleted_at IS NULL ORDER BY r.id"
    " LIMIT 1 OFFSET 1000" },
  { "cases", "SELECT substr (number, 7, 5) FROM mediation_cases"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 40" },
  { "cases", "SELECT substr (summary, 3, 4) FROM mediation_cases"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 200" },
  { "cases", "SELECT substr (p.name, 1, 2) FROM mediation_cases r"
    " JOIN case_parties cp ON cp.case_id = r.id JOIN people p ON p.id = cp.person_id"
    " WHERE r.deleted_at IS NULL AND length (p.name) >= 2 ORDER BY r.id, cp.id"
    " LIMIT 1 OFFSET 150" },
  { "screenings", "SELECT substr (screener, 1, 2) FROM screenings"
    " WHERE deleted_at IS NULL AND length (screener) >= 2 ORDER BY id LIMIT 1 OFFSET 20" },
  { "screenings", "SELECT substr (notes, 2, 3) FROM screenings"
    " WHERE deleted_at IS NULL AND length (notes) > 6 ORDER BY id LIMIT 1 OFFSET 10" },
  { "legal-aid", "SELECT lower (substr (number, 1, 6)) FROM legal_aid"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 30" },
  { "legal-aid", "SELECT substr (summary, 2, 3) FROM legal_aid"
    " WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 100" },
  { "legal-aid", "SELECT substr (p.name, 1, 2) FROM legal_aid r " LIVE_PERSON
    " WHERE r.deleted_at IS NULL AND length (p.name) >= 2 ORDER BY r.id LIMIT 1 OFFSET 60" },
  { "people", "SELECT substr (name, 2, 2) FROM people"
    " WHERE deleted_at IS NULL AND length (name) >= 3 ORDER BY id LIMIT 1 OFFSET 50" },
  { "people", "SELECT substr (phone, 8, 4) FROM people"
    " WHERE deleted_at IS NULL AND phone IS NOT NULL ORDER BY id LIMIT 1 OFFSET 400" },
  { "people", "SELECT substr (id_number, 11, 4) FROM people"
    " WHERE deleted_at IS NULL AND length (id_number) = 18 ORDER BY id LIMIT 1 OFFSET 200" },
  { "people", "SELECT substr (address, 1, 3) FROM people"
    " WHERE deleted_at IS NULL AND length (address) >= 3 ORDER BY id LIMIT 1 OFFSET 600" },
};

/* Long enough to search with: two characters or more, four digits or more
 * when only digits. */
static void
assert_searchable (const char *query)
{
  g_auto(GStrv) words = g_strsplit (query, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean digits = TRUE;

      for (const char *c = words[i]; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          digits = FALSE;
      if (g_utf8_strlen (words[i], -1) < (digits ? 4 : 2) && g_strv_length (words) == 1)
        g_error ("“%s” is too short to search with", query);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      DeskListPage *page = show (f, queries[i].page);
      g_autofree char *query = query_text (f, queries[i].sql);
      g_autoptr(GArray) expected = search_ids (f, queries[i].page, query);
      g_autoptr(GArray) all = all_ids (f, queries[i].page);
      g_autofree char *what = g_strdup_printf ("%s, search “%s”", queries[i].page, query);

      g_test_message ("%s: %u found", what, expected->len);
      assert_searchable (query);
      g_assert_cmpuint (expected->len, >, 0);
      g_assert_cmpuint (expected->len, <, all->len);
      search (page, query);
      assert_lists (page, expected, TRUE, what);
      g_assert_false (gtk_widget_get_visible (named (page, "list-search-hint")));
      if (i + 1 == G_N_ELEMENTS (queries) || !g_str_equal (queries[i + 1].page, queries[i].page))
        {
          search (page, "");
          assert_lists (page, all, FALSE, queries[i].page);
        }
    }
}

/* Too short to search with: the whole list stays, with the hint; what no
 * record holds: the empty state; Escape clears. */
static void
test_search_hint_and_escape (Fixture       *f,
                             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      DeskListPage *page = show (f, list_pages[i]);
      g_autoptr(GArray) all = all_ids (f, list_pages[i]);
      g_autoptr(GArray) none = NONE ();
      GtkWidget *entry = named (page, "list-search");

      g_test_message ("page %s", list_pages[i]);
      search (page, "张");
      assert_lists (page, all, FALSE, "one character");
      g_assert_true (gtk_widget_get_visible (named (page, "list-search-hint")));
      g_assert_cmpstr (text_of (page, "list-search-hint"), ==, "输入至少两个字或四位数字开始搜索");
      search (page, "138");
      assert_lists (page, all, FALSE, "three digits");
      g_assert_true (gtk_widget_get_visible (named (page, "list-search-hint")));

      search (page, "查无此人此事");
      g_assert_false (gtk_widget_get_visible (named (page, "list-search-hint")));
      assert_lists (page, none, TRUE, "nothing found");
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (named (page, "list-empty"))),
                       ==, "没有符合条件的记录");
      g_assert_true (gtk_widget_get_visible (named (page, "list-empty-button")));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (page, "list-empty-button"))),
                       ==, "清除搜索和筛选(_C)");

      /* Escape in the search: the key the entry binds to stop-search. */
      gtk_widget_grab_focus (entry);
      g_assert_true (press_key (entry, "Escape"));
      wait_search (page, "");
      g_assert_cmpstr (text_of (page, "list-search"), ==, "");
      assert_lists (page, all, FALSE, "after Escape");
      g_assert_false (gtk_widget_get_visible (named (page, "list-search-hint")));
    }
}

static DeskConsultationEditor *
find_consultation_editor (void)
{
  return find_toplevel (DESK_TYPE_CONSULTATION_EDITOR);
}

/* The key @accelerator on @widget, going up to its ancestors until one
 * takes it, as a key press bubbles. */
static void
press_key_on (GtkWidget  *widget,
              const char *accelerator)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (press_key (w, accelerator))
      return;
  g_error ("nothing takes %s", accelerator);
}

/* Ctrl+F goes to the search of the page shown; Enter there moves on to the
 * first row, and Enter again opens it. */
static void
test_search_keys (Fixture       *f,
                  gconstpointer  data)
{
  DeskListPage *page;
  DeskConsultationEditor *editor;
  g_autofree char *query = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  GtkWidget *focus;

  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      page = show (f, list_pages[i]);
      gtk_widget_grab_focus (GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
      iterate ();
      g_assert_true (has_focus_in (f->window, page, "list-search"));
    }

  page = show (f, "consultations");
  query = query_text (f, queries[0].sql);
  expected = search_ids (f, "consultations", query);
  g_assert_cmpuint (expected->len, >, 1);
  search (page, query);
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, 0);
  press_enter (page, "list-search");
  wait_frames (GTK_WIDGET (page), 2);
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, g_array_index (expected, gint64, 0));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, view_of (page)));
  g_assert_null (find_consultation_editor ());

  press_key_on (focus, "Return");
  editor = find_consultation_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_consultation_editor_get_consultation_id (editor), ==,
                   g_array_index (expected, gint64, 0));
  number = first_text (f, "consultations", g_array_index (expected, gint64, 0));
  title = g_strdup_printf ("咨询 %s", number);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, title);
  g_assert_cmpstr (desk_consultation_editor_get_number (editor), ==, number);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

/* ---- tests: filters -------------------------------------------------------------- */

typedef struct
{
  const char *page;
  const char *filter;
  /* on r: ?3 is the choice's id, or ?1 its label for the statuses */
  const char *condition;
  /* ?3 → the label the choice shows; NULL: statuses, data labels */
  const char *label_sql;
  /* how many choices beyond the first ("every …"), by SQL */
  const char *count_sql;
} FilterCheck;

#define CODE_LABEL "SELECT label FROM codes WHERE id = ?3"
#define CODES_OF(kind) "SELECT count(*) FROM codes WHERE kind = '" kind "'"

static const FilterCheck filter_checks[] = {
  { "consultations", "filter-channel", "r.channel_id = ?3", CODE_LABEL, CODES_OF ("channel") },
  { "consultations", "filter-category", "r.category_id = ?3", CODE_LABEL,
    CODES_OF ("consult_category") },
  { "consultations", "filter-result", "r.result_id = ?3", CODE_LABEL,
    CODES_OF ("consult_result") },
  { "consultations", "filter-village", "r.village_id = ?3",
    "SELECT name FROM villages WHERE id = ?3",
    "SELECT count(*) FROM villages WHERE deleted_at IS NULL" },
  { "cases", "filter-committee", "r.committee_id = ?3",
    "SELECT name FROM committees WHERE id = ?3",
    "SELECT count(*) FROM committees WHERE deleted_at IS NULL" },
  { "cases", "filter-dispute-type", "r.dispute_type_id = ?3", CODE_LABEL,
    CODES_OF ("dispute_type") },
  { "cases", "filter-status", "r.status = ?1", NULL, NULL },
  { "cases", "filter-mediator",
    "EXISTS (SELECT 1 FROM case_mediators m WHERE m.case_id = r.id AND m.mediator_id = ?3)",
    "SELECT name FROM mediators WHERE id = ?3",
    "SELECT count(*) FROM mediators WHERE deleted_at IS NULL" },
  { "screenings", "filter-committee", "r.committee_id = ?3",
    "SELECT name FROM committees WHERE id = ?3",
    "SELECT count(*) FROM committees WHERE deleted_at IS NULL" },
  { "screenings", "filter-village", "r.village_id = ?3",
    "SELECT name FROM villages WHERE id = ?3",
    "SELECT count(*) FROM villages WHERE deleted_at IS NULL" },
  { "legal-aid", "filter-status", "r.status = ?1", NULL, NULL },
  { "legal-aid", "filter-matter", "r.matter_id = ?3", CODE_LABEL, CODES_OF ("aid_matter") },
  { "people", "filter-village", "r.village_id = ?3",
    "SELECT name FROM villages WHERE id = ?3",
    "SELECT count(*) FROM villages WHERE deleted_at IS NULL" },
};

static const char *const case_statuses[] = {
  "已受理", "调解中", "调解成功", "调解不成功", "终止", NULL
};
static const char *const aid_statuses[] = {
  "已接收", "材料待补", "已转交", "中心已受理", "决定给予", "决定不予", "已指派", "已结案",
  "已终止", "申请人撤回", NULL
};

static char *
text_where (Fixture    *f,
            const char *sql,
            gint64      n)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (f->check), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 3, n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The choice after @i of @n to try: every one of a short list; of a long
 * one (mediators) about a dozen spread over it, the last included, since
 * each choice reloads and redraws the view. */
#define MAX_CHOICES 12

static guint
next_choice (guint i,
             guint n)
{
  guint step = MAX (1, (n - 1) / MAX_CHOICES);

  if (i + 1 < n && i + step >= n)
    return n - 1;
  return i + step;
}

/* The choices of one filter, one after the other: the page lists exactly
 * what SQL finds, and everything again with the first choice. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  const FilterCheck *check = data;
  DeskListPage *page = show (f, check->page);
  GtkDropDown *drop_down = GTK_DROP_DOWN (named (page, check->filter));
  g_autoptr(GArray) all = all_ids (f, check->page);
  guint n = n_choices (page, check->filter);
  const char *const *statuses = g_str_equal (check->page, "cases") ? case_statuses
                                                                    : aid_statuses;
  guint empty = 0, tried = 0;

  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, 0);
  if (check->count_sql != NULL)
    g_assert_cmpint (n - 1, ==, desk_test_query_int (f->check, check->count_sql));
  else
    g_assert_cmpuint (n - 1, ==, g_strv_length ((char **) statuses));
  g_assert_cmpuint (n, >, 2);

  for (guint i = 1; i < n; i = next_choice (i, n))
    {
      g_autofree char *label = choice_label (page, check->filter, i);
      g_autofree char *what = g_strdup_printf ("%s, %s %s", check->page, check->filter, label);
      g_autoptr(GArray) expected = NULL;
      gint64 id;

      select_choice (page, check->filter, i);
      tried++;
      id = desk_form_drop_down_get_id (drop_down);
      if (check->label_sql != NULL)
        {
          g_autofree char *name = text_where (f, check->label_sql, id);

          g_assert_cmpint (id, >, 0);
          g_assert_cmpstr (label, ==, name);
          expected = ids_where (f, check->page, check->condition, NULL, NULL, id);
        }
      else
        {
          g_assert_cmpstr (label, ==, statuses[i - 1]);
          expected = ids_where (f, check->page, check->condition, label, NULL, 0);
        }
      g_test_message ("%s: %u", what, expected->len);
      assert_lists (page, expected, TRUE, what);
      if (expected->len == 0)
        {
          empty++;
          g_assert_true (gtk_widget_get_visible (named (page, "list-empty-button")));
        }
    }
  /* The ledger has enough for the comparison to mean something. */
  g_assert_cmpuint (empty, <, tried);

  select_choice (page, check->filter, 0);
  assert_lists (page, all, FALSE, "every choice");
}

/* The periods, by the record's date, today 2026-11-23. */
static void
test_periods (Fixture       *f,
              gconstpointer  data)
{
  const struct
  {
    const char *label;
    const char *from;
    const char *until;
  } periods[] = {
    { "本月", "2026-11-01", "2026-11-23" },
    { "上月", "2026-10-01", "2026-10-31" },
    { "近三个月", "2026-09-01", "2026-11-23" },
    { "本年", "2026-01-01", "2026-11-23" },
    { "上年", "2025-01-01", "2025-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      const PageSql *p = sql_of (list_pages[i]);
      g_autofree char *condition = NULL;
      g_autoptr(GArray) all = NULL;
      DeskListPage *page;

      if (p->date == NULL)
        {
          g_assert_null (find_named (GTK_WIDGET (page_of (f, list_pages[i])), "filter-period"));
          continue;
        }
      page = show (f, list_pages[i]);
      all = all_ids (f, list_pages[i]);
      /* The date column is from page_sql. */
      condition = g_strdup_printf ("substr (%s, 1, 10) BETWEEN ?1 AND ?2", p->date);
      {
        g_autofree char *any = chosen (page, "filter-period");

        g_assert_cmpstr (any, ==, "全部日期");
      }
      for (guint j = 0; j < G_N_ELEMENTS (periods); j++)
        {
          g_autoptr(GArray) expected = ids_where (f, list_pages[i], condition, periods[j].from,
                                                  periods[j].until, 0);
          g_autofree char *what = g_strdup_printf ("%s, %s", list_pages[i], periods[j].label);

          g_test_message ("%s: %u", what, expected->len);
          choose_label (page, "filter-period", periods[j].label);
          assert_lists (page, expected, TRUE, what);
          g_assert_cmpuint (expected->len, >, 0);
        }
      choose_label (page, "filter-period", "全部日期");
      assert_lists (page, all, FALSE, "any date");
    }
}

/* Past the time limit today: the cases open more than 30 days after
 * acceptance, the applications not forwarded within 3 working days, as
 * the records' own rules say. */
static GArray *
overdue_ids (Fixture    *f,
             const char *page)
{
  g_autoptr(GArray) all = all_ids (f, page);
  GArray *overdue = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      g_autoptr(GError) error = NULL;
      gboolean late;

      if (g_str_equal (page, "cases"))
        {
          g_autoptr(DeskCase) c = desk_case_get (f->check, id, &error);

          g_assert_no_error (error);
          late = desk_case_overdue_days (f->check, c) > 0;
        }
      else
        {
          g_autoptr(DeskLegalAid) aid = desk_legal_aid_get (f->check, id, &error);

          g_assert_no_error (error);
          late = desk_legal_aid_overdue (f->check, aid, NULL);
        }
      if (late)
        g_array_append_val (overdue, id);
    }
  return overdue;
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  const char *names[] = { "cases", "legal-aid" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      DeskListPage *page = show (f, names[i]);
      g_autoptr(GArray) expected = overdue_ids (f, names[i]);
      g_autoptr(GArray) all = all_ids (f, names[i]);

      g_test_message ("%s overdue: %u", names[i], expected->len);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named (page, "filter-overdue"))), ==,
                       "逾期(_O)");
      toggle (page, "filter-overdue", TRUE);
      assert_lists (page, expected, TRUE, names[i]);
      toggle (page, "filter-overdue", FALSE);
      assert_lists (page, all, FALSE, names[i]);
    }
}

/* Filters together, and with a search, narrow to what all of them let
 * through; the empty state's button clears every one of them. */
static void
test_filters_together (Fixture       *f,
                       gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");
  g_autoptr(GArray) all = all_ids (f, "consultations");
  g_autoptr(GArray) this_year = ids_where (f, "consultations",
                                           "substr (r.at, 1, 10) BETWEEN ?1 AND ?2",
                                           "2026-01-01", "2026-11-23", 0);
  g_autoptr(GArray) village = NULL;
  g_autoptr(GArray) both = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) all_three = NULL;
  g_autofree char *query = NULL;
  gint64 village_id;

  choose_label (page, "filter-period", "本年");
  /* The village with the most consultations this year. */
  village_id = desk_test_query_int (f->check,
                                    "SELECT village_id FROM consultations WHERE deleted_at IS NULL"
                                    " AND at >= '2026' AND village_id IS NOT NULL"
                                    " GROUP BY village_id ORDER BY count(*) DESC, village_id"
                                    " LIMIT 1");
  g_assert_true (desk_form_drop_down_set_id (GTK_DROP_DOWN (named (page, "filter-village")),
                                             village_id));
  WAIT_UNTIL (!desk_list_page_get_busy (page));
  iterate ();
  village = ids_where (f, "consultations", "r.village_id = ?3", NULL, NULL, village_id);
  both = keep_only (this_year, village);
  g_assert_cmpuint (both->len, >, 2);
  assert_lists (page, both, TRUE, "this year in the village");

  /* A word from one of them, with the filters still set. */
  query = first_text (f, "consultations", g_array_index (both, gint64, 1));
  found = search_ids (f, "consultations", query);
  all_three = keep_only (both, found);
  search (page, query);
  assert_lists (page, all_three, TRUE, "this year in the village, searched");
  g_assert_cmpuint (all_three->len, >=, 1);

  /* Nothing: the empty state says so and clears all. */
  search (page, "查无此人此事");
  g_assert_cmpstr (shown_state (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (named (page, "list-empty"))), ==,
                   "没有符合条件的记录");
  {
    guint before = reloads (page);

    g_signal_emit_by_name (named (page, "list-empty-button"), "clicked");
    wait_reload (page, before);
  }
  g_assert_cmpstr (text_of (page, "list-search"), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (page, "filter-period"))),
                    ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (page, "filter-village"))),
                    ==, 0);
  assert_lists (page, all, FALSE, "cleared");
  g_assert_true (has_focus_in (f->window, page, "list-search"));
}

/* ---- tests: sorting by a column's header ---------------------------------------- */

/* What a column sorts by, over r: the rows must follow @key; those with the
 * same @group (when given) must follow @within too. */
typedef struct
{
  const char *page;
  const char *sort_key;   /* the spec's */
  const char *key;
  const char *group;
  const char *within;
} SortCheck;

static const SortCheck sort_checks[] = {
  { "consultations", "number", "r.year", "r.year", "r.seq" },
  { "consultations", "at", "r.at" },
  { "consultations", "person", "(SELECT name FROM people WHERE id = r.person_id)" },
  { "consultations", "category", "(SELECT sort_order FROM codes WHERE id = r.category_id)" },
  { "cases", "number", "r.year", "r.year || '/' || r.committee_id", "r.seq" },
  { "cases", "accepted_on", "r.accepted_on" },
  { "cases", "status", "r.status" },
  { "cases", "closed_on", "r.closed_on" },
  { "screenings", "screened_on", "r.screened_on" },
  { "screenings", "village", "(SELECT name FROM villages WHERE id = r.village_id)" },
  { "legal-aid", "number", "r.year", "r.year", "r.seq" },
  { "legal-aid", "received_at", "r.received_at" },
  { "legal-aid", "person", "(SELECT name FROM people WHERE id = r.person_id)" },
  { "legal-aid", "status", "r.status" },
  { "people", "name", "r.name" },
  { "people", "village", "(SELECT name FROM villages WHERE id = r.village_id)" },
};

/* How many rows of the list are out of order by @key against the row
 * before them (NULL first when ascending, as SQLite sorts), or by @within
 * against the row before them in their @group. */
static gint64
out_of_order (Fixture    *f,
              const char *table,
              GArray     *listed,
              const char *key,
              const char *group,
              const char *within,
              gboolean    descending)
{
  sqlite3 *db = desk_store_get_db (f->check);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 wrong;

  desk_test_exec (f->check, "DROP TABLE IF EXISTS temp.listed;"
                            "CREATE TEMP TABLE listed (pos INTEGER PRIMARY KEY, id INTEGER);");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO temp.listed (pos, id) VALUES (?1, ?2)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  desk_test_exec (f->check, "BEGIN");
  for (guint i = 0; i < listed->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (listed, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  desk_test_exec (f->check, "COMMIT");
  sqlite3_finalize (stmt);

  /* The table and the expressions are from sort_checks and page_sql.
   * Each row against the one before it, and against the one before it in
   * its group. */
  sql = g_strdup_printf ("WITH k AS (SELECT l.pos, %s AS key, %s AS grp, %s AS sub"
                         "  FROM temp.listed l JOIN %s r ON r.id = l.id),"
                         " w AS (SELECT key, grp, sub,"
                         "  lag (pos) OVER (ORDER BY pos) AS prev_pos,"
                         "  lag (key) OVER (ORDER BY pos) AS prev_key,"
                         "  lag (sub) OVER (PARTITION BY grp ORDER BY pos) AS prev_sub"
                         "  FROM k)"
                         " SELECT count(*) FROM w WHERE (prev_pos IS NOT NULL AND (%s))"
                         "  OR (grp IS NOT NULL AND %s)",
                         key, group ? group : "NULL", within ? within : "NULL", table,
                         descending ? "(prev_key IS NULL AND key IS NOT NULL) OR prev_key < key"
                                    : "(key IS NULL AND prev_key IS NOT NULL) OR prev_key > key",
                         descending ? "prev_sub < sub" : "prev_sub > sub");
  wrong = desk_test_query_int (f->check, sql);
  desk_test_exec (f->check, "DROP TABLE temp.listed");
  return wrong;
}

static GtkColumnViewColumn *
column_of (DeskListPage *page,
           const char   *sort_key)
{
  const DeskListPageSpec *spec = desk_list_page_get_spec (page);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view_of (page)));

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    if (g_strcmp0 (spec->columns[i].sort_key, sort_key) == 0)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        g_assert_nonnull (gtk_column_view_column_get_sorter (column));
        return column;
      }
  g_error ("%s has no column sorting by %s", spec->name, sort_key);
}

/* A click on a column's header, as GTK does it. */
static void
sort_by (DeskListPage        *page,
         GtkColumnViewColumn *column,
         GtkSortType          direction)
{
  guint before = reloads (page);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view_of (page)), column, direction);
  wait_reload (page, before);
}

static void
test_sorting (Fixture       *f,
              gconstpointer  data)
{
  const char *shown = NULL;
  DeskListPage *page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sort_checks); i++)
    {
      const SortCheck *check = &sort_checks[i];
      const PageSql *p = sql_of (check->page);
      g_autoptr(GArray) all = all_ids (f, check->page);
      GtkColumnViewColumn *column;

      if (g_strcmp0 (shown, check->page) != 0)
        {
          shown = check->page;
          page = show (f, check->page);
        }
      column = column_of (page, check->sort_key);
      for (guint d = 0; d < 2; d++)
        {
          gboolean descending = d == 1;
          g_autoptr(GArray) listed = NULL;
          g_autoptr(GArray) same = NULL;

          g_test_message ("%s by %s, %s", check->page, check->sort_key,
                          descending ? "descending" : "ascending");
          sort_by (page, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          listed = listed_ids (page);
          /* The same records, nothing lost or twice. */
          same = keep_only (all, listed);
          g_assert_cmpuint (listed->len, ==, all->len);
          g_assert_cmpuint (same->len, ==, all->len);
          assert_count (page, FALSE, all->len);
          g_assert_cmpint (out_of_order (f, p->table, listed, check->key, check->group,
                                         check->within, descending), ==, 0);
          /* The order changed: it is not the default one (unless it is). */
          if (g_strcmp0 (check->sort_key, desk_list_page_get_spec (page)->sort_key) != 0)
            g_assert_cmpint (out_of_order (f, p->table, listed, check->key, check->group,
                                           check->within, !descending), >, 0);
        }

      /* The last column of the page: the header clicked away, the
       * default order again. */
      if (i + 1 == G_N_ELEMENTS (sort_checks) ||
          !g_str_equal (sort_checks[i + 1].page, check->page))
        {
          sort_by (page, NULL, GTK_SORT_ASCENDING);
          assert_lists (page, all, FALSE, "the default order again");
        }
    }
}

/* ---- tests: exact answers on the small ledger ------------------------------------- */

static void
expect (DeskListPage *page,
        GArray       *expected,   /* (transfer full) */
        gboolean      narrowed,
        const char   *what)
{
  assert_lists (page, expected, narrowed, what);
  g_array_unref (expected);
}

static void
test_small_consultations (Fixture       *f,
                          gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");

  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "all, newest first");
  g_assert_cmpstr (count_label (page), ==, "共 7 条");
  /* The anonymous visitor, as the column says it. */
  g_assert_true (shows_text (view_of (page), "匿名"));
  g_assert_true (shows_text (view_of (page), "ZX2026-0005"));
  g_assert_false (shows_text (view_of (page), "ZX2026-0006"));   /* deleted */

  /* Periods: the first minute of the month is in it, the last minute of
   * the month before is not. */
  choose_label (page, "filter-period", "本月");
  expect (page, IDS (5, 8, 4), TRUE, "本月");
  g_assert_cmpstr (count_label (page), ==, "找到 3 条");
  choose_label (page, "filter-period", "上月");
  expect (page, IDS (3, 2), TRUE, "上月");
  choose_label (page, "filter-period", "近三个月");
  expect (page, IDS (5, 8, 4, 3, 2, 1), TRUE, "近三个月");
  choose_label (page, "filter-period", "本年");
  expect (page, IDS (5, 8, 4, 3, 2, 1), TRUE, "本年");
  choose_label (page, "filter-period", "上年");
  expect (page, IDS (7), TRUE, "上年");
  choose_label (page, "filter-period", "全部日期");
  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "全部日期");

  choose_label (page, "filter-category", "继承");
  expect (page, IDS (5, 8, 2), TRUE, "继承");
  choose_label (page, "filter-category", "全部咨询类别");
  choose_label (page, "filter-village", "东坪村");
  expect (page, IDS (8, 4, 2), TRUE, "东坪村");
  choose_label (page, "filter-village", "西岭村");
  expect (page, IDS (1, 7), TRUE, "西岭村");
  choose_label (page, "filter-village", "南山社区");
  expect (page, IDS (3), TRUE, "南山社区");
  choose_label (page, "filter-village", "全部村(居)");

  search (page, "继承");
  expect (page, IDS (8, 2), TRUE, "search 继承");
  search (page, "赵一");   /* the visitor's name; 赵一鸣 is deleted */
  expect (page, IDS (4, 2), TRUE, "search 赵一");
  search (page, "1111");   /* four digits of 赵一's phone */
  expect (page, IDS (4, 2), TRUE, "search 1111");
  search (page, "zx2025");
  expect (page, IDS (7), TRUE, "search zx2025");
  search (page, "房屋 继承");
  expect (page, IDS (8, 2), TRUE, "search 房屋 继承");
  search (page, "");
  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "search cleared");
}

/* The filters of 咨询方式 and 处理结果. */
static void
test_small_consultation_codes (Fixture       *f,
                               gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");

  choose_label (page, "filter-channel", "来电");
  expect (page, IDS (3, 1), TRUE, "来电");
  choose_label (page, "filter-channel", "网络");
  expect (page, IDS (5), TRUE, "网络");
  choose_label (page, "filter-channel", "全部渠道");
  choose_label (page, "filter-result", "当场解答");
  expect (page, IDS (5, 8, 2, 1), TRUE, "当场解答");
  choose_label (page, "filter-result", "转介律师");
  expect (page, IDS (7), TRUE, "转介律师");

  /* Nothing this month by telephone: the empty state, whose button clears
   * the search and every filter. */
  choose_label (page, "filter-result", "全部处理结果");
  choose_label (page, "filter-period", "本月");
  choose_label (page, "filter-channel", "来电");
  expect (page, NONE (), TRUE, "本月 来电");
  g_assert_cmpstr (count_label (page), ==, "找到 0 条");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (named (page, "list-empty"))), ==,
                   "没有符合条件的记录");
  search (page, "工资");
  expect (page, NONE (), TRUE, "本月 来电 工资");
  {
    guint before = reloads (page);

    g_signal_emit_by_name (named (page, "list-empty-button"), "clicked");
    wait_reload (page, before);
  }
  g_assert_cmpstr (text_of (page, "list-search"), ==, "");
  for (guint i = 0; i < desk_list_page_get_spec (page)->n_filters; i++)
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (page,
      desk_list_page_get_spec (page)->filters[i].name))), ==, 0);
  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "cleared");
}

static void
test_small_cases (Fixture       *f,
                  gconstpointer  data)
{
  DeskListPage *page = show (f, "cases");

  expect (page, IDS (6, 2, 1, 3, 4), FALSE, "all");
  g_assert_true (shows_text (view_of (page), "（2026）东坪人调字第4号"));
  g_assert_true (shows_text (view_of (page), "孙三、李四"));   /* the parties */
  choose_label (page, "filter-period", "本月");
  expect (page, IDS (6), TRUE, "本月");
  choose_label (page, "filter-period", "上月");
  expect (page, IDS (2, 1), TRUE, "上月");
  choose_label (page, "filter-period", "全部日期");
  choose_label (page, "filter-dispute-type", "邻里纠纷");
  expect (page, IDS (6, 1, 3), TRUE, "邻里纠纷");
  choose_label (page, "filter-dispute-type", "全部纠纷类型");
  choose_label (page, "filter-status", "调解中");
  expect (page, IDS (6, 2), TRUE, "调解中");
  choose_label (page, "filter-status", "终止");
  expect (page, NONE (), TRUE, "终止");
  choose_label (page, "filter-status", "全部状态");
  search (page, "孙三");
  expect (page, IDS (6, 2), TRUE, "search 孙三");
  search (page, "排水沟");
  expect (page, IDS (1), TRUE, "search 排水沟");
  search (page, "");
  expect (page, IDS (6, 2, 1, 3, 4), FALSE, "all again");
}

/* 调委会, 调解员 and 逾期: one open case accepted 31 days ago is past the
 * 30 days; the one of 30 days is not, nor a closed or deleted one. */
static void
test_small_case_filters (Fixture       *f,
                         gconstpointer  data)
{
  DeskListPage *page = show (f, "cases");

  choose_label (page, "filter-committee", "青山镇人民调解委员会");
  expect (page, IDS (2, 1), TRUE, "青山");
  choose_label (page, "filter-committee", "东坪村人民调解委员会");
  expect (page, IDS (6, 3, 4), TRUE, "东坪");
  choose_label (page, "filter-committee", "全部调委会");
  choose_label (page, "filter-mediator", "张调解");
  expect (page, IDS (2, 1), TRUE, "张调解");
  choose_label (page, "filter-mediator", "王调解");
  expect (page, IDS (6, 3), TRUE, "王调解");
  choose_label (page, "filter-mediator", "全部调解员");
  toggle (page, "filter-overdue", TRUE);
  expect (page, IDS (1), TRUE, "逾期");
  /* Together with another filter. */
  choose_label (page, "filter-committee", "东坪村人民调解委员会");
  expect (page, NONE (), TRUE, "逾期 东坪");
  g_signal_emit_by_name (named (page, "list-empty-button"), "clicked");
  WAIT_UNTIL (!desk_list_page_get_busy (page));
  wait_frames (GTK_WIDGET (page), 3);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (page,
                                                                          "filter-overdue"))));
  expect (page, IDS (6, 2, 1, 3, 4), FALSE, "cleared");
}

static void
test_small_legal_aid (Fixture       *f,
                      gconstpointer  data)
{
  DeskListPage *page = show (f, "legal-aid");

  expect (page, IDS (3, 2, 1, 5, 4), FALSE, "all");
  choose_label (page, "filter-period", "本月");
  expect (page, IDS (3, 2, 1, 5), TRUE, "本月");
  choose_label (page, "filter-period", "上月");
  expect (page, IDS (4), TRUE, "上月");
  choose_label (page, "filter-period", "全部日期");
  choose_label (page, "filter-status", "已接收");
  expect (page, IDS (3, 1), TRUE, "已接收");
  choose_label (page, "filter-status", "申请人撤回");
  expect (page, IDS (5), TRUE, "申请人撤回");
  choose_label (page, "filter-status", "全部状态");
  choose_label (page, "filter-matter", "请求确认劳动关系或者支付劳动报酬");
  expect (page, IDS (2, 4), TRUE, "劳动报酬");
  choose_label (page, "filter-matter", "全部援助事项");
  search (page, "钱二");
  expect (page, IDS (3, 1), TRUE, "search 钱二");
  search (page, "fy2026-0004");
  expect (page, IDS (4), TRUE, "search fy2026-0004");
  search (page, "");
}

/* Received on Monday the 16th: five working days by today, past the three;
 * Tuesday the 17th: four; Wednesday the 18th: three, not yet. */
static void
test_small_aid_overdue (Fixture       *f,
                        gconstpointer  data)
{
  DeskListPage *page = show (f, "legal-aid");

  toggle (page, "filter-overdue", TRUE);
  expect (page, IDS (2, 1), TRUE, "逾期");
  choose_label (page, "filter-status", "材料待补");
  expect (page, IDS (2), TRUE, "逾期 材料待补");
  toggle (page, "filter-overdue", FALSE);
  expect (page, IDS (2), TRUE, "材料待补");
}

static void
test_small_screenings_and_people (Fixture       *f,
                                  gconstpointer  data)
{
  DeskListPage *page = show (f, "screenings");

  expect (page, IDS (3, 1, 2), FALSE, "screenings");
  choose_label (page, "filter-period", "本月");
  expect (page, IDS (3, 1), TRUE, "本月");
  choose_label (page, "filter-period", "全部日期");
  choose_label (page, "filter-village", "东坪村");
  expect (page, IDS (1), TRUE, "东坪村");
  choose_label (page, "filter-village", "南山社区");
  expect (page, NONE (), TRUE, "南山社区");
  choose_label (page, "filter-village", "全部村(居)");
  search (page, "张调解");
  expect (page, IDS (3, 2), TRUE, "search 张调解");
  search (page, "宅基地");
  expect (page, IDS (1), TRUE, "search 宅基地");
  search (page, "");

  page = show (f, "people");
  expect (page, IDS (4, 3, 2, 1), FALSE, "people");
  g_assert_false (shows_text (view_of (page), "赵一鸣"));
  choose_label (page, "filter-village", "东坪村");
  expect (page, IDS (1), TRUE, "东坪村");
  choose_label (page, "filter-village", "全部村(居)");
  search (page, "赵一");
  expect (page, IDS (1), TRUE, "search 赵一");
  search (page, "2222");
  expect (page, IDS (2), TRUE, "search 2222");
  search (page, "东坪村");
  expect (page, IDS (1), TRUE, "search 东坪村 (the address)");
}

static void
test_small_screening_committee (Fixture       *f,
                                gconstpointer  data)
{
  DeskListPage *page = show (f, "screenings");

  choose_label (page, "filter-committee", "青山镇人民调解委员会");
  expect (page, IDS (3, 2), TRUE, "青山");
  choose_label (page, "filter-committee", "东坪村人民调解委员会");
  expect (page, IDS (1), TRUE, "东坪");
}

/* In January, 上月 is December of the year before, 上年 the whole of it. */
static void
test_small_new_year (Fixture       *f,
                     gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");
  guint before = reloads (page);

  g_setenv ("LEGALDESK_TODAY", "2027-01-10", TRUE);
  desk_test_exec (f->check,
    "INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id, person_id,"
    " category_id, content, result_id, created_at, updated_at) VALUES"
    " (9, 'ZX2026-0008', 2026, 8, '2026-12-01 09:00', 1, " CODE ("channel", "来访") ", 1,"
    "  " CODE ("consult_category", "继承") ", '十二月', " CODE ("consult_result", "当场解答") ","
    "  " T ", " T "),"
    " (10, 'ZX2026-0009', 2026, 9, '2026-12-31 23:00', 1, " CODE ("channel", "来访") ", 1,"
    "  " CODE ("consult_category", "继承") ", '除夕', " CODE ("consult_result", "当场解答") ","
    "  " T ", " T "),"
    " (11, 'ZX2027-0001', 2027, 1, '2027-01-01 00:00', 1, " CODE ("channel", "来访") ", 1,"
    "  " CODE ("consult_category", "继承") ", '元旦', " CODE ("consult_result", "当场解答") ","
    "  " T ", " T "),"
    " (12, 'ZX2027-0002', 2027, 2, '2027-01-10 08:00', 1, " CODE ("channel", "来访") ", 1,"
    "  " CODE ("consult_category", "继承") ", '今天', " CODE ("consult_result", "当场解答") ","
    "  " T ", " T ");");
  desk_window_reload (f->window);
  wait_reload (page, before);
  expect (page, IDS (12, 11, 10, 9, 5, 8, 4, 3, 2, 1, 7), FALSE, "all");
  choose_label (page, "filter-period", "本月");
  expect (page, IDS (12, 11), TRUE, "本月");
  choose_label (page, "filter-period", "上月");
  expect (page, IDS (10, 9), TRUE, "上月");
  choose_label (page, "filter-period", "近三个月");
  expect (page, IDS (12, 11, 10, 9, 5, 8, 4), TRUE, "近三个月");
  choose_label (page, "filter-period", "本年");
  expect (page, IDS (12, 11), TRUE, "本年");
  choose_label (page, "filter-period", "上年");
  expect (page, IDS (10, 9, 5, 8, 4, 3, 2, 1), TRUE, "上年");
  g_setenv ("LEGALDESK_TODAY", TODAY, TRUE);
}

/* By 编号, up and down; by 咨询人, the anonymous first going up. */
static void
test_small_sorting (Fixture       *f,
                    gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");

  sort_by (page, column_of (page, "number"), GTK_SORT_ASCENDING);
  expect (page, IDS (7, 1, 2, 3, 4, 5, 8), FALSE, "编号 ascending");
  sort_by (page, column_of (page, "number"), GTK_SORT_DESCENDING);
  expect (page, IDS (8, 5, 4, 3, 2, 1, 7), FALSE, "编号 descending");
  /* A filter keeps the order. */
  choose_label (page, "filter-category", "继承");
  expect (page, IDS (8, 5, 2), TRUE, "编号 descending, 继承");
  choose_label (page, "filter-category", "全部咨询类别");
  sort_by (page, column_of (page, "person"), GTK_SORT_ASCENDING);
  g_assert_cmpint (desk_list_model_get_id (model_of (page), 0), ==, 5);
  sort_by (page, NULL, GTK_SORT_ASCENDING);
  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "the default order");
  sort_by (page, column_of (page, "at"), GTK_SORT_ASCENDING);
  expect (page, IDS (7, 1, 2, 3, 4, 8, 5), FALSE, "日期时间 ascending");
  sort_by (page, column_of (page, "at"), GTK_SORT_DESCENDING);
  expect (page, IDS (5, 8, 4, 3, 2, 1, 7), FALSE, "日期时间 descending");
}

/* Activating a row (Enter, a double click) opens its record's editor. */
static void
test_small_open_rows (Fixture       *f,
                      gconstpointer  data)
{
  const struct
  {
    const char *page;
    guint       position;
    gint64      id;
  } rows[] = {
    { "consultations", 1, 8 },
    { "cases", 2, 1 },
    { "legal-aid", 0, 3 },
    { "screenings", 1, 1 },
    { "people", 1, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      DeskListPage *page = show (f, rows[i].page);
      GtkWindow *editor;
      gint64 id;

      g_assert_cmpint (desk_list_model_get_id (model_of (page), rows[i].position), ==,
                       rows[i].id);
      g_signal_emit_by_name (view_of (page), "activate", rows[i].position);
      iterate ();
      if (i == 0)
        {
          editor = GTK_WINDOW (find_toplevel (DESK_TYPE_CONSULTATION_EDITOR));
          g_assert_nonnull (editor);
          id = desk_consultation_editor_get_consultation_id (DESK_CONSULTATION_EDITOR (editor));
          g_assert_cmpstr (gtk_window_get_title (editor), ==, "咨询 ZX2026-0007");
        }
      else if (i == 1)
        {
          editor = GTK_WINDOW (find_toplevel (DESK_TYPE_CASE_EDITOR));
          g_assert_nonnull (editor);
          id = desk_case_editor_get_case_id (DESK_CASE_EDITOR (editor));
          g_assert_cmpstr (desk_case_editor_get_number (DESK_CASE_EDITOR (editor)), ==,
                           "（2026）青山人调字第1号");
        }
      else if (i == 2)
        {
          editor = GTK_WINDOW (find_toplevel (DESK_TYPE_AID_EDITOR));
          g_assert_nonnull (editor);
          id = desk_aid_editor_get_aid_id (DESK_AID_EDITOR (editor));
          g_assert_cmpstr (desk_aid_editor_get_number (DESK_AID_EDITOR (editor)), ==,
                           "FY2026-0003");
        }
      else if (i == 3)
        {
          editor = GTK_WINDOW (find_toplevel (DESK_TYPE_SCREENING_EDITOR));
          g_assert_nonnull (editor);
          id = desk_screening_editor_get_screening_id (DESK_SCREENING_EDITOR (editor));
        }
      else
        {
          editor = GTK_WINDOW (find_toplevel (DESK_TYPE_PERSON_EDITOR));
          g_assert_nonnull (editor);
          id = desk_person_editor_get_person_id (DESK_PERSON_EDITOR (editor));
          g_assert_cmpstr (desk_person_editor_get_name (DESK_PERSON_EDITOR (editor)), ==, "孙三");
        }
      g_assert_cmpint (id, ==, rows[i].id);
      gtk_window_destroy (editor);
      iterate ();
    }
}

/* A ledger without records: each page says so and offers the first. */
static void
test_empty_ledger (void)
{
  g_autofree char *path = desk_test_path ("empty.db");
  g_autoptr(DeskStore) store = desk_test_open_store ("empty.db");
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  const struct
  {
    const char *page;
    const char *title;
    const char *action;
  } pages[] = {
    { "consultations", "还没有咨询记录", "win.new-consultation" },
    { "cases", NULL, "win.new-case" },
    { "screenings", NULL, "win.new-screening" },
    { "legal-aid", NULL, "win.new-aid" },
    { "people", NULL, "win.new-person" },
  };

  g_clear_object (&store);
  open_window (f, path);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      DeskListPage *page = show (f, pages[i].page);
      const DeskListPageSpec *spec = desk_list_page_get_spec (page);
      GtkWidget *button = named (page, "list-empty-button");
      const char *title = adw_status_page_get_title (ADW_STATUS_PAGE (named (page,
                                                                             "list-empty")));

      g_test_message ("page %s", pages[i].page);
      g_assert_cmpstr (shown_state (page), ==, "empty");
      g_assert_cmpstr (count_label (page), ==, "共 0 条");
      if (pages[i].title != NULL)
        g_assert_cmpstr (title, ==, pages[i].title);
      /* In Chinese, and not the narrowed list's title. */
      g_assert_cmpstr (title, !=, spec->empty_title);
      g_assert_cmpstr (title, !=, "没有符合条件的记录");
      g_assert_true (gtk_widget_get_visible (button));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                       pages[i].action);
    }
  tear_down (f, NULL);
}

/* ---- tests: edits and deletions ---------------------------------------------------- */

/* The consultation numbers drawn wholly inside the view, top to bottom. */
static void
collect_numbers (GtkWidget *view,
                 GtkWidget *widget,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      const char *text = text_shown (child);

      if (text != NULL && gtk_widget_get_mapped (child) &&
          g_regex_match_simple ("^ZX[0-9]{4}-[0-9]{4,6}$", text, 0, 0) &&
          gtk_widget_compute_bounds (child, view, &bounds) &&
          bounds.origin.y >= 40 &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view))
        g_ptr_array_add (found, g_strdup (text));
      collect_numbers (view, child, found);
    }
}

static GPtrArray *
visible_numbers (DeskListPage *page)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  collect_numbers (view_of (page), view_of (page), found);
  return found;
}

static void
scroll_to_middle (DeskListPage *page)
{
  GtkAdjustment *adjustment = vadjustment (page);

  for (guint i = 0; i < 20; i++)
    {
      double middle = (gtk_adjustment_get_upper (adjustment) -
                       gtk_adjustment_get_page_size (adjustment)) / 2;

      if (i > 0 && fabs (gtk_adjustment_get_value (adjustment) - middle) < 1)
        return;
      gtk_adjustment_set_value (adjustment, middle);
      wait_frames (GTK_WIDGET (page), 3);
    }
  g_error ("the list does not stay in its middle");
}

static gint64
consultation_id (Fixture    *f,
                 const char *number)
{
  g_autoptr(GArray) ids = ids_where (f, "consultations", "r.number = ?1", number, NULL, 0);

  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static guint
position_of (DeskListPage *page,
             gint64        id)
{
  return desk_list_model_find (model_of (page), id);
}

static void
save_editor (gpointer editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
}

/* A record edited and saved while the list is scrolled halfway down: the
 * row shows what was saved, in place; a new record is counted and listed
 * where it belongs, and the list stays where it was. */
static void
test_edit_in_place (Fixture       *f,
                    gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");
  GtkAdjustment *adjustment = vadjustment (page);
  g_autoptr(GPtrArray) numbers = NULL;
  const char *number;
  gint64 id, new_id;
  guint position, n = n_listed (page), before;
  double value;
  DeskConsultationEditor *editor;
  g_autofree char *staff = NULL;
  g_autoptr(GArray) expected = NULL;
  const char *content = "村民询问宅基地上老屋翻建是否需要审批（已改）";

  scroll_to_middle (page);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 1000);
  numbers = visible_numbers (page);
  g_assert_cmpuint (numbers->len, >=, 5);
  number = g_ptr_array_index (numbers, numbers->len / 2);
  id = consultation_id (f, number);
  position = position_of (page, id);
  g_assert_cmpuint (position, >, 200);
  g_test_message ("editing %s at %u, the list at %g", number, position, value);

  /* Selected and opened from its row, edited, saved. */
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view_of (page))),
                                   position, TRUE);
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, id);
  g_signal_emit_by_name (view_of (page), "activate", position);
  editor = find_consultation_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (desk_consultation_editor_get_consultation_id (editor), ==, id);
  write_text (editor, "content", content);
  before = reloads (page);
  save_editor (editor);
  g_assert_null (find_consultation_editor ());
  wait_reload (page, before);
  wait_drawn (page);

  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - value), <, 1);
  g_assert_cmpuint (position_of (page, id), ==, position);
  g_assert_cmpuint (n_listed (page), ==, n);
  {
    g_autoptr(DeskRow) row = row_at (page, position);

    g_assert_cmpint (desk_row_get_id (row), ==, id);
    g_assert_cmpstr (desk_row_get (row, "content"), ==, content);
  }
  g_assert_true (shows_text (view_of (page), number));
  g_assert_true (shows_text (view_of (page), content));
  g_assert_false (shows_text (view_of (page), "（已删除）"));
  g_assert_cmpint (desk_list_page_get_selected_id (page), ==, id);

  /* A new record: one more, where the order puts it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL));
  editor = find_consultation_editor ();
  g_assert_nonnull (editor);
  staff = query_text (f, "SELECT name FROM staff WHERE deleted_at IS NULL AND active"
                         " ORDER BY id LIMIT 1");
  choose (editor, "staff", staff);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "person-anonymous")), TRUE);
  iterate ();
  type_choice (editor, "category", "继承");
  write_text (editor, "content", "来电询问遗产分割的顺序");
  write_text (editor, "reply", "告知法定继承顺序");
  type_choice (editor, "result", "当场");
  before = reloads (page);
  save_editor (editor);
  g_assert_null (find_consultation_editor ());
  wait_reload (page, before);
  wait_drawn (page);

  new_id = desk_test_query_int (f->check, "SELECT max (id) FROM consultations");
  expected = all_ids (f, "consultations");
  g_assert_cmpuint (expected->len, ==, n + 1);
  assert_lists (page, expected, FALSE, "a new record");
  g_assert_cmpuint (position_of (page, new_id), <, 50);
  /* Still where the clerk was: the edited row is still drawn. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, value / 2);
  g_assert_true (shows_text (view_of (page), number));
  g_assert_true (shows_text (view_of (page), content));
  g_assert_false (shows_text (view_of (page), "（已删除）"));
}

/* A record deleted (in its editor, or behind the pages' back and the
 * window told) is no longer listed; a page not shown reloads when next
 * shown, not before. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  DeskListPage *page = show (f, "consultations");
  DeskListPage *cases = page_of (f, "cases");
  guint n = n_listed (page), before;
  gint64 first = desk_list_model_get_id (model_of (page), 2);
  gint64 second = desk_list_model_get_id (model_of (page), 5);
  gint64 third = desk_list_model_get_id (model_of (page), 0);
  g_autofree char *first_number = first_text (f, "consultations", first);
  g_autofree char *third_number = first_text (f, "consultations", third);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  gint64 a_case;
  DeskConsultationEditor *editor;

  g_assert_true (shows_text (view_of (page), first_number));
  g_signal_emit_by_name (view_of (page), "activate", 2);
  editor = find_consultation_editor ();
  g_assert_nonnull (editor);
  before = reloads (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  answer ("delete");
  g_assert_null (find_consultation_editor ());
  wait_reload (page, before);
  wait_drawn (page);
  g_assert_cmpuint (position_of (page, first), ==, G_MAXUINT);
  g_assert_false (shows_text (view_of (page), first_number));
  expected = all_ids (f, "consultations");
  g_assert_cmpuint (expected->len, ==, n - 1);
  assert_lists (page, expected, FALSE, "deleted in its editor");
  g_clear_pointer (&expected, g_array_unref);

  /* Deleted elsewhere; the window is told the records changed. */
  g_assert_true (desk_consultation_delete (f->store, second, &error));
  g_assert_no_error (error);
  before = reloads (page);
  desk_window_reload (f->window);
  wait_reload (page, before);
  g_assert_cmpuint (position_of (page, second), ==, G_MAXUINT);
  g_assert_cmpuint (n_listed (page), ==, n - 2);
  assert_count (page, FALSE, n - 2);

  /* While another page is shown: nothing is read until it is shown again. */
  show (f, "cases");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  before = reloads (page);
  g_assert_true (desk_consultation_delete (f->store, third, &error));
  g_assert_no_error (error);
  a_case = desk_list_model_get_id (model_of (cases), 0);
  g_assert_true (desk_case_delete (f->store, a_case, &error));
  g_assert_no_error (error);
  {
    guint cases_before = reloads (cases);

    desk_window_reload (f->window);
    wait_reload (cases, cases_before);
  }
  g_assert_cmpuint (position_of (cases, a_case), ==, G_MAXUINT);
  wait_frames (GTK_WIDGET (cases), 10);
  g_assert_cmpuint (reloads (page), ==, before);
  g_assert_false (desk_list_page_get_busy (page));
  g_assert_cmpuint (position_of (page, third), ==, 0);   /* still the old list */

  show (f, "consultations");
  g_assert_cmpuint (reloads (page), ==, before + 1);
  g_assert_cmpuint (position_of (page, third), ==, G_MAXUINT);
  g_assert_false (shows_text (view_of (page), third_number));
  expected = all_ids (f, "consultations");
  g_assert_cmpuint (expected->len, ==, n - 3);
  assert_lists (page, expected, FALSE, "deleted while hidden");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LEGALDESK_TODAY", TODAY, TRUE);
  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

#define ADD(path, set_up, func) \
  g_test_add ("/list-pages/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("counts-and-order", demo_set_up, test_counts_and_order);
  ADD ("lazy", demo_set_up, test_lazy);
  ADD ("shown-again", demo_set_up, test_shown_again);
  ADD ("search", demo_set_up, test_search);
  ADD ("search-hint-and-escape", demo_set_up, test_search_hint_and_escape);
  ADD ("search-keys", demo_set_up, test_search_keys);
  ADD ("periods", demo_set_up, test_periods);
  ADD ("overdue", demo_set_up, test_overdue);
  ADD ("filters-together", demo_set_up, test_filters_together);
  ADD ("sorting", demo_set_up, test_sorting);
  ADD ("edit-in-place", own_demo_set_up, test_edit_in_place);
  ADD ("delete", own_demo_set_up, test_delete);
  ADD ("small/consultations", small_set_up, test_small_consultations);
  ADD ("small/consultation-codes", small_set_up, test_small_consultation_codes);
  ADD ("small/cases", small_set_up, test_small_cases);
  ADD ("small/case-filters", small_set_up, test_small_case_filters);
  ADD ("small/legal-aid", small_set_up, test_small_legal_aid);
  ADD ("small/aid-overdue", small_set_up, test_small_aid_overdue);
  ADD ("small/screenings-and-people", small_set_up, test_small_screenings_and_people);
  ADD ("small/screening-committee", small_set_up, test_small_screening_committee);
  ADD ("small/new-year", small_set_up, test_small_new_year);
  ADD ("small/sorting", small_set_up, test_small_sorting);
  ADD ("small/open-rows", small_set_up, test_small_open_rows);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (filter_checks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/list-pages/filter/%s/%s", filter_checks[i].page,
                                               filter_checks[i].filter + strlen ("filter-"));

      g_test_add (path, Fixture, &filter_checks[i], demo_set_up, test_filter, tear_down);
    }

  g_test_add_func ("/list-pages/empty-ledger", test_empty_ledger);

  status = g_test_run ();
  g_object_unref (app);
  g_free (shared_demo);
  return status;
}
