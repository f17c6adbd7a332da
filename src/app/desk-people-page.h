/* desk-people-page.h — the 当事人 page: the register, and beside it the
 * selected person's file: who they are and every record that names them. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_PEOPLE_PAGE (desk_people_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskPeoplePage, desk_people_page, DESK, PEOPLE_PAGE, AdwBin)

GtkWidget  *desk_people_page_new          (void);
void        desk_people_page_set_store    (DeskPeoplePage *self,
                                           DeskStore      *store);
void        desk_people_page_reload       (DeskPeoplePage *self);
void        desk_people_page_show_person  (DeskPeoplePage *self,
                                           gint64          person_id);
gint64      desk_people_page_get_person   (DeskPeoplePage *self);
GtkWidget  *desk_people_page_get_list     (DeskPeoplePage *self);

G_END_DECLS
