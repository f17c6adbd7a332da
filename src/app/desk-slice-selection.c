/* desk-slice-selection.c — a selection model that can list, for a while,
 * only a slice of the one beneath it.
 *
 * A list page that is hidden lets GTK's row widgets go: a big list keeps
 * about 200 of them, some 15 MB with their cells.  Shown again with its
 * whole model, the view would build all 200 in one frame before drawing
 * any.  So the page first gives the view only the rows that were in
 * sight, the slice [offset, offset + n) of its selection, and GTK builds
 * only those.  A frame later desk_slice_selection_show_all() inserts the
 * rows before and after the slice: GTK keeps the rows it built and the
 * top one where it is (the view's anchor follows its item), so the list
 * is scrolled where it was, and builds the rows around it.
 *
 * While it lists all, everything passes through unchanged.  While sliced,
 * positions are the slice's: a change beneath it before or after the
 * slice moves the slice or is not seen; one that touches it ends the slice
 * (the view then lists everything from the top). */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include "desk-slice-selection.h"

struct _DeskSliceSelection
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  gboolean           sliced;
  guint              offset;   /* while sliced */
  guint              n_items;  /* while sliced */
};

static void desk_slice_selection_list_model_init (GListModelInterface *iface);
static void desk_slice_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskSliceSelection, desk_slice_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_slice_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      desk_slice_selection_selection_model_init))

static guint
model_n_items (DeskSliceSelection *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* ---- GListModel ---------------------------------------------------------- */

static GType
slice_get_item_type (GListModel *list)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (list);

  return g_list_model_get_item_type (G_LIST_MODEL (self->model));
}

static guint
slice_get_n_items (GListModel *list)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (list);

  return self->sliced ? self->n_items : model_n_items (self);
}

static gpointer
slice_get_item (GListModel *list,
                guint       position)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (list);

  if (!self->sliced)
    return g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->model), self->offset + position);
}

static void
desk_slice_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slice_get_item_type;
  iface->get_n_items = slice_get_n_items;
  iface->get_item = slice_get_item;
}

/* ---- GtkSelectionModel: the slice's positions to the model's ------------- */

static guint
outer_to_inner (DeskSliceSelection *self,
                guint               position)
{
  return self->sliced ? self->offset + position : position;
}

static gboolean
slice_is_selected (GtkSelectionModel *model,
                   guint              position)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);

  if (self->sliced && position >= self->n_items)
    return FALSE;
  return gtk_selection_model_is_selected (self->model, outer_to_inner (self, position));
}

static GtkBitset *
slice_get_selection_in_range (GtkSelectionModel *model,
                              guint              position,
                              guint              n_items)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);
  g_autoptr(GtkBitset) inner = NULL;
  GtkBitset *outer;

  inner = gtk_selection_model_get_selection_in_range (self->model,
                                                      outer_to_inner (self, position), n_items);
  if (!self->sliced)
    return g_steal_pointer (&inner);
  outer = gtk_bitset_copy (inner);
  gtk_bitset_shift_left (outer, self->offset);
  return outer;
}

static gboolean
slice_select_item (GtkSelectionModel *model,
                   guint              position,
                   gboolean           unselect_rest)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);

  return gtk_selection_model_select_item (self->model, outer_to_inner (self, position),
                                          unselect_rest);
}

static gboolean
slice_unselect_item (GtkSelectionModel *model,
                     guint              position)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);

  return gtk_selection_model_unselect_item (self->model, outer_to_inner (self, position));
}

static gboolean
slice_select_range (GtkSelectionModel *model,
                    guint              position,
                    guint              n_items,
                    gboolean           unselect_rest)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);

  return gtk_selection_model_select_range (self->model, outer_to_inner (self, position), n_items,
                                           unselect_rest);
}

static gboolean
slice_unselect_range (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);

  return gtk_selection_model_unselect_range (self->model, outer_to_inner (self, position),
                                             n_items);
}

static gboolean
slice_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (DESK_SLICE_SELECTION (model)->model);
}

static gboolean
slice_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (DESK_SLICE_SELECTION (model)->model);
}

static gboolean
slice_set_selection (GtkSelectionModel *model,
                     GtkBitset         *selected,
                     GtkBitset         *mask)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (model);
  g_autoptr(GtkBitset) inner_selected = NULL;
  g_autoptr(GtkBitset) inner_mask = NULL;

  if (!self->sliced)
    return gtk_selection_model_set_selection (self->model, selected, mask);
  inner_selected = gtk_bitset_copy (selected);
  inner_mask = gtk_bitset_copy (mask);
  gtk_bitset_shift_right (inner_selected, self->offset);
  gtk_bitset_shift_right (inner_mask, self->offset);
  return gtk_selection_model_set_selection (self->model, inner_selected, inner_mask);
}

static void
desk_slice_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = slice_is_selected;
  iface->get_selection_in_range = slice_get_selection_in_range;
  iface->select_item = slice_select_item;
  iface->unselect_item = slice_unselect_item;
  iface->select_range = slice_select_range;
  iface->unselect_range = slice_unselect_range;
  iface->select_all = slice_select_all;
  iface->unselect_all = slice_unselect_all;
  iface->set_selection = slice_set_selection;
}

/* ---- what the model beneath says ----------------------------------------- */

static void
model_items_changed (DeskSliceSelection *self,
                     guint               position,
                     guint               removed,
                     guint               added)
{
  guint n_slice;

  if (!self->sliced)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (position + removed <= self->offset)
    {
      /* Before the slice: it moves with its rows. */
      self->offset = self->offset - removed + added;
      return;
    }
  if (position >= self->offset + self->n_items)
    return;
  /* In the slice: everything is listed again. */
  n_slice = self->n_items;
  self->sliced = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_slice, model_n_items (self));
}

static void
model_selection_changed (DeskSliceSelection *self,
                         guint               position,
                         guint               n_items)
{
  guint first, end;

  if (!self->sliced)
    {
      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_items);
      return;
    }
  first = MAX (position, self->offset);
  end = MIN (position + n_items, self->offset + self->n_items);
  if (first < end)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), first - self->offset,
                                           end - first);
}

/* ---- GObject ------------------------------------------------------------- */

static void
desk_slice_selection_dispose (GObject *object)
{
  DeskSliceSelection *self = DESK_SLICE_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (desk_slice_selection_parent_class)->dispose (object);
}

static void
desk_slice_selection_class_init (DeskSliceSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_slice_selection_dispose;
}

static void
desk_slice_selection_init (DeskSliceSelection *self)
{
}

/**
 * desk_slice_selection_new:
 * @model: (transfer none): the selection beneath
 *
 * Returns: a selection that lists all of @model until it is sliced.
 */
DeskSliceSelection *
desk_slice_selection_new (GtkSelectionModel *model)
{
  DeskSliceSelection *self;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);

  self = g_object_new (DESK_TYPE_SLICE_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed), self);
  g_signal_connect_swapped (model, "selection-changed", G_CALLBACK (model_selection_changed),
                            self);
  return self;
}

/**
 * desk_slice_selection_set_slice:
 *
 * Lists only the @n_items rows from @offset on, as many as there are (a
 * slice past the end is moved back to end with the last row).
 */
void
desk_slice_selection_set_slice (DeskSliceSelection *self,
                                guint               offset,
                                guint               n_items)
{
  guint total, before;

  g_return_if_fail (DESK_IS_SLICE_SELECTION (self));

  before = g_list_model_get_n_items (G_LIST_MODEL (self));
  total = model_n_items (self);
  n_items = MIN (n_items, total);
  offset = MIN (offset, total - n_items);
  self->sliced = TRUE;
  self->offset = offset;
  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, n_items);
}

/**
 * desk_slice_selection_show_all:
 *
 * Lists every row again: those before the slice and those after it are
 * inserted around it, so that a view keeps the rows it made for it.
 */
void
desk_slice_selection_show_all (DeskSliceSelection *self)
{
  guint offset, n_slice, total;

  g_return_if_fail (DESK_IS_SLICE_SELECTION (self));

  if (!self->sliced)
    return;
  offset = self->offset;
  n_slice = self->n_items;
  total = model_n_items (self);
  /* Between the two, the rows before are listed and those after not yet. */
  self->offset = 0;
  self->n_items = offset + n_slice;
  if (offset > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, offset);
  self->sliced = FALSE;
  if (total > offset + n_slice)
    g_list_model_items_changed (G_LIST_MODEL (self), offset + n_slice, 0,
                                total - offset - n_slice);
}

gboolean
desk_slice_selection_get_sliced (DeskSliceSelection *self)
{
  g_return_val_if_fail (DESK_IS_SLICE_SELECTION (self), FALSE);
  return self->sliced;
}

/**
 * desk_slice_selection_get_offset:
 *
 * Returns: the position beneath of this model's first row: the slice's
 *   offset, or 0 when it lists all.
 */
guint
desk_slice_selection_get_offset (DeskSliceSelection *self)
{
  g_return_val_if_fail (DESK_IS_SLICE_SELECTION (self), 0);
  return self->sliced ? self->offset : 0;
}
