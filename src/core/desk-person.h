/* desk-person.h — the register of people and organisations (当事人).
 *
 * One register shared by every record kind ("一人一档").  Entering a known
 * person never creates a second one: an ID number already registered, or a
 * phone number already registered under the same name, is that person
 * (a phone alone is not: family members share phones).
 */
#pragma once

#include "desk-store.h"
#include "desk-validate.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_PERSON_NATURAL = 0,   /* 'person' */
  DESK_PERSON_ORGANISATION,  /* 'org': 法人 / 非法人组织 */
} DeskPersonKind;

typedef struct
{
  gint64          id;
  DeskPersonKind  kind;
  char           *name;
  DeskSex         sex;
  char           *birth_date;
  char           *ethnicity;       /* full GB 3304 name; NULL: 汉族 for citizens */
  char           *id_type;         /* 居民身份证 (default), 护照, 其他, 统一社会信用代码 */
  char           *id_number;
  gboolean        id_old;
  char           *phone;
  char           *address;
  gint64          village_id;      /* 0: none */
  char           *legal_rep;       /* organisations */
  gboolean        is_disabled;
  gboolean        is_migrant_worker;
  gboolean        is_farmer;
  gboolean        is_military;
  gboolean        is_foreigner;
  char           *notes;
  char           *created_at;
  char           *updated_at;
} DeskPerson;

DeskPerson *desk_person_new          (void);
DeskPerson *desk_person_copy         (const DeskPerson *person);
void        desk_person_free         (DeskPerson       *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPerson, desk_person_free)

/* Checks and normalises @person in place (ID number → birth date and sex,
 * phone, credit code for organisations). */
gboolean    desk_person_validate     (DeskStore        *store,
                                      DeskPerson       *person,
                                      GError          **error);

/* Creates; refuses a duplicate with DESK_RECORD_ERROR_DUPLICATE whose
 * message names the existing person (desk_person_find_existing() says who). */
gint64      desk_person_create       (DeskStore        *store,
                                      DeskPerson       *person,
                                      GError          **error);
DeskPerson *desk_person_get          (DeskStore        *store,
                                      gint64            id,
                                      GError          **error);
gboolean    desk_person_update       (DeskStore        *store,
                                      DeskPerson       *person,
                                      GError          **error);
gboolean    desk_person_delete       (DeskStore        *store,
                                      gint64            id,
                                      GError          **error);

/* The registered person that @person would duplicate: same ID number (and
 * type), else same phone and name.  0 when none. */
gint64      desk_person_find_existing (DeskStore       *store,
                                       const DeskPerson *person);
/* Finds the existing person or creates one; with @update, fills the
 * existing entry's empty fields from @person's non-empty ones (import:
 * "created from the first row that names them and updated with later
 * non-empty values"). */
gint64      desk_person_ensure       (DeskStore        *store,
                                      DeskPerson       *person,
                                      gboolean          update,
                                      GError          **error);

typedef struct
{
  const char *text;        /* name, ID number or phone fragment; NULL: all */
  guint       limit;       /* 0: no limit */
} DeskPersonQuery;

/* (element-type DeskPerson): people matching, best first (exact ID number
 * or phone, then names starting with the text, then containing it). */
GPtrArray  *desk_person_search       (DeskStore             *store,
                                      const DeskPersonQuery *query,
                                      GError               **error);

G_END_DECLS
