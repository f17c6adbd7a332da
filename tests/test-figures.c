/* test-figures.c — every figure of the monthly forms on a hand-built ledger.
 *
 * The ledger below is written with plain SQL so that every figure of every
 * sheet is known in advance; the comments beside the records say what each
 * one is there to test.  "Today" is 2026-12-03: November 2026 is reported
 * early in December.  Every cell of every sheet of 2026-11 is asserted, the
 * turn of the year through December 2025 and January 2026, an empty ledger,
 * the records behind every figure (explain), the checks before export and
 * the query plans.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-figures.h"
#include "desk-settings.h"
#include "desk-test-util.h"

#define CODE(kind, label) "(SELECT id FROM codes WHERE kind = '" kind "' AND label = '" label "')"
#define T "'2026-01-01 00:00:00'"

static const char setup_sql[] =
  "INSERT INTO settings (key, value) VALUES ('county', '青山县'), ('township', '青山镇'),"
  " ('station', '青山镇司法所'), ('head', '王建国'), ('reviewer', '李明'), ('clerk', '赵红'),"
  " ('phone', '0791-8888888');"
  /* a holiday on Thursday 5 November and a make-up working day on Saturday 7 November */
  "INSERT INTO holidays (date, workday, note) VALUES ('2026-11-05', 0, '假日'),"
  " ('2026-11-07', 1, '调休上班');"
  /* labels a station added (mapped to fixed rows) and a retired one */
  "INSERT INTO codes (kind, label, sort_order, active, report_row) VALUES"
  " ('channel', '微信', 900, 1, '网络'),"
  " ('dispute_type', '知识产权纠纷', 900, 1, '其他纠纷'),"
  " ('dispute_type', '宅基地纠纷（旧）', 910, 0, '房屋宅基地纠纷'),"
  " ('aid_matter', '请求支付劳务报酬', 900, 1, '请求确认劳动关系或者支付劳动报酬'),"
  " ('service_mode', '入户走访', 900, 0, '实地');"
  "INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, '赵红', " T ", " T ");"
  "INSERT INTO people (id, name, created_at, updated_at) VALUES (1, '张三', " T ", " T "),"
  " (2, '李四', " T ", " T "), (3, '王五', " T ", " T "), (4, '赵六', " T ", " T "),"
  " (5, '申请人', " T ", " T ");"

  /* Villages active on 2026-11-30: 青山村, 绿水社区, 北山村. */
  "INSERT INTO villages (id, name, kind, active_from, active_until, created_at, updated_at,"
  " deleted_at) VALUES"
  " (1, '青山村', '村', NULL, NULL, " T ", " T ", NULL),"
  " (2, '绿水社区', '社区', NULL, NULL, " T ", " T ", NULL),"
  " (3, '东坡村', '村', NULL, '2026-06-30', " T ", " T ", NULL),"
  " (4, '西岭村', '村', '2026-12-01', NULL, " T ", " T ", NULL),"
  " (5, '南湾村', '村', NULL, NULL, " T ", " T ", '2026-02-01 00:00:00'),"
  " (6, '北山村', '村', NULL, NULL, " T ", " T ", NULL);"

  /* Committees: 3 retired in October (still a row), 4 retired last year
   * with a case still open (a row), 5 deleted, 6 not active until 2027,
   * 7 without any case or screening. */
  "INSERT INTO committees (id, name, short_name, type_id, village_id, active_from, active_until,"
  " created_at, updated_at, deleted_at) SELECT column1, column2, column3,"
  " (SELECT id FROM codes WHERE kind = 'committee_type' AND label = column4), column5,"
  " column6, column7, " T ", " T ", column8 FROM (VALUES"
  " (1, '青山镇人民调解委员会', '青山', '乡镇调委会', NULL, NULL, NULL, NULL),"
  " (2, '青山村人民调解委员会', '青山村', '村调委会', 1, NULL, NULL, NULL),"
  " (3, '绿水社区人民调解委员会', '绿水', '居(社区)调委会', 2, NULL, '2026-10-31', NULL),"
  " (4, '东坡村人民调解委员会', '东坡', '村调委会', 3, NULL, '2025-06-30', NULL),"
  " (5, '北山村人民调解委员会', '北山', '村调委会', 6, NULL, NULL, '2026-01-05 10:00:00'),"
  " (6, '新河村人民调解委员会', '新河', '村调委会', 4, '2027-01-01', NULL, NULL),"
  " (7, '青山化工厂人民调解委员会', '化工厂', '企事业单位调委会', NULL, NULL, NULL, NULL));"

  /* Mediators active on 2026-11-30: 陈专 周专 刘调解 吴兼 (1), 钱专 刘调解
   * 孙兼 (2), 高兼 (7): 8 memberships, 3 full-time. */
  "INSERT INTO mediators (id, name, committee_id, full_time, active_from, active_until,"
  " created_at, updated_at, deleted_at) SELECT column1, column2, column3, column4, column5,"
  " column6, " T ", " T ", column7 FROM (VALUES"
  " (1, '陈专', 1, 1, NULL, NULL, NULL), (2, '周专', 1, 1, NULL, NULL, NULL),"
  " (3, '刘调解', 1, 0, NULL, NULL, NULL), (4, '吴兼', 1, 0, NULL, NULL, NULL),"
  " (5, '郑删', 1, 1, NULL, NULL, '2026-03-01 00:00:00'),"
  " (6, '钱专', 2, 1, NULL, NULL, NULL), (7, '刘调解', 2, 0, NULL, NULL, NULL),"
  " (8, '孙兼', 2, 0, NULL, NULL, NULL), (9, '何退', 2, 0, NULL, '2026-09-30', NULL),"
  " (10, '冯兼', 3, 0, NULL, '2026-10-31', NULL), (11, '许兼', 3, 0, NULL, '2026-10-31', NULL),"
  " (12, '高兼', 7, 0, NULL, NULL, NULL), (13, '罗兼', 5, 1, NULL, NULL, NULL),"
  " (14, '梁兼', 6, 0, '2027-01-01', NULL, NULL));"

  /* Consultations.  November: 11 (1–11; 9 and 10 on the month's first and
   * last minute, 11 anonymous, 7 by a station's own channel), 12 deleted,
   * 13 on 1 December, 14 on 31 October, 15 after today. */
  "INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id, person_id,"
  " companions, category_id, result_id, created_at, updated_at, deleted_at)"
  " SELECT column1, 'ZX' || column1, CAST (substr (column2, 1, 4) AS INTEGER), column1, column2,"
  " 1, (SELECT id FROM codes WHERE kind = 'channel' AND label = column3), column4, column5,"
  " (SELECT id FROM codes WHERE kind = 'consult_category' AND label = column6),"
  " (SELECT id FROM codes WHERE kind = 'consult_result' AND label = column7), " T ", " T ","
  " column8 FROM (VALUES"
  " (1, '2026-11-02 09:00', '来访', 1, 3, '婚姻家庭', '当场解答', NULL),"
  " (2, '2026-11-03 10:00', '来电', 2, 1, '婚姻家庭', '约期答复', NULL),"
  " (3, '2026-11-04 11:00', '12348热线', 1, 1, '劳动报酬', '指导申请法律援助', NULL),"
  " (4, '2026-11-05 14:00', '来信', 1, 1, '邻里关系', '引导人民调解', NULL),"
  " (5, '2026-11-06 15:00', '网络', 1, 1, '合同纠纷', '转介律师', NULL),"
  " (6, '2026-11-09 09:30', '上门服务', 1, 1, '合同纠纷', '引导诉讼', NULL),"
  " (7, '2026-11-10 10:00', '微信', 1, 1, '债权债务', '转信访部门', NULL),"
  " (8, '2026-11-11 08:00', '来访', 1, 1, '其他', '转其他部门', NULL),"
  " (9, '2026-11-30 23:59', '来访', 1, 1, '其他', '其他', NULL),"
  " (10, '2026-11-01 00:00', '来访', 1, 1, '刑事', '代写文书', NULL),"
  " (11, '2026-11-20 16:00', '来电', NULL, 1, '工伤', '转介公证', NULL),"
  " (12, '2026-11-15 09:00', '来访', 1, 1, '婚姻家庭', '当场解答', '2026-11-16 10:00:00'),"
  " (13, '2026-12-01 00:00', '来访', 1, 1, '继承', '当场解答', NULL),"
  " (14, '2026-10-31 23:59', '来访', 1, 1, '继承', '当场解答', NULL),"
  " (15, '2026-12-10 09:00', '来访', 1, 1, '继承', '当场解答', NULL));"
  /* 15 more in October (16 with number 14), 4 in November 2025 with 2
   * visitors each, 1 in March 2025, 2 in January 2026, 3 in December 2025 */
  "WITH RECURSIVE n (i, at, channel) AS ("
  " SELECT 100, '2026-10-15 09:00', '来访' UNION ALL"
  " SELECT i + 1, CASE WHEN i + 1 < 115 THEN '2026-10-15 09:00'"
  "  WHEN i + 1 < 119 THEN '2025-11-10 09:00' WHEN i + 1 < 120 THEN '2025-03-01 09:00'"
  "  WHEN i + 1 < 122 THEN '2026-01-10 09:00' ELSE '2025-12-10 09:00' END,"
  "  CASE WHEN i + 1 BETWEEN 120 AND 121 THEN '来电' ELSE '来访' END"
  " FROM n WHERE i < 124)"
  " INSERT INTO consultations (id, number, year, seq, at, staff_id, channel_id, companions,"
  " category_id, result_id, created_at, updated_at)"
  " SELECT i, 'ZX' || i, CAST (substr (at, 1, 4) AS INTEGER), i, at, 1,"
  " (SELECT id FROM codes WHERE kind = 'channel' AND label = channel),"
  " CASE WHEN at LIKE '2025-11%' THEN 2 ELSE 1 END,"
  " " CODE ("consult_category", "继承") ", " CODE ("consult_result", "当场解答") ", " T ", " T
  " FROM n;"

  /* Mediation cases.  K5 accepted in October and closed in November; K6
   * by a station's own dispute type, closed after the month; K7 open since
   * 2025 in a retired committee; K8 by a retired dispute type; K9 deleted;
   * K10 successful without agreement form or amount; K11 closed in October. */
  "INSERT INTO mediation_cases (id, number, year, seq, committee_id, accepted_on, source_id,"
  " dispute_type_id, party_count, status, closed_on, agreement_form, agreement_amount,"
  " confirmed_on, prevent_suicide, prevent_criminal, prevent_petition, prevent_fight,"
  " created_at, updated_at, deleted_at)"
  " SELECT column1, 'K' || column1, CAST (substr (column5, 1, 4) AS INTEGER), column3, column4,"
  " column5, (SELECT id FROM codes WHERE kind = 'case_source' AND label = column6),"
  " (SELECT id FROM codes WHERE kind = 'dispute_type' AND label = column7), column8, column9,"
  " column10, column11, column12, column13, column14, column15, column16, column17, " T ", " T ","
  " column2 FROM (VALUES"
  " (1, NULL, 1, 2, '2026-11-03', '当事人申请', '邻里纠纷', 2, '调解成功', '2026-11-10', '口头',"
  "  150000, NULL, 1, 0, 0, 0),"
  " (2, NULL, 2, 2, '2026-11-05', '当事人申请', '婚姻家庭纠纷', 3, '调解成功', '2026-11-20',"
  "  '书面', 1234567, '2026-11-25', 0, 2, 0, 0),"
  " (3, NULL, 1, 1, '2026-11-12', '调委会主动调解', '邻里纠纷', 2, '调解不成功', '2026-11-28',"
  "  NULL, NULL, NULL, 0, 0, 5, 0),"
  " (4, NULL, 2, 1, '2026-11-20', '法院委托移送', '合同纠纷', 4, '调解中', NULL, NULL, NULL,"
  "  NULL, 0, 0, 0, 3),"
  " (5, NULL, 3, 1, '2026-10-15', '公安机关委托移送', '道路交通事故纠纷', 2, '调解成功',"
  "  '2026-11-02', '书面', 800000, '2026-11-30', 0, 0, 0, 0),"
  " (6, NULL, 3, 2, '2026-11-25', '当事人申请', '知识产权纠纷', 2, '调解成功', '2026-12-01',"
  "  '口头', 0, NULL, 0, 0, 0, 0),"
  " (7, NULL, 1, 4, '2025-05-10', '当事人申请', '山林土地纠纷', 2, '已受理', NULL, NULL, NULL,"
  "  NULL, 0, 0, 0, 0),"
  " (8, NULL, 4, 1, '2026-11-26', '信访部门委托移送', '宅基地纠纷（旧）', 2, '终止',"
  "  '2026-11-27', NULL, NULL, NULL, 0, 0, 0, 0),"
  " (9, '2026-11-07 09:00:00', 4, 2, '2026-11-04', '当事人申请', '邻里纠纷', 2, '调解成功',"
  "  '2026-11-06', '口头', 99900, NULL, 1, 0, 0, 0),"
  " (10, NULL, 5, 2, '2026-11-06', '当事人申请', '邻里纠纷', 2, '调解成功', '2026-11-18',"
  "  NULL, NULL, NULL, 0, 0, 0, 0),"
  " (11, NULL, 5, 1, '2026-10-20', '当事人申请', '婚姻家庭纠纷', 2, '终止', '2026-10-25', NULL,"
  "  NULL, NULL, 0, 0, 0, 0));"
  /* nine successful cases in March: YTD 13 successful of 16 closed, 81.3 % */
  "WITH RECURSIVE n (i) AS (SELECT 101 UNION ALL SELECT i + 1 FROM n WHERE i < 109)"
  " INSERT INTO mediation_cases (id, number, year, seq, committee_id, accepted_on, source_id,"
  " dispute_type_id, party_count, status, closed_on, agreement_form, agreement_amount,"
  " created_at, updated_at)"
  " SELECT i, 'K' || i, 2026, i, 1, '2026-03-02', " CODE ("case_source", "当事人申请") ","
  " " CODE ("dispute_type", "其他劳动争议纠纷") ", 2, '调解成功', '2026-03-20', '口头', 10000, "
  T ", " T " FROM n;"
  "INSERT INTO case_parties (case_id, person_id, role) VALUES (1, 3, '申请人'),"
  " (1, 4, '被申请人');"

  /* Screenings: 5 deleted; 6 in November 2025. */
  "INSERT INTO screenings (id, screened_on, committee_id, village_id, screener, found, prevented,"
  " created_at, updated_at, deleted_at) VALUES"
  " (1, '2026-11-05', 2, 1, '钱专', 3, 2, " T ", " T ", NULL),"
  " (2, '2026-11-20', 2, 1, '钱专', 1, 1, " T ", " T ", NULL),"
  " (3, '2026-10-10', 3, 2, '冯兼', 2, 0, " T ", " T ", NULL),"
  " (4, '2026-11-15', 1, NULL, NULL, 0, 0, " T ", " T ", NULL),"
  " (5, '2026-11-16', 1, NULL, NULL, 9, 0, " T ", " T ", '2026-11-17 00:00:00'),"
  " (6, '2025-11-10', 1, NULL, NULL, 1, 0, " T ", " T ", NULL),"
  " (7, '2026-02-10', 2, 1, NULL, 4, 3, " T ", " T ", NULL);"

  /* Legal-aid applications (limit 3 working days).  1 forwarded the day it
   * came; 2 late only because of the make-up Saturday; 3 on time only
   * because of the holiday; 4 across a weekend; 5 late; 6 received in
   * October.  7–12 pending or withdrawn in various ways; 9 pending since
   * 2025; 13–15 earlier this year (15 and 14 born on 29 February); 16–17
   * in November 2025; 18 deleted.  Categories are judged on the receipt
   * date: 1 turns 60 that day, 2 is 60 the day after, 3 turns 18 that day,
   * 4 turns 18 the day after. */
  "INSERT INTO legal_aid (id, number, year, seq, received_at, receiver_id, person_id, sex,"
  " birth_date, ethnicity, is_disabled, is_migrant_worker, is_farmer, is_military,"
  " is_foreigner, matter_type_id, matter_id, status, supplement_on, forwarded_on, decided_on,"
  " decision, withdrawn_on, created_at, updated_at, deleted_at)"
  " SELECT column1, 'FY' || column1, CAST (substr (column2, 1, 4) AS INTEGER), column1, column2,"
  " 1, 5, column4, column5, column6, column7, column8, column9, column10, column11,"
  " " CODE ("aid_matter_type", "民事") ","
  " (SELECT id FROM codes WHERE kind = 'aid_matter' AND label = column3), column12, column13,"
  " column14, column15, column16, column17, " T ", " T ", column18 FROM (VALUES"
  " (1, '2026-11-02 09:00', '请求给付赡养费、抚养费、扶养费', '女', '1966-11-02', NULL,"
  "  0, 0, 0, 0, 0, '决定给予', NULL, '2026-11-02', '2026-11-20', '给予', NULL, NULL),"
  " (2, '2026-11-03 10:00', '请求确认劳动关系或者支付劳动报酬', '男', '1966-11-04', NULL,"
  "  0, 1, 1, 0, 0, '已转交', NULL, '2026-11-09', NULL, NULL, NULL, NULL),"
  " (3, '2026-11-04 11:00', '请求确认劳动关系或者支付劳动报酬', '男', '2008-11-04', '回族',"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-11-09', NULL, NULL, NULL, NULL),"
  " (4, '2026-11-13 16:00', '请求交通事故人身损害赔偿', '女', '2008-11-14', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-11-18', NULL, NULL, NULL, NULL),"
  " (5, '2026-11-19 09:00', '其他', NULL, NULL, NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-11-25', NULL, NULL, NULL, NULL),"
  " (6, '2026-10-28 09:00', '请求给付赡养费、抚养费、扶养费', '女', '1960-01-01', NULL,"
  "  0, 0, 0, 0, 0, '决定不予', NULL, '2026-11-02', '2026-11-10', '不予', NULL, NULL),"
  " (7, '2026-11-20 10:00', '遭受虐待、遗弃或者家庭暴力', '女', '1980-01-01', NULL,"
  "  1, 0, 0, 0, 0, '已接收', NULL, NULL, NULL, NULL, NULL, NULL),"
  " (8, '2026-11-27 10:00', '其他', '男', '1990-05-05', NULL,"
  "  0, 0, 0, 1, 0, '材料待补', '2026-11-27', NULL, NULL, NULL, NULL, NULL),"
  " (9, '2025-12-15 10:00', '请求工伤事故人身损害赔偿', '男', '1975-06-06', NULL,"
  "  0, 0, 0, 0, 0, '已接收', NULL, NULL, NULL, NULL, NULL, NULL),"
  " (10, '2026-11-24 10:00', '请求支付劳务报酬', '男', '1985-03-03', NULL,"
  "  0, 0, 0, 0, 1, '已转交', NULL, '2026-12-01', NULL, NULL, NULL, NULL),"
  " (11, '2026-11-16 10:00', '其他', '男', '1950-02-28', '汉族',"
  "  0, 0, 0, 0, 0, '申请人撤回', NULL, NULL, NULL, NULL, '2026-11-20', NULL),"
  " (12, '2026-11-26 10:00', '请求给付赡养费、抚养费、扶养费', '男', '1995-07-07', NULL,"
  "  0, 0, 0, 0, 0, '申请人撤回', NULL, NULL, NULL, NULL, '2026-12-02', NULL),"
  " (13, '2026-01-05 09:00', '其他', '男', '1970-01-01', NULL,"
  "  0, 0, 1, 0, 0, '已转交', NULL, '2026-01-06', NULL, NULL, NULL, NULL),"
  " (14, '2026-02-28 09:00', '请求国家赔偿', '女', '2008-02-29', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-03-02', NULL, NULL, NULL, NULL),"
  " (15, '2026-03-01 09:00', '见义勇为', '男', '2008-02-29', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-03-02', NULL, NULL, NULL, NULL),"
  " (16, '2025-11-10 09:00', '其他', '男', '1970-01-01', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2025-11-11', NULL, NULL, NULL, NULL),"
  " (17, '2025-11-10 10:00', '其他', '女', '1971-01-01', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2025-11-11', NULL, NULL, NULL, NULL),"
  " (18, '2026-11-10 09:00', '其他', '男', '1980-01-01', NULL,"
  "  0, 0, 0, 0, 0, '已转交', NULL, '2026-11-10', NULL, NULL, NULL, '2026-11-11 09:00:00'));"

  /* Advisers: 4 deleted; 5 served only in 2025; 6 shares 1's name. */
  "INSERT INTO advisers (id, name, practice_type_id, institution, term_from, created_at,"
  " updated_at, deleted_at) SELECT column1, column2,"
  " (SELECT id FROM codes WHERE kind = 'practice_type' AND label = column3), column4, column5,"
  " " T ", " T ", column6 FROM (VALUES"
  " (1, '张律师', '律师', '青山律师事务所', '2026-01-01', NULL),"
  " (2, '李法务', '基层法律服务工作者', '青山法律服务所', '2026-03-01', NULL),"
  " (3, '王顾问', '律师', '绿水律师事务所', '2025-01-01', NULL),"
  " (4, '赵律师', '律师', '东方律师事务所', '2026-01-01', '2026-06-01 00:00:00'),"
  " (5, '孙律师', '律师', '南方律师事务所', '2025-01-01', NULL),"
  " (6, '张律师', '律师', '绿水律师事务所', '2026-11-15', NULL));"
  /* Assignments: 2 and 5 end in the middle of the year; 4 deleted; 6 of a
   * deleted adviser.  On 2026-11-30 青山村 and 绿水社区 have an adviser,
   * 北山村 has none. */
  "INSERT INTO adviser_assignments (id, adviser_id, village_id, from_date, until_date,"
  " created_at, updated_at, deleted_at) VALUES"
  " (1, 1, 1, '2026-01-01', NULL, " T ", " T ", NULL),"
  " (2, 1, 6, '2026-01-01', '2026-06-30', " T ", " T ", NULL),"
  " (3, 2, 2, '2026-03-01', '2026-12-31', " T ", " T ", NULL),"
  " (4, 2, 6, '2026-03-01', NULL, " T ", " T ", '2026-04-01 00:00:00'),"
  " (5, 3, 3, '2025-01-01', '2026-05-31', " T ", " T ", NULL),"
  " (6, 4, 6, '2026-01-01', NULL, " T ", " T ", NULL),"
  " (7, 5, 1, '2025-01-01', '2025-12-31', " T ", " T ", NULL),"
  " (8, 6, 2, '2026-11-15', NULL, " T ", " T ", NULL);"
  /* Services: 2 by a retired mode mapped to 实地; 4 in a village whose
   * assignment ended; 10 of a deleted adviser; 12 deleted. */
  "INSERT INTO adviser_services (id, served_on, adviser_id, village_id, mode_id, half_hours,"
  " consults, lectures, audience, mediations, contracts, village_rules, documents, aid_referrals,"
  " trainees, leaflets, created_at, updated_at, deleted_at)"
  " SELECT column1, column2, column3, column4,"
  " (SELECT id FROM codes WHERE kind = 'service_mode' AND label = column5), column6, column7,"
  " column8, column9, column10, column11, column12, column13, column14, column15, column16,"
  " " T ", " T ", column17 FROM (VALUES"
  " (1, '2026-11-03', 1, 1, '实地', 4, 3, 1, 40, 0, 0, 0, 0, 0, 0, 50, NULL),"
  " (2, '2026-11-17', 1, 1, '入户走访', 5, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, NULL),"
  " (3, '2026-11-20', 1, 1, '远程', 2, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, NULL),"
  " (4, '2026-11-25', 1, 6, '实地', 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, NULL),"
  " (5, '2026-03-10', 1, 1, '实地', 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (6, '2026-11-05', 2, 2, '实地', 7, 0, 0, 0, 0, 0, 2, 0, 0, 15, 0, NULL),"
  " (7, '2026-11-06', 2, 2, '预约', 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (8, '2026-04-02', 2, 2, '实地', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (9, '2026-04-15', 3, 3, '实地', 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (10, '2026-11-10', 4, 6, '实地', 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (11, '2025-11-12', 5, 1, '实地', 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL),"
  " (12, '2026-11-12', 1, 1, '实地', 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,"
  "  '2026-11-13 00:00:00'));";

static DeskStore *
open_ledger (void)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("figures-%d.db", ++n);
  DeskStore *store = desk_test_open_store (name);

  desk_test_exec (store, setup_sql);
  return store;
}

static DeskReport *
compute (DeskStore *store,
         int        year,
         int        month)
{
  g_autoptr(GError) error = NULL;
  DeskReport *report = desk_figures_compute (store, year, month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* "label: v v v", every cell as the workbook shows it, "-" when empty. */
static char *
row_text (const DeskReportTable *table,
          const DeskReportRow   *row)
{
  GString *out = g_string_new (row->label);

  g_string_append_c (out, ':');
  for (guint c = 0; c < table->columns->len; c++)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);
      g_autofree char *text = desk_cell_to_string (&row->cells[c], col->decimals);

      g_string_append_printf (out, " %s", *text ? text : "-");
    }
  return g_string_free (out, FALSE);
}

/* The cells of a row that nothing was counted in: 0, 0.00, or empty for a
 * percentage whose denominator is 0. */
static char *
zero_row_text (const DeskReportTable *table,
               const char            *label)
{
  GString *out = g_string_new (label);

  g_string_append_c (out, ':');
  for (guint c = 0; c < table->columns->len; c++)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);

      if (col->text || !col->summable)
        g_string_append (out, " -");
      else if (col->decimals == 0)
        g_string_append (out, " 0");
      else
        g_string_append_printf (out, " 0.%0*d", col->decimals, 0);
    }
  return g_string_free (out, FALSE);
}

/* Asserts every cell of a table: @rows lists the rows in order, each
 * "label: cells"; a bare "label" is a row where nothing counts. */
static void
assert_table (const DeskReport  *report,
              const char        *sheet,
              guint              block,
              const char *const *rows)
{
  DeskReportTable *table = desk_report_find_table (report, sheet, block);
  guint n = g_strv_length ((char **) rows);

  g_assert_nonnull (table);
  for (guint r = 0; r < MAX (n, table->rows->len); r++)
    {
      g_autofree char *actual = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpuint (r, <, table->rows->len);
      g_assert_cmpuint (r, <, n);
      actual = row_text (table, g_ptr_array_index (table->rows, r));
      expected = strchr (rows[r], ':') ? g_strdup (rows[r]) : zero_row_text (table, rows[r]);
      g_assert_cmpstr (actual, ==, expected);
    }
}

static char *
column_paths (const DeskReportTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < table->columns->len; c++)
    {
      DeskReportColumn *col = g_ptr_array_index (table->columns, c);

      g_string_append_printf (out, "%s%s", c ? "," : "", col->path);
    }
  return g_string_free (out, FALSE);
}

static void
assert_layout (const DeskReport *report,
               const char       *sheet,
               guint             block,
               const char       *name,
               const char       *units,
               const char       *row_header,
               const char       *paths)
{
  DeskReportTable *table = desk_report_find_table (report, sheet, block);
  g_autofree char *actual = NULL;

  g_assert_nonnull (table);
  g_assert_cmpstr (table->name, ==, name);
  g_assert_cmpstr (table->units, ==, units);
  g_assert_cmpstr (table->row_header, ==, row_header);
  actual = column_paths (table);
  g_assert_cmpstr (actual, ==, paths);
}

static const char *const summary_nov[] = {
  "法律咨询(件): 11 16 4 -31.3 175.0 29 5",
  "法律咨询(人次): 13 16 8 -18.8 62.5 31 9",
  "人民调解受理(件): 7 2 0 250.0 - 18 1",
  "人民调解成功(件): 4 0 0 - - 13 0",
  "矛盾纠纷排查(次): 3 1 1 200.0 200.0 5 1",
  "法律援助申请接收(件): 10 1 2 900.0 400.0 14 2",
  "法律援助申请转交(件): 6 0 2 - 200.0 9 2",
  "法律顾问服务(次): 6 0 1 - 500.0 9 1",
  NULL
};

static const char *const indicators_nov[] = {
  "村(居)配备法律顾问的比例: 66.7 100.0",
  "村(社区)人民调解委员会覆盖率: 33.3 100.0",
  "专职人民调解员比例: 37.5 20.0",
  NULL
};

static const char *const mediation_nov[] = {
  "婚姻家庭纠纷: 1 2 1 2 1 1 100.0 50.0 0 0 1 1 3 5 12345.67 12345.67 1 1 0",
  "邻里纠纷: 3 3 3 3 2 2 66.7 66.7 1 1 0 0 6 6 1500.00 1500.00 0 0 0",
  "房屋宅基地纠纷: 1 1 1 1 0 0 0.0 0.0 0 0 0 0 2 2 0.00 0.00 0 0 0",
  "合同纠纷: 1 1 0 0 0 0 - - 0 0 0 0 4 4 0.00 0.00 0 0 1",
  "生产经营纠纷",
  "损害赔偿纠纷",
  "山林土地纠纷: 0 0 0 0 0 0 - - 0 0 0 0 0 0 0.00 0.00 0 0 1",
  "征地拆迁纠纷",
  "环境污染纠纷",
  "拖欠农民工工资纠纷",
  "其他劳动争议纠纷: 0 9 0 9 0 9 - 100.0 0 9 0 0 0 18 0.00 900.00 0 0 0",
  "旅游纠纷",
  "电子商务纠纷",
  "其他消费纠纷",
  "医疗纠纷",
  "道路交通事故纠纷: 0 1 1 1 1 1 100.0 100.0 0 0 1 1 0 2 8000.00 8000.00 1 1 0",
  "物业纠纷",
  "其他纠纷: 1 1 0 0 0 0 - - 0 0 0 0 2 2 0.00 0.00 0 0 1",
  "合计: 7 18 6 16 4 13 66.7 81.3 1 10 2 2 17 39 21845.67 22745.67 2 2 3",
  NULL
};

static const char *const sources_nov[] = {
  "当事人申请: 4 14 3 12",
  "调委会主动调解: 1 1 0 0",
  "法院委托移送: 1 1 0 0",
  "检察院委托移送",
  "公安机关委托移送: 0 1 1 1",
  "信访部门委托移送: 1 1 0 0",
  "其他部门委托移送",
  "合计: 7 18 4 13",
  NULL
};

static const char *const committees_nov[] = {
  "青山镇人民调解委员会: 乡镇调委会 3 14 1 10 1 4",
  "青山村人民调解委员会: 村调委会 4 4 3 3 1 3",
  "绿水社区人民调解委员会: 居(社区)调委会 0 0 0 0 0 0",
  "东坡村人民调解委员会: 村调委会 0 0 0 0 1 0",
  "青山化工厂人民调解委员会: 企事业单位调委会 0 0 0 0 0 1",
  "合计: - 7 18 4 13 3 8",
  NULL
};

static const char *const screening_nov[] = {
  "青山镇人民调解委员会: 1 1 0 0 0 0 0 0 0 0 1 5 0 0",
  "青山村人民调解委员会: 2 3 4 8 3 6 1 1 1 2 0 0 0 0",
  "绿水社区人民调解委员会: 0 1 0 2 0 0 0 0 0 0 0 0 0 0",
  "东坡村人民调解委员会",
  "青山化工厂人民调解委员会",
  "合计: 3 5 4 10 3 6 1 1 1 2 1 5 0 0",
  NULL
};

static const char *const consultations_nov[] = {
  "婚姻家庭: 2 2 4 4 1 1 0 0 0 0 1 1 0 0 0 0 0 0",
  "继承: 0 18 0 18 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
  "赡养抚养",
  "邻里关系: 1 1 1 1 0 0 0 1 0 0 0 0 0 1 0 0 0 0",
  "房屋宅基地",
  "土地承包流转",
  "征地拆迁",
  "劳动报酬: 1 1 1 1 0 0 1 0 0 0 0 0 0 0 1 0 0 0",
  "其他劳动争议",
  "工伤: 1 1 1 1 0 1 0 0 0 0 0 0 0 0 0 1 0 0",
  "合同纠纷: 2 2 2 2 0 0 0 0 1 1 0 0 0 0 0 2 0 0",
  "债权债务: 1 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 1 0",
  "人身损害赔偿",
  "交通事故",
  "医疗纠纷",
  "消费维权",
  "物业纠纷",
  "社会保障",
  "行政事项",
  "刑事: 1 1 1 1 1 0 0 0 0 0 0 0 1 0 0 0 0 0",
  "其他: 2 2 2 2 2 0 0 0 0 0 0 0 0 0 0 0 1 1",
  "合计: 11 29 13 31 4 2 1 1 2 1 1 1 1 1 1 3 2 1",
  NULL
};

static const char *const legal_aid_nov[] = {
  "请求国家赔偿: 0 1 0 1 0 0 0 0 0",
  "请求给予社会保险待遇或者社会救助",
  "请求发给抚恤金",
  "请求给付赡养费、抚养费、扶养费: 2 3 2 2 2 1 1 0 1",
  "请求确认劳动关系或者支付劳动报酬: 3 3 2 2 1 0 0 0 1",
  "请求认定无民事行为能力或者限制民事行为能力",
  "请求工伤事故人身损害赔偿: 0 0 0 0 0 0 0 0 1",
  "请求交通事故人身损害赔偿: 1 1 1 1 1 0 0 0 0",
  "请求食品药品安全事故人身损害赔偿",
  "请求医疗事故人身损害赔偿",
  "请求环境污染、生态破坏损害赔偿",
  "英雄烈士近亲属维护英烈权益",
  "见义勇为: 0 1 0 1 0 0 0 0 0",
  "遭受虐待、遗弃或者家庭暴力: 1 1 0 0 0 0 0 0 1",
  "刑事案件犯罪嫌疑人、被告人",
  "刑事案件被害人、自诉人",
  "其他: 3 4 1 2 0 0 0 1 1",
  "合计: 10 14 6 9 4 1 1 1 5",
  NULL
};

static const char *const categories_nov[] = {
  "申请件数: 10 14",
  "老年人: 2 3",
  "残疾人: 1 1",
  "未成年人: 1 2",
  "女性: 3 5",
  "农民工: 1 1",
  "农民: 1 2",
  "少数民族: 1 1",
  "军人军属: 1 1",
  "外国人或无国籍人: 1 1",
  "其他: 2 3",
  NULL
};

static const char *const advisers_nov[] = {
  "张律师（青山律师事务所）: 1 4 5 3 6.0 10.0 6 1 40 1 1 0 1 1 0 50 是",
  "李法务: 1 2 3 1 4.5 5.5 1 0 0 0 0 2 0 0 15 0 否",
  "王顾问: 0 0 1 0 0.0 3.0 0 0 0 0 0 0 0 0 0 0 否",
  "张律师（绿水律师事务所）: 1 0 0 0 0.0 0.0 0 0 0 0 0 0 0 0 0 0 否",
  "合计: 3 6 9 4 10.5 18.5 7 1 40 1 1 2 1 1 15 50 -",
  NULL
};

static void
test_layout (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("figures-layout.db");
  g_autoptr(DeskReport) report = compute (store, 2026, 11);
  const char *sheets[] = { "汇总", "汇总", "人民调解", "调解来源", "调委会", "排查防激化",
                           "法律咨询", "法律援助", "受援人类别", "法律顾问" };
  DeskReportTable *table;

  g_assert_cmpuint (report->tables->len, ==, G_N_ELEMENTS (sheets));
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    g_assert_cmpstr (((DeskReportTable *) g_ptr_array_index (report->tables, i))->sheet, ==,
                     sheets[i]);
  g_assert_cmpstr (report->first_day, ==, "2026-11-01");
  g_assert_cmpstr (report->last_day, ==, "2026-11-30");

  assert_layout (report, "汇总", 0, "工作情况汇总表", "件、次", "项目",
                 "本月,上月,去年同月,环比(%),同比(%),本年累计,去年同期累计");
  table = desk_report_find_table (report, "汇总", 0);
  g_assert_true (table->single_header_row);
  for (guint c = 0; c < table->columns->len; c++)
    g_assert_null (((DeskReportColumn *) g_ptr_array_index (table->columns, c))->group);
  assert_layout (report, "汇总", 1, NULL, NULL, "站点指标", "当前值(%),目标值(%)");
  assert_layout (report, "人民调解", 0, "人民调解案件统计表", "件、人、元", "纠纷类型",
                 "受理/本月,受理/本年累计,办结/本月,办结/本年累计,调解成功/本月,"
                 "调解成功/本年累计,成功率(%)/本月,成功率(%)/本年累计,口头协议/本月,"
                 "口头协议/本年累计,书面协议/本月,书面协议/本年累计,涉及当事人(人)/本月,"
                 "涉及当事人(人)/本年累计,协议金额(元)/本月,协议金额(元)/本年累计,"
                 "司法确认/本月,司法确认/本年累计,期末未结");
  assert_layout (report, "调解来源", 0, "人民调解案件来源统计表", "件", "案件来源",
                 "受理/本月,受理/本年累计,调解成功/本月,调解成功/本年累计");
  assert_layout (report, "调委会", 0, "人民调解委员会工作统计表", "件、人", "调委会",
                 "类型,受理/本月,受理/本年累计,调解成功/本月,调解成功/本年累计,期末未结,"
                 "调解员(人)");
  assert_layout (report, "排查防激化", 0, "矛盾纠纷排查及防激化统计表", "次、件、人", "调委会",
                 "排查次数/本月,排查次数/本年累计,排查发现纠纷/本月,排查发现纠纷/本年累计,"
                 "预防纠纷/本月,预防纠纷/本年累计,防止民间纠纷引起自杀/件,"
                 "防止民间纠纷引起自杀/人,防止民间纠纷转化为刑事案件/件,"
                 "防止民间纠纷转化为刑事案件/人,防止群体性上访/件,防止群体性上访/人,"
                 "防止群体性械斗/件,防止群体性械斗/人");
  assert_layout (report, "法律咨询", 0, "法律咨询登记统计表", "件、人次", "咨询类别",
                 "咨询(件)/本月,咨询(件)/本年累计,咨询(人次)/本月,咨询(人次)/本年累计,"
                 "按渠道(本月)/来访,按渠道(本月)/来电,按渠道(本月)/12348热线,"
                 "按渠道(本月)/来信,按渠道(本月)/网络,按渠道(本月)/上门服务,"
                 "按处理结果(本月)/当场解答,按处理结果(本月)/约期答复,"
                 "按处理结果(本月)/代写文书,按处理结果(本月)/引导人民调解,"
                 "按处理结果(本月)/指导申请法律援助,按处理结果(本月)/转介法律服务,"
                 "按处理结果(本月)/转有关部门,按处理结果(本月)/其他");
  assert_layout (report, "法律援助", 0, "法律援助申请受理转交统计表", "件", "援助事项",
                 "接收申请/本月,接收申请/本年累计,转交/本月,转交/本年累计,按期转交(本月),"
                 "决定给予(本月),决定不予(本月),撤回(本月),期末待转交");
  assert_layout (report, "受援人类别", 0, "法律援助申请人类别统计表", "件", "类别",
                 "接收申请/本月,接收申请/本年累计");
  assert_layout (report, "法律顾问", 0, "村(居)法律顾问工作统计表",
                 "次、小时、件、场、人次、份", "法律顾问",
                 "服务村(居)数,服务次数/本月,服务次数/本年累计,实地服务(次),"
                 "服务时长(小时)/本月,服务时长(小时)/本年累计,解答咨询(件),法治讲座(场),"
                 "讲座受众(人次),参与调解(件),审查合同协议(件),审查村规民约(件),代写文书(份),"
                 "引导法律援助(件),培训(人次),发放资料(份),是否达标");

  /* number formats: counts 0, percentages and hours 0.0, yuan 0.00 */
  table = desk_report_find_table (report, "人民调解", 0);
  g_assert_cmpint (((DeskReportColumn *) g_ptr_array_index (
                      table->columns, desk_report_table_find_column (table, "成功率(%)/本月")))
                     ->decimals, ==, 1);
  g_assert_cmpint (((DeskReportColumn *) g_ptr_array_index (
                      table->columns, desk_report_table_find_column (table, "协议金额(元)/本月")))
                     ->decimals, ==, 2);
  g_assert_false (((DeskReportColumn *) g_ptr_array_index (
                     table->columns, desk_report_table_find_column (table, "成功率(%)/本月")))
                    ->summable);
  table = desk_report_find_table (report, "调委会", 0);
  g_assert_true (((DeskReportColumn *) g_ptr_array_index (table->columns, 0))->text);
}

/* An empty ledger: every count 0, every ratio empty, targets as numbers. */
static void
test_empty_month (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store ("figures-empty.db");
  g_autoptr(DeskReport) report = compute (store, 2026, 11);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *const summary[] = {
    "法律咨询(件): 0 0 0 - - 0 0", "法律咨询(人次): 0 0 0 - - 0 0",
    "人民调解受理(件): 0 0 0 - - 0 0", "人民调解成功(件): 0 0 0 - - 0 0",
    "矛盾纠纷排查(次): 0 0 0 - - 0 0", "法律援助申请接收(件): 0 0 0 - - 0 0",
    "法律援助申请转交(件): 0 0 0 - - 0 0", "法律顾问服务(次): 0 0 0 - - 0 0", NULL
  };
  const char *const indicators[] = {
    "村(居)配备法律顾问的比例: - 100.0", "村(社区)人民调解委员会覆盖率: - 100.0",
    "专职人民调解员比例: - 20.0", NULL
  };
  const char *const committees[] = { "合计: - 0 0 0 0 0 0", NULL };
  const char *const screening[] = { "合计", NULL };
  const char *const advisers[] = { "合计: 0 0 0 0 0.0 0.0 0 0 0 0 0 0 0 0 0 0 -", NULL };
  const char *const categories[] = {
    "申请件数", "老年人", "残疾人", "未成年人", "女性", "农民工", "农民", "少数民族", "军人军属",
    "外国人或无国籍人", "其他", NULL
  };

  assert_table (report, "汇总", 0, summary);
  assert_table (report, "汇总", 1, indicators);
  assert_table (report, "调委会", 0, committees);
  assert_table (report, "排查防激化", 0, screening);
  assert_table (report, "法律顾问", 0, advisers);
  assert_table (report, "受援人类别", 0, categories);
  /* every other sheet: zeros, empty percentages */
  for (guint t = 2; t < report->tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          DeskReportRow *row = g_ptr_array_index (table->rows, r);
          g_autofree char *actual = row_text (table, row);
          g_autofree char *expected = zero_row_text (table, row->label);

          g_assert_cmpstr (actual, ==, expected);
        }
    }
  g_assert_null (report->county);
  g_assert_false (desk_figures_can_export (store, &error));
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "县名、乡镇名、站名"));
  g_clear_error (&error);

  warnings = desk_figures_check (store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_november (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(DeskReport) report = compute (store, 2026, 11);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (report->county, ==, "青山县");
  g_assert_cmpstr (report->township, ==, "青山镇");
  g_assert_cmpstr (report->station, ==, "青山镇司法所");
  g_assert_cmpstr (report->head, ==, "王建国");
  g_assert_cmpstr (report->reviewer, ==, "李明");
  g_assert_cmpstr (report->clerk, ==, "赵红");
  g_assert_cmpstr (report->phone, ==, "0791-8888888");
  g_assert_true (desk_figures_can_export (store, &error));
  g_assert_no_error (error);

  assert_table (report, "汇总", 0, summary_nov);
  assert_table (report, "汇总", 1, indicators_nov);
  assert_table (report, "人民调解", 0, mediation_nov);
  assert_table (report, "调解来源", 0, sources_nov);
  assert_table (report, "调委会", 0, committees_nov);
  assert_table (report, "排查防激化", 0, screening_nov);
  assert_table (report, "法律咨询", 0, consultations_nov);
  assert_table (report, "法律援助", 0, legal_aid_nov);
  assert_table (report, "受援人类别", 0, categories_nov);
  assert_table (report, "法律顾问", 0, advisers_nov);

  /* fixed point as stored: percentages already rounded, money in fen */
  g_assert_cmpint (desk_report_get_cell (report, "人民调解", "合计", "成功率(%)/本年累计")->value,
                   ==, 813);
  g_assert_cmpint (desk_report_get_cell (report, "汇总", "法律咨询(件)", "环比(%)")->value, ==,
                   -313);
  g_assert_cmpint (desk_report_get_cell (report, "人民调解", "合计", "协议金额(元)/本月")->value,
                   ==, 2184567);
  g_assert_cmpint (desk_report_get_cell (report, "法律顾问", "李法务",
                                         "服务时长(小时)/本月")->value, ==, 45);
  g_assert_cmpint (desk_report_get_cell (report, "汇总", "专职人民调解员比例", "目标值(%)")->value,
                   ==, 200);
}

/* A settings change moves the figures it governs. */
static void
test_settings (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_settings_set (store, "aid-limit-days", "4", &error));
  g_assert_true (desk_settings_set (store, "adviser-min-hours", "3", &error));
  g_assert_no_error (error);
  report = compute (store, 2026, 11);
  /* 2 and 5 (4 working days) are on time now; 李法务's 3.5 hours pass */
  g_assert_cmpint (desk_report_get_cell (report, "法律援助", "合计", "按期转交(本月)")->value, ==,
                   6);
  g_assert_cmpstr (desk_report_get_cell (report, "法律顾问", "李法务", "是否达标")->text, ==, "是");
  /* without the holiday, 3 is late (4 working days) */
  g_clear_pointer (&report, desk_report_free);
  g_assert_true (desk_settings_set (store, "aid-limit-days", NULL, &error));
  g_assert_true (desk_holidays_remove (store, "2026-11-05", &error));
  g_assert_no_error (error);
  report = compute (store, 2026, 11);
  g_assert_cmpint (desk_report_get_cell (report, "法律援助", "请求确认劳动关系或者支付劳动报酬",
                                         "按期转交(本月)")->value, ==, 0);
  g_assert_cmpint (desk_report_get_cell (report, "法律援助", "合计", "按期转交(本月)")->value, ==,
                   3);
}

/* December 2025 and January 2026: 上月 and 本年累计 across the year's end. */
static void
test_turn_of_year (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(DeskReport) december = compute (store, 2025, 12);
  g_autoptr(DeskReport) january = compute (store, 2026, 1);
  const char *const summary_dec[] = {
    "法律咨询(件): 3 4 0 -25.0 - 8 0",
    "法律咨询(人次): 3 8 0 -62.5 - 12 0",
    "人民调解受理(件): 0 0 0 - - 1 0",
    "人民调解成功(件): 0 0 0 - - 0 0",
    "矛盾纠纷排查(次): 0 1 0 -100.0 - 1 0",
    "法律援助申请接收(件): 1 2 0 -50.0 - 3 0",
    "法律援助申请转交(件): 0 2 0 -100.0 - 2 0",
    "法律顾问服务(次): 0 1 0 -100.0 - 1 0",
    NULL
  };
  const char *const indicators_dec[] = {
    "村(居)配备法律顾问的比例: 50.0 100.0",
    "村(社区)人民调解委员会覆盖率: 50.0 100.0",
    "专职人民调解员比例: 27.3 20.0",
    NULL
  };
  const char *const summary_jan[] = {
    "法律咨询(件): 2 3 0 -33.3 - 2 0",
    "法律咨询(人次): 2 3 0 -33.3 - 2 0",
    "人民调解受理(件): 0 0 0 - - 0 0",
    "人民调解成功(件): 0 0 0 - - 0 0",
    "矛盾纠纷排查(次): 0 0 0 - - 0 0",
    "法律援助申请接收(件): 1 1 0 0.0 - 1 0",
    "法律援助申请转交(件): 1 0 0 - - 1 0",
    "法律顾问服务(次): 0 0 0 - - 0 0",
    NULL
  };
  const char *const indicators_jan[] = {
    "村(居)配备法律顾问的比例: 75.0 100.0",
    "村(社区)人民调解委员会覆盖率: 50.0 100.0",
    "专职人民调解员比例: 27.3 20.0",
    NULL
  };
  const char *const categories_jan[] = {
    "申请件数: 1 1", "老年人", "残疾人", "未成年人", "女性", "农民工", "农民: 1 1",
    "少数民族", "军人军属", "外国人或无国籍人", "其他", NULL
  };

  assert_table (december, "汇总", 0, summary_dec);
  assert_table (december, "汇总", 1, indicators_dec);
  assert_table (january, "汇总", 0, summary_jan);
  assert_table (january, "汇总", 1, indicators_jan);
  assert_table (january, "受援人类别", 0, categories_jan);
  /* pending since December 2025, still pending at the end of January */
  g_assert_cmpint (desk_report_get_cell (december, "法律援助", "合计", "期末待转交")->value, ==, 1);
  g_assert_cmpint (desk_report_get_cell (january, "法律援助", "请求工伤事故人身损害赔偿",
                                         "期末待转交")->value, ==, 1);
  /* the 2025 case still open; January's year starts afresh */
  g_assert_cmpint (desk_report_get_cell (december, "人民调解", "合计", "受理/本年累计")->value, ==,
                   1);
  g_assert_cmpint (desk_report_get_cell (january, "人民调解", "合计", "受理/本年累计")->value, ==,
                   0);
  g_assert_cmpint (desk_report_get_cell (january, "人民调解", "山林土地纠纷",
                                         "期末未结")->value, ==, 1);
  /* February: 29 February 2008 turns 18 on 1 March 2026, not 28 February */
  {
    g_autoptr(DeskReport) february = compute (store, 2026, 2);
    g_autoptr(DeskReport) march = compute (store, 2026, 3);

    g_assert_cmpint (desk_report_get_cell (february, "受援人类别", "未成年人", "接收申请/本月")
                       ->value, ==, 1);
    g_assert_cmpint (desk_report_get_cell (march, "受援人类别", "未成年人", "接收申请/本月")
                       ->value, ==, 0);
    g_assert_cmpint (desk_report_get_cell (march, "受援人类别", "其他", "接收申请/本月")->value,
                     ==, 1);
    g_assert_cmpint (desk_report_get_cell (march, "受援人类别", "未成年人", "接收申请/本年累计")
                       ->value, ==, 1);
  }
}

static gboolean
in_month (const DeskReport *report,
          const char       *date)
{
  return date != NULL && strncmp (date, report->first_day, 7) == 0;
}

/* The columns (and 汇总's row) that add up values rather than count records. */
static gboolean
is_sum (const char *row,
        const char *path)
{
  const char *sums[] = {
    "涉及当事人(人)/", "协议金额(元)/", "咨询(人次)/", "排查发现纠纷/", "预防纠纷/",
    "服务时长(小时)/", "解答咨询(件)", "法治讲座(场)", "讲座受众(人次)", "参与调解(件)",
    "审查合同协议(件)", "审查村规民约(件)", "代写文书(份)", "引导法律援助(件)", "培训(人次)",
    "发放资料(份)",
  };

  if (g_str_equal (row, "法律咨询(人次)") || g_str_has_suffix (path, "/人"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    if (g_str_has_prefix (path, sums[i]))
      return TRUE;
  return FALSE;
}

/* Every figure of the report against the records explain lists for it. */
static void
assert_explained (DeskStore        *store,
                  const DeskReport *report)
{
  guint figures = 0;

  for (guint t = 0; t < report->tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        for (guint c = 0; c < table->columns->len; c++)
          {
            DeskReportRow *row = g_ptr_array_index (table->rows, r);
            DeskReportColumn *col = g_ptr_array_index (table->columns, c);
            const DeskCell *cell = &row->cells[c];
            g_autoptr(GArray) weights = NULL;
            g_autoptr(GPtrArray) refs = NULL;
            g_autoptr(GError) error = NULL;
            gint64 sum = 0, current = 0, base = 0, value;

            refs = desk_figures_explain_values (store, report->year, report->month,
                                                table->sheet, row->label, col->path, &weights,
                                                &error);
            g_assert_no_error (error);
            g_assert_cmpuint (refs->len, ==, weights->len);
            for (guint i = 0; i < refs->len; i++)
              {
                DeskRecordRef *ref = g_ptr_array_index (refs, i);
                gint64 w = g_array_index (weights, gint64, i);

                g_assert_nonnull (ref->kind);
                g_assert_nonnull (ref->description);
                g_assert_cmpint (ref->id, >, 0);
                if (i > 0)
                  g_assert_cmpint (g_strcmp0 (((DeskRecordRef *) g_ptr_array_index (refs, i - 1))
                                                ->date, ref->date), <=, 0);
                sum += w;
                if (in_month (report, ref->date))
                  current += w;
                else
                  base += w;
              }

            if (col->summable && is_sum (row->label, col->path))
              {
                /* a sum adds the values of the records that add to it */
                g_assert_cmpint (cell->kind, ==, DESK_CELL_NUMBER);
                g_assert_cmpint (cell->value, ==, sum);
                for (guint i = 0; i < weights->len; i++)
                  g_assert_cmpint (g_array_index (weights, gint64, i), >, 0);
              }
            else if (col->summable)
              {
                /* a count is the number of its records */
                g_assert_cmpint (cell->kind, ==, DESK_CELL_NUMBER);
                g_assert_cmpint (cell->value, ==, refs->len);
                g_assert_cmpint (sum, ==, refs->len);
              }
            else if (g_str_equal (col->label, "环比(%)") || g_str_equal (col->label, "同比(%)"))
              {
                if (desk_percent_tenths (current - base, base, &value))
                  g_assert_cmpint (cell->value, ==, value);
                else
                  g_assert_cmpint (cell->kind, ==, DESK_CELL_EMPTY);
              }
            else if (g_str_equal (col->label, "目标值(%)"))
              g_assert_cmpuint (refs->len, ==, 0);
            else if (g_str_equal (col->label, "类型"))
              g_assert_cmpuint (refs->len, ==, row->is_total ? 0 : 1);
            else if (g_str_equal (col->label, "是否达标"))
              {
                if (g_strcmp0 (cell->text, "是") == 0)
                  g_assert_true (refs->len >= 1 && sum >= 40);
              }
            else
              {
                /* a percentage: the denominator's records, each adding 1 or 0 */
                if (desk_percent_tenths (sum, refs->len, &value))
                  g_assert_cmpint (cell->value, ==, value);
                else
                  g_assert_cmpint (cell->kind, ==, DESK_CELL_EMPTY);
              }
            figures++;
          }
    }
  g_assert_cmpuint (figures, >, 1000);
}

static void
test_explain_every_figure (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  int months[][2] = { { 2026, 11 }, { 2026, 1 }, { 2025, 12 } };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autoptr(DeskReport) report = compute (store, months[i][0], months[i][1]);

      assert_explained (store, report);
    }
}

static char *
explain_numbers (DeskStore  *store,
                 const char *sheet,
                 const char *row,
                 const char *path)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  refs = desk_figures_explain (store, 2026, 11, sheet, row, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < refs->len; i++)
    {
      DeskRecordRef *ref = g_ptr_array_index (refs, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", ref->number ? ref->number : ref->kind);
    }
  return g_string_free (out, FALSE);
}

static void
assert_explain (DeskStore  *store,
                const char *sheet,
                const char *row,
                const char *path,
                const char *numbers)
{
  g_autofree char *actual = explain_numbers (store, sheet, row, path);

  g_assert_cmpstr (actual, ==, numbers);
}

static void
test_explain (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  DeskRecordRef *ref;

  /* in the order of the dates they count by */
  assert_explain (store, "人民调解", "邻里纠纷", "受理/本月", "K1 K10 K3");
  assert_explain (store, "人民调解", "合计", "期末未结", "K7 K4 K6");
  assert_explain (store, "人民调解", "合计", "口头协议/本月", "K1");
  assert_explain (store, "人民调解", "房屋宅基地纠纷", "办结/本月", "K8");
  assert_explain (store, "人民调解", "其他纠纷", "受理/本月", "K6");
  assert_explain (store, "法律援助", "合计", "按期转交(本月)", "FY1 FY6 FY3 FY4");
  assert_explain (store, "法律援助", "合计", "期末待转交", "FY9 FY7 FY10 FY12 FY8");
  assert_explain (store, "法律援助", "请求确认劳动关系或者支付劳动报酬", "接收申请/本月",
                  "FY2 FY3 FY10");
  assert_explain (store, "受援人类别", "老年人", "接收申请/本年累计", "FY6 FY1 FY11");
  assert_explain (store, "受援人类别", "其他", "接收申请/本月", "FY5 FY12");
  assert_explain (store, "法律咨询", "其他", "按处理结果(本月)/转有关部门", "ZX8");
  assert_explain (store, "法律咨询", "合计", "按渠道(本月)/网络", "ZX5 ZX7");
  assert_explain (store, "法律咨询", "合计", "咨询(件)/本月",
                  "ZX10 ZX1 ZX2 ZX3 ZX4 ZX5 ZX6 ZX7 ZX8 ZX11 ZX9");
  assert_explain (store, "汇总", "法律咨询(件)", "环比(%)",
                  "ZX100 ZX101 ZX102 ZX103 ZX104 ZX105 ZX106 ZX107 ZX108 ZX109 ZX110 ZX111 "
                  "ZX112 ZX113 ZX114 ZX14 ZX10 ZX1 ZX2 ZX3 ZX4 ZX5 ZX6 ZX7 ZX8 ZX11 ZX9");
  assert_explain (store, "调委会", "青山村人民调解委员会", "调解员(人)", "钱专 刘调解 孙兼");
  assert_explain (store, "调委会", "青山镇人民调解委员会", "类型", "青山镇人民调解委员会");
  assert_explain (store, "汇总", "村(居)配备法律顾问的比例", "当前值(%)", "青山村 绿水社区 北山村");
  assert_explain (store, "汇总", "专职人民调解员比例", "目标值(%)", "");
  assert_explain (store, "法律顾问", "张律师（青山律师事务所）", "服务村(居)数", "青山村");
  assert_explain (store, "法律顾问", "张律师（青山律师事务所）", "是否达标",
                  "adviser_service adviser_service adviser_service");
  assert_explain (store, "排查防激化", "合计", "防止群体性上访/人", "K3");
  assert_explain (store, "排查防激化", "合计", "防止群体性械斗/件", "");
  /* a sum lists only the records that add to it */
  assert_explain (store, "排查防激化", "合计", "排查发现纠纷/本月", "screening screening");

  refs = desk_figures_explain (store, 2026, 11, "人民调解", "邻里纠纷", "受理/本月", &error);
  g_assert_no_error (error);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (ref->kind, ==, "mediation_case");
  g_assert_cmpint (ref->id, ==, 1);
  g_assert_cmpstr (ref->date, ==, "2026-11-03");
  g_assert_cmpstr (ref->description, ==, "王五 · 邻里纠纷 · 青山村人民调解委员会 · 调解成功");
  g_clear_pointer (&refs, g_ptr_array_unref);

  refs = desk_figures_explain (store, 2026, 11, "法律咨询", "工伤", "咨询(件)/本月", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 1);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (ref->date, ==, "2026-11-20 16:00");
  g_assert_cmpstr (ref->description, ==, "匿名 · 工伤 · 来电 · 转介公证");
  g_clear_pointer (&refs, g_ptr_array_unref);

  refs = desk_figures_explain (store, 2026, 11, "法律顾问", "李法务", "服务时长(小时)/本月",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 2);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (ref->description, ==, "李法务 · 绿水社区 · 实地 · 3.5 小时");
  g_clear_pointer (&refs, g_ptr_array_unref);

  /* what does not exist is named with what does */
  refs = desk_figures_explain (store, 2026, 11, "人民调解表", "邻里纠纷", "受理/本月", &error);
  g_assert_null (refs);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "汇总、人民调解、调解来源"));
  g_clear_error (&error);
  refs = desk_figures_explain (store, 2026, 11, "人民调解", "邻居纠纷", "受理/本月", &error);
  g_assert_null (refs);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "婚姻家庭纠纷、邻里纠纷"));
  g_clear_error (&error);
  refs = desk_figures_explain (store, 2026, 11, "人民调解", "邻里纠纷", "受理", &error);
  g_assert_null (refs);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "受理/本月、受理/本年累计"));
  g_clear_error (&error);
  /* a row of the other block of 汇总 with a column of the first */
  refs = desk_figures_explain (store, 2026, 11, "汇总", "专职人民调解员比例", "本月", &error);
  g_assert_null (refs);
  g_assert_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "当前值(%)、目标值(%)"));
}

static void
assert_warning (GPtrArray  *warnings,
                guint       index,
                const char *needle,
                const char *numbers)
{
  DeskReportWarning *warning;
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_cmpuint (index, <, warnings->len);
  warning = g_ptr_array_index (warnings, index);
  g_assert_nonnull (strstr (warning->message, needle));
  for (guint i = 0; i < warning->records->len; i++)
    {
      DeskRecordRef *ref = g_ptr_array_index (warning->records, i);

      g_string_append_printf (got, "%s%s", i ? " " : "",
                              ref->number ? ref->number : ref->kind);
    }
  g_assert_cmpstr (got->str, ==, numbers);
}

static void
test_checks (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  warnings = desk_figures_check (store, 2026, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 6);
  assert_warning (warnings, 0, "协议形式", "K10");
  assert_warning (warnings, 1, "服务", "adviser_service");
  g_assert_cmpint (((DeskRecordRef *) g_ptr_array_index (
                      ((DeskReportWarning *) g_ptr_array_index (warnings, 1))->records, 0))->id,
                   ==, 4);
  assert_warning (warnings, 2, "今天", "ZX15");
  assert_warning (warnings, 3, "调解期限", "K7");
  assert_warning (warnings, 4, "转交期限", "FY9 FY7 FY10");
  assert_warning (warnings, 5, "出生日期", "FY5");
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* judged on today when the month is not over: on 2026-11-23, 7 (received
   * on the 20th) has run 1 working day and 10 is not received yet */
  g_setenv ("LEGALDESK_TODAY", "2026-11-23", TRUE);
  warnings = desk_figures_check (store, 2026, 11, &error);
  g_setenv ("LEGALDESK_TODAY", "2026-12-03", TRUE);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    {
      DeskReportWarning *warning = g_ptr_array_index (warnings, i);

      if (strstr (warning->message, "转交期限"))
        {
          g_assert_cmpuint (warning->records->len, ==, 1);
          g_assert_cmpstr (((DeskRecordRef *) g_ptr_array_index (warning->records, 0))->number,
                           ==, "FY9");
        }
    }
}

/* Every statement behind the figures searches a date index; none scans a
 * table of records. */
static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  GHashTable *statements = data;
  const char *sql = sqlite3_sql (p);

  if (sql != NULL)
    g_hash_table_add (statements, g_strdup (sql));
  return 0;
}

static void
test_query_plans (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(GHashTable) statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  sqlite3 *db = desk_store_get_db (store);
  const char *scans[] = { "SCAN c", "SCAN q", "SCAN a", "SCAN s", "SCAN v",
                          "SCAN mediation_cases", "SCAN consultations", "SCAN legal_aid",
                          "SCAN screenings", "SCAN adviser_services" };
  GHashTableIter iter;
  const char *sql;
  guint checked = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_statement, statements);
  {
    g_autoptr(DeskReport) report = compute (store, 2026, 11);
    g_autoptr(GPtrArray) warnings = desk_figures_check (store, 2026, 11, NULL);

    assert_explained (store, report);
  }
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_hash_table_iter_init (&iter, statements);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    {
      g_autofree char *plan_sql = NULL;
      sqlite3_stmt *plan = NULL;
      gboolean records;

      while (*sql == ' ')
        sql++;
      if (!g_str_has_prefix (sql, "SELECT"))
        continue;
      records = strstr (sql, "mediation_cases") || strstr (sql, "consultations") ||
                strstr (sql, "legal_aid") || strstr (sql, "screenings") ||
                strstr (sql, "adviser_services");
      plan_sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
      g_assert_cmpint (sqlite3_prepare_v2 (db, plan_sql, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          for (guint i = 0; i < G_N_ELEMENTS (scans); i++)
            if (g_str_has_prefix (detail, scans[i]))
              {
                char next = detail[strlen (scans[i])];

                if (next == '\0' || next == ' ')
                  g_error ("a scan of a table of records: %s\n  in %s", detail, sql);
              }
        }
      sqlite3_finalize (plan);
      if (records)
        checked++;
    }
  g_assert_cmpuint (checked, >, 30);
}

/* 填报说明 defines every measure of every sheet. */
static void
test_notes (void)
{
  g_autoptr(DeskStore) store = open_ledger ();
  g_autoptr(DeskReport) report = compute (store, 2026, 11);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_cmpuint (report->notes->len, >, 40);
  for (guint i = 0; i < report->notes->len; i++)
    {
      const char *line = g_ptr_array_index (report->notes, i);

      g_assert_null (strchr (line, '\n'));
      g_string_append_printf (all, "%s\n", line);
    }
  for (guint t = 0; t < report->tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, t);

      for (guint c = 0; c < table->columns->len; c++)
        {
          DeskReportColumn *col = g_ptr_array_index (table->columns, c);
          const char *measure = col->group && !g_str_has_prefix (col->group, "按")
                                ? col->group : col->label;

          if (g_str_equal (measure, "本月") || g_str_equal (measure, "上月") ||
              g_str_equal (measure, "去年同月") || g_str_equal (measure, "本年累计") ||
              g_str_equal (measure, "去年同期累计") || g_str_equal (measure, "当前值(%)") ||
              g_str_equal (measure, "目标值(%)"))
            continue;
          if (strstr (all->str, measure) == NULL)
            g_error ("填报说明 does not define %s", measure);
        }
      if (g_str_equal (table->sheet, "汇总") || g_str_equal (table->sheet, "受援人类别"))
        for (guint r = 0; r < table->rows->len; r++)
          {
            DeskReportRow *row = g_ptr_array_index (table->rows, r);

            if (strstr (all->str, row->label) == NULL)
              g_error ("填报说明 does not define %s", row->label);
          }
    }
  g_assert_nonnull (strstr (all->str, "不超过 3 个"));
  g_assert_nonnull (strstr (all->str, "2026-11-01 至 2026-11-30"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  g_setenv ("LEGALDESK_TODAY", "2026-12-03", TRUE);
  desk_test_init (&argc, &argv);
  /* messages and descriptions as the user reads them, in Chinese */
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/figures/layout", test_layout);
  g_test_add_func ("/figures/empty-month", test_empty_month);
  g_test_add_func ("/figures/november", test_november);
  g_test_add_func ("/figures/settings", test_settings);
  g_test_add_func ("/figures/turn-of-year", test_turn_of_year);
  g_test_add_func ("/figures/explain", test_explain);
  g_test_add_func ("/figures/explain-every-figure", test_explain_every_figure);
  g_test_add_func ("/figures/checks", test_checks);
  g_test_add_func ("/figures/query-plans", test_query_plans);
  g_test_add_func ("/figures/notes", test_notes);

  return g_test_run ();
}
