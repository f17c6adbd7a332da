#!/usr/bin/python3
"""make_township.py — a township's ledgers for two calendar years, as CSV.

Writes the CSV files of import.md (villages.csv … adviser_services.csv) for
青山县青山镇 covering 2024-01-01 to 2025-12-31, as a station that kept its
ledgers in Excel would have them, plus holidays.txt, the holiday calendar
(one "YYYY-MM-DD holiday|workday" a line) that the program and the recount
are both given.  Status dates may run into January 2026; nothing lies after
TODAY (2026-01-15), the LEGALDESK_TODAY the program is run with.

Everything comes from random.Random(seed): the same seed gives the same
files.  Besides ordinary traffic the ledgers hold on purpose the cases that
figures get wrong: cases accepted one month and closed the next (also across
the turn of the year), applications received on a Friday and forwarded on
the Monday, Tuesday or Wednesday (around holidays and make-up working days
too), applicants turning 60 or 18 around the day of receipt, one born on
29 February, old 15-digit ID numbers, foreigners with an empty 民族,
minorities, a retired village, committee and mediators, a committee of a
village that is not a village committee, advisers sharing a name, a village
taken over mid-term, an adviser with no assignment for some months,
防激化 cells of 0 people, money with fen in the accepted spellings, and
identical rows that import as two records.

Usage: make_township.py OUTDIR [--seed N]
  OUTDIR/csv/*.csv and OUTDIR/holidays.txt are written.

Standard library only; run it with /usr/bin/python3.
"""

import argparse
import calendar
import csv
import datetime as dt
import os
import random

D = dt.date
START = D(2024, 1, 1)
END = D(2025, 12, 31)
TODAY = D(2026, 1, 15)

# --------------------------------------------------------------------------
# Code lists (domain.md)

CHANNELS = ["来访", "来电", "12348热线", "来信", "网络", "上门服务"]
CHANNEL_W = [45, 25, 12, 3, 8, 7]
CONSULT_CATS = ["婚姻家庭", "继承", "赡养抚养", "邻里关系", "房屋宅基地", "土地承包流转",
                "征地拆迁", "劳动报酬", "其他劳动争议", "工伤", "合同纠纷", "债权债务",
                "人身损害赔偿", "交通事故", "医疗纠纷", "消费维权", "物业纠纷", "社会保障",
                "行政事项", "刑事", "其他"]
CONSULT_CAT_W = [14, 5, 7, 8, 7, 6, 3, 8, 4, 3, 5, 6, 3, 4, 2, 3, 2, 3, 2, 1, 2]
RESULTS = ["当场解答", "约期答复", "代写文书", "引导人民调解", "指导申请法律援助", "转介律师",
           "转介公证", "转介司法鉴定", "引导仲裁", "引导诉讼", "转信访部门", "转其他部门", "其他"]
RESULT_W = [50, 6, 6, 8, 6, 4, 2, 1, 2, 4, 2, 2, 2]
SOURCES = ["当事人申请", "调委会主动调解", "法院委托移送", "检察院委托移送", "公安机关委托移送",
           "信访部门委托移送", "其他部门委托移送"]
SOURCE_W = [55, 25, 6, 1, 6, 4, 3]
DISPUTES = ["婚姻家庭纠纷", "邻里纠纷", "房屋宅基地纠纷", "合同纠纷", "生产经营纠纷", "损害赔偿纠纷",
            "山林土地纠纷", "征地拆迁纠纷", "环境污染纠纷", "拖欠农民工工资纠纷", "其他劳动争议纠纷",
            "旅游纠纷", "电子商务纠纷", "其他消费纠纷", "医疗纠纷", "道路交通事故纠纷", "物业纠纷",
            "其他纠纷"]
DISPUTE_W = [16, 18, 10, 6, 3, 7, 8, 3, 1, 5, 3, 1, 1, 2, 2, 6, 3, 4]
DIFFICULTY = ["简单", "一般", "重大", "疑难"]
PERFORMANCE = ["未履行", "部分履行", "已履行"]
AID_MATTERS = ["请求国家赔偿", "请求给予社会保险待遇或者社会救助", "请求发给抚恤金",
               "请求给付赡养费、抚养费、扶养费", "请求确认劳动关系或者支付劳动报酬",
               "请求认定无民事行为能力或者限制民事行为能力", "请求工伤事故人身损害赔偿",
               "请求交通事故人身损害赔偿", "请求食品药品安全事故人身损害赔偿",
               "请求医疗事故人身损害赔偿", "请求环境污染、生态破坏损害赔偿",
               "英雄烈士近亲属维护英烈权益", "见义勇为", "遭受虐待、遗弃或者家庭暴力",
               "刑事案件犯罪嫌疑人、被告人", "刑事案件被害人、自诉人", "其他"]
AID_MATTER_W = [1, 6, 1, 14, 18, 1, 8, 10, 1, 2, 1, 1, 1, 5, 6, 4, 5]
HARDSHIP = ["最低生活保障", "特困供养", "低收入家庭", "免予核查", "个人诚信承诺", "其他"]
FORWARD_MODES = ["当面", "邮寄", "系统流转"]
FLAGS = ["残疾人", "农民工", "农民", "军人军属", "外国人或无国籍人"]
MINORITIES = ["苗族", "畲族", "回族", "壮族", "土家族", "满族", "瑶族", "侗族", "蒙古族"]
SERVICE_MODES = ["实地", "远程", "预约"]

STAFF_2024 = ["周敏", "吴刚", "王芳"]
STAFF_2025 = ["周敏", "吴刚", "王芳", "李娜"]

# The holiday calendar of 2024 and 2025 (State Council notices): weekday
# holidays, and the weekend days that are working days.
HOLIDAYS = (["2024-01-01", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
             "2024-02-16", "2024-04-04", "2024-04-05", "2024-05-01", "2024-05-02",
             "2024-05-03", "2024-06-10", "2024-09-16", "2024-09-17", "2024-10-01",
             "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07",
             "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
             "2025-02-03", "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02",
             "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-02", "2025-10-03",
             "2025-10-06", "2025-10-07", "2025-10-08"])
WORKDAYS = (["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
             "2024-09-14", "2024-09-29", "2024-10-12",
             "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏")
GIVEN = list("建华秀英德明丽国强桂兰志伟敏静军平红玉芳勇艳杰娟涛磊海燕超霞刚云鹏飞辉婷文斌颖洪亮春梅金凤")

VILLAGE_DEFS = [
    # name, kind, code, from, until
    ("青山村", "村", "360426100201", "", ""),
    ("石桥村", "村", "360426100202", "", ""),
    ("枫树村", "村", "360426100203", "", ""),
    ("柳塘村", "村", "360426100204", "", ""),
    ("龙泉村", "村", "", "", ""),
    ("桃源村", "村", "360426100206", "", ""),
    ("上坊村", "村", "360426100207", "", ""),
    ("下坊村", "村", "360426100208", "", ""),
    ("白沙村", "村", "360426100209", "", ""),
    ("黄土岭村", "村", "360426100210", "", ""),
    ("老街村", "村", "360426100211", "", "2024-12-31"),
    ("新街社区", "社区", "360426100001", "", ""),
    ("东湖社区", "社区", "360426100002", "", ""),
    ("新区社区", "社区", "360426100003", "2024-05-01", ""),
]

# name, short, type, village, from, until, cases a month (mean)
COMMITTEE_DEFS = [
    ("青山镇人民调解委员会", "青山镇", "乡镇调委会", "", "", "", 7.0),
    ("青山村人民调解委员会", "青山村", "村调委会", "青山村", "", "", 1.6),
    ("石桥村陶瓷厂人民调解委员会", "陶瓷厂", "企事业单位调委会", "石桥村", "", "2025-06-30", 0.6),
    ("枫树村人民调解委员会", "枫树村", "村调委会", "枫树村", "", "", 1.2),
    ("柳塘村人民调解委员会", "柳塘村", "村调委会", "柳塘村", "", "", 1.0),
    ("龙泉村人民调解委员会", "龙泉村", "村调委会", "龙泉村", "", "", 0.9),
    ("桃源村人民调解委员会", "桃源村", "村调委会", "桃源村", "", "", 1.0),
    ("上坊村人民调解委员会", "上坊村", "村调委会", "上坊村", "", "", 0.8),
    ("下坊村人民调解委员会", "下坊村", "村调委会", "下坊村", "", "", 0.8),
    ("白沙村人民调解委员会", "白沙村", "村调委会", "白沙村", "", "", 0.7),
    ("老街村人民调解委员会", "老街村", "村调委会", "老街村", "", "2024-09-30", 0.9),
    ("新街社区人民调解委员会", "新街", "居(社区)调委会", "新街社区", "", "", 1.4),
    ("东湖社区人民调解委员会", "东湖", "居(社区)调委会", "东湖社区", "", "", 1.1),
    ("新区社区人民调解委员会", "新区", "居(社区)调委会", "新区社区", "2024-07-01", "", 0.8),
    ("青山镇工业园区人民调解委员会", "工业园", "企事业单位调委会", "", "", "", 0.8),
    ("青山镇医疗纠纷人民调解委员会", "医调", "行业性专业性调委会", "", "2024-04-01", "", 0.5),
    ("黄土岭村人民调解委员会", "黄土岭村", "村调委会", "黄土岭村", "2025-03-01", "", 0.8),
    ("石桥村人民调解委员会", "石桥村", "村调委会", "石桥村", "2025-07-01", "", 1.0),
]


def iso(d):
    return d.isoformat() if d else ""


def parse(s):
    return D.fromisoformat(s) if s else None


def month_range(y, m):
    return D(y, m, 1), D(y, m, calendar.monthrange(y, m)[1])


def months():
    for y in (2024, 2025):
        for m in range(1, 13):
            yield y, m


def active_on(frm, until, d):
    return (frm is None or frm <= d) and (until is None or d <= until)


def shift_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:            # 29 February in a common year
        return D(d.year + n, 3, 1)


# --------------------------------------------------------------------------
# Identity numbers

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(first17):
    s = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    return "10X98765432"[s % 11]


def credit_code(r):
    body = "91" + "360426" + "".join(r.choice(CREDIT_ALPHABET[:10] + "ABCDEFGH") for _ in range(9))
    s = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return body + CREDIT_ALPHABET[(31 - s % 31) % 31]


class Township:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_ids = set()
        self.used_phones = set()
        self.holidays = {parse(s) for s in HOLIDAYS}
        self.workdays = {parse(s) for s in WORKDAYS}
        for d in self.holidays:
            assert d.weekday() < 5, d
        for d in self.workdays:
            assert d.weekday() >= 5, d
        self.people = []

    # ---------------------------------------------------------------- basics
    def pick(self, items, weights=None):
        if weights:
            return self.r.choices(items, weights)[0]
        return self.r.choice(items)

    def name(self):
        n = self.r.choice(SURNAMES) + self.r.choice(GIVEN)
        if self.r.random() < 0.7:
            n += self.r.choice(GIVEN)
        return n

    def phone(self):
        while True:
            p = "1" + self.r.choice("3456789") + "".join(self.r.choice("0123456789")
                                                          for _ in range(9))
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def id_number(self, birth, sex, old=False):
        area = self.r.choice(["360426", "360402", "360423", "360430", "362202"])
        while True:
            seq = self.r.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
            if seq == 0:
                continue
            if old:
                num = area + birth.strftime("%y%m%d") + "%03d" % seq
            else:
                first = area + birth.strftime("%Y%m%d") + "%03d" % seq
                num = first + id_check(first)
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    def working_day(self, d):
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def add_working_days(self, d, k):
        while k > 0:
            d += dt.timedelta(days=1)
            if self.working_day(d):
                k -= 1
        return d

    def person(self, birth=None, sex=None, ethnic=None, with_id=True, old_id=False,
               village=None):
        sex = sex or self.pick(["男", "女"])
        if birth is None:
            birth = D(1940, 1, 1) + dt.timedelta(days=self.r.randrange(0, 365 * 68))
        if ethnic is None:
            ethnic = self.pick(MINORITIES) if self.r.random() < 0.12 else "汉族"
        p = {
            "name": self.name(), "sex": sex, "birth": birth, "ethnic": ethnic,
            "id": self.id_number(birth, sex, old_id) if with_id else "",
            "phone": self.phone() if self.r.random() < 0.85 else "",
            "village": village or self.pick([v[0] for v in VILLAGE_DEFS]),
            "foreign": False, "flags": set(),
        }
        return p

    def foreigner(self):
        sex = self.pick(["男", "女"])
        birth = D(1960, 1, 1) + dt.timedelta(days=self.r.randrange(0, 365 * 40))
        name = self.pick(["约翰·史密斯", "阮氏兰", "金敏智", "安娜·伊万诺娃", "马克·布朗",
                          "黎文雄", "佐藤花子"])
        return {"name": name, "sex": sex, "birth": birth, "ethnic": "",
                "id": self.pick("EGP") + "".join(self.r.choice("0123456789") for _ in range(8)),
                "phone": self.phone(), "village": "", "foreign": True,
                "flags": {"外国人或无国籍人"}}

    # ---------------------------------------------------------------- formats
    def fmt_date(self, d):
        x = self.r.random()
        if x < 0.8:
            return d.isoformat()
        if x < 0.93:
            return "%d/%d/%d" % (d.year, d.month, d.day)
        return "%d年%d月%d日" % (d.year, d.month, d.day)

    def fmt_datetime(self, d, hh, mm):
        x = self.r.random()
        if x < 0.8:
            return "%s %02d:%02d" % (d.isoformat(), hh, mm)
        if x < 0.97:
            return "%d/%d/%d %d:%02d" % (d.year, d.month, d.day, hh, mm)
        return d.isoformat()      # a date alone: time 00:00

    def fmt_money(self, fen):
        yuan = "%d.%02d" % (fen // 100, fen % 100)
        x = self.r.random()
        if x < 0.55:
            return yuan
        if x < 0.75:
            return "{:,}.{:02d}".format(fen // 100, fen % 100)
        if x < 0.85:
            return "¥" + yuan
        if x < 0.95:
            return yuan + "元"
        if fen % 100 == 0:
            return str(fen // 100)
        return yuan

    def join_list(self, names):
        sep = self.pick(["、", "、", "、", ";", "；"])
        return sep.join(names)

    def rand_day(self, lo, hi):
        return lo + dt.timedelta(days=self.r.randrange(0, (hi - lo).days + 1))

    def office_time(self):
        return self.r.randrange(8, 18), self.pick([0, 5, 10, 15, 20, 30, 40, 45, 50])


def poisson(r, mean):
    # Knuth: small means only
    import math
    L = math.exp(-mean)
    k, p = 0, 1.0
    while True:
        p *= r.random()
        if p <= L:
            return k
        k += 1


# --------------------------------------------------------------------------
# Registers

def make_villages(t):
    rows = [{"名称": n, "类型": k, "区划代码": c, "启用日期": f, "停用日期": u}
            for n, k, c, f, u in VILLAGE_DEFS]
    return rows


def village_active(name, d):
    for n, k, c, f, u in VILLAGE_DEFS:
        if n == name:
            return active_on(parse(f), parse(u), d)
    raise KeyError(name)


def make_committees(t):
    comms = []
    rows = []
    for n, s, ty, v, f, u, rate in COMMITTEE_DEFS:
        comms.append({"name": n, "short": s, "type": ty, "village": v,
                      "from": parse(f), "until": parse(u), "rate": rate, "mediators": []})
        rows.append({"名称": n, "简称": s, "类型": ty, "村(居)": v, "启用日期": f, "停用日期": u})
    return comms, rows


def make_mediators(t, comms):
    rows = []
    shared = None
    for c in comms:
        n = 5 if c["type"] == "乡镇调委会" else t.r.randrange(2, 5)
        names = set()
        for i in range(n):
            while True:
                nm = t.name()
                if nm not in names:
                    break
            names.add(nm)
            m = {"name": nm, "sex": t.pick(["男", "女"]),
                 "kind": "专职" if (i < 2 and c["type"] == "乡镇调委会") or
                 (i == 0 and t.r.random() < 0.2) else "兼职",
                 "from": c["from"], "until": c["until"]}
            c["mediators"].append(m)
        if c["type"] == "乡镇调委会":
            shared = c["mediators"][0]
        # Turnover: one mediator leaves mid-way and another comes in.
        if c["until"] is None and t.r.random() < 0.5:
            leave = t.rand_day(max(D(2024, 3, 1), (c["from"] or START) + dt.timedelta(days=30)),
                               D(2025, 10, 31))
            c["mediators"][-1]["until"] = leave
            while True:
                nm = t.name()
                if nm not in names:
                    break
            names.add(nm)
            c["mediators"].append({"name": nm, "sex": t.pick(["男", "女"]),
                                   "kind": t.pick(["专职", "兼职"], [1, 4]),
                                   "from": leave + dt.timedelta(days=t.r.randrange(1, 40)),
                                   "until": None})
    # One person in two committees: counted in both (memberships).
    park = next(c for c in comms if c["short"] == "工业园")
    park["mediators"].append({"name": shared["name"], "sex": shared["sex"], "kind": "兼职",
                              "from": None, "until": None})
    for c in comms:
        for m in c["mediators"]:
            rows.append({"姓名": m["name"], "性别": m["sex"],
                         "手机": t.phone() if t.r.random() < 0.7 else "",
                         "调委会": c["name"], "专兼职": m["kind"],
                         "启用日期": iso(m["from"]),
                         "停用日期": iso(m["until"])})
    return rows


ADVISER_DEFS = [
    # name, sex, kind, firm, licence, villages (over the 聘期), from, until
    ("刘明", "男", "律师", "江西青山律师事务所", "13604201810123456",
     ["青山村", "石桥村", "枫树村"], "2024-01-01", "2025-12-31"),
    ("陈静", "女", "基层法律服务工作者", "青山镇法律服务所", "",
     ["新街社区"], "2023-07-01", ""),
    ("刘明", "男", "律师", "江西正义律师事务所", "13604201510654321",
     ["柳塘村", "龙泉村"], "2024-01-01", "2025-12-31"),
    ("黄晓燕", "女", "律师", "江西德信律师事务所", "13604201910777777",
     ["桃源村", "上坊村", "下坊村"], "2024-01-01", "2025-12-31"),
    ("周志远", "男", "基层法律服务工作者", "青山镇法律服务所", "",
     [], "2024-01-01", "2025-12-31"),
    ("吴思远", "男", "律师", "江西青山律师事务所", "13604202210888888",
     [], "2025-04-01", "2025-12-31"),
]

# Assignments whose dates differ from the adviser's 聘期: adviser index,
# village, from, until.
ASSIGNMENT_DEFS = [
    (1, "东湖社区", "2023-07-01", "2025-03-31"),
    (5, "东湖社区", "2025-04-01", "2025-12-31"),
    (1, "新区社区", "2024-06-01", ""),
    (3, "白沙村", "2024-01-01", "2024-06-30"),      # taken over mid-term …
    (2, "白沙村", "2024-07-01", "2025-12-31"),      # … by the other 刘明
    (4, "老街村", "2024-01-01", "2024-09-30"),
    (4, "黄土岭村", "2024-01-01", "2024-10-31"),    # then no assignment until February
    (4, "黄土岭村", "2025-02-01", "2025-12-31"),
]


def adviser_ref(i):
    name, firm = ADVISER_DEFS[i][0], ADVISER_DEFS[i][3]
    if sum(1 for a in ADVISER_DEFS if a[0] == name) > 1:
        return "%s（%s）" % (name, firm)
    return name


def make_advisers(t):
    rows, arows, assignments = [], [], []
    for i, (n, s, k, firm, lic, vils, f, u) in enumerate(ADVISER_DEFS):
        rows.append({"姓名": n, "性别": s, "手机": t.phone(), "执业类别": k, "执业机构": firm,
                     "执业证号": lic, "服务村(居)": t.join_list(vils) if vils else "",
                     "聘期起": f, "聘期止": u})
        for v in vils:
            assignments.append((i, v, parse(f), parse(u)))
    for i, v, f, u in ASSIGNMENT_DEFS:
        arows.append({"法律顾问": adviser_ref(i), "村(居)": v, "起": f, "止": u})
        assignments.append((i, v, parse(f), parse(u)))
    return rows, arows, assignments


# --------------------------------------------------------------------------
# Records

CONSULT_TEXT = {
    "婚姻家庭": "询问离婚时财产如何分割。", "继承": "父亲去世未留遗嘱，询问房产继承。",
    "赡养抚养": "子女不支付赡养费，询问如何主张。", "邻里关系": "邻居排水影响自家院落。",
    "房屋宅基地": "宅基地界线与邻居有争议。", "土地承包流转": "承包地流转合同到期不还。",
    "征地拆迁": "询问征地补偿标准。", "劳动报酬": "工地老板拖欠工资，共计12,000元。",
}


def make_consultations(t):
    rows = []
    numbered = 0
    for day_i in range((END - START).days + 1):
        d = START + dt.timedelta(days=day_i)
        workday = t.working_day(d)
        n = poisson(t.r, 2.3 if workday else 0.25)
        for _ in range(n):
            hh, mm = t.office_time()
            channel = t.pick(CHANNELS, CHANNEL_W)
            if not workday and channel in ("来访", "来信", "上门服务"):
                channel = t.pick(["来电", "12348热线", "网络"])
            cat = t.pick(CONSULT_CATS, CONSULT_CAT_W)
            row = {"日期时间": t.fmt_datetime(d, hh, mm), "渠道": channel, "咨询人": "",
                   "证件号码": "", "手机": "", "性别": "", "出生日期": "", "所在村(居)": "",
                   "同来人数": "", "咨询类别": cat,
                   "咨询内容": CONSULT_TEXT.get(cat, "咨询%s方面的问题，" % cat + "要求给出意见。"),
                   "答复意见": t.pick(["", "告知相关法律规定。", "建议先协商，协商不成可申请调解。",
                                     "告知诉讼时效，并提示保留证据：\n1. 书面材料；\n2. 证人。"]),
                   "处理结果": t.pick(RESULTS, RESULT_W),
                   "接待人": t.pick(STAFF_2024 if d.year == 2024 else STAFF_2025),
                   "编号": ""}
            if t.r.random() > 0.1:
                if t.people and t.r.random() < 0.3:
                    p = t.pick(t.people)
                else:
                    p = t.person()
                    t.people.append(p)
                row["咨询人"] = p["name"]
                # Someone with an ID number gives it with the phone, or
                # neither: a register entry by phone alone and another by
                # ID alone would be two entries for one person.
                with_id = p["id"] and t.r.random() < 0.5
                if with_id:
                    row["证件号码"] = p["id"]
                    if t.r.random() < 0.3:
                        row["性别"] = p["sex"]
                    if t.r.random() < 0.3 and len(p["id"]) == 18:
                        row["出生日期"] = p["birth"].isoformat()
                elif t.r.random() < 0.3:
                    row["性别"] = p["sex"]
                if p["phone"] and (with_id or not p["id"]) and t.r.random() < 0.7:
                    row["手机"] = p["phone"]
                if t.r.random() < 0.7 and village_active(p["village"], d):
                    row["所在村(居)"] = p["village"]
            x = t.r.random()
            row["同来人数"] = "" if x < 0.4 else ("1" if x < 0.8 else str(t.r.randrange(2, 7)))
            # An old ledger numbered the first part of 2024; later rows are
            # numbered by the program.
            if d.year == 2024 and d.month <= 6:
                numbered += 1
                row["编号"] = "ZX2024-%04d" % numbered
            rows.append(row)
    # Two anonymous calls of the same minute: two records.
    twin = {"日期时间": "2025-03-12 10:20", "渠道": "12348热线", "咨询人": "", "证件号码": "",
            "手机": "", "性别": "", "出生日期": "", "所在村(居)": "", "同来人数": "",
            "咨询类别": "婚姻家庭", "咨询内容": "询问离婚时彩礼能否返还。", "答复意见": "",
            "处理结果": "当场解答", "接待人": "周敏", "编号": ""}
    rows += [dict(twin), dict(twin)]
    return rows


def case_number(year, short, seq):
    return "（%d）%s人调字第%d号" % (year, short, seq)


def make_cases(t, comms):
    cases = []
    for c in comms:
        for y, m in months():
            lo, hi = month_range(y, m)
            lo = max(lo, c["from"] or lo)
            hi = min(hi, c["until"] or hi)
            if lo > hi:
                continue
            n = poisson(t.r, c["rate"])
            for _ in range(n):
                cases.append({"committee": c, "accepted": t.rand_day(lo, hi)})
    # The turn of a month and of the year, on purpose.
    town = comms[0]
    for acc, closed in [(D(2024, 1, 31), D(2024, 2, 1)), (D(2024, 2, 29), D(2024, 3, 4)),
                        (D(2024, 12, 30), D(2025, 1, 2)), (D(2024, 12, 31), D(2025, 1, 6)),
                        (D(2025, 6, 30), D(2025, 7, 1)), (D(2025, 12, 29), D(2026, 1, 5)),
                        (D(2025, 12, 31), D(2026, 1, 15))]:
        cases.append({"committee": town, "accepted": acc, "closed": closed,
                      "status": "调解成功"})
    # The retired committee's last case closes after it retired.
    old = next(c for c in comms if c["short"] == "老街村")
    cases.append({"committee": old, "accepted": D(2024, 9, 20), "closed": D(2024, 10, 15),
                  "status": "调解成功"})
    # … and it leaves one open for good: it counts in 期末未结 ever after.
    cases.append({"committee": old, "accepted": D(2024, 8, 12), "closed": None,
                  "status": "调解中"})
    cases.sort(key=lambda x: x["accepted"])

    rows, parties = [], []
    seqs = {}
    for k in cases:
        c, acc = k["committee"], k["accepted"]
        status, closed = k.get("status"), k.get("closed")
        if status is None:
            days = int(t.r.triangular(0, 70, 12))
            closed = acc + dt.timedelta(days=days)
            if t.r.random() < 0.03 or closed > TODAY:
                status, closed = t.pick(["已受理", "调解中"], [1, 3]), None
            else:
                status = t.pick(["调解成功", "调解不成功", "终止"], [80, 12, 8])
        mediators = [m for m in c["mediators"] if active_on(m["from"], m["until"], acc)]
        chosen = t.r.sample(mediators, min(len(mediators), t.pick([1, 1, 2])))
        n_app = t.pick([1, 1, 1, 2, 3])
        n_resp = t.pick([0, 1, 1, 1, 2, 3])
        names = []
        while len(names) < n_app + n_resp:
            nm = t.name()
            if nm not in names:
                names.append(nm)
        apps, resps = names[:n_app], names[n_app:]
        org = None
        if n_resp and t.r.random() < 0.08:
            org = t.pick(["青山建筑有限公司", "青山镇陶瓷厂", "新街物业服务中心", "龙泉矿业有限公司"])
            resps[0] = org
        year = acc.year
        seqs[(c["short"], year)] = seqs.get((c["short"], year), 0) + 1
        seq = seqs[(c["short"], year)]
        # The old ledger numbered cases until September; later ones the
        # program numbers (continuing after the highest number given).
        number = case_number(year, c["short"], seq) if acc.month <= 9 else ""
        third = []
        if number and t.r.random() < 0.12:
            while True:
                nm = t.name()
                if nm not in names:
                    third.append(nm)
                    break
        n_parties = len(apps) + len(resps) + len(third)
        count = ""
        if t.r.random() < 0.1:
            count = str(n_parties + t.r.randrange(0, 40))
        row = {"案号": number, "调委会": c["name"], "受理日期": t.fmt_date(acc),
               "案件来源": t.pick(SOURCES, SOURCE_W), "纠纷类型": t.pick(DISPUTES, DISPUTE_W),
               "难度": t.pick(DIFFICULTY + [""], [4, 5, 1, 1, 2]),
               "申请人": t.join_list(apps), "被申请人": t.join_list(resps),
               "涉及当事人数": count, "纠纷简要情况": "双方因琐事发生争执，经调解员多次做工作。",
               "调解员": t.join_list([m["name"] for m in chosen]), "状态": status,
               "结案日期": t.fmt_date(closed) if closed else "", "协议形式": "", "协议涉及金额": "",
               "履行情况": "", "司法确认日期": "", "防止民间纠纷引起自杀": "",
               "防止民间纠纷转化为刑事案件": "", "防止群体性上访": "", "防止群体性械斗": "",
               "协议内容": "", "履行方式": "", "履行期限": ""}
        if status == "调解成功":
            row["协议形式"] = t.pick(["口头", "书面", ""], [40, 52, 8])
            if t.r.random() < 0.75:
                fen = t.pick([t.r.randrange(1, 500) * 100, t.r.randrange(1, 2000000),
                              t.r.randrange(100, 30000000)])
                if t.r.random() < 0.03:
                    fen = 0
                row["协议涉及金额"] = t.fmt_money(fen)
            row["履行情况"] = t.pick(PERFORMANCE + [""], [1, 2, 6, 2])
            row["协议内容"] = "双方自愿达成协议。"
            row["履行方式"] = t.pick(["一次性支付", "按月支付", "银行转账", ""])
            row["履行期限"] = t.pick(["当场履行", "2026年12月31日前", ""])
            if row["协议形式"] == "书面" and t.r.random() < 0.2:
                conf = closed + dt.timedelta(days=t.r.randrange(1, 31))
                if conf <= TODAY:
                    row["司法确认日期"] = t.fmt_date(conf)
        # 防激化 outcomes: people counts, "0" or empty when not recorded; on
        # open cases too (they never count).
        if t.r.random() < 0.12:
            for col in ["防止民间纠纷引起自杀", "防止民间纠纷转化为刑事案件", "防止群体性上访",
                        "防止群体性械斗"]:
                x = t.r.random()
                if x < 0.3:
                    row[col] = str(t.pick([1, 1, 2, 3, 5, 12, 30]))
                elif x < 0.5:
                    row[col] = "0"
        rows.append(row)
        for role, lst in (("申请人", apps), ("被申请人", resps)):
            for nm in lst:
                if not number:
                    continue
                if nm == org:
                    parties.append({"案号": number, "角色": role, "姓名": nm,
                                    "证件类型": "统一社会信用代码", "证件号码": credit_code(t.r),
                                    "手机": "0792-8%06d" % t.r.randrange(0, 1000000),
                                    "性别": "", "出生日期": "", "民族": ""})
                elif t.r.random() < 0.15:
                    p = t.person()
                    parties.append({"案号": number, "角色": role, "姓名": nm, "证件类型": "",
                                    "证件号码": p["id"], "手机": p["phone"],
                                    "性别": p["sex"], "出生日期": "",
                                    "民族": p["ethnic"] if t.r.random() < 0.5 else ""})
        for nm in third:
            p = t.person()
            parties.append({"案号": number, "角色": "第三人", "姓名": nm, "证件类型": "",
                            "证件号码": "" if t.r.random() < 0.5 else p["id"],
                            "手机": p["phone"], "性别": p["sex"],
                            "出生日期": p["birth"].isoformat() if t.r.random() < 0.5 else "",
                            "民族": p["ethnic"]})
    return rows, parties


def make_screenings(t, comms):
    rows = []
    for c in comms:
        for y, m in months():
            lo, hi = month_range(y, m)
            lo = max(lo, c["from"] or lo)
            hi = min(hi, c["until"] or hi)
            if lo > hi:
                continue
            for _ in range(t.pick([0, 1, 2, 2, 2, 3])):
                d = t.rand_day(lo, hi)
                ms = [m_["name"] for m_ in c["mediators"]
                      if active_on(m_["from"], m_["until"], d)]
                found = t.pick([0, 0, 1, 1, 2, 3, 4, 6])
                rows.append({"日期": t.fmt_date(d), "调委会": c["name"],
                             "排查人": t.join_list(t.r.sample(ms, min(len(ms), 2))),
                             "排查发现纠纷": str(found),
                             "预防纠纷": str(t.r.randrange(0, found + 1)),
                             "备注": t.pick(["", "", "重点排查婚姻家庭纠纷", "物业、邻里",
                                           "汛期前排查"])})
    rows.sort(key=lambda r: r["日期"])
    rows.append(dict(rows[40]))       # a row typed twice: two screenings
    return rows


MATTER_TYPE = {"请求国家赔偿": "国家赔偿", "刑事案件犯罪嫌疑人、被告人": "刑事",
               "刑事案件被害人、自诉人": "刑事", "请求给予社会保险待遇或者社会救助": "行政"}


def make_legal_aid(t):
    apps = []   # (received date, hh, mm, person, extra)
    for day_i in range((END - START).days + 1):
        d = START + dt.timedelta(days=day_i)
        n = poisson(t.r, 0.55 if t.working_day(d) else 0.05)
        for _ in range(n):
            apps.append({"date": d})
    # Friday receipts forwarded on Monday, Tuesday, Wednesday, Thursday,
    # around holidays and make-up days too.
    for fri in [D(2024, 3, 8), D(2024, 5, 10), D(2024, 9, 13), D(2024, 9, 27),
                D(2024, 12, 27), D(2025, 1, 24), D(2025, 3, 14), D(2025, 9, 26),
                D(2025, 9, 30), D(2025, 10, 10)]:
        for k in range(1, 5):
            fwd = fri + dt.timedelta(days=2 + k)   # Monday + k - 1
            if fri == D(2025, 9, 30):
                fwd = fri + dt.timedelta(days=k + 7)
            apps.append({"date": fri, "forward": fwd})
    # Received on a make-up Saturday; on a Sunday online.
    apps.append({"date": D(2024, 10, 12), "forward": D(2024, 10, 15)})
    apps.append({"date": D(2025, 10, 11), "forward": D(2025, 10, 15)})
    apps.append({"date": D(2025, 6, 1), "forward": D(2025, 6, 5)})
    # Forwarded on the day of receipt; received late December, forwarded in January.
    apps.append({"date": D(2025, 12, 30), "forward": D(2025, 12, 30)})
    apps.append({"date": D(2025, 12, 31), "forward": D(2026, 1, 5)})
    apps.append({"date": D(2025, 12, 26), "forward": D(2026, 1, 6)})
    # Ages on the threshold.
    for recv, years, delta in [(D(2024, 3, 15), 60, 0), (D(2024, 3, 15), 60, 1),
                               (D(2024, 4, 18), 60, -1), (D(2025, 7, 1), 18, 0),
                               (D(2025, 7, 1), 18, 1), (D(2025, 8, 20), 18, -1),
                               (D(2024, 11, 5), 18, 0), (D(2025, 1, 1), 60, 0)]:
        birth = shift_years(recv, -years) + dt.timedelta(days=delta)
        apps.append({"date": recv, "person": t.person(birth=birth)})
    # Born on 29 February 1964: 59 on 28 February 2024, 60 the day after.
    leap = t.person(birth=D(1964, 2, 29), sex="女")
    apps.append({"date": D(2024, 2, 28), "person": leap})
    apps.append({"date": D(2024, 2, 29), "person": leap})
    apps.append({"date": D(2025, 2, 28), "person": leap})
    # Old 15-digit numbers.
    for b in (D(1958, 6, 3), D(1966, 2, 1)):
        apps.append({"date": t.rand_day(D(2024, 1, 2), D(2025, 12, 20)),
                     "person": t.person(birth=b, old_id=True)})
    # An application from 2024 that was never forwarded nor withdrawn.
    apps.append({"date": D(2024, 8, 6), "stuck": "材料待补"})
    apps.append({"date": D(2024, 11, 19), "stuck": "已接收"})
    apps.sort(key=lambda a: a["date"])

    repeat = None
    rows = []
    numbered = 0
    for a in apps:
        d = a["date"]
        hh, mm = t.office_time() if t.working_day(d) else (t.r.randrange(8, 22), 0)
        p = a.get("person")
        if p is None:
            x = t.r.random()
            if x < 0.05:
                p = t.foreigner()
            elif x < 0.1:
                p = t.person(with_id=False)
            elif x < 0.16:
                # a minor (with a guardian's help)
                p = t.person(birth=shift_years(d, -t.r.randrange(8, 18)) -
                             dt.timedelta(days=t.r.randrange(1, 300)))
            elif x < 0.4:
                p = t.person(birth=shift_years(d, -t.r.randrange(60, 88)) -
                             dt.timedelta(days=t.r.randrange(1, 300)))
            elif repeat is not None and x < 0.43:
                p = repeat
            else:
                p = t.person()
            if not p["foreign"] and t.r.random() < 0.3:
                p["flags"] = {"农民"}
            if not p["foreign"] and t.r.random() < 0.15:
                p["flags"] = {"农民工"}
        flags = set(p["flags"])
        if not p["foreign"]:
            if t.r.random() < 0.06:
                flags.add("残疾人")
            if t.r.random() < 0.04:
                flags.add("军人军属")
        if repeat is None and p["id"] and len(p["id"]) == 18 and not p["foreign"]:
            repeat = p      # applies again later, with other flags
        matter = t.pick(AID_MATTERS, AID_MATTER_W)
        mtype = MATTER_TYPE.get(matter, "民事")
        row = {"登记号": "", "接收日期时间": t.fmt_datetime(d, hh, mm), "申请人": p["name"],
               "证件类型": "", "证件号码": p["id"], "性别": p["sex"], "出生日期": "",
               "民族": "", "手机": p["phone"], "所在村(居)": "",
               "人员类别": t.join_list(sorted(flags, key=FLAGS.index)) if flags else "",
               "事项类型": mtype, "援助事项": matter,
               "经济困难情形": t.pick(HARDSHIP + [""], [3, 1, 3, 2, 3, 1, 2]),
               "材料齐全": t.pick(["是", "否"], [4, 1]), "状态": "", "转交日期": "",
               "转交方式": "", "决定日期": "", "决定结果": "", "撤回日期": "",
               "接收人": t.pick(STAFF_2024 if d.year == 2024 else STAFF_2025),
               "案情摘要": "申请人因%s申请法律援助。" % matter}
        if p["foreign"]:
            row["证件类型"] = "护照"
            row["出生日期"] = p["birth"].isoformat() if t.r.random() < 0.6 else ""
        elif not p["id"]:
            row["出生日期"] = p["birth"].isoformat() if t.r.random() < 0.5 else ""
            if not row["手机"]:
                row["手机"] = t.phone()
        else:
            if t.r.random() < 0.2:
                row["证件类型"] = "居民身份证"
            if t.r.random() < 0.3:
                row["出生日期"] = p["birth"].isoformat()
        if not p["foreign"]:
            if p["ethnic"] != "汉族":
                row["民族"] = p["ethnic"]
            elif t.r.random() < 0.3:
                row["民族"] = "汉族"
        if p["village"] and village_active(p["village"], d) and t.r.random() < 0.8:
            row["所在村(居)"] = p["village"]

        # The flow.
        status = "已接收"
        fwd = a.get("forward")
        wd = None
        if "stuck" in a:
            status = a["stuck"]
        elif fwd is None:
            x = t.r.random()
            if x < 0.04:
                status = t.pick(["已接收", "材料待补"])
            elif x < 0.08:
                wd = d + dt.timedelta(days=t.r.randrange(0, 6))      # withdrawn, not forwarded
            else:
                k = t.pick([0, 1, 2, 3, 4, 5, 8], [12, 25, 25, 20, 8, 6, 4])
                fwd = t.add_working_days(d, k)
        if fwd is not None and fwd > TODAY:
            fwd = None
            status = t.pick(["已接收", "材料待补"])
        if wd is not None and wd > TODAY:
            wd = None
        if fwd is not None:
            row["转交日期"] = t.fmt_date(fwd)
            row["转交方式"] = t.pick(FORWARD_MODES + [""], [3, 2, 4, 1])
            status = "已转交"
            x = t.r.random()
            dec = fwd + dt.timedelta(days=t.r.randrange(2, 25))
            if x < 0.05:
                w = fwd + dt.timedelta(days=t.r.randrange(0, 10))
                if w <= TODAY:
                    status, wd = "申请人撤回", w
            elif x < 0.12 or dec > TODAY:
                status = t.pick(["已转交", "中心已受理"])
            else:
                grant = t.r.random() < 0.8
                row["决定日期"] = t.fmt_date(dec)
                row["决定结果"] = "给予" if grant else "不予"
                if grant:
                    status = t.pick(["决定给予", "已指派", "已结案", "已终止"], [2, 4, 4, 1])
                else:
                    status = t.pick(["决定不予", "已终止"], [4, 1])
        if wd is not None:
            status = "申请人撤回"
            row["撤回日期"] = t.fmt_date(wd)
        row["状态"] = status
        if d.year == 2024:
            numbered += 1
            row["登记号"] = "FY2024-%04d" % numbered
        rows.append(row)
    return rows


def make_services(t, assignments):
    rows = []
    for y, m in months():
        lo, hi = month_range(y, m)
        for i, v, f, u in assignments:
            a_lo = max(lo, f or lo)
            a_hi = min(hi, u or hi, END)
            if a_lo > a_hi:
                continue
            for _ in range(t.pick([0, 1, 1, 2, 2, 3], [1, 3, 3, 3, 2, 1])):
                d = t.rand_day(a_lo, a_hi)
                mode = t.pick(SERVICE_MODES, [6, 2, 2])
                halves = t.pick([1, 2, 3, 4, 5, 6, 8, 12], [1, 3, 3, 4, 2, 3, 1, 1])
                hours = "%d" % (halves // 2) if halves % 2 == 0 else "%d.5" % (halves // 2)

                def n(hi_, p=0.5):
                    if t.r.random() < p:
                        return t.pick(["", "0"])
                    return str(t.r.randrange(1, hi_ + 1))
                lect = n(2, 0.8)
                rows.append({"日期": t.fmt_date(d), "法律顾问": adviser_ref(i), "村(居)": v,
                             "方式": mode, "时长": hours, "解答咨询": n(8, 0.2),
                             "法治讲座": lect,
                             "讲座受众": str(t.r.randrange(15, 90)) if lect not in ("", "0")
                             else "",
                             "参与调解": n(2, 0.7), "审查合同协议": n(3, 0.6),
                             "审查村规民约": n(1, 0.85), "代写文书": n(3, 0.7),
                             "引导法律援助": n(2, 0.8), "培训人次": n(30, 0.85),
                             "发放资料": n(120, 0.6),
                             "备注": t.pick(["", "", "参与村规民约修订", "电话答疑"])})
    rows.sort(key=lambda r: (r["日期"]))
    return rows


# --------------------------------------------------------------------------

HEADERS = {
    "villages.csv": ["名称", "类型", "区划代码", "启用日期", "停用日期"],
    "committees.csv": ["名称", "简称", "类型", "村(居)", "启用日期", "停用日期"],
    "mediators.csv": ["姓名", "性别", "手机", "调委会", "专兼职", "启用日期", "停用日期"],
    "consultations.csv": ["日期时间", "渠道", "咨询人", "证件号码", "手机", "性别", "出生日期",
                          "所在村(居)", "同来人数", "咨询类别", "咨询内容", "答复意见", "处理结果",
                          "接待人", "编号"],
    "mediation_cases.csv": ["案号", "调委会", "受理日期", "案件来源", "纠纷类型", "难度", "申请人",
                            "被申请人", "涉及当事人数", "纠纷简要情况", "调解员", "状态", "结案日期",
                            "协议形式", "协议涉及金额", "履行情况", "司法确认日期",
                            "防止民间纠纷引起自杀", "防止民间纠纷转化为刑事案件", "防止群体性上访",
                            "防止群体性械斗", "协议内容", "履行方式", "履行期限"],
    "mediation_parties.csv": ["案号", "角色", "姓名", "证件类型", "证件号码", "手机", "性别",
                              "出生日期", "民族"],
    "screenings.csv": ["日期", "调委会", "排查人", "排查发现纠纷", "预防纠纷", "备注"],
    "legal_aid.csv": ["登记号", "接收日期时间", "申请人", "证件类型", "证件号码", "性别",
                      "出生日期", "民族", "手机", "所在村(居)", "人员类别", "事项类型", "援助事项",
                      "经济困难情形", "材料齐全", "状态", "转交日期", "转交方式", "决定日期",
                      "决定结果", "撤回日期", "接收人", "案情摘要"],
    "advisers.csv": ["姓名", "性别", "手机", "执业类别", "执业机构", "执业证号", "服务村(居)",
                     "聘期起", "聘期止"],
    "adviser_assignments.csv": ["法律顾问", "村(居)", "起", "止"],
    "adviser_services.csv": ["日期", "法律顾问", "村(居)", "方式", "时长", "解答咨询", "法治讲座",
                             "讲座受众", "参与调解", "审查合同协议", "审查村规民约", "代写文书",
                             "引导法律援助", "培训人次", "发放资料", "备注"],
}

# As Excel and WPS save them: mostly UTF-8 with BOM and CRLF; one GB18030
# file (Excel's "CSV" on Chinese Windows), one plain UTF-8 with LF.
ENCODINGS = {"screenings.csv": ("gb18030", "\r\n"), "consultations.csv": ("utf-8", "\n")}


def write_csv(directory, name, rows):
    encoding, eol = ENCODINGS.get(name, ("utf-8-sig", "\r\n"))
    header = HEADERS[name]
    with open(os.path.join(directory, name), "w", encoding=encoding, newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator=eol)
        w.writeheader()
        for r in rows:
            assert set(r) == set(header), (name, set(r) ^ set(header))
            w.writerow(r)


def main():
    ap = argparse.ArgumentParser(description="Write a township's ledgers as CSV files.")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20240101)
    args = ap.parse_args()

    t = Township(args.seed)
    csv_dir = os.path.join(args.outdir, "csv")
    os.makedirs(csv_dir, exist_ok=True)

    comms, committee_rows = make_committees(t)
    mediator_rows = make_mediators(t, comms)
    adviser_rows, assignment_rows, assignments = make_advisers(t)
    case_rows, party_rows = make_cases(t, comms)
    files = {
        "villages.csv": make_villages(t),
        "committees.csv": committee_rows,
        "mediators.csv": mediator_rows,
        "advisers.csv": adviser_rows,
        "adviser_assignments.csv": assignment_rows,
        "consultations.csv": make_consultations(t),
        "mediation_cases.csv": case_rows,
        "mediation_parties.csv": party_rows,
        "screenings.csv": make_screenings(t, comms),
        "legal_aid.csv": make_legal_aid(t),
        "adviser_services.csv": make_services(t, assignments),
    }
    for name, rows in files.items():
        write_csv(csv_dir, name, rows)
    with open(os.path.join(args.outdir, "holidays.txt"), "w", encoding="utf-8") as f:
        for d in sorted(HOLIDAYS + WORKDAYS):
            f.write("%s %s\n" % (d, "workday" if d in WORKDAYS else "holiday"))


if __name__ == "__main__":
    main()
