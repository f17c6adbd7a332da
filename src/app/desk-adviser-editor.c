/* desk-adviser-editor.c — the form of one village legal adviser
 * (村(居)法律顾问) and the villages the adviser serves.
 *
 * A modal window over the main one: 姓名, 性别, 手机, 执业类别, 执业机构,
 * 执业证号, 聘期, then the villages served, one row per assignment, each with
 * its own dates.  A village the adviser stops serving is ended on a date
 * (its row keeps its history); a row typed wrongly is corrected in place or
 * removed.  Keyboard-first like the other editors: Enter moves on, Ctrl+S
 * or Ctrl+Enter saves, Escape asks before discarding; each field and row
 * is checked as it is typed, the message beneath it.
 *
 * Nothing is written until the clerk saves; the adviser and every change
 * to the rows are then written in one transaction, so that a refused row
 * leaves the ledger as it was and the form as it was typed.  Two rows for
 * the same village whose periods overlap are refused beside the later row
 * before the core would refuse them.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-adviser-editor.h"
#include "desk-adviser.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-register.h"

/* The 执业类别 whose licence number has 17 digits (data). */
#define PRACTICE_LAWYER "律师"
#define LAWYER_LICENCE_DIGITS 17

typedef struct _Assignment Assignment;

struct _DeskAdviserEditor
{
  AdwWindow       parent_instance;

  DeskStore      *store;
  DeskAdviser    *record;         /* as last loaded; NULL: new */
  GPtrArray      *assignments;    /* (element-type Assignment) the rows, in order; unowned */
  GArray         *removed;        /* ids of saved assignments whose rows were removed */
  gboolean        modified;
  guint           loading;
  gboolean        closing;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkWidget      *delete_button;
  GtkWidget      *message_label;
  GtkLabel       *name_label;
  GtkEntry       *name_entry;
  GtkWidget      *name_error;
  GtkLabel       *sex_label;
  GtkDropDown    *sex_dropdown;
  GtkWidget      *sex_error;
  GtkLabel       *phone_label;
  GtkEntry       *phone_entry;
  GtkWidget      *phone_error;
  GtkLabel       *practice_label;
  GtkDropDown    *practice_dropdown;
  GtkWidget      *practice_error;
  GtkLabel       *institution_label;
  GtkEntry       *institution_entry;
  GtkWidget      *institution_error;
  GtkLabel       *licence_label;
  GtkEntry       *licence_entry;
  GtkWidget      *licence_error;
  GtkLabel       *term_from_label;
  GtkEntry       *term_from_entry;
  GtkWidget      *term_from_error;
  GtkPopover     *term_from_calendar_popover;
  GtkCalendar    *term_from_calendar;
  GtkLabel       *term_until_label;
  GtkEntry       *term_until_entry;
  GtkWidget      *term_until_error;
  GtkPopover     *term_until_calendar_popover;
  GtkCalendar    *term_until_calendar;
  GtkListBox     *assignment_list;
  GtkWidget      *add_button;
};

/* One row of the villages served.  It lives as long as its list row (the
 * row holds it), so that a callback of a row being removed still finds
 * it. */
struct _Assignment
{
  DeskAdviserEditor *editor;
  gint64             id;            /* 0: not saved yet */
  gint64             saved_village;
  char              *saved_from;
  char              *saved_until;
  GtkWidget         *row;
  GtkDropDown       *village;
  GtkEntry          *from;
  GtkEntry          *until;
  GtkLabel          *state;
  GtkMenuButton     *end_button;
  GtkPopover        *end_popover;
  GtkEntry          *end_entry;
  GtkWidget         *delete_button;
  GtkWidget         *message;
};

G_DEFINE_FINAL_TYPE (DeskAdviserEditor, desk_adviser_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ADVISER_ID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void check_rows (DeskAdviserEditor *self,
                        Assignment        *typed_in,
                        gboolean           final);

/* Helpers */

static void
set_modified (DeskAdviserEditor *self,
              gboolean           modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskAdviserEditor *self,
              const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static char *
selected_label (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* Selects @id, adding it (marked retired) when the list of active choices
 * lacks it: an old record keeps what it was saved with. */
static void
select_or_add (GtkDropDown *drop_down,
               gint64       id,
               const char  *label)
{
  g_autofree char *retired = NULL;

  if (id <= 0 || desk_form_drop_down_set_id (drop_down, id) || label == NULL)
    return;
  retired = g_strdup_printf (_("%s (retired)"), label);
  desk_form_drop_down_add (drop_down, id, retired);
  desk_form_drop_down_set_id (drop_down, id);
}

/* A date that may lie in the future (a term agreed ahead, an assignment
 * running to its end), as typed: NULL for empty, @bad set when it is not
 * a date. */
static char *
parse_date (GtkEntry  *entry,
            char     **typed,
            gboolean  *bad)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (entry));
  char *date = NULL;

  *bad = FALSE;
  if (*raw != '\0')
    {
      date = desk_date_parse (raw, 0);
      *bad = date == NULL;
    }
  if (typed != NULL)
    *typed = g_steal_pointer (&raw);
  return date;
}

/* Writes the date in its one form once the clerk is done with it. */
static void
normalise_date (DeskAdviserEditor *self,
                GtkEntry          *entry)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (entry));
  g_autofree char *date = *raw != '\0' ? desk_date_parse (raw, 0) : NULL;

  if (date != NULL && strcmp (date, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (entry), date);
      self->loading--;
    }
}

/* The rows' order, for Enter: after the last row, Save. */
static GtkWidget *
first_row_field (DeskAdviserEditor *self)
{
  if (self->assignments->len == 0)
    return self->save_button;
  return GTK_WIDGET (((Assignment *) g_ptr_array_index (self->assignments, 0))->village);
}

/* The fields in the paper form's order, which Enter follows. */
static void
focus_next (DeskAdviserEditor *self,
            GtkWidget         *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->name_entry), GTK_WIDGET (self->sex_dropdown),
    GTK_WIDGET (self->phone_entry), GTK_WIDGET (self->practice_dropdown),
    GTK_WIDGET (self->institution_entry), GTK_WIDGET (self->licence_entry),
    GTK_WIDGET (self->term_from_entry), GTK_WIDGET (self->term_until_entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == field)
      {
        gtk_widget_grab_focus (i + 1 < G_N_ELEMENTS (order) ? order[i + 1]
                                                            : first_row_field (self));
        return;
      }
}

/* ---- the adviser's own fields ------------------------------------------ */

/* Shows @message under @field when it is an error that must be shown now:
 * always when @final, and while typing once a message is showing (so that
 * it goes as soon as the text is right). */
static void
show_check (GtkWidget  *field,
            GtkWidget  *message_label,
            const char *message,
            gboolean    final)
{
  if (message == NULL || final || gtk_widget_get_visible (message_label))
    desk_form_set_error (field, message_label, message);
}

static gboolean
check_name (DeskAdviserEditor *self,
            gboolean           final)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  name = desk_validate_name (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                             gtk_label_get_text (self->name_label), &error);
  show_check (GTK_WIDGET (self->name_entry), self->name_error,
              error ? desk_form_error_problem (error) : NULL, final);
  return name != NULL;
}

static gboolean
check_phone (DeskAdviserEditor *self,
             gboolean           final)
{
  g_autofree char *typed = desk_form_editable_text (GTK_EDITABLE (self->phone_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;

  if (*typed != '\0')
    phone = desk_validate_mobile (typed, &error);
  show_check (GTK_WIDGET (self->phone_entry), self->phone_error,
              error ? desk_form_error_problem (error) : NULL, final);
  return error == NULL;
}

static gboolean
check_practice (DeskAdviserEditor *self,
                gboolean           final)
{
  gboolean chosen = desk_form_drop_down_get_id (self->practice_dropdown) > 0;

  show_check (GTK_WIDGET (self->practice_dropdown), self->practice_error,
              chosen ? NULL : _("choose a value from the list"), final);
  return chosen;
}

static gboolean
check_institution (DeskAdviserEditor *self,
                   gboolean           final)
{
  g_autofree char *typed = desk_form_editable_text (GTK_EDITABLE (self->institution_entry));
  gboolean ok = *typed != '\0';

  show_check (GTK_WIDGET (self->institution_entry), self->institution_error,
              ok ? NULL : _("enter the law firm or legal service office"), final);
  return ok;
}

/* A lawyer's licence number has 17 digits; other advisers' numbers take
 * any form.  The count typed so far helps with a long number. */
static gboolean
check_licence (DeskAdviserEditor *self,
               gboolean           final)
{
  g_autofree char *typed = desk_form_editable_text (GTK_EDITABLE (self->licence_entry));
  g_autofree char *practice = selected_label (self->practice_dropdown);
  g_autofree char *message = NULL;
  size_t len = strlen (typed);

  if (len > 0 && g_strcmp0 (practice, PRACTICE_LAWYER) == 0 &&
      (len != LAWYER_LICENCE_DIGITS || strspn (typed, "0123456789") != len))
    {
      if (strspn (typed, "0123456789") == len)
        /* Translators: a lawyer's licence number has 17 digits (%d typed so far) */
        message = g_strdup_printf (_("a lawyer's licence number has 17 digits; %d typed"),
                                   (int) g_utf8_strlen (typed, -1));
      else
        message = g_strdup (_("a lawyer's licence number has 17 digits"));
    }
  show_check (GTK_WIDGET (self->licence_entry), self->licence_error, message, final);
  return message == NULL;
}

static gboolean
check_term (DeskAdviserEditor *self,
            gboolean           final)
{
  g_autofree char *from_typed = NULL;
  g_autofree char *until_typed = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *from_message = NULL;
  g_autofree char *until_message = NULL;
  gboolean bad_from, bad_until;

  from = parse_date (self->term_from_entry, &from_typed, &bad_from);
  until = parse_date (self->term_until_entry, &until_typed, &bad_until);
  if (*from_typed == '\0')
    from_message = g_strdup (_("enter the date the term starts"));
  else if (bad_from)
    from_message = g_strdup_printf (_("“%s” is not a date; write it as 2026-10-01"), from_typed);
  if (bad_until)
    until_message = g_strdup_printf (_("“%s” is not a date; write it as 2026-10-01"),
                                     until_typed);
  else if (from != NULL && until != NULL && strcmp (until, from) < 0)
    until_message = g_strdup_printf (_("%s is before the start %s"), until, from);
  show_check (GTK_WIDGET (self->term_from_entry), self->term_from_error, from_message, final);
  show_check (GTK_WIDGET (self->term_until_entry), self->term_until_error, until_message,
              final);
  return from_message == NULL && until_message == NULL;
}

/* ---- the villages served ------------------------------------------------ */

static void
assignment_free (Assignment *a)
{
  g_free (a->saved_from);
  g_free (a->saved_until);
  g_free (a);
}

static void
set_row_error (Assignment *a,
               GtkWidget  *cell,
               const char *message)
{
  GtkWidget *cells[] = { GTK_WIDGET (a->village), GTK_WIDGET (a->from), GTK_WIDGET (a->until) };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    if (cells[i] != cell || message == NULL)
      gtk_widget_remove_css_class (cells[i], "error");
  if (cell != NULL && message != NULL)
    desk_form_set_error (cell, a->message, message);
  else
    {
      gtk_label_set_text (GTK_LABEL (a->message), message ? message : "");
      gtk_widget_set_visible (a->message, message != NULL);
    }
  if (message != NULL)
    gtk_widget_add_css_class (a->row, "error");
  else
    gtk_widget_remove_css_class (a->row, "error");
}

/* Whether the assignment runs on @today: shown beside its dates. */
static void
update_state (Assignment *a,
              const char *from,
              const char *until)
{
  g_autofree char *today = desk_today ();
  const char *text = "";
  const char *style = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (a->state), "success");
  if (from != NULL && strcmp (from, today) > 0)
    text = _("Not started");
  else if (from != NULL && until != NULL && strcmp (until, today) < 0)
    text = _("Ended");
  else if (from != NULL)
    {
      text = _("Serving");
      style = "success";
    }
  gtk_label_set_text (a->state, text);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (a->state), style);
}

/* What is wrong with row @index, and in which of its cells; NULL when it
 * is right.  A row overlapping an earlier row of the same village is
 * wrong, so that the message stands beside the row just typed. */
static char *
row_problem (DeskAdviserEditor  *self,
             guint               index,
             GtkWidget         **cell,
             gboolean           *overlap)
{
  Assignment *a = g_ptr_array_index (self->assignments, index);
  g_autofree char *from_typed = NULL;
  g_autofree char *until_typed = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  gboolean bad_from, bad_until;
  gint64 village = desk_form_drop_down_get_id (a->village);

  *overlap = FALSE;
  from = parse_date (a->from, &from_typed, &bad_from);
  until = parse_date (a->until, &until_typed, &bad_until);
  update_state (a, from, bad_until ? NULL : until);

  *cell = GTK_WIDGET (a->village);
  if (village <= 0)
    return g_strdup (_("choose the village or community served"));
  *cell = GTK_WIDGET (a->from);
  if (*from_typed == '\0')
    return g_strdup (_("enter the date the service starts"));
  if (bad_from)
    return g_strdup_printf (_("“%s” is not a date; write it as 2026-10-01"), from_typed);
  *cell = GTK_WIDGET (a->until);
  if (bad_until)
    return g_strdup_printf (_("“%s” is not a date; write it as 2026-10-01"), until_typed);
  if (until != NULL && strcmp (until, from) < 0)
    return g_strdup_printf (_("%s is before the start %s"), until, from);

  /* Two periods overlap when each starts on or before the other's end;
   * an empty end is open. */
  for (guint i = 0; i < index; i++)
    {
      Assignment *b = g_ptr_array_index (self->assignments, i);
      g_autofree char *b_from = NULL;
      g_autofree char *b_until = NULL;
      gboolean b_bad_from, b_bad_until;

      if (desk_form_drop_down_get_id (b->village) != village)
        continue;
      b_from = parse_date (b->from, NULL, &b_bad_from);
      b_until = parse_date (b->until, NULL, &b_bad_until);
      if (b_from == NULL || b_bad_until)
        continue;
      if (strcmp (b_from, until ? until : "9999-12-31") <= 0 &&
          strcmp (from, b_until ? b_until : "9999-12-31") <= 0)
        {
          *cell = GTK_WIDGET (a->from);
          *overlap = TRUE;
          return g_strdup_printf (_("overlaps the adviser's assignment to this village from %s "
                                    "until %s"),
                                  b_from, b_until ? b_until : _("no end date"));
        }
    }
  return NULL;
}

/* Checks every row.  A row's message shows when the clerk is done with it
 * (@final for @typed_in, or every row when @typed_in is NULL), follows the
 * typing once shown, and shows at once for an overlap, which is about two
 * rows.  Returns the first wrong cell. */
static GtkWidget *
check_rows_full (DeskAdviserEditor *self,
                 Assignment        *typed_in,
                 gboolean           final)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < self->assignments->len; i++)
    {
      Assignment *a = g_ptr_array_index (self->assignments, i);
      GtkWidget *cell = NULL;
      gboolean overlap;
      g_autofree char *problem = row_problem (self, i, &cell, &overlap);
      gboolean now = final && (typed_in == NULL || typed_in == a);

      if (problem == NULL)
        set_row_error (a, NULL, NULL);
      else if (now || overlap || gtk_widget_get_visible (a->message))
        set_row_error (a, cell, problem);
      if (problem != NULL && first == NULL)
        first = cell;
    }
  return first;
}

static void
check_rows (DeskAdviserEditor *self,
            Assignment        *typed_in,
            gboolean           final)
{
  check_rows_full (self, typed_in, final);
}

static void
name_rows (DeskAdviserEditor *self)
{
  /* Names by position, so that the rows can be told apart (tests,
   * accessibility tools). */
  for (guint i = 0; i < self->assignments->len; i++)
    {
      Assignment *a = g_ptr_array_index (self->assignments, i);
      struct { GtkWidget *widget; const char *what; } cells[] = {
        { GTK_WIDGET (a->village), "village" },
        { GTK_WIDGET (a->from), "from" },
        { GTK_WIDGET (a->until), "until" },
        { GTK_WIDGET (a->state), "state" },
        { GTK_WIDGET (a->end_button), "end" },
        { GTK_WIDGET (a->end_entry), "end-date" },
        { a->delete_button, "delete" },
        { a->message, "error" },
      };

      for (guint j = 0; j < G_N_ELEMENTS (cells); j++)
        {
          g_autofree char *name = g_strdup_printf ("assignment-%s-%u", cells[j].what, i);

          gtk_widget_set_name (cells[j].widget, name);
        }
    }
}

static void
row_changed (Assignment *a)
{
  DeskAdviserEditor *self = a->editor;

  if (self->loading > 0)
    return;
  check_rows (self, a, FALSE);
  set_modified (self, TRUE);
}

/* After the row's last cell: the next row, or Save. */
static void
focus_after_row (Assignment *a)
{
  DeskAdviserEditor *self = a->editor;
  guint index;

  if (g_ptr_array_find (self->assignments, a, &index) && index + 1 < self->assignments->len)
    gtk_widget_grab_focus (GTK_WIDGET (((Assignment *)
                                        g_ptr_array_index (self->assignments,
                                                           index + 1))->village));
  else
    gtk_widget_grab_focus (self->save_button);
}

static void
row_village_picked (GtkDropDown *drop_down,
                    gpointer     user_data)
{
  Assignment *a = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (a->from));
}

static void
row_from_activated (Assignment *a)
{
  normalise_date (a->editor, a->from);
  check_rows (a->editor, a, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (a->until));
}

static void
row_until_activated (Assignment *a)
{
  normalise_date (a->editor, a->until);
  check_rows (a->editor, a, TRUE);
  focus_after_row (a);
}

static void
row_cell_left (GtkEventControllerFocus *focus,
               Assignment              *a)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (a->editor->loading > 0)
    return;
  normalise_date (a->editor, GTK_ENTRY (entry));
  check_rows (a->editor, a, TRUE);
}

static void
end_shown (Assignment *a)
{
  g_autofree char *today = desk_today ();
  g_autofree char *until = desk_form_editable_text (GTK_EDITABLE (a->until));

  gtk_editable_set_text (GTK_EDITABLE (a->end_entry), *until != '\0' ? until : today);
  gtk_widget_grab_focus (GTK_WIDGET (a->end_entry));
  gtk_editable_select_region (GTK_EDITABLE (a->end_entry), 0, -1);
}

/* Ending an assignment is giving it its last day: the row stays, with its
 * history. */
static void
end_apply (Assignment *a)
{
  g_autofree char *typed = desk_form_editable_text (GTK_EDITABLE (a->end_entry));
  g_autofree char *date = desk_date_parse (typed, 0);

  gtk_popover_popdown (a->end_popover);
  gtk_editable_set_text (GTK_EDITABLE (a->until), date ? date : typed);
  check_rows (a->editor, a, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (a->until));
}

static void
row_delete_clicked (Assignment *a)
{
  DeskAdviserEditor *self = a->editor;
  guint index = 0;

  if (!g_ptr_array_find (self->assignments, a, &index))
    return;
  if (a->id > 0)
    g_array_append_val (self->removed, a->id);
  g_ptr_array_remove_index (self->assignments, index);
  gtk_list_box_remove (self->assignment_list, a->row);   /* frees @a */
  name_rows (self);
  check_rows (self, NULL, FALSE);
  set_modified (self, TRUE);
  if (index < self->assignments->len)
    gtk_widget_grab_focus (GTK_WIDGET (((Assignment *)
                                        g_ptr_array_index (self->assignments,
                                                           index))->village));
  else
    gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
date_cell (const char *placeholder,
           const char *tooltip)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return entry;
}

static void
fill_villages (DeskAdviserEditor *self,
               GtkDropDown       *drop_down)
{
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) villages = desk_village_list (self->store, today, NULL);

  desk_form_drop_down_clear (drop_down);
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);

      desk_form_drop_down_add (drop_down, village->id, village->name);
    }
}

/* A new row in the list, filled from @saved (NULL: an empty new row). */
static Assignment *
add_row (DeskAdviserEditor           *self,
         const DeskAdviserAssignment *saved)
{
  Assignment *a = g_new0 (Assignment, 1);
  GtkWidget *box, *cells, *label, *popover_box, *apply, *button;
  GtkEventController *focus;

  a->editor = self;
  a->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (a->row), FALSE);
  gtk_widget_set_focusable (a->row, FALSE);
  g_object_set_data_full (G_OBJECT (a->row), "desk-assignment", a,
                          (GDestroyNotify) assignment_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), cells);

  a->village = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (a->village), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (a->village), 180, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (a->village),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Village served"), -1);
  desk_form_drop_down_init (a->village, row_village_picked, a);
  fill_villages (self, a->village);
  gtk_box_append (GTK_BOX (cells), GTK_WIDGET (a->village));

  a->from = GTK_ENTRY (date_cell ("2026-01-01", _("Serves from")));
  gtk_box_append (GTK_BOX (cells), GTK_WIDGET (a->from));
  /* Translators: between the first and the last day of an assignment */
  label = gtk_label_new (_("to"));
  gtk_box_append (GTK_BOX (cells), label);
  a->until = GTK_ENTRY (date_cell (_("no end date"), _("Serves until")));
  gtk_box_append (GTK_BOX (cells), GTK_WIDGET (a->until));

  a->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (a->state, 4);
  gtk_widget_add_css_class (GTK_WIDGET (a->state), "caption");
  gtk_box_append (GTK_BOX (cells), GTK_WIDGET (a->state));

  /* 结束: the last day served, in a popover so that Enter applies it */
  a->end_popover = GTK_POPOVER (gtk_popover_new ());
  popover_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (popover_box), gtk_label_new (_("Last day served")));
  a->end_entry = GTK_ENTRY (date_cell ("2026-06-30", NULL));
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (a->end_entry));
  apply = gtk_button_new_with_mnemonic (_("_End"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (popover_box), apply);
  gtk_popover_set_child (a->end_popover, popover_box);
  a->end_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (a->end_button, _("End Service"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (a->end_button),
                               _("End the service of this village on a date"));
  gtk_menu_button_set_popover (a->end_button, GTK_WIDGET (a->end_popover));
  gtk_widget_set_valign (GTK_WIDGET (a->end_button), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cells), GTK_WIDGET (a->end_button));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove this row (a mistake)"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  a->delete_button = button;
  gtk_box_append (GTK_BOX (cells), button);

  a->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (a->message), 0);
  gtk_label_set_wrap (GTK_LABEL (a->message), TRUE);
  gtk_widget_add_css_class (a->message, "error");
  gtk_widget_add_css_class (a->message, "caption");
  gtk_widget_set_visible (a->message, FALSE);
  gtk_box_append (GTK_BOX (box), a->message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (a->row), box);

  self->loading++;
  if (saved != NULL)
    {
      g_autoptr(DeskVillage) village = desk_village_get (self->store, saved->village_id, NULL);

      a->id = saved->id;
      a->saved_village = saved->village_id;
      a->saved_from = g_strdup (saved->from_date);
      a->saved_until = g_strdup (saved->until_date);
      select_or_add (a->village, saved->village_id, village ? village->name : NULL);
      gtk_editable_set_text (GTK_EDITABLE (a->from), saved->from_date);
      gtk_editable_set_text (GTK_EDITABLE (a->until),
                             saved->until_date ? saved->until_date : "");
    }
  else
    gtk_drop_down_set_selected (a->village, GTK_INVALID_LIST_POSITION);
  self->loading--;

  g_signal_connect_swapped (a->village, "notify::selected", G_CALLBACK (row_changed), a);
  g_signal_connect_swapped (a->from, "changed", G_CALLBACK (row_changed), a);
  g_signal_connect_swapped (a->until, "changed", G_CALLBACK (row_changed), a);
  g_signal_connect_swapped (a->from, "activate", G_CALLBACK (row_from_activated), a);
  g_signal_connect_swapped (a->until, "activate", G_CALLBACK (row_until_activated), a);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (row_cell_left), a);
  gtk_widget_add_controller (GTK_WIDGET (a->from), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (row_cell_left), a);
  gtk_widget_add_controller (GTK_WIDGET (a->until), focus);
  g_signal_connect_swapped (a->end_popover, "show", G_CALLBACK (end_shown), a);
  g_signal_connect_swapped (a->end_entry, "activate", G_CALLBACK (end_apply), a);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (end_apply), a);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (row_delete_clicked), a);

  gtk_list_box_append (self->assignment_list, a->row);
  g_ptr_array_add (self->assignments, a);
  name_rows (self);
  {
    g_autofree char *from = NULL;
    g_autofree char *until = NULL;
    gboolean bad;

    from = parse_date (a->from, NULL, &bad);
    until = parse_date (a->until, NULL, &bad);
    update_state (a, from, until);
  }
  return a;
}

static void
clear_rows (DeskAdviserEditor *self)
{
  while (self->assignments->len > 0)
    {
      Assignment *a = g_ptr_array_steal_index (self->assignments, self->assignments->len - 1);

      gtk_list_box_remove (self->assignment_list, a->row);
    }
  g_array_set_size (self->removed, 0);
}

static gboolean
row_is_changed (Assignment *a)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  gboolean bad;

  from = parse_date (a->from, NULL, &bad);
  until = parse_date (a->until, NULL, &bad);
  return a->id == 0 || desk_form_drop_down_get_id (a->village) != a->saved_village ||
         g_strcmp0 (from, a->saved_from) != 0 || g_strcmp0 (until, a->saved_until) != 0;
}

/* Writes one row of @adviser_id; inside the save's transaction. */
static gboolean
write_row (DeskAdviserEditor  *self,
           Assignment         *a,
           gint64              adviser_id,
           GError            **error)
{
  g_autoptr(DeskAdviserAssignment) x = desk_adviser_assignment_new ();
  gboolean bad;

  x->id = a->id;
  x->adviser_id = adviser_id;
  x->village_id = desk_form_drop_down_get_id (a->village);
  x->from_date = parse_date (a->from, NULL, &bad);
  x->until_date = parse_date (a->until, NULL, &bad);
  if (a->id > 0)
    return desk_adviser_assignment_update (self->store, x, error);
  return desk_adviser_assignment_create (self->store, x, error) > 0;
}

/* A core error about row @a, beside it. */
static GtkWidget *
show_row_error (Assignment   *a,
                const GError *error)
{
  g_autofree char *field = desk_error_get_field (error);
  GtkWidget *cell = NULL;

  if (g_strcmp0 (field, _("Village served")) == 0)
    cell = GTK_WIDGET (a->village);
  else if (g_strcmp0 (field, _("Serves from")) == 0)
    cell = GTK_WIDGET (a->from);
  else if (g_strcmp0 (field, _("Serves until")) == 0)
    cell = GTK_WIDGET (a->until);
  set_row_error (a, cell, cell ? desk_form_error_problem (error) : error->message);
  return cell ? cell : GTK_WIDGET (a->village);
}

/* ---- the whole form ----------------------------------------------------- */

/* Checks every field and row, marks the wrong ones and returns the first of
 * them, or NULL when all are right. */
static GtkWidget *
check_all (DeskAdviserEditor *self)
{
  GtkWidget *first = NULL;
  GtkWidget *in_rows;

  if (!check_name (self, TRUE))
    first = GTK_WIDGET (self->name_entry);
  if (!check_phone (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->phone_entry);
  if (!check_practice (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->practice_dropdown);
  if (!check_institution (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->institution_entry);
  if (!check_licence (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->licence_entry);
  if (!check_term (self, TRUE) && first == NULL)
    first = gtk_widget_has_css_class (GTK_WIDGET (self->term_from_entry), "error")
            ? GTK_WIDGET (self->term_from_entry) : GTK_WIDGET (self->term_until_entry);
  in_rows = check_rows_full (self, NULL, TRUE);
  if (in_rows != NULL && first == NULL)
    first = in_rows;
  return first;
}

/* Puts a core error beside the field it names; returns the field, or NULL
 * when it names none of them. */
static GtkWidget *
show_field_error (DeskAdviserEditor *self,
                  const GError      *error)
{
  struct { GtkLabel *label; GtkWidget *field; GtkWidget *message; } slots[] = {
    { self->name_label, GTK_WIDGET (self->name_entry), self->name_error },
    { self->sex_label, GTK_WIDGET (self->sex_dropdown), self->sex_error },
    { self->phone_label, GTK_WIDGET (self->phone_entry), self->phone_error },
    { self->practice_label, GTK_WIDGET (self->practice_dropdown), self->practice_error },
    { self->institution_label, GTK_WIDGET (self->institution_entry), self->institution_error },
    { self->licence_label, GTK_WIDGET (self->licence_entry), self->licence_error },
    { self->term_from_label, GTK_WIDGET (self->term_from_entry), self->term_from_error },
    { self->term_until_label, GTK_WIDGET (self->term_until_entry), self->term_until_error },
  };
  g_autofree char *field = desk_error_get_field (error);

  /* A second adviser of the same name and institution: both fields. */
  if (g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE))
    {
      desk_form_set_error (GTK_WIDGET (self->institution_entry), self->institution_error,
                           error->message);
      return GTK_WIDGET (self->name_entry);
    }
  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (field, gtk_label_get_text (slots[i].label)))
      {
        desk_form_set_error (slots[i].field, slots[i].message, desk_form_error_problem (error));
        return slots[i].field;
      }
  return NULL;
}

static void
clear_errors (DeskAdviserEditor *self)
{
  desk_form_set_error (GTK_WIDGET (self->name_entry), self->name_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->sex_dropdown), self->sex_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->phone_entry), self->phone_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->practice_dropdown), self->practice_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->institution_entry), self->institution_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->licence_entry), self->licence_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->term_from_entry), self->term_from_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->term_until_entry), self->term_until_error, NULL);
  show_message (self, NULL);
}

static void
update_title (DeskAdviserEditor *self)
{
  g_autofree char *title = NULL;

  if (self->record != NULL)
    /* Translators: the title of a saved adviser, e.g. 法律顾问 王明 */
    title = g_strdup_printf (_("Legal Adviser %s"), self->record->name);
  else
    title = g_strdup (_("New Legal Adviser"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->record ? self->record->institution : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
}

static void
fill_choices (DeskAdviserEditor *self)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, DESK_CODE_PRACTICE_TYPE, FALSE);

  desk_form_drop_down_clear (self->sex_dropdown);
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_UNKNOWN, _("Not given"));
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_MALE, desk_sex_label (DESK_SEX_MALE));
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_FEMALE,
                           desk_sex_label (DESK_SEX_FEMALE));
  desk_form_drop_down_set_id (self->sex_dropdown, DESK_SEX_UNKNOWN);

  desk_form_drop_down_clear (self->practice_dropdown);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);

      desk_form_drop_down_add (self->practice_dropdown, code->id, code->label);
    }
  gtk_drop_down_set_selected (self->practice_dropdown, GTK_INVALID_LIST_POSITION);
}

static void
close_now (DeskAdviserEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_ADVISER_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_after_dialog (DeskAdviserEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

/* Callbacks */

static void
field_changed (DeskAdviserEditor *self,
               GtkWidget         *field)
{
  if (self->loading > 0)
    return;
  if (field == GTK_WIDGET (self->name_entry))
    check_name (self, FALSE);
  else if (field == GTK_WIDGET (self->phone_entry))
    check_phone (self, FALSE);
  else if (field == GTK_WIDGET (self->institution_entry))
    check_institution (self, FALSE);
  else if (field == GTK_WIDGET (self->licence_entry))
    check_licence (self, FALSE);
  else if (field == GTK_WIDGET (self->term_from_entry) ||
           field == GTK_WIDGET (self->term_until_entry))
    check_term (self, FALSE);
  set_modified (self, TRUE);
}

static gboolean
check_field (DeskAdviserEditor *self,
             GtkWidget         *field)
{
  if (field == GTK_WIDGET (self->name_entry))
    return check_name (self, TRUE);
  if (field == GTK_WIDGET (self->phone_entry))
    return check_phone (self, TRUE);
  if (field == GTK_WIDGET (self->institution_entry))
    return check_institution (self, TRUE);
  if (field == GTK_WIDGET (self->licence_entry))
    return check_licence (self, TRUE);
  if (field == GTK_WIDGET (self->term_from_entry) ||
      field == GTK_WIDGET (self->term_until_entry))
    {
      normalise_date (self, GTK_ENTRY (field));
      return check_term (self, TRUE);
    }
  return TRUE;
}

static void
field_activated (DeskAdviserEditor *self,
                 GtkWidget         *field)
{
  check_field (self, field);
  /* Enter moves on even past a message: the clerk may come back to it,
   * and the save names whatever is still wrong. */
  focus_next (self, field);
}

static void
field_left (GtkEventControllerFocus *focus,
            DeskAdviserEditor       *self)
{
  if (self->loading == 0)
    check_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

static void
choice_changed (DeskAdviserEditor *self,
                GParamSpec        *pspec,
                GtkDropDown       *drop_down)
{
  if (self->loading > 0)
    return;
  if (drop_down == self->practice_dropdown)
    {
      check_practice (self, FALSE);
      /* 律师 or not decides what the licence number must look like. */
      check_licence (self, *gtk_editable_get_text (GTK_EDITABLE (self->licence_entry)) != '\0');
    }
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_ADVISER_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
calendar_shown (DeskAdviserEditor *self,
                GtkPopover        *popover)
{
  gboolean from = popover == self->term_from_calendar_popover;
  GtkEntry *entry = from ? self->term_from_entry : self->term_until_entry;
  GtkCalendar *calendar = from ? self->term_from_calendar : self->term_until_calendar;
  g_autofree char *today = desk_today ();
  g_autofree char *date = NULL;
  gboolean bad;
  int y, m, d;

  date = parse_date (entry, NULL, &bad);
  if (desk_date_to_ymd (date ? date : today, &y, &m, &d))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

      if (day != NULL)
        gtk_calendar_select_day (calendar, day);
    }
}

static void
calendar_day_selected (DeskAdviserEditor *self,
                       GtkCalendar       *calendar)
{
  gboolean from = calendar == self->term_from_calendar;
  GtkPopover *popover = from ? self->term_from_calendar_popover
                             : self->term_until_calendar_popover;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (popover)))
    return;
  day = gtk_calendar_get_date (calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (from ? self->term_from_entry : self->term_until_entry),
                         date);
  check_term (self, TRUE);
  gtk_popover_popdown (popover);
}

static void
discard_response (DeskAdviserEditor *self)
{
  close_after_dialog (self);
}

static void
ask_discard (DeskAdviserEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed into this adviser's "
                           "form has not been saved."),
                         G_CALLBACK (discard_response));
}

static void
delete_response (DeskAdviserEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_adviser_delete (self->store, id, &error))
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  close_after_dialog (self);
}

/* Actions */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (widget);
  g_autoptr(DeskAdviser) adviser = desk_adviser_new ();
  g_autoptr(GError) error = NULL;
  Assignment *failed_row = NULL;
  GtkWidget *wrong;
  gboolean created;
  gboolean bad;

  if (self->store == NULL)
    return;
  show_message (self, NULL);
  wrong = check_all (self);
  if (wrong != NULL)
    {
      show_message (self, _("Some fields need correcting: see the messages in red beside "
                            "them."));
      gtk_widget_grab_focus (wrong);
      return;
    }

  created = self->record == NULL;
  adviser->id = created ? 0 : self->record->id;
  adviser->name = desk_form_editable_text (GTK_EDITABLE (self->name_entry));
  adviser->sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
  adviser->phone = desk_form_editable_text (GTK_EDITABLE (self->phone_entry));
  adviser->practice_type_id = desk_form_drop_down_get_id (self->practice_dropdown);
  adviser->institution = desk_form_editable_text (GTK_EDITABLE (self->institution_entry));
  adviser->licence_number = desk_form_editable_text (GTK_EDITABLE (self->licence_entry));
  adviser->term_from = parse_date (self->term_from_entry, NULL, &bad);
  adviser->term_until = parse_date (self->term_until_entry, NULL, &bad);

  /* The adviser and the rows go in together or not at all.  Rows removed
   * go first and shortened ones before new ones, so that a village ended
   * and taken up again on the next day is not an overlap on the way. */
  if (!desk_store_begin (self->store, &error))
    goto failed;
  if (created ? desk_adviser_create (self->store, adviser, &error) == 0
              : !desk_adviser_update (self->store, adviser, &error))
    goto rollback;
  for (guint i = 0; i < self->removed->len; i++)
    if (!desk_adviser_assignment_delete (self->store, g_array_index (self->removed, gint64, i),
                                         &error))
      goto rollback;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->assignments->len; i++)
      {
        Assignment *a = g_ptr_array_index (self->assignments, i);

        if ((pass == 0) != (a->id > 0) || !row_is_changed (a))
          continue;
        if (!write_row (self, a, adviser->id, &error))
          {
            failed_row = a;
            goto rollback;
          }
      }
  if (!desk_store_commit (self->store, &error))
    goto failed;

  if (!desk_adviser_editor_load (self, adviser->id, &error))
    goto failed;
  g_signal_emit (self, signals[SAVED], 0, adviser->id, created);
  close_now (self);
  return;

rollback:
  desk_store_rollback (self->store);
failed:
  if (failed_row != NULL)
    {
      gtk_widget_grab_focus (show_row_error (failed_row, error));
      show_message (self, error->message);
    }
  else
    {
      GtkWidget *field = show_field_error (self, error);

      show_message (self, error->message);
      if (field != NULL)
        gtk_widget_grab_focus (field);
    }
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (widget);

  if (self->modified && !self->closing)
    ask_discard (self);
  else
    close_now (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->record == NULL)
    return;
  heading = g_strdup_printf (_("Delete the Legal Adviser %s?"), self->record->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("An adviser entered by mistake can be "
                                                         "deleted with the villages assigned. "
                                                         "An adviser with services on record "
                                                         "cannot: end the term instead.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new row starts when the term starts (or today), the village left for
 * the clerk to choose. */
static void
add_assignment_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (widget);
  g_autofree char *term_from = NULL;
  g_autofree char *today = desk_today ();
  gboolean bad;
  Assignment *a;

  term_from = parse_date (self->term_from_entry, NULL, &bad);
  a = add_row (self, NULL);
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (a->from), term_from ? term_from : today);
  self->loading--;
  set_modified (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (a->village));
}

/* GObject */

static gboolean
desk_adviser_editor_close_request (GtkWindow *window)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_adviser_editor_parent_class)->close_request (window);
}

static void
desk_adviser_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ADVISER_ID:
      g_value_set_int64 (value, desk_adviser_editor_get_adviser_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_adviser_editor_dispose (GObject *object)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  if (self->assignments != NULL)
    g_ptr_array_set_size (self->assignments, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_ADVISER_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_adviser_editor_parent_class)->dispose (object);
}

static void
desk_adviser_editor_finalize (GObject *object)
{
  DeskAdviserEditor *self = DESK_ADVISER_EDITOR (object);

  g_clear_pointer (&self->record, desk_adviser_free);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_array_unref);
  G_OBJECT_CLASS (desk_adviser_editor_parent_class)->finalize (object);
}

static void
desk_adviser_editor_class_init (DeskAdviserEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_adviser_editor_get_property;
  object_class->dispose = desk_adviser_editor_dispose;
  object_class->finalize = desk_adviser_editor_finalize;
  window_class->close_request = desk_adviser_editor_close_request;

  /**
   * DeskAdviserEditor:adviser-id:
   *
   * The adviser shown; 0 until a new one is saved.
   */
  properties[PROP_ADVISER_ID] =
    g_param_spec_int64 ("adviser-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskAdviserEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskAdviserEditor::saved:
   * @id: the adviser
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskAdviserEditor::deleted:
   * @id: the adviser
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-adviser-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, name_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, sex_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, sex_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, sex_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, phone_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, practice_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, practice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, practice_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, institution_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, institution_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, institution_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, licence_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, licence_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, licence_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_from_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_from_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_from_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor,
                                        term_from_calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_from_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_until_label);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_until_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_until_error);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor,
                                        term_until_calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, term_until_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, assignment_list);
  gtk_widget_class_bind_template_child (widget_class, DeskAdviserEditor, add_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-assignment", NULL,
                                   add_assignment_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

static void
add_save_keys (DeskAdviserEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);
      GtkShortcutAction *save = gtk_named_action_new ("editor.save");

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, save));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
watch_entry (DeskAdviserEditor *self,
             GtkEntry          *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (field_activated), self);
  g_signal_connect (focus, "leave", G_CALLBACK (field_left), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
desk_adviser_editor_init (DeskAdviserEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->assignments = g_ptr_array_new ();
  self->removed = g_array_new (FALSE, FALSE, sizeof (gint64));

  watch_entry (self, self->name_entry);
  watch_entry (self, self->phone_entry);
  watch_entry (self, self->institution_entry);
  watch_entry (self, self->licence_entry);
  watch_entry (self, self->term_from_entry);
  watch_entry (self, self->term_until_entry);
  desk_form_drop_down_init (self->sex_dropdown, choice_picked, self);
  g_signal_connect_swapped (self->sex_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed), self);
  desk_form_drop_down_init (self->practice_dropdown, choice_picked, self);
  g_signal_connect_swapped (self->practice_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed), self);
  g_signal_connect_swapped (self->term_from_calendar_popover, "show",
                            G_CALLBACK (calendar_shown), self);
  g_signal_connect_swapped (self->term_until_calendar_popover, "show",
                            G_CALLBACK (calendar_shown), self);
  g_signal_connect_swapped (self->term_from_calendar, "day-selected",
                            G_CALLBACK (calendar_day_selected), self);
  g_signal_connect_swapped (self->term_until_calendar, "day-selected",
                            G_CALLBACK (calendar_day_selected), self);

  placeholder = gtk_label_new (_("No village assigned yet: add the villages this adviser "
                                 "serves."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->assignment_list, placeholder);

  add_save_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

/* Public API */

/**
 * desk_adviser_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new adviser, not shown yet;
 *   desk_adviser_editor_load() turns it to an existing one.
 */
DeskAdviserEditor *
desk_adviser_editor_new (GtkWindow *parent,
                         DeskStore *store)
{
  DeskAdviserEditor *self;
  g_autofree char *today = desk_today ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_ADVISER_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->loading++;
  fill_choices (self);
  /* A term usually starts the day the contract is signed: today. */
  gtk_editable_set_text (GTK_EDITABLE (self->term_from_entry), today);
  self->loading--;
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return self;
}

/**
 * desk_adviser_editor_load:
 *
 * Shows the adviser @id and the villages served for editing.
 *
 * Returns: %FALSE with @error when there is no such adviser (or it was
 *   deleted).
 */
gboolean
desk_adviser_editor_load (DeskAdviserEditor  *self,
                          gint64              id,
                          GError            **error)
{
  g_autoptr(DeskAdviser) record = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autofree char *practice = NULL;

  g_return_val_if_fail (DESK_IS_ADVISER_EDITOR (self), FALSE);

  record = desk_adviser_get (self->store, id, error);
  if (record == NULL)
    return FALSE;
  assignments = desk_adviser_assignments (self->store, id, error);
  if (assignments == NULL)
    return FALSE;
  practice = desk_codes_label (self->store, record->practice_type_id);

  self->loading++;
  clear_errors (self);
  clear_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), record->name);
  desk_form_drop_down_set_id (self->sex_dropdown, record->sex);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), record->phone ? record->phone : "");
  select_or_add (self->practice_dropdown, record->practice_type_id, practice);
  gtk_editable_set_text (GTK_EDITABLE (self->institution_entry), record->institution);
  gtk_editable_set_text (GTK_EDITABLE (self->licence_entry),
                         record->licence_number ? record->licence_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->term_from_entry), record->term_from);
  gtk_editable_set_text (GTK_EDITABLE (self->term_until_entry),
                         record->term_until ? record->term_until : "");
  /* The core lists them by village and start: the rows read the same. */
  for (guint i = 0; i < assignments->len; i++)
    add_row (self, g_ptr_array_index (assignments, i));
  self->loading--;

  g_clear_pointer (&self->record, desk_adviser_free);
  self->record = g_steal_pointer (&record);
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADVISER_ID]);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return TRUE;
}

gint64
desk_adviser_editor_get_adviser_id (DeskAdviserEditor *self)
{
  g_return_val_if_fail (DESK_IS_ADVISER_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

/**
 * desk_adviser_editor_get_name:
 *
 * Returns: (nullable): the saved adviser's name; %NULL before it is saved.
 */
const char *
desk_adviser_editor_get_name (DeskAdviserEditor *self)
{
  g_return_val_if_fail (DESK_IS_ADVISER_EDITOR (self), NULL);
  return self->record ? self->record->name : NULL;
}

gboolean
desk_adviser_editor_get_modified (DeskAdviserEditor *self)
{
  g_return_val_if_fail (DESK_IS_ADVISER_EDITOR (self), FALSE);
  return self->modified;
}

/* The rows of villages served shown, saved or not. */
guint
desk_adviser_editor_get_n_assignments (DeskAdviserEditor *self)
{
  g_return_val_if_fail (DESK_IS_ADVISER_EDITOR (self), 0);
  return self->assignments->len;
}
