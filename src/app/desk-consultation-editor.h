/* desk-consultation-editor.h — the form of one consultation (法律咨询登记). */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONSULTATION_EDITOR (desk_consultation_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskConsultationEditor, desk_consultation_editor,
                      DESK, CONSULTATION_EDITOR, AdwWindow)

/* Opens the record that follows from the consultation @consultation_id:
 * the mediation case (引导人民调解) or the legal-aid application
 * (指导申请法律援助). */
typedef void (*DeskConsultationFollowUpFunc) (DeskConsultationEditor *editor,
                                              gint64                  consultation_id,
                                              gpointer                user_data);

DeskConsultationEditor *desk_consultation_editor_new      (GtkWindow              *parent,
                                                           DeskStore              *store);
gboolean    desk_consultation_editor_load                 (DeskConsultationEditor *self,
                                                           gint64                  id,
                                                           GError                **error);
gint64      desk_consultation_editor_get_consultation_id  (DeskConsultationEditor *self);
const char *desk_consultation_editor_get_number           (DeskConsultationEditor *self);
gboolean    desk_consultation_editor_get_modified         (DeskConsultationEditor *self);

void        desk_consultation_editor_set_open_case_func   (DeskConsultationEditor       *self,
                                                           DeskConsultationFollowUpFunc  func,
                                                           gpointer                      user_data,
                                                           GDestroyNotify                destroy);
void        desk_consultation_editor_set_open_aid_func    (DeskConsultationEditor       *self,
                                                           DeskConsultationFollowUpFunc  func,
                                                           gpointer                      user_data,
                                                           GDestroyNotify                destroy);

G_END_DECLS
