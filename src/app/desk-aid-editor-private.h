/* desk-aid-editor-private.h — what the two halves of the legal-aid editor
 * share: the form (desk-aid-editor.c) and its progress, the status flow with
 * its dated steps (desk-aid-editor-steps.c). */
#pragma once

#include "desk-aid-editor.h"
#include "desk-person-picker.h"

G_BEGIN_DECLS

struct _DeskAidEditor
{
  AdwWindow          parent_instance;

  DeskStore         *store;
  DeskLegalAid      *record;          /* as last loaded, saved or advanced; NULL: new */
  gint64             consultation_id; /* a new application's consultation; 0: none */
  DeskAidCheck       check;           /* LENIENT for an imported record lacking dates */
  gboolean           modified;
  guint              loading;
  gboolean           closing;
  gboolean           village_touched;
  gboolean           sex_touched;     /* the clerk changed the applicant's copy */
  gboolean           birth_touched;
  gint64             copied_person;   /* whose register entry the copy was filled from */

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *delete_button;
  GtkWidget         *message_label;
  GtkWidget         *number_label;
  GtkLabel          *number_value;
  GtkLabel          *consultation_value;
  GtkLabel          *date_label;
  GtkEntry          *date_entry;
  GtkWidget         *date_error;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  GtkDropDown       *staff_dropdown;
  GtkWidget         *staff_error;
  DeskPersonPicker  *picker;
  GtkDropDown       *sex_dropdown;
  GtkWidget         *sex_error;
  GtkLabel          *birth_label;
  GtkEntry          *birth_entry;
  GtkWidget         *birth_error;
  GtkDropDown       *ethnicity_dropdown;
  GtkWidget         *ethnicity_error;
  GtkEntry          *agent_entry;
  GtkWidget         *agent_error;
  GtkDropDown       *village_dropdown;
  GtkWidget         *village_error;
  GtkDropDown       *matter_type_dropdown;
  GtkWidget         *matter_type_error;
  GtkDropDown       *matter_dropdown;
  GtkWidget         *matter_error;
  GtkGrid           *categories_grid;
  GtkLabel          *categories_note;
  GtkCheckButton    *categories[DESK_AID_N_CATEGORIES];
  GtkDropDown       *hardship_dropdown;
  GtkWidget         *hardship_error;
  GtkCheckButton    *identity_check;
  GtkCheckButton    *hardship_proof_check;
  GtkCheckButton    *matter_papers_check;
  GtkCheckButton    *complete_check;
  GtkWidget         *summary_scroll;
  GtkTextView       *summary_view;
  GtkWidget         *summary_error;

  GtkLabel          *status_label;
  GtkLabel          *days_label;
  GtkWidget         *overdue_box;
  GtkLabel          *overdue_label;
  GtkBox            *steps_box;
  GtkLabel          *steps_hint;
  GtkListBox        *history_list;
  GtkWidget         *step_buttons[DESK_AID_N_STATUSES];
};

/* desk-aid-editor.c */
char     *desk_aid_editor_typed_received_at (DeskAidEditor *self);
gboolean  desk_aid_editor_save_record       (DeskAidEditor *self);
void      desk_aid_editor_set_record        (DeskAidEditor *self,
                                             DeskLegalAid  *record);
void      desk_aid_editor_show_message      (DeskAidEditor *self,
                                             const char    *message);

/* desk-aid-editor-steps.c */
void      desk_aid_editor_steps_init        (DeskAidEditor *self);
void      desk_aid_editor_steps_class_init  (GtkWidgetClass *widget_class);
void      desk_aid_editor_update_progress   (DeskAidEditor *self);
void      desk_aid_editor_update_clock      (DeskAidEditor *self);

G_END_DECLS
