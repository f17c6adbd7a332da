/* desk-person-editor.h — the entry of one person or organisation in the
 * register (当事人). */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_PERSON_EDITOR (desk_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskPersonEditor, desk_person_editor, DESK, PERSON_EDITOR, AdwWindow)

DeskPersonEditor *desk_person_editor_new           (GtkWindow         *parent,
                                                    DeskStore         *store);
gboolean    desk_person_editor_load                (DeskPersonEditor  *self,
                                                    gint64             id,
                                                    GError           **error);
gint64      desk_person_editor_get_person_id       (DeskPersonEditor  *self);
const char *desk_person_editor_get_name            (DeskPersonEditor  *self);
gboolean    desk_person_editor_get_modified        (DeskPersonEditor  *self);

G_END_DECLS
