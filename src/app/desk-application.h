/* desk-application.h — the Legal Desk application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_APPLICATION (desk_application_get_type ())
G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

void             desk_application_prepare_display   (void);
DeskApplication *desk_application_new               (void);
const char      *desk_application_get_database_path (DeskApplication *self);

G_END_DECLS
