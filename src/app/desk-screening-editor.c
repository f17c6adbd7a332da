/* desk-screening-editor.c — the form of one dispute screening (矛盾纠纷排查).
 *
 * A modal window over the main one, in the order of the paper ledger:
 * 日期, 调委会, 村(居), 排查人, 排查发现纠纷, 预防纠纷, 备注.  Like the other
 * editors it is made for the keyboard: Enter moves to the next field (or
 * takes a choice typed into a list and moves on), Ctrl+S or Ctrl+Enter
 * saves, Escape closes and asks first when anything was typed.  Each field
 * is checked as it is typed or left, the message under the field; a save
 * that fails keeps everything and puts the core's message beside the field
 * it names.
 *
 * Counts are typed, not spun: a spin button would quietly turn "-1" into 0,
 * where the clerk must be told.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-form.h"
#include "desk-register.h"
#include "desk-screening-editor.h"
#include "desk-screening.h"

/* Where the store remembers the committee of the last screening saved in
 * this session: screenings are typed in batches, committee by committee. */
#define LAST_COMMITTEE_KEY "desk-screening-last-committee"

struct _DeskScreeningEditor
{
  AdwWindow       parent_instance;

  DeskStore      *store;
  DeskScreening  *record;          /* as last loaded; NULL: new */
  gboolean        modified;
  guint           loading;
  gboolean        closing;
  gboolean        village_touched;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkWidget      *delete_button;
  GtkWidget      *message_label;
  GtkLabel       *date_label;
  GtkEntry       *date_entry;
  GtkWidget      *date_error;
  GtkPopover     *date_calendar_popover;
  GtkCalendar    *date_calendar;
  GtkLabel       *committee_label;
  GtkDropDown    *committee_dropdown;
  GtkWidget      *committee_error;
  GtkLabel       *village_label;
  GtkDropDown    *village_dropdown;
  GtkWidget      *village_error;
  GtkLabel       *screener_label;
  GtkEntry       *screener_entry;
  GtkWidget      *screener_error;
  GtkLabel       *found_label;
  GtkEntry       *found_entry;
  GtkWidget      *found_error;
  GtkLabel       *prevented_label;
  GtkEntry       *prevented_entry;
  GtkWidget      *prevented_error;
  GtkLabel       *notes_label;
  GtkWidget      *notes_scroll;
  GtkTextView    *notes_view;
  GtkWidget      *notes_error;
};

G_DEFINE_FINAL_TYPE (DeskScreeningEditor, desk_screening_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SCREENING_ID,
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

/* Helpers */

static void
set_modified (DeskScreeningEditor *self,
              gboolean             modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskScreeningEditor *self,
              const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

/* The fields in the ledger's order, which Enter follows. */
static void
focus_next (DeskScreeningEditor *self,
            GtkWidget           *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->date_entry), GTK_WIDGET (self->committee_dropdown),
    GTK_WIDGET (self->village_dropdown), GTK_WIDGET (self->screener_entry),
    GTK_WIDGET (self->found_entry), GTK_WIDGET (self->prevented_entry),
    GTK_WIDGET (self->notes_view), self->save_button,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == field)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
}

/* The date as typed, checked; NULL when wrong.  The message shows when
 * @final, and follows the typing once shown. */
static char *
check_date (DeskScreeningEditor *self,
            gboolean             final)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  g_autoptr(GError) error = NULL;
  char *date;

  date = desk_validate_date (raw, gtk_label_get_text (self->date_label), NULL, &error);
  if (date != NULL || final || gtk_widget_get_visible (self->date_error))
    desk_form_set_error (GTK_WIDGET (self->date_entry), self->date_error,
                         error ? desk_form_error_problem (error) : NULL);
  if (date != NULL && final && g_strcmp0 (raw, date) != 0)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
      self->loading--;
    }
  return date;
}

static gboolean
check_count (DeskScreeningEditor *self,
             GtkEntry            *entry,
             gboolean             final,
             int                 *value)
{
  GtkLabel *label = entry == self->found_entry ? self->found_label : self->prevented_label;
  GtkWidget *message = entry == self->found_entry ? self->found_error : self->prevented_error;
  g_autoptr(GError) error = NULL;
  int n = 0;
  gboolean ok;

  ok = desk_form_parse_count (gtk_editable_get_text (GTK_EDITABLE (entry)),
                              gtk_label_get_text (label), &n, &error);
  if (ok || final || gtk_widget_get_visible (message))
    desk_form_set_error (GTK_WIDGET (entry), message,
                         error ? desk_form_error_problem (error) : NULL);
  if (value != NULL)
    *value = n;
  return ok;
}

static gboolean
check_committee (DeskScreeningEditor *self)
{
  gboolean chosen = desk_form_drop_down_get_id (self->committee_dropdown) > 0;

  desk_form_set_error (GTK_WIDGET (self->committee_dropdown), self->committee_error,
                       chosen ? NULL : _("choose the committee that did the screening"));
  return chosen;
}

/* Checks every field, marks the wrong ones and returns the first of them,
 * or NULL when all are right. */
static GtkWidget *
check_all (DeskScreeningEditor *self)
{
  g_autofree char *date = check_date (self, TRUE);
  GtkWidget *first = NULL;

  if (date == NULL)
    first = GTK_WIDGET (self->date_entry);
  if (!check_committee (self) && first == NULL)
    first = GTK_WIDGET (self->committee_dropdown);
  if (!check_count (self, self->found_entry, TRUE, NULL) && first == NULL)
    first = GTK_WIDGET (self->found_entry);
  if (!check_count (self, self->prevented_entry, TRUE, NULL) && first == NULL)
    first = GTK_WIDGET (self->prevented_entry);
  return first;
}

/* Puts a core error beside the field it names; returns the field, or NULL
 * when it names none of them. */
static GtkWidget *
show_field_error (DeskScreeningEditor *self,
                  const GError        *error)
{
  struct { GtkLabel *label; GtkWidget *field; GtkWidget *message; } slots[] = {
    { self->date_label, GTK_WIDGET (self->date_entry), self->date_error },
    { self->committee_label, GTK_WIDGET (self->committee_dropdown), self->committee_error },
    { self->village_label, GTK_WIDGET (self->village_dropdown), self->village_error },
    { self->screener_label, GTK_WIDGET (self->screener_entry), self->screener_error },
    { self->found_label, GTK_WIDGET (self->found_entry), self->found_error },
    { self->prevented_label, GTK_WIDGET (self->prevented_entry), self->prevented_error },
    { self->notes_label, self->notes_scroll, self->notes_error },
  };
  g_autofree char *field = desk_error_get_field (error);

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (field, gtk_label_get_text (slots[i].label)))
      {
        desk_form_set_error (slots[i].field, slots[i].message, desk_form_error_problem (error));
        return slots[i].field == self->notes_scroll ? GTK_WIDGET (self->notes_view)
                                                    : slots[i].field;
      }
  return NULL;
}

static void
clear_errors (DeskScreeningEditor *self)
{
  desk_form_set_error (GTK_WIDGET (self->date_entry), self->date_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->committee_dropdown), self->committee_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->village_dropdown), self->village_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->screener_entry), self->screener_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->found_entry), self->found_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->prevented_entry), self->prevented_error, NULL);
  desk_form_set_error (self->notes_scroll, self->notes_error, NULL);
  show_message (self, NULL);
}

static char *
committee_name (DeskScreeningEditor *self,
                gint64               id)
{
  g_autoptr(DeskCommittee) committee = id > 0 ? desk_committee_get (self->store, id, NULL)
                                              : NULL;

  return committee ? g_strdup (committee->name) : NULL;
}

static void
update_title (DeskScreeningEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->record != NULL)
    {
      /* Translators: the title of a saved screening, e.g. 排查记录 2026-11-05 */
      title = g_strdup_printf (_("Screening of %s"), self->record->date);
      subtitle = committee_name (self, self->record->committee_id);
    }
  else
    title = g_strdup (_("New Dispute Screening"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
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

static void
fill_choices (DeskScreeningEditor *self)
{
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) committees = desk_committee_list (self->store, today, NULL);
  g_autoptr(GPtrArray) villages = desk_village_list (self->store, today, NULL);

  desk_form_drop_down_clear (self->committee_dropdown);
  for (guint i = 0; committees != NULL && i < committees->len; i++)
    {
      DeskCommittee *committee = g_ptr_array_index (committees, i);

      desk_form_drop_down_add (self->committee_dropdown, committee->id, committee->name);
    }
  if (committees == NULL || committees->len == 0)
    desk_form_set_error (GTK_WIDGET (self->committee_dropdown), self->committee_error,
                         _("no committee is registered: add the mediation committees in the "
                           "preferences first"));

  desk_form_drop_down_clear (self->village_dropdown);
  desk_form_drop_down_add (self->village_dropdown, 0, _("Not given"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);

      desk_form_drop_down_add (self->village_dropdown, village->id, village->name);
    }
}

/* A village committee screens its own village: its village fills 村(居)
 * unless the clerk chose one. */
static void
follow_committee (DeskScreeningEditor *self)
{
  g_autoptr(DeskCommittee) committee = NULL;
  gint64 id = desk_form_drop_down_get_id (self->committee_dropdown);

  if (self->village_touched || id <= 0)
    return;
  committee = desk_committee_get (self->store, id, NULL);
  self->loading++;
  desk_form_drop_down_set_id (self->village_dropdown,
                              committee != NULL ? committee->village_id : 0);
  self->loading--;
}

/* A new record: today, the committee of the last one saved (or the only
 * one), no village, 0 and 0. */
static void
fill_defaults (DeskScreeningEditor *self)
{
  g_autofree char *today = desk_today ();
  gint64 *last = g_object_get_data (G_OBJECT (self->store), LAST_COMMITTEE_KEY);
  GListModel *committees = gtk_drop_down_get_model (self->committee_dropdown);

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  if ((last == NULL || !desk_form_drop_down_set_id (self->committee_dropdown, *last)) &&
      g_list_model_get_n_items (committees) == 1)
    gtk_drop_down_set_selected (self->committee_dropdown, 0);
  desk_form_drop_down_set_id (self->village_dropdown, 0);
  self->loading--;
  follow_committee (self);
}

static void
close_now (DeskScreeningEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_SCREENING_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: it still runs its response
 * and would outlive the window it stands on. */
static void
close_after_dialog (DeskScreeningEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

/* Callbacks */

static void
field_changed (DeskScreeningEditor *self)
{
  if (self->loading > 0)
    return;
  set_modified (self, TRUE);
}

static void
date_changed (DeskScreeningEditor *self)
{
  if (self->loading > 0)
    return;
  g_free (check_date (self, FALSE));
  set_modified (self, TRUE);
}

static void
date_activated (DeskScreeningEditor *self)
{
  g_autofree char *date = check_date (self, TRUE);

  if (date != NULL)
    focus_next (self, GTK_WIDGET (self->date_entry));
}

static void
date_left (DeskScreeningEditor *self)
{
  if (self->loading == 0)
    g_free (check_date (self, TRUE));
}

static void
calendar_shown (DeskScreeningEditor *self)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *date = desk_date_parse (raw, 0);
  g_autofree char *today = desk_today ();
  int y, m, d;

  if (desk_date_to_ymd (date ? date : today, &y, &m, &d))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

      if (day != NULL)
        gtk_calendar_select_day (self->date_calendar, day);
    }
}

static void
calendar_day_selected (DeskScreeningEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->date_calendar_popover)))
    return;
  day = gtk_calendar_get_date (self->date_calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  g_free (check_date (self, TRUE));
  gtk_popover_popdown (self->date_calendar_popover);
}

static void
count_changed (DeskScreeningEditor *self,
               GtkEntry            *entry)
{
  if (self->loading > 0)
    return;
  check_count (self, entry, FALSE, NULL);
  set_modified (self, TRUE);
}

static void
count_activated (DeskScreeningEditor *self,
                 GtkEntry            *entry)
{
  if (check_count (self, entry, TRUE, NULL))
    focus_next (self, GTK_WIDGET (entry));
}

static void
count_left (GtkEventControllerFocus *focus,
            DeskScreeningEditor     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  if (self->loading == 0)
    check_count (self, GTK_ENTRY (entry), TRUE, NULL);
}

static void
screener_activated (DeskScreeningEditor *self)
{
  focus_next (self, GTK_WIDGET (self->screener_entry));
}

static void
choice_changed (DeskScreeningEditor *self,
                GParamSpec          *pspec,
                GtkDropDown         *drop_down)
{
  if (self->loading > 0)
    return;
  if (drop_down == self->committee_dropdown)
    {
      if (desk_form_drop_down_get_id (drop_down) > 0)
        desk_form_set_error (GTK_WIDGET (drop_down), self->committee_error, NULL);
      follow_committee (self);
    }
  else
    {
      desk_form_set_error (GTK_WIDGET (drop_down), self->village_error, NULL);
      self->village_touched = TRUE;
    }
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_SCREENING_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
discard_response (DeskScreeningEditor *self)
{
  close_after_dialog (self);
}

static void
ask_discard (DeskScreeningEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed into this screening "
                           "record has not been saved."),
                         G_CALLBACK (discard_response));
}

static void
delete_response (DeskScreeningEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_screening_delete (self->store, id, &error))
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
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (widget);
  g_autoptr(DeskScreening) s = desk_screening_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;
  gboolean created;
  gint64 *last;

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
  if (!created)
    s->id = self->record->id;
  s->date = check_date (self, TRUE);
  s->committee_id = desk_form_drop_down_get_id (self->committee_dropdown);
  s->village_id = desk_form_drop_down_get_id (self->village_dropdown);
  s->screener = desk_form_editable_text (GTK_EDITABLE (self->screener_entry));
  check_count (self, self->found_entry, TRUE, &s->found);
  check_count (self, self->prevented_entry, TRUE, &s->prevented);
  s->notes = desk_form_text_view_text (self->notes_view);

  if (created ? desk_screening_create (self->store, s, &error) == 0
              : !desk_screening_update (self->store, s, &error))
    {
      GtkWidget *field = show_field_error (self, error);

      show_message (self, error->message);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      return;
    }

  g_clear_pointer (&self->record, desk_screening_free);
  self->record = g_steal_pointer (&s);
  last = g_new (gint64, 1);
  *last = self->record->committee_id;
  g_object_set_data_full (G_OBJECT (self->store), LAST_COMMITTEE_KEY, last, g_free);
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENING_ID]);
  g_signal_emit (self, signals[SAVED], 0, self->record->id, created);
  close_now (self);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (widget);

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
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (self->record == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete the Screening Record?"),
                                                       _("It will no longer count in the "
                                                         "monthly figures.")));
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

/* GObject */

static gboolean
desk_screening_editor_close_request (GtkWindow *window)
{
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_screening_editor_parent_class)->close_request (window);
}

static void
desk_screening_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCREENING_ID:
      g_value_set_int64 (value, desk_screening_editor_get_screening_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_screening_editor_dispose (GObject *object)
{
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SCREENING_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_screening_editor_parent_class)->dispose (object);
}

static void
desk_screening_editor_finalize (GObject *object)
{
  DeskScreeningEditor *self = DESK_SCREENING_EDITOR (object);

  g_clear_pointer (&self->record, desk_screening_free);
  G_OBJECT_CLASS (desk_screening_editor_parent_class)->finalize (object);
}

static void
desk_screening_editor_class_init (DeskScreeningEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_screening_editor_get_property;
  object_class->dispose = desk_screening_editor_dispose;
  object_class->finalize = desk_screening_editor_finalize;
  window_class->close_request = desk_screening_editor_close_request;

  /**
   * DeskScreeningEditor:screening-id:
   *
   * The record shown; 0 until a new one is saved.
   */
  properties[PROP_SCREENING_ID] =
    g_param_spec_int64 ("screening-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskScreeningEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskScreeningEditor::saved:
   * @id: the screening
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskScreeningEditor::deleted:
   * @id: the screening
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-screening-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, date_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor,
                                        date_calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, committee_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, committee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, committee_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, village_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, village_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, village_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, screener_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, screener_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, screener_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, found_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, found_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, found_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, prevented_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, prevented_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, prevented_error);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, notes_scroll);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DeskScreeningEditor, notes_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

/* Ctrl+Enter saves from anywhere in the form; the notes would take it
 * for a new line first, so it is caught on the way down. */
static void
add_save_keys (DeskScreeningEditor *self)
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
watch_count (DeskScreeningEditor *self,
             GtkEntry            *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (count_changed), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (count_activated), self);
  g_signal_connect (focus, "leave", G_CALLBACK (count_left), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
desk_screening_editor_init (DeskScreeningEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed), self);
  g_signal_connect_swapped (self->date_entry, "activate", G_CALLBACK (date_activated), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (date_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->date_entry), focus);
  g_signal_connect_swapped (self->date_calendar_popover, "show",
                            G_CALLBACK (calendar_shown), self);
  g_signal_connect_swapped (self->date_calendar, "day-selected",
                            G_CALLBACK (calendar_day_selected), self);

  desk_form_drop_down_init (self->committee_dropdown, choice_picked, self);
  g_signal_connect_swapped (self->committee_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed), self);
  desk_form_drop_down_init (self->village_dropdown, choice_picked, self);
  g_signal_connect_swapped (self->village_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed), self);

  g_signal_connect_swapped (self->screener_entry, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->screener_entry, "activate",
                            G_CALLBACK (screener_activated), self);
  watch_count (self, self->found_entry);
  watch_count (self, self->prevented_entry);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (field_changed), self);

  add_save_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

/* Public API */

/**
 * desk_screening_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new screening, not shown yet;
 *   desk_screening_editor_load() turns it to an existing one.
 */
DeskScreeningEditor *
desk_screening_editor_new (GtkWindow *parent,
                           DeskStore *store)
{
  DeskScreeningEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_SCREENING_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->loading++;
  fill_choices (self);
  self->loading--;
  fill_defaults (self);
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  return self;
}

/**
 * desk_screening_editor_load:
 *
 * Shows the screening @id for editing.
 *
 * Returns: %FALSE with @error when there is no such record (or it was
 *   deleted).
 */
gboolean
desk_screening_editor_load (DeskScreeningEditor  *self,
                            gint64                id,
                            GError              **error)
{
  g_autoptr(DeskScreening) record = NULL;
  g_autoptr(DeskVillage) village = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *found = NULL;
  g_autofree char *prevented = NULL;

  g_return_val_if_fail (DESK_IS_SCREENING_EDITOR (self), FALSE);

  record = desk_screening_get (self->store, id, error);
  if (record == NULL)
    return FALSE;
  committee = committee_name (self, record->committee_id);
  village = record->village_id > 0 ? desk_village_get (self->store, record->village_id, NULL)
                                   : NULL;
  found = g_strdup_printf ("%d", record->found);
  prevented = g_strdup_printf ("%d", record->prevented);

  self->loading++;
  clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), record->date);
  desk_form_drop_down_set_id (self->committee_dropdown, 0);
  select_or_add (self->committee_dropdown, record->committee_id, committee);
  if (record->village_id > 0)
    select_or_add (self->village_dropdown, record->village_id, village ? village->name : NULL);
  else
    desk_form_drop_down_set_id (self->village_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->screener_entry),
                         record->screener ? record->screener : "");
  gtk_editable_set_text (GTK_EDITABLE (self->found_entry), found);
  gtk_editable_set_text (GTK_EDITABLE (self->prevented_entry), prevented);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            record->notes ? record->notes : "", -1);
  self->loading--;

  g_clear_pointer (&self->record, desk_screening_free);
  self->record = g_steal_pointer (&record);
  self->village_touched = TRUE;
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENING_ID]);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  return TRUE;
}

gint64
desk_screening_editor_get_screening_id (DeskScreeningEditor *self)
{
  g_return_val_if_fail (DESK_IS_SCREENING_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

gboolean
desk_screening_editor_get_modified (DeskScreeningEditor *self)
{
  g_return_val_if_fail (DESK_IS_SCREENING_EDITOR (self), FALSE);
  return self->modified;
}

/**
 * desk_screening_editor_describe:
 *
 * Returns: (transfer full) (nullable): "2026-11-05 东坪村调委会", the saved
 *   record as a toast names it; %NULL before it is saved.
 */
char *
desk_screening_editor_describe (DeskScreeningEditor *self)
{
  g_autofree char *committee = NULL;

  g_return_val_if_fail (DESK_IS_SCREENING_EDITOR (self), NULL);

  if (self->record == NULL)
    return NULL;
  committee = committee_name (self, self->record->committee_id);
  return g_strdup_printf ("%s %s", self->record->date, committee ? committee : "");
}
