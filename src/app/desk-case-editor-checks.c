/* desk-case-editor-checks.c — the checks of the mediation case editor.
 *
 * Each field is checked as it is typed (@final FALSE: a message appears
 * once the text cannot become right by typing on, and follows the typing
 * once shown) and when it is left or the case is saved (@final TRUE: every
 * problem is said).  The messages are the core's own wording where the
 * core has the same check, so that the clerk reads one sentence for one
 * problem whichever side finds it.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-case-editor-private.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-register.h"
#include "desk-validate.h"

static void
set_entry_text (DeskCaseEditor *self,
                GtkEntry       *entry,
                const char     *text)
{
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  self->loading--;
}

DeskCaseStatus
desk_case_editor_status (DeskCaseEditor *self)
{
  gint64 id = desk_form_drop_down_get_id (self->status_dropdown);

  return id > 0 ? (DeskCaseStatus) id : DESK_CASE_ACCEPTED;
}

guint
desk_case_editor_get_slots (DeskCaseEditor *self,
                            Slot           *slots)
{
  const Slot all[] = {
    { _("Mediation committee"), GTK_WIDGET (self->committee_dropdown), self->committee_error },
    { _("Date accepted"), GTK_WIDGET (self->accepted_entry), self->accepted_error },
    { _("Registered by"), GTK_WIDGET (self->registrar_dropdown), self->registrar_error },
    { _("Mediators"), GTK_WIDGET (self->mediators_grid), self->mediators_error },
    { _("Case source"), GTK_WIDGET (self->source_dropdown), self->source_error },
    { _("Dispute type"), GTK_WIDGET (self->dispute_dropdown), self->dispute_error },
    { _("Difficulty"), GTK_WIDGET (self->difficulty_dropdown), self->difficulty_error },
    { _("Risk assessment"), GTK_WIDGET (self->risk_dropdown), self->risk_error },
    { _("Number of parties involved"), GTK_WIDGET (self->party_count_spin),
      self->party_count_error },
    { _("Case status"), GTK_WIDGET (self->status_dropdown), self->status_error },
    { _("Date closed"), GTK_WIDGET (self->closed_entry), self->closed_error },
    { _("Agreement form"), GTK_WIDGET (self->form_dropdown), self->form_error },
    { _("Agreement content"), self->content_view_scroll, self->content_error },
    { _("Agreement amount"), GTK_WIDGET (self->amount_entry), self->amount_error },
    { _("Manner of performance"), GTK_WIDGET (self->manner_entry), self->manner_error },
    { _("Performance deadline"), GTK_WIDGET (self->term_entry), self->term_error },
    { _("Performance"), GTK_WIDGET (self->performance_dropdown), self->performance_error },
    { _("Judicial confirmation date"), GTK_WIDGET (self->confirmed_entry),
      self->confirmed_error },
    { _("Suicides prevented (people)"), GTK_WIDGET (self->suicide_spin), self->prevent_error },
    { _("Criminal cases prevented (people)"), GTK_WIDGET (self->criminal_spin),
      self->prevent_error },
    { _("Mass petitions prevented (people)"), GTK_WIDGET (self->petition_spin),
      self->prevent_error },
    { _("Mass fights prevented (people)"), GTK_WIDGET (self->fight_spin), self->prevent_error },
    { _("Dossier retention"), GTK_WIDGET (self->retention_dropdown), self->retention_error },
    { _("Date filed"), GTK_WIDGET (self->filed_entry), self->filed_error },
  };

  memcpy (slots, all, sizeof all);
  return G_N_ELEMENTS (all);
}

static const Slot *
find_slot (DeskCaseEditor *self,
           Slot           *slots,
           const char     *field)
{
  guint n = desk_case_editor_get_slots (self, slots);

  g_assert (n == N_SLOTS);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (slots[i].field, field) == 0)
      return &slots[i];
  return NULL;
}

/* A date field as typed: TRUE when it is empty (and not @required) or a
 * real date not after today, with *@date the date written in full (NULL
 * when empty).  The message follows the typing once shown; otherwise it is
 * shown when @final. */
static gboolean
check_date_field (DeskCaseEditor  *self,
                  GtkEntry        *entry,
                  GtkWidget       *message,
                  const char      *field,
                  gboolean         required,
                  gboolean         final,
                  char           **date)
{
  g_autofree char *text = desk_form_editable_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;

  if (date != NULL)
    *date = NULL;
  if (*text == '\0')
    {
      if (required && final)
        desk_set_field_error (&error, field, _("this field is required"));
      desk_form_set_error (GTK_WIDGET (entry), message,
                           error ? desk_form_error_problem (error) : NULL);
      return !required;
    }
  clean = desk_validate_date (text, field, NULL, &error);
  if (clean != NULL || final || gtk_widget_get_visible (message))
    desk_form_set_error (GTK_WIDGET (entry), message,
                         error ? desk_form_error_problem (error) : NULL);
  if (clean != NULL && final && g_strcmp0 (clean, text) != 0)
    set_entry_text (self, entry, clean);
  if (date != NULL)
    *date = g_steal_pointer (&clean);
  return error == NULL;
}

/* @date (in @entry) not before @earlier: says so beside @entry. */
static gboolean
check_not_before (GtkEntry    *entry,
                  GtkWidget   *message,
                  const char  *date,
                  const char  *earlier,
                  gboolean     after_closing)
{
  g_autofree char *problem = NULL;

  if (date == NULL || earlier == NULL || strcmp (date, earlier) >= 0)
    return TRUE;
  problem = after_closing
            ? g_strdup_printf (_("cannot be before the date closed (%s)"), earlier)
            : g_strdup_printf (_("cannot be before the date accepted (%s)"), earlier);
  desk_form_set_error (GTK_WIDGET (entry), message, problem);
  return FALSE;
}

gboolean
desk_case_editor_check_accepted (DeskCaseEditor  *self,
                                 gboolean         final,
                                 char           **date)
{
  return check_date_field (self, self->accepted_entry, self->accepted_error,
                           _("Date accepted"), TRUE, final, date);
}

/* 结案日期: needed once the case is closed, not before 受理日期, and no
 * follow-up visit before it. */
gboolean
desk_case_editor_check_closed (DeskCaseEditor  *self,
                               gboolean         final,
                               char           **out)
{
  DeskCaseStatus status = desk_case_editor_status (self);
  g_autofree char *accepted = NULL;
  g_autofree char *date = NULL;
  const char *earliest;

  if (out != NULL)
    *out = NULL;
  if (!desk_case_status_is_closed (status))
    {
      desk_form_set_error (GTK_WIDGET (self->closed_entry), self->closed_error, NULL);
      return TRUE;
    }
  if (!check_date_field (self, self->closed_entry, self->closed_error, _("Date closed"),
                         FALSE, final, &date))
    return FALSE;
  if (date == NULL)
    {
      g_autofree char *problem = NULL;

      if (!final)
        return FALSE;
      problem = g_strdup_printf (_("a closed case (%s) needs the date it was closed"),
                                 desk_case_status_label (status));
      desk_form_set_error (GTK_WIDGET (self->closed_entry), self->closed_error, problem);
      return FALSE;
    }
  self->loading++;
  desk_case_editor_check_accepted (self, FALSE, &accepted);
  self->loading--;
  if (!check_not_before (self->closed_entry, self->closed_error, date, accepted, FALSE))
    return FALSE;
  earliest = status == DESK_CASE_SUCCEEDED ? desk_visit_list_get_earliest (self->visit_list)
                                           : NULL;
  if (earliest != NULL && strcmp (earliest, date) < 0)
    {
      g_autofree char *problem = g_strdup_printf (_("a follow-up visit on %s lies before it"),
                                                  earliest);

      desk_form_set_error (GTK_WIDGET (self->closed_entry), self->closed_error, problem);
      return FALSE;
    }
  if (out != NULL)
    *out = g_steal_pointer (&date);
  return TRUE;
}

/* A date after closing (司法确认日期, 立卷日期): a date, and not before
 * 结案日期 when that is known. */
static gboolean
check_after_closing (DeskCaseEditor  *self,
                     GtkEntry        *entry,
                     GtkWidget       *message,
                     const char      *field,
                     gboolean         final,
                     char           **out)
{
  g_autofree char *date = NULL;
  g_autofree char *closed = NULL;

  if (out != NULL)
    *out = NULL;
  if (!check_date_field (self, entry, message, field, FALSE, final, &date))
    return FALSE;
  if (date != NULL && desk_case_status_is_closed (desk_case_editor_status (self)))
    {
      g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->closed_entry));

      closed = desk_date_parse (raw, 0);
      if (!check_not_before (entry, message, date, closed, TRUE))
        return FALSE;
    }
  if (out != NULL)
    *out = g_steal_pointer (&date);
  return TRUE;
}

gboolean
desk_case_editor_check_confirmed (DeskCaseEditor  *self,
                                  gboolean         final,
                                  char           **out)
{
  return check_after_closing (self, self->confirmed_entry, self->confirmed_error,
                              _("Judicial confirmation date"), final, out);
}

/* 立卷日期: only a closed case is filed. */
gboolean
desk_case_editor_check_filed (DeskCaseEditor  *self,
                              gboolean         final,
                              char           **out)
{
  g_autofree char *text = desk_form_editable_text (GTK_EDITABLE (self->filed_entry));

  if (out != NULL)
    *out = NULL;
  if (*text != '\0' && !desk_case_status_is_closed (desk_case_editor_status (self)))
    {
      if (final || gtk_widget_get_visible (self->filed_error))
        desk_form_set_error (GTK_WIDGET (self->filed_entry), self->filed_error,
                             _("only a closed case is filed"));
      return FALSE;
    }
  return check_after_closing (self, self->filed_entry, self->filed_error, _("Date filed"),
                              final, out);
}

/* 协议涉及金额 in yuan, exact to the fen.  An amount half typed ("12.")
 * waits for the rest; anything else wrong is said at once.  Once settled
 * it is written out in full. */
gboolean
desk_case_editor_check_amount (DeskCaseEditor *self,
                               gboolean        final,
                               gint64         *fen)
{
  g_autofree char *text = desk_form_editable_text (GTK_EDITABLE (self->amount_entry));
  g_autoptr(GError) error = NULL;
  gint64 value = DESK_CASE_NO_AMOUNT;
  gboolean ok;

  if (*text == '\0')
    {
      ok = !final || desk_case_editor_status (self) != DESK_CASE_SUCCEEDED;
      if (!ok)
        desk_set_field_error (&error, _("Agreement amount"), _("this field is required"));
    }
  else
    ok = desk_money_parse (text, &value, &error);
  if (ok || final || !g_str_has_suffix (text, ".") || gtk_widget_get_visible (self->amount_error))
    desk_form_set_error (GTK_WIDGET (self->amount_entry), self->amount_error,
                         error ? desk_form_error_problem (error) : NULL);
  if (ok && final && value >= 0)
    {
      /* Written out as it is kept: yuan and fen, "3500.00". */
      g_autofree char *written = desk_money_format (value);

      if (g_strcmp0 (written, text) != 0)
        set_entry_text (self, self->amount_entry, written);
    }
  if (fen != NULL)
    *fen = ok ? value : DESK_CASE_NO_AMOUNT;
  return ok;
}

/* A text a successful mediation needs (协议内容, 履行方式, 履行期限). */
static gboolean
check_needed_text (DeskCaseEditor *self,
                   GtkWidget      *field,
                   GtkWidget      *message,
                   const char     *text,
                   gboolean        final)
{
  gboolean ok = *text != '\0' || desk_case_editor_status (self) != DESK_CASE_SUCCEEDED;

  if (ok || final)
    desk_form_set_error (field, message, ok ? NULL : _("this field is required"));
  return ok;
}

gboolean
desk_case_editor_check_content (DeskCaseEditor *self,
                                gboolean        final)
{
  g_autofree char *text = desk_form_text_view_text (self->content_view);

  return check_needed_text (self, self->content_view_scroll, self->content_error, text, final);
}

gboolean
desk_case_editor_check_entry_text (DeskCaseEditor *self,
                                   GtkEntry       *entry,
                                   GtkWidget      *message,
                                   gboolean        final)
{
  g_autofree char *text = desk_form_editable_text (GTK_EDITABLE (entry));

  return check_needed_text (self, GTK_WIDGET (entry), message, text, final);
}

static gboolean
check_choice (GtkDropDown *drop_down,
              GtkWidget   *message,
              gboolean     required)
{
  gboolean chosen = !required || desk_form_drop_down_get_id (drop_down) > 0;

  desk_form_set_error (GTK_WIDGET (drop_down), message,
                       chosen ? NULL : _("choose one from the list"));
  return chosen;
}

static const char *
committee_name (DeskCaseEditor *self,
                char          **storage)
{
  g_autoptr(DeskCommittee) committee = NULL;
  gint64 id = desk_form_drop_down_get_id (self->committee_dropdown);

  committee = id > 0 ? desk_committee_get (self->store, id, NULL) : NULL;
  *storage = committee ? g_strdup (committee->name) : NULL;
  return *storage;
}

/* 调解员: at least one, each of the case's committee. */
gboolean
desk_case_editor_check_mediators (DeskCaseEditor *self,
                                  gboolean        final)
{
  gint64 committee_id = desk_form_drop_down_get_id (self->committee_dropdown);
  g_autofree char *problem = NULL;

  for (guint i = 0; i < self->mediator_ids->len && problem == NULL; i++)
    {
      g_autoptr(DeskMediator) mediator =
        desk_mediator_get (self->store, g_array_index (self->mediator_ids, gint64, i), NULL);
      g_autofree char *committee = NULL;

      if (mediator != NULL && committee_id > 0 && mediator->committee_id != committee_id)
        problem = g_strdup_printf (_("“%s” is not a mediator of “%s”"), mediator->name,
                                   committee_name (self, &committee));
    }
  if (problem == NULL && self->mediator_ids->len == 0 && final)
    problem = g_strdup (_("tick at least one mediator of the committee"));
  if (problem != NULL || final || gtk_widget_get_visible (self->mediators_error) ||
      self->mediator_ids->len > 0)
    desk_form_set_error (GTK_WIDGET (self->mediators_grid), self->mediators_error, problem);
  return problem == NULL;
}

/* 涉及当事人数: follows the parties until set by hand; never fewer. */
gboolean
desk_case_editor_check_party_count (DeskCaseEditor *self)
{
  guint parties = desk_party_list_get_n_parties (self->party_list);
  int count = gtk_spin_button_get_value_as_int (self->party_count_spin);
  g_autofree char *problem = NULL;

  if (count < (int) parties)
    problem = g_strdup_printf (_("cannot be less than the number of parties listed (%u)"),
                               parties);
  desk_form_set_error (GTK_WIDGET (self->party_count_spin), self->party_count_error, problem);
  return problem == NULL;
}

/* Checks every field, marks the wrong ones and returns the first of
 * them, or NULL when all are right. */
GtkWidget *
desk_case_editor_check_all (DeskCaseEditor *self)
{
  DeskCaseStatus status = desk_case_editor_status (self);
  gboolean succeeded = status == DESK_CASE_SUCCEEDED;
  GtkWidget *first = NULL;
  GtkWidget *wrong = NULL;
  g_autofree char *summary = NULL;

#define WRONG(widget) G_STMT_START { if (first == NULL) first = GTK_WIDGET (widget); } G_STMT_END

  if (!check_choice (self->committee_dropdown, self->committee_error, TRUE))
    WRONG (self->committee_dropdown);
  if (!desk_case_editor_check_accepted (self, TRUE, NULL))
    WRONG (self->accepted_entry);
  if (!check_choice (self->registrar_dropdown, self->registrar_error,
                     self->record == NULL || self->record->registrar_id > 0))
    WRONG (self->registrar_dropdown);
  if (!desk_case_editor_check_mediators (self, TRUE))
    WRONG (self->mediators_grid);
  if (!check_choice (self->source_dropdown, self->source_error, TRUE))
    WRONG (self->source_dropdown);
  if (!check_choice (self->dispute_dropdown, self->dispute_error, TRUE))
    WRONG (self->dispute_dropdown);
  if (!desk_party_list_check (self->party_list, &wrong))
    WRONG (wrong);
  if (!desk_case_editor_check_party_count (self))
    WRONG (self->party_count_spin);
  summary = desk_form_text_view_text (self->summary_view);
  desk_form_set_error (self->summary_view_scroll, self->summary_error,
                       *summary ? NULL : _("write down what the dispute is about"));
  if (*summary == '\0')
    WRONG (self->summary_view);

  if (desk_visit_list_get_n_visits (self->visit_list) > 0 && !succeeded)
    {
      desk_form_set_error (GTK_WIDGET (self->status_dropdown), self->status_error,
                           _("the case has follow-up visits; delete them before changing "
                             "its outcome"));
      WRONG (self->status_dropdown);
    }
  else
    desk_form_set_error (GTK_WIDGET (self->status_dropdown), self->status_error, NULL);
  if (!desk_case_editor_check_closed (self, TRUE, NULL))
    WRONG (self->closed_entry);
  if (succeeded)
    {
      if (!check_choice (self->form_dropdown, self->form_error, TRUE))
        WRONG (self->form_dropdown);
      if (!desk_case_editor_check_content (self, TRUE))
        WRONG (self->content_view);
      if (!desk_case_editor_check_amount (self, TRUE, NULL))
        WRONG (self->amount_entry);
      if (!desk_case_editor_check_entry_text (self, self->manner_entry, self->manner_error, TRUE))
        WRONG (self->manner_entry);
      if (!desk_case_editor_check_entry_text (self, self->term_entry, self->term_error, TRUE))
        WRONG (self->term_entry);
      if (!desk_case_editor_check_confirmed (self, TRUE, NULL))
        WRONG (self->confirmed_entry);
    }
  if (!desk_case_editor_check_filed (self, TRUE, NULL))
    WRONG (self->filed_entry);
#undef WRONG
  return first;
}

/* Puts a core error beside the field it names; returns the field, or NULL
 * when it names none of them. */
GtkWidget *
desk_case_editor_show_field_error (DeskCaseEditor *self,
                                   const GError   *error)
{
  Slot slots[N_SLOTS];
  g_autofree char *field = desk_error_get_field (error);
  const Slot *slot;

  if (field == NULL)
    return NULL;
  slot = find_slot (self, slots, field);
  if (slot != NULL)
    {
      desk_form_set_error (slot->widget, slot->message, desk_form_error_problem (error));
      return slot->widget == GTK_WIDGET (self->content_view_scroll)
             ? GTK_WIDGET (self->content_view) : slot->widget;
    }
  if (desk_party_list_show_error (self->party_list, error))
    return GTK_WIDGET (self->party_list);
  if (g_str_equal (field, _("Visit date")) || g_str_equal (field, _("Visit mode")) ||
      g_str_equal (field, _("Satisfaction")) || g_str_equal (field, _("Mediation case")))
    {
      desk_visit_list_set_error (self->visit_list, error->message);
      return GTK_WIDGET (self->visit_list);
    }
  return NULL;
}

void
desk_case_editor_clear_errors (DeskCaseEditor *self)
{
  Slot slots[N_SLOTS];
  guint n = desk_case_editor_get_slots (self, slots);

  for (guint i = 0; i < n; i++)
    desk_form_set_error (slots[i].widget, slots[i].message, NULL);
  desk_form_set_error (self->summary_view_scroll, self->summary_error, NULL);
  desk_form_set_error (self->request_view_scroll, self->request_error, NULL);
  desk_party_list_clear_errors (self->party_list);
  desk_visit_list_set_error (self->visit_list, NULL);
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_widget_set_visible (self->missing_label, FALSE);
}

void
desk_case_editor_show_missing (DeskCaseEditor *self,
                               const DeskCase *mcase)
{
  g_auto(GStrv) missing = desk_case_missing_fields (mcase);
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  Slot slots[N_SLOTS];

  if (missing == NULL || missing[0] == NULL)
    {
      gtk_widget_set_visible (self->missing_label, FALSE);
      return;
    }
  for (guint i = 0; missing[i] != NULL; i++)
    {
      const Slot *slot = find_slot (self, slots, missing[i]);

      if (slot != NULL)
        desk_form_set_error (slot->widget, slot->message,
                             _("not in the old ledger: fill it in"));
    }
  /* Translators: the separator of a list of field names, 、in Chinese */
  list = g_strjoinv (C_("list", ", "), missing);
  text = g_strdup_printf (_("This case came from an old ledger without some of its agreement: "
                            "%s. Fill them in to save the case."), list);
  gtk_label_set_text (GTK_LABEL (self->missing_label), text);
  gtk_widget_set_visible (self->missing_label, TRUE);
}
