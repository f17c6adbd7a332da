/* desk-screening-editor.h — the form of one dispute screening (矛盾纠纷排查). */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SCREENING_EDITOR (desk_screening_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskScreeningEditor, desk_screening_editor,
                      DESK, SCREENING_EDITOR, AdwWindow)

DeskScreeningEditor *desk_screening_editor_new            (GtkWindow            *parent,
                                                           DeskStore            *store);
gboolean    desk_screening_editor_load                    (DeskScreeningEditor  *self,
                                                           gint64                id,
                                                           GError              **error);
gint64      desk_screening_editor_get_screening_id        (DeskScreeningEditor  *self);
gboolean    desk_screening_editor_get_modified            (DeskScreeningEditor  *self);
/* "2026-11-05 东坪村调委会": how toasts name the record (transfer full) */
char       *desk_screening_editor_describe                (DeskScreeningEditor  *self);

G_END_DECLS
