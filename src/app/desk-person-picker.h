/* desk-person-picker.h — pick a registered person by typing, or register
 * a new one inline. */
#pragma once

#include <adwaita.h>

#include "desk-person.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_PERSON_PICKER (desk_person_picker_get_type ())
G_DECLARE_FINAL_TYPE (DeskPersonPicker, desk_person_picker, DESK, PERSON_PICKER, GtkWidget)

GtkWidget *desk_person_picker_new            (void);

void       desk_person_picker_set_store      (DeskPersonPicker  *self,
                                              DeskStore         *store);

gint64     desk_person_picker_get_person_id  (DeskPersonPicker  *self);
void       desk_person_picker_set_person_id  (DeskPersonPicker  *self,
                                              gint64             person_id);
gboolean   desk_person_picker_get_anonymous  (DeskPersonPicker  *self);
void       desk_person_picker_set_anonymous  (DeskPersonPicker  *self,
                                              gboolean           anonymous);
gboolean   desk_person_picker_get_has_new_person (DeskPersonPicker *self);
gboolean   desk_person_picker_get_searching  (DeskPersonPicker  *self);
gint64     desk_person_picker_get_village_id (DeskPersonPicker  *self);

gboolean   desk_person_picker_check          (DeskPersonPicker  *self,
                                              GtkWidget        **first_invalid);
gboolean   desk_person_picker_save           (DeskPersonPicker  *self,
                                              gint64            *person_id,
                                              GError           **error);
gboolean   desk_person_picker_show_error     (DeskPersonPicker  *self,
                                              const GError      *error);
void       desk_person_picker_clear_errors   (DeskPersonPicker  *self);

void       desk_person_picker_set_allow_anonymous (DeskPersonPicker *self,
                                                   gboolean          allow);
void       desk_person_picker_set_allow_organisations (DeskPersonPicker *self,
                                                       gboolean          allow);
void       desk_person_picker_set_field      (DeskPersonPicker  *self,
                                              const char        *field);
DeskPerson *desk_person_picker_dup_person    (DeskPersonPicker  *self);

G_END_DECLS
