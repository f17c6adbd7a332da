/* desk-visit-list.c — the follow-up visits (回访) of a successful
 * mediation, as a small list in the case's form.
 *
 * Each visit is a row (date, 方式, 回访人; 履行情况, 满意度, 记录) with
 * buttons to change or remove it; a visit is added or changed in a small
 * form over the case's window.  Nothing is written until the case is
 * saved: the case and its visits go into the ledger in one transaction
 * (desk_visit_list_save_removals() before the case, desk_visit_list_save()
 * after it), so that Escape on the case discards the visits typed too.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-form.h"
#include "desk-preferences-dialog.h"
#include "desk-visit-list.h"

typedef struct
{
  DeskCaseVisit *visit;
  gboolean       dirty;    /* changed since loaded (new ones always are) */
} Entry;

struct _DeskVisitList
{
  GtkWidget   parent_instance;

  DeskStore  *store;
  GPtrArray  *entries;     /* (element-type Entry) by date */
  GArray     *removed;     /* (element-type gint64) saved visits to delete */
  char       *closed_on;
  char       *default_visitor;
  gboolean    modified;

  GtkWidget  *box;
  GtkWidget  *empty_label;
  GtkListBox *list;
  GtkWidget  *error_label;
  GtkWidget  *add_button;
};

G_DEFINE_FINAL_TYPE (DeskVisitList, desk_visit_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the form over the list is editing. */
typedef struct
{
  DeskVisitList *self;
  int            index;               /* -1: a new visit */
  GArray        *mode_ids;            /* (element-type gint64) per choice */
  GArray        *performance_ids;
  GArray        *satisfaction_ids;
} Edit;

static void
entry_free (Entry *entry)
{
  desk_case_visit_free (entry->visit);
  g_free (entry);
}

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->self);
  g_array_unref (edit->mode_ids);
  g_array_unref (edit->performance_ids);
  g_array_unref (edit->satisfaction_ids);
  g_free (edit);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry **) a;
  const Entry *y = *(Entry **) b;
  int by_date = g_strcmp0 (x->visit->visited_on, y->visit->visited_on);

  if (by_date != 0)
    return by_date;
  /* New visits (id 0) after the saved ones of the same day */
  if ((x->visit->id == 0) != (y->visit->id == 0))
    return x->visit->id == 0 ? 1 : -1;
  return x->visit->id < y->visit->id ? -1 : x->visit->id > y->visit->id;
}

static char *
code_label (DeskVisitList *self,
            gint64         id)
{
  return id > 0 ? desk_codes_label (self->store, id) : NULL;
}

static void
join (GString    *out,
      const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, part);
}

static void edit_clicked   (GtkWidget     *button,
                            DeskVisitList *self);
static void remove_clicked (GtkWidget     *button,
                            DeskVisitList *self);
static void row_activated  (GtkWidget     *row,
                            DeskVisitList *self);

static GtkWidget *
make_row (DeskVisitList *self,
          guint          index)
{
  Entry *entry = g_ptr_array_index (self->entries, index);
  DeskCaseVisit *v = entry->visit;
  g_autofree char *mode = code_label (self, v->mode_id);
  g_autofree char *performance = code_label (self, v->performance_id);
  g_autofree char *satisfaction = code_label (self, v->satisfaction_id);
  g_autofree char *visitor = NULL;
  g_autofree char *name = g_strdup_printf ("visit-%u", index + 1);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit, *remove;

  join (title, v->visited_on);
  join (title, mode);
  if (v->visitor != NULL)
    {
      /* Translators: who made a follow-up visit, e.g. 回访人 李明 */
      visitor = g_strdup_printf (_("by %s"), v->visitor);
      join (title, visitor);
    }
  join (subtitle, performance);
  join (subtitle, satisfaction);
  join (subtitle, v->notes);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "desk-visit-index", GUINT_TO_POINTER (index));

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_name (edit, "visit-edit");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, _("Change This Visit"));
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data (G_OBJECT (edit), "desk-visit-index", GUINT_TO_POINTER (index));
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove, "visit-delete");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove This Visit"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "desk-visit-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);
  return row;
}

static void
rebuild (DeskVisitList *self)
{
  GtkWidget *child;

  g_ptr_array_sort (self->entries, compare_entries);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list, make_row (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->entries->len > 0);
  gtk_widget_set_visible (self->empty_label, self->entries->len == 0);
}

static void
changed (DeskVisitList *self)
{
  self->modified = TRUE;
  desk_visit_list_set_error (self, NULL);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The date typed in the form, checked: a date, not after today, not before
 * the case was closed. */
static char *
check_date (DeskVisitList  *self,
            const char     *text,
            GError        **error)
{
  const char *field = _("Visit date");
  g_autofree char *date = desk_validate_date (text, field, NULL, error);

  if (date == NULL)
    return NULL;
  if (self->closed_on != NULL && strcmp (date, self->closed_on) < 0)
    {
      desk_set_field_error (error, field, _("cannot be before the date closed (%s)"),
                            self->closed_on);
      return NULL;
    }
  return g_steal_pointer (&date);
}

static void
date_typed (GtkEditable   *row,
            DeskVisitList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = check_date (self, gtk_editable_get_text (row), &error);

  /* A message follows the typing once shown; a new one waits for Enter. */
  if (date != NULL || desk_preferences_field_get_error (GTK_WIDGET (row)) != NULL)
    desk_preferences_field_set_error (GTK_WIDGET (row),
                                      error ? desk_form_error_problem (error) : NULL);
}

/* Choices of a code table for the form: the active labels, the one the
 * visit has if it was retired since, and "not given" first when @optional. */
static GtkWidget *
add_code_choice (DeskPreferencesDialog *dialog,
                 DeskVisitList         *self,
                 const char            *field,
                 const char            *kind,
                 gboolean               optional,
                 gint64                 current,
                 GArray                *ids)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (self->store, kind, FALSE);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;
  gboolean found = FALSE;

  if (optional)
    {
      gint64 none = 0;

      g_strv_builder_add (labels, _("Not given"));
      g_array_append_val (ids, none);
    }
  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);

      if (code->id == current)
        {
          selected = ids->len;
          found = TRUE;
        }
      g_strv_builder_add (labels, code->label);
      g_array_append_val (ids, code->id);
    }
  if (current > 0 && !found)
    {
      g_autofree char *label = desk_codes_label (self->store, current);
      g_autofree char *retired = g_strdup_printf (_("%s (retired)"), label ? label : "");

      selected = ids->len;
      g_strv_builder_add (labels, retired);
      g_array_append_val (ids, current);
    }
  strv = g_strv_builder_end (labels);
  return desk_preferences_dialog_add_choice (dialog, field, (const char *const *) strv,
                                             selected);
}

static gboolean
edit_save (DeskPreferencesDialog  *dialog,
           gpointer                user_data,
           GError                **error)
{
  Edit *edit = user_data;
  DeskVisitList *self = edit->self;
  g_autofree char *text = desk_preferences_dialog_dup_text (dialog, _("Visit date"));
  g_autofree char *date = NULL;
  g_autofree char *visitor = NULL;
  g_autofree char *notes = NULL;
  DeskCaseVisit *v;
  guint mode, performance, satisfaction;

  date = check_date (self, text, error);
  if (date == NULL)
    return FALSE;
  mode = desk_preferences_dialog_get_selected (dialog, _("Visit mode"));
  if (mode >= edit->mode_ids->len)
    {
      desk_set_field_error (error, _("Visit mode"), _("this field is required"));
      return FALSE;
    }
  performance = desk_preferences_dialog_get_selected (dialog, _("Performance"));
  satisfaction = desk_preferences_dialog_get_selected (dialog, _("Satisfaction"));
  visitor = desk_preferences_dialog_dup_text (dialog, _("Visited by"));
  notes = desk_preferences_dialog_dup_text (dialog, C_("visit", "Notes"));

  if (edit->index < 0)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->visit = desk_case_visit_new ();
      g_ptr_array_add (self->entries, entry);
      v = entry->visit;
      entry->dirty = TRUE;
    }
  else
    {
      Entry *entry = g_ptr_array_index (self->entries, edit->index);

      v = entry->visit;
      entry->dirty = TRUE;
    }
  g_free (v->visited_on);
  v->visited_on = g_steal_pointer (&date);
  v->mode_id = g_array_index (edit->mode_ids, gint64, mode);
  v->performance_id = performance < edit->performance_ids->len
                      ? g_array_index (edit->performance_ids, gint64, performance) : 0;
  v->satisfaction_id = satisfaction < edit->satisfaction_ids->len
                       ? g_array_index (edit->satisfaction_ids, gint64, satisfaction) : 0;
  g_free (v->visitor);
  v->visitor = g_strstrip (g_steal_pointer (&visitor));
  g_free (v->notes);
  v->notes = g_strstrip (g_steal_pointer (&notes));
  changed (self);
  return TRUE;
}

static void
open_form (DeskVisitList *self,
           int            index)
{
  const DeskCaseVisit *v = index >= 0 ? desk_visit_list_get_visit (self, index) : NULL;
  g_autofree char *today = desk_today ();
  DeskPreferencesDialog *dialog;
  GtkWidget *date_row;
  Edit *edit;

  if (self->store == NULL)
    return;
  edit = g_new0 (Edit, 1);
  edit->self = g_object_ref (self);
  edit->index = index;
  edit->mode_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  edit->performance_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  edit->satisfaction_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  dialog = desk_preferences_dialog_new (GTK_WIDGET (self),
                                        v ? _("Follow-up Visit") : _("New Follow-up Visit"),
                                        v ? _("_Change") : _("_Add"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  date_row = desk_preferences_dialog_add_entry (dialog, _("Visit date"),
                                                v ? v->visited_on : today);
  gtk_widget_set_name (date_row, "visit-date");
  g_signal_connect (date_row, "changed", G_CALLBACK (date_typed), self);
  gtk_widget_set_name (add_code_choice (dialog, self, _("Visit mode"), DESK_CODE_VISIT_MODE,
                                        FALSE, v ? v->mode_id : 0, edit->mode_ids),
                       "visit-mode");
  gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog, _("Visited by"),
                                                          v ? v->visitor
                                                            : self->default_visitor),
                       "visit-visitor");
  gtk_widget_set_name (add_code_choice (dialog, self, _("Performance"), DESK_CODE_PERFORMANCE,
                                        TRUE, v ? v->performance_id : 0,
                                        edit->performance_ids),
                       "visit-performance");
  gtk_widget_set_name (add_code_choice (dialog, self, _("Satisfaction"),
                                        DESK_CODE_SATISFACTION, TRUE,
                                        v ? v->satisfaction_id : 0, edit->satisfaction_ids),
                       "visit-satisfaction");
  gtk_widget_set_name (desk_preferences_dialog_add_entry (dialog, C_("visit", "Notes"),
                                                          v ? v->notes : NULL),
                       "visit-notes");
  if (self->closed_on != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Closed on %s; the visit is written with the "
                                                 "case when the case is saved."),
                                               self->closed_on);

      desk_preferences_dialog_set_note (dialog, note);
    }
  else
    desk_preferences_dialog_set_note (dialog, _("The visit is written with the case when the "
                                                "case is saved."));
  desk_preferences_dialog_set_save_func (dialog, edit_save, edit, (GDestroyNotify) edit_free);
  desk_preferences_dialog_present (dialog);
}

/* Callbacks */

static void
edit_clicked (GtkWidget     *button,
              DeskVisitList *self)
{
  open_form (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                        "desk-visit-index")));
}

static void
remove_clicked (GtkWidget     *button,
                DeskVisitList *self)
{
  desk_visit_list_remove (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                     "desk-visit-index")));
}

static void
row_activated (GtkWidget     *row,
               DeskVisitList *self)
{
  open_form (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row),
                                                        "desk-visit-index")));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  desk_visit_list_add (DESK_VISIT_LIST (widget));
}

/* GObject */

static gboolean
desk_visit_list_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  return gtk_widget_child_focus (DESK_VISIT_LIST (widget)->box, direction);
}

static gboolean
desk_visit_list_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (DESK_VISIT_LIST (widget)->add_button);
}

static void
desk_visit_list_dispose (GObject *object)
{
  DeskVisitList *self = DESK_VISIT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_VISIT_LIST);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_visit_list_parent_class)->dispose (object);
}

static void
desk_visit_list_finalize (GObject *object)
{
  DeskVisitList *self = DESK_VISIT_LIST (object);

  g_ptr_array_unref (self->entries);
  g_array_unref (self->removed);
  g_free (self->closed_on);
  g_free (self->default_visitor);
  G_OBJECT_CLASS (desk_visit_list_parent_class)->finalize (object);
}

static void
desk_visit_list_class_init (DeskVisitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_visit_list_dispose;
  object_class->finalize = desk_visit_list_finalize;
  widget_class->focus = desk_visit_list_focus;
  widget_class->grab_focus = desk_visit_list_grab_focus;

  /**
   * DeskVisitList::changed:
   *
   * A visit was added, changed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-visit-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskVisitList, box);
  gtk_widget_class_bind_template_child (widget_class, DeskVisitList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DeskVisitList, list);
  gtk_widget_class_bind_template_child (widget_class, DeskVisitList, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskVisitList, add_button);
  gtk_widget_class_install_action (widget_class, "visits.add", NULL, add_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_visit_list_init (DeskVisitList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Public API */

GtkWidget *
desk_visit_list_new (void)
{
  return g_object_new (DESK_TYPE_VISIT_LIST, NULL);
}

void
desk_visit_list_set_store (DeskVisitList *self,
                           DeskStore     *store)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));
  g_return_if_fail (DESK_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * desk_visit_list_load:
 * @case_id: the saved case, or 0 for a new one (no visits)
 *
 * Shows the case's visits as saved, and forgets what was changed.
 */
gboolean
desk_visit_list_load (DeskVisitList  *self,
                      gint64          case_id,
                      GError        **error)
{
  g_autoptr(GPtrArray) visits = NULL;

  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (case_id > 0)
    {
      visits = desk_case_visits_list (self->store, case_id, error);
      if (visits == NULL)
        return FALSE;
    }
  g_ptr_array_set_size (self->entries, 0);
  g_array_set_size (self->removed, 0);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->visit = desk_case_visit_copy (g_ptr_array_index (visits, i));
      g_ptr_array_add (self->entries, entry);
    }
  self->modified = FALSE;
  desk_visit_list_set_error (self, NULL);
  rebuild (self);
  return TRUE;
}

/* The case's 结案日期 as the form holds it, which no visit may precede. */
void
desk_visit_list_set_closed_on (DeskVisitList *self,
                               const char    *closed_on)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));

  g_free (self->closed_on);
  self->closed_on = g_strdup (closed_on);
}

/* The 回访人 a new visit starts with. */
void
desk_visit_list_set_default_visitor (DeskVisitList *self,
                                     const char    *name)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));

  g_free (self->default_visitor);
  self->default_visitor = g_strdup (name);
}

guint
desk_visit_list_get_n_visits (DeskVisitList *self)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), 0);
  return self->entries->len;
}

/* The visit shown at @index, in date order; NULL past the end. */
const DeskCaseVisit *
desk_visit_list_get_visit (DeskVisitList *self,
                           guint          index)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), NULL);

  if (index >= self->entries->len)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->entries, index))->visit;
}

gboolean
desk_visit_list_get_modified (DeskVisitList *self)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), FALSE);
  return self->modified;
}

/* The date of the first visit, or NULL when there is none. */
const char *
desk_visit_list_get_earliest (DeskVisitList *self)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), NULL);

  if (self->entries->len == 0)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->entries, 0))->visit->visited_on;
}

/**
 * desk_visit_list_save_removals:
 *
 * Deletes the saved visits the clerk removed; run it in the case's
 * transaction before the case is written, which may then change its
 * outcome.
 */
gboolean
desk_visit_list_save_removals (DeskVisitList  *self,
                               GError        **error)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), FALSE);

  for (guint i = 0; i < self->removed->len; i++)
    if (!desk_case_visit_delete (self->store, g_array_index (self->removed, gint64, i), error))
      return FALSE;
  return TRUE;
}

/**
 * desk_visit_list_save:
 * @case_id: the case, saved already in the same transaction
 *
 * Writes the visits added or changed.  The list shows them as saved only
 * after desk_visit_list_load(), once the transaction is committed.
 */
gboolean
desk_visit_list_save (DeskVisitList  *self,
                      gint64          case_id,
                      GError        **error)
{
  g_return_val_if_fail (DESK_IS_VISIT_LIST (self), FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(DeskCaseVisit) work = NULL;

      if (!entry->dirty)
        continue;
      /* A copy: a refused transaction leaves the list as typed. */
      work = desk_case_visit_copy (entry->visit);
      work->case_id = case_id;
      if (work->id == 0 ? desk_case_visit_create (self->store, work, error) == 0
                        : !desk_case_visit_update (self->store, work, error))
        return FALSE;
    }
  return TRUE;
}

/* What the add button does: the form for a new visit. */
void
desk_visit_list_add (DeskVisitList *self)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));
  open_form (self, -1);
}

void
desk_visit_list_edit (DeskVisitList *self,
                      guint          index)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));

  if (index < self->entries->len)
    open_form (self, index);
}

/* Takes the visit at @index off the list; a saved one is deleted when the
 * case is saved. */
void
desk_visit_list_remove (DeskVisitList *self,
                        guint          index)
{
  Entry *entry;

  g_return_if_fail (DESK_IS_VISIT_LIST (self));

  if (index >= self->entries->len)
    return;
  entry = g_ptr_array_index (self->entries, index);
  if (entry->visit->id > 0)
    g_array_append_val (self->removed, entry->visit->id);
  g_ptr_array_remove_index (self->entries, index);
  changed (self);
  gtk_widget_grab_focus (self->add_button);
}

/**
 * desk_visit_list_set_error:
 * @message: (nullable): what is wrong with the visits, or %NULL
 */
void
desk_visit_list_set_error (DeskVisitList *self,
                           const char    *message)
{
  g_return_if_fail (DESK_IS_VISIT_LIST (self));
  desk_form_set_error (GTK_WIDGET (self->list), self->error_label, message);
}
