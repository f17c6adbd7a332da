/* desk-party-list.h — the parties of a mediation case: each a person or
 * organisation of the register and a role (申请人, 被申请人, 第三人). */
#pragma once

#include <adwaita.h>

#include "desk-mediation.h"

G_BEGIN_DECLS

#define DESK_TYPE_PARTY_LIST (desk_party_list_get_type ())
G_DECLARE_FINAL_TYPE (DeskPartyList, desk_party_list, DESK, PARTY_LIST, GtkWidget)

GtkWidget *desk_party_list_new            (void);
void       desk_party_list_set_store      (DeskPartyList  *self,
                                           DeskStore      *store);
void       desk_party_list_set_parties    (DeskPartyList  *self,
                                           const GArray   *parties);
GtkWidget *desk_party_list_add            (DeskPartyList  *self,
                                           gint64          person_id,
                                           DeskCaseRole    role);
void       desk_party_list_add_blank      (DeskPartyList  *self);
guint      desk_party_list_get_n_parties  (DeskPartyList  *self);
gint64     desk_party_list_get_person_id  (DeskPartyList  *self,
                                           guint           index);
gboolean   desk_party_list_check          (DeskPartyList  *self,
                                           GtkWidget     **first_invalid);
GArray    *desk_party_list_save           (DeskPartyList  *self,
                                           GError        **error);
void       desk_party_list_set_saved      (DeskPartyList  *self,
                                           const GArray   *parties);
void       desk_party_list_set_error      (DeskPartyList  *self,
                                           const char     *message);
gboolean   desk_party_list_show_error     (DeskPartyList  *self,
                                           const GError   *error);
void       desk_party_list_clear_errors   (DeskPartyList  *self);

G_END_DECLS
