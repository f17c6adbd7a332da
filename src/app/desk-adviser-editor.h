/* desk-adviser-editor.h — the form of one village legal adviser
 * (村(居)法律顾问) and the villages the adviser serves over time. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_ADVISER_EDITOR (desk_adviser_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskAdviserEditor, desk_adviser_editor, DESK, ADVISER_EDITOR, AdwWindow)

DeskAdviserEditor *desk_adviser_editor_new              (GtkWindow          *parent,
                                                         DeskStore          *store);
gboolean    desk_adviser_editor_load                    (DeskAdviserEditor  *self,
                                                         gint64              id,
                                                         GError            **error);
gint64      desk_adviser_editor_get_adviser_id          (DeskAdviserEditor  *self);
const char *desk_adviser_editor_get_name                (DeskAdviserEditor  *self);
gboolean    desk_adviser_editor_get_modified            (DeskAdviserEditor  *self);
guint       desk_adviser_editor_get_n_assignments       (DeskAdviserEditor  *self);

G_END_DECLS
