/* desk-form.c — what the record editors share.
 *
 * Choices (code-table labels, staff, villages) are GtkDropDowns over a
 * GtkStringList, with the record ids kept beside the labels, so that the
 * clerk can open one, type a few characters to filter it and press Enter to
 * take the first match.  A field's message sits in a label under it and the
 * field gets the .error style, so that the message is read beside the field
 * it is about.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-date.h"
#include "desk-form.h"

#define IDS_KEY "desk-form-ids"
#define PICKED_KEY "desk-form-picked"

typedef struct
{
  DeskFormPickedFunc  func;
  gpointer            user_data;
} Picked;

static GArray *
drop_down_ids (GtkDropDown *drop_down)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop_down), IDS_KEY);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_object_set_data_full (G_OBJECT (drop_down), IDS_KEY, ids,
                              (GDestroyNotify) g_array_unref);
    }
  return ids;
}

static GtkStringList *
drop_down_labels (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  if (!GTK_IS_STRING_LIST (model))
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
      model = G_LIST_MODEL (list);
    }
  return GTK_STRING_LIST (model);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The filter behind the popup's list, which GtkDropDown keeps to itself. */
static GtkStringFilter *
search_filter (GtkWidget *drop_down)
{
  GtkWidget *list = find_descendant (drop_down, GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection = list ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  GListModel *filtered = NULL;
  GtkFilter *filter = NULL;

  if (GTK_IS_SINGLE_SELECTION (selection))
    filtered = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (GTK_IS_FILTER_LIST_MODEL (filtered))
    filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (filtered));
  return GTK_IS_STRING_FILTER (filter) ? GTK_STRING_FILTER (filter) : NULL;
}

/**
 * desk_form_drop_down_get_search_entry:
 *
 * Returns: (transfer none) (nullable): the search entry of the drop-down's
 *   popup.
 */
GtkWidget *
desk_form_drop_down_get_search_entry (GtkDropDown *drop_down)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);
  return find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_SEARCH_ENTRY);
}

static gboolean
focus_search_idle (gpointer user_data)
{
  GtkWidget *entry = user_data;
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);

  if (popover != NULL && gtk_widget_get_visible (popover))
    gtk_widget_grab_focus (entry);
  return G_SOURCE_REMOVE;
}

/* GtkDropDown 4.8 puts the focus on the list when it opens, so that what
 * is typed goes nowhere: the search entry takes it, once the popup has
 * settled. */
static void
popup_shown (GtkWidget *popover,
             GtkWidget *entry)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_search_idle, g_object_ref (entry),
                   g_object_unref);
}

/* Enter in the popup's search takes the first label that matches, as a
 * clerk who typed "继承" expects; GtkDropDown itself only closes. */
static void
search_activated (GtkWidget   *entry,
                  GtkDropDown *drop_down)
{
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  GtkWidget *list = popover ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  GtkStringFilter *filter;
  GListModel *shown, *all;
  Picked *picked;
  g_autoptr(GObject) first = NULL;
  guint n;

  if (list == NULL)
    return;
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  /* The search entry tells the list what was typed a moment later
   * ("search-changed"); Enter right after typing must not take what
   * matched the text before. */
  filter = search_filter (GTK_WIDGET (drop_down));
  if (filter != NULL)
    gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (shown == NULL || g_list_model_get_n_items (shown) == 0)
    return;
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0' &&
      gtk_drop_down_get_selected (drop_down) != GTK_INVALID_LIST_POSITION)
    {
      /* Enter with nothing typed confirms the choice shown. */
      gtk_popover_popdown (GTK_POPOVER (popover));
      picked = g_object_get_data (G_OBJECT (drop_down), PICKED_KEY);
      if (picked != NULL && picked->func != NULL)
        picked->func (drop_down, picked->user_data);
      return;
    }
  first = g_list_model_get_item (shown, 0);
  all = gtk_drop_down_get_model (drop_down);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);

      if (item == first)
        {
          gtk_drop_down_set_selected (drop_down, i);
          break;
        }
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  picked = g_object_get_data (G_OBJECT (drop_down), PICKED_KEY);
  if (picked != NULL && picked->func != NULL)
    picked->func (drop_down, picked->user_data);
}

/**
 * desk_form_drop_down_init:
 * @picked: (nullable): called after a choice was taken with Enter
 *
 * Makes @drop_down a list of labels with ids that can be typed into: the
 * popup has a search entry that matches anywhere in a label.
 */
void
desk_form_drop_down_init (GtkDropDown        *drop_down,
                          DeskFormPickedFunc  picked,
                          gpointer            user_data)
{
  g_autoptr(GtkExpression) expression = NULL;
  GtkStringFilter *filter;
  GtkWidget *entry;
  Picked *data;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  drop_down_labels (drop_down);
  drop_down_ids (drop_down);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (drop_down, expression);
  gtk_drop_down_set_enable_search (drop_down, TRUE);

  data = g_new0 (Picked, 1);
  data->func = picked;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (drop_down), PICKED_KEY, data, g_free);

  entry = desk_form_drop_down_get_search_entry (drop_down);
  if (entry != NULL)
    {
      GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);

      g_signal_connect (entry, "activate", G_CALLBACK (search_activated), drop_down);
      if (popover != NULL)
        g_signal_connect (popover, "show", G_CALLBACK (popup_shown), entry);
    }

  /* Labels such as 其他劳动争议 are found by any part ("劳动"), not only by
   * their first characters. */
  filter = search_filter (GTK_WIDGET (drop_down));
  if (filter != NULL)
    gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

/* Removes every choice; nothing is selected. */
void
desk_form_drop_down_clear (GtkDropDown *drop_down)
{
  GtkStringList *labels;
  GArray *ids;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  labels = drop_down_labels (drop_down);
  ids = drop_down_ids (drop_down);
  gtk_string_list_splice (labels, 0, g_list_model_get_n_items (G_LIST_MODEL (labels)), NULL);
  g_array_set_size (ids, 0);
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
}

/* Appends a choice; @id 0 is "none" (an optional field left empty). */
void
desk_form_drop_down_add (GtkDropDown *drop_down,
                         gint64       id,
                         const char  *label)
{
  guint selected;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  /* A GtkDropDown selects its first item when the model grows from empty;
   * a required field must stay empty until the clerk chooses. */
  selected = gtk_drop_down_get_selected (drop_down);
  g_array_append_val (drop_down_ids (drop_down), id);
  gtk_string_list_append (drop_down_labels (drop_down), label);
  if (gtk_drop_down_get_selected (drop_down) != selected)
    gtk_drop_down_set_selected (drop_down, selected);
}

/* The id of the selected choice; 0 when none is selected. */
gint64
desk_form_drop_down_get_id (GtkDropDown *drop_down)
{
  GArray *ids;
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), 0);

  ids = drop_down_ids (drop_down);
  selected = gtk_drop_down_get_selected (drop_down);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

/* Selects the choice with @id; when there is none (or @id is 0 and no
 * "none" choice exists), nothing is selected and FALSE is returned. */
gboolean
desk_form_drop_down_set_id (GtkDropDown *drop_down,
                            gint64       id)
{
  GArray *ids;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), FALSE);

  ids = drop_down_ids (drop_down);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return TRUE;
      }
  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  return FALSE;
}

/* The position of @label, or GTK_INVALID_LIST_POSITION. */
guint
desk_form_drop_down_find (GtkDropDown *drop_down,
                          const char  *label)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), GTK_INVALID_LIST_POSITION);

  model = gtk_drop_down_get_model (drop_down);
  n = model ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item) &&
          g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * desk_form_set_error:
 * @message: (nullable): what is wrong, or %NULL when the field is fine
 *
 * Shows @message in @message_label under @field and marks @field, or
 * clears both.
 */
void
desk_form_set_error (GtkWidget  *field,
                     GtkWidget  *message_label,
                     const char *message)
{
  gboolean wrong = message != NULL && *message != '\0';

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (message_label));

  if (wrong)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_label_set_text (GTK_LABEL (message_label), wrong ? message : "");
  gtk_widget_set_visible (message_label, wrong);
  if (wrong)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* What a field error says is wrong, without the field's name in front: the
 * message is shown beside the field, which names itself. */
const char *
desk_form_error_problem (const GError *error)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  field = desk_error_get_field (error);
  if (field == NULL)
    return error->message;
  /* The field and "：" (desk-error.c's separator) */
  return error->message + strlen (field) + strlen ("：");
}

char *
desk_form_editable_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

char *
desk_form_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * desk_form_datetime_typed:
 *
 * What a clerk types for a date and time, in a form desk_datetime_parse()
 * reads: the time may be written without its colon ("20261122 0930",
 * "11-22 930"), with a full-width colon or after a full-width space.
 *
 * Returns: (transfer full): the text to parse.
 */
char *
desk_form_datetime_typed (const char *text)
{
  g_autoptr(GString) out = NULL;
  const char *space;
  const char *time;
  size_t len;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (text);
  g_string_replace (out, "　", " ", 0);
  g_string_replace (out, "：", ":", 0);
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));

  space = strrchr (out->str, ' ');
  if (space == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);
  time = space + 1;
  len = strlen (time);
  if ((len == 3 || len == 4) && strspn (time, "0123456789") == len)
    g_string_insert_c (out, (time - out->str) + len - 2, ':');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * desk_form_mask_id_number:
 *
 * Returns: (transfer full): @number with all but its first and last four
 *   characters hidden, as 3604**********0071: enough to tell people apart
 *   on a screen others can see.
 */
char *
desk_form_mask_id_number (const char *number)
{
  size_t len;
  GString *out;

  if (number == NULL)
    return NULL;
  len = strlen (number);
  if (len <= 8)
    return g_strdup (number);
  out = g_string_new_len (number, 4);
  for (size_t i = 4; i < len - 4; i++)
    g_string_append_c (out, '*');
  g_string_append (out, number + len - 4);
  return g_string_free (out, FALSE);
}

/**
 * desk_form_describe_person:
 * @village: (nullable): the name of the person's village
 * @today: (nullable): the day ages are reckoned on; %NULL: today
 *
 * Returns: (transfer full): "男 · 35岁 · 3604**********0071 · 13800138000
 *   · 东坪村", what is known of @person beside the name; for an
 *   organisation "法人或非法人组织 · 91360402MA35ABCD1Y · 法定代表人 陈宏达 ·
 *   0792-8123456", so that it is never taken for a person.
 */
char *
desk_form_describe_person (const DeskPerson *person,
                           const char       *village,
                           const char       *today)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = NULL;

  g_return_val_if_fail (person != NULL, NULL);

  if (person->kind == DESK_PERSON_ORGANISATION)
    {
      /* A credit code is printed on the business licence for anyone to
       * read: shown whole, for the clerk to compare with the licence. */
      g_ptr_array_add (parts, g_strdup (_("Organisation")));
      if (person->id_number != NULL)
        g_ptr_array_add (parts, g_strdup (person->id_number));
      if (person->legal_rep != NULL)
        /* Translators: an organisation's legal representative, e.g. 法定代表人 陈宏达 */
        g_ptr_array_add (parts, g_strdup_printf (_("legal representative %s"),
                                                 person->legal_rep));
      if (person->phone != NULL)
        g_ptr_array_add (parts, g_strdup (person->phone));
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (" · ", (char **) parts->pdata);
    }
  if (desk_sex_label (person->sex) != NULL)
    g_ptr_array_add (parts, g_strdup (desk_sex_label (person->sex)));
  if (person->birth_date != NULL)
    {
      int age;

      if (today == NULL)
        today = now = desk_today ();
      age = desk_age_on (person->birth_date, today);
      if (age >= 0)
        /* Translators: a person's age in years, e.g. 35岁 */
        g_ptr_array_add (parts, g_strdup_printf (_("aged %d"), age));
    }
  if (person->id_number != NULL)
    g_ptr_array_add (parts, desk_form_mask_id_number (person->id_number));
  if (person->phone != NULL)
    g_ptr_array_add (parts, g_strdup (person->phone));
  if (village != NULL && *village != '\0')
    g_ptr_array_add (parts, g_strdup (village));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* A count beyond this is a slip of the keyboard, not a month's work. */
#define MAX_COUNT 99999

/**
 * desk_form_parse_count:
 * @field: the field's label, for the message
 * @value: (out): the count
 *
 * Reads a count as typed into a form: empty is 0 (a clerk leaves the
 * columns of what did not happen blank), full-width digits are read as
 * digits; a negative number or anything else is a field error of @field.
 */
gboolean
desk_form_parse_count (const char  *text,
                       const char  *field,
                       int         *value,
                       GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *typed = NULL;
  gboolean negative = FALSE;
  gint64 n = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  typed = g_strstrip (g_strdup (text ? text : ""));
  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)   /* ０-９ */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0D || c == 0x2212)   /* －, − */
        c = '-';
      g_string_append_unichar (digits, c);
    }
  if (digits->len == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (digits->str[0] == '-' && digits->len > 1)
    negative = TRUE;
  for (const char *p = digits->str + (negative ? 1 : 0); *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          desk_set_field_error (error, field,
                                _("“%s” is not a whole number; write 0 or more"), typed);
          return FALSE;
        }
      if (n <= MAX_COUNT)
        n = n * 10 + (*p - '0');
    }
  if (negative)
    {
      desk_set_field_error (error, field, _("cannot be negative; write 0 for none"));
      return FALSE;
    }
  if (n > MAX_COUNT)
    {
      desk_set_field_error (error, field, _("%s is too large for a count; check the number"),
                            typed);
      return FALSE;
    }
  *value = (int) n;
  return TRUE;
}

/**
 * desk_form_ask_discard:
 * @editor: the editor window with unsaved changes
 * @body: what has not been saved, as a sentence
 * @on_discard: called as `on_discard (editor)` when the user discards
 *
 * Asks before an editor throws away what was typed; keeping on editing is
 * the default and what Escape answers.
 */
void
desk_form_ask_discard (GtkWindow  *editor,
                       const char *body,
                       GCallback   on_discard)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, _("Discard the Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response::discard", on_discard, editor, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The fields of a person */

/**
 * desk_form_sex_drop_down_fill:
 *
 * Fills @drop_down with 未填 (DESK_SEX_UNKNOWN), 男 and 女, the ids being
 * the #DeskSex values, and selects the first.
 */
void
desk_form_sex_drop_down_fill (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  desk_form_drop_down_clear (drop_down);
  desk_form_drop_down_add (drop_down, DESK_SEX_UNKNOWN, _("Not given"));
  desk_form_drop_down_add (drop_down, DESK_SEX_MALE, desk_sex_label (DESK_SEX_MALE));
  desk_form_drop_down_add (drop_down, DESK_SEX_FEMALE, desk_sex_label (DESK_SEX_FEMALE));
  desk_form_drop_down_set_id (drop_down, DESK_SEX_UNKNOWN);
}

/**
 * desk_form_ethnicity_drop_down_fill:
 *
 * Fills @drop_down with 未填 and the 56 names of GB 3304; an empty 民族 is
 * 汉族 for a citizen and unknown for a foreigner (domain.md).
 */
void
desk_form_ethnicity_drop_down_fill (GtkDropDown *drop_down)
{
  const char *const *names = desk_ethnicities ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  desk_form_drop_down_clear (drop_down);
  desk_form_drop_down_add (drop_down, 0, _("Not given"));
  for (guint i = 0; names[i] != NULL; i++)
    desk_form_drop_down_add (drop_down, i + 1, names[i]);
  desk_form_drop_down_set_id (drop_down, 0);
}

/* Returns: (nullable): the name chosen, or %NULL for 未填. */
const char *
desk_form_ethnicity_drop_down_get (GtkDropDown *drop_down)
{
  gint64 id;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  id = desk_form_drop_down_get_id (drop_down);
  return id > 0 ? desk_ethnicities ()[id - 1] : NULL;
}

void
desk_form_ethnicity_drop_down_set (GtkDropDown *drop_down,
                                   const char  *ethnicity)
{
  const char *const *names = desk_ethnicities ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (guint i = 0; ethnicity != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], ethnicity))
      {
        desk_form_drop_down_set_id (drop_down, i + 1);
        return;
      }
  desk_form_drop_down_set_id (drop_down, 0);
}

/**
 * desk_form_check_name:
 * @field: the field's label, for the message
 * @final: the field was left, or the record is being saved
 *
 * A name is required.  While the clerk types, a message already shown is
 * taken away as soon as the name is right; an empty name is only said to
 * be wrong when @final.
 *
 * Returns: whether the name is right
 */
gboolean
desk_form_check_name (GtkWidget  *entry,
                      GtkWidget  *message_label,
                      const char *field,
                      gboolean    final)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);

  text = desk_form_editable_text (GTK_EDITABLE (entry));
  name = desk_validate_name (text, field, &error);
  if (name != NULL || final)
    desk_form_set_error (entry, message_label, error ? desk_form_error_problem (error) : NULL);
  return name != NULL;
}

/**
 * desk_form_check_id_number:
 * @final: judge the number as it stands (the field was left, or the
 *   record is being saved)
 * @id: (out) (transfer full) (nullable): the number read, or %NULL
 *
 * A 居民身份证 number.  While the clerk types it is judged once it has all
 * 18 characters or holds one that cannot be in a number; until then, and
 * when empty, nothing is said and @id is %NULL.
 *
 * Returns: %FALSE when the number was judged wrong (the message is shown)
 */
gboolean
desk_form_check_id_number (GtkWidget     *entry,
                           GtkWidget     *message_label,
                           gboolean       final,
                           DeskIdNumber **id)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  size_t len, digits;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  text = desk_form_editable_text (GTK_EDITABLE (entry));
  len = strlen (text);
  digits = strspn (text, "0123456789");
  *id = NULL;
  if (len == 0 || (!final && len < 18 && digits == len))
    {
      desk_form_set_error (entry, message_label, NULL);
      return TRUE;
    }
  *id = desk_validate_id_number (text, NULL, &error);
  desk_form_set_error (entry, message_label, error ? desk_form_error_problem (error) : NULL);
  return *id != NULL;
}

/* GB 32100's alphabet, as desk_validate_credit_code() reads it (lower
 * case taken as upper case). */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Whether @text holds only what a credit code may, spaces aside, and how
 * many characters of the code it holds. */
static gboolean
credit_code_characters (const char *text,
                        guint      *length)
{
  *length = 0;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (strchr (credit_alphabet, g_ascii_toupper (*p)) == NULL)
        return FALSE;
      (*length)++;
    }
  return TRUE;
}

/**
 * desk_form_check_credit_code:
 * @final: judge the code as it stands (the field was left, or the record
 *   is being saved)
 * @code: (out) (transfer full) (nullable): the code, upper-cased; %NULL
 *   when empty or wrong
 *
 * An organisation's 统一社会信用代码.  While the clerk types it is judged
 * once it has all 18 characters or holds one that cannot be in a code;
 * until then, and when empty, nothing is said.
 *
 * Returns: %FALSE when the code was judged wrong (the message is shown)
 */
gboolean
desk_form_check_credit_code (GtkWidget  *entry,
                             GtkWidget  *message_label,
                             gboolean    final,
                             char      **code)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint length;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  text = desk_form_editable_text (GTK_EDITABLE (entry));
  *code = NULL;
  if (*text == '\0' ||
      (!final && credit_code_characters (text, &length) && length < 18))
    {
      desk_form_set_error (entry, message_label, NULL);
      return TRUE;
    }
  *code = desk_validate_credit_code (text, &error);
  desk_form_set_error (entry, message_label, error ? desk_form_error_problem (error) : NULL);
  return *code != NULL;
}

/**
 * desk_form_looks_like_credit_code:
 *
 * Whether @text is a right 统一社会信用代码 and not a right 居民身份证
 * number (some codes of public bodies are all digits, as ID numbers are).
 */
gboolean
desk_form_looks_like_credit_code (const char *text)
{
  g_autofree char *code = NULL;
  g_autoptr(DeskIdNumber) id = NULL;

  if (text == NULL)
    return FALSE;
  code = desk_validate_credit_code (text, NULL);
  if (code == NULL)
    return FALSE;
  id = desk_validate_id_number (text, NULL, NULL);
  return id == NULL;
}

/**
 * desk_form_looks_like_organisation:
 *
 * Whether @name reads as an organisation's: it ends as the names of
 * companies, works, co-operatives, committees, schools, hospitals, shops
 * and offices end (九江宏达商贸有限公司, 青山镇东坪村村民委员会,
 * 青山镇中心小学, 华联超市（青山店）).  A guess for what to offer first;
 * the clerk corrects it.  Names of four characters or more only: people's
 * names are shorter, and a 张中心 is a person.
 */
gboolean
desk_form_looks_like_organisation (const char *name)
{
  static const char *const endings[] = {
    "公司", "集团", "厂", "矿", "合作社", "联社", "委员会", "村委会", "居委会",
    "中心", "学校", "小学", "中学", "大学", "学院", "幼儿园", "医院", "卫生院",
    "卫生室", "诊所", "药房", "店", "超市", "商行", "门市", "部", "银行", "信用社",
    "协会", "商会", "学会", "联合会", "事务所", "办事处", "工作室", "政府", "局",
    "所", "站", "院", "馆", "场", "社", "队", "企业", "基地", "农庄", "酒店", "宾馆",
  };
  g_autofree char *text = NULL;
  glong length;
  char *open;

  if (name == NULL)
    return FALSE;
  text = g_strstrip (g_strdup (name));
  /* A branch in brackets after the name: 华联超市（青山店） */
  if ((g_str_has_suffix (text, "）") && (open = g_strrstr (text, "（")) != NULL) ||
      (g_str_has_suffix (text, ")") && (open = strrchr (text, '(')) != NULL))
    *open = '\0';
  g_strstrip (text);
  length = g_utf8_strlen (text, -1);
  if (length < 4)
    return FALSE;
  if (strstr (text, "有限") != NULL || strstr (text, "公司") != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (text, endings[i]))
      return TRUE;
  return FALSE;
}

/**
 * desk_form_check_phone:
 * @phone: (out) (transfer full) (nullable): the number, normalised; %NULL
 *   when empty or wrong
 *
 * A mobile or a landline.  A half-typed number is only said to be wrong
 * when @final, or when a message is shown already (it follows the typing).
 *
 * Returns: whether the field is empty or holds a phone number
 */
gboolean
desk_form_check_phone (GtkWidget  *entry,
                       GtkWidget  *message_label,
                       gboolean    final,
                       char      **phone)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);

  text = desk_form_editable_text (GTK_EDITABLE (entry));
  *phone = NULL;
  if (*text == '\0')
    {
      desk_form_set_error (entry, message_label, NULL);
      return TRUE;
    }
  *phone = desk_validate_phone (text, &error);
  if (*phone != NULL || final || gtk_widget_get_visible (message_label))
    desk_form_set_error (entry, message_label, error ? desk_form_error_problem (error) : NULL);
  return *phone != NULL;
}

/**
 * desk_form_check_date:
 * @field: the field's label, for the message
 * @date: (out) (transfer full) (nullable): YYYY-MM-DD; %NULL when empty or
 *   wrong
 *
 * A date that may be left empty, not in the future; said to be wrong as
 * desk_form_check_phone() says it.
 *
 * Returns: whether the field is empty or holds a date
 */
gboolean
desk_form_check_date (GtkWidget   *entry,
                      GtkWidget   *message_label,
                      const char  *field,
                      gboolean     final,
                      char       **date)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  text = desk_form_editable_text (GTK_EDITABLE (entry));
  *date = NULL;
  if (*text == '\0')
    {
      desk_form_set_error (entry, message_label, NULL);
      return TRUE;
    }
  *date = desk_validate_date (text, field, NULL, &error);
  if (*date != NULL || final || gtk_widget_get_visible (message_label))
    desk_form_set_error (entry, message_label, error ? desk_form_error_problem (error) : NULL);
  return *date != NULL;
}

/**
 * desk_form_set_sensitive:
 * @fallback: where the focus goes when @widget holds it and turns
 *   insensitive
 *
 * A field that has the focus moves it to @fallback before it turns
 * insensitive: GTK would leave its cursor blinking with nowhere to go.
 */
void
desk_form_set_sensitive (GtkWidget *widget,
                         gboolean   sensitive,
                         GtkWidget *fallback)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (!sensitive && fallback != NULL && focus != NULL &&
      (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_widget_grab_focus (fallback);
  gtk_widget_set_sensitive (widget, sensitive);
}

/**
 * desk_form_name_person:
 * @village: (nullable): the name of the person's village
 * @today: (nullable): the day ages are reckoned on; %NULL: today
 *
 * Returns: (transfer full): "张三（男 · 35岁 · 3604**********0071 ·
 *   13800138000 · 东坪村）", the name and what tells the person apart.
 */
char *
desk_form_name_person (const DeskPerson *person,
                       const char       *village,
                       const char       *today)
{
  g_autofree char *details = NULL;

  g_return_val_if_fail (person != NULL, NULL);

  details = desk_form_describe_person (person, village, today);
  if (*details == '\0')
    return g_strdup (person->name);
  /* Translators: a person's name and details, e.g. 张三（男 · 35岁） */
  return g_strdup_printf (_("%s (%s)"), person->name, details);
}
