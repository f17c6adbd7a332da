/* test-slice-selection.c — the selection a list page's view is given:
 * all of its selection, or for a while a slice of it, opened up again by
 * insertions around the slice.  No display is needed. */
#include "config.h"

#include <gtk/gtk.h>

#include "desk-slice-selection.h"

typedef struct
{
  guint position, removed, added;
  guint n_items;   /* the model's count as the signal was emitted */
} Change;

typedef struct
{
  GtkStringList      *strings;
  GtkSelectionModel  *selection;
  DeskSliceSelection *slice;
  GArray             *changes;     /* Change */
  GArray             *selections;  /* guint pairs: position, n */
} Fixture;

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Fixture    *f)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (f->changes, change);
}

static void
selection_changed (GtkSelectionModel *model,
                   guint              position,
                   guint              n_items,
                   Fixture           *f)
{
  g_array_append_val (f->selections, position);
  g_array_append_val (f->selections, n_items);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->strings = gtk_string_list_new (NULL);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (f->strings, text);
    }
  f->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (f->strings))));
  f->slice = desk_slice_selection_new (f->selection);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  f->selections = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (f->slice, "items-changed", G_CALLBACK (items_changed), f);
  g_signal_connect (f->slice, "selection-changed", G_CALLBACK (selection_changed), f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_object_unref (f->slice);
  g_object_unref (f->selection);
  g_object_unref (f->strings);
  g_array_unref (f->changes);
  g_array_unref (f->selections);
}

/* The text of the slice's item at @position, or NULL. */
static const char *
text_at (Fixture *f,
         guint    position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (f->slice), position);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    position,
               guint    removed,
               guint    added,
               guint    n_items)
{
  Change *c;

  g_assert_cmpuint (index, <, f->changes->len);
  c = &g_array_index (f->changes, Change, index);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
  g_assert_cmpuint (c->n_items, ==, n_items);
}

/* Listing all, it is the selection beneath. */
static void
test_all (Fixture       *f,
          gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (f->slice);

  g_assert_false (desk_slice_selection_get_sliced (f->slice));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1000);
  g_assert_true (g_list_model_get_item_type (list) ==
                 g_list_model_get_item_type (G_LIST_MODEL (f->selection)));
  g_assert_cmpstr (text_at (f, 999), ==, "999");
  g_assert_null (text_at (f, 1000));
  g_assert_cmpuint (desk_slice_selection_get_offset (f->slice), ==, 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->slice), 7, TRUE);
  g_assert_true (gtk_selection_model_is_selected (f->selection, 7));
  g_assert_cmpuint (f->selections->len, >=, 2);

  gtk_string_list_remove (f->strings, 3);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 3, 1, 0, 999);
}

/* A slice lists its rows, at its own positions, and the selection
 * beneath is read and changed through those. */
static void
test_slice (Fixture       *f,
            gconstpointer  data)
{
  GtkSelectionModel *slice = GTK_SELECTION_MODEL (f->slice);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) wanted = NULL;
  g_autoptr(GtkBitset) mask = NULL;

  gtk_selection_model_select_item (f->selection, 402, TRUE);
  desk_slice_selection_set_slice (f->slice, 400, 30);
  g_assert_true (desk_slice_selection_get_sliced (f->slice));
  g_assert_cmpuint (desk_slice_selection_get_offset (f->slice), ==, 400);
  assert_change (f, 0, 0, 1000, 30, 30);
  g_assert_cmpstr (text_at (f, 0), ==, "400");
  g_assert_cmpstr (text_at (f, 29), ==, "429");
  g_assert_null (text_at (f, 30));

  g_assert_true (gtk_selection_model_is_selected (slice, 2));
  g_assert_false (gtk_selection_model_is_selected (slice, 0));
  g_assert_false (gtk_selection_model_is_selected (slice, 40));
  selected = gtk_selection_model_get_selection_in_range (slice, 0, 30);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_cmpuint (gtk_bitset_get_minimum (selected), ==, 2);

  /* Selecting in the slice selects beneath, and is told in the slice. */
  g_array_set_size (f->selections, 0);
  gtk_selection_model_select_item (slice, 5, TRUE);
  g_assert_true (gtk_selection_model_is_selected (f->selection, 405));
  g_assert_false (gtk_selection_model_is_selected (f->selection, 402));
  g_assert_cmpuint (f->selections->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->selections, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (f->selections, guint, 1), ==, 4);
  gtk_selection_model_select_range (slice, 10, 3, FALSE);
  g_assert_true (gtk_selection_model_is_selected (f->selection, 412));
  gtk_selection_model_unselect_range (slice, 10, 2);
  g_assert_false (gtk_selection_model_is_selected (f->selection, 410));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 412));
  gtk_selection_model_unselect_item (slice, 5);
  g_assert_false (gtk_selection_model_is_selected (f->selection, 405));

  wanted = gtk_bitset_new_range (20, 2);
  mask = gtk_bitset_new_range (0, 30);
  gtk_selection_model_set_selection (slice, wanted, mask);
  g_assert_true (gtk_selection_model_is_selected (f->selection, 420));
  g_assert_true (gtk_selection_model_is_selected (f->selection, 421));
  g_assert_false (gtk_selection_model_is_selected (f->selection, 412));

  /* A change beneath outside the slice is not seen in it. */
  g_array_set_size (f->selections, 0);
  gtk_selection_model_select_item (f->selection, 900, TRUE);
  /* 420 and 421 unselected: told from there to the slice's end at most */
  g_assert_cmpuint (f->selections->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->selections, guint, 0), ==, 20);
  g_assert_cmpuint (g_array_index (f->selections, guint, 1), >=, 2);
  g_assert_cmpuint (g_array_index (f->selections, guint, 1), <=, 10);

  /* A slice past the end ends with the last row. */
  desk_slice_selection_set_slice (f->slice, 990, 30);
  g_assert_cmpuint (desk_slice_selection_get_offset (f->slice), ==, 970);
  g_assert_cmpstr (text_at (f, 29), ==, "999");
  assert_change (f, 1, 0, 30, 30, 30);

  /* An empty slice lists nothing. */
  desk_slice_selection_set_slice (f->slice, 500, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->slice)), ==, 0);
  assert_change (f, 2, 0, 30, 0, 0);
}

/* Slices @offset… and lists all again: the changes told, from none. */
static guint
slice_and_show_all (Fixture *f,
                    guint    offset)
{
  desk_slice_selection_set_slice (f->slice, offset, 30);
  g_array_set_size (f->changes, 0);
  desk_slice_selection_show_all (f->slice);
  g_assert_false (desk_slice_selection_get_sliced (f->slice));
  return f->changes->len;
}

/* Opening up inserts the rows before the slice, then those after, and
 * counts right in between. */
static void
test_show_all (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpuint (slice_and_show_all (f, 400), ==, 2);
  assert_change (f, 0, 0, 0, 400, 430);
  assert_change (f, 1, 430, 0, 570, 1000);
  g_assert_cmpstr (text_at (f, 400), ==, "400");

  /* Nothing to do when all is listed. */
  desk_slice_selection_show_all (f->slice);
  g_assert_cmpuint (f->changes->len, ==, 2);

  /* A slice at the top has nothing before it, one at the end nothing after. */
  g_assert_cmpuint (slice_and_show_all (f, 0), ==, 1);
  assert_change (f, 0, 30, 0, 970, 1000);
  g_assert_cmpuint (slice_and_show_all (f, 970), ==, 1);
  assert_change (f, 0, 0, 0, 970, 1000);
}

/* Changes beneath: before the slice they move it, after it they are not
 * seen, in it they end it. */
static void
test_changes_beneath (Fixture       *f,
                      gconstpointer  data)
{
  desk_slice_selection_set_slice (f->slice, 400, 30);
  g_array_set_size (f->changes, 0);

  gtk_string_list_splice (f->strings, 10, 5, NULL);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (desk_slice_selection_get_offset (f->slice), ==, 395);
  g_assert_cmpstr (text_at (f, 0), ==, "400");

  gtk_string_list_append (f->strings, "1000");
  gtk_string_list_remove (f->strings, 800);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpstr (text_at (f, 29), ==, "429");

  gtk_string_list_remove (f->strings, 395 + 3);
  g_assert_false (desk_slice_selection_get_sliced (f->slice));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 0, 30, 994, 994);
  g_assert_cmpstr (text_at (f, 0), ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/slice-selection/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("all", test_all);
  ADD ("slice", test_slice);
  ADD ("show-all", test_show_all);
  ADD ("changes-beneath", test_changes_beneath);
#undef ADD
  return g_test_run ();
}
