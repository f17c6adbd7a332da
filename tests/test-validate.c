/* test-validate.c — the checks a clerk expects: ID numbers, phones, credit
 * codes, money, dates, ethnic names, names, derived categories.  Messages
 * are asserted in Chinese: the suite runs with the built translations. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-test-util.h"
#include "desk-validate.h"

#define TODAY "2026-11-23"

/* Asserts a field error whose message contains every fragment given. */
static void
assert_field_error (GError     *error,
                    const char *field,
                    const char *fragment)
{
  g_autofree char *got_field = NULL;

  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  got_field = desk_error_get_field (error);
  g_assert_cmpstr (got_field, ==, field);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

/* ID numbers */

static void
test_id_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) a = desk_validate_id_number ("360426199101010071", TODAY, &error);
  g_autoptr(DeskIdNumber) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->number, ==, "360426199101010071");
  g_assert_cmpstr (a->birth_date, ==, "1991-01-01");
  g_assert_cmpint (a->sex, ==, DESK_SEX_MALE);        /* sequence 007: odd */
  g_assert_false (a->old_format);
  g_assert_cmpstr (a->area_code, ==, "360426");

  b = desk_validate_id_number (" 120103198806018241 ", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->number, ==, "120103198806018241");
  g_assert_cmpstr (b->birth_date, ==, "1988-06-01");
  g_assert_cmpint (b->sex, ==, DESK_SEX_FEMALE);      /* sequence 824: even */
  g_assert_cmpstr (b->area_code, ==, "120103");
}

static void
test_id_check_character (void)
{
  g_assert_cmpint (desk_id_check_character ("36042619910101007"), ==, '1');
  g_assert_cmpint (desk_id_check_character ("12010319880601824"), ==, '1');
  g_assert_cmpint (desk_id_check_character ("11010119800101103"), ==, 'X');
  g_assert_cmpint (desk_id_check_character ("360426199101010071"), ==, '1');
  g_assert_cmpint (desk_id_check_character ("3604261991010100"), ==, '\0');
  g_assert_cmpint (desk_id_check_character ("3604261991010100a"), ==, '\0');
}

static void
test_id_x (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) lower = desk_validate_id_number ("11010119800101103x", TODAY, &error);
  g_autoptr(DeskIdNumber) upper = NULL;
  g_autoptr(DeskIdNumber) wrong = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lower->number, ==, "11010119800101103X");
  g_assert_cmpint (lower->sex, ==, DESK_SEX_MALE);
  upper = desk_validate_id_number ("11010119800101103X", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upper->number, ==, "11010119800101103X");

  /* X where the check is a digit, and a digit where it is X. */
  wrong = desk_validate_id_number ("36042619910101007X", TODAY, &error);
  g_assert_null (wrong);
  assert_field_error (error, "证件号码", "校验位应为1，而不是X");
  g_clear_error (&error);
  wrong = desk_validate_id_number ("110101198001011030", TODAY, &error);
  g_assert_null (wrong);
  assert_field_error (error, "证件号码", "校验位应为X，而不是0");
}

static void
test_id_wrong_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) id = desk_validate_id_number ("360426199101010072", TODAY, &error);

  g_assert_null (id);
  assert_field_error (error, "证件号码", "校验位应为1，而不是2");
  g_assert_cmpstr (error->message, ==, "证件号码：校验位应为1，而不是2");
}

static void
test_id_old_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) id = desk_validate_id_number ("360426910101007", TODAY, &error);
  g_autoptr(DeskIdNumber) female = NULL;
  g_autoptr(DeskIdNumber) bad = NULL;

  g_assert_no_error (error);
  g_assert_true (id->old_format);
  g_assert_cmpstr (id->number, ==, "360426910101007");
  g_assert_cmpstr (id->birth_date, ==, "1991-01-01");
  g_assert_cmpint (id->sex, ==, DESK_SEX_MALE);

  female = desk_validate_id_number ("120103880601824", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (female->birth_date, ==, "1988-06-01");
  g_assert_cmpint (female->sex, ==, DESK_SEX_FEMALE);

  /* 19YY: 910230 is 1991-02-30. */
  bad = desk_validate_id_number ("360426910230007", TODAY, &error);
  g_assert_null (bad);
  assert_field_error (error, "证件号码", "1991-02-30不是有效日期");
  g_clear_error (&error);
  /* No X in an old number. */
  bad = desk_validate_id_number ("36042691010100X", TODAY, &error);
  g_assert_null (bad);
  assert_field_error (error, "证件号码", "只能由数字组成");
}

static void
test_id_bad_input (void)
{
  const struct { const char *in; const char *fragment; } cases[] = {
    { "", "不能为空" },
    { "   ", "不能为空" },
    { "\u3000", "不能为空" },
    { "36042619910101007I", "只能由数字组成" },
    { "abcdefghijklmnopqr", "只能由数字组成" },
    { "3604261991X1010071", "只能由数字组成" },
    { "36042619910101007-1", "只能由数字组成" },
    { "张三", "只能由数字组成" },
    { "36042619910101007", "共17位" },
    { "3604261991010100711", "共19位" },
    { "1234", "共4位" },
    { "３６０４２６１９９１０１０１００７１", "全角" },
    { "36042619910101007１", "全角" },
    { "360426199102300071", "1991-02-30不是有效日期" },
    { "360426199113010071", "1991-13-01不是有效日期" },
    { "360426199100010071", "1991-00-01不是有效日期" },
    { "360426202502290071", "2025-02-29不是有效日期" },
    { "360426202701010071", "2027-01-01晚于今天" },
    { "360426202611240071", "2026-11-24晚于今天" },
    { "360426189912310071", "1899-12-31不是有效日期" },
    { "360426199101010073", "校验位应为1，而不是3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskIdNumber) id = desk_validate_id_number (cases[i].in, TODAY, &error);

      if (id != NULL)
        g_error ("“%s” accepted", cases[i].in);
      assert_field_error (error, "证件号码", cases[i].fragment);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskIdNumber) id = desk_validate_id_number (NULL, TODAY, &error);

    g_assert_null (id);
    assert_field_error (error, "证件号码", "不能为空");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskIdNumber) id = desk_validate_id_number ("\xff\xfe", TODAY, &error);

    g_assert_null (id);
    assert_field_error (error, "证件号码", "无法识别");
  }
}

static void
test_id_today (void)
{
  g_autoptr(GError) error = NULL;
  /* Born today is fine; today NULL means desk_today() (fixed by the tests). */
  g_autoptr(DeskIdNumber) id = NULL;
  char first17[18];
  char number[19];

  memcpy (first17, "36042620261123007", 18);
  g_snprintf (number, sizeof number, "%s%c", first17, desk_id_check_character (first17));
  id = desk_validate_id_number (number, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id->birth_date, ==, "2026-11-23");
  g_clear_pointer (&id, desk_id_number_free);

  id = desk_validate_id_number (number, "2026-11-22", &error);
  g_assert_null (id);
  assert_field_error (error, "证件号码", "晚于今天");
}

static void
test_id_inner_spaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) id = desk_validate_id_number ("360426 19910101 0071", TODAY, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id->number, ==, "360426199101010071");
}

static void
test_id_matches (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIdNumber) id = NULL;

  id = desk_validate_id_matches ("360426199101010071", "1991-01-01", DESK_SEX_MALE, TODAY,
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, desk_id_number_free);

  /* Other forms of the same date agree too. */
  id = desk_validate_id_matches ("360426199101010071", "1991年1月1日", DESK_SEX_UNKNOWN, TODAY,
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, desk_id_number_free);
  id = desk_validate_id_matches ("360426199101010071", NULL, DESK_SEX_UNKNOWN, TODAY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, desk_id_number_free);
  id = desk_validate_id_matches ("360426199101010071", "", DESK_SEX_UNKNOWN, TODAY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, desk_id_number_free);

  id = desk_validate_id_matches ("360426199101010071", "1991-01-02", DESK_SEX_MALE, TODAY,
                                 &error);
  g_assert_null (id);
  assert_field_error (error, "出生日期", "与身份证号不符（号码中为1991-01-01）");
  g_clear_error (&error);

  id = desk_validate_id_matches ("360426199101010071", NULL, DESK_SEX_FEMALE, TODAY, &error);
  g_assert_null (id);
  assert_field_error (error, "性别", "与身份证号不符（号码中为男）");
  g_clear_error (&error);

  id = desk_validate_id_matches ("120103198806018241", NULL, DESK_SEX_MALE, TODAY, &error);
  g_assert_null (id);
  assert_field_error (error, "性别", "号码中为女");
  g_clear_error (&error);

  id = desk_validate_id_matches ("360426199101010071", "1991-02-30", DESK_SEX_MALE, TODAY,
                                 &error);
  g_assert_null (id);
  assert_field_error (error, "出生日期", "不是有效日期");
  g_clear_error (&error);

  /* The number's own error comes first. */
  id = desk_validate_id_matches ("360426199101010072", "1991-01-02", DESK_SEX_FEMALE, TODAY,
                                 &error);
  g_assert_null (id);
  assert_field_error (error, "证件号码", "校验位应为1");
}

static void
test_sex_labels (void)
{
  g_assert_cmpstr (desk_sex_label (DESK_SEX_MALE), ==, "男");
  g_assert_cmpstr (desk_sex_label (DESK_SEX_FEMALE), ==, "女");
  g_assert_null (desk_sex_label (DESK_SEX_UNKNOWN));
  g_assert_cmpint (desk_sex_from_label ("男"), ==, DESK_SEX_MALE);
  g_assert_cmpint (desk_sex_from_label (" 女 "), ==, DESK_SEX_FEMALE);
  g_assert_cmpint (desk_sex_from_label ("女性"), ==, DESK_SEX_FEMALE);
  g_assert_cmpint (desk_sex_from_label (""), ==, DESK_SEX_UNKNOWN);
  g_assert_cmpint (desk_sex_from_label ("M"), ==, DESK_SEX_UNKNOWN);
  g_assert_cmpint (desk_sex_from_label (NULL), ==, DESK_SEX_UNKNOWN);
}

/* Phones */

static void
test_mobile (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "13800138000", "13800138000" },
    { "+8613800138000", "13800138000" },
    { "+86 138 0013 8000", "13800138000" },
    { "0086-138-0013-8000", "13800138000" },
    { " 199 0000 1111 ", "19900001111" },
    { "15012345678", "15012345678" },
  };
  const struct { const char *in; const char *fragment; } bad[] = {
    { "", "不能为空" },
    { "  ", "不能为空" },
    { "12800138000", "应以13至19开头" },
    { "10800138000", "应以13至19开头" },
    { "23800138000", "应以13至19开头" },
    { "1380013800", "共10位" },
    { "138001380001", "共12位" },
    { "8613800138000", "共13位" },
    { "138OO138000", "只能包含数字" },
    { "138.0013.8000", "只能包含数字" },
    { "１３８００１３８０００", "全角" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_mobile (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_mobile (bad[i].in, &error);

      if (got != NULL)
        g_error ("“%s” accepted as %s", bad[i].in, got);
      assert_field_error (error, "手机", bad[i].fragment);
    }
}

static void
test_landline (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "0571-12345678", "0571-12345678" },
    { "0571 12345678", "0571-12345678" },
    { "057112345678", "0571-12345678" },
    { "(0571)12345678", "0571-12345678" },
    { "010-1234567", "010-1234567" },
    { "01012345678", "010-12345678" },
    { "021-87654321", "021-87654321" },
    { "0797-8888-1234", "0797-88881234" },
    { "0797-1234567", "0797-1234567" },
  };
  const struct { const char *in; const char *fragment; } bad[] = {
    { "", "不能为空" },
    { "12345678", "区号-号码" },
    { "571-12345678", "区号应以0开头" },
    { "05-12345678", "区号应以0开头" },
    { "05711-12345678", "区号应以0开头" },
    { "0086-12345678", "区号应以0开头" },
    { "0571-123456", "输入了6位" },
    { "0571-123456789", "输入了9位" },
    { "0571-01234567", "输入了8位" },
    { "0571", "输入了0位" },
    { "0571-1234567a", "只能包含数字" },
    { "tel 0571", "只能包含数字" },
    { "０５７１-12345678", "全角" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_landline (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_landline (bad[i].in, &error);

      if (got != NULL)
        g_error ("“%s” accepted as %s", bad[i].in, got);
      assert_field_error (error, "电话", bad[i].fragment);
    }
}

static void
test_phone (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "13800138000", "13800138000" },
    { "+86 13800138000", "13800138000" },
    { "0086 13800138000", "13800138000" },
    { "0571-12345678", "0571-12345678" },
    { "(010)12345678", "010-12345678" },
  };
  const struct { const char *in; const char *fragment; } bad[] = {
    { "", "不能为空" },
    { "12345678", "共8位" },
    { "87654321", "区号-号码" },
    { "0571-123", "输入了3位" },
    { "1380013800", "共10位" },
    { "电话", "只能包含数字" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_phone (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_phone (bad[i].in, &error);

      if (got != NULL)
        g_error ("“%s” accepted as %s", bad[i].in, got);
      assert_field_error (error, "电话", bad[i].fragment);
    }
}

/* Unified social credit codes */

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

/* The test's own weighted sum, independent of the code under test. */
static int
credit_sum (const char *code)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (alphabet, code[i]) - alphabet) * weights[i];
  return sum;
}

static void
test_credit_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = desk_validate_credit_code ("91350100M000100Y43", &error);
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "91350100M000100Y43");
  g_assert_cmpint (desk_credit_code_check_character ("91350100M000100Y4"), ==, '3');

  /* Lower case is read as upper case and stored upper. */
  b = desk_validate_credit_code (" 91350100m000100y43 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "91350100M000100Y43");
}

static void
test_credit_code_mod31 (void)
{
  /* Constructed so that the weighted sum is a multiple of 31: the check
   * is alphabet[(31 - 0) % 31] = '0'; without the outer mod it would
   * read past the alphabet. */
  const char *code = "91350100M000100Y30";
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *wrong = NULL;

  g_assert_cmpint (credit_sum (code) % 31, ==, 0);
  g_assert_cmpint (desk_credit_code_check_character (code), ==, '0');
  got = desk_validate_credit_code (code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, code);

  wrong = desk_validate_credit_code ("91350100M000100Y3Y", &error);
  g_assert_null (wrong);
  assert_field_error (error, "统一社会信用代码", "校验位应为0，而不是Y");

  /* Every check character the function gives agrees with the rule. */
  for (int i = 0; i < 31; i++)
    {
      char first17[18];
      char check;

      g_snprintf (first17, sizeof first17, "9135010%cM000100Y", '0' + i % 10);
      first17[16] = alphabet[i];
      check = desk_credit_code_check_character (first17);
      g_assert_cmpint (check, ==, alphabet[(31 - credit_sum (first17) % 31) % 31]);
    }
}

static void
test_credit_code_bad (void)
{
  const struct { const char *in; const char *fragment; } bad[] = {
    { "", "不能为空" },
    { "91350100M000100Y42", "校验位应为3，而不是2" },
    { "91350100M000100Y4", "共17位" },
    { "91350100M000100Y433", "共19位" },
    { "91350100I000100Y43", "不能有“I”" },
    { "91350100O000100Y43", "不能有“O”" },
    { "91350100S000100Y43", "不能有“S”" },
    { "91350100V000100Y43", "不能有“V”" },
    { "91350100Z000100Y43", "不能有“Z”" },
    { "91350100-000100Y43", "不能有“-”" },
    { "913501测试000100Y43", "不能有“测”" },
    { "91A50100M000100Y43", "第3至8位" },
    { "9135010AM000100Y43", "第3至8位" },
    { "９１350100M000100Y43", "全角" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_credit_code (bad[i].in, &error);

      if (got != NULL)
        g_error ("“%s” accepted as %s", bad[i].in, got);
      assert_field_error (error, "统一社会信用代码", bad[i].fragment);
    }
  g_assert_cmpint (desk_credit_code_check_character ("91350100I000100Y4"), ==, '\0');
  g_assert_cmpint (desk_credit_code_check_character ("9135"), ==, '\0');
}

/* Money */

static void
test_money_parse (void)
{
  const struct { const char *in; gint64 fen; } good[] = {
    { "0", 0 },
    { "0.00", 0 },
    { "0.5", 50 },
    { "0.05", 5 },
    { "1", 100 },
    { "1234.56", 123456 },
    { "1,234.56", 123456 },
    { "1,234,567.8", 123456780 },
    { "¥1234.56", 123456 },
    { "￥1234.56", 123456 },
    { "1234.56元", 123456 },
    { "¥1,234.56元", 123456 },
    { " 12.30 ", 1230 },
    { "007", 700 },
    { "9999999999999.99", G_GINT64_CONSTANT (999999999999999) },
    { "9,999,999,999,999.99", G_GINT64_CONSTANT (999999999999999) },
  };
  const struct { const char *in; const char *fragment; } bad[] = {
    { "", "不能为空" },
    { "   ", "不能为空" },
    { "12.345", "最多两位小数" },
    { "0.001", "最多两位小数" },
    { "12.340", "最多两位小数" },
    { "-1", "不能为负数" },
    { "-0.01", "不能为负数" },
    { "¥-5", "不能为负数" },
    { "１２３", "全角" },
    { "12３.4", "全角" },
    { "1,2,3", "不是有效金额" },
    { "12,34", "不是有效金额" },
    { "1234,567", "不是有效金额" },
    { ",123", "不是有效金额" },
    { "123,", "不是有效金额" },
    { "1,234.", "不是有效金额" },
    { ".5", "不是有效金额" },
    { "12.", "不是有效金额" },
    { "1.2.3", "不是有效金额" },
    { "abc", "不是有效金额" },
    { "12元5角", "不是有效金额" },
    { "1 234", "不是有效金额" },
    { "+5", "不是有效金额" },
    { "1e3", "不是有效金额" },
    { "¥", "不是有效金额" },
    { "元", "不是有效金额" },
    { "10000000000000", "金额过大" },
    { "9999999999999.999", "最多两位小数" },
    { "99999999999999999999999999", "金额过大（最多9999999999999.99元）" },
    { "92233720368547758.07", "金额过大" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      if (!desk_money_parse (good[i].in, &fen, &error))
        g_error ("“%s” refused: %s", good[i].in, error->message);
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      if (desk_money_parse (bad[i].in, &fen, &error))
        g_error ("“%s” accepted as %" G_GINT64_FORMAT, bad[i].in, fen);
      g_assert_cmpint (fen, ==, -1);  /* untouched on failure */
      assert_field_error (error, "金额", bad[i].fragment);
    }
}

static void
test_money_format (void)
{
  const struct { gint64 fen; const char *out; } cases[] = {
    { 0, "0.00" },
    { 5, "0.05" },
    { 50, "0.50" },
    { 123456, "1234.56" },
    { 100, "1.00" },
    { -1, "-0.01" },
    { G_GINT64_CONSTANT (999999999999999), "9999999999999.99" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = desk_money_format (cases[i].fen);
      g_assert_cmpstr (got, ==, cases[i].out);
    }

  /* A round trip keeps every fen. */
  for (gint64 fen = 0; fen < 100000; fen += 7)
    {
      g_autofree char *text = desk_money_format (fen);
      gint64 back = -1;

      g_assert_true (desk_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, fen);
    }
}

/* Dates */

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = desk_validate_date ("2026年3月5日", "受理日期", TODAY, &error);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2026-03-05");
  b = desk_validate_date (TODAY, "受理日期", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, TODAY);

  c = desk_validate_date ("2026-11-24", "受理日期", NULL, &error);
  g_assert_null (c);
  assert_field_error (error, "受理日期", "2026-11-24晚于今天（2026-11-23）");
  g_clear_error (&error);

  c = desk_validate_date ("2025-02-29", "受理日期", TODAY, &error);
  g_assert_null (c);
  assert_field_error (error, "受理日期", "“2025-02-29”不是有效日期");
  g_clear_error (&error);

  c = desk_validate_date ("19910230", "出生日期", TODAY, &error);
  g_assert_null (c);
  assert_field_error (error, "出生日期", "不是有效日期");
  g_clear_error (&error);

  c = desk_validate_date ("", "受理日期", TODAY, &error);
  g_assert_null (c);
  assert_field_error (error, "受理日期", "不能为空");
  g_clear_error (&error);

  c = desk_validate_date ("２０２６-03-05", "受理日期", TODAY, &error);
  g_assert_null (c);
  assert_field_error (error, "受理日期", "全角");
  g_clear_error (&error);

  d = desk_validate_datetime ("2026/3/5 9:07", "接收日期时间", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d, ==, "2026-03-05 09:07");
  g_clear_pointer (&d, g_free);
  d = desk_validate_datetime ("2026-11-23 23:59", "接收日期时间", TODAY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&d, g_free);
  d = desk_validate_datetime ("2026-11-24 00:00", "接收日期时间", TODAY, &error);
  g_assert_null (d);
  assert_field_error (error, "接收日期时间", "晚于今天");
  g_clear_error (&error);
  d = desk_validate_datetime ("2026-03-05 25:00", "接收日期时间", TODAY, &error);
  g_assert_null (d);
  assert_field_error (error, "接收日期时间", "不是有效的日期时间");
}

static void
test_date_order (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_validate_date_order ("2026-03-05", "受理日期", "2026-03-05", "结案日期",
                                           &error));
  g_assert_true (desk_validate_date_order ("2026-03-05", "受理日期", "2026-03-06", "结案日期",
                                           &error));
  g_assert_true (desk_validate_date_order (NULL, "受理日期", "2026-03-06", "结案日期", &error));
  g_assert_true (desk_validate_date_order ("2026-03-05", "受理日期", "", "结案日期", &error));
  /* A date-time's date part is compared. */
  g_assert_true (desk_validate_date_order ("2026-03-05 17:00", "接收日期时间", "2026-03-05",
                                           "转交日期", &error));
  g_assert_no_error (error);

  g_assert_false (desk_validate_date_order ("2026-03-05", "受理日期", "2026-03-04", "结案日期",
                                            &error));
  assert_field_error (error, "结案日期", "2026-03-04早于受理日期（2026-03-05）");
  g_clear_error (&error);
  g_assert_false (desk_validate_date_order ("2026-03-05 09:00", "接收日期时间", "2026-03-04",
                                            "转交日期", &error));
  assert_field_error (error, "转交日期", "早于接收日期时间");
}

/* Ethnicity */

static void
test_ethnicities (void)
{
  const char *const *names = desk_ethnicities ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (n = 0; names[n] != NULL; n++)
    {
      g_assert_true (g_str_has_suffix (names[n], "族"));
      g_assert_true (g_hash_table_add (seen, (gpointer) names[n]));
      g_assert_true (desk_validate_ethnicity (names[n], NULL));
    }
  g_assert_cmpuint (n, ==, 56);
  /* GB 3304 order: codes 01, 02, 06, 08, 44, 56. */
  g_assert_cmpstr (names[0], ==, "汉族");
  g_assert_cmpstr (names[1], ==, "蒙古族");
  g_assert_cmpstr (names[5], ==, "苗族");
  g_assert_cmpstr (names[7], ==, "壮族");
  g_assert_cmpstr (names[43], ==, "俄罗斯族");
  g_assert_cmpstr (names[55], ==, "基诺族");
}

static void
test_ethnicity_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *norm = NULL;

  g_assert_true (desk_validate_ethnicity ("汉族", &error));
  g_assert_true (desk_validate_ethnicity ("", &error));
  g_assert_true (desk_validate_ethnicity (NULL, &error));
  g_assert_true (desk_validate_ethnicity (" 苗族 ", &error));
  g_assert_no_error (error);

  g_assert_false (desk_validate_ethnicity ("汉", &error));
  assert_field_error (error, "民族", "请填写全称“汉族”");
  g_clear_error (&error);
  g_assert_false (desk_validate_ethnicity ("苗", &error));
  assert_field_error (error, "民族", "“苗族”");
  g_clear_error (&error);
  g_assert_false (desk_validate_ethnicity ("蒙古", &error));
  assert_field_error (error, "民族", "“蒙古族”");
  g_clear_error (&error);
  g_assert_false (desk_validate_ethnicity ("维吾", &error));
  assert_field_error (error, "民族", "您是否要填“维吾尔族”");
  g_clear_error (&error);
  g_assert_false (desk_validate_ethnicity ("穿青人", &error));
  assert_field_error (error, "民族", "“穿青人”不是GB 3304规定的56个民族名称之一");
  g_clear_error (&error);
  g_assert_false (desk_validate_ethnicity ("Han", &error));
  assert_field_error (error, "民族", "不是GB 3304");
  g_clear_error (&error);

  norm = desk_ethnicity_normalize ("  壮族 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "壮族");
  g_clear_pointer (&norm, g_free);
  norm = desk_ethnicity_normalize ("  ", &error);
  g_assert_no_error (error);
  g_assert_null (norm);
}

static void
test_minority (void)
{
  g_assert_false (desk_is_minority ("汉族", FALSE));
  g_assert_false (desk_is_minority ("汉族", TRUE));
  g_assert_true (desk_is_minority ("苗族", FALSE));
  g_assert_true (desk_is_minority ("基诺族", FALSE));
  g_assert_true (desk_is_minority ("蒙古族", TRUE));
  /* Empty: 汉族 for a citizen, unknown for a foreigner; neither counts. */
  g_assert_false (desk_is_minority (NULL, FALSE));
  g_assert_false (desk_is_minority ("", FALSE));
  g_assert_false (desk_is_minority (NULL, TRUE));
  g_assert_false (desk_is_minority ("汉", FALSE));
  g_assert_false (desk_is_minority ("火星族", FALSE));

  g_assert_cmpstr (desk_ethnicity_effective (NULL, FALSE), ==, "汉族");
  g_assert_cmpstr (desk_ethnicity_effective ("", FALSE), ==, "汉族");
  g_assert_null (desk_ethnicity_effective (NULL, TRUE));
  g_assert_null (desk_ethnicity_effective ("", TRUE));
  g_assert_cmpstr (desk_ethnicity_effective ("苗族", TRUE), ==, "苗族");

  /* 55 minorities, exactly. */
  {
    const char *const *names = desk_ethnicities ();
    guint count = 0;

    for (guint i = 0; names[i] != NULL; i++)
      count += desk_is_minority (names[i], FALSE);
    g_assert_cmpuint (count, ==, 55);
  }
}

/* Derived categories */

static void
test_age_categories (void)
{
  /* 60 on the birthday, not the day before. */
  g_assert_true (desk_is_elderly ("1966-11-23", "2026-11-23"));
  g_assert_false (desk_is_elderly ("1966-11-24", "2026-11-23"));
  g_assert_true (desk_is_elderly ("1930-01-01", "2026-11-23"));
  g_assert_false (desk_is_elderly (NULL, "2026-11-23"));
  g_assert_false (desk_is_elderly ("", "2026-11-23"));

  /* 18 on the birthday: no longer a minor. */
  g_assert_true (desk_is_minor ("2008-11-24", "2026-11-23"));
  g_assert_false (desk_is_minor ("2008-11-23", "2026-11-23"));
  g_assert_true (desk_is_minor ("2026-11-23", "2026-11-23"));
  g_assert_false (desk_is_minor ("2026-11-24", "2026-11-23"));  /* not born yet */
  g_assert_false (desk_is_minor (NULL, "2026-11-23"));
  g_assert_false (desk_is_minor ("bad", "2026-11-23"));

  /* Born on 29 February: a year older on 1 March in common years. */
  g_assert_true (desk_is_minor ("2008-02-29", "2026-02-28"));
  g_assert_false (desk_is_minor ("2008-02-29", "2026-03-01"));
  g_assert_false (desk_is_elderly ("1964-02-29", "2024-02-28"));
  g_assert_true (desk_is_elderly ("1964-02-29", "2024-02-29"));
  g_assert_false (desk_is_elderly ("1965-02-29", "2025-02-28"));  /* no such birthday: invalid */
  g_assert_false (desk_is_elderly ("1968-02-29", "2028-02-28"));
  g_assert_true (desk_is_elderly ("1968-02-29", "2028-02-29"));
  g_assert_false (desk_is_elderly ("1964-02-29", "2023-03-01"));
  g_assert_true (desk_is_elderly ("1963-02-28", "2023-03-01"));
}

/* Names */

static void
test_names (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "张三", "张三" },
    { "  张三  ", "张三" },
    { "\u3000张三\u3000", "张三" },
    { "阿卜杜拉  买买提", "阿卜杜拉 买买提" },
    { "John\t\tSmith", "John Smith" },
    { "青山村 村民委员会", "青山村 村民委员会" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = desk_validate_name (good[i].in, "姓名", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, good[i].out);
    }
  {
    const char *bad[] = { "", "   ", "\u3000\u3000", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *got = desk_validate_name (bad[i], "姓名", &error);

        g_assert_null (got);
        assert_field_error (error, "姓名", "不能为空");
      }
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *got = desk_validate_name ("\xe5\xbc", "姓名", &error);

    g_assert_null (got);
    assert_field_error (error, "姓名", "无法识别");
  }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  desk_test_init (&argc, &argv);
  g_setenv ("LEGALDESK_TODAY", TODAY, TRUE);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/validate/id/valid", test_id_valid);
  g_test_add_func ("/validate/id/check-character", test_id_check_character);
  g_test_add_func ("/validate/id/x", test_id_x);
  g_test_add_func ("/validate/id/wrong-check", test_id_wrong_check);
  g_test_add_func ("/validate/id/old-format", test_id_old_format);
  g_test_add_func ("/validate/id/bad-input", test_id_bad_input);
  g_test_add_func ("/validate/id/today", test_id_today);
  g_test_add_func ("/validate/id/inner-spaces", test_id_inner_spaces);
  g_test_add_func ("/validate/id/matches", test_id_matches);
  g_test_add_func ("/validate/sex-labels", test_sex_labels);
  g_test_add_func ("/validate/phone/mobile", test_mobile);
  g_test_add_func ("/validate/phone/landline", test_landline);
  g_test_add_func ("/validate/phone/either", test_phone);
  g_test_add_func ("/validate/credit-code/valid", test_credit_code);
  g_test_add_func ("/validate/credit-code/mod31", test_credit_code_mod31);
  g_test_add_func ("/validate/credit-code/bad", test_credit_code_bad);
  g_test_add_func ("/validate/money/parse", test_money_parse);
  g_test_add_func ("/validate/money/format", test_money_format);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/date-order", test_date_order);
  g_test_add_func ("/validate/ethnicity/list", test_ethnicities);
  g_test_add_func ("/validate/ethnicity/validate", test_ethnicity_validate);
  g_test_add_func ("/validate/ethnicity/minority", test_minority);
  g_test_add_func ("/validate/age-categories", test_age_categories);
  g_test_add_func ("/validate/names", test_names);

  return g_test_run ();
}
