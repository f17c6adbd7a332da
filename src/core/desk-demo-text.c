/* desk-demo-text.c — phrase pools for the demonstration's free text:
 * consultations and their replies, legal-aid summaries, screening notes,
 * follow-up visits and adviser services.
 *
 * Each text is a template picked by the record's category, with a few
 * placeholders filled in: %A and %B the parties, %V the village, %M a sum
 * of money, %N and %P small counts, %Y years, %W months, %R a relative.
 * The texts are data (Chinese, never translated), written the way a clerk
 * keeps a ledger.
 */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <string.h>

#include "desk-demo-private.h"

static const char *const relatives[] = {
  "丈夫", "妻子", "儿子", "女儿", "父亲", "母亲", "哥哥", "弟弟",
};

void
demo_money_text (gint64   fen,
                 GString *out)
{
  if (fen % 100 == 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "元", fen / 100);
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d元", fen / 100, (int) (fen % 100));
}

void
demo_expand (DemoGen         *gen,
             GString         *out,
             const char      *tmpl,
             const DemoVars  *vars)
{
  for (const char *p = tmpl; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'A':
          g_string_append (out, vars->a ? vars->a : "当事人");
          break;
        case 'B':
          g_string_append (out, vars->b ? vars->b : "对方");
          break;
        case 'V':
          g_string_append (out, vars->v ? vars->v : "本村");
          break;
        case 'M':
          demo_money_text (vars->amount > 0 ? vars->amount
                                            : 100 * (gint64) demo_range (&gen->rng, 5, 400) * 100,
                           out);
          break;
        case 'N':
          g_string_append_printf (out, "%d", vars->n > 0 ? vars->n : demo_range (&gen->rng, 2, 9));
          break;
        case 'P':
          g_string_append_printf (out, "%d", vars->p);
          break;
        case 'Y':
          g_string_append_printf (out, "%d", demo_range (&gen->rng, 2, 15));
          break;
        case 'W':
          g_string_append_printf (out, "%d", demo_range (&gen->rng, 2, 11));
          break;
        case 'R':
          g_string_append (out, relatives[demo_below (&gen->rng, G_N_ELEMENTS (relatives))]);
          break;
        default:
          g_string_append_c (out, '%');
          g_string_append_c (out, *p);
          break;
        }
    }
}

int
demo_pool_size (DemoGen    *gen,
                const char *pool)
{
  gpointer n;
  int count = 1;

  if (gen->pool_sizes == NULL)
    gen->pool_sizes = g_hash_table_new (NULL, NULL);
  n = g_hash_table_lookup (gen->pool_sizes, pool);
  if (n != NULL)
    return GPOINTER_TO_INT (n);
  for (const char *p = pool; *p; p++)
    count += *p == '|';
  g_hash_table_insert (gen->pool_sizes, (gpointer) pool, GINT_TO_POINTER (count));
  return count;
}

/* Expands alternative @k (modulo their number) of the '|'-separated
 * alternatives of @pool. */
void
demo_expand_nth (DemoGen         *gen,
            GString         *out,
            const char      *pool,
            int              k,
            const DemoVars  *vars)
{
  char buf[1024];
  const char *p, *end;

  k %= demo_pool_size (gen, pool);
  for (p = pool; k > 0; p++)
    k -= *p == '|';
  end = strchr (p, '|');
  if (end == NULL)
    end = p + strlen (p);
  g_strlcpy (buf, p, MIN ((gsize) (end - p) + 1, sizeof buf));
  demo_expand (gen, out, buf, vars);
}

/* Picks one of the '|'-separated alternatives of @pool and expands it. */
void
demo_expand_one (DemoGen         *gen,
                 GString         *out,
                 const char      *pool,
                 const DemoVars  *vars)
{
  int k = (int) demo_below (&gen->rng, (guint32) demo_pool_size (gen, pool));

  demo_expand_nth (gen, out, pool, k, vars);
}

/* 咨询内容 by 咨询类别, in domain.md's order. */
static const char *const consult_content[21] = {
  "咨询人称与配偶感情不和已分居%N年，想起诉离婚，询问离婚程序及孩子抚养权如何确定。|"
  "咨询人称配偶长期在外务工不顾家庭，询问协议离婚时共同财产如何分割。|"
  "咨询人询问婚前父母出资购买的房屋，离婚时是否属于夫妻共同财产。|"
  "咨询人称离婚后对方不按约定支付子女抚养费，已拖欠%W个月，询问如何追讨。",
  "咨询人父亲去世未留遗嘱，兄弟姐妹%N人对老房子的继承份额有争议，询问如何分配。|"
  "咨询人询问父母生前所立的自书遗嘱是否有效，需要具备哪些条件。|"
  "咨询人称母亲去世后，其名下存款被兄长取走，询问自己能否要求分割。",
  "咨询人年过七旬，%N个子女互相推诿不尽赡养义务，询问如何要求子女支付赡养费。|"
  "咨询人询问父母再婚后，子女是否仍须承担赡养义务。|"
  "咨询人称孩子的父亲拒不支付抚养费，询问抚养费标准如何确定。",
  "咨询人称邻居%B家新建围墙占用了共用通道，双方多次协商未果，询问如何处理。|"
  "咨询人称邻居家空调外机正对其卧室窗户，噪音影响休息，询问能否要求移位。|"
  "咨询人称邻居在屋后堆放杂物堵塞排水沟，下雨时积水流入其家中。",
  "咨询人称与邻居%B家宅基地界址不清，对方建房时越界约半米，询问如何维权。|"
  "咨询人询问农村宅基地上的房屋能否卖给外村人，买卖合同是否有效。|"
  "咨询人称父母留下的老宅被叔叔占用，询问宅基地使用权如何确认。",
  "咨询人称将%N亩承包地流转给种植大户，对方拖欠流转费两年未付，询问如何追讨。|"
  "咨询人询问外嫁女在娘家的承包地能否被村里收回。|"
  "咨询人称与邻组村民对一块山林的承包经营权有争议，询问如何确权。",
  "咨询人询问本组土地被征收后，征地补偿款在村民之间如何分配。|"
  "咨询人对房屋征收补偿评估结果有异议，询问救济途径。",
  "咨询人称在%B承包的工地做工%W个月，老板拖欠工资%M，询问如何讨要。|"
  "咨询人称在外地工厂打工，离职后工厂拒发最后两个月工资，询问如何处理。|"
  "咨询人与其他%N名工友被拖欠工资，询问能否一起申请劳动仲裁。",
  "咨询人称公司未与其签订书面劳动合同，询问能否要求支付二倍工资。|"
  "咨询人被公司口头辞退，询问能否要求经济补偿。|"
  "咨询人询问公司不为其缴纳社会保险是否合法。",
  "咨询人%R在工地干活时从脚手架摔下受伤，老板只支付了部分医药费，询问如何申请工伤认定。|"
  "咨询人称在厂里操作机器时手指受伤，单位未缴工伤保险，询问赔偿标准。",
  "咨询人称向%B购买的农机质量不合格，对方拒绝退换，询问如何维权。|"
  "咨询人与包工头口头约定翻修房屋，完工后双方对工程款结算有争议。|"
  "咨询人询问签订房屋租赁合同时应注意哪些事项。",
  "咨询人称%N年前借给同村%B%M，有借条，对方至今未还，询问如何追讨。|"
  "咨询人询问借条超过三年是否还能起诉。|"
  "咨询人称为亲戚的借款作了担保，现债权人要求其还款，询问担保责任。",
  "咨询人称与%B发生口角后被打伤，花去医药费%M，询问如何要求赔偿。|"
  "咨询人的孩子在学校受伤，询问学校应承担什么责任。|"
  "咨询人被邻居家的狗咬伤，对方只愿支付部分费用。",
  "咨询人%R骑电动车被小轿车撞伤，交警认定对方主要责任，询问赔偿项目和标准。|"
  "咨询人询问对交通事故认定书不服如何处理。",
  "咨询人%R在卫生院输液后出现不良反应，询问医院是否有过错、如何索赔。|"
  "咨询人询问医疗损害鉴定如何申请。",
  "咨询人在网上购买的电器有质量问题，商家拒绝退货，询问如何维权。|"
  "咨询人称在镇上超市买到过期食品，询问能否要求十倍赔偿。",
  "咨询人称小区物业服务差，询问能否拒交物业费。|"
  "咨询人称楼上住户漏水导致其房屋受损，物业不予处理。",
  "咨询人询问被征地农民养老保险如何办理。|"
  "咨询人询问城乡居民医疗保险异地就医如何报销。|"
  "咨询人询问残疾人两项补贴的申请条件。",
  "咨询人对镇政府作出的违建拆除通知有异议，询问救济途径。|"
  "咨询人询问申请低保被拒后如何申请复议。",
  "咨询人的儿子因涉嫌盗窃被公安机关刑事拘留，询问家属能做什么。|"
  "咨询人被他人诈骗%M，已报警，询问能否追回损失。",
  "咨询人询问办理委托书公证需要哪些材料。|"
  "咨询人询问村里的集体收益分配方案是否合法。|"
  "咨询人询问如何订立遗嘱。",
};

/* 答复意见 by 咨询类别: the n-th reply answers the n-th question above
 * (a category with fewer replies answers all its questions alike). */
static const char *const consult_reply[21] = {
  "告知其可协议离婚或向法院起诉离婚，子女抚养以最有利于未成年子女为原则，并讲解了证据的准备。|"
  "告知协议离婚需双方就财产分割和子女抚养达成一致，共同财产原则上均等分割，照顾子女和女方权益。|"
  "告知婚前父母为一方出资购房，一般视为对自己子女一方的赠与，属于个人财产，另有约定的除外。|"
  "告知抚养费可向法院申请强制执行，并讲解了申请执行的材料和期限。",
  "告知法定继承的顺序和份额，同一顺序继承人原则上均等分配，可协商确定。|"
  "讲解了自书遗嘱须由遗嘱人亲笔书写、签名并注明年、月、日。|"
  "建议其收集亲属关系证明和遗产线索，先行协商，必要时申请调解或起诉。",
  "告知成年子女对父母负有赡养扶助义务，不能以放弃继承等理由拒绝，可申请人民调解或起诉。|"
  "告知子女的赡养义务不因父母的婚姻关系变化而终止。|"
  "讲解了抚养费的确定标准，一般参照义务人收入和当地生活水平，情况变化时可要求增加。",
  "告知处理相邻关系应遵循有利生产、方便生活、团结互助、公平合理的原则，建议先由村调委会调解。|"
  "告知排放噪声不得妨碍相邻人的正常生活，建议先与邻居沟通，协商不成可申请调解。|"
  "讲解了相邻排水的有关规定，建议保留照片等证据，可请村调委会到现场调解。",
  "告知宅基地属于村集体所有，农户享有使用权，界址争议可申请镇政府处理或申请调解。|"
  "讲解了农村房屋向本集体经济组织以外的人出售存在合同无效的风险。|"
  "告知可凭宅基地使用权证和继承关系证明主张权利，建议先由村委会协调。",
  "告知可依据流转合同要求对方支付流转费，协商不成可申请农村土地承包仲裁或起诉。|"
  "讲解了农村土地承包法关于妇女承包权益保护的规定，承包期内发包方不得因此收回承包地。|"
  "告知山林权属争议可向镇政府申请处理，也可申请调解，并提示收集林权证等材料。",
  "告知土地补偿费的分配由集体经济组织依法民主议定，可向镇政府反映或申请调解。|"
  "讲解了对评估结果可申请复核评估，对征收补偿决定可申请行政复议或提起行政诉讼。",
  "告知可向劳动保障监察部门投诉，也可申请劳动仲裁，并指导其收集考勤、工资条、聊天记录等证据。|"
  "告知可向用工所在地劳动保障监察部门投诉或申请劳动仲裁，劳动争议仲裁不收费。|"
  "告知劳动者一方在十人以上并有共同请求的可推举代表参加仲裁，拖欠农民工工资可申请法律援助。",
  "告知用人单位超过一个月不满一年未订立书面劳动合同的应支付二倍工资，仲裁时效为一年。|"
  "讲解了违法解除劳动合同的赔偿金标准，建议保留工资流水、工作证等证据。|"
  "告知缴纳社会保险是用人单位的法定义务，可向社保经办机构投诉要求补缴。",
  "告知应自事故发生之日起一年内申请工伤认定，并讲解了工伤认定、劳动能力鉴定和待遇申领的流程。|"
  "告知单位未参加工伤保险的，由单位按工伤保险待遇的项目和标准支付费用。",
  "告知可依据合同和产品质量法要求退换或赔偿，建议保留合同、收据、聊天记录等证据。|"
  "告知口头约定同样受法律保护，可按约定和完工情况结算，建议找见证人并收集转账记录。|"
  "讲解了租赁合同的主要条款、押金和维修责任，建议采用书面合同。",
  "告知可凭借条向法院起诉，并讲解了诉讼时效的计算和中断。|"
  "告知诉讼时效为三年，自约定的还款期限届满之日起计算，期间催讨可使时效中断。|"
  "讲解了保证责任的方式和保证期间，建议其核对担保合同的约定。",
  "告知可要求侵权人赔偿医疗费、误工费、护理费等，建议保存病历和票据，也可申请人民调解。|"
  "讲解了学校对在校学生受伤承担过错责任的规定，建议与学校协商或申请调解。|"
  "告知饲养的动物造成他人损害的，饲养人应当承担侵权责任，可要求赔偿医疗费、疫苗费等。",
  "告知可要求保险公司在交强险和商业险范围内赔偿，不足部分由责任人赔偿，并讲解了赔偿项目。|"
  "告知可在收到认定书之日起三日内向上一级公安机关交通管理部门申请复核。",
  "告知可申请医疗损害鉴定，也可向医疗纠纷人民调解委员会申请调解，建议及时封存病历。",
  "告知可向市场监管部门投诉或拨打12315，并讲解了无理由退货和食品安全惩罚性赔偿的规定。",
  "告知业主不得以未享受物业服务为由拒交物业费，服务质量问题可通过业主委员会协商或投诉。|"
  "告知漏水造成的损失可要求楼上住户赔偿，物业负有协调义务，可申请调解。",
  "告知了办理所需材料和经办部门，建议到镇社保所办理。",
  "告知可在法定期限内申请行政复议或提起行政诉讼，并讲解了期限的规定。",
  "告知可委托辩护律师，经济困难的可申请法律援助，并讲解了取保候审的条件。|"
  "告知应配合公安机关侦查，追回的赃款依法返还被害人。",
  "就咨询事项作了解答，并告知了有关部门的办理流程。",
};

/* What the reply ends with, by 处理结果. */
static const char *const result_closing[13] = {
  "咨询人表示清楚了。|",
  "因需查阅相关政策，约定三个工作日内答复。",
  "应其请求代写了起诉状。|应其请求代写了调解申请书。|应其请求代写了劳动仲裁申请书。",
  "建议其向村（居）调委会申请人民调解。",
  "经初步了解符合法律援助条件，指导其准备材料申请法律援助。",
  "建议其委托律师代理。",
  "引导其到县公证处办理公证。",
  "建议其申请司法鉴定。",
  "引导其向县劳动人事争议仲裁委员会申请仲裁。",
  "告知其可向县人民法院起诉。",
  "告知其可向县信访局反映。",
  "已转相关职能部门处理。",
  "已作登记。",
};

void
demo_text_consultation (DemoGen    *gen,
                        int         category,
                        int         result,
                        const char *village,
                        GString    *content,
                        GString    *reply)
{
  DemoVars vars = { 0 };
  char b[16];
  int k;

  demo_name_write (demo_name_random (&gen->rng, DESK_SEX_UNKNOWN), b);
  vars.b = b;
  vars.v = village;
  g_string_truncate (content, 0);
  g_string_truncate (reply, 0);
  k = (int) demo_below (&gen->rng, (guint32) demo_pool_size (gen, consult_content[category]));

  demo_expand_nth (gen, content, consult_content[category], k, &vars);
  demo_expand_nth (gen, reply, consult_reply[category], k, &vars);
  demo_expand_one (gen, reply, result_closing[result], &vars);
}

/* 案情摘要 by 援助事项. */
static const char *const aid_summary[17] = {
  "%A称曾被错误羁押，要求申请国家赔偿，因经济困难申请法律援助。",
  "%A申请最低生活保障被拒，认为不符合规定，申请法律援助。",
  "%A系烈士遗属，抚恤金发放存在争议，申请法律援助。",
  "%A年老体弱，无固定收入，子女拒不支付赡养费，申请法律援助起诉要求给付赡养费。|"
  "%A系未成年人，父母离婚后随一方生活，另一方拒付抚养费，由其监护人代为申请法律援助。",
  "%A在外地工地务工，被拖欠工资%M，多次讨要无果，申请法律援助。|"
  "%A与用人单位未签劳动合同，被辞退后未获工资和补偿，申请法律援助。",
  "%A的亲属患精神疾病，需申请认定其为无民事行为能力人，申请法律援助。",
  "%A在工厂务工时受伤致残，用人单位未缴纳工伤保险且拒绝赔偿，申请法律援助。",
  "%A被机动车撞伤，肇事方赔偿不到位，家庭经济困难，申请法律援助。",
  "%A因食用问题食品中毒住院，要求经营者赔偿，申请法律援助。",
  "%A认为医院诊疗过错导致其亲属伤残，申请法律援助提起医疗损害赔偿诉讼。",
  "%A家鱼塘被附近企业排污污染，损失严重，申请法律援助。",
  "%A系英烈近亲属，认为他人侵害英烈名誉，申请法律援助。",
  "%A在见义勇为过程中受伤，要求侵权人及受益人赔偿，申请法律援助。",
  "%A长期遭受配偶家庭暴力，要求离婚并申请人身安全保护令，申请法律援助。",
  "%A的亲属涉嫌刑事犯罪被羁押，家庭经济困难，无力委托辩护人，申请法律援助。",
  "%A在刑事案件中被侵害受伤，申请法律援助代理提起附带民事诉讼。",
  "%A因经济困难无力聘请律师，就合同纠纷申请法律援助。",
};

/* @minor: the applicant is a child (maintenance asked through a parent). */
void
demo_text_aid (DemoGen    *gen,
               int         matter,
               gboolean    minor,
               const char *name,
               GString    *summary)
{
  DemoVars vars = { 0 };

  vars.a = name;
  g_string_truncate (summary, 0);
  if (matter == 3)
    demo_expand_nth (gen, summary, aid_summary[matter], minor ? 1 : 0, &vars);
  else
    demo_expand_one (gen, summary, aid_summary[matter], &vars);
}

void
demo_text_screening (DemoGen    *gen,
                     int         found,
                     int         prevented,
                     const char *village,
                     GString    *notes)
{
  DemoVars vars = { 0 };

  vars.v = village;
  vars.n = found;
  vars.p = prevented;
  g_string_truncate (notes, 0);
  if (found == 0)
    demo_expand_one (gen, notes,
                     "对%V开展矛盾纠纷排查，走访农户，未发现矛盾纠纷苗头。|"
                     "排查%V重点人员和重点家庭，情况稳定。|"
                     "结合节前走访对%V进行排查，未发现不稳定因素。", &vars);
  else
    demo_expand_one (gen, notes,
                     "对%V开展矛盾纠纷排查，发现邻里、婚姻家庭等纠纷苗头%N起，已预防化解%P起。|"
                     "重点排查土地流转、农民工工资等纠纷隐患，发现%N起，已稳控预防%P起，"
                     "其余登记跟踪。|"
                     "入户走访%V，发现宅基地、相邻关系纠纷%N起，预防%P起，已报镇调委会。", &vars);
}

const char *
demo_text_visit (DemoGen *gen,
                 int      performance,
                 int      satisfaction)
{
  static const char *const done[] = {
    "当事人表示协议已履行完毕，对调解工作满意。",
    "双方已按协议履行，关系恢复正常。",
    "回访时双方均表示协议已履行，无新的矛盾。",
  };
  static const char *const partly[] = {
    "已履行部分款项，余款约定下月付清，已督促履行。",
    "被申请人已开始履行，尚有部分未完成，继续跟踪。",
  };
  static const char *const not_yet[] = {
    "协议尚未履行，已提醒被申请人按期履行。",
    "被申请人称近期经济困难，承诺尽快履行，已告知可申请司法确认。",
  };

  if (satisfaction == 2)
    return "申请人对履行进度不满意，已做好解释工作并继续督促。";
  if (performance == 2)
    return done[demo_below (&gen->rng, G_N_ELEMENTS (done))];
  if (performance == 1)
    return partly[demo_below (&gen->rng, G_N_ELEMENTS (partly))];
  return not_yet[demo_below (&gen->rng, G_N_ELEMENTS (not_yet))];
}

const char *
demo_text_service (DemoGen  *gen,
                   int       mode,
                   gboolean  lecture)
{
  static const char *const lectures[] = {
    "举办法治讲座，主题为民法典与日常生活。",
    "举办法治讲座，主题为防范电信网络诈骗。",
    "举办法治讲座，主题为农村土地承包与流转。",
    "举办法治讲座，主题为农民工权益保护。",
    "举办法治讲座，主题为老年人权益保障与防范养老诈骗。",
    "举办法治讲座，主题为反家庭暴力法与未成年人保护。",
  };
  static const char *const on_site[] = {
    "到村坐班，接待村民法律咨询。",
    "到村坐班，参与调解邻里纠纷。",
    "参加村民代表大会，审查村规民约修订稿。",
    "到村审查土地流转合同，并接待村民咨询。",
  };
  static const char *const remote[] = {
    "通过村法律顾问微信群解答村民咨询。",
    "电话解答村干部关于集体合同的咨询。",
    "通过视频为村民解答婚姻家庭问题。",
  };
  static const char *const booked[] = {
    "应村委会预约审查村集体工程合同。",
    "应村民预约代写法律文书。",
  };

  if (lecture)
    return lectures[demo_below (&gen->rng, G_N_ELEMENTS (lectures))];
  if (mode == 1)
    return remote[demo_below (&gen->rng, G_N_ELEMENTS (remote))];
  if (mode == 2)
    return booked[demo_below (&gen->rng, G_N_ELEMENTS (booked))];
  return on_site[demo_below (&gen->rng, G_N_ELEMENTS (on_site))];
}
