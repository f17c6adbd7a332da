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
const char *desk_window_get_mode   (DeskWindow      *self);   /* "setup", "main", "error" */
const char *desk_window_get_path   (DeskWindow      *self);
void        desk_window_show_page  (DeskWindow      *self,
                                    const char      *name);
const char *desk_window_get_page   (DeskWindow      *self);

void        desk_window_add_toast  (DeskWindow      *self,
                                    AdwToast        *toast);
AdwToast   *desk_window_get_last_toast (DeskWindow  *self);
void        desk_window_reload     (DeskWindow      *self);
void        desk_window_close_ledger  (DeskWindow   *self);
gboolean    desk_window_reopen_ledger (DeskWindow   *self);

G_END_DECLS
