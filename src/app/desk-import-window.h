/* desk-import-window.h — the import report: what CSV files would bring, or
 * what must be corrected first, before anything is written. */
#pragma once

#include <adwaita.h>

#include "desk-import.h"

G_BEGIN_DECLS

#define DESK_TYPE_IMPORT_WINDOW (desk_import_window_get_type ())
G_DECLARE_FINAL_TYPE (DeskImportWindow, desk_import_window, DESK, IMPORT_WINDOW, AdwWindow)

DeskImportWindow       *desk_import_window_new        (GtkWindow          *parent,
                                                       const char         *db_path,
                                                       const char *const  *paths);
gboolean                desk_import_window_get_busy   (DeskImportWindow   *self);
gboolean                desk_import_window_can_import (DeskImportWindow   *self);
const DeskImportReport *desk_import_window_get_report (DeskImportWindow   *self);
gboolean                desk_import_window_jobs_running (void);

G_END_DECLS
