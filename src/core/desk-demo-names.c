/* desk-demo-names.c — names for the demonstration township: people (common
 * surnames and given names), villages and communities, firms, law offices.
 *
 * All of it is data (Chinese literals, never translated).  A person's name
 * is kept as a small code (surname, sex, given name) so that the register
 * of a million-record township fits in memory.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

/* The most common surnames, roughly in order of frequency. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "柯", "桂", "聂", "詹", "甘",
};

static const char *const male_double[] = {
  "建国", "建华", "建军", "国强", "国平", "志强", "志明", "志刚", "志勇", "海涛", "海波",
  "永红", "永强", "永生", "春生", "春华", "德明", "德胜", "德福", "金龙", "金生", "长青",
  "长林", "文华", "文斌", "文军", "明辉", "明亮", "小龙", "小军", "晓东", "晓峰", "红兵",
  "卫东", "卫国", "爱国", "新民", "新华", "振华", "振国", "玉成", "玉林", "桂生", "水生",
  "根生", "福生", "宝山", "子豪", "浩然", "宇航", "俊杰", "子轩", "梓涵", "一鸣", "思远",
  "家豪", "嘉伟", "天佑", "博文", "宏伟", "鹏飞", "立新", "胜利", "光明", "庆丰", "有才",
  "大海", "大勇", "先锋", "正清", "世杰", "承志", "少华", "伟民", "学军", "树林", "传福",
};

static const char *const male_single[] = {
  "伟", "强", "军", "勇", "杰", "涛", "明", "超", "华", "平", "刚", "辉", "斌", "波", "鹏",
  "磊", "峰", "林", "松", "亮", "飞", "浩", "宇", "鑫", "凯", "健", "坤", "彬", "龙", "成",
};

static const char *const female_double[] = {
  "秀英", "秀兰", "秀珍", "桂英", "桂兰", "桂芳", "玉兰", "玉梅", "玉珍", "凤英", "凤兰",
  "冬梅", "春梅", "春燕", "海燕", "丽娟", "丽华", "丽萍", "美玲", "美华", "淑芬", "淑珍",
  "小红", "小燕", "小芳", "晓燕", "晓丽", "红梅", "红霞", "雪梅", "金凤", "金花", "爱华",
  "爱萍", "翠兰", "翠英", "月娥", "彩霞", "素芬", "巧云", "佳怡", "欣怡", "子涵", "雨欣",
  "诗琪", "梦瑶", "思雨", "梓萱", "可馨", "雅婷", "婉婷", "慧敏", "静怡", "晓雯", "文静",
  "丹丹", "婷婷", "莉莉", "琳琳", "佳琪", "美娟", "菊香", "荷花", "兰英", "秋菊", "银凤",
};

static const char *const female_single[] = {
  "芳", "娟", "敏", "静", "丽", "艳", "英", "霞", "玲", "燕", "萍", "红", "梅", "兰", "琴",
  "丹", "婷", "雪", "慧", "洁", "颖", "倩", "琳", "娜", "蓉", "莉", "薇", "瑶", "菲", "媛",
};

#define N_SURNAMES G_N_ELEMENTS (surnames)

/* code: surname (8 bits) | female (1) | single (1) | given (8) */
guint32
demo_name_random (DemoRng *rng,
                  int      sex)
{
  guint32 u = demo_below (rng, 1u << 16);
  guint32 surname = (guint32) (((guint64) u * u * N_SURNAMES) >> 32);
  gboolean female = sex == DESK_SEX_FEMALE ||
                    (sex != DESK_SEX_MALE && demo_chance (rng, 500));
  gboolean single = demo_chance (rng, 280);
  guint32 n = female ? (single ? G_N_ELEMENTS (female_single) : G_N_ELEMENTS (female_double))
                     : (single ? G_N_ELEMENTS (male_single) : G_N_ELEMENTS (male_double));

  return surname << 10 | (guint32) female << 9 | (guint32) single << 8 | demo_below (rng, n);
}

int
demo_name_sex (guint32 code)
{
  return (code >> 9) & 1 ? DESK_SEX_FEMALE : DESK_SEX_MALE;
}

void
demo_name_write (guint32 code,
                 char    out[16])
{
  gboolean female = (code >> 9) & 1;
  gboolean single = (code >> 8) & 1;
  guint32 given = code & 0xff;
  const char *g = female ? (single ? female_single[given] : female_double[given])
                         : (single ? male_single[given] : male_double[given]);

  g_strlcpy (out, surnames[(code >> 10) % N_SURNAMES], 16);
  g_strlcat (out, g, 16);
}

/* Communities first (the last of them is built during the years the demo
 * covers), then villages. */
static const char *const village_names[] = {
  "镇东社区", "新街社区", "滨河社区",
  "河西村", "桥头村", "杨柳村", "石门村", "凤凰村", "新塘村", "大坪村", "枫树村",
  "白沙村", "竹林村", "高岭村", "长岗村", "黄土村", "金山村", "龙泉村", "梅溪村",
  "双港村", "马鞍村", "茶园村", "樟树村", "柏树村", "松湖村", "田心村", "洪家村",
};

#define N_COMMUNITIES 3

const char *
demo_village_name (int       i,
                   gboolean *community)
{
  if (community != NULL)
    *community = i < N_COMMUNITIES;
  return village_names[i];
}

int
demo_village_name_count (void)
{
  return G_N_ELEMENTS (village_names);
}

/* Among the 55 minority names of GB 3304, those a county in the middle of
 * the country plausibly sees. */
const char *const demo_minorities[] = {
  "苗族", "土家族", "回族", "壮族", "畲族", "瑶族", "侗族", "蒙古族", "满族", "彝族",
  "布依族", "白族",
};
const int demo_n_minorities = G_N_ELEMENTS (demo_minorities);

/* Foreign spouses and workers: Vietnamese, Burmese and Lao names. */
static const struct
{
  const char *name;
  int         sex;
  const char *nation;
} foreigners[] = {
  { "阮氏秋", DESK_SEX_FEMALE, "越南" }, { "黎氏兰", DESK_SEX_FEMALE, "越南" },
  { "范氏红", DESK_SEX_FEMALE, "越南" }, { "陈氏花", DESK_SEX_FEMALE, "越南" },
  { "阮氏梅", DESK_SEX_FEMALE, "越南" }, { "武氏香", DESK_SEX_FEMALE, "越南" },
  { "阮文强", DESK_SEX_MALE, "越南" }, { "黎文山", DESK_SEX_MALE, "越南" },
  { "玛温", DESK_SEX_FEMALE, "缅甸" }, { "杜拉拉", DESK_SEX_FEMALE, "缅甸" },
  { "吴丁貌", DESK_SEX_MALE, "缅甸" }, { "宋蓬", DESK_SEX_MALE, "老挝" },
  { "占塔", DESK_SEX_FEMALE, "老挝" },
};

int
demo_foreign_pick (DemoRng *rng,
                   int      sex)
{
  guint i;

  do
    i = demo_below (rng, G_N_ELEMENTS (foreigners));
  while (sex != DESK_SEX_UNKNOWN && foreigners[i].sex != sex);
  return (int) i;
}

const char *
demo_foreign_name (int          i,
                   const char **nation)
{
  if (nation != NULL)
    *nation = foreigners[i].nation;
  return foreigners[i].name;
}

static const char *const trade_names[] = {
  "宏达", "鑫源", "恒丰", "金山", "华盛", "永兴", "利民", "兴旺", "昌盛", "富民", "瑞丰",
  "顺达", "广源", "天成", "绿源", "嘉禾", "万通", "正泰", "隆盛", "福瑞", "新宇", "盛世",
};

/* The kind of firm a dispute of each type is most likely to be with. */
static const char *const firm_kinds[] = {
  "青山县%s建筑工程有限公司", "九江%s建筑劳务有限公司", "青山县%s服装厂", "青山县%s木业有限公司",
  "青山县%s农业专业合作社", "青山县%s农资经营部", "九江%s商贸有限公司", "青山县%s物业管理有限公司",
  "青山县%s石材有限公司", "青山县%s电器商行", "九江%s旅行社有限公司", "江西%s网络科技有限公司",
  "青山县%s物流有限公司", "青山县%s汽车运输有限公司", "青山县%s房地产开发有限公司",
};

void
demo_org_name (DemoRng *rng,
               int      dispute,
               GString *out)
{
  static const guint8 by_dispute[18][3] = {
    { 6, 9, 4 },  { 0, 4, 5 },  { 0, 14, 1 }, { 6, 5, 4 },  { 4, 5, 6 },  { 12, 3, 0 },
    { 4, 8, 14 }, { 14, 0, 8 }, { 8, 3, 2 },  { 0, 1, 2 },  { 2, 3, 0 },  { 10, 10, 6 },
    { 11, 11, 9 }, { 9, 6, 5 }, { 9, 9, 9 },  { 12, 13, 13 }, { 7, 7, 14 }, { 6, 5, 9 },
  };
  const char *kind = firm_kinds[by_dispute[dispute % 18][demo_below (rng, 3)]];
  const char *trade = trade_names[demo_below (rng, G_N_ELEMENTS (trade_names))];
  const char *mark = strstr (kind, "%s");

  g_string_truncate (out, 0);
  g_string_append_len (out, kind, mark - kind);
  g_string_append (out, trade);
  g_string_append (out, mark + 2);
}

static const char *const law_firms[] = {
  "江西青山律师事务所", "江西浔阳律师事务所", "江西庐山律师事务所", "江西德正律师事务所",
  "江西九州律师事务所", "江西明理律师事务所", "青山县青山镇法律服务所", "青山县城关法律服务所",
};

const char *
demo_law_firm (DemoRng *rng)
{
  return law_firms[demo_below (rng, G_N_ELEMENTS (law_firms))];
}

static const char *const roads[] = {
  "解放路", "人民路", "建设路", "新华街", "青山大道", "滨河路", "文化路", "学府路", "商贸街",
  "向阳路",
};

const char *
demo_road (DemoRng *rng)
{
  return roads[demo_below (rng, G_N_ELEMENTS (roads))];
}
