/* desk-consultation-editor.c — the form of one consultation (法律咨询登记).
 *
 * A modal window over the main one, with the fields in the paper form's
 * order: 日期时间, 接待人, 渠道, 咨询人, 同来人数, 所在村(居), 咨询类别,
 * 咨询内容, 答复意见, 处理结果.  It is made for the keyboard: Tab follows the
 * form, Enter in a single-line field (or after a choice typed into a list)
 * moves to the next field, Ctrl+S or Ctrl+Enter saves, Escape closes and
 * asks first when anything was typed.  Each field is checked as it is typed
 * or left, with the message under the field; a save that fails keeps
 * everything and puts the core's message beside the field it names.
 *
 * A new person typed into the 咨询人 field is registered in the same
 * transaction as the consultation.  When the result leads on to a mediation
 * case or a legal-aid application, and the window has said how to open one
 * (desk_consultation_editor_set_open_case_func()), the saved form offers it.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-consultation-editor.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-person-picker.h"
#include "desk-register.h"

/* Where the store remembers who received the last visitor this session. */
#define LAST_STAFF_KEY "desk-consultation-last-staff"

/* The results that lead on to another record (domain.md): data, not text
 * for translation. */
#define RESULT_MEDIATION "引导人民调解"
#define RESULT_LEGAL_AID "指导申请法律援助"

typedef struct
{
  DeskConsultationFollowUpFunc  func;
  gpointer                      user_data;
  GDestroyNotify                destroy;
} FollowUp;

typedef enum
{
  OFFER_NONE,
  OFFER_CASE,
  OFFER_AID,
} Offer;

struct _DeskConsultationEditor
{
  AdwWindow          parent_instance;

  DeskStore         *store;
  DeskConsultation  *record;          /* as last loaded or saved; NULL: new */
  gboolean           modified;
  guint              loading;
  gboolean           village_touched;
  gboolean           closing;
  FollowUp           open_case;
  FollowUp           open_aid;
  Offer              offer;

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *delete_button;
  GtkRevealer       *offer_revealer;
  GtkLabel          *offer_label;
  GtkButton         *offer_button;
  GtkWidget         *message_label;
  GtkLabel          *date_label;
  GtkEntry          *date_entry;
  GtkWidget         *date_error;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  GtkLabel          *staff_label;
  GtkDropDown       *staff_dropdown;
  GtkWidget         *staff_error;
  GtkLabel          *channel_label;
  GtkDropDown       *channel_dropdown;
  GtkWidget         *channel_error;
  GtkLabel          *person_label;
  DeskPersonPicker  *picker;
  GtkLabel          *companions_label;
  GtkSpinButton     *companions_spin;
  GtkWidget         *companions_error;
  GtkLabel          *village_label;
  GtkDropDown       *village_dropdown;
  GtkWidget         *village_error;
  GtkLabel          *category_label;
  GtkDropDown       *category_dropdown;
  GtkWidget         *category_error;
  GtkLabel          *content_label;
  GtkWidget         *content_scroll;
  GtkTextView       *content_view;
  GtkWidget         *content_error;
  GtkLabel          *reply_label;
  GtkWidget         *reply_scroll;
  GtkTextView       *reply_view;
  GtkWidget         *reply_error;
  GtkLabel          *result_label;
  GtkDropDown       *result_dropdown;
  GtkWidget         *result_hint;
  GtkWidget         *result_error;
};

G_DEFINE_FINAL_TYPE (DeskConsultationEditor, desk_consultation_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONSULTATION_ID,
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

/* Helpers */

static void
follow_up_clear (FollowUp *follow_up)
{
  if (follow_up->destroy != NULL)
    follow_up->destroy (follow_up->user_data);
  follow_up->func = NULL;
  follow_up->user_data = NULL;
  follow_up->destroy = NULL;
}

static void
set_modified (DeskConsultationEditor *self,
              gboolean                modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskConsultationEditor *self,
              const char             *message)
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

/* The fields in the paper form's order, which Enter follows. */
static GtkWidget *
next_field (DeskConsultationEditor *self,
            GtkWidget              *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->date_entry), GTK_WIDGET (self->staff_dropdown),
    GTK_WIDGET (self->channel_dropdown), GTK_WIDGET (self->picker),
    GTK_WIDGET (self->companions_spin), GTK_WIDGET (self->village_dropdown),
    GTK_WIDGET (self->category_dropdown), GTK_WIDGET (self->content_view),
    GTK_WIDGET (self->reply_view), GTK_WIDGET (self->result_dropdown),
    self->save_button,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == field)
      return order[i + 1];
  return NULL;
}

static void
focus_next (DeskConsultationEditor *self,
            GtkWidget              *field)
{
  GtkWidget *next = next_field (self, field);

  if (next != NULL)
    gtk_widget_grab_focus (next);
}

/* The date and time as typed, checked; NULL with the message shown when
 * @final (or when a message is already shown: it follows the typing). */
static char *
check_date (DeskConsultationEditor *self,
            gboolean                final)
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

static gboolean
check_choice (GtkDropDown *drop_down,
              GtkWidget   *error_label,
              const char  *message)
{
  gboolean chosen = desk_form_drop_down_get_id (drop_down) > 0;

  desk_form_set_error (GTK_WIDGET (drop_down), error_label, chosen ? NULL : message);
  return chosen;
}

static gboolean
check_content (DeskConsultationEditor *self,
               gboolean                final)
{
  g_autofree char *text = desk_form_text_view_text (self->content_view);
  gboolean ok = *text != '\0';

  if (ok || final)
    desk_form_set_error (self->content_scroll, self->content_error,
                         ok ? NULL : _("write down what the visitor asked"));
  return ok;
}

/* Checks every field, marks the wrong ones and returns the first of
 * them, or NULL when all are right. */
static GtkWidget *
check_all (DeskConsultationEditor *self)
{
  g_autofree char *at = NULL;
  GtkWidget *first = NULL;
  GtkWidget *in_picker = NULL;

  at = check_date (self, TRUE);
  if (at == NULL)
    first = GTK_WIDGET (self->date_entry);
  if (!check_choice (self->staff_dropdown, self->staff_error,
                     _("choose the staff member who received the visitor")) && first == NULL)
    first = GTK_WIDGET (self->staff_dropdown);
  if (!check_choice (self->channel_dropdown, self->channel_error, _("choose one from the list")) &&
      first == NULL)
    first = GTK_WIDGET (self->channel_dropdown);
  if (!desk_person_picker_check (self->picker, &in_picker) && first == NULL)
    first = in_picker;
  if (gtk_spin_button_get_value_as_int (self->companions_spin) < 1 && first == NULL)
    first = GTK_WIDGET (self->companions_spin);
  if (!check_choice (self->category_dropdown, self->category_error,
                     _("choose one from the list")) && first == NULL)
    first = GTK_WIDGET (self->category_dropdown);
  if (!check_content (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->content_view);
  if (!check_choice (self->result_dropdown, self->result_error, _("choose one from the list")) &&
      first == NULL)
    first = GTK_WIDGET (self->result_dropdown);
  return first;
}

/* Puts a core error beside the field it names; returns the field, or NULL
 * when it names none of them. */
static GtkWidget *
show_field_error (DeskConsultationEditor *self,
                  const GError           *error)
{
  struct { GtkLabel *label; GtkWidget *field; GtkWidget *message; } slots[] = {
    { self->date_label, GTK_WIDGET (self->date_entry), self->date_error },
    { self->staff_label, GTK_WIDGET (self->staff_dropdown), self->staff_error },
    { self->channel_label, GTK_WIDGET (self->channel_dropdown), self->channel_error },
    { self->companions_label, GTK_WIDGET (self->companions_spin), self->companions_error },
    { self->village_label, GTK_WIDGET (self->village_dropdown), self->village_error },
    { self->category_label, GTK_WIDGET (self->category_dropdown), self->category_error },
    { self->content_label, self->content_scroll, self->content_error },
    { self->reply_label, self->reply_scroll, self->reply_error },
    { self->result_label, GTK_WIDGET (self->result_dropdown), self->result_error },
  };
  g_autofree char *field = desk_error_get_field (error);

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (field, gtk_label_get_text (slots[i].label)))
      {
        desk_form_set_error (slots[i].field, slots[i].message, desk_form_error_problem (error));
        return slots[i].field == self->content_scroll ? GTK_WIDGET (self->content_view)
               : slots[i].field == self->reply_scroll ? GTK_WIDGET (self->reply_view)
               : slots[i].field;
      }
  if (g_str_equal (field, gtk_label_get_text (self->person_label)) &&
      desk_person_picker_show_error (self->picker, error))
    return GTK_WIDGET (self->picker);
  return NULL;
}

static void
clear_errors (DeskConsultationEditor *self)
{
  desk_form_set_error (GTK_WIDGET (self->date_entry), self->date_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->staff_dropdown), self->staff_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->channel_dropdown), self->channel_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->companions_spin), self->companions_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->village_dropdown), self->village_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->category_dropdown), self->category_error, NULL);
  desk_form_set_error (self->content_scroll, self->content_error, NULL);
  desk_form_set_error (self->reply_scroll, self->reply_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->result_dropdown), self->result_error, NULL);
  desk_person_picker_clear_errors (self->picker);
  show_message (self, NULL);
}

static char *
selected_label (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* What the result leads on to, when the window can open it. */
static Offer
result_offer (DeskConsultationEditor *self)
{
  g_autofree char *result = selected_label (self->result_dropdown);

  if (g_strcmp0 (result, RESULT_MEDIATION) == 0 && self->open_case.func != NULL &&
      (self->record == NULL || self->record->case_id == 0))
    return OFFER_CASE;
  if (g_strcmp0 (result, RESULT_LEGAL_AID) == 0 && self->open_aid.func != NULL &&
      (self->record == NULL || self->record->aid_id == 0))
    return OFFER_AID;
  return OFFER_NONE;
}

static void
update_result_hint (DeskConsultationEditor *self)
{
  Offer offer = result_offer (self);

  gtk_label_set_text (GTK_LABEL (self->result_hint),
                      offer == OFFER_CASE
                        ? _("After saving, the mediation case can be registered from here.")
                      : offer == OFFER_AID
                        ? _("After saving, the legal-aid application can be registered "
                            "from here.")
                        : "");
  gtk_widget_set_visible (self->result_hint, offer != OFFER_NONE);
}

static void
update_title (DeskConsultationEditor *self)
{
  g_autofree char *title = NULL;

  if (self->record != NULL)
    /* Translators: the title of a saved consultation, e.g. 咨询 ZX2026-0012 */
    title = g_strdup_printf (_("Consultation %s"), self->record->number);
  else
    title = g_strdup (_("New Consultation"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->record ? self->record->at : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
}

/* Selects @id, adding it (marked retired) when the list of active choices
 * lacks it: an old record keeps what it was saved with. */
static void
select_or_add (GtkDropDown *drop_down,
               gint64       id,
               const char  *label)
{
  g_autofree char *retired = NULL;

  if (id <= 0 || desk_form_drop_down_set_id (drop_down, id) || label == NULL)
    return;
  /* Translators: a choice no longer offered for new records, e.g. 来信（已停用） */
  retired = g_strdup_printf (_("%s (retired)"), label);
  desk_form_drop_down_add (drop_down, id, retired);
  desk_form_drop_down_set_id (drop_down, id);
}

static void
fill_codes (DeskConsultationEditor *self,
            GtkDropDown            *drop_down,
            const char             *kind)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, kind, FALSE);

  desk_form_drop_down_clear (drop_down);
  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);

      desk_form_drop_down_add (drop_down, code->id, code->label);
    }
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
}

/* Who received the last visitor: the one chosen last in this session,
 * else the receiver of the latest consultation in the ledger. */
static gint64
default_staff (DeskConsultationEditor *self)
{
  gint64 *last = g_object_get_data (G_OBJECT (self->store), LAST_STAFF_KEY);
  DeskConsultationFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(DeskConsultation) latest = NULL;

  if (last != NULL)
    return *last;
  filter.limit = 1;
  ids = desk_consultation_list (self->store, &filter, NULL);
  if (ids != NULL && ids->len > 0)
    latest = desk_consultation_get (self->store, g_array_index (ids, gint64, 0), NULL);
  return latest ? latest->staff_id : 0;
}

static void
fill_choices (DeskConsultationEditor *self)
{
  g_autoptr(GPtrArray) staff = desk_staff_list (self->store, TRUE, NULL);
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) villages = desk_village_list (self->store, today, NULL);

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

  desk_form_drop_down_clear (self->village_dropdown);
  desk_form_drop_down_add (self->village_dropdown, 0, _("Not given"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);

      desk_form_drop_down_add (self->village_dropdown, village->id, village->name);
    }

  fill_codes (self, self->channel_dropdown, DESK_CODE_CHANNEL);
  fill_codes (self, self->category_dropdown, DESK_CODE_CONSULT_CATEGORY);
  fill_codes (self, self->result_dropdown, DESK_CODE_CONSULT_RESULT);
}

/* A new record: now, the last receiver, the first channel (来访 by
 * default), one visitor; category and result are left for the clerk to
 * choose, since a default there would count wrongly if overlooked. */
static void
fill_defaults (DeskConsultationEditor *self)
{
  g_autofree char *now = desk_now ();
  GListModel *staff = gtk_drop_down_get_model (self->staff_dropdown);

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), now);
  if (!desk_form_drop_down_set_id (self->staff_dropdown, default_staff (self)) &&
      g_list_model_get_n_items (staff) == 1)
    gtk_drop_down_set_selected (self->staff_dropdown, 0);
  if (g_list_model_get_n_items (gtk_drop_down_get_model (self->channel_dropdown)) > 0)
    gtk_drop_down_set_selected (self->channel_dropdown, 0);
  desk_form_drop_down_set_id (self->village_dropdown, 0);
  gtk_spin_button_set_value (self->companions_spin, 1);
  self->loading--;
}

static void
close_now (DeskConsultationEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_offer (DeskConsultationEditor *self,
            Offer                   offer)
{
  g_autofree char *message = NULL;

  self->offer = offer;
  if (offer == OFFER_CASE)
    {
      message = g_strdup_printf (_("Saved as %s. The visitor was directed to people's "
                                   "mediation: register the mediation case now? The "
                                   "visitor and the summary carry over."),
                                 self->record->number);
      gtk_button_set_label (self->offer_button, _("Register the _Mediation Case"));
    }
  else
    {
      message = g_strdup_printf (_("Saved as %s. The visitor was guided to apply for legal "
                                   "aid: register the application now? The visitor and the "
                                   "summary carry over."),
                                 self->record->number);
      gtk_button_set_label (self->offer_button, _("Register the _Legal-Aid Application"));
    }
  gtk_label_set_text (self->offer_label, message);
  gtk_revealer_set_reveal_child (self->offer_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.follow-up", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->offer_button));
}

/* Callbacks */

static void
field_changed (DeskConsultationEditor *self)
{
  if (self->loading > 0)
    return;
  set_modified (self, TRUE);
}

static void
date_changed (DeskConsultationEditor *self)
{
  if (self->loading > 0)
    return;
  g_free (check_date (self, FALSE));
  set_modified (self, TRUE);
}

static void
date_activated (DeskConsultationEditor *self)
{
  g_autofree char *at = check_date (self, TRUE);

  if (at != NULL)
    focus_next (self, GTK_WIDGET (self->date_entry));
}

static void
date_left (DeskConsultationEditor *self)
{
  if (self->loading == 0)
    g_free (check_date (self, TRUE));
}

static void
companions_activated (DeskConsultationEditor *self)
{
  gtk_spin_button_update (self->companions_spin);
  focus_next (self, GTK_WIDGET (self->companions_spin));
}

static void
choice_changed (DeskConsultationEditor *self,
                GParamSpec             *pspec,
                GtkDropDown            *drop_down)
{
  GtkWidget *error_label = drop_down == self->staff_dropdown ? self->staff_error
                         : drop_down == self->channel_dropdown ? self->channel_error
                         : drop_down == self->village_dropdown ? self->village_error
                         : drop_down == self->category_dropdown ? self->category_error
                         : self->result_error;

  if (drop_down == self->result_dropdown && self->result_hint != NULL)
    update_result_hint (self);
  if (self->loading > 0)
    return;
  if (desk_form_drop_down_get_id (drop_down) > 0 || drop_down == self->village_dropdown)
    desk_form_set_error (GTK_WIDGET (drop_down), error_label, NULL);
  if (drop_down == self->village_dropdown)
    self->village_touched = TRUE;
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_CONSULTATION_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
content_changed (DeskConsultationEditor *self)
{
  if (self->loading > 0)
    return;
  if (gtk_widget_get_visible (self->content_error))
    check_content (self, FALSE);
  set_modified (self, TRUE);
}

static void
picker_done (DeskConsultationEditor *self)
{
  focus_next (self, GTK_WIDGET (self->picker));
}

/* The visitor's village fills 所在村(居) unless the clerk chose one. */
static void
picker_village_changed (DeskConsultationEditor *self)
{
  gint64 village = desk_person_picker_get_village_id (self->picker);

  if (self->loading > 0 || self->village_touched || village <= 0)
    return;
  self->loading++;
  desk_form_drop_down_set_id (self->village_dropdown, village);
  self->loading--;
}

static void
calendar_shown (DeskConsultationEditor *self)
{
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *typed = desk_form_datetime_typed (raw);
  g_autofree char *at = desk_datetime_parse (typed);
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
calendar_day_selected (DeskConsultationEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *at = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;
  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  raw = desk_form_editable_text (GTK_EDITABLE (self->date_entry));
  typed = desk_form_datetime_typed (raw);
  at = desk_datetime_parse (typed);
  now = desk_now ();
  text = g_strdup_printf ("%s %s", date, (at ? at : now) + 11);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  g_free (check_date (self, TRUE));
  gtk_popover_popdown (self->calendar_popover);
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_CONSULTATION_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: it still runs its response
 * and would outlive the window it stands on. */
static void
close_after_dialog (DeskConsultationEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
discard_response (DeskConsultationEditor *self)
{
  close_after_dialog (self);
}

static void
ask_discard (DeskConsultationEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed into this "
                           "consultation has not been saved."),
                         G_CALLBACK (discard_response));
}

static void
delete_response (DeskConsultationEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_consultation_delete (self->store, id, &error))
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
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (widget);
  g_autoptr(DeskConsultation) c = desk_consultation_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;
  gboolean created;
  gint64 person_id = 0;
  gint64 *last;
  Offer offer;

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

  if (self->record != NULL)
    {
      c->id = self->record->id;
      c->number = g_strdup (self->record->number);
      c->case_id = self->record->case_id;
      c->aid_id = self->record->aid_id;
    }
  c->at = check_date (self, TRUE);
  c->staff_id = desk_form_drop_down_get_id (self->staff_dropdown);
  c->channel_id = desk_form_drop_down_get_id (self->channel_dropdown);
  c->companions = gtk_spin_button_get_value_as_int (self->companions_spin);
  c->village_id = desk_form_drop_down_get_id (self->village_dropdown);
  c->category_id = desk_form_drop_down_get_id (self->category_dropdown);
  c->content = desk_form_text_view_text (self->content_view);
  c->reply = desk_form_text_view_text (self->reply_view);
  c->result_id = desk_form_drop_down_get_id (self->result_dropdown);

  /* The new person, if any, is written with the consultation or not at
   * all. */
  created = self->record == NULL;
  if (!desk_store_begin (self->store, &error))
    goto failed;
  if (!desk_person_picker_save (self->picker, &person_id, &error))
    {
      desk_store_rollback (self->store);
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->picker));
      return;
    }
  c->person_id = person_id;
  if ((created ? desk_consultation_create (self->store, c, &error) == 0
               : !desk_consultation_update (self->store, c, &error)) ||
      !desk_store_commit (self->store, &error))
    {
      if (desk_store_in_transaction (self->store))
        desk_store_rollback (self->store);
      goto failed;
    }

  offer = result_offer (self);
  g_clear_pointer (&self->record, desk_consultation_free);
  self->record = g_steal_pointer (&c);
  last = g_new (gint64, 1);
  *last = self->record->staff_id;
  g_object_set_data_full (G_OBJECT (self->store), LAST_STAFF_KEY, last, g_free);

  self->loading++;
  desk_person_picker_set_person_id (self->picker, self->record->person_id);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), self->record->at);
  self->loading--;
  self->village_touched = TRUE;
  set_modified (self, FALSE);
  update_title (self);
  update_result_hint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSULTATION_ID]);
  g_signal_emit (self, signals[SAVED], 0, self->record->id, created);

  if (offer != OFFER_NONE)
    show_offer (self, offer);
  else
    close_now (self);
  return;

failed:
  {
    GtkWidget *field = show_field_error (self, error);

    show_message (self, error->message);
    if (field != NULL)
      gtk_widget_grab_focus (field);
  }
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (widget);

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
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->record == NULL)
    return;
  heading = g_strdup_printf (_("Delete Consultation %s?"), self->record->number);
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

static void
follow_up_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (widget);
  FollowUp *follow_up = self->offer == OFFER_CASE ? &self->open_case
                      : self->offer == OFFER_AID ? &self->open_aid
                      : NULL;

  if (follow_up == NULL || follow_up->func == NULL || self->record == NULL)
    return;
  follow_up->func (self, self->record->id, follow_up->user_data);
  close_now (self);
}

/* GObject */

static gboolean
desk_consultation_editor_close_request (GtkWindow *window)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_consultation_editor_parent_class)->close_request (window);
}

static void
desk_consultation_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONSULTATION_ID:
      g_value_set_int64 (value, desk_consultation_editor_get_consultation_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_consultation_editor_dispose (GObject *object)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CONSULTATION_EDITOR);
  follow_up_clear (&self->open_case);
  follow_up_clear (&self->open_aid);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_consultation_editor_parent_class)->dispose (object);
}

static void
desk_consultation_editor_finalize (GObject *object)
{
  DeskConsultationEditor *self = DESK_CONSULTATION_EDITOR (object);

  g_clear_pointer (&self->record, desk_consultation_free);
  G_OBJECT_CLASS (desk_consultation_editor_parent_class)->finalize (object);
}

static void
desk_consultation_editor_class_init (DeskConsultationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_consultation_editor_get_property;
  object_class->dispose = desk_consultation_editor_dispose;
  object_class->finalize = desk_consultation_editor_finalize;
  window_class->close_request = desk_consultation_editor_close_request;

  /**
   * DeskConsultationEditor:consultation-id:
   *
   * The record shown; 0 until a new one is saved.
   */
  properties[PROP_CONSULTATION_ID] =
    g_param_spec_int64 ("consultation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskConsultationEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskConsultationEditor::saved:
   * @id: the consultation
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskConsultationEditor::deleted:
   * @id: the consultation
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DESK_TYPE_PERSON_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-consultation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, offer_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, offer_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, offer_button);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, date_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, staff_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, staff_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, channel_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, channel_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, person_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, picker);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, companions_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, companions_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, companions_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, village_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, village_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, village_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, category_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, category_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, content_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, content_scroll);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, content_view);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, content_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, reply_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, reply_scroll);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, reply_view);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, reply_error);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, result_label);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, result_hint);
  gtk_widget_class_bind_template_child (widget_class, DeskConsultationEditor, result_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.follow-up", NULL,
                                   follow_up_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

/* Ctrl+Enter saves from anywhere in the form; a text view would take it
 * for a new line first, so it is caught on the way down. */
static void
add_save_keys (DeskConsultationEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_named_action_new ("editor.save")));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
watch_choice (DeskConsultationEditor *self,
              GtkDropDown            *drop_down)
{
  desk_form_drop_down_init (drop_down, choice_picked, self);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (choice_changed), self);
}

static void
desk_consultation_editor_init (DeskConsultationEditor *self)
{
  GtkEventController *focus;
  GtkEditable *companions_text;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed), self);
  g_signal_connect_swapped (self->date_entry, "activate", G_CALLBACK (date_activated), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (date_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->date_entry), focus);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (calendar_shown), self);
  g_signal_connect_swapped (self->calendar, "day-selected",
                            G_CALLBACK (calendar_day_selected), self);

  watch_choice (self, self->staff_dropdown);
  watch_choice (self, self->channel_dropdown);
  watch_choice (self, self->village_dropdown);
  watch_choice (self, self->category_dropdown);
  watch_choice (self, self->result_dropdown);

  g_signal_connect_swapped (self->picker, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (self->picker, "done", G_CALLBACK (picker_done), self);
  g_signal_connect_swapped (self->picker, "notify::village-id",
                            G_CALLBACK (picker_village_changed), self);

  /* GtkSpinButton has no "activate" of its own in GTK 4.8: its text has. */
  companions_text = gtk_editable_get_delegate (GTK_EDITABLE (self->companions_spin));
  g_signal_connect_swapped (companions_text, "activate",
                            G_CALLBACK (companions_activated), self);
  g_signal_connect_swapped (self->companions_spin, "value-changed",
                            G_CALLBACK (field_changed), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (content_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reply_view), "changed",
                            G_CALLBACK (field_changed), self);

  add_save_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.follow-up", FALSE);
}

/* Public API */

/**
 * desk_consultation_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new consultation, not shown yet;
 *   desk_consultation_editor_load() turns it to an existing one.
 */
DeskConsultationEditor *
desk_consultation_editor_new (GtkWindow *parent,
                              DeskStore *store)
{
  DeskConsultationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CONSULTATION_EDITOR,
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
  gtk_widget_grab_focus (GTK_WIDGET (self->picker));
  return self;
}

/**
 * desk_consultation_editor_load:
 *
 * Shows the consultation @id for editing.
 *
 * Returns: %FALSE with @error when there is no such record (or it was
 *   deleted).
 */
gboolean
desk_consultation_editor_load (DeskConsultationEditor  *self,
                               gint64                   id,
                               GError                 **error)
{
  g_autoptr(DeskConsultation) record = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(DeskVillage) village = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *category = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (DESK_IS_CONSULTATION_EDITOR (self), FALSE);

  record = desk_consultation_get (self->store, id, error);
  if (record == NULL)
    return FALSE;

  staff = desk_staff_get (self->store, record->staff_id, NULL);
  village = record->village_id > 0 ? desk_village_get (self->store, record->village_id, NULL)
                                   : NULL;
  channel = desk_codes_label (self->store, record->channel_id);
  category = desk_codes_label (self->store, record->category_id);
  result = desk_codes_label (self->store, record->result_id);

  self->loading++;
  clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), record->at);
  desk_form_set_error (GTK_WIDGET (self->staff_dropdown), self->staff_error, NULL);
  select_or_add (self->staff_dropdown, record->staff_id, staff ? staff->name : NULL);
  select_or_add (self->channel_dropdown, record->channel_id, channel);
  if (record->person_id > 0)
    desk_person_picker_set_person_id (self->picker, record->person_id);
  else
    desk_person_picker_set_anonymous (self->picker, TRUE);
  gtk_spin_button_set_value (self->companions_spin, record->companions);
  if (record->village_id > 0)
    select_or_add (self->village_dropdown, record->village_id, village ? village->name : NULL);
  else
    desk_form_drop_down_set_id (self->village_dropdown, 0);
  select_or_add (self->category_dropdown, record->category_id, category);
  set_text_view_text (self->content_view, record->content);
  set_text_view_text (self->reply_view, record->reply);
  select_or_add (self->result_dropdown, record->result_id, result);
  self->loading--;

  g_clear_pointer (&self->record, desk_consultation_free);
  self->record = g_steal_pointer (&record);
  self->village_touched = TRUE;
  set_modified (self, FALSE);
  update_title (self);
  update_result_hint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSULTATION_ID]);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  return TRUE;
}

gint64
desk_consultation_editor_get_consultation_id (DeskConsultationEditor *self)
{
  g_return_val_if_fail (DESK_IS_CONSULTATION_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

/**
 * desk_consultation_editor_get_number:
 *
 * Returns: (nullable): the record's number (编号), or %NULL before it is
 *   saved.
 */
const char *
desk_consultation_editor_get_number (DeskConsultationEditor *self)
{
  g_return_val_if_fail (DESK_IS_CONSULTATION_EDITOR (self), NULL);
  return self->record ? self->record->number : NULL;
}

gboolean
desk_consultation_editor_get_modified (DeskConsultationEditor *self)
{
  g_return_val_if_fail (DESK_IS_CONSULTATION_EDITOR (self), FALSE);
  return self->modified;
}

static void
set_follow_up (DeskConsultationEditor       *self,
               FollowUp                     *follow_up,
               DeskConsultationFollowUpFunc  func,
               gpointer                      user_data,
               GDestroyNotify                destroy)
{
  follow_up_clear (follow_up);
  follow_up->func = func;
  follow_up->user_data = user_data;
  follow_up->destroy = destroy;
  update_result_hint (self);
}

/**
 * desk_consultation_editor_set_open_case_func:
 * @func: (nullable): opens the mediation case registered from a
 *   consultation; %NULL: there is no such editor, and nothing is offered
 *
 * When set, saving a consultation whose result is 引导人民调解 offers to
 * register the mediation case.
 */
void
desk_consultation_editor_set_open_case_func (DeskConsultationEditor       *self,
                                             DeskConsultationFollowUpFunc  func,
                                             gpointer                      user_data,
                                             GDestroyNotify                destroy)
{
  g_return_if_fail (DESK_IS_CONSULTATION_EDITOR (self));
  set_follow_up (self, &self->open_case, func, user_data, destroy);
}

/**
 * desk_consultation_editor_set_open_aid_func:
 * @func: (nullable): opens the legal-aid application registered from a
 *   consultation; %NULL: nothing is offered
 *
 * When set, saving a consultation whose result is 指导申请法律援助 offers to
 * register the legal-aid application.
 */
void
desk_consultation_editor_set_open_aid_func (DeskConsultationEditor       *self,
                                            DeskConsultationFollowUpFunc  func,
                                            gpointer                      user_data,
                                            GDestroyNotify                destroy)
{
  g_return_if_fail (DESK_IS_CONSULTATION_EDITOR (self));
  set_follow_up (self, &self->open_aid, func, user_data, destroy);
}
