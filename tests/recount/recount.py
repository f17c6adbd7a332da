#!/usr/bin/python3
"""recount.py — the monthly workbook's figures, recounted from the CSV files.

An independent second reading of forms.md: it reads the CSV files of
import.md (never the program's database or code) and the holiday calendar,
and computes every figure of every table sheet for a month: row labels,
column paths ("受理/本月", "期末未结", "按渠道(本月)/来访") and values.
compare.py holds a workbook against it.

    recount.py --csv DIR --holidays FILE --month YYYY-MM   prints the tables

Values: counts are int; 成功率, 环比, 同比 and the indicators are Decimal
with one place, rounded half away from zero, None when the base is 0; money
is Decimal to the fen (yuan); hours Decimal with one place; 类型 and
是否达标 are text, None on 合计.

Choices where forms.md and its Settled details leave one open (the program
may have taken another; compare.py reports a difference either way):
- 调委会/排查防激化 rows: "has a case or screening counted in that time"
  reads as a case whose 受理日期 or (closed) 结案日期, or a screening whose
  日期, lies from 1 January to the month's last day, or a case still open
  at the month's end (it counts in 期末未结): so the 期末未结 合计 of 调委会
  equals that of 人民调解 even when a retired committee left a case open.
- 专职人民调解员比例 and 调解员(人) count memberships active by the
  mediator's own dates (the generated ledgers retire a committee's
  mediators with it).
- 法律顾问 rows are labelled by 姓名; when the register holds two advisers
  of the same name, each of them is labelled 姓名（执业机构）, the form that
  the CSV files use to tell them apart.
- An assignment from adviser_assignments.csv and one from advisers.csv's
  服务村(居) are separate assignments (服务村(居)数 counts assignments).
- 按期转交 counts the working days after the day of receipt up to and
  including the day of forwarding, whatever day of the week the receipt
  was (a Saturday receipt forwarded on Monday is 1).
- 受援人类别: the categories come from the row's own 性别, 出生日期 (from an
  18- or 15-digit 居民身份证 number when the cell is empty), 民族 and
  人员类别; a person flagged 外国人或无国籍人 with an empty 民族 is not
  少数民族; 其他 is "none of the nine others".
"""

import argparse
import calendar
import csv
import datetime as dt
import io
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

D = dt.date

# ---------------------------------------------------------------------------
# The report rows (domain.md's lists, in their order) and the fixed labels of
# forms.md.

DISPUTE_ROWS = ["婚姻家庭纠纷", "邻里纠纷", "房屋宅基地纠纷", "合同纠纷", "生产经营纠纷", "损害赔偿纠纷",
                "山林土地纠纷", "征地拆迁纠纷", "环境污染纠纷", "拖欠农民工工资纠纷", "其他劳动争议纠纷",
                "旅游纠纷", "电子商务纠纷", "其他消费纠纷", "医疗纠纷", "道路交通事故纠纷", "物业纠纷",
                "其他纠纷"]
SOURCE_ROWS = ["当事人申请", "调委会主动调解", "法院委托移送", "检察院委托移送", "公安机关委托移送",
               "信访部门委托移送", "其他部门委托移送"]
CONSULT_ROWS = ["婚姻家庭", "继承", "赡养抚养", "邻里关系", "房屋宅基地", "土地承包流转", "征地拆迁",
                "劳动报酬", "其他劳动争议", "工伤", "合同纠纷", "债权债务", "人身损害赔偿", "交通事故",
                "医疗纠纷", "消费维权", "物业纠纷", "社会保障", "行政事项", "刑事", "其他"]
AID_ROWS = ["请求国家赔偿", "请求给予社会保险待遇或者社会救助", "请求发给抚恤金",
            "请求给付赡养费、抚养费、扶养费", "请求确认劳动关系或者支付劳动报酬",
            "请求认定无民事行为能力或者限制民事行为能力", "请求工伤事故人身损害赔偿",
            "请求交通事故人身损害赔偿", "请求食品药品安全事故人身损害赔偿", "请求医疗事故人身损害赔偿",
            "请求环境污染、生态破坏损害赔偿", "英雄烈士近亲属维护英烈权益", "见义勇为",
            "遭受虐待、遗弃或者家庭暴力", "刑事案件犯罪嫌疑人、被告人", "刑事案件被害人、自诉人", "其他"]
CHANNEL_COLS = ["来访", "来电", "12348热线", "来信", "网络", "上门服务"]
RESULT_COLS = [
    ("当场解答", {"当场解答"}),
    ("约期答复", {"约期答复"}),
    ("代写文书", {"代写文书"}),
    ("引导人民调解", {"引导人民调解"}),
    ("指导申请法律援助", {"指导申请法律援助"}),
    ("转介法律服务", {"转介律师", "转介公证", "转介司法鉴定", "引导仲裁", "引导诉讼"}),
    ("转有关部门", {"转信访部门", "转其他部门"}),
    ("其他", {"其他"}),
]
OUTCOMES = ["防止民间纠纷引起自杀", "防止民间纠纷转化为刑事案件", "防止群体性上访", "防止群体性械斗"]
CLOSED = {"调解成功", "调解不成功", "终止"}
APPLICANT_CATEGORIES = ["老年人", "残疾人", "未成年人", "女性", "农民工", "农民", "少数民族", "军人军属",
                        "外国人或无国籍人", "其他"]
TYPED_FLAGS = ["残疾人", "农民工", "农民", "军人军属", "外国人或无国籍人"]
# GB 3304: the 55 minority names (汉族 is the 56th).
MINORITIES = set("""蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族
哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族
达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族
鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族""".split())
assert len(MINORITIES) == 55
ADVISER_SINGLE = [("解答咨询(件)", "解答咨询"), ("法治讲座(场)", "法治讲座"), ("讲座受众(人次)", "讲座受众"),
                  ("参与调解(件)", "参与调解"), ("审查合同协议(件)", "审查合同协议"),
                  ("审查村规民约(件)", "审查村规民约"), ("代写文书(份)", "代写文书"),
                  ("引导法律援助(件)", "引导法律援助"), ("培训(人次)", "培训人次"),
                  ("发放资料(份)", "发放资料")]

SHEETS = [
    # sheet, table name, units, row-label header
    ("汇总", "工作情况汇总表", "件、次", "项目"),
    ("人民调解", "人民调解案件统计表", "件、人、元", "纠纷类型"),
    ("调解来源", "人民调解案件来源统计表", "件", "案件来源"),
    ("调委会", "人民调解委员会工作统计表", "件、人", "调委会"),
    ("排查防激化", "矛盾纠纷排查及防激化统计表", "次、件、人", "调委会"),
    ("法律咨询", "法律咨询登记统计表", "件、人次", "咨询类别"),
    ("法律援助", "法律援助申请受理转交统计表", "件", "援助事项"),
    ("受援人类别", "法律援助申请人类别统计表", "件", "类别"),
    ("法律顾问", "村(居)法律顾问工作统计表", "次、小时、件、场、人次、份", "法律顾问"),
]
SHEET_NAMES = [s[0] for s in SHEETS] + ["填报说明"]

PERIODS = ["本月", "本年累计"]


# ---------------------------------------------------------------------------
# Reading the CSV files

def read_csv(directory, name, required=True):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        if required:
            raise SystemExit("recount: %s is missing" % path)
        return []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    rows = []
    for r in csv.DictReader(io.StringIO(text, newline="")):
        row = {}
        for k, v in r.items():
            v = (v or "").strip()
            if len(v) >= 2 and v[0] == "'" and v[1] in "=+-@\t\r":
                v = v[1:]
            row[k.strip()] = v
        rows.append(row)
    return rows


def parse_date(text):
    if not text:
        return None
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", text)
    if not m:
        m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if not m:
        raise ValueError("not a date: %r" % text)
    return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def parse_datetime_date(text):
    """The date of a date-time cell (the time never matters to a figure)."""
    text = text.strip()
    m = re.fullmatch(r"(\S+)(\s+\d{1,2}:\d{2})?", text)
    if not m:
        raise ValueError("not a date-time: %r" % text)
    return parse_date(m.group(1))


def parse_list(text):
    return [x.strip() for x in re.split(r"[、;；]", text or "") if x.strip()]


def parse_int(text, default=0):
    return int(text) if text else default


def parse_fen(text):
    """Money in yuan → integer fen, or None when not given."""
    if not text:
        return None
    t = text.replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
    value = Decimal(t)
    fen = value * 100
    assert fen == fen.to_integral_value(), text
    return int(fen)


def parse_half_hours(text):
    value = Decimal(text or "0")
    halves = value * 2
    assert halves == halves.to_integral_value(), text
    return int(halves)


def birth_from_id(number, id_type):
    if id_type not in ("", "居民身份证") or not number:
        return None
    if len(number) == 18:
        return D(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15:
        return D(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return None


def age_on(birth, day):
    """Completed years.  Someone born on 29 February has a birthday on
    1 March in common years: comparing (month, day) does exactly that,
    since a common year has no day between 28 February and 1 March."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def active_on(frm, until, day):
    return (frm is None or frm <= day) and (until is None or day <= until)


def active_between(frm, until, lo, hi):
    return (frm is None or frm <= hi) and (until is None or until >= lo)


def round1(q):
    """One decimal, half away from zero, from an exact Fraction."""
    sign = -1 if q < 0 else 1
    tenths = (abs(q) * 10 * 2 + 1) // 2       # floor(|q|·10 + ½)
    return Decimal(sign * int(tenths)) / 10


def ratio(num, den):
    if den == 0:
        return None
    return round1(Fraction(num * 100, den))


def change(now, base):
    if base == 0:
        return None
    return round1(Fraction((now - base) * 100, base))


def yuan(fen):
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def hours(halves):
    return (Decimal(halves) / 2).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# The ledger, as the CSV files give it

class Ledger:
    def __init__(self, directory, holidays_path=None):
        self.holidays, self.workdays = set(), set()
        if holidays_path:
            for line in open(holidays_path, encoding="utf-8"):
                parts = line.split()
                if not parts:
                    continue
                day = parse_date(parts[0])
                kind = parts[1] if len(parts) > 1 else "holiday"
                (self.workdays if kind == "workday" else self.holidays).add(day)

        self.villages = [{"name": r["名称"], "from": parse_date(r.get("启用日期")),
                          "until": parse_date(r.get("停用日期"))}
                         for r in read_csv(directory, "villages.csv")]
        self.committees = [{"name": r["名称"], "type": r["类型"], "village": r.get("村(居)", ""),
                            "from": parse_date(r.get("启用日期")),
                            "until": parse_date(r.get("停用日期"))}
                           for r in read_csv(directory, "committees.csv")]
        self.mediators = [{"committee": r["调委会"], "kind": r["专兼职"],
                           "from": parse_date(r.get("启用日期")),
                           "until": parse_date(r.get("停用日期"))}
                          for r in read_csv(directory, "mediators.csv")]

        # Advisers, in register order; references "姓名" or "姓名（执业机构）".
        self.advisers = []
        self.assignments = []       # (adviser index, village, from, until)
        for r in read_csv(directory, "advisers.csv"):
            i = len(self.advisers)
            self.advisers.append({"name": r["姓名"], "firm": r["执业机构"]})
            for v in parse_list(r.get("服务村(居)")):
                self.assignments.append((i, v, parse_date(r["聘期起"]),
                                         parse_date(r.get("聘期止"))))
        for r in read_csv(directory, "adviser_assignments.csv", required=False):
            self.assignments.append((self.adviser_index(r["法律顾问"]), r["村(居)"],
                                     parse_date(r["起"]), parse_date(r.get("止"))))
        for a in self.advisers:
            same = sum(1 for b in self.advisers if b["name"] == a["name"])
            a["label"] = a["name"] if same == 1 else "%s（%s）" % (a["name"], a["firm"])

        self.services = []
        for r in read_csv(directory, "adviser_services.csv"):
            s = {"date": parse_date(r["日期"]), "adviser": self.adviser_index(r["法律顾问"]),
                 "village": r["村(居)"], "mode": r["方式"],
                 "halves": parse_half_hours(r["时长"])}
            for _, col in ADVISER_SINGLE:
                s[col] = parse_int(r.get(col))
            self.services.append(s)

        self.consultations = [{"date": parse_datetime_date(r["日期时间"]), "channel": r["渠道"],
                               "category": r["咨询类别"], "result": r["处理结果"],
                               "people": parse_int(r.get("同来人数"), 1)}
                              for r in read_csv(directory, "consultations.csv")]

        thirds = {}
        for r in read_csv(directory, "mediation_parties.csv", required=False):
            if r["角色"] == "第三人":
                thirds.setdefault(r["案号"], []).append(r["姓名"])
        self.cases = []
        for r in read_csv(directory, "mediation_cases.csv"):
            parties = len(parse_list(r["申请人"])) + len(parse_list(r.get("被申请人")))
            if r.get("案号"):
                parties += len(thirds.get(r["案号"], []))
            self.cases.append({
                "committee": r["调委会"], "accepted": parse_date(r["受理日期"]),
                "source": r["案件来源"], "dispute": r["纠纷类型"], "status": r["状态"],
                "closed": parse_date(r.get("结案日期")), "form": r.get("协议形式", ""),
                "amount": parse_fen(r.get("协议涉及金额")),
                "confirmed": parse_date(r.get("司法确认日期")),
                "people": parse_int(r.get("涉及当事人数"), parties),
                "outcomes": {o: parse_int(r.get(o)) for o in OUTCOMES},
            })

        self.screenings = [{"date": parse_date(r["日期"]), "committee": r["调委会"],
                            "found": parse_int(r["排查发现纠纷"]),
                            "prevented": parse_int(r["预防纠纷"])}
                           for r in read_csv(directory, "screenings.csv")]

        self.aid = []
        for r in read_csv(directory, "legal_aid.csv"):
            received = parse_datetime_date(r["接收日期时间"])
            id_type = r.get("证件类型", "")
            birth = parse_date(r.get("出生日期")) or birth_from_id(r.get("证件号码", ""), id_type)
            flags = set(parse_list(r.get("人员类别")))
            cats = set(flags)
            if birth is not None:
                age = age_on(birth, received)
                if age >= 60:
                    cats.add("老年人")
                if age < 18:
                    cats.add("未成年人")
            if r["性别"] == "女":
                cats.add("女性")
            if r.get("民族", "") in MINORITIES:
                cats.add("少数民族")
            if not cats:
                cats.add("其他")
            self.aid.append({
                "received": received, "matter": r["援助事项"],
                "forwarded": parse_date(r.get("转交日期")),
                "decided": parse_date(r.get("决定日期")), "decision": r.get("决定结果", ""),
                "withdrawn": parse_date(r.get("撤回日期")), "categories": cats,
            })

    def adviser_index(self, ref):
        m = re.fullmatch(r"(.+)（(.+)）", ref)
        for i, a in enumerate(self.advisers):
            if m and a["name"] == m.group(1) and a["firm"] == m.group(2):
                return i
        found = [i for i, a in enumerate(self.advisers) if a["name"] == ref]
        if len(found) != 1:
            raise ValueError("adviser reference %r" % ref)
        return found[0]

    def working_day(self, day):
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def working_days_after(self, start, end):
        """Working days after @start up to and including @end."""
        n, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.working_day(day):
                n += 1
        return n


# ---------------------------------------------------------------------------
# The month's tables

class Table:
    """One table: its columns (paths) and rows (label, values by path)."""

    def __init__(self, sheet, row_header, columns):
        self.sheet = sheet
        self.row_header = row_header
        self.columns = columns          # [(path, kind)]
        self.rows = []                  # [(label, {path: value})]

    def add(self, label, values):
        assert set(values) == {p for p, _ in self.columns}, (self.sheet, label,
                                                              set(values) ^ {p for p, _ in
                                                                             self.columns})
        self.rows.append((label, values))

    def kind(self, path):
        return dict(self.columns)[path]


def pair(label, kind="count"):
    return [("%s/%s" % (label, p), kind) for p in PERIODS]


def between(day, lo, hi):
    return day is not None and lo <= day <= hi


def month_bounds(year, month):
    return D(year, month, 1), D(year, month, calendar.monthrange(year, month)[1])


def total_row(table, rows, text_paths=(), ratio_of=None):
    values = {}
    for path, kind in table.columns:
        if kind == "text":
            values[path] = None
        elif kind in ("count", "money", "hours"):
            values[path] = sum((v[path] for _, v in rows), 0 if kind == "count" else Decimal(0))
            if kind == "money":
                values[path] = values[path].quantize(Decimal("0.01"))
            if kind == "hours":
                values[path] = values[path].quantize(Decimal("0.1"))
    if ratio_of:
        for path, (num, den) in ratio_of.items():
            values[path] = ratio(values[num], values[den])
    return values


class Recount:
    def __init__(self, ledger, year, month, aid_limit_days=3, min_visits=1, min_hours=4):
        self.l = ledger
        self.year, self.month = year, month
        self.ms, self.me = month_bounds(year, month)
        self.ys = D(year, 1, 1)
        self.aid_limit = aid_limit_days
        self.min_visits = min_visits
        self.min_halves = min_hours * 2

    def periods(self):
        return [(self.ms, self.me), (self.ys, self.me)]

    # ------------------------------------------------------------ 汇总
    def summary_counts(self, lo, hi):
        l = self.l
        cons = [c for c in l.consultations if between(c["date"], lo, hi)]
        return [
            ("法律咨询(件)", len(cons)),
            ("法律咨询(人次)", sum(c["people"] for c in cons)),
            ("人民调解受理(件)", sum(1 for c in l.cases if between(c["accepted"], lo, hi))),
            ("人民调解成功(件)", sum(1 for c in l.cases
                              if c["status"] == "调解成功" and between(c["closed"], lo, hi))),
            ("矛盾纠纷排查(次)", sum(1 for s in l.screenings if between(s["date"], lo, hi))),
            ("法律援助申请接收(件)", sum(1 for a in l.aid if between(a["received"], lo, hi))),
            ("法律援助申请转交(件)", sum(1 for a in l.aid if between(a["forwarded"], lo, hi))),
            ("法律顾问服务(次)", sum(1 for s in l.services if between(s["date"], lo, hi))),
        ]

    def summary(self):
        y, m = self.year, self.month
        prev = (y, m - 1) if m > 1 else (y - 1, 12)
        cols = [("本月", "count"), ("上月", "count"), ("去年同月", "count"), ("环比(%)", "pct"),
                ("同比(%)", "pct"), ("本年累计", "count"), ("去年同期累计", "count")]
        t = Table("汇总", "项目", cols)
        now = self.summary_counts(self.ms, self.me)
        before = self.summary_counts(*month_bounds(*prev))
        last_year = self.summary_counts(*month_bounds(y - 1, m))
        ytd = self.summary_counts(self.ys, self.me)
        last_ytd = self.summary_counts(D(y - 1, 1, 1), month_bounds(y - 1, m)[1])
        for i, (label, n) in enumerate(now):
            t.add(label, {"本月": n, "上月": before[i][1], "去年同月": last_year[i][1],
                          "环比(%)": change(n, before[i][1]),
                          "同比(%)": change(n, last_year[i][1]),
                          "本年累计": ytd[i][1], "去年同期累计": last_ytd[i][1]})

        l, day = self.l, self.me
        ind = Table("汇总", "站点指标", [("当前值(%)", "pct"), ("目标值(%)", "target")])
        villages = [v for v in l.villages if active_on(v["from"], v["until"], day)]
        with_adviser = [v for v in villages
                        if any(a[1] == v["name"] and active_on(a[2], a[3], day)
                               for a in l.assignments)]
        with_committee = [v for v in villages
                          if any(c["village"] == v["name"] and
                                 c["type"] in ("村调委会", "居(社区)调委会") and
                                 active_on(c["from"], c["until"], day) for c in l.committees)]
        mediators = [x for x in l.mediators if active_on(x["from"], x["until"], day)]
        ind.add("村(居)配备法律顾问的比例", {"当前值(%)": ratio(len(with_adviser), len(villages)),
                                      "目标值(%)": Decimal(100)})
        ind.add("村(社区)人民调解委员会覆盖率", {"当前值(%)": ratio(len(with_committee), len(villages)),
                                        "目标值(%)": Decimal(100)})
        ind.add("专职人民调解员比例",
                {"当前值(%)": ratio(sum(1 for x in mediators if x["kind"] == "专职"),
                                    len(mediators)),
                 "目标值(%)": Decimal(20)})
        return [t, ind]

    # ------------------------------------------------------------ 人民调解
    def case_figures(self, cases, columns):
        """The 人民调解 measures over @cases, for the paths in @columns."""
        v = {}
        for p, (lo, hi) in zip(PERIODS, self.periods()):
            closed = [c for c in cases if c["status"] in CLOSED and between(c["closed"], lo, hi)]
            success = [c for c in closed if c["status"] == "调解成功"]
            accepted = [c for c in cases if between(c["accepted"], lo, hi)]
            v["受理/" + p] = len(accepted)
            v["办结/" + p] = len(closed)
            v["调解成功/" + p] = len(success)
            v["成功率(%)/" + p] = ratio(len(success), len(closed))
            v["口头协议/" + p] = sum(1 for c in success if c["form"] == "口头")
            v["书面协议/" + p] = sum(1 for c in success if c["form"] == "书面")
            v["涉及当事人(人)/" + p] = sum(c["people"] for c in accepted)
            v["协议金额(元)/" + p] = yuan(sum(c["amount"] or 0 for c in success))
            v["司法确认/" + p] = sum(1 for c in cases if between(c["confirmed"], lo, hi))
        v["期末未结"] = sum(1 for c in cases
                        if c["accepted"] <= self.me and (c["closed"] is None or
                                                         c["closed"] > self.me))
        return {p: v[p] for p, _ in columns if p in v}

    def mediation(self):
        cols = (pair("受理") + pair("办结") + pair("调解成功") + pair("成功率(%)", "pct") +
                pair("口头协议") + pair("书面协议") + pair("涉及当事人(人)") +
                pair("协议金额(元)", "money") + pair("司法确认") + [("期末未结", "count")])
        t = Table("人民调解", "纠纷类型", cols)
        for d in DISPUTE_ROWS:
            t.add(d, self.case_figures([c for c in self.l.cases if c["dispute"] == d], cols))
        t.add("合计", total_row(t, t.rows, ratio_of={
            "成功率(%)/" + p: ("调解成功/" + p, "办结/" + p) for p in PERIODS}))
        return t

    def sources(self):
        cols = pair("受理") + pair("调解成功")
        t = Table("调解来源", "案件来源", cols)
        for s in SOURCE_ROWS:
            t.add(s, self.case_figures([c for c in self.l.cases if c["source"] == s], cols))
        t.add("合计", total_row(t, t.rows))
        return t

    def listed_committees(self):
        lo, hi = self.ys, self.me
        out = []
        for c in self.l.committees:
            if (active_between(c["from"], c["until"], lo, hi) or
                    any(k["committee"] == c["name"] and
                        (between(k["accepted"], lo, hi) or
                         (k["status"] in CLOSED and between(k["closed"], lo, hi)) or
                         (k["accepted"] <= hi and (k["closed"] is None or k["closed"] > hi)))
                        for k in self.l.cases) or
                    any(s["committee"] == c["name"] and between(s["date"], lo, hi)
                        for s in self.l.screenings)):
                out.append(c)
        return out

    def committees(self):
        cols = ([("类型", "text")] + pair("受理") + pair("调解成功") +
                [("期末未结", "count"), ("调解员(人)", "count")])
        t = Table("调委会", "调委会", cols)
        for c in self.listed_committees():
            v = self.case_figures([k for k in self.l.cases if k["committee"] == c["name"]], cols)
            v["类型"] = c["type"]
            v["调解员(人)"] = sum(1 for x in self.l.mediators
                               if x["committee"] == c["name"] and
                               active_on(x["from"], x["until"], self.me))
            t.add(c["name"], v)
        t.add("合计", total_row(t, t.rows))
        return t

    def screening(self):
        cols = pair("排查次数") + pair("排查发现纠纷") + pair("预防纠纷")
        for o in OUTCOMES:
            cols += [(o + "/件", "count"), (o + "/人", "count")]
        t = Table("排查防激化", "调委会", cols)
        for c in self.listed_committees():
            v = {}
            for p, (lo, hi) in zip(PERIODS, self.periods()):
                s = [x for x in self.l.screenings
                     if x["committee"] == c["name"] and between(x["date"], lo, hi)]
                v["排查次数/" + p] = len(s)
                v["排查发现纠纷/" + p] = sum(x["found"] for x in s)
                v["预防纠纷/" + p] = sum(x["prevented"] for x in s)
            closed = [k for k in self.l.cases
                      if k["committee"] == c["name"] and k["status"] in CLOSED and
                      between(k["closed"], self.ms, self.me)]
            for o in OUTCOMES:
                with_o = [k for k in closed if k["outcomes"][o] > 0]
                v[o + "/件"] = len(with_o)
                v[o + "/人"] = sum(k["outcomes"][o] for k in with_o)
            t.add(c["name"], v)
        t.add("合计", total_row(t, t.rows))
        return t

    # ------------------------------------------------------------ 法律咨询
    def consultations(self):
        cols = (pair("咨询(件)") + pair("咨询(人次)") +
                [("按渠道(本月)/" + c, "count") for c in CHANNEL_COLS] +
                [("按处理结果(本月)/" + c, "count") for c, _ in RESULT_COLS])
        t = Table("法律咨询", "咨询类别", cols)
        for cat in CONSULT_ROWS:
            mine = [c for c in self.l.consultations if c["category"] == cat]
            v = {}
            for p, (lo, hi) in zip(PERIODS, self.periods()):
                cs = [c for c in mine if between(c["date"], lo, hi)]
                v["咨询(件)/" + p] = len(cs)
                v["咨询(人次)/" + p] = sum(c["people"] for c in cs)
            month = [c for c in mine if between(c["date"], self.ms, self.me)]
            for ch in CHANNEL_COLS:
                v["按渠道(本月)/" + ch] = sum(1 for c in month if c["channel"] == ch)
            for col, labels in RESULT_COLS:
                v["按处理结果(本月)/" + col] = sum(1 for c in month if c["result"] in labels)
            t.add(cat, v)
        t.add("合计", total_row(t, t.rows))
        return t

    # ------------------------------------------------------------ 法律援助
    def legal_aid(self):
        cols = (pair("接收申请") + pair("转交") +
                [("按期转交(本月)", "count"), ("决定给予(本月)", "count"),
                 ("决定不予(本月)", "count"), ("撤回(本月)", "count"), ("期末待转交", "count")])
        t = Table("法律援助", "援助事项", cols)
        ms, me = self.ms, self.me
        for matter in AID_ROWS:
            mine = [a for a in self.l.aid if a["matter"] == matter]
            v = {}
            for p, (lo, hi) in zip(PERIODS, self.periods()):
                v["接收申请/" + p] = sum(1 for a in mine if between(a["received"], lo, hi))
                v["转交/" + p] = sum(1 for a in mine if between(a["forwarded"], lo, hi))
            v["按期转交(本月)"] = sum(
                1 for a in mine if between(a["forwarded"], ms, me) and
                self.l.working_days_after(a["received"], a["forwarded"]) <= self.aid_limit)
            v["决定给予(本月)"] = sum(1 for a in mine if between(a["decided"], ms, me) and
                                 a["decision"] == "给予")
            v["决定不予(本月)"] = sum(1 for a in mine if between(a["decided"], ms, me) and
                                 a["decision"] == "不予")
            v["撤回(本月)"] = sum(1 for a in mine if between(a["withdrawn"], ms, me))
            v["期末待转交"] = sum(
                1 for a in mine if a["received"] <= me and
                not (a["forwarded"] is not None and a["forwarded"] <= me) and
                not (a["withdrawn"] is not None and a["withdrawn"] <= me))
            t.add(matter, v)
        t.add("合计", total_row(t, t.rows))
        return t

    def applicants(self):
        cols = pair("接收申请")
        t = Table("受援人类别", "类别", cols)
        for label in ["申请件数"] + APPLICANT_CATEGORIES:
            v = {}
            for p, (lo, hi) in zip(PERIODS, self.periods()):
                v["接收申请/" + p] = sum(1 for a in self.l.aid
                                     if between(a["received"], lo, hi) and
                                     (label == "申请件数" or label in a["categories"]))
            t.add(label, v)
        return t

    # ------------------------------------------------------------ 法律顾问
    def advisers(self):
        cols = ([("服务村(居)数", "count")] + pair("服务次数") + [("实地服务(次)", "count")] +
                pair("服务时长(小时)", "hours") + [(c, "count") for c, _ in ADVISER_SINGLE] +
                [("是否达标", "text")])
        t = Table("法律顾问", "法律顾问", cols)
        l, ms, me = self.l, self.ms, self.me
        for i, a in enumerate(l.advisers):
            mine = [x for x in l.assignments if x[0] == i]
            in_month = any(active_between(x[2], x[3], ms, me) for x in mine)
            services = [s for s in l.services if s["adviser"] == i]
            if not in_month and not any(between(s["date"], self.ys, me) for s in services):
                continue
            v = {"服务村(居)数": sum(1 for x in mine if active_on(x[2], x[3], me))}
            for p, (lo, hi) in zip(PERIODS, self.periods()):
                ss = [s for s in services if between(s["date"], lo, hi)]
                v["服务次数/" + p] = len(ss)
                v["服务时长(小时)/" + p] = hours(sum(s["halves"] for s in ss))
            month = [s for s in services if between(s["date"], ms, me)]
            onsite = [s for s in month if s["mode"] == "实地"]
            v["实地服务(次)"] = len(onsite)
            for col, field in ADVISER_SINGLE:
                v[col] = sum(s[field] for s in month)
            v["是否达标"] = ("是" if in_month and len(onsite) >= self.min_visits and
                          sum(s["halves"] for s in onsite) >= self.min_halves else "否")
            t.add(a["label"], v)
        t.add("合计", total_row(t, t.rows))
        return t

    def sheets(self):
        """{sheet name: [tables]} in the workbook's order."""
        return {
            "汇总": self.summary(),
            "人民调解": [self.mediation()],
            "调解来源": [self.sources()],
            "调委会": [self.committees()],
            "排查防激化": [self.screening()],
            "法律咨询": [self.consultations()],
            "法律援助": [self.legal_aid()],
            "受援人类别": [self.applicants()],
            "法律顾问": [self.advisers()],
        }


def format_value(v):
    if v is None:
        return ""
    return str(v)


def main():
    ap = argparse.ArgumentParser(description="Recount the monthly figures from CSV files.")
    ap.add_argument("--csv", required=True, help="the folder of CSV files")
    ap.add_argument("--holidays", help="holiday calendar: 'YYYY-MM-DD holiday|workday' lines")
    ap.add_argument("--month", required=True, help="YYYY-MM")
    ap.add_argument("--aid-limit-days", type=int, default=3)
    ap.add_argument("--adviser-min-visits", type=int, default=1)
    ap.add_argument("--adviser-min-hours", type=int, default=4)
    args = ap.parse_args()
    year, month = map(int, args.month.split("-"))
    ledger = Ledger(args.csv, args.holidays)
    rc = Recount(ledger, year, month, args.aid_limit_days, args.adviser_min_visits,
                 args.adviser_min_hours)
    for sheet, tables in rc.sheets().items():
        for t in tables:
            print("== %s (%s)" % (sheet, t.row_header))
            print("\t".join([t.row_header] + [p for p, _ in t.columns]))
            for label, values in t.rows:
                print("\t".join([label] + [format_value(values[p]) for p, _ in t.columns]))
            print()


if __name__ == "__main__":
    sys.exit(main())
