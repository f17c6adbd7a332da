/* desk-list-page.c — a ledger as a table.
 *
 * The table is a GtkColumnView over a DeskListModel: the model knows the
 * ordered ids of the records that match the search and the filters (asked
 * of SQLite in a worker) and builds rows only for the lines drawn.  The
 * search entry, the filters above the table and a click on a column's
 * header all end in the same place: a new filter or sort for the model and
 * a reload in the background, the old one cancelled.  Nothing here sorts or
 * filters in GTK.
 *
 * A page that is not shown does no work: a change to the records while it
 * is hidden only marks it, and it reloads when it is next shown; a long
 * list lets its row widgets go while hidden and is shown again where it
 * was (see "a hidden page lets its rows go" below).  After a
 * change to the records the rows shown lately are read again, in place: a
 * reload that finds the same ids keeps the rows the model had built.
 * Enter or a double click on a row opens the record through the window's
 * action named in the spec.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-list-page.h"
#include "desk-register.h"
#include "desk-slice-selection.h"

/* The spinner waits this long, so that a quick reload does not flicker. */
#define BUSY_DELAY_MS 200
/* A hidden list longer than this lets its row widgets go (GTK 4.8 keeps
 * up to 200 rows of a list); a shorter one keeps them. */
#define RELEASE_ROWS_OVER 200

typedef enum
{
  PERIOD_ANY,
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_LAST_3_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
} Period;

static const char *const period_labels[] = {
  N_("Any Date"),
  N_("This Month"),
  N_("Last Month"),
  N_("Last 3 Months"),
  N_("This Year"),
  N_("Last Year"),
  NULL
};

/* One column of the table, for its cells. */
typedef struct
{
  DeskListPage             *page;     /* unowned: the page owns this */
  const DeskListPageColumn *spec;
  guint                     index;    /* in the model's columns */
  guint                     position; /* in the spec's columns */
  int                       overdue;  /* the model's "overdue" column, or -1 */
} Column;

struct _DeskListPage
{
  AdwBin                  parent_instance;

  const DeskListPageSpec *spec;
  DeskStore              *store;
  DeskListModel          *model;
  GtkSingleSelection     *selection;
  DeskSliceSelection     *slice;         /* the view's: the selection, or the rows last in sight */
  gboolean                released;      /* hidden, its row widgets let go */
  guint                   slice_tick_id; /* shown again: until all is listed */
  guint                   slice_ticks;
  guint                   in_sight_rows;  /* released: how many rows were in sight */
  GCancellable           *cancellable;   /* of the reload under way */
  gboolean                dirty;         /* to reload when next shown */
  gboolean                choices_stale; /* the filters' choices to read again */
  gboolean                busy;
  guint                   busy_timeout_id;
  gboolean                filling;       /* the filters' choices are being made */
  int                     probed;        /* see sort_changed() */
  GPtrArray              *columns;       /* Column */
  GtkWidget             **filters;       /* one widget per spec filter */
  char                   *error;         /* of the last reload, or NULL */
  gboolean                refresh;       /* the records changed: read the rows shown again */
  GQueue                  shown_pages;   /* the model's pages shown lately, by index */

  GtkSearchEntry         *search_entry;
  GtkLabel               *hint_label;
  GtkLabel               *count_label;
  GtkSpinner             *spinner;
  GtkButton              *new_button;
  GtkBox                 *filter_box;
  GtkStack               *stack;
  GtkColumnView          *view;
  AdwStatusPage          *empty_status;
  GtkButton              *empty_button;
};

G_DEFINE_FINAL_TYPE (DeskListPage, desk_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_reload (DeskListPage *self);
static void fill_filters (DeskListPage *self);

/* ---- what the page asks for ------------------------------------------- */

/* Whether @text is enough to search with: two characters or more, and
 * four digits or more when it is only digits (a fragment of an ID number
 * or a phone; fewer digits match most of the ledger). */
static gboolean
search_is_long_enough (const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  gboolean digits = n > 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      digits = FALSE;
  return digits ? n >= 4 : n >= 2;
}

/* The search text as the model gets it: NULL when there is none or it is
 * too short to search with. */
static char *
search_text (DeskListPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (*text == '\0' || !search_is_long_enough (text))
    return NULL;
  return g_steal_pointer (&text);
}

static void
period_dates (Period  period,
              char  **from,
              char  **until)
{
  g_autofree char *today = desk_today ();
  int year, month, day;

  *from = *until = NULL;
  if (period == PERIOD_ANY || !desk_date_to_ymd (today, &year, &month, &day))
    return;
  switch (period)
    {
    case PERIOD_THIS_MONTH:
      *from = g_strdup_printf ("%04d-%02d-01", year, month);
      *until = g_strdup (today);
      break;
    case PERIOD_LAST_MONTH:
      if (--month == 0)
        {
          month = 12;
          year--;
        }
      *from = g_strdup_printf ("%04d-%02d-01", year, month);
      *until = g_strdup_printf ("%04d-%02d-%02d", year, month,
                                g_date_get_days_in_month (month, year));
      break;
    case PERIOD_LAST_3_MONTHS:
      month -= 2;
      if (month < 1)
        {
          month += 12;
          year--;
        }
      *from = g_strdup_printf ("%04d-%02d-01", year, month);
      *until = g_strdup (today);
      break;
    case PERIOD_THIS_YEAR:
      *from = g_strdup_printf ("%04d-01-01", year);
      *until = g_strdup (today);
      break;
    case PERIOD_LAST_YEAR:
      *from = g_strdup_printf ("%04d-01-01", year - 1);
      *until = g_strdup_printf ("%04d-12-31", year - 1);
      break;
    case PERIOD_ANY:
    default:
      break;
    }
}

static gint64
filter_id (GtkWidget *widget)
{
  return desk_form_drop_down_get_id (GTK_DROP_DOWN (widget));
}

/* Whether any filter or a search narrows the list. */
static gboolean
narrowed (DeskListPage *self)
{
  g_autofree char *search = search_text (self);

  if (search != NULL)
    return TRUE;
  for (guint i = 0; i < self->spec->n_filters; i++)
    {
      GtkWidget *widget = self->filters[i];

      if (GTK_IS_TOGGLE_BUTTON (widget))
        {
          if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)))
            return TRUE;
        }
      else if (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
apply_filters (DeskListPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *search = search_text (self);
  DeskListFilter filter = { NULL, };

  for (guint i = 0; i < self->spec->n_filters; i++)
    {
      const DeskListPageFilter *f = &self->spec->filters[i];
      GtkWidget *widget = self->filters[i];
      guint selected;

      switch (f->kind)
        {
        case DESK_LIST_FILTER_PERIOD:
          g_clear_pointer (&from, g_free);
          g_clear_pointer (&until, g_free);
          period_dates (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)), &from, &until);
          break;
        case DESK_LIST_FILTER_VILLAGE:
          filter.village_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_COMMITTEE:
          filter.committee_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_MEDIATOR:
          filter.mediator_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_CATEGORY:
          filter.category_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_CHANNEL:
          filter.channel_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_RESULT:
          filter.result_id = filter_id (widget);
          break;
        case DESK_LIST_FILTER_STATUS:
          selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));
          if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
            filter.status = f->statuses[selected - 1];
          break;
        case DESK_LIST_FILTER_OVERDUE:
          filter.overdue = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  filter.from = from;
  filter.until = until;
  filter.search = search;
  desk_list_model_set_filter (self->model, &filter);
}

/* ---- showing the state -------------------------------------------------- */

static void
set_busy (DeskListPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
show_spinner (gpointer data)
{
  DeskListPage *self = data;

  self->busy_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
update_state (DeskListPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean is_narrowed = narrowed (self);
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;

  if (self->error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_status, _("The List Cannot Be Shown"));
      adw_status_page_set_description (self->empty_status, self->error);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  number = g_strdup_printf ("%'u", n);
  /* Translators: how many records the list shows; %s is the number, with
   * thousands separated: 共 1,234 条, 找到 12 条 */
  count = g_strdup_printf (is_narrowed ? _("%s found") : _("%s in all"), number);
  gtk_label_set_label (self->count_label, count);

  if (n > 0 || self->busy)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (is_narrowed)
    {
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_status, _("No Matching Records"));
      adw_status_page_set_description (self->empty_status,
                                       _("Try other words, or clear the filters."));
      gtk_button_set_label (self->empty_button, _("_Clear Search and Filters"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "list.clear");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_status, self->spec->empty_icon);
      adw_status_page_set_title (self->empty_status, _(self->spec->empty_title));
      adw_status_page_set_description (self->empty_status, _(self->spec->empty_description));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), self->spec->new_action != NULL);
      if (self->spec->new_action != NULL)
        {
          gtk_button_set_label (self->empty_button, _(self->spec->new_label));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                          self->spec->new_action);
        }
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_hint (DeskListPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gboolean short_text = *text != '\0' && !search_is_long_enough (text);

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), short_text);
}

/* ---- reloading ---------------------------------------------------------- */

/* A row of page @index of the model is shown: that page is among those
 * read again after a change; as many as the model keeps at most, so that
 * they all fit in its cache together. */
#define SHOWN_PAGES 24

static void
note_shown_page (DeskListPage *self,
                 guint         position)
{
  gpointer index = GUINT_TO_POINTER (position / DESK_LIST_PAGE_SIZE);

  if (self->shown_pages.head != NULL && self->shown_pages.head->data == index)
    return;
  g_queue_remove (&self->shown_pages, index);
  g_queue_push_head (&self->shown_pages, index);
  if (self->shown_pages.length > SHOWN_PAGES)
    g_queue_pop_tail (&self->shown_pages);
}

/* The records changed and their ids were read again: the rows of the
 * pages shown lately are read again too (the model tells the view which
 * changed), the selection and the focus kept. */
static void
refresh_shown_rows (DeskListPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 selected = desk_list_page_get_selected_id (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focused = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view));

  for (GList *l = self->shown_pages.tail; l != NULL; l = l->prev)
    {
      guint first = GPOINTER_TO_UINT (l->data) * DESK_LIST_PAGE_SIZE;
      g_autoptr(GObject) item = NULL;

      if (first >= n)
        continue;
      /* Each page in the model's cache first: desk_list_model_refresh_ids()
       * reads again the rows of the pages it holds when called, and a page
       * the view asks for while it tells of the changes would keep rows it
       * did not read (they would show as deleted). */
      item = g_list_model_get_item (G_LIST_MODEL (self->model), first);
      for (guint i = first; i < n && i < first + DESK_LIST_PAGE_SIZE; i++)
        {
          gint64 id = desk_list_model_get_id (self->model, i);

          g_array_append_val (ids, id);
        }
    }
  if (ids->len == 0)
    return;
  if (!desk_list_model_refresh_ids (self->model, (const gint64 *) (gpointer) ids->data, ids->len,
                                    &error))
    {
      g_warning ("Cannot read the rows of a list again: %s", error->message);
      return;
    }

  /* A row read again is a new item: the selection and the focus it had
   * went with the old one. */
  if (selected != 0 && desk_list_page_get_selected_id (self) != selected)
    {
      guint position = desk_list_model_find (self->model, selected);

      if (position != G_MAXUINT)
        gtk_single_selection_set_selected (self->selection, position);
    }
  if (focused && root != NULL)
    {
      focus = gtk_root_get_focus (root);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DeskListPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_list_model_reload_finish (DESK_LIST_MODEL (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot list the records: %s", error->message);
      g_free (self->error);
      self->error = g_strdup (error->message);
    }
  else if (self->refresh)
    {
      self->refresh = FALSE;
      refresh_shown_rows (self);
    }
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  set_busy (self, FALSE);
  update_state (self);
}

static void
start_reload (DeskListPage *self)
{
  if (self->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (self->choices_stale)
    {
      self->choices_stale = FALSE;
      fill_filters (self);
    }
  g_clear_pointer (&self->error, g_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  apply_filters (self);
  set_busy (self, TRUE);
  if (self->busy_timeout_id == 0)
    self->busy_timeout_id = g_timeout_add (BUSY_DELAY_MS, show_spinner, self);
  desk_list_model_reload_async (self->model, self->cancellable, reloaded, g_object_ref (self));
}

/* A filter or the search changed: the list starts again from its top. */
static void
narrowing_changed (DeskListPage *self)
{
  GtkWidget *scrolled;

  if (self->filling)
    return;
  update_hint (self);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  start_reload (self);
}

/* ---- a hidden page lets its rows go ------------------------------------- *
 *
 * GTK 4.8 keeps about 200 rows of a list built, some 15 MB of widgets with
 * their cells, styles and accessibility objects, and keeps them while the
 * page is hidden.  A hidden page with a long list gives the view an empty
 * slice of it, which lets them go, and writes down which rows were in
 * sight.  Shown again, it lists only those rows for one frame, so that the
 * first frame builds only them, then all the others around them (see
 * desk-slice-selection.c): the list is where it was, with its selection,
 * and its first rows are drawn before GTK builds the 200.  The page's
 * positions are the model's: the view's are turned into them with
 * model_position(). */

#ifdef __GLIBC__
/* The widgets' memory goes back to the system, not only to the allocator. */
static gboolean
trim_heap (gpointer user_data)
{
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

/* Makes the view hold on to the row at @position at its top.  The view
 * keeps one row in place through changes around it: after scrolling with
 * the keyboard that is the focused row, at the bottom, and the rows before
 * the slice would then be inserted above it, with the rows that were in
 * sight above the window's edge.  "list.scroll-to-item" on a row in sight
 * holds that row where it is (GTK 4.8 has no other way to say so); the
 * action belongs to the list inside the column view. */
static void
hold_top_row (DeskListPage *self,
              guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

static void
page_unmapped (DeskListPage *self)
{
  guint first = 0;

  if (self->slice == NULL || self->released)
    return;
  if (self->slice_tick_id != 0)
    {
      /* Hidden again before all was listed: the same rows next time. */
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->slice_tick_id);
      self->slice_tick_id = 0;
      first = desk_slice_selection_get_offset (self->slice);
    }
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slice));
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
      double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
      guint in_sight = DESK_LIST_PAGE_SIZE;

      if (n <= RELEASE_ROWS_OVER)
        return;
      if (upper > 0)
        {
          /* The rows are all of one height. */
          double row = upper / n;

          first = gtk_adjustment_get_value (adjustment) / row;
          in_sight = ceil (gtk_adjustment_get_page_size (adjustment) / row) + 1;
        }
      self->in_sight_rows = in_sight;
      hold_top_row (self, first);
    }
  /* An empty slice: the view lets its rows go, and keeps where its focus
   * was, which it would not with no model at all.  Its offset follows the
   * rows in sight if rows before them come or go meanwhile. */
  desk_slice_selection_set_slice (self->slice, first, 0);
  self->released = TRUE;
#ifdef __GLIBC__
  g_idle_add_full (G_PRIORITY_LOW, trim_heap, NULL, NULL);
#endif
}

/* Shown again: the rows in sight are drawn; now all the others. */
static gboolean
slice_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  DeskListPage *self = user_data;

  /* The first tick is that of the frame that draws the slice. */
  if (++self->slice_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->slice_tick_id = 0;
  desk_slice_selection_show_all (self->slice);
  if (self->dirty)
    start_reload (self);
  return G_SOURCE_REMOVE;
}

static void
page_mapped (DeskListPage *self)
{
  if (self->released)
    {
      self->released = FALSE;
      if (desk_slice_selection_get_sliced (self->slice))
        {
          /* A reload waits for the whole list. */
          desk_slice_selection_set_slice (self->slice, desk_slice_selection_get_offset (self->slice),
                                          self->in_sight_rows);
          self->slice_ticks = 0;
          self->slice_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), slice_tick,
                                                              self, NULL);
          return;
        }
    }
  if (self->dirty)
    start_reload (self);
}

/* The model's position of the view's @position. */
static guint
model_position (DeskListPage *self,
                guint         position)
{
  return position + desk_slice_selection_get_offset (self->slice);
}

/* ---- sorting by a column's header --------------------------------------- *
 *
 * Each sortable column has a sorter that is never used to sort anything:
 * the model sorts in SQL.  GTK 4.8 does not say which column the view
 * sorts by, so when the view's sorter changes we compare two items with
 * it: it asks the first column's sorter first, that sorter writes down
 * which column it is and answers "smaller", and the view turns the answer
 * round when the column sorts descending.  The two items must be two
 * objects: gtk_sorter_compare() answers "equal" for an item and itself
 * without asking any sorter. */

static int
column_probe (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Column *column = user_data;

  column->page->probed = column->position;
  return -1;
}

static void
sort_changed (DeskListPage *self)
{
  const char *key = self->spec->sort_key;
  gboolean descending = self->spec->sort_descending;
  GtkSorter *sorter;
  GtkOrdering ordering;

  /* The view tells when its columns go, as the page is disposed. */
  if (self->view == NULL || self->model == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->view);
  self->probed = -1;
  ordering = gtk_sorter_compare (sorter, self, self->view);
  if (self->probed >= 0)
    {
      key = self->spec->columns[self->probed].sort_key;
      descending = ordering == GTK_ORDERING_LARGER;
    }
  if (!desk_list_model_set_sort (self->model, key, descending))
    g_warning ("The list %s has no order %s", self->spec->name, key);
  if (!self->filling)
    start_reload (self);
}

/* ---- cells -------------------------------------------------------------- */

/* A cell is a GtkInscription, not a GtkLabel: its size comes from its
 * font, not from its text, so binding a row to another record does not
 * measure the text again, nor the column and the row around it.  GTK
 * keeps about 200 rows bound around what is shown, and a jump in a long
 * list binds them all: with labels that was 1,400 texts laid out to draw
 * the 25 rows seen. */
static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column->spec->format == DESK_LIST_COLUMN_ID_NUMBER)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

static const char *
status_style (const char *status)
{
  static const struct
  {
    const char *status;
    const char *style;
  } styles[] = {
    { "调解成功", "success" }, { "中心已受理", "success" }, { "决定给予", "success" },
    { "已指派", "success" }, { "已结案", "success" },
    { "已受理", "accent" }, { "调解中", "accent" }, { "已接收", "accent" },
    { "材料待补", "warning" }, { "已转交", "accent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (styles[i].status, status))
      return styles[i].style;
  return "dim-label";
}

/* Gives @cell the style class @style (a static string, or %NULL: none)
 * in place of the one it had.  A class changed makes GTK compute the
 * cell's style again: when a bound row's cell keeps its class, as most do
 * while scrolling, nothing is changed. */
static void
set_cell_style (GtkWidget  *cell,
                const char *style)
{
  static GQuark quark;
  const char *current;

  if (quark == 0)
    quark = g_quark_from_static_string ("desk-list-cell-style");
  current = g_object_get_qdata (G_OBJECT (cell), quark);
  if (g_strcmp0 (current, style) == 0)
    return;
  if (current != NULL)
    gtk_widget_remove_css_class (cell, current);
  if (style != NULL)
    gtk_widget_add_css_class (cell, style);
  g_object_set_qdata (G_OBJECT (cell), quark, (gpointer) style);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  DeskRow *row = gtk_list_item_get_item (item);
  const char *text = desk_row_get_text (row, column->index);
  g_autofree char *shown = NULL;

  if (column->position == 0)
    note_shown_page (column->page,
                     model_position (column->page, gtk_list_item_get_position (item)));

  if (desk_row_get_gone (row))
    {
      /* Deleted since the list was read: said once, in the first column. */
      gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                                column->position == 0 ? _("(deleted)") : "");
      set_cell_style (cell, "dim-label");
      return;
    }
  if (*text == '\0' && column->spec->blank != NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), _(column->spec->blank));
      set_cell_style (cell, "dim-label");
      return;
    }
  switch (column->spec->format)
    {
    case DESK_LIST_COLUMN_ID_NUMBER:
      shown = desk_form_mask_id_number (text);
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), shown);
      set_cell_style (cell, NULL);
      break;
    case DESK_LIST_COLUMN_STATUS:
      if (column->overdue >= 0 && g_str_equal (desk_row_get_text (row, column->overdue), "1"))
        {
          /* Past its time limit: said in words as well as in red. */
          shown = g_strdup_printf (_("%s · overdue"), text);
          gtk_inscription_set_text (GTK_INSCRIPTION (cell), shown);
          set_cell_style (cell, "error");
        }
      else
        {
          gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
          set_cell_style (cell, *text != '\0' ? status_style (text) : NULL);
        }
      break;
    case DESK_LIST_COLUMN_TEXT:
    default:
      /* One line: a summary's line breaks would be cut anyway. */
      if (strchr (text, '\n') != NULL)
        {
          shown = g_strdelimit (g_strdup (text), "\r\n", ' ');
          gtk_inscription_set_text (GTK_INSCRIPTION (cell), shown);
        }
      else
        gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
      set_cell_style (cell, NULL);
      break;
    }
}

/* The index of the model's column @name, or -1. */
static int
find_model_column (DeskListModel *model,
                   const char    *name)
{
  const char *const *names = desk_list_model_get_columns (model);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i;
  return -1;
}

static guint
model_column (DeskListModel *model,
              const char    *name)
{
  int index = find_model_column (model, name);

  if (index < 0)
    g_error ("The list has no column %s", name);
  return index;
}

static void
add_columns (DeskListPage *self)
{
  GtkColumnViewColumn *sort_column = NULL;

  for (guint i = 0; i < self->spec->n_columns; i++)
    {
      const DeskListPageColumn *spec = &self->spec->columns[i];
      Column *column = g_new0 (Column, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;

      column->page = self;
      column->spec = spec;
      column->index = model_column (self->model, spec->column);
      column->position = i;
      column->overdue = find_model_column (self->model, "overdue");
      g_ptr_array_add (self->columns, column);

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), column);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), column);
      view_column = gtk_column_view_column_new (_(spec->title), factory);
      if (spec->width_chars > 0)
        {
          /* An em is about one Chinese character at the table's size. */
          gtk_column_view_column_set_fixed_width (view_column, spec->width_chars * 14 + 24);
          gtk_column_view_column_set_resizable (view_column, TRUE);
        }
      else
        gtk_column_view_column_set_expand (view_column, TRUE);
      if (spec->sort_key != NULL)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (column_probe, column, NULL));

          gtk_column_view_column_set_sorter (view_column, sorter);
          g_object_unref (sorter);
          if (g_strcmp0 (spec->sort_key, self->spec->sort_key) == 0)
            sort_column = view_column;
        }
      gtk_column_view_append_column (self->view, view_column);
      g_object_unref (view_column);
    }

  self->filling = TRUE;
  if (sort_column != NULL)
    gtk_column_view_sort_by_column (self->view, sort_column,
                                    self->spec->sort_descending ? GTK_SORT_DESCENDING
                                                                : GTK_SORT_ASCENDING);
  self->filling = FALSE;
  desk_list_model_set_sort (self->model, self->spec->sort_key, self->spec->sort_descending);
}

/* ---- filters ------------------------------------------------------------ */

static void
filter_changed (DeskListPage *self)
{
  narrowing_changed (self);
}

static GtkWidget *
make_filter (DeskListPage             *self,
             const DeskListPageFilter *f)
{
  GtkWidget *widget;

  if (f->kind == DESK_LIST_FILTER_OVERDUE)
    {
      widget = gtk_toggle_button_new_with_mnemonic (_("_Overdue"));
      gtk_widget_set_tooltip_text (widget, _("Only those past their time limit"));
      g_signal_connect_object (widget, "toggled", G_CALLBACK (filter_changed), self,
                               G_CONNECT_SWAPPED);
    }
  else if (f->kind == DESK_LIST_FILTER_PERIOD)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; period_labels[i] != NULL; i++)
        gtk_string_list_append (labels, _(period_labels[i]));
      widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      g_signal_connect_object (widget, "notify::selected", G_CALLBACK (filter_changed), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      widget = gtk_drop_down_new (NULL, NULL);
      desk_form_drop_down_init (GTK_DROP_DOWN (widget), NULL, NULL);
      g_signal_connect_object (widget, "notify::selected", G_CALLBACK (filter_changed), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_widget_set_name (widget, f->name);
  if (f->all_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(f->all_label), -1);
  return widget;
}

/* The choices of the filters that come from the ledger: code tables,
 * villages, committees, mediators.  Kept when the same choice is still
 * there. */
static void
fill_filters (DeskListPage *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->spec->n_filters; i++)
    {
      const DeskListPageFilter *f = &self->spec->filters[i];
      GtkDropDown *drop_down;
      g_autoptr(GPtrArray) items = NULL;
      gint64 selected;

      if (f->kind == DESK_LIST_FILTER_PERIOD || f->kind == DESK_LIST_FILTER_OVERDUE)
        continue;
      drop_down = GTK_DROP_DOWN (self->filters[i]);
      selected = f->kind == DESK_LIST_FILTER_STATUS
                 ? gtk_drop_down_get_selected (drop_down)
                 : desk_form_drop_down_get_id (drop_down);
      desk_form_drop_down_clear (drop_down);
      desk_form_drop_down_add (drop_down, 0, _(f->all_label));
      if (self->store == NULL)
        continue;

      switch (f->kind)
        {
        case DESK_LIST_FILTER_VILLAGE:
          items = desk_village_list (self->store, NULL, NULL);
          for (guint j = 0; items != NULL && j < items->len; j++)
            {
              DeskVillage *village = g_ptr_array_index (items, j);

              desk_form_drop_down_add (drop_down, village->id, village->name);
            }
          break;
        case DESK_LIST_FILTER_COMMITTEE:
          items = desk_committee_list (self->store, NULL, NULL);
          for (guint j = 0; items != NULL && j < items->len; j++)
            {
              DeskCommittee *committee = g_ptr_array_index (items, j);

              desk_form_drop_down_add (drop_down, committee->id, committee->name);
            }
          break;
        case DESK_LIST_FILTER_MEDIATOR:
          items = desk_mediator_list (self->store, 0, NULL, NULL);
          for (guint j = 0; items != NULL && j < items->len; j++)
            {
              DeskMediator *mediator = g_ptr_array_index (items, j);

              desk_form_drop_down_add (drop_down, mediator->id, mediator->name);
            }
          break;
        case DESK_LIST_FILTER_CATEGORY:
        case DESK_LIST_FILTER_CHANNEL:
        case DESK_LIST_FILTER_RESULT:
          /* Retired codes too: old records still carry them. */
          items = desk_codes_list (self->store, f->code_kind, TRUE);
          for (guint j = 0; items != NULL && j < items->len; j++)
            {
              DeskCode *code = g_ptr_array_index (items, j);

              desk_form_drop_down_add (drop_down, code->id, code->label);
            }
          break;
        case DESK_LIST_FILTER_STATUS:
          for (guint j = 0; f->statuses[j] != NULL; j++)
            desk_form_drop_down_add (drop_down, j + 1, f->statuses[j]);
          break;
        case DESK_LIST_FILTER_PERIOD:
        case DESK_LIST_FILTER_OVERDUE:
        default:
          g_assert_not_reached ();
        }
      if (!desk_form_drop_down_set_id (drop_down, selected))
        gtk_drop_down_set_selected (drop_down, 0);
    }
  self->filling = FALSE;
}

static void
clear_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskListPage *self = DESK_LIST_PAGE (widget);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < self->spec->n_filters; i++)
    {
      if (GTK_IS_TOGGLE_BUTTON (self->filters[i]))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->filters[i]), FALSE);
      else
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->filters[i]), 0);
    }
  self->filling = FALSE;
  narrowing_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- activation and keys ------------------------------------------------ */

static void
row_activated (DeskListPage *self,
               guint         position)
{
  gint64 id = desk_list_model_get_id (self->model, model_position (self, position));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), self->spec->open_action, "x", id);
}

/* Enter in the search: on to the first row, to open it with Enter again. */
static void
search_activated (DeskListPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
search_stopped (DeskListPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- GObject ------------------------------------------------------------ */

static void
desk_list_page_dispose (GObject *object)
{
  DeskListPage *self = DESK_LIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_LIST_PAGE);
  g_clear_object (&self->slice);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_list_page_parent_class)->dispose (object);
}

static void
desk_list_page_finalize (GObject *object)
{
  DeskListPage *self = DESK_LIST_PAGE (object);

  g_ptr_array_unref (self->columns);
  g_queue_clear (&self->shown_pages);
  g_free (self->filters);
  g_free (self->error);
  G_OBJECT_CLASS (desk_list_page_parent_class)->finalize (object);
}

static void
desk_list_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskListPage *self = DESK_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, desk_list_page_get_selected_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_list_page_class_init (DeskListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_list_page_dispose;
  object_class->finalize = desk_list_page_finalize;
  object_class->get_property = desk_list_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The record of the selected row: a page beside the list shows it. */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/legaldesk/LegalDesk/desk-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, view);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, DeskListPage, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, narrowing_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "list.clear", NULL, clear_activated);
  gtk_widget_class_set_css_name (widget_class, "desklistpage");
}

static void
desk_list_page_init (DeskListPage *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->shown_pages);
  self->probed = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (page_unmapped), NULL);
}

/**
 * desk_list_page_new:
 * @spec: (transfer none): static, one of desk_list_page_spec()'s or alike
 */
GtkWidget *
desk_list_page_new (const DeskListPageSpec *spec)
{
  DeskListPage *self;
  g_autofree char *view_name = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (DESK_TYPE_LIST_PAGE, NULL);
  self->spec = spec;
  gtk_widget_set_name (GTK_WIDGET (self), spec->name);
  view_name = g_strdup_printf ("%s-list", spec->name);
  gtk_widget_set_name (GTK_WIDGET (self->view), view_name);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self->search_entry, "placeholder-text", _(spec->search_placeholder), NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->search_placeholder),
                                  -1);

  if (spec->new_action != NULL)
    {
      adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (self->new_button)),
                                    _(spec->new_label));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), spec->new_action);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->new_button), FALSE);

  self->filters = g_new0 (GtkWidget *, MAX (spec->n_filters, 1));
  for (guint i = 0; i < spec->n_filters; i++)
    {
      self->filters[i] = make_filter (self, &spec->filters[i]);
      gtk_box_append (self->filter_box, self->filters[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box), spec->n_filters > 0);

  /* The model has no store until the ledger is open; it is made again
   * with the ledger. */
  return GTK_WIDGET (self);
}

static void
selection_changed (DeskListPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* While a reload is under way the model may list its first rows before
 * the rest: they are shown at once, the count waits for the whole. */
static void
model_changed (DeskListPage *self)
{
  if (!self->busy)
    update_state (self);
  else if (self->error == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * desk_list_page_set_store:
 *
 * Lists the records of @store (%NULL: none), once the page is shown.
 */
void
desk_list_page_set_store (DeskListPage *self,
                          DeskStore    *store)
{
  g_return_if_fail (DESK_IS_LIST_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  gtk_column_view_set_model (self->view, NULL);
  if (self->slice_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->slice_tick_id);
  self->slice_tick_id = 0;
  self->released = FALSE;
  g_clear_object (&self->slice);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_queue_clear (&self->shown_pages);
  self->refresh = FALSE;
  if (store == NULL)
    return;

  self->model = desk_list_model_new (store, self->spec->kind);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_changed), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed),
                           self, G_CONNECT_SWAPPED);
  self->slice = desk_slice_selection_new (GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->slice));

  if (self->columns->len == 0)
    {
      add_columns (self);
      g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                               G_CALLBACK (sort_changed), self, G_CONNECT_SWAPPED);
    }
  else
    sort_changed (self);
  self->choices_stale = TRUE;
  start_reload (self);
}

/**
 * desk_list_page_reload:
 *
 * The records changed: lists them again now if the page is shown,
 * otherwise when it is next shown.  The filters' choices are read again
 * then too (a village or a code may have been added).
 */
void
desk_list_page_reload (DeskListPage *self)
{
  g_return_if_fail (DESK_IS_LIST_PAGE (self));

  if (self->store == NULL)
    return;
  self->refresh = TRUE;
  self->choices_stale = TRUE;
  start_reload (self);
}

void
desk_list_page_focus_search (DeskListPage *self)
{
  g_return_if_fail (DESK_IS_LIST_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

DeskListModel *
desk_list_page_get_model (DeskListPage *self)
{
  g_return_val_if_fail (DESK_IS_LIST_PAGE (self), NULL);
  return self->model;
}

const DeskListPageSpec *
desk_list_page_get_spec (DeskListPage *self)
{
  g_return_val_if_fail (DESK_IS_LIST_PAGE (self), NULL);
  return self->spec;
}

gboolean
desk_list_page_get_busy (DeskListPage *self)
{
  g_return_val_if_fail (DESK_IS_LIST_PAGE (self), FALSE);
  return self->busy;
}

/**
 * desk_list_page_get_selected_id:
 *
 * Returns: the record of the selected row, or 0.
 */
gint64
desk_list_page_get_selected_id (DeskListPage *self)
{
  guint position;

  g_return_val_if_fail (DESK_IS_LIST_PAGE (self), 0);

  if (self->selection == NULL)
    return 0;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  return desk_list_model_get_id (self->model, position);
}

GtkWidget *
desk_list_page_get_view (DeskListPage *self)
{
  g_return_val_if_fail (DESK_IS_LIST_PAGE (self), NULL);
  return GTK_WIDGET (self->view);
}
