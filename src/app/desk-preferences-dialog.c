/* desk-preferences-dialog.c — the small form of the preferences.
 *
 * A modal window over the preferences: a boxed list of fields, Cancel and a
 * save button.  Enter in a text field saves, Escape cancels.  A save that
 * fails keeps the window open with everything typed, and the message sits
 * right beneath the field it is about (or at the bottom when it names no
 * field of the form).  AdwMessageDialog would close on any response, which
 * would throw away what was typed: hence a window of our own.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-preferences-dialog.h"

/* The separator the core puts between a field and its problem. */
#define FIELD_SEPARATOR "："

struct _DeskPreferencesDialog
{
  AdwWindow                  parent_instance;

  AdwWindowTitle            *window_title;
  GtkButton                 *save_button;
  GtkLabel                  *description_label;
  GtkListBox                *list;
  GtkLabel                  *note_label;
  GtkLabel                  *message_label;

  GHashTable                *fields;      /* label → row */
  GtkWidget                 *first_row;
  DeskPreferencesDialogSave  save_func;
  gpointer                   save_data;
  GDestroyNotify             save_destroy;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesDialog, desk_preferences_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* Field messages                                                      */

/**
 * desk_preferences_field_message_new:
 * @row: a row of a boxed list
 *
 * Creates the hidden row that shows @row's error; add it to the same list
 * right after @row.
 *
 * Returns: (transfer floating): the message row
 */
GtkWidget *
desk_preferences_field_message_new (GtkWidget *row)
{
  GtkWidget *message_row;
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  /* An AdwPreferencesRow, so that an AdwPreferencesGroup keeps it in its
   * list, right under the row, rather than below the whole list. */
  message_row = adw_preferences_row_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_focusable (message_row, FALSE);
  gtk_widget_set_visible (message_row, FALSE);

  g_object_set_data (G_OBJECT (row), "desk-message-row", message_row);
  g_object_set_data (G_OBJECT (message_row), "desk-message-label", label);
  return message_row;
}

/**
 * desk_preferences_field_set_error:
 * @message: (nullable): what is wrong, or %NULL to clear
 *
 * Marks @row with the `.error` style and shows @message beneath it.
 */
void
desk_preferences_field_set_error (GtkWidget  *row,
                                  const char *message)
{
  GtkWidget *message_row;
  gboolean has_error;

  g_return_if_fail (GTK_IS_WIDGET (row));

  has_error = message != NULL && *message != '\0';
  if (has_error)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  message_row = g_object_get_data (G_OBJECT (row), "desk-message-row");
  if (message_row != NULL)
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (message_row), "desk-message-label");

      gtk_label_set_text (label, has_error ? message : "");
      gtk_widget_set_visible (message_row, has_error);
    }
}

/**
 * desk_preferences_field_get_error:
 *
 * Returns: (nullable): the message shown beneath @row, or %NULL
 */
const char *
desk_preferences_field_get_error (GtkWidget *row)
{
  GtkWidget *message_row;
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  message_row = g_object_get_data (G_OBJECT (row), "desk-message-row");
  if (message_row == NULL || !gtk_widget_get_visible (message_row))
    return NULL;
  label = g_object_get_data (G_OBJECT (message_row), "desk-message-label");
  return gtk_label_get_text (label);
}

/**
 * desk_preferences_error_problem:
 * @field: (nullable): the field's label
 *
 * Returns: the part of a field error after "@field：" (the field's own label
 *   stands right above it), or the whole @message.
 */
const char *
desk_preferences_error_problem (const char *message,
                                const char *field)
{
  size_t len;

  g_return_val_if_fail (message != NULL, NULL);

  if (field == NULL)
    return message;
  len = strlen (field);
  if (strncmp (message, field, len) == 0 &&
      g_str_has_prefix (message + len, FIELD_SEPARATOR))
    return message + len + strlen (FIELD_SEPARATOR);
  return message;
}

/* ------------------------------------------------------------------ */
/* The form                                                            */

static void
clear_errors (DeskPreferencesDialog *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    desk_preferences_field_set_error (row, NULL);
  gtk_label_set_text (self->message_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
add_field (DeskPreferencesDialog *self,
           const char            *field,
           GtkWidget             *row)
{
  gtk_list_box_append (self->list, row);
  gtk_list_box_append (self->list, desk_preferences_field_message_new (row));
  g_hash_table_replace (self->fields, g_strdup (field), row);
  if (self->first_row == NULL)
    self->first_row = row;
}

static void
entry_activated (DeskPreferencesDialog *self)
{
  desk_preferences_dialog_save (self);
}

/**
 * desk_preferences_dialog_add_entry:
 * @text: (nullable): the text to start with
 *
 * Returns: (transfer none): the new #AdwEntryRow
 */
GtkWidget *
desk_preferences_dialog_add_entry (DeskPreferencesDialog *self,
                                   const char            *field,
                                   const char            *text)
{
  GtkWidget *row;

  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (entry_activated), self);
  add_field (self, field, row);
  return row;
}

/**
 * desk_preferences_dialog_add_choice:
 * @labels: (array zero-terminated=1): the choices
 *
 * Returns: (transfer none): the new #AdwComboRow
 */
GtkWidget *
desk_preferences_dialog_add_choice (DeskPreferencesDialog *self,
                                    const char            *field,
                                    const char *const     *labels,
                                    guint                  selected)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;

  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL && labels != NULL, NULL);

  model = gtk_string_list_new (labels);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (model)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_field (self, field, row);
  return row;
}

/**
 * desk_preferences_dialog_add_switch:
 * @subtitle: (nullable): what on means
 *
 * Returns: (transfer none): the new row; its #GtkSwitch is its activatable
 *   widget
 */
GtkWidget *
desk_preferences_dialog_add_switch (DeskPreferencesDialog *self,
                                    const char            *field,
                                    const char            *subtitle,
                                    gboolean               active)
{
  GtkWidget *row;
  GtkWidget *toggle;

  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  toggle = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "desk-switch", toggle);
  add_field (self, field, row);
  return row;
}

GtkWidget *
desk_preferences_dialog_get_row (DeskPreferencesDialog *self,
                                 const char            *field)
{
  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), NULL);
  return g_hash_table_lookup (self->fields, field);
}

/**
 * desk_preferences_dialog_dup_text:
 *
 * Returns: (transfer full): the text of the entry @field, as typed (the
 *   core trims and checks it)
 */
char *
desk_preferences_dialog_dup_text (DeskPreferencesDialog *self,
                                  const char            *field)
{
  GtkWidget *row = desk_preferences_dialog_get_row (self, field);

  g_return_val_if_fail (GTK_IS_EDITABLE (row), NULL);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

guint
desk_preferences_dialog_get_selected (DeskPreferencesDialog *self,
                                      const char            *field)
{
  GtkWidget *row = desk_preferences_dialog_get_row (self, field);

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}

gboolean
desk_preferences_dialog_get_active (DeskPreferencesDialog *self,
                                    const char            *field)
{
  GtkWidget *row = desk_preferences_dialog_get_row (self, field);
  GtkWidget *toggle = row ? g_object_get_data (G_OBJECT (row), "desk-switch") : NULL;

  g_return_val_if_fail (GTK_IS_SWITCH (toggle), FALSE);
  return gtk_switch_get_active (GTK_SWITCH (toggle));
}

void
desk_preferences_dialog_set_description (DeskPreferencesDialog *self,
                                         const char            *text)
{
  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));

  gtk_label_set_text (self->description_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && *text);
}

/**
 * desk_preferences_dialog_set_note:
 *
 * A line under the fields that says what they mean (dim, small).
 */
void
desk_preferences_dialog_set_note (DeskPreferencesDialog *self,
                                  const char            *text)
{
  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));

  gtk_label_set_text (self->note_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text != NULL && *text);
}

void
desk_preferences_dialog_set_save_func (DeskPreferencesDialog     *self,
                                       DeskPreferencesDialogSave  func,
                                       gpointer                   user_data,
                                       GDestroyNotify             destroy)
{
  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));

  if (self->save_destroy != NULL)
    self->save_destroy (self->save_data);
  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

/**
 * desk_preferences_dialog_set_error:
 * @field: (nullable): the field, or %NULL for the message at the bottom
 *
 * Shows @message beside @field and moves the focus there.
 */
void
desk_preferences_dialog_set_error (DeskPreferencesDialog *self,
                                   const char            *field,
                                   const char            *message)
{
  GtkWidget *row;

  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));

  row = field ? g_hash_table_lookup (self->fields, field) : NULL;
  if (row == NULL)
    {
      gtk_label_set_text (self->message_label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
      return;
    }
  desk_preferences_field_set_error (row, message);
  gtk_widget_grab_focus (row);
}

/**
 * desk_preferences_dialog_show_error:
 *
 * Puts a core error beside the field it names ("字段：问题"), or at the
 * bottom when it names none of the form's fields.
 */
void
desk_preferences_dialog_show_error (DeskPreferencesDialog *self,
                                    const GError          *error)
{
  const char *sep;

  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));
  g_return_if_fail (error != NULL);

  sep = strstr (error->message, FIELD_SEPARATOR);
  if (sep != NULL)
    {
      g_autofree char *field = g_strndup (error->message, sep - error->message);

      if (g_hash_table_contains (self->fields, field))
        {
          desk_preferences_dialog_set_error (self, field,
                                             sep + strlen (FIELD_SEPARATOR));
          return;
        }
    }
  desk_preferences_dialog_set_error (self, NULL, error->message);
}

/**
 * desk_preferences_dialog_get_message:
 * @field: (nullable): a field, or %NULL for the message at the bottom
 *
 * Returns: (nullable): the message shown, or %NULL
 */
const char *
desk_preferences_dialog_get_message (DeskPreferencesDialog *self,
                                     const char            *field)
{
  GtkWidget *row;

  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), NULL);

  if (field == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
           ? gtk_label_get_text (self->message_label) : NULL;
  row = g_hash_table_lookup (self->fields, field);
  return row ? desk_preferences_field_get_error (row) : NULL;
}

/**
 * desk_preferences_dialog_save:
 *
 * What the save button and Enter do: runs the save function and closes
 * the form when it succeeds.
 *
 * Returns: whether it saved (and closed)
 */
gboolean
desk_preferences_dialog_save (DeskPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_PREFERENCES_DIALOG (self), FALSE);

  clear_errors (self);
  if (self->save_func != NULL && !self->save_func (self, self->save_data, &error))
    {
      if (error != NULL)
        desk_preferences_dialog_show_error (self, error);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
desk_preferences_dialog_present (DeskPreferencesDialog *self)
{
  g_return_if_fail (DESK_IS_PREFERENCES_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  if (self->first_row != NULL)
    gtk_widget_grab_focus (self->first_row);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  desk_preferences_dialog_save (DESK_PREFERENCES_DIALOG (widget));
}

static void
desk_preferences_dialog_dispose (GObject *object)
{
  DeskPreferencesDialog *self = DESK_PREFERENCES_DIALOG (object);

  desk_preferences_dialog_set_save_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  self->first_row = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_DIALOG);
  G_OBJECT_CLASS (desk_preferences_dialog_parent_class)->dispose (object);
}

static void
desk_preferences_dialog_class_init (DeskPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog,
                                        description_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog, list);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesDialog, message_label);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_preferences_dialog_init (DeskPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * desk_preferences_dialog_new:
 * @parent: a widget of the window the form belongs to
 * @save_label: the save button's label, with a mnemonic
 */
DeskPreferencesDialog *
desk_preferences_dialog_new (GtkWidget  *parent,
                             const char *title,
                             const char *save_label)
{
  DeskPreferencesDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (DESK_TYPE_PREFERENCES_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->save_button, save_label);
  return self;
}
