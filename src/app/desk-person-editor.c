/* desk-person-editor.c — the entry of one person or organisation in the
 * register (当事人).
 *
 * A modal window over the main one.  A natural person has 姓名, 证件类型,
 * 证件号码, 性别, 出生日期, 民族, 手机/电话, 所在村(居), 住址 and the flags
 * legal-aid statistics use (残疾人, 农民工, 农民, 军人军属, 外国人或无国籍人);
 * what is worked out (老年人 or 未成年人 today, 女性, 少数民族) is shown,
 * not typed.  An organisation (法人或非法人组织) has 名称, 统一社会信用代码,
 * 法定代表人, 电话 and 地址.  The ID number comes before sex and birth date
 * because a 居民身份证 number fills them: they are then locked, and a sex or
 * birth date typed before that disagrees with the number is said to be
 * wrong rather than overwritten.
 *
 * Made for the keyboard like the other editors: Enter moves to the next
 * field (past those the number filled), Ctrl+S or Ctrl+Enter saves, Escape
 * asks before dropping what was typed.  Each field is checked as it is
 * typed, with the message under it and the text kept.  An ID number (or
 * credit code) already registered, or a phone already registered under the
 * same name, is refused as soon as it is typed: the field says so and the
 * entry already registered is offered; opening it shows that entry in this
 * same window, after asking when something typed here would be lost.  An
 * entry that a record names cannot be deleted.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-form.h"
#include "desk-legal-aid.h"
#include "desk-person-editor.h"
#include "desk-person.h"
#include "desk-register.h"

/* 证件类型: data, not text for translation.  The drop-down's ids are the
 * positions in id_types plus one. */
#define ID_CARD   "居民身份证"
#define PASSPORT  "护照"
#define OTHER_ID  "其他"
#define CREDIT_ID "统一社会信用代码"

static const char *const id_types[] = { ID_CARD, PASSPORT, OTHER_ID };

/* The template's grid rows where the offer of the registered entry goes:
 * under the ID number, or under the phone. */
#define ROW_ID_DUPLICATE    2
#define ROW_PHONE_DUPLICATE 7

typedef enum
{
  DUPLICATE_NONE,
  DUPLICATE_ID_NUMBER,
  DUPLICATE_PHONE,
} DuplicateKind;

struct _DeskPersonEditor
{
  AdwWindow       parent_instance;

  DeskStore      *store;
  DeskPerson     *record;          /* as last loaded or saved; NULL: new */
  char           *org_id_type;     /* an organisation's 证件类型, kept as loaded */
  gboolean        modified;
  guint           loading;
  gboolean        closing;
  gboolean        id_derived;      /* sex and birth date come from the ID number */
  gint64          duplicate_id;
  DuplicateKind   duplicate_kind;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkWidget      *delete_button;
  GtkWidget      *message_label;
  GtkWidget      *kind_box;
  GtkToggleButton *natural_toggle;
  GtkToggleButton *org_toggle;
  GtkGrid        *form_grid;
  GtkLabel       *name_label;
  GtkEntry       *name_entry;
  GtkWidget      *name_error;
  GtkLabel       *id_type_label;
  GtkDropDown    *id_type_dropdown;
  GtkWidget      *id_type_error;
  GtkLabel       *id_label;
  GtkEntry       *id_entry;
  GtkWidget      *id_error;
  GtkLabel       *legal_rep_label;
  GtkEntry       *legal_rep_entry;
  GtkWidget      *legal_rep_error;
  GtkWidget      *duplicate_box;
  GtkLabel       *duplicate_label;
  GtkButton      *open_existing_button;
  GtkLabel       *sex_label;
  GtkDropDown    *sex_dropdown;
  GtkWidget      *sex_error;
  GtkLabel       *birth_label;
  GtkEntry       *birth_entry;
  GtkWidget      *birth_error;
  GtkLabel       *ethnicity_label;
  GtkDropDown    *ethnicity_dropdown;
  GtkWidget      *ethnicity_error;
  GtkLabel       *phone_label;
  GtkEntry       *phone_entry;
  GtkWidget      *phone_error;
  GtkLabel       *village_label;
  GtkDropDown    *village_dropdown;
  GtkWidget      *village_error;
  GtkLabel       *address_label;
  GtkEntry       *address_entry;
  GtkWidget      *address_error;
  GtkWidget      *flags_label;
  GtkWidget      *flags_box;
  GtkCheckButton *disabled_check;
  GtkCheckButton *migrant_check;
  GtkCheckButton *farmer_check;
  GtkCheckButton *military_check;
  GtkCheckButton *foreigner_check;
  GtkWidget      *derived_label;
  GtkWidget      *derived_box;
  GtkCheckButton *elderly_check;
  GtkCheckButton *minor_check;
  GtkCheckButton *female_check;
  GtkCheckButton *minority_check;
  GtkLabel       *derived_note;
};

G_DEFINE_FINAL_TYPE (DeskPersonEditor, desk_person_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void check_duplicate (DeskPersonEditor *self);

/* Helpers */

static gboolean
is_org (DeskPersonEditor *self)
{
  return gtk_toggle_button_get_active (self->org_toggle);
}

static const char *
chosen_id_type (DeskPersonEditor *self)
{
  gint64 id;

  if (is_org (self))
    return self->org_id_type != NULL ? self->org_id_type : CREDIT_ID;
  id = desk_form_drop_down_get_id (self->id_type_dropdown);
  return id >= 1 && id <= (gint64) G_N_ELEMENTS (id_types) ? id_types[id - 1] : ID_CARD;
}

/* The number is one the program can check: a 居民身份证 number or a
 * credit code. */
static gboolean
id_is_card (DeskPersonEditor *self)
{
  return !is_org (self) && g_str_equal (chosen_id_type (self), ID_CARD);
}

static gboolean
id_is_credit_code (DeskPersonEditor *self)
{
  return is_org (self) && g_str_equal (chosen_id_type (self), CREDIT_ID);
}

static void
set_modified (DeskPersonEditor *self,
              gboolean          modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskPersonEditor *self,
              const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static void
set_entry_text (DeskPersonEditor *self,
                GtkEntry         *entry,
                const char       *text)
{
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  self->loading--;
}

static char *
entry_text (GtkEntry *entry)
{
  return desk_form_editable_text (GTK_EDITABLE (entry));
}

static char *
entry_text_or_null (GtkEntry *entry)
{
  char *text = entry_text (entry);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static const char *
name_field (DeskPersonEditor *self)
{
  return is_org (self) ? _("Name of the organisation") : _("Name");
}

static void
place (DeskPersonEditor *self,
       GtkWidget        *child,
       int               column,
       int               row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->form_grid));
  GtkGridLayoutChild *cell =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));

  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
}

/* The person as the form holds it.  With @checked_only, the ID number and
 * the phone only when they are right, so that the duplicate check does not
 * trip over half-typed ones; otherwise as typed, for the register to check
 * and normalise. */
static DeskPerson *
typed_person (DeskPersonEditor *self,
              gboolean          checked_only)
{
  DeskPerson *person = desk_person_new ();
  g_autofree char *id = entry_text (self->id_entry);
  g_autofree char *phone = entry_text (self->phone_entry);
  gboolean org = is_org (self);

  person->id = self->record ? self->record->id : 0;
  person->kind = org ? DESK_PERSON_ORGANISATION : DESK_PERSON_NATURAL;
  person->name = entry_text (self->name_entry);
  person->id_type = g_strdup (chosen_id_type (self));
  if (checked_only && *id != '\0' && id_is_card (self))
    {
      g_autoptr(DeskIdNumber) parsed = desk_validate_id_number (id, NULL, NULL);

      person->id_number = parsed ? g_strdup (parsed->number) : NULL;
    }
  else if (checked_only && *id != '\0' && id_is_credit_code (self))
    person->id_number = desk_validate_credit_code (id, NULL);
  else
    person->id_number = *id != '\0' ? g_steal_pointer (&id) : NULL;
  if (checked_only)
    person->phone = *phone != '\0' ? desk_validate_phone (phone, NULL) : NULL;
  else
    person->phone = *phone != '\0' ? g_steal_pointer (&phone) : NULL;
  person->address = entry_text_or_null (self->address_entry);
  person->notes = self->record ? g_strdup (self->record->notes) : NULL;

  if (org)
    {
      person->legal_rep = entry_text_or_null (self->legal_rep_entry);
      person->village_id = self->record ? self->record->village_id : 0;
      return person;
    }
  person->sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
  person->birth_date = entry_text_or_null (self->birth_entry);
  person->ethnicity = g_strdup (desk_form_ethnicity_drop_down_get (self->ethnicity_dropdown));
  person->village_id = desk_form_drop_down_get_id (self->village_dropdown);
  person->is_disabled = gtk_check_button_get_active (self->disabled_check);
  person->is_migrant_worker = gtk_check_button_get_active (self->migrant_check);
  person->is_farmer = gtk_check_button_get_active (self->farmer_check);
  person->is_military = gtk_check_button_get_active (self->military_check);
  person->is_foreigner = gtk_check_button_get_active (self->foreigner_check);
  return person;
}

/* 老年人, 未成年人, 女性 and 少数民族 as they stand today; a record counts
 * them on its own date. */
static void
update_derived (DeskPersonEditor *self)
{
  g_autofree char *today = desk_today ();
  g_autofree char *birth = entry_text (self->birth_entry);
  g_autofree char *note = NULL;
  const char *ethnicity = desk_form_ethnicity_drop_down_get (self->ethnicity_dropdown);
  gboolean foreigner = gtk_check_button_get_active (self->foreigner_check);
  gboolean known = desk_date_valid (birth);
  int age = known ? desk_age_on (birth, today) : -1;

  self->loading++;
  gtk_check_button_set_active (self->elderly_check, known && desk_is_elderly (birth, today));
  gtk_check_button_set_active (self->minor_check, known && desk_is_minor (birth, today));
  gtk_check_button_set_active (self->female_check,
                               desk_form_drop_down_get_id (self->sex_dropdown) ==
                               DESK_SEX_FEMALE);
  gtk_check_button_set_active (self->minority_check, desk_is_minority (ethnicity, foreigner));
  self->loading--;

  if (age >= 0)
    note = g_strdup_printf (_("Aged %d today. Worked out from the birth date, sex and "
                              "ethnicity; each record counts them as of its own date."), age);
  else
    note = g_strdup (_("Worked out from the birth date, sex and ethnicity, as of today; "
                       "each record counts them as of its own date."));
  gtk_label_set_text (self->derived_note, note);
}

/* What a 居民身份证 number says of sex and birth date.  When the form got
 * them from an earlier number, or has none, the number fills them and they
 * are locked; a sex or birth date the clerk typed is checked against it
 * instead, and a disagreement is said under the field, which stays open.
 *
 * Returns: whether sex and birth date agree with the number */
static gboolean
apply_id (DeskPersonEditor   *self,
          const DeskIdNumber *id)
{
  g_autoptr(DeskIdNumber) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *field = NULL;
  gboolean sex_wrong;
  DeskSex sex;

  if (id == NULL)
    {
      if (self->id_derived)
        {
          /* What the number said no longer holds. */
          set_entry_text (self, self->birth_entry, NULL);
          self->loading++;
          desk_form_drop_down_set_id (self->sex_dropdown, DESK_SEX_UNKNOWN);
          self->loading--;
          self->id_derived = FALSE;
        }
      desk_form_set_sensitive (GTK_WIDGET (self->birth_entry), TRUE, NULL);
      desk_form_set_sensitive (GTK_WIDGET (self->sex_dropdown), TRUE, NULL);
      update_derived (self);
      return TRUE;
    }

  if (!self->id_derived)
    {
      birth = entry_text (self->birth_entry);
      sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
      match = desk_validate_id_matches (id->number, birth, sex, NULL, &error);
      if (match == NULL)
        {
          /* One of them is said to be wrong at a time, the birth date
           * first. */
          field = desk_error_get_field (error);
          sex_wrong = g_strcmp0 (field, _("Sex")) == 0;
          desk_form_set_error (GTK_WIDGET (self->sex_dropdown), self->sex_error,
                               sex_wrong ? desk_form_error_problem (error) : NULL);
          desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error,
                               sex_wrong ? NULL : desk_form_error_problem (error));
          update_derived (self);
          return FALSE;
        }
    }

  set_entry_text (self, self->birth_entry, id->birth_date);
  self->loading++;
  desk_form_drop_down_set_id (self->sex_dropdown, id->sex);
  self->loading--;
  desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->sex_dropdown), self->sex_error, NULL);
  self->id_derived = TRUE;
  desk_form_set_sensitive (GTK_WIDGET (self->birth_entry), FALSE,
                           GTK_WIDGET (self->ethnicity_dropdown));
  desk_form_set_sensitive (GTK_WIDGET (self->sex_dropdown), FALSE,
                           GTK_WIDGET (self->ethnicity_dropdown));
  update_derived (self);
  return TRUE;
}

/* A credit code is judged once it has all 18 characters or one that
 * cannot be in a code, or as it stands when @final. */
static gboolean
check_credit_code (DeskPersonEditor *self,
                   gboolean          final)
{
  g_autofree char *code = NULL;

  return desk_form_check_credit_code (GTK_WIDGET (self->id_entry), self->id_error, final,
                                      &code);
}

/* The ID number as its type reads it: a 居民身份证 number or a credit code
 * is checked, a passport or other number taken as typed.  Returns FALSE
 * when it was judged wrong. */
static gboolean
check_id_number (DeskPersonEditor *self,
                 gboolean          final)
{
  gboolean ok = TRUE;

  if (id_is_card (self))
    {
      g_autoptr(DeskIdNumber) id = NULL;

      ok = desk_form_check_id_number (GTK_WIDGET (self->id_entry), self->id_error, final, &id);
      apply_id (self, id);
    }
  else
    {
      if (id_is_credit_code (self))
        ok = check_credit_code (self, final);
      else
        desk_form_set_error (GTK_WIDGET (self->id_entry), self->id_error, NULL);
      apply_id (self, NULL);
    }
  check_duplicate (self);
  return ok;
}

/* Sex and birth date: against the ID number when there is a right one, else
 * the birth date on its own.  Returns the field found wrong, or NULL. */
static GtkWidget *
check_birth_and_sex (DeskPersonEditor *self,
                     gboolean          final)
{
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autoptr(DeskIdNumber) id = NULL;

  if (is_org (self) || self->id_derived)
    return NULL;
  number = entry_text (self->id_entry);
  if (id_is_card (self) && *number != '\0')
    id = desk_validate_id_number (number, NULL, NULL);
  if (id != NULL)
    {
      if (apply_id (self, id))
        return NULL;
      return gtk_widget_get_visible (self->sex_error) ? GTK_WIDGET (self->sex_dropdown)
                                                      : GTK_WIDGET (self->birth_entry);
    }
  desk_form_set_error (GTK_WIDGET (self->sex_dropdown), self->sex_error, NULL);
  if (!desk_form_check_date (GTK_WIDGET (self->birth_entry), self->birth_error,
                             _("Birth date"), final, &date))
    return GTK_WIDGET (self->birth_entry);
  if (date != NULL && final)
    set_entry_text (self, self->birth_entry, date);
  update_derived (self);
  return NULL;
}

static gboolean
check_phone (DeskPersonEditor *self,
             gboolean          final)
{
  g_autofree char *phone = NULL;
  gboolean ok;

  ok = desk_form_check_phone (GTK_WIDGET (self->phone_entry), self->phone_error, final, &phone);
  /* The number as the register keeps it: "139 0797 0123" → 13907970123. */
  if (phone != NULL && final)
    set_entry_text (self, self->phone_entry, phone);
  check_duplicate (self);
  return ok;
}

static gboolean
check_name (DeskPersonEditor *self,
            gboolean          final)
{
  return desk_form_check_name (GTK_WIDGET (self->name_entry), self->name_error,
                               name_field (self), final);
}

/* The duplicate */

/* What the field that makes the entry a duplicate says under it: the
 * offer of the registered entry is right below. */
static const char *
duplicate_caption (void)
{
  return _("already registered; see below");
}

static void
unmark_duplicate (GtkWidget *field,
                  GtkWidget *message)
{
  /* Only the caption this file put there: a message that the field is
   * wrong stays. */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (message)), duplicate_caption ()) == 0)
    desk_form_set_error (field, message, NULL);
}

static void
hide_duplicate (DeskPersonEditor *self)
{
  self->duplicate_id = 0;
  self->duplicate_kind = DUPLICATE_NONE;
  gtk_widget_set_visible (self->duplicate_box, FALSE);
  unmark_duplicate (GTK_WIDGET (self->id_entry), self->id_error);
  unmark_duplicate (GTK_WIDGET (self->phone_entry), self->phone_error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-existing", FALSE);
}

static char *
village_name (DeskPersonEditor *self,
              gint64            id)
{
  g_autoptr(DeskVillage) village = id > 0 ? desk_village_get (self->store, id, NULL) : NULL;

  return village ? g_strdup (village->name) : NULL;
}

/* Offers the registered entry this one would duplicate, if any: same ID
 * number (or credit code), else same phone under the same name. */
static void
check_duplicate (DeskPersonEditor *self)
{
  g_autoptr(DeskPerson) typed = NULL;
  g_autoptr(DeskPerson) existing = NULL;
  g_autofree char *village = NULL;
  g_autofree char *who = NULL;
  g_autofree char *message = NULL;
  gint64 id = 0;

  if (self->store == NULL)
    return;
  typed = typed_person (self, TRUE);
  if (typed->id_number != NULL || typed->phone != NULL)
    id = desk_person_find_existing (self->store, typed);
  existing = id > 0 ? desk_person_get (self->store, id, NULL) : NULL;
  if (existing == NULL)
    {
      hide_duplicate (self);
      return;
    }

  village = village_name (self, existing->village_id);
  who = desk_form_name_person (existing, village, NULL);
  if (typed->id_number != NULL && existing->id_number != NULL &&
      g_strcmp0 (typed->id_type, existing->id_type) == 0)
    {
      self->duplicate_kind = DUPLICATE_ID_NUMBER;
      message = g_strdup_printf (is_org (self)
                                   ? _("This credit code is already registered for %s.\n"
                                       "The same organisation is not registered twice.")
                                   : _("This ID number is already registered for %s.\n"
                                       "The same person is not registered twice."),
                                 who);
      unmark_duplicate (GTK_WIDGET (self->phone_entry), self->phone_error);
      desk_form_set_error (GTK_WIDGET (self->id_entry), self->id_error, duplicate_caption ());
      place (self, self->duplicate_box, 1, ROW_ID_DUPLICATE);
    }
  else
    {
      self->duplicate_kind = DUPLICATE_PHONE;
      message = g_strdup_printf (_("This phone number is already registered for %s, "
                                   "under the same name.\nThe same person is not "
                                   "registered twice."), who);
      unmark_duplicate (GTK_WIDGET (self->id_entry), self->id_error);
      desk_form_set_error (GTK_WIDGET (self->phone_entry), self->phone_error,
                           duplicate_caption ());
      place (self, self->duplicate_box, 1, ROW_PHONE_DUPLICATE);
    }
  self->duplicate_id = id;
  gtk_label_set_text (self->duplicate_label, message);
  gtk_widget_set_visible (self->duplicate_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-existing", TRUE);
}

/* Layout */

/* Shows the fields of a natural person or of an organisation; the credit
 * code takes the place of 证件类型, which an organisation does not show. */
static void
apply_kind (DeskPersonEditor *self)
{
  gboolean org = is_org (self);
  GtkWidget *natural_only[] = {
    GTK_WIDGET (self->id_type_label), GTK_WIDGET (self->id_type_dropdown),
    GTK_WIDGET (self->sex_label), GTK_WIDGET (self->sex_dropdown),
    GTK_WIDGET (self->birth_label), GTK_WIDGET (self->birth_entry),
    GTK_WIDGET (self->ethnicity_label), GTK_WIDGET (self->ethnicity_dropdown),
    GTK_WIDGET (self->village_label), GTK_WIDGET (self->village_dropdown),
    self->flags_label, self->flags_box, self->derived_label, self->derived_box,
    GTK_WIDGET (self->derived_note),
  };
  struct { GtkWidget *field; GtkWidget *message; } natural_messages[] = {
    { GTK_WIDGET (self->id_type_dropdown), self->id_type_error },
    { GTK_WIDGET (self->sex_dropdown), self->sex_error },
    { GTK_WIDGET (self->birth_entry), self->birth_error },
    { GTK_WIDGET (self->ethnicity_dropdown), self->ethnicity_error },
    { GTK_WIDGET (self->village_dropdown), self->village_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (natural_only); i++)
    gtk_widget_set_visible (natural_only[i], !org);
  for (guint i = 0; i < G_N_ELEMENTS (natural_messages); i++)
    if (org)
      desk_form_set_error (natural_messages[i].field, natural_messages[i].message, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->legal_rep_label), org);
  gtk_widget_set_visible (GTK_WIDGET (self->legal_rep_entry), org);
  if (!org)
    desk_form_set_error (GTK_WIDGET (self->legal_rep_entry), self->legal_rep_error, NULL);

  gtk_label_set_text_with_mnemonic (self->name_label, name_field (self));
  gtk_label_set_text_with_mnemonic (self->id_label,
                                    org ? _("Unified social credit code") : _("ID number"));
  gtk_label_set_text_with_mnemonic (self->phone_label, org ? _("Phone") : _("Mobile or phone"));
  gtk_label_set_text_with_mnemonic (self->address_label,
                                    org ? _("Address") : _("Home address"));
  place (self, GTK_WIDGET (self->id_label), org ? 2 : 4, 0);
  place (self, GTK_WIDGET (self->id_entry), org ? 3 : 5, 0);
  place (self, self->id_error, org ? 3 : 5, 1);
  gtk_entry_set_max_length (self->id_entry, id_is_card (self) || org ? 18 : 32);
}

static void
update_title (DeskPersonEditor *self)
{
  const char *title = self->record ? self->record->name : _("New Person or Organisation");
  const char *subtitle = "";

  if (self->record != NULL)
    subtitle = self->record->kind == DESK_PERSON_ORGANISATION
                 ? _("Legal person or organisation") : _("Natural person");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
  /* A saved entry keeps its kind: records may count it as one or the
   * other.  One registered as the wrong kind is deleted and registered
   * again. */
  gtk_widget_set_sensitive (self->kind_box, self->record == NULL);
  gtk_widget_set_tooltip_text (self->kind_box,
                               self->record ? _("A registered entry keeps its kind") : NULL);
}

/* The fields in the order Enter follows: the form's, past the fields that
 * are hidden or that the ID number filled.  证件类型 (nearly always 居民身份证)
 * and 民族 (empty for 汉族) already hold what most people need: Enter passes
 * them by, Tab reaches them. */
static void
focus_next (DeskPersonEditor *self,
            GtkWidget        *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->name_entry), GTK_WIDGET (self->id_entry),
    GTK_WIDGET (self->legal_rep_entry), GTK_WIDGET (self->sex_dropdown),
    GTK_WIDGET (self->birth_entry), GTK_WIDGET (self->phone_entry),
    GTK_WIDGET (self->village_dropdown), GTK_WIDGET (self->address_entry),
    self->save_button,
  };
  gboolean after = FALSE;

  if (self->duplicate_id > 0 &&
      ((field == GTK_WIDGET (self->id_entry) && self->duplicate_kind == DUPLICATE_ID_NUMBER) ||
       (field == GTK_WIDGET (self->phone_entry) && self->duplicate_kind == DUPLICATE_PHONE) ||
       (field == GTK_WIDGET (self->name_entry) && self->duplicate_kind == DUPLICATE_PHONE)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->open_existing_button));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (after && gtk_widget_get_visible (order[i]) && gtk_widget_get_sensitive (order[i]))
        {
          gtk_widget_grab_focus (order[i]);
          return;
        }
      if (order[i] == field)
        after = TRUE;
    }
}

/* Checks every field, marks the wrong ones and returns the first of them,
 * or NULL when all are right. */
static GtkWidget *
check_all (DeskPersonEditor *self)
{
  GtkWidget *first = NULL;
  GtkWidget *wrong;

  if (!check_name (self, TRUE))
    first = GTK_WIDGET (self->name_entry);
  if (!check_id_number (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->id_entry);
  wrong = check_birth_and_sex (self, TRUE);
  if (wrong != NULL && first == NULL)
    first = wrong;
  if (!check_phone (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->phone_entry);
  if (self->duplicate_id > 0 && first == NULL)
    first = GTK_WIDGET (self->open_existing_button);
  return first;
}

/* Puts a register error beside the field it names; returns the field, or
 * NULL when it names none of them. */
static GtkWidget *
show_field_error (DeskPersonEditor *self,
                  const GError     *error)
{
  struct { const char *field; GtkWidget *widget; GtkWidget *message; } slots[] = {
    { _("Name"), GTK_WIDGET (self->name_entry), self->name_error },
    { _("Name of the organisation"), GTK_WIDGET (self->name_entry), self->name_error },
    { _("ID type"), GTK_WIDGET (self->id_type_dropdown), self->id_type_error },
    { _("ID number"), GTK_WIDGET (self->id_entry), self->id_error },
    { _("Unified social credit code"), GTK_WIDGET (self->id_entry), self->id_error },
    { _("Sex"), GTK_WIDGET (self->sex_dropdown), self->sex_error },
    { _("Birth date"), GTK_WIDGET (self->birth_entry), self->birth_error },
    { _("Ethnicity"), GTK_WIDGET (self->ethnicity_dropdown), self->ethnicity_error },
    { _("Phone"), GTK_WIDGET (self->phone_entry), self->phone_error },
    { _("Mobile"), GTK_WIDGET (self->phone_entry), self->phone_error },
    { _("Village"), GTK_WIDGET (self->village_dropdown), self->village_error },
  };
  g_autofree char *field = desk_error_get_field (error);

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (field, slots[i].field) && gtk_widget_get_visible (slots[i].widget))
      {
        desk_form_set_error (slots[i].widget, slots[i].message, desk_form_error_problem (error));
        return slots[i].widget;
      }
  return NULL;
}

static void
clear_errors (DeskPersonEditor *self)
{
  struct { GtkWidget *field; GtkWidget *message; } slots[] = {
    { GTK_WIDGET (self->name_entry), self->name_error },
    { GTK_WIDGET (self->id_type_dropdown), self->id_type_error },
    { GTK_WIDGET (self->id_entry), self->id_error },
    { GTK_WIDGET (self->legal_rep_entry), self->legal_rep_error },
    { GTK_WIDGET (self->sex_dropdown), self->sex_error },
    { GTK_WIDGET (self->birth_entry), self->birth_error },
    { GTK_WIDGET (self->ethnicity_dropdown), self->ethnicity_error },
    { GTK_WIDGET (self->phone_entry), self->phone_error },
    { GTK_WIDGET (self->village_dropdown), self->village_error },
    { GTK_WIDGET (self->address_entry), self->address_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    desk_form_set_error (slots[i].field, slots[i].message, NULL);
  hide_duplicate (self);
  show_message (self, NULL);
}

/* Selects @id, adding it (marked retired) when the list of villages active
 * today lacks it: an entry keeps the village it was saved with. */
static void
select_village (DeskPersonEditor *self,
                gint64            id)
{
  g_autofree char *name = NULL;
  g_autofree char *retired = NULL;

  if (id <= 0 || desk_form_drop_down_set_id (self->village_dropdown, id))
    {
      if (id <= 0)
        desk_form_drop_down_set_id (self->village_dropdown, 0);
      return;
    }
  name = village_name (self, id);
  if (name == NULL)
    {
      desk_form_drop_down_set_id (self->village_dropdown, 0);
      return;
    }
  /* Translators: a choice no longer offered for new records, e.g. 来信（已停用） */
  retired = g_strdup_printf (_("%s (retired)"), name);
  desk_form_drop_down_add (self->village_dropdown, id, retired);
  desk_form_drop_down_set_id (self->village_dropdown, id);
}

static void
fill_choices (DeskPersonEditor *self)
{
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) villages = desk_village_list (self->store, today, NULL);

  desk_form_drop_down_clear (self->id_type_dropdown);
  for (guint i = 0; i < G_N_ELEMENTS (id_types); i++)
    desk_form_drop_down_add (self->id_type_dropdown, i + 1, id_types[i]);
  desk_form_drop_down_set_id (self->id_type_dropdown, 1);
  desk_form_sex_drop_down_fill (self->sex_dropdown);
  desk_form_ethnicity_drop_down_fill (self->ethnicity_dropdown);

  desk_form_drop_down_clear (self->village_dropdown);
  desk_form_drop_down_add (self->village_dropdown, 0, _("Not given"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);

      desk_form_drop_down_add (self->village_dropdown, village->id, village->name);
    }
  desk_form_drop_down_set_id (self->village_dropdown, 0);
}

static void
close_now (DeskPersonEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_PERSON_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: it still runs its response
 * and would outlive the window it stands on. */
static void
close_after_dialog (DeskPersonEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
discard_response (DeskPersonEditor *self)
{
  close_after_dialog (self);
}

static void
ask_discard (DeskPersonEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed for this person or organisation has not been "
                           "saved."),
                         G_CALLBACK (discard_response));
}

/* Whether the form holds something the registered entry @existing lacks,
 * which opening that entry instead would drop. */
static gboolean
typed_beyond (DeskPersonEditor *self,
              const DeskPerson *existing)
{
  g_autoptr(DeskPerson) typed = typed_person (self, TRUE);

#define DIFFERS(field) (typed->field != NULL && g_strcmp0 (typed->field, existing->field) != 0)
  if (self->record != NULL)
    return TRUE;   /* edits to another entry */
  if (DIFFERS (name) && *typed->name != '\0')
    return TRUE;
  if (DIFFERS (id_number) || DIFFERS (phone) || DIFFERS (address) || DIFFERS (legal_rep) ||
      DIFFERS (ethnicity))
    return TRUE;
#undef DIFFERS
  if (typed->kind == DESK_PERSON_ORGANISATION)
    return FALSE;
  if (!self->id_derived &&
      ((typed->birth_date != NULL && g_strcmp0 (typed->birth_date, existing->birth_date) != 0) ||
       (typed->sex != DESK_SEX_UNKNOWN && typed->sex != existing->sex)))
    return TRUE;
  if (typed->village_id > 0 && typed->village_id != existing->village_id)
    return TRUE;
  return (typed->is_disabled && !existing->is_disabled) ||
         (typed->is_migrant_worker && !existing->is_migrant_worker) ||
         (typed->is_farmer && !existing->is_farmer) ||
         (typed->is_military && !existing->is_military) ||
         (typed->is_foreigner && !existing->is_foreigner);
}

static void
open_existing_now (DeskPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->duplicate_id;

  if (id <= 0)
    return;
  if (!desk_person_editor_load (self, id, &error))
    show_message (self, error->message);
}

/* Callbacks */

static void
kind_toggled (DeskPersonEditor *self)
{
  apply_kind (self);
  if (self->loading > 0)
    return;
  /* A number typed for one kind is something else for the other. */
  check_id_number (self, FALSE);
  if (gtk_widget_get_visible (self->name_error))
    check_name (self, TRUE);
  set_modified (self, TRUE);
}

static void
name_changed (DeskPersonEditor *self)
{
  if (self->loading > 0)
    return;
  if (gtk_widget_get_visible (self->name_error))
    check_name (self, FALSE);
  check_duplicate (self);
  set_modified (self, TRUE);
}

static void
id_changed (DeskPersonEditor *self)
{
  if (self->loading > 0)
    return;
  check_id_number (self, FALSE);
  set_modified (self, TRUE);
}

static void
birth_changed (DeskPersonEditor *self)
{
  if (self->loading > 0)
    return;
  check_birth_and_sex (self, FALSE);
  set_modified (self, TRUE);
}

static void
phone_changed (DeskPersonEditor *self)
{
  if (self->loading > 0)
    return;
  check_phone (self, FALSE);
  set_modified (self, TRUE);
}

static void
text_changed (DeskPersonEditor *self)
{
  if (self->loading > 0)
    return;
  set_modified (self, TRUE);
}

static void
entry_activated (GtkEntry         *entry,
                 DeskPersonEditor *self)
{
  GtkWidget *wrong = NULL;

  if (entry == self->name_entry)
    wrong = check_name (self, TRUE) ? NULL : GTK_WIDGET (entry);
  else if (entry == self->id_entry)
    wrong = check_id_number (self, TRUE) ? NULL : GTK_WIDGET (entry);
  else if (entry == self->birth_entry)
    wrong = check_birth_and_sex (self, TRUE);
  else if (entry == self->phone_entry)
    wrong = check_phone (self, TRUE) ? NULL : GTK_WIDGET (entry);
  if (wrong == NULL)
    focus_next (self, GTK_WIDGET (entry));
}

static void
entry_left (GtkEventControllerFocus *controller,
            DeskPersonEditor        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->loading > 0 || self->closing)
    return;
  if (entry == GTK_WIDGET (self->name_entry))
    check_name (self, TRUE);
  else if (entry == GTK_WIDGET (self->id_entry))
    check_id_number (self, TRUE);
  else if (entry == GTK_WIDGET (self->birth_entry))
    check_birth_and_sex (self, TRUE);
  else if (entry == GTK_WIDGET (self->phone_entry))
    check_phone (self, TRUE);
}

static void
choice_changed (DeskPersonEditor *self,
                GParamSpec       *pspec,
                GtkDropDown      *drop_down)
{
  if (self->loading > 0)
    return;
  if (drop_down == self->id_type_dropdown)
    {
      /* Another kind of document does not change when the person was
       * born: what the number filled stays, open to typing. */
      self->id_derived = FALSE;
      apply_kind (self);
      check_id_number (self, FALSE);
    }
  else if (drop_down == self->sex_dropdown)
    check_birth_and_sex (self, FALSE);
  else if (drop_down == self->ethnicity_dropdown)
    update_derived (self);
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_PERSON_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
flag_toggled (DeskPersonEditor *self,
              GParamSpec       *pspec,
              GtkCheckButton   *check)
{
  if (self->loading > 0)
    return;
  if (check == self->foreigner_check)
    update_derived (self);
  set_modified (self, TRUE);
}

static void
delete_response (DeskPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_person_delete (self->store, id, &error))
    {
      show_message (self, error->message);
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
  DeskPersonEditor *self = DESK_PERSON_EDITOR (widget);
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;
  gboolean created;

  if (self->store == NULL)
    return;
  show_message (self, NULL);
  wrong = check_all (self);
  if (wrong != NULL)
    {
      show_message (self, _("Some fields need correcting: see the messages in red beside "
                            "them."));
      gtk_widget_grab_focus (wrong);
      return;
    }

  person = typed_person (self, FALSE);
  created = self->record == NULL;
  if (created ? desk_person_create (self->store, person, &error) == 0
              : !desk_person_update (self->store, person, &error))
    {
      if (g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE))
        {
          check_duplicate (self);
          show_message (self, error->message);
          if (self->duplicate_id > 0)
            gtk_widget_grab_focus (GTK_WIDGET (self->open_existing_button));
          return;
        }
      wrong = show_field_error (self, error);
      show_message (self, error->message);
      if (wrong != NULL)
        gtk_widget_grab_focus (wrong);
      return;
    }

  g_clear_pointer (&self->record, desk_person_free);
  self->record = g_steal_pointer (&person);
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  g_signal_emit (self, signals[SAVED], 0, self->record->id, created);
  close_now (self);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (widget);

  if (self->modified && !self->closing)
    ask_discard (self);
  else
    close_now (self);
}

/* The registered entry this one would duplicate, shown here instead: a
 * clerk who finds the person registered goes on with that entry.  What
 * was typed that the entry lacks is only dropped after asking. */
static void
open_existing_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (widget);
  g_autoptr(DeskPerson) existing = NULL;
  g_autofree char *body = NULL;

  if (self->duplicate_id <= 0)
    return;
  existing = desk_person_get (self->store, self->duplicate_id, NULL);
  if (existing == NULL)
    {
      check_duplicate (self);
      return;
    }
  if (!typed_beyond (self, existing))
    {
      open_existing_now (self);
      return;
    }
  body = g_strdup_printf (_("Opening the registered entry of %s drops what was typed here "
                            "that it does not hold."), existing->name);
  desk_form_ask_discard (GTK_WINDOW (self), body, G_CALLBACK (open_existing_now));
}

/* A person named by a live record stays: the register says so, and how
 * many records name them, before anything is asked. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  gboolean allowed;

  if (self->record == NULL)
    return;
  show_message (self, NULL);
  /* desk_person_delete() holds the one rule of what may go; tried in a
   * transaction that is rolled back, it answers without deleting. */
  if (!desk_store_begin (self->store, &error))
    {
      show_message (self, error->message);
      return;
    }
  allowed = desk_person_delete (self->store, self->record->id, &error);
  desk_store_rollback (self->store);
  if (!allowed)
    {
      show_message (self, error->message);
      return;
    }

  heading = g_strdup_printf (_("Delete %s from the Register?"), self->record->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("No record names this entry. It will "
                                                         "no longer be found or offered when "
                                                         "records are entered.")));
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
desk_person_editor_close_request (GtkWindow *window)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_person_editor_parent_class)->close_request (window);
}

static void
desk_person_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, desk_person_editor_get_person_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_person_editor_dispose (GObject *object)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_person_editor_parent_class)->dispose (object);
}

static void
desk_person_editor_finalize (GObject *object)
{
  DeskPersonEditor *self = DESK_PERSON_EDITOR (object);

  g_clear_pointer (&self->record, desk_person_free);
  g_free (self->org_id_type);
  G_OBJECT_CLASS (desk_person_editor_parent_class)->finalize (object);
}

static void
desk_person_editor_class_init (DeskPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_person_editor_get_property;
  object_class->dispose = desk_person_editor_dispose;
  object_class->finalize = desk_person_editor_finalize;
  window_class->close_request = desk_person_editor_close_request;

  /**
   * DeskPersonEditor:person-id:
   *
   * The entry shown; 0 until a new one is saved.  It changes when the
   * clerk opens the registered entry a new one would duplicate.
   */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskPersonEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskPersonEditor::saved:
   * @id: the person or organisation
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskPersonEditor::deleted:
   * @id: the person or organisation
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-person-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskPersonEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (delete_button);
  BIND (message_label);
  BIND (kind_box);
  BIND (natural_toggle);
  BIND (org_toggle);
  BIND (form_grid);
  BIND (name_label);
  BIND (name_entry);
  BIND (name_error);
  BIND (id_type_label);
  BIND (id_type_dropdown);
  BIND (id_type_error);
  BIND (id_label);
  BIND (id_entry);
  BIND (id_error);
  BIND (legal_rep_label);
  BIND (legal_rep_entry);
  BIND (legal_rep_error);
  BIND (duplicate_box);
  BIND (duplicate_label);
  BIND (open_existing_button);
  BIND (sex_label);
  BIND (sex_dropdown);
  BIND (sex_error);
  BIND (birth_label);
  BIND (birth_entry);
  BIND (birth_error);
  BIND (ethnicity_label);
  BIND (ethnicity_dropdown);
  BIND (ethnicity_error);
  BIND (phone_label);
  BIND (phone_entry);
  BIND (phone_error);
  BIND (village_label);
  BIND (village_dropdown);
  BIND (village_error);
  BIND (address_label);
  BIND (address_entry);
  BIND (address_error);
  BIND (flags_label);
  BIND (flags_box);
  BIND (disabled_check);
  BIND (migrant_check);
  BIND (farmer_check);
  BIND (military_check);
  BIND (foreigner_check);
  BIND (derived_label);
  BIND (derived_box);
  BIND (elderly_check);
  BIND (minor_check);
  BIND (female_check);
  BIND (minority_check);
  BIND (derived_note);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.open-existing", NULL,
                                   open_existing_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

/* Ctrl+Enter saves from anywhere in the form; an entry would take Enter
 * for moving on first, so it is caught on the way down. */
static void
add_save_keys (DeskPersonEditor *self)
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
watch_entry (DeskPersonEditor *self,
             GtkEntry         *entry,
             GCallback         changed)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (entry, "changed", changed, self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activated), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_left), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
watch_choice (DeskPersonEditor *self,
              GtkDropDown      *drop_down)
{
  desk_form_drop_down_init (drop_down, choice_picked, self);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (choice_changed), self);
}

static void
watch_flag (DeskPersonEditor  *self,
            GtkCheckButton    *check,
            DeskAidCategories  category)
{
  /* The flags' names are the legal-aid sheet's: data, not translated. */
  gtk_check_button_set_label (check, desk_aid_category_label (category));
  g_signal_connect_swapped (check, "notify::active", G_CALLBACK (flag_toggled), self);
}

static void
desk_person_editor_init (DeskPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  watch_entry (self, self->name_entry, G_CALLBACK (name_changed));
  watch_entry (self, self->id_entry, G_CALLBACK (id_changed));
  watch_entry (self, self->birth_entry, G_CALLBACK (birth_changed));
  watch_entry (self, self->phone_entry, G_CALLBACK (phone_changed));
  watch_entry (self, self->legal_rep_entry, G_CALLBACK (text_changed));
  watch_entry (self, self->address_entry, G_CALLBACK (text_changed));
  watch_choice (self, self->id_type_dropdown);
  watch_choice (self, self->sex_dropdown);
  watch_choice (self, self->ethnicity_dropdown);
  watch_choice (self, self->village_dropdown);
  watch_flag (self, self->disabled_check, DESK_AID_CATEGORY_DISABLED);
  watch_flag (self, self->migrant_check, DESK_AID_CATEGORY_MIGRANT_WORKER);
  watch_flag (self, self->farmer_check, DESK_AID_CATEGORY_FARMER);
  watch_flag (self, self->military_check, DESK_AID_CATEGORY_MILITARY);
  watch_flag (self, self->foreigner_check, DESK_AID_CATEGORY_FOREIGNER);
  gtk_check_button_set_label (self->elderly_check,
                              desk_aid_category_label (DESK_AID_CATEGORY_ELDERLY));
  gtk_check_button_set_label (self->minor_check,
                              desk_aid_category_label (DESK_AID_CATEGORY_MINOR));
  gtk_check_button_set_label (self->female_check,
                              desk_aid_category_label (DESK_AID_CATEGORY_FEMALE));
  gtk_check_button_set_label (self->minority_check,
                              desk_aid_category_label (DESK_AID_CATEGORY_MINORITY));
  g_signal_connect_swapped (self->org_toggle, "toggled", G_CALLBACK (kind_toggled), self);
  gtk_button_set_label (GTK_BUTTON (self->open_existing_button),
                        _("_Open the Registered Entry"));

  add_save_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-existing", FALSE);
}

/* Public API */

/**
 * desk_person_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new person or organisation, not
 *   shown yet; desk_person_editor_load() turns it to a registered one.
 */
DeskPersonEditor *
desk_person_editor_new (GtkWindow *parent,
                        DeskStore *store)
{
  DeskPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->loading++;
  fill_choices (self);
  self->loading--;
  apply_kind (self);
  update_derived (self);
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return self;
}

/**
 * desk_person_editor_load:
 *
 * Shows the registered person or organisation @id for editing.
 *
 * Returns: %FALSE with @error when there is no such entry (or it was
 *   deleted).
 */
gboolean
desk_person_editor_load (DeskPersonEditor  *self,
                         gint64             id,
                         GError           **error)
{
  g_autoptr(DeskPerson) record = NULL;
  gboolean org;
  guint type = 1;

  g_return_val_if_fail (DESK_IS_PERSON_EDITOR (self), FALSE);

  record = desk_person_get (self->store, id, error);
  if (record == NULL)
    return FALSE;
  org = record->kind == DESK_PERSON_ORGANISATION;
  for (guint i = 0; i < G_N_ELEMENTS (id_types); i++)
    if (g_strcmp0 (record->id_type, id_types[i]) == 0)
      type = i + 1;

  g_clear_pointer (&self->record, desk_person_free);
  self->record = g_steal_pointer (&record);
  g_free (self->org_id_type);
  self->org_id_type = org ? g_strdup (self->record->id_type) : NULL;

  self->loading++;
  clear_errors (self);
  /* The kind and the ID type first: they set how long a number may be. */
  desk_form_drop_down_set_id (self->id_type_dropdown, type);
  gtk_toggle_button_set_active (org ? self->org_toggle : self->natural_toggle, TRUE);
  apply_kind (self);
  set_entry_text (self, self->name_entry, self->record->name);
  set_entry_text (self, self->id_entry, self->record->id_number);
  self->id_derived = FALSE;
  desk_form_set_sensitive (GTK_WIDGET (self->birth_entry), TRUE, NULL);
  desk_form_set_sensitive (GTK_WIDGET (self->sex_dropdown), TRUE, NULL);
  desk_form_drop_down_set_id (self->sex_dropdown, org ? DESK_SEX_UNKNOWN : self->record->sex);
  set_entry_text (self, self->birth_entry, org ? NULL : self->record->birth_date);
  desk_form_ethnicity_drop_down_set (self->ethnicity_dropdown,
                                     org ? NULL : self->record->ethnicity);
  set_entry_text (self, self->phone_entry, self->record->phone);
  select_village (self, org ? 0 : self->record->village_id);
  set_entry_text (self, self->address_entry, self->record->address);
  set_entry_text (self, self->legal_rep_entry, self->record->legal_rep);
  gtk_check_button_set_active (self->disabled_check, self->record->is_disabled);
  gtk_check_button_set_active (self->migrant_check, self->record->is_migrant_worker);
  gtk_check_button_set_active (self->farmer_check, self->record->is_farmer);
  gtk_check_button_set_active (self->military_check, self->record->is_military);
  gtk_check_button_set_active (self->foreigner_check, self->record->is_foreigner);
  self->loading--;

  /* A registered 居民身份证 number locks sex and birth date, as typing it
   * would have. */
  check_id_number (self, TRUE);
  update_derived (self);
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return TRUE;
}

gint64
desk_person_editor_get_person_id (DeskPersonEditor *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

/**
 * desk_person_editor_get_name:
 *
 * Returns: (nullable): the name of the entry as last loaded, saved or
 *   deleted, or %NULL before it is saved.
 */
const char *
desk_person_editor_get_name (DeskPersonEditor *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_EDITOR (self), NULL);
  return self->record ? self->record->name : NULL;
}

gboolean
desk_person_editor_get_modified (DeskPersonEditor *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_EDITOR (self), FALSE);
  return self->modified;
}
