/* desk-test-gui.c — the helpers of desk-test-gui.h: the window tests'
 * hands on the widgets. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "desk-test-gui.h"
#include "desk-test-util.h"

#include "desk-form.h"
#include "desk-list-page.h"
#include "desk-register.h"

DeskApplication *
start_app (int    *argc,
           char ***argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");
  DeskApplication *app;

  desk_test_init (argc, argv);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  desk_application_prepare_display ();
  if (!gtk_init_check ())
    {
      /* TAP: a skip, not a failure, where no display exists.  CI runs
       * the suite under Xvfb, where this never happens. */
      printf ("1..0 # SKIP no display\n");
      return NULL;
    }
  adw_init ();

  app = desk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  return app;
}

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
desk_test_time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (root, count_frame, &frames, NULL);

  WAIT_UNTIL (frames >= n);
  gtk_widget_remove_tick_callback (root, id);
  iterate ();
}

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
named (gpointer    root,
       const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* The first widget of @type under @root. */
GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list page @name under @root (the sidebar's row has the same name,
 * hence the type). */
DeskListPage *
find_list_page (GtkWidget  *root,
                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DeskListPage *found;

      if (DESK_IS_LIST_PAGE (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return DESK_LIST_PAGE (child);
      found = find_list_page (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @root; for a preferences row, with
 * @title if that is not NULL. */
GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0))
        return child;
      found = find_descendant (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first visible toplevel of @type, once the loop is idle. */
gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  iterate ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The visible toplevels of @type, newest last; the loop is not run. */
GtkWindow *
last_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

AdwMessageDialog *
find_dialog (void)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* What a click on one of the dialog's buttons does: the response, then
 * the dialog closes. */
void
answer (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

/* What a click on a message dialog's button does: close, then respond. */
void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  adw_message_dialog_response (dialog, response);
  g_object_unref (dialog);
  iterate ();
}

void
type_into (gpointer    root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (root, name)), text);
  iterate ();
}

void
press_enter (gpointer    root,
             const char *name)
{
  GtkWidget *widget = named (root, name);

  /* A spin button's Enter is its text's. */
  if (GTK_IS_SPIN_BUTTON (widget))
    widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget)));
  g_signal_emit_by_name (widget, "activate");
  iterate ();
}

const char *
text_of (gpointer    root,
         const char *name)
{
  GtkWidget *widget = named (root, name);

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

void
write_text (gpointer    root,
            const char *name,
            const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (named (root, name));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  iterate ();
}

char *
text_view_text (gpointer    root,
                const char *name)
{
  return desk_form_text_view_text (GTK_TEXT_VIEW (named (root, name)));
}

void
choose (gpointer    root,
        const char *name,
        const char *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (named (root, name));
  guint position = desk_form_drop_down_find (drop_down, label);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (drop_down, position);
  iterate ();
}

char *
chosen (gpointer    root,
        const char *name)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (named (root, name)));

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* A choice typed into the drop-down's search, taken with Enter. */
void
type_choice (gpointer    root,
             const char *name,
             const char *typed)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (named (root, name));
  GtkWidget *search = desk_form_drop_down_get_search_entry (drop_down);

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), typed);
  iterate ();
  g_signal_emit_by_name (search, "activate");
  iterate ();
}

gboolean
shows_error (gpointer    root,
             const char *field,
             const char *error_label)
{
  return gtk_widget_has_css_class (named (root, field), "error") &&
         gtk_widget_get_visible (named (root, error_label)) &&
         *text_of (root, error_label) != '\0';
}

gboolean
has_focus_in (gpointer    window,
              gpointer    root,
              const char *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *widget = named (root, name);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The action a key is bound to on @widget, and in which phase. */
char *
bound_action (GtkWidget           *widget,
              const char          *accelerator,
              GtkPropagationPhase *phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              *phase = gtk_event_controller_get_propagation_phase (controller);
              return gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
            }
        }
    }
  return NULL;
}

/* The shortcut bound to @accelerator on @widget, triggered. */
gboolean
press_key (GtkWidget  *widget,
           const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  gboolean taken = FALSE;

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              taken = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                    widget, gtk_shortcut_get_arguments (shortcut));
              break;
            }
        }
    }
  iterate ();
  return taken;
}

gint64
add_village (DeskStore  *store,
             const char *name)
{
  g_autoptr(DeskVillage) village = desk_village_new ();
  g_autoptr(GError) error = NULL;

  village->name = g_strdup (name);
  village->kind = g_strdup ("村");
  desk_village_create (store, village, &error);
  g_assert_no_error (error);
  return village->id;
}

gint64
add_staff (DeskStore  *store,
           const char *name)
{
  g_autoptr(DeskStaff) staff = desk_staff_new ();
  g_autoptr(GError) error = NULL;

  staff->name = g_strdup (name);
  desk_staff_create (store, staff, &error);
  g_assert_no_error (error);
  return staff->id;
}
