/* bench-lists.c — the list pages of the window on a ledger of a million
 * records: showing each page, scrolling it from top to bottom, and the
 * memory the window holds afterwards.
 *
 * First a clerk's session: the window opens on the dashboard, then each
 * list page is shown and scrolled from its top to its end; the memory is
 * read after the last.  Then the pages are shown again, each run after
 * opening the ledger again (new models, new worker connections, no row
 * kept).
 *
 * Showing: the time from win.show-page to the first frame painted with
 * rows of the page bound (the model hands over its first ids before the
 * rest); and beside it, until the model had all the ids read by its
 * worker, and until the page stopped being busy (by then the view, told
 * of all the items, has built and bound its rows).
 *
 * Scrolling: one step of the list's vertical adjustment per frame, set in
 * a tick callback: 200 pages down from the top one page at a time (a
 * clerk scrolling), then 1,000 jumps spread evenly over the whole list
 * (dragging the scrollbar), then page by page to the very end.  A frame's
 * time is from the frame clock's "before-paint" to its "after-paint": the
 * step, the layout (rows built, read and bound) and the paint.  Every frame
 * during the scroll counts, those GTK adds on its own too.  The last row
 * must have been bound at the end.  --full-scroll goes page by page over
 * the whole list instead (tens of thousands of frames).
 *
 * Showing again: each page shown once more after the session, its list
 * read and its rows built before, to the first frame painted.
 *
 * Memory: VmRSS of /proc/self/status, with the part that is pages of
 * mapped files (libraries, fonts) and the part the program allocated.
 *
 * Prints medians and the runs, and the targets beside them, never
 * enforced: the machine is shared.  Fails only when something does not
 * work at all (a page shows no rows, a list cannot be scrolled to its end).
 *
 *   meson test -C _build --benchmark window-lists -v
 *   _build/tests/bench-lists --cache-dir _build/bench-cache --full-scroll
 */
#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "desk-adviser-page.h"
#include "desk-dashboard-page.h"
#include "desk-list-page.h"
#include "desk-report-page.h"
#include "desk-test-gui.h"
#include "desk-test-util.h"
#include "desk-window.h"

#define TARGET_SHOW_MS  100.0
#define TARGET_FRAME_MS 16.0
#define TARGET_RSS_MB   150.0
#define GIVE_UP_S       300

static int runs = 5;
static gint64 records = 1000000;
static char *cache_dir;
static int top_pages = 200;
static int jumps = 1000;
static gboolean full_scroll;

static GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Times each page is shown", "N" },
  { "records", 'n', 0, G_OPTION_ARG_INT64, &records, "Records in the ledger", "N" },
  { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
    "Where the ledger is kept (LEGALDESK_BENCH_CACHE wins)", "DIR" },
  { "top-pages", 0, 0, G_OPTION_ARG_INT, &top_pages, "Pages scrolled one by one from the top",
    "N" },
  { "jumps", 0, 0, G_OPTION_ARG_INT, &jumps, "Frames spread over the whole list", "N" },
  { "full-scroll", 0, 0, G_OPTION_ARG_NONE, &full_scroll,
    "Scroll every list page by page from top to bottom", NULL },
  { NULL }
};

static const char *const page_names[] = {
  "consultations", "cases", "screenings", "legal-aid", "people",
};

typedef enum
{
  STEP_PAGES,   /* one page per frame */
  STEP_JUMPS,   /* spread over the list */
  N_STEP_KINDS,
} StepKind;

/* What the frame clock said. */
static struct
{
  GdkFrameClock *clock;    /* the window's */
  guint64  painted;        /* frames with a paint phase, so far */
  gint64   before_at;
  gint64   painted_at;     /* the last after-paint */
  gboolean painting;
  gint64   last_frame_time;
  gboolean recording;
  StepKind kind;           /* of the step made in the frame under way */
  GArray  *work[N_STEP_KINDS];     /* ms, before-paint to after-paint */
  GArray  *intervals;              /* ms between frames' frame times */
  struct _Page *showing;           /* the page being shown, until drawn */
} frames;

/* What the pages' cells said. */
typedef struct _Page
{
  const char   *name;
  DeskListPage *page;
  guint64       binds;
  guint         last_bound;   /* the highest position bound since reset */
  gint64        ids_at;       /* when its model last had its ids */
  gint64        listed_at;    /* when it last stopped being busy */
  guint64       binds_before; /* cells bound before it was shown */
  gint64        drawn_at;     /* the first frame painted with its rows since */
  GArray       *show_ms;      /* until the first frame with rows */
  GArray       *ids_ms;       /* of which until the worker's ids were in */
  GArray       *listed_ms;    /* and until it was no longer busy */
} Page;

static void
before_paint (GdkFrameClock *clock)
{
  frames.before_at = g_get_monotonic_time ();
  frames.painting = FALSE;
}

static void
paint (GdkFrameClock *clock)
{
  frames.painting = TRUE;
}

static void
after_paint (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  if (!frames.painting)
    return;
  if (frames.recording)
    {
      double ms = (now - frames.before_at) / 1e3;

      g_array_append_val (frames.work[frames.kind], ms);
      if (frames.last_frame_time != 0)
        {
          ms = (frame_time - frames.last_frame_time) / 1e3;
          g_array_append_val (frames.intervals, ms);
        }
    }
  frames.last_frame_time = frame_time;
  frames.painted++;
  frames.painted_at = now;
  if (frames.showing != NULL && frames.showing->binds > frames.showing->binds_before)
    {
      frames.showing->drawn_at = now;
      frames.showing = NULL;
    }
}

static void
busy_changed (DeskListPage *list_page,
              GParamSpec   *pspec,
              Page         *page)
{
  if (!desk_list_page_get_busy (list_page))
    page->listed_at = g_get_monotonic_time ();
}

/* The model is told the ids (its "loading" ends) before it tells the
 * view that its items changed. */
static void
loading_changed (DeskListModel *model,
                 GParamSpec    *pspec,
                 Page          *page)
{
  if (!desk_list_model_get_loading (model))
    page->ids_at = g_get_monotonic_time ();
}

static void
cell_bound (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Page                     *page)
{
  guint position = gtk_list_item_get_position (item);

  page->binds++;
  if (page->last_bound == G_MAXUINT || position > page->last_bound)
    page->last_bound = position;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so; fatal after GIVE_UP_S. */
static void
run_until (gboolean  (*done) (gpointer),
           gpointer    data,
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + GIVE_UP_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_up, NULL);

  while (!done (data))
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting after %d s for %s", GIVE_UP_S, what);
    }
  g_source_remove (wake);
}

static gboolean
painted_since (gpointer data)
{
  return frames.painted > *(guint64 *) data;
}

/* Until a frame is painted from now on (one is asked for: GTK paints
 * nothing while nothing changes). */
static void
next_frame (void)
{
  guint64 mark = frames.painted;

  gdk_frame_clock_request_phase (frames.clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  run_until (painted_since, &mark, "a frame");
}

/* Whether every page that works in the background is done, and the
 * pages' stack is not fading from one to another (the page it fades from
 * is still mapped, and would reload when told to). */
static gboolean
window_idle (gpointer data)
{
  GtkWidget *window = data;
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (find_list_page (window, page_names[0])));

  if (gtk_stack_get_transition_running (GTK_STACK (stack)))
    return FALSE;

  if (desk_dashboard_page_get_busy (DESK_DASHBOARD_PAGE (find_type (window,
                                                                    DESK_TYPE_DASHBOARD_PAGE))) ||
      desk_adviser_page_get_busy (DESK_ADVISER_PAGE (find_type (window,
                                                                DESK_TYPE_ADVISER_PAGE))) ||
      desk_report_page_get_busy (DESK_REPORT_PAGE (find_type (window, DESK_TYPE_REPORT_PAGE))))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (desk_list_page_get_busy (find_list_page (window, page_names[i])))
      return FALSE;
  return TRUE;
}

static void
settle (GtkWidget *window)
{
  run_until (window_idle, window, "the pages to load");
  next_frame ();
  next_frame ();
}

static gboolean
page_drawn (gpointer data)
{
  Page *page = data;

  return !desk_list_page_get_busy (page->page) && page->drawn_at != 0;
}

/* Shows @page, not shown since the ledger was opened, as the sidebar
 * does, and notes the ms until its rows were drawn, and of that until its
 * ids were read and until the page had taken them. */
static void
show_page (GtkWidget *window,
           Page      *page)
{
  DeskListModel *model;
  guint64 binds = page->binds;
  gboolean reloaded;
  gulong handler;
  gint64 start;
  double ms;

  model = desk_list_page_get_model (page->page);
  handler = g_signal_connect (model, "notify::loading", G_CALLBACK (loading_changed), page);
  page->binds_before = binds;
  page->drawn_at = 0;
  frames.showing = page;
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (window, "win.show-page", "s", page->name);
  reloaded = desk_list_page_get_busy (page->page);
  run_until (page_drawn, page, "the list's rows");
  next_frame ();
  g_signal_handler_disconnect (model, handler);

  if (!reloaded)
    g_error ("Showing %s did not read its list", page->name);
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0 || page->binds == binds)
    g_error ("The page %s shows no rows (%u listed, %" G_GUINT64_FORMAT " cells bound)",
             page->name, g_list_model_get_n_items (G_LIST_MODEL (model)), page->binds - binds);
  ms = (page->drawn_at - start) / 1e3;
  g_array_append_val (page->show_ms, ms);
  ms = (page->ids_at - start) / 1e3;
  g_array_append_val (page->ids_ms, ms);
  ms = (page->listed_at - start) / 1e3;
  g_array_append_val (page->listed_ms, ms);
}

/* Shows @page again, its list read and its rows built before, and gives
 * the ms until the first frame painted after. */
static double
show_page_again (GtkWidget *window,
                 Page      *page)
{
  guint64 mark = frames.painted;
  gint64 start = g_get_monotonic_time ();

  gtk_widget_activate_action (window, "win.show-page", "s", page->name);
  if (!gtk_widget_get_mapped (GTK_WIDGET (page->page)))
    g_error ("The page %s is not shown", page->name);
  run_until (painted_since, &mark, "a frame");
  if (desk_list_page_get_busy (page->page))
    g_error ("Showing %s again read its list again", page->name);
  return (frames.painted_at - start) / 1e3;
}

/* Scrolling */

typedef struct
{
  GtkAdjustment *adjustment;
  StepKind       kind;
  int            step;          /* within the phase */
  int            phase;         /* 0: pages from the top, 1: jumps, 2: to the end */
  int            at_end;        /* frames in a row at the end */
  gboolean       done;
  Page          *page;
  guint          n_items;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *s = data;
  double lower = gtk_adjustment_get_lower (s->adjustment);
  double page = gtk_adjustment_get_page_size (s->adjustment);
  double end = gtk_adjustment_get_upper (s->adjustment) - page;
  double value = gtk_adjustment_get_value (s->adjustment);

  if (s->phase == 0 && !full_scroll && s->step >= top_pages)
    {
      s->phase = 1;
      s->step = 0;
    }
  if (s->phase == 0 && full_scroll && value >= end)
    s->phase = 2;
  if (s->phase == 1 && s->step >= jumps)
    {
      s->phase = 2;
      s->step = 0;
    }

  switch (s->phase)
    {
    case 0:
      s->kind = STEP_PAGES;
      value = MIN (lower + (s->step + 1) * page, end);
      break;
    case 1:
      s->kind = STEP_JUMPS;
      value = lower + (end - lower) * s->step / jumps;
      break;
    default:
      /* The heights of rows not yet seen are estimates: the end moves as
       * rows are measured, so go on until it stays put with the last row
       * drawn. */
      s->kind = STEP_PAGES;
      if (value >= end - 0.5 && s->page->last_bound == s->n_items - 1)
        s->at_end++;
      else
        s->at_end = 0;
      if (s->at_end >= 3)
        {
          s->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      value = MIN (value + page, end);
      break;
    }
  s->step++;
  frames.kind = s->kind;
  gtk_adjustment_set_value (s->adjustment, value);
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_done (gpointer data)
{
  return ((Scroll *) data)->done;
}

static void
print_frames (const char *what,
              GArray     *values)
{
  BenchStats stats;

  bench_stats (values, TARGET_FRAME_MS, &stats);
  if (stats.n == 0)
    return;
  g_print ("    %-13s %5u frames  median %5.1f  p95 %5.1f  p99 %5.1f  max %6.1f ms"
           "  over 16 ms: %u\n", what, stats.n, stats.median, stats.p95, stats.p99, stats.max,
           stats.over);
}

/* Scrolls @page from its top to its end, a step per frame. */
static void
scroll_page (GtkWidget *window,
             Page      *page,
             GArray    *all_work)
{
  GtkWidget *view = desk_list_page_get_view (page->page);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  DeskListModel *model = desk_list_page_get_model (page->page);
  Scroll s = { NULL, };
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 built = desk_list_model_get_rows_built (model);
  guint64 loaded = desk_list_model_get_pages_loaded (model);
  gint64 start;
  BenchStats stats;
  guint frames_run;

  g_assert_nonnull (scrolled);
  s.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  s.page = page;
  s.n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  gtk_adjustment_set_value (s.adjustment, gtk_adjustment_get_lower (s.adjustment));
  next_frame ();
  next_frame ();
  page->last_bound = G_MAXUINT;

  for (guint k = 0; k < N_STEP_KINDS; k++)
    g_array_set_size (frames.work[k], 0);
  g_array_set_size (frames.intervals, 0);
  frames.last_frame_time = 0;
  frames.recording = TRUE;
  start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (view, scroll_tick, &s, NULL);
  run_until (scroll_done, &s, "the end of the list");
  frames.recording = FALSE;
  frames_run = frames.work[STEP_PAGES]->len + frames.work[STEP_JUMPS]->len;

  g_print ("  %s: %'u rows, %u frames in %.1f s; %" G_GUINT64_FORMAT " rows built"
           " (%" G_GUINT64_FORMAT " reads of %d)\n", page->name, s.n_items, frames_run,
           (g_get_monotonic_time () - start) / 1e6, desk_list_model_get_rows_built (model) - built,
           desk_list_model_get_pages_loaded (model) - loaded, DESK_LIST_PAGE_SIZE);
  for (guint k = 0; k < N_STEP_KINDS; k++)
    {
      g_array_append_vals (work, frames.work[k]->data, frames.work[k]->len);
      g_array_append_vals (all_work, frames.work[k]->data, frames.work[k]->len);
    }
  print_frames ("every frame", work);
  print_frames ("page by page", frames.work[STEP_PAGES]);
  print_frames ("jumps", frames.work[STEP_JUMPS]);
  bench_stats (frames.intervals, 1.5 * 1000.0 / 60, &stats);
  g_print ("    frame clock: median interval %.1f ms, %u of %u intervals over 25 ms\n",
           stats.median, stats.over, stats.n);
  if (page->last_bound != s.n_items - 1)
    g_error ("The list %s was not drawn down to its last row", page->name);
}

/* VmRSS counts the pages of the libraries and fonts mapped too: RssFile
 * says how much of it, RssAnon what the program allocated. */
static void
print_memory (const char *when)
{
  g_print ("Memory %s: VmRSS %.1f MB (RssAnon %.1f, RssFile %.1f), VmHWM (peak) %.1f MB\n",
           when, bench_status_kb ("VmRSS") / 1024.0, bench_status_kb ("RssAnon") / 1024.0,
           bench_status_kb ("RssFile") / 1024.0, bench_status_kb ("VmHWM") / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskApplication) app = NULL;
  g_autofree char *default_cache = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) all_work = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GdkFrameClock *clock;
  Page pages[G_N_ELEMENTS (page_names)];
  BenchStats stats;
  double rss;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (runs < 1 || top_pages < 0 || jumps < 1)
    {
      g_printerr ("--runs and --jumps take 1 or more, --top-pages 0 or more\n");
      return 2;
    }
  default_cache = g_build_filename (g_get_current_dir (), "bench-cache", NULL);
  app = start_app (&argc, &argv);
  if (app == NULL)
    return 1;   /* a benchmark without a display measures nothing */

  bench_print_load ("at the start");
  path = bench_demo_ledger (bench_cache_dir (cache_dir != NULL ? cache_dir : default_cache),
                            records);
  for (guint k = 0; k < N_STEP_KINDS; k++)
    frames.work[k] = g_array_new (FALSE, FALSE, sizeof (double));
  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));

  window = GTK_WIDGET (desk_window_new (app, path));
  gtk_window_present (GTK_WINDOW (window));
  clock = frames.clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  next_frame ();
  g_assert_cmpstr (desk_window_get_mode (DESK_WINDOW (window)), ==, "main");
  g_assert_cmpstr (desk_window_get_page (DESK_WINDOW (window)), ==, "dashboard");
  settle (window);
  print_memory ("with the dashboard shown");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *view;
      GListModel *columns;

      pages[i] = (Page) { page_names[i], find_list_page (window, page_names[i]) };
      g_assert_nonnull (pages[i].page);
      pages[i].show_ms = g_array_new (FALSE, FALSE, sizeof (double));
      pages[i].ids_ms = g_array_new (FALSE, FALSE, sizeof (double));
      pages[i].listed_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_signal_connect (pages[i].page, "notify::busy", G_CALLBACK (busy_changed), &pages[i]);
      pages[i].last_bound = G_MAXUINT;
      view = desk_list_page_get_view (pages[i].page);
      columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

          g_signal_connect_after (gtk_column_view_column_get_factory (column), "bind",
                                  G_CALLBACK (cell_bound), &pages[i]);
        }
    }

  /* A clerk's session first: each page shown for the first time since
   * the window opened (the first run of the showing figure), scrolled from
   * top to bottom; then the memory. */
  if (full_scroll)
    g_print ("Scrolling each list page by page from top to bottom");
  else
    g_print ("Scrolling each list from top to bottom (%d pages one by one from the top, %d jumps"
             " over the whole list, page by page to the end)", top_pages, jumps);
  g_print (", frame work from before-paint to after-paint (target < %.0f ms per frame):\n",
           TARGET_FRAME_MS);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (window, &pages[i]);
      settle (window);
      scroll_page (window, &pages[i], all_work);
      print_memory ("now");
    }
  bench_stats (all_work, TARGET_FRAME_MS, &stats);
  g_print ("Every list: %u frames, median %.1f ms, p95 %.1f, p99 %.1f, max %.1f;"
           " %u over 16 ms (target: none)\n", stats.n, stats.median, stats.p95, stats.p99,
           stats.max, stats.over);
  rss = bench_status_kb ("VmRSS") / 1024.0;
  g_print ("Memory after every list was scrolled to its end: VmRSS %.1f MB (target < %.0f MB;"
           " RssAnon %.1f, RssFile %.1f), peak %.1f MB\n", rss, TARGET_RSS_MB,
           bench_status_kb ("RssAnon") / 1024.0, bench_status_kb ("RssFile") / 1024.0,
           bench_status_kb ("VmHWM") / 1024.0);

  /* Each page shown again, as a clerk goes back to a list. */
  g_print ("Showing a list page again, its list read before, to its first frame with rows:\n");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      double again = show_page_again (window, &pages[i]);

      settle (window);
      g_print ("  %-14s %6.1f ms\n", pages[i].name, again);
    }

  /* The other runs of showing, each after opening the ledger again: new
   * models, new worker connections, no row kept. */
  for (int r = 1; r < runs; r++)
    {
      /* The window opens the ledger on the page shown last. */
      gtk_widget_activate_action (window, "win.show-page", "s", "dashboard");
      settle (window);
      desk_window_close_ledger (DESK_WINDOW (window));
      g_assert_true (desk_window_reopen_ledger (DESK_WINDOW (window)));
      settle (window);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          show_page (window, &pages[i]);
          settle (window);
        }
    }
  g_print ("Showing a list page to its first frame with rows (target < %.0f ms), %d runs each:"
           " the first in the session above, the others after opening the ledger again:\n",
           TARGET_SHOW_MS, runs);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *text = bench_runs_text (pages[i].show_ms);
      BenchStats ids, listed;

      bench_stats (pages[i].show_ms, TARGET_SHOW_MS, &stats);
      bench_stats (pages[i].ids_ms, G_MAXDOUBLE, &ids);
      bench_stats (pages[i].listed_ms, G_MAXDOUBLE, &listed);
      g_print ("  %-14s %'9u rows  median %6.1f ms  min–max %.1f–%.1f  runs: %s\n",
               pages[i].name,
               g_list_model_get_n_items (G_LIST_MODEL (desk_list_page_get_model (pages[i].page))),
               stats.median, stats.min, stats.max, text);
      g_print ("  %-14s %9s       medians: every id read %.1f ms, every row listed and the page"
               " no longer busy %.1f ms\n", "", "", ids.median, listed.median);
    }
  bench_print_load ("at the end");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_array_unref (pages[i].show_ms);
      g_array_unref (pages[i].ids_ms);
      g_array_unref (pages[i].listed_ms);
    }
  for (guint k = 0; k < N_STEP_KINDS; k++)
    g_array_unref (frames.work[k]);
  g_array_unref (frames.intervals);
  return 0;
}
