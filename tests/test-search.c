/* test-search.c — full-text search finds exactly what a plain substring
 * scan finds: over a generated ledger of a few thousand Chinese records,
 * for hundreds of queries (two-character names, ID and phone fragments,
 * phrases, numbers in mixed case, several words, single characters), after
 * edits, soft and hard deletes, in a transaction and after a rollback,
 * while the index is suspended or deferred (an import), and after an
 * upgrade from schema 1. */
#include "config.h"

#include <string.h>

#include "desk-core-resources.h"
#include "desk-search.h"
#include "desk-test-util.h"
#include "search-corpus.h"

static const char *const kind_names[] = {
  "people", "consultations", "mediation_cases", "legal_aid", "screenings",
  "adviser_services",
};

/* The reference: every live record's fields, ASCII-folded, read with plain
 * SQL, and the people it names. */
static const char *const reference_sql[] = {
  "SELECT id, NULL, name, id_number, phone, address, legal_rep, notes FROM people"
  " WHERE deleted_at IS NULL ORDER BY id",
  "SELECT id, person_id, number, content, reply FROM consultations"
  " WHERE deleted_at IS NULL ORDER BY id",
  "SELECT id, NULL, number, summary, request FROM mediation_cases"
  " WHERE deleted_at IS NULL ORDER BY id",
  "SELECT id, person_id, number, summary FROM legal_aid WHERE deleted_at IS NULL ORDER BY id",
  "SELECT id, NULL, screener, notes FROM screenings WHERE deleted_at IS NULL ORDER BY id",
  "SELECT id, NULL, notes FROM adviser_services WHERE deleted_at IS NULL ORDER BY id",
};

typedef struct
{
  gint64     id;
  GPtrArray *fields;   /* folded text */
  GArray    *people;   /* gint64 */
} RefRecord;

static void
ref_record_free (RefRecord *r)
{
  g_ptr_array_unref (r->fields);
  g_array_unref (r->people);
  g_free (r);
}

typedef struct
{
  GPtrArray  *records[G_N_ELEMENTS (kind_names)];
  GHashTable *people;   /* id → RefRecord in records[0] */
} Reference;

static void
reference_free (Reference *ref)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    g_ptr_array_unref (ref->records[k]);
  g_hash_table_unref (ref->people);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reference, reference_free)

static Reference *
reference_load (DeskStore *store)
{
  Reference *ref = g_new0 (Reference, 1);
  g_autoptr(GHashTable) cases = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3 *db = desk_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  ref->people = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      ref->records[k] = g_ptr_array_new_with_free_func ((GDestroyNotify) ref_record_free);
      g_assert_cmpint (sqlite3_prepare_v2 (db, reference_sql[k], -1, &stmt, NULL), ==,
                       SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          RefRecord *r = g_new0 (RefRecord, 1);

          r->id = sqlite3_column_int64 (stmt, 0);
          r->fields = g_ptr_array_new_with_free_func (g_free);
          r->people = g_array_new (FALSE, FALSE, sizeof (gint64));
          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            {
              gint64 p = sqlite3_column_int64 (stmt, 1);
              g_array_append_val (r->people, p);
            }
          for (int col = 2; col < sqlite3_column_count (stmt); col++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, col);

              if (text != NULL)
                g_ptr_array_add (r->fields, g_ascii_strdown (text, -1));
            }
          g_ptr_array_add (ref->records[k], r);
          if (k == 0)
            g_hash_table_insert (ref->people, &r->id, r);
          if (k == 2)
            g_hash_table_insert (cases, &r->id, r);
        }
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT case_id, person_id FROM case_parties", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      gint64 person = sqlite3_column_int64 (stmt, 1);
      RefRecord *r = g_hash_table_lookup (cases, &case_id);

      if (r != NULL)
        g_array_append_val (r->people, person);
    }
  sqlite3_finalize (stmt);
  return ref;
}

static gboolean
fields_contain (const RefRecord *r,
                const char      *word)
{
  for (guint i = 0; i < r->fields->len; i++)
    if (strstr (g_ptr_array_index (r->fields, i), word) != NULL)
      return TRUE;
  return FALSE;
}

/* Words: what lies between white space and control characters. */
static GPtrArray *
reference_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = query;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c < 0x20 || c == 0x7f || g_unichar_isspace (c))
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_ascii_strdown (word->str, -1));
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (word, c);
    }
  g_string_free (word, TRUE);
  return words;
}

/* Ids of kind @k whose fields, or whose live people's fields, contain every
 * word; highest id first. */
static GArray *
reference_search (Reference  *ref,
                  guint       k,
                  const char *query)
{
  g_autoptr(GPtrArray) words = reference_words (query);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *records = ref->records[k];

  if (words->len == 0)
    return ids;
  for (guint i = records->len; i > 0; i--)
    {
      RefRecord *r = g_ptr_array_index (records, i - 1);
      gboolean all = TRUE;

      for (guint w = 0; w < words->len && all; w++)
        {
          const char *word = g_ptr_array_index (words, w);
          gboolean found = fields_contain (r, word);

          for (guint p = 0; p < r->people->len && !found; p++)
            {
              RefRecord *person = g_hash_table_lookup (ref->people,
                                                       &g_array_index (r->people, gint64, p));
              found = person != NULL && fields_contain (person, word);
            }
          all = found;
        }
      if (all)
        g_array_append_val (ids, r->id);
    }
  /* Records were read in id order; make sure. */
  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i - 1), >, g_array_index (ids, gint64, i));
  return ids;
}

static void
assert_same_ids (GArray     *got,
                 GArray     *expected,
                 const char *kind,
                 const char *query)
{
  if (got->len != expected->len ||
      memcmp (got->data, expected->data, got->len * sizeof (gint64)) != 0)
    {
      g_autoptr(GString) msg = g_string_new (NULL);

      g_string_append_printf (msg, "query “%s” on %s: %u ids, expected %u:", query, kind,
                              got->len, expected->len);
      for (guint i = 0; i < MIN (got->len, 8); i++)
        g_string_append_printf (msg, " %" G_GINT64_FORMAT, g_array_index (got, gint64, i));
      g_string_append (msg, " / expected");
      for (guint i = 0; i < MIN (expected->len, 8); i++)
        g_string_append_printf (msg, " %" G_GINT64_FORMAT, g_array_index (expected, gint64, i));
      g_error ("%s", msg->str);
    }
}

/* Checks every kind for @query; returns how many records were found. */
static guint
check_query (DeskStore  *store,
             Reference  *ref,
             const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  guint total = 0;
  guint h = 0;

  g_assert_true (desk_search (store, NULL, query, 0, 0, &hits, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) expected = reference_search (ref, k, query);

      g_assert_true (desk_search_ids (store, kind_names[k], query, &ids, &error));
      g_assert_no_error (error);
      assert_same_ids (ids, expected, kind_names[k], query);
      total += ids->len;

      /* desk_search() across kinds: the same, kind after kind. */
      for (guint i = 0; i < expected->len; i++, h++)
        {
          DeskSearchHit *hit;

          g_assert_cmpuint (h, <, hits->len);
          hit = &g_array_index (hits, DeskSearchHit, h);
          g_assert_cmpstr (hit->kind, ==, kind_names[k]);
          g_assert_cmpint (hit->id, ==, g_array_index (expected, gint64, i));
        }
    }
  g_assert_cmpuint (h, ==, hits->len);
  return total;
}

static DeskStore *
corpus_store (const char *name,
              guint       scale)
{
  DeskStore *store = desk_test_open_store (name);
  CorpusSize size = {
    .people = 500 * scale, .consultations = 500 * scale, .cases = 160 * scale,
    .legal_aid = 120 * scale, .screenings = 100 * scale, .services = 100 * scale,
    .seed = 20261123,
  };

  corpus_fill (store, &size);
  return store;
}

static void
test_exact_queries (void)
{
  g_autoptr(DeskStore) store = corpus_store ("exact.db", 3);
  g_autoptr(GPtrArray) queries = corpus_queries (store, 252, 7);
  g_autoptr(Reference) ref = reference_load (store);
  guint found = 0, two_char_names = 0, digits = 0;

  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM people"), ==, 1500);
  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      guint n = check_query (store, ref, q);

      if (n > 0)
        found++;
      if (g_utf8_strlen (q, -1) == 2 && n > 0 && !g_ascii_isdigit (q[0]))
        two_char_names++;
      if (strspn (q, "0123456789") == strlen (q) && strlen (q) >= 4 && n > 0)
        digits++;
    }
  g_test_message ("%u queries, %u found something, %u of two characters, %u digit fragments",
                  queries->len, found, two_char_names, digits);
  /* The queries are real: most find something, misses excepted. */
  g_assert_cmpuint (queries->len, >=, 200);
  g_assert_cmpuint (found, >=, queries->len * 8 / 10);
  g_assert_cmpuint (two_char_names, >=, 20);
  g_assert_cmpuint (digits, >=, 40);
}

static gint64
insert_person (DeskStore  *store,
               const char *name,
               const char *id_number,
               const char *phone,
               const char *notes)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO people (name, id_number, phone, notes, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, '2026-11-23 10:00:00', '2026-11-23 10:00:00')", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  desk_sql_bind_text_or_null (stmt, 2, id_number);
  desk_sql_bind_text_or_null (stmt, 3, phone);
  desk_sql_bind_text_or_null (stmt, 4, notes);
  g_assert_true (desk_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
  return desk_store_last_insert_id (store);
}

static void
assert_finds (DeskStore  *store,
              const char *kind,
              const char *query,
              gint64      id,
              gboolean    expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean seen = FALSE;

  g_assert_true (desk_search_ids (store, kind, query, &ids, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    seen |= g_array_index (ids, gint64, i) == id;
  if (seen != expected)
    g_error ("“%s” %s %s %" G_GINT64_FORMAT, query, expected ? "does not find" : "finds",
             kind, id);
}

static void
test_tokenizer_edges (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("edges.db");
  gint64 zhang, org, spaced;

  zhang = insert_person (store, "张三", "43010319800101001X", "13800138000",
                         "WeChat号ZhangSan88；“引号”\"ASCII\"");
  org = insert_person (store, "欧阳娜娜", NULL, NULL, "张\t三 AND OR NOT NEAR(x) *三*");
  spaced = insert_person (store, "李四", NULL, "021-6543 2100", "住址　青山镇　石桥村");

  /* Two characters, the whole name, one character. */
  assert_finds (store, "people", "张三", zhang, TRUE);
  assert_finds (store, "people", "三", zhang, TRUE);
  assert_finds (store, "people", "张", org, TRUE);
  assert_finds (store, "people", "三", org, TRUE);
  /* Blanks split a text: 张<tab>三 does not contain 张三. */
  assert_finds (store, "people", "张三", org, FALSE);
  /* Digits: fragments of four and more, from the start, middle and end. */
  assert_finds (store, "people", "1380", zhang, TRUE);
  assert_finds (store, "people", "0013", zhang, TRUE);
  assert_finds (store, "people", "38000", zhang, TRUE);
  assert_finds (store, "people", "13800138000", zhang, TRUE);
  assert_finds (store, "people", "138001380000", zhang, FALSE);
  assert_finds (store, "people", "01001x", zhang, TRUE);
  assert_finds (store, "people", "01001X", zhang, TRUE);
  assert_finds (store, "people", "19800101", zhang, TRUE);
  assert_finds (store, "people", "19800102", zhang, FALSE);
  assert_finds (store, "people", "13", zhang, TRUE);
  assert_finds (store, "people", "138", zhang, TRUE);
  /* A match never runs across two fields (name then ID number). */
  assert_finds (store, "people", "三4301", zhang, FALSE);
  assert_finds (store, "people", "1X1380", zhang, FALSE);
  /* Digits around punctuation and blanks. */
  assert_finds (store, "people", "021-6543", spaced, TRUE);
  assert_finds (store, "people", "65432100", spaced, FALSE);
  assert_finds (store, "people", "6543 2100", spaced, TRUE);  /* two words */
  assert_finds (store, "people", "青山镇", spaced, TRUE);
  assert_finds (store, "people", "住址青山镇", spaced, FALSE);  /* U+3000 is a blank */
  /* ASCII case folds; nothing else does. */
  assert_finds (store, "people", "zhangsan88", zhang, TRUE);
  assert_finds (store, "people", "WECHAT号", zhang, TRUE);
  assert_finds (store, "people", "ｗｅｃｈａｔ", zhang, FALSE);
  /* Quotes and FTS5 syntax are plain text. */
  assert_finds (store, "people", "\"ascii\"", zhang, TRUE);
  assert_finds (store, "people", "“引号”", zhang, TRUE);
  assert_finds (store, "people", "\"", zhang, TRUE);
  assert_finds (store, "people", "NEAR(x)", org, TRUE);
  assert_finds (store, "people", "AND", org, TRUE);
  assert_finds (store, "people", "*三*", org, TRUE);
  assert_finds (store, "people", "*", org, TRUE);
  assert_finds (store, "people", "*", zhang, FALSE);
  /* Several words: all of them, anywhere. */
  assert_finds (store, "people", "张三 13800", zhang, TRUE);
  assert_finds (store, "people", "  13800\t张三  ", zhang, TRUE);
  assert_finds (store, "people", "张三 李四", zhang, FALSE);
  /* Repeated characters. */
  assert_finds (store, "people", "娜娜", org, TRUE);
  assert_finds (store, "people", "娜娜娜", org, FALSE);
  assert_finds (store, "people", "00", zhang, TRUE);
  assert_finds (store, "people", "000", zhang, TRUE);
  assert_finds (store, "people", "0000", zhang, FALSE);

  /* Nothing to search for finds nothing. */
  g_assert_true (desk_search_query_is_empty ("  \t　"));
  g_assert_false (desk_search_query_is_empty (" 张 "));
  {
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (desk_search_ids (store, "people", " 　 ", &ids, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    /* Invalid UTF-8 is searched as what it says, and does not crash. */
    g_assert_true (desk_search_ids (store, "people", "张\xff三", &ids, &error));
    g_assert_no_error (error);
  }
}

/* The index as FTS5 sees it: every term with its document and occurrence
 * counts.  Equal before and after a rebuild means the triggers removed
 * exactly what they had added. */
static char *
vocabulary (DeskStore *store)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  desk_test_exec (store, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab"
                         " USING fts5vocab (main, search_index, 'row')");
  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT term, doc, cnt FROM temp.search_vocab", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %d %d\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
check_all (DeskStore *store,
           GPtrArray *queries)
{
  g_autoptr(Reference) ref = reference_load (store);

  for (guint i = 0; i < queries->len; i++)
    check_query (store, ref, g_ptr_array_index (queries, i));
}

static void
exec_bound (DeskStore  *store,
            const char *sql,
            const char *text,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  desk_sql_bind_text_or_null (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_true (desk_store_step_done (store, stmt, &error));
  g_assert_no_error (error);
}

static void
test_edits_and_deletes (void)
{
  g_autoptr(DeskStore) store = corpus_store ("edits.db", 1);
  g_autoptr(GPtrArray) queries = corpus_queries (store, 120, 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  gint64 newcomer;

  /* Edits in one transaction: searches inside it see them at once. */
  g_assert_true (desk_store_begin (store, &error));
  for (int i = 0; i < 60; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, 500);

      switch (i % 6)
        {
        case 0:
          exec_bound (store, "UPDATE people SET name = ?1 WHERE id = ?2",
                      i % 12 ? "钱多多" : "赵钱", id);
          break;
        case 1:
          exec_bound (store, "UPDATE people SET phone = ?1, notes = ?1 WHERE id = ?2",
                      i % 12 ? "13912345678" : NULL, id);
          break;
        case 2:
          exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2",
                      "改为咨询宅基地确权登记，张三在场", id);
          break;
        case 3:
          exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2",
                      "2026-11-23 10:00:00", id);
          break;
        case 4:
          exec_bound (store, "UPDATE consultations SET deleted_at = ?1 WHERE id = ?2",
                      "2026-11-23 10:00:00", id);
          exec_bound (store, "UPDATE mediation_cases SET deleted_at = ?1 WHERE id = ?2",
                      "2026-11-23 10:00:00", id % 160 + 1);
          break;
        default:
          exec_bound (store, "UPDATE legal_aid SET summary = ?1 WHERE id = ?2",
                      "申请人赵钱因拖欠工资申请援助", id % 120 + 1);
          exec_bound (store, "UPDATE screenings SET screener = ?1 WHERE id = ?2",
                      "钱多多", id % 100 + 1);
          exec_bound (store, "UPDATE adviser_services SET notes = ?1 WHERE id = ?2",
                      "ZX讲座 宅基地确权", id % 100 + 1);
          break;
        }
    }
  /* Undelete one, and delete for good another (both kinds of delete). */
  exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2", NULL,
              desk_test_query_int (store, "SELECT min (id) FROM people WHERE deleted_at"
                                          " IS NOT NULL"));
  desk_test_exec (store, "DELETE FROM adviser_services WHERE id = 7");
  desk_test_exec (store, "DELETE FROM screenings WHERE id IN (3, 4, 5)");
  newcomer = insert_person (store, "钱多多", "430103199001011234", "13912345678", NULL);

  g_ptr_array_add (queries, g_strdup ("钱多多"));
  g_ptr_array_add (queries, g_strdup ("赵钱"));
  g_ptr_array_add (queries, g_strdup ("13912345678"));
  g_ptr_array_add (queries, g_strdup ("确权登记"));
  g_ptr_array_add (queries, g_strdup ("张三"));
  g_ptr_array_add (queries, g_strdup ("zx讲座"));
  check_all (store, queries);
  assert_finds (store, "people", "钱多多", newcomer, TRUE);
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);
  check_all (store, queries);

  /* A rollback takes the index back with the records. */
  g_assert_true (desk_store_begin (store, &error));
  exec_bound (store, "UPDATE people SET name = ?1 WHERE id = ?2", "孙悟空", newcomer);
  assert_finds (store, "people", "悟空", newcomer, TRUE);
  desk_store_rollback (store);
  assert_finds (store, "people", "悟空", newcomer, FALSE);
  assert_finds (store, "people", "钱多多", newcomer, TRUE);

  /* Soft-deleted records vanish, and with them what they were found by. */
  exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2", "2026-11-23 11:00:00",
              newcomer);
  assert_finds (store, "people", "钱多多", newcomer, FALSE);
  assert_finds (store, "people", "430103199001011234", newcomer, FALSE);
  check_all (store, queries);

  /* The index holds exactly the records' texts, and what a rebuild would. */
  g_assert_true (desk_search_check (store, &error));
  g_assert_no_error (error);
  before = vocabulary (store);
  g_assert_true (desk_search_rebuild (store, &error));
  g_assert_no_error (error);
  after = vocabulary (store);
  g_assert_cmpstr (before, ==, after);
  check_all (store, queries);
}

/* An index out of step with the records is found, and mended. */
static void
test_check_finds_stale_index (void)
{
  g_autoptr(DeskStore) store = corpus_store ("stale.db", 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_search_check (store, &error));
  g_assert_no_error (error);
  /* Edited behind the triggers' back: the row says suspended, then goes
   * without the rebuild that desk_search_resume() does. */
  desk_test_exec (store, "INSERT INTO search_suspended VALUES (1, '2026-11-23 10:00:00')");
  exec_bound (store, "UPDATE people SET name = ?1 WHERE id = ?2", "鲁智深", 7);
  g_assert_true (desk_search_check (store, &error));   /* suspended: not checked */
  desk_test_exec (store, "DELETE FROM search_suspended");
  g_assert_false (desk_search_check (store, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  assert_finds (store, "people", "智深", 7, FALSE);
  g_assert_true (desk_search_rebuild (store, &error));
  g_assert_true (desk_search_check (store, &error));
  g_assert_no_error (error);
  assert_finds (store, "people", "智深", 7, TRUE);
}

static void
test_found_through_people (void)
{
  g_autoptr(DeskStore) store = corpus_store ("people.db", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 person = desk_test_query_int (store,
                                       "SELECT person_id FROM legal_aid WHERE id = 1");
  gint64 case_id = desk_test_query_int (store,
                                        "SELECT case_id FROM case_parties"
                                        " ORDER BY case_id LIMIT 1");
  gint64 party = desk_test_query_int (store,
                                      "SELECT person_id FROM case_parties"
                                      " ORDER BY case_id LIMIT 1");

  exec_bound (store, "UPDATE people SET name = ?1 WHERE id = ?2", "诸葛亮", person);
  exec_bound (store, "UPDATE people SET phone = ?1 WHERE id = ?2", "15511112222", party);
  assert_finds (store, "legal_aid", "诸葛", 1, TRUE);
  assert_finds (store, "mediation_cases", "55111122", case_id, TRUE);
  /* A renamed person is found by the new name only, in every record. */
  exec_bound (store, "UPDATE people SET name = ?1 WHERE id = ?2", "孔明", person);
  assert_finds (store, "legal_aid", "诸葛", 1, FALSE);
  assert_finds (store, "legal_aid", "孔明", 1, TRUE);
  /* A word from the person and a word from the record. */
  exec_bound (store, "UPDATE legal_aid SET summary = ?1 WHERE id = ?2", "草船借箭", 1);
  assert_finds (store, "legal_aid", "孔明 借箭", 1, TRUE);
  assert_finds (store, "legal_aid", "孔明 借钱", 1, FALSE);

  /* desk_search_filter_ids() tells the same for a few records. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 id = 1; id <= 5; id++)
    g_array_append_val (ids, id);
  g_assert_true (desk_search_filter_ids (store, "legal_aid", "孔明 借箭", ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_array_set_size (ids, 0);
  g_array_append_val (ids, case_id);
  g_assert_true (desk_search_filter_ids (store, "mediation_cases", "55111122", ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (desk_search_filter_ids (store, "mediation_cases", "55111123", ids, &error));
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_filter_ids_agrees (void)
{
  g_autoptr(DeskStore) store = corpus_store ("filter.db", 1);
  g_autoptr(GPtrArray) queries = corpus_queries (store, 60, 3);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < queries->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
      {
        const char *q = g_ptr_array_index (queries, i);
        g_autoptr(GArray) found = NULL;
        g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));
        guint expected = 0;

        g_assert_true (desk_search_ids (store, kind_names[k], q, &found, &error));
        /* Ids 1..120 in descending order, and one that does not exist. */
        for (gint64 id = 120; id >= 0; id--)
          g_array_append_val (some, id);
        for (guint j = 0; j < found->len; j++)
          expected += g_array_index (found, gint64, j) <= 120;
        g_assert_true (desk_search_filter_ids (store, kind_names[k], q, some, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (some->len, ==, expected);
        for (guint j = 0; j < some->len; j++)
          g_assert_cmpint (g_array_index (some, gint64, j), ==,
                           g_array_index (found, gint64, found->len - expected + j));
      }
}

static void
test_limit_and_offset (void)
{
  g_autoptr(DeskStore) store = corpus_store ("limit.db", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  const char *q = "纠纷";

  g_assert_true (desk_search (store, NULL, q, 0, 0, &all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 100);
  for (guint offset = 0; offset < all->len + 10; offset += 37)
    {
      g_autoptr(GArray) page = NULL;

      g_assert_true (desk_search (store, NULL, q, 25, offset, &page, &error));
      g_assert_cmpuint (page->len, ==, MIN (25, all->len > offset ? all->len - offset : 0));
      for (guint i = 0; i < page->len; i++)
        {
          DeskSearchHit *a = &g_array_index (page, DeskSearchHit, i);
          DeskSearchHit *b = &g_array_index (all, DeskSearchHit, offset + i);

          g_assert_cmpstr (a->kind, ==, b->kind);
          g_assert_cmpint (a->id, ==, b->id);
        }
    }
  /* One kind only. */
  {
    g_autoptr(GArray) page = NULL;

    g_assert_true (desk_search (store, "screenings", "排查", 5, 2, &page, &error));
    g_assert_cmpuint (page->len, ==, 5);
    for (guint i = 0; i < page->len; i++)
      g_assert_cmpstr (g_array_index (page, DeskSearchHit, i).kind, ==, "screenings");
  }
}

static void
test_suspend_and_resume (void)
{
  g_autoptr(DeskStore) store = corpus_store ("suspend.db", 1);
  g_autoptr(GPtrArray) queries = corpus_queries (store, 60, 13);
  g_autoptr(GError) error = NULL;
  g_autofree char *rebuilt = NULL;
  g_autofree char *resumed = NULL;
  gint64 id;

  g_assert_false (desk_search_is_suspended (store));
  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_search_suspend (store, &error));
  g_assert_true (desk_search_is_suspended (store));
  id = insert_person (store, "司马懿", NULL, "18600001111", NULL);
  exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2", "2026-11-23 10:00:00",
              3);
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "空城计", 9);
  /* While suspended, searches scan the texts: still exact. */
  assert_finds (store, "people", "司马", id, TRUE);
  assert_finds (store, "consultations", "空城", 9, TRUE);
  g_ptr_array_add (queries, g_strdup ("空城"));
  g_ptr_array_add (queries, g_strdup ("1860000"));
  check_all (store, queries);
  g_assert_true (desk_search_resume (store, &error));
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (desk_search_is_suspended (store));
  assert_finds (store, "people", "司马", id, TRUE);
  check_all (store, queries);
  resumed = vocabulary (store);
  g_assert_true (desk_search_rebuild (store, &error));
  rebuilt = vocabulary (store);
  g_assert_cmpstr (resumed, ==, rebuilt);

  /* Committed while suspended: searches stay exact until resumed. */
  g_assert_true (desk_search_suspend (store, &error));
  id = insert_person (store, "曹孟德", NULL, NULL, NULL);
  g_clear_object (&store);
  {
    g_autofree char *path = desk_test_path ("suspend.db");

    store = desk_store_open (path, DESK_STORE_OPEN_READONLY, &error);
    g_assert_no_error (error);
    g_assert_true (desk_search_is_suspended (store));
    assert_finds (store, "people", "孟德", id, TRUE);
    check_all (store, queries);
    g_clear_object (&store);
    store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
    g_assert_true (desk_search_resume (store, &error));
    g_assert_no_error (error);
    assert_finds (store, "people", "孟德", id, TRUE);
  }
}

/* An import's way: the index deferred for one transaction, each change in
 * a savepoint of its own, and brought up to date at the end, to exactly
 * what the triggers would have made of it: the same searches, the same
 * terms as a rebuild, and FTS5's own check against the texts. */
static void
test_defer_and_catch_up (void)
{
  g_autoptr(DeskStore) store = corpus_store ("defer.db", 1);
  g_autoptr(GPtrArray) queries = corpus_queries (store, 60, 17);
  g_autoptr(GError) error = NULL;
  g_autofree char *caught_up = NULL;
  g_autofree char *rebuilt = NULL;
  g_autofree char *before = NULL;
  gint64 added = 0, deleted;

  /* Deleted before: not in the index, restored while deferred. */
  exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2", "2026-11-20 10:00:00",
              7);
  before = vocabulary (store);

  /* Rolled back: nothing changes, and nothing is left behind. */
  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_search_defer (store, &error));
  g_assert_true (desk_search_is_suspended (store));
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "草船借箭", 5);
  desk_store_rollback (store);
  g_assert_false (desk_search_is_suspended (store));
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM sqlite_temp_master"
                                               " WHERE name LIKE 'search_deferred%'"), ==, 0);
  {
    g_autofree char *after = vocabulary (store);

    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_search_defer (store, &error));
  deleted = desk_test_query_int (store, "SELECT max (id) FROM screenings");
  for (int i = 0; i < 6; i++)
    {
      /* Each change in its savepoint, as an import's rows; one undone. */
      g_assert_true (desk_store_begin (store, &error));
      switch (i)
        {
        case 0:
          added = insert_person (store, "司马懿", NULL, "18600001111", "三顾茅庐");
          break;
        case 1:
          exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2",
                      "2026-11-23 10:00:00", 3);
          break;
        case 2:
          exec_bound (store, "UPDATE people SET deleted_at = ?1 WHERE id = ?2", NULL, 7);
          break;
        case 3:
          exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "空城计", 9);
          exec_bound (store, "UPDATE consultations SET reply = ?1 WHERE id = ?2", "七擒孟获", 9);
          break;
        case 4:
          exec_bound (store, "DELETE FROM screenings WHERE id = ?2", NULL, deleted);
          break;
        case 5:
          exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "木牛流马",
                      11);
          break;
        }
      if (i == 5)
        desk_store_rollback (store);
      else
        g_assert_true (desk_store_commit (store, &error));
    }
  g_assert_true (desk_search_catch_up (store, &error));
  g_assert_false (desk_search_is_suspended (store));
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (desk_search_check (store, &error));
  g_assert_no_error (error);
  assert_finds (store, "people", "司马", added, TRUE);
  assert_finds (store, "people", "茅庐", added, TRUE);
  assert_finds (store, "consultations", "空城", 9, TRUE);
  assert_finds (store, "consultations", "孟获", 9, TRUE);
  assert_finds (store, "consultations", "木牛", 11, FALSE);
  g_ptr_array_add (queries, g_strdup ("空城"));
  g_ptr_array_add (queries, g_strdup ("1860000"));
  check_all (store, queries);
  caught_up = vocabulary (store);
  g_assert_true (desk_search_rebuild (store, &error));
  rebuilt = vocabulary (store);
  g_assert_cmpstr (caught_up, ==, rebuilt);

  /* The triggers work again afterwards, and a second import may defer. */
  exec_bound (store, "UPDATE consultations SET content = ?1 WHERE id = ?2", "舌战群儒", 13);
  assert_finds (store, "consultations", "群儒", 13, TRUE);
  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_search_defer (store, &error));
  g_assert_true (desk_search_catch_up (store, &error));
  g_assert_true (desk_store_commit (store, &error));
  g_assert_true (desk_search_check (store, &error));

  /* A ledger whose index is suspended stays so: resuming rebuilds it. */
  g_assert_true (desk_search_suspend (store, &error));
  g_assert_true (desk_store_begin (store, &error));
  g_assert_true (desk_search_defer (store, &error));
  g_assert_true (desk_search_catch_up (store, &error));
  g_assert_true (desk_store_commit (store, &error));
  g_assert_true (desk_search_is_suspended (store));
  g_assert_no_error (error);
}

/* A ledger of schema 1 with records in it: the upgrade indexes them. */
static void
test_upgrade_indexes_records (void)
{
  g_autofree char *path = desk_test_path ("schema1.db");
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_resources_register (desk_core_get_resource ());
  schema = g_resources_lookup_data ("/io/github/legaldesk/LegalDesk/core/schema/001-initial.sql",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 1; PRAGMA application_id = 1279546187;"
    "INSERT INTO people (name, phone, created_at, updated_at)"
    " VALUES ('黄忠', '13011112222', '2025-01-01', '2025-01-01');"
    "INSERT INTO people (name, phone, created_at, updated_at, deleted_at)"
    " VALUES ('魏延', '13011113333', '2025-01-01', '2025-01-01', '2025-02-01');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_get_schema_version (store), ==,
                   desk_store_get_latest_version ());
  assert_finds (store, "people", "黄忠", 1, TRUE);
  assert_finds (store, "people", "1111", 1, TRUE);
  assert_finds (store, "people", "魏延", 2, FALSE);
  /* The triggers work on the upgraded file. */
  exec_bound (store, "UPDATE people SET deleted_at = NULL WHERE id = ?2", NULL, 2);
  assert_finds (store, "people", "魏延", 2, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/search/exact-queries", test_exact_queries);
  g_test_add_func ("/search/tokenizer-edges", test_tokenizer_edges);
  g_test_add_func ("/search/edits-and-deletes", test_edits_and_deletes);
  g_test_add_func ("/search/check-finds-stale-index", test_check_finds_stale_index);
  g_test_add_func ("/search/found-through-people", test_found_through_people);
  g_test_add_func ("/search/filter-ids-agrees", test_filter_ids_agrees);
  g_test_add_func ("/search/limit-and-offset", test_limit_and_offset);
  g_test_add_func ("/search/suspend-and-resume", test_suspend_and_resume);
  g_test_add_func ("/search/defer-and-catch-up", test_defer_and_catch_up);
  g_test_add_func ("/search/upgrade-indexes-records", test_upgrade_indexes_records);

  return g_test_run ();
}
