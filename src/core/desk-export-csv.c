/* desk-export-csv.c — the ledger written out as import.md's CSV files.
 *
 * Each kind is one SELECT in a fixed order (registers in the order they
 * were entered, records by date then id) and one function that turns a
 * result row into the file's cells.  Import compares rows through the same
 * functions (desk_export_csv_row()), so "the same record" means the same
 * thing on both sides.  Values are written in one form only (dates
 * YYYY-MM-DD, money with two decimals, 民族 as its full name, lists joined
 * with 、), which is what makes a second export byte-identical.
 */
#define G_LOG_DOMAIN "desk-export-csv"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-adviser.h"
#include "desk-csv.h"
#include "desk-export-csv.h"

typedef struct
{
  DeskStore  *store;
} Export;

typedef GPtrArray *(*RowBuilder) (Export       *ex,
                                  sqlite3_stmt *stmt,
                                  GError      **error);

/* ?1 is a record id, or 0 for all of them. */
static const char *const kind_sql[DESK_CSV_N_KINDS] = {
  [DESK_CSV_VILLAGES] =
    "SELECT id, name, kind, area_code, active_from, active_until FROM villages"
    " WHERE deleted_at IS NULL AND (?1 = 0 OR id = ?1) ORDER BY id",
  [DESK_CSV_COMMITTEES] =
    "SELECT c.id, c.name, c.short_name, t.label, v.name, c.active_from, c.active_until"
    " FROM committees c JOIN codes t ON t.id = c.type_id"
    " LEFT JOIN villages v ON v.id = c.village_id"
    " WHERE c.deleted_at IS NULL AND (?1 = 0 OR c.id = ?1) ORDER BY c.id",
  [DESK_CSV_MEDIATORS] =
    "SELECT m.id, m.name, m.sex, m.phone, c.name, m.full_time, m.active_from, m.active_until"
    " FROM mediators m JOIN committees c ON c.id = m.committee_id"
    " WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL AND (?1 = 0 OR m.id = ?1)"
    " ORDER BY m.id",
  [DESK_CSV_ADVISERS] =
    "SELECT a.id, a.name, a.sex, a.phone, t.label, a.institution, a.licence_number,"
    "  a.term_from, a.term_until"
    " FROM advisers a JOIN codes t ON t.id = a.practice_type_id"
    " WHERE a.deleted_at IS NULL AND (?1 = 0 OR a.id = ?1) ORDER BY a.id",
  /* Assignments over the whole 聘期 travel in advisers.csv. */
  [DESK_CSV_ADVISER_ASSIGNMENTS] =
    "SELECT s.id, s.adviser_id, v.name, s.from_date, s.until_date"
    " FROM adviser_assignments s JOIN advisers a ON a.id = s.adviser_id"
    " JOIN villages v ON v.id = s.village_id"
    " WHERE s.deleted_at IS NULL AND a.deleted_at IS NULL AND (?1 = 0 OR s.id = ?1)"
    "  AND NOT (s.from_date = a.term_from AND s.until_date IS a.term_until)"
    " ORDER BY s.adviser_id, s.from_date, s.id",
  [DESK_CSV_CONSULTATIONS] =
    "SELECT c.id, c.at, ch.label, p.name, p.id_type, p.id_number, p.phone, p.sex,"
    "  p.birth_date, v.name, c.companions, cat.label, c.content, c.reply, r.label, s.name,"
    "  c.number"
    " FROM consultations c JOIN codes ch ON ch.id = c.channel_id"
    " JOIN codes cat ON cat.id = c.category_id JOIN codes r ON r.id = c.result_id"
    " JOIN staff s ON s.id = c.staff_id"
    " LEFT JOIN people p ON p.id = c.person_id LEFT JOIN villages v ON v.id = c.village_id"
    " WHERE c.deleted_at IS NULL AND (?1 = 0 OR c.id = ?1) ORDER BY c.at, c.id",
  [DESK_CSV_MEDIATION_CASES] =
    "SELECT m.id, m.number, c.name, m.accepted_on, src.label, dt.label, d.label,"
    "  m.party_count, m.party_count_manual, m.summary, m.status, m.closed_on,"
    "  m.agreement_form, m.agreement_amount, pf.label, m.confirmed_on, m.prevent_suicide,"
    "  m.prevent_criminal, m.prevent_petition, m.prevent_fight, m.agreement_content,"
    "  m.performance_manner, m.performance_term"
    " FROM mediation_cases m JOIN committees c ON c.id = m.committee_id"
    " JOIN codes src ON src.id = m.source_id JOIN codes dt ON dt.id = m.dispute_type_id"
    " LEFT JOIN codes d ON d.id = m.difficulty_id LEFT JOIN codes pf ON pf.id = m.performance_id"
    " WHERE m.deleted_at IS NULL AND (?1 = 0 OR m.id = ?1) ORDER BY m.accepted_on, m.id",
  /* A party is written when the case's own columns do not say all there is
   * to say: a 第三人, or a party with details. */
  [DESK_CSV_MEDIATION_PARTIES] =
    "SELECT cp.id, m.number, cp.role, p.name, p.id_type, p.id_number, p.phone, p.sex,"
    "  p.birth_date, p.ethnicity, p.kind, p.is_foreigner"
    " FROM case_parties cp JOIN mediation_cases m ON m.id = cp.case_id"
    " JOIN people p ON p.id = cp.person_id"
    " WHERE m.deleted_at IS NULL AND (?1 = 0 OR cp.id = ?1)"
    "  AND (cp.role = '第三人' OR p.kind = 'org' OR p.id_type <> '居民身份证'"
    "   OR p.id_number IS NOT NULL OR p.phone IS NOT NULL OR p.sex IS NOT NULL"
    "   OR p.birth_date IS NOT NULL OR (p.ethnicity IS NOT NULL AND p.ethnicity <> '汉族'))"
    " ORDER BY m.accepted_on, m.id,"
    "  CASE cp.role WHEN '申请人' THEN 0 WHEN '被申请人' THEN 1 ELSE 2 END,"
    "  cp.sort_order, cp.id",
  [DESK_CSV_SCREENINGS] =
    "SELECT s.id, s.screened_on, c.name, s.screener, s.found, s.prevented, s.notes"
    " FROM screenings s JOIN committees c ON c.id = s.committee_id"
    " WHERE s.deleted_at IS NULL AND (?1 = 0 OR s.id = ?1) ORDER BY s.screened_on, s.id",
  [DESK_CSV_LEGAL_AID] =
    "SELECT a.id, a.number, a.received_at, p.name, p.id_type, p.id_number, a.sex,"
    "  a.birth_date, a.ethnicity, p.phone, v.name, a.is_disabled, a.is_migrant_worker,"
    "  a.is_farmer, a.is_military, a.is_foreigner, mt.label, mat.label, h.label,"
    "  a.materials_complete, a.status, a.forwarded_on, fm.label, a.decided_on, a.decision,"
    "  a.withdrawn_on, s.name, a.summary, p.kind"
    " FROM legal_aid a JOIN people p ON p.id = a.person_id JOIN staff s ON s.id = a.receiver_id"
    " JOIN codes mt ON mt.id = a.matter_type_id JOIN codes mat ON mat.id = a.matter_id"
    " LEFT JOIN codes h ON h.id = a.hardship_id LEFT JOIN codes fm ON fm.id = a.forward_mode_id"
    " LEFT JOIN villages v ON v.id = a.village_id"
    " WHERE a.deleted_at IS NULL AND (?1 = 0 OR a.id = ?1) ORDER BY a.received_at, a.id",
  [DESK_CSV_ADVISER_SERVICES] =
    "SELECT s.id, s.served_on, s.adviser_id, v.name, md.label, s.half_hours, s.consults,"
    "  s.lectures, s.audience, s.mediations, s.contracts, s.village_rules, s.documents,"
    "  s.aid_referrals, s.trainees, s.leaflets, s.notes"
    " FROM adviser_services s JOIN villages v ON v.id = s.village_id"
    " JOIN codes md ON md.id = s.mode_id"
    " WHERE s.deleted_at IS NULL AND (?1 = 0 OR s.id = ?1) ORDER BY s.served_on, s.id",
};

static void
add (GPtrArray  *cells,
     const char *text)
{
  g_ptr_array_add (cells, g_strdup (text ? text : ""));
}

static void
add_col (GPtrArray    *cells,
         sqlite3_stmt *stmt,
         int           col)
{
  add (cells, (const char *) sqlite3_column_text (stmt, col));
}

static void
add_int (GPtrArray *cells,
         gint64     value)
{
  g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

/* A count where 0 means "not recorded": an empty cell. */
static void
add_count_or_empty (GPtrArray *cells,
                    gint64     value)
{
  if (value == 0)
    add (cells, "");
  else
    add_int (cells, value);
}

static void
add_money (GPtrArray    *cells,
           sqlite3_stmt *stmt,
           int           col)
{
  gint64 fen;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    {
      add (cells, "");
      return;
    }
  fen = sqlite3_column_int64 (stmt, col);
  g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100,
                                           (int) (fen % 100)));
}

/* 证件类型: empty for the default, 居民身份证. */
static void
add_id_type (GPtrArray    *cells,
             sqlite3_stmt *stmt,
             int           col)
{
  const char *type = (const char *) sqlite3_column_text (stmt, col);

  add (cells, type != NULL && !g_str_equal (type, "居民身份证") ? type : "");
}

/* 民族 as stored: an empty one counts as 汉族 for a citizen and as unknown
 * for a foreigner, and writing it empty keeps that meaning through a round
 * trip even where the file has no 人员类别 column to say who is a foreigner
 * (mediation_parties.csv).  Organisations have none. */
static void
add_ethnicity (GPtrArray  *cells,
               const char *ethnicity,
               gboolean    foreigner,
               gboolean    organisation)
{
  add (cells, !organisation && ethnicity != NULL ? ethnicity : "");
}

static void
add_list (GPtrArray *cells,
          GPtrArray *items)
{
  g_ptr_array_add (items, NULL);
  g_ptr_array_add (cells, desk_csv_join_list ((const char *const *) items->pdata));
}

static GPtrArray *
query_names (Export      *ex,
             const char  *sql,
             gint64       id,
             const char  *text,
             GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (ex->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, desk_sql_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (ex->store, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* How a file names adviser @id: 姓名, or 姓名（执业机构） when the name is
 * shared. */
static char *
adviser_reference (Export  *ex,
                   gint64   id,
                   GError **error)
{
  char *ref = desk_adviser_reference (ex->store, id);

  if (ref == NULL)
    g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                 _("The legal adviser of a service record is missing."));
  return ref;
}

static GPtrArray *
row_village (Export       *ex,
             sqlite3_stmt *stmt,
             GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (int col = 1; col <= 5; col++)
    add_col (cells, stmt, col);
  return cells;
}

static GPtrArray *
row_committee (Export       *ex,
               sqlite3_stmt *stmt,
               GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (int col = 1; col <= 6; col++)
    add_col (cells, stmt, col);
  return cells;
}

static GPtrArray *
row_mediator (Export       *ex,
              sqlite3_stmt *stmt,
              GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  add_col (cells, stmt, 1);   /* 姓名 */
  add_col (cells, stmt, 2);   /* 性别 */
  add_col (cells, stmt, 3);   /* 手机 */
  add_col (cells, stmt, 4);   /* 调委会 */
  add (cells, sqlite3_column_int (stmt, 5) ? "专职" : "兼职");
  add_col (cells, stmt, 6);
  add_col (cells, stmt, 7);
  return cells;
}

static GPtrArray *
row_adviser (Export       *ex,
             sqlite3_stmt *stmt,
             GError      **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) villages = NULL;
  sqlite3_stmt *q;
  int rc;

  for (int col = 1; col <= 6; col++)   /* 姓名 … 执业证号 */
    add_col (cells, stmt, col);

  /* 服务村(居): the assignments over exactly the 聘期, in the order given. */
  q = desk_store_prepare (ex->store,
                          "SELECT v.name FROM adviser_assignments s"
                          " JOIN villages v ON v.id = s.village_id"
                          " WHERE s.adviser_id = ?1 AND s.deleted_at IS NULL"
                          "  AND s.from_date = ?2 AND s.until_date IS ?3 ORDER BY s.id",
                          error);
  if (q == NULL)
    return NULL;
  villages = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_int64 (q, 1, sqlite3_column_int64 (stmt, 0));
  sqlite3_bind_value (q, 2, sqlite3_column_value (stmt, 7));
  sqlite3_bind_value (q, 3, sqlite3_column_value (stmt, 8));
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    g_ptr_array_add (villages, desk_sql_dup_text (q, 0));
  sqlite3_reset (q);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (ex->store, error);
      return NULL;
    }
  add_list (cells, villages);
  add_col (cells, stmt, 7);
  add_col (cells, stmt, 8);
  return g_steal_pointer (&cells);
}

static GPtrArray *
row_assignment (Export       *ex,
                sqlite3_stmt *stmt,
                GError      **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  char *ref = adviser_reference (ex, sqlite3_column_int64 (stmt, 1), error);

  if (ref == NULL)
    return NULL;
  g_ptr_array_add (cells, ref);
  add_col (cells, stmt, 2);
  add_col (cells, stmt, 3);
  add_col (cells, stmt, 4);
  return g_steal_pointer (&cells);
}

static GPtrArray *
row_consultation (Export       *ex,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  add_col (cells, stmt, 1);       /* 日期时间 */
  add_col (cells, stmt, 2);       /* 渠道 */
  add_col (cells, stmt, 3);       /* 咨询人 */
  add_id_type (cells, stmt, 4);   /* 证件类型 */
  add_col (cells, stmt, 5);       /* 证件号码 */
  add_col (cells, stmt, 6);       /* 手机 */
  add_col (cells, stmt, 7);       /* 性别 */
  add_col (cells, stmt, 8);       /* 出生日期 */
  add_col (cells, stmt, 9);       /* 所在村(居) */
  add_int (cells, sqlite3_column_int64 (stmt, 10));   /* 同来人数 */
  for (int col = 11; col <= 16; col++)   /* 咨询类别 … 编号 */
    add_col (cells, stmt, col);
  return cells;
}

static GPtrArray *
row_case (Export       *ex,
          sqlite3_stmt *stmt,
          GError      **error)
{
  static const char *const party_sql =
    "SELECT p.name FROM case_parties cp JOIN people p ON p.id = cp.person_id"
    " WHERE cp.case_id = ?1 AND cp.role = ?2 ORDER BY cp.sort_order, cp.id";
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  GPtrArray *list;

  add_col (cells, stmt, 1);   /* 案号 */
  add_col (cells, stmt, 2);   /* 调委会 */
  add_col (cells, stmt, 3);   /* 受理日期 */
  add_col (cells, stmt, 4);   /* 案件来源 */
  add_col (cells, stmt, 5);   /* 纠纷类型 */
  add_col (cells, stmt, 6);   /* 难度 */

  if ((list = query_names (ex, party_sql, id, "申请人", error)) == NULL)
    return NULL;
  add_list (cells, list);
  g_ptr_array_unref (list);
  if ((list = query_names (ex, party_sql, id, "被申请人", error)) == NULL)
    return NULL;
  add_list (cells, list);
  g_ptr_array_unref (list);

  /* 涉及当事人数 only when set by hand; else it follows the parties. */
  if (sqlite3_column_int (stmt, 8))
    add_int (cells, sqlite3_column_int64 (stmt, 7));
  else
    add (cells, "");
  add_col (cells, stmt, 9);   /* 纠纷简要情况 */

  list = query_names (ex,
                      "SELECT md.name FROM case_mediators cm"
                      " JOIN mediators md ON md.id = cm.mediator_id"
                      " WHERE cm.case_id = ?1 ORDER BY cm.sort_order, md.id",
                      id, NULL, error);
  if (list == NULL)
    return NULL;
  add_list (cells, list);
  g_ptr_array_unref (list);

  add_col (cells, stmt, 10);     /* 状态 */
  add_col (cells, stmt, 11);     /* 结案日期 */
  add_col (cells, stmt, 12);     /* 协议形式 */
  add_money (cells, stmt, 13);   /* 协议涉及金额 */
  add_col (cells, stmt, 14);     /* 履行情况 */
  add_col (cells, stmt, 15);     /* 司法确认日期 */
  for (int col = 16; col <= 19; col++)   /* 防激化 */
    add_count_or_empty (cells, sqlite3_column_int64 (stmt, col));
  add_col (cells, stmt, 20);     /* 协议内容 */
  add_col (cells, stmt, 21);     /* 履行方式 */
  add_col (cells, stmt, 22);     /* 履行期限 */
  return g_steal_pointer (&cells);
}

static GPtrArray *
row_party (Export       *ex,
           sqlite3_stmt *stmt,
           GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  gboolean org = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 10), "org") == 0;

  add_col (cells, stmt, 1);       /* 案号 */
  add_col (cells, stmt, 2);       /* 角色 */
  add_col (cells, stmt, 3);       /* 姓名 */
  add_id_type (cells, stmt, 4);   /* 证件类型 */
  add_col (cells, stmt, 5);       /* 证件号码 */
  add_col (cells, stmt, 6);       /* 手机 */
  add_col (cells, stmt, 7);       /* 性别 */
  add_col (cells, stmt, 8);       /* 出生日期 */
  add_ethnicity (cells, (const char *) sqlite3_column_text (stmt, 9),
                 sqlite3_column_int (stmt, 11), org);
  return cells;
}

static GPtrArray *
row_screening (Export       *ex,
               sqlite3_stmt *stmt,
               GError      **error)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  add_col (cells, stmt, 1);
  add_col (cells, stmt, 2);
  add_col (cells, stmt, 3);
  add_int (cells, sqlite3_column_int64 (stmt, 4));
  add_int (cells, sqlite3_column_int64 (stmt, 5));
  add_col (cells, stmt, 6);
  return cells;
}

static GPtrArray *
row_legal_aid (Export       *ex,
               sqlite3_stmt *stmt,
               GError      **error)
{
  static const char *const flags[] = { "残疾人", "农民工", "农民", "军人军属", "外国人或无国籍人" };
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  gboolean org = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 28), "org") == 0;

  add_col (cells, stmt, 1);       /* 登记号 */
  add_col (cells, stmt, 2);       /* 接收日期时间 */
  add_col (cells, stmt, 3);       /* 申请人 */
  add_id_type (cells, stmt, 4);   /* 证件类型 */
  add_col (cells, stmt, 5);       /* 证件号码 */
  add_col (cells, stmt, 6);       /* 性别 (the application's copy) */
  add_col (cells, stmt, 7);       /* 出生日期 */
  add_ethnicity (cells, (const char *) sqlite3_column_text (stmt, 8),
                 sqlite3_column_int (stmt, 15), org);
  add_col (cells, stmt, 9);       /* 手机 */
  add_col (cells, stmt, 10);      /* 所在村(居) */
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (sqlite3_column_int (stmt, 11 + i))
      g_ptr_array_add (categories, (gpointer) flags[i]);
  g_ptr_array_add (categories, NULL);
  g_ptr_array_add (cells, desk_csv_join_list ((const char *const *) categories->pdata));
  add_col (cells, stmt, 16);      /* 事项类型 */
  add_col (cells, stmt, 17);      /* 援助事项 */
  add_col (cells, stmt, 18);      /* 经济困难情形 */
  add (cells, sqlite3_column_int (stmt, 19) ? "是" : "否");
  for (int col = 20; col <= 27; col++)   /* 状态 … 案情摘要 */
    add_col (cells, stmt, col);
  return cells;
}

static void
add_hours (GPtrArray *cells,
           int        half_hours)
{
  g_ptr_array_add (cells, desk_adviser_format_hours (half_hours));
}

static GPtrArray *
row_service (Export       *ex,
             sqlite3_stmt *stmt,
             GError      **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  char *ref = adviser_reference (ex, sqlite3_column_int64 (stmt, 2), error);

  if (ref == NULL)
    return NULL;
  add_col (cells, stmt, 1);   /* 日期 */
  g_ptr_array_add (cells, ref);
  add_col (cells, stmt, 3);   /* 村(居) */
  add_col (cells, stmt, 4);   /* 方式 */
  add_hours (cells, sqlite3_column_int (stmt, 5));
  for (int col = 6; col <= 15; col++)
    add_int (cells, sqlite3_column_int64 (stmt, col));
  add_col (cells, stmt, 16);  /* 备注 */
  return g_steal_pointer (&cells);
}

static const RowBuilder kind_rows[DESK_CSV_N_KINDS] = {
  [DESK_CSV_VILLAGES] = row_village,
  [DESK_CSV_COMMITTEES] = row_committee,
  [DESK_CSV_MEDIATORS] = row_mediator,
  [DESK_CSV_ADVISERS] = row_adviser,
  [DESK_CSV_ADVISER_ASSIGNMENTS] = row_assignment,
  [DESK_CSV_CONSULTATIONS] = row_consultation,
  [DESK_CSV_MEDIATION_CASES] = row_case,
  [DESK_CSV_MEDIATION_PARTIES] = row_party,
  [DESK_CSV_SCREENINGS] = row_screening,
  [DESK_CSV_LEGAL_AID] = row_legal_aid,
  [DESK_CSV_ADVISER_SERVICES] = row_service,
};

static gboolean
export_init (Export     *ex,
             DeskStore  *store,
             GError    **error)
{
  ex->store = store;
  return TRUE;
}

static void
export_clear (Export *ex)
{
  ex->store = NULL;
}

typedef gboolean (*RowSink) (GPtrArray *cells,
                             gpointer   data,
                             GError   **error);

static gboolean
export_kind (Export       *ex,
             DeskCsvKind   kind,
             gint64        only_id,
             RowSink       sink,
             gpointer      data,
             GError      **error)
{
  sqlite3_stmt *stmt;
  guint n_columns;
  gboolean ok = TRUE;
  int rc;

  desk_csv_kind_columns (kind, &n_columns);
  stmt = desk_store_prepare (ex->store, kind_sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) cells = kind_rows[kind] (ex, stmt, error);

      if (cells == NULL)
        ok = FALSE;
      else
        {
          g_assert (cells->len == n_columns);
          ok = sink (cells, data, error);
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = desk_store_set_sql_error (ex->store, error);
  sqlite3_reset (stmt);
  return ok;
}

typedef struct
{
  DeskCsvWriter       *writer;
  const DeskCsvColumn *columns;
} FileSink;

static gboolean
write_row (GPtrArray *cells,
           gpointer   data,
           GError   **error)
{
  FileSink *sink = data;

  for (guint i = 0; i < cells->len; i++)
    {
      if (sink->columns[i].flags & DESK_CSV_COLUMN_NUMBER)
        desk_csv_writer_add_number (sink->writer, g_ptr_array_index (cells, i));
      else
        desk_csv_writer_add_text (sink->writer, g_ptr_array_index (cells, i));
    }
  desk_csv_writer_end_row (sink->writer);
  return TRUE;
}

gboolean
desk_export_csv (DeskStore   *store,
                 const char  *dir,
                 GError     **error)
{
  Export ex = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* One read transaction, so that the files agree with each other even
   * while the window writes. */
  if (!desk_store_exec (store, "SAVEPOINT desk_export", error))
    return FALSE;
  if (!export_init (&ex, store, error))
    ok = FALSE;

  for (DeskCsvKind kind = 0; ok && kind < DESK_CSV_N_KINDS; kind++)
    {
      g_autoptr(DeskCsvWriter) writer = desk_csv_writer_new ();
      g_autofree char *path = g_build_filename (dir, desk_csv_kind_file_name (kind), NULL);
      guint n_columns;
      FileSink sink = { writer, desk_csv_kind_columns (kind, &n_columns) };

      for (guint i = 0; i < n_columns; i++)
        desk_csv_writer_add_text (writer, sink.columns[i].name);
      desk_csv_writer_end_row (writer);
      ok = export_kind (&ex, kind, 0, write_row, &sink, error) &&
           desk_csv_writer_save (writer, path, error);
    }

  export_clear (&ex);
  desk_store_exec (store, "RELEASE desk_export", NULL);
  return ok;
}

static gboolean
keep_row (GPtrArray *cells,
          gpointer   data,
          GError   **error)
{
  GStrv *out = data;

  g_ptr_array_add (cells, NULL);
  *out = (GStrv) g_ptr_array_steal (cells, NULL);
  return TRUE;
}

/**
 * desk_export_csv_row:
 *
 * Returns: (transfer full) (nullable): the row's cells, or %NULL.
 */
GStrv
desk_export_csv_row (DeskStore    *store,
                     DeskCsvKind   kind,
                     gint64        id,
                     GError      **error)
{
  Export ex = { 0 };
  GStrv row = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < DESK_CSV_N_KINDS, NULL);
  g_return_val_if_fail (id > 0, NULL);

  if (export_init (&ex, store, error))
    export_kind (&ex, kind, id, keep_row, &row, error);
  export_clear (&ex);
  return row;
}
