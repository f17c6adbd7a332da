/* desk-demo.h — a believable township for trying the program out.
 *
 * desk_demo_generate() fills an empty ledger with a station (青山县青山镇司法所),
 * its villages, committees, mediators, staff, advisers, holiday calendar,
 * people register and a given number of records spread over the last few
 * years up to desk_today().  The same number, seed and "today" give the
 * same content: the generator is our own (splitmix64), not g_random.
 */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* About four years of a busy township station. */
#define DESK_DEMO_DEFAULT_RECORDS 6000
#define DESK_DEMO_DEFAULT_SEED    1
/* Keeps a year's consultation numbers within ZX{YYYY}-{NNNNNN}. */
#define DESK_DEMO_MAX_RECORDS     G_GINT64_CONSTANT (5000000)

/* What was written: the five record tables (the records that
 * desk_store_count_records() counts), and the register of people. */
typedef struct
{
  gint64 consultations;
  gint64 cases;
  gint64 screenings;
  gint64 legal_aid;
  gint64 services;
  gint64 people;
  gint64 deleted;       /* records among the above with deleted_at set */
  char   first_date[11];
  char   last_date[11];
} DeskDemoSummary;

typedef void (*DeskDemoProgressFunc) (gint64   done,
                                      gint64   total,
                                      gpointer user_data);

gboolean desk_demo_generate (DeskStore            *store,
                             gint64                n_records,
                             guint64               seed,
                             DeskDemoProgressFunc  progress,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             DeskDemoSummary      *summary,
                             GError              **error);

G_END_DECLS
