/* desk-preferences-window-private.h — what the files of the preferences
 * window share: the instance struct and each page's set-up.
 *
 * desk-preferences-window.c holds the window, the station and time-limit
 * pages and the helpers; desk-preferences-registers.c the villages,
 * committees, mediators and staff; desk-preferences-codes.c the code tables
 * and the holiday calendar.
 */
#pragma once

#include "desk-preferences-dialog.h"
#include "desk-preferences-window.h"

G_BEGIN_DECLS

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DeskStore            *store;
  gboolean              discard_on_close;

  /* 本所, 时限: rows named by their setting's key */
  AdwPreferencesGroup  *station_group;
  AdwPreferencesGroup  *signatories_group;
  AdwPreferencesGroup  *limits_group;
  AdwPreferencesGroup  *adviser_group;
  AdwPreferencesGroup  *report_group;
  GPtrArray            *text_rows;       /* AdwEntryRow */
  GPtrArray            *number_rows;     /* AdwActionRow with a GtkSpinButton */

  /* 村(社区), 调委会和调解员, 工作人员 */
  AdwPreferencesGroup  *villages_group;
  GPtrArray            *village_rows;
  AdwPreferencesGroup  *committees_group;
  GPtrArray            *committee_rows;
  GHashTable           *expanded;        /* committee ids shown open */
  AdwPreferencesGroup  *staff_group;
  GPtrArray            *staff_rows;

  /* 代码表 */
  AdwComboRow          *code_kind_row;
  AdwPreferencesGroup  *codes_group;
  GPtrArray            *code_rows;

  /* 节假日 */
  GtkSpinButton        *holiday_year_spin;
  AdwPreferencesGroup  *holidays_group;
  GPtrArray            *holiday_rows;
  char                 *removed_date;    /* the last holiday removed, for undo */
  gboolean              removed_workday;
  char                 *removed_note;
};

/* desk-preferences-window.c */
void        desk_preferences_window_changed          (DeskPreferencesWindow *self);
void        desk_preferences_window_toast            (DeskPreferencesWindow *self,
                                                      const char            *message);
void        desk_preferences_window_clear_rows       (AdwPreferencesGroup   *group,
                                                      GPtrArray             *rows);
GtkWidget  *desk_preferences_window_menu_button      (GMenuModel            *menu,
                                                      const char            *tooltip);
void        desk_preferences_window_menu_append      (GMenu                 *menu,
                                                      const char            *label,
                                                      const char            *action,
                                                      gint64                 id);
AdwMessageDialog *desk_preferences_window_message    (DeskPreferencesWindow *self,
                                                      const char            *heading,
                                                      const char            *body);
char       *desk_preferences_window_dates_text       (const char            *active_from,
                                                      const char            *active_until);
gboolean    desk_preferences_window_is_retired       (const char            *active_until);

GtkWidget  *desk_preferences_row_new                 (const char            *title,
                                                      const char            *subtitle);
GtkWidget  *desk_preferences_placeholder_new         (const char            *title);
GtkWidget  *desk_preferences_retired_tag_new         (void);
void        desk_preferences_row_set_action          (GtkWidget             *row,
                                                      const char            *action,
                                                      GVariant              *target);
void        desk_preferences_row_set_entry           (GtkWidget             *row,
                                                      const char            *key,
                                                      gint64                 id);
gboolean    desk_preferences_window_focus_entry      (DeskPreferencesWindow *self,
                                                      const char            *key,
                                                      gint64                 id);
char       *desk_preferences_join                    (const char *const     *parts,
                                                      guint                  n_parts);

/* Joins the arguments that are neither NULL nor empty with " · ". */
#define DESK_PREFERENCES_JOIN(...) \
  desk_preferences_join ((const char *const []) { __VA_ARGS__ }, \
                         G_N_ELEMENTS (((const char *const []) { __VA_ARGS__ })))

/* desk-preferences-registers.c */
void        desk_preferences_registers_class_init    (GtkWidgetClass        *widget_class);
void        desk_preferences_registers_init          (DeskPreferencesWindow *self);
void        desk_preferences_registers_refresh       (DeskPreferencesWindow *self);

/* desk-preferences-codes.c */
void        desk_preferences_codes_class_init        (GtkWidgetClass        *widget_class);
void        desk_preferences_codes_init              (DeskPreferencesWindow *self);
void        desk_preferences_codes_refresh           (DeskPreferencesWindow *self);
void        desk_preferences_holidays_refresh        (DeskPreferencesWindow *self);

G_END_DECLS
