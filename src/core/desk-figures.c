/* desk-figures.c — the sheets of the monthly forms, computed and explained.
 *
 * Each sheet of forms.md is described once, as rows × columns whose cells
 * name a measure (desk-figures-measures.c), a period and what to take of
 * it: a count, a sum, a percentage of two of them, or a change between two
 * periods.  desk_figures_compute() fills a DeskReport from these
 * descriptions; desk_figures_explain() lists the records behind one cell
 * from the very same description, so the two always agree.
 */
#define G_LOG_DOMAIN "desk-figures"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-codes.h"
#include "desk-date.h"
#include "desk-figures-private.h"
#include "desk-settings.h"

typedef enum
{
  FORM_FROM_ROW = 0,
  FORM_PLAIN,       /* a count or a sum */
  FORM_RATIO,       /* sum of a 0/1 value / count × 100 */
  FORM_CHANGE,      /* (period − base) / base × 100 */
  FORM_TARGET,      /* the row's target */
  FORM_TYPE,        /* the committee's type, text */
  FORM_PASS,        /* 是否达标, text */
} Form;

typedef enum
{
  STAT_FROM_ROW = 0,
  STAT_COUNT,
  STAT_SUM,
} Stat;

typedef struct
{
  char             *label;
  gboolean          is_total;
  char             *key;        /* the sheet's breakdown key; NULL: none */
  const char       *arg;        /* the measure's argument (受援人类别) */
  const FigMeasure *measure;    /* rows that are measures (汇总) */
  Stat              stat;
  int               value;
  Form              form;
  gint64            target;     /* tenths of a percent */
  gint64            id;         /* committee or adviser */
  char             *text;       /* the committee's type */
  gboolean          assigned;   /* adviser: an assignment covering some day of M */
} Row;

typedef struct
{
  const char       *group;
  const char       *label;
  int               decimals;
  gboolean          summable;
  gboolean          text;
  Form              form;
  const FigMeasure *measure;
  Stat              stat;
  int               value;
  FigPeriod         period;
  FigPeriod         base;
  FigDim            dim;        /* a breakdown by column (渠道, 处理结果) */
  const char       *key;
} Col;

typedef struct
{
  const char *sheet;
  const char *name;
  const char *units;
  const char *row_header;
  gboolean    single_header;
  FigDim      dim;              /* the rows' breakdown */
  GPtrArray  *rows;             /* Row */
  GPtrArray  *cols;             /* Col */
} Sheet;

/* What one cell takes: the row's and the column's parts together. */
typedef struct
{
  const FigMeasure *measure;
  Stat              stat;
  int               value;
  Form              form;
  FigPeriod         period;
  FigPeriod         base;
} Spec;

static const char *const sheet_names[] = {
  "汇总", "人民调解", "调解来源", "调委会", "排查防激化", "法律咨询", "法律援助", "受援人类别",
  "法律顾问", NULL
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->key);
  g_free (row->text);
  g_free (row);
}

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_ptr_array_unref (sheet->rows);
  g_ptr_array_unref (sheet->cols);
  g_free (sheet);
}

static Sheet *
sheet_new (GPtrArray  *sheets,
           const char *sheet_name,
           const char *name,
           const char *units,
           const char *row_header,
           FigDim      dim)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->sheet = sheet_name;
  sheet->name = name;
  sheet->units = units;
  sheet->row_header = row_header;
  sheet->dim = dim;
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  sheet->cols = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sheets, sheet);
  return sheet;
}

static Row *
add_row (Sheet      *sheet,
         const char *label,
         const char *key)
{
  Row *row = g_new0 (Row, 1);

  row->label = g_strdup (label);
  row->key = g_strdup (key);
  g_ptr_array_add (sheet->rows, row);
  return row;
}

static void
add_total (Sheet *sheet)
{
  add_row (sheet, "合计", NULL)->is_total = TRUE;
}

static Col *
add_col (Sheet            *sheet,
         const char       *group,
         const char       *label,
         const FigMeasure *measure,
         Stat              stat,
         int               value,
         FigPeriod         period)
{
  Col *col = g_new0 (Col, 1);

  col->group = group;
  col->label = label;
  col->measure = measure;
  col->stat = stat;
  col->value = value;
  col->period = period;
  col->form = FORM_PLAIN;
  col->summable = TRUE;
  g_ptr_array_add (sheet->cols, col);
  return col;
}

/* A measure given for 本月 and 本年累计. */
static void
add_pair (Sheet            *sheet,
          const char       *group,
          const FigMeasure *measure,
          Stat              stat,
          int               value,
          int               decimals)
{
  add_col (sheet, group, "本月", measure, stat, value, FIG_PERIOD_MONTH)->decimals = decimals;
  add_col (sheet, group, "本年累计", measure, stat, value, FIG_PERIOD_YEAR)->decimals = decimals;
}

static void
add_ratio_pair (Sheet            *sheet,
                const char       *group,
                const FigMeasure *measure,
                int               value)
{
  FigPeriod periods[] = { FIG_PERIOD_MONTH, FIG_PERIOD_YEAR };
  const char *labels[] = { "本月", "本年累计" };

  for (guint i = 0; i < 2; i++)
    {
      Col *col = add_col (sheet, group, labels[i], measure, STAT_COUNT, value, periods[i]);

      col->form = FORM_RATIO;
      col->decimals = 1;
      col->summable = FALSE;
    }
}

static void
add_code_rows (Sheet      *sheet,
               const char *kind)
{
  const char *const *rows = desk_code_report_rows (kind);

  for (guint i = 0; rows[i] != NULL; i++)
    add_row (sheet, rows[i], rows[i]);
  add_total (sheet);
}

/* 调委会 and 排查防激化: every committee active on some day from 1 January
 * to the last day of M, or with a case or screening counted in that time
 * (accepted, closed or open at the end, screened), in register order. */
static GPtrArray *
committee_rows (FigCtx  *ctx,
                GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GHashTable) counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct
  {
    const FigMeasure *measure;
    FigPeriod         period;
  } sets[] = {
    { &fig_cases_accepted, FIG_PERIOD_YEAR },
    { &fig_cases_closed, FIG_PERIOD_YEAR },
    { &fig_cases_open, FIG_PERIOD_SNAPSHOT },
    { &fig_screenings, FIG_PERIOD_YEAR },
  };
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      GHashTable *agg = fig_aggregate (ctx, sets[i].measure, sets[i].period,
                                       FIG_DIM_COMMITTEE, FIG_DIM_NONE, error);
      GHashTableIter iter;
      const char *key;

      if (agg == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, agg);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        g_hash_table_add (counted, g_strndup (key, strcspn (key, "\x1f")));
    }

  stmt = desk_store_prepare (ctx->store,
                             "SELECT m.id, m.name, (SELECT label FROM codes WHERE id = m.type_id),"
                             " (m.active_from IS NULL OR m.active_from <= ?1) AND"
                             " (m.active_until IS NULL OR m.active_until >= ?2)"
                             " FROM committees m WHERE m.deleted_at IS NULL ORDER BY m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ctx->last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ctx->jan1, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
      Row *row;

      if (!sqlite3_column_int (stmt, 3) && !g_hash_table_contains (counted, id))
        continue;
      row = g_new0 (Row, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->key = g_steal_pointer (&id);
      row->label = desk_sql_dup_text (stmt, 1);
      row->text = desk_sql_dup_text (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (ctx->store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* 法律顾问: every adviser with an assignment covering some day of M or a
 * service record from 1 January to the last day of M, in register order;
 * a name two listed advisers share is told apart by the institution. */
static GPtrArray *
adviser_rows (FigCtx  *ctx,
              GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) institutions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *served;
  sqlite3_stmt *stmt;
  int rc;

  served = fig_aggregate (ctx, &fig_services, FIG_PERIOD_YEAR, FIG_DIM_ADVISER, FIG_DIM_NONE,
                          error);
  if (served == NULL)
    return NULL;

  stmt = desk_store_prepare (ctx->store,
                             "SELECT ad.id, ad.name, ad.institution,"
                             " EXISTS (SELECT 1 FROM adviser_assignments g"
                             "  WHERE g.adviser_id = ad.id AND g.deleted_at IS NULL"
                             "  AND g.from_date <= ?1"
                             "  AND (g.until_date IS NULL OR g.until_date >= ?2)"
                             "  AND (SELECT deleted_at FROM villages WHERE id = g.village_id)"
                             "      IS NULL)"
                             " FROM advisers ad WHERE ad.deleted_at IS NULL ORDER BY ad.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ctx->last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ctx->first, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
      gboolean assigned = sqlite3_column_int (stmt, 3) != 0;
      FigAgg a = fig_agg_lookup (served, id, NULL, NULL);
      guint same;
      Row *row;

      if (!assigned && a.count == 0)
        continue;
      row = g_new0 (Row, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->key = g_steal_pointer (&id);
      row->label = desk_sql_dup_text (stmt, 1);
      row->assigned = assigned;
      g_ptr_array_add (rows, row);
      g_ptr_array_add (institutions, desk_sql_dup_text (stmt, 2));
      same = GPOINTER_TO_UINT (g_hash_table_lookup (names, row->label));
      g_hash_table_insert (names, g_strdup (row->label), GUINT_TO_POINTER (same + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (ctx->store, error);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, row->label)) > 1)
        {
          char *label = g_strdup_printf ("%s（%s）", row->label,
                                         (char *) g_ptr_array_index (institutions, i));

          g_free (row->label);
          row->label = label;
        }
    }
  return g_steal_pointer (&rows);
}

static void
take_rows (Sheet     *sheet,
           GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *src = g_ptr_array_index (rows, i);
      Row *row = add_row (sheet, src->label, src->key);

      row->id = src->id;
      row->text = g_strdup (src->text);
      row->assigned = src->assigned;
    }
  add_total (sheet);
}

static void
build_summary (GPtrArray *sheets)
{
  const struct
  {
    const char       *label;
    const FigMeasure *measure;
    Stat              stat;
  } measures[] = {
    { "法律咨询(件)", &fig_consultations, STAT_COUNT },
    { "法律咨询(人次)", &fig_consultations, STAT_SUM },
    { "人民调解受理(件)", &fig_cases_accepted, STAT_COUNT },
    { "人民调解成功(件)", &fig_cases_success, STAT_COUNT },
    { "矛盾纠纷排查(次)", &fig_screenings, STAT_COUNT },
    { "法律援助申请接收(件)", &fig_aid_received, STAT_COUNT },
    { "法律援助申请转交(件)", &fig_aid_forwarded, STAT_COUNT },
    { "法律顾问服务(次)", &fig_services, STAT_COUNT },
  };
  const struct
  {
    const char       *label;
    const FigMeasure *measure;
    int               value;
    gint64            target;
  } indicators[] = {
    { "村(居)配备法律顾问的比例", &fig_villages, 0, 1000 },
    { "村(社区)人民调解委员会覆盖率", &fig_villages, 1, 1000 },
    { "专职人民调解员比例", &fig_mediators, 0, 200 },
  };
  Sheet *sheet;
  Col *col;

  sheet = sheet_new (sheets, "汇总", "工作情况汇总表", "件、次", "项目", FIG_DIM_NONE);
  sheet->single_header = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      Row *row = add_row (sheet, measures[i].label, NULL);

      row->measure = measures[i].measure;
      row->stat = measures[i].stat;
    }
  add_col (sheet, NULL, "本月", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_MONTH);
  add_col (sheet, NULL, "上月", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_PREV_MONTH);
  add_col (sheet, NULL, "去年同月", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_LAST_YEAR_MONTH);
  col = add_col (sheet, NULL, "环比(%)", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_MONTH);
  col->form = FORM_CHANGE;
  col->base = FIG_PERIOD_PREV_MONTH;
  col->decimals = 1;
  col->summable = FALSE;
  col = add_col (sheet, NULL, "同比(%)", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_MONTH);
  col->form = FORM_CHANGE;
  col->base = FIG_PERIOD_LAST_YEAR_MONTH;
  col->decimals = 1;
  col->summable = FALSE;
  add_col (sheet, NULL, "本年累计", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_YEAR);
  add_col (sheet, NULL, "去年同期累计", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_LAST_YEAR_TO_DATE);

  /* The second block: the station's indicators on the last day of M. */
  sheet = sheet_new (sheets, "汇总", NULL, NULL, "站点指标", FIG_DIM_NONE);
  sheet->single_header = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      Row *row = add_row (sheet, indicators[i].label, NULL);

      row->measure = indicators[i].measure;
      row->stat = STAT_COUNT;
      row->value = indicators[i].value;
      row->form = FORM_RATIO;
      row->target = indicators[i].target;
    }
  col = add_col (sheet, NULL, "当前值(%)", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_SNAPSHOT);
  col->form = FORM_FROM_ROW;
  col->decimals = 1;
  col->summable = FALSE;
  col = add_col (sheet, NULL, "目标值(%)", NULL, STAT_FROM_ROW, 0, FIG_PERIOD_SNAPSHOT);
  col->form = FORM_TARGET;
  col->decimals = 1;
  col->summable = FALSE;
}

static void
build_mediation (GPtrArray *sheets)
{
  Sheet *sheet;

  sheet = sheet_new (sheets, "人民调解", "人民调解案件统计表", "件、人、元", "纠纷类型",
                     FIG_DIM_DISPUTE);
  add_code_rows (sheet, DESK_CODE_DISPUTE_TYPE);
  add_pair (sheet, "受理", &fig_cases_accepted, STAT_COUNT, 0, 0);
  add_pair (sheet, "办结", &fig_cases_closed, STAT_COUNT, 0, 0);
  add_pair (sheet, "调解成功", &fig_cases_success, STAT_COUNT, 0, 0);
  add_ratio_pair (sheet, "成功率(%)", &fig_cases_closed, 0);
  add_pair (sheet, "口头协议", &fig_cases_oral, STAT_COUNT, 0, 0);
  add_pair (sheet, "书面协议", &fig_cases_written, STAT_COUNT, 0, 0);
  add_pair (sheet, "涉及当事人(人)", &fig_cases_accepted, STAT_SUM, 0, 0);
  add_pair (sheet, "协议金额(元)", &fig_cases_success, STAT_SUM, 0, 2);
  add_pair (sheet, "司法确认", &fig_cases_confirmed, STAT_COUNT, 0, 0);
  add_col (sheet, NULL, "期末未结", &fig_cases_open, STAT_COUNT, 0, FIG_PERIOD_SNAPSHOT);

  sheet = sheet_new (sheets, "调解来源", "人民调解案件来源统计表", "件", "案件来源",
                     FIG_DIM_SOURCE);
  add_code_rows (sheet, DESK_CODE_CASE_SOURCE);
  add_pair (sheet, "受理", &fig_cases_accepted, STAT_COUNT, 0, 0);
  add_pair (sheet, "调解成功", &fig_cases_success, STAT_COUNT, 0, 0);
}

static void
build_committees (GPtrArray *sheets,
                  GPtrArray *committees)
{
  const struct
  {
    const char       *label;
    const FigMeasure *measure;
  } outcomes[] = {
    { "防止民间纠纷引起自杀", &fig_cases_prevent_suicide },
    { "防止民间纠纷转化为刑事案件", &fig_cases_prevent_criminal },
    { "防止群体性上访", &fig_cases_prevent_petition },
    { "防止群体性械斗", &fig_cases_prevent_fight },
  };
  Sheet *sheet;
  Col *col;

  sheet = sheet_new (sheets, "调委会", "人民调解委员会工作统计表", "件、人", "调委会",
                     FIG_DIM_COMMITTEE);
  take_rows (sheet, committees);
  col = add_col (sheet, NULL, "类型", NULL, STAT_COUNT, 0, FIG_PERIOD_UNSET);
  col->form = FORM_TYPE;
  col->text = TRUE;
  col->summable = FALSE;
  add_pair (sheet, "受理", &fig_cases_accepted, STAT_COUNT, 0, 0);
  add_pair (sheet, "调解成功", &fig_cases_success, STAT_COUNT, 0, 0);
  add_col (sheet, NULL, "期末未结", &fig_cases_open, STAT_COUNT, 0, FIG_PERIOD_SNAPSHOT);
  add_col (sheet, NULL, "调解员(人)", &fig_mediators, STAT_COUNT, 0, FIG_PERIOD_SNAPSHOT);

  sheet = sheet_new (sheets, "排查防激化", "矛盾纠纷排查及防激化统计表", "次、件、人", "调委会",
                     FIG_DIM_COMMITTEE);
  take_rows (sheet, committees);
  add_pair (sheet, "排查次数", &fig_screenings, STAT_COUNT, 0, 0);
  add_pair (sheet, "排查发现纠纷", &fig_screenings, STAT_SUM, 0, 0);
  add_pair (sheet, "预防纠纷", &fig_screenings, STAT_SUM, 1, 0);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      add_col (sheet, outcomes[i].label, "件", outcomes[i].measure, STAT_COUNT, 0,
               FIG_PERIOD_MONTH);
      add_col (sheet, outcomes[i].label, "人", outcomes[i].measure, STAT_SUM, 0,
               FIG_PERIOD_MONTH);
    }
}

static void
build_consultations (GPtrArray *sheets)
{
  const struct
  {
    const char *group;
    const char *kind;
    FigDim      dim;
  } groups[] = {
    { "按渠道(本月)", DESK_CODE_CHANNEL, FIG_DIM_CHANNEL },
    { "按处理结果(本月)", DESK_CODE_CONSULT_RESULT, FIG_DIM_RESULT },
  };
  Sheet *sheet;

  sheet = sheet_new (sheets, "法律咨询", "法律咨询登记统计表", "件、人次", "咨询类别",
                     FIG_DIM_CATEGORY);
  add_code_rows (sheet, DESK_CODE_CONSULT_CATEGORY);
  add_pair (sheet, "咨询(件)", &fig_consultations, STAT_COUNT, 0, 0);
  add_pair (sheet, "咨询(人次)", &fig_consultations, STAT_SUM, 0, 0);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      const char *const *columns = desk_code_report_rows (groups[g].kind);

      for (guint i = 0; columns[i] != NULL; i++)
        {
          Col *col = add_col (sheet, groups[g].group, columns[i], &fig_consultations, STAT_COUNT,
                              0, FIG_PERIOD_MONTH);

          col->dim = groups[g].dim;
          col->key = columns[i];
        }
    }
}

static void
build_legal_aid (GPtrArray *sheets)
{
  Sheet *sheet;

  sheet = sheet_new (sheets, "法律援助", "法律援助申请受理转交统计表", "件", "援助事项",
                     FIG_DIM_MATTER);
  add_code_rows (sheet, DESK_CODE_AID_MATTER);
  add_pair (sheet, "接收申请", &fig_aid_received, STAT_COUNT, 0, 0);
  add_pair (sheet, "转交", &fig_aid_forwarded, STAT_COUNT, 0, 0);
  add_col (sheet, NULL, "按期转交(本月)", &fig_aid_on_time, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  add_col (sheet, NULL, "决定给予(本月)", &fig_aid_granted, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  add_col (sheet, NULL, "决定不予(本月)", &fig_aid_refused, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  add_col (sheet, NULL, "撤回(本月)", &fig_aid_withdrawn, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  add_col (sheet, NULL, "期末待转交", &fig_aid_pending, STAT_COUNT, 0, FIG_PERIOD_SNAPSHOT);

  sheet = sheet_new (sheets, "受援人类别", "法律援助申请人类别统计表", "件", "类别",
                     FIG_DIM_NONE);
  add_row (sheet, "申请件数", NULL);
  for (guint i = 0; fig_aid_categories[i] != NULL; i++)
    add_row (sheet, fig_aid_categories[i], NULL)->arg = fig_aid_categories[i];
  add_pair (sheet, "接收申请", &fig_aid_received, STAT_COUNT, 0, 0);
}

static void
build_advisers (GPtrArray *sheets,
                GPtrArray *advisers)
{
  const struct
  {
    const char *label;
    int         value;
  } sums[] = {
    { "解答咨询(件)", FIG_SERVICE_CONSULTS },
    { "法治讲座(场)", FIG_SERVICE_LECTURES },
    { "讲座受众(人次)", FIG_SERVICE_AUDIENCE },
    { "参与调解(件)", FIG_SERVICE_MEDIATIONS },
    { "审查合同协议(件)", FIG_SERVICE_CONTRACTS },
    { "审查村规民约(件)", FIG_SERVICE_VILLAGE_RULES },
    { "代写文书(份)", FIG_SERVICE_DOCUMENTS },
    { "引导法律援助(件)", FIG_SERVICE_AID_REFERRALS },
    { "培训(人次)", FIG_SERVICE_TRAINEES },
    { "发放资料(份)", FIG_SERVICE_LEAFLETS },
  };
  Sheet *sheet;
  Col *col;

  sheet = sheet_new (sheets, "法律顾问", "村(居)法律顾问工作统计表", "次、小时、件、场、人次、份",
                     "法律顾问", FIG_DIM_ADVISER);
  take_rows (sheet, advisers);
  add_col (sheet, NULL, "服务村(居)数", &fig_assignments, STAT_COUNT, 0, FIG_PERIOD_SNAPSHOT);
  add_pair (sheet, "服务次数", &fig_services, STAT_COUNT, 0, 0);
  add_col (sheet, NULL, "实地服务(次)", &fig_services_on_site, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  add_pair (sheet, "服务时长(小时)", &fig_services, STAT_SUM, FIG_SERVICE_HOURS, 1);
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    add_col (sheet, NULL, sums[i].label, &fig_services, STAT_SUM, sums[i].value,
             FIG_PERIOD_MONTH);
  col = add_col (sheet, NULL, "是否达标", NULL, STAT_COUNT, 0, FIG_PERIOD_MONTH);
  col->form = FORM_PASS;
  col->text = TRUE;
  col->summable = FALSE;
}

/* Every table of the forms in sheet order; 汇总's second block follows it. */
static GPtrArray *
build_sheets (FigCtx  *ctx,
              GError **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_free);
  g_autoptr(GPtrArray) committees = committee_rows (ctx, error);
  g_autoptr(GPtrArray) advisers = NULL;

  if (committees == NULL)
    return NULL;
  advisers = adviser_rows (ctx, error);
  if (advisers == NULL)
    return NULL;

  build_summary (sheets);
  build_mediation (sheets);
  build_committees (sheets, committees);
  build_consultations (sheets);
  build_legal_aid (sheets);
  build_advisers (sheets, advisers);
  return g_steal_pointer (&sheets);
}

static Spec
resolve (const Row *row,
         const Col *col)
{
  Spec spec;

  spec.measure = col->measure ? col->measure : row->measure;
  spec.stat = col->stat != STAT_FROM_ROW ? col->stat : row->stat;
  spec.value = col->measure ? col->value : row->value;
  spec.form = col->form != FORM_FROM_ROW ? col->form : row->form;
  spec.period = col->period;
  spec.base = col->base;
  return spec;
}

/* The aggregate a cell of @row reads. */
static gboolean
lookup (FigCtx      *ctx,
        const Sheet *sheet,
        const Row   *row,
        const Col   *col,
        const Spec  *spec,
        FigPeriod    period,
        FigAgg      *out,
        GError     **error)
{
  FigDim dim = row->key ? sheet->dim : FIG_DIM_NONE;
  GHashTable *agg = fig_aggregate (ctx, spec->measure, period, dim, col->dim, error);

  if (agg == NULL)
    return FALSE;
  *out = fig_agg_lookup (agg, row->key, col->key, row->arg);
  return TRUE;
}

static gint64
take (const Spec   *spec,
      const FigAgg *agg)
{
  return spec->stat == STAT_SUM ? agg->sums[spec->value] : agg->count;
}

static gboolean
pass (FigCtx      *ctx,
      const Row   *row,
      gboolean    *passed,
      GError     **error)
{
  GHashTable *agg = fig_aggregate (ctx, &fig_services_on_site, FIG_PERIOD_MONTH,
                                   FIG_DIM_ADVISER, FIG_DIM_NONE, error);
  FigAgg on_site;

  if (agg == NULL)
    return FALSE;
  on_site = fig_agg_lookup (agg, row->key, NULL, NULL);
  /* hours are in tenths */
  *passed = row->assigned && on_site.count >= ctx->min_visits &&
            on_site.sums[0] >= (gint64) ctx->min_hours * 10;
  return TRUE;
}

/* One cell of @table's row @r (the rows above are filled already). */
static gboolean
fill_cell (FigCtx           *ctx,
           const Sheet      *sheet,
           DeskReportTable  *table,
           guint             r,
           guint             c,
           GError          **error)
{
  const Row *row = g_ptr_array_index (sheet->rows, r);
  const Col *col = g_ptr_array_index (sheet->cols, c);
  DeskReportRow *out = g_ptr_array_index (table->rows, r);
  Spec spec = resolve (row, col);
  FigAgg agg, base;
  gint64 value;

  if (row->is_total)
    {
      gint64 sum = 0, count = 0;

      switch (spec.form)
        {
        case FORM_PLAIN:
          /* 合计 sums its column */
          for (guint i = 0; i < r; i++)
            sum += ((DeskReportRow *) g_ptr_array_index (table->rows, i))->cells[c].value;
          desk_report_row_set_number (out, c, sum);
          return TRUE;
        case FORM_RATIO:
          /* a percentage of the totals, not a sum of percentages */
          for (guint i = 0; i < sheet->rows->len; i++)
            {
              const Row *other = g_ptr_array_index (sheet->rows, i);

              if (other->is_total)
                continue;
              if (!lookup (ctx, sheet, other, col, &spec, spec.period, &agg, error))
                return FALSE;
              sum += agg.sums[spec.value];
              count += agg.count;
            }
          if (desk_percent_tenths (sum, count, &value))
            desk_report_row_set_number (out, c, value);
          return TRUE;
        default:
          /* text cells on 合计 are empty */
          desk_report_row_set_empty (out, c);
          return TRUE;
        }
    }

  switch (spec.form)
    {
    case FORM_PLAIN:
      if (!lookup (ctx, sheet, row, col, &spec, spec.period, &agg, error))
        return FALSE;
      desk_report_row_set_number (out, c, take (&spec, &agg));
      return TRUE;
    case FORM_RATIO:
      if (!lookup (ctx, sheet, row, col, &spec, spec.period, &agg, error))
        return FALSE;
      if (desk_percent_tenths (agg.sums[spec.value], agg.count, &value))
        desk_report_row_set_number (out, c, value);
      return TRUE;
    case FORM_CHANGE:
      if (!lookup (ctx, sheet, row, col, &spec, spec.period, &agg, error) ||
          !lookup (ctx, sheet, row, col, &spec, spec.base, &base, error))
        return FALSE;
      if (desk_percent_tenths (take (&spec, &agg) - take (&spec, &base), take (&spec, &base),
                               &value))
        desk_report_row_set_number (out, c, value);
      return TRUE;
    case FORM_TARGET:
      desk_report_row_set_number (out, c, row->target);
      return TRUE;
    case FORM_TYPE:
      desk_report_row_set_text (out, c, row->text);
      return TRUE;
    case FORM_PASS:
      {
        gboolean passed;

        if (!pass (ctx, row, &passed, error))
          return FALSE;
        /* 是 / 否 are the forms' text (data) */
        desk_report_row_set_text (out, c, passed ? "是" : "否");
        return TRUE;
      }
    case FORM_FROM_ROW:
    default:
      g_assert_not_reached ();
    }
}

/**
 * desk_figures_compute:
 *
 * Computes every table of the month's forms (forms.md), in sheet order.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error.
 */
DeskReport *
desk_figures_compute (DeskStore  *store,
                      int         year,
                      int         month,
                      GError    **error)
{
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(FigCtx) ctx = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  gboolean began;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 2 && year <= 9999 && month >= 1 && month <= 12, NULL);

  if (!fig_read_begin (store, &began, error))
    return NULL;
  ctx = fig_ctx_new (store, year, month);
  sheets = build_sheets (ctx, error);
  if (sheets == NULL)
    {
      fig_read_end (store, began);
      return NULL;
    }

  report = desk_report_new (year, month);
  report->county = desk_settings_get (store, "county");
  report->township = desk_settings_get (store, "township");
  report->station = desk_settings_get (store, "station");
  report->head = desk_settings_get (store, "head");
  report->reviewer = desk_settings_get (store, "reviewer");
  report->clerk = desk_settings_get (store, "clerk");
  report->phone = desk_settings_get (store, "phone");

  for (guint s = 0; s < sheets->len; s++)
    {
      const Sheet *sheet = g_ptr_array_index (sheets, s);
      DeskReportTable *table = desk_report_add_table (report, sheet->sheet, sheet->name,
                                                      sheet->units, sheet->row_header);

      table->single_header_row = sheet->single_header;
      for (guint c = 0; c < sheet->cols->len; c++)
        {
          const Col *col = g_ptr_array_index (sheet->cols, c);

          if (col->text)
            desk_report_table_add_text_column (table, col->label);
          else
            desk_report_table_add_column (table, col->group, col->label, col->decimals,
                                          col->summable);
        }
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          const Row *row = g_ptr_array_index (sheet->rows, r);

          desk_report_table_add_row (table, row->label, row->is_total);
          for (guint c = 0; c < sheet->cols->len; c++)
            if (!fill_cell (ctx, sheet, table, r, c, error))
              {
                fig_read_end (store, began);
                return NULL;
              }
        }
    }
  fig_add_notes (report, ctx);
  fig_read_end (store, began);
  return g_steal_pointer (&report);
}

static gboolean explain_cell (FigCtx       *ctx,
                              const Sheet  *sheet,
                              guint         r,
                              guint         c,
                              GPtrArray    *records,
                              GError      **error);

/* The records of a count or a sum; a sum lists those that add to it. */
static gboolean
explain_plain (FigCtx       *ctx,
               const Sheet  *sheet,
               const Row    *row,
               const Col    *col,
               const Spec   *spec,
               FigPeriod     period,
               GPtrArray    *records,
               GError      **error)
{
  guint start = records->len;

  if (!fig_explain_measure (ctx, spec->measure, period, row->key ? sheet->dim : FIG_DIM_NONE,
                            row->key, col->dim, col->key, row->arg, records, error))
    return FALSE;
  for (guint i = records->len; i > start; i--)
    {
      FigRecord *record = g_ptr_array_index (records, i - 1);

      record->weight = spec->stat == STAT_SUM ? record->values[spec->value] : 1;
      if (record->weight == 0)
        g_ptr_array_remove_index (records, i - 1);
    }
  return TRUE;
}

static gboolean
explain_cell (FigCtx       *ctx,
              const Sheet  *sheet,
              guint         r,
              guint         c,
              GPtrArray    *records,
              GError      **error)
{
  const Row *row = g_ptr_array_index (sheet->rows, r);
  const Col *col = g_ptr_array_index (sheet->cols, c);
  Spec spec = resolve (row, col);
  guint start = records->len;

  if (row->is_total)
    {
      /* 合计: the records of the rows it adds up */
      if (spec.form != FORM_PLAIN && spec.form != FORM_RATIO)
        return TRUE;
      for (guint i = 0; i < sheet->rows->len; i++)
        if (i != r && !explain_cell (ctx, sheet, i, c, records, error))
          return FALSE;
      return TRUE;
    }

  switch (spec.form)
    {
    case FORM_PLAIN:
      return explain_plain (ctx, sheet, row, col, &spec, spec.period, records, error);
    case FORM_CHANGE:
      return explain_plain (ctx, sheet, row, col, &spec, spec.period, records, error) &&
             explain_plain (ctx, sheet, row, col, &spec, spec.base, records, error);
    case FORM_RATIO:
      /* the denominator's records, each adding 1 or 0 to the numerator */
      if (!fig_explain_measure (ctx, spec.measure, spec.period,
                                row->key ? sheet->dim : FIG_DIM_NONE, row->key, col->dim,
                                col->key, row->arg, records, error))
        return FALSE;
      for (guint i = start; i < records->len; i++)
        {
          FigRecord *record = g_ptr_array_index (records, i);

          record->weight = record->values[spec.value];
        }
      return TRUE;
    case FORM_TARGET:
      return TRUE;
    case FORM_TYPE:
      {
        FigRecord *record = g_new0 (FigRecord, 1);

        record->ref = g_new0 (DeskRecordRef, 1);
        record->ref->kind = g_strdup ("committee");
        record->ref->id = row->id;
        record->ref->number = g_strdup (row->label);
        record->ref->description = g_strdup (row->text);
        g_ptr_array_add (records, record);
        return TRUE;
      }
    case FORM_PASS:
      /* the on-site services of the month, each with its hours */
      if (!fig_explain_measure (ctx, &fig_services_on_site, FIG_PERIOD_MONTH, FIG_DIM_ADVISER,
                                row->key, FIG_DIM_NONE, NULL, NULL, records, error))
        return FALSE;
      for (guint i = start; i < records->len; i++)
        {
          FigRecord *record = g_ptr_array_index (records, i);

          record->weight = record->values[0];
        }
      return TRUE;
    case FORM_FROM_ROW:
    default:
      g_assert_not_reached ();
    }
}

static char *
join_labels (GPtrArray *labels)
{
  g_ptr_array_add (labels, NULL);
  return g_strjoinv ("、", (char **) labels->pdata);
}

/* Finds the block, row and column of a figure; an error lists what exists. */
static gboolean
find_cell (GPtrArray   *sheets,
           const char  *sheet_name,
           const char  *row_label,
           const char  *path,
           Sheet      **sheet_out,
           guint       *r_out,
           guint       *c_out,
           GError     **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *all = NULL;
  Sheet *found = NULL;
  int r = -1;

  for (guint s = 0; s < sheets->len && r < 0; s++)
    {
      Sheet *sheet = g_ptr_array_index (sheets, s);

      if (g_strcmp0 (sheet->sheet, sheet_name) != 0)
        continue;
      found = sheet;
      for (guint i = 0; i < sheet->rows->len && r < 0; i++)
        if (g_strcmp0 (((Row *) g_ptr_array_index (sheet->rows, i))->label, row_label) == 0)
          {
            r = i;
            *sheet_out = sheet;
          }
    }

  if (found == NULL)
    {
      all = g_strjoinv ("、", (char **) sheet_names);
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("There is no sheet “%s”; the sheets are: %s"), sheet_name ? sheet_name : "",
                   all);
      return FALSE;
    }
  if (r < 0)
    {
      for (guint s = 0; s < sheets->len; s++)
        {
          Sheet *sheet = g_ptr_array_index (sheets, s);

          if (g_strcmp0 (sheet->sheet, sheet_name) == 0)
            for (guint i = 0; i < sheet->rows->len; i++)
              g_ptr_array_add (labels, ((Row *) g_ptr_array_index (sheet->rows, i))->label);
        }
      all = join_labels (labels);
      g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
                   _("The sheet “%s” has no row “%s”; its rows are: %s"), sheet_name,
                   row_label ? row_label : "", all);
      return FALSE;
    }

  for (guint c = 0; c < (*sheet_out)->cols->len; c++)
    {
      const Col *col = g_ptr_array_index ((*sheet_out)->cols, c);
      g_autofree char *col_path = col->group ? g_strdup_printf ("%s/%s", col->group, col->label)
                                             : g_strdup (col->label);

      if (g_strcmp0 (col_path, path) == 0)
        {
          *r_out = r;
          *c_out = c;
          return TRUE;
        }
    }

  {
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

    for (guint c = 0; c < (*sheet_out)->cols->len; c++)
      {
        const Col *col = g_ptr_array_index ((*sheet_out)->cols, c);

        g_ptr_array_add (paths, col->group ? g_strdup_printf ("%s/%s", col->group, col->label)
                                           : g_strdup (col->label));
      }
    g_ptr_array_add (paths, NULL);
    all = g_strjoinv ("、", (char **) paths->pdata);
  }
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND,
               _("The sheet “%s” has no column “%s”; its columns are: %s"), sheet_name,
               path ? path : "", all);
  return FALSE;
}

/**
 * desk_figures_explain_values:
 * @weights: (out) (optional) (element-type gint64): what each record adds
 *   to the figure, fixed point like the cell: 1 for a count, the record's
 *   value for a sum (records that add 0 are left out); for a percentage
 *   the records are the denominator's and each adds 1 or 0 to the
 *   numerator; for 环比 and 同比 the records of both months.
 *
 * Like desk_figures_explain(), with what each record adds.
 */
GPtrArray *
desk_figures_explain_values (DeskStore   *store,
                             int          year,
                             int          month,
                             const char  *sheet_name,
                             const char  *row,
                             const char  *path,
                             GArray     **weights,
                             GError     **error)
{
  g_autoptr(FigCtx) ctx = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *refs;
  Sheet *sheet = NULL;
  guint r = 0, c = 0;
  gboolean began, ok;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 2 && year <= 9999 && month >= 1 && month <= 12, NULL);

  if (!fig_read_begin (store, &began, error))
    return NULL;
  ctx = fig_ctx_new (store, year, month);
  sheets = build_sheets (ctx, error);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) fig_record_free);
  ok = sheets != NULL &&
       find_cell (sheets, sheet_name, row, path, &sheet, &r, &c, error) &&
       explain_cell (ctx, sheet, r, c, records, error);
  fig_read_end (store, began);
  if (!ok)
    return NULL;

  fig_records_sort (records);
  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_record_ref_free);
  if (weights != NULL)
    *weights = g_array_sized_new (FALSE, FALSE, sizeof (gint64), records->len);
  for (guint i = 0; i < records->len; i++)
    {
      FigRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (refs, g_steal_pointer (&record->ref));
      if (weights != NULL)
        g_array_append_val (*weights, record->weight);
    }
  return refs;
}

/**
 * desk_figures_explain:
 *
 * Returns: (transfer full) (nullable) (element-type DeskRecordRef): the
 *   records behind the figure, in the order of the dates they count by.
 */
GPtrArray *
desk_figures_explain (DeskStore   *store,
                      int          year,
                      int          month,
                      const char  *sheet,
                      const char  *row,
                      const char  *path,
                      GError     **error)
{
  return desk_figures_explain_values (store, year, month, sheet, row, path, NULL, error);
}
