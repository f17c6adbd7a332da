/* desk-visit-list.h — the follow-up visits (回访) of a successful mediation,
 * edited in the case's form and written with it. */
#pragma once

#include <adwaita.h>

#include "desk-mediation.h"

G_BEGIN_DECLS

#define DESK_TYPE_VISIT_LIST (desk_visit_list_get_type ())
G_DECLARE_FINAL_TYPE (DeskVisitList, desk_visit_list, DESK, VISIT_LIST, GtkWidget)

GtkWidget           *desk_visit_list_new                 (void);
void                 desk_visit_list_set_store           (DeskVisitList  *self,
                                                          DeskStore      *store);
gboolean             desk_visit_list_load                (DeskVisitList  *self,
                                                          gint64          case_id,
                                                          GError        **error);
void                 desk_visit_list_set_closed_on       (DeskVisitList  *self,
                                                          const char     *closed_on);
void                 desk_visit_list_set_default_visitor (DeskVisitList  *self,
                                                          const char     *name);
guint                desk_visit_list_get_n_visits        (DeskVisitList  *self);
const DeskCaseVisit *desk_visit_list_get_visit           (DeskVisitList  *self,
                                                          guint           index);
gboolean             desk_visit_list_get_modified        (DeskVisitList  *self);
const char          *desk_visit_list_get_earliest        (DeskVisitList  *self);
gboolean             desk_visit_list_save_removals       (DeskVisitList  *self,
                                                          GError        **error);
gboolean             desk_visit_list_save                (DeskVisitList  *self,
                                                          gint64          case_id,
                                                          GError        **error);
void                 desk_visit_list_add                 (DeskVisitList  *self);
void                 desk_visit_list_edit                (DeskVisitList  *self,
                                                          guint           index);
void                 desk_visit_list_remove              (DeskVisitList  *self,
                                                          guint           index);
void                 desk_visit_list_set_error           (DeskVisitList  *self,
                                                          const char     *message);

G_END_DECLS
