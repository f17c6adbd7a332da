/* desk-case-editor.h — the form of one people's-mediation case (人民调解案件). */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE_EDITOR (desk_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskCaseEditor, desk_case_editor, DESK, CASE_EDITOR, AdwWindow)

DeskCaseEditor *desk_case_editor_new                   (GtkWindow       *parent,
                                                        DeskStore       *store);
DeskCaseEditor *desk_case_editor_new_from_consultation (GtkWindow       *parent,
                                                        DeskStore       *store,
                                                        gint64           consultation_id,
                                                        GError         **error);
gboolean        desk_case_editor_load                  (DeskCaseEditor  *self,
                                                        gint64           id,
                                                        GError         **error);
gint64          desk_case_editor_get_case_id           (DeskCaseEditor  *self);
const char     *desk_case_editor_get_number            (DeskCaseEditor  *self);
gboolean        desk_case_editor_get_modified          (DeskCaseEditor  *self);

G_END_DECLS
