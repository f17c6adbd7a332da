/* desk-figures-check.c — the checks before export (forms.md, "Before
 * export: checks"), and what blocks an export.
 *
 * Warnings never block: each names the records involved so that the clerk
 * can open and fix them.  The records are found with the same measures as
 * the figures (desk-figures-measures.c).  Checks cover the records the
 * workbook counts, 1 January to the last day of the month; overdue cases
 * and applications are judged on the month's last day, or today when that
 * is earlier.
 */
#define G_LOG_DOMAIN "desk-figures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-figures-private.h"
#include "desk-settings.h"

void
desk_report_warning_free (DeskReportWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_clear_pointer (&warning->records, g_ptr_array_unref);
  g_free (warning);
}

/* Adds a warning (a translated sentence) naming @records, if any. */
static void
add_warning (GPtrArray  *warnings,
             GPtrArray  *records,
             const char *message)
{
  DeskReportWarning *warning;

  if (records->len == 0)
    return;
  fig_records_sort (records);
  warning = g_new0 (DeskReportWarning, 1);
  warning->message = g_strdup_printf (_("%s (%u records)"), message, records->len);
  warning->records = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_record_ref_free);
  for (guint i = 0; i < records->len; i++)
    {
      FigRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (warning->records, g_steal_pointer (&record->ref));
    }
  g_ptr_array_add (warnings, warning);
}

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fig_record_free);
}

static gboolean
check_future (DeskStore   *store,
              int          year,
              int          month,
              const char  *today,
              GPtrArray   *warnings,
              GError     **error)
{
  g_autoptr(FigCtx) ctx = fig_ctx_new (store, year, month);
  g_autoptr(GPtrArray) records = new_records ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const FigMeasure *const *measures = fig_future_measures ();

  /* :next is tomorrow: a record dated after today */
  fig_ctx_set_as_of (ctx, today);
  for (guint i = 0; measures[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = new_records ();

      if (!fig_explain_measure (ctx, measures[i], FIG_PERIOD_SNAPSHOT, FIG_DIM_NONE, NULL,
                                FIG_DIM_NONE, NULL, NULL, found, error))
        return FALSE;
      /* a case accepted and closed after today is one record */
      for (guint j = 0; j < found->len; j++)
        {
          FigRecord *record = g_ptr_array_index (found, j);
          char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, record->ref->kind, record->ref->id);

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (records, g_ptr_array_steal_index (found, j--));
        }
    }
  add_warning (warnings, records, _("Records dated after today: check their dates."));
  return TRUE;
}

static gboolean
check_overdue (DeskStore   *store,
               int          year,
               int          month,
               const char  *today,
               GPtrArray   *warnings,
               GError     **error)
{
  g_autoptr(FigCtx) ctx = fig_ctx_new (store, year, month);
  g_autoptr(GPtrArray) cases = new_records ();
  g_autoptr(GPtrArray) applications = new_records ();
  int mediation_limit = desk_settings_get_int (store, "mediation-limit-days");
  const char *as_of = g_strcmp0 (today, ctx->last) < 0 ? today : ctx->last;

  fig_ctx_set_as_of (ctx, as_of);

  /* cases open on that day, accepted more than the limit's days before:
   * before the day that many days earlier (:hi) */
  g_free (ctx->hi[FIG_PERIOD_SNAPSHOT]);
  ctx->hi[FIG_PERIOD_SNAPSHOT] = desk_date_add_days (as_of, -mediation_limit);
  if (!fig_explain_measure (ctx, &fig_cases_overdue, FIG_PERIOD_SNAPSHOT, FIG_DIM_NONE, NULL,
                            FIG_DIM_NONE, NULL, NULL, cases, error))
    return FALSE;

  /* applications neither forwarded nor withdrawn by then, received more
   * working days before than the forwarding limit; those received within
   * as many calendar days are left out by the query */
  g_free (ctx->hi[FIG_PERIOD_SNAPSHOT]);
  ctx->hi[FIG_PERIOD_SNAPSHOT] = desk_date_add_days (as_of, -ctx->aid_limit);
  if (!fig_explain_measure (ctx, &fig_aid_overdue, FIG_PERIOD_SNAPSHOT, FIG_DIM_NONE, NULL,
                            FIG_DIM_NONE, NULL, NULL, applications, error))
    return FALSE;
  for (guint i = applications->len; i > 0; i--)
    {
      FigRecord *record = g_ptr_array_index (applications, i - 1);
      g_autofree char *received = g_strndup (record->ref->date, 10);

      if (desk_working_days_between (store, received, as_of) <= ctx->aid_limit)
        g_ptr_array_remove_index (applications, i - 1);
    }

  add_warning (warnings, cases,
               _("Mediation cases still open past the mediation time limit "
                 "(not wrong, but the county will ask)."));
  add_warning (warnings, applications,
               _("Legal-aid applications not yet forwarded past the forwarding limit "
                 "(not wrong, but the county will ask)."));
  return TRUE;
}

/* The records of @measure over the year to the end of the month. */
static gboolean
check_measure (FigCtx            *ctx,
               const FigMeasure  *measure,
               GPtrArray         *warnings,
               const char        *message,
               GError           **error)
{
  g_autoptr(GPtrArray) records = new_records ();
  GHashTable *agg;

  /* The count first, from the kept months: most years have none of these,
   * and listing them would read every record of the year. */
  agg = fig_aggregate (ctx, measure, FIG_PERIOD_YEAR, FIG_DIM_NONE, FIG_DIM_NONE, error);
  if (agg == NULL)
    return FALSE;
  if (fig_agg_lookup (agg, NULL, NULL, NULL).count > 0 &&
      !fig_explain_measure (ctx, measure, FIG_PERIOD_YEAR, FIG_DIM_NONE, NULL, FIG_DIM_NONE,
                            NULL, NULL, records, error))
    return FALSE;
  add_warning (warnings, records, message);
  return TRUE;
}

/**
 * desk_figures_check:
 *
 * Returns: (transfer full) (nullable) (element-type DeskReportWarning):
 *   the warnings, in the order of forms.md; %NULL with @error only when the
 *   ledger cannot be read.
 */
GPtrArray *
desk_figures_check (DeskStore  *store,
                    int         year,
                    int         month,
                    GError    **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(FigCtx) ctx = NULL;
  g_autofree char *today = desk_today ();
  gboolean began, ok;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 2 && year <= 9999 && month >= 1 && month <= 12, NULL);

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_report_warning_free);
  ctx = fig_ctx_new (store, year, month);

  if (!fig_read_begin (store, &began, error))
    return NULL;
  ok = check_measure (ctx, &fig_cases_no_agreement, warnings,
                      _("Successful cases without agreement form or amount: they count as "
                        "successful but under neither oral nor written agreements."),
                      error) &&
       check_measure (ctx, &fig_services_unassigned, warnings,
                      _("Adviser services for a village the adviser was not assigned to "
                        "that day."),
                      error) &&
       check_future (store, year, month, today, warnings, error) &&
       check_overdue (store, year, month, today, warnings, error) &&
       check_measure (ctx, &fig_aid_no_birth_date, warnings,
                      _("Legal-aid applications without the applicant's birth date: whether "
                        "the applicant is elderly or a minor cannot be judged."),
                      error);
  fig_read_end (store, began);
  return ok ? g_steal_pointer (&warnings) : NULL;
}

/**
 * desk_figures_can_export:
 *
 * The forms' titles need the county, township and station names.
 */
gboolean
desk_figures_can_export (DeskStore  *store,
                         GError    **error)
{
  const char *keys[] = { "county", "township", "station" };
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *list = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = desk_settings_get (store, keys[i]);

      if (value == NULL || *g_strstrip (value) == '\0')
        g_ptr_array_add (missing, (gpointer) _(desk_settings_find_key (keys[i])->title));
    }
  if (missing->len == 0)
    return TRUE;
  g_ptr_array_add (missing, NULL);
  list = g_strjoinv ("、", (char **) missing->pdata);
  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID,
               _("The forms cannot be exported yet: set the station's %s first."), list);
  return FALSE;
}
