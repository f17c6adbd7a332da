/* desk-window.h — the main window. */
#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())
G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow *desk_window_new        (DeskApplication *application,
                                    const char      *database_path);
DeskStore  *desk_window_get_store  (DeskWindow      *self);
const char *desk_window_get_mode   (DeskWindow      *self);
const char *desk_window_get_path   (DeskWindow      *self);   /* "setup", "main", "error" */
void        desk_window_show_page  (DeskWindow      *self,
                                    const char      *name);
const char *desk_window_get_page   (DeskWindow      *self);

G_END_DECLS
