/* desk-form.h — what the record editors share: choices in drop-downs that
 * can be typed into, messages beside fields, and how people and numbers are
 * shown. */
#pragma once

#include <adwaita.h>

#include "desk-person.h"

G_BEGIN_DECLS

/* Called after the clerk picked a choice by typing into the drop-down's
 * search and pressing Enter. */
typedef void (*DeskFormPickedFunc) (GtkDropDown *drop_down,
                                    gpointer     user_data);

void      desk_form_drop_down_init       (GtkDropDown        *drop_down,
                                          DeskFormPickedFunc  picked,
                                          gpointer            user_data);
void      desk_form_drop_down_clear      (GtkDropDown        *drop_down);
void      desk_form_drop_down_add        (GtkDropDown        *drop_down,
                                          gint64              id,
                                          const char         *label);
gint64    desk_form_drop_down_get_id     (GtkDropDown        *drop_down);
gboolean  desk_form_drop_down_set_id     (GtkDropDown        *drop_down,
                                          gint64              id);
guint     desk_form_drop_down_find       (GtkDropDown        *drop_down,
                                          const char         *label);
GtkWidget *desk_form_drop_down_get_search_entry (GtkDropDown *drop_down);

void      desk_form_set_error            (GtkWidget          *field,
                                          GtkWidget          *message_label,
                                          const char         *message);
const char *desk_form_error_problem      (const GError       *error);

char     *desk_form_editable_text        (GtkEditable        *editable);
char     *desk_form_text_view_text       (GtkTextView        *view);

char     *desk_form_datetime_typed       (const char         *text);
char     *desk_form_mask_id_number       (const char         *number);
char     *desk_form_describe_person      (const DeskPerson   *person,
                                          const char         *village,
                                          const char         *today);

/* The fields of a person, as the person picker and the person editor
 * check them while the clerk types (domain.md, "Validation"). */
void      desk_form_sex_drop_down_fill   (GtkDropDown        *drop_down);
void      desk_form_ethnicity_drop_down_fill (GtkDropDown    *drop_down);
const char *desk_form_ethnicity_drop_down_get (GtkDropDown   *drop_down);
void      desk_form_ethnicity_drop_down_set (GtkDropDown     *drop_down,
                                          const char         *ethnicity);
gboolean  desk_form_check_name           (GtkWidget          *entry,
                                          GtkWidget          *message_label,
                                          const char         *field,
                                          gboolean            final);
gboolean  desk_form_check_id_number      (GtkWidget          *entry,
                                          GtkWidget          *message_label,
                                          gboolean            final,
                                          DeskIdNumber      **id);
gboolean  desk_form_check_credit_code    (GtkWidget          *entry,
                                          GtkWidget          *message_label,
                                          gboolean            final,
                                          char              **code);
gboolean  desk_form_check_phone          (GtkWidget          *entry,
                                          GtkWidget          *message_label,
                                          gboolean            final,
                                          char              **phone);
gboolean  desk_form_check_date           (GtkWidget          *entry,
                                          GtkWidget          *message_label,
                                          const char         *field,
                                          gboolean            final,
                                          char              **date);
void      desk_form_set_sensitive        (GtkWidget          *widget,
                                          gboolean            sensitive,
                                          GtkWidget          *fallback);
char     *desk_form_name_person          (const DeskPerson   *person,
                                          const char         *village,
                                          const char         *today);

gboolean  desk_form_looks_like_organisation (const char     *name);
gboolean  desk_form_looks_like_credit_code (const char      *text);

void      desk_form_ask_discard          (GtkWindow          *editor,
                                          const char         *body,
                                          GCallback           on_discard);
gboolean  desk_form_parse_count          (const char         *text,
                                          const char         *field,
                                          int                *value,
                                          GError            **error);

G_END_DECLS
