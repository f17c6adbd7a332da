/* desk-aid-editor-steps.c — the progress of a legal-aid application, below
 * its form: the status, the forwarding clock, the next steps and the
 * history of the steps taken.
 *
 * Each next step the status flow allows (desk_aid_status_can_advance()) is
 * a button; it asks for the step's date and what the step keeps (转交:
 * 方式 and the centre's 受理号; 指派: 承办人 and 承办单位) in a small form,
 * and records it with desk_legal_aid_advance().  The core's message goes
 * beside the field of the small form it names, which stays open with
 * everything typed.  An application not saved yet, or with changes not
 * saved, is saved first: the step belongs to what the clerk sees.
 *
 * While an application is neither forwarded nor withdrawn, the working
 * days since receipt are shown (the holiday calendar counts), and past the
 * station's limit (aid-limit-days) a red warning says by how many.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-aid-editor-private.h"
#include "desk-codes.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-preferences-dialog.h"
#include "desk-register.h"
#include "desk-settings.h"

typedef struct
{
  DeskAidStatus  status;
  const char    *name;        /* the button's widget name */
  const char    *button;      /* N_(): the button, with its mnemonic */
  const char    *title;       /* N_(): the small form's title */
  const char    *date_field;  /* N_(): the date as the core's errors name it */
} StepInfo;

/* In the order of the status flow.  The date fields are the core's own
 * names of them, so that its messages find their field. */
static const StepInfo step_info[] = {
  { DESK_AID_STATUS_SUPPLEMENT, "step-supplement", N_("Materials _Missing…"),
    N_("Materials Missing"), N_("Materials supplement requested on") },
  { DESK_AID_STATUS_FORWARDED, "step-forwarded", N_("_Forwarded…"),
    N_("Forwarded to the Legal-Aid Centre"), N_("Forwarded on") },
  { DESK_AID_STATUS_CENTRE_ACCEPTED, "step-centre-accepted", N_("Centre _Accepted…"),
    N_("Accepted by the Centre"), N_("Accepted by the centre on") },
  { DESK_AID_STATUS_GRANTED, "step-granted", N_("Aid _Granted…"),
    N_("Legal Aid Granted"), N_("Decided on") },
  { DESK_AID_STATUS_REFUSED, "step-refused", N_("Aid _Refused…"),
    N_("Legal Aid Refused"), N_("Decided on") },
  { DESK_AID_STATUS_ASSIGNED, "step-assigned", N_("_Assigned…"),
    N_("Assigned to a Lawyer"), N_("Assigned on") },
  { DESK_AID_STATUS_CLOSED, "step-closed", N_("C_losed…"),
    N_("Case Closed"), N_("Closed on") },
  { DESK_AID_STATUS_TERMINATED, "step-terminated", N_("_Terminated…"),
    N_("Legal Aid Terminated"), N_("Terminated on") },
  { DESK_AID_STATUS_WITHDRAWN, "step-withdrawn", N_("_Withdrawn…"),
    N_("Withdrawn by the Applicant"), N_("Withdrawn on") },
};

static const StepInfo *
find_step (DeskAidStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_info); i++)
    if (step_info[i].status == status)
      return &step_info[i];
  return NULL;
}

static DeskAidStatus
current_status (DeskAidEditor *self)
{
  return self->record ? self->record->status : DESK_AID_STATUS_RECEIVED;
}

/* The forwarding clock */

/**
 * desk_aid_editor_update_clock:
 *
 * The working days since receipt (as typed, or as stored) while the
 * application waits to be forwarded, and the warning past the limit.
 */
void
desk_aid_editor_update_clock (DeskAidEditor *self)
{
  g_autoptr(DeskLegalAid) aid = desk_legal_aid_new ();
  int pending = -1;
  int limit;

  if (self->store == NULL)
    return;
  aid->received_at = desk_aid_editor_typed_received_at (self);
  if (aid->received_at == NULL && self->record != NULL)
    aid->received_at = g_strdup (self->record->received_at);
  if (self->record != NULL)
    {
      aid->forwarded_on = g_strdup (self->record->forwarded_on);
      aid->withdrawn_on = g_strdup (self->record->withdrawn_on);
    }
  if (aid->received_at != NULL)
    pending = desk_legal_aid_working_days_pending (self->store, aid, NULL);
  limit = desk_settings_get_int (self->store, "aid-limit-days");

  gtk_widget_set_visible (GTK_WIDGET (self->days_label), pending >= 0);
  gtk_widget_set_visible (self->overdue_box, pending > limit);
  if (pending >= 0)
    {
      g_autofree char *days = NULL;

      days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day since receipt (limit: %d)",
                                           "%d working days since receipt (limit: %d)",
                                           pending),
                              pending, limit);
      gtk_label_set_text (self->days_label, days);
    }
  if (pending > limit)
    {
      g_autofree char *late = NULL;

      late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day past the forwarding limit",
                                           "%d working days past the forwarding limit",
                                           pending - limit),
                              pending - limit);
      gtk_label_set_text (self->overdue_label, late);
    }
}

/* The history */

static void
add_history (DeskAidEditor *self,
             const char    *date,
             const char    *title,
             const char    *details)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *when = gtk_label_new (date);

  gtk_widget_set_name (row, "history-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (details != NULL && *details != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_widget_set_name (when, "history-date");
  gtk_label_set_width_chars (GTK_LABEL (when), 16);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), when);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->history_list, row);
}

static void
append_field (GString    *text,
              const char *field,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  /* The same separator as the core's field messages. */
  if (field != NULL)
    g_string_append_printf (text, "%s：", field);
  g_string_append (text, value);
}

static void
update_history (DeskAidEditor *self)
{
  const DeskLegalAid *aid = self->record;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), aid != NULL);
  if (aid == NULL)
    return;

  {
    g_autoptr(DeskStaff) staff = desk_staff_get (self->store, aid->receiver_id, NULL);
    g_autoptr(GString) text = g_string_new (NULL);

    append_field (text, C_("legal-aid", "Received by"), staff ? staff->name : NULL);
    append_field (text, C_("legal-aid", "Agent applicant"), aid->agent_name);
    add_history (self, aid->received_at, desk_aid_status_label (DESK_AID_STATUS_RECEIVED),
                 text->str);
  }
  if (aid->supplement_on != NULL)
    add_history (self, aid->supplement_on, desk_aid_status_label (DESK_AID_STATUS_SUPPLEMENT),
                 NULL);
  if (aid->forwarded_on != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *mode = aid->forward_mode_id > 0
                              ? desk_codes_label (self->store, aid->forward_mode_id) : NULL;
      g_autofree char *received = g_strndup (aid->received_at, 10);
      int days = desk_working_days_between (self->store, received, aid->forwarded_on);
      int limit = desk_settings_get_int (self->store, "aid-limit-days");
      g_autofree char *timing = NULL;

      append_field (text, _("Forwarding mode"), mode);
      if (aid->centre_accepted_on == NULL)
        append_field (text, _("Centre's acceptance number"), aid->centre_number);
      if (desk_legal_aid_forwarded_on_time (self->store, aid))
        timing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "on time: %d working day after receipt",
                                               "on time: %d working days after receipt",
                                               days), days);
      else
        timing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "late: %d working day after receipt, "
                                               "the limit is %d",
                                               "late: %d working days after receipt, "
                                               "the limit is %d", days), days, limit);
      append_field (text, NULL, timing);
      add_history (self, aid->forwarded_on, desk_aid_status_label (DESK_AID_STATUS_FORWARDED),
                   text->str);
    }
  if (aid->centre_accepted_on != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_field (text, _("Centre's acceptance number"), aid->centre_number);
      add_history (self, aid->centre_accepted_on,
                   desk_aid_status_label (DESK_AID_STATUS_CENTRE_ACCEPTED), text->str);
    }
  if (aid->decided_on != NULL)
    add_history (self, aid->decided_on,
                 desk_aid_status_label (aid->decision == DESK_AID_DECISION_REFUSE
                                          ? DESK_AID_STATUS_REFUSED : DESK_AID_STATUS_GRANTED),
                 NULL);
  if (aid->assigned_on != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_field (text, _("Assigned lawyer"), aid->lawyer);
      append_field (text, _("Law firm"), aid->law_firm);
      add_history (self, aid->assigned_on, desk_aid_status_label (DESK_AID_STATUS_ASSIGNED),
                   text->str);
    }
  if (aid->closed_on != NULL)
    add_history (self, aid->closed_on, desk_aid_status_label (DESK_AID_STATUS_CLOSED), NULL);
  if (aid->terminated_on != NULL)
    add_history (self, aid->terminated_on, desk_aid_status_label (DESK_AID_STATUS_TERMINATED),
                 NULL);
  if (aid->withdrawn_on != NULL)
    add_history (self, aid->withdrawn_on, desk_aid_status_label (DESK_AID_STATUS_WITHDRAWN),
                 NULL);
}

/* The status and the next steps */

static void
update_hint (DeskAidEditor *self)
{
  DeskAidStatus status = current_status (self);
  gboolean any = FALSE;
  const char *hint = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (step_info); i++)
    any |= desk_aid_status_can_advance (status, step_info[i].status);
  if (!any)
    hint = _("The application is concluded: there is no further step.");
  else if (self->record == NULL)
    hint = _("Recording a step saves the application first.");
  else if (self->modified)
    hint = _("Recording a step saves the changes first.");
  gtk_label_set_text (self->steps_hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->steps_hint), hint != NULL);
}

/**
 * desk_aid_editor_update_progress:
 *
 * Shows the status as stored, the buttons of the steps that may follow it,
 * the forwarding clock and the history.
 */
void
desk_aid_editor_update_progress (DeskAidEditor *self)
{
  static const char *const styles[] = { "accent", "success", "error", "dim-label" };
  DeskAidStatus status = current_status (self);
  const char *style;
  gboolean any = FALSE;

  gtk_label_set_text (self->status_label, desk_aid_status_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), styles[i]);
  switch (status)
    {
    case DESK_AID_STATUS_GRANTED:
    case DESK_AID_STATUS_ASSIGNED:
    case DESK_AID_STATUS_CLOSED:
      style = "success";
      break;
    case DESK_AID_STATUS_REFUSED:
      style = "error";
      break;
    case DESK_AID_STATUS_TERMINATED:
    case DESK_AID_STATUS_WITHDRAWN:
      style = "dim-label";
      break;
    case DESK_AID_STATUS_NONE:
    case DESK_AID_STATUS_RECEIVED:
    case DESK_AID_STATUS_SUPPLEMENT:
    case DESK_AID_STATUS_FORWARDED:
    case DESK_AID_STATUS_CENTRE_ACCEPTED:
    default:
      style = "accent";
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);

  for (guint i = 0; i < G_N_ELEMENTS (step_info); i++)
    {
      gboolean allowed = desk_aid_status_can_advance (status, step_info[i].status);

      gtk_widget_set_visible (self->step_buttons[step_info[i].status], allowed);
      any |= allowed;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), any);
  update_hint (self);
  desk_aid_editor_update_clock (self);
  update_history (self);
}

/* The small form of one step */

typedef struct
{
  DeskAidEditor *editor;
  DeskAidStatus  status;
  GArray        *mode_ids;   /* (element-type gint64): the 转交方式 choices */
} StepForm;

static void
step_form_free (gpointer data)
{
  StepForm *form = data;

  g_clear_pointer (&form->mode_ids, g_array_unref);
  g_object_unref (form->editor);
  g_free (form);
}

static char *
row_text (DeskPreferencesDialog *dialog,
          const char            *field)
{
  return desk_preferences_dialog_get_row (dialog, field)
         ? desk_preferences_dialog_dup_text (dialog, field) : NULL;
}

static gboolean
step_save (DeskPreferencesDialog  *dialog,
           gpointer                user_data,
           GError                **error)
{
  StepForm *form = user_data;
  DeskAidEditor *self = form->editor;
  const StepInfo *info = find_step (form->status);
  DeskAidStepDetails details = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *lawyer = NULL;
  g_autofree char *firm = NULL;
  DeskLegalAid *fresh;
  gint64 id;

  if (self->record == NULL)
    return TRUE;
  id = self->record->id;
  date = desk_preferences_dialog_dup_text (dialog, _(info->date_field));
  if (form->mode_ids != NULL)
    {
      guint selected = desk_preferences_dialog_get_selected (dialog, _("Forwarding mode"));

      if (selected < form->mode_ids->len)
        details.forward_mode_id = g_array_index (form->mode_ids, gint64, selected);
    }
  centre = row_text (dialog, _("Centre's acceptance number"));
  lawyer = row_text (dialog, _("Assigned lawyer"));
  firm = row_text (dialog, _("Law firm"));
  details.centre_number = centre ? g_strstrip (centre) : NULL;
  details.lawyer = lawyer ? g_strstrip (lawyer) : NULL;
  details.law_firm = firm ? g_strstrip (firm) : NULL;

  if (!desk_legal_aid_advance (self->store, id, form->status, date, &details, error))
    return FALSE;

  fresh = desk_legal_aid_get (self->store, id, NULL);
  if (fresh != NULL)
    desk_aid_editor_set_record (self, fresh);
  g_signal_emit_by_name (self, "advanced", id, (int) form->status);
  return TRUE;
}

/* A date being corrected is checked as it is typed: a real day, not after
 * today, not before the receipt. */
static void
step_date_changed (GtkEditable *row,
                   StepForm    *form)
{
  const char *field = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const char *received = form->editor->record ? form->editor->record->received_at : NULL;

  if (desk_preferences_field_get_error (GTK_WIDGET (row)) == NULL && strlen (text) < 10)
    return;
  date = desk_validate_date (text, field, NULL, &error);
  if (date != NULL && received != NULL && strncmp (date, received, 10) < 0)
    {
      g_autofree char *day = g_strndup (received, 10);

      desk_set_field_error (&error, field, _("%s is before the date of receipt %s"), date, day);
    }
  desk_preferences_field_set_error (GTK_WIDGET (row),
                                    error ? desk_form_error_problem (error) : NULL);
}

static void
open_step_form (DeskAidEditor *self,
                DeskAidStatus  status)
{
  const StepInfo *info = find_step (status);
  const DeskLegalAid *aid = self->record;
  DeskPreferencesDialog *dialog;
  StepForm *form;
  GtkWidget *date_row;
  g_autofree char *today = desk_today ();
  g_autofree char *description = NULL;
  const char *date = NULL;

  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), _(info->title), _("_Record"));
  form = g_new0 (StepForm, 1);
  form->editor = g_object_ref (self);
  form->status = status;
  /* Translators: the application and its status, above a step's form */
  description = g_strdup_printf (_("Application %s, now “%s”."), aid->number,
                                 desk_aid_status_label (aid->status));
  desk_preferences_dialog_set_description (dialog, description);

  /* An imported record may already carry the step's date. */
  switch (status)
    {
    case DESK_AID_STATUS_SUPPLEMENT: date = aid->supplement_on; break;
    case DESK_AID_STATUS_FORWARDED: date = aid->forwarded_on; break;
    case DESK_AID_STATUS_CENTRE_ACCEPTED: date = aid->centre_accepted_on; break;
    case DESK_AID_STATUS_GRANTED:
    case DESK_AID_STATUS_REFUSED: date = aid->decided_on; break;
    case DESK_AID_STATUS_ASSIGNED: date = aid->assigned_on; break;
    case DESK_AID_STATUS_CLOSED: date = aid->closed_on; break;
    case DESK_AID_STATUS_TERMINATED: date = aid->terminated_on; break;
    case DESK_AID_STATUS_WITHDRAWN: date = aid->withdrawn_on; break;
    case DESK_AID_STATUS_NONE:
    case DESK_AID_STATUS_RECEIVED:
    default:
      break;
    }
  date_row = desk_preferences_dialog_add_entry (dialog, _(info->date_field),
                                                date ? date : today);
  gtk_widget_set_name (date_row, "step-date");
  g_signal_connect (date_row, "changed", G_CALLBACK (step_date_changed), form);

  if (status == DESK_AID_STATUS_FORWARDED)
    {
      g_autoptr(GPtrArray) codes = desk_codes_list (self->store, DESK_CODE_FORWARD_MODE, FALSE);
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      g_autofree char *note = NULL;
      guint selected = 0;

      form->mode_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < codes->len; i++)
        {
          DeskCode *code = g_ptr_array_index (codes, i);

          g_array_append_val (form->mode_ids, code->id);
          g_strv_builder_add (labels, code->label);
          if (code->id == aid->forward_mode_id)
            selected = i;
        }
      strv = g_strv_builder_end (labels);
      gtk_widget_set_name (desk_preferences_dialog_add_choice (dialog, _("Forwarding mode"),
                                                               (const char *const *) strv,
                                                               selected),
                           "step-mode");
      gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog,
                                                              _("Centre's acceptance number"),
                                                              aid->centre_number),
                           "step-centre-number");
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Forward within %d working day after the day of "
                                           "receipt, %s.",
                                           "Forward within %d working days after the day of "
                                           "receipt, %s.",
                                           desk_settings_get_int (self->store, "aid-limit-days")),
                              desk_settings_get_int (self->store, "aid-limit-days"),
                              aid->received_at);
      desk_preferences_dialog_set_note (dialog, note);
    }
  else if (status == DESK_AID_STATUS_CENTRE_ACCEPTED)
    gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog,
                                                            _("Centre's acceptance number"),
                                                            aid->centre_number),
                         "step-centre-number");
  else if (status == DESK_AID_STATUS_ASSIGNED)
    {
      gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog, _("Assigned lawyer"),
                                                              aid->lawyer),
                           "step-lawyer");
      gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog, _("Law firm"),
                                                              aid->law_firm),
                           "step-law-firm");
    }

  desk_preferences_dialog_set_save_func (dialog, step_save, form, step_form_free);
  desk_preferences_dialog_present (dialog);
}

static void
advance_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskAidEditor *self = DESK_AID_EDITOR (widget);
  DeskAidStatus status = (DeskAidStatus) g_variant_get_int32 (parameter);

  if (find_step (status) == NULL ||
      !desk_aid_status_can_advance (current_status (self), status))
    return;
  /* The step is recorded on what the clerk sees: saved first. */
  if ((self->record == NULL || self->modified) && !desk_aid_editor_save_record (self))
    return;
  if (!desk_aid_status_can_advance (current_status (self), status))
    return;
  open_step_form (self, status);
}

void
desk_aid_editor_steps_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.advance", "i", advance_activated);
}

void
desk_aid_editor_steps_init (DeskAidEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_info); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(step_info[i].button));

      gtk_widget_set_name (button, step_info[i].name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.advance");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i",
                                        (gint32) step_info[i].status);
      gtk_box_append (self->steps_box, button);
      self->step_buttons[step_info[i].status] = button;
    }
  g_signal_connect (self, "notify::modified", G_CALLBACK (update_hint), NULL);
}
