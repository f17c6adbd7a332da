/* desk-aid-editor.h — the form of one legal-aid application (法律援助申请
 * 受理转交). */
#pragma once

#include <adwaita.h>

#include "desk-legal-aid.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_AID_EDITOR (desk_aid_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskAidEditor, desk_aid_editor, DESK, AID_EDITOR, AdwWindow)

DeskAidEditor *desk_aid_editor_new             (GtkWindow      *parent,
                                                DeskStore      *store);
gboolean    desk_aid_editor_load               (DeskAidEditor  *self,
                                                gint64          id,
                                                GError        **error);
gboolean    desk_aid_editor_fill_from_consultation (DeskAidEditor  *self,
                                                    gint64          consultation_id,
                                                    GError        **error);
gint64      desk_aid_editor_get_aid_id         (DeskAidEditor  *self);
const char *desk_aid_editor_get_number         (DeskAidEditor  *self);
DeskAidStatus desk_aid_editor_get_status       (DeskAidEditor  *self);
gboolean    desk_aid_editor_get_modified       (DeskAidEditor  *self);

G_END_DECLS
