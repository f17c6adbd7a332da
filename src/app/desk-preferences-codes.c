/* desk-preferences-codes.c — the code tables and the holiday calendar in
 * the preferences window.
 *
 * A code table is shown one list at a time, its labels in their order with
 * the retired ones marked; labels are added, renamed, moved and retired,
 * never deleted (records point at them).  A label of a list the monthly
 * forms count by must say which of the forms' fixed rows it counts in; the
 * core keeps that row for good.  The holiday calendar is shown by year.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-preferences-window-private.h"
#include "desk-settings.h"

/* The separator the core puts between a field and its problem. */
#define FIELD_SEPARATOR "："

typedef struct
{
  DeskPreferencesWindow *self;
  char                  *kind;
  gint64                 id;
} CodeRef;

static void
code_ref_free (CodeRef *ref)
{
  g_free (ref->kind);
  g_free (ref);
}

static CodeRef *
code_ref_new (DeskPreferencesWindow *self,
              const char            *kind,
              gint64                 id)
{
  CodeRef *ref = g_new0 (CodeRef, 1);

  ref->self = self;
  ref->kind = g_strdup (kind);
  ref->id = id;
  return ref;
}

static const char *
current_kind (DeskPreferencesWindow *self)
{
  const char *const *kinds = desk_code_kinds ();
  guint selected = adw_combo_row_get_selected (self->code_kind_row);

  if (selected >= g_strv_length ((char **) kinds))
    selected = 0;
  return kinds[selected];
}

/* @action NULL: a button that stays greyed out, keeping the column
 * aligned (an action would make it sensitive again). */
static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (action != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (id));
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  return button;
}

/* ------------------------------------------------------------------ */
/* Code tables                                                         */

void
desk_preferences_codes_refresh (DeskPreferencesWindow *self)
{
  const char *kind = current_kind (self);
  gboolean counted = desk_code_report_rows (kind) != NULL;
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, kind, TRUE);

  desk_preferences_window_clear_rows (self->codes_group, self->code_rows);
  adw_preferences_group_set_title (self->codes_group, desk_code_kind_title (kind));
  adw_preferences_group_set_description (self->codes_group,
                                         counted
                                         ? _("The monthly forms count each label in the row "
                                             "of the same name, or in the row named beneath "
                                             "it. A retired label is no longer offered for new "
                                             "records; records that use it keep it.")
                                         : _("A retired label is no longer offered for new "
                                             "records; records that use it keep it."));

  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);
      /* The row is named only where it is not the label's own. */
      g_autofree char *counts_in = counted && g_strcmp0 (code->report_row, code->label) != 0
                                   ? g_strdup_printf (_("counts in %s"), code->report_row)
                                   : NULL;
      g_autoptr(GMenu) menu = g_menu_new ();
      GtkWidget *row = desk_preferences_row_new (code->label, counts_in);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"),
                                   i > 0 ? "prefs.code-move-up" : NULL, code->id);
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"),
                                     i + 1 < codes->len ? "prefs.code-move-down" : NULL,
                                     code->id);

      desk_preferences_row_set_action (row, "prefs.code-rename",
                                       g_variant_new_int64 (code->id));
      g_object_set_data (G_OBJECT (row), "desk-id", GSIZE_TO_POINTER ((gsize) code->id));
      desk_preferences_row_set_entry (row, "desk-code", code->id);
      if (!code->active)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_preferences_retired_tag_new ());
      g_object_set_data (G_OBJECT (row), "desk-up", up);
      g_object_set_data (G_OBJECT (row), "desk-down", down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);

      desk_preferences_window_menu_append (menu, _("Re_name…"), "prefs.code-rename", code->id);
      if (code->active)
        desk_preferences_window_menu_append (menu, _("_Retire"), "prefs.code-retire", code->id);
      else
        desk_preferences_window_menu_append (menu, _("Make _Active Again"),
                                             "prefs.code-restore", code->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 desk_preferences_window_menu_button (G_MENU_MODEL (menu),
                                                                      _("More")));
      adw_preferences_group_add (self->codes_group, row);
      g_ptr_array_add (self->code_rows, row);
    }
}

/* After a write: the list again, the focus on label @id (0: none). */
static void
codes_written (DeskPreferencesWindow *self,
               const char            *kind,
               gint64                 id)
{
  desk_preferences_codes_refresh (self);
  desk_preferences_window_focus_entry (self, "desk-code", id);
  /* The committees show their type's label. */
  if (g_strcmp0 (kind, DESK_CODE_COMMITTEE_TYPE) == 0)
    desk_preferences_registers_refresh (self);
  desk_preferences_window_changed (self);
}

/* Puts a code-table error beside the form's fields: the core names the
 * list ("纠纷类型：…") where the form says 标签. */
static void
show_code_error (DeskPreferencesDialog *dialog,
                 const char            *kind,
                 const GError          *error)
{
  const char *title = desk_code_kind_title (kind);
  size_t len = strlen (title);

  if (strncmp (error->message, title, len) == 0 &&
      g_str_has_prefix (error->message + len, FIELD_SEPARATOR))
    desk_preferences_dialog_set_error (dialog, _("Label"),
                                       error->message + len + strlen (FIELD_SEPARATOR));
  else
    desk_preferences_dialog_show_error (dialog, error);
}

static gboolean
code_add_save (DeskPreferencesDialog  *dialog,
               gpointer                user_data,
               GError                **error)
{
  CodeRef *ref = user_data;
  const char *const *rows = desk_code_report_rows (ref->kind);
  g_autofree char *label = desk_preferences_dialog_dup_text (dialog, _("Label"));
  g_autoptr(GError) local = NULL;
  const char *row = NULL;
  gint64 id;

  g_strstrip (label);
  if (rows != NULL)
    row = rows[desk_preferences_dialog_get_selected (dialog, _("Report row"))];
  id = desk_codes_add (ref->self->store, ref->kind, label, row, &local);
  if (id == 0)
    {
      show_code_error (dialog, ref->kind, local);
      return FALSE;
    }
  codes_written (ref->self, ref->kind, id);
  return TRUE;
}

static void
code_add_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  const char *kind = current_kind (self);
  const char *const *rows = desk_code_report_rows (kind);
  g_autofree char *title = g_strdup_printf (_("Add a Label to %s"),
                                            desk_code_kind_title (kind));
  DeskPreferencesDialog *dialog;

  dialog = desk_preferences_dialog_new (widget, title, _("_Add"));
  desk_preferences_dialog_add_entry (dialog, _("Label"), NULL);
  if (rows != NULL)
    {
      guint other = 0;

      /* A label a station adds is usually one more kind of "other". */
      for (guint i = 0; rows[i] != NULL; i++)
        if (g_str_has_prefix (rows[i], "其他"))
          other = i;
      desk_preferences_dialog_add_choice (dialog, _("Report row"), rows, other);
      desk_preferences_dialog_set_note (dialog, _("The monthly forms count records with this "
                                                  "label in the row chosen here, for good."));
    }
  desk_preferences_dialog_set_save_func (dialog, code_add_save, code_ref_new (self, kind, 0),
                                         (GDestroyNotify) code_ref_free);
  desk_preferences_dialog_present (dialog);
}

static gboolean
code_rename_save (DeskPreferencesDialog  *dialog,
                  gpointer                user_data,
                  GError                **error)
{
  CodeRef *ref = user_data;
  g_autofree char *label = desk_preferences_dialog_dup_text (dialog, _("Label"));
  g_autoptr(GError) local = NULL;

  g_strstrip (label);
  if (!desk_codes_rename (ref->self->store, ref->id, label, &local))
    {
      show_code_error (dialog, ref->kind, local);
      return FALSE;
    }
  codes_written (ref->self, ref->kind, ref->id);
  return TRUE;
}

static void
code_rename_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  const char *kind = current_kind (self);
  g_autofree char *label = desk_codes_label (self->store, id);
  g_autofree char *title = NULL;
  DeskPreferencesDialog *dialog;

  if (label == NULL)
    return;
  title = g_strdup_printf (_("Rename “%s”"), label);
  dialog = desk_preferences_dialog_new (widget, title, _("_Rename"));
  desk_preferences_dialog_add_entry (dialog, _("Label"), label);
  desk_preferences_dialog_set_note (dialog, _("Records that use the label show the new name. "
                                              "The row of the forms it counts in stays."));
  desk_preferences_dialog_set_save_func (dialog, code_rename_save,
                                         code_ref_new (self, kind, id),
                                         (GDestroyNotify) code_ref_free);
  desk_preferences_dialog_present (dialog);
}

static void
move_code (DeskPreferencesWindow *self,
           gint64                 id,
           int                    delta)
{
  const char *kind = current_kind (self);
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, kind, TRUE);
  g_autoptr(GError) error = NULL;
  int position = -1;

  for (guint i = 0; i < codes->len; i++)
    if (((DeskCode *) g_ptr_array_index (codes, i))->id == id)
      position = (int) i;
  if (position < 0 || position + delta < 0 || position + delta >= (int) codes->len)
    return;
  if (!desk_codes_move (self->store, id, position + delta, &error))
    {
      desk_preferences_window_toast (self, error->message);
      return;
    }
  codes_written (self, kind, 0);

  /* Keep the focus on the moved label's button, so that it can be moved
   * again with the keyboard. */
  for (guint i = 0; i < self->code_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->code_rows, i);

      if (GPOINTER_TO_SIZE (g_object_get_data (row, "desk-id")) == (gsize) id)
        {
          GtkWidget *up = g_object_get_data (row, "desk-up");
          GtkWidget *down = g_object_get_data (row, "desk-down");
          GtkWidget *button = delta < 0 ? up : down;

          if (!gtk_widget_get_sensitive (button))
            button = delta < 0 ? down : up;
          gtk_widget_grab_focus (button);
        }
    }
}

static void
code_move_up_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_code (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter), -1);
}

static void
code_move_down_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_code (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter), 1);
}

static void
code_set_active_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  gboolean active = g_str_equal (action_name, "prefs.code-restore");
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (!desk_codes_set_active (self->store, id, active, &error))
    {
      desk_preferences_window_toast (self, error->message);
      return;
    }
  codes_written (self, current_kind (self), id);
}

static void
code_kind_changed (DeskPreferencesWindow *self)
{
  desk_preferences_codes_refresh (self);
}

/* ------------------------------------------------------------------ */
/* The holiday calendar                                                */

static const char *const weekdays[] = {
  NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

static int
current_year (DeskPreferencesWindow *self)
{
  return gtk_spin_button_get_value_as_int (self->holiday_year_spin);
}

void
desk_preferences_holidays_refresh (DeskPreferencesWindow *self)
{
  int year = current_year (self);
  g_autoptr(GPtrArray) days = desk_holidays_list (self->store, year);
  g_autofree char *title = g_strdup_printf (_("Holidays and Make-up Working Days of %d"), year);

  desk_preferences_window_clear_rows (self->holidays_group, self->holiday_rows);
  adw_preferences_group_set_title (self->holidays_group, title);
  if (days->len == 0)
    {
      GtkWidget *row = desk_preferences_placeholder_new (_("None entered for this year"));

      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }
  for (guint i = 0; i < days->len; i++)
    {
      DeskHoliday *h = g_ptr_array_index (days, i);
      int weekday = desk_date_weekday (h->date);
      g_autofree char *when = g_strdup_printf ("%s  %s", h->date,
                                               weekday > 0 ? _(weekdays[weekday]) : "");
      g_autofree char *subtitle = DESK_PREFERENCES_JOIN (h->workday ? _("Make-up working day")
                                                                    : _("Holiday"),
                                                         h->note);
      GtkWidget *row = desk_preferences_row_new (when, subtitle);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "prefs.holiday-remove");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new_string (h->date));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }
}

static gboolean
holiday_save (DeskPreferencesDialog  *dialog,
              gpointer                user_data,
              GError                **error)
{
  DeskPreferencesWindow *self = user_data;
  g_autofree char *typed = desk_preferences_dialog_dup_text (dialog, _("Date"));
  g_autofree char *note = desk_preferences_dialog_dup_text (dialog, _("Note"));
  g_autofree char *date = desk_date_parse (typed, current_year (self));
  gboolean workday = desk_preferences_dialog_get_selected (dialog,
                                                           C_("holiday", "Kind")) == 1;
  int year, month, day;

  /* 10-01 means the year shown; what the parser cannot read goes to the
   * core as typed, for its message. */
  if (!desk_holidays_add (self->store, date ? date : typed, workday, g_strstrip (note), error))
    return FALSE;
  if (date != NULL && desk_date_to_ymd (date, &year, &month, &day) && year != current_year (self))
    gtk_spin_button_set_value (self->holiday_year_spin, year);   /* refreshes */
  else
    desk_preferences_holidays_refresh (self);
  desk_preferences_window_changed (self);
  return TRUE;
}

static void
holiday_add_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  const char *kinds[] = { _("Holiday"), _("Make-up working day"), NULL };
  g_autofree char *title = g_strdup_printf (_("Add a Day to %d"), current_year (self));
  DeskPreferencesDialog *dialog;

  dialog = desk_preferences_dialog_new (widget, title, _("_Add"));
  desk_preferences_dialog_add_entry (dialog, _("Date"), NULL);
  desk_preferences_dialog_add_choice (dialog, C_("holiday", "Kind"), kinds, 0);
  desk_preferences_dialog_add_entry (dialog, _("Note"), NULL);
  desk_preferences_dialog_set_note (dialog, _("Write the date as 2026-10-01, 20261001, or 10-01 "
                                              "for the year shown. Only holidays on weekdays and "
                                              "make-up working days on weekends change the count "
                                              "of working days."));
  desk_preferences_dialog_set_save_func (dialog, holiday_save, self, NULL);
  desk_preferences_dialog_present (dialog);
}

static void
holiday_remove_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  const char *date = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) days = desk_holidays_list (self->store, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Kept for Undo. */
  g_clear_pointer (&self->removed_date, g_free);
  g_clear_pointer (&self->removed_note, g_free);
  for (guint i = 0; i < days->len; i++)
    {
      DeskHoliday *h = g_ptr_array_index (days, i);

      if (g_strcmp0 (h->date, date) == 0)
        {
          self->removed_date = g_strdup (h->date);
          self->removed_workday = h->workday;
          self->removed_note = g_strdup (h->note);
        }
    }

  if (!desk_holidays_remove (self->store, date, &error))
    {
      desk_preferences_window_toast (self, error->message);
      return;
    }
  desk_preferences_holidays_refresh (self);
  desk_preferences_window_changed (self);

  message = g_strdup_printf (_("%s was removed from the calendar."), date);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.holiday-undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
holiday_undo_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->removed_date == NULL)
    return;
  if (!desk_holidays_add (self->store, self->removed_date, self->removed_workday,
                          self->removed_note, &error))
    {
      desk_preferences_window_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->removed_date, g_free);
  g_clear_pointer (&self->removed_note, g_free);
  desk_preferences_holidays_refresh (self);
  desk_preferences_window_changed (self);
}

static void
holiday_year_changed (DeskPreferencesWindow *self)
{
  desk_preferences_holidays_refresh (self);
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

void
desk_preferences_codes_init (DeskPreferencesWindow *self)
{
  const char *const *kinds = desk_code_kinds ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (titles, desk_code_kind_title (kinds[i]));
  adw_combo_row_set_model (self->code_kind_row, G_LIST_MODEL (titles));
  g_signal_connect_swapped (self->code_kind_row, "notify::selected",
                            G_CALLBACK (code_kind_changed), self);
  desk_preferences_codes_refresh (self);

  gtk_spin_button_set_value (self->holiday_year_spin, desk_today_year ());
  g_signal_connect_swapped (self->holiday_year_spin, "value-changed",
                            G_CALLBACK (holiday_year_changed), self);
  desk_preferences_holidays_refresh (self);
}

void
desk_preferences_codes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "prefs.code-add", NULL, code_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.code-rename", "x",
                                   code_rename_activated);
  gtk_widget_class_install_action (widget_class, "prefs.code-move-up", "x",
                                   code_move_up_activated);
  gtk_widget_class_install_action (widget_class, "prefs.code-move-down", "x",
                                   code_move_down_activated);
  gtk_widget_class_install_action (widget_class, "prefs.code-retire", "x",
                                   code_set_active_activated);
  gtk_widget_class_install_action (widget_class, "prefs.code-restore", "x",
                                   code_set_active_activated);
  gtk_widget_class_install_action (widget_class, "prefs.holiday-add", NULL,
                                   holiday_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.holiday-remove", "s",
                                   holiday_remove_activated);
  gtk_widget_class_install_action (widget_class, "prefs.holiday-undo", NULL,
                                   holiday_undo_activated);
}
