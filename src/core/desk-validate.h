/* desk-validate.h — the checks a clerk expects (domain.md, "Validation").
 *
 * Each check takes what was typed and either returns the clean value or
 * fails with a field error (desk_set_field_error()) in the user's language
 * that says what is wrong.  None of them touches the database.
 */
#pragma once

#include <glib.h>

#include "desk-error.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_SEX_UNKNOWN = 0,
  DESK_SEX_MALE,
  DESK_SEX_FEMALE,
} DeskSex;

const char *desk_sex_label        (DeskSex      sex);   /* "男", "女", NULL */
DeskSex     desk_sex_from_label   (const char  *label);

typedef struct
{
  char     *number;       /* normalised: 18 characters with an upper-case X, or 15 digits */
  char     *birth_date;   /* YYYY-MM-DD, from the number */
  DeskSex   sex;          /* from the sequence digit: odd = male */
  gboolean  old_format;   /* a 15-digit number (year 19YY, no check character) */
  char     *area_code;    /* the 6-digit area code */
} DeskIdNumber;

void          desk_id_number_free        (DeskIdNumber *id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskIdNumber, desk_id_number_free)

/* 居民身份证号 (GB 11643-1999): check character, real birth date not after
 * @today (NULL: desk_today()), 15-digit old numbers accepted. */
DeskIdNumber *desk_validate_id_number    (const char   *text,
                                          const char   *today,
                                          GError      **error);
/* The same, also checking a typed birth date and sex (either may be NULL
 * or DESK_SEX_UNKNOWN) against the number. */
DeskIdNumber *desk_validate_id_matches   (const char   *text,
                                          const char   *birth_date,
                                          DeskSex       sex,
                                          const char   *today,
                                          GError      **error);
char          desk_id_check_character    (const char   *first17);

/* 手机: 11 digits 1[3-9]…, +86/0086 and spaces/dashes stripped; landline
 * 区号-号码 (0 + 2–3 digits, then 7–8 digits), normalised "0571-12345678".
 * Returns the normalised number. */
char         *desk_validate_mobile       (const char   *text,
                                          GError      **error);
char         *desk_validate_landline     (const char   *text,
                                          GError      **error);
char         *desk_validate_phone        (const char   *text,
                                          GError      **error);  /* mobile or landline */

/* 统一社会信用代码 (GB 32100-2015). Returns the upper-cased code. */
char         *desk_validate_credit_code  (const char   *text,
                                          GError      **error);
char          desk_credit_code_check_character (const char *first17);

/* Money: yuan with at most two decimals; "1234.56", "1,234.56", "¥1234.56",
 * "1234.56元" accepted; negative, more decimals or full-width digits are
 * errors.  Stored as integer fen; never a float. */
gboolean      desk_money_parse           (const char   *text,
                                          gint64       *fen,
                                          GError      **error);
char         *desk_money_format          (gint64        fen);  /* "1234.56" */

/* A date field: any form desk_date_parse() reads, not after @today (NULL:
 * desk_today()).  @field names the field in the message. */
char         *desk_validate_date         (const char   *text,
                                          const char   *field,
                                          const char   *today,
                                          GError      **error);
char         *desk_validate_datetime     (const char   *text,
                                          const char   *field,
                                          const char   *today,
                                          GError      **error);
/* @later not before @earlier; both YYYY-MM-DD (a date-time's date part is
 * compared). */
gboolean      desk_validate_date_order   (const char   *earlier,
                                          const char   *earlier_field,
                                          const char   *later,
                                          const char   *later_field,
                                          GError      **error);

/* 民族: the 56 full names of GB 3304.  "汉" alone is an error that
 * suggests "汉族". */
const char *const *desk_ethnicities      (void);
gboolean      desk_validate_ethnicity    (const char   *text,
                                          GError      **error);
gboolean      desk_is_minority           (const char   *ethnicity,
                                          gboolean      foreigner);
/* The trimmed full name; NULL for empty (no error) or with @error for a
 * name that is not one of the 56. */
char         *desk_ethnicity_normalize   (const char   *text,
                                          GError      **error);
/* What to count: @ethnicity when given, else 汉族 for a citizen and NULL
 * (unknown) for a foreigner. */
const char   *desk_ethnicity_effective   (const char   *ethnicity,
                                          gboolean      foreigner);

/* Derived categories, judged on @on_date (YYYY-MM-DD). */
gboolean      desk_is_elderly            (const char   *birth_date,
                                          const char   *on_date);  /* ≥ 60 */
gboolean      desk_is_minor              (const char   *birth_date,
                                          const char   *on_date);  /* < 18 */

/* A name: trimmed, inner runs of white space folded; empty is an error. */
char         *desk_validate_name         (const char   *text,
                                          const char   *field,
                                          GError      **error);

G_END_DECLS
