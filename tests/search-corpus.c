/* search-corpus.c — a generated ledger of Chinese records, and queries
 * drawn from it, for the search and list tests and the benchmark.
 *
 * Records are written with plain SQL (the registers they point at are
 * created first), so that the corpus depends on the schema only.  ID
 * numbers are unique by construction and carry a real check character, an
 * "X" now and then; numbers (ZX2025-0001, FY…) give ASCII to fold.
 */
#include "config.h"

#include <string.h>

#include "desk-codes.h"
#include "search-corpus.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "欧阳", "司马",
};

static const char *const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "兰", "霞", "平", "刚", "华", "红", "飞", "鹏", "辉", "玲", "燕", "萍", "宇",
  "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "波", "斌", "鑫", "欣", "婷",
  "雪", "琳", "晶", "慧", "丹", "梅", "莉", "颖", "倩", "佳", "亮", "成", "峰", "文", "东",
  "海", "春", "秋", "云", "山", "生", "福", "贵", "国", "建",
};

static const char *const villages[] = {
  "青山村", "石桥村", "柳溪村", "新民社区", "枫林村", "桃源村", "河口村", "东风社区",
};

static const char *const subjects[] = {
  "邻居", "丈夫", "妻子", "儿子", "女儿", "村委会", "承包方", "老板", "出租方", "保险公司",
  "前夫", "兄弟", "物业公司", "施工队", "驾驶员",
};

static const char *const issues[] = {
  "宅基地界限争议", "土地承包经营权纠纷", "拖欠工资", "离婚财产分割", "子女抚养费",
  "赡养老人费用", "交通事故赔偿", "房屋租赁合同到期", "借款不还", "彩礼返还", "工伤认定",
  "征地补偿款分配", "邻里排水沟堵塞", "树木砍伐纠纷", "医疗费用争议", "山林权属争议",
  "养殖污染", "婚约财产", "继承遗产分配", "劳务报酬结算",
};

static const char *const replies[] = {
  "建议收集证据后申请人民调解", "告知可向人民法院起诉", "已引导申请法律援助",
  "解释相关法律规定，当事人表示理解", "建议与对方协商解决", "转交村调委会处理",
};

static const char *const notes_pool[] = {
  "低保户", "残疾人，行动不便", "外出务工，常住广东东莞", "独居老人", "退役军人",
  "听力不好，需大声说话", "联系人为其子女",
};

static const char *const ascii_handles[] = {
  "WeChat", "ZhangWei88", "LiNa_2020", "QQ", "Email", "chenJun", "WangFang",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  DeskStore *store;
  GRand     *rand;
  gint64     staff;
  gint64     village[G_N_ELEMENTS (villages)];
  gint64     committee[2];
  gint64     adviser;
  gint64     codes[8];    /* see code_kinds */
  guint      people;
} Corpus;

static const char *const code_kinds[] = {
  DESK_CODE_CHANNEL, DESK_CODE_CONSULT_CATEGORY, DESK_CODE_CONSULT_RESULT,
  DESK_CODE_CASE_SOURCE, DESK_CODE_DISPUTE_TYPE, DESK_CODE_AID_MATTER_TYPE,
  DESK_CODE_AID_MATTER, DESK_CODE_SERVICE_MODE,
};

static sqlite3_stmt *
prepare (Corpus     *c,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (c->store, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

static gint64
step_insert (Corpus       *c,
             sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  desk_store_step_done (c->store, stmt, &error);
  g_assert_no_error (error);
  /* Optional columns are bound now and then: start each row afresh. */
  sqlite3_clear_bindings (stmt);
  return desk_store_last_insert_id (c->store);
}

static gint64
code_id (Corpus     *c,
         const char *kind)
{
  sqlite3_stmt *stmt = prepare (c, "SELECT min (id) FROM codes WHERE kind = ?1");
  gint64 id;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
append_name (Corpus  *c,
             GString *out)
{
  g_string_append (out, PICK (c->rand, surnames));
  g_string_append (out, PICK (c->rand, given));
  if (g_rand_boolean (c->rand))
    g_string_append (out, PICK (c->rand, given));
}

static void
append_phone (Corpus  *c,
              GString *out)
{
  static const char second[] = "3578";

  g_string_append_c (out, '1');
  g_string_append_c (out, second[g_rand_int_range (c->rand, 0, 4)]);
  for (int i = 0; i < 9; i++)
    g_string_append_c (out, '0' + g_rand_int_range (c->rand, 0, 10));
}

/* A citizen ID number unique to @i, with its GB 11643 check character. */
static char *
id_number (guint i)
{
  static const char *const areas[] = { "430103", "430521", "431102", "432503", "430602" };
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  g_autoptr(GDate) birth = g_date_new_dmy (1, 1, 1940);
  char date[16];
  GString *id = g_string_new (areas[i % G_N_ELEMENTS (areas)]);
  int sum = 0;

  /* 7919 is prime to 25000: distinct thousands of i get distinct days. */
  g_date_add_days (birth, ((i / 1000) * 7919) % 25000);
  g_date_strftime (date, sizeof date, "%Y%m%d", birth);
  g_string_append_printf (id, "%s%03u", date, i % 1000);
  for (int k = 0; k < 17; k++)
    sum += (id->str[k] - '0') * weights[k];
  g_string_append_c (id, checks[sum % 11]);
  return g_string_free (id, FALSE);
}

static char *
issue_text (Corpus *c)
{
  GString *text = g_string_new (NULL);
  const char *subject = PICK (c->rand, subjects);
  const char *issue = PICK (c->rand, issues);

  switch (g_rand_int_range (c->rand, 0, 5))
    {
    case 0:
      g_string_append_printf (text, "咨询与%s之间的%s问题", subject, issue);
      break;
    case 1:
      g_string_append_printf (text, "%s%s，要求给予法律意见", subject, issue);
      break;
    case 2:
      g_string_append_printf (text, "因%s与%s发生争执，涉及金额约%d元", issue, subject,
                              g_rand_int_range (c->rand, 1, 500) * 100);
      break;
    case 3:
      g_string_append_printf (text, "来电反映%s，对方", issue);
      append_name (c, text);
      g_string_append (text, "电话");
      append_phone (c, text);
      break;
    default:
      g_string_append_printf (text, "%s村民反映%s，情绪激动", PICK (c->rand, villages), issue);
      break;
    }
  if (g_rand_int_range (c->rand, 0, 3) == 0)
    g_string_append_printf (text, "。另涉及%s", PICK (c->rand, issues));
  g_string_append (text, "。");
  return g_string_free (text, FALSE);
}

static void
fill_registers (Corpus *c)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (code_kinds); i++)
    c->codes[i] = code_id (c, code_kinds[i]);

  stmt = prepare (c, "INSERT INTO staff (name, role, created_at, updated_at)"
                     " VALUES ('周文', '所长', '2024-01-01 08:00:00', '2024-01-01 08:00:00')");
  c->staff = step_insert (c, stmt);

  stmt = prepare (c, "INSERT INTO villages (name, kind, created_at, updated_at)"
                     " VALUES (?1, ?2, '2024-01-01 08:00:00', '2024-01-01 08:00:00')");
  for (guint i = 0; i < G_N_ELEMENTS (villages); i++)
    {
      sqlite3_bind_text (stmt, 1, villages[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_str_has_suffix (villages[i], "社区") ? "社区" : "村", -1,
                         SQLITE_STATIC);
      c->village[i] = step_insert (c, stmt);
    }

  stmt = prepare (c, "INSERT INTO committees (name, short_name, type_id, village_id,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
                     " '2024-01-01 08:00:00', '2024-01-01 08:00:00')");
  for (guint i = 0; i < 2; i++)
    {
      sqlite3_bind_text (stmt, 1, i == 0 ? "青山镇人民调解委员会" : "青山村人民调解委员会",
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, i == 0 ? "青山" : "青山村", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, code_id (c, DESK_CODE_COMMITTEE_TYPE));
      sqlite3_bind_int64 (stmt, 4, c->village[0]);
      c->committee[i] = step_insert (c, stmt);
    }

  stmt = prepare (c, "INSERT INTO advisers (name, practice_type_id, institution, term_from,"
                     " created_at, updated_at) VALUES ('林律师', ?1, '青山律师事务所',"
                     " '2024-01-01', '2024-01-01 08:00:00', '2024-01-01 08:00:00')");
  sqlite3_bind_int64 (stmt, 1, code_id (c, DESK_CODE_PRACTICE_TYPE));
  c->adviser = step_insert (c, stmt);
}

static void
fill_people (Corpus *c,
             guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO people (id, name, id_number, phone, address, village_id, notes,"
    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
    " '2024-01-01 08:00:00', '2024-01-01 08:00:00')");

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) phone = g_string_new (NULL);
      g_autofree char *id = id_number (i);
      g_autofree char *address = NULL;
      g_autofree char *notes = NULL;
      guint v = g_rand_int_range (c->rand, 0, G_N_ELEMENTS (villages));
      int r = g_rand_int_range (c->rand, 0, 10);

      append_name (c, name);
      append_phone (c, phone);
      address = g_strdup_printf ("青山镇%s%d组%d号", villages[v],
                                 g_rand_int_range (c->rand, 1, 12),
                                 g_rand_int_range (c->rand, 1, 120));
      if (r < 2)
        notes = g_strdup (PICK (c->rand, notes_pool));
      else if (r == 2)
        notes = g_strdup_printf ("%s %s%d", PICK (c->rand, ascii_handles),
                                 PICK (c->rand, ascii_handles), g_rand_int_range (c->rand, 1, 99));
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name->str, -1, SQLITE_TRANSIENT);
      if (r != 3)
        sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      if (r != 4)
        sqlite3_bind_text (stmt, 4, phone->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, address, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, c->village[v]);
      desk_sql_bind_text_or_null (stmt, 7, notes);
      step_insert (c, stmt);
    }
  c->people = n;
}

static gint64
any_person (Corpus *c)
{
  return g_rand_int_range (c->rand, 1, c->people + 1);
}

/* A date of 2024–2026, as "YYYY-MM-DD". */
static char *
any_date (Corpus *c,
          int    *year)
{
  *year = g_rand_int_range (c->rand, 2024, 2027);
  return g_strdup_printf ("%d-%02d-%02d", *year, g_rand_int_range (c->rand, 1, 13),
                          g_rand_int_range (c->rand, 1, 29));
}

static void
fill_consultations (Corpus *c,
                    guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO consultations (number, year, seq, at, staff_id, channel_id, person_id,"
    " village_id, category_id, content, reply, result_id, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?4, ?4)");
  guint seq[3] = { 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      int year;
      g_autofree char *date = any_date (c, &year);
      g_autofree char *at = g_strdup_printf ("%s %02d:%02d", date,
                                             g_rand_int_range (c->rand, 8, 18),
                                             g_rand_int_range (c->rand, 0, 60));
      g_autofree char *number = NULL;
      g_autofree char *content = issue_text (c);
      guint s = ++seq[year - 2024];

      number = g_strdup_printf ("ZX%d-%04u", year, s);
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, year);
      sqlite3_bind_int (stmt, 3, s);
      sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, c->staff);
      sqlite3_bind_int64 (stmt, 6, c->codes[0]);
      if (g_rand_int_range (c->rand, 0, 10) > 0)
        sqlite3_bind_int64 (stmt, 7, any_person (c));
      sqlite3_bind_int64 (stmt, 8, c->village[g_rand_int_range (c->rand, 0,
                                                                G_N_ELEMENTS (villages))]);
      sqlite3_bind_int64 (stmt, 9, c->codes[1] + g_rand_int_range (c->rand, 0, 3));
      sqlite3_bind_text (stmt, 10, content, -1, SQLITE_TRANSIENT);
      if (g_rand_int_range (c->rand, 0, 10) > 2)
        sqlite3_bind_text (stmt, 11, PICK (c->rand, replies), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 12, c->codes[2]);
      step_insert (c, stmt);
    }
}

static void
fill_cases (Corpus *c,
            guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO mediation_cases (number, year, seq, committee_id, accepted_on, source_id,"
    " dispute_type_id, party_count, summary, request, status, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?5, ?5)");
  sqlite3_stmt *party = prepare (c,
    "INSERT OR IGNORE INTO case_parties (case_id, person_id, role, sort_order)"
    " VALUES (?1, ?2, ?3, ?4)");
  static const char *const statuses[] = { "已受理", "调解中" };
  guint seq[3] = { 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      int year;
      g_autofree char *date = any_date (c, &year);
      g_autofree char *summary = issue_text (c);
      g_autofree char *number = NULL;
      g_autofree char *request = NULL;
      guint s = ++seq[year - 2024];
      int parties = g_rand_int_range (c->rand, 1, 4);
      gint64 id;

      number = g_strdup_printf ("（%d）青山人调字第%u号", year, s);
      request = g_strdup_printf ("请求调解%s，要求对方赔偿%d元", PICK (c->rand, issues),
                                 g_rand_int_range (c->rand, 1, 300) * 100);
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, year);
      sqlite3_bind_int (stmt, 3, s);
      sqlite3_bind_int64 (stmt, 4, c->committee[0]);
      sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, c->codes[3]);
      sqlite3_bind_int64 (stmt, 7, c->codes[4] + g_rand_int_range (c->rand, 0, 5));
      sqlite3_bind_int (stmt, 8, parties);
      sqlite3_bind_text (stmt, 9, summary, -1, SQLITE_TRANSIENT);
      if (g_rand_boolean (c->rand))
        sqlite3_bind_text (stmt, 10, request, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, PICK (c->rand, statuses), -1, SQLITE_STATIC);
      id = step_insert (c, stmt);
      for (int p = 0; p < parties; p++)
        {
          sqlite3_bind_int64 (party, 1, id);
          sqlite3_bind_int64 (party, 2, any_person (c));
          sqlite3_bind_text (party, 3, p == 0 ? "申请人" : "被申请人", -1, SQLITE_STATIC);
          sqlite3_bind_int (party, 4, p);
          step_insert (c, party);
        }
    }
}

static void
fill_legal_aid (Corpus *c,
                guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO legal_aid (number, year, seq, received_at, receiver_id, person_id,"
    " matter_type_id, matter_id, summary, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?4, ?4)");
  guint seq[3] = { 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      int year;
      g_autofree char *date = any_date (c, &year);
      g_autofree char *at = g_strdup_printf ("%s 09:30", date);
      g_autofree char *issue = issue_text (c);
      g_autofree char *summary = g_strdup_printf ("申请人因%s申请法律援助。%s",
                                                  PICK (c->rand, issues), issue);
      g_autofree char *number = NULL;
      guint s = ++seq[year - 2024];

      number = g_strdup_printf ("FY%d-%04u", year, s);
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, year);
      sqlite3_bind_int (stmt, 3, s);
      sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, c->staff);
      sqlite3_bind_int64 (stmt, 6, any_person (c));
      sqlite3_bind_int64 (stmt, 7, c->codes[5]);
      sqlite3_bind_int64 (stmt, 8, c->codes[6]);
      sqlite3_bind_text (stmt, 9, summary, -1, SQLITE_TRANSIENT);
      step_insert (c, stmt);
    }
}

static void
fill_screenings (Corpus *c,
                 guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO screenings (screened_on, committee_id, village_id, screener, found,"
    " prevented, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?1, ?1)");

  for (guint i = 0; i < n; i++)
    {
      int year;
      g_autofree char *date = any_date (c, &year);
      g_autoptr(GString) screener = g_string_new (NULL);
      guint v = g_rand_int_range (c->rand, 0, G_N_ELEMENTS (villages));
      g_autofree char *notes = g_strdup_printf ("排查%s%s隐患%d起", villages[v],
                                                PICK (c->rand, issues),
                                                g_rand_int_range (c->rand, 1, 6));

      append_name (c, screener);
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, c->committee[g_rand_int_range (c->rand, 0, 2)]);
      sqlite3_bind_int64 (stmt, 3, c->village[v]);
      sqlite3_bind_text (stmt, 4, screener->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, g_rand_int_range (c->rand, 0, 6));
      sqlite3_bind_int (stmt, 6, g_rand_int_range (c->rand, 0, 3));
      sqlite3_bind_text (stmt, 7, notes, -1, SQLITE_TRANSIENT);
      step_insert (c, stmt);
    }
}

static void
fill_services (Corpus *c,
               guint   n)
{
  sqlite3_stmt *stmt = prepare (c,
    "INSERT INTO adviser_services (served_on, adviser_id, village_id, mode_id, half_hours,"
    " consults, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?1, ?1)");

  for (guint i = 0; i < n; i++)
    {
      int year;
      g_autofree char *date = any_date (c, &year);
      guint v = g_rand_int_range (c->rand, 0, G_N_ELEMENTS (villages));
      int consults = g_rand_int_range (c->rand, 0, 9);
      g_autofree char *notes = g_rand_boolean (c->rand)
        ? g_strdup_printf ("到%s开展法治讲座，主题：%s", villages[v], PICK (c->rand, issues))
        : g_strdup_printf ("解答村民咨询%d件，涉及%s", consults, PICK (c->rand, issues));

      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, c->adviser);
      sqlite3_bind_int64 (stmt, 3, c->village[v]);
      sqlite3_bind_int64 (stmt, 4, c->codes[7]);
      sqlite3_bind_int (stmt, 5, g_rand_int_range (c->rand, 1, 9));
      sqlite3_bind_int (stmt, 6, consults);
      sqlite3_bind_text (stmt, 7, notes, -1, SQLITE_TRANSIENT);
      step_insert (c, stmt);
    }
}

void
corpus_fill (DeskStore        *store,
             const CorpusSize *size)
{
  g_autoptr(GError) error = NULL;
  Corpus c = { .store = store };

  c.rand = g_rand_new_with_seed (size->seed);
  g_assert_true (desk_store_begin (store, &error));
  fill_registers (&c);
  fill_people (&c, MAX (size->people, 1));
  fill_consultations (&c, size->consultations);
  fill_cases (&c, size->cases);
  fill_legal_aid (&c, size->legal_aid);
  fill_screenings (&c, size->screenings);
  fill_services (&c, size->services);
  g_assert_true (desk_store_commit (store, &error));
  g_assert_no_error (error);
  g_rand_free (c.rand);
}

/* Queries */

static char *
query_text (DeskStore  *store,
            const char *sql,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = desk_sql_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

static gint64
max_id (DeskStore  *store,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* @len characters of @text from a random place, or NULL when it is shorter
 * or the piece would hold a blank. */
static char *
piece (GRand      *rand,
       const char *text,
       glong       len)
{
  glong n;
  glong from;
  char *out;

  if (text == NULL)
    return NULL;
  n = g_utf8_strlen (text, -1);
  if (n < len)
    return NULL;
  from = g_rand_int_range (rand, 0, n - len + 1);
  out = g_utf8_substring (text, from, from + len);
  for (const char *p = out; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_free (out);
        return NULL;
      }
  return out;
}

static char *
mix_case (GRand      *rand,
          const char *text)
{
  char *out = g_strdup (text);

  for (char *p = out; *p; p++)
    if (g_ascii_isalpha (*p))
      *p = g_rand_boolean (rand) ? g_ascii_toupper (*p) : g_ascii_tolower (*p);
  return out;
}

GPtrArray *
corpus_queries (DeskStore *store,
                guint      n,
                guint32    seed)
{
  static const char *const misses[] = {
    "不存在的词", "99999999999", "火星移民", "ZZZQ", "宅基地界限争议纠纷解决方案",
    "张张张", "0000000", "法律援助中心主任", "Ωμέγα", "abcxyz",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  gint64 people = max_id (store, "SELECT max (id) FROM people");
  gint64 consultations = max_id (store, "SELECT coalesce (max (id), 0) FROM consultations");
  gint64 cases = max_id (store, "SELECT coalesce (max (id), 0) FROM mediation_cases");
  gint64 aid = max_id (store, "SELECT coalesce (max (id), 0) FROM legal_aid");
  guint misses_used = 0;

  while (queries->len < n)
    {
      gint64 person = g_rand_int_range (rand, 1, people + 1);
      char *q = NULL;

      switch (queries->len % 14)
        {
        case 0:  /* a whole name */
          q = query_text (store, "SELECT name FROM people WHERE id = ?1", person);
          break;
        case 1:  /* two characters of a name: a two-character name, or surname + one */
          {
            g_autofree char *name = query_text (store, "SELECT name FROM people WHERE id = ?1",
                                                person);
            q = piece (rand, name, 2);
          }
          break;
        case 2:  /* ID number fragment of 4 to 10 digits */
          {
            g_autofree char *id = query_text (store,
                                              "SELECT id_number FROM people WHERE id = ?1",
                                              person);
            q = piece (rand, id, g_rand_int_range (rand, 4, 11));
          }
          break;
        case 3:  /* the end of an ID number, X in either case */
          {
            g_autofree char *id = query_text (store,
                                              "SELECT id_number FROM people WHERE id = ?1"
                                              " AND id_number LIKE '%X'", person);
            if (id != NULL)
              q = mix_case (rand, id + 12);
          }
          break;
        case 4:  /* phone fragment of 4 to 11 digits */
        case 5:
          {
            g_autofree char *phone = query_text (store,
                                                 "SELECT phone FROM people WHERE id = ?1",
                                                 person);
            q = piece (rand, phone, g_rand_int_range (rand, 4, 12));
          }
          break;
        case 6:  /* phrase from a consultation */
        case 7:
          if (consultations > 0)
            {
              g_autofree char *text = query_text (store,
                "SELECT content FROM consultations WHERE id = ?1",
                g_rand_int_range (rand, 1, consultations + 1));
              q = piece (rand, text, g_rand_int_range (rand, 2, 7));
            }
          break;
        case 8:  /* phrase from a case or an application */
          if (cases > 0 && aid > 0)
            {
              g_autofree char *text = query_text (store, g_rand_boolean (rand)
                ? "SELECT summary FROM mediation_cases WHERE id = ?1"
                : "SELECT summary FROM legal_aid WHERE id = ?1",
                g_rand_int_range (rand, 1, MIN (cases, aid) + 1));
              q = piece (rand, text, g_rand_int_range (rand, 2, 9));
            }
          break;
        case 9:  /* a number in mixed case, whole or in part */
          if (consultations > 0 && aid > 0)
            {
              g_autofree char *number = query_text (store, g_rand_boolean (rand)
                ? "SELECT number FROM consultations WHERE id = ?1"
                : "SELECT number FROM legal_aid WHERE id = ?1",
                g_rand_int_range (rand, 1, MIN (consultations, aid) + 1));
              g_autofree char *part = piece (rand, number, g_rand_int_range (rand, 4, 12));

              if (part != NULL)
                q = mix_case (rand, part);
            }
          break;
        case 10:  /* ASCII in notes, mixed case */
          {
            g_autofree char *notes = query_text (store,
              "SELECT notes FROM people WHERE id >= ?1 AND notes GLOB '*[A-Za-z]*' LIMIT 1",
              person);
            g_autofree char *part = piece (rand, notes, g_rand_int_range (rand, 2, 7));

            if (part != NULL)
              q = mix_case (rand, part);
          }
          break;
        case 11:  /* two words: a name and a phrase */
          if (consultations > 0)
            {
              gint64 id = g_rand_int_range (rand, 1, consultations + 1);
              g_autofree char *name = query_text (store,
                "SELECT p.name FROM consultations c JOIN people p ON p.id = c.person_id"
                " WHERE c.id = ?1", id);
              g_autofree char *text = query_text (store,
                "SELECT content FROM consultations WHERE id = ?1", id);
              g_autofree char *part = piece (rand, text, 2);

              if (name != NULL && part != NULL)
                q = g_strconcat (name, " ", part, NULL);
            }
          break;
        case 12:  /* one character */
          {
            g_autofree char *name = query_text (store, "SELECT name FROM people WHERE id = ?1",
                                                person);
            q = piece (rand, name, 1);
          }
          break;
        default:  /* found nowhere */
          q = g_strdup (misses[misses_used++ % G_N_ELEMENTS (misses)]);
          break;
        }
      if (q != NULL)
        g_ptr_array_add (queries, q);
    }
  return queries;
}
