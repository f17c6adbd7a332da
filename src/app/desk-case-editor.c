/* desk-case-editor.c — the form of one people's-mediation case.
 *
 * A modal window over the main one, in the paper form's order: 调委会, the
 * 案号 (given on the first save, never typed or changed), 受理日期, 承办人,
 * 调解员 (ticked from the committee's mediators), 案件来源, 纠纷类型, 难度,
 * 风险预判, the parties (DeskPartyList), 涉及当事人数, 纠纷简要情况, 申请事项;
 * then the status flow (已受理 → 调解中 → 调解成功 | 调解不成功 | 终止) with
 * 结案日期 once closed, the agreement once successful, 防激化, 卷宗 and the
 * follow-up visits (DeskVisitList) of a successful mediation.
 *
 * Like the consultation editor it is made for the keyboard: Tab follows the
 * form, Enter in a single-line field (or after a choice typed into a list)
 * moves on, Ctrl+Shift+N adds a party, Ctrl+S or Ctrl+Enter saves, Escape
 * closes and asks first when anything was typed.  Each field is checked as
 * it is typed or left, the message under it; a refused save keeps
 * everything and puts the core's message beside the field it names.  The
 * new people of the parties, the case and its visits are written in one
 * transaction.  A closed case from an old ledger that lacks agreement
 * details has them marked, and asked for, when it is opened.  The checks
 * of the fields are in desk-case-editor-checks.c.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-case-editor-private.h"
#include "desk-codes.h"
#include "desk-consultation.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-mediation.h"
#include "desk-party-list.h"
#include "desk-register.h"
#include "desk-validate.h"
#include "desk-visit-list.h"

/* What the store remembers of the last case saved this session. */
#define LAST_COMMITTEE_KEY "desk-case-last-committee"
#define LAST_REGISTRAR_KEY "desk-case-last-registrar"

/* 协议形式 and 卷宗保管期限 as stored (data, not text for translation); the
 * drop-downs' ids are the index + 1. */
static const char *const agreement_forms[] = { "口头", "书面" };
static const char *const retentions[] = { "短期", "长期", "永久" };
static const char *const retention_labels[] = { "短期（5年）", "长期（10年）", "永久" };

G_DEFINE_FINAL_TYPE (DeskCaseEditor, desk_case_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CASE_ID,
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
set_modified (DeskCaseEditor *self,
              gboolean        modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_message (DeskCaseEditor *self,
              const char     *message)
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

/* The first ticked mediator's name, else the 承办人's: who usually makes
 * the follow-up visit. */
static char *
usual_visitor (DeskCaseEditor *self)
{
  if (self->mediator_ids->len > 0)
    {
      g_autoptr(DeskMediator) mediator =
        desk_mediator_get (self->store, g_array_index (self->mediator_ids, gint64, 0), NULL);

      if (mediator != NULL)
        return g_strdup (mediator->name);
    }
  if (desk_form_drop_down_get_id (self->registrar_dropdown) > 0)
    {
      g_autoptr(DeskStaff) staff =
        desk_staff_get (self->store, desk_form_drop_down_get_id (self->registrar_dropdown),
                        NULL);

      if (staff != NULL)
        return g_strdup (staff->name);
    }
  return NULL;
}

/* The fields in the paper form's order, which Enter follows. */
static GtkWidget *
next_field (DeskCaseEditor *self,
            GtkWidget      *field)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->committee_dropdown), GTK_WIDGET (self->accepted_entry),
    GTK_WIDGET (self->registrar_dropdown), GTK_WIDGET (self->mediators_grid),
    GTK_WIDGET (self->source_dropdown), GTK_WIDGET (self->dispute_dropdown),
    GTK_WIDGET (self->difficulty_dropdown), GTK_WIDGET (self->risk_dropdown),
    GTK_WIDGET (self->party_list), GTK_WIDGET (self->party_count_spin),
    GTK_WIDGET (self->summary_view), GTK_WIDGET (self->request_view),
    GTK_WIDGET (self->status_dropdown), GTK_WIDGET (self->closed_entry),
    GTK_WIDGET (self->form_dropdown), GTK_WIDGET (self->content_view),
    GTK_WIDGET (self->amount_entry), GTK_WIDGET (self->manner_entry),
    GTK_WIDGET (self->term_entry), GTK_WIDGET (self->performance_dropdown),
    GTK_WIDGET (self->confirmed_entry), GTK_WIDGET (self->suicide_spin),
    GTK_WIDGET (self->criminal_spin), GTK_WIDGET (self->petition_spin),
    GTK_WIDGET (self->fight_spin), GTK_WIDGET (self->retention_dropdown),
    GTK_WIDGET (self->filed_entry), GTK_WIDGET (self->visit_list),
    self->save_button,
  };
  gboolean after = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (after && gtk_widget_is_visible (order[i]) && gtk_widget_is_sensitive (order[i]) &&
          (order[i] != GTK_WIDGET (self->mediators_grid) ||
           gtk_widget_get_first_child (order[i]) != NULL))
        return order[i];
      if (order[i] == field)
        after = TRUE;
    }
  return NULL;
}

static void
focus_field (DeskCaseEditor *self,
             GtkWidget      *field)
{
  if (field == GTK_WIDGET (self->mediators_grid))
    {
      /* The first of the ticks */
      GtkWidget *first = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (field); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (first == NULL ||
            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "desk-position")) <
            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (first), "desk-position")))
          first = child;
      if (first != NULL)
        gtk_widget_grab_focus (first);
      return;
    }
  gtk_widget_grab_focus (field);
}

static void
focus_next (DeskCaseEditor *self,
            GtkWidget      *field)
{
  GtkWidget *next = next_field (self, field);

  if (next != NULL)
    focus_field (self, next);
}

static void
update_party_count (DeskCaseEditor *self)
{
  guint parties = desk_party_list_get_n_parties (self->party_list);

  if (!self->party_count_manual)
    {
      self->loading++;
      gtk_spin_button_set_value (self->party_count_spin, parties);
      self->loading--;
      gtk_label_set_text (self->party_count_hint, _("Follows the parties listed; set it by "
                                                    "hand for a group dispute."));
    }
  else
    gtk_label_set_text (self->party_count_hint, _("Set by hand; type the number of parties "
                                                  "listed to follow the list again."));
  desk_case_editor_check_party_count (self);
}

/* The statuses the case may take from the one it was saved with (the
 * core's flow: forwards, steps may be skipped; a closed case may change
 * its outcome or be reopened to 调解中, never go back to 已受理). */
static void
fill_statuses (DeskCaseEditor *self,
               DeskCaseStatus  current)
{
  DeskCaseStatus saved = self->record ? self->record->status : DESK_CASE_ACCEPTED;

  self->loading++;
  desk_form_drop_down_clear (self->status_dropdown);
  for (DeskCaseStatus s = DESK_CASE_ACCEPTED; s <= DESK_CASE_TERMINATED; s++)
    {
      gboolean allowed;

      if (s == saved)
        allowed = TRUE;
      else if (saved == DESK_CASE_ACCEPTED)
        allowed = TRUE;
      else
        allowed = s != DESK_CASE_ACCEPTED &&
                  (saved != DESK_CASE_MEDIATING || desk_case_status_is_closed (s));
      if (allowed)
        desk_form_drop_down_add (self->status_dropdown, s, desk_case_status_label (s));
    }
  desk_form_drop_down_set_id (self->status_dropdown, current);
  self->loading--;
}

static void
update_status_hint (DeskCaseEditor *self)
{
  DeskCaseStatus status = desk_case_editor_status (self);
  g_autofree char *text = NULL;

  if (status == DESK_CASE_ACCEPTED)
    text = g_strdup_printf (_("Next: %s, or straight to the outcome"),
                            desk_case_status_label (DESK_CASE_MEDIATING));
  else if (status == DESK_CASE_MEDIATING)
    text = g_strdup_printf (_("Next: %s, %s or %s, with the date closed"),
                            desk_case_status_label (DESK_CASE_SUCCEEDED),
                            desk_case_status_label (DESK_CASE_FAILED),
                            desk_case_status_label (DESK_CASE_TERMINATED));
  else if (status == DESK_CASE_SUCCEEDED)
    text = g_strdup (_("Closed with an agreement: fill it in below"));
  else
    text = g_strdup (_("Closed without an agreement"));
  gtk_label_set_text (self->status_hint, text);
}

/* What the status shows: 结案日期 once closed; the agreement, 履行情况,
 * 司法确认 and the visits once successful. */
static void
update_flow (DeskCaseEditor *self)
{
  DeskCaseStatus status = desk_case_editor_status (self);
  gboolean closed = desk_case_status_is_closed (status);
  gboolean succeeded = status == DESK_CASE_SUCCEEDED;
  g_autofree char *visitor = usual_visitor (self);
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->closed_entry));
  g_autofree char *closed_on = closed ? desk_date_parse (raw, 0) : NULL;

  /* 结案日期 stays in its place, to be filled in once the case closes. */
  gtk_widget_set_sensitive (self->closed_label, closed);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->closed_entry)), closed);
  gtk_entry_set_placeholder_text (self->closed_entry,
                                  closed ? "2026-11-22" : _("when the case closes"));
  gtk_widget_set_visible (self->agreement_box, succeeded);
  gtk_widget_set_visible (self->visits_box, succeeded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-visit", succeeded);
  desk_visit_list_set_closed_on (self->visit_list, closed_on);
  desk_visit_list_set_default_visitor (self->visit_list, visitor);
  update_status_hint (self);
}

static void
mediator_toggled (DeskCaseEditor *self,
                  GtkCheckButton *check)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "desk-mediator-id");
  gboolean active = gtk_check_button_get_active (check);

  if (self->loading > 0)
    return;
  for (guint i = 0; i < self->mediator_ids->len; i++)
    if (g_array_index (self->mediator_ids, gint64, i) == id)
      {
        if (!active)
          g_array_remove_index (self->mediator_ids, i);
        active = FALSE;
        break;
      }
  if (active)
    g_array_append_val (self->mediator_ids, id);
  desk_case_editor_check_mediators (self, FALSE);
  update_flow (self);
  set_modified (self, TRUE);
}

static gboolean
mediator_ticked (DeskCaseEditor *self,
                 gint64          id)
{
  for (guint i = 0; i < self->mediator_ids->len; i++)
    if (g_array_index (self->mediator_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
add_mediator_check (DeskCaseEditor     *self,
                    const DeskMediator *mediator,
                    const char         *note,
                    guint               position)
{
  g_autofree char *label = note ? g_strdup_printf ("%s（%s）", mediator->name, note)
                                : g_strdup (mediator->name);
  g_autofree char *name = g_strdup_printf ("mediator-%s", mediator->name);
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_widget_set_name (check, name);
  g_object_set_data_full (G_OBJECT (check), "desk-mediator-id",
                          g_memdup2 (&mediator->id, sizeof (gint64)), g_free);
  g_object_set_data (G_OBJECT (check), "desk-position", GUINT_TO_POINTER (position));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), mediator_ticked (self, mediator->id));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (mediator_toggled), self);
  /* Five to a line, in the order of the register */
  gtk_grid_attach (self->mediators_grid, check, position % 5, position / 5, 1, 1);
}

/* The ticks: the committee's mediators serving on 受理日期 (today while it
 * is not typed), and any mediator ticked who is not one of them, so that
 * nothing ticked disappears without a word. */
static void
fill_mediators (DeskCaseEditor *self)
{
  gint64 committee_id = desk_form_drop_down_get_id (self->committee_dropdown);
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (self->accepted_entry));
  g_autofree char *on = desk_date_parse (raw, 0);
  g_autoptr(GPtrArray) serving = NULL;
  GtkWidget *child;
  guint position = 0;

  if (on == NULL)
    on = desk_today ();
  serving = committee_id > 0 ? desk_mediator_list (self->store, committee_id, on, NULL) : NULL;

  self->loading++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mediators_grid))) != NULL)
    gtk_grid_remove (self->mediators_grid, child);
  for (guint i = 0; serving != NULL && i < serving->len; i++)
    add_mediator_check (self, g_ptr_array_index (serving, i), NULL, position++);
  for (guint i = 0; i < self->mediator_ids->len; i++)
    {
      gint64 id = g_array_index (self->mediator_ids, gint64, i);
      g_autoptr(DeskMediator) mediator = NULL;
      gboolean shown = FALSE;

      for (guint j = 0; serving != NULL && j < serving->len && !shown; j++)
        shown = ((DeskMediator *) g_ptr_array_index (serving, j))->id == id;
      if (shown || (mediator = desk_mediator_get (self->store, id, NULL)) == NULL)
        continue;
      add_mediator_check (self, mediator,
                          mediator->committee_id != committee_id
                            ? _("another committee") : _("no longer serving"),
                          position++);
    }
  self->loading--;

  gtk_widget_set_visible (GTK_WIDGET (self->mediators_hint), position == 0);
  gtk_label_set_text (self->mediators_hint,
                      committee_id > 0
                        ? _("This committee has no mediators serving on the date accepted: "
                            "add them in the preferences.")
                        : _("Choose the committee first."));
  desk_case_editor_check_mediators (self, FALSE);
}

static void
update_title (DeskCaseEditor *self)
{
  g_autofree char *title = NULL;

  if (self->record != NULL)
    {
      title = g_strdup_printf (_("Mediation Case %s"), self->record->number);
      gtk_label_set_text (self->number_label, self->record->number);
      gtk_widget_remove_css_class (GTK_WIDGET (self->number_label), "dim-label");
    }
  else
    {
      title = g_strdup (_("New Mediation Case"));
      gtk_label_set_text (self->number_label, _("Given when the case is saved"));
      gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "dim-label");
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (self->consultation_id > 0 || (self->record && self->record->consultation_id > 0))
    {
      g_autoptr(DeskConsultation) c =
        desk_consultation_get (self->store, self->record ? self->record->consultation_id
                                                         : self->consultation_id, NULL);
      g_autofree char *subtitle = c ? g_strdup_printf (_("From consultation %s"), c->number)
                                    : NULL;

      adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
    }
  else
    adw_window_title_set_subtitle (self->window_title, "");
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);
  /* The number carries the committee: it never changes once given. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->committee_dropdown), self->record == NULL);
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
  retired = g_strdup_printf (_("%s (retired)"), label);
  desk_form_drop_down_add (drop_down, id, retired);
  desk_form_drop_down_set_id (drop_down, id);
}

static void
select_code (DeskCaseEditor *self,
             GtkDropDown    *drop_down,
             gint64          id)
{
  g_autofree char *label = id > 0 ? desk_codes_label (self->store, id) : NULL;

  select_or_add (drop_down, id, label);
}

static void
fill_codes (DeskCaseEditor *self,
            GtkDropDown    *drop_down,
            const char     *kind,
            gboolean        optional)
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
  desk_form_drop_down_set_id (drop_down, 0);
}

static void
fill_choices (DeskCaseEditor *self)
{
  g_autofree char *today = desk_today ();
  g_autoptr(GPtrArray) committees = desk_committee_list (self->store, today, NULL);
  g_autoptr(GPtrArray) staff = desk_staff_list (self->store, TRUE, NULL);

  desk_form_drop_down_clear (self->committee_dropdown);
  for (guint i = 0; committees != NULL && i < committees->len; i++)
    {
      DeskCommittee *committee = g_ptr_array_index (committees, i);

      desk_form_drop_down_add (self->committee_dropdown, committee->id, committee->name);
    }
  if (committees == NULL || committees->len == 0)
    desk_form_set_error (GTK_WIDGET (self->committee_dropdown), self->committee_error,
                         _("no mediation committee is registered: add the committees in "
                           "the preferences first"));

  desk_form_drop_down_clear (self->registrar_dropdown);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      DeskStaff *member = g_ptr_array_index (staff, i);

      desk_form_drop_down_add (self->registrar_dropdown, member->id, member->name);
    }
  if (staff == NULL || staff->len == 0)
    desk_form_set_error (GTK_WIDGET (self->registrar_dropdown), self->registrar_error,
                         _("the staff list is empty: add the station's staff in the "
                           "preferences first"));

  fill_codes (self, self->source_dropdown, DESK_CODE_CASE_SOURCE, FALSE);
  fill_codes (self, self->dispute_dropdown, DESK_CODE_DISPUTE_TYPE, FALSE);
  fill_codes (self, self->difficulty_dropdown, DESK_CODE_DIFFICULTY, TRUE);
  fill_codes (self, self->risk_dropdown, DESK_CODE_RISK, TRUE);
  fill_codes (self, self->performance_dropdown, DESK_CODE_PERFORMANCE, TRUE);

  desk_form_drop_down_clear (self->form_dropdown);
  for (guint i = 0; i < G_N_ELEMENTS (agreement_forms); i++)
    desk_form_drop_down_add (self->form_dropdown, i + 1, agreement_forms[i]);
  desk_form_drop_down_clear (self->retention_dropdown);
  desk_form_drop_down_add (self->retention_dropdown, 0, _("Not given"));
  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    desk_form_drop_down_add (self->retention_dropdown, i + 1, retention_labels[i]);
  desk_form_drop_down_set_id (self->retention_dropdown, 0);
}

static gint64
remembered (DeskCaseEditor *self,
            const char     *key)
{
  gint64 *last = g_object_get_data (G_OBJECT (self->store), key);

  return last ? *last : 0;
}

static void
remember (DeskCaseEditor *self,
          const char     *key,
          gint64          id)
{
  gint64 *last = g_new (gint64, 1);

  *last = id;
  g_object_set_data_full (G_OBJECT (self->store), key, last, g_free);
}

/* Selects @id; else the only choice there is. */
static void
select_default (GtkDropDown *drop_down,
                gint64       id)
{
  if (!desk_form_drop_down_set_id (drop_down, id) &&
      g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)) == 1)
    gtk_drop_down_set_selected (drop_down, 0);
}

/* A new case: accepted today, with the committee and the 承办人 of the
 * last case saved (or the only ones there are); source and type are left
 * for the clerk, since a default would count wrongly if overlooked. */
static void
fill_defaults (DeskCaseEditor *self)
{
  g_autofree char *today = desk_today ();

  self->loading++;
  select_default (self->committee_dropdown, remembered (self, LAST_COMMITTEE_KEY));
  gtk_editable_set_text (GTK_EDITABLE (self->accepted_entry), today);
  select_default (self->registrar_dropdown, remembered (self, LAST_REGISTRAR_KEY));
  fill_statuses (self, DESK_CASE_ACCEPTED);
  desk_party_list_set_parties (self->party_list, NULL);
  self->party_count_manual = FALSE;
  self->loading--;
  fill_mediators (self);
  update_party_count (self);
  update_flow (self);
}

static void
close_now (DeskCaseEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Shows @mcase in the form; @mcase may be unsaved (pre-filled). */
static void
show_case (DeskCaseEditor *self,
           const DeskCase *mcase)
{
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(DeskCommittee) committee = NULL;
  g_autofree char *amount = NULL;

  self->loading++;
  desk_case_editor_clear_errors (self);
  committee = mcase->committee_id > 0 ? desk_committee_get (self->store, mcase->committee_id,
                                                            NULL) : NULL;
  if (mcase->committee_id > 0)
    select_or_add (self->committee_dropdown, mcase->committee_id,
                   committee ? committee->name : NULL);
  else
    select_default (self->committee_dropdown, remembered (self, LAST_COMMITTEE_KEY));
  gtk_editable_set_text (GTK_EDITABLE (self->accepted_entry),
                         mcase->accepted_on ? mcase->accepted_on : "");
  staff = mcase->registrar_id > 0 ? desk_staff_get (self->store, mcase->registrar_id, NULL)
                                  : NULL;
  if (mcase->registrar_id > 0)
    select_or_add (self->registrar_dropdown, mcase->registrar_id, staff ? staff->name : NULL);
  else if (mcase->id == 0)
    select_default (self->registrar_dropdown, remembered (self, LAST_REGISTRAR_KEY));
  else
    {
      desk_form_drop_down_add (self->registrar_dropdown, 0, _("Not given"));
      desk_form_drop_down_set_id (self->registrar_dropdown, 0);
    }
  g_array_set_size (self->mediator_ids, 0);
  if (mcase->mediator_ids != NULL)
    g_array_append_vals (self->mediator_ids, mcase->mediator_ids->data,
                         mcase->mediator_ids->len);
  select_code (self, self->source_dropdown, mcase->source_id);
  select_code (self, self->dispute_dropdown, mcase->dispute_type_id);
  select_code (self, self->difficulty_dropdown, mcase->difficulty_id);
  select_code (self, self->risk_dropdown, mcase->risk_id);
  desk_party_list_set_parties (self->party_list, mcase->parties);
  self->party_count_manual = mcase->party_count_manual;
  gtk_spin_button_set_value (self->party_count_spin, mcase->party_count);
  set_text_view_text (self->summary_view, mcase->summary);
  set_text_view_text (self->request_view, mcase->request);

  fill_statuses (self, mcase->status);
  gtk_editable_set_text (GTK_EDITABLE (self->closed_entry),
                         mcase->closed_on ? mcase->closed_on : "");
  desk_form_drop_down_set_id (self->form_dropdown, 0);
  for (guint i = 0; i < G_N_ELEMENTS (agreement_forms); i++)
    if (g_strcmp0 (mcase->agreement_form, agreement_forms[i]) == 0)
      desk_form_drop_down_set_id (self->form_dropdown, i + 1);
  set_text_view_text (self->content_view, mcase->agreement_content);
  amount = mcase->agreement_amount >= 0 ? desk_money_format (mcase->agreement_amount) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->manner_entry),
                         mcase->performance_manner ? mcase->performance_manner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->term_entry),
                         mcase->performance_term ? mcase->performance_term : "");
  select_code (self, self->performance_dropdown, mcase->performance_id);
  gtk_editable_set_text (GTK_EDITABLE (self->confirmed_entry),
                         mcase->confirmed_on ? mcase->confirmed_on : "");
  gtk_spin_button_set_value (self->suicide_spin, mcase->prevent_suicide);
  gtk_spin_button_set_value (self->criminal_spin, mcase->prevent_criminal);
  gtk_spin_button_set_value (self->petition_spin, mcase->prevent_petition);
  gtk_spin_button_set_value (self->fight_spin, mcase->prevent_fight);
  desk_form_drop_down_set_id (self->retention_dropdown, 0);
  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    if (g_strcmp0 (mcase->retention, retentions[i]) == 0)
      desk_form_drop_down_set_id (self->retention_dropdown, i + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->filed_entry),
                         mcase->filed_on ? mcase->filed_on : "");
  self->loading--;

  fill_mediators (self);
  update_party_count (self);
  update_flow (self);
}

/* Callbacks */

static void
field_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  set_modified (self, TRUE);
}

static void
accepted_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_accepted (self, FALSE, NULL);
  if (gtk_widget_get_visible (self->closed_error))
    desk_case_editor_check_closed (self, FALSE, NULL);
  set_modified (self, TRUE);
}

/* Leaving 受理日期 settles it: the mediators serving that day are offered. */
static void
accepted_settled (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_accepted (self, TRUE, NULL);
  fill_mediators (self);
}

static void
accepted_activated (DeskCaseEditor *self)
{
  accepted_settled (self);
  if (!gtk_widget_get_visible (self->accepted_error))
    focus_next (self, GTK_WIDGET (self->accepted_entry));
}

static void
closed_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_closed (self, FALSE, NULL);
  if (gtk_widget_get_visible (self->confirmed_error))
    desk_case_editor_check_confirmed (self, FALSE, NULL);
  if (gtk_widget_get_visible (self->filed_error))
    desk_case_editor_check_filed (self, FALSE, NULL);
  update_flow (self);
  set_modified (self, TRUE);
}

static void
closed_activated (DeskCaseEditor *self)
{
  if (desk_case_editor_check_closed (self, TRUE, NULL))
    focus_next (self, GTK_WIDGET (self->closed_entry));
}

static void
confirmed_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_confirmed (self, FALSE, NULL);
  set_modified (self, TRUE);
}

static void
confirmed_activated (DeskCaseEditor *self)
{
  if (desk_case_editor_check_confirmed (self, TRUE, NULL))
    focus_next (self, GTK_WIDGET (self->confirmed_entry));
}

static void
filed_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_filed (self, FALSE, NULL);
  set_modified (self, TRUE);
}

static void
filed_activated (DeskCaseEditor *self)
{
  if (desk_case_editor_check_filed (self, TRUE, NULL))
    focus_next (self, GTK_WIDGET (self->filed_entry));
}

static void
amount_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  desk_case_editor_check_amount (self, FALSE, NULL);
  set_modified (self, TRUE);
}

static void
amount_activated (DeskCaseEditor *self)
{
  if (desk_case_editor_check_amount (self, TRUE, NULL))
    focus_next (self, GTK_WIDGET (self->amount_entry));
}

static void
needed_text_changed (DeskCaseEditor *self,
                     GtkEntry       *entry)
{
  GtkWidget *message = entry == self->manner_entry ? self->manner_error : self->term_error;

  if (self->loading > 0)
    return;
  if (gtk_widget_get_visible (message))
    desk_case_editor_check_entry_text (self, entry, message, FALSE);
  set_modified (self, TRUE);
}

static void
needed_text_activated (DeskCaseEditor *self,
                       GtkEntry       *entry)
{
  GtkWidget *message = entry == self->manner_entry ? self->manner_error : self->term_error;

  if (desk_case_editor_check_entry_text (self, entry, message, TRUE))
    focus_next (self, GTK_WIDGET (entry));
}

static void
date_left (GtkEventControllerFocus *controller,
           DeskCaseEditor          *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->loading > 0 || self->closing)
    return;
  if (entry == GTK_WIDGET (self->accepted_entry))
    accepted_settled (self);
  else if (entry == GTK_WIDGET (self->closed_entry))
    desk_case_editor_check_closed (self, TRUE, NULL);
  else if (entry == GTK_WIDGET (self->confirmed_entry))
    desk_case_editor_check_confirmed (self, TRUE, NULL);
  else if (entry == GTK_WIDGET (self->filed_entry))
    desk_case_editor_check_filed (self, TRUE, NULL);
  else if (entry == GTK_WIDGET (self->amount_entry))
    desk_case_editor_check_amount (self, TRUE, NULL);
}

static void
spin_activated (GtkEditable    *text,
                DeskCaseEditor *self)
{
  GtkWidget *spin = gtk_widget_get_ancestor (GTK_WIDGET (text), GTK_TYPE_SPIN_BUTTON);

  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  focus_next (self, spin);
}

static void
party_count_changed (DeskCaseEditor *self)
{
  int count = gtk_spin_button_get_value_as_int (self->party_count_spin);

  if (self->loading > 0)
    return;
  /* The number of the list again: it follows the list again. */
  self->party_count_manual = count != (int) desk_party_list_get_n_parties (self->party_list);
  update_party_count (self);
  set_modified (self, TRUE);
}

static void
parties_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  update_party_count (self);
  update_flow (self);
  set_modified (self, TRUE);
}

static void
parties_done (DeskCaseEditor *self)
{
  focus_next (self, GTK_WIDGET (self->party_list));
}

static void
summary_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  if (gtk_widget_get_visible (self->summary_error))
    {
      g_autofree char *text = desk_form_text_view_text (self->summary_view);

      if (*text != '\0')
        desk_form_set_error (self->summary_view_scroll, self->summary_error, NULL);
    }
  set_modified (self, TRUE);
}

static void
content_changed (DeskCaseEditor *self)
{
  if (self->loading > 0)
    return;
  if (gtk_widget_get_visible (self->content_error))
    desk_case_editor_check_content (self, FALSE);
  set_modified (self, TRUE);
}

static GtkWidget *
choice_message (DeskCaseEditor *self,
                GtkDropDown    *drop_down)
{
  Slot slots[N_SLOTS];
  guint n = desk_case_editor_get_slots (self, slots);

  for (guint i = 0; i < n; i++)
    if (slots[i].widget == GTK_WIDGET (drop_down))
      return slots[i].message;
  g_assert_not_reached ();
}

static void
choice_changed (DeskCaseEditor *self,
                GParamSpec     *pspec,
                GtkDropDown    *drop_down)
{
  if (self->loading > 0)
    return;
  if (desk_form_drop_down_get_id (drop_down) > 0 || drop_down == self->difficulty_dropdown ||
      drop_down == self->risk_dropdown || drop_down == self->performance_dropdown ||
      drop_down == self->retention_dropdown)
    desk_form_set_error (GTK_WIDGET (drop_down), choice_message (self, drop_down), NULL);
  if (drop_down == self->committee_dropdown)
    fill_mediators (self);
  if (drop_down == self->status_dropdown)
    {
      update_flow (self);
      if (gtk_widget_get_visible (self->closed_error))
        desk_case_editor_check_closed (self, FALSE, NULL);
      if (gtk_widget_get_visible (self->filed_error))
        desk_case_editor_check_filed (self, FALSE, NULL);
    }
  if (drop_down == self->registrar_dropdown)
    update_flow (self);
  set_modified (self, TRUE);
}

static void
choice_picked (GtkDropDown *drop_down,
               gpointer     user_data)
{
  focus_next (DESK_CASE_EDITOR (user_data), GTK_WIDGET (drop_down));
}

static void
visits_changed (DeskCaseEditor *self)
{
  if (gtk_widget_get_visible (self->closed_error))
    desk_case_editor_check_closed (self, FALSE, NULL);
  if (gtk_widget_get_visible (self->status_error) &&
      desk_visit_list_get_n_visits (self->visit_list) == 0)
    desk_form_set_error (GTK_WIDGET (self->status_dropdown), self->status_error, NULL);
  set_modified (self, TRUE);
}

/* The calendar beside a date field. */
static void
calendar_shown (GtkPopover *popover,
                GtkEntry   *entry)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *raw = desk_form_editable_text (GTK_EDITABLE (entry));
  g_autofree char *date = desk_date_parse (raw, 0);
  g_autofree char *today = desk_today ();
  int y, m, d;

  if (!desk_date_to_ymd (date ? date : today, &y, &m, &d))
    return;
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

    if (day != NULL)
      gtk_calendar_select_day (calendar, day);
  }
}

static void
calendar_day_selected (GtkCalendar *calendar,
                       GtkEntry    *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (popover == NULL || !gtk_widget_get_visible (popover))
    return;
  day = gtk_calendar_get_date (calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (entry), date);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
attach_calendar (DeskCaseEditor *self,
                 GtkEntry       *entry,
                 GtkWidget      *button)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkEventController *focus;

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_shown), entry);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected), entry);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (date_left), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static gboolean
close_idle (gpointer user_data)
{
  close_now (DESK_CASE_EDITOR (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has gone: it still runs its response
 * and would outlive the window it stands on. */
static void
close_after_dialog (DeskCaseEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
ask_discard (DeskCaseEditor *self)
{
  desk_form_ask_discard (GTK_WINDOW (self),
                         _("What was typed into this mediation "
                           "case has not been saved."),
                         G_CALLBACK (close_after_dialog));
}

static void
delete_response (DeskCaseEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record == NULL)
    return;
  id = self->record->id;
  if (!desk_case_delete (self->store, id, &error))
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  close_after_dialog (self);
}

/* The case as the form holds it; only what the status allows is taken
 * (what was typed into a hidden block stays in the form, unsaved). */
static DeskCase *
form_case (DeskCaseEditor *self)
{
  DeskCase *c = self->record ? desk_case_copy (self->record) : desk_case_new ();
  DeskCaseStatus status = desk_case_editor_status (self);
  gint64 form = desk_form_drop_down_get_id (self->form_dropdown);
  gint64 retention = desk_form_drop_down_get_id (self->retention_dropdown);

  if (self->record == NULL)
    c->consultation_id = self->consultation_id;
  c->committee_id = desk_form_drop_down_get_id (self->committee_dropdown);
  g_free (c->accepted_on);
  desk_case_editor_check_accepted (self, TRUE, &c->accepted_on);
  c->registrar_id = desk_form_drop_down_get_id (self->registrar_dropdown);
  c->source_id = desk_form_drop_down_get_id (self->source_dropdown);
  c->dispute_type_id = desk_form_drop_down_get_id (self->dispute_dropdown);
  c->difficulty_id = desk_form_drop_down_get_id (self->difficulty_dropdown);
  c->risk_id = desk_form_drop_down_get_id (self->risk_dropdown);
  c->party_count_manual = self->party_count_manual;
  c->party_count = gtk_spin_button_get_value_as_int (self->party_count_spin);
  g_free (c->summary);
  c->summary = desk_form_text_view_text (self->summary_view);
  g_free (c->request);
  c->request = desk_form_text_view_text (self->request_view);
  g_array_set_size (c->mediator_ids, 0);
  g_array_append_vals (c->mediator_ids, self->mediator_ids->data, self->mediator_ids->len);

  c->status = status;
  g_clear_pointer (&c->closed_on, g_free);
  desk_case_editor_check_closed (self, TRUE, &c->closed_on);
  g_clear_pointer (&c->agreement_form, g_free);
  g_clear_pointer (&c->agreement_content, g_free);
  g_clear_pointer (&c->performance_manner, g_free);
  g_clear_pointer (&c->performance_term, g_free);
  g_clear_pointer (&c->confirmed_on, g_free);
  c->agreement_amount = DESK_CASE_NO_AMOUNT;
  c->performance_id = 0;
  if (status == DESK_CASE_SUCCEEDED)
    {
      c->agreement_form = form > 0 ? g_strdup (agreement_forms[form - 1]) : NULL;
      c->agreement_content = desk_form_text_view_text (self->content_view);
      desk_case_editor_check_amount (self, TRUE, &c->agreement_amount);
      c->performance_manner = desk_form_editable_text (GTK_EDITABLE (self->manner_entry));
      c->performance_term = desk_form_editable_text (GTK_EDITABLE (self->term_entry));
      c->performance_id = desk_form_drop_down_get_id (self->performance_dropdown);
      desk_case_editor_check_confirmed (self, TRUE, &c->confirmed_on);
    }
  c->prevent_suicide = gtk_spin_button_get_value_as_int (self->suicide_spin);
  c->prevent_criminal = gtk_spin_button_get_value_as_int (self->criminal_spin);
  c->prevent_petition = gtk_spin_button_get_value_as_int (self->petition_spin);
  c->prevent_fight = gtk_spin_button_get_value_as_int (self->fight_spin);
  g_free (c->retention);
  c->retention = retention > 0 ? g_strdup (retentions[retention - 1]) : NULL;
  g_clear_pointer (&c->filed_on, g_free);
  desk_case_editor_check_filed (self, TRUE, &c->filed_on);
  return c;
}

/* Actions */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (widget);
  g_autoptr(DeskCase) c = NULL;
  g_autoptr(DeskCase) saved = NULL;
  g_autoptr(GArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;
  gboolean created;

  if (self->store == NULL)
    return;
  show_message (self, NULL);
  /* Every spin button's typing counts, even before Enter. */
  gtk_spin_button_update (self->party_count_spin);
  gtk_spin_button_update (self->suicide_spin);
  gtk_spin_button_update (self->criminal_spin);
  gtk_spin_button_update (self->petition_spin);
  gtk_spin_button_update (self->fight_spin);
  wrong = desk_case_editor_check_all (self);
  if (wrong != NULL)
    {
      show_message (self, _("Some fields need correcting: see the messages in red beside "
                            "them."));
      focus_field (self, wrong);
      return;
    }

  self->loading++;
  c = form_case (self);
  self->loading--;
  created = self->record == NULL;

  /* The new people, the case and its visits are written together or not
   * at all. */
  if (!desk_store_begin (self->store, &error))
    goto failed;
  parties = desk_party_list_save (self->party_list, &error);
  if (parties == NULL)
    {
      desk_store_rollback (self->store);
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->party_list));
      return;
    }
  g_array_set_size (c->parties, 0);
  g_array_append_vals (c->parties, parties->data, parties->len);
  if (!desk_visit_list_save_removals (self->visit_list, &error) ||
      (created ? desk_case_create (self->store, c, DESK_CASE_WRITE_DEFAULT, &error) == 0
               : !desk_case_update (self->store, c, DESK_CASE_WRITE_DEFAULT, &error)) ||
      (c->status == DESK_CASE_SUCCEEDED &&
       !desk_visit_list_save (self->visit_list, c->id, &error)) ||
      !desk_store_commit (self->store, &error))
    {
      if (desk_store_in_transaction (self->store))
        desk_store_rollback (self->store);
      goto failed;
    }

  saved = desk_case_get (self->store, c->id, NULL);
  g_clear_pointer (&self->record, desk_case_free);
  self->record = saved ? g_steal_pointer (&saved) : g_steal_pointer (&c);
  remember (self, LAST_COMMITTEE_KEY, self->record->committee_id);
  if (self->record->registrar_id > 0)
    remember (self, LAST_REGISTRAR_KEY, self->record->registrar_id);
  self->loading++;
  desk_party_list_set_saved (self->party_list, self->record->parties);
  desk_visit_list_load (self->visit_list, self->record->id, NULL);
  fill_statuses (self, self->record->status);
  self->loading--;
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
  g_signal_emit (self, signals[SAVED], 0, self->record->id, created);
  close_now (self);
  return;

failed:
  {
    GtkWidget *field = desk_case_editor_show_field_error (self, error);

    show_message (self, error->message);
    if (field != NULL)
      focus_field (self, field);
  }
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (widget);

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
  DeskCaseEditor *self = DESK_CASE_EDITOR (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->record == NULL)
    return;
  heading = g_strdup_printf (_("Delete Mediation Case %s?"), self->record->number);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("It and its follow-up visits will no "
                                                         "longer count anywhere. Its number is "
                                                         "not given again.")));
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
add_party_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_party_list_add_blank (DESK_CASE_EDITOR (widget)->party_list);
}

static void
add_visit_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  desk_visit_list_add (DESK_CASE_EDITOR (widget)->visit_list);
}

/* GObject */

static gboolean
desk_case_editor_close_request (GtkWindow *window)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (window);

  if (self->modified && !self->closing)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (desk_case_editor_parent_class)->close_request (window);
}

static void
desk_case_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_int64 (value, desk_case_editor_get_case_id (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_case_editor_dispose (GObject *object)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  self->closing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CASE_EDITOR);
  g_clear_object (&self->label_group);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_case_editor_parent_class)->dispose (object);
}

static void
desk_case_editor_finalize (GObject *object)
{
  DeskCaseEditor *self = DESK_CASE_EDITOR (object);

  g_clear_pointer (&self->record, desk_case_free);
  g_array_unref (self->mediator_ids);
  G_OBJECT_CLASS (desk_case_editor_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskCaseEditor, name)

static void
desk_case_editor_class_init (DeskCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = desk_case_editor_get_property;
  object_class->dispose = desk_case_editor_dispose;
  object_class->finalize = desk_case_editor_finalize;
  window_class->close_request = desk_case_editor_close_request;

  /**
   * DeskCaseEditor:case-id:
   *
   * The case shown; 0 until a new one is saved.
   */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskCaseEditor:modified:
   *
   * Whether something was typed since the form was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskCaseEditor::saved:
   * @id: the case
   * @created: whether it was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * DeskCaseEditor::deleted:
   * @id: the case
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DESK_TYPE_PARTY_LIST);
  g_type_ensure (DESK_TYPE_VISIT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-case-editor.ui");
  BIND (window_title);
  BIND (save_button);
  BIND (delete_button);
  BIND (scroller);
  BIND (message_label);
  BIND (missing_label);
  BIND (number_label);
  BIND (committee_dropdown);
  BIND (committee_error);
  BIND (accepted_entry);
  BIND (accepted_entry_calendar);
  BIND (accepted_error);
  BIND (registrar_dropdown);
  BIND (registrar_error);
  BIND (mediators_grid);
  BIND (mediators_hint);
  BIND (mediators_error);
  BIND (source_dropdown);
  BIND (source_error);
  BIND (dispute_dropdown);
  BIND (dispute_error);
  BIND (difficulty_dropdown);
  BIND (difficulty_error);
  BIND (risk_dropdown);
  BIND (risk_error);
  BIND (party_list);
  BIND (party_count_spin);
  BIND (party_count_hint);
  BIND (party_count_error);
  BIND (summary_view);
  BIND (summary_view_scroll);
  BIND (summary_error);
  BIND (request_view);
  BIND (request_view_scroll);
  BIND (request_error);
  BIND (status_dropdown);
  BIND (status_hint);
  BIND (status_error);
  BIND (closed_label);
  BIND (closed_entry);
  BIND (closed_entry_calendar);
  BIND (closed_error);
  BIND (agreement_box);
  BIND (form_dropdown);
  BIND (form_error);
  BIND (content_view);
  BIND (content_view_scroll);
  BIND (content_error);
  BIND (amount_entry);
  BIND (amount_error);
  BIND (manner_entry);
  BIND (manner_error);
  BIND (term_entry);
  BIND (term_error);
  BIND (performance_dropdown);
  BIND (performance_error);
  BIND (confirmed_entry);
  BIND (confirmed_entry_calendar);
  BIND (confirmed_error);
  BIND (suicide_spin);
  BIND (criminal_spin);
  BIND (petition_spin);
  BIND (fight_spin);
  BIND (prevent_error);
  BIND (retention_dropdown);
  BIND (retention_error);
  BIND (filed_entry);
  BIND (filed_entry_calendar);
  BIND (filed_error);
  BIND (visits_box);
  BIND (visit_list);
  BIND (number_title);
  BIND (committee_label);
  BIND (mediators_label);
  BIND (source_label);
  BIND (risk_label);
  BIND (parties_label);
  BIND (party_count_label);
  BIND (summary_label);
  BIND (request_label);
  BIND (status_label);
  BIND (form_label);
  BIND (content_label);
  BIND (amount_label);
  BIND (performance_label);
  BIND (retention_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-party", NULL,
                                   add_party_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-visit", NULL,
                                   add_visit_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

#undef BIND

/* Ctrl+Enter saves from anywhere in the form, and Ctrl+Shift+N adds a
 * party: a text view or an entry would take the keys first, so they are
 * caught on the way down. */
static void
add_capture_keys (DeskCaseEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save" },
    { GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "editor.save" },
    { GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.add-party" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].key, keys[i].mods);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_named_action_new (keys[i].action)));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
watch_choice (DeskCaseEditor *self,
              GtkDropDown    *drop_down)
{
  desk_form_drop_down_init (drop_down, choice_picked, self);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (choice_changed), self);
}

static void
watch_spin (DeskCaseEditor *self,
            GtkSpinButton  *spin,
            GCallback       changed)
{
  /* GtkSpinButton has no "activate" of its own in GTK 4.8: its text has. */
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                    G_CALLBACK (spin_activated), self);
  g_signal_connect_swapped (spin, "value-changed", changed, self);
}

static void
watch_entry (DeskCaseEditor *self,
             GtkEntry       *entry,
             GCallback       changed,
             GCallback       activated)
{
  g_signal_connect_swapped (entry, "changed", changed, self);
  g_signal_connect_swapped (entry, "activate", activated, self);
}

/* The sections are grids of their own; their first columns line up. */
static void
line_up_labels (DeskCaseEditor *self)
{
  GtkWidget *first_column[] = {
    self->number_title, self->committee_label, self->mediators_label, self->source_label,
    self->risk_label, self->parties_label, self->party_count_label, self->summary_label,
    self->request_label, self->status_label, self->form_label, self->content_label,
    self->amount_label, self->performance_label, self->retention_label,
  };

  self->label_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint i = 0; i < G_N_ELEMENTS (first_column); i++)
    gtk_size_group_add_widget (self->label_group, first_column[i]);
}

static void
desk_case_editor_init (DeskCaseEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->mediator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  line_up_labels (self);

  watch_choice (self, self->committee_dropdown);
  watch_choice (self, self->registrar_dropdown);
  watch_choice (self, self->source_dropdown);
  watch_choice (self, self->dispute_dropdown);
  watch_choice (self, self->difficulty_dropdown);
  watch_choice (self, self->risk_dropdown);
  watch_choice (self, self->status_dropdown);
  watch_choice (self, self->form_dropdown);
  watch_choice (self, self->performance_dropdown);
  watch_choice (self, self->retention_dropdown);

  watch_entry (self, self->accepted_entry, G_CALLBACK (accepted_changed),
               G_CALLBACK (accepted_activated));
  watch_entry (self, self->closed_entry, G_CALLBACK (closed_changed),
               G_CALLBACK (closed_activated));
  watch_entry (self, self->confirmed_entry, G_CALLBACK (confirmed_changed),
               G_CALLBACK (confirmed_activated));
  watch_entry (self, self->filed_entry, G_CALLBACK (filed_changed),
               G_CALLBACK (filed_activated));
  watch_entry (self, self->amount_entry, G_CALLBACK (amount_changed),
               G_CALLBACK (amount_activated));
  g_signal_connect_swapped (self->manner_entry, "changed", G_CALLBACK (needed_text_changed),
                            self);
  g_signal_connect_swapped (self->manner_entry, "activate",
                            G_CALLBACK (needed_text_activated), self);
  g_signal_connect_swapped (self->term_entry, "changed", G_CALLBACK (needed_text_changed),
                            self);
  g_signal_connect_swapped (self->term_entry, "activate",
                            G_CALLBACK (needed_text_activated), self);
  attach_calendar (self, self->accepted_entry, self->accepted_entry_calendar);
  attach_calendar (self, self->closed_entry, self->closed_entry_calendar);
  attach_calendar (self, self->confirmed_entry, self->confirmed_entry_calendar);
  attach_calendar (self, self->filed_entry, self->filed_entry_calendar);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (date_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->amount_entry), focus);

  watch_spin (self, self->party_count_spin, G_CALLBACK (party_count_changed));
  watch_spin (self, self->suicide_spin, G_CALLBACK (field_changed));
  watch_spin (self, self->criminal_spin, G_CALLBACK (field_changed));
  watch_spin (self, self->petition_spin, G_CALLBACK (field_changed));
  watch_spin (self, self->fight_spin, G_CALLBACK (field_changed));

  g_signal_connect_swapped (self->party_list, "changed", G_CALLBACK (parties_changed), self);
  g_signal_connect_swapped (self->party_list, "done", G_CALLBACK (parties_done), self);
  g_signal_connect_swapped (self->visit_list, "changed", G_CALLBACK (visits_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (summary_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->request_view), "changed",
                            G_CALLBACK (field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (content_changed), self);

  add_capture_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
}

/* Public API */

/**
 * desk_case_editor_new:
 * @parent: the main window, which the editor stays above
 *
 * Returns: (transfer none): a form for a new case, not shown yet;
 *   desk_case_editor_load() turns it to an existing one.
 */
DeskCaseEditor *
desk_case_editor_new (GtkWindow *parent,
                      DeskStore *store)
{
  DeskCaseEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CASE_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);

  self->loading++;
  desk_party_list_set_store (self->party_list, store);
  desk_visit_list_set_store (self->visit_list, store);
  fill_choices (self);
  self->loading--;
  fill_defaults (self);
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->committee_dropdown));
  return self;
}

/**
 * desk_case_editor_new_from_consultation:
 *
 * A form for the case a consultation led to (引导人民调解): its visitor is
 * the 申请人, its content the 纠纷简要情况, and the two records are linked
 * when the case is saved.
 *
 * Returns: (transfer none) (nullable): the form, not shown yet, or %NULL
 *   with @error when the consultation is gone
 */
DeskCaseEditor *
desk_case_editor_new_from_consultation (GtkWindow  *parent,
                                        DeskStore  *store,
                                        gint64      consultation_id,
                                        GError    **error)
{
  g_autoptr(DeskCase) prefill = NULL;
  DeskCaseEditor *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  prefill = desk_case_new_from_consultation (store, consultation_id, error);
  if (prefill == NULL)
    return NULL;
  self = desk_case_editor_new (parent, store);
  self->consultation_id = consultation_id;
  show_case (self, prefill);
  update_title (self);
  /* Carried over, not typed: closing at once asks nothing. */
  set_modified (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->committee_dropdown));
  return self;
}

/**
 * desk_case_editor_load:
 *
 * Shows the case @id for editing.
 *
 * Returns: %FALSE with @error when there is no such case (or it was
 *   deleted).
 */
gboolean
desk_case_editor_load (DeskCaseEditor  *self,
                       gint64           id,
                       GError         **error)
{
  g_autoptr(DeskCase) record = NULL;

  g_return_val_if_fail (DESK_IS_CASE_EDITOR (self), FALSE);

  record = desk_case_get (self->store, id, error);
  if (record == NULL)
    return FALSE;
  if (!desk_visit_list_load (self->visit_list, id, error))
    return FALSE;

  g_clear_pointer (&self->record, desk_case_free);
  self->record = desk_case_copy (record);
  self->consultation_id = 0;
  show_case (self, record);
  desk_case_editor_show_missing (self, record);
  set_modified (self, FALSE);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
  gtk_widget_grab_focus (GTK_WIDGET (self->accepted_entry));
  return TRUE;
}

gint64
desk_case_editor_get_case_id (DeskCaseEditor *self)
{
  g_return_val_if_fail (DESK_IS_CASE_EDITOR (self), 0);
  return self->record ? self->record->id : 0;
}

/**
 * desk_case_editor_get_number:
 *
 * Returns: (nullable): the case's number (案号), or %NULL before it is
 *   saved.
 */
const char *
desk_case_editor_get_number (DeskCaseEditor *self)
{
  g_return_val_if_fail (DESK_IS_CASE_EDITOR (self), NULL);
  return self->record ? self->record->number : NULL;
}

gboolean
desk_case_editor_get_modified (DeskCaseEditor *self)
{
  g_return_val_if_fail (DESK_IS_CASE_EDITOR (self), FALSE);
  return self->modified;
}
