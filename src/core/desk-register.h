/* desk-register.h — the station's registers: villages and communities,
 * staff, people's-mediation committees and their mediators.
 *
 * Every record points at these, so a register entry that any record uses is
 * never deleted: deleting it fails with %DESK_RECORD_ERROR_IN_USE and the
 * entry is retired instead (an "active until" date; for staff, the active
 * flag), so that a past month's figures stay as they were.  Empty active
 * dates mean always.  Each register is keyed by its name among entries that
 * are not deleted (mediators: name and committee).
 *
 * create() and update() check and normalise the struct in place (trimmed
 * names, normalised phone numbers, dates written YYYY-MM-DD) and each is one
 * transaction; create() fills in id, created_at and updated_at.
 */
#pragma once

#include "desk-store.h"
#include "desk-validate.h"

G_BEGIN_DECLS

/* Villages and communities (村/社区). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;           /* "村" or "社区" */
  char   *area_code;      /* 12-digit statistical area code, or NULL */
  char   *active_from;    /* YYYY-MM-DD, or NULL: always */
  char   *active_until;   /* YYYY-MM-DD, or NULL: always */
  char   *created_at;
  char   *updated_at;
} DeskVillage;

DeskVillage *desk_village_new      (void);
void         desk_village_free     (DeskVillage   *village);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskVillage, desk_village_free)

gint64       desk_village_create   (DeskStore     *store,
                                    DeskVillage   *village,
                                    GError       **error);
DeskVillage *desk_village_get      (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean     desk_village_update   (DeskStore     *store,
                                    DeskVillage   *village,
                                    GError       **error);
gboolean     desk_village_delete   (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean     desk_village_retire   (DeskStore     *store,
                                    gint64         id,
                                    const char    *active_until,
                                    GError       **error);
/* (element-type DeskVillage): in the order they were entered; @active_on
 * (YYYY-MM-DD) keeps those active that day, NULL keeps all. */
GPtrArray   *desk_village_list     (DeskStore     *store,
                                    const char    *active_on,
                                    GError       **error);
gint64       desk_village_find     (DeskStore     *store,
                                    const char    *name);

/* Staff of the station (接待人, 接收人, 承办人). */
#define DESK_STAFF_ROLE_HEAD  "所长"
#define DESK_STAFF_ROLE_CLERK "工作人员"

typedef struct
{
  gint64    id;
  char     *name;
  char     *role;         /* "所长" or "工作人员" (NULL on create: 工作人员) */
  char     *phone;        /* mobile or landline, or NULL */
  gboolean  active;
  char     *created_at;
  char     *updated_at;
} DeskStaff;

DeskStaff   *desk_staff_new        (void);   /* active, 工作人员 */
void         desk_staff_free       (DeskStaff     *staff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskStaff, desk_staff_free)

gint64       desk_staff_create     (DeskStore     *store,
                                    DeskStaff     *staff,
                                    GError       **error);
DeskStaff   *desk_staff_get        (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean     desk_staff_update     (DeskStore     *store,
                                    DeskStaff     *staff,
                                    GError       **error);
gboolean     desk_staff_delete     (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean     desk_staff_set_active (DeskStore     *store,
                                    gint64         id,
                                    gboolean       active,
                                    GError       **error);
/* (element-type DeskStaff): in the order they were entered. */
GPtrArray   *desk_staff_list       (DeskStore     *store,
                                    gboolean       active_only,
                                    GError       **error);
gint64       desk_staff_find       (DeskStore     *store,
                                    const char    *name);
/* The staff member called @name; an unknown name adds an active 工作人员
 * and sets @added (import: "a name not yet on the staff list adds an active
 * staff member").  Returns 0 with @error on failure. */
gint64       desk_staff_ensure     (DeskStore     *store,
                                    const char    *name,
                                    gboolean      *added,
                                    GError       **error);

/* People's-mediation committees (人民调解委员会). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *short_name;     /* used in case numbers: unique, no spaces or brackets */
  gint64  type_id;        /* code of kind DESK_CODE_COMMITTEE_TYPE */
  gint64  village_id;     /* 0: none */
  char   *active_from;
  char   *active_until;
  char   *created_at;
  char   *updated_at;
} DeskCommittee;

DeskCommittee *desk_committee_new    (void);
void           desk_committee_free   (DeskCommittee *committee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCommittee, desk_committee_free)

gint64         desk_committee_create (DeskStore     *store,
                                      DeskCommittee *committee,
                                      GError       **error);
DeskCommittee *desk_committee_get    (DeskStore     *store,
                                      gint64         id,
                                      GError       **error);
gboolean       desk_committee_update (DeskStore     *store,
                                      DeskCommittee *committee,
                                      GError       **error);
gboolean       desk_committee_delete (DeskStore     *store,
                                      gint64         id,
                                      GError       **error);
gboolean       desk_committee_retire (DeskStore     *store,
                                      gint64         id,
                                      const char    *active_until,
                                      GError       **error);
GPtrArray     *desk_committee_list   (DeskStore     *store,
                                      const char    *active_on,
                                      GError       **error);
gint64         desk_committee_find   (DeskStore     *store,
                                      const char    *name);
gint64         desk_committee_find_short_name (DeskStore  *store,
                                               const char *short_name);

/* Mediators (人民调解员), each a member of one committee; a person in two
 * committees is two entries. */
typedef struct
{
  gint64    id;
  char     *name;
  DeskSex   sex;
  char     *phone;        /* mobile or landline, or NULL */
  gint64    committee_id;
  gboolean  full_time;    /* 专职 (TRUE) or 兼职 */
  char     *active_from;
  char     *active_until;
  char     *created_at;
  char     *updated_at;
} DeskMediator;

DeskMediator *desk_mediator_new    (void);
void          desk_mediator_free   (DeskMediator  *mediator);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskMediator, desk_mediator_free)

gint64        desk_mediator_create (DeskStore     *store,
                                    DeskMediator  *mediator,
                                    GError       **error);
DeskMediator *desk_mediator_get    (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean      desk_mediator_update (DeskStore     *store,
                                    DeskMediator  *mediator,
                                    GError       **error);
gboolean      desk_mediator_delete (DeskStore     *store,
                                    gint64         id,
                                    GError       **error);
gboolean      desk_mediator_retire (DeskStore     *store,
                                    gint64         id,
                                    const char    *active_until,
                                    GError       **error);
/* @committee_id 0: every committee. */
GPtrArray    *desk_mediator_list   (DeskStore     *store,
                                    gint64         committee_id,
                                    const char    *active_on,
                                    GError       **error);
gint64        desk_mediator_find   (DeskStore     *store,
                                    const char    *name,
                                    gint64         committee_id);

G_END_DECLS
