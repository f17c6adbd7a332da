/* desk-csv.c — reading and writing CSV files.
 *
 * Stations bring ledgers that Excel or WPS saved as "CSV": on Chinese
 * Windows that is GB18030 (GBK), elsewhere UTF-8, with or without a BOM.
 * Asking the clerk which one would be a question they cannot answer, so the
 * bytes decide: valid UTF-8 is UTF-8 (Chinese text in GBK is practically
 * never valid UTF-8), anything else must be GB18030.
 */
#define G_LOG_DOMAIN "desk-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-csv.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* What a spreadsheet reads as the start of a formula. */
#define FORMULA_STARTS "=+-@\t\r"

G_DEFINE_QUARK (desk-csv-error-quark, desk_csv_error)

void
desk_csv_row_free (DeskCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

void
desk_csv_table_free (DeskCsvTable *table)
{
  if (table == NULL)
    return;
  g_free (table->encoding);
  desk_csv_row_free (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/* The line (from 1) that byte @offset of @data lies on; CRLF, LF and a lone
 * CR each end a line. */
static guint
line_of_offset (const char *data,
                gsize       length,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && i < length; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= length || data[i + 1] != '\n')))
      line++;
  return line;
}

/**
 * desk_csv_decode:
 *
 * Returns: (transfer full): the text in UTF-8 without a BOM, or %NULL.
 */
char *
desk_csv_decode (const char   *data,
                 gsize         length,
                 const char  **encoding,
                 guint        *error_line,
                 GError      **error)
{
  const char *end = NULL;
  g_autoptr(GError) convert_error = NULL;
  g_autofree char *converted = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  gsize bad;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (error_line != NULL)
    *error_line = 0;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      if (error_line != NULL)
        *error_line = 1;
      g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
                   _("the file is saved as Unicode text (UTF-16); save it again as "
                     "“CSV (comma delimited)” or “CSV UTF-8”"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      /* A BOM promises UTF-8: do not second-guess it. */
      if (!g_utf8_validate_len (data + 3, length - 3, &end))
        {
          if (error_line != NULL)
            *error_line = line_of_offset (data, length, end - data);
          g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
                       _("the file says it is UTF-8 but holds bytes that are not"));
          return NULL;
        }
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup (data + 3, length - 3);
    }

  if (g_utf8_validate_len (data, length, &end))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup (data, length);
    }

  converted = g_convert (data, length, "UTF-8", "GB18030", &bytes_read, &bytes_written,
                         &convert_error);
  /* A NUL byte would cut every string short: not a text file. */
  if (converted != NULL && strlen (converted) == bytes_written)
    {
      const char *text = converted;

      if (g_str_has_prefix (text, UTF8_BOM))
        text += 3;
      if (encoding != NULL)
        *encoding = "GB18030";
      return g_strdup (text);
    }

  /* Neither: point at the later of the two failures, which is where the
   * file's own encoding (whichever it is) goes wrong. */
  bad = end - data;
  if (converted == NULL && bytes_read > bad)
    bad = bytes_read;
  if (error_line != NULL)
    *error_line = line_of_offset (data, length, bad);
  g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
               _("the file is neither UTF-8 nor GB18030 (GBK) text; save it again as "
                 "“CSV UTF-8” or “CSV (comma delimited)”"));
  return NULL;
}

static gboolean
at_line_end (const char *p)
{
  return *p == '\r' || *p == '\n' || *p == '\0';
}

/**
 * desk_csv_parse:
 *
 * Returns: (transfer full) (element-type DeskCsvRow): the rows, or %NULL.
 */
GPtrArray *
desk_csv_parse (const char  *text,
                guint       *error_line,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_csv_row_free);
  const char *p = text;
  guint line = 1;

  g_return_val_if_fail (text != NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;

  while (*p != '\0')
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint row_line = line;
      DeskCsvRow *row;

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (*p == '\0')
                    {
                      g_string_free (field, TRUE);
                      if (error_line != NULL)
                        *error_line = quote_line;
                      g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_SYNTAX,
                                   _("column %u opens a quote that is never closed"),
                                   fields->len + 1);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\r' && p[1] == '\n')
                    {
                      /* CRLF inside a cell is kept as LF, as typed text has it. */
                      p += 2;
                      g_string_append_c (field, '\n');
                      line++;
                      continue;
                    }
                  if (*p == '\r' || *p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
              if (*p != ',' && !at_line_end (p))
                {
                  g_string_free (field, TRUE);
                  if (error_line != NULL)
                    *error_line = line;
                  g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_SYNTAX,
                               _("column %u has text after its closing quote; a quote "
                                 "inside a quoted cell must be written twice (\"\")"),
                               fields->len + 1);
                  return NULL;
                }
            }
          else
            {
              /* A bare quote inside an unquoted cell is taken as it is. */
              while (*p != ',' && !at_line_end (p))
                g_string_append_c (field, *p++);
            }
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p != ',')
            break;
          p++;
        }

      if (*p == '\r')
        p += p[1] == '\n' ? 2 : 1;
      else if (*p == '\n')
        p++;
      line++;

      row = g_new0 (DeskCsvRow, 1);
      row->line = row_line;
      row->n_fields = fields->len;
      g_ptr_array_add (fields, NULL);
      row->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
row_is_blank (const DeskCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    {
      const char *f = row->fields[i];

      while (g_ascii_isspace (*f))
        f++;
      if (*f != '\0')
        return FALSE;
    }
  return TRUE;
}

/**
 * desk_csv_table_parse:
 *
 * Returns: (transfer full): the header and data rows, or %NULL.
 */
DeskCsvTable *
desk_csv_table_parse (const char  *data,
                      gsize        length,
                      guint       *error_line,
                      GError     **error)
{
  g_autoptr(DeskCsvTable) table = g_new0 (DeskCsvTable, 1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  guint first = 0;

  text = desk_csv_decode (data, length, &encoding, error_line, error);
  if (text == NULL)
    return NULL;
  rows = desk_csv_parse (text, error_line, error);
  if (rows == NULL)
    return NULL;

  while (first < rows->len && row_is_blank (g_ptr_array_index (rows, first)))
    first++;
  if (first == rows->len)
    {
      if (error_line != NULL)
        *error_line = 1;
      g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY,
                   _("the file is empty: the first row must hold the column headers"));
      return NULL;
    }

  table->encoding = g_strdup (encoding);
  table->header = g_ptr_array_steal_index (rows, first);
  for (guint i = 0; i < table->header->n_fields; i++)
    g_strstrip (table->header->fields[i]);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_csv_row_free);

  for (guint i = first; i < rows->len; i++)
    {
      DeskCsvRow *row = g_ptr_array_index (rows, i);

      if (row_is_blank (row))
        continue;
      if (row->n_fields != table->header->n_fields)
        {
          if (error_line != NULL)
            *error_line = row->line;
          g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_RAGGED,
                       _("this row has %u cells but the header has %u"),
                       row->n_fields, table->header->n_fields);
          return NULL;
        }
      g_ptr_array_add (table->rows, g_steal_pointer (&rows->pdata[i]));
    }

  return g_steal_pointer (&table);
}

DeskCsvTable *
desk_csv_table_load (const char  *path,
                     guint       *error_line,
                     GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return desk_csv_table_parse (data, length, error_line, error);
}

gboolean
desk_csv_needs_escape (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text == '\'')
    text++;
  return *text != '\0' && strchr (FORMULA_STARTS, *text) != NULL;
}

/**
 * desk_csv_escape_formula:
 *
 * Apostrophes already leading the text count as part of it, so that
 * reading back what was written always gives the text again ("'=1" is
 * written "''=1").
 *
 * Returns: (transfer full): @text as a spreadsheet must see it.
 */
char *
desk_csv_escape_formula (const char *text)
{
  if (text == NULL)
    return NULL;
  if (desk_csv_needs_escape (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

char *
desk_csv_unescape_formula (const char *text)
{
  if (text == NULL)
    return NULL;
  if (text[0] == '\'' && desk_csv_needs_escape (text))
    return g_strdup (text + 1);
  return g_strdup (text);
}

/**
 * desk_csv_split_list:
 *
 * Returns: (transfer full): the items of a list cell; empty for an empty
 *   cell.
 */
GStrv
desk_csv_split_list (const char *cell)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) text = g_string_new (cell ? cell : "");
  g_auto(GStrv) parts = NULL;

  g_string_replace (text, "；", "、", 0);
  g_string_replace (text, ";", "、", 0);
  parts = g_strsplit (text->str, "、", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

char *
desk_csv_join_list (const char *const *items)
{
  if (items == NULL)
    return g_strdup ("");
  return g_strjoinv ("、", (char **) items);
}

struct _DeskCsvWriter
{
  GString  *data;
  gboolean  row_open;
};

DeskCsvWriter *
desk_csv_writer_new (void)
{
  DeskCsvWriter *writer = g_new0 (DeskCsvWriter, 1);

  writer->data = g_string_new (UTF8_BOM);
  return writer;
}

void
desk_csv_writer_free (DeskCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->data, TRUE);
  g_free (writer);
}

static void
write_cell (DeskCsvWriter *writer,
            const char    *text)
{
  gsize len;

  if (writer->row_open)
    g_string_append_c (writer->data, ',');
  writer->row_open = TRUE;
  if (text == NULL || *text == '\0')
    return;

  len = strlen (text);
  /* Quote what would otherwise split or lose: separators, quotes, line
   * breaks, and spaces at either end (some readers trim them). */
  if (strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0]) ||
      g_ascii_isspace (text[len - 1]))
    {
      g_string_append_c (writer->data, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (writer->data, '"');
          g_string_append_c (writer->data, *p);
        }
      g_string_append_c (writer->data, '"');
    }
  else
    g_string_append (writer->data, text);
}

void
desk_csv_writer_add_text (DeskCsvWriter *writer,
                          const char    *text)
{
  g_autofree char *escaped = desk_csv_escape_formula (text);

  g_return_if_fail (writer != NULL);
  write_cell (writer, escaped);
}

void
desk_csv_writer_add_number (DeskCsvWriter *writer,
                            const char    *text)
{
  g_return_if_fail (writer != NULL);
  write_cell (writer, text);
}

void
desk_csv_writer_add_int (DeskCsvWriter *writer,
                         gint64         value)
{
  char buf[32];

  g_return_if_fail (writer != NULL);
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  write_cell (writer, buf);
}

/* A whole row of text cells. */
void
desk_csv_writer_add_row (DeskCsvWriter      *writer,
                         const char *const  *texts)
{
  g_return_if_fail (writer != NULL);
  for (guint i = 0; texts[i] != NULL; i++)
    desk_csv_writer_add_text (writer, texts[i]);
  desk_csv_writer_end_row (writer);
}

void
desk_csv_writer_end_row (DeskCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_string_append (writer->data, "\r\n");
  writer->row_open = FALSE;
}

const char *
desk_csv_writer_get_data (DeskCsvWriter *writer,
                          gsize         *length)
{
  g_return_val_if_fail (writer != NULL, NULL);
  if (length != NULL)
    *length = writer->data->len;
  return writer->data->str;
}

gboolean
desk_csv_writer_save (DeskCsvWriter  *writer,
                      const char     *path,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_set_contents (path, writer->data->str, writer->data->len, &local_error))
    {
      g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
