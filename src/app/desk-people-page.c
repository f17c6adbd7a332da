/* desk-people-page.c — the 当事人 page.
 *
 * The register is a list page like the others (search by name, ID number
 * or phone, filter by village); beside it, the selected person's file
 * ("一人一档"): who they are, as the register keeps them, and every record
 * of every ledger that names them, newest first, each opening in its
 * editor.  One person's records are few and indexed by person, so the file
 * is read inline when the selection moves.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-form.h"
#include "desk-list-page.h"
#include "desk-people-page.h"
#include "desk-person-history.h"
#include "desk-person.h"
#include "desk-register.h"

/* A file longer than this shows its newest records and says how many more
 * there are: an organisation can be a party to hundreds of cases. */
#define MAX_SHOWN 200

struct _DeskPeoplePage
{
  AdwBin          parent_instance;

  DeskStore      *store;
  gint64          person_id;    /* shown in the file; 0: none */

  DeskListPage   *list;
  AdwFlap        *flap;
  GtkStack       *file_stack;
  GtkLabel       *name_label;
  GtkLabel       *about_label;
  GtkLabel       *flags_label;
  GtkLabel       *address_label;
  GtkButton      *edit_button;
  GtkLabel       *counts_label;
  GtkListBox     *records;
  GtkLabel       *more_label;
};

G_DEFINE_FINAL_TYPE (DeskPeoplePage, desk_people_page, ADW_TYPE_BIN)

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_title (const char *kind)
{
  if (g_strcmp0 (kind, "consultation") == 0)
    return _("Consultations");
  if (g_strcmp0 (kind, "mediation_case") == 0)
    return _("Mediation");
  if (g_strcmp0 (kind, "legal_aid") == 0)
    return _("Legal Aid");
  if (g_strcmp0 (kind, "screening") == 0)
    return _("Screening");
  return kind;
}

static void
record_activated (DeskPeoplePage *self,
                  GtkListBoxRow  *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  g_signal_emit (self, signals[OPEN_RECORD], 0, kind, id, GTK_WIDGET (self));
}

static GtkWidget *
record_row (const DeskPersonHistoryEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix, *status, *role;
  g_autofree char *title = NULL;

  /* Translators: a record in a person's file: 2026-11-02 · 来访咨询 ZX2026-0012 */
  title = g_strdup_printf (_("%s · %s %s"), entry->date, kind_title (entry->kind),
                           entry->number != NULL ? entry->number : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (entry->summary != NULL && *entry->summary != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->summary);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }
  /* what the record came to, and what the person was in it */
  suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  if (entry->status != NULL && *entry->status != '\0')
    {
      status = gtk_label_new (entry->status);
      gtk_label_set_xalign (GTK_LABEL (status), 1);
      gtk_box_append (GTK_BOX (suffix), status);
    }
  if (entry->role != NULL && *entry->role != '\0')
    {
      role = gtk_label_new (entry->role);
      gtk_label_set_xalign (GTK_LABEL (role), 1);
      gtk_widget_add_css_class (role, "dim-label");
      gtk_widget_add_css_class (role, "caption");
      gtk_box_append (GTK_BOX (suffix), role);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (entry->kind), g_free);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) entry->id));
  return row;
}

static char *
describe_flags (const DeskPerson *person)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();

  /* The flags the legal-aid statistics count by (data labels). */
  if (person->is_disabled)
    g_ptr_array_add (flags, "残疾人");
  if (person->is_migrant_worker)
    g_ptr_array_add (flags, "农民工");
  if (person->is_farmer)
    g_ptr_array_add (flags, "农民");
  if (person->is_military)
    g_ptr_array_add (flags, "军人军属");
  if (person->is_foreigner)
    g_ptr_array_add (flags, "外国人或无国籍人");
  if (person->ethnicity != NULL && g_strcmp0 (person->ethnicity, "汉族") != 0)
    g_ptr_array_add (flags, person->ethnicity);
  g_ptr_array_add (flags, NULL);
  return g_strjoinv (" · ", (char **) flags->pdata);
}

static void
clear_records (DeskPeoplePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records))) != NULL)
    gtk_list_box_remove (self->records, child);
}

static void
show_file (DeskPeoplePage *self,
           gint64          id)
{
  g_autoptr(DeskPerson) person = NULL;
  g_autoptr(DeskVillage) village = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *about = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *counts = NULL;
  guint n_consultations = 0, n_cases = 0, n_aid = 0, n_other = 0;

  self->person_id = id;
  clear_records (self);
  if (self->store == NULL || id == 0)
    {
      gtk_stack_set_visible_child_name (self->file_stack, "none");
      return;
    }
  person = desk_person_get (self->store, id, &error);
  if (person == NULL || !desk_person_history (self->store, id, &entries, &error))
    {
      g_warning ("Cannot show a person's file: %s", error->message);
      gtk_stack_set_visible_child_name (self->file_stack, "none");
      return;
    }
  if (person->village_id > 0)
    village = desk_village_get (self->store, person->village_id, NULL);

  gtk_label_set_label (self->name_label, person->name);
  if (person->kind == DESK_PERSON_ORGANISATION)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();

      g_ptr_array_add (parts, (gpointer) _("Organisation"));
      if (person->legal_rep != NULL)
        g_ptr_array_add (parts, person->legal_rep);
      if (person->id_number != NULL)
        g_ptr_array_add (parts, person->id_number);
      if (person->phone != NULL)
        g_ptr_array_add (parts, person->phone);
      g_ptr_array_add (parts, NULL);
      about = g_strjoinv (" · ", (char **) parts->pdata);
    }
  else
    about = desk_form_describe_person (person, village != NULL ? village->name : NULL, NULL);
  gtk_label_set_label (self->about_label, about);
  flags = describe_flags (person);
  gtk_label_set_label (self->flags_label, flags);
  gtk_widget_set_visible (GTK_WIDGET (self->flags_label), *flags != '\0');
  gtk_label_set_label (self->address_label, person->address != NULL ? person->address : "");
  gtk_widget_set_visible (GTK_WIDGET (self->address_label), person->address != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", id);

  for (guint i = 0; i < entries->len; i++)
    {
      const DeskPersonHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->kind, "consultation") == 0)
        n_consultations++;
      else if (g_strcmp0 (entry->kind, "mediation_case") == 0)
        n_cases++;
      else if (g_strcmp0 (entry->kind, "legal_aid") == 0)
        n_aid++;
      else
        n_other++;
      if (i < MAX_SHOWN)
        gtk_list_box_append (self->records, record_row (entry));
    }
  if (entries->len == 0)
    counts = g_strdup (_("No records name this person yet."));
  else
    /* Translators: how many records of each kind a person's file holds */
    counts = g_strdup_printf (_("Consultations %u · mediation cases %u · legal-aid "
                                "applications %u"), n_consultations, n_cases, n_aid);
  gtk_label_set_label (self->counts_label, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->records), entries->len > 0);
  if (entries->len > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("The newest %u are shown; %u older records "
                                                 "are not."), MAX_SHOWN,
                                               entries->len - MAX_SHOWN);

      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), entries->len > MAX_SHOWN);
  gtk_stack_set_visible_child_name (self->file_stack, "person");
}

static void
list_selection_changed (DeskPeoplePage *self)
{
  gint64 id = desk_list_page_get_selected_id (self->list);

  /* A selection lost to a reload keeps the file shown. */
  if (id > 0 && id != self->person_id)
    show_file (self, id);
  /* In a narrow window the file slides over the list. */
  if (id > 0 && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
desk_people_page_dispose (GObject *object)
{
  DeskPeoplePage *self = DESK_PEOPLE_PAGE (object);

  /* The bin's child is the template's flap: let the bin forget it before
   * the template lets it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_people_page_parent_class)->dispose (object);
}

static void
desk_people_page_class_init (DeskPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_people_page_dispose;

  /**
   * DeskPeoplePage::open-record:
   * @kind: "consultation", "mediation_case", "legal_aid", …
   * @id: the record
   * @page: this page
   *
   * A record of the person's file was activated.
   */
  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64,
                  GTK_TYPE_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/legaldesk/LegalDesk/desk-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, flap);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, file_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, about_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, flags_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, address_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, records);
  gtk_widget_class_bind_template_child (widget_class, DeskPeoplePage, more_label);
  gtk_widget_class_bind_template_callback (widget_class, record_activated);
}

static void
desk_people_page_init (DeskPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->list = DESK_LIST_PAGE (desk_list_page_new (desk_list_page_spec (DESK_LIST_PEOPLE)));
  gtk_widget_set_hexpand (GTK_WIDGET (self->list), TRUE);
  adw_flap_set_content (self->flap, GTK_WIDGET (self->list));
  g_signal_connect_object (self->list, "notify::selected-id",
                           G_CALLBACK (list_selection_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
desk_people_page_new (void)
{
  return g_object_new (DESK_TYPE_PEOPLE_PAGE, NULL);
}

void
desk_people_page_set_store (DeskPeoplePage *self,
                            DeskStore      *store)
{
  g_return_if_fail (DESK_IS_PEOPLE_PAGE (self));

  g_set_object (&self->store, store);
  desk_list_page_set_store (self->list, store);
  show_file (self, 0);
}

/**
 * desk_people_page_reload:
 *
 * The records changed: the register is listed again and the file shown
 * read again.
 */
void
desk_people_page_reload (DeskPeoplePage *self)
{
  g_return_if_fail (DESK_IS_PEOPLE_PAGE (self));

  desk_list_page_reload (self->list);
  if (self->person_id > 0)
    {
      g_autoptr(DeskPerson) person = desk_person_get (self->store, self->person_id, NULL);

      /* deleted or merged away: nothing to show */
      show_file (self, person != NULL ? self->person_id : 0);
    }
}

/**
 * desk_people_page_show_person:
 *
 * Shows @person_id's file, whether or not the list shows them.
 */
void
desk_people_page_show_person (DeskPeoplePage *self,
                              gint64          person_id)
{
  g_return_if_fail (DESK_IS_PEOPLE_PAGE (self));
  show_file (self, person_id);
}

gint64
desk_people_page_get_person (DeskPeoplePage *self)
{
  g_return_val_if_fail (DESK_IS_PEOPLE_PAGE (self), 0);
  return self->person_id;
}

/**
 * desk_people_page_get_list:
 *
 * Returns: (transfer none): the register's DeskListPage
 */
GtkWidget *
desk_people_page_get_list (DeskPeoplePage *self)
{
  g_return_val_if_fail (DESK_IS_PEOPLE_PAGE (self), NULL);
  return GTK_WIDGET (self->list);
}
