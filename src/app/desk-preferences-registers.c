/* desk-preferences-registers.c — the villages, the committees with their
 * mediators, and the staff, in the preferences window.
 *
 * Each entry is a row; activating it edits it in a small form, and its menu
 * retires, restores or deletes it.  A village, committee or mediator that
 * records use cannot be deleted: the core refuses with its reason, and the
 * refusal offers to retire the entry instead (an active-until date), so
 * that past months keep their figures.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-preferences-window-private.h"
#include "desk-register.h"

typedef enum
{
  ENTRY_VILLAGE,
  ENTRY_COMMITTEE,
  ENTRY_MEDIATOR,
  ENTRY_STAFF,
} EntryKind;

/* What a form or a dialog's response acts on. */
typedef struct
{
  DeskPreferencesWindow *self;
  EntryKind              kind;
  gint64                 id;
} EntryRef;

static EntryRef *
entry_ref_new (DeskPreferencesWindow *self,
               EntryKind              kind,
               gint64                 id)
{
  EntryRef *ref = g_new0 (EntryRef, 1);

  ref->self = self;
  ref->kind = kind;
  ref->id = id;
  return ref;
}

static const char *const village_kinds[] = { "村", "社区", NULL };
static const char *const staff_roles[] = { DESK_STAFF_ROLE_HEAD, DESK_STAFF_ROLE_CLERK, NULL };
/* 专职 and 兼职 are the forms' own words: data, not translated. */
static const char *const mediator_terms[] = { "专职", "兼职", NULL };

static const char *
dates_note (void)
{
  return _("Dates may be written 2026-11-22, 20261122 or 11-22; leave them empty for always.");
}

static void
append_lifecycle_items (GMenu      *menu,
                        const char *prefix,
                        gint64      id,
                        const char *active_until)
{
  g_autofree char *retire = g_strconcat ("prefs.", prefix, "-retire", NULL);
  g_autofree char *restore = g_strconcat ("prefs.", prefix, "-restore", NULL);
  g_autofree char *delete = g_strconcat ("prefs.", prefix, "-delete", NULL);

  if (active_until != NULL)
    desk_preferences_window_menu_append (menu, _("_Change the Retirement Date…"), retire, id);
  else
    desk_preferences_window_menu_append (menu, _("_Retire…"), retire, id);
  if (active_until != NULL)
    desk_preferences_window_menu_append (menu, _("Make _Active Again"), restore, id);
  desk_preferences_window_menu_append (menu, _("_Delete…"), delete, id);
}

static void
report_error (DeskPreferencesWindow *self,
              const GError          *error)
{
  desk_preferences_window_toast (self, error->message);
}

static const char *
entry_key (EntryKind kind)
{
  static const char *const keys[] = {
    [ENTRY_VILLAGE] = "desk-village",
    [ENTRY_COMMITTEE] = "desk-committee",
    [ENTRY_MEDIATOR] = "desk-mediator",
    [ENTRY_STAFF] = "desk-staff",
  };

  return keys[kind];
}

/* After a write: the lists again, the focus on entry @id (0: none). */
static void
written (DeskPreferencesWindow *self,
         EntryKind              kind,
         gint64                 id)
{
  desk_preferences_registers_refresh (self);
  desk_preferences_window_focus_entry (self, entry_key (kind), id);
  desk_preferences_window_changed (self);
}

/* ------------------------------------------------------------------ */
/* Villages                                                            */

static void
refresh_villages (DeskPreferencesWindow *self)
{
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;

  desk_preferences_window_clear_rows (self->villages_group, self->village_rows);
  villages = desk_village_list (self->store, NULL, &error);
  if (villages == NULL)
    {
      report_error (self, error);
      return;
    }
  if (villages->len == 0)
    {
      GtkWidget *row = desk_preferences_placeholder_new (_("No villages or communities yet"));

      adw_preferences_group_add (self->villages_group, row);
      g_ptr_array_add (self->village_rows, row);
    }

  for (guint i = 0; i < villages->len; i++)
    {
      DeskVillage *v = g_ptr_array_index (villages, i);
      g_autofree char *code = v->area_code ? g_strdup_printf (_("area code %s"), v->area_code)
                                           : NULL;
      g_autofree char *dates = desk_preferences_window_dates_text (v->active_from,
                                                                   v->active_until);
      g_autofree char *subtitle = DESK_PREFERENCES_JOIN (v->kind, code, dates);
      g_autoptr(GMenu) menu = g_menu_new ();
      GtkWidget *row = desk_preferences_row_new (v->name, subtitle);

      desk_preferences_row_set_action (row, "prefs.village-edit", g_variant_new_int64 (v->id));
      desk_preferences_row_set_entry (row, entry_key (ENTRY_VILLAGE), v->id);
      if (desk_preferences_window_is_retired (v->active_until))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_preferences_retired_tag_new ());
      desk_preferences_window_menu_append (menu, _("_Edit…"), "prefs.village-edit", v->id);
      append_lifecycle_items (menu, "village", v->id, v->active_until);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 desk_preferences_window_menu_button (G_MENU_MODEL (menu),
                                                                      _("More")));
      adw_preferences_group_add (self->villages_group, row);
      g_ptr_array_add (self->village_rows, row);
    }
}

static gboolean
village_save (DeskPreferencesDialog  *dialog,
              gpointer                user_data,
              GError                **error)
{
  EntryRef *ref = user_data;
  DeskStore *store = ref->self->store;
  g_autoptr(DeskVillage) village = NULL;

  village = ref->id > 0 ? desk_village_get (store, ref->id, error) : desk_village_new ();
  if (village == NULL)
    return FALSE;
  g_free (village->name);
  village->name = desk_preferences_dialog_dup_text (dialog, C_("village", "Name"));
  g_free (village->kind);
  village->kind = g_strdup (village_kinds[desk_preferences_dialog_get_selected
                                          (dialog, C_("village", "Kind")) ? 1 : 0]);
  g_free (village->area_code);
  village->area_code = desk_preferences_dialog_dup_text (dialog, C_("village", "Area code"));
  g_free (village->active_from);
  village->active_from = desk_preferences_dialog_dup_text (dialog,
                                                           C_("village", "Active from"));
  g_free (village->active_until);
  village->active_until = desk_preferences_dialog_dup_text (dialog,
                                                            C_("village", "Active until"));

  if (ref->id > 0 ? !desk_village_update (store, village, error)
                  : desk_village_create (store, village, error) == 0)
    return FALSE;
  written (ref->self, ENTRY_VILLAGE, village->id);
  return TRUE;
}

static void
open_village_form (DeskPreferencesWindow *self,
                   gint64                 id)
{
  g_autoptr(DeskVillage) village = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeskPreferencesDialog *dialog;

  village = id > 0 ? desk_village_get (self->store, id, &error) : desk_village_new ();
  if (village == NULL)
    {
      report_error (self, error);
      return;
    }
  title = id > 0 ? g_strdup_printf (_("Edit “%s”"), village->name)
                 : g_strdup (_("Add a Village or Community"));
  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), title,
                                        id > 0 ? _("_Save") : _("_Add"));
  desk_preferences_dialog_add_entry (dialog, C_("village", "Name"), village->name);
  desk_preferences_dialog_add_choice (dialog, C_("village", "Kind"), village_kinds,
                                      g_strcmp0 (village->kind, "社区") == 0 ? 1 : 0);
  desk_preferences_dialog_add_entry (dialog, C_("village", "Area code"), village->area_code);
  desk_preferences_dialog_add_entry (dialog, C_("village", "Active from"),
                                     village->active_from);
  desk_preferences_dialog_add_entry (dialog, C_("village", "Active until"),
                                     village->active_until);
  desk_preferences_dialog_set_note (dialog, dates_note ());
  desk_preferences_dialog_set_save_func (dialog, village_save,
                                         entry_ref_new (self, ENTRY_VILLAGE, id), g_free);
  desk_preferences_dialog_present (dialog);
}

static void
village_add_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_village_form (DESK_PREFERENCES_WINDOW (widget), 0);
}

static void
village_edit_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_village_form (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* ------------------------------------------------------------------ */
/* Retiring, restoring and deleting villages, committees, mediators    */

static const char *
until_field (EntryKind kind)
{
  switch (kind)
    {
    case ENTRY_VILLAGE:
      return C_("village", "Active until");
    case ENTRY_COMMITTEE:
      return C_("committee", "Active until");
    case ENTRY_MEDIATOR:
    default:
      return C_("mediator", "Active until");
    }
}

/* The entry's name and last active day; FALSE with @error when it is gone. */
static gboolean
entry_describe (DeskPreferencesWindow  *self,
                EntryKind               kind,
                gint64                  id,
                char                  **name,
                char                  **until,
                GError                **error)
{
  switch (kind)
    {
    case ENTRY_VILLAGE:
      {
        g_autoptr(DeskVillage) v = desk_village_get (self->store, id, error);

        if (v == NULL)
          return FALSE;
        *name = g_steal_pointer (&v->name);
        *until = g_steal_pointer (&v->active_until);
        return TRUE;
      }
    case ENTRY_COMMITTEE:
      {
        g_autoptr(DeskCommittee) c = desk_committee_get (self->store, id, error);

        if (c == NULL)
          return FALSE;
        *name = g_steal_pointer (&c->name);
        *until = g_steal_pointer (&c->active_until);
        return TRUE;
      }
    case ENTRY_MEDIATOR:
    default:
      {
        g_autoptr(DeskMediator) m = desk_mediator_get (self->store, id, error);

        if (m == NULL)
          return FALSE;
        *name = g_steal_pointer (&m->name);
        *until = g_steal_pointer (&m->active_until);
        return TRUE;
      }
    }
}

static gboolean
entry_retire (DeskPreferencesWindow  *self,
              EntryKind               kind,
              gint64                  id,
              const char             *until,
              GError                **error)
{
  switch (kind)
    {
    case ENTRY_VILLAGE:
      return desk_village_retire (self->store, id, until, error);
    case ENTRY_COMMITTEE:
      return desk_committee_retire (self->store, id, until, error);
    case ENTRY_MEDIATOR:
    default:
      return desk_mediator_retire (self->store, id, until, error);
    }
}

static gboolean
entry_delete (DeskPreferencesWindow  *self,
              EntryKind               kind,
              gint64                  id,
              GError                **error)
{
  switch (kind)
    {
    case ENTRY_VILLAGE:
      return desk_village_delete (self->store, id, error);
    case ENTRY_COMMITTEE:
      return desk_committee_delete (self->store, id, error);
    case ENTRY_MEDIATOR:
    default:
      return desk_mediator_delete (self->store, id, error);
    }
}

static gboolean
retire_save (DeskPreferencesDialog  *dialog,
             gpointer                user_data,
             GError                **error)
{
  EntryRef *ref = user_data;
  const char *field = until_field (ref->kind);
  g_autofree char *until = desk_preferences_dialog_dup_text (dialog, field);
  g_autofree char *date = NULL;

  /* Empty would mean "always": that is Make Active Again, not Retire. */
  if (*g_strstrip (until) == '\0')
    {
      desk_preferences_dialog_set_error (dialog, field,
                                         _("enter the last day it is active, e.g. 2026-12-31"));
      return FALSE;
    }
  /* Checked here: the core's message would offer to leave it empty. */
  date = desk_date_parse (until, 0);
  if (date == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as "
                                                    "2026-10-01"), until);

      desk_preferences_dialog_set_error (dialog, field, message);
      return FALSE;
    }
  if (!entry_retire (ref->self, ref->kind, ref->id, date, error))
    return FALSE;
  written (ref->self, ref->kind, ref->id);
  return TRUE;
}

static void
open_retire_form (DeskPreferencesWindow *self,
                  EntryKind              kind,
                  gint64                 id)
{
  g_autofree char *name = NULL;
  g_autofree char *until = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  DeskPreferencesDialog *dialog;

  if (!entry_describe (self, kind, id, &name, &until, &error))
    {
      report_error (self, error);
      return;
    }
  if (until == NULL)
    until = desk_today ();
  title = g_strdup_printf (_("Retire “%s”"), name);
  description = g_strdup_printf (_("After the day below, “%s” is no longer offered for new "
                                   "records. Records already made and the figures of past "
                                   "months stay as they are."), name);
  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), title, _("_Retire"));
  desk_preferences_dialog_set_description (dialog, description);
  desk_preferences_dialog_add_entry (dialog, until_field (kind), until);
  desk_preferences_dialog_set_note (dialog, _("The last day it is active: 2026-11-22, 20261122 "
                                              "or 11-22."));
  desk_preferences_dialog_set_save_func (dialog, retire_save, entry_ref_new (self, kind, id),
                                         g_free);
  desk_preferences_dialog_present (dialog);
}

static void
restore_entry (DeskPreferencesWindow *self,
               EntryKind              kind,
               gint64                 id)
{
  g_autofree char *name = NULL;
  g_autofree char *until = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!entry_describe (self, kind, id, &name, &until, &error) ||
      !entry_retire (self, kind, id, NULL, &error))
    {
      report_error (self, error);
      return;
    }
  written (self, kind, id);
  message = g_strdup_printf (_("“%s” is active again."), name);
  desk_preferences_window_toast (self, message);
}

static void
refusal_response (AdwMessageDialog *dialog,
                  const char       *response,
                  EntryRef         *ref)
{
  if (g_strcmp0 (response, "retire") == 0)
    open_retire_form (ref->self, ref->kind, ref->id);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 EntryRef         *ref)
{
  DeskPreferencesWindow *self = ref->self;
  g_autofree char *name = NULL;
  g_autofree char *until = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *refusal;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!entry_describe (self, ref->kind, ref->id, &name, &until, &error))
    {
      report_error (self, error);
      return;
    }
  if (entry_delete (self, ref->kind, ref->id, &error))
    {
      written (self, ref->kind, 0);
      message = g_strdup_printf (_("“%s” was deleted."), name);
      desk_preferences_window_toast (self, message);
      return;
    }
  if (!g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_IN_USE))
    {
      report_error (self, error);
      return;
    }

  /* In use: say why, in the core's words, and offer what to do instead. */
  refusal = desk_preferences_window_message (self, _("Cannot Delete"), error->message);
  adw_message_dialog_add_response (refusal, "retire", _("_Retire…"));
  adw_message_dialog_set_response_appearance (refusal, "retire", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (refusal, "retire");
  g_signal_connect_data (refusal, "response", G_CALLBACK (refusal_response),
                         entry_ref_new (self, ref->kind, ref->id),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (refusal));
}

static void
confirm_delete (DeskPreferencesWindow *self,
                EntryKind              kind,
                gint64                 id)
{
  g_autofree char *name = NULL;
  g_autofree char *until = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!entry_describe (self, kind, id, &name, &until, &error))
    {
      report_error (self, error);
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = desk_preferences_window_message (self, heading,
                                            _("Delete only what was entered by mistake. "
                                              "What is no longer in use is retired instead, "
                                              "so that past months keep their figures."));
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response),
                         entry_ref_new (self, kind, id),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static EntryKind
kind_of_action (const char *action_name)
{
  if (g_str_has_prefix (action_name, "prefs.village-"))
    return ENTRY_VILLAGE;
  if (g_str_has_prefix (action_name, "prefs.committee-"))
    return ENTRY_COMMITTEE;
  return ENTRY_MEDIATOR;
}

static void
retire_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_retire_form (DESK_PREFERENCES_WINDOW (widget), kind_of_action (action_name),
                    g_variant_get_int64 (parameter));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  restore_entry (DESK_PREFERENCES_WINDOW (widget), kind_of_action (action_name),
                 g_variant_get_int64 (parameter));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  confirm_delete (DESK_PREFERENCES_WINDOW (widget), kind_of_action (action_name),
                  g_variant_get_int64 (parameter));
}

/* ------------------------------------------------------------------ */
/* Committees and their mediators                                      */

static char *
village_name (DeskStore *store,
              gint64     id)
{
  g_autoptr(DeskVillage) village = id > 0 ? desk_village_get (store, id, NULL) : NULL;

  return village ? g_steal_pointer (&village->name) : NULL;
}

static GtkWidget *
make_mediator_row (DeskMediator *m)
{
  g_autofree char *dates = desk_preferences_window_dates_text (m->active_from,
                                                               m->active_until);
  g_autofree char *subtitle = DESK_PREFERENCES_JOIN (desk_sex_label (m->sex),
                                    m->full_time ? "专职" : "兼职", m->phone, dates);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *row = desk_preferences_row_new (m->name, subtitle);

  desk_preferences_row_set_action (row, "prefs.mediator-edit", g_variant_new_int64 (m->id));
  desk_preferences_row_set_entry (row, entry_key (ENTRY_MEDIATOR), m->id);
  if (desk_preferences_window_is_retired (m->active_until))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), desk_preferences_retired_tag_new ());
  desk_preferences_window_menu_append (menu, _("_Edit…"), "prefs.mediator-edit", m->id);
  append_lifecycle_items (menu, "mediator", m->id, m->active_until);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             desk_preferences_window_menu_button (G_MENU_MODEL (menu),
                                                                  _("More")));
  return row;
}

static void
committee_expanded_changed (AdwExpanderRow        *row,
                            GParamSpec            *pspec,
                            DeskPreferencesWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "desk-id"));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static GtkWidget *
make_committee_row (DeskPreferencesWindow *self,
                    DeskCommittee         *c)
{
  g_autoptr(GPtrArray) mediators = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *type = desk_codes_label (self->store, c->type_id);
  g_autofree char *village = village_name (self->store, c->village_id);
  g_autofree char *short_name = g_strdup_printf (_("short name %s"), c->short_name);
  g_autofree char *dates = desk_preferences_window_dates_text (c->active_from,
                                                               c->active_until);
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *add_row;
  guint active = 0, full_time = 0;

  mediators = desk_mediator_list (self->store, c->id, NULL, &error);
  if (mediators == NULL)
    mediators = g_ptr_array_new ();
  /* The count is of those serving now; the retired stay listed. */
  for (guint i = 0; i < mediators->len; i++)
    {
      DeskMediator *m = g_ptr_array_index (mediators, i);

      if (desk_preferences_window_is_retired (m->active_until))
        continue;
      active++;
      full_time += m->full_time ? 1 : 0;
    }
  if (active == 0)
    count = g_strdup (_("no mediators"));
  else if (full_time == 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mediator", "%u mediators",
                                          active), active);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mediator (%u full-time)",
                                          "%u mediators (%u full-time)", active),
                             active, full_time);
  subtitle = DESK_PREFERENCES_JOIN (type, village, short_name, count, dates);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "desk-id", GSIZE_TO_POINTER ((gsize) c->id));
  desk_preferences_row_set_entry (row, entry_key (ENTRY_COMMITTEE), c->id);

  if (desk_preferences_window_is_retired (c->active_until))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), desk_preferences_retired_tag_new ());
  desk_preferences_window_menu_append (menu, _("_Edit…"), "prefs.committee-edit", c->id);
  desk_preferences_window_menu_append (menu, _("Add a _Mediator…"), "prefs.mediator-add",
                                       c->id);
  append_lifecycle_items (menu, "committee", c->id, c->active_until);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               desk_preferences_window_menu_button (G_MENU_MODEL (menu),
                                                                    _("More")));

  for (guint i = 0; i < mediators->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              make_mediator_row (g_ptr_array_index (mediators, i)));
  add_row = desk_preferences_row_new (_("Add a Mediator…"), NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (add_row),
                             gtk_image_new_from_icon_name ("list-add-symbolic"));
  desk_preferences_row_set_action (add_row, "prefs.mediator-add", g_variant_new_int64 (c->id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_row);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, &c->id));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (committee_expanded_changed), self);
  return row;
}

static void
refresh_committees (DeskPreferencesWindow *self)
{
  g_autoptr(GPtrArray) committees = NULL;
  g_autoptr(GError) error = NULL;

  desk_preferences_window_clear_rows (self->committees_group, self->committee_rows);
  committees = desk_committee_list (self->store, NULL, &error);
  if (committees == NULL)
    {
      report_error (self, error);
      return;
    }
  if (committees->len == 0)
    {
      GtkWidget *row = desk_preferences_placeholder_new (_("No committees yet"));

      adw_preferences_group_add (self->committees_group, row);
      g_ptr_array_add (self->committee_rows, row);
    }
  for (guint i = 0; i < committees->len; i++)
    {
      GtkWidget *row = make_committee_row (self, g_ptr_array_index (committees, i));

      adw_preferences_group_add (self->committees_group, row);
      g_ptr_array_add (self->committee_rows, row);
    }
}

/* Choices for a form: labels and the ids behind them, the ids kept on the
 * form under @key.  Retired entries are left out except @current. */
typedef struct
{
  GPtrArray *labels;
  GArray    *ids;
} Choices;

static void
choices_init (Choices *choices)
{
  choices->labels = g_ptr_array_new_with_free_func (g_free);
  choices->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
choices_add (Choices    *choices,
             gint64      id,
             const char *label)
{
  g_ptr_array_add (choices->labels, g_strdup (label));
  g_array_append_val (choices->ids, id);
}

static guint
choices_find (Choices *choices,
              gint64   id)
{
  for (guint i = 0; i < choices->ids->len; i++)
    if (g_array_index (choices->ids, gint64, i) == id)
      return i;
  return 0;
}

/* Adds the choice row and hands the ids to the form. */
static void
choices_attach (Choices               *choices,
                DeskPreferencesDialog *dialog,
                const char            *field,
                gint64                 current)
{
  g_ptr_array_add (choices->labels, NULL);
  desk_preferences_dialog_add_choice (dialog, field,
                                      (const char *const *) choices->labels->pdata,
                                      choices_find (choices, current));
  g_object_set_data_full (G_OBJECT (desk_preferences_dialog_get_row (dialog, field)),
                          "desk-ids", choices->ids, (GDestroyNotify) g_array_unref);
  g_ptr_array_unref (choices->labels);
}

static gint64
chosen_id (DeskPreferencesDialog *dialog,
           const char            *field)
{
  GArray *ids = g_object_get_data (G_OBJECT (desk_preferences_dialog_get_row (dialog, field)),
                                   "desk-ids");
  guint i = desk_preferences_dialog_get_selected (dialog, field);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static gboolean
committee_save (DeskPreferencesDialog  *dialog,
                gpointer                user_data,
                GError                **error)
{
  EntryRef *ref = user_data;
  DeskStore *store = ref->self->store;
  g_autoptr(DeskCommittee) c = NULL;

  c = ref->id > 0 ? desk_committee_get (store, ref->id, error) : desk_committee_new ();
  if (c == NULL)
    return FALSE;
  g_free (c->name);
  c->name = desk_preferences_dialog_dup_text (dialog, C_("committee", "Name"));
  g_free (c->short_name);
  c->short_name = desk_preferences_dialog_dup_text (dialog, C_("committee", "Short name"));
  c->type_id = chosen_id (dialog, C_("committee", "Type"));
  c->village_id = chosen_id (dialog, C_("committee", "Village"));
  g_free (c->active_from);
  c->active_from = desk_preferences_dialog_dup_text (dialog, C_("committee", "Active from"));
  g_free (c->active_until);
  c->active_until = desk_preferences_dialog_dup_text (dialog, C_("committee", "Active until"));

  if (ref->id > 0 ? !desk_committee_update (store, c, error)
                  : desk_committee_create (store, c, error) == 0)
    return FALSE;
  /* A new committee opens, ready for its mediators. */
  g_hash_table_add (ref->self->expanded, g_memdup2 (&c->id, sizeof c->id));
  written (ref->self, ENTRY_COMMITTEE, c->id);
  return TRUE;
}

static void
open_committee_form (DeskPreferencesWindow *self,
                     gint64                 id)
{
  g_autoptr(DeskCommittee) c = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeskPreferencesDialog *dialog;
  Choices type_choices, village_choices;

  c = id > 0 ? desk_committee_get (self->store, id, &error) : desk_committee_new ();
  if (c == NULL)
    {
      report_error (self, error);
      return;
    }

  choices_init (&type_choices);
  types = desk_codes_list (self->store, DESK_CODE_COMMITTEE_TYPE, TRUE);
  for (guint i = 0; i < types->len; i++)
    {
      DeskCode *code = g_ptr_array_index (types, i);

      if (code->active || code->id == c->type_id)
        choices_add (&type_choices, code->id, code->label);
    }

  choices_init (&village_choices);
  choices_add (&village_choices, 0, _("None"));
  villages = desk_village_list (self->store, NULL, NULL);
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *v = g_ptr_array_index (villages, i);

      if (!desk_preferences_window_is_retired (v->active_until) || v->id == c->village_id)
        choices_add (&village_choices, v->id, v->name);
    }

  title = id > 0 ? g_strdup_printf (_("Edit “%s”"), c->name)
                 : g_strdup (_("Add a Mediation Committee"));
  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), title,
                                        id > 0 ? _("_Save") : _("_Add"));
  desk_preferences_dialog_add_entry (dialog, C_("committee", "Name"), c->name);
  desk_preferences_dialog_add_entry (dialog, C_("committee", "Short name"), c->short_name);
  choices_attach (&type_choices, dialog, C_("committee", "Type"), c->type_id);
  choices_attach (&village_choices, dialog, C_("committee", "Village"), c->village_id);
  desk_preferences_dialog_add_entry (dialog, C_("committee", "Active from"), c->active_from);
  desk_preferences_dialog_add_entry (dialog, C_("committee", "Active until"), c->active_until);
  desk_preferences_dialog_set_note (dialog,
                                    _("The short name stands in case numbers, as 青山 in "
                                      "（2026）青山人调字第1号; a new one applies to numbers given "
                                      "from now on. Dates may be written 2026-11-22, 20261122 "
                                      "or 11-22; leave them empty for always."));
  desk_preferences_dialog_set_save_func (dialog, committee_save,
                                         entry_ref_new (self, ENTRY_COMMITTEE, id), g_free);
  desk_preferences_dialog_present (dialog);
}

static void
committee_add_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_committee_form (DESK_PREFERENCES_WINDOW (widget), 0);
}

static void
committee_edit_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_committee_form (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter));
}

static gboolean
mediator_save (DeskPreferencesDialog  *dialog,
               gpointer                user_data,
               GError                **error)
{
  EntryRef *ref = user_data;
  DeskStore *store = ref->self->store;
  g_autoptr(DeskMediator) m = NULL;
  guint sex;

  m = ref->id > 0 ? desk_mediator_get (store, ref->id, error) : desk_mediator_new ();
  if (m == NULL)
    return FALSE;
  g_free (m->name);
  m->name = desk_preferences_dialog_dup_text (dialog, C_("mediator", "Name"));
  sex = desk_preferences_dialog_get_selected (dialog, C_("mediator", "Sex"));
  m->sex = sex == 1 ? DESK_SEX_MALE : sex == 2 ? DESK_SEX_FEMALE : DESK_SEX_UNKNOWN;
  g_free (m->phone);
  m->phone = desk_preferences_dialog_dup_text (dialog, C_("mediator", "Phone"));
  m->committee_id = chosen_id (dialog, C_("mediator", "Committee"));
  m->full_time = desk_preferences_dialog_get_selected (dialog, _("Full or part time")) == 0;
  g_free (m->active_from);
  m->active_from = desk_preferences_dialog_dup_text (dialog, C_("mediator", "Active from"));
  g_free (m->active_until);
  m->active_until = desk_preferences_dialog_dup_text (dialog, C_("mediator", "Active until"));

  if (ref->id > 0 ? !desk_mediator_update (store, m, error)
                  : desk_mediator_create (store, m, error) == 0)
    return FALSE;
  g_hash_table_add (ref->self->expanded, g_memdup2 (&m->committee_id, sizeof m->committee_id));
  written (ref->self, ENTRY_MEDIATOR, m->id);
  return TRUE;
}

/* @id: the mediator, or 0 for a new one in @committee_id */
static void
open_mediator_form (DeskPreferencesWindow *self,
                    gint64                 id,
                    gint64                 committee_id)
{
  const char *sexes[] = { _("Not given"), "男", "女", NULL };
  g_autoptr(DeskMediator) m = NULL;
  g_autoptr(GPtrArray) committees = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeskPreferencesDialog *dialog;
  Choices committee_choices;

  m = id > 0 ? desk_mediator_get (self->store, id, &error) : desk_mediator_new ();
  if (m == NULL)
    {
      report_error (self, error);
      return;
    }
  if (id == 0)
    {
      m->committee_id = committee_id;
      m->full_time = FALSE;   /* most mediators of a village committee are part-time */
    }

  choices_init (&committee_choices);
  committees = desk_committee_list (self->store, NULL, NULL);
  for (guint i = 0; committees != NULL && i < committees->len; i++)
    {
      DeskCommittee *c = g_ptr_array_index (committees, i);

      if (!desk_preferences_window_is_retired (c->active_until) || c->id == m->committee_id)
        choices_add (&committee_choices, c->id, c->name);
    }

  title = id > 0 ? g_strdup_printf (_("Edit “%s”"), m->name) : g_strdup (_("Add a Mediator"));
  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), title,
                                        id > 0 ? _("_Save") : _("_Add"));
  desk_preferences_dialog_add_entry (dialog, C_("mediator", "Name"), m->name);
  desk_preferences_dialog_add_choice (dialog, C_("mediator", "Sex"), sexes,
                                      m->sex == DESK_SEX_MALE ? 1
                                      : m->sex == DESK_SEX_FEMALE ? 2 : 0);
  desk_preferences_dialog_add_entry (dialog, C_("mediator", "Phone"), m->phone);
  choices_attach (&committee_choices, dialog, C_("mediator", "Committee"), m->committee_id);
  desk_preferences_dialog_add_choice (dialog, _("Full or part time"), mediator_terms,
                                      m->full_time ? 0 : 1);
  desk_preferences_dialog_add_entry (dialog, C_("mediator", "Active from"), m->active_from);
  desk_preferences_dialog_add_entry (dialog, C_("mediator", "Active until"), m->active_until);
  desk_preferences_dialog_set_note (dialog, dates_note ());
  desk_preferences_dialog_set_save_func (dialog, mediator_save,
                                         entry_ref_new (self, ENTRY_MEDIATOR, id), g_free);
  desk_preferences_dialog_present (dialog);
}

static void
mediator_add_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_mediator_form (DESK_PREFERENCES_WINDOW (widget), 0, g_variant_get_int64 (parameter));
}

static void
mediator_edit_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_mediator_form (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter), 0);
}

/* ------------------------------------------------------------------ */
/* Staff                                                               */

static void
staff_switch_changed (GtkSwitch             *toggle,
                      GParamSpec            *pspec,
                      DeskPreferencesWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toggle), "desk-id"));
  g_autoptr(GError) error = NULL;

  if (!desk_staff_set_active (self->store, id, gtk_switch_get_active (toggle), &error))
    {
      g_signal_handlers_block_by_func (toggle, staff_switch_changed, self);
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      g_signal_handlers_unblock_by_func (toggle, staff_switch_changed, self);
      report_error (self, error);
      return;
    }
  desk_preferences_window_changed (self);
}

static void
refresh_staff (DeskPreferencesWindow *self)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  desk_preferences_window_clear_rows (self->staff_group, self->staff_rows);
  staff = desk_staff_list (self->store, FALSE, &error);
  if (staff == NULL)
    {
      report_error (self, error);
      return;
    }
  if (staff->len == 0)
    {
      GtkWidget *row = desk_preferences_placeholder_new (_("No staff yet"));

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
  for (guint i = 0; i < staff->len; i++)
    {
      DeskStaff *s = g_ptr_array_index (staff, i);
      g_autofree char *subtitle = DESK_PREFERENCES_JOIN (s->role, s->phone);
      GtkWidget *row = desk_preferences_row_new (s->name, subtitle);
      GtkWidget *toggle = gtk_switch_new ();

      desk_preferences_row_set_action (row, "prefs.staff-edit", g_variant_new_int64 (s->id));
      desk_preferences_row_set_entry (row, entry_key (ENTRY_STAFF), s->id);
      gtk_switch_set_active (GTK_SWITCH (toggle), s->active);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("On duty"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("On duty"), -1);
      g_object_set_data (G_OBJECT (toggle), "desk-id", GSIZE_TO_POINTER ((gsize) s->id));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (staff_switch_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
}

static gboolean
staff_save (DeskPreferencesDialog  *dialog,
            gpointer                user_data,
            GError                **error)
{
  EntryRef *ref = user_data;
  DeskStore *store = ref->self->store;
  g_autoptr(DeskStaff) s = NULL;

  s = ref->id > 0 ? desk_staff_get (store, ref->id, error) : desk_staff_new ();
  if (s == NULL)
    return FALSE;
  g_free (s->name);
  s->name = desk_preferences_dialog_dup_text (dialog, C_("staff", "Name"));
  g_free (s->role);
  s->role = g_strdup (staff_roles[desk_preferences_dialog_get_selected
                                  (dialog, C_("staff", "Role")) ? 1 : 0]);
  g_free (s->phone);
  s->phone = desk_preferences_dialog_dup_text (dialog, C_("staff", "Phone"));
  s->active = desk_preferences_dialog_get_active (dialog, _("On duty"));

  if (ref->id > 0 ? !desk_staff_update (store, s, error)
                  : desk_staff_create (store, s, error) == 0)
    return FALSE;
  written (ref->self, ENTRY_STAFF, s->id);
  return TRUE;
}

static void
open_staff_form (DeskPreferencesWindow *self,
                 gint64                 id)
{
  g_autoptr(DeskStaff) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeskPreferencesDialog *dialog;

  s = id > 0 ? desk_staff_get (self->store, id, &error) : desk_staff_new ();
  if (s == NULL)
    {
      report_error (self, error);
      return;
    }
  title = id > 0 ? g_strdup_printf (_("Edit “%s”"), s->name)
                 : g_strdup (_("Add a Staff Member"));
  dialog = desk_preferences_dialog_new (GTK_WIDGET (self), title,
                                        id > 0 ? _("_Save") : _("_Add"));
  desk_preferences_dialog_add_entry (dialog, C_("staff", "Name"), s->name);
  desk_preferences_dialog_add_choice (dialog, C_("staff", "Role"), staff_roles,
                                      g_strcmp0 (s->role, DESK_STAFF_ROLE_HEAD) == 0 ? 0 : 1);
  desk_preferences_dialog_add_entry (dialog, C_("staff", "Phone"), s->phone);
  desk_preferences_dialog_add_switch (dialog, _("On duty"),
                                      _("Offered as receiver and registrar in new records"),
                                      s->active);
  desk_preferences_dialog_set_save_func (dialog, staff_save,
                                         entry_ref_new (self, ENTRY_STAFF, id), g_free);
  desk_preferences_dialog_present (dialog);
}

static void
staff_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_staff_form (DESK_PREFERENCES_WINDOW (widget), 0);
}

static void
staff_edit_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_staff_form (DESK_PREFERENCES_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

void
desk_preferences_registers_refresh (DeskPreferencesWindow *self)
{
  refresh_villages (self);
  refresh_committees (self);
  refresh_staff (self);
}

void
desk_preferences_registers_init (DeskPreferencesWindow *self)
{
  desk_preferences_registers_refresh (self);
}

void
desk_preferences_registers_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "prefs.village-add", NULL,
                                   village_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.village-edit", "x",
                                   village_edit_activated);
  gtk_widget_class_install_action (widget_class, "prefs.committee-add", NULL,
                                   committee_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.committee-edit", "x",
                                   committee_edit_activated);
  gtk_widget_class_install_action (widget_class, "prefs.mediator-add", "x",
                                   mediator_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.mediator-edit", "x",
                                   mediator_edit_activated);
  gtk_widget_class_install_action (widget_class, "prefs.staff-add", NULL,
                                   staff_add_activated);
  gtk_widget_class_install_action (widget_class, "prefs.staff-edit", "x",
                                   staff_edit_activated);

  gtk_widget_class_install_action (widget_class, "prefs.village-retire", "x", retire_activated);
  gtk_widget_class_install_action (widget_class, "prefs.village-restore", "x",
                                   restore_activated);
  gtk_widget_class_install_action (widget_class, "prefs.village-delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "prefs.committee-retire", "x",
                                   retire_activated);
  gtk_widget_class_install_action (widget_class, "prefs.committee-restore", "x",
                                   restore_activated);
  gtk_widget_class_install_action (widget_class, "prefs.committee-delete", "x",
                                   delete_activated);
  gtk_widget_class_install_action (widget_class, "prefs.mediator-retire", "x",
                                   retire_activated);
  gtk_widget_class_install_action (widget_class, "prefs.mediator-restore", "x",
                                   restore_activated);
  gtk_widget_class_install_action (widget_class, "prefs.mediator-delete", "x",
                                   delete_activated);
}
