/* desk-dashboard-page.h — the 工作台 page: what is due today, this month's
 * counts and the station's indicators. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_DASHBOARD_PAGE (desk_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskDashboardPage, desk_dashboard_page, DESK, DASHBOARD_PAGE, AdwBin)

GtkWidget  *desk_dashboard_page_new             (void);
void        desk_dashboard_page_set_store       (DeskDashboardPage *self,
                                                 DeskStore         *store);
DeskStore  *desk_dashboard_page_get_store       (DeskDashboardPage *self);
void        desk_dashboard_page_reload          (DeskDashboardPage *self);
gboolean    desk_dashboard_page_get_busy        (DeskDashboardPage *self);
char       *desk_dashboard_page_describe_record (DeskDashboardPage *self,
                                                 const char        *kind,
                                                 gint64             id);

G_END_DECLS
