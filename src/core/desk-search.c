/* desk-search.c — full-text search: our FTS5 tokenizer, the queries, and
 * the upkeep of the index.
 *
 * SQLite's trigram tokenizer cannot find a two-character name, and a LIKE
 * scan of a million rows takes a quarter of a second.  desk_bigram indexes
 * every run of characters between blanks as its overlapping two-character
 * tokens ("张三丰" → 张三 三丰 丰), the last character of a run alone, and,
 * inside runs of ASCII digits, the four-digit groups too, at the same
 * positions as the bigrams (marked, see GROUP_MARK).  A query word of
 * n ≥ 2 characters becomes the phrase of its n - 1 bigrams (four-digit
 * groups where it has digits): consecutive positions inside one run, so the
 * phrase matches exactly the texts that contain the word.  The lone last
 * character stops a phrase from running on into the next run; a
 * one-character word is the prefix query "c"*, which matches the tokens
 * starting with c, that is every text that contains c.  Digit groups keep
 * phone and ID fragments fast: the hundred digit bigrams each occur in a
 * good part of all records, whereas a four-digit group is rare.
 *
 * Case: ASCII letters are folded to lower case, nothing else is.
 */
#define G_LOG_DOMAIN "desk-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-search.h"
#include "desk-sequence.h"

/* rowid of a record in search_index: kind code << KIND_SHIFT | id. */
#define KIND_SHIFT 40
#define DIGIT_GROUP 4

typedef struct
{
  const char *name;        /* the table */
  gint64      code;        /* its code in search_index's rowid */
  /* ?1 folded word → ids of live records whose own text contains it,
   * without the index */
  const char *scan_sql;
  /* ?1 desk_ids of people → ids of live records of this kind naming one
   * of them; NULL: the kind names no person */
  const char *link_sql;
  /* ?1 folded word, ?2 desk_ids → those of the ids that contain it, in
   * their own text or their people's */
  const char *check_sql;
  /* indexes the texts of every live record of the kind, in rowid order */
  const char *index_sql;
  /* desk_search_defer(): the kind's highest id, and the temporary triggers
   * that keep the indexed text of a record changed or deleted meanwhile */
  const char *defer_sql;
  /* desk_search_catch_up(): indexes the kind's live records among ?1
   * (desk_ids: those the triggers noted), and those above id ?1 (added) */
  const char *changed_sql;
  const char *added_sql;
} SearchKind;

/* While the index is deferred (desk_search_defer()), a record that may
 * have been indexed before (an id up to the kind's highest then) and is
 * changed or deleted is noted first, with the text it was indexed by (NULL
 * when it was not live, hence not indexed), so that desk_search_catch_up()
 * can take exactly that text out of the index, as the schema's triggers
 * would have, and index the record as it is now.  Temporary triggers:
 * this connection only, for one transaction.  Macros, so that each kind's
 * SQL is one constant. */
#define DEFER_TRIGGER(code, table, event) \
  "CREATE TEMP TRIGGER search_deferred_" table "_" event " BEFORE " event \
  " ON main." table \
  " WHEN OLD.id <= (SELECT max_id FROM search_deferred_before WHERE code = " #code ")" \
  " BEGIN INSERT OR IGNORE INTO search_deferred_old VALUES ((" #code " << 40) + OLD.id," \
  " (SELECT text FROM search_text_" table " WHERE id = OLD.id), '" table "'); END;"
#define DEFER_SQL(code, table) \
  "INSERT INTO search_deferred_before VALUES (" #code ", (SELECT coalesce (max (id), 0)" \
  " FROM " table "));" \
  DEFER_TRIGGER (code, table, "UPDATE") DEFER_TRIGGER (code, table, "DELETE")
#define DROP_DEFERRED(table) \
  "DROP TRIGGER temp.search_deferred_" table "_UPDATE;" \
  "DROP TRIGGER temp.search_deferred_" table "_DELETE;"

static const char drop_deferred_sql[] =
  DROP_DEFERRED ("people") DROP_DEFERRED ("consultations") DROP_DEFERRED ("mediation_cases")
  DROP_DEFERRED ("legal_aid") DROP_DEFERRED ("screenings") DROP_DEFERRED ("adviser_services")
  "DROP TABLE temp.search_deferred_old; DROP TABLE temp.search_deferred_before";

/* In the order desk_search() returns kinds in.  The SQL is constant; the
 * texts searched are the search_text_* views of schema/003-search.sql. */
static const SearchKind kinds[] = {
  { "people", 1,
    "SELECT id FROM search_text_people WHERE instr (lower (text), ?1) > 0",
    NULL,
    "SELECT id FROM search_text_people"
    " WHERE id IN (SELECT value FROM desk_ids (?2)) AND instr (lower (text), ?1) > 0",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (1 << 40) + id, text, 'people'"
    " FROM search_text_people ORDER BY id",
    DEFER_SQL (1, "people"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (1 << 40) + id, text, 'people' FROM search_text_people"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (1 << 40) + id, text, 'people' FROM search_text_people"
    " WHERE id > ?1 ORDER BY id" },
  { "consultations", 2,
    "SELECT id FROM search_text_consultations WHERE instr (lower (text), ?1) > 0",
    "SELECT id FROM consultations"
    " WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM desk_ids (?1))",
    "SELECT c.id FROM consultations c"
    " WHERE c.id IN (SELECT value FROM desk_ids (?2)) AND c.deleted_at IS NULL"
    " AND (instr (lower ((SELECT text FROM search_text_consultations t WHERE t.id = c.id)),"
    "             ?1) > 0"
    "  OR instr (lower ((SELECT text FROM search_text_people p WHERE p.id = c.person_id)),"
    "            ?1) > 0)",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (2 << 40) + id, text, 'consultations'"
    " FROM search_text_consultations ORDER BY id",
    DEFER_SQL (2, "consultations"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (2 << 40) + id, text, 'consultations' FROM search_text_consultations"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (2 << 40) + id, text, 'consultations' FROM search_text_consultations"
    " WHERE id > ?1 ORDER BY id" },
  { "mediation_cases", 3,
    "SELECT id FROM search_text_mediation_cases WHERE instr (lower (text), ?1) > 0",
    "SELECT DISTINCT m.id FROM case_parties cp JOIN mediation_cases m ON m.id = cp.case_id"
    " WHERE m.deleted_at IS NULL AND cp.person_id IN (SELECT value FROM desk_ids (?1))",
    "SELECT m.id FROM mediation_cases m"
    " WHERE m.id IN (SELECT value FROM desk_ids (?2)) AND m.deleted_at IS NULL"
    " AND (instr (lower ((SELECT text FROM search_text_mediation_cases t WHERE t.id = m.id)),"
    "             ?1) > 0"
    "  OR EXISTS (SELECT 1 FROM case_parties cp JOIN search_text_people p"
    "             ON p.id = cp.person_id"
    "             WHERE cp.case_id = m.id AND instr (lower (p.text), ?1) > 0))",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (3 << 40) + id, text, 'mediation_cases'"
    " FROM search_text_mediation_cases ORDER BY id",
    DEFER_SQL (3, "mediation_cases"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (3 << 40) + id, text, 'mediation_cases' FROM search_text_mediation_cases"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (3 << 40) + id, text, 'mediation_cases' FROM search_text_mediation_cases"
    " WHERE id > ?1 ORDER BY id" },
  { "legal_aid", 4,
    "SELECT id FROM search_text_legal_aid WHERE instr (lower (text), ?1) > 0",
    "SELECT id FROM legal_aid"
    " WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM desk_ids (?1))",
    "SELECT a.id FROM legal_aid a"
    " WHERE a.id IN (SELECT value FROM desk_ids (?2)) AND a.deleted_at IS NULL"
    " AND (instr (lower ((SELECT text FROM search_text_legal_aid t WHERE t.id = a.id)),"
    "             ?1) > 0"
    "  OR instr (lower ((SELECT text FROM search_text_people p WHERE p.id = a.person_id)),"
    "            ?1) > 0)",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (4 << 40) + id, text, 'legal_aid'"
    " FROM search_text_legal_aid ORDER BY id",
    DEFER_SQL (4, "legal_aid"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (4 << 40) + id, text, 'legal_aid' FROM search_text_legal_aid"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (4 << 40) + id, text, 'legal_aid' FROM search_text_legal_aid"
    " WHERE id > ?1 ORDER BY id" },
  { "screenings", 5,
    "SELECT id FROM search_text_screenings WHERE instr (lower (text), ?1) > 0",
    NULL,
    "SELECT id FROM search_text_screenings"
    " WHERE id IN (SELECT value FROM desk_ids (?2)) AND instr (lower (text), ?1) > 0",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (5 << 40) + id, text, 'screenings'"
    " FROM search_text_screenings ORDER BY id",
    DEFER_SQL (5, "screenings"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (5 << 40) + id, text, 'screenings' FROM search_text_screenings"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (5 << 40) + id, text, 'screenings' FROM search_text_screenings"
    " WHERE id > ?1 ORDER BY id" },
  { "adviser_services", 6,
    "SELECT id FROM search_text_adviser_services WHERE instr (lower (text), ?1) > 0",
    NULL,
    "SELECT id FROM search_text_adviser_services"
    " WHERE id IN (SELECT value FROM desk_ids (?2)) AND instr (lower (text), ?1) > 0",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (6 << 40) + id, text, 'adviser_services'"
    " FROM search_text_adviser_services ORDER BY id",
    DEFER_SQL (6, "adviser_services"),
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (6 << 40) + id, text, 'adviser_services' FROM search_text_adviser_services"
    " WHERE id IN (SELECT value FROM desk_ids (?1)) ORDER BY id",
    "INSERT INTO search_index (rowid, text, kind)"
    " SELECT (6 << 40) + id, text, 'adviser_services' FROM search_text_adviser_services"
    " WHERE id > ?1 ORDER BY id" },
};

static const SearchKind *
find_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

/* Characters
 *
 * Blanks separate words in a query and runs in a text: white space (of any
 * script, U+3000 included) and control characters. */

static gboolean
is_blank (gunichar c)
{
  /* ASCII and CJK (everything above U+3000, the last space separator)
   * without a table look-up: the index reads millions of characters. */
  if (c < 0x80)
    return c <= 0x20 || c == 0x7f;
  if (c > 0x3000)
    return FALSE;
  return g_unichar_isspace (c);
}

/* Decodes the character at @text[@pos] (not past @end); returns its length
 * in bytes, and 0 for a byte that starts no valid character.  ASCII and
 * the three-byte characters of Chinese text are decoded here; anything
 * else, and every doubtful byte, by GLib. */
static int
decode_char (const char *text,
             int         pos,
             int         end,
             gunichar   *c)
{
  const guchar *p = (const guchar *) text + pos;
  gunichar u;

  if (p[0] < 0x80)
    {
      *c = p[0];
      return 1;
    }
  if ((p[0] & 0xf0) == 0xe0 && end - pos >= 3 && (p[1] & 0xc0) == 0x80 &&
      (p[2] & 0xc0) == 0x80)
    {
      u = ((gunichar) (p[0] & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
      /* Not overlong, not a surrogate: what GLib accepts. */
      if (u >= 0x800 && (u < 0xd800 || u > 0xdfff))
        {
          *c = u;
          return 3;
        }
    }
  u = g_utf8_get_char_validated (text + pos, end - pos);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return 0;
  *c = u;
  return g_utf8_next_char (text + pos) - (text + pos);
}

/* The tokenizer */

typedef struct
{
  int start;       /* byte offset */
  int end;
  gboolean digit;  /* an ASCII digit */
} CharSpan;

typedef int (*TokenCallback) (void       *ctx,
                              int         tflags,
                              const char *token,
                              int         n_token,
                              int         start,
                              int         end);

/* Marks digit groups, so that the prefix query of one digit ("1"*) meets
 * only the ten bigrams and the lone digit, not a thousand groups.  A
 * control character: never part of a word, so never a query of its own. */
#define GROUP_MARK '\x01'

static int
emit (void          *ctx,
      TokenCallback  callback,
      int            tflags,
      const char    *text,
      int            start,
      int            end,
      gboolean       group)
{
  char token[32];
  int n = 0;

  g_assert (end > start && end - start < (int) sizeof token);
  if (group)
    token[n++] = GROUP_MARK;
  for (int i = start; i < end; i++)
    {
      char b = text[i];

      token[n++] = (b >= 'A' && b <= 'Z') ? (char) (b - 'A' + 'a') : b;
    }
  return callback (ctx, tflags, token, n, start, end);
}

static gboolean
digits_from (const CharSpan *run,
             int             n_run,
             int             i)
{
  if (i + DIGIT_GROUP > n_run)
    return FALSE;
  for (int k = i; k < i + DIGIT_GROUP; k++)
    if (!run[k].digit)
      return FALSE;
  return TRUE;
}

/* The tokens of one run of characters; see the top of the file. */
static int
tokenize_run (void           *ctx,
              TokenCallback   callback,
              gboolean        query,
              const char     *text,
              const CharSpan *run,
              int             n_run)
{
  int rc = SQLITE_OK;

  for (int i = 0; i < n_run - 1 && rc == SQLITE_OK; i++)
    {
      gboolean group = digits_from (run, n_run, i);

      if (query)
        {
          if (group)
            rc = emit (ctx, callback, 0, text, run[i].start, run[i + DIGIT_GROUP - 1].end,
                       TRUE);
          else
            rc = emit (ctx, callback, 0, text, run[i].start, run[i + 1].end, FALSE);
        }
      else
        {
          rc = emit (ctx, callback, 0, text, run[i].start, run[i + 1].end, FALSE);
          if (rc == SQLITE_OK && group)
            rc = emit (ctx, callback, FTS5_TOKEN_COLOCATED, text,
                       run[i].start, run[i + DIGIT_GROUP - 1].end, TRUE);
        }
    }
  /* A query word keeps only its bigrams, unless it is a single character. */
  if (rc == SQLITE_OK && (!query || n_run == 1))
    rc = emit (ctx, callback, 0, text, run[n_run - 1].start, run[n_run - 1].end, FALSE);
  return rc;
}

static int
bigram_tokenize (Fts5Tokenizer *tokenizer,
                 void          *ctx,
                 int            flags,
                 const char    *text,
                 int            n_text,
                 TokenCallback  callback)
{
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  CharSpan small[128];
  CharSpan *run = small;
  int capacity = G_N_ELEMENTS (small);
  int n_run = 0;
  int pos = 0;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && pos <= n_text)
    {
      gunichar c = 0;
      int len = pos < n_text ? decode_char (text, pos, n_text, &c) : 0;

      if (len == 0 || is_blank (c))
        {
          /* A blank, an invalid byte or the end closes the run. */
          if (n_run > 0)
            rc = tokenize_run (ctx, callback, query, text, run, n_run);
          n_run = 0;
          pos += len > 0 ? len : 1;
          continue;
        }
      if (n_run == capacity)
        {
          capacity *= 2;
          if (run == small)
            run = g_memdup2 (small, sizeof small);
          run = g_renew (CharSpan, run, capacity);
        }
      run[n_run].start = pos;
      run[n_run].end = pos + len;
      run[n_run].digit = c >= '0' && c <= '9';
      n_run++;
      pos += len;
    }
  if (run != small)
    g_free (run);
  return rc;
}

static int
bigram_create (void           *user_data,
               const char    **argv,
               int             argc,
               Fts5Tokenizer **tokenizer)
{
  static int dummy;

  if (argc > 0)
    return SQLITE_ERROR;
  /* Stateless: FTS5 only needs a non-NULL handle. */
  *tokenizer = (Fts5Tokenizer *) &dummy;
  return SQLITE_OK;
}

static void
bigram_delete (Fts5Tokenizer *tokenizer)
{
}

static fts5_tokenizer bigram_tokenizer = {
  bigram_create,
  bigram_delete,
  bigram_tokenize,
};

/* desk_ids (ptr): a table-valued function over a bound GArray of gint64,
 * so that a list of ids reaches SQL as one bound value (SQLite's carray
 * extension is not built into Debian's library). */

typedef struct
{
  sqlite3_vtab_cursor base;
  GArray *ids;
  guint i;
} IdsCursor;

#define IDS_POINTER_TYPE "desk-ids"

static int
ids_connect (sqlite3            *db,
             void               *aux,
             int                 argc,
             const char *const  *argv,
             sqlite3_vtab      **vtab,
             char              **err)
{
  int rc = sqlite3_declare_vtab (db, "CREATE TABLE x (value INTEGER, ptr HIDDEN)");

  if (rc != SQLITE_OK)
    return rc;
  *vtab = sqlite3_malloc (sizeof (sqlite3_vtab));
  if (*vtab == NULL)
    return SQLITE_NOMEM;
  memset (*vtab, 0, sizeof (sqlite3_vtab));
  return SQLITE_OK;
}

static int
ids_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

static int
ids_best_index (sqlite3_vtab       *vtab,
                sqlite3_index_info *info)
{
  for (int i = 0; i < info->nConstraint; i++)
    if (info->aConstraint[i].iColumn == 1 && info->aConstraint[i].usable &&
        info->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ)
      {
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->idxNum = 1;
        info->estimatedCost = 10;
        info->estimatedRows = 100;
        return SQLITE_OK;
      }
  /* Without its argument the table is empty; make that plan unattractive. */
  info->idxNum = 0;
  info->estimatedCost = 2147483647;
  info->estimatedRows = 2147483647;
  return SQLITE_OK;
}

static int
ids_open (sqlite3_vtab         *vtab,
          sqlite3_vtab_cursor **cursor)
{
  IdsCursor *self = sqlite3_malloc (sizeof (IdsCursor));

  if (self == NULL)
    return SQLITE_NOMEM;
  memset (self, 0, sizeof *self);
  *cursor = &self->base;
  return SQLITE_OK;
}

static int
ids_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
ids_filter (sqlite3_vtab_cursor  *cursor,
            int                   idx_num,
            const char           *idx_str,
            int                   argc,
            sqlite3_value       **argv)
{
  IdsCursor *self = (IdsCursor *) cursor;

  self->ids = idx_num == 1 ? sqlite3_value_pointer (argv[0], IDS_POINTER_TYPE) : NULL;
  self->i = 0;
  return SQLITE_OK;
}

static int
ids_next (sqlite3_vtab_cursor *cursor)
{
  ((IdsCursor *) cursor)->i++;
  return SQLITE_OK;
}

static int
ids_eof (sqlite3_vtab_cursor *cursor)
{
  IdsCursor *self = (IdsCursor *) cursor;

  return self->ids == NULL || self->i >= self->ids->len;
}

static int
ids_column (sqlite3_vtab_cursor *cursor,
            sqlite3_context     *ctx,
            int                  column)
{
  IdsCursor *self = (IdsCursor *) cursor;

  if (column == 0)
    sqlite3_result_int64 (ctx, g_array_index (self->ids, gint64, self->i));
  else
    sqlite3_result_null (ctx);
  return SQLITE_OK;
}

static int
ids_rowid (sqlite3_vtab_cursor *cursor,
           sqlite3_int64       *rowid)
{
  *rowid = ((IdsCursor *) cursor)->i;
  return SQLITE_OK;
}

static sqlite3_module ids_module = {
  .iVersion = 0,
  .xCreate = NULL,          /* eponymous only */
  .xConnect = ids_connect,
  .xBestIndex = ids_best_index,
  .xDisconnect = ids_disconnect,
  .xDestroy = ids_disconnect,
  .xOpen = ids_open,
  .xClose = ids_close,
  .xFilter = ids_filter,
  .xNext = ids_next,
  .xEof = ids_eof,
  .xColumn = ids_column,
  .xRowid = ids_rowid,
};

/**
 * desk_sql_bind_ids:
 * @ids: (element-type gint64): kept alive by the caller while @stmt runs
 */
void
desk_sql_bind_ids (sqlite3_stmt *stmt,
                   int           idx,
                   GArray       *ids)
{
  g_return_if_fail (ids == NULL || g_array_get_element_size (ids) == sizeof (gint64));

  sqlite3_bind_pointer (stmt, idx, ids, IDS_POINTER_TYPE, NULL);
}

/* Registration */

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * desk_search_register:
 *
 * Registers the tokenizer desk_bigram and the function desk_ids() on the
 * store's connection.  Every connection needs them before it touches the
 * index, which the triggers do on any write to a record; once per store.
 */
gboolean
desk_search_register (DeskStore  *store,
                      GError    **error)
{
  sqlite3 *db;
  fts5_api *api;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (g_object_get_data (G_OBJECT (store), "desk-search-registered") != NULL)
    return TRUE;

  db = desk_store_get_db (store);
  api = get_fts5_api (db);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL,
                   _("This SQLite library lacks full-text search (FTS5)."));
      return FALSE;
    }
  if (api->xCreateTokenizer (api, "desk_bigram", NULL, &bigram_tokenizer, NULL) != SQLITE_OK ||
      sqlite3_create_module_v2 (db, "desk_ids", &ids_module, NULL, NULL) != SQLITE_OK)
    return desk_store_set_sql_error (store, error);

  g_object_set_data (G_OBJECT (store), "desk-search-registered", GINT_TO_POINTER (1));
  return TRUE;
}

/* Queries */

/* The words of @query, ASCII folded; NULL when it has none. */
static GPtrArray *
split_words (const char *query)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = valid;
  const char *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_blank (c))
        {
          if (start != NULL)
            g_ptr_array_add (words, g_ascii_strdown (start, p - start));
          start = NULL;
          if (c == 0)
            break;
        }
      else if (start == NULL)
        start = p;
    }
  return words->len > 0 ? g_steal_pointer (&words) : NULL;
}

/**
 * desk_search_query_is_empty:
 *
 * Returns: %TRUE when @query has no word to search for (only blanks).
 */
gboolean
desk_search_query_is_empty (const char *query)
{
  g_autoptr(GPtrArray) words = NULL;

  if (query == NULL)
    return TRUE;
  words = split_words (query);
  return words == NULL;
}

/* The FTS5 expression of one word: a quoted string, which our tokenizer
 * turns into the phrase of its bigrams; one character is a prefix query. */
static char *
match_expression (const char *word)
{
  GString *expr = g_string_new ("\"");

  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append_c (expr, '"');
  if (g_utf8_strlen (word, -1) == 1)
    g_string_append (expr, " *");
  return g_string_free (expr, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts ascending and drops repeats. */
static void
sort_unique (GArray *ids)
{
  guint out = 0;

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (out == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, out - 1))
      g_array_index (ids, gint64, out++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, out);
}

/* Keeps in @into (sorted, unique) the ids also in @other (sorted, unique). */
static void
intersect (GArray       *into,
           const GArray *other)
{
  guint out = 0, j = 0;

  for (guint i = 0; i < into->len; i++)
    {
      gint64 id = g_array_index (into, gint64, i);

      while (j < other->len && g_array_index (other, gint64, j) < id)
        j++;
      if (j < other->len && g_array_index (other, gint64, j) == id)
        g_array_index (into, gint64, out++) = id;
    }
  g_array_set_size (into, out);
}

static gboolean
collect_ids (DeskStore     *store,
             sqlite3_stmt  *stmt,
             GArray        *into,
             GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (into, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (store, error);
  return TRUE;
}

/* Ids of the live records of @kind whose own text contains @word. */
static gboolean
own_matches (DeskStore         *store,
             const SearchKind  *kind,
             const char        *word,
             gboolean           scan,
             GArray            *into,
             GError           **error)
{
  sqlite3_stmt *stmt;

  if (scan)
    {
      stmt = desk_store_prepare (store, kind->scan_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
    }
  else
    {
      g_autofree char *expr = match_expression (word);

      stmt = desk_store_prepare (store,
                                 "SELECT rowid - ?2 FROM search_index"
                                 " WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, kind->code << KIND_SHIFT);
      sqlite3_bind_int64 (stmt, 3, ((kind->code + 1) << KIND_SHIFT) - 1);
    }
  return collect_ids (store, stmt, into, error);
}

typedef struct
{
  DeskStore *store;
  GPtrArray *words;
  gboolean   scan;     /* the index is suspended: scan the texts */
  GPtrArray *people;   /* per word: (element-type gint64) sorted people ids, or NULL */
} Search;

static void
free_ids (gpointer ids)
{
  if (ids != NULL)
    g_array_unref (ids);
}

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->words, g_ptr_array_unref);
  g_clear_pointer (&search->people, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

static gboolean
search_init (Search      *search,
             DeskStore   *store,
             const char  *query,
             GError     **error)
{
  search->store = store;
  search->words = split_words (query);
  search->people = g_ptr_array_new_with_free_func (free_ids);
  if (search->words == NULL)
    return TRUE;
  g_ptr_array_set_size (search->people, search->words->len);
  search->scan = desk_search_is_suspended (store);
  return TRUE;
}

/* People whose text contains word @w; computed once per search. */
static GArray *
people_matching (Search   *search,
                 guint     w,
                 GError  **error)
{
  GArray *people = g_ptr_array_index (search->people, w);

  if (people == NULL)
    {
      people = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!own_matches (search->store, &kinds[0], g_ptr_array_index (search->words, w),
                        search->scan, people, error))
        {
          g_array_unref (people);
          return NULL;
        }
      sort_unique (people);
      g_ptr_array_index (search->people, w) = people;
    }
  return people;
}

/* The ids (sorted ascending) of the live records of @kind that contain
 * every word, in their own text or their people's. */
static GArray *
search_kind (Search            *search,
             const SearchKind  *kind,
             GError           **error)
{
  g_autoptr(GArray) result = NULL;

  for (guint w = 0; w < search->words->len; w++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (kind->link_sql == NULL && kind->code == kinds[0].code)
        {
          GArray *people = people_matching (search, w, error);

          if (people == NULL)
            return NULL;
          g_array_append_vals (found, people->data, people->len);
        }
      else
        {
          if (!own_matches (search->store, kind, g_ptr_array_index (search->words, w),
                            search->scan, found, error))
            return NULL;
          if (kind->link_sql != NULL)
            {
              GArray *people = people_matching (search, w, error);
              sqlite3_stmt *stmt;

              if (people == NULL)
                return NULL;
              if (people->len > 0)
                {
                  stmt = desk_store_prepare (search->store, kind->link_sql, error);
                  if (stmt == NULL)
                    return NULL;
                  desk_sql_bind_ids (stmt, 1, people);
                  if (!collect_ids (search->store, stmt, found, error))
                    return NULL;
                }
            }
          sort_unique (found);
        }

      if (result == NULL)
        result = g_steal_pointer (&found);
      else
        intersect (result, found);
      if (result->len == 0)
        break;
    }
  return g_steal_pointer (&result);
}

static void
reverse_ids (GArray *ids)
{
  for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
    {
      gint64 t = g_array_index (ids, gint64, i);

      g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j - 1);
      g_array_index (ids, gint64, j - 1) = t;
    }
}

/**
 * desk_search_ids:
 * @kind: a table name: "people", "consultations", …
 * @ids: (out) (element-type gint64): the matching records' ids, newest
 *   (highest id) first
 *
 * All the live records of @kind that contain every word of @query (see
 * desk-search.h).  A query without words finds nothing.
 */
gboolean
desk_search_ids (DeskStore   *store,
                 const char  *kind,
                 const char  *query,
                 GArray     **ids,
                 GError     **error)
{
  g_auto(Search) search = { 0 };
  const SearchKind *k;
  GArray *found;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  k = find_kind (kind);
  g_return_val_if_fail (k != NULL, FALSE);

  if (!search_init (&search, store, query, error))
    return FALSE;
  if (search.words == NULL)
    {
      *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      return TRUE;
    }
  found = search_kind (&search, k, error);
  if (found == NULL)
    return FALSE;
  reverse_ids (found);
  *ids = found;
  return TRUE;
}

/**
 * desk_search:
 * @kind: (nullable): a table name ("people", "consultations",
 *   "mediation_cases", "legal_aid", "screenings", "adviser_services"), or
 *   %NULL for every kind
 * @limit: at most this many hits; 0 for all
 * @offset: hits to skip first
 * @hits: (out) (element-type DeskSearchHit): by kind in the order above,
 *   then newest (highest id) first
 *
 * Finds the live records that contain every word of @query.  A word of two
 * or more characters is found exactly as typed (ASCII letters in either
 * case); a word of one character finds every record containing that
 * character.  A query without words finds nothing.
 */
gboolean
desk_search (DeskStore   *store,
             const char  *kind,
             const char  *query,
             guint        limit,
             guint        offset,
             GArray     **hits,
             GError     **error)
{
  g_auto(Search) search = { 0 };
  g_autoptr(GArray) result = NULL;
  const SearchKind *only = NULL;
  guint skip = offset;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (hits != NULL, FALSE);
  if (kind != NULL)
    {
      only = find_kind (kind);
      g_return_val_if_fail (only != NULL, FALSE);
    }

  result = g_array_new (FALSE, FALSE, sizeof (DeskSearchHit));
  if (!search_init (&search, store, query, error))
    return FALSE;

  for (guint i = 0; search.words != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GArray) found = NULL;

      if (only != NULL && only != &kinds[i])
        continue;
      found = search_kind (&search, &kinds[i], error);
      if (found == NULL)
        return FALSE;
      if (skip >= found->len)
        {
          skip -= found->len;
          continue;
        }
      /* Newest first: walk the ascending ids backwards. */
      for (guint j = found->len - skip; j > 0; j--)
        {
          DeskSearchHit hit = { kinds[i].name, g_array_index (found, gint64, j - 1) };

          if (limit > 0 && result->len >= limit)
            break;
          g_array_append_val (result, hit);
        }
      skip = 0;
      if (limit > 0 && result->len >= limit)
        break;
    }
  *hits = g_steal_pointer (&result);
  return TRUE;
}

/**
 * desk_search_filter_ids:
 * @ids: (element-type gint64) (inout): record ids of @kind; those that do not
 *   match @query are removed, the others keep their order
 *
 * Tells for a few records (those just edited) whether they match @query,
 * by reading their text, without the index.  A query without words keeps
 * every live record.
 */
gboolean
desk_search_filter_ids (DeskStore   *store,
                        const char  *kind,
                        const char  *query,
                        GArray      *ids,
                        GError     **error)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) keep = NULL;
  const SearchKind *k;
  guint out = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  k = find_kind (kind);
  g_return_val_if_fail (k != NULL, FALSE);

  words = split_words (query);
  if (words == NULL || ids->len == 0)
    return TRUE;

  for (guint w = 0; w < words->len; w++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt = desk_store_prepare (store, k->check_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (words, w), -1, SQLITE_TRANSIENT);
      desk_sql_bind_ids (stmt, 2, ids);
      if (!collect_ids (store, stmt, found, error))
        return FALSE;
      sort_unique (found);
      if (keep == NULL)
        keep = g_steal_pointer (&found);
      else
        intersect (keep, found);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (bsearch (&id, keep->data, keep->len, sizeof (gint64), compare_ids) != NULL)
        g_array_index (ids, gint64, out++) = id;
    }
  g_array_set_size (ids, out);
  return TRUE;
}

/* Upkeep */

/**
 * desk_search_is_suspended:
 *
 * Returns: %TRUE while the triggers are off (desk_search_suspend()); the
 *   searches then scan the texts instead of using the index.
 */
gboolean
desk_search_is_suspended (DeskStore *store)
{
  sqlite3_stmt *stmt;
  gboolean suspended = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  stmt = desk_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM search_suspended)", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    suspended = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return suspended;
}

/* FTS5's merge settings (its 'automerge', 'crisismerge' and 'hashsize').
 *
 * FTS5 keeps the index in segments: each flush of its pending terms writes
 * a new one, and by default it merges them as they come, four at a time,
 * and all of a level at sixteen.  For the few terms a saved record adds
 * that is right; a rebuild would rewrite a million records' index three or
 * four times over.  So a rebuild holds the merges: no automerge, and a
 * crisis merge only when a level holds 200 segments, which keeps the count
 * well below FTS5's limit of 2,000 (past it, writes fail with "database or
 * disk is full"); and it merges once at the end. */
static const char hold_settings[] =
  "INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);"
  "INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 200)";
/* FTS5's defaults. */
static const char default_settings[] =
  "INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4);"
  "INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 16);"
  "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 1048576)";

/**
 * desk_search_defer:
 *
 * For a bulk write inside one transaction, above all one whose records are
 * each written in a savepoint of their own (an import): FTS5 writes its
 * pending terms out as a new segment at every savepoint, and at every
 * change between kinds of record (its rowids must rise), so that an
 * import of 100,000 consultations spends twice as long on the index as on
 * everything else.  Instead the schema's triggers are suspended, what
 * they would have taken out of the index is kept aside, and
 * desk_search_catch_up() brings the index up to date at the end, in one
 * pass in rowid order.  Call it inside the transaction (a rollback undoes
 * both) and desk_search_catch_up() before committing.  On a ledger whose
 * index is suspended already, both do nothing.
 */
gboolean
desk_search_defer (DeskStore  *store,
                   GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (desk_store_in_transaction (store), FALSE);

  if (desk_search_is_suspended (store))
    return TRUE;
  if (!desk_store_exec (store,
                        "CREATE TEMP TABLE search_deferred_before"
                        " (code INTEGER PRIMARY KEY, max_id INTEGER NOT NULL);"
                        "CREATE TEMP TABLE search_deferred_old"
                        " (search_key INTEGER PRIMARY KEY, text TEXT, kind TEXT)", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_store_exec (store, kinds[i].defer_sql, error))
      return FALSE;
  return desk_search_suspend (store, error);
}

/**
 * desk_search_catch_up:
 *
 * Ends desk_search_defer(): takes the kept texts out of the index, turns
 * the triggers back on, and indexes the records changed or added since.
 */
gboolean
desk_search_catch_up (DeskStore  *store,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean deferred;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (desk_store_in_transaction (store), FALSE);

  stmt = desk_store_prepare (store, "SELECT count(*) FROM sqlite_temp_master"
                                    " WHERE name = 'search_deferred_before'", error);
  if (stmt == NULL)
    return FALSE;
  deferred = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (!deferred)
    return TRUE;

  if (!desk_store_exec (store,
                        "INSERT INTO search_index (search_index, rowid, text, kind)"
                        " SELECT 'delete', search_key, text, kind FROM search_deferred_old"
                        " WHERE text IS NOT NULL ORDER BY search_key;"
                        "DELETE FROM search_suspended", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 max_id = 0;

      /* The kind's changed records (ids up to the highest before), then
       * its new ones: rowids rising throughout. */
      stmt = desk_store_prepare (store,
                                 "SELECT search_key - (?1 << 40) FROM search_deferred_old"
                                 " WHERE search_key BETWEEN ?1 << 40 AND ((?1 + 1) << 40) - 1"
                                 " ORDER BY search_key", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, kinds[i].code);
      if (!collect_ids (store, stmt, changed, error))
        return FALSE;
      stmt = desk_store_prepare (store, "SELECT max_id FROM search_deferred_before"
                                        " WHERE code = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, kinds[i].code);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        max_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      stmt = desk_store_prepare (store, kinds[i].changed_sql, error);
      if (stmt == NULL)
        return FALSE;
      desk_sql_bind_ids (stmt, 1, changed);
      if (!desk_store_step_done (store, stmt, error))
        return FALSE;
      stmt = desk_store_prepare (store, kinds[i].added_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, max_id);
      if (!desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return desk_store_exec (store, drop_deferred_sql, error);
}

/**
 * desk_search_rebuild:
 *
 * Builds the index afresh from the records, in one transaction.
 */
gboolean
desk_search_rebuild (DeskStore  *store,
                     GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  /* Each kind in id order, that is in rowid order, straight from its own
   * table: FTS5's 'rebuild' reads the union of the views sorted by rowid,
   * which costs a sort of every text.  The index keeps no copy of the texts
   * (external content), so these inserts write the index alone.  The
   * pending terms are written in segments of 8 MB, and one 'optimize' at
   * the end merges them all at once into the single segment that queries
   * read fastest. */
  if (!desk_store_exec (store, hold_settings, error) ||
      !desk_store_exec (store, "INSERT INTO search_index (search_index, rank)"
                               " VALUES ('hashsize', 8388608)", error) ||
      !desk_store_exec (store, "INSERT INTO search_index (search_index) VALUES ('delete-all')",
                        error))
    goto fail;
  /* Where the merged index ends up matters for the saves that follow: each
   * adds a small segment, FTS5 merges four of a level into one of the
   * next, and all of a level at once at sixteen.  One segment left at
   * level 1 would be rewritten whole, a stall of seconds on a large ledger,
   * after a few hundred saves.  So the first kind (people, a tenth of the
   * index) is merged as it is written, every second segment, which lifts
   * it a few levels up; 'optimize' puts the whole index one level above
   * that, which everyday writes take thousands of saves to reach. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_store_exec (store, i == 0 ? "INSERT INTO search_index (search_index, rank)"
                                          " VALUES ('crisismerge', 2)"
                                        : hold_settings, error) ||
        !desk_store_exec (store, kinds[i].index_sql, error))
      goto fail;
  if (!desk_store_exec (store, "INSERT INTO search_index (search_index) VALUES ('optimize')",
                        error) ||
      !desk_store_exec (store, default_settings, error))
    goto fail;
  return desk_store_commit (store, error);

fail:
  desk_store_rollback (store);
  return FALSE;
}

/**
 * desk_search_check:
 *
 * Checks that the index holds exactly the records' texts (FTS5's
 * integrity-check against its content, the search_text view; about as long
 * as a rebuild).  A ledger whose index is suspended is not checked.
 *
 * Returns: %FALSE with @error when the index is damaged or out of step
 *   (desk_search_rebuild() mends it).
 */
gboolean
desk_search_check (DeskStore  *store,
                   GError    **error)
{
  int rc;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (desk_search_is_suspended (store))
    return TRUE;
  /* Rank 1: compare the index with its content, not only with itself. */
  rc = sqlite3_exec (desk_store_get_db (store),
                     "INSERT INTO search_index (search_index, rank)"
                     " VALUES ('integrity-check', 1)", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The search index does not match the records; it must be rebuilt."));
      return FALSE;
    }
  return desk_store_set_sql_error (store, error);
}

/**
 * desk_search_suspend:
 *
 * Turns the index's triggers off for a bulk load; call it inside the
 * load's transaction and desk_search_resume() at the end, best after
 * committing the load (a million records then load in about a third of
 * the time they take with the triggers on, the index included).  Until
 * desk_search_resume(), searches stay exact: they scan the texts, slowly.
 */
gboolean
desk_search_suspend (DeskStore  *store,
                     GError    **error)
{
  g_autofree char *now = desk_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  stmt = desk_store_prepare (store,
                             "INSERT OR IGNORE INTO search_suspended (id, since)"
                             " VALUES (1, ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  return desk_store_step_done (store, stmt, error);
}

/**
 * desk_search_resume:
 *
 * Rebuilds the index and turns its triggers back on.
 */
gboolean
desk_search_resume (DeskStore  *store,
                    GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!desk_store_begin (store, error))
    return FALSE;
  if (!desk_store_exec (store, "DELETE FROM search_suspended", error) ||
      !desk_search_rebuild (store, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}
