/* desk-adviser-page.h — the 法律顾问 page: the register of village legal
 * advisers with this month's on-site service against the minimum. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_ADVISER_PAGE (desk_adviser_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskAdviserPage, desk_adviser_page, DESK, ADVISER_PAGE, AdwBin)

GtkWidget  *desk_adviser_page_new        (void);
void        desk_adviser_page_set_store  (DeskAdviserPage *self,
                                          DeskStore       *store);
void        desk_adviser_page_reload     (DeskAdviserPage *self);
gboolean    desk_adviser_page_get_busy   (DeskAdviserPage *self);

G_END_DECLS
