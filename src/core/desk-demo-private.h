/* desk-demo-private.h — what the files of the demonstration generator share.
 *
 * The generator keeps the township in memory (villages, committees,
 * mediators, staff, advisers, the people register in a compact form) and
 * writes each row once with a cached INSERT, walking the days from the first
 * to today so that numbers come out in the order of their dates.  All chance
 * comes from one splitmix64 stream seeded by the user: the same seed, record
 * count and "today" give the same file.
 */
#pragma once

#include "desk-demo.h"
#include "desk-validate.h"

G_BEGIN_DECLS

/* Days since 1970-01-01: plain integers for fast calendar arithmetic. */
typedef gint32 DemoDay;

#define DEMO_DAY_MIN G_MININT32   /* an empty "active from" */
#define DEMO_DAY_MAX G_MAXINT32   /* an empty "active until" */
#define DEMO_NO_DAY  G_MININT32   /* no birth date */

/* splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and ours, so that the
 * output never depends on a library's generator. */
typedef struct
{
  guint64 state;
} DemoRng;

static inline guint64
demo_rng_next (DemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0. */
static inline guint32
demo_below (DemoRng *rng,
            guint32  n)
{
  return (guint32) (((demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int
demo_range (DemoRng *rng,
            int      lo,
            int      hi)
{
  return lo + (int) demo_below (rng, (guint32) (hi - lo + 1));
}

/* TRUE with a chance of @per_mille in a thousand. */
static inline gboolean
demo_chance (DemoRng *rng,
             guint    per_mille)
{
  return demo_below (rng, 1000) < per_mille;
}

int      demo_pick            (DemoRng       *rng,
                               const guint16 *weights,
                               int            n);

/* Flags of a person in the register. */
enum
{
  DEMO_DISABLED  = 1 << 0,
  DEMO_MIGRANT   = 1 << 1,
  DEMO_FARMER    = 1 << 2,
  DEMO_MILITARY  = 1 << 3,
  DEMO_FOREIGNER = 1 << 4,
  DEMO_HAS_ID    = 1 << 5,
  DEMO_NO_REUSE  = 1 << 6,   /* a child: not picked again as a visitor */
};

#define DEMO_ETHNICITY_UNTYPED 255

typedef struct
{
  gint64  id;
  DemoDay birth;       /* DEMO_NO_DAY when unknown */
  guint32 name;        /* demo_name_random() code; foreigners: demo_foreign_pick() */
  guint32 phone;       /* mobile serial, 0: none */
  gint16  village;     /* index into villages, -1: none */
  guint8  sex;         /* DeskSex */
  guint8  ethnicity;   /* index into desk_ethnicities(), or DEMO_ETHNICITY_UNTYPED */
  guint8  flags;
} DemoPerson;

typedef struct
{
  gint64      id;
  const char *name;
  const char *stem;        /* the name without 村/社区: committees' short names */
  gboolean    community;
  DemoDay     from, until;
  int         committee;   /* its own committee, -1 none */
} DemoVillage;

typedef struct
{
  gint64   id;
  char    *name;
  char    *short_name;
  int      village;        /* -1: the township's or a trade committee */
  DemoDay  from, until;
  int      weight;         /* share of the township's cases */
} DemoCommittee;

typedef struct
{
  gint64   id;
  guint32  name;
  int      committee;
  DemoDay  from, until;
} DemoMediator;

typedef struct
{
  gint64   id;
  guint32  name;
  DemoDay  until;          /* left the station (inactive) after this day */
} DemoStaff;

typedef struct
{
  gint64      id;
  guint32     name;
  const char *institution;
  DemoDay     from, until;
} DemoAdviser;

typedef struct
{
  int     adviser;
  int     village;
  DemoDay from, until;
} DemoAssignment;

typedef enum
{
  DEMO_STMT_PERSON,
  DEMO_STMT_CONSULTATION,
  DEMO_STMT_LINK_CASE,
  DEMO_STMT_LINK_AID,
  DEMO_STMT_CASE,
  DEMO_STMT_PARTY,
  DEMO_STMT_MEDIATOR,
  DEMO_STMT_VISIT,
  DEMO_STMT_SCREENING,
  DEMO_STMT_AID,
  DEMO_STMT_SERVICE,
  DEMO_N_STMTS
} DemoStmt;

/* The code ids a demo uses, by kind, in domain.md's order. */
typedef struct
{
  gint64 channel[6];
  gint64 category[21];
  gint64 result[13];
  gint64 source[7];
  gint64 dispute[18];
  gint64 difficulty[4];
  gint64 risk[6];
  gint64 performance[3];
  gint64 visit_mode[2];
  gint64 satisfaction[3];
  gint64 matter_type[4];
  gint64 matter[17];
  gint64 hardship[6];
  gint64 forward_mode[3];
  gint64 committee_type[6];
  gint64 practice_type[3];
  gint64 service_mode[3];
} DemoCodes;

typedef struct
{
  DeskStore            *store;
  DemoRng               rng;
  DemoCodes             codes;

  DemoDay               today;
  DemoDay               first;        /* the first day records may carry */
  int                   first_year;
  int                   n_years;

  /* Working days from cal_base on (weekends, holidays, make-up days). */
  DemoDay               cal_base;
  int                   cal_len;
  guint8               *working;

  GArray               *villages;     /* DemoVillage */
  GArray               *committees;   /* DemoCommittee */
  GArray               *mediators;    /* DemoMediator */
  GArray               *staff;        /* DemoStaff */
  GArray               *advisers;     /* DemoAdviser */
  GArray               *assignments;  /* DemoAssignment */
  int                   township;     /* the township committee */

  GArray               *people;       /* DemoPerson, natural persons */
  GArray               *orgs;         /* gint64 ids of organisations */
  GPtrArray            *org_names;    /* their names, by the same index */
  GHashTable           *org_index;    /* name → index + 1 */
  guint16              *id_serial;    /* ID-number sequences used, per area and birth day */
  DemoDay               birth_base;
  int                   birth_len;
  guint64               phone_serial;

  /* Last number given, per year (and per committee for cases). */
  int                  *consult_seq;
  int                  *aid_seq;
  int                  *case_seq;     /* [committee * n_years + year index] */
  int                  *centre_seq;

  GString              *text1, *text2, *text3;
  GHashTable           *pool_sizes;   /* phrase pool → number of alternatives */
  sqlite3_stmt         *stmts[DEMO_N_STMTS];

  /* Some things a station's dashboard shows, made sure of once. */
  gboolean              made_overdue_case;
  gboolean              made_pending_aid;

  DeskDemoSummary      *summary;
  DeskDemoProgressFunc  progress;
  gpointer              progress_data;
  gint64                total;
  gint64                done;
  gint64                next_report;
} DemoGen;

/* desk-demo.c: the calendar */
DemoDay  demo_day_from_ymd      (int       year,
                                 int       month,
                                 int       day);
void     demo_day_to_ymd        (DemoDay   day,
                                 int      *year,
                                 int      *month,
                                 int      *mday);
void     demo_format_date       (DemoDay   day,
                                 char      out[11]);
void     demo_format_datetime   (DemoDay   day,
                                 int       minute,
                                 char      out[17]);
void     demo_format_stamp      (DemoDay   day,
                                 int       second,
                                 char      out[20]);
int      demo_year_of           (DemoDay   day);
gboolean demo_is_working        (DemoGen  *gen,
                                 DemoDay   day);
DemoDay  demo_add_working_days  (DemoGen  *gen,
                                 DemoDay   day,
                                 int       n);
DemoDay  demo_clamp_today       (DemoGen  *gen,
                                 DemoDay   day);
void     demo_count_record      (DemoGen  *gen);
sqlite3_stmt *demo_prepare      (DemoGen       *gen,
                                 DemoStmt       slot,
                                 const char    *sql,
                                 GError       **error);
gboolean demo_step              (DemoGen       *gen,
                                 sqlite3_stmt  *stmt,
                                 GError       **error);

/* desk-demo-registers.c */
gboolean demo_registers_create  (DemoGen  *gen,
                                 GError  **error);
gboolean demo_active            (DemoDay   from,
                                 DemoDay   until,
                                 DemoDay   day);
int      demo_pick_committee    (DemoGen  *gen,
                                 DemoDay   day);
int      demo_pick_mediators    (DemoGen  *gen,
                                 int       committee,
                                 DemoDay   day,
                                 int      *out,
                                 int       max);
gint64   demo_pick_staff        (DemoGen  *gen,
                                 DemoDay   day);
int      demo_pick_village      (DemoGen  *gen,
                                 DemoDay   day);
int      demo_pick_assignment   (DemoGen  *gen,
                                 DemoDay   day);

/* desk-demo-people.c */
typedef struct
{
  int      min_age, max_age;
  guint8   sex;                /* DeskSex; UNKNOWN: either */
  guint16  id_per_mille;       /* chance of a registered ID number */
  guint16  migrant_per_mille;
  guint16  disabled_per_mille;
  guint16  foreign_per_mille;
} DemoProfile;

extern const DemoProfile demo_profile_adult;

int      demo_person_new        (DemoGen            *gen,
                                 DemoDay             day,
                                 int                 village,
                                 const DemoProfile  *profile,
                                 GError            **error);
int      demo_person_pick       (DemoGen            *gen,
                                 DemoDay             day,
                                 int                 village,
                                 const DemoProfile  *profile,
                                 guint               reuse_per_mille,
                                 GError            **error);
int      demo_org_pick          (DemoGen            *gen,
                                 DemoDay             day,
                                 int                 dispute,
                                 GError            **error);
void     demo_person_name       (DemoGen            *gen,
                                 int                 person,
                                 char                out[16]);
int      demo_age_on            (DemoDay             birth,
                                 DemoDay             day);
char    *demo_mobile            (DemoGen            *gen);

/* desk-demo-names.c: names of people, places and bodies */
guint32      demo_name_random      (DemoRng   *rng,
                                    int        sex);
void         demo_name_write       (guint32    code,
                                    char       out[16]);
int          demo_name_sex         (guint32    code);
const char  *demo_village_name     (int        i,
                                    gboolean  *community);
int          demo_village_name_count (void);
int          demo_foreign_pick     (DemoRng   *rng,
                                    int        sex);
const char  *demo_foreign_name     (int        i,
                                    const char **nation);
void         demo_org_name         (DemoRng   *rng,
                                    int        dispute,
                                    GString   *out);
const char  *demo_law_firm         (DemoRng   *rng);
const char  *demo_road             (DemoRng   *rng);
extern const char *const demo_minorities[];
extern const int         demo_n_minorities;

/* desk-demo-text.c: phrase pools for the free-text fields */
typedef struct
{
  const char *a, *b, *v;   /* %A, %B, %V */
  gint64      amount;      /* %M in fen; 0: a sum made up on the spot */
  int         n, p;        /* %N (0: made up), %P */
} DemoVars;

void demo_money_text        (gint64          fen,
                             GString        *out);
void demo_expand            (DemoGen        *gen,
                             GString        *out,
                             const char     *tmpl,
                             const DemoVars *vars);
int  demo_pool_size         (DemoGen        *gen,
                             const char     *pool);
void demo_expand_nth        (DemoGen        *gen,
                             GString        *out,
                             const char     *pool,
                             int             k,
                             const DemoVars *vars);
void demo_expand_one        (DemoGen        *gen,
                             GString        *out,
                             const char     *pool,
                             const DemoVars *vars);
void demo_text_consultation (DemoGen     *gen,
                             int          category,
                             int          result,
                             const char  *village,
                             GString     *content,
                             GString     *reply);
int  demo_text_case         (DemoGen     *gen,
                             int          dispute,
                             const char  *a,
                             const char  *b,
                             const char  *village,
                             gint64       amount,
                             GString     *summary,
                             GString     *request);
void demo_text_agreement    (DemoGen     *gen,
                             int          dispute,
                             int          k,
                             const char  *a,
                             const char  *b,
                             gint64       amount,
                             GString     *content);
void demo_text_aid          (DemoGen     *gen,
                             int          matter,
                             gboolean     minor,
                             const char  *name,
                             GString     *summary);
void demo_text_screening    (DemoGen     *gen,
                             int          found,
                             int          prevented,
                             const char  *village,
                             GString     *notes);
const char *demo_text_visit (DemoGen     *gen,
                             int          performance,
                             int          satisfaction);
const char *demo_text_service (DemoGen   *gen,
                               int        mode,
                               gboolean   lecture);

/* desk-demo-records.c, desk-demo-cases.c, desk-demo-aid.c */
gboolean demo_records_create    (DemoGen       *gen,
                                 GCancellable  *cancellable,
                                 GError       **error);
gint64   demo_case_create       (DemoGen       *gen,
                                 DemoDay        day,
                                 int            applicant,
                                 int            dispute,
                                 int            source,
                                 gint64         consultation_id,
                                 GError       **error);
int      demo_case_plan_dispute (DemoGen       *gen,
                                 DemoDay        day);
gint64   demo_aid_create        (DemoGen       *gen,
                                 DemoDay        day,
                                 int            applicant,
                                 int            matter,
                                 gint64         consultation_id,
                                 GError       **error);
int      demo_aid_plan_matter   (DemoGen       *gen);
int      demo_aid_applicant     (DemoGen       *gen,
                                 DemoDay        day,
                                 int            matter,
                                 GError       **error);
gboolean demo_service_create    (DemoGen       *gen,
                                 DemoDay        day,
                                 GError       **error);
gboolean demo_deleted_stamp     (DemoGen       *gen,
                                 DemoDay        day,
                                 char           out[20]);

/* Maps between lists (indices in domain.md's order). */
int      demo_dispute_category  (int            dispute);
int      demo_matter_category   (int            matter);

G_END_DECLS
