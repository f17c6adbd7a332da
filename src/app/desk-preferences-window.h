/* desk-preferences-window.h — the station's settings and registers. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_PREFERENCES_WINDOW (desk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, DESK,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

DeskPreferencesWindow *desk_preferences_window_new       (GtkWindow             *parent,
                                                          DeskStore             *store);
DeskStore             *desk_preferences_window_get_store (DeskPreferencesWindow *self);

G_END_DECLS
