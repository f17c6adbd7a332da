/* desk-codes.c — code tables: defaults, look-ups and the head's edits.
 *
 * Labels are data and never translated.  A label's report_row ties it to a
 * fixed row (or column) of the monthly forms; a label a station adds must
 * map to one of those rows, so the forms never change shape.
 */
#define G_LOG_DOMAIN "desk-codes"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"

typedef struct
{
  const char *kind;
  const char *title;          /* shown in preferences and messages */
  const char *labels;         /* the defaults, separated by '|' */
  const char *report_rows;    /* NULL: each label is its own row; else 'label=row|…' overrides */
  gboolean    fixed_rows;     /* the forms have a fixed row set for this kind */
} KindInfo;

static const KindInfo kinds[] = {
  { DESK_CODE_CHANNEL, "渠道", "来访|来电|12348热线|来信|网络|上门服务", NULL, TRUE },
  { DESK_CODE_CONSULT_CATEGORY, "咨询类别",
    "婚姻家庭|继承|赡养抚养|邻里关系|房屋宅基地|土地承包流转|征地拆迁|劳动报酬|其他劳动争议|"
    "工伤|合同纠纷|债权债务|人身损害赔偿|交通事故|医疗纠纷|消费维权|物业纠纷|社会保障|行政事项|"
    "刑事|其他", NULL, TRUE },
  { DESK_CODE_CONSULT_RESULT, "处理结果",
    "当场解答|约期答复|代写文书|引导人民调解|指导申请法律援助|转介律师|转介公证|转介司法鉴定|"
    "引导仲裁|引导诉讼|转信访部门|转其他部门|其他",
    "转介律师=转介法律服务|转介公证=转介法律服务|转介司法鉴定=转介法律服务|"
    "引导仲裁=转介法律服务|引导诉讼=转介法律服务|转信访部门=转有关部门|转其他部门=转有关部门",
    TRUE },
  { DESK_CODE_CASE_SOURCE, "案件来源",
    "当事人申请|调委会主动调解|法院委托移送|检察院委托移送|公安机关委托移送|信访部门委托移送|"
    "其他部门委托移送", NULL, TRUE },
  { DESK_CODE_DISPUTE_TYPE, "纠纷类型",
    "婚姻家庭纠纷|邻里纠纷|房屋宅基地纠纷|合同纠纷|生产经营纠纷|损害赔偿纠纷|山林土地纠纷|"
    "征地拆迁纠纷|环境污染纠纷|拖欠农民工工资纠纷|其他劳动争议纠纷|旅游纠纷|电子商务纠纷|"
    "其他消费纠纷|医疗纠纷|道路交通事故纠纷|物业纠纷|其他纠纷", NULL, TRUE },
  { DESK_CODE_DIFFICULTY, "难度", "简单|一般|重大|疑难", NULL, FALSE },
  { DESK_CODE_RISK, "风险预判",
    "正常|可能引起自杀|可能转化为刑事案件|可能引起群体性上访|可能引起群体性械斗|其他", NULL, FALSE },
  { DESK_CODE_PERFORMANCE, "履行情况", "未履行|部分履行|已履行", NULL, FALSE },
  { DESK_CODE_VISIT_MODE, "回访方式", "电话|上门", NULL, FALSE },
  { DESK_CODE_SATISFACTION, "满意度", "满意|基本满意|不满意", NULL, FALSE },
  { DESK_CODE_AID_MATTER_TYPE, "事项类型", "民事|行政|刑事|国家赔偿", NULL, FALSE },
  { DESK_CODE_AID_MATTER, "援助事项",
    "请求国家赔偿|请求给予社会保险待遇或者社会救助|请求发给抚恤金|请求给付赡养费、抚养费、扶养费|"
    "请求确认劳动关系或者支付劳动报酬|请求认定无民事行为能力或者限制民事行为能力|"
    "请求工伤事故人身损害赔偿|请求交通事故人身损害赔偿|请求食品药品安全事故人身损害赔偿|"
    "请求医疗事故人身损害赔偿|请求环境污染、生态破坏损害赔偿|英雄烈士近亲属维护英烈权益|见义勇为|"
    "遭受虐待、遗弃或者家庭暴力|刑事案件犯罪嫌疑人、被告人|刑事案件被害人、自诉人|其他", NULL, TRUE },
  { DESK_CODE_HARDSHIP, "经济困难情形",
    "最低生活保障|特困供养|低收入家庭|免予核查|个人诚信承诺|其他", NULL, FALSE },
  { DESK_CODE_FORWARD_MODE, "转交方式", "当面|邮寄|系统流转", NULL, FALSE },
  { DESK_CODE_COMMITTEE_TYPE, "调委会类型",
    "村调委会|居(社区)调委会|乡镇调委会|街道调委会|企事业单位调委会|行业性专业性调委会", NULL, TRUE },
  { DESK_CODE_PRACTICE_TYPE, "执业类别", "律师|基层法律服务工作者|其他", NULL, FALSE },
  { DESK_CODE_SERVICE_MODE, "服务方式", "实地|远程|预约", NULL, TRUE },
};

static const KindInfo *
find_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return &kinds[i];
  return NULL;
}

void
desk_code_free (DeskCode *code)
{
  if (code == NULL)
    return;
  g_free (code->kind);
  g_free (code->label);
  g_free (code->report_row);
  g_free (code);
}

const char *
desk_code_kind_title (const char *kind)
{
  const KindInfo *info = find_kind (kind);

  return info ? info->title : kind;
}

/**
 * desk_code_kinds:
 *
 * Returns: (transfer none): the kinds, %NULL-terminated.
 */
const char *const *
desk_code_kinds (void)
{
  static const char *names[G_N_ELEMENTS (kinds) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      names[i] = kinds[i].kind;
  return names;
}

static char *
default_report_row (const KindInfo *info,
                    const char     *label)
{
  g_auto(GStrv) pairs = NULL;

  if (info->report_rows == NULL)
    return g_strdup (label);
  pairs = g_strsplit (info->report_rows, "|", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');

      if (eq != NULL && strncmp (pairs[i], label, eq - pairs[i]) == 0 &&
          strlen (label) == (size_t) (eq - pairs[i]))
        return g_strdup (eq + 1);
    }
  return g_strdup (label);
}

/**
 * desk_code_report_rows:
 *
 * Returns: (transfer none) (nullable): the fixed rows (or columns) of the
 *   forms that labels of @kind count in, in the forms' order; %NULL when the
 *   forms do not count by @kind.
 */
const char *const *
desk_code_report_rows (const char *kind)
{
  static GHashTable *cache;
  const KindInfo *info = find_kind (kind);
  GPtrArray *rows;

  if (info == NULL || !info->fixed_rows)
    return NULL;
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  rows = g_hash_table_lookup (cache, kind);
  if (rows == NULL)
    {
      g_auto(GStrv) labels = g_strsplit (info->labels, "|", -1);

      rows = g_ptr_array_new ();
      for (guint i = 0; labels[i] != NULL; i++)
        {
          char *row = default_report_row (info, labels[i]);
          gboolean seen = FALSE;

          for (guint j = 0; j < rows->len && !seen; j++)
            seen = g_str_equal (g_ptr_array_index (rows, j), row);
          if (seen)
            g_free (row);
          else
            g_ptr_array_add (rows, row);
        }
      g_ptr_array_add (rows, NULL);
      g_hash_table_insert (cache, (gpointer) info->kind, rows);
    }
  return (const char *const *) rows->pdata;
}

/**
 * desk_codes_seed:
 *
 * Fills the code tables with domain.md's lists (used by the first migration).
 */
gboolean
desk_codes_seed (DeskStore  *store,
                 GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "INSERT INTO codes (kind, label, sort_order, active, report_row)"
                             " VALUES (?1, ?2, ?3, 1, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(GStrv) labels = g_strsplit (kinds[i].labels, "|", -1);

      for (guint j = 0; labels[j] != NULL; j++)
        {
          g_autofree char *row = default_report_row (&kinds[i], labels[j]);

          sqlite3_bind_text (stmt, 1, kinds[i].kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, labels[j], -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, (int) (j + 1) * 10);
          sqlite3_bind_text (stmt, 4, row, -1, SQLITE_TRANSIENT);
          if (!desk_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * desk_codes_find:
 *
 * Returns: the id of @label in @kind (retired labels included), or 0.
 */
gint64
desk_codes_find (DeskStore  *store,
                 const char *kind,
                 const char *label)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (label == NULL)
    return 0;
  stmt = desk_store_prepare (store, "SELECT id FROM codes WHERE kind = ?1 AND label = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Edit distance between two UTF-8 strings, by characters. */
static guint
edit_distance (const char *a,
               const char *b)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong la = g_utf8_strlen (a, -1);
  glong lb = g_utf8_strlen (b, -1);
  g_autofree guint *prev = g_new (guint, lb + 1);
  g_autofree guint *cur = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    prev[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      cur[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint sub = prev[j - 1] + (ua[i - 1] == ub[j - 1] ? 0 : 1);

          cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), sub);
        }
      memcpy (prev, cur, sizeof (guint) * (lb + 1));
    }
  return prev[lb];
}

typedef struct
{
  guint       distance;
  const char *label;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  return (int) ca->distance - (int) cb->distance;
}

/**
 * desk_codes_suggest:
 *
 * Returns: (transfer full): up to three active labels of @kind nearest to
 *   @label, joined with "、".
 */
char *
desk_codes_suggest (DeskStore  *store,
                    const char *kind,
                    const char *label)
{
  g_autoptr(GPtrArray) codes = desk_codes_list (store, kind, FALSE);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);
      Candidate c = { edit_distance (label, code->label), code->label };

      /* A label that contains what was typed is a near miss whatever its length. */
      if (*label != '\0' && strstr (code->label, label) != NULL)
        c.distance = 0;
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && i < 3; i++)
    g_string_append_printf (out, "%s%s", i ? "、" : "",
                            g_array_index (candidates, Candidate, i).label);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * desk_codes_lookup:
 * @label: a label as typed or imported
 *
 * Like desk_codes_find(), but an unknown label is an error that names the
 * list and the nearest known labels.  Retired labels are found: old records
 * and old ledgers use them.
 */
gint64
desk_codes_lookup (DeskStore   *store,
                   const char  *kind,
                   const char  *label,
                   GError     **error)
{
  gint64 id = desk_codes_find (store, kind, label);
  g_autofree char *near = NULL;

  if (id > 0)
    return id;
  near = desk_codes_suggest (store, kind, label ? label : "");
  desk_set_field_error (error, desk_code_kind_title (kind),
                        _("“%s” is not in the list; did you mean: %s"),
                        label ? label : "", near);
  return 0;
}

char *
desk_codes_label (DeskStore *store,
                  gint64     id)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  if (id <= 0)
    return NULL;
  stmt = desk_store_prepare (store, "SELECT label FROM codes WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = desk_sql_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

/**
 * desk_codes_check_kind:
 * @field: the field's label, for the message
 *
 * Checks that @id is a label of @kind (records must not point at another
 * list's labels: the foreign key alone cannot say so).
 */
gboolean
desk_codes_check_kind (DeskStore   *store,
                       gint64       id,
                       const char  *kind,
                       const char  *field,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  stmt = desk_store_prepare (store, "SELECT kind = ?2 FROM codes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!ok)
    desk_set_field_error (error, field, _("choose a value from the list"));
  return ok;
}

/**
 * desk_codes_list:
 *
 * Returns: (transfer full) (element-type DeskCode): the labels of @kind in
 *   their order.
 */
GPtrArray *
desk_codes_list (DeskStore  *store,
                 const char *kind,
                 gboolean    include_retired)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_code_free);
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store,
                             "SELECT id, kind, label, sort_order, active, report_row FROM codes"
                             " WHERE kind = ?1 AND (active OR ?2) ORDER BY sort_order, id",
                             NULL);
  if (stmt == NULL)
    return list;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, include_retired);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DeskCode *code = g_new0 (DeskCode, 1);

      code->id = sqlite3_column_int64 (stmt, 0);
      code->kind = desk_sql_dup_text (stmt, 1);
      code->label = desk_sql_dup_text (stmt, 2);
      code->sort_order = sqlite3_column_int (stmt, 3);
      code->active = sqlite3_column_int (stmt, 4);
      code->report_row = desk_sql_dup_text (stmt, 5);
      g_ptr_array_add (list, code);
    }
  sqlite3_reset (stmt);
  return list;
}

static gboolean
check_label (const char  *kind,
             const char  *label,
             GError     **error)
{
  g_autofree char *copy = label ? g_strstrip (g_strdup (label)) : NULL;

  if (copy == NULL || *copy == '\0')
    {
      desk_set_field_error (error, desk_code_kind_title (kind), _("the label is empty"));
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_codes_add:
 * @report_row: (nullable): the forms' row the label counts in; required for
 *   kinds the forms count by, and then one of desk_code_report_rows()
 */
gint64
desk_codes_add (DeskStore   *store,
                const char  *kind,
                const char  *label,
                const char  *report_row,
                GError     **error)
{
  const KindInfo *info = find_kind (kind);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (info != NULL, 0);

  if (!check_label (kind, label, error))
    return 0;
  if (desk_codes_find (store, kind, label) > 0)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                   _("%s: “%s” is already in the list"), info->title, label);
      return 0;
    }
  if (info->fixed_rows)
    {
      const char *const *rows = desk_code_report_rows (kind);

      if (report_row == NULL || !g_strv_contains (rows, report_row))
        {
          g_autofree char *all = g_strjoinv ("、", (char **) rows);

          desk_set_field_error (error, _("Report row"),
                                _("choose the row of the monthly forms that “%s” counts in: %s"),
                                label, all);
          return 0;
        }
    }
  else
    report_row = label;

  if (!desk_store_begin (store, error))
    return 0;
  stmt = desk_store_prepare (store,
                             "INSERT INTO codes (kind, label, sort_order, active, report_row)"
                             " VALUES (?1, ?2,"
                             "  (SELECT coalesce (max (sort_order), 0) + 10 FROM codes"
                             "   WHERE kind = ?1), 1, ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, report_row, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    goto fail;
  id = desk_store_last_insert_id (store);
  if (!desk_store_commit (store, error))
    return 0;
  return id;

fail:
  desk_store_rollback (store);
  return 0;
}

/**
 * desk_codes_rename:
 *
 * Renames a label.  Records point at the id, so they show the new label;
 * the report row stays, so no month's figures move.
 */
gboolean
desk_codes_rename (DeskStore   *store,
                   gint64       id,
                   const char  *label,
                   GError     **error)
{
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt;
  gint64 other;

  stmt = desk_store_prepare (store, "SELECT kind FROM codes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = desk_sql_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (kind == NULL)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The label no longer exists."));
      return FALSE;
    }
  if (!check_label (kind, label, error))
    return FALSE;
  other = desk_codes_find (store, kind, label);
  if (other > 0 && other != id)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE,
                   _("%s: “%s” is already in the list"), desk_code_kind_title (kind), label);
      return FALSE;
    }

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store, "UPDATE codes SET label = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  return desk_store_commit (store, error);
}

/**
 * desk_codes_set_active:
 *
 * Retires a label (no longer offered for new records) or brings it back.
 */
gboolean
desk_codes_set_active (DeskStore   *store,
                       gint64       id,
                       gboolean     active,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store, "UPDATE codes SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  if (!desk_store_step_done (store, stmt, error))
    {
      desk_store_rollback (store);
      return FALSE;
    }
  if (sqlite3_changes (desk_store_get_db (store)) == 0)
    {
      desk_store_rollback (store);
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The label no longer exists."));
      return FALSE;
    }
  return desk_store_commit (store, error);
}

/**
 * desk_codes_move:
 * @new_position: the 0-based place among the kind's labels (retired ones
 *   included)
 *
 * Reorders a label; the others keep their relative order.
 */
gboolean
desk_codes_move (DeskStore   *store,
                 gint64       id,
                 int          new_position,
                 GError     **error)
{
  g_autofree char *kind = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = desk_store_prepare (store, "SELECT kind FROM codes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = desk_sql_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (kind == NULL)
    {
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The label no longer exists."));
      return FALSE;
    }

  codes = desk_codes_list (store, kind, TRUE);
  for (guint i = 0; i < codes->len; i++)
    {
      DeskCode *code = g_ptr_array_index (codes, i);

      if (code->id != id)
        g_array_append_val (ids, code->id);
    }
  new_position = CLAMP (new_position, 0, (int) ids->len);
  g_array_insert_val (ids, new_position, id);

  if (!desk_store_begin (store, error))
    return FALSE;
  stmt = desk_store_prepare (store, "UPDATE codes SET sort_order = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      desk_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) (i + 1) * 10);
      if (!desk_store_step_done (store, stmt, error))
        {
          desk_store_rollback (store);
          return FALSE;
        }
    }
  return desk_store_commit (store, error);
}
