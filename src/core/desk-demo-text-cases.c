/* desk-demo-text-cases.c — phrase pools for mediation cases: 纠纷简要情况,
 * 申请事项 and 协议内容 by dispute type, and the maps from a dispute type
 * or a legal-aid matter to the consultation category that led to it.
 *
 * Placeholders as in desk-demo-text.c: %A the applicant, %B the other
 * party, %V the village, %M the sum agreed or asked.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include "desk-demo-private.h"

typedef struct
{
  const char *summary;     /* 纠纷简要情况 */
  const char *request;     /* 申请事项 */
  const char *with_money;  /* 协议内容 when a sum is agreed */
  const char *no_money;    /* 协议内容 otherwise */
} CaseTexts;

/* By 纠纷类型, in domain.md's order.  The n-th alternative of each field
 * goes with the n-th summary (a field with one alternative fits them all). */
static const CaseTexts case_texts[18] = {
  { "申请人%A与被申请人%B系夫妻，婚后因家庭琐事经常争吵，现%A要求离婚，双方就子女抚养和财产"
    "分割发生纠纷。|%A与%B离婚后，%B未按约定支付子女抚养费，双方多次发生争执。|"
    "%A与儿媳%B因赡养老人和家务分担问题长期不和，矛盾逐步激化。",
    "请求调解离婚及子女抚养、财产分割问题。|请求%B按约定支付抚养费%M。|"
    "请求调解家庭矛盾，明确各自的家庭责任。",
    "双方自愿离婚，子女由%A抚养，%B一次性支付抚养费及财产折价款%M，其余财产按约定分割。|"
    "%B一次性向%A支付所欠抚养费%M，今后按月按时支付。|"
    "%B每月给付%A生活费，并一次性补付%M，双方互相尊重、和睦相处。",
    "双方和好，今后共同承担家庭义务，互相尊重，不再争吵。|"
    "%B承诺今后按月按时支付抚养费，并按约定探望子女。|"
    "双方互谅互让，明确了照料老人和家务分担的办法。" },
  { "申请人%A与被申请人%B系%V邻居，因%B家建房占用公共通道、排水不畅等问题发生纠纷，双方"
    "多次争吵。|%A与%B两家因屋前树木遮挡采光问题产生矛盾，关系紧张。|"
    "%B家的鸡鸭多次进入%A家菜地啃食蔬菜，双方为此发生口角并有推搡。",
    "请求%B拆除占道搭建物，恢复通行。|请求%B修剪或移除遮挡采光的树木。|"
    "请求%B赔偿菜地损失%M并管好家禽。",
    "%B赔偿%A损失%M，并清理占道杂物，双方今后互谅互让、和睦相处。|"
    "%A补偿%B树木价款%M，由%B自行移除树木。|%B赔偿%A菜地损失%M，今后圈养家禽。",
    "%B于协议签订后十日内清理占道杂物、修通排水沟，双方今后互谅互让。|"
    "%B于一个月内修剪树木，保证%A家采光。|%B向%A赔礼道歉，今后圈养家禽，双方和好。" },
  { "%A与%B宅基地相邻，%B建房时越界占用%A宅基地，双方对界址各执一词。|"
    "%A与%B因老宅继承使用问题发生争执，涉及房屋%N间。",
    "请求确认宅基地界址，%B停止侵占。|请求依法分割老宅使用权。",
    "经现场勘察，双方确认界址，%B补偿%A%M，%A不再主张其他权利。|"
    "老宅归%B使用，%B补偿%A%M。",
    "经现场丈量，双方确认以原界桩为界，%B将越界部分围墙拆除后重建。|"
    "老宅由双方按间分开使用，共用院落。" },
  { "%A与%B签订买卖合同，%A依约付款后，%B交付的货物存在质量问题，双方就退货和赔偿发生纠纷。|"
    "%A为%B承建房屋，完工后%B以工程质量有瑕疵为由拒付尾款。",
    "请求解除合同并退还货款%M。|请求%B支付工程尾款%M。",
    "%B退还%A货款%M，%A退回货物，合同解除。|%B分期向%A支付工程尾款%M，%A负责维修瑕疵部分。",
    "%B为%A更换合格货物，双方继续履行合同。|%A维修瑕疵部分后，双方按原约定结算。" },
  { "%A与%B合伙经营养殖场，因经营亏损和利润分配产生矛盾。|"
    "%A承包%B的果园后，双方因承包费调整发生纠纷。",
    "请求依法分割合伙财产。|请求按原约定收取承包费。",
    "双方同意散伙，%B一次性退还%A投资款%M。|双方重新核定承包费，%B补交%A承包费%M。",
    "双方重新约定了经营分工和利润分配比例，继续合作。|承包费维持原约定，双方继续履行承包合同。" },
  { "%A与%B因琐事发生口角后互殴，%A受伤住院，双方就赔偿问题协商不成。|"
    "%B驾驶农用车倒车时撞坏%A家院墙，双方对赔偿数额有争议。",
    "请求%B赔偿医疗费、误工费等共计%M。|请求%B赔偿院墙修复费用%M。",
    "%B赔偿%A医疗费、误工费等共计%M，%A不再追究其他责任。|%B赔偿%A院墙修复费用%M。",
    "%B向%A赔礼道歉，双方各自承担医疗费用，互不追究。|%B负责将损坏的院墙修复原状。" },
  { "%A与%B对%V一片山林的承包经营权存在争议，双方各持不同时期的证明材料。|"
    "%A与%B承包地相邻，因田埂边界和灌溉水源使用发生纠纷。",
    "请求确认山林承包经营权归属。|请求确认承包地边界和用水顺序。",
    "经双方确认四至界线，山林由%A经营，%A补偿%B%M。|"
    "双方确认以现有田埂为界，%B赔偿%A秧苗损失%M。",
    "经双方确认四至界线，山林按原林权证范围各自经营。|"
    "双方确认以现有田埂为界，灌溉用水按先下游后上游的顺序轮流使用。" },
  { "%A等%N户%V村民对征地补偿款在组内的分配方案有异议，与%B发生纠纷。|"
    "%A认为其房屋征收补偿面积认定有误，与%B发生争执。",
    "请求公平分配征地补偿款。|请求重新核定补偿面积并补足补偿款。",
    "经组民会议重新议定分配方案，补发%A等户补偿款%M。|经核实，补发%A补偿款%M，双方无其他争议。",
    "经组民会议重新议定，补偿款按人口平均分配。|经重新丈量核实，双方对补偿方案达成一致。" },
  { "%B经营的加工厂粉尘和噪音影响周边村民生活，%A等村民多次向村委会反映。|"
    "%B养殖场污水外排，污染%A家鱼塘，造成鱼苗死亡。",
    "请求%B停止噪音和粉尘污染。|请求%B停止排污并赔偿损失%M。",
    "%B补偿周边村民%M，并加装降尘降噪设施，夜间十时后停止生产。|"
    "%B赔偿%A鱼苗等损失%M，并于一个月内完成污水处理设施整改。",
    "%B承诺加装降尘降噪设施，夜间十时后停止生产。|"
    "%B于一个月内完成污水处理设施整改，不再外排污水。" },
  { "%A等%N名农民工在%B承建的工地务工，工程完工后%B以未收到工程款为由拖欠工资。|"
    "%A在%B处务工%W个月，离开时%B拖欠工资未付。",
    "请求%B支付拖欠的工资%M。",
    "%B于协议签订后七日内一次性支付%A等人工资%M。|%B于协议签订后七日内一次性支付%A工资%M。",
    "%B出具欠条，承诺按期结清工资。" },
  { "%A在%B处工作%Y年，%B解除劳动关系未支付经济补偿，双方发生争议。|"
    "%A在工作中受伤，与%B就停工留薪期工资发生争议。",
    "请求%B支付经济补偿金%M。|请求%B支付停工留薪期工资%M。",
    "%B一次性支付%A经济补偿%M，双方劳动关系解除。|%B一次性支付%A停工留薪期工资%M。",
    "%B为%A补缴社会保险，双方继续履行劳动合同。|%B安排%A从事力所能及的工作，工资照发。" },
  { "%A参加%B组织的旅游团，%B擅自变更行程、减少景点，%A要求退还部分团费。",
    "请求%B退还团费%M。",
    "%B退还%A团费%M并赔礼道歉。",
    "%B向%A赔礼道歉，并安排补游未游览的景点。" },
  { "%A通过网络平台向%B购买的化肥与宣传不符，要求退货退款遭拒。|"
    "%A在直播间购买的保健品无宣传的功效，与商家%B发生纠纷。",
    "请求%B退还货款%M。",
    "%B退还%A货款%M，%A退回商品。",
    "%B为%A更换合格商品。|%B向%A赔礼道歉，并下架相关商品。" },
  { "%A在%B处购买的电动车多次出现故障，维修后仍不能正常使用。",
    "请求%B更换或退货。",
    "%B退还%A购车款%M。",
    "%B为%A更换同型号新车。" },
  { "%A的家属在%B就诊后病情加重，%A认为%B存在延误诊治，双方发生纠纷。",
    "请求%B赔偿医疗费等损失%M。",
    "%B一次性补偿%A%M，双方纠纷了结。",
    "%B向%A说明诊疗经过并致歉，免除后续治疗费用。" },
  { "%B驾驶车辆与%A驾驶的电动车相撞，致%A受伤，交警认定%B负主要责任，双方就赔偿协商未果。|"
    "%A骑摩托车与%B驾驶的三轮车发生碰撞，双方均有损伤，对责任和赔偿有争议。",
    "请求%B赔偿医疗费、误工费、护理费等共计%M。|请求%B赔偿车辆维修费和医疗费共计%M。",
    "%B（含保险理赔）赔偿%A各项损失共计%M，此后双方就本次事故再无纠葛。|"
    "%B赔偿%A车辆维修费和医疗费共计%M，双方再无纠葛。",
    "双方各自承担各自损失，互不追究。" },
  { "%B以%A拖欠物业费为由停止为其提供服务，%A认为物业服务不到位，双方发生纠纷。",
    "请求%B改进服务并减免部分物业费。",
    "%A补交物业费%M，%B于一个月内完成小区设施维修。",
    "%B整改服务问题，%A按期缴纳物业费。" },
  { "%A与%B因村民小组集体收益分配问题发生纠纷。|"
    "%A与%B因家族祖坟修缮费用分摊问题产生矛盾。",
    "请求按户公平分配集体收益。|请求公平分担修缮费用。",
    "%B向%A补发集体收益%M，双方不再争执。|%B向%A支付应分摊的修缮费用%M。",
    "双方协商确定了集体收益分配办法。|双方协商确定了费用分担办法，和好如初。" },
};

/* Returns which alternative was taken, for demo_text_agreement(). */
int
demo_text_case (DemoGen    *gen,
                int         dispute,
                const char *a,
                const char *b,
                const char *village,
                gint64      amount,
                GString    *summary,
                GString    *request)
{
  DemoVars vars = { a, b, village, amount, 0, 0 };
  int k = (int) demo_below (&gen->rng, (guint32) demo_pool_size (gen, case_texts[dispute].summary));

  g_string_truncate (summary, 0);
  g_string_truncate (request, 0);
  demo_expand_nth (gen, summary, case_texts[dispute].summary, k, &vars);
  demo_expand_nth (gen, request, case_texts[dispute].request, k, &vars);
  return k;
}

void
demo_text_agreement (DemoGen    *gen,
                     int         dispute,
                     int         k,
                     const char *a,
                     const char *b,
                     gint64      amount,
                     GString    *content)
{
  DemoVars vars = { a, b, NULL, amount, 0, 0 };

  g_string_truncate (content, 0);
  demo_expand_nth (gen, content,
                   amount > 0 ? case_texts[dispute].with_money : case_texts[dispute].no_money,
                   k, &vars);
}

/* The 咨询类别 a dispute is first brought to the desk as. */
int
demo_dispute_category (int dispute)
{
  static const guint8 map[18] = {
    0, 3, 4, 10, 10, 12, 5, 6, 20, 7, 8, 15, 15, 15, 14, 13, 16, 20,
  };

  return map[dispute];
}

/* The 咨询类别 of the consultation that led to a legal-aid application. */
int
demo_matter_category (int matter)
{
  static const guint8 map[17] = {
    18, 17, 17, 2, 7, 20, 9, 13, 15, 14, 20, 20, 12, 0, 19, 19, 20,
  };

  return map[matter];
}
