/* desk-party-list.c — the parties of a mediation case.
 *
 * One row per party: the role (申请人, 被申请人, 第三人), the person or
 * organisation, picked from the register or registered inline with a
 * DeskPersonPicker, and a button that takes the row away.  A new row gets
 * the role a clerk most likely means: 申请人 while there is none, else
 * 被申请人.  The list checks itself as it changes (someone listed twice, no
 * 申请人 left) and says so under the rows; the new people of the rows are
 * registered by desk_party_list_save(), inside the case's transaction.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-form.h"
#include "desk-party-list.h"
#include "desk-person-picker.h"
#include "desk-person.h"

typedef struct
{
  DeskPartyList    *list;
  GtkWidget        *box;
  GtkDropDown      *role;
  DeskPersonPicker *picker;
  GtkWidget        *remove;
} Row;

struct _DeskPartyList
{
  GtkWidget   parent_instance;

  DeskStore  *store;
  GPtrArray  *rows;       /* (element-type Row) in order */
  guint       loading;

  GtkWidget  *box;
  GtkWidget  *rows_box;
  GtkWidget  *error_label;
  GtkWidget  *add_button;
};

G_DEFINE_FINAL_TYPE (DeskPartyList, desk_party_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
emit_changed (DeskPartyList *self)
{
  if (self->loading == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static DeskCaseRole
row_role (Row *row)
{
  gint64 id = desk_form_drop_down_get_id (row->role);

  /* Ids are the role + 1: 0 is the drop-down's "nothing chosen". */
  return id > 0 ? (DeskCaseRole) (id - 1) : DESK_CASE_APPLICANT;
}

static void
rename_rows (DeskPartyList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = g_strdup_printf ("party-%u", i + 1);

      gtk_widget_set_name (row->box, name);
    }
}

static gboolean
has_applicant (DeskPartyList *self,
               Row           *except)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row != except && row_role (row) == DESK_CASE_APPLICANT)
        return TRUE;
    }
  return FALSE;
}

/* What is wrong with the list as a whole, or NULL. */
static char *
list_problem (DeskPartyList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      gint64 id = desk_person_picker_get_person_id (row->picker);

      if (id <= 0)
        continue;
      for (guint j = 0; j < i; j++)
        {
          Row *other = g_ptr_array_index (self->rows, j);

          if (desk_person_picker_get_person_id (other->picker) == id)
            {
              g_autoptr(DeskPerson) person = desk_person_get (self->store, id, NULL);

              /* Translators: a party named twice in one case */
              return g_strdup_printf (_("“%s” is listed twice"), person ? person->name : "");
            }
        }
    }
  if (!has_applicant (self, NULL))
    return g_strdup_printf (_("a case needs at least one %s"),
                            desk_case_role_label (DESK_CASE_APPLICANT));
  return NULL;
}

/* Shows what is wrong with the list; @final shows every problem, otherwise
 * only one the clerk cannot be about to fix by typing on (a person listed
 * twice), or one already shown. */
static gboolean
update_message (DeskPartyList *self,
                gboolean       final)
{
  g_autofree char *problem = list_problem (self);
  gboolean twice = problem != NULL && has_applicant (self, NULL);

  if (problem == NULL || final || twice || gtk_widget_get_visible (self->error_label))
    desk_party_list_set_error (self, problem);
  return problem == NULL;
}

static void
focus_row (Row *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (row->picker));
}

/* Callbacks */

static void
picker_changed (Row *row)
{
  DeskPartyList *self = row->list;

  if (self->loading > 0)
    return;
  update_message (self, FALSE);
  emit_changed (self);
}

static void
picker_done (Row *row)
{
  DeskPartyList *self = row->list;
  gboolean after = FALSE;

  /* On to the next row still empty, else out of the list. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *other = g_ptr_array_index (self->rows, i);

      if (after && desk_person_picker_get_person_id (other->picker) == 0 &&
          !desk_person_picker_get_has_new_person (other->picker))
        {
          focus_row (other);
          return;
        }
      if (other == row)
        after = TRUE;
    }
  g_signal_emit (self, signals[DONE], 0);
}

static void
role_changed (Row *row)
{
  DeskPartyList *self = row->list;

  if (self->loading > 0)
    return;
  update_message (self, FALSE);
  emit_changed (self);
}

static void
role_picked (GtkDropDown *drop_down,
             gpointer     user_data)
{
  focus_row (user_data);
}

static void
remove_row (Row *row)
{
  DeskPartyList *self = row->list;
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  if (self->rows->len == 1)
    {
      /* The last row empties rather than goes: a case has a party. */
      desk_person_picker_set_person_id (row->picker, 0);
      desk_person_picker_clear_errors (row->picker);
      focus_row (row);
    }
  else
    {
      gtk_box_remove (GTK_BOX (self->rows_box), row->box);
      g_ptr_array_remove_index (self->rows, index);
      rename_rows (self);
      focus_row (g_ptr_array_index (self->rows, MIN (index, self->rows->len - 1)));
    }
  update_message (self, FALSE);
  emit_changed (self);
}

static Row *
make_row (DeskPartyList *self,
          DeskCaseRole   role)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *remove;

  row->list = self;
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  row->role = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (row->role), "party-role");
  gtk_widget_set_valign (GTK_WIDGET (row->role), GTK_ALIGN_START);
  gtk_widget_set_size_request (GTK_WIDGET (row->role), 120, -1);
  desk_form_drop_down_init (row->role, role_picked, row);
  for (DeskCaseRole r = DESK_CASE_APPLICANT; r <= DESK_CASE_THIRD_PARTY; r++)
    desk_form_drop_down_add (row->role, r + 1, desk_case_role_label (r));
  desk_form_drop_down_set_id (row->role, role + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->role),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("party", "Role"), -1);

  row->picker = DESK_PERSON_PICKER (desk_person_picker_new ());
  gtk_widget_set_name (GTK_WIDGET (row->picker), "party-person");
  gtk_widget_set_hexpand (GTK_WIDGET (row->picker), TRUE);
  desk_person_picker_set_allow_anonymous (row->picker, FALSE);
  desk_person_picker_set_allow_organisations (row->picker, TRUE);
  desk_person_picker_set_field (row->picker, _("Parties"));
  if (self->store != NULL)
    desk_person_picker_set_store (row->picker, self->store);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_name (remove, "party-remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (remove, _("Remove This Party"));
  gtk_widget_add_css_class (remove, "flat");
  row->remove = remove;

  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->role));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->picker));
  gtk_box_append (GTK_BOX (row->box), remove);

  g_signal_connect_swapped (row->role, "notify::selected", G_CALLBACK (role_changed), row);
  g_signal_connect_swapped (row->picker, "changed", G_CALLBACK (picker_changed), row);
  g_signal_connect_swapped (row->picker, "done", G_CALLBACK (picker_done), row);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_row), row);
  return row;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  desk_party_list_add_blank (DESK_PARTY_LIST (widget));
}

/* GObject */

static gboolean
desk_party_list_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  return gtk_widget_child_focus (DESK_PARTY_LIST (widget)->box, direction);
}

static gboolean
desk_party_list_grab_focus (GtkWidget *widget)
{
  DeskPartyList *self = DESK_PARTY_LIST (widget);

  if (self->rows->len == 0)
    return gtk_widget_grab_focus (self->add_button);
  return gtk_widget_grab_focus (GTK_WIDGET (((Row *) g_ptr_array_index (self->rows, 0))->picker));
}

static void
desk_party_list_dispose (GObject *object)
{
  DeskPartyList *self = DESK_PARTY_LIST (object);

  self->loading++;
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PARTY_LIST);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_party_list_parent_class)->dispose (object);
}

static void
desk_party_list_class_init (DeskPartyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_party_list_dispose;
  widget_class->focus = desk_party_list_focus;
  widget_class->grab_focus = desk_party_list_grab_focus;

  /**
   * DeskPartyList::changed:
   *
   * A party was added, removed, picked, typed in or given another role.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DeskPartyList::done:
   *
   * Enter finished the last party: the form moves on.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_PERSON_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-party-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPartyList, box);
  gtk_widget_class_bind_template_child (widget_class, DeskPartyList, rows_box);
  gtk_widget_class_bind_template_child (widget_class, DeskPartyList, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPartyList, add_button);
  gtk_widget_class_install_action (widget_class, "parties.add", NULL, add_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_party_list_init (DeskPartyList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

GtkWidget *
desk_party_list_new (void)
{
  return g_object_new (DESK_TYPE_PARTY_LIST, NULL);
}

/**
 * desk_party_list_set_store:
 *
 * The ledger whose register the rows search; set it before adding rows.
 */
void
desk_party_list_set_store (DeskPartyList *self,
                           DeskStore     *store)
{
  g_return_if_fail (DESK_IS_PARTY_LIST (self));
  g_return_if_fail (DESK_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  for (guint i = 0; i < self->rows->len; i++)
    desk_person_picker_set_store (((Row *) g_ptr_array_index (self->rows, i))->picker, store);
}

/**
 * desk_party_list_set_parties:
 * @parties: (element-type DeskCaseParty) (nullable): the parties to show
 *
 * Replaces the rows; with no parties, one empty row for the 申请人.
 */
void
desk_party_list_set_parties (DeskPartyList *self,
                             const GArray  *parties)
{
  GtkWidget *child;

  g_return_if_fail (DESK_IS_PARTY_LIST (self));

  self->loading++;
  while ((child = gtk_widget_get_first_child (self->rows_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows_box), child);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      const DeskCaseParty *party = &g_array_index (parties, DeskCaseParty, i);

      desk_party_list_add (self, party->person_id, party->role);
    }
  if (self->rows->len == 0)
    desk_party_list_add (self, 0, DESK_CASE_APPLICANT);
  desk_party_list_set_error (self, NULL);
  self->loading--;
}

/**
 * desk_party_list_add:
 * @person_id: the registered person, or 0 for a row still to fill
 *
 * Returns: (transfer none): the new row
 */
GtkWidget *
desk_party_list_add (DeskPartyList *self,
                     gint64         person_id,
                     DeskCaseRole   role)
{
  Row *row;

  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), NULL);

  row = make_row (self, role);
  g_ptr_array_add (self->rows, row);
  gtk_box_append (GTK_BOX (self->rows_box), row->box);
  rename_rows (self);
  if (person_id > 0)
    desk_person_picker_set_person_id (row->picker, person_id);
  update_message (self, FALSE);
  emit_changed (self);
  return row->box;
}

/**
 * desk_party_list_add_blank:
 *
 * What Ctrl+Shift+N and the add button do: a new row, the focus in it.
 */
void
desk_party_list_add_blank (DeskPartyList *self)
{
  DeskCaseRole role;
  Row *row;

  g_return_if_fail (DESK_IS_PARTY_LIST (self));

  role = has_applicant (self, NULL) ? DESK_CASE_RESPONDENT : DESK_CASE_APPLICANT;
  desk_party_list_add (self, 0, role);
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  focus_row (row);
}

guint
desk_party_list_get_n_parties (DeskPartyList *self)
{
  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), 0);
  return self->rows->len;
}

/* The registered person of row @index; 0 while none is chosen. */
gint64
desk_party_list_get_person_id (DeskPartyList *self,
                               guint          index)
{
  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), 0);

  if (index >= self->rows->len)
    return 0;
  return desk_person_picker_get_person_id (((Row *) g_ptr_array_index (self->rows,
                                                                       index))->picker);
}

/**
 * desk_party_list_check:
 * @first_invalid: (out) (optional) (transfer none): the first field found
 *   wrong
 *
 * Checks every row and the list, and marks what is wrong.
 */
gboolean
desk_party_list_check (DeskPartyList  *self,
                       GtkWidget     **first_invalid)
{
  GtkWidget *first = NULL;

  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      GtkWidget *wrong = NULL;

      if (!desk_person_picker_check (row->picker, &wrong) && first == NULL)
        first = wrong ? wrong : GTK_WIDGET (row->picker);
    }
  if (!update_message (self, TRUE) && first == NULL)
    first = self->rows->len > 0
            ? GTK_WIDGET (((Row *) g_ptr_array_index (self->rows, 0))->role)
            : self->add_button;
  if (first_invalid != NULL)
    *first_invalid = first;
  return first == NULL;
}

/**
 * desk_party_list_save:
 *
 * Registers the new people of the rows; meant to run inside the case's
 * transaction.  Errors are also shown beside the fields they concern.
 *
 * Returns: (transfer full) (element-type DeskCaseParty): the parties, or
 *   %NULL with @error
 */
GArray *
desk_party_list_save (DeskPartyList  *self,
                      GError        **error)
{
  g_autoptr(GArray) parties = g_array_new (FALSE, FALSE, sizeof (DeskCaseParty));

  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      DeskCaseParty party = { 0, row_role (row) };

      if (!desk_person_picker_save (row->picker, &party.person_id, error))
        return NULL;
      g_array_append_val (parties, party);
    }
  return g_steal_pointer (&parties);
}

/**
 * desk_party_list_set_saved:
 * @parties: (element-type DeskCaseParty): as saved, in the rows' order
 *
 * After the case was saved: the rows show the people as registered.
 */
void
desk_party_list_set_saved (DeskPartyList *self,
                           const GArray  *parties)
{
  g_return_if_fail (DESK_IS_PARTY_LIST (self));
  g_return_if_fail (parties != NULL);

  self->loading++;
  for (guint i = 0; i < self->rows->len && i < parties->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      gint64 id = g_array_index (parties, DeskCaseParty, i).person_id;

      if (desk_person_picker_get_person_id (row->picker) != id)
        desk_person_picker_set_person_id (row->picker, id);
    }
  self->loading--;
}

/**
 * desk_party_list_set_error:
 * @message: (nullable): what is wrong with the list, or %NULL
 */
void
desk_party_list_set_error (DeskPartyList *self,
                           const char    *message)
{
  g_return_if_fail (DESK_IS_PARTY_LIST (self));
  desk_form_set_error (self->rows_box, self->error_label, message);
}

/**
 * desk_party_list_show_error:
 *
 * Puts a core error beside the field it names: the list (当事人) or a
 * field of a person being registered in one of the rows.
 *
 * Returns: whether the error named one of the list's fields.
 */
gboolean
desk_party_list_show_error (DeskPartyList *self,
                            const GError  *error)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (DESK_IS_PARTY_LIST (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  field = desk_error_get_field (error);
  if (field == NULL)
    return FALSE;
  if (g_str_equal (field, _("Parties")))
    {
      desk_party_list_set_error (self, desk_form_error_problem (error));
      return TRUE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (desk_person_picker_get_has_new_person (row->picker) &&
          desk_person_picker_show_error (row->picker, error))
        return TRUE;
    }
  return FALSE;
}

void
desk_party_list_clear_errors (DeskPartyList *self)
{
  g_return_if_fail (DESK_IS_PARTY_LIST (self));

  desk_party_list_set_error (self, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    desk_person_picker_clear_errors (((Row *) g_ptr_array_index (self->rows, i))->picker);
}
