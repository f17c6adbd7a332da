/* desk-person-picker.c — pick a registered person by typing, or register a
 * new one inline.
 *
 * The clerk types a name, an ID number or a phone number; the people that
 * match are offered in a list under the entry, best first, and Enter takes
 * the highlighted one (Up and Down move, Escape closes the list).  When no
 * one matches, or the clerk asks for it, fields for a new person open
 * inline; the person is written only when the record is saved, in the
 * record's transaction.  An ID number, or a phone number under the same
 * name, that is already registered offers that person instead of making a
 * second entry.  Visitors who decline to give a name are "anonymous".
 *
 * Where the record's party may be an organisation (法人 or 非法人组织: the
 * parties of a mediation case), the new entry may be one: the list offers
 * to register what was typed as either kind, the one the name reads as
 * first (…有限公司, …合作社, …委员会 read as organisations), and a switch at
 * the top of the fields corrects it.  An organisation is asked for 名称,
 * 统一社会信用代码 (checked as typed; one already registered offers that
 * organisation), 法定代表人, 电话 and 地址.  Where the party must be a natural
 * person (a consultation's visitor, a legal-aid applicant), organisations
 * are not offered for registering, and registered ones are listed, for the
 * clerk to see they were found, but cannot be taken.
 *
 * The search scans the register, so it runs on a worker thread with a
 * read-only connection of its own (design.md, "Threads"); one search is out
 * at a time, and text typed meanwhile is searched when it returns.  The
 * duplicate check is an indexed point read and runs inline.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-form.h"
#include "desk-person-picker.h"
#include "desk-person.h"
#include "desk-register.h"

#define RESULT_LIMIT 8

/* On the rows of the list that offer to register what was typed: the kind
 * of entry offered, plus one. */
#define OFFER_KEY "desk-offer-kind"

/* The worker's connection, shared by the searches of one picker and
 * opened by the first of them. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  char            *path;
  DeskStore       *store;
} Searcher;

typedef struct
{
  Searcher *searcher;
  char     *text;
} SearchData;

typedef enum
{
  DUPLICATE_NONE,
  DUPLICATE_ID_NUMBER,
  DUPLICATE_PHONE,
} DuplicateKind;

struct _DeskPersonPicker
{
  GtkWidget      parent_instance;

  DeskStore     *store;
  Searcher      *searcher;
  GCancellable  *cancellable;
  GHashTable    *village_names;   /* id → name, retired ones too */

  gint64         person_id;
  DeskPerson    *chosen;
  gboolean       anonymous;
  gboolean       new_person;
  gboolean       searching;
  char          *pending;         /* typed while a search was out */
  char          *shown_text;      /* the text the list answers */
  GPtrArray     *results;         /* (element-type DeskPerson) */
  gboolean       pick_when_ready;
  guint          loading;         /* > 0: changes are the program's, not the clerk's */
  gint64         duplicate_id;
  DuplicateKind  duplicate_kind;
  gboolean       id_derived;      /* sex and birth date come from the ID number */
  gboolean       no_anonymous;    /* the record needs a person (a legal-aid applicant) */
  gboolean       allow_orgs;      /* the party may be an organisation (a case's parties) */
  char          *field;           /* the field its errors name; NULL: 咨询人 */

  GtkWidget     *box;
  GtkEntry      *entry;
  GtkWidget     *new_button;
  GtkCheckButton *anonymous_check;
  GtkLabel      *details_label;
  GtkWidget     *entry_error;
  GtkWidget     *new_card;
  GtkWidget     *kind_box;
  GtkToggleButton *natural_toggle;
  GtkToggleButton *org_toggle;
  GtkWidget     *kind_hint;
  GtkWidget     *new_grid;
  GtkLabel      *name_label;
  GtkEntry      *name_entry;
  GtkWidget     *name_error;
  GtkLabel      *id_label;
  GtkEntry      *id_entry;
  GtkWidget     *id_error;
  GtkWidget     *sex_label;
  GtkDropDown   *sex_dropdown;
  GtkWidget     *birth_label;
  GtkEntry      *birth_entry;
  GtkWidget     *birth_error;
  GtkLabel      *phone_label;
  GtkEntry      *phone_entry;
  GtkWidget     *phone_error;
  GtkWidget     *village_label;
  GtkDropDown   *village_dropdown;
  GtkWidget     *village_error;
  GtkWidget     *legal_rep_label;
  GtkEntry      *legal_rep_entry;
  GtkWidget     *legal_rep_error;
  GtkWidget     *address_label;
  GtkEntry      *address_entry;
  GtkWidget     *address_error;
  GtkWidget     *duplicate_box;
  GtkLabel      *duplicate_label;
  GtkWidget     *use_existing_button;
  GtkPopover    *popover;
  GtkListBox    *results_list;
};

G_DEFINE_FINAL_TYPE (DeskPersonPicker, desk_person_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_ANONYMOUS,
  PROP_HAS_NEW_PERSON,
  PROP_SEARCHING,
  PROP_VILLAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The worker */

static Searcher *
searcher_new (const char *path)
{
  Searcher *searcher = g_new0 (Searcher, 1);

  g_atomic_ref_count_init (&searcher->ref);
  g_mutex_init (&searcher->lock);
  searcher->path = g_strdup (path);
  return searcher;
}

static Searcher *
searcher_ref (Searcher *searcher)
{
  g_atomic_ref_count_inc (&searcher->ref);
  return searcher;
}

static void
searcher_unref (Searcher *searcher)
{
  if (!g_atomic_ref_count_dec (&searcher->ref))
    return;
  g_clear_object (&searcher->store);
  g_mutex_clear (&searcher->lock);
  g_free (searcher->path);
  g_free (searcher);
}

static void
search_data_free (SearchData *data)
{
  searcher_unref (data->searcher);
  g_free (data->text);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  Searcher *searcher = data->searcher;
  DeskPersonQuery query = { data->text, RESULT_LIMIT };
  GError *error = NULL;
  GPtrArray *found = NULL;

  g_mutex_lock (&searcher->lock);
  if (searcher->store == NULL)
    searcher->store = desk_store_open (searcher->path,
                                       DESK_STORE_OPEN_READONLY | DESK_STORE_OPEN_NO_CREATE,
                                       &error);
  if (searcher->store != NULL)
    found = desk_person_search (searcher->store, &query, &error);
  g_mutex_unlock (&searcher->lock);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

/* Helpers */

static const char *
village_name (DeskPersonPicker *self,
              gint64            id)
{
  if (id <= 0 || self->village_names == NULL)
    return NULL;
  return g_hash_table_lookup (self->village_names, &id);
}

/* The name of the field the picker is, as the core's errors name it. */
static const char *
field_name (DeskPersonPicker *self)
{
  return self->field != NULL ? self->field : C_("consultation", "Visitor");
}

/* The new entry is an organisation. */
static gboolean
is_org (DeskPersonPicker *self)
{
  return self->allow_orgs && gtk_toggle_button_get_active (self->org_toggle);
}

/* The kind of entry @text most likely is: an organisation when organisations
 * may be parties and it reads as an organisation's name or is a credit
 * code. */
static DeskPersonKind
guess_kind (DeskPersonPicker *self,
            const char       *text)
{
  if (self->allow_orgs && text != NULL &&
      (desk_form_looks_like_organisation (text) || desk_form_looks_like_credit_code (text)))
    return DESK_PERSON_ORGANISATION;
  return DESK_PERSON_NATURAL;
}

static void
place (DeskPersonPicker *self,
       GtkWidget        *child,
       int               column,
       int               row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->new_grid);
  GtkGridLayoutChild *cell =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));

  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
}

/* A word beside the name when it reads as an organisation's and the new
 * entry is a person: the party may be meant as the organisation, or (where
 * only a person can be the party) the clerk should write the person who
 * came.  Never a reason to refuse: a person's name may read so. */
static void
update_kind_hint (DeskPersonPicker *self)
{
  g_autofree char *name = desk_form_editable_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *hint = NULL;

  if (!is_org (self) && desk_form_looks_like_organisation (name))
    {
      if (self->allow_orgs)
        hint = g_strdup (_("This reads as the name of an organisation: if it is one, "
                           "choose “Legal Person or Organisation” above."));
      else
        /* Translators: %s is the field, e.g. 咨询人 */
        hint = g_strdup_printf (_("This reads as the name of an organisation, but the %s "
                                  "must be a natural person: write the person’s own name."),
                                field_name (self));
    }
  gtk_label_set_text (GTK_LABEL (self->kind_hint), hint ? hint : "");
  gtk_widget_set_visible (self->kind_hint, hint != NULL);
}

/* Shows the fields of a natural person or of an organisation: an
 * organisation's 法定代表人 takes the place of sex, its phone that of the
 * birth date, its 地址 the last row; it has no village. */
static void
apply_kind (DeskPersonPicker *self)
{
  gboolean org = is_org (self);
  GtkWidget *natural_only[] = {
    self->sex_label, GTK_WIDGET (self->sex_dropdown),
    self->birth_label, GTK_WIDGET (self->birth_entry),
    self->village_label, GTK_WIDGET (self->village_dropdown),
  };
  GtkWidget *org_only[] = {
    self->legal_rep_label, GTK_WIDGET (self->legal_rep_entry),
    self->address_label, GTK_WIDGET (self->address_entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (natural_only); i++)
    gtk_widget_set_visible (natural_only[i], !org);
  for (guint i = 0; i < G_N_ELEMENTS (org_only); i++)
    gtk_widget_set_visible (org_only[i], org);
  if (org)
    {
      desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
      desk_form_set_error (GTK_WIDGET (self->village_dropdown), self->village_error, NULL);
    }
  else
    {
      desk_form_set_error (GTK_WIDGET (self->legal_rep_entry), self->legal_rep_error, NULL);
      desk_form_set_error (GTK_WIDGET (self->address_entry), self->address_error, NULL);
    }

  gtk_label_set_text (self->name_label, org ? _("Name of the organisation") : _("Name"));
  gtk_label_set_text (self->id_label, org ? _("Unified social credit code") : _("ID number"));
  gtk_label_set_text (self->phone_label, org ? _("Phone") : _("Mobile"));
  place (self, GTK_WIDGET (self->phone_label), org ? 2 : 0, org ? 2 : 4);
  place (self, GTK_WIDGET (self->phone_entry), org ? 3 : 1, org ? 2 : 4);
  place (self, self->phone_error, org ? 3 : 1, org ? 3 : 5);
  gtk_button_set_label (GTK_BUTTON (self->use_existing_button),
                        org ? _("_Use This Organisation") : _("_Use This Person"));
  update_kind_hint (self);
}

static void
set_searching (DeskPersonPicker *self,
               gboolean          searching)
{
  if (self->searching == searching)
    return;
  self->searching = searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
set_entry_text (DeskPersonPicker *self,
                GtkEntry         *entry,
                const char       *text)
{
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  self->loading--;
}

static void
emit_changed (DeskPersonPicker *self)
{
  if (self->loading == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_actions (DeskPersonPicker *self)
{
  gboolean listing = gtk_widget_get_visible (GTK_WIDGET (self->popover));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.select-next", listing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.select-previous", listing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.dismiss", listing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.use-existing",
                                 self->duplicate_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.new-person", !self->anonymous);
}

static void
hide_list (DeskPersonPicker *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
  update_actions (self);
}

static void
show_list (DeskPersonPicker *self)
{
  graphene_rect_t bounds;
  GtkWidget *scrolled = gtk_popover_get_child (self->popover);

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->entry), GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = { (int) bounds.origin.x, (int) bounds.origin.y,
                            (int) bounds.size.width, (int) bounds.size.height };

      gtk_popover_set_pointing_to (self->popover, &rect);
      gtk_widget_set_size_request (scrolled, MAX (320, rect.width), -1);
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
  update_actions (self);
}

/* The focus is in the entry's text, or the list under it. */
static gboolean
entry_has_focus (DeskPersonPicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self->entry) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entry)) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->popover)));
}

static gboolean
row_is_choice (GtkListBoxRow *row)
{
  return row != NULL && gtk_list_box_row_get_selectable (row);
}

/* Selects the first row that can be taken: the best match, else the
 * first offer to register. */
static void
select_first_choice (DeskPersonPicker *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->results_list, i)) != NULL; i++)
    if (row_is_choice (row))
      {
        gtk_list_box_select_row (self->results_list, row);
        return;
      }
}

static GtkWidget *
make_person_row (DeskPersonPicker *self,
                 const DeskPerson *person)
{
  g_autofree char *details = desk_form_describe_person (person,
                                                        village_name (self, person->village_id),
                                                        NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (person->name);
  GtkWidget *info = gtk_label_new (details);
  GtkWidget *row = gtk_list_box_row_new ();
  gboolean refused = person->kind == DESK_PERSON_ORGANISATION && !self->allow_orgs;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (info), 0);
  gtk_label_set_ellipsize (GTK_LABEL (info), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (info, "dim-label");
  gtk_widget_add_css_class (info, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), info);
  gtk_widget_set_visible (info, *details != '\0');
  if (refused)
    {
      /* Found, so that the clerk does not look for it again, but not
       * a choice here. */
      g_autofree char *why = g_strdup_printf (_("An organisation cannot be the %s"),
                                              field_name (self));
      GtkWidget *reason = gtk_label_new (why);

      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_widget_add_css_class (reason, "caption");
      gtk_widget_add_css_class (reason, "warning");
      gtk_box_append (GTK_BOX (box), reason);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
make_text_row (const char *icon,
               const char *text,
               gboolean    choice)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (!choice)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), choice);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), choice);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
append_offer (DeskPersonPicker *self,
              DeskPersonKind    kind,
              const char       *text)
{
  GtkWidget *row = make_text_row (kind == DESK_PERSON_ORGANISATION ? "system-users-symbolic"
                                                                   : "contact-new-symbolic",
                                  text, TRUE);

  g_object_set_data (G_OBJECT (row), OFFER_KEY, GINT_TO_POINTER (kind + 1));
  gtk_list_box_append (self->results_list, row);
}

/* Fills the list with what was found for @text: the people, best first,
 * then the offer to register @text as someone new. */
static void
show_results (DeskPersonPicker *self,
              const char       *text,
              GPtrArray        *found)
{
  GtkWidget *child;
  g_autofree char *offer = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_ptr_array_ref (found);
  g_free (self->shown_text);
  self->shown_text = g_strdup (text);

  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->results_list, make_person_row (self, g_ptr_array_index (found, i)));
  if (found->len == 0)
    gtk_list_box_append (self->results_list,
                         make_text_row (NULL, _("No registered person matches"), FALSE));
  if (!self->allow_orgs)
    {
      offer = g_strdup_printf (_("Register “%s” as a new person"), text);
      append_offer (self, DESK_PERSON_NATURAL, offer);
    }
  else
    {
      /* Both kinds, the one the text reads as first. */
      DeskPersonKind first = guess_kind (self, text);

      for (int i = 0; i < 2; i++)
        {
          DeskPersonKind kind = i == 0 ? first
                                       : first == DESK_PERSON_NATURAL ? DESK_PERSON_ORGANISATION
                                                                      : DESK_PERSON_NATURAL;

          g_free (offer);
          offer = g_strdup_printf (kind == DESK_PERSON_ORGANISATION
                                     ? _("Register “%s” as a new organisation")
                                     : _("Register “%s” as a new natural person"),
                                   text);
          append_offer (self, kind, offer);
        }
    }

  select_first_choice (self);
  if (entry_has_focus (self))
    show_list (self);
}

static void search_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
start_search (DeskPersonPicker *self,
              const char       *text)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  if (self->searcher == NULL)
    return;
  set_searching (self, TRUE);
  data = g_new0 (SearchData, 1);
  data->searcher = searcher_ref (self->searcher);
  data->text = g_strdup (text);
  task = g_task_new (self, self->cancellable, search_done, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

static void
request_search (DeskPersonPicker *self,
                const char       *text)
{
  if (self->searching)
    {
      g_free (self->pending);
      self->pending = g_strdup (text);
      return;
    }
  start_search (self, text);
}

static char *
typed_text (DeskPersonPicker *self)
{
  return desk_form_editable_text (GTK_EDITABLE (self->entry));
}

static void choose_person (DeskPersonPicker *self,
                           const DeskPerson *person);
static void begin_new_person (DeskPersonPicker *self,
                              const char       *text,
                              DeskPersonKind    kind,
                              gboolean          focus);

/* Enter, or a click: takes @row, a registered person or an offer to
 * register what was typed; a row that is no choice takes nothing. */
static void
take_row (DeskPersonPicker *self,
          GtkListBoxRow    *row)
{
  g_autofree char *text = typed_text (self);
  int offer, index;

  if (!row_is_choice (row))
    return;
  offer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), OFFER_KEY));
  index = gtk_list_box_row_get_index (row);
  if (offer > 0)
    begin_new_person (self, text, (DeskPersonKind) (offer - 1), TRUE);
  else if (self->results != NULL && index >= 0 && (guint) index < self->results->len)
    {
      choose_person (self, g_ptr_array_index (self->results, index));
      g_signal_emit (self, signals[DONE], 0);
    }
}

static void
take_selected (DeskPersonPicker *self)
{
  if (gtk_list_box_get_selected_row (self->results_list) == NULL)
    select_first_choice (self);
  take_row (self, gtk_list_box_get_selected_row (self->results_list));
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (source);
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pending = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the picker is gone */

  set_searching (self, FALSE);
  pending = g_steal_pointer (&self->pending);
  text = typed_text (self);
  if (pending != NULL || !g_str_equal (text, data->text))
    {
      /* The clerk typed on: what was found answers an older text. */
      if (*text != '\0' && self->person_id == 0 && !self->anonymous)
        start_search (self, text);
      return;
    }

  if (found == NULL)
    {
      desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, error->message);
      self->pick_when_ready = FALSE;
      return;
    }
  show_results (self, text, found);
  if (self->pick_when_ready)
    {
      self->pick_when_ready = FALSE;
      take_selected (self);
    }
}

static void
show_details (DeskPersonPicker *self)
{
  g_autofree char *details = NULL;

  if (self->chosen == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
      return;
    }
  details = desk_form_describe_person (self->chosen,
                                       village_name (self, self->chosen->village_id), NULL);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
}

static void
clear_new_errors (DeskPersonPicker *self)
{
  desk_form_set_error (GTK_WIDGET (self->name_entry), self->name_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->id_entry), self->id_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->phone_entry), self->phone_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->village_dropdown), self->village_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->legal_rep_entry), self->legal_rep_error, NULL);
  desk_form_set_error (GTK_WIDGET (self->address_entry), self->address_error, NULL);
}

static void
hide_duplicate (DeskPersonPicker *self)
{
  self->duplicate_id = 0;
  self->duplicate_kind = DUPLICATE_NONE;
  gtk_widget_set_visible (self->duplicate_box, FALSE);
  update_actions (self);
}

static void
set_new_person (DeskPersonPicker *self,
                gboolean          new_person)
{
  if (self->new_person == new_person)
    return;
  self->new_person = new_person;
  gtk_widget_set_visible (self->new_card, new_person);
  if (!new_person)
    {
      clear_new_errors (self);
      hide_duplicate (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NEW_PERSON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VILLAGE_ID]);
}

static void
choose_person (DeskPersonPicker *self,
               const DeskPerson *person)
{
  g_clear_pointer (&self->chosen, desk_person_free);
  self->chosen = desk_person_copy (person);
  self->person_id = person->id;
  self->pick_when_ready = FALSE;
  set_entry_text (self, self->entry, person->name);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  hide_list (self);
  set_new_person (self, FALSE);
  desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, NULL);
  show_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VILLAGE_ID]);
  emit_changed (self);
}

static void
forget_choice (DeskPersonPicker *self)
{
  if (self->person_id == 0 && self->chosen == NULL)
    return;
  self->person_id = 0;
  g_clear_pointer (&self->chosen, desk_person_free);
  show_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VILLAGE_ID]);
}

static gboolean
looks_like_id_number (const char *text)
{
  size_t len = strlen (text);
  size_t digits = strspn (text, "0123456789");

  return len >= 15 && len <= 18 &&
         (digits == len || (digits == len - 1 && g_ascii_toupper (text[len - 1]) == 'X'));
}

static GtkWidget *
first_empty_new_field (DeskPersonPicker *self)
{
  GtkEntry *order[] = { self->name_entry, self->id_entry, self->phone_entry };
  GtkEntry *org_order[] = { self->name_entry, self->id_entry, self->legal_rep_entry,
                            self->phone_entry };
  gboolean org = is_org (self);

  for (guint i = 0; i < (org ? G_N_ELEMENTS (org_order) : G_N_ELEMENTS (order)); i++)
    {
      GtkEntry *entry = org ? org_order[i] : order[i];

      if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
        return GTK_WIDGET (entry);
    }
  return org ? GTK_WIDGET (self->address_entry) : GTK_WIDGET (self->village_dropdown);
}

static void
set_kind (DeskPersonPicker *self,
          DeskPersonKind    kind)
{
  gboolean org = self->allow_orgs && kind == DESK_PERSON_ORGANISATION;

  self->loading++;
  gtk_toggle_button_set_active (org ? self->org_toggle : self->natural_toggle, TRUE);
  self->loading--;
  apply_kind (self);
}

static void check_id_number (DeskPersonPicker *self,
                             gboolean          final);
static void check_phone (DeskPersonPicker *self,
                         gboolean          final);

/* Opens the fields for a new person or organisation (@kind), with what was
 * typed in the field it belongs to: an ID number or credit code, a phone
 * number or a name. */
static void
begin_new_person (DeskPersonPicker *self,
                  const char       *text,
                  DeskPersonKind    kind,
                  gboolean          focus)
{
  g_autofree char *phone = NULL;

  hide_list (self);
  self->pick_when_ready = FALSE;
  forget_choice (self);
  desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, NULL);
  set_kind (self, kind);
  if (text != NULL && *text != '\0')
    {
      if (looks_like_id_number (text) || desk_form_looks_like_credit_code (text))
        {
          if (*gtk_editable_get_text (GTK_EDITABLE (self->id_entry)) == '\0')
            gtk_editable_set_text (GTK_EDITABLE (self->id_entry), text);
        }
      else if ((phone = desk_validate_phone (text, NULL)) != NULL)
        {
          if (*gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)) == '\0')
            gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), text);
        }
      else if (*gtk_editable_get_text (GTK_EDITABLE (self->name_entry)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text);
    }
  set_new_person (self, TRUE);
  check_id_number (self, TRUE);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)) != '\0')
    check_phone (self, TRUE);
  if (focus)
    gtk_widget_grab_focus (first_empty_new_field (self));
  emit_changed (self);
}

static char *
entry_text_or_null (GtkEntry *entry)
{
  char *text = desk_form_editable_text (GTK_EDITABLE (entry));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The new person or organisation as typed; the ID number (or credit code)
 * and phone only when valid, so that the duplicate check does not trip
 * over a half-typed one.  An organisation's 证件类型 is left to the
 * register, which takes 统一社会信用代码. */
static DeskPerson *
typed_person (DeskPersonPicker *self,
              gboolean          checked_only)
{
  DeskPerson *person = desk_person_new ();
  g_autofree char *id = desk_form_editable_text (GTK_EDITABLE (self->id_entry));
  g_autofree char *phone = desk_form_editable_text (GTK_EDITABLE (self->phone_entry));
  g_autofree char *birth = desk_form_editable_text (GTK_EDITABLE (self->birth_entry));
  g_autoptr(DeskIdNumber) parsed = NULL;
  gboolean org = is_org (self);

  person->kind = org ? DESK_PERSON_ORGANISATION : DESK_PERSON_NATURAL;
  person->name = desk_form_editable_text (GTK_EDITABLE (self->name_entry));
  if (checked_only)
    {
      if (*id != '\0' && org)
        person->id_number = desk_validate_credit_code (id, NULL);
      else if (*id != '\0')
        {
          parsed = desk_validate_id_number (id, NULL, NULL);
          person->id_number = parsed ? g_strdup (parsed->number) : NULL;
        }
      person->phone = *phone != '\0' ? desk_validate_phone (phone, NULL) : NULL;
    }
  else
    {
      person->id_number = *id != '\0' ? g_steal_pointer (&id) : NULL;
      person->phone = *phone != '\0' ? g_steal_pointer (&phone) : NULL;
      if (!self->id_derived && !org)
        {
          person->birth_date = *birth != '\0' ? g_steal_pointer (&birth) : NULL;
          person->sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
        }
    }
  if (org)
    {
      person->legal_rep = entry_text_or_null (self->legal_rep_entry);
      person->address = entry_text_or_null (self->address_entry);
    }
  else
    person->village_id = desk_form_drop_down_get_id (self->village_dropdown);
  return person;
}

static char *
describe_existing (DeskPersonPicker *self,
                   const DeskPerson *person)
{
  return desk_form_name_person (person, village_name (self, person->village_id), NULL);
}

/* Offers the registered person the new one would duplicate, if any.
 * Returns whether there is one. */
static gboolean
check_duplicate (DeskPersonPicker *self)
{
  g_autoptr(DeskPerson) typed = NULL;
  g_autoptr(DeskPerson) existing = NULL;
  g_autofree char *who = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (self->store == NULL || !self->new_person)
    return FALSE;
  typed = typed_person (self, TRUE);
  if (typed->id_number == NULL && typed->phone == NULL)
    id = 0;
  else
    id = desk_person_find_existing (self->store, typed);
  existing = id > 0 ? desk_person_get (self->store, id, NULL) : NULL;
  if (existing == NULL)
    {
      hide_duplicate (self);
      return FALSE;
    }

  who = describe_existing (self, existing);
  if (typed->kind == DESK_PERSON_ORGANISATION && typed->id_number != NULL &&
      g_strcmp0 (existing->id_number, typed->id_number) == 0)
    {
      self->duplicate_kind = DUPLICATE_ID_NUMBER;
      message = g_strdup_printf (_("This credit code is already registered for %s. "
                                   "Use this organisation?"), who);
    }
  else if (typed->id_number != NULL && g_strcmp0 (existing->id_number, typed->id_number) == 0)
    {
      self->duplicate_kind = DUPLICATE_ID_NUMBER;
      message = g_strdup_printf (_("This ID number is already registered for %s. "
                                   "Use this person?"), who);
    }
  else if (typed->id_number != NULL && existing->id_number != NULL)
    {
      /* An old 15-digit number and its 18-digit form */
      self->duplicate_kind = DUPLICATE_ID_NUMBER;
      message = g_strdup_printf (_("This ID number is already registered for %s. "
                                   "Use this person?"), who);
    }
  else if (typed->kind == DESK_PERSON_ORGANISATION)
    {
      self->duplicate_kind = DUPLICATE_PHONE;
      message = g_strdup_printf (_("This phone number is already registered for %s, "
                                   "under the same name. Use this organisation?"), who);
    }
  else
    {
      self->duplicate_kind = DUPLICATE_PHONE;
      message = g_strdup_printf (_("This phone number is already registered for %s, "
                                   "under the same name. Use this person?"), who);
    }
  self->duplicate_id = id;
  gtk_label_set_text (self->duplicate_label, message);
  gtk_widget_set_visible (self->duplicate_box, TRUE);
  update_actions (self);
  return TRUE;
}

static void
set_derived (DeskPersonPicker *self,
             const DeskIdNumber *id)
{
  self->loading++;
  if (id != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), id->birth_date);
      desk_form_drop_down_set_id (self->sex_dropdown, id->sex);
      desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
    }
  else if (self->id_derived)
    {
      /* What the number said no longer holds. */
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), "");
      desk_form_drop_down_set_id (self->sex_dropdown, DESK_SEX_UNKNOWN);
    }
  self->loading--;
  self->id_derived = id != NULL;
  desk_form_set_sensitive (GTK_WIDGET (self->birth_entry), id == NULL,
                           GTK_WIDGET (self->phone_entry));
  desk_form_set_sensitive (GTK_WIDGET (self->sex_dropdown), id == NULL,
                           GTK_WIDGET (self->phone_entry));
}

/* While the clerk types, an ID number is judged once it has all 18
 * characters or holds one that cannot be there; @final judges it as it
 * stands (the field was left, or the record is saved). */
static void
check_id_number (DeskPersonPicker *self,
                 gboolean          final)
{
  g_autoptr(DeskIdNumber) id = NULL;
  g_autofree char *code = NULL;

  if (is_org (self))
    desk_form_check_credit_code (GTK_WIDGET (self->id_entry), self->id_error, final, &code);
  else
    desk_form_check_id_number (GTK_WIDGET (self->id_entry), self->id_error, final, &id);
  set_derived (self, id);
  check_duplicate (self);
}

static void
check_phone (DeskPersonPicker *self,
             gboolean          final)
{
  g_autofree char *phone = NULL;

  desk_form_check_phone (GTK_WIDGET (self->phone_entry), self->phone_error, final, &phone);
  check_duplicate (self);
}

static gboolean
check_birth_date (DeskPersonPicker *self,
                  gboolean          final)
{
  g_autofree char *date = NULL;
  gboolean ok;

  if (self->id_derived || is_org (self))
    {
      desk_form_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, NULL);
      return TRUE;
    }
  ok = desk_form_check_date (GTK_WIDGET (self->birth_entry), self->birth_error, _("Birth date"),
                             final, &date);
  if (date != NULL && final)
    set_entry_text (self, self->birth_entry, date);
  return ok;
}

static gboolean
check_name (DeskPersonPicker *self,
            gboolean          final)
{
  return desk_form_check_name (GTK_WIDGET (self->name_entry), self->name_error,
                               is_org (self) ? _("Name of the organisation") : _("Name"), final);
}

/* Callbacks */

static void
entry_changed (DeskPersonPicker *self)
{
  g_autofree char *text = NULL;

  if (self->loading > 0)
    return;
  forget_choice (self);
  desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, NULL);
  text = typed_text (self);
  if (*text == '\0')
    {
      g_clear_pointer (&self->pending, g_free);
      self->pick_when_ready = FALSE;
      hide_list (self);
    }
  else
    request_search (self, text);
  emit_changed (self);
}

static void
entry_activated (DeskPersonPicker *self)
{
  g_autofree char *text = typed_text (self);

  if (self->anonymous || self->person_id > 0 || *text == '\0')
    {
      hide_list (self);
      if (self->new_person && *text == '\0')
        gtk_widget_grab_focus (first_empty_new_field (self));
      else
        g_signal_emit (self, signals[DONE], 0);
      return;
    }
  if (self->searching || self->pending != NULL || g_strcmp0 (self->shown_text, text) != 0)
    {
      /* Enter typed before the list came back takes the best match then. */
      self->pick_when_ready = TRUE;
      if (!self->searching && self->pending == NULL)
        request_search (self, text);
      return;
    }
  if (self->new_person && !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      gtk_widget_grab_focus (first_empty_new_field (self));
      return;
    }
  take_selected (self);
}

static void
entry_focus_left (DeskPersonPicker *self)
{
  g_autofree char *text = NULL;

  /* The list belongs to the entry; a click in it keeps the focus there. */
  if (self->loading > 0 || entry_has_focus (self))
    return;
  text = typed_text (self);
  hide_list (self);
  /* Someone typed who is not registered: keep what was typed in the new
   * person's fields rather than lose it. */
  if (*text != '\0' && self->person_id == 0 && !self->anonymous && !self->new_person &&
      !self->searching && self->results != NULL && self->results->len == 0 &&
      g_strcmp0 (self->shown_text, text) == 0)
    begin_new_person (self, text, guess_kind (self, text), FALSE);
}

static void
row_activated (DeskPersonPicker *self,
               GtkListBoxRow    *row)
{
  take_row (self, row);
}

/* The clerk switched the new entry between a person and an organisation:
 * what was typed stays, and is judged as the other kind. */
static void
kind_toggled (DeskPersonPicker *self)
{
  apply_kind (self);
  if (self->loading > 0 || !self->new_person)
    return;
  check_id_number (self, FALSE);
  if (gtk_widget_get_visible (self->phone_error))
    check_phone (self, TRUE);
  if (gtk_widget_get_visible (self->name_error))
    check_name (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VILLAGE_ID]);
  emit_changed (self);
}

static void
anonymous_toggled (DeskPersonPicker *self)
{
  gboolean anonymous = gtk_check_button_get_active (self->anonymous_check);

  if (self->anonymous == anonymous)
    return;
  self->anonymous = anonymous;
  if (anonymous)
    {
      hide_list (self);
      forget_choice (self);
      set_new_person (self, FALSE);
      self->pick_when_ready = FALSE;
      set_entry_text (self, self->entry, "");
      desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, NULL);
    }
  desk_form_set_sensitive (GTK_WIDGET (self->entry), !anonymous,
                           GTK_WIDGET (self->anonymous_check));
  desk_form_set_sensitive (self->new_button, !anonymous, GTK_WIDGET (self->anonymous_check));
  gtk_entry_set_placeholder_text (self->entry,
                                  anonymous ? _("Anonymous visitor (no name given)")
                                  : self->allow_orgs ? _("Name, ID number, credit code or phone")
                                  : _("Name, ID number or phone"));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
  emit_changed (self);
}

static void
new_field_changed (DeskPersonPicker *self,
                   GParamSpec       *pspec,
                   GtkWidget        *field)
{
  if (self->loading > 0)
    return;
  if (field == GTK_WIDGET (self->id_entry))
    check_id_number (self, FALSE);
  else if (field == GTK_WIDGET (self->phone_entry))
    check_phone (self, FALSE);
  else if (field == GTK_WIDGET (self->birth_entry))
    check_birth_date (self, FALSE);
  else if (field == GTK_WIDGET (self->name_entry))
    {
      if (gtk_widget_get_visible (self->name_error))
        check_name (self, FALSE);
      update_kind_hint (self);
      check_duplicate (self);
    }
  else if (field == GTK_WIDGET (self->village_dropdown))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VILLAGE_ID]);
  emit_changed (self);
}

static void
new_field_text_changed (GtkEditable      *editable,
                        DeskPersonPicker *self)
{
  new_field_changed (self, NULL, GTK_WIDGET (editable));
}

/* A field Enter stops at: one still empty, or one whose message says it
 * is wrong; what the number filled in (sex, birth date) is passed over. */
static gboolean
wants_typing (DeskPersonPicker *self,
              GtkWidget        *field,
              GtkWidget        *message)
{
  if (!gtk_widget_get_sensitive (field))
    return FALSE;
  if (GTK_IS_DROP_DOWN (field))
    return desk_form_drop_down_get_id (GTK_DROP_DOWN (field)) == 0;
  return *gtk_editable_get_text (GTK_EDITABLE (field)) == '\0' ||
         gtk_widget_get_visible (message);
}

/* Enter in a field of the new person checks it and moves on to the next
 * field that wants typing, and out of the picker when none is left. */
static void
new_field_activated (GtkEntry         *entry,
                     DeskPersonPicker *self)
{
  struct { GtkWidget *field; GtkWidget *message; } natural_order[] = {
    { GTK_WIDGET (self->name_entry), self->name_error },
    { GTK_WIDGET (self->id_entry), self->id_error },
    { GTK_WIDGET (self->birth_entry), self->birth_error },
    { GTK_WIDGET (self->phone_entry), self->phone_error },
    { GTK_WIDGET (self->village_dropdown), self->village_error },
  }, org_order[] = {
    { GTK_WIDGET (self->name_entry), self->name_error },
    { GTK_WIDGET (self->id_entry), self->id_error },
    { GTK_WIDGET (self->legal_rep_entry), self->legal_rep_error },
    { GTK_WIDGET (self->phone_entry), self->phone_error },
    { GTK_WIDGET (self->address_entry), self->address_error },
  }, *order = is_org (self) ? org_order : natural_order;
  gboolean after = FALSE;

  if (entry == self->name_entry)
    check_name (self, TRUE);
  else if (entry == self->id_entry)
    check_id_number (self, TRUE);
  else if (entry == self->birth_entry)
    check_birth_date (self, TRUE);
  else if (entry == self->phone_entry)
    check_phone (self, TRUE);

  if (self->duplicate_id > 0)
    {
      gtk_widget_grab_focus (self->use_existing_button);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (natural_order); i++)
    {
      if (after && wants_typing (self, order[i].field, order[i].message))
        {
          gtk_widget_grab_focus (order[i].field);
          return;
        }
      if (order[i].field == GTK_WIDGET (entry))
        after = TRUE;
    }
  g_signal_emit (self, signals[DONE], 0);
}

static void
new_field_left (GtkEventControllerFocus *controller,
                DeskPersonPicker        *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->loading > 0)
    return;
  if (field == GTK_WIDGET (self->name_entry))
    check_name (self, TRUE);
  else if (field == GTK_WIDGET (self->id_entry))
    check_id_number (self, TRUE);
  else if (field == GTK_WIDGET (self->birth_entry))
    check_birth_date (self, TRUE);
  else if (field == GTK_WIDGET (self->phone_entry))
    check_phone (self, TRUE);
}

static void
village_picked (GtkDropDown *drop_down,
                gpointer     user_data)
{
  g_signal_emit (user_data, signals[DONE], 0);
}

/* Actions */

static void
select_step (DeskPersonPicker *self,
             int               step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);
  int index = row ? gtk_list_box_row_get_index (row) : (step > 0 ? -1 : 0);

  for (index += step; ; index += step)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->results_list, index);

      if (next == NULL || index < 0)
        return;
      if (row_is_choice (next))
        {
          gtk_list_box_select_row (self->results_list, next);
          return;
        }
    }
}

static void
select_next_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  select_step (DESK_PERSON_PICKER (widget), 1);
}

static void
select_previous_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  select_step (DESK_PERSON_PICKER (widget), -1);
}

static void
dismiss_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);

  self->pick_when_ready = FALSE;
  hide_list (self);
}

static void
new_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);
  g_autofree char *text = typed_text (self);

  if (self->person_id > 0)
    {
      /* Someone else than the person chosen */
      forget_choice (self);
      set_entry_text (self, self->entry, "");
      begin_new_person (self, NULL, is_org (self) ? DESK_PERSON_ORGANISATION
                                                  : DESK_PERSON_NATURAL, TRUE);
    }
  else
    begin_new_person (self, text,
                      self->new_person ? (is_org (self) ? DESK_PERSON_ORGANISATION
                                                        : DESK_PERSON_NATURAL)
                                       : guess_kind (self, text),
                      TRUE);
}

static void
cancel_new_person_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);

  set_new_person (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  emit_changed (self);
}

static void
use_existing_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);
  g_autoptr(DeskPerson) person = NULL;

  if (self->duplicate_id <= 0 || self->store == NULL)
    return;
  person = desk_person_get (self->store, self->duplicate_id, NULL);
  if (person == NULL)
    return;
  choose_person (self, person);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  g_signal_emit (self, signals[DONE], 0);
}

/* GObject */

static void
desk_person_picker_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (DESK_PERSON_PICKER (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
desk_person_picker_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (self->popover);
}

/* Tab moves through the fields in the box; the list under the entry is
 * never a stop of its own. */
static gboolean
desk_person_picker_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  return gtk_widget_child_focus (DESK_PERSON_PICKER (widget)->box, direction);
}

static gboolean
desk_person_picker_grab_focus (GtkWidget *widget)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (widget);

  if (self->anonymous)
    return gtk_widget_grab_focus (GTK_WIDGET (self->anonymous_check));
  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
desk_person_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_ANONYMOUS:
      g_value_set_boolean (value, self->anonymous);
      break;
    case PROP_HAS_NEW_PERSON:
      g_value_set_boolean (value, self->new_person);
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;
    case PROP_VILLAGE_ID:
      g_value_set_int64 (value, desk_person_picker_get_village_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_person_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      desk_person_picker_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_ANONYMOUS:
      desk_person_picker_set_anonymous (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_person_picker_dispose (GObject *object)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (object);

  /* Fields losing the focus as they go are not the clerk's doing. */
  self->loading++;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PERSON_PICKER);
  g_clear_object (&self->store);
  g_clear_pointer (&self->searcher, searcher_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->village_names, g_hash_table_unref);
  G_OBJECT_CLASS (desk_person_picker_parent_class)->dispose (object);
}

static void
desk_person_picker_finalize (GObject *object)
{
  DeskPersonPicker *self = DESK_PERSON_PICKER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->chosen, desk_person_free);
  g_free (self->pending);
  g_free (self->shown_text);
  g_free (self->field);
  G_OBJECT_CLASS (desk_person_picker_parent_class)->finalize (object);
}

static void
desk_person_picker_class_init (DeskPersonPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_person_picker_get_property;
  object_class->set_property = desk_person_picker_set_property;
  object_class->dispose = desk_person_picker_dispose;
  object_class->finalize = desk_person_picker_finalize;
  widget_class->measure = desk_person_picker_measure;
  widget_class->size_allocate = desk_person_picker_size_allocate;
  widget_class->grab_focus = desk_person_picker_grab_focus;
  widget_class->focus = desk_person_picker_focus;

  /**
   * DeskPersonPicker:person-id:
   *
   * The registered person chosen; 0 for none (anonymous, a new person not
   * yet saved, or nothing chosen yet).
   */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANONYMOUS] =
    g_param_spec_boolean ("anonymous", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskPersonPicker:has-new-person:
   *
   * Whether the fields for a new person are open: saving the record
   * registers that person (desk_person_picker_save()).
   */
  properties[PROP_HAS_NEW_PERSON] =
    g_param_spec_boolean ("has-new-person", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskPersonPicker:searching:
   *
   * Whether a search of the register is under way.
   */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskPersonPicker:village-id:
   *
   * The village of the chosen person, or the one given for the new person;
   * 0 when unknown.
   */
  properties[PROP_VILLAGE_ID] =
    g_param_spec_int64 ("village-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskPersonPicker::changed:
   *
   * The clerk changed the choice or typed into a field.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskPersonPicker::done:
   *
   * Enter finished the picker's work: a person was taken, or the new
   * person's last field was filled.  The form moves on to its next field.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-person-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, box);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, new_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, anonymous_check);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, details_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, entry_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, new_card);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, kind_box);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, natural_toggle);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, org_toggle);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, kind_hint);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, new_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, name_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, name_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, id_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, id_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, id_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, sex_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, sex_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, birth_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, birth_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, phone_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, phone_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, village_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, village_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, village_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, legal_rep_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, legal_rep_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, legal_rep_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, address_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, address_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, address_error);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, use_existing_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, DeskPersonPicker, results_list);

  gtk_widget_class_install_action (widget_class, "picker.select-next", NULL,
                                   select_next_activated);
  gtk_widget_class_install_action (widget_class, "picker.select-previous", NULL,
                                   select_previous_activated);
  gtk_widget_class_install_action (widget_class, "picker.dismiss", NULL, dismiss_activated);
  gtk_widget_class_install_action (widget_class, "picker.new-person", NULL,
                                   new_person_activated);
  gtk_widget_class_install_action (widget_class, "picker.cancel-new-person", NULL,
                                   cancel_new_person_activated);
  gtk_widget_class_install_action (widget_class, "picker.use-existing", NULL,
                                   use_existing_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Up, Down and Escape belong to the list while it is shown; the entry's
 * text would take Up and Down for itself, so they are caught on the way
 * down, and let through (the actions are disabled) when there is no list. */
static void
add_list_keys (DeskPersonPicker *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Down, "picker.select-next" },
    { GDK_KEY_KP_Down, "picker.select-next" },
    { GDK_KEY_Up, "picker.select-previous" },
    { GDK_KEY_KP_Up, "picker.select-previous" },
    { GDK_KEY_Escape, "picker.dismiss" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);
}

static void
watch_new_field (DeskPersonPicker *self,
                 GtkWidget        *field)
{
  GtkEventController *focus;

  if (GTK_IS_DROP_DOWN (field))
    {
      g_signal_connect_swapped (field, "notify::selected", G_CALLBACK (new_field_changed), self);
      return;
    }
  g_signal_connect (field, "changed", G_CALLBACK (new_field_text_changed), self);
  g_signal_connect (field, "activate", G_CALLBACK (new_field_activated), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (new_field_left), self);
  gtk_widget_add_controller (field, focus);
}

static void
desk_person_picker_init (DeskPersonPicker *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  desk_form_drop_down_init (self->sex_dropdown, NULL, NULL);
  desk_form_sex_drop_down_fill (self->sex_dropdown);
  desk_form_drop_down_init (self->village_dropdown, village_picked, self);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activated), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  add_list_keys (self);

  g_signal_connect_swapped (self->results_list, "row-activated",
                            G_CALLBACK (row_activated), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->anonymous_check, "toggled",
                            G_CALLBACK (anonymous_toggled), self);

  watch_new_field (self, GTK_WIDGET (self->name_entry));
  watch_new_field (self, GTK_WIDGET (self->id_entry));
  watch_new_field (self, GTK_WIDGET (self->birth_entry));
  watch_new_field (self, GTK_WIDGET (self->phone_entry));
  watch_new_field (self, GTK_WIDGET (self->sex_dropdown));
  watch_new_field (self, GTK_WIDGET (self->village_dropdown));
  watch_new_field (self, GTK_WIDGET (self->legal_rep_entry));
  watch_new_field (self, GTK_WIDGET (self->address_entry));
  g_signal_connect_swapped (self->org_toggle, "toggled", G_CALLBACK (kind_toggled), self);

  apply_kind (self);
  update_actions (self);
}

/* A save refused for a duplicate says so at the field that makes it one;
 * the offer under the fields says who is meant. */
static void
mark_duplicate (DeskPersonPicker *self)
{
  if (self->duplicate_kind == DUPLICATE_ID_NUMBER)
    desk_form_set_error (GTK_WIDGET (self->id_entry), self->id_error,
                         _("already registered; see below"));
  else
    desk_form_set_error (GTK_WIDGET (self->phone_entry), self->phone_error,
                         _("already registered under this name; see below"));
}

/* Public API */

GtkWidget *
desk_person_picker_new (void)
{
  return g_object_new (DESK_TYPE_PERSON_PICKER, NULL);
}

/**
 * desk_person_picker_set_store:
 *
 * The ledger whose register is searched; its file is opened a second
 * time, read-only, for the searches.
 */
void
desk_person_picker_set_store (DeskPersonPicker *self,
                              DeskStore        *store)
{
  g_autoptr(GPtrArray) villages = NULL;
  g_autofree char *today = desk_today ();

  g_return_if_fail (DESK_IS_PERSON_PICKER (self));
  g_return_if_fail (DESK_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->searcher, searcher_unref);
  self->searcher = searcher_new (desk_store_get_path (store));

  g_clear_pointer (&self->village_names, g_hash_table_unref);
  self->village_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  villages = desk_village_list (store, NULL, NULL);
  self->loading++;
  desk_form_drop_down_clear (self->village_dropdown);
  desk_form_drop_down_add (self->village_dropdown, 0, _("Not given"));
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      DeskVillage *village = g_ptr_array_index (villages, i);
      gboolean active = (village->active_from == NULL ||
                         strcmp (village->active_from, today) <= 0) &&
                        (village->active_until == NULL ||
                         strcmp (village->active_until, today) >= 0);

      g_hash_table_insert (self->village_names, g_memdup2 (&village->id, sizeof (gint64)),
                           g_strdup (village->name));
      if (active)
        desk_form_drop_down_add (self->village_dropdown, village->id, village->name);
    }
  desk_form_drop_down_set_id (self->village_dropdown, 0);
  self->loading--;
}

gint64
desk_person_picker_get_person_id (DeskPersonPicker *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), 0);
  return self->person_id;
}

/**
 * desk_person_picker_set_person_id:
 *
 * Shows the registered person @person_id as chosen (a record opened for
 * editing, or the person just registered); 0 empties the picker.
 */
void
desk_person_picker_set_person_id (DeskPersonPicker *self,
                                  gint64            person_id)
{
  g_autoptr(DeskPerson) person = NULL;

  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  self->loading++;
  if (person_id > 0 && self->store != NULL)
    person = desk_person_get (self->store, person_id, NULL);
  if (person != NULL)
    {
      gtk_check_button_set_active (self->anonymous_check, FALSE);
      choose_person (self, person);
    }
  else
    {
      hide_list (self);
      forget_choice (self);
      set_new_person (self, FALSE);
      set_entry_text (self, self->entry, "");
    }
  self->loading--;
}

gboolean
desk_person_picker_get_anonymous (DeskPersonPicker *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);
  return self->anonymous;
}

void
desk_person_picker_set_anonymous (DeskPersonPicker *self,
                                  gboolean          anonymous)
{
  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  self->loading++;
  gtk_check_button_set_active (self->anonymous_check, anonymous);
  self->loading--;
}

gboolean
desk_person_picker_get_has_new_person (DeskPersonPicker *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);
  return self->new_person;
}

gboolean
desk_person_picker_get_searching (DeskPersonPicker *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);
  return self->searching;
}

gint64
desk_person_picker_get_village_id (DeskPersonPicker *self)
{
  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), 0);

  if (self->chosen != NULL)
    return self->chosen->village_id;
  if (self->new_person && !is_org (self))
    return desk_form_drop_down_get_id (self->village_dropdown);
  return 0;
}

/**
 * desk_person_picker_check:
 * @first_invalid: (out) (optional) (transfer none): the first field found
 *   wrong
 *
 * Checks what can be checked before saving and marks every field that is
 * wrong: a person chosen, or the visitor anonymous, or a new person whose
 * fields are right and who is not registered yet.
 */
gboolean
desk_person_picker_check (DeskPersonPicker  *self,
                          GtkWidget        **first_invalid)
{
  g_autofree char *text = NULL;
  GtkWidget *first = NULL;

  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);

  if (first_invalid != NULL)
    *first_invalid = NULL;
  if (self->anonymous || self->person_id > 0)
    return TRUE;

  if (!self->new_person)
    {
      text = typed_text (self);
      desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error,
                           *text != '\0'
                             ? _("choose someone from the list, or register a new person")
                           : self->no_anonymous
                             ? _("type a name, ID number or phone and choose the person")
                             : _("type a name, ID number or phone and choose the person, "
                                 "or tick “Anonymous”"));
      if (first_invalid != NULL)
        *first_invalid = GTK_WIDGET (self->entry);
      return FALSE;
    }

  if (!check_name (self, TRUE))
    first = GTK_WIDGET (self->name_entry);
  check_id_number (self, TRUE);
  if (first == NULL && gtk_widget_get_visible (self->id_error))
    first = GTK_WIDGET (self->id_entry);
  if (!check_birth_date (self, TRUE) && first == NULL)
    first = GTK_WIDGET (self->birth_entry);   /* a person's only */
  check_phone (self, TRUE);
  if (first == NULL && gtk_widget_get_visible (self->phone_error))
    first = GTK_WIDGET (self->phone_entry);
  if (first == NULL && self->duplicate_id > 0)
    {
      mark_duplicate (self);
      first = self->use_existing_button;
    }
  if (first_invalid != NULL)
    *first_invalid = first;
  return first == NULL;
}

/**
 * desk_person_picker_save:
 * @person_id: (out): the person of the record: 0 for an anonymous visitor
 *
 * Registers the new person, if that is what the picker holds; meant to run
 * inside the record's transaction, so that the person is written with the
 * record or not at all.  A person already registered is refused with
 * %DESK_RECORD_ERROR_DUPLICATE and offered instead.  Errors are also shown
 * beside the fields they concern.
 */
gboolean
desk_person_picker_save (DeskPersonPicker  *self,
                         gint64            *person_id,
                         GError           **error)
{
  g_autoptr(DeskPerson) person = NULL;
  GError *local = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  *person_id = 0;
  if (self->anonymous)
    return TRUE;
  if (self->person_id > 0)
    {
      *person_id = self->person_id;
      return TRUE;
    }
  if (!self->new_person)
    {
      desk_set_field_error (&local, field_name (self),
                            _("choose someone from the list, or register a new person"));
      desk_person_picker_show_error (self, local);
      g_propagate_error (error, local);
      return FALSE;
    }

  person = typed_person (self, FALSE);
  if (!desk_person_validate (self->store, person, &local))
    {
      desk_person_picker_show_error (self, local);
      g_propagate_error (error, local);
      return FALSE;
    }
  if (check_duplicate (self))
    {
      g_set_error_literal (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                           gtk_label_get_text (self->duplicate_label));
      mark_duplicate (self);
      return FALSE;
    }
  id = desk_person_ensure (self->store, person, FALSE, &local);
  if (id == 0)
    {
      desk_person_picker_show_error (self, local);
      g_propagate_error (error, local);
      return FALSE;
    }
  *person_id = id;
  return TRUE;
}

/**
 * desk_person_picker_show_error:
 *
 * Puts @error beside the picker's field it names (the visitor, or a field
 * of the new person).
 *
 * Returns: whether the error named one of the picker's fields.
 */
gboolean
desk_person_picker_show_error (DeskPersonPicker *self,
                               const GError     *error)
{
  g_autofree char *field = NULL;
  GtkWidget *widget = NULL, *label = NULL;

  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  field = desk_error_get_field (error);
  if (field == NULL)
    return FALSE;
  if (g_str_equal (field, field_name (self)))
    widget = GTK_WIDGET (self->entry), label = self->entry_error;
  else if (!self->new_person)
    return FALSE;
  else if (g_str_equal (field, _("Name")) || g_str_equal (field, _("Name of the organisation")))
    widget = GTK_WIDGET (self->name_entry), label = self->name_error;
  else if (g_str_equal (field, _("ID number")) || g_str_equal (field, _("ID type")) ||
           g_str_equal (field, _("Unified social credit code")))
    widget = GTK_WIDGET (self->id_entry), label = self->id_error;
  else if (g_str_equal (field, _("Birth date")) || g_str_equal (field, _("Sex")))
    widget = GTK_WIDGET (self->birth_entry), label = self->birth_error;
  else if (g_str_equal (field, _("Phone")) || g_str_equal (field, _("Mobile")))
    widget = GTK_WIDGET (self->phone_entry), label = self->phone_error;
  else if (g_str_equal (field, _("Village")))
    widget = GTK_WIDGET (self->village_dropdown), label = self->village_error;
  else
    return FALSE;
  desk_form_set_error (widget, label, desk_form_error_problem (error));
  return TRUE;
}

void
desk_person_picker_clear_errors (DeskPersonPicker *self)
{
  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  desk_form_set_error (GTK_WIDGET (self->entry), self->entry_error, NULL);
  clear_new_errors (self);
}

/**
 * desk_person_picker_set_allow_anonymous:
 *
 * Whether the record may go without a name (a consultation: the visitor
 * declined to give one).  A legal-aid application needs its applicant: the
 * "Anonymous" box is not offered.
 */
void
desk_person_picker_set_allow_anonymous (DeskPersonPicker *self,
                                        gboolean          allow)
{
  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  self->no_anonymous = !allow;
  if (!allow)
    desk_person_picker_set_anonymous (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_check), allow);
}

/**
 * desk_person_picker_set_allow_organisations:
 *
 * Whether the party may be an organisation (法人 or 非法人组织): a mediation
 * case's parties may, a consultation's visitor and a legal-aid applicant
 * may not (the default).  Where it may, a new entry can be registered as
 * either kind; where it may not, registered organisations are shown in the
 * list but cannot be taken.
 */
void
desk_person_picker_set_allow_organisations (DeskPersonPicker *self,
                                            gboolean          allow)
{
  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  self->allow_orgs = allow != FALSE;
  gtk_widget_set_visible (self->kind_box, self->allow_orgs);
  gtk_entry_set_placeholder_text (self->entry,
                                  self->allow_orgs ? _("Name, ID number, credit code or phone")
                                                   : _("Name, ID number or phone"));
  if (!self->allow_orgs)
    set_kind (self, DESK_PERSON_NATURAL);
  else
    apply_kind (self);
}

/**
 * desk_person_picker_set_field:
 * @field: (nullable): the field's name, as the core's errors name it
 *   (申请人); %NULL: 咨询人
 *
 * The field the picker stands for: its own messages name it, and errors
 * naming it are shown under the entry.
 */
void
desk_person_picker_set_field (DeskPersonPicker *self,
                              const char       *field)
{
  g_return_if_fail (DESK_IS_PERSON_PICKER (self));

  g_free (self->field);
  self->field = g_strdup (field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_name (self), -1);
}

/**
 * desk_person_picker_dup_person:
 *
 * What the picker shows of its person: the registered person chosen, or
 * the new person as typed so far (sex and birth date as shown, whether
 * typed or read from the ID number; a date not yet right is left out).
 *
 * Returns: (transfer full) (nullable): the person, or %NULL when none is
 *   chosen or typed (id 0 for a new one)
 */
DeskPerson *
desk_person_picker_dup_person (DeskPersonPicker *self)
{
  DeskPerson *person;
  g_autofree char *birth = NULL;

  g_return_val_if_fail (DESK_IS_PERSON_PICKER (self), NULL);

  if (self->anonymous)
    return NULL;
  if (self->chosen != NULL)
    return desk_person_copy (self->chosen);
  if (!self->new_person)
    return NULL;
  person = typed_person (self, TRUE);
  if (person->kind == DESK_PERSON_ORGANISATION)
    return person;
  person->sex = (DeskSex) desk_form_drop_down_get_id (self->sex_dropdown);
  birth = desk_form_editable_text (GTK_EDITABLE (self->birth_entry));
  person->birth_date = desk_date_valid (birth) ? g_steal_pointer (&birth) : NULL;
  return person;
}
