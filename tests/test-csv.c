/* test-csv.c — the CSV reader and writer: encodings as Excel and WPS write
 * them, RFC 4180 quoting, line numbers in errors, formula escaping. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-csv.h"
#include "desk-test-util.h"

static DeskCsvTable *
parse_ok (const char *data,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  DeskCsvTable *table;

  table = desk_csv_table_parse (data, length < 0 ? strlen (data) : (gsize) length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
cell (DeskCsvTable *table,
      guint         row,
      guint         col)
{
  DeskCsvRow *r;

  g_assert_cmpuint (row, <, table->rows->len);
  r = g_ptr_array_index (table->rows, row);
  g_assert_cmpuint (col, <, r->n_fields);
  return r->fields[col];
}

static guint
line_of (DeskCsvTable *table,
         guint         row)
{
  return ((DeskCsvRow *) g_ptr_array_index (table->rows, row))->line;
}

static void
test_utf8_plain (void)
{
  g_autoptr(DeskCsvTable) t = parse_ok ("名称,类型\n青山村,村\n新街社区,社区\n", -1);

  g_assert_cmpstr (t->encoding, ==, "UTF-8");
  g_assert_cmpuint (t->header->n_fields, ==, 2);
  g_assert_cmpstr (t->header->fields[0], ==, "名称");
  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpstr (cell (t, 0, 0), ==, "青山村");
  g_assert_cmpstr (cell (t, 1, 1), ==, "社区");
  g_assert_cmpuint (line_of (t, 0), ==, 2);
  g_assert_cmpuint (line_of (t, 1), ==, 3);
}

static void
test_utf8_bom (void)
{
  g_autoptr(DeskCsvTable) t = parse_ok ("\xEF\xBB\xBF名称,类型\r\n青山村,村\r\n", -1);

  g_assert_cmpstr (t->encoding, ==, "UTF-8");
  /* the BOM is not part of the first header */
  g_assert_cmpstr (t->header->fields[0], ==, "名称");
  g_assert_cmpstr (cell (t, 0, 1), ==, "村");
}

static void
test_gb18030 (void)
{
  const char *utf8 = "名称,类型,区划代码\r\n青山村,村,360426100201\r\n"
                     "\"新街社区,东片\",社区,\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  g_autoptr(DeskCsvTable) t = NULL;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  /* the bytes really are not UTF-8, as on a Chinese Windows machine */
  g_assert_false (g_utf8_validate (gb, gb_len, NULL));

  t = parse_ok (gb, gb_len);
  g_assert_cmpstr (t->encoding, ==, "GB18030");
  g_assert_cmpstr (t->header->fields[2], ==, "区划代码");
  g_assert_cmpstr (cell (t, 0, 0), ==, "青山村");
  g_assert_cmpstr (cell (t, 1, 0), ==, "新街社区,东片");
  g_assert_cmpstr (cell (t, 1, 2), ==, "");
}

static void
test_gbk_four_byte (void)
{
  /* GB18030 four-byte sequences (characters outside GBK) decode too. */
  const char *utf8 = "姓名\n𠀀先生\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  g_autoptr(DeskCsvTable) t = NULL;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  t = parse_ok (gb, gb_len);
  g_assert_cmpstr (cell (t, 0, 0), ==, "𠀀先生");
}

static void
test_bad_encoding (void)
{
  /* line 3 holds 0xFF, which is neither UTF-8 nor GB18030 */
  const char data[] = "name,kind\nA,B\nC\xFF\xFF,D\n";
  g_autoptr(GError) error = NULL;
  guint line = 0;
  DeskCsvTable *t;

  t = desk_csv_table_parse (data, sizeof data - 1, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING);
  g_assert_cmpuint (line, ==, 3);
  g_assert_nonnull (strstr (error->message, "GB18030"));
  g_clear_error (&error);

  /* a BOM promises UTF-8: GBK bytes after it are an error on their line */
  {
    g_autofree char *gb = g_convert ("甲\n乙\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
    g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF" "a\n", gb, NULL);

    t = desk_csv_table_parse (with_bom, strlen (with_bom), &line, &error);
    g_assert_null (t);
    g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING);
    g_assert_cmpuint (line, ==, 2);
    g_clear_error (&error);
  }

  /* UTF-16 ("Unicode text" in Excel) is named as such */
  t = desk_csv_table_parse ("\xFF\xFE" "a\0,\0", 6, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_assert_cmpuint (line, ==, 1);
  g_clear_error (&error);

  /* a NUL byte: not a text file */
  t = desk_csv_table_parse ("a,b\n\0\n", 6, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING);
  g_assert_cmpuint (line, ==, 2);
}

static void
test_quotes (void)
{
  g_autoptr(DeskCsvTable) t =
    parse_ok ("a,b,c\n"
              "\"张三,李四\",\"他说\"\"好\"\"\",\"\"\n"
              "\"\"\"开头\",结尾\"\"\",x\"y\n", -1);

  g_assert_cmpstr (cell (t, 0, 0), ==, "张三,李四");
  g_assert_cmpstr (cell (t, 0, 1), ==, "他说\"好\"");
  g_assert_cmpstr (cell (t, 0, 2), ==, "");
  g_assert_cmpstr (cell (t, 1, 0), ==, "\"开头");
  /* a bare quote in an unquoted cell is kept as it is */
  g_assert_cmpstr (cell (t, 1, 1), ==, "结尾\"\"\"");
  g_assert_cmpstr (cell (t, 1, 2), ==, "x\"y");
}

static void
test_embedded_newlines (void)
{
  g_autoptr(DeskCsvTable) t =
    parse_ok ("编号,咨询内容,处理结果\r\n"
              "1,\"第一行\r\n第二行\r\n第三行\",当场解答\r\n"
              "2,\"甲\n乙\",约期答复\r\n"
              "3,单行,其他\r\n", -1);

  g_assert_cmpuint (t->rows->len, ==, 3);
  /* CRLF inside a cell is kept as LF */
  g_assert_cmpstr (cell (t, 0, 1), ==, "第一行\n第二行\n第三行");
  g_assert_cmpstr (cell (t, 1, 1), ==, "甲\n乙");
  /* rows remember the line they start on, counting the breaks in cells */
  g_assert_cmpuint (line_of (t, 0), ==, 2);
  g_assert_cmpuint (line_of (t, 1), ==, 5);
  g_assert_cmpuint (line_of (t, 2), ==, 7);
}

static void
test_line_endings (void)
{
  g_autoptr(DeskCsvTable) lf = parse_ok ("a,b\n1,2\n3,4", -1);
  g_autoptr(DeskCsvTable) crlf = parse_ok ("a,b\r\n1,2\r\n3,4\r\n", -1);
  g_autoptr(DeskCsvTable) cr = parse_ok ("a,b\r1,2\r3,4\r", -1);

  /* the last line needs no line break */
  g_assert_cmpuint (lf->rows->len, ==, 2);
  g_assert_cmpstr (cell (lf, 1, 1), ==, "4");
  g_assert_cmpuint (crlf->rows->len, ==, 2);
  g_assert_cmpstr (cell (crlf, 1, 1), ==, "4");
  g_assert_cmpuint (line_of (crlf, 1), ==, 3);
  g_assert_cmpuint (cr->rows->len, ==, 2);
  g_assert_cmpuint (line_of (cr, 1), ==, 3);
}

static void
test_blank_rows (void)
{
  /* blank lines and rows of empty cells, as spreadsheets leave behind */
  g_autoptr(DeskCsvTable) t = parse_ok ("\n名称,类型\n\n青山村,村\n,\n  , \n新街社区,社区\n\n", -1);

  g_assert_cmpstr (t->header->fields[0], ==, "名称");
  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpuint (line_of (t, 0), ==, 4);
  g_assert_cmpuint (line_of (t, 1), ==, 7);
}

static void
test_header_trimmed (void)
{
  g_autoptr(DeskCsvTable) t = parse_ok (" 名称 ,类型\n青山村, 村 \n", -1);

  g_assert_cmpstr (t->header->fields[0], ==, "名称");
  /* data cells are given as written: the importer decides */
  g_assert_cmpstr (cell (t, 0, 1), ==, " 村 ");
}

static void
test_ragged (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0;
  DeskCsvTable *t;
  const char *ragged = "a,b,c\n1,2,3\n\"x\ny\",2,3\n1,2\n";

  t = desk_csv_table_parse (ragged, strlen (ragged), &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_RAGGED);
  g_assert_cmpuint (line, ==, 5);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  t = desk_csv_table_parse ("a,b\n1,2,3\n", 10, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_RAGGED);
  g_assert_cmpuint (line, ==, 2);
}

static void
test_syntax_errors (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0;
  DeskCsvTable *t;
  const char *unclosed = "a,b\n1,2\n3,\"开\n始\n";
  const char *after = "a,b\n1,2\n\"3\"x,4\n";

  t = desk_csv_table_parse (unclosed, strlen (unclosed), &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 3);
  g_assert_nonnull (strstr (error->message, "2"));  /* column 2 */
  g_clear_error (&error);

  t = desk_csv_table_parse (after, strlen (after), &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 3);
  g_clear_error (&error);

  t = desk_csv_table_parse ("\n\n", 2, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  t = desk_csv_table_parse ("", 0, &line, &error);
  g_assert_null (t);
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY);
}

static void
test_messages_in_chinese (void)
{
  g_autoptr(GError) error = NULL;
  DeskCsvTable *t;

  t = desk_csv_table_parse ("a,b\n1\n", 6, NULL, &error);
  g_assert_null (t);
  g_assert_nonnull (strstr (error->message, "表头"));
}

static void
test_writer (void)
{
  g_autoptr(DeskCsvWriter) w = desk_csv_writer_new ();
  const char *row[] = { "名称", "类型", NULL };
  const char *data;
  gsize len;

  desk_csv_writer_add_row (w, row);
  desk_csv_writer_add_text (w, "张三,李四");
  desk_csv_writer_add_text (w, "他说\"好\"");
  desk_csv_writer_add_text (w, "甲\n乙");
  desk_csv_writer_add_text (w, NULL);
  desk_csv_writer_add_text (w, " 空格");
  desk_csv_writer_add_number (w, "-3");
  desk_csv_writer_add_int (w, 12);
  desk_csv_writer_end_row (w);
  data = desk_csv_writer_get_data (w, &len);
  g_assert_cmpstr (data, ==,
                   "\xEF\xBB\xBF名称,类型\r\n"
                   "\"张三,李四\",\"他说\"\"好\"\"\",\"甲\n乙\",,\" 空格\",-3,12\r\n");
  g_assert_cmpuint (len, ==, strlen (data));
}

static void
test_writer_reader_round_trip (void)
{
  const char *texts[] = { "普通", "逗号,在中间", "\"引号\"", "换行\n第二行", "",
                          "=SUM(A1:A3)", "+86", "-", "@某人", "\t制表", "\r回车",
                          "'=已转义", "'普通撇号", "''=双撇号", " 前后空格 ", NULL };
  g_autoptr(DeskCsvWriter) w = desk_csv_writer_new ();
  g_autoptr(DeskCsvTable) t = NULL;
  g_autofree char *path = desk_test_path ("round.csv");
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length ((char **) texts);

  for (guint i = 0; i < n; i++)
    desk_csv_writer_add_text (w, i == 0 ? "h" : "x");
  desk_csv_writer_end_row (w);
  desk_csv_writer_add_row (w, texts);
  g_assert_true (desk_csv_writer_save (w, path, &error));
  g_assert_no_error (error);

  t = desk_csv_table_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *back = desk_csv_unescape_formula (cell (t, 0, i));

      g_assert_cmpstr (back, ==, texts[i]);
    }
}

static void
test_formula_escape (void)
{
  const char *escaped[] = { "=1+1", "+1", "-1", "@A", "\tx", "\rx", "'=1", NULL };
  const char *plain[] = { "", "1", "中文", "a=b", "'a", "'", "1-2", NULL };

  for (guint i = 0; escaped[i] != NULL; i++)
    {
      g_autofree char *e = desk_csv_escape_formula (escaped[i]);
      g_autofree char *back = desk_csv_unescape_formula (e);

      g_assert_true (desk_csv_needs_escape (escaped[i]));
      g_assert_cmpint (e[0], ==, '\'');
      g_assert_cmpstr (e + 1, ==, escaped[i]);
      g_assert_cmpstr (back, ==, escaped[i]);
    }
  for (guint i = 0; plain[i] != NULL; i++)
    {
      g_autofree char *e = desk_csv_escape_formula (plain[i]);
      g_autofree char *back = desk_csv_unescape_formula (plain[i]);

      g_assert_false (desk_csv_needs_escape (plain[i]));
      g_assert_cmpstr (e, ==, plain[i]);
      g_assert_cmpstr (back, ==, plain[i]);
    }

  /* what a clerk typed in Excel to keep a cell text: the apostrophe goes */
  {
    g_autofree char *a = desk_csv_unescape_formula ("'=不是公式");
    g_autofree char *b = desk_csv_unescape_formula ("'-3");
    g_autofree char *c = desk_csv_unescape_formula ("'@x");

    g_assert_cmpstr (a, ==, "=不是公式");
    g_assert_cmpstr (b, ==, "-3");
    g_assert_cmpstr (c, ==, "@x");
  }

  /* number cells are never escaped */
  {
    g_autoptr(DeskCsvWriter) w = desk_csv_writer_new ();

    desk_csv_writer_add_number (w, "-3");
    desk_csv_writer_add_int (w, -5);
    desk_csv_writer_add_text (w, "-3");
    desk_csv_writer_end_row (w);
    g_assert_cmpstr (desk_csv_writer_get_data (w, NULL), ==, "\xEF\xBB\xBF-3,-5,'-3\r\n");
  }
}

static void
test_lists (void)
{
  g_auto(GStrv) a = desk_csv_split_list ("张三、李四;王五；赵六");
  g_auto(GStrv) b = desk_csv_split_list (" 张三 、、 李四 ");
  g_auto(GStrv) c = desk_csv_split_list ("");
  g_auto(GStrv) d = desk_csv_split_list (NULL);
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (a), ==, 4);
  g_assert_cmpstr (a[0], ==, "张三");
  g_assert_cmpstr (a[1], ==, "李四");
  g_assert_cmpstr (a[2], ==, "王五");
  g_assert_cmpstr (a[3], ==, "赵六");
  g_assert_cmpuint (g_strv_length (b), ==, 2);
  g_assert_cmpstr (b[1], ==, "李四");
  g_assert_cmpuint (g_strv_length (c), ==, 0);
  g_assert_cmpuint (g_strv_length (d), ==, 0);

  joined = desk_csv_join_list ((const char *const *) a);
  g_assert_cmpstr (joined, ==, "张三、李四、王五、赵六");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  g_test_add_func ("/csv/utf8", test_utf8_plain);
  g_test_add_func ("/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/csv/gb18030", test_gb18030);
  g_test_add_func ("/csv/gb18030-four-byte", test_gbk_four_byte);
  g_test_add_func ("/csv/bad-encoding", test_bad_encoding);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/embedded-newlines", test_embedded_newlines);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/blank-rows", test_blank_rows);
  g_test_add_func ("/csv/header-trimmed", test_header_trimmed);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/csv/messages-in-chinese", test_messages_in_chinese);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/writer-reader-round-trip", test_writer_reader_round_trip);
  g_test_add_func ("/csv/formula-escape", test_formula_escape);
  g_test_add_func ("/csv/lists", test_lists);

  return g_test_run ();
}
