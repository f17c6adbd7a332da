/* desk-validate.c — the checks a clerk expects of what was typed.
 *
 * ID numbers (GB 11643-1999), phone numbers, unified social credit codes
 * (GB 32100-2015), money, dates, ethnic names (GB 3304) and names.  Each
 * check returns the clean value or a field error that says concretely what
 * is wrong ("校验位应为 1…"), so that the clerk can fix it without guessing.
 * Nothing here touches the database.
 */
#define G_LOG_DOMAIN "desk-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-date.h"
#include "desk-validate.h"

/* The largest amount accepted, in fen: 9 999 999 999 999.99 yuan.  It
 * stays below 2^53, so a spreadsheet's double still holds it exactly, and
 * anything larger is a typing slip rather than a settlement. */
#define MONEY_MAX_FEN G_GINT64_CONSTANT (999999999999999)

static const int id_weights[17] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const int credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* GB 3304-1991, in the standard's order (its codes 01–56). */
static const char *const ethnicities[] = {
  "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族",
  "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族",
  "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
  "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族",
  "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
  "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
  "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
  NULL
};

#define HAN "汉族"

/* Static helpers */

/* Full-width forms of ASCII (U+FF01–U+FF5E): an input method left in
 * full-width mode types these for digits and letters. */
static gboolean
has_fullwidth (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        return TRUE;
    }
  return FALSE;
}

/* Drops white space (ASCII and the ideographic space) and, with @dashes,
 * '-' too: "138 0013 8000", "138-0013-8000". */
static char *
squeeze (const char *text,
         gboolean    dashes)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || (dashes && c == '-'))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The checks every typed value goes through first.  Empty (or only
 * spaces) is an error here: callers with optional fields test for empty
 * before they call. */
static gboolean
check_typed (const char  *text,
             const char  *field,
             GError     **error)
{
  g_autofree char *bare = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      desk_set_field_error (error, field, _("contains characters that are not valid text"));
      return FALSE;
    }
  bare = squeeze (text ? text : "", FALSE);
  if (*bare == '\0')
    {
      desk_set_field_error (error, field, _("cannot be empty"));
      return FALSE;
    }
  if (has_fullwidth (bare))
    {
      desk_set_field_error (error, field,
                            _("full-width characters were typed; use half-width digits"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* The first character of @s as its own string, for messages. */
static char *
first_char (const char *s)
{
  return g_strndup (s, g_utf8_next_char (s) - s);
}

static void
desk_id_number_clear (DeskIdNumber *id)
{
  g_clear_pointer (&id->number, g_free);
  g_clear_pointer (&id->birth_date, g_free);
  g_clear_pointer (&id->area_code, g_free);
}

/* Sex */

const char *
desk_sex_label (DeskSex sex)
{
  switch (sex)
    {
    case DESK_SEX_MALE:
      return "男";
    case DESK_SEX_FEMALE:
      return "女";
    case DESK_SEX_UNKNOWN:
    default:
      return NULL;
    }
}

/**
 * desk_sex_from_label:
 *
 * Reads "男"/"女" (also "男性"/"女性", with surrounding spaces).
 *
 * Returns: the sex, %DESK_SEX_UNKNOWN for anything else.
 */
DeskSex
desk_sex_from_label (const char *label)
{
  g_autofree char *s = NULL;

  if (label == NULL)
    return DESK_SEX_UNKNOWN;
  s = g_strstrip (g_strdup (label));
  if (g_str_equal (s, "男") || g_str_equal (s, "男性"))
    return DESK_SEX_MALE;
  if (g_str_equal (s, "女") || g_str_equal (s, "女性"))
    return DESK_SEX_FEMALE;
  return DESK_SEX_UNKNOWN;
}

/* ID numbers */

void
desk_id_number_free (DeskIdNumber *id)
{
  if (id == NULL)
    return;
  desk_id_number_clear (id);
  g_free (id);
}

/**
 * desk_id_check_character:
 * @first17: at least 17 digits (a whole number is fine: only the first 17
 *   are read)
 *
 * Returns: the GB 11643-1999 check character ('0'–'9' or 'X'), or '\0'
 *   when @first17 does not start with 17 digits.
 */
char
desk_id_check_character (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * id_weights[i];
    }
  return "10X98765432"[sum % 11];
}

/**
 * desk_validate_id_number:
 * @text: the number as typed; surrounding and inner spaces are ignored,
 *   a lower-case x is read as X
 * @today: (nullable): "YYYY-MM-DD"; %NULL: desk_today()
 *
 * Returns: (transfer full) (nullable): the number with what it says, or
 *   %NULL with a field error naming 证件号码.
 */
DeskIdNumber *
desk_validate_id_number (const char  *text,
                         const char  *today,
                         GError     **error)
{
  const char *field = _("ID number");
  g_autofree char *s = NULL;
  g_autofree char *now = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(DeskIdNumber) id = NULL;
  gsize len, i;
  int year, month, day;
  char date[11];

  if (!check_typed (text, field, error))
    return NULL;
  s = squeeze (text, FALSE);
  len = strlen (s);

  for (i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        continue;
      if ((s[i] == 'x' || s[i] == 'X') && i == 17 && len == 18)
        {
          s[i] = 'X';
          continue;
        }
      desk_set_field_error (error, field,
                            _("only digits are allowed, with X as the 18th character"));
      return NULL;
    }
  if (len != 15 && len != 18)
    {
      desk_set_field_error (error, field,
                            _("has %d characters; an ID number has 18 (old numbers 15)"),
                            (int) len);
      return NULL;
    }

  id = g_new0 (DeskIdNumber, 1);
  id->old_format = len == 15;
  if (id->old_format)
    {
      /* Old numbers write the year with two digits, always 19YY. */
      year = 1900 + (s[6] - '0') * 10 + (s[7] - '0');
      month = (s[8] - '0') * 10 + (s[9] - '0');
      day = (s[10] - '0') * 10 + (s[11] - '0');
      shown = g_strdup_printf ("19%.2s-%.2s-%.2s", s + 6, s + 8, s + 10);
    }
  else
    {
      year = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
      month = (s[10] - '0') * 10 + (s[11] - '0');
      day = (s[12] - '0') * 10 + (s[13] - '0');
      shown = g_strdup_printf ("%.4s-%.2s-%.2s", s + 6, s + 10, s + 12);
    }

  if (year < 1900 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    {
      desk_set_field_error (error, field,
                            _("the birth date %s in the number is not a real date"), shown);
      return NULL;
    }
  g_snprintf (date, sizeof date, "%04d-%02d-%02d", year, month, day);
  if (today == NULL)
    today = now = desk_today ();
  if (strcmp (date, today) > 0)
    {
      desk_set_field_error (error, field,
                            _("the birth date %s in the number is after today"), date);
      return NULL;
    }

  if (!id->old_format)
    {
      char check = desk_id_check_character (s);

      if (check != s[17])
        {
          desk_set_field_error (error, field, _("the check character should be %c, not %c"),
                                check, s[17]);
          return NULL;
        }
    }

  id->birth_date = g_strdup (date);
  id->sex = ((s[id->old_format ? 14 : 16] - '0') % 2) ? DESK_SEX_MALE : DESK_SEX_FEMALE;
  id->area_code = g_strndup (s, 6);
  id->number = g_steal_pointer (&s);
  return g_steal_pointer (&id);
}

/**
 * desk_validate_id_matches:
 * @birth_date: (nullable): as typed, any form desk_date_parse() reads
 * @sex: as typed, or %DESK_SEX_UNKNOWN
 *
 * desk_validate_id_number(), and a typed birth date or sex that disagrees
 * with the number is an error naming that field.
 */
DeskIdNumber *
desk_validate_id_matches (const char  *text,
                          const char  *birth_date,
                          DeskSex      sex,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(DeskIdNumber) id = desk_validate_id_number (text, today, error);
  g_autofree char *typed = NULL;

  if (id == NULL)
    return NULL;

  if (birth_date != NULL && *birth_date != '\0')
    {
      typed = desk_date_parse (birth_date, 0);
      if (typed == NULL)
        {
          desk_set_field_error (error, _("Birth date"),
                                _("“%s” is not a real date; write it like 2026-03-05"),
                                birth_date);
          return NULL;
        }
      if (!g_str_equal (typed, id->birth_date))
        {
          desk_set_field_error (error, _("Birth date"),
                                _("does not match the ID number, which gives %s"),
                                id->birth_date);
          return NULL;
        }
    }
  if (sex != DESK_SEX_UNKNOWN && sex != id->sex)
    {
      desk_set_field_error (error, _("Sex"),
                            _("does not match the ID number, which gives %s"),
                            desk_sex_label (id->sex));
      return NULL;
    }
  return g_steal_pointer (&id);
}

/* Phones */

/* Strips +86 / 0086 (the country code) from a squeezed number. */
static const char *
skip_country_code (const char *s)
{
  if (g_str_has_prefix (s, "+86"))
    return s + 3;
  if (g_str_has_prefix (s, "0086"))
    return s + 4;
  return s;
}

static char *
check_mobile (const char  *text,
              const char  *field,
              GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  gsize len;

  if (!check_typed (text, field, error))
    return NULL;
  s = squeeze (text, TRUE);
  p = skip_country_code (s);
  len = strlen (p);
  if (!all_digits (p, len))
    {
      desk_set_field_error (error, field, _("only digits, spaces and dashes are allowed"));
      return NULL;
    }
  if (len != 11)
    {
      desk_set_field_error (error, field, _("has %d digits; a mobile number has 11"),
                            (int) len);
      return NULL;
    }
  if (p[0] != '1' || p[1] < '3')
    {
      desk_set_field_error (error, field, _("a mobile number starts with 13 to 19"));
      return NULL;
    }
  return g_strdup (p);
}

static char *
check_landline (const char  *text,
                const char  *field,
                GError     **error)
{
  g_autofree char *s = NULL;
  g_autofree char *area = NULL;
  g_autofree char *number = NULL;
  const char *p;
  gsize area_len;

  if (!check_typed (text, field, error))
    return NULL;
  s = squeeze (text, FALSE);

  /* "(0571)12345678" is "0571-12345678". */
  if (s[0] == '(' && strchr (s, ')') != NULL)
    {
      char *close = strchr (s, ')');

      area = g_strndup (s + 1, close - s - 1);
      number = g_strdup (close + 1);
    }
  else if ((p = strchr (s, '-')) != NULL)
    {
      area = g_strndup (s, p - s);
      number = g_strdup (p + 1);
    }
  else if (s[0] == '0' && all_digits (s, strlen (s)))
    {
      /* No separator: 010 and 02X are the three-digit area codes, every
       * other one has four. */
      area_len = (s[1] == '1' || s[1] == '2') ? 3 : 4;
      if (strlen (s) < area_len)
        area_len = strlen (s);
      area = g_strndup (s, area_len);
      number = g_strdup (s + area_len);
    }
  else
    {
      if (all_digits (s, strlen (s)))
        desk_set_field_error (error, field,
                              _("write a landline as area code-number, e.g. 0571-12345678"));
      else
        desk_set_field_error (error, field, _("only digits, spaces and dashes are allowed"));
      return NULL;
    }

  /* Dashes inside the number ("0571-8888-1234") only group digits. */
  {
    char *w = number;

    for (const char *r = number; *r != '\0'; r++)
      if (*r != '-')
        *w++ = *r;
    *w = '\0';
  }

  if (!all_digits (area, strlen (area)) || !all_digits (number, strlen (number)))
    {
      desk_set_field_error (error, field, _("only digits, spaces and dashes are allowed"));
      return NULL;
    }
  area_len = strlen (area);
  if (area_len < 3 || area_len > 4 || area[0] != '0' || area[1] == '0')
    {
      desk_set_field_error (error, field,
                            _("an area code starts with 0 and has 3 or 4 digits"));
      return NULL;
    }
  if (strlen (number) < 7 || strlen (number) > 8 || number[0] == '0')
    {
      desk_set_field_error (error, field,
                            _("a landline number has 7 or 8 digits after the area code; "
                              "%d were typed"),
                            (int) strlen (number));
      return NULL;
    }
  return g_strdup_printf ("%s-%s", area, number);
}

/**
 * desk_validate_mobile:
 *
 * Returns: (transfer full) (nullable): the 11 digits, or %NULL with a
 *   field error naming 手机.
 */
char *
desk_validate_mobile (const char  *text,
                      GError     **error)
{
  return check_mobile (text, _("Mobile"), error);
}

/**
 * desk_validate_landline:
 *
 * Returns: (transfer full) (nullable): "区号-号码", or %NULL with a field
 *   error naming 电话.
 */
char *
desk_validate_landline (const char  *text,
                        GError     **error)
{
  return check_landline (text, _("Phone"), error);
}

/**
 * desk_validate_phone:
 *
 * A mobile number, or a landline: a number that begins with 0 (not 0086)
 * or "(" is a landline.
 *
 * Returns: (transfer full) (nullable): the normalised number.
 */
char *
desk_validate_phone (const char  *text,
                     GError     **error)
{
  const char *field = _("Phone");
  g_autofree char *s = NULL;

  if (!check_typed (text, field, error))
    return NULL;
  s = squeeze (text, TRUE);
  if ((s[0] == '0' && !g_str_has_prefix (s, "0086")) || s[0] == '(')
    return check_landline (text, field, error);
  /* Digits that are no mobile number: a landline without its area code
   * (local numbers never begin with 0 or 1). */
  if (s[0] >= '2' && s[0] <= '9' && all_digits (s, strlen (s)))
    return check_landline (text, field, error);
  return check_mobile (text, field, error);
}

/* Unified social credit codes */

static int
credit_value (char c)
{
  const char *p;

  c = g_ascii_toupper (c);
  if (c == '\0')
    return -1;
  p = strchr (credit_alphabet, c);
  return p ? (int) (p - credit_alphabet) : -1;
}

/**
 * desk_credit_code_check_character:
 * @first17: at least 17 characters of the code alphabet (lower case read
 *   as upper case)
 *
 * Returns: the GB 32100-2015 check character, or '\0' when @first17 is not
 *   17 characters of the alphabet.
 */
char
desk_credit_code_check_character (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (int i = 0; i < 17; i++)
    {
      int v = credit_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += v * credit_weights[i];
    }
  /* The outer "% 31" matters: a sum that is a multiple of 31 gives 0, not
   * the out-of-range 31. */
  return credit_alphabet[(31 - sum % 31) % 31];
}

/**
 * desk_validate_credit_code:
 *
 * Returns: (transfer full) (nullable): the upper-cased code, or %NULL with
 *   a field error naming 统一社会信用代码.
 */
char *
desk_validate_credit_code (const char  *text,
                           GError     **error)
{
  const char *field = _("Unified social credit code");
  g_autofree char *s = NULL;
  glong len;
  char check;

  if (!check_typed (text, field, error))
    return NULL;
  s = squeeze (text, FALSE);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (credit_value (*p) < 0 || (guchar) *p >= 0x80)
      {
        g_autofree char *c = first_char (p);

        desk_set_field_error (error, field,
                              _("“%s” cannot appear in a credit code "
                                "(the letters I, O, S, V and Z are not used)"), c);
        return NULL;
      }
  len = g_utf8_strlen (s, -1);
  if (len != 18)
    {
      desk_set_field_error (error, field, _("has %d characters; a credit code has 18"),
                            (int) len);
      return NULL;
    }
  for (int i = 0; i < 18; i++)
    s[i] = g_ascii_toupper (s[i]);
  if (!all_digits (s + 2, 6))
    {
      desk_set_field_error (error, field,
                            _("characters 3 to 8 are the area code and must be digits"));
      return NULL;
    }
  check = desk_credit_code_check_character (s);
  if (check != s[17])
    {
      desk_set_field_error (error, field, _("the check character should be %c, not %c"),
                            check, s[17]);
      return NULL;
    }
  return g_steal_pointer (&s);
}

/* Money */

/**
 * desk_money_parse:
 * @fen: (out): the amount in fen
 *
 * Reads yuan: digits with an optional point and one or two decimals;
 * commas group thousands ("1,234.56", each group after the first exactly
 * three digits); "¥" or "￥" before, "元" after.
 *
 * Returns: %FALSE with a field error naming 金额 when @text is not such an
 *   amount.
 */
gboolean
desk_money_parse (const char  *text,
                  gint64      *fen,
                  GError     **error)
{
  const char *field = _("Amount");
  g_autofree char *copy = NULL;
  g_autofree char *max = NULL;
  char *s;
  const char *p;
  gint64 yuan = 0;
  int cents = 0;
  int digits = 0;      /* in the current comma group */
  int groups = 0;
  int decimals = 0;
  gboolean grouped = FALSE;

  g_return_val_if_fail (fen != NULL, FALSE);

  if (!check_typed (text, field, error))
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  s = copy;
  if (g_str_has_prefix (s, "¥"))
    s += strlen ("¥");
  else if (g_str_has_prefix (s, "￥"))
    s += strlen ("￥");
  if (g_str_has_suffix (s, "元"))
    s[strlen (s) - strlen ("元")] = '\0';
  g_strstrip (s);

  if (s[0] == '-')
    {
      desk_set_field_error (error, field, _("the amount cannot be negative"));
      return FALSE;
    }

  for (p = s; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          /* The first group has 1–3 digits, every later one exactly 3. */
          if ((groups == 0 && (digits < 1 || digits > 3)) || (groups > 0 && digits != 3))
            goto not_an_amount;
          grouped = TRUE;
          groups++;
          digits = 0;
          continue;
        }
      digits++;
      if (yuan > MONEY_MAX_FEN / 100)
        goto too_large;
      yuan = yuan * 10 + (*p - '0');
    }
  if (p == s || digits == 0 || (grouped && digits != 3))
    goto not_an_amount;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          decimals++;
          if (decimals <= 2)
            cents = cents * 10 + (*p - '0');
        }
      if (decimals == 0)
        goto not_an_amount;
    }
  if (*p != '\0')
    goto not_an_amount;
  if (decimals > 2)
    {
      desk_set_field_error (error, field,
                            _("at most two decimals are allowed (yuan to the fen)"));
      return FALSE;
    }
  if (decimals == 1)
    cents *= 10;
  if (yuan > (MONEY_MAX_FEN - cents) / 100)
    goto too_large;

  *fen = yuan * 100 + cents;
  return TRUE;

not_an_amount:
  desk_set_field_error (error, field, _("“%s” is not an amount; write it like 1234.56"),
                        copy);
  return FALSE;

too_large:
  max = desk_money_format (MONEY_MAX_FEN);
  desk_set_field_error (error, field, _("the amount is too large (at most %s yuan)"), max);
  return FALSE;
}

/**
 * desk_money_format:
 *
 * Returns: (transfer full): "1234.56", always with two decimals.
 */
char *
desk_money_format (gint64 fen)
{
  /* Through guint64 so that G_MININT64 has an absolute value too. */
  guint64 abs = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          abs / 100, (guint) (abs % 100));
}

/* Dates */

/**
 * desk_validate_date:
 * @field: the field's label (translated), for the message
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD".
 */
char *
desk_validate_date (const char  *text,
                    const char  *field,
                    const char  *today,
                    GError     **error)
{
  g_autofree char *date = NULL;
  g_autofree char *now = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (!check_typed (text, field, error))
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  date = desk_date_parse (trimmed, 0);
  if (date == NULL)
    {
      desk_set_field_error (error, field,
                            _("“%s” is not a real date; write it like 2026-03-05"), trimmed);
      return NULL;
    }
  if (today == NULL)
    today = now = desk_today ();
  if (strcmp (date, today) > 0)
    {
      desk_set_field_error (error, field, _("%s is after today (%s)"), date, today);
      return NULL;
    }
  return g_steal_pointer (&date);
}

/**
 * desk_validate_datetime:
 *
 * Like desk_validate_date(), for "YYYY-MM-DD HH:MM"; only the date part is
 * held against @today (a time later today is fine: clerks round).
 */
char *
desk_validate_datetime (const char  *text,
                        const char  *field,
                        const char  *today,
                        GError     **error)
{
  g_autofree char *at = NULL;
  g_autofree char *now = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (!check_typed (text, field, error))
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  at = desk_datetime_parse (trimmed);
  if (at == NULL)
    {
      desk_set_field_error (error, field,
                            _("“%s” is not a real date and time; write it like 2026-03-05 09:30"),
                            trimmed);
      return NULL;
    }
  if (today == NULL)
    today = now = desk_today ();
  if (strncmp (at, today, 10) > 0)
    {
      desk_set_field_error (error, field, _("%s is after today (%s)"), at, today);
      return NULL;
    }
  return g_steal_pointer (&at);
}

/**
 * desk_validate_date_order:
 *
 * Nothing to check when either date is missing.
 *
 * Returns: %FALSE with a field error naming @later_field when @later lies
 *   before @earlier.
 */
gboolean
desk_validate_date_order (const char  *earlier,
                          const char  *earlier_field,
                          const char  *later,
                          const char  *later_field,
                          GError     **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (earlier_field != NULL && later_field != NULL, FALSE);

  if (earlier == NULL || later == NULL || strlen (earlier) < 10 || strlen (later) < 10)
    return TRUE;
  a = g_strndup (earlier, 10);
  b = g_strndup (later, 10);
  if (strcmp (b, a) < 0)
    {
      desk_set_field_error (error, later_field, _("%s is before %s (%s)"), b, earlier_field, a);
      return FALSE;
    }
  return TRUE;
}

/* Ethnicity */

/**
 * desk_ethnicities:
 *
 * Returns: (transfer none): the 56 names of GB 3304 in the standard's
 *   order, 汉族 first, %NULL-terminated.
 */
const char *const *
desk_ethnicities (void)
{
  return ethnicities;
}

static int
ethnicity_index (const char *name)
{
  for (int i = 0; ethnicities[i] != NULL; i++)
    if (g_str_equal (ethnicities[i], name))
      return i;
  return -1;
}

/**
 * desk_ethnicity_normalize:
 * @text: (nullable): as typed
 *
 * The trimmed full name.  Empty is not an error: it means 汉族 for a
 * citizen and unknown for a foreigner (desk_ethnicity_effective()).
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for empty (with
 *   @error unset) or an unknown name (with @error set).
 */
char *
desk_ethnicity_normalize (const char  *text,
                          GError     **error)
{
  const char *field = _("Ethnicity");
  g_autofree char *s = NULL;
  g_autofree char *full = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      desk_set_field_error (error, field, _("contains characters that are not valid text"));
      return NULL;
    }
  s = squeeze (text ? text : "", FALSE);
  if (*s == '\0')
    return NULL;
  if (ethnicity_index (s) >= 0)
    return g_steal_pointer (&s);

  /* "汉", "苗", "蒙古": the short form everyone says, but the register
   * keeps the standard's full name. */
  full = g_strconcat (s, "族", NULL);
  if (ethnicity_index (full) >= 0)
    {
      desk_set_field_error (error, field, _("write the full name “%s”"), full);
      return NULL;
    }
  for (int i = 0; ethnicities[i] != NULL; i++)
    if (g_str_has_prefix (ethnicities[i], s))
      {
        desk_set_field_error (error, field,
                              _("“%s” is not one of the 56 ethnic groups; did you mean “%s”?"),
                              s, ethnicities[i]);
        return NULL;
      }
  desk_set_field_error (error, field,
                        _("“%s” is not one of the 56 ethnic groups of GB 3304"), s);
  return NULL;
}

/**
 * desk_validate_ethnicity:
 * @text: (nullable): as typed; empty is fine (not given)
 *
 * Returns: whether @text is empty or one of the 56 names; "汉" alone is an
 *   error that suggests "汉族".
 */
gboolean
desk_validate_ethnicity (const char  *text,
                         GError     **error)
{
  GError *local = NULL;
  g_autofree char *name = desk_ethnicity_normalize (text, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_ethnicity_effective:
 * @ethnicity: (nullable): as stored
 * @foreigner: 外国人或无国籍人
 *
 * Returns: (nullable): the ethnicity to count: @ethnicity when given,
 *   else 汉族 for a citizen and %NULL (unknown) for a foreigner.
 */
const char *
desk_ethnicity_effective (const char *ethnicity,
                          gboolean    foreigner)
{
  if (ethnicity != NULL && *ethnicity != '\0')
    return ethnicity;
  return foreigner ? NULL : HAN;
}

/**
 * desk_is_minority:
 *
 * Whether the person counts as 少数民族: one of the 55 names other than
 * 汉族.  Empty is 汉族 for a citizen and unknown for a foreigner: neither
 * counts.
 */
gboolean
desk_is_minority (const char *ethnicity,
                  gboolean    foreigner)
{
  const char *name = desk_ethnicity_effective (ethnicity, foreigner);

  return name != NULL && ethnicity_index (name) > 0;
}

/* Derived categories */

gboolean
desk_is_elderly (const char *birth_date,
                 const char *on_date)
{
  return desk_age_on (birth_date, on_date) >= 60;
}

gboolean
desk_is_minor (const char *birth_date,
               const char *on_date)
{
  int age = desk_age_on (birth_date, on_date);

  /* -1 is "unknown", and also someone born after @on_date: no one yet. */
  return age >= 0 && age < 18;
}

/* Names */

/**
 * desk_validate_name:
 * @field: the field's label (translated)
 *
 * Returns: (transfer full) (nullable): the name trimmed, inner runs of
 *   white space (the ideographic space too) folded to one space.
 */
char *
desk_validate_name (const char  *text,
                    const char  *field,
                    GError     **error)
{
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (field != NULL, NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      desk_set_field_error (error, field, _("contains characters that are not valid text"));
      return NULL;
    }
  out = g_string_new (NULL);
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          space = out->len > 0;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      desk_set_field_error (error, field, _("cannot be empty"));
      return NULL;
    }
  return g_string_free (out, FALSE);
}
