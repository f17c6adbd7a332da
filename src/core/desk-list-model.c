/* desk-list-model.c — the lazy list model behind every list page.
 *
 * A reload asks SQLite for the ordered ids of the matching records (one
 * fixed statement per list and sort, from the tables below, with the
 * filter's values bound; a search first gets its ids from desk_search_ids()
 * and hands them to the statement through desk_ids()).  Nothing else is read
 * until GTK asks for an item: then the page of DESK_LIST_PAGE_SIZE rows
 * around it is read in one SELECT … WHERE id IN (…) and kept in a small
 * least-recently-used cache, so that scrolling a list of a million records
 * reads only the pages shown.
 *
 * A reload replaces the ids and emits items-changed for the span that
 * differs (common head and tail kept); desk_list_model_refresh_ids() re-reads
 * the rows an edit touched and emits items-changed for those rows only.
 *
 * A reload in a worker that starts a list again from its top (the first,
 * or one with another filter, search or order) hands over the first
 * HEAD_IDS ids as soon as the statement has yielded them, and the rest
 * when it is done, a frame's time later at the soonest: in the default
 * orders, which an index gives, the first rows are drawn long before the
 * last ids of a big table are read, and before the view builds the rows
 * around them.  A reload of the same list (after an edit) replaces the ids
 * in one go, so that a list scrolled far down stays where it is.
 */
#define G_LOG_DOMAIN "desk-list-model"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-legal-aid.h"
#include "desk-list-model.h"
#include "desk-mediation.h"
#include "desk-search.h"

#define MAX_PAGES 24   /* pages kept: a tall window shows fewer than 3 */
#define HEAD_IDS  DESK_LIST_PAGE_SIZE   /* more rows than a window shows */
/* The rest of the ids waits this long after the first: a frame's time, for
 * the view to draw the first rows before it builds the rows around them. */
#define REST_DELAY_US 20000

/* The lists */

typedef struct
{
  const char *key;
  const char *exprs[4];   /* ORDER BY terms, NULL-terminated */
} SortKey;

/* The filters that add a condition of their own, and only when set: a
 * condition written "(:x = 0 OR …)" is never served by an index, and these
 * are the ones that pick few rows out of a large table (005-list-filters.sql
 * has the indexes they need). */
typedef enum
{
  COND_CHANNEL,     /* :channel */
  COND_RESULT,      /* :result */
  COND_COMMITTEE,   /* :committee */
  COND_MEDIATOR,    /* :mediator */
  COND_OVERDUE,     /* :cutoff, the latest overdue date */
  N_CONDS
} Cond;

typedef struct
{
  const char          *search_kind;   /* desk_search kind */
  /* The condition on the record's date, added only when a period is set
   * (otherwise the date index would be walked for nothing): :from and
   * :until, the first day and the day after the last. */
  const char          *period_sql;
  /* The ids of the matching records, without ORDER BY.  Named parameters:
   * :village, :category, :status (NULL: any), :searching (0/1) and :ids
   * (desk_ids); the conditions below add :channel, :result, :committee,
   * :mediator and :cutoff. */
  const char          *ids_sql;
  /* The conditions the list applies, appended to ids_sql when their filter
   * is set; NULL for the filters the list ignores. */
  const char          *conds[N_CONDS];
  /* ?1 desk_ids → id, deleted (0/1), then one text per column. */
  const char          *rows_sql;
  const char *const   *columns;
  const SortKey       *sorts;         /* the first is the default */
  guint                n_sorts;
} ListSpec;

static const char *const people_columns[] = {
  "name", "sex", "id_number", "phone", "village", "address", NULL
};
static const SortKey people_sorts[] = {
  { "created", { "p.id", NULL } },
  { "name", { "p.name", "p.id", NULL } },
  { "village", { "(SELECT name FROM villages WHERE id = p.village_id)", "p.id", NULL } },
};

static const char *const consultation_columns[] = {
  "number", "at", "person", "category", "content", "result", "village", NULL
};
static const SortKey consultation_sorts[] = {
  { "at", { "c.at", "c.id", NULL } },
  { "number", { "c.year", "c.seq", NULL } },
  { "person", { "(SELECT name FROM people WHERE id = c.person_id)", "c.at", "c.id", NULL } },
  { "category", { "(SELECT sort_order FROM codes WHERE id = c.category_id)", "c.at", "c.id",
                  NULL } },
};

static const char *const case_columns[] = {
  "number", "accepted_on", "committee", "dispute_type", "parties", "status", "closed_on",
  "overdue", NULL
};
static const SortKey case_sorts[] = {
  { "accepted_on", { "m.accepted_on", "m.id", NULL } },
  { "number", { "m.year", "m.committee_id", "m.seq", NULL } },
  { "status", { "m.status", "m.accepted_on", "m.id", NULL } },
  { "closed_on", { "m.closed_on", "m.id", NULL } },
};

static const char *const screening_columns[] = {
  "screened_on", "committee", "village", "screener", "found", "prevented", "notes", NULL
};
static const SortKey screening_sorts[] = {
  { "screened_on", { "s.screened_on", "s.id", NULL } },
  { "village", { "(SELECT name FROM villages WHERE id = s.village_id)", "s.screened_on",
                 "s.id", NULL } },
};

static const char *const aid_columns[] = {
  "number", "received_at", "person", "matter", "status", "forwarded_on", "overdue", NULL
};
static const SortKey aid_sorts[] = {
  { "received_at", { "a.received_at", "a.id", NULL } },
  { "number", { "a.year", "a.seq", NULL } },
  { "person", { "(SELECT name FROM people WHERE id = a.person_id)", "a.received_at", "a.id",
                NULL } },
  { "status", { "a.status", "a.received_at", "a.id", NULL } },
};

static const char *const service_columns[] = {
  "served_on", "adviser", "village", "mode", "hours", "notes", NULL
};
static const SortKey service_sorts[] = {
  { "served_on", { "v.served_on", "v.id", NULL } },
  { "adviser", { "(SELECT name FROM advisers WHERE id = v.adviser_id)", "v.served_on", "v.id",
                 NULL } },
};

#define SEARCHING(alias) \
  " AND (:searching = 0 OR " alias ".id IN (SELECT value FROM desk_ids (:ids)))"

/* Indexed by DeskListKind; the filters each applies are those of
 * DeskListFilter's comment.  A case's village is its committee's. */
static const ListSpec lists[] = {
  [DESK_LIST_PEOPLE] = {
    "people",
    NULL,
    "SELECT p.id FROM people p WHERE p.deleted_at IS NULL"
    " AND (:village = 0 OR p.village_id = :village)"
    SEARCHING ("p"),
    { NULL },
    "SELECT p.id, p.deleted_at IS NOT NULL, p.name, p.sex, p.id_number, p.phone, v.name,"
    " p.address FROM people p LEFT JOIN villages v ON v.id = p.village_id"
    " WHERE p.id IN (SELECT value FROM desk_ids (?1))",
    people_columns, people_sorts, G_N_ELEMENTS (people_sorts) },
  [DESK_LIST_CONSULTATIONS] = {
    "consultations",
    " AND c.at >= :from AND c.at < :until",
    "SELECT c.id FROM consultations c WHERE c.deleted_at IS NULL"
    " AND (:village = 0 OR c.village_id = :village)"
    " AND (:category = 0 OR c.category_id = :category)"
    SEARCHING ("c"),
    { [COND_CHANNEL] = " AND c.channel_id = :channel",
      [COND_RESULT] = " AND c.result_id = :result" },
    "SELECT c.id, c.deleted_at IS NOT NULL, c.number, c.at, p.name, k.label,"
    " substr (c.content, 1, 100), r.label, v.name FROM consultations c"
    " LEFT JOIN people p ON p.id = c.person_id LEFT JOIN codes k ON k.id = c.category_id"
    " LEFT JOIN codes r ON r.id = c.result_id LEFT JOIN villages v ON v.id = c.village_id"
    " WHERE c.id IN (SELECT value FROM desk_ids (?1))",
    consultation_columns, consultation_sorts, G_N_ELEMENTS (consultation_sorts) },
  [DESK_LIST_MEDIATION_CASES] = {
    "mediation_cases",
    " AND m.accepted_on >= :from AND m.accepted_on < :until",
    "SELECT m.id FROM mediation_cases m WHERE m.deleted_at IS NULL"
    " AND (:village = 0 OR m.committee_id IN"
    "      (SELECT id FROM committees WHERE village_id = :village))"
    " AND (:category = 0 OR m.dispute_type_id = :category)"
    " AND (:status IS NULL OR m.status = :status)"
    SEARCHING ("m"),
    { [COND_COMMITTEE] = " AND m.committee_id = :committee",
      [COND_MEDIATOR] = " AND m.id IN (SELECT case_id FROM case_mediators"
                        "              WHERE mediator_id = :mediator)",
      /* Still open (closed_on is set exactly when the status is closed),
       * as desk_case_list()'s overdue filter. */
      [COND_OVERDUE] = " AND m.closed_on IS NULL AND m.accepted_on <= :cutoff" },
    "SELECT m.id, m.deleted_at IS NOT NULL, m.number, m.accepted_on, t.short_name, k.label,"
    " (SELECT group_concat (name, '、') FROM (SELECT p.name FROM case_parties cp"
    "   JOIN people p ON p.id = cp.person_id WHERE cp.case_id = m.id"
    "   ORDER BY cp.sort_order, cp.id)),"
    " m.status, m.closed_on, m.closed_on IS NULL AND m.accepted_on <= ?2"
    " FROM mediation_cases m"
    " LEFT JOIN committees t ON t.id = m.committee_id"
    " LEFT JOIN codes k ON k.id = m.dispute_type_id"
    " WHERE m.id IN (SELECT value FROM desk_ids (?1))",
    case_columns, case_sorts, G_N_ELEMENTS (case_sorts) },
  [DESK_LIST_SCREENINGS] = {
    "screenings",
    " AND s.screened_on >= :from AND s.screened_on < :until",
    "SELECT s.id FROM screenings s WHERE s.deleted_at IS NULL"
    " AND (:village = 0 OR s.village_id = :village)"
    SEARCHING ("s"),
    { [COND_COMMITTEE] = " AND s.committee_id = :committee" },
    "SELECT s.id, s.deleted_at IS NOT NULL, s.screened_on, t.short_name, v.name, s.screener,"
    " s.found, s.prevented, s.notes FROM screenings s"
    " LEFT JOIN committees t ON t.id = s.committee_id"
    " LEFT JOIN villages v ON v.id = s.village_id"
    " WHERE s.id IN (SELECT value FROM desk_ids (?1))",
    screening_columns, screening_sorts, G_N_ELEMENTS (screening_sorts) },
  [DESK_LIST_LEGAL_AID] = {
    "legal_aid",
    " AND a.received_at >= :from AND a.received_at < :until",
    "SELECT a.id FROM legal_aid a WHERE a.deleted_at IS NULL"
    " AND (:village = 0 OR a.village_id = :village)"
    " AND (:category = 0 OR a.matter_id = :category)"
    " AND (:status IS NULL OR a.status = :status)"
    SEARCHING ("a"),
    /* Neither forwarded nor withdrawn, received on or before the cut-off,
     * as desk_legal_aid_list()'s overdue_only.  Without statistics the
     * planner takes "withdrawn_on IS NULL" (nearly every row) for a
     * selective equality: the pending applications' own index is named. */
    { [COND_OVERDUE] = " AND a.id IN (SELECT id FROM legal_aid INDEXED BY legal_aid_pending"
                       "  WHERE deleted_at IS NULL AND forwarded_on IS NULL"
                       "  AND withdrawn_on IS NULL AND received_at <= :cutoff || ' 23:59')" },
    "SELECT a.id, a.deleted_at IS NOT NULL, a.number, a.received_at, p.name, k.label,"
    " a.status, a.forwarded_on, a.forwarded_on IS NULL AND a.withdrawn_on IS NULL"
    "   AND a.received_at <= ?2 || ' 23:59' FROM legal_aid a"
    " LEFT JOIN people p ON p.id = a.person_id LEFT JOIN codes k ON k.id = a.matter_id"
    " WHERE a.id IN (SELECT value FROM desk_ids (?1))",
    aid_columns, aid_sorts, G_N_ELEMENTS (aid_sorts) },
  [DESK_LIST_ADVISER_SERVICES] = {
    "adviser_services",
    " AND v.served_on >= :from AND v.served_on < :until",
    "SELECT v.id FROM adviser_services v WHERE v.deleted_at IS NULL"
    " AND (:village = 0 OR v.village_id = :village)"
    " AND (:category = 0 OR v.mode_id = :category)"
    SEARCHING ("v"),
    { NULL },
    "SELECT v.id, v.deleted_at IS NOT NULL, v.served_on, d.name, g.name, k.label,"
    " printf ('%g', v.half_hours / 2.0), v.notes FROM adviser_services v"
    " LEFT JOIN advisers d ON d.id = v.adviser_id LEFT JOIN villages g ON g.id = v.village_id"
    " LEFT JOIN codes k ON k.id = v.mode_id"
    " WHERE v.id IN (SELECT value FROM desk_ids (?1))",
    service_columns, service_sorts, G_N_ELEMENTS (service_sorts) },
};

/* DeskRow */

struct _DeskRow
{
  GObject            parent_instance;

  gint64             id;
  gboolean           gone;      /* deleted, or no longer there */
  const char *const *columns;   /* static */
  char             **texts;     /* one per column, never NULL */
};

G_DEFINE_FINAL_TYPE (DeskRow, desk_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_N_PROPS
};

static GParamSpec *row_props[ROW_N_PROPS];

static void
desk_row_finalize (GObject *object)
{
  DeskRow *self = DESK_ROW (object);

  g_strfreev (self->texts);
  G_OBJECT_CLASS (desk_row_parent_class)->finalize (object);
}

static void
desk_row_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DeskRow *self = DESK_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_row_class_init (DeskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_row_finalize;
  object_class->get_property = desk_row_get_property;

  row_props[ROW_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_props);
}

static void
desk_row_init (DeskRow *self)
{
}

static DeskRow *
row_new (gint64             id,
         const char *const *columns)
{
  DeskRow *self = g_object_new (DESK_TYPE_ROW, NULL);
  guint n = g_strv_length ((char **) columns);

  self->id = id;
  self->columns = columns;
  self->texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->texts[i] = g_strdup ("");
  return self;
}

gint64
desk_row_get_id (DeskRow *self)
{
  g_return_val_if_fail (DESK_IS_ROW (self), 0);
  return self->id;
}

/**
 * desk_row_get_gone:
 *
 * Returns: %TRUE when the record was deleted after the list was loaded
 *   (its texts are empty when it no longer exists).
 */
gboolean
desk_row_get_gone (DeskRow *self)
{
  g_return_val_if_fail (DESK_IS_ROW (self), FALSE);
  return self->gone;
}

guint
desk_row_get_n_columns (DeskRow *self)
{
  g_return_val_if_fail (DESK_IS_ROW (self), 0);
  return g_strv_length (self->texts);
}

/**
 * desk_row_get_text:
 * @column: index in desk_list_model_get_columns()
 *
 * Returns: the column's text for display; "" when empty.
 */
const char *
desk_row_get_text (DeskRow *self,
                   guint    column)
{
  g_return_val_if_fail (DESK_IS_ROW (self), NULL);
  g_return_val_if_fail (column < g_strv_length (self->texts), NULL);
  return self->texts[column];
}

/**
 * desk_row_get:
 * @column: a name from desk_list_model_get_columns()
 */
const char *
desk_row_get (DeskRow    *self,
              const char *column)
{
  g_return_val_if_fail (DESK_IS_ROW (self), NULL);

  for (guint i = 0; self->columns[i] != NULL; i++)
    if (g_str_equal (self->columns[i], column))
      return self->texts[i];
  g_return_val_if_reached (NULL);
}

/* DeskListModel */

typedef struct
{
  guint      index;
  GPtrArray *rows;     /* DeskRow, in position order */
  GList     *link;     /* in the model's lru */
} Page;

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

/* A filter and sort, copied so that a worker can use them. */
typedef struct
{
  DeskListKind kind;
  char        *from;
  char        *until;     /* the day after the last, exclusive */
  gint64       village_id;
  gint64       category_id;
  char        *status;
  char        *search;    /* NULL: no search */
  gint64       channel_id;
  gint64       result_id;
  gint64       committee_id;
  gint64       mediator_id;
  gboolean     overdue;
  char        *cutoff;    /* overdue: the latest overdue date, set at each reload */
  guint        sort;
  gboolean     descending;
} Query;

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->from, g_free);
  g_clear_pointer (&q->until, g_free);
  g_clear_pointer (&q->status, g_free);
  g_clear_pointer (&q->search, g_free);
  g_clear_pointer (&q->cutoff, g_free);
}

static void
query_copy (Query       *to,
            const Query *from)
{
  *to = *from;
  to->from = g_strdup (from->from);
  to->until = g_strdup (from->until);
  to->status = g_strdup (from->status);
  to->search = g_strdup (from->search);
  to->cutoff = g_strdup (from->cutoff);
}

static void
query_free (Query *q)
{
  query_clear (q);
  g_free (q);
}

/* Whether @a and @b list the same records in the same order (the overdue
 * cut-off aside: it moves with the day, not with the clerk). */
static gboolean
query_same (const Query *a,
            const Query *b)
{
  return a->kind == b->kind &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->until, b->until) == 0 &&
         a->village_id == b->village_id &&
         a->category_id == b->category_id &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->search, b->search) == 0 &&
         a->channel_id == b->channel_id &&
         a->result_id == b->result_id &&
         a->committee_id == b->committee_id &&
         a->mediator_id == b->mediator_id &&
         a->overdue == b->overdue &&
         a->sort == b->sort &&
         a->descending == b->descending;
}

struct _DeskListModel
{
  GObject       parent_instance;

  DeskStore    *store;          /* the window's connection: pages and refreshes */
  const ListSpec *spec;
  Query         query;
  Query         shown;          /* of the ids in place (any: a reload put them) */
  GArray       *ids;            /* gint64, in list order */

  GHashTable   *pages;          /* index → Page */
  GQueue        lru;            /* Page*, most recently used first */

  GMutex        worker_lock;    /* guards worker_store */
  DeskStore    *worker_store;   /* read-only, opened by the first reload in a worker */
  guint         generation;     /* of the latest reload asked for */
  GCancellable *reload_cancellable;
  gboolean      loading;
  guint         head_generation;  /* of the reload whose first ids are in place */
  gint64        head_at;          /* when they were put in place */
  GArray       *before_head;      /* the ids before, put back if the reload fails */

  guint64       rows_built;
  guint64       pages_loaded;
};

static void desk_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskListModel, desk_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_list_model_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* Static helpers */

static char *
day_after (const char *date)
{
  return desk_date_valid (date) ? desk_date_add_days (date, 1) : NULL;
}

static gboolean
query_has (const Query *q,
           Cond         cond)
{
  switch (cond)
    {
    case COND_CHANNEL:
      return q->channel_id != 0;
    case COND_RESULT:
      return q->result_id != 0;
    case COND_COMMITTEE:
      return q->committee_id != 0;
    case COND_MEDIATOR:
      return q->mediator_id != 0;
    case COND_OVERDUE:
      return q->overdue;
    case N_CONDS:
    default:
      break;
    }
  g_return_val_if_reached (FALSE);
}

/* The overdue cut-off on desk_today(), computed on @store by the functions
 * the dashboard and the editors use, so that the three never disagree; the
 * list binds it as a value, for the filter and for the rows' "overdue"
 * column (1: past the limit). */
static void
query_set_cutoff (Query     *q,
                  DeskStore *store)
{
  g_clear_pointer (&q->cutoff, g_free);
  if (q->kind == DESK_LIST_MEDIATION_CASES)
    q->cutoff = desk_case_overdue_cutoff (store, NULL);
  else if (q->kind == DESK_LIST_LEGAL_AID)
    q->cutoff = desk_legal_aid_overdue_cutoff (store, NULL);
}

/* The ids statement of @q: the list's fixed text, the fixed conditions of
 * the filters set, and one of its fixed sort orders.  Only text from the
 * tables above goes into the statement; every value is bound. */
static char *
ids_sql (const Query *q)
{
  const ListSpec *spec = &lists[q->kind];
  const SortKey *sort = &spec->sorts[q->sort];
  GString *sql = g_string_new (spec->ids_sql);

  if (spec->period_sql != NULL && (q->from != NULL || q->until != NULL))
    g_string_append (sql, spec->period_sql);
  for (guint c = 0; c < N_CONDS; c++)
    if (spec->conds[c] != NULL && query_has (q, c))
      g_string_append (sql, spec->conds[c]);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; sort->exprs[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, sort->exprs[i]);
      g_string_append (sql, q->descending ? " DESC" : " ASC");
    }
  return g_string_free (sql, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int idx = sqlite3_bind_parameter_index (stmt, name);

  if (idx > 0)
    {
      if (value != NULL)
        sqlite3_bind_text (stmt, idx, value, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, idx);
    }
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int idx = sqlite3_bind_parameter_index (stmt, name);

  if (idx > 0)
    sqlite3_bind_int64 (stmt, idx, value);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Told the first HEAD_IDS ids of a reload while the statement goes on. */
typedef void (*HeadFunc) (GArray   *head,
                          gpointer  data);

/* The ordered ids matching @q, on @store's connection; @only (optional)
 * restricts them to those ids.  @head_func (optional) is called once with
 * the first HEAD_IDS ids, when there are more. */
static GArray *
query_ids (DeskStore     *store,
           const Query   *q,
           GArray        *only,
           HeadFunc       head_func,
           gpointer       head_data,
           GCancellable  *cancellable,
           GError       **error)
{
  const ListSpec *spec = &lists[q->kind];
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = ids_sql (q);
  sqlite3 *db = desk_store_get_db (store);
  sqlite3_stmt *stmt;
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, check_cancelled, cancellable);

  if (q->search != NULL)
    {
      if (only != NULL)
        {
          found = g_array_copy (only);
          if (!desk_search_filter_ids (store, spec->search_kind, q->search, found, error))
            goto failed;
        }
      else if (!desk_search_ids (store, spec->search_kind, q->search, &found, error))
        goto failed;
    }
  else if (only != NULL)
    found = g_array_ref (only);

  stmt = desk_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto failed;
  bind_named_text (stmt, ":from", q->from != NULL ? q->from : "");
  bind_named_text (stmt, ":until", q->until != NULL ? q->until : "~");
  bind_named_int (stmt, ":village", q->village_id);
  bind_named_int (stmt, ":category", q->category_id);
  bind_named_text (stmt, ":status", q->status);
  bind_named_int (stmt, ":channel", q->channel_id);
  bind_named_int (stmt, ":result", q->result_id);
  bind_named_int (stmt, ":committee", q->committee_id);
  bind_named_int (stmt, ":mediator", q->mediator_id);
  bind_named_text (stmt, ":cutoff", q->cutoff);
  bind_named_int (stmt, ":searching", found != NULL);
  if (found != NULL)
    desk_sql_bind_ids (stmt, sqlite3_bind_parameter_index (stmt, ":ids"), found);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (head_func != NULL && ids->len == HEAD_IDS)
        head_func (ids, head_data);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (store, error);
      goto failed;
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  return g_steal_pointer (&ids);

failed:
  if (cancellable != NULL)
    {
      sqlite3_progress_handler (db, 0, NULL, NULL);
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
    }
  return NULL;
}

/* Rows for @ids, read in one statement; by id. */
static GHashTable *
read_rows (DeskListModel  *self,
           GArray         *ids,
           GError        **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                      g_object_unref);
  guint n_columns = g_strv_length ((char **) self->spec->columns);
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (self->store, self->spec->rows_sql, error);
  if (stmt == NULL)
    return NULL;
  desk_sql_bind_ids (stmt, 1, ids);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    desk_sql_bind_text_or_null (stmt, 2, self->query.cutoff);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskRow *row = row_new (sqlite3_column_int64 (stmt, 0), self->spec->columns);

      row->gone = sqlite3_column_int (stmt, 1) != 0;
      for (guint i = 0; i < n_columns; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i + 2);

          if (text != NULL)
            {
              g_free (row->texts[i]);
              row->texts[i] = g_strdup (text);
            }
        }
      g_hash_table_insert (rows, &row->id, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      desk_store_set_sql_error (self->store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The row for @id out of @rows, or a row marking a record that is gone. */
static DeskRow *
take_row (DeskListModel *self,
          GHashTable    *rows,
          gint64         id)
{
  DeskRow *row = rows != NULL ? g_hash_table_lookup (rows, &id) : NULL;

  self->rows_built++;
  if (row != NULL)
    return g_object_ref (row);
  row = row_new (id, self->spec->columns);
  row->gone = TRUE;
  return row;
}

static void
drop_page (DeskListModel *self,
           Page          *page)
{
  g_queue_delete_link (&self->lru, page->link);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

/* Drops the cached pages from the one holding @position on. */
static void
drop_pages_from (DeskListModel *self,
                 guint          position)
{
  guint first = position / DESK_LIST_PAGE_SIZE;
  GList *l = self->lru.head;

  while (l != NULL)
    {
      Page *page = l->data;

      l = l->next;
      if (page->index >= first)
        drop_page (self, page);
    }
}

static void
drop_pages_between (DeskListModel *self,
                    guint          position,
                    guint          n)
{
  guint first = position / DESK_LIST_PAGE_SIZE;
  guint last = (position + n - 1) / DESK_LIST_PAGE_SIZE;
  GList *l = self->lru.head;

  if (n == 0)
    return;
  while (l != NULL)
    {
      Page *page = l->data;

      l = l->next;
      if (page->index >= first && page->index <= last)
        drop_page (self, page);
    }
}

static Page *
load_page (DeskListModel *self,
           guint          index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint start = index * DESK_LIST_PAGE_SIZE;
  guint end = MIN (start + DESK_LIST_PAGE_SIZE, self->ids->len);
  Page *page;

  g_array_append_vals (ids, &g_array_index (self->ids, gint64, start), end - start);
  rows = read_rows (self, ids, &error);
  if (rows == NULL)
    g_warning ("Cannot read the rows of a list: %s", error->message);

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_ptr_array_new_full (end - start, g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (page->rows, take_row (self, rows, g_array_index (ids, gint64, i)));
  self->pages_loaded++;

  g_queue_push_head (&self->lru, page);
  page->link = self->lru.head;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  while (self->lru.length > MAX_PAGES)
    drop_page (self, g_queue_peek_tail (&self->lru));
  return page;
}

/* Puts @ids in place of the list's and tells what changed: the span between
 * the common head and the common tail. */
static void
set_ids (DeskListModel *self,
         GArray        *ids)
{
  guint old_len = self->ids->len;
  guint new_len = ids->len;
  guint head = 0, tail = 0;
  guint removed, added;

  while (head < old_len && head < new_len &&
         g_array_index (self->ids, gint64, head) == g_array_index (ids, gint64, head))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         g_array_index (self->ids, gint64, old_len - 1 - tail) ==
         g_array_index (ids, gint64, new_len - 1 - tail))
    tail++;
  removed = old_len - head - tail;
  added = new_len - head - tail;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  if (removed == 0 && added == 0)
    return;
  if (removed == added)
    drop_pages_between (self, head, removed);
  else
    drop_pages_from (self, head);

  g_list_model_items_changed (G_LIST_MODEL (self), head, removed, added);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
}

static void
set_loading (DeskListModel *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* The ids in place are those of @q. */
static void
set_shown (DeskListModel *self,
           const Query   *q)
{
  query_clear (&self->shown);
  query_copy (&self->shown, q);
}

/* GListModel */

static GType
desk_list_model_get_item_type (GListModel *model)
{
  return DESK_TYPE_ROW;
}

static guint
desk_list_model_get_n_items (GListModel *model)
{
  return DESK_LIST_MODEL (model)->ids->len;
}

static gpointer
desk_list_model_get_item (GListModel *model,
                          guint       position)
{
  DeskListModel *self = DESK_LIST_MODEL (model);
  guint index = position / DESK_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->ids->len)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    page = load_page (self, index);
  else if (page->link != self->lru.head)
    {
      g_queue_unlink (&self->lru, page->link);
      g_queue_push_head_link (&self->lru, page->link);
    }
  return g_object_ref (g_ptr_array_index (page->rows, position % DESK_LIST_PAGE_SIZE));
}

static void
desk_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_list_model_get_item_type;
  iface->get_n_items = desk_list_model_get_n_items;
  iface->get_item = desk_list_model_get_item;
}

/* GObject */

static void
desk_list_model_dispose (GObject *object)
{
  DeskListModel *self = DESK_LIST_MODEL (object);

  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->pages);
  g_clear_object (&self->store);
  g_clear_object (&self->worker_store);

  G_OBJECT_CLASS (desk_list_model_parent_class)->dispose (object);
}

static void
desk_list_model_finalize (GObject *object)
{
  DeskListModel *self = DESK_LIST_MODEL (object);

  query_clear (&self->query);
  query_clear (&self->shown);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->before_head, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (desk_list_model_parent_class)->finalize (object);
}

static void
desk_list_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskListModel *self = DESK_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_list_model_class_init (DeskListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_list_model_dispose;
  object_class->finalize = desk_list_model_finalize;
  object_class->get_property = desk_list_model_get_property;

  props[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
desk_list_model_init (DeskListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
  g_mutex_init (&self->worker_lock);
}

/* Public API */

/**
 * desk_list_model_new:
 * @store: the window's connection; page reads run on it, in the main thread
 *
 * A list of @kind, empty until reloaded, in its default order: newest
 * first (by the record's date, then id).
 *
 * Returns: (transfer full): the model
 */
DeskListModel *
desk_list_model_new (DeskStore    *store,
                     DeskListKind  kind)
{
  DeskListModel *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (lists), NULL);

  self = g_object_new (DESK_TYPE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->spec = &lists[kind];
  self->query.kind = kind;
  self->query.descending = TRUE;
  return self;
}

DeskListKind
desk_list_model_get_kind (DeskListModel *self)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), 0);
  return self->query.kind;
}

/**
 * desk_list_model_get_columns:
 *
 * Returns: (transfer none): the names of the rows' texts, in order.
 */
const char *const *
desk_list_model_get_columns (DeskListModel *self)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), NULL);
  return self->spec->columns;
}

/**
 * desk_list_model_get_sort_keys:
 *
 * Returns: (transfer container): the keys desk_list_model_set_sort() takes,
 *   the default first; free the array only (g_free).
 */
const char **
desk_list_model_get_sort_keys (DeskListModel *self)
{
  const char **keys;

  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), NULL);

  keys = g_new0 (const char *, self->spec->n_sorts + 1);
  for (guint i = 0; i < self->spec->n_sorts; i++)
    keys[i] = self->spec->sorts[i].key;
  return keys;
}

/**
 * desk_list_model_set_filter:
 * @filter: (nullable): %NULL for every record
 *
 * Takes effect at the next reload.
 */
void
desk_list_model_set_filter (DeskListModel        *self,
                            const DeskListFilter *filter)
{
  Query *q;

  g_return_if_fail (DESK_IS_LIST_MODEL (self));

  q = &self->query;
  query_clear (q);
  q->village_id = 0;
  q->category_id = 0;
  q->channel_id = 0;
  q->result_id = 0;
  q->committee_id = 0;
  q->mediator_id = 0;
  q->overdue = FALSE;
  if (filter == NULL)
    return;
  q->from = g_strdup (filter->from);
  q->until = filter->until != NULL ? day_after (filter->until) : NULL;
  if (filter->until != NULL && q->until == NULL)
    q->until = g_strdup ("");   /* not a date: nothing can be before it */
  q->village_id = filter->village_id;
  q->category_id = filter->category_id;
  q->status = g_strdup (filter->status);
  if (filter->search != NULL && !desk_search_query_is_empty (filter->search))
    q->search = g_strdup (filter->search);
  q->channel_id = filter->channel_id;
  q->result_id = filter->result_id;
  q->committee_id = filter->committee_id;
  q->mediator_id = filter->mediator_id;
  q->overdue = filter->overdue;
}

/**
 * desk_list_model_set_sort:
 * @key: one of desk_list_model_get_sort_keys(); %NULL for the default
 *
 * Takes effect at the next reload.
 *
 * Returns: %FALSE if the list has no such key.
 */
gboolean
desk_list_model_set_sort (DeskListModel *self,
                          const char    *key,
                          gboolean       descending)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), FALSE);

  for (guint i = 0; i < self->spec->n_sorts; i++)
    if (key == NULL ? i == 0 : g_str_equal (self->spec->sorts[i].key, key))
      {
        self->query.sort = i;
        self->query.descending = descending;
        return TRUE;
      }
  return FALSE;
}

/**
 * desk_list_model_reload:
 *
 * Asks for the matching ids on the model's own connection, in this thread:
 * for small tables and tests; a window uses desk_list_model_reload_async().
 */
gboolean
desk_list_model_reload (DeskListModel  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), FALSE);

  query_set_cutoff (&self->query, self->store);
  ids = query_ids (self->store, &self->query, NULL, NULL, NULL, cancellable, error);
  if (ids == NULL)
    return FALSE;
  set_shown (self, &self->query);
  /* A reload still running in a worker is stale now. */
  self->generation++;
  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  set_loading (self, FALSE);
  g_clear_pointer (&self->before_head, g_array_unref);
  set_ids (self, ids);
  return TRUE;
}

typedef struct
{
  Query  *query;
  char   *path;
  guint   generation;
  gboolean head;         /* hand over the first ids on their own */
  GMainContext *context; /* the model's */
  gulong  cancel_handler;
  GCancellable *outer;   /* the caller's */
} ReloadData;

/* The first ids of a reload, on their way to the model's thread. */
typedef struct
{
  DeskListModel *model;
  guint          generation;
  GArray        *ids;
} Head;

static void
head_free (Head *head)
{
  g_object_unref (head->model);
  g_array_unref (head->ids);
  g_free (head);
}

/* In the model's thread: the first ids are put in place, unless a later
 * reload was asked for meanwhile or this one was cancelled.  The model
 * stays "loading". */
static gboolean
head_arrived (gpointer data)
{
  Head *head = data;
  DeskListModel *self = head->model;

  if (head->generation == self->generation && self->loading &&
      !g_cancellable_is_cancelled (self->reload_cancellable))
    {
      if (self->before_head == NULL)
        self->before_head = g_array_ref (self->ids);
      set_ids (self, head->ids);
      self->head_generation = head->generation;
      self->head_at = g_get_monotonic_time ();
    }
  return G_SOURCE_REMOVE;
}

/* In the worker. */
static void
post_head (GArray   *ids,
           gpointer  user_data)
{
  GTask *task = user_data;
  ReloadData *data = g_task_get_task_data (task);
  Head *head = g_new0 (Head, 1);
  GSource *source;

  head->model = g_object_ref (g_task_get_source_object (task));
  head->generation = data->generation;
  head->ids = g_array_copy (ids);
  /* Always through the model's main loop: g_main_context_invoke() would
   * call it here, in the worker, whenever the main thread is not running
   * its loop at that moment. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, head_arrived, head, (GDestroyNotify) head_free);
  g_source_set_static_name (source, "[desk-list-model] first ids");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
reload_data_free (ReloadData *data)
{
  if (data->cancel_handler != 0)
    g_cancellable_disconnect (data->outer, data->cancel_handler);
  g_clear_object (&data->outer);
  g_main_context_unref (data->context);
  query_free (data->query);
  g_free (data->path);
  g_free (data);
}

static void
reload_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DeskListModel *self = source;
  ReloadData *data = task_data;
  GError *error = NULL;
  GArray *ids;

  g_mutex_lock (&self->worker_lock);
  if (self->worker_store == NULL)
    {
      self->worker_store = desk_store_open (data->path, DESK_STORE_OPEN_READONLY, &error);
      /* Sorting a large table reads much of it: keep more of it at hand
       * than SQLite's default 2 MB. */
      if (self->worker_store != NULL)
        desk_store_exec (self->worker_store, "PRAGMA cache_size = -32768", NULL);
    }
  ids = self->worker_store != NULL
    ? query_ids (self->worker_store, data->query, NULL, data->head ? post_head : NULL, task,
                 cancellable, &error)
    : NULL;
  /* The pages read are of no use until the next reload, which may be long
   * in coming: give them back rather than keep up to the cache's 32 MB for
   * each list of the window. */
  if (self->worker_store != NULL)
    sqlite3_db_release_memory (desk_store_get_db (self->worker_store));
  g_mutex_unlock (&self->worker_lock);
#ifdef __GLIBC__
  /* What SQLite gave back stays in this thread's malloc arena, resident,
   * until trimmed: tens of MB after a big list's sort. */
  malloc_trim (0);
#endif

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
reload_cancelled (GCancellable *outer,
                  GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

/* The latest reload failed or was cancelled: the list is put back as it
 * was before its first ids were shown. */
static void
reload_failed (DeskListModel *self)
{
  g_autoptr(GArray) before = g_steal_pointer (&self->before_head);

  set_loading (self, FALSE);
  g_clear_object (&self->reload_cancellable);
  if (before != NULL)
    set_ids (self, before);
}

/* The ids of a reload are in: put in place, unless a later reload was
 * asked for meanwhile, or this one was cancelled. */
static void
finish_reload (DeskListModel *self,
               GTask         *outer,
               GTask         *inner,
               GArray        *ids)
{
  ReloadData *data = g_task_get_task_data (inner);
  GError *error = NULL;

  if (data->generation != self->generation)
    {
      /* A later reload (or a synchronous one) replaced this one. */
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The list was reloaded again."));
      return;
    }
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (inner), &error))
    {
      reload_failed (self);
      g_task_return_error (outer, error);
      return;
    }
  set_loading (self, FALSE);
  g_clear_object (&self->reload_cancellable);
  g_clear_pointer (&self->before_head, g_array_unref);
  set_ids (self, ids);
  set_shown (self, data->query);
  g_task_return_boolean (outer, TRUE);
}

typedef struct
{
  DeskListModel *model;
  GTask         *inner;   /* holds the ReloadData */
  GTask         *outer;
  GArray        *ids;
} Rest;

static void
rest_free (Rest *rest)
{
  g_object_unref (rest->model);
  g_object_unref (rest->inner);
  g_object_unref (rest->outer);
  g_array_unref (rest->ids);
  g_free (rest);
}

static gboolean
rest_due (gpointer user_data)
{
  Rest *rest = user_data;

  finish_reload (rest->model, rest->outer, rest->inner, rest->ids);
  return G_SOURCE_REMOVE;
}

static void
reload_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeskListModel *self = DESK_LIST_MODEL (source);
  g_autoptr(GTask) outer = user_data;
  ReloadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;
  gint64 since_head;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL)
    {
      if (data->generation == self->generation)
        reload_failed (self);
      g_task_return_error (outer, error);
      return;
    }
  since_head = g_get_monotonic_time () - self->head_at;
  if (data->generation == self->generation && self->head_generation == data->generation &&
      since_head < REST_DELAY_US)
    {
      Rest *rest = g_new0 (Rest, 1);

      rest->model = g_object_ref (self);
      rest->inner = g_object_ref (G_TASK (result));
      rest->outer = g_steal_pointer (&outer);
      rest->ids = g_steal_pointer (&ids);
      g_timeout_add_full (G_PRIORITY_DEFAULT, (REST_DELAY_US - since_head) / 1000 + 1, rest_due,
                          rest, (GDestroyNotify) rest_free);
      return;
    }
  finish_reload (self, outer, G_TASK (result), ids);
}

/**
 * desk_list_model_reload_async:
 *
 * Asks for the matching ids in a worker with its own read-only connection
 * (the first reload opens it), and puts them in place when done.  A reload
 * cancels the one still running, which then fails with
 * %G_IO_ERROR_CANCELLED.  #DeskListModel:loading is %TRUE meanwhile.
 *
 * A reload that starts the list again from its top (the first, or one
 * with another filter, search or order) puts the first ids in place as
 * soon as they are read, and the rest a frame's time later at the
 * soonest: the first rows are drawn before the view builds the others.
 */
void
desk_list_model_reload_async (DeskListModel       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  ReloadData *data;

  g_return_if_fail (DESK_IS_LIST_MODEL (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, desk_list_model_reload_async);

  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  data = g_new0 (ReloadData, 1);
  data->query = g_new0 (Query, 1);
  /* "Today" and the settings as of now, read here on the window's
   * connection: the worker gets the cut-off as a value. */
  query_set_cutoff (&self->query, self->store);
  query_copy (data->query, &self->query);
  data->path = g_strdup (desk_store_get_path (self->store));
  data->generation = ++self->generation;
  data->head = self->ids->len == 0 || !query_same (&self->shown, data->query);
  data->context = g_main_context_ref_thread_default ();
  if (cancellable != NULL)
    {
      data->outer = g_object_ref (cancellable);
      data->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (reload_cancelled),
                                                    g_object_ref (self->reload_cancellable),
                                                    g_object_unref);
    }

  inner = g_task_new (self, self->reload_cancellable, reload_done, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, desk_list_model_reload_async);
  g_task_set_task_data (inner, data, (GDestroyNotify) reload_data_free);
  g_task_set_return_on_cancel (inner, FALSE);
  set_loading (self, TRUE);
  g_task_run_in_thread (inner, reload_thread);
}

gboolean
desk_list_model_reload_finish (DeskListModel  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
desk_list_model_get_loading (DeskListModel *self)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), FALSE);
  return self->loading;
}

/**
 * desk_list_model_get_id:
 *
 * Returns: the record id at @position, without building its row; 0 past
 *   the end.
 */
gint64
desk_list_model_get_id (DeskListModel *self,
                        guint          position)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * desk_list_model_find:
 *
 * Returns: the position of record @id, or %G_MAXUINT when it is not listed.
 */
guint
desk_list_model_find (DeskListModel *self,
                      gint64         id)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

typedef struct
{
  guint  position;
  gint64 id;
} Touched;

static int
compare_touched_down (gconstpointer a,
                      gconstpointer b)
{
  guint x = ((const Touched *) a)->position, y = ((const Touched *) b)->position;

  return x > y ? -1 : x < y;
}

/**
 * desk_list_model_refresh_ids:
 * @ids: (array length=n_ids): records just edited or deleted
 *
 * After an edit: re-reads the listed records among @ids and emits
 * items-changed for each of them only, as a change in place, or as a
 * removal when the record was deleted or no longer matches the filter or
 * search.  Ids not listed are ignored: a new record, or an edit that moves
 * a record in the sort order, calls for a reload, which emits the smallest
 * change too.
 */
gboolean
desk_list_model_refresh_ids (DeskListModel  *self,
                             const gint64   *ids,
                             guint           n_ids,
                             GError        **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (Touched));
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) still = NULL;
  g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) matching = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) rows = NULL;

  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer) &ids[i]);
  for (guint i = 0; i < self->ids->len && g_hash_table_size (wanted) > 0; i++)
    {
      gint64 *id = &g_array_index (self->ids, gint64, i);

      if (g_hash_table_remove (wanted, id))
        {
          Touched t = { i, *id };

          g_array_append_val (touched, t);
          g_array_append_val (listed, *id);
        }
    }
  if (touched->len == 0)
    return TRUE;

  /* Which of them the list's own query still yields (with the cut-off of
   * the reload that listed them). */
  if (self->query.cutoff == NULL)
    query_set_cutoff (&self->query, self->store);
  still = query_ids (self->store, &self->query, listed, NULL, NULL, NULL, error);
  if (still == NULL)
    return FALSE;
  for (guint i = 0; i < still->len; i++)
    g_hash_table_add (matching, &g_array_index (still, gint64, i));

  /* New rows for those on cached pages. */
  for (guint i = 0; i < touched->len; i++)
    {
      Touched *t = &g_array_index (touched, Touched, i);

      if (g_hash_table_contains (matching, &t->id) &&
          g_hash_table_contains (self->pages,
                                 GUINT_TO_POINTER (t->position / DESK_LIST_PAGE_SIZE)))
        g_array_append_val (cached, t->id);
    }
  if (cached->len > 0)
    {
      rows = read_rows (self, cached, error);
      if (rows == NULL)
        return FALSE;
    }

  /* From the last position up, so that earlier positions stay right. */
  g_array_sort (touched, compare_touched_down);
  for (guint i = 0; i < touched->len; i++)
    {
      Touched *t = &g_array_index (touched, Touched, i);
      Page *page = g_hash_table_lookup (self->pages,
                                        GUINT_TO_POINTER (t->position / DESK_LIST_PAGE_SIZE));

      if (g_hash_table_contains (matching, &t->id))
        {
          /* Only rows read here: a page the view asked for while it was told
           * of the changes above was read afresh, after the write. */
          if (page != NULL && rows != NULL && g_hash_table_contains (rows, &t->id))
            {
              guint slot = t->position % DESK_LIST_PAGE_SIZE;

              g_object_unref (g_ptr_array_index (page->rows, slot));
              g_ptr_array_index (page->rows, slot) = take_row (self, rows, t->id);
            }
          g_list_model_items_changed (G_LIST_MODEL (self), t->position, 1, 1);
        }
      else
        {
          g_array_remove_index (self->ids, t->position);
          drop_pages_from (self, t->position);
          g_list_model_items_changed (G_LIST_MODEL (self), t->position, 1, 0);
          g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ITEMS]);
        }
    }
  return TRUE;
}

guint64
desk_list_model_get_rows_built (DeskListModel *self)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), 0);
  return self->rows_built;
}

guint64
desk_list_model_get_pages_loaded (DeskListModel *self)
{
  g_return_val_if_fail (DESK_IS_LIST_MODEL (self), 0);
  return self->pages_loaded;
}
