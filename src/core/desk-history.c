/* desk-history.c — the report history: exports kept with their figures, and
 * the figures that changed since a month was exported.
 *
 * The figures are kept as plain text lines, one per cell, so that a change
 * is found by comparing lines and remains readable in the file years later,
 * whatever the program's version.
 */
#define G_LOG_DOMAIN "desk-history"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-sequence.h"

void
desk_export_free (DeskExport *export)
{
  if (export == NULL)
    return;
  g_free (export->exported_at);
  g_free (export->exported_by);
  g_free (export->file_name);
  g_free (export->sha256);
  g_free (export->figures);
  g_free (export);
}

void
desk_figure_change_free (DeskFigureChange *change)
{
  if (change == NULL)
    return;
  g_free (change->sheet);
  g_free (change->row);
  g_free (change->path);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* ---- the figures as text ------------------------------------------- */

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static char *
unescape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

char *
desk_history_serialize (const DeskReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint t = 0; t < report->tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          DeskReportRow *row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; c < table->columns->len; c++)
            {
              DeskReportColumn *column = g_ptr_array_index (table->columns, c);
              g_autofree char *value = desk_cell_to_string (&row->cells[c], column->decimals);

              append_escaped (out, table->sheet);
              g_string_append_c (out, '\t');
              append_escaped (out, row->label);
              g_string_append_c (out, '\t');
              append_escaped (out, column->path);
              g_string_append_c (out, '\t');
              append_escaped (out, value);
              g_string_append_c (out, '\n');
            }
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char     *key;      /* sheet \t row \t path \t occurrence: unique */
  char     *sheet;    /* the fields, escaped */
  char     *row;
  char     *path;
  char     *value;
  gboolean  matched;
} FigureLine;

static void
figure_line_free (gpointer data)
{
  FigureLine *line = data;

  g_free (line->key);
  g_free (line->sheet);
  g_free (line->row);
  g_free (line->path);
  g_free (line->value);
  g_free (line);
}

/* The lines of a serialisation, each keyed so that rows of the same name
 * (two advisers called 张三) pair in order. */
static GPtrArray *
parse_figures (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (figure_line_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) split = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (split[i], "\t", 4);
      g_autofree char *base = NULL;
      FigureLine *line;
      guint n;

      if (g_strv_length (fields) != 4)
        continue;
      base = g_strjoin ("\t", fields[0], fields[1], fields[2], NULL);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, base));
      g_hash_table_insert (seen, g_strdup (base), GUINT_TO_POINTER (n + 1));

      line = g_new0 (FigureLine, 1);
      line->key = g_strdup_printf ("%s\t%u", base, n);
      line->sheet = g_strdup (fields[0]);
      line->row = g_strdup (fields[1]);
      line->path = g_strdup (fields[2]);
      line->value = g_strdup (fields[3]);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

static DeskFigureChange *
change_new (const FigureLine *line,
            const char       *old_value,
            const char       *new_value)
{
  DeskFigureChange *change = g_new0 (DeskFigureChange, 1);

  change->sheet = unescape (line->sheet);
  change->row = unescape (line->row);
  change->path = unescape (line->path);
  change->old_value = old_value ? unescape (old_value) : NULL;
  change->new_value = new_value ? unescape (new_value) : NULL;
  return change;
}

GPtrArray *
desk_history_compare (const char *old_figures,
                      const char *new_figures)
{
  g_autoptr(GPtrArray) old_lines = parse_figures (old_figures);
  g_autoptr(GPtrArray) new_lines = parse_figures (new_figures);
  g_autoptr(GHashTable) old_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_figure_change_free);

  for (guint i = 0; i < old_lines->len; i++)
    {
      FigureLine *line = g_ptr_array_index (old_lines, i);

      g_hash_table_insert (old_by_key, line->key, line);
    }
  for (guint i = 0; i < new_lines->len; i++)
    {
      FigureLine *line = g_ptr_array_index (new_lines, i);
      FigureLine *old = g_hash_table_lookup (old_by_key, line->key);

      if (old == NULL)
        g_ptr_array_add (changes, change_new (line, NULL, line->value));
      else
        {
          old->matched = TRUE;
          if (!g_str_equal (old->value, line->value))
            g_ptr_array_add (changes, change_new (line, old->value, line->value));
        }
    }
  for (guint i = 0; i < old_lines->len; i++)
    {
      FigureLine *line = g_ptr_array_index (old_lines, i);

      if (!line->matched)
        g_ptr_array_add (changes, change_new (line, line->value, NULL));
    }
  return changes;
}

char *
desk_figure_change_describe (const DeskFigureChange *change)
{
  const char *old_value, *new_value;

  g_return_val_if_fail (change != NULL, NULL);

  old_value = change->old_value == NULL ? _("(not listed)")
            : change->old_value[0] == '\0' ? _("(empty)") : change->old_value;
  new_value = change->new_value == NULL ? _("(not listed)")
            : change->new_value[0] == '\0' ? _("(empty)") : change->new_value;
  /* Translators: sheet · row · column: old value → new value */
  return g_strdup_printf (_("%s · %s · %s: %s → %s"), change->sheet, change->row, change->path,
                          old_value, new_value);
}

/* ---- files ------------------------------------------------------------ */

char *
desk_history_file_sha256 (const char  *path,
                          GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guchar buffer[64 * 1024];
  gssize n;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                   error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- the table ----------------------------------------------------------- */

#define EXPORT_COLUMNS \
  "id, month, exported_at, exported_by, file_name, sha256, corrected, figures"

static DeskExport *
export_from_row (sqlite3_stmt *stmt)
{
  DeskExport *export = g_new0 (DeskExport, 1);
  g_autofree char *month = desk_sql_dup_text (stmt, 1);

  export->id = sqlite3_column_int64 (stmt, 0);
  if (!desk_month_parse (month, &export->year, &export->month))
    export->year = export->month = 0;
  export->exported_at = desk_sql_dup_text (stmt, 2);
  export->exported_by = desk_sql_dup_text (stmt, 3);
  export->file_name = desk_sql_dup_text (stmt, 4);
  export->sha256 = desk_sql_dup_text (stmt, 5);
  export->corrected = sqlite3_column_int (stmt, 6) != 0;
  export->figures = desk_sql_dup_text (stmt, 7);
  return export;
}

gboolean
desk_history_record (DeskStore         *store,
                     const DeskReport  *report,
                     const char        *path,
                     const char        *exported_by,
                     gboolean           corrected,
                     gint64            *id,
                     GError           **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *month = NULL;
  g_autofree char *now = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *display_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sha256 = desk_history_file_sha256 (path, error);
  if (sha256 == NULL)
    return FALSE;
  figures = desk_history_serialize (report);
  month = g_strdup_printf ("%04d-%02d", report->year, report->month);
  now = desk_timestamp ();
  file_name = g_path_get_basename (path);
  display_name = g_filename_display_name (file_name);

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store,
                             "INSERT INTO report_exports (month, exported_at, exported_by,"
                             " file_name, sha256, figures, corrected)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 3, exported_by && *exported_by ? exported_by : NULL);
  sqlite3_bind_text (stmt, 4, display_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, figures, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, corrected ? 1 : 0);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (id != NULL)
    *id = desk_store_last_insert_id (store);
  return desk_store_commit (store, error);
}

GPtrArray *
desk_history_list (DeskStore  *store,
                   GError    **error)
{
  GPtrArray *exports;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store, "SELECT " EXPORT_COLUMNS " FROM report_exports ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  exports = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_export_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (exports, export_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      g_ptr_array_unref (exports);
      return NULL;
    }
  sqlite3_reset (stmt);
  return exports;
}

DeskExport *
desk_history_last (DeskStore  *store,
                   int         year,
                   int         month,
                   GError    **error)
{
  g_autofree char *key = NULL;
  DeskExport *export = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  stmt = desk_store_prepare (store,
                             "SELECT " EXPORT_COLUMNS " FROM report_exports WHERE month = ?1"
                             " ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  key = g_strdup_printf ("%04d-%02d", year, month);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    export = export_from_row (stmt);
  else if (rc != SQLITE_DONE)
    desk_store_set_sql_error (store, error);
  sqlite3_reset (stmt);
  return export;
}

GPtrArray *
desk_history_changes (DeskStore  *store,
                      int         year,
                      int         month,
                      GError    **error)
{
  g_autoptr(DeskExport) last = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autofree char *figures = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  last = desk_history_last (store, year, month, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (last == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) desk_figure_change_free);

  report = desk_figures_compute (store, year, month, error);
  if (report == NULL)
    return NULL;
  figures = desk_history_serialize (report);
  return desk_history_compare (last->figures, figures);
}
