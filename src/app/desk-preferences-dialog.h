/* desk-preferences-dialog.h — the small form the preferences open to add or
 * edit one entry: a village, a committee, a mediator, a staff member, a
 * code-table label, a holiday, a retirement date.
 *
 * Fields are named by their label as the user sees it, which is also how
 * the core's field errors name them ("名称：…"), so that a refused save puts
 * its message beside the field it is about.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_PREFERENCES_DIALOG (desk_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DeskPreferencesDialog, desk_preferences_dialog, DESK,
                      PREFERENCES_DIALOG, AdwWindow)

/* Saves what the form holds; on failure returns FALSE and either sets
 * @error or has put its messages beside the fields itself. */
typedef gboolean (*DeskPreferencesDialogSave) (DeskPreferencesDialog  *dialog,
                                               gpointer                user_data,
                                               GError                **error);

DeskPreferencesDialog *desk_preferences_dialog_new          (GtkWidget              *parent,
                                                             const char             *title,
                                                             const char             *save_label);
void        desk_preferences_dialog_set_description         (DeskPreferencesDialog  *self,
                                                             const char             *text);
void        desk_preferences_dialog_set_note                (DeskPreferencesDialog  *self,
                                                             const char             *text);
GtkWidget  *desk_preferences_dialog_add_entry               (DeskPreferencesDialog  *self,
                                                             const char             *field,
                                                             const char             *text);
GtkWidget  *desk_preferences_dialog_add_choice              (DeskPreferencesDialog  *self,
                                                             const char             *field,
                                                             const char *const      *labels,
                                                             guint                   selected);
GtkWidget  *desk_preferences_dialog_add_switch              (DeskPreferencesDialog  *self,
                                                             const char             *field,
                                                             const char             *subtitle,
                                                             gboolean                active);
GtkWidget  *desk_preferences_dialog_get_row                 (DeskPreferencesDialog  *self,
                                                             const char             *field);
char       *desk_preferences_dialog_dup_text                (DeskPreferencesDialog  *self,
                                                             const char             *field);
guint       desk_preferences_dialog_get_selected            (DeskPreferencesDialog  *self,
                                                             const char             *field);
gboolean    desk_preferences_dialog_get_active              (DeskPreferencesDialog  *self,
                                                             const char             *field);
void        desk_preferences_dialog_set_save_func           (DeskPreferencesDialog  *self,
                                                             DeskPreferencesDialogSave func,
                                                             gpointer                user_data,
                                                             GDestroyNotify          destroy);
void        desk_preferences_dialog_set_error               (DeskPreferencesDialog  *self,
                                                             const char             *field,
                                                             const char             *message);
void        desk_preferences_dialog_show_error              (DeskPreferencesDialog  *self,
                                                             const GError           *error);
const char *desk_preferences_dialog_get_message             (DeskPreferencesDialog  *self,
                                                             const char             *field);
gboolean    desk_preferences_dialog_save                    (DeskPreferencesDialog  *self);
void        desk_preferences_dialog_present                 (DeskPreferencesDialog  *self);

/* A message beneath a row of a boxed list, shared with the preferences
 * window's own rows: add the row, then the row this returns. */
GtkWidget  *desk_preferences_field_message_new              (GtkWidget              *row);
void        desk_preferences_field_set_error                (GtkWidget              *row,
                                                             const char             *message);
const char *desk_preferences_field_get_error                (GtkWidget              *row);
const char *desk_preferences_error_problem                  (const char             *message,
                                                             const char             *field);

G_END_DECLS
