/* desk-test-gui.h — what the window tests share for driving the real
 * widgets: the main loop run until idle, widgets found by name, type or
 * row title, toplevels and message dialogs found and answered, text typed,
 * Enter pressed, choices made.  The names are short on purpose: these are
 * the words the tests are written in.  Widgets are found by the names the
 * editors give them with gtk_widget_set_name; a name that is not there is
 * a fatal error, not a NULL. */
#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-list-page.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The test program's start: desk_test_init, the built translations, the
 * display and the application, registered.  NULL where there is no
 * display, after printing a TAP skip. */
DeskApplication  *start_app      (int         *argc,
                                  char      ***argv);

/* The main loop */
void              iterate        (void);
/* Until @n frames of @widget's window were drawn: its layout is done. */
void              wait_frames    (GtkWidget   *widget,
                                  guint        n);

/* Runs the main loop until @condition holds, then until idle; a fatal
 * error after WAIT_SECONDS in vain. */
#define WAIT_SECONDS 60
gboolean          desk_test_time_is_up (gpointer data);
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gboolean up_ = FALSE; \
    guint timeout_ = g_timeout_add_seconds (WAIT_SECONDS, desk_test_time_is_up, &up_); \
    while (!(condition) && !up_) \
      g_main_context_iteration (NULL, TRUE); \
    if (up_) \
      g_error ("%s:%d: waited %d s in vain for %s", __FILE__, __LINE__, WAIT_SECONDS, \
               #condition); \
    g_source_remove (timeout_); \
    iterate (); \
  } G_STMT_END

/* Widgets */
GtkWidget        *find_named     (GtkWidget   *root,
                                  const char  *name);
GtkWidget        *named          (gpointer     root,
                                  const char  *name);
GtkWidget        *find_type      (GtkWidget   *root,
                                  GType        type);
DeskListPage     *find_list_page (GtkWidget   *root,
                                  const char  *name);
GtkWidget        *find_descendant (GtkWidget  *root,
                                   GType       type,
                                   const char *title);
gpointer          find_toplevel  (GType        type);
GtkWindow        *last_toplevel  (GType        type);

/* Message dialogs */
AdwMessageDialog *find_dialog    (void);
void              answer         (const char  *response);
void              respond        (AdwMessageDialog *dialog,
                                  const char  *response);

/* Fields */
void              type_into      (gpointer     root,
                                  const char  *name,
                                  const char  *text);
void              press_enter    (gpointer     root,
                                  const char  *name);
const char       *text_of        (gpointer     root,
                                  const char  *name);
void              write_text     (gpointer     root,
                                  const char  *name,
                                  const char  *text);
char             *text_view_text (gpointer     root,
                                  const char  *name);
void              choose         (gpointer     root,
                                  const char  *name,
                                  const char  *label);
char             *chosen         (gpointer     root,
                                  const char  *name);
void              type_choice    (gpointer     root,
                                  const char  *name,
                                  const char  *typed);
gboolean          shows_error    (gpointer     root,
                                  const char  *field,
                                  const char  *error_label);
gboolean          has_focus_in   (gpointer     window,
                                  gpointer     root,
                                  const char  *name);

/* Keys: the action @accelerator is bound to on @widget and the phase of
 * its controller; the shortcut bound to it on @widget, run. */
char             *bound_action   (GtkWidget   *widget,
                                  const char  *accelerator,
                                  GtkPropagationPhase *phase);
gboolean          press_key      (GtkWidget   *widget,
                                  const char  *accelerator);

/* Registers the editors need */
gint64            add_village    (DeskStore   *store,
                                  const char  *name);
gint64            add_staff      (DeskStore   *store,
                                  const char  *name);

G_END_DECLS
