/* desk-data-io.h — moving a station's ledger in and out, from the window:
 * import, export as CSV, backup, restore and check. */
#pragma once

#include "desk-window.h"

G_BEGIN_DECLS

#define DESK_TYPE_DATA_IO (desk_data_io_get_type ())
G_DECLARE_FINAL_TYPE (DeskDataIo, desk_data_io, DESK, DATA_IO, GObject)

DeskDataIo *desk_data_io_new              (DeskWindow                  *window);
void        desk_data_io_install_actions  (GtkWidgetClass              *widget_class,
                                           GtkWidgetActionActivateFunc  activate);
void        desk_data_io_activate         (DeskDataIo                  *self,
                                           const char                  *action_name,
                                           GVariant                    *parameter);
void        desk_data_io_update_actions   (DeskDataIo                  *self);
void        desk_data_io_detach           (DeskDataIo                  *self);
gboolean    desk_data_io_get_busy         (DeskDataIo                  *self);

G_END_DECLS
