/* desk-slice-selection.h — a selection model that can list, for a while,
 * only a slice of the one beneath it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_SLICE_SELECTION (desk_slice_selection_get_type ())
G_DECLARE_FINAL_TYPE (DeskSliceSelection, desk_slice_selection, DESK, SLICE_SELECTION, GObject)

DeskSliceSelection *desk_slice_selection_new        (GtkSelectionModel  *model);
void                desk_slice_selection_set_slice  (DeskSliceSelection *self,
                                                     guint               offset,
                                                     guint               n_items);
void                desk_slice_selection_show_all   (DeskSliceSelection *self);
gboolean            desk_slice_selection_get_sliced (DeskSliceSelection *self);
guint               desk_slice_selection_get_offset (DeskSliceSelection *self);

G_END_DECLS
