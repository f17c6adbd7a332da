/* desk-service-log.h — a month of one legal adviser's service log, typed
 * in fast as a grid: one row per visit. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SERVICE_LOG_EDITOR (desk_service_log_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeskServiceLogEditor, desk_service_log_editor,
                      DESK, SERVICE_LOG_EDITOR, AdwWindow)

DeskServiceLogEditor *desk_service_log_editor_new       (GtkWindow             *parent,
                                                         DeskStore             *store);
gboolean    desk_service_log_editor_show_month          (DeskServiceLogEditor  *self,
                                                         gint64                 adviser_id,
                                                         int                    year,
                                                         int                    month,
                                                         GError               **error);
gint64      desk_service_log_editor_get_adviser_id      (DeskServiceLogEditor  *self);
void        desk_service_log_editor_get_month           (DeskServiceLogEditor  *self,
                                                         int                   *year,
                                                         int                   *month);
gboolean    desk_service_log_editor_get_modified        (DeskServiceLogEditor  *self);
guint       desk_service_log_editor_get_n_rows          (DeskServiceLogEditor  *self);
gboolean    desk_service_log_editor_save                (DeskServiceLogEditor  *self);

/* "达标", or "未达标：还差 1 次 / 2.5 小时": a month's on-site visits and
 * half hours against the station's minimum (transfer full). */
char       *desk_service_log_describe_minimum            (int                    visits,
                                                         int                    half_hours,
                                                         int                    min_visits,
                                                         int                    min_hours,
                                                         gboolean              *met);

G_END_DECLS
