/* desk-preferences-window.c — the station's settings and registers.
 *
 * An AdwPreferencesWindow over the open ledger: the station and the report
 * signatories, the time limits, the villages, the committees with their
 * mediators, the staff, the code tables and the holiday calendar.  Settings
 * are saved as typed (Enter, or leaving the field); registers are edited in
 * small forms.  Every write goes through the core, one transaction each,
 * and a refused value is explained beneath its field with nothing typed
 * lost.  "changed" tells the main window that something was written.
 *
 * This file holds the window, the 本所 and 时限 pages and the helpers the
 * other pages share (desk-preferences-window-private.h).
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-preferences-window-private.h"
#include "desk-settings.h"

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which settings each group shows, in order; numbers carry a line that
 * says what the limit governs. */
typedef struct
{
  const char *key;
  const char *subtitle;
} SettingRow;

static const SettingRow station_keys[] = {
  { "county", NULL },
  { "township", NULL },
  { "station", NULL },
  { "phone", NULL },
};

static const SettingRow signatory_keys[] = {
  { "head", NULL },
  { "reviewer", NULL },
  { "clerk", NULL },
};

static const SettingRow limit_keys[] = {
  { "aid-limit-days",
    N_("From the day a legal-aid application is received to its forwarding to the county "
       "legal-aid centre") },
  { "mediation-limit-days", N_("From accepting a mediation case to closing it") },
  { "follow-up-days", N_("After closing a case, by when the follow-up visit is due") },
};

static const SettingRow adviser_keys[] = {
  { "adviser-min-visits", N_("Only services of the kind 实地 count") },
  { "adviser-min-hours", N_("Only the hours of services of the kind 实地 count") },
};

static const SettingRow report_keys[] = {
  { "report-due-day", N_("The dashboard reminds you of last month’s report until this day") },
};

/* ------------------------------------------------------------------ */
/* Helpers shared by the pages                                         */

void
desk_preferences_window_changed (DeskPreferencesWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
desk_preferences_window_toast (DeskPreferencesWindow *self,
                               const char            *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Removes the rows a list page added to @group (the group keeps any rows
 * of its own). */
void
desk_preferences_window_clear_rows (AdwPreferencesGroup *group,
                                    GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

GtkWidget *
desk_preferences_window_menu_button (GMenuModel *menu,
                                     const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

void
desk_preferences_window_menu_append (GMenu      *menu,
                                     const char *label,
                                     const char *action,
                                     gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

/**
 * desk_preferences_window_message:
 *
 * A message dialog over the preferences with a Cancel response ("cancel",
 * also what Escape gives); the caller adds the others.
 */
AdwMessageDialog *
desk_preferences_window_message (DeskPreferencesWindow *self,
                                 const char            *heading,
                                 const char            *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * desk_preferences_window_dates_text:
 *
 * Returns: (transfer full) (nullable): the active dates in words, or %NULL
 *   when both are empty (always active)
 */
char *
desk_preferences_window_dates_text (const char *active_from,
                                    const char *active_until)
{
  if (active_from != NULL && active_until != NULL)
    /* Translators: active dates, from and until */
    return g_strdup_printf (_("%s to %s"), active_from, active_until);
  if (active_from != NULL)
    return g_strdup_printf (_("from %s"), active_from);
  if (active_until != NULL)
    return g_strdup_printf (_("until %s"), active_until);
  return NULL;
}

/* Retired: the last active day lies before today. */
gboolean
desk_preferences_window_is_retired (const char *active_until)
{
  g_autofree char *today = NULL;

  if (active_until == NULL)
    return FALSE;
  today = desk_today ();
  return strcmp (active_until, today) < 0;
}

GtkWidget *
desk_preferences_row_new (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The row an empty list shows. */
GtkWidget *
desk_preferences_placeholder_new (const char *title)
{
  GtkWidget *row = desk_preferences_row_new (title, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
desk_preferences_retired_tag_new (void)
{
  GtkWidget *tag = gtk_label_new (_("Retired"));

  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

/* Makes activating @row (click, Enter) run @action with @target. */
void
desk_preferences_row_set_action (GtkWidget  *row,
                                 const char *action,
                                 GVariant   *target)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

/* Tags @row as showing entry @id of the list @key names, so that the focus
 * can come back to it when the list is rebuilt after an edit. */
void
desk_preferences_row_set_entry (GtkWidget  *row,
                                const char *key,
                                gint64      id)
{
  g_object_set_data_full (G_OBJECT (row), key, g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *key,
                gint64      id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const gint64 *tag = g_object_get_data (G_OBJECT (child), key);
      GtkWidget *found;

      if (tag != NULL && *tag == id)
        return child;
      found = find_entry_row (child, key, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Puts the focus on the row of entry @id: after a form closes, the list
 * it changed was rebuilt, and the keyboard should go on from the entry. */
gboolean
desk_preferences_window_focus_entry (DeskPreferencesWindow *self,
                                     const char            *key,
                                     gint64                 id)
{
  GtkWidget *row = id > 0 ? find_entry_row (GTK_WIDGET (self), key, id) : NULL;

  return row != NULL && gtk_widget_grab_focus (row);
}

char *
desk_preferences_join (const char *const *parts,
                       guint              n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* 本所: text settings, saved on Enter and when the field is left      */

static gboolean
save_text_row (DeskPreferencesWindow *self,
               GtkWidget             *row)
{
  const char *key = gtk_widget_get_name (row);
  const DeskSettingInfo *info = desk_settings_find_key (key);
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)   /* the window is going away */
    return TRUE;
  stored = desk_settings_get (self->store, key);
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (g_strcmp0 (typed, stored ? stored : "") != 0 &&
      !desk_settings_set (self->store, key, typed, &error))
    {
      desk_preferences_field_set_error (row, desk_preferences_error_problem (error->message,
                                                                             _(info->title)));
      return FALSE;
    }
  desk_preferences_field_set_error (row, NULL);
  /* Saved: the apply button would still offer to apply. */
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (g_strcmp0 (typed, stored ? stored : "") != 0)
    desk_preferences_window_changed (self);
  return TRUE;
}

static void
text_row_apply (AdwEntryRow           *row,
                DeskPreferencesWindow *self)
{
  save_text_row (self, GTK_WIDGET (row));
}

static void
text_row_leave (GtkEventControllerFocus *controller,
                DeskPreferencesWindow   *self)
{
  save_text_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
add_text_rows (DeskPreferencesWindow *self,
               AdwPreferencesGroup   *group,
               const SettingRow      *keys,
               guint                  n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      const DeskSettingInfo *info = desk_settings_find_key (keys[i].key);
      g_autofree char *value = desk_settings_get (self->store, keys[i].key);
      GtkWidget *row = adw_entry_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_assert (info != NULL);
      gtk_widget_set_name (row, info->key);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (text_row_apply), self);
      g_signal_connect (focus, "leave", G_CALLBACK (text_row_leave), self);
      gtk_widget_add_controller (row, focus);
      adw_preferences_group_add (group, row);
      adw_preferences_group_add (group, desk_preferences_field_message_new (row));
      g_ptr_array_add (self->text_rows, row);
    }
}

/* ------------------------------------------------------------------ */
/* 时限: numbers in spin buttons                                       */

/* A typed value the setting refuses stays in the field with the message
 * beneath it: the spin button would otherwise put the old value back. */
static int
number_input (GtkSpinButton *spin,
              double        *new_value,
              GtkWidget     *row)
{
  const DeskSettingInfo *info = desk_settings_find_key (gtk_widget_get_name (row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 n;

  if (!g_ascii_string_to_signed (text, 10, info->min, info->max, &n, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("enter a whole number from %d to %d"),
                                                  info->min, info->max);

      desk_preferences_field_set_error (row, message);
      g_object_set_data (G_OBJECT (spin), "desk-keep-text", GINT_TO_POINTER (TRUE));
      return GTK_INPUT_ERROR;
    }
  *new_value = (double) n;
  desk_preferences_field_set_error (row, NULL);
  return TRUE;
}

static gboolean
number_output (GtkSpinButton *spin,
               GtkWidget     *row)
{
  gboolean keep = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "desk-keep-text"));

  g_object_set_data (G_OBJECT (spin), "desk-keep-text", NULL);
  return keep;
}

static void
number_changed (GtkSpinButton         *spin,
                DeskPreferencesWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (spin), "desk-row");
  const char *key = gtk_widget_get_name (row);
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* Also emitted when a refused value leaves the old one in place. */
  if (self->store == NULL || value == desk_settings_get_int (self->store, key))
    return;
  text = g_strdup_printf ("%d", value);
  if (!desk_settings_set (self->store, key, text, &error))
    {
      const DeskSettingInfo *info = desk_settings_find_key (key);

      desk_preferences_field_set_error (row, desk_preferences_error_problem (error->message,
                                                                             _(info->title)));
      return;
    }
  desk_preferences_field_set_error (row, NULL);
  desk_preferences_window_changed (self);
}

static void
add_number_rows (DeskPreferencesWindow *self,
                 AdwPreferencesGroup   *group,
                 const SettingRow      *keys,
                 guint                  n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      const DeskSettingInfo *info = desk_settings_find_key (keys[i].key);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin;

      g_assert (info != NULL && info->max > info->min);
      gtk_widget_set_name (row, info->key);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      if (keys[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(keys[i].subtitle));

      spin = gtk_spin_button_new_with_range (info->min, info->max, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 desk_settings_get_int (self->store, info->key));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(info->title), -1);
      g_object_set_data (G_OBJECT (spin), "desk-row", row);
      g_object_set_data (G_OBJECT (row), "desk-spin", spin);
      g_signal_connect (spin, "input", G_CALLBACK (number_input), row);
      g_signal_connect (spin, "output", G_CALLBACK (number_output), row);
      g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      adw_preferences_group_add (group, row);
      adw_preferences_group_add (group, desk_preferences_field_message_new (row));
      g_ptr_array_add (self->number_rows, row);
    }
}

/* Saves what is typed in the settings; returns FALSE when something could
 * not be saved (its message is beside it). */
static gboolean
save_typed_settings (DeskPreferencesWindow *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->text_rows->len; i++)
    ok = save_text_row (self, g_ptr_array_index (self->text_rows, i)) && ok;
  for (guint i = 0; i < self->number_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->number_rows, i);

      gtk_spin_button_update (g_object_get_data (G_OBJECT (row), "desk-spin"));
      ok = desk_preferences_field_get_error (row) == NULL && ok;
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static gboolean
desk_preferences_window_close_request (GtkWindow *window)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (window);

  /* What was typed last is saved on closing too; a value that cannot be
   * saved keeps the window open once, so that it is not lost unseen. */
  if (self->store != NULL && !save_typed_settings (self) && !self->discard_on_close)
    {
      self->discard_on_close = TRUE;
      desk_preferences_window_toast (self, _("A value beside its message was not saved. "
                                             "Correct it, or close again to discard it."));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_preferences_window_parent_class)->close_request (window);
}

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_finalize (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  g_ptr_array_unref (self->text_rows);
  g_ptr_array_unref (self->number_rows);
  g_ptr_array_unref (self->village_rows);
  g_ptr_array_unref (self->committee_rows);
  g_ptr_array_unref (self->staff_rows);
  g_ptr_array_unref (self->code_rows);
  g_ptr_array_unref (self->holiday_rows);
  g_hash_table_unref (self->expanded);
  g_free (self->removed_date);
  g_free (self->removed_note);
  G_OBJECT_CLASS (desk_preferences_window_parent_class)->finalize (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_preferences_window_dispose;
  object_class->finalize = desk_preferences_window_finalize;
  window_class->close_request = desk_preferences_window_close_request;

  /**
   * DeskPreferencesWindow::changed:
   *
   * A setting, a register entry, a label or a holiday was written.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, station_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow,
                                        signatories_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, limits_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, adviser_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, report_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, villages_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow,
                                        committees_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, code_kind_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, codes_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow,
                                        holiday_year_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, holidays_group);

  desk_preferences_registers_class_init (widget_class);
  desk_preferences_codes_class_init (widget_class);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->text_rows = g_ptr_array_new ();
  self->number_rows = g_ptr_array_new ();
  self->village_rows = g_ptr_array_new ();
  self->committee_rows = g_ptr_array_new ();
  self->staff_rows = g_ptr_array_new ();
  self->code_rows = g_ptr_array_new ();
  self->holiday_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * desk_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: the open ledger
 */
DeskPreferencesWindow *
desk_preferences_window_new (GtkWindow *parent,
                             DeskStore *store)
{
  DeskPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  add_text_rows (self, self->station_group, station_keys, G_N_ELEMENTS (station_keys));
  add_text_rows (self, self->signatories_group, signatory_keys,
                 G_N_ELEMENTS (signatory_keys));
  add_number_rows (self, self->limits_group, limit_keys, G_N_ELEMENTS (limit_keys));
  add_number_rows (self, self->adviser_group, adviser_keys, G_N_ELEMENTS (adviser_keys));
  add_number_rows (self, self->report_group, report_keys, G_N_ELEMENTS (report_keys));
  desk_preferences_registers_init (self);
  desk_preferences_codes_init (self);
  return self;
}

/**
 * desk_preferences_window_get_store:
 *
 * Returns: (transfer none): the ledger the window edits
 */
DeskStore *
desk_preferences_window_get_store (DeskPreferencesWindow *self)
{
  g_return_val_if_fail (DESK_IS_PREFERENCES_WINDOW (self), NULL);
  return self->store;
}
