/* desk-setup-view.h — the first start: name the station, create the ledger. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_SETUP_VIEW (desk_setup_view_get_type ())
G_DECLARE_FINAL_TYPE (DeskSetupView, desk_setup_view, DESK, SETUP_VIEW, AdwBin)

void        desk_setup_view_set_path   (DeskSetupView *self,
                                        const char    *path);
DeskStore  *desk_setup_view_get_store  (DeskSetupView *self);

G_END_DECLS
