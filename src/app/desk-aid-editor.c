/* desk-aid-editor.c — the form of one legal-aid application (法律援助申请
 * 受理转交).
 *
 * A modal window over the main one, in the paper form's order: 登记号 (once
 * assigned), 接收日期时间, 接收人, 申请人, the applicant's 性别, 出生日期 and
 * 民族, 代理申请人, 所在村(居), 事项类型, 援助事项, 受援人类别, 经济困难情形, the
 * materials checklist and 案情摘要; below them the application's progress
 * (desk-aid-editor-steps.c).  Keyboard-first like the consultation editor:
 * Tab follows the form, Enter in a single-line field (or after a choice
 * typed into a list) moves on, Ctrl+S or Ctrl+Enter saves, Escape asks
 * before throwing away what was typed.  Each field is checked as it is
 * typed or left, the message under the field; a refused save keeps
 * everything and puts the core's message beside the field it names.
 *
 * The application keeps its own copy of the applicant's 性别, 出生日期, 民族
 * and typed flags (残疾人, 农民工, 农民, 军人军属, 外国人或无国籍人).  Choosing
 * a registered person fills the copy from the register; a new person typed
 * into the picker fills 性别 and 出生日期 as they are typed, until the clerk
 * changes them here.  The derived categories (老年人, 未成年人, 女性,
 * 少数民族) are shown as the figures will count them: from the copy, on the
 * date of receipt; they cannot be ticked.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-aid-editor-private.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-register.h"

/* Where the store remembers who received the last application this
 * session. */
#define LAST_STAFF_KEY "desk-aid-last-staff"

G_DEFINE_FINAL_TYPE (DeskAidEditor, desk_aid_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_AID_ID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  ADVANCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The categories the clerk ticks; the others are worked out. */
#define TYPED_CATEGORIES (DESK_AID_CATEGORY_DISABLED | DESK_AID_CATEGORY_MIGRANT_WORKER | \
                          DESK_AID_CATEGORY_FARMER | DESK_AID_CATEGORY_MILITARY | \
                          DESK_AID_CATEGORY_FOREIGNER)

/* Widget names of the category boxes, in the sheet's order. */
static const char *const category_names[DESK_AID_N_CATEGORIES] = {
  "category-elderly", "category-disabled", "category-minor", "category-female",
  "category-migrant-worker", "category-farmer", "category-minority", "category-military",
  "category-foreigner", "category-other",
};

/* Helpers */

static void
set_modified (DeskAidEditor *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
desk_aid_editor_show_message (DeskAidEditor *self,
                              const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static GtkCheckButton *
category_check (DeskAidEditor     *self,
                DeskAidCategories  category)
{
  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    if ((guint) category == (1u << i))
      return self->categories[i];
  g_return_val_if_reached (NULL);
}

/* The fields Enter walks through.  After the applicant it goes on to
 * 代理申请人: the copy below the picker was just filled from the register
 * (or from the new person's fields), and Tab reaches it when it needs
 * changing. */
static GtkWidget *
next_field (DeskAidEditor *self,
            GtkWidget     *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->date_entry), GTK_WIDGET (self->staff_dropdown),
    GTK_WIDGET (self->picker), GTK_WIDGET (self->agent_entry),
    GTK_WIDGET (self->village_dropdown), GTK_WIDGET (self->matter_type_dropdown),
    GTK_WIDGET (self->matter_dropdown), GTK_WIDGET (self->hardship_dropdown),
    GTK_WIDGET (self->summary_view), self->save_button,
  };
  GtkWidget *copy[] = {
    GTK_WIDGET (self->sex_dropdown), GTK_WIDGET (self->birth_entry),
    GTK_WIDGET (self->ethnicity_dropdown), GTK_WIDGET (self->agent_entry),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (copy); i++)
    if (copy[i] == field)
      return copy[i + 1];
  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == field)
      return order[i + 1];
  return NULL;
}

static void
focus_next (DeskAidEditor *self,
            GtkWidget     *field)
{
  GtkWidget *next = next_field (self, field);

  if (next != NULL)
    gtk_widget_grab_focus (next);
}

/* The date and time of receipt as typed, checked; NULL with the message
 * shown when @final (or when a message is already shown: it follows the
 * typing). */
static char *
check_date (DeskAidEditor *self,
            gboolean       final)
{
  const char *field = gtk_label_get_text (self->date_label);
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *typed = desk_form_datetime_typed (raw);
  g_autoptr(GError) error = NULL;
  char *at;

  at = desk_validate_datetime (typed, field, NULL, NULL);
  if (at == NULL)
    {
      /* The message quotes what the clerk typed, not the program's
       * reading of it. */
      g_free (desk_validate_datetime (raw, field, NULL, &error));
      if (error == NULL)
        desk_set_field_error (&error, field,
                              _("“%s” is not a real date and time; write it like "
                                "2026-03-05 09:30"), raw);
    }
  if (at != NULL || final || gtk_widget_get_visible (self->date_error))
    desk_form_set_error (GTK_WIDGET (self->date_entry), self->date_error,
                         error ? desk_form_error_problem (error) : NULL);
  if (at != NULL && final && g_strcmp0 (raw, at) != 0)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), at);
      self->loading--;
    }
  return at;
}

/**
 * desk_aid_editor_typed_received_at:
 *
 * Returns: (transfer full) (nullable): the date and time of receipt as
 *   typed, when it reads as one; no message is shown.
 */
char *
desk_aid_editor_typed_received_at (DeskAidEditor *self)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *typed = desk_form_datetime_typed (raw);

  return desk_validate_datetime (typed, gtk_label_get_text (self->date_label), NULL, NULL);
}

/* The date of birth of the applicant's copy, checked: empty is allowed
 * (NULL with *@ok TRUE); not after the receipt. */
static char *
check_birth (DeskAidEditor *self,
             gboolean       final,
             gboolean      *ok)
{
  const char *field = gtk_label_get_text (self->birth_label);
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->birth_entry));
  g_autofree char *received = desk_aid_editor_typed_received_at (self);
  g_autoptr(GError) error = NULL;
  char *date = NULL;

  if (*raw != '\0')
    {
      date = desk_validate_date (raw, field, NULL, &error);
      if (date != NULL && received != NULL && strncmp (date, received, 10) > 0)
        {
          g_autofree char *day = g_strndup (received, 10);

          desk_set_field_error (&error, field, _("%s is after the date of receipt %s"),
                                date, day);
          g_clear_pointer (&date, g_free);
        }
    }
  /* A date half typed is not wrong yet. */
  if (final || error == NULL || gtk_widget_get_visible (self->birth_error) ||
      strlen (raw) >= 10)
    desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error,
                         error ? desk_form_error_problem (error) : NULL);
  if (date != NULL && final && g_strcmp0 (raw, date) != 0)
    {
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), date);
      self->loading--;
    }
  *ok = error == NULL;
  return date;
}

static gboolean
check_choice (GtkDropDown *drop_down,
              GtkWidget   *error_label,
              const char  *message)
{
  gboolean chosen = desk_form_drop_down_get_id (drop_down) > 0;

  desk_form_set_error (GTK_WIDGET (drop_down), error_label, chosen ? NULL : message);
  return chosen;
}

static const char *
chosen_ethnicity (DeskAidEditor *self)
{
  gint64 id = desk_form_drop_down_get_id (self->ethnicity_dropdown);

  return id > 0 ? desk_ethnicities ()[id - 1] : NULL;
}

static void
set_ethnicity (DeskAidEditor *self,
               const char    *ethnicity)
{
  const char *const *names = desk_ethnicities ();

  for (guint i = 0; ethnicity != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], ethnicity))
      {
        desk_form_drop_down_set_id (self->ethnicity_dropdown, i + 1);
        return;
      }
  desk_form_drop_down_set_id (self->ethnicity_dropdown, 0);
}

/* The applicant's copy as the form holds it, on the date of receipt typed:
 * what the categories are worked out from. */
static DeskLegalAid *
typed_copy (DeskAidEditor *self)
{
  DeskLegalAid *aid = desk_legal_aid_new ();
  g_autofree char *birth = desk_form_editable_text (GTK_EDITABLE (self->birth_entry));

  aid->received_at = desk_aid_editor_typed_received_at (self);
  aid->sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
  aid->birth_date = desk_validate_date (birth, gtk_label_get_text (self->birth_label), NULL,
                                        NULL);
  aid->ethnicity = g_strdup (chosen_ethnicity (self));
  aid->is_disabled = gtk_check_button_get_active (category_check (self,
                                                                 DESK_AID_CATEGORY_DISABLED));
  aid->is_migrant_worker =
    gtk_check_button_get_active (category_check (self, DESK_AID_CATEGORY_MIGRANT_WORKER));
  aid->is_farmer = gtk_check_button_get_active (category_check (self, DESK_AID_CATEGORY_FARMER));
  aid->is_military =
    gtk_check_button_get_active (category_check (self, DESK_AID_CATEGORY_MILITARY));
  aid->is_foreigner =
    gtk_check_button_get_active (category_check (self, DESK_AID_CATEGORY_FOREIGNER));
  aid->flags_given = TRUE;
  return aid;
}

/* Shows the derived categories as the figures count them: on the date of
 * receipt, from the copy. */
static void
update_categories (DeskAidEditor *self)
{
  g_autoptr(DeskLegalAid) copy = typed_copy (self);
  DeskAidCategories cats = desk_legal_aid_categories (copy);
  g_autofree char *day = copy->received_at ? g_strndup (copy->received_at, 10) : NULL;
  g_autofree char *note = NULL;
  int age = day ? desk_age_on (copy->birth_date, day) : -1;
  g_autoptr(GString) derived = g_string_new (NULL);

  /* The category labels are data: 老年人、未成年人、女性、少数民族 */
  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    if (!((1u << i) & (TYPED_CATEGORIES | DESK_AID_CATEGORY_OTHER)))
      g_string_append_printf (derived, "%s%s", derived->len ? "、" : "",
                              desk_aid_category_label (1u << i));

  self->loading++;
  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    if (!((1u << i) & TYPED_CATEGORIES))
      gtk_check_button_set_active (self->categories[i], (cats & (1u << i)) != 0);
  self->loading--;
  gtk_widget_set_visible (GTK_WIDGET (category_check (self, DESK_AID_CATEGORY_OTHER)),
                          cats == DESK_AID_CATEGORY_OTHER);

  if (day == NULL)
    note = g_strdup_printf (_("%s are worked out from the sex, birth date and ethnicity "
                              "above, on the date of receipt."), derived->str);
  else if (age < 0)
    note = g_strdup_printf (_("%s are worked out from the sex, birth date and ethnicity "
                              "above, on the date of receipt %s."), derived->str, day);
  else
    note = g_strdup_printf (_("Aged %d on the date of receipt %s. %s are worked out from "
                              "the sex, birth date and ethnicity above."), age, day, derived->str);
  gtk_label_set_text (self->categories_note, note);
}

/* Checks every field, marks the wrong ones and returns the first of
 * them, or NULL when all are right. */
static GtkWidget *
check_all (DeskAidEditor *self)
{
  g_autofree char *at = NULL;
  g_autofree char *birth = NULL;
  GtkWidget *first = NULL;
  GtkWidget *in_picker = NULL;
  gboolean birth_ok;

  at = check_date (self, TRUE);
  if (at == NULL)
    first = GTK_WIDGET (self->date_entry);
  if (!check_choice (self->staff_dropdown, self->staff_error,
                     _("choose who received the application")) && first == NULL)
    first = GTK_WIDGET (self->staff_dropdown);
  if (!desk_person_picker_check (self->picker, &in_picker) && first == NULL)
    first = in_picker;
  birth = check_birth (self, TRUE, &birth_ok);
  if (!birth_ok && first == NULL)
    first = GTK_WIDGET (self->birth_entry);
  if (!check_choice (self->matter_type_dropdown, self->matter_type_error,
                     _("choose one from the list")) && first == NULL)
    first = GTK_WIDGET (self->matter_type_dropdown);
  if (!check_choice (self->matter_dropdown, self->matter_error,
                     _("choose one from the list")) && first == NULL)
    first = GTK_WIDGET (self->matter_dropdown);
  return first;
}

/* Puts a core error beside the field it names; returns the field, or NULL
 * when it names none of them. */
static GtkWidget *
show_field_error (DeskAidEditor *self,
                  const GError  *error)
{
  struct { const char *field; GtkWidget *widget; GtkWidget *message; } slots[] = {
    { _("Received at"), GTK_WIDGET (self->date_entry), self->date_error },
    { _("Received by"), GTK_WIDGET (self->staff_dropdown), self->staff_error },
    { _("Applicant's sex"), GTK_WIDGET (self->sex_dropdown), self->sex_error },
    { _("Applicant's date of birth"), GTK_WIDGET (self->birth_entry), self->birth_error },
    { _("Ethnicity"), GTK_WIDGET (self->ethnicity_dropdown), self->ethnicity_error },
    { _("Applicant's village"), GTK_WIDGET (self->village_dropdown), self->village_error },
    { _("Matter type"), GTK_WIDGET (self->matter_type_dropdown), self->matter_type_error },
    { _("Legal-aid matter"), GTK_WIDGET (self->matter_dropdown), self->matter_error },
    { _("Financial hardship"), GTK_WIDGET (self->hardship_dropdown), self->hardship_error },
  };
  g_autofree char *field = desk_error_get_field (error);

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (field, slots[i].field))
      {
        desk_form_set_error (slots[i].widget, slots[i].message, desk_form_error_problem (error));
        return slots[i].widget;
      }
  if (desk_person_picker_show_error (self->picker, error))
    return GTK_WIDGET (self->picker);
  return NULL;
}

static void
clear_errors (DeskAidEditor *self)
{
  desk_form_set_error (GTK_WIDGET (self->date_entry), self->date_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->staff_dropdown), self->staff_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->sex_dropdown), self->sex_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->ethnicity_dropdown), self->ethnicity_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->agent_entry), self->agent_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->village_dropdown), self->village_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->matter_type_dropdown), self->matter_type_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->matter_dropdown), self->matter_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->hardship_dropdown), self->hardship_error, NULL);
  desk_form_set_error (self->summary_scroll, self->summary_error, NULL);
  desk_person_picker_clear_errors (self->picker);
  desk_aid_editor_show_message (self, NULL);
}

static void
update_title (DeskAidEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean saved = self->record != NULL;

  if (saved)
    {
      /* Translators: the title of a saved application, e.g. 法律援助申请 FY2026-0003 */
      title = g_strdup_printf (_("Legal-Aid Application %s"), self->record->number);
      subtitle = g_strdup_printf ("%s · %s", self->record->received_at,
                                  desk_aid_status_label (self->record->status));
    }
  else
    title = g_strdup (_("New Legal-Aid Application"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->number_value, saved ? self->record->number : "");
  gtk_widget_set_visible (self->number_label, saved);
  gtk_widget_set_visible (GTK_WIDGET (self->number_value), saved);
  gtk_widget_set_visible (self->delete_button, saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", saved);
}

static void
update_consultation (DeskAidEditor *self)
{
  gint64 id = self->record ? self->record->consultation_id : self->consultation_id;
  g_autoptr(DeskConsultation) consultation = NULL;
  g_autofree char *text = NULL;

  if (id > 0)
    consultation = desk_consultation_get (self->store, id, NULL);
  if (consultation != NULL)
    /* Translators: the consultation an application was opened from */
    text = g_strdup_printf (_("From consultation %s"), consultation->number);
  gtk_label_set_text (self->consultation_value, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->consultation_value), text != NULL);
}

/* Selects @id, adding it (marked retired) when the list of active choices
 * lacks it: an old record keeps what it was saved with. */
static void
select_or_add (GtkDropDown *drop_down,
               gint64       id,
               const char  *label)
{
  g_autofree char *retired = NULL;

  if (id <= 0)
    {
      desk_form_drop_down_set_id (drop_down, 0);
      return;
    }
  if (desk_form_drop_down_set_id (drop_down, id) || label == NULL)
    return;
  /* Translators: a choice no longer offered for new records, e.g. 来信（已停用） */
  retired = g_strdup_printf (_("%s (retired)"), label);
  desk_form_drop_down_add (drop_down, id, retired);
  desk_form_drop_down_set_id (drop_down, id);
}

static void
select_code (DeskAidEditor *self,
             GtkDropDown   *drop_down,
             gint64         id)
{
  g_autofree char *label = id > 0 ? desk_codes_label (self->store, id) : NULL;

  select_or_add (drop_down, id, label);
}

static void
fill_codes (DeskAidEditor *self,
            GtkDropDown   *drop_down,
            const char    *kind,
            gboolean       optional)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, kind, FALSE);

  desk_form_drop_down_clear (drop_down);
  if (optional)
    desk_form_drop_down_add (drop_down, 0, _("Not given"));
  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);

      desk_form_drop_down_add (drop_down, code->id, code->label);
    }
  if (optional)
    desk_form_drop_down_set_id (drop_down, 0);
  else
    gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
}

static void
fill_choices (DeskAidEditor *self)
{
  g_autoptr(GPtrArray) staff = desk_staff_list (self->store, TRUE, NULL);
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) villages = desk_village_list (self->store, today, NULL);
  const char *const *ethnicities = desk_ethnicities ();

  desk_form_drop_down_clear (self->staff_dropdown);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      DeskStaff *member = g_ptr_array_index (staff, i);

      desk_form_drop_down_add (self->staff_dropdown, member->id, member->name);
    }
  if (staff == NULL || staff->len == 0)
    desk_form_set_error (GTK_WIDGET (self->staff_dropdown), self->staff_error,
                         _("the staff list is empty: add the station's staff in the "
                           "preferences first"));

  desk_form_drop_down_clear (self->sex_dropdown);
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_UNKNOWN, _("Not given"));
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_MALE, desk_sex_label (DESK_SEX_MALE));
  desk_form_drop_down_add (self->sex_dropdown, DESK_SEX_FEMALE,
                           desk_sex_label (DESK_SEX_FEMALE));
  desk_form_drop_down_set_id (self->sex_dropdown, DESK_SEX_UNKNOWN);

  /* Not given: 汉族 for a citizen, unknown for a foreigner (domain.md). */
  desk_form_drop_down_clear (self->ethnicity_dropdown);
  desk_form_drop_down_add (self->ethnicity_dropdown, 0, _("Not given"));
  for (guint i = 0; ethnicities[i] != NULL; i++)
    desk_form_drop_down_add (self->ethnicity_dropdown, i + 1, ethnicities[i]);
  desk_form_drop_down_set_id (self->ethnicity_dropdown, 0);

  desk_form_drop_down_clear (self->village_dropdown);
  desk_form_drop_down_add (self->village_dropdown, 0, _("Not given"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);

      desk_form_drop_down_add (self->village_dropdown, village->id, village->name);
    }
  desk_form_drop_down_set_id (self->village_dropdown, 0);

  fill_codes (self, self->matter_type_dropdown, DESK_CODE_AID_MATTER_TYPE, FALSE);
  fill_codes (self, self->matter_dropdown, DESK_CODE_AID_MATTER, FALSE);
  fill_codes (self, self->hardship_dropdown, DESK_CODE_HARDSHIP, TRUE);
}

/* Who received the last application: the one chosen last in this
 * session, else the receiver of the latest application in the ledger. */
static gint64
default_staff (DeskAidEditor *self)
{
  gint64 *last = g_object_get_data (G_OBJECT (self->store), LAST_STAFF_KEY);
  DeskAidFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(DeskLegalAid) latest = NULL;

  if (last != NULL)
    return *last;
  filter.newest_first = TRUE;
  filter.limit = 1;
  ids = desk_legal_aid_list (self->store, &filter, NULL, NULL);
  if (ids != NULL && ids->len > 0)
    latest = desk_legal_aid_get (self->store, g_array_index (ids, gint64, 0), NULL);
  return latest ? latest->receiver_id : 0;
}

/* A new application: received now, by the receiver of the last one; the
 * matter is left for the clerk to choose, since a default there would
 * count wrongly if overlooked. */
static void
fill_defaults (DeskAidEditor *self)
{
  g_autofree char *now = desk_now ();
  GListModel *staff = gtk_drop_down_get_model (self->staff_dropdown);

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), now);
  if (!desk_form_drop_down_set_id (self->staff_dropdown, default_staff (self)) &&
      g_list_model_get_n_items (staff) == 1)
    gtk_drop_down_set_selected (self->staff_dropdown, 0);
  self->loading--;
  update_categories (self);
}

/* Shows the applicant's copy of @aid. */
static void
show_copy (DeskAidEditor      *self,
           const DeskLegalAid *aid)
{
  self->loading++;
  desk_form_drop_down_set_id (self->sex_dropdown, aid->sex);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry),
                         aid->birth_date ? aid->birth_date : "");
  set_ethnicity (self, aid->ethnicity);
  gtk_check_button_set_active (category_check (self, DESK_AID_CATEGORY_DISABLED),
                               aid->is_disabled);
  gtk_check_button_set_active (category_check (self, DESK_AID_CATEGORY_MIGRANT_WORKER),
                               aid->is_migrant_worker);
  gtk_check_button_set_active (category_check (self, DESK_AID_CATEGORY_FARMER),
                               aid->is_farmer);
  gtk_check_button_set_active (category_check (self, DESK_AID_CATEGORY_MILITARY),
                               aid->is_military);
  gtk_check_button_set_active (category_check (self, DESK_AID_CATEGORY_FOREIGNER),
                               aid->is_foreigner);
  desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
  self->loading--;
  update_categories (self);
}

/* The picker's person pre-fills the copy: a registered person's entry in
 * full when another person is chosen; a new person's 性别 and 出生日期 as
 * they are typed, unless the clerk changed them here. */
static void
copy_from_picker (DeskAidEditor *self)
{
  g_autoptr(DeskPerson) person = desk_person_picker_dup_person (self->picker);

  if (person == NULL)
    return;
  if (person->id > 0)
    {
      g_autoptr(DeskLegalAid) copy = NULL;

      if (person->id == self->copied_person)
        return;
      copy = desk_legal_aid_new ();
      copy->sex = person->sex;
      copy->birth_date = g_strdup (person->birth_date);
      copy->ethnicity = g_strdup (person->ethnicity);
      copy->is_disabled = person->is_disabled;
      copy->is_migrant_worker = person->is_migrant_worker;
      copy->is_farmer = person->is_farmer;
      copy->is_military = person->is_military;
      copy->is_foreigner = person->is_foreigner;
      show_copy (self, copy);
      self->copied_person = person->id;
      self->sex_touched = FALSE;
      self->birth_touched = FALSE;
      return;
    }

  self->copied_person = 0;
  self->loading++;
  if (!self->sex_touched)
    desk_form_drop_down_set_id (self->sex_dropdown, person->sex);
  if (!self->birth_touched)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry),
                             person->birth_date ? person->birth_date : "");
      desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
    }
  self->loading--;
  update_categories (self);
}

/* Shows every field of @aid (a record loaded or just saved). */
static void
show_aid (DeskAidEditor      *self,
          const DeskLegalAid *aid)
{
  g_autoptr(DeskStaff) staff = desk_staff_get (self->store, aid->receiver_id, NULL);
  g_autoptr(DeskVillage) village = NULL;

  if (aid->village_id > 0)
    village = desk_village_get (self->store, aid->village_id, NULL);

  self->loading++;
  clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), aid->received_at);
  desk_form_set_error (GTK_WIDGET (self->staff_dropdown), self->staff_error, NULL);
  select_or_add (self->staff_dropdown, aid->receiver_id, staff ? staff->name : NULL);
  /* The stored copy stands: the picker does not fill it again. */
  self->copied_person = aid->person_id;
  desk_person_picker_set_person_id (self->picker, aid->person_id);
  gtk_editable_set_text (GTK_EDITABLE (self->agent_entry),
                         aid->agent_name ? aid->agent_name : "");
  select_or_add (self->village_dropdown, aid->village_id, village ? village->name : NULL);
  select_code (self, self->matter_type_dropdown, aid->matter_type_id);
  select_code (self, self->matter_dropdown, aid->matter_id);
  select_code (self, self->hardship_dropdown, aid->hardship_id);
  gtk_check_button_set_active (self->identity_check, aid->has_identity);
  gtk_check_button_set_active (self->hardship_proof_check, aid->has_hardship_proof);
  gtk_check_button_set_active (self->matter_papers_check, aid->has_matter_papers);
  gtk_check_button_set_active (self->complete_check, aid->materials_complete);
  set_text_view_text (self->summary_view, aid->summary);
  self->loading--;
  show_copy (self, aid);
  self->village_touched = TRUE;
  self->sex_touched = FALSE;
  self->birth_touched = FALSE;
}

/**
 * desk_aid_editor_set_record:
 * @record: (transfer full): the application as stored
 *
 * The application as it now stands in the ledger (loaded, saved or
 * advanced a step); the fields typed are left as they are.
 */
void
desk_aid_editor_set_record (DeskAidEditor *self,
                            DeskLegalAid  *record)
{
  gboolean changed_id = self->record == NULL || self->record->id != record->id;

  g_clear_pointer (&self->record, desk_legal_aid_free);
  self->record = record;
  update_title (self);
  update_consultation (self);
  desk_aid_editor_update_progress (self);
  if (changed_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AID_ID]);
}

static void
close_now (DeskAidEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * desk_aid_editor_save_record:
 *
 * Checks the form and writes it: a new application gets its number, a new
 * person typed into the picker is registered in the same transaction.  A
 * refusal keeps everything typed and puts the messages beside the fields.
 *
 * Returns: whether it was saved
 */
gboolean
desk_aid_editor_save_record (DeskAidEditor *self)
{
  g_autoptr(DeskLegalAid) aid = NULL;
  g_autoptr(DeskLegalAid) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agent = NULL;
  GtkWidget *wrong;
  gboolean created;
  gboolean birth_ok;
  gint64 person_id = 0;
  gint64 *last;

  if (self->store == NULL)
    return FALSE;
  desk_aid_editor_show_message (self, NULL);
  wrong = check_all (self);
  if (wrong != NULL)
    {
      desk_aid_editor_show_message (self, _("Some fields need correcting: see the messages in "
                                            "red beside them."));
      gtk_widget_grab_focus (wrong);
      return FALSE;
    }

  created = self->record == NULL;
  aid = created ? desk_legal_aid_new () : desk_legal_aid_copy (self->record);
  if (created)
    aid->consultation_id = self->consultation_id;
  copy = typed_copy (self);
  g_free (aid->received_at);
  aid->received_at = check_date (self, TRUE);
  aid->receiver_id = desk_form_drop_down_get_id (self->staff_dropdown);
  agent = desk_form_editable_text (GTK_EDITABLE (self->agent_entry));
  g_free (aid->agent_name);
  aid->agent_name = *agent != '\0' ? g_steal_pointer (&agent) : NULL;
  aid->sex = copy->sex;
  g_free (aid->birth_date);
  aid->birth_date = check_birth (self, TRUE, &birth_ok);
  g_free (aid->ethnicity);
  aid->ethnicity = g_strdup (copy->ethnicity);
  aid->is_disabled = copy->is_disabled;
  aid->is_migrant_worker = copy->is_migrant_worker;
  aid->is_farmer = copy->is_farmer;
  aid->is_military = copy->is_military;
  aid->is_foreigner = copy->is_foreigner;
  /* The flags are shown and ticked here: what is ticked stands. */
  aid->flags_given = TRUE;
  aid->village_id = desk_form_drop_down_get_id (self->village_dropdown);
  aid->matter_type_id = desk_form_drop_down_get_id (self->matter_type_dropdown);
  aid->matter_id = desk_form_drop_down_get_id (self->matter_dropdown);
  aid->hardship_id = desk_form_drop_down_get_id (self->hardship_dropdown);
  aid->has_identity = gtk_check_button_get_active (self->identity_check);
  aid->has_hardship_proof = gtk_check_button_get_active (self->hardship_proof_check);
  aid->has_matter_papers = gtk_check_button_get_active (self->matter_papers_check);
  aid->materials_complete = gtk_check_button_get_active (self->complete_check);
  g_free (aid->summary);
  aid->summary = desk_form_text_view_text (self->summary_view);

  /* The new person, if any, is written with the application or not at
   * all. */
  if (!desk_store_begin (self->store, &error))
    goto failed;
  if (!desk_person_picker_save (self->picker, &person_id, &error))
    {
      desk_store_rollback (self->store);
      desk_aid_editor_show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->picker));
      return FALSE;
    }
  aid->person_id = person_id;
  if ((created ? desk_legal_aid_create (self->store, aid, self->check, &error) == 0
               : !desk_legal_aid_update (self->store, aid, self->check, &error)) ||
      !desk_store_commit (self->store, &error))
    {
      if (desk_store_in_transaction (self->store))
        desk_store_rollback (self->store);
      goto failed;
    }

  last = g_new (gint64, 1);
  *last = aid->receiver_id;
  g_object_set_data_full (G_OBJECT (self->store), LAST_STAFF_KEY, last, g_free);

  /* What the ledger now holds, as the core normalised it. */
  show_aid (self, aid);
  desk_aid_editor_set_record (self, g_steal_pointer (&aid));
  set_modified (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->record->id, created);
  return TRUE;

failed:
  {
    GtkWidget *field = show_field_error (self, error);

    desk_aid_editor_show_message (self, error->message);
    if (field != NULL)
      gtk_widget_grab_focus (field);
  }
  return FALSE;
}

/* Callbacks */

static void
field_changed (DeskAidEditor *self)
{
  if (self->loading > 0)
    return;
  set_modified (self, TRUE);
}

static void
date_changed (DeskAidEditor *self)
{
  if (self->loading > 0)
    return;
  g_free (check_date (self, FALSE));
  update_categories (self);
  desk_aid_editor_update_clock (self);
  set_modified (self, TRUE);
}

static void
date_activated (DeskAidEditor *self)
{
  g_autofree char *at = check_date (self, TRUE);

  if (at != NULL)
    focus_next (self, GTK_WIDGET (self->date_entry));
}

static void
date_left (DeskAidEditor *self)
{
  if (self->loading == 0)
    g_free (check_date (self, TRUE));
}

static void
birth_changed (DeskAidEditor *self)
{
  gboolean ok;

  if (self->loading > 0)
    return;
  g_free (check_birth (self, FALSE, &ok));
  self->birth_touched = TRUE;
  update_categories (self);
  set_modified (self, TRUE);
}

static void
birth_activated (DeskAidEditor *self)
{
  gboolean ok;

  g_free (check_birth (self, TRUE, &ok));
  if (ok)
    focus_next (self, GTK_WIDGET (self->birth_entry));
}

static void
birth_left (DeskAidEditor *self)
{
  gboolean ok;

  if (self->loading == 0)
    g_free (check_birth (self, TRUE, &ok));
}

static void
agent_activated (DeskAidEditor *self)
{
  focus_next (self, GTK_WIDGET (self->agent_entry));
}

static GtkWidget *
choice_error_label (DeskAidEditor *self,
                    GtkDropDown   *drop_down)
{
  struct { GtkDropDown *drop_down; GtkWidget *message; } slots[] = {
    { self->staff_dropdown, self->staff_error },
    { self->sex_dropdown, self->sex_error },
    { self->ethnicity_dropdown, self->ethnicity_error },
    { self->village_dropdown, self->village_error },
    { self->matter_type_dropdown, self->matter_type_error },
    { self->matter_dropdown, self->matter_error },
    { self->hardship_dropdown, self->hardship_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (slots[i].drop_down == drop_down)
      return slots[i].message;
  g_return_val_if_reached (NULL);
}

static void
choice_changed (DeskAidEditor *self,
                GParamSpec    *pspec,
                GtkDropDown   *drop_down)
{
  gboolean required = drop_down == self->staff_dropdown ||
                      drop_down == self->matter_type_dropdown ||
                      drop_down == self->matter_dropdown;

  if (drop_down == self->sex_dropdown || drop_down == self->ethnicity_dropdown)
    update_categories (self);
  if (self->loading > 0)
    return;
  if (!required || desk_form_drop_down_get_id (drop_down) > 0)
    desk_form_set_error (GTK_WIDGET (drop_down), choice_error_label (self, drop_down), NULL);
  if (drop_down == self->village_dropdown)
    self->village_touched = TRUE;
  if (drop_down == self->sex_dropdown)
    self->sex_touched = TRUE;
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_AID_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
category_toggled (DeskAidEditor *self)
{
  if (self->loading > 0)
    return;
  update_categories (self);
  set_modified (self, TRUE);
}

static void
picker_changed (DeskAidEditor *self)
{
  if (self->loading > 0)
    return;
  copy_from_picker (self);
  set_modified (self, TRUE);
}

/* A person chosen in the picker without the picker saying "changed" (the
 * program set it): the copy follows all the same. */
static void
picker_person_changed (DeskAidEditor *self)
{
  if (self->loading > 0)
    return;
  copy_from_picker (self);
}

static void
picker_done (DeskAidEditor *self)
{
  focus_next (self, GTK_WIDGET (self->picker));
}

/* The applicant's village fills 所在村(居) unless the clerk chose one. */
static void
picker_village_changed (DeskAidEditor *self)
{
  gint64 village = desk_person_picker_get_village_id (self->picker);

  if (self->loading > 0 || self->village_touched || village <= 0)
    return;
  self->loading++;
  desk_form_drop_down_set_id (self->village_dropdown, village);
  self->loading--;
}

static void
calendar_shown (DeskAidEditor *self)
{
  g_autofree char *at = desk_aid_editor_typed_received_at (self);
  g_autofree char *today = desk_today ();
  int y, m, d;

  if (!desk_date_to_ymd (at ? at : today, &y, &m, &d))
    return;
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

    if (day != NULL)
      gtk_calendar_select_day (self->calendar, day);
  }
}

/* A day taken from the calendar keeps the time already typed. */
static void
calendar_day_selected (DeskAidEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *at = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  at = desk_aid_editor_typed_received_at (self);
  now = desk_now ();
  text = g_strdup_printf ("%s %s", date, (at ? at : now) + 11);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  g_free (check_date (self, TRUE));
  gtk_popover_popdown (self->calendar_popover);
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_AID_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: it still runs its response
 * and would outlive the window it stands on. */
static void
close_after_dialog (DeskAidEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
discard_response (DeskAidEditor *self)
{
  close_after_dialog (self);
}

static void
ask_discard (DeskAidEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed into this "
                           "application has not been saved."),
                         G_CALLBACK (discard_response));
}

static void
delete_response (DeskAidEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_legal_aid_delete (self->store, id, &error))
    {
      desk_aid_editor_show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  close_after_dialog (self);
}

/* Actions */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskAidEditor *self = DESK_AID_EDITOR (widget);

  if (desk_aid_editor_save_record (self))
    close_now (self);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskAidEditor *self = DESK_AID_EDITOR (widget);

  if (self->modified && !self->closing)
    ask_discard (self);
  else
    close_now (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskAidEditor *self = DESK_AID_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->record == NULL)
    return;
  heading = g_strdup_printf (_("Delete Legal-Aid Application %s?"), self->record->number);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("It will no longer count anywhere. "
                                                         "Its number is not given again.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static gboolean
desk_aid_editor_close_request (GtkWindow *window)
{
  DeskAidEditor *self = DESK_AID_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_aid_editor_parent_class)->close_request (window);
}

static void
desk_aid_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskAidEditor *self = DESK_AID_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AID_ID:
      g_value_set_int64 (value, desk_aid_editor_get_aid_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_aid_editor_dispose (GObject *object)
{
  DeskAidEditor *self = DESK_AID_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_AID_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_aid_editor_parent_class)->dispose (object);
}

static void
desk_aid_editor_finalize (GObject *object)
{
  DeskAidEditor *self = DESK_AID_EDITOR (object);

  g_clear_pointer (&self->record, desk_legal_aid_free);
  G_OBJECT_CLASS (desk_aid_editor_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskAidEditor, name)

static void
desk_aid_editor_class_init (DeskAidEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_aid_editor_get_property;
  object_class->dispose = desk_aid_editor_dispose;
  object_class->finalize = desk_aid_editor_finalize;
  window_class->close_request = desk_aid_editor_close_request;

  /**
   * DeskAidEditor:aid-id:
   *
   * The application shown; 0 until a new one is saved.
   */
  properties[PROP_AID_ID] =
    g_param_spec_int64 ("aid-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskAidEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskAidEditor::saved:
   * @id: the application
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskAidEditor::deleted:
   * @id: the application
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DeskAidEditor::advanced:
   * @id: the application
   * @status: the #DeskAidStatus it moved to
   *
   * A step of the status flow was recorded (and written).
   */
  signals[ADVANCED] = g_signal_new ("advanced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (DESK_TYPE_PERSON_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-aid-editor.ui");
  BIND (window_title);
  BIND (save_button);
  BIND (delete_button);
  BIND (message_label);
  BIND (number_label);
  BIND (number_value);
  BIND (consultation_value);
  BIND (date_label);
  BIND (date_entry);
  BIND (date_error);
  BIND (calendar_popover);
  BIND (calendar);
  BIND (staff_dropdown);
  BIND (staff_error);
  BIND (picker);
  BIND (sex_dropdown);
  BIND (sex_error);
  BIND (birth_label);
  BIND (birth_entry);
  BIND (birth_error);
  BIND (ethnicity_dropdown);
  BIND (ethnicity_error);
  BIND (agent_entry);
  BIND (agent_error);
  BIND (village_dropdown);
  BIND (village_error);
  BIND (matter_type_dropdown);
  BIND (matter_type_error);
  BIND (matter_dropdown);
  BIND (matter_error);
  BIND (categories_grid);
  BIND (categories_note);
  BIND (hardship_dropdown);
  BIND (hardship_error);
  BIND (identity_check);
  BIND (hardship_proof_check);
  BIND (matter_papers_check);
  BIND (complete_check);
  BIND (summary_scroll);
  BIND (summary_view);
  BIND (summary_error);
  BIND (status_label);
  BIND (days_label);
  BIND (overdue_box);
  BIND (overdue_label);
  BIND (steps_box);
  BIND (steps_hint);
  BIND (history_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  desk_aid_editor_steps_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

#undef BIND

/* Ctrl+Enter saves from anywhere in the form; a text view would take it
 * for a new line first, so it is caught on the way down. */
static void
add_save_keys (DeskAidEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);
      GtkShortcutAction *save = gtk_named_action_new ("editor.save");

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, save));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
watch_choice (DeskAidEditor *self,
              GtkDropDown   *drop_down)
{
  desk_form_drop_down_init (drop_down, choice_picked, self);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (choice_changed), self);
}

static void
watch_leaving (DeskAidEditor *self,
               GtkWidget     *entry,
               GCallback      left)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", left, self);
  gtk_widget_add_controller (entry, focus);
}

/* 受援人类别 in the sheet's order, five to a row: the typed ones can be
 * ticked, the derived ones only show what the copy makes them. */
static void
make_categories (DeskAidEditor *self)
{
  for (guint i = 0; i < DESK_AID_N_CATEGORIES; i++)
    {
      DeskAidCategories category = 1u << i;
      GtkWidget *check = gtk_check_button_new_with_label (desk_aid_category_label (category));

      gtk_widget_set_name (check, category_names[i]);
      if (category & TYPED_CATEGORIES)
        g_signal_connect_swapped (check, "toggled", G_CALLBACK (category_toggled), self);
      else
        {
          gtk_widget_set_sensitive (check, FALSE);
          gtk_widget_set_tooltip_text (check,
                                       category == DESK_AID_CATEGORY_OTHER
                                         ? _("None of the other categories applies")
                                         : _("Worked out from the applicant's sex, birth date "
                                             "and ethnicity on the date of receipt"));
        }
      gtk_grid_attach (self->categories_grid, check, i % 5, i / 5, 1, 1);
      self->categories[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
desk_aid_editor_init (DeskAidEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->check = DESK_AID_CHECK_STRICT;

  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed), self);
  g_signal_connect_swapped (self->date_entry, "activate", G_CALLBACK (date_activated), self);
  watch_leaving (self, GTK_WIDGET (self->date_entry), G_CALLBACK (date_left));
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (calendar_shown), self);
  g_signal_connect_swapped (self->calendar, "day-selected",
                            G_CALLBACK (calendar_day_selected), self);

  watch_choice (self, self->staff_dropdown);
  watch_choice (self, self->sex_dropdown);
  watch_choice (self, self->ethnicity_dropdown);
  watch_choice (self, self->village_dropdown);
  watch_choice (self, self->matter_type_dropdown);
  watch_choice (self, self->matter_dropdown);
  watch_choice (self, self->hardship_dropdown);

  g_signal_connect_swapped (self->birth_entry, "changed", G_CALLBACK (birth_changed), self);
  g_signal_connect_swapped (self->birth_entry, "activate", G_CALLBACK (birth_activated), self);
  watch_leaving (self, GTK_WIDGET (self->birth_entry), G_CALLBACK (birth_left));
  g_signal_connect_swapped (self->agent_entry, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->agent_entry, "activate", G_CALLBACK (agent_activated), self);

  desk_person_picker_set_allow_anonymous (self->picker, FALSE);
  desk_person_picker_set_field (self->picker, _("Applicant"));
  g_signal_connect_swapped (self->picker, "changed", G_CALLBACK (picker_changed), self);
  g_signal_connect_swapped (self->picker, "done", G_CALLBACK (picker_done), self);
  g_signal_connect_swapped (self->picker, "notify::person-id",
                            G_CALLBACK (picker_person_changed), self);
  g_signal_connect_swapped (self->picker, "notify::village-id",
                            G_CALLBACK (picker_village_changed), self);

  make_categories (self);
  g_signal_connect_swapped (self->identity_check, "toggled", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->hardship_proof_check, "toggled",
                            G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->matter_papers_check, "toggled",
                            G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->complete_check, "toggled", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (field_changed), self);

  desk_aid_editor_steps_init (self);
  add_save_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

/* Public API */

/**
 * desk_aid_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new application, not shown yet;
 *   desk_aid_editor_load() turns it to an existing one.
 */
DeskAidEditor *
desk_aid_editor_new (GtkWindow *parent,
                     DeskStore *store)
{
  DeskAidEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_AID_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->loading++;
  desk_person_picker_set_store (self->picker, store);
  fill_choices (self);
  self->loading--;
  fill_defaults (self);
  update_title (self);
  update_consultation (self);
  desk_aid_editor_update_progress (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->picker));
  return self;
}

/**
 * desk_aid_editor_load:
 *
 * Shows the application @id for editing.
 *
 * Returns: %FALSE with @error when there is no such application (or it was
 *   deleted).
 */
gboolean
desk_aid_editor_load (DeskAidEditor  *self,
                      gint64          id,
                      GError        **error)
{
  g_autoptr(DeskLegalAid) record = NULL;
  g_autoptr(DeskLegalAid) strict = NULL;

  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), FALSE);

  record = desk_legal_aid_get (self->store, id, error);
  if (record == NULL)
    return FALSE;

  /* A record from an old ledger may lack the dates of steps it passed; it
   * is saved as leniently as it was imported, while the steps recorded
   * here are checked in full all the same. */
  strict = desk_legal_aid_copy (record);
  self->check = desk_legal_aid_validate (self->store, strict, DESK_AID_CHECK_STRICT, NULL)
                ? DESK_AID_CHECK_STRICT : DESK_AID_CHECK_LENIENT;

  self->consultation_id = 0;
  show_aid (self, record);
  desk_aid_editor_set_record (self, g_steal_pointer (&record));
  set_modified (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  return TRUE;
}

/**
 * desk_aid_editor_fill_from_consultation:
 *
 * Starts a new application from the consultation @consultation_id (its
 * result 指导申请法律援助): the visitor is the applicant, the consultation's
 * content the case summary, its village the applicant's; saved, the two
 * records are linked both ways.
 *
 * Returns: %FALSE with @error when there is no such consultation.
 */
gboolean
desk_aid_editor_fill_from_consultation (DeskAidEditor  *self,
                                        gint64          consultation_id,
                                        GError        **error)
{
  g_autoptr(DeskConsultation) consultation = NULL;

  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), FALSE);
  g_return_val_if_fail (self->record == NULL, FALSE);

  consultation = desk_consultation_get (self->store, consultation_id, error);
  if (consultation == NULL)
    return FALSE;

  self->consultation_id = consultation->id;
  self->loading++;
  if (consultation->person_id > 0)
    desk_person_picker_set_person_id (self->picker, consultation->person_id);
  if (consultation->village_id > 0)
    {
      desk_form_drop_down_set_id (self->village_dropdown, consultation->village_id);
      self->village_touched = TRUE;
    }
  set_text_view_text (self->summary_view, consultation->content);
  self->loading--;
  copy_from_picker (self);
  update_consultation (self);
  /* What came over is the clerk's to keep or discard. */
  set_modified (self, TRUE);
  if (consultation->person_id > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->agent_entry));
  return TRUE;
}

gint64
desk_aid_editor_get_aid_id (DeskAidEditor *self)
{
  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

/**
 * desk_aid_editor_get_number:
 *
 * Returns: (nullable): the application's 登记号, or %NULL before it is
 *   saved.
 */
const char *
desk_aid_editor_get_number (DeskAidEditor *self)
{
  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), NULL);
  return self->record ? self->record->number : NULL;
}

/* The status as stored: 已接收 for an application not saved yet. */
DeskAidStatus
desk_aid_editor_get_status (DeskAidEditor *self)
{
  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), DESK_AID_STATUS_NONE);
  return self->record ? self->record->status : DESK_AID_STATUS_RECEIVED;
}

gboolean
desk_aid_editor_get_modified (DeskAidEditor *self)
{
  g_return_val_if_fail (DESK_IS_AID_EDITOR (self), FALSE);
  return self->modified;
}
