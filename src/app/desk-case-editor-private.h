/* desk-case-editor-private.h — what the parts of the mediation case
 * editor share: the form's widgets and state, and the checks of
 * desk-case-editor-checks.c. */
#pragma once

#include "desk-case-editor.h"
#include "desk-mediation.h"
#include "desk-party-list.h"
#include "desk-visit-list.h"

G_BEGIN_DECLS

struct _DeskCaseEditor
{
  AdwWindow          parent_instance;

  DeskStore         *store;
  DeskCase          *record;          /* as last loaded or saved; NULL: new */
  gint64             consultation_id; /* a new case opened from it */
  gboolean           modified;
  guint              loading;
  gboolean           closing;
  gboolean           party_count_manual;
  GArray            *mediator_ids;    /* (element-type gint64) ticked */
  GtkSizeGroup      *label_group;

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *delete_button;
  GtkScrolledWindow *scroller;
  GtkWidget         *message_label;
  GtkWidget         *missing_label;
  GtkLabel          *number_label;
  GtkDropDown       *committee_dropdown;
  GtkWidget         *committee_error;
  GtkEntry          *accepted_entry;
  GtkWidget         *accepted_entry_calendar;
  GtkWidget         *accepted_error;
  GtkDropDown       *registrar_dropdown;
  GtkWidget         *registrar_error;
  GtkGrid           *mediators_grid;
  GtkLabel          *mediators_hint;
  GtkWidget         *mediators_error;
  GtkDropDown       *source_dropdown;
  GtkWidget         *source_error;
  GtkDropDown       *dispute_dropdown;
  GtkWidget         *dispute_error;
  GtkDropDown       *difficulty_dropdown;
  GtkWidget         *difficulty_error;
  GtkDropDown       *risk_dropdown;
  GtkWidget         *risk_error;
  DeskPartyList     *party_list;
  GtkSpinButton     *party_count_spin;
  GtkLabel          *party_count_hint;
  GtkWidget         *party_count_error;
  GtkTextView       *summary_view;
  GtkWidget         *summary_view_scroll;
  GtkWidget         *summary_error;
  GtkTextView       *request_view;
  GtkWidget         *request_view_scroll;
  GtkWidget         *request_error;
  GtkDropDown       *status_dropdown;
  GtkLabel          *status_hint;
  GtkWidget         *status_error;
  GtkWidget         *closed_label;
  GtkEntry          *closed_entry;
  GtkWidget         *closed_entry_calendar;
  GtkWidget         *closed_error;
  GtkWidget         *agreement_box;
  GtkDropDown       *form_dropdown;
  GtkWidget         *form_error;
  GtkTextView       *content_view;
  GtkWidget         *content_view_scroll;
  GtkWidget         *content_error;
  GtkEntry          *amount_entry;
  GtkWidget         *amount_error;
  GtkEntry          *manner_entry;
  GtkWidget         *manner_error;
  GtkEntry          *term_entry;
  GtkWidget         *term_error;
  GtkDropDown       *performance_dropdown;
  GtkWidget         *performance_error;
  GtkEntry          *confirmed_entry;
  GtkWidget         *confirmed_entry_calendar;
  GtkWidget         *confirmed_error;
  GtkSpinButton     *suicide_spin;
  GtkSpinButton     *criminal_spin;
  GtkSpinButton     *petition_spin;
  GtkSpinButton     *fight_spin;
  GtkWidget         *prevent_error;
  GtkDropDown       *retention_dropdown;
  GtkWidget         *retention_error;
  GtkEntry          *filed_entry;
  GtkWidget         *filed_entry_calendar;
  GtkWidget         *filed_error;
  GtkWidget         *visits_box;
  DeskVisitList     *visit_list;

  /* The labels of the first column, which line up across the sections. */
  GtkWidget         *number_title;
  GtkWidget         *committee_label;
  GtkWidget         *mediators_label;
  GtkWidget         *source_label;
  GtkWidget         *risk_label;
  GtkWidget         *parties_label;
  GtkWidget         *party_count_label;
  GtkWidget         *summary_label;
  GtkWidget         *request_label;
  GtkWidget         *status_label;
  GtkWidget         *form_label;
  GtkWidget         *content_label;
  GtkWidget         *amount_label;
  GtkWidget         *performance_label;
  GtkWidget         *retention_label;
};

/* Where the core's field errors go: the field's label (as the core names
 * it), the widget marked and the label under it. */
typedef struct
{
  const char *field;
  GtkWidget  *widget;
  GtkWidget  *message;
} Slot;

#define N_SLOTS 24

DeskCaseStatus  desk_case_editor_status             (DeskCaseEditor  *self);
guint           desk_case_editor_get_slots          (DeskCaseEditor  *self,
                                                     Slot            *slots);
gboolean        desk_case_editor_check_accepted     (DeskCaseEditor  *self,
                                                     gboolean         final,
                                                     char           **date);
gboolean        desk_case_editor_check_closed       (DeskCaseEditor  *self,
                                                     gboolean         final,
                                                     char           **out);
gboolean        desk_case_editor_check_confirmed    (DeskCaseEditor  *self,
                                                     gboolean         final,
                                                     char           **out);
gboolean        desk_case_editor_check_filed        (DeskCaseEditor  *self,
                                                     gboolean         final,
                                                     char           **out);
gboolean        desk_case_editor_check_amount       (DeskCaseEditor  *self,
                                                     gboolean         final,
                                                     gint64          *fen);
gboolean        desk_case_editor_check_content      (DeskCaseEditor  *self,
                                                     gboolean         final);
gboolean        desk_case_editor_check_entry_text   (DeskCaseEditor  *self,
                                                     GtkEntry        *entry,
                                                     GtkWidget       *message,
                                                     gboolean         final);
gboolean        desk_case_editor_check_mediators    (DeskCaseEditor  *self,
                                                     gboolean         final);
gboolean        desk_case_editor_check_party_count  (DeskCaseEditor  *self);
GtkWidget      *desk_case_editor_check_all          (DeskCaseEditor  *self);
GtkWidget      *desk_case_editor_show_field_error   (DeskCaseEditor  *self,
                                                     const GError    *error);
void            desk_case_editor_clear_errors       (DeskCaseEditor  *self);
void            desk_case_editor_show_missing       (DeskCaseEditor  *self,
                                                     const DeskCase  *mcase);

G_END_DECLS
