#!/usr/bin/python3
"""selftest.py — tests of the recount and of compare.py themselves (TAP).

1. The recount's rules on hand-worked vectors: rounding half away from zero,
   ages (29 February), working days with holidays and make-up days.
2. The recount of the small import fixtures (tests/fixtures/import), figures
   worked out by hand from forms.md.
3. compare.py on a workbook built here with openpyxl to forms.md's layout
   from the recount of a generated township: no difference; then the same
   workbook with one fault at a time (a wrong count, a percentage rounded
   the other way, 0 for an empty ratio, a missing row, a header label, a
   sheet out of order, money without its format, …): each is reported, at
   the right sheet, row and column.

    selftest.py [WORKDIR]     (a temporary folder when not given)
"""

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import recount  # noqa: E402
import compare  # noqa: E402

import openpyxl  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

D = dt.date
COUNTY, TOWNSHIP, STATION = "青山县", "青山镇", "青山镇司法所"

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


# ---------------------------------------------------------------------------
# A workbook to forms.md's layout, from the recount

def write_table(ws, t, r):
    """Header at row @r, then the rows; returns the row after the last."""
    two = any("/" in p for p, _ in t.columns)
    ws.cell(r, 1, t.row_header)
    if two:
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    c = 2
    cols = {}
    groups = []
    for path, _ in t.columns:
        cols[path] = c
        if "/" in path:
            top, sub = path.split("/")
            if groups and groups[-1][0] == top:
                groups[-1][2] = c
            else:
                groups.append([top, c, c])
            ws.cell(r + 1, c, sub)
        else:
            ws.cell(r, c, path)
            if two:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
        c += 1
    for top, c0, c1 in groups:
        ws.cell(r, c0, top)
        if c1 > c0:
            ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
    r += 2 if two else 1
    for label, values in t.rows:
        ws.cell(r, 1, label)
        for path, kind in t.columns:
            v = values[path]
            if v is None:
                continue
            cell = ws.cell(r, cols[path])
            if isinstance(v, Decimal):
                cell.value = float(v)
                if kind == "money":
                    cell.number_format = "0.00"
                elif kind == "pct":
                    cell.number_format = "0.0"
            else:
                cell.value = v
        r += 1
    return r, c - 1


def build_workbook(rc, path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = rc.sheets()
    for name, table_name, units, _ in recount.SHEETS:
        ws = wb.create_sheet(name)
        tables = sheets[name]
        ws.cell(1, 1, "%s%s司法所%d年%d月%s" % (COUNTY, TOWNSHIP, rc.year, rc.month, table_name))
        end, width = write_table(ws, tables[0], 3)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(2, 1, "填报单位：%s（盖章）" % STATION)
        ws.cell(2, max(2, width // 2), "统计期：%s 至 %s" % (rc.ms, rc.me))
        ws.cell(2, width, "计量单位：%s" % units)
        for t in tables[1:]:
            end, _ = write_table(ws, t, end + 1)
        for i, text in enumerate(["单位负责人：张三", "审核人：", "填报人：李四",
                                  "联系电话：0792-1234567", "报送日期：2026-01-15"]):
            ws.cell(end + 1, 1 + i * 2, text)
    ws = wb.create_sheet("填报说明")
    ws.cell(1, 1, "填报说明")
    r = 2
    for name, tables in sheets.items():
        for t in tables:
            for label in [p for p, _ in t.columns] + [x for x, _ in t.rows]:
                ws.cell(r, 1, "【%s】%s：……" % (name, label))
                r += 1
    wb.save(path)


def add_formula(src, dst, sheet_no, ref, formula, cached=None):
    """Copies the workbook @src to @dst with a formula (and, when given,
    another cached value) in cell @ref of sheet @sheet_no (1-based), as a
    writer that stores formulas with their results would."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet%d.xml" % sheet_no:
                text = data.decode("utf-8")
                pattern = r'<c r="%s"([^>]*)><v>([^<]*)</v>' % ref
                assert re.search(pattern, text), ref
                text = re.sub(pattern, lambda m: '<c r="%s"%s><f>%s</f><v>%s</v>' % (
                    ref, m.group(1), formula, m.group(2) if cached is None else cached), text)
                data = text.encode("utf-8")
            zout.writestr(item, data)


def run_compare(path, csv_dir, holidays, month):
    cmp = compare.Comparer(month)
    year, mon = map(int, month.split("-"))
    rc = recount.Recount(recount.Ledger(csv_dir, holidays), year, mon)
    cmp.workbook(path, rc, COUNTY, TOWNSHIP, STATION)
    return cmp.diffs


# ---------------------------------------------------------------------------

def rules():
    q = recount.round1
    check("13/16 → 81.3", q(Fraction(1300, 16)) == Decimal("81.3"))
    check("−5/16 → −31.3", q(Fraction(-500, 16)) == Decimal("-31.3"))
    check("0.05 → 0.1 and −0.05 → −0.1",
          q(Fraction(1, 20)) == Decimal("0.1") and q(Fraction(-1, 20)) == Decimal("-0.1"))
    check("2/3 → 66.7", recount.ratio(2, 3) == Decimal("66.7"))
    check("ratio of 0 is empty", recount.ratio(0, 0) is None and recount.change(3, 0) is None)
    check("change 3 → 5 is 66.7, 5 → 3 is −40.0",
          recount.change(5, 3) == Decimal("66.7") and recount.change(3, 5) == Decimal("-40.0"))
    age = recount.age_on
    leap = D(1964, 2, 29)
    check("29 Feb 1964: 59 on 2024-02-28, 60 on 2024-02-29",
          age(leap, D(2024, 2, 28)) == 59 and age(leap, D(2024, 2, 29)) == 60)
    check("29 Feb 1964: 60 on 2025-02-28, 61 on 2025-03-01",
          age(leap, D(2025, 2, 28)) == 60 and age(leap, D(2025, 3, 1)) == 61)
    check("18 on the birthday, 17 the day before",
          age(D(2007, 7, 1), D(2025, 7, 1)) == 18 and age(D(2007, 7, 2), D(2025, 7, 1)) == 17)
    check("birth from an old 15-digit number",
          recount.birth_from_id("360426580603123", "") == D(1958, 6, 3))
    check("birth from an 18-digit number; none from a passport",
          recount.birth_from_id("360426199101010071", "居民身份证") == D(1991, 1, 1) and
          recount.birth_from_id("E12345678", "护照") is None)

    ledger = recount.Ledger.__new__(recount.Ledger)
    ledger.holidays = {D(2024, 10, d) for d in (1, 2, 3, 4, 7)}
    ledger.workdays = {D(2024, 9, 29), D(2024, 10, 12)}
    wd = ledger.working_days_after
    check("forwarded on the day of receipt: 0", wd(D(2024, 3, 8), D(2024, 3, 8)) == 0)
    check("Friday → Monday 1, Tuesday 2, Wednesday 3, Thursday 4",
          [wd(D(2024, 3, 8), D(2024, 3, 8 + k)) for k in (3, 4, 5, 6)] == [1, 2, 3, 4])
    check("27 Sep (Fri) → 8 Oct: 29 Sep works, 1–4 and 7 Oct are holidays: 3",
          wd(D(2024, 9, 27), D(2024, 10, 8)) == 3)
    check("make-up Saturday 12 Oct → Tuesday 15 Oct: 2", wd(D(2024, 10, 12), D(2024, 10, 15)) == 2)
    check("money spellings", [recount.parse_fen(x) for x in
                              ("1,234.56", "¥1234.56", "1234.56元", "3600", "0.05")] ==
          [123456, 123456, 123456, 360000, 5])
    check("lists split on 、 ; ；", recount.parse_list("张大山、张二山;张小山；李四") ==
          ["张大山", "张二山", "张小山", "李四"])


def fixtures(src_tests):
    led = recount.Ledger(os.path.join(src_tests, "fixtures", "import"))

    def fig(month, sheet, row, path, table=0):
        y, m = map(int, month.split("-"))
        t = recount.Recount(led, y, m).sheets()[sheet][table]
        return dict(t.rows)[row][path]

    # 人民调解, June 2026: the cases of 5 March (success, 3 600.00, 1 + 3
    # parties + a 第三人), 12 April (open) and 1 June (success, 128 000.50, 35).
    check("fixtures 人民调解 合计 受理 2026-06", (fig("2026-06", "人民调解", "合计", "受理/本月"),
                                            fig("2026-06", "人民调解", "合计", "受理/本年累计"))
          == (1, 3))
    check("fixtures 人民调解 成功率 100.0",
          fig("2026-06", "人民调解", "合计", "成功率(%)/本年累计") == Decimal("100.0"))
    check("fixtures 人民调解 empty 成功率 without closed cases",
          fig("2026-06", "人民调解", "邻里纠纷", "成功率(%)/本年累计") is None)
    check("fixtures 涉及当事人 5 + 2 + 35",
          fig("2026-06", "人民调解", "合计", "涉及当事人(人)/本年累计") == 42)
    check("fixtures 协议金额 131600.50",
          fig("2026-06", "人民调解", "合计", "协议金额(元)/本年累计") == Decimal("131600.50"))
    check("fixtures 期末未结 (the April case)", fig("2026-06", "人民调解", "合计", "期末未结") == 1)
    check("fixtures 司法确认 in April", fig("2026-04", "人民调解", "婚姻家庭纠纷", "司法确认/本月") == 1)
    # 受援人类别: 李国强 (农民工), 张桂兰 (63 on 6 May, 女, 农民), a foreigner.
    got = {c: fig("2026-06", "受援人类别", c, "接收申请/本年累计")
           for c in ["申请件数", "老年人", "女性", "农民工", "农民", "外国人或无国籍人", "少数民族",
                     "未成年人", "其他"]}
    check("fixtures 受援人类别 2026-06", got == {"申请件数": 3, "老年人": 1, "女性": 1, "农民工": 1,
                                           "农民": 1, "外国人或无国籍人": 1, "少数民族": 0,
                                           "未成年人": 0, "其他": 0}, str(got))
    check("fixtures 受援人类别 2026-08: 土家族 without an ID number",
          fig("2026-08", "受援人类别", "少数民族", "接收申请/本月") == 1)
    check("fixtures 按期转交: Saturday → Monday",
          fig("2026-04", "法律援助", "合计", "按期转交(本月)") == 1)
    check("fixtures 撤回 and 期末待转交",
          fig("2026-06", "法律援助", "合计", "撤回(本月)") == 1 and
          fig("2026-07", "法律援助", "刑事案件被害人、自诉人", "期末待转交") == 1)
    check("fixtures 法律咨询 March: 3 件, 4 人次, 来电 2, 当场解答 2",
          (fig("2026-03", "法律咨询", "合计", "咨询(件)/本月"),
           fig("2026-03", "法律咨询", "合计", "咨询(人次)/本月"),
           fig("2026-03", "法律咨询", "合计", "按渠道(本月)/来电"),
           fig("2026-03", "法律咨询", "合计", "按处理结果(本月)/当场解答")) == (3, 4, 2, 2))
    check("fixtures 法律顾问 rows tell the two 刘明 apart",
          [label for label, _ in recount.Recount(led, 2026, 9).sheets()["法律顾问"][0].rows] ==
          ["刘明（江西青山律师事务所）", "陈静", "刘明（江西正义律师事务所）", "合计"])


def workbook_faults(work):
    data = os.path.join(work, "township")
    subprocess.run([sys.executable, os.path.join(HERE, "make_township.py"), data], check=True)
    csv_dir = os.path.join(data, "csv")
    holidays = os.path.join(data, "holidays.txt")
    month = "2025-01"
    rc = recount.Recount(recount.Ledger(csv_dir, holidays), 2025, 1)
    clean = os.path.join(work, "clean.xlsx")
    build_workbook(rc, clean)
    diffs = run_compare(clean, csv_dir, holidays, month)
    check("a workbook to the layout, with the recount's figures: no difference", not diffs,
          "\n".join(diffs[:10]))

    def find(ws, label, path):
        sh = compare.Sheet(ws)
        cmp = compare.Comparer(month)
        r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
        hdr = next(r for r in range(3, 8) if ws.cell(r, 1).value in
                   [s[3] for s in recount.SHEETS] + ["站点指标"])
        if label in [x for x, _ in rc.summary()[1].rows]:
            hdr = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "站点指标")
        paths, _ = cmp.read_header(sh, hdr)
        return ws.cell(r, dict((p, c) for c, p in paths)[path])

    faults = [
        ("a count off by one", "人民调解", "合计", "受理/本月",
         lambda ws, c: setattr(c, "value", c.value + 1), "人民调解 | 合计 | 受理/本月"),
        ("a percentage rounded down", "人民调解", "合计", "成功率(%)/本月",
         lambda ws, c: setattr(c, "value", c.value - 0.1), "人民调解 | 合计 | 成功率(%)/本月"),
        ("0 where a ratio is empty", "人民调解", "生产经营纠纷", "成功率(%)/本月",
         lambda ws, c: setattr(c, "value", 0), "人民调解 | 生产经营纠纷 | 成功率(%)/本月"),
        ("a count written as text", "法律咨询", "婚姻家庭", "咨询(件)/本年累计",
         lambda ws, c: setattr(c, "value", str(c.value)), "法律咨询 | 婚姻家庭 | 咨询(件)/本年累计"),
        ("money without its format", "人民调解", "合计", "协议金额(元)/本月",
         lambda ws, c: setattr(c, "number_format", "General"),
         "人民调解 | 合计 | 协议金额(元)/本月 | workbook: “number format General”"),
        ("money a fen off", "人民调解", "合计", "协议金额(元)/本年累计",
         lambda ws, c: setattr(c, "value", c.value + 0.01), "人民调解 | 合计 | 协议金额(元)/本年累计"),
        ("是 for 否", "法律顾问", "陈静", "是否达标",
         lambda ws, c: setattr(c, "value", "是" if c.value == "否" else "否"), "法律顾问 | 陈静 | 是否达标"),
        ("an indicator", "汇总", "专职人民调解员比例", "当前值(%)",
         lambda ws, c: setattr(c, "value", 13.1), "汇总 | 专职人民调解员比例 | 当前值(%)"),
        ("a row label", "法律援助", "见义勇为", "转交/本月",
         lambda ws, c: setattr(ws.cell(c.row, 1), "value", "见义勇为 "),
         "法律援助 | 见义勇为 | (row) | workbook: “(no such row)”"),
        ("a sub-header", "排查防激化", "合计", "防止群体性械斗/人",
         lambda ws, c: setattr(ws.cell(4, c.column), "value", "人次"),
         "排查防激化 | 调委会 | 防止群体性械斗/人 | workbook: “(no such column)”"),
        ("a title", "调解来源", "合计", "受理/本月",
         lambda ws, c: setattr(ws.cell(1, 1), "value", ws.cell(1, 1).value + "（更正）"),
         "调解来源 | (title) | A1"),
        ("a total's text cell", "调委会", "合计", "类型",
         lambda ws, c: setattr(c, "value", "乡镇调委会"), "调委会 | 合计 | 类型"),
        ("a row dropped", "受援人类别", "其他", "接收申请/本月",
         lambda ws, c: ws.delete_rows(c.row), "受援人类别 | 其他 | (row)"),
    ]
    for name, sheet, row, path, mutate, expect in faults:
        wb = openpyxl.load_workbook(clean)
        ws = wb[sheet]
        mutate(ws, find(ws, row, path))
        faulty = os.path.join(work, "fault.xlsx")
        wb.save(faulty)
        diffs = run_compare(faulty, csv_dir, holidays, month)
        check("fault found: " + name, any(d.startswith(expect) for d in diffs) and len(diffs) <= 3,
              "\n".join(diffs[:10]))
    # 合计 as a formula with its cached value: the formula's result is
    # checked too (a reader that calculates sees it).
    wb = openpyxl.load_workbook(clean)
    ws = wb["人民调解"]
    total = find(ws, "合计", "受理/本年累计")
    first = find(ws, "婚姻家庭纠纷", "受理/本年累计")
    col = get_column_letter(total.column)
    ref = "%s%d" % (col, total.row)
    right = "SUM(%s%d:%s%d)" % (col, first.row, col, total.row - 1)
    short = "SUM(%s%d:%s%d)" % (col, first.row, col, total.row - 2)
    formula_book = os.path.join(work, "formula.xlsx")
    sheet_no = recount.SHEET_NAMES.index("人民调解") + 1
    add_formula(clean, formula_book, sheet_no, ref, right)
    diffs = run_compare(formula_book, csv_dir, holidays, month)
    check("a 合计 formula over the column, cached value right: no difference", not diffs,
          "\n".join(diffs[:10]))
    last = find(ws, "其他纠纷", "受理/本年累计").value
    add_formula(clean, formula_book, sheet_no, ref, short)
    diffs = run_compare(formula_book, csv_dir, holidays, month)
    check("a 合计 formula that misses a row is found",
          (last == 0 and not diffs) or
          diffs == ["人民调解 | 合计 | 受理/本年累计 (=%s) | workbook: %d | recount: %d"
                    % (short, total.value - last, total.value)], "\n".join(diffs[:10]))
    add_formula(clean, formula_book, sheet_no, ref, right, cached=total.value + 1)
    diffs = run_compare(formula_book, csv_dir, holidays, month)
    check("a 合计 formula right but its cached value wrong is found",
          len(diffs) == 1 and diffs[0].startswith("人民调解 | 合计 | 受理/本年累计 | workbook: %d"
                                                  % (total.value + 1)), "\n".join(diffs[:10]))

    wb = openpyxl.load_workbook(clean)
    ws = wb["填报说明"]
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and "】期末待转交" in c.value:
                c.value = None
    wb.save(faulty)
    diffs = run_compare(faulty, csv_dir, holidays, month)
    check("fault found: a measure that 填报说明 does not define",
          diffs == ["填报说明 | 期末待转交 |  | workbook: “(not mentioned)” | recount: “a definition”"],
          "\n".join(diffs[:10]))

    wb = openpyxl.load_workbook(clean)
    ws = wb["人民调解"]
    ws.unmerge_cells("B3:C3")
    ws.cell(3, 3, "受理")
    ws.unmerge_cells(start_row=3, start_column=ws.max_column, end_row=4,
                     end_column=ws.max_column)
    wb.save(faulty)
    diffs = run_compare(faulty, csv_dir, holidays, month)
    check("fault found: header cells not merged",
          sorted(diffs) == sorted([
              "人民调解 | (header) | 受理 | workbook: “merged None” | recount: “one cell merged "
              "over columns B–C”",
              "人民调解 | (header) | 期末未结 | workbook: “not merged over both header rows” | "
              "recount: “merged over both header rows”"]), "\n".join(diffs[:10]))

    wb = openpyxl.load_workbook(clean)
    wb.move_sheet("调委会", offset=1)
    wb.save(faulty)
    diffs = run_compare(faulty, csv_dir, holidays, month)
    check("fault found: sheets out of order", any(d.startswith("(workbook) | (sheets)")
                                                  for d in diffs), "\n".join(diffs[:10]))


def township_edges(work):
    """The generated township holds the cases the acceptance test is for."""
    data = os.path.join(work, "township")
    csv_dir = os.path.join(data, "csv")
    led = recount.Ledger(csv_dir, os.path.join(data, "holidays.txt"))

    def sheets(y, m):
        return recount.Recount(led, y, m).sheets()

    def labels(name, col):
        return {r[col] for r in recount.read_csv(csv_dir, name)}
    check("every label of the report rows and columns is used",
          set(recount.DISPUTE_ROWS) <= labels("mediation_cases.csv", "纠纷类型") and
          set(recount.SOURCE_ROWS) <= labels("mediation_cases.csv", "案件来源") and
          set(recount.CONSULT_ROWS) <= labels("consultations.csv", "咨询类别") and
          set(recount.CHANNEL_COLS) <= labels("consultations.csv", "渠道") and
          set().union(*(x for _, x in recount.RESULT_COLS)) <=
          labels("consultations.csv", "处理结果") and
          set(recount.AID_ROWS) <= labels("legal_aid.csv", "援助事项") and
          {"调解成功", "调解不成功", "终止", "已受理", "调解中"} <=
          labels("mediation_cases.csv", "状态") and
          {"已接收", "材料待补", "已转交", "中心已受理", "决定给予", "决定不予", "已指派", "已结案",
           "已终止", "申请人撤回"} <= labels("legal_aid.csv", "状态"))

    cases = led.cases
    check("cases accepted one month and closed the next, also across the year",
          sum(1 for c in cases if c["closed"] and
              (c["closed"].year, c["closed"].month) != (c["accepted"].year,
                                                         c["accepted"].month)) >= 20 and
          any(c["accepted"].year == 2024 and c["closed"] and c["closed"].year == 2025
              for c in cases) and
          any(c["accepted"].year == 2025 and c["closed"] and c["closed"].year == 2026
              for c in cases))
    fridays = {(a["forwarded"] - a["received"]).days for a in led.aid
               if a["received"].weekday() == 4 and a["forwarded"]}
    check("Friday receipts forwarded on Monday, Tuesday, Wednesday, Thursday",
          {3, 4, 5, 6} <= fridays, str(sorted(fridays)))
    late = [a for a in led.aid if a["forwarded"] and
            led.working_days_after(a["received"], a["forwarded"]) > 3]
    check("forwarded late and forwarded on the day of receipt",
          len(late) >= 5 and any(a["forwarded"] == a["received"] for a in led.aid))
    rows = recount.read_csv(csv_dir, "legal_aid.csv")
    ages = set()
    for r, a in zip(rows, led.aid):
        birth = recount.parse_date(r["出生日期"]) or recount.birth_from_id(r["证件号码"],
                                                                       r["证件类型"])
        if birth:
            ages.add((recount.age_on(birth, a["received"]), birth.month == 2 and birth.day == 29))
    check("applicants aged 17, 18, 59, 60 on receipt; one born on 29 February",
          {(17, False), (18, False), (59, False), (60, False), (59, True), (60, True)} <= ages)
    check("a foreigner with an empty 民族, minorities, an old 15-digit number",
          any("外国人或无国籍人" in r["人员类别"] and not r["民族"] for r in rows) and
          len({r["民族"] for r in rows} & recount.MINORITIES) >= 3 and
          any(len(r["证件号码"]) == 15 for r in rows))
    nov = dict(sheets(2024, 11)["法律顾问"][0].rows)
    jan = dict(sheets(2025, 1)["法律顾问"][0].rows)
    check("an adviser without an assignment: listed 否 in November 2024, not in January 2025",
          nov["周志远"]["服务村(居)数"] == 0 and nov["周志远"]["是否达标"] == "否" and
          "周志远" not in jan)
    verdicts = {v["是否达标"] for y in (2024, 2025) for m in range(1, 13)
                for label, v in sheets(y, m)["法律顾问"][0].rows if label == "陈静"}
    check("an adviser 是 in some months and 否 in others", verdicts == {"是", "否"})
    crows = recount.read_csv(csv_dir, "mediation_cases.csv")
    check("0-people 防激化 cells on closed cases, and outcomes on open cases",
          any(r["状态"] in recount.CLOSED and r[o] == "0" for r in crows
              for o in recount.OUTCOMES) and
          any(r["状态"] not in recount.CLOSED and r[o] not in ("", "0") for r in crows
              for o in recount.OUTCOMES))
    check("money with fen, with thousands separators, ¥ and 元",
          any(c["amount"] and c["amount"] % 100 for c in cases) and
          any("," in r["协议涉及金额"] for r in crows) and
          any(r["协议涉及金额"].startswith("¥") for r in crows) and
          any(r["协议涉及金额"].endswith("元") for r in crows))
    names24 = [x for x, _ in sheets(2024, 2)["调委会"][0].rows]
    names25 = [x for x, _ in sheets(2025, 6)["调委会"][0].rows]
    check("committees: retired (listed while a case stays open), started later",
          "老街村人民调解委员会" in names24 and "老街村人民调解委员会" in names25 and
          "新区社区人民调解委员会" not in names24 and "新区社区人民调解委员会" in names25 and
          "黄土岭村人民调解委员会" not in names24)
    ind = {m: dict(sheets(2024, m)["汇总"][1].rows) for m in (4, 5, 8)}
    check("indicators move: a new community without adviser nor committee in May 2024",
          ind[5]["村(居)配备法律顾问的比例"]["当前值(%)"] <
          ind[8]["村(居)配备法律顾问的比例"]["当前值(%)"] and
          ind[5]["村(社区)人民调解委员会覆盖率"]["当前值(%)"] <
          ind[4]["村(社区)人民调解委员会覆盖率"]["当前值(%)"])
    pending = dict(sheets(2025, 6)["法律援助"][0].rows)["合计"]["期末待转交"]
    old = sum(1 for a in led.aid if a["received"].year == 2024 and
              not (a["forwarded"] and a["forwarded"] <= D(2025, 6, 30)) and
              not (a["withdrawn"] and a["withdrawn"] <= D(2025, 6, 30)))
    check("applications of 2024 still pending in 2025", old >= 2 and pending >= old)


def main():
    src_tests = os.path.dirname(HERE)
    if len(sys.argv) > 1:
        work = sys.argv[1]
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="recount-selftest.")
    try:
        rules()
        fixtures(src_tests)
        workbook_faults(work)
        township_edges(work)
    finally:
        if len(sys.argv) <= 1:
            shutil.rmtree(work)
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
