/* desk-service-log.c — a month of one legal adviser's service log, typed
 * in fast as a grid.
 *
 * Advisers hand in their month on one sheet; the clerk chooses the adviser
 * and the month and types the sheet row by row: 日期, 村(居), 方式, 时长, the
 * ten counts (the short column labels of the 法律顾问 sheet) and 备注.  Enter
 * moves to the next cell; at the last cell of a row it starts the next
 * visit, dated the next working day, with the same village and mode, which
 * is what most sheets look like.  The village list of a row puts the
 * villages the adviser is assigned to on that day first.  A day of the
 * month may be typed alone ("5").  The month's saved visits are shown as
 * rows too and are edited in place.
 *
 * Each cell is checked as it is typed or left; a row with a mistake is
 * marked and its messages stand under it.  Saving writes every row or none:
 * the month is one sheet, and a half-saved sheet would show the clerk a
 * month (and a minimum met or missed) that is on no paper, with no record
 * of which rows went in; with nothing written, every row stays as typed,
 * marked, and one more save after the corrections is all it takes.
 *
 * Below the grid, the month's on-site visits and hours (方式 实地 only, as
 * the forms count them) against the station's minimum, following the rows
 * as they are typed.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-register.h"
#include "desk-service-log.h"
#include "desk-settings.h"

/* The report row of 服务方式 that counts as on site (data). */
#define MODE_ON_SITE "实地"

#define N_COUNTS 10

enum
{
  CELL_DATE,
  CELL_VILLAGE,
  CELL_MODE,
  CELL_HOURS,
  CELL_COUNT,
  CELL_NOTES = CELL_COUNT + N_COUNTS,
  N_CELLS
};

/* Grid columns: a marker, the cells, a delete button. */
#define COLUMN_MARKER 0
#define COLUMN_CELL(cell) ((cell) + 1)
#define COLUMN_DELETE (N_CELLS + 1)

/* The ten counts: the short column labels of the forms' 法律顾问 sheet
 * (data, never translated; broken in two lines to keep the columns
 * narrow) and the field labels that name them in messages. */
static const struct
{
  const char *header;
  const char *field;
  gsize       offset;
} counts[N_COUNTS] = {
  { "解答\n咨询", N_("Consultations answered"), G_STRUCT_OFFSET (DeskAdviserService, consults) },
  { "法治\n讲座", N_("Law lectures"), G_STRUCT_OFFSET (DeskAdviserService, lectures) },
  { "讲座\n受众", N_("Lecture audience"), G_STRUCT_OFFSET (DeskAdviserService, audience) },
  { "参与\n调解", N_("Mediations joined"), G_STRUCT_OFFSET (DeskAdviserService, mediations) },
  { "审查合同\n协议", N_("Contracts reviewed"), G_STRUCT_OFFSET (DeskAdviserService, contracts) },
  { "审查村规\n民约", N_("Village rules and decisions reviewed"),
    G_STRUCT_OFFSET (DeskAdviserService, village_rules) },
  { "代写\n文书", N_("Legal documents drafted"), G_STRUCT_OFFSET (DeskAdviserService, documents) },
  { "引导法律\n援助", N_("Legal-aid referrals"),
    G_STRUCT_OFFSET (DeskAdviserService, aid_referrals) },
  { "培训", N_("People trained"), G_STRUCT_OFFSET (DeskAdviserService, trainees) },
  { "发放\n资料", N_("Materials handed out"), G_STRUCT_OFFSET (DeskAdviserService, leaflets) },
};

/* One visit.  Reference-counted: the editor's list holds one reference and
 * every widget of the row another, so that a callback of a row being
 * removed still finds it. */
typedef struct
{
  DeskServiceLogEditor *editor;
  gint64                id;            /* 0: not saved yet */
  gboolean              touched;       /* typed into since loaded */
  gboolean              gone;          /* removed from the grid */
  char                 *village_day;   /* the day the village list is ordered for */
  GtkWidget            *marker;
  GtkWidget            *cells[N_CELLS];
  GtkWidget            *delete_button;
  GtkWidget            *message;
  char                 *problems[N_CELLS];
} ServiceRow;

struct _DeskServiceLogEditor
{
  AdwWindow        parent_instance;

  DeskStore       *store;
  gint64           adviser_id;
  int              year;
  int              month;
  GPtrArray       *rows;           /* (element-type ServiceRow) in the grid's order */
  GArray          *deleted;        /* ids of saved services whose rows were removed */
  GPtrArray       *assignments;    /* (element-type DeskAdviserAssignment) the adviser's */
  GPtrArray       *villages;       /* (element-type DeskVillage) all of them */
  GPtrArray       *modes;          /* (element-type DeskCode) service_mode, active */
  GArray          *on_site;        /* ids of the modes that count as on site */
  int              min_visits;
  int              min_hours;
  gboolean         modified;
  guint            loading;
  gboolean         closing;
  gint64           pending_adviser; /* asked to switch to */
  int              pending_year;
  int              pending_month;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkWidget       *message_label;
  GtkDropDown     *adviser_dropdown;
  GtkEntry        *month_entry;
  GtkWidget       *month_error;
  GtkGrid         *grid;
  GtkLabel        *summary_label;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (DeskServiceLogEditor, desk_service_log_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_KEY "desk-service-row"
#define CELL_KEY "desk-service-cell"

/* ---- rows --------------------------------------------------------------- */

static void
row_clear (ServiceRow *row)
{
  g_free (row->village_day);
  for (guint i = 0; i < N_CELLS; i++)
    g_free (row->problems[i]);
}

static void
row_release (gpointer row)
{
  g_rc_box_release_full (row, (GDestroyNotify) row_clear);
}

static ServiceRow *
row_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), ROW_KEY);
}

static int
cell_of (GtkWidget *widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), CELL_KEY));
}

static const char *
cell_text (ServiceRow *row,
           int         cell)
{
  return gtk_editable_get_text (GTK_EDITABLE (row->cells[cell]));
}

static gboolean
row_is_live (ServiceRow *row)
{
  /* A new row nobody typed into is the next visit offered, not a visit. */
  return !row->gone && (row->id > 0 || row->touched);
}

static guint
row_index (DeskServiceLogEditor *self,
           ServiceRow           *row)
{
  guint index = G_MAXUINT;

  g_ptr_array_find (self->rows, row, &index);
  return index;
}

static void
set_modified (DeskServiceLogEditor *self,
              gboolean              modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskServiceLogEditor *self,
              const char           *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

/* The row's date, read in the month shown: a day alone ("5") is that day
 * of the month.  NULL with a field error when it is wrong. */
static char *
row_date (DeskServiceLogEditor  *self,
          ServiceRow            *row,
          GError               **error)
{
  const char *field = _("Service date");
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (row->cells[CELL_DATE]));
  g_autofree char *date = NULL;
  int y, m, d;

  if (*raw == '\0')
    {
      desk_set_field_error (error, field, _("enter the date"));
      return NULL;
    }
  if (strlen (raw) <= 2 && strspn (raw, "0123456789") == strlen (raw))
    {
      d = atoi (raw);
      if (d >= 1 && d <= desk_days_in_month (self->year, self->month))
        date = g_strdup_printf ("%04d-%02d-%02d", self->year, self->month, d);
    }
  else
    date = desk_date_parse (raw, self->year);
  if (date == NULL)
    {
      desk_set_field_error (error, field,
                            _("“%s” is not a date; write the day (5) or the whole date "
                              "(2026-11-05)"), raw);
      return NULL;
    }
  if (!desk_date_to_ymd (date, &y, &m, &d) || y != self->year || m != self->month)
    {
      desk_set_field_error (error, field, _("%s is not in the month shown (%04d-%02d)"),
                            date, self->year, self->month);
      return NULL;
    }
  /* not after today, as the core has it */
  return desk_validate_date (date, field, NULL, error);
}

/* What is wrong with @cell of @row, as a whole message naming the field
 * (the row's messages stand under the whole row); NULL when it is right. */
static char *
cell_problem (DeskServiceLogEditor *self,
              ServiceRow           *row,
              int                   cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  int value;

  switch (cell)
    {
    case CELL_DATE:
      date = row_date (self, row, &error);
      break;
    case CELL_VILLAGE:
      if (desk_form_drop_down_get_id (GTK_DROP_DOWN (row->cells[cell])) <= 0)
        desk_set_field_error (&error, _("Village served"), _("choose the village served"));
      break;
    case CELL_MODE:
      if (desk_form_drop_down_get_id (GTK_DROP_DOWN (row->cells[cell])) <= 0)
        desk_set_field_error (&error, _("Service mode"), _("choose a value from the list"));
      break;
    case CELL_HOURS:
      desk_adviser_parse_hours (cell_text (row, cell), &value, &error);
      break;
    case CELL_NOTES:
      break;
    default:
      desk_form_parse_count (cell_text (row, cell), _(counts[cell - CELL_COUNT].field), &value,
                             &error);
      break;
    }
  return error ? g_strdup (error->message) : NULL;
}

/* Shows the row's messages under it and marks it. */
static void
update_row_message (ServiceRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < N_CELLS; i++)
    if (row->problems[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len ? "；" : "", row->problems[i]);
  gtk_label_set_text (GTK_LABEL (row->message), text->str);
  gtk_widget_set_visible (row->message, text->len > 0);
  gtk_widget_set_visible (row->marker, text->len > 0);
  gtk_widget_set_tooltip_text (row->marker, text->len ? text->str : NULL);
}

/* Checks @cell: its message shows when @final (the clerk is done with the
 * cell) and, once shown, follows the typing. */
static gboolean
check_cell (DeskServiceLogEditor *self,
            ServiceRow           *row,
            int                   cell,
            gboolean              final)
{
  g_autofree char *problem = cell_problem (self, row, cell);
  GtkWidget *widget = row->cells[cell];

  if (problem == NULL)
    {
      gtk_widget_remove_css_class (widget, "error");
      g_clear_pointer (&row->problems[cell], g_free);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else if (final || row->problems[cell] != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
      g_free (row->problems[cell]);
      row->problems[cell] = g_steal_pointer (&problem);
    }
  return row->problems[cell] == NULL && problem == NULL;
}

/* Checks every cell of a row the clerk is done with; returns the first
 * wrong cell. */
static GtkWidget *
check_row (DeskServiceLogEditor *self,
           ServiceRow           *row)
{
  GtkWidget *first = NULL;

  for (int cell = 0; cell < N_CELLS; cell++)
    if (!check_cell (self, row, cell, TRUE) && first == NULL)
      first = row->cells[cell];
  update_row_message (row);
  return first;
}

static gboolean
is_on_site (DeskServiceLogEditor *self,
            gint64                mode_id)
{
  for (guint i = 0; i < self->on_site->len; i++)
    if (g_array_index (self->on_site, gint64, i) == mode_id)
      return TRUE;
  return FALSE;
}

/* The month's on-site visits and hours against the minimum, from the rows
 * as typed: what the month will be once saved. */
static void
update_summary (DeskServiceLogEditor *self)
{
  g_autofree char *hours = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *status = NULL;
  gboolean met;
  int visits = 0;
  int halves = 0;

  if (self->adviser_id <= 0)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_label_set_text (self->status_label, "");
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *date = NULL;
      int half_hours = 0;

      if (!row_is_live (row) ||
          !is_on_site (self, desk_form_drop_down_get_id (GTK_DROP_DOWN (row->cells[CELL_MODE]))))
        continue;
      date = row_date (self, row, NULL);
      if (date == NULL)
        continue;
      visits++;
      if (desk_adviser_parse_hours (cell_text (row, CELL_HOURS), &half_hours, NULL))
        halves += half_hours;
    }

  hours = desk_adviser_format_hours (halves);
  summary = g_strdup_printf (_("On site this month: %d visits, %s hours (minimum %d visits, "
                               "%d hours)"), visits, hours, self->min_visits, self->min_hours);
  gtk_label_set_text (self->summary_label, summary);

  status = desk_service_log_describe_minimum (visits, halves, self->min_visits,
                                              self->min_hours, &met);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), met ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), met ? "success" : "error");
  gtk_label_set_text (self->status_label, status);
}

/* Orders the row's villages for @day: those the adviser serves that day
 * first, then the others active that day, marked. */
static void
fill_row_villages (DeskServiceLogEditor *self,
                   ServiceRow           *row,
                   const char           *day)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (row->cells[CELL_VILLAGE]);
  gint64 selected = desk_form_drop_down_get_id (drop_down);
  g_autoptr(GHashTable) added = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean found = FALSE;

  if (g_strcmp0 (row->village_day, day) == 0 &&
      g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)) > 0)
    return;
  g_free (row->village_day);
  row->village_day = g_strdup (day);

  self->loading++;
  desk_form_drop_down_clear (drop_down);
  for (guint i = 0; i < self->assignments->len; i++)
    {
      DeskAdviserAssignment *a = g_ptr_array_index (self->assignments, i);

      if (strcmp (a->from_date, day) > 0 || (a->until_date && strcmp (a->until_date, day) < 0) ||
          g_hash_table_contains (added, &a->village_id))
        continue;
      for (guint j = 0; j < self->villages->len; j++)
        {
          DeskVillage *village = g_ptr_array_index (self->villages, j);

          if (village->id == a->village_id)
            {
              desk_form_drop_down_add (drop_down, village->id, village->name);
              g_hash_table_add (added, &village->id);
            }
        }
    }
  for (guint j = 0; j < self->villages->len; j++)
    {
      DeskVillage *village = g_ptr_array_index (self->villages, j);
      gboolean active = (village->active_from == NULL || strcmp (village->active_from, day) <= 0) &&
                        (village->active_until == NULL ||
                         strcmp (village->active_until, day) >= 0);
      g_autofree char *label = NULL;

      if (g_hash_table_contains (added, &village->id) || (!active && village->id != selected))
        continue;
      /* Translators: a village the adviser does not serve on the row's day */
      label = g_strdup_printf (_("%s (not assigned)"), village->name);
      desk_form_drop_down_add (drop_down, village->id, label);
      g_hash_table_add (added, &village->id);
    }
  if (selected > 0)
    found = desk_form_drop_down_set_id (drop_down, selected);
  if (!found)
    gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  self->loading--;
}

/* The day the row's villages are ordered for: its date, or the first of
 * the month while the date is not right yet. */
static void
order_row_villages (DeskServiceLogEditor *self,
                    ServiceRow           *row)
{
  g_autofree char *date = row_date (self, row, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (date == NULL)
    desk_month_bounds (self->year, self->month, &first, &last);
  fill_row_villages (self, row, date ? date : first);
}

/* The row offered for the next visit is dimmed until it is typed into:
 * until then it is not a visit and is not saved. */
static void
set_offered (ServiceRow *row,
             gboolean    offered)
{
  for (int cell = 0; cell < N_CELLS; cell++)
    if (offered)
      gtk_widget_add_css_class (row->cells[cell], "dim-label");
    else
      gtk_widget_remove_css_class (row->cells[cell], "dim-label");
}

static void
name_rows (DeskServiceLogEditor *self)
{
  static const char *const cell_names[] = { "date", "village", "mode", "hours" };

  for (guint i = 0; i < self->rows->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *marker = g_strdup_printf ("service-marker-%u", i);
      g_autofree char *message = g_strdup_printf ("service-error-%u", i);
      g_autofree char *delete = g_strdup_printf ("service-delete-%u", i);

      for (int cell = 0; cell < N_CELLS; cell++)
        {
          g_autofree char *name = NULL;

          if (cell < CELL_COUNT)
            name = g_strdup_printf ("service-%s-%u", cell_names[cell], i);
          else if (cell == CELL_NOTES)
            name = g_strdup_printf ("service-notes-%u", i);
          else
            name = g_strdup_printf ("service-count-%d-%u", cell - CELL_COUNT, i);
          gtk_widget_set_name (row->cells[cell], name);
        }
      gtk_widget_set_name (row->marker, marker);
      gtk_widget_set_name (row->message, message);
      gtk_widget_set_name (row->delete_button, delete);
    }
}

static void cell_changed      (GtkWidget *widget);
static void cell_activated    (GtkWidget *widget);
static void cell_left         (GtkEventControllerFocus *focus);
static void choice_changed    (GtkWidget *widget);
static void choice_picked     (GtkDropDown *drop_down,
                               gpointer     user_data);
static void delete_clicked    (GtkWidget *button);

static void
attach_row (ServiceRow *row,
            GtkWidget  *widget,
            int         cell)
{
  g_object_set_data_full (G_OBJECT (widget), ROW_KEY, g_rc_box_acquire (row), row_release);
  g_object_set_data (G_OBJECT (widget), CELL_KEY, GINT_TO_POINTER (cell));
}

static GtkWidget *
entry_cell (ServiceRow *row,
            int         cell,
            int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  attach_row (row, entry, cell);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  if (cell >= CELL_HOURS && cell < CELL_NOTES)
    gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  g_signal_connect (entry, "changed", G_CALLBACK (cell_changed), NULL);
  g_signal_connect (entry, "activate", G_CALLBACK (cell_activated), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_left), NULL);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

/* In the grid, Enter on a list that is not open moves on, like in every
 * other cell: the village and mode offered are usually right.  Space (or
 * a click) opens the list to type another. */
static gboolean
choice_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    gpointer               user_data)
{
  GtkWidget *drop_down = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *search = desk_form_drop_down_get_search_entry (GTK_DROP_DOWN (drop_down));
  GtkWidget *popover = search ? gtk_widget_get_ancestor (search, GTK_TYPE_POPOVER) : NULL;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      (popover != NULL && gtk_widget_get_visible (popover)))
    return FALSE;
  choice_picked (GTK_DROP_DOWN (drop_down), NULL);
  return TRUE;
}

static GtkWidget *
choice_cell (ServiceRow *row,
             int         cell,
             int         width)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (choice_key_pressed), NULL);
  gtk_widget_add_controller (drop_down, keys);
  attach_row (row, drop_down, cell);
  gtk_widget_set_size_request (drop_down, width, -1);
  desk_form_drop_down_init (GTK_DROP_DOWN (drop_down), choice_picked, NULL);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (choice_changed), NULL);
  return drop_down;
}

static void
set_count_text (GtkWidget *entry,
                int        value)
{
  g_autofree char *text = value ? g_strdup_printf ("%d", value) : g_strdup ("");

  /* 0 shows as an empty cell, as on the paper sheet: the counts that
   * happened stand out. */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Appends a row to the grid, filled from @service (NULL: empty). */
static ServiceRow *
add_row (DeskServiceLogEditor     *self,
         const DeskAdviserService *service)
{
  ServiceRow *row = g_rc_box_new0 (ServiceRow);
  int top = 1 + 2 * (int) self->rows->len;
  GtkWidget *box;

  row->editor = self;
  g_ptr_array_add (self->rows, row);

  row->marker = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (row->marker, "error");
  gtk_widget_set_visible (row->marker, FALSE);
  attach_row (row, row->marker, -1);
  gtk_grid_attach (self->grid, row->marker, COLUMN_MARKER, top, 1, 1);

  row->cells[CELL_DATE] = entry_cell (row, CELL_DATE, 11);
  row->cells[CELL_VILLAGE] = choice_cell (row, CELL_VILLAGE, 150);
  row->cells[CELL_MODE] = choice_cell (row, CELL_MODE, 80);
  row->cells[CELL_HOURS] = entry_cell (row, CELL_HOURS, 4);
  for (int i = 0; i < N_COUNTS; i++)
    row->cells[CELL_COUNT + i] = entry_cell (row, CELL_COUNT + i, 3);
  row->cells[CELL_NOTES] = entry_cell (row, CELL_NOTES, 14);
  gtk_widget_set_hexpand (row->cells[CELL_NOTES], TRUE);
  for (int cell = 0; cell < N_CELLS; cell++)
    gtk_grid_attach (self->grid, row->cells[cell], COLUMN_CELL (cell), top, 1, 1);

  row->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (row->delete_button, "flat");
  gtk_widget_set_focusable (row->delete_button, FALSE);
  gtk_widget_set_tooltip_text (row->delete_button, _("Remove This Service"));
  attach_row (row, row->delete_button, -1);
  g_signal_connect (row->delete_button, "clicked", G_CALLBACK (delete_clicked), NULL);
  gtk_grid_attach (self->grid, row->delete_button, COLUMN_DELETE, top, 1, 1);

  row->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->message), 0);
  gtk_label_set_wrap (GTK_LABEL (row->message), TRUE);
  gtk_widget_add_css_class (row->message, "error");
  gtk_widget_add_css_class (row->message, "caption");
  gtk_widget_set_visible (row->message, FALSE);
  attach_row (row, row->message, -1);
  /* A box, so that the row under the cells has a height of 0 when the
   * message is hidden. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), row->message);
  gtk_grid_attach (self->grid, box, COLUMN_CELL (0), top + 1, N_CELLS, 1);

  self->loading++;
  for (guint i = 0; i < self->modes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (self->modes, i);

      desk_form_drop_down_add (GTK_DROP_DOWN (row->cells[CELL_MODE]), code->id, code->label);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->cells[CELL_MODE]), GTK_INVALID_LIST_POSITION);
  if (service != NULL)
    {
      g_autofree char *hours = desk_adviser_format_hours (service->half_hours);

      row->id = service->id;
      gtk_editable_set_text (GTK_EDITABLE (row->cells[CELL_DATE]), service->served_on);
      fill_row_villages (self, row, service->served_on);
      if (!desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]),
                                       service->village_id))
        {
          g_autoptr(DeskVillage) village = desk_village_get (self->store, service->village_id,
                                                            NULL);

          desk_form_drop_down_add (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]),
                                   service->village_id, village ? village->name : "?");
          desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]),
                                      service->village_id);
        }
      if (!desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_MODE]), service->mode_id))
        {
          g_autofree char *label = desk_codes_label (self->store, service->mode_id);
          g_autofree char *retired = g_strdup_printf (_("%s (retired)"), label ? label : "?");

          desk_form_drop_down_add (GTK_DROP_DOWN (row->cells[CELL_MODE]), service->mode_id,
                                   retired);
          desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_MODE]), service->mode_id);
        }
      gtk_editable_set_text (GTK_EDITABLE (row->cells[CELL_HOURS]), hours);
      for (int i = 0; i < N_COUNTS; i++)
        set_count_text (row->cells[CELL_COUNT + i],
                        G_STRUCT_MEMBER (int, service, counts[i].offset));
      gtk_editable_set_text (GTK_EDITABLE (row->cells[CELL_NOTES]),
                             service->notes ? service->notes : "");
    }
  self->loading--;
  name_rows (self);
  return row;
}

/* The next visit after @previous: the next working day, the same village
 * and mode.  Nobody has typed into it yet, so it is not a visit until
 * somebody does. */
static ServiceRow *
add_next_row (DeskServiceLogEditor *self,
              ServiceRow           *previous)
{
  ServiceRow *row = add_row (self, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *date = NULL;

  desk_month_bounds (self->year, self->month, &first, &last);
  if (previous != NULL)
    date = row_date (self, previous, NULL);
  if (date != NULL)
    {
      char *next = desk_date_add_days (date, 1);

      g_free (date);
      date = next;
    }
  else
    date = g_strdup (first);
  while (!desk_is_working_day (self->store, date) && strcmp (date, last) < 0)
    {
      char *next = desk_date_add_days (date, 1);

      g_free (date);
      date = next;
    }

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (row->cells[CELL_DATE]), date);
  fill_row_villages (self, row, date);
  if (previous != NULL)
    {
      desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]),
                                  desk_form_drop_down_get_id (GTK_DROP_DOWN (
                                    previous->cells[CELL_VILLAGE])));
      desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_MODE]),
                                  desk_form_drop_down_get_id (GTK_DROP_DOWN (
                                    previous->cells[CELL_MODE])));
    }
  else
    {
      GListModel *villages = gtk_drop_down_get_model (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]));

      /* The first village the adviser serves, on site: the usual visit. */
      if (self->assignments->len > 0 && g_list_model_get_n_items (villages) > 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]), 0);
      for (guint i = 0; i < self->modes->len; i++)
        {
          DeskCode *code = g_ptr_array_index (self->modes, i);

          if (is_on_site (self, code->id))
            {
              desk_form_drop_down_set_id (GTK_DROP_DOWN (row->cells[CELL_MODE]), code->id);
              break;
            }
        }
    }
  self->loading--;
  set_offered (row, TRUE);
  return row;
}

static void
remove_rows (DeskServiceLogEditor *self)
{
  while (self->rows->len > 0)
    {
      ServiceRow *row = g_ptr_array_index (self->rows, self->rows->len - 1);

      row->gone = TRUE;
      gtk_grid_remove_row (self->grid, 2 * (int) self->rows->len);
      gtk_grid_remove_row (self->grid, 2 * (int) self->rows->len - 1);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
  g_array_set_size (self->deleted, 0);
}

static void
add_headers (DeskServiceLogEditor *self)
{
  struct { const char *label; const char *tooltip; } headers[N_CELLS] = {
    { C_("service", "Date"), _("The day of the month (5) or the date (2026-11-05)") },
    { C_("service", "Village"), NULL },
    { C_("service", "Mode"), NULL },
    { C_("service", "Hours"), _("In hours, halves allowed: 2 or 2.5") },
  };

  GtkWidget *marker_space = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* The markers' column keeps its width, so that the grid does not move
   * when a row is marked. */
  gtk_widget_set_size_request (marker_space, 16, -1);
  gtk_grid_attach (self->grid, marker_space, COLUMN_MARKER, 0, 1, 1);
  headers[CELL_NOTES].label = C_("service", "Notes");
  for (int i = 0; i < N_COUNTS; i++)
    {
      headers[CELL_COUNT + i].label = counts[i].header;
      headers[CELL_COUNT + i].tooltip = _(counts[i].field);
    }
  for (int cell = 0; cell < N_CELLS; cell++)
    {
      GtkWidget *label = gtk_label_new (headers[cell].label);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_tooltip_text (label, headers[cell].tooltip);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->grid, label, COLUMN_CELL (cell), 0, 1, 1);
    }
}

/* ---- the month ---------------------------------------------------------- */

static void
update_title (DeskServiceLogEditor *self)
{
  g_autofree char *reference = NULL;
  g_autofree char *subtitle = NULL;

  if (self->adviser_id > 0)
    reference = desk_adviser_reference (self->store, self->adviser_id);
  if (reference != NULL)
    /* Translators: whose log and which month, e.g. 王明 · 2026年11月 */
    subtitle = g_strdup_printf (_("%s · %d-%02d"), reference, self->year, self->month);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

static void
show_month_widgets (DeskServiceLogEditor *self)
{
  g_autofree char *month = g_strdup_printf ("%04d-%02d", self->year, self->month);

  self->loading++;
  desk_form_drop_down_set_id (self->adviser_dropdown, self->adviser_id);
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), month);
  desk_form_set_error (GTK_WIDGET (self->month_entry), self->month_error, NULL);
  self->loading--;
}

static void
fill_advisers (DeskServiceLogEditor *self)
{
  g_autoptr(GArray) ids = desk_adviser_list (self->store, NULL);

  self->loading++;
  desk_form_drop_down_clear (self->adviser_dropdown);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *reference = desk_adviser_reference (self->store, id);

      if (reference != NULL)
        desk_form_drop_down_add (self->adviser_dropdown, id, reference);
    }
  self->loading--;
}

static gboolean
load_month (DeskServiceLogEditor  *self,
            gint64                 adviser_id,
            int                    year,
            int                    month,
            GError               **error)
{
  DeskAdviserServiceFilter filter = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (
    (GDestroyNotify) desk_adviser_service_free);
  g_autoptr(GArray) ids = NULL;

  desk_month_bounds (year, month, &first, &last);
  if (adviser_id > 0)
    {
      assignments = desk_adviser_assignments (self->store, adviser_id, error);
      if (assignments == NULL)
        return FALSE;
      filter.adviser_id = adviser_id;
      filter.from = first;
      filter.until = last;
      ids = desk_adviser_service_list (self->store, &filter, NULL, error);
      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          DeskAdviserService *service = desk_adviser_service_get (self->store,
                                                                  g_array_index (ids, gint64,
                                                                                 i),
                                                                  error);

          if (service == NULL)
            return FALSE;
          g_ptr_array_add (services, service);
        }
    }
  else
    assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_adviser_assignment_free);

  self->loading++;
  remove_rows (self);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  self->assignments = g_steal_pointer (&assignments);
  self->adviser_id = adviser_id;
  self->year = year;
  self->month = month;
  self->min_visits = desk_settings_get_int (self->store, "adviser-min-visits");
  self->min_hours = desk_settings_get_int (self->store, "adviser-min-hours");
  for (guint i = 0; i < services->len; i++)
    add_row (self, g_ptr_array_index (services, i));
  if (adviser_id > 0)
    add_next_row (self, self->rows->len > 0 ? g_ptr_array_index (self->rows,
                                                                 self->rows->len - 1)
                                            : NULL);
  self->loading--;

  show_message (self, NULL);
  show_month_widgets (self);
  set_modified (self, FALSE);
  update_title (self);
  update_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-row", adviser_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", adviser_id > 0);
  return TRUE;
}

static void
focus_row (DeskServiceLogEditor *self,
           guint                 index,
           int                   cell)
{
  if (index < self->rows->len)
    gtk_widget_grab_focus (((ServiceRow *) g_ptr_array_index (self->rows, index))->cells[cell]);
}

/* Builds the record of a row already checked. */
static DeskAdviserService *
row_service (DeskServiceLogEditor *self,
             ServiceRow           *row)
{
  DeskAdviserService *s = desk_adviser_service_new ();

  s->id = row->id;
  s->adviser_id = self->adviser_id;
  s->served_on = row_date (self, row, NULL);
  s->village_id = desk_form_drop_down_get_id (GTK_DROP_DOWN (row->cells[CELL_VILLAGE]));
  s->mode_id = desk_form_drop_down_get_id (GTK_DROP_DOWN (row->cells[CELL_MODE]));
  desk_adviser_parse_hours (cell_text (row, CELL_HOURS), &s->half_hours, NULL);
  for (int i = 0; i < N_COUNTS; i++)
    desk_form_parse_count (cell_text (row, CELL_COUNT + i), _(counts[i].field),
                           &G_STRUCT_MEMBER (int, s, counts[i].offset), NULL);
  s->notes = desk_form_editable_text (GTK_EDITABLE (row->cells[CELL_NOTES]));
  return s;
}

/* A core error about a row, beside the cell it names. */
static GtkWidget *
show_row_error (ServiceRow   *row,
                const GError *error)
{
  g_autofree char *field = desk_error_get_field (error);
  const char *fields[N_CELLS] = {
    _("Service date"), _("Village served"), _("Service mode"), _("Hours"),
  };
  int cell = CELL_DATE;

  for (int i = 0; i < N_COUNTS; i++)
    fields[CELL_COUNT + i] = _(counts[i].field);
  for (int i = 0; field != NULL && i < N_CELLS; i++)
    if (g_strcmp0 (fields[i], field) == 0)
      cell = i;
  g_free (row->problems[cell]);
  row->problems[cell] = g_strdup (error->message);
  gtk_widget_add_css_class (row->cells[cell], "error");
  update_row_message (row);
  return row->cells[cell];
}

static gboolean
save_rows (DeskServiceLogEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *first = NULL;
  guint wrong = 0, written = 0, removed = 0;
  gint64 adviser_id = self->adviser_id;
  ServiceRow *failed = NULL;

  if (self->adviser_id <= 0)
    {
      show_message (self, _("Choose the legal adviser first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->adviser_dropdown));
      return FALSE;
    }
  show_message (self, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (self->rows, i);
      GtkWidget *cell;

      if (!row_is_live (row))
        continue;
      cell = check_row (self, row);
      if (cell != NULL)
        {
          wrong++;
          if (first == NULL)
            first = cell;
        }
    }
  if (wrong > 0)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u row needs correcting (marked in red); "
                                              "nothing was saved.",
                                              "%u rows need correcting (marked in red); "
                                              "nothing was saved.", wrong), wrong);
      show_message (self, message);
      gtk_widget_grab_focus (first);
      return FALSE;
    }

  if (!desk_store_begin (self->store, &error))
    goto failed;
  for (guint i = 0; i < self->deleted->len; i++)
    {
      if (!desk_adviser_service_delete (self->store, g_array_index (self->deleted, gint64, i),
                                        &error))
        goto rollback;
      removed++;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(DeskAdviserService) s = NULL;

      if (!row_is_live (row) || !row->touched)
        continue;
      s = row_service (self, row);
      if (row->id > 0 ? !desk_adviser_service_update (self->store, s, &error)
                      : desk_adviser_service_create (self->store, s, &error) == 0)
        {
          failed = row;
          goto rollback;
        }
      written++;
    }
  if (!desk_store_commit (self->store, &error))
    goto failed;

  if (!load_month (self, adviser_id, self->year, self->month, &error))
    goto failed;
  /* on with the next visit offered */
  focus_row (self, self->rows->len - 1, CELL_DATE);
  if (written + removed > 0)
    {
      g_autofree char *toast = g_strdup_printf (_("Saved: %u visits written, %u removed"),
                                                written, removed);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (toast));
      g_signal_emit (self, signals[SAVED], 0, adviser_id);
    }
  return TRUE;

rollback:
  desk_store_rollback (self->store);
failed:
  if (failed != NULL)
    {
      GtkWidget *cell = show_row_error (failed, error);

      message = g_strdup_printf (_("Row %u: %s Nothing was saved."),
                                 row_index (self, failed) + 1, error->message);
      show_message (self, message);
      gtk_widget_grab_focus (cell);
    }
  else
    show_message (self, error->message);
  return FALSE;
}

/* ---- callbacks ---------------------------------------------------------- */

static void
cell_changed (GtkWidget *widget)
{
  ServiceRow *row = row_of (widget);
  DeskServiceLogEditor *self = row->editor;
  int cell = cell_of (widget);

  if (row->gone || self->loading > 0)
    return;
  if (!row->touched && row->id == 0)
    set_offered (row, FALSE);
  row->touched = TRUE;
  set_modified (self, TRUE);
  if (cell == CELL_DATE)
    order_row_villages (self, row);
  check_cell (self, row, cell, FALSE);
  update_row_message (row);
  update_summary (self);
}

static void
choice_changed (GtkWidget *widget)
{
  cell_changed (widget);
}

/* Writes the date in its one form once the clerk is done with it. */
static void
normalise_date (DeskServiceLogEditor *self,
                ServiceRow           *row)
{
  g_autofree char *date = row_date (self, row, NULL);

  if (date != NULL && strcmp (date, cell_text (row, CELL_DATE)) != 0)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (row->cells[CELL_DATE]), date);
      self->loading--;
    }
}

static void
cell_done (ServiceRow *row,
           int         cell)
{
  DeskServiceLogEditor *self = row->editor;

  if (!row_is_live (row))
    return;
  if (cell == CELL_DATE)
    normalise_date (self, row);
  check_cell (self, row, cell, TRUE);
  update_row_message (row);
}

/* Enter: the next cell; after the last cell of the last row, a new row. */
static void
move_on (ServiceRow *row,
         int         cell)
{
  DeskServiceLogEditor *self = row->editor;
  guint index = row_index (self, row);

  if (cell + 1 < N_CELLS)
    {
      gtk_widget_grab_focus (row->cells[cell + 1]);
      return;
    }
  if (index + 1 >= self->rows->len)
    add_next_row (self, row);
  focus_row (self, index + 1, CELL_DATE);
}

static void
cell_activated (GtkWidget *widget)
{
  ServiceRow *row = row_of (widget);

  if (row->gone)
    return;
  cell_done (row, cell_of (widget));
  move_on (row, cell_of (widget));
}

static void
cell_left (GtkEventControllerFocus *focus)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  ServiceRow *row = row_of (widget);

  if (row->gone || row->editor->loading > 0)
    return;
  cell_done (row, cell_of (widget));
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  ServiceRow *row = row_of (GTK_WIDGET (drop_down));

  if (row->gone)
    return;
  cell_done (row, cell_of (GTK_WIDGET (drop_down)));
  move_on (row, cell_of (GTK_WIDGET (drop_down)));
}

static void
delete_clicked (GtkWidget *button)
{
  ServiceRow *row = row_of (button);
  DeskServiceLogEditor *self = row->editor;
  guint index = row_index (self, row);

  if (row->gone || index == G_MAXUINT)
    return;
  /* The focus leaves the row before it goes. */
  if (index + 1 < self->rows->len)
    focus_row (self, index + 1, CELL_DATE);
  else if (index > 0)
    focus_row (self, index - 1, CELL_DATE);
  if (row->id > 0)
    g_array_append_val (self->deleted, row->id);
  row->gone = TRUE;
  gtk_grid_remove_row (self->grid, 2 + 2 * (int) index);
  gtk_grid_remove_row (self->grid, 1 + 2 * (int) index);
  g_ptr_array_remove_index (self->rows, index);
  name_rows (self);
  set_modified (self, TRUE);
  update_summary (self);
}

/* ---- switching adviser or month ----------------------------------------- */

static void
switch_now (DeskServiceLogEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!load_month (self, self->pending_adviser, self->pending_year, self->pending_month,
                   &error))
    {
      show_message (self, error->message);
      show_month_widgets (self);
      return;
    }
  focus_row (self, self->rows->len > 0 ? self->rows->len - 1 : 0, CELL_DATE);
}

static void
switch_response (DeskServiceLogEditor *self,
                 const char           *response)
{
  if (g_strcmp0 (response, "discard") == 0 ||
      (g_strcmp0 (response, "save") == 0 && save_rows (self)))
    switch_now (self);
  else
    show_month_widgets (self);   /* stays on the month typed into */
}

static void
request_switch (DeskServiceLogEditor *self,
                gint64                adviser_id,
                int                   year,
                int                   month)
{
  g_autofree char *body = NULL;
  g_autofree char *reference = NULL;
  AdwMessageDialog *dialog;

  self->pending_adviser = adviser_id;
  self->pending_year = year;
  self->pending_month = month;
  if (adviser_id == self->adviser_id && year == self->year && month == self->month)
    return;
  if (!self->modified)
    {
      switch_now (self);
      return;
    }
  reference = desk_adviser_reference (self->store, self->adviser_id);
  body = g_strdup_printf (_("The visits typed for %s in %04d-%02d have not been saved."),
                          reference ? reference : "", self->year, self->month);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save This Month's Log?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (switch_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
adviser_changed (DeskServiceLogEditor *self)
{
  if (self->loading > 0)
    return;
  request_switch (self, desk_form_drop_down_get_id (self->adviser_dropdown), self->year,
                  self->month);
}

static void
adviser_picked (GtkDropDown *drop_down,
                gpointer     user_data)
{
  DeskServiceLogEditor *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->month_entry));
}

static void
month_activated (DeskServiceLogEditor *self)
{
  g_autofree char *typed = desk_form_editable_text (GTK_EDITABLE (self->month_entry));
  int year, month;

  if (!desk_month_parse (typed, &year, &month))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a month; write it as "
                                                    "2026-11"), typed);

      desk_form_set_error (GTK_WIDGET (self->month_entry), self->month_error, message);
      return;
    }
  desk_form_set_error (GTK_WIDGET (self->month_entry), self->month_error, NULL);
  request_switch (self, self->adviser_id, year, month);
  if (!self->modified)
    focus_row (self, self->rows->len > 0 ? self->rows->len - 1 : 0, CELL_DATE);
}

static void
step_month (DeskServiceLogEditor *self,
            int                   step)
{
  int year = self->year;
  int month = self->month + step;

  if (month < 1)
    {
      month = 12;
      year--;
    }
  else if (month > 12)
    {
      month = 1;
      year++;
    }
  request_switch (self, self->adviser_id, year, month);
}

static gboolean
close_idle (gpointer user_data)
{
  DeskServiceLogEditor *self = user_data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
discard_response (DeskServiceLogEditor *self)
{
  /* Closes once the dialog that asked has gone. */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
ask_discard (DeskServiceLogEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("The visits typed into this month "
                           "have not been saved."),
                         G_CALLBACK (discard_response));
}

/* ---- actions ------------------------------------------------------------ */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  desk_service_log_editor_save (DESK_SERVICE_LOG_EDITOR (widget));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (widget);

  if (self->modified && !self->closing)
    ask_discard (self);
  else
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (widget);

  if (self->adviser_id <= 0)
    return;
  add_next_row (self, self->rows->len > 0 ? g_ptr_array_index (self->rows,
                                                               self->rows->len - 1)
                                          : NULL);
  focus_row (self, self->rows->len - 1, CELL_DATE);
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  step_month (DESK_SERVICE_LOG_EDITOR (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_month (DESK_SERVICE_LOG_EDITOR (widget), 1);
}

/* ---- GObject ------------------------------------------------------------ */

static gboolean
desk_service_log_editor_close_request (GtkWindow *window)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_service_log_editor_parent_class)->close_request (window);
}

static void
desk_service_log_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_service_log_editor_dispose (GObject *object)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (object);

  /* Cells losing the focus as they go are not the clerk's doing. */
  self->loading++;
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    ((ServiceRow *) g_ptr_array_index (self->rows, i))->gone = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SERVICE_LOG_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_service_log_editor_parent_class)->dispose (object);
}

static void
desk_service_log_editor_finalize (GObject *object)
{
  DeskServiceLogEditor *self = DESK_SERVICE_LOG_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, g_array_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_clear_pointer (&self->modes, g_ptr_array_unref);
  g_clear_pointer (&self->on_site, g_array_unref);
  G_OBJECT_CLASS (desk_service_log_editor_parent_class)->finalize (object);
}

static void
desk_service_log_editor_class_init (DeskServiceLogEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_service_log_editor_get_property;
  object_class->dispose = desk_service_log_editor_dispose;
  object_class->finalize = desk_service_log_editor_finalize;
  window_class->close_request = desk_service_log_editor_close_request;

  /**
   * DeskServiceLogEditor:modified:
   *
   * Whether something was typed since the month was shown or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskServiceLogEditor::saved:
   * @adviser_id: whose month was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-service-log.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, adviser_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, month_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, month_error);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskServiceLogEditor, status_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "editor.previous-month", NULL,
                                   previous_month_activated);
  gtk_widget_class_install_action (widget_class, "editor.next-month", NULL,
                                   next_month_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK,
                                       "editor.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "editor.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "editor.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

static void
desk_service_log_editor_init (DeskServiceLogEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (row_release);
  self->deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->on_site = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assignments = g_ptr_array_new_with_free_func (
    (GDestroyNotify) desk_adviser_assignment_free);

  add_headers (self);
  desk_form_drop_down_init (self->adviser_dropdown, adviser_picked, self);
  g_signal_connect_swapped (self->adviser_dropdown, "notify::selected",
                            G_CALLBACK (adviser_changed), self);
  g_signal_connect_swapped (self->month_entry, "activate", G_CALLBACK (month_activated), self);
}

/* ---- public API --------------------------------------------------------- */

/**
 * desk_service_log_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): the log, not shown yet, of no adviser;
 *   desk_service_log_editor_show_month() chooses whose month.
 */
DeskServiceLogEditor *
desk_service_log_editor_new (GtkWindow *parent,
                             DeskStore *store)
{
  DeskServiceLogEditor *self;
  g_autofree char *today = desk_today ();
  int year, month, day;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_SERVICE_LOG_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->villages = desk_village_list (store, NULL, NULL);
  if (self->villages == NULL)
    self->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_village_free);
  self->modes = desk_codes_list (store, DESK_CODE_SERVICE_MODE, FALSE);
  for (guint i = 0; i < self->modes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (self->modes, i);

      if (g_strcmp0 (code->report_row, MODE_ON_SITE) == 0)
        g_array_append_val (self->on_site, code->id);
    }
  fill_advisers (self);

  desk_date_to_ymd (today, &year, &month, &day);
  load_month (self, 0, year, month, NULL);
  return self;
}

/**
 * desk_service_log_editor_show_month:
 * @adviser_id: whose log; 0: the first adviser of the register
 *
 * Shows the month @year-@month of the adviser's log, dropping what was
 * typed and not saved (the window asks first when the clerk switches).
 *
 * Returns: %FALSE with @error when the adviser does not exist or the
 *   ledger cannot be read.
 */
gboolean
desk_service_log_editor_show_month (DeskServiceLogEditor  *self,
                                    gint64                 adviser_id,
                                    int                    year,
                                    int                    month,
                                    GError               **error)
{
  g_autoptr(DeskAdviser) adviser = NULL;

  g_return_val_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  if (adviser_id <= 0)
    {
      GListModel *advisers = gtk_drop_down_get_model (self->adviser_dropdown);

      if (g_list_model_get_n_items (advisers) > 0)
        {
          self->loading++;
          gtk_drop_down_set_selected (self->adviser_dropdown, 0);
          self->loading--;
          adviser_id = desk_form_drop_down_get_id (self->adviser_dropdown);
        }
    }
  else
    {
      adviser = desk_adviser_get (self->store, adviser_id, error);
      if (adviser == NULL)
        return FALSE;
    }
  if (!load_month (self, adviser_id, year, month, error))
    return FALSE;
  if (adviser_id <= 0)
    {
      show_message (self, _("No legal adviser is registered yet: add the advisers first."));
      return TRUE;
    }
  focus_row (self, self->rows->len - 1, CELL_DATE);
  return TRUE;
}

gint64
desk_service_log_editor_get_adviser_id (DeskServiceLogEditor *self)
{
  g_return_val_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self), 0);
  return self->adviser_id;
}

void
desk_service_log_editor_get_month (DeskServiceLogEditor *self,
                                   int                  *year,
                                   int                  *month)
{
  g_return_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self));
  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

gboolean
desk_service_log_editor_get_modified (DeskServiceLogEditor *self)
{
  g_return_val_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self), FALSE);
  return self->modified;
}

/* The rows of the grid, the next visit offered included. */
guint
desk_service_log_editor_get_n_rows (DeskServiceLogEditor *self)
{
  g_return_val_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self), 0);
  return self->rows->len;
}

/**
 * desk_service_log_editor_save:
 *
 * Writes every row typed or changed, and removes the rows removed, in one
 * transaction; nothing when a row is wrong (the rows are marked, the
 * message says how many).
 *
 * Returns: whether the month was saved.
 */
gboolean
desk_service_log_editor_save (DeskServiceLogEditor *self)
{
  g_return_val_if_fail (DESK_IS_SERVICE_LOG_EDITOR (self), FALSE);
  return save_rows (self);
}

/**
 * desk_service_log_describe_minimum:
 * @half_hours: the month's on-site time, in half hours
 * @met: (out) (optional): whether the minimum is met
 *
 * Returns: (transfer full): "达标", or what is missing: "未达标：还差 1 次 /
 *   2.5 小时".
 */
char *
desk_service_log_describe_minimum (int       visits,
                                   int       half_hours,
                                   int       min_visits,
                                   int       min_hours,
                                   gboolean *met)
{
  g_autoptr(GPtrArray) short_of = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (visits < min_visits)
    g_ptr_array_add (short_of, g_strdup_printf (_("%d visits"), min_visits - visits));
  if (half_hours < 2 * min_hours)
    {
      g_autofree char *missing = desk_adviser_format_hours (2 * min_hours - half_hours);

      g_ptr_array_add (short_of, g_strdup_printf (_("%s hours"), missing));
    }
  if (met != NULL)
    *met = short_of->len == 0;
  if (short_of->len == 0)
    return g_strdup (_("Meets the minimum"));
  g_ptr_array_add (short_of, NULL);
  joined = g_strjoinv (" / ", (char **) short_of->pdata);
  /* Translators: e.g. 未达标：还差 1 次 / 2.5 小时 */
  return g_strdup_printf (_("Short of the minimum: %s more"), joined);
}
