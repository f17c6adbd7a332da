#!/usr/bin/python3
"""compare.py — holds a monthly workbook against the recount of the CSV files.

Reads the workbook with openpyxl (data_only=True: cached values, as a reader
that does not calculate sees them; and the formulas, whose results a reader
that calculates sees: SUM over a range is evaluated), finds on every table sheet the title,
row 2, the header (group labels merged over 本月/本年累计, channel labels
under 按渠道(本月), …) and so each column's path, the row labels and the
footer, and compares every figure with recount.py's.  Each difference is
printed as

    sheet | row | column | workbook: … | recount: …

and the exit status is 1 when there is any, 0 when the workbook agrees.

    compare.py --csv DIR --holidays FILE --month YYYY-MM \\
        --county 青山县 --township 青山镇 --station 青山镇司法所 WORKBOOK.xlsx
"""

import argparse
import os
import re
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recount  # noqa: E402

import openpyxl  # noqa: E402

FOOTER_PREFIXES = ["单位负责人：", "审核人：", "填报人：", "联系电话：", "报送日期："]
MONEY_FORMAT = "0.00"
PERCENT_FORMAT = "0.0"


def show(v):
    if v is None:
        return "(empty)"
    if isinstance(v, str):
        return "“%s”" % v
    return repr(v) if isinstance(v, float) else str(v)


class Sheet:
    """A worksheet with its merged ranges resolved."""

    def __init__(self, ws):
        self.ws = ws
        self.anchor = {}            # (row, col) → top-left of its merged range
        self.span = {}              # top-left → (min_row, min_col, max_row, max_col)
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            self.span[top] = (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.anchor[(r, c)] = top

    def value(self, r, c):
        """The value shown at (r, c): a merged range shows its top-left's."""
        rr, cc = self.anchor.get((r, c), (r, c))
        return self.ws.cell(rr, cc).value

    def raw(self, r, c):
        return self.ws.cell(r, c)

    def merged_rows(self, r, c):
        top = self.anchor.get((r, c))
        if top is None:
            return 1
        s = self.span[top]
        return s[2] - s[0] + 1

    def row_texts(self, r):
        out = []
        for c in range(1, self.ws.max_column + 1):
            if self.anchor.get((r, c), (r, c)) != (r, c):
                continue
            v = self.ws.cell(r, c).value
            if v is not None and str(v) != "":
                out.append(v)
        return out


def is_empty(v):
    return v is None or (isinstance(v, str) and v == "")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Comparer:
    def __init__(self, month_label):
        self.diffs = []
        self.month = month_label
        self.figures = 0

    def diff(self, sheet, row, column, got, want):
        self.diffs.append("%s | %s | %s | workbook: %s | recount: %s"
                          % (sheet, row, column, show(got), show(want)))

    # -------------------------------------------------------------- values
    def formula_value(self, sh, cell):
        """What a reader that calculates sees in a formula cell: SUM over a
        range of the sheet's values is evaluated; another formula is
        reported, since nothing here can vouch for it."""
        formula = self.formulas[sh.ws.title].cell(cell.row, cell.column).value
        if not (isinstance(formula, str) and formula.startswith("=")):
            return None, None
        m = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula.replace("$", ""))
        if not m:
            return formula, "unsupported"
        c0 = openpyxl.utils.column_index_from_string(m.group(1))
        c1 = openpyxl.utils.column_index_from_string(m.group(3))
        total = 0
        for r in range(int(m.group(2)), int(m.group(4)) + 1):
            for c in range(c0, c1 + 1):
                v = sh.ws.cell(r, c).value
                if is_number(v):
                    total += v
        return formula, total

    def value(self, sheet, label, path, kind, cell, want, sh=None):
        self.figures += 1
        if sh is not None:
            formula, result = self.formula_value(sh, cell)
            if formula is not None:
                if result == "unsupported":
                    self.diff(sheet, label, path, "formula " + formula, want)
                else:
                    self.check_value(sheet, label, path + " (%s)" % formula, kind,
                                     result, None, want)
        self.check_value(sheet, label, path, kind, cell.value, cell.number_format, want)

    def check_value(self, sheet, label, path, kind, got, number_format, want):
        if kind == "text" or want is None:
            if want is None:
                if not is_empty(got):
                    self.diff(sheet, label, path, got, None)
            elif got != want:
                self.diff(sheet, label, path, got, want)
            return
        if not is_number(got):
            self.diff(sheet, label, path, got, want)
            return
        if kind == "count":
            if got != want:
                self.diff(sheet, label, path, got, want)
            return
        # pct, target, money, hours: Decimal; exact to the stated places.
        if abs(Decimal(repr(float(got))) - want) > Decimal("0.0000001"):
            self.diff(sheet, label, path, got, want)
            return
        fmt = {"pct": PERCENT_FORMAT, "money": MONEY_FORMAT}.get(kind)
        if fmt and number_format is not None and number_format != fmt:
            self.diff(sheet, label, path, "number format " + number_format,
                      "number format " + fmt)

    # -------------------------------------------------------------- tables
    def read_header(self, sh, r):
        """Column paths of the header starting at row @r; (paths, height)."""
        height = 2 if sh.merged_rows(r, 1) >= 2 else 1
        paths = []
        c = 2
        while c <= sh.ws.max_column:
            top = sh.value(r, c)
            if is_empty(top):
                break
            top = str(top)
            if height == 2 and sh.merged_rows(r, c) < 2:
                sub = sh.value(r + 1, c)
                paths.append((c, "%s/%s" % (top, sub) if not is_empty(sub) else top))
            else:
                paths.append((c, top))
            c += 1
        return paths, height

    def header_merges(self, sh, name, r, height, paths):
        """A two-row header: a single measure spans both rows; a group label
        is one cell merged across exactly its columns."""
        if height != 2:
            return
        groups = {}
        for c, path in paths:
            if "/" in path:
                groups.setdefault(path.split("/")[0], []).append(c)
            elif sh.merged_rows(r, c) < 2:
                self.diff(name, "(header)", path, "not merged over both header rows",
                          "merged over both header rows")
        for label, cols in groups.items():
            top = sh.anchor.get((r, cols[0]))
            span = sh.span.get(top) if top else None
            want = (r, min(cols), r, max(cols))
            if len(cols) > 1 and span != want:
                self.diff(name, "(header)", label, "merged %s" % (span,),
                          "one cell merged over columns %s–%s"
                          % (openpyxl.utils.get_column_letter(min(cols)),
                             openpyxl.utils.get_column_letter(max(cols))))

    def notes(self, wb, sheets):
        """填报说明's wording is free, but it defines every measure: each
        measure's label appears in it."""
        if "填报说明" not in wb.sheetnames:
            self.diff("填报说明", "(sheet)", "", "(missing)", "sheet")
            return
        text = "\n".join(str(v) for row in wb["填报说明"].iter_rows(values_only=True)
                         for v in row if v is not None)
        labels = []
        for name, tables in sheets.items():
            for t in tables:
                # The indicators' own columns (当前值, 目标值) come with each
                # indicator's definition; every other column is a measure.
                for path, _ in t.columns if t.row_header != "站点指标" else []:
                    top = path.split("/")[0]
                    labels.append(top)
                    if "/" in path and path.split("/")[1] not in recount.PERIODS + ["件", "人"]:
                        labels.append(path.split("/")[1])
                if name in ("汇总", "受援人类别"):
                    labels += [label for label, _ in t.rows]
        for label in dict.fromkeys(labels):
            if label not in text:
                self.diff("填报说明", label, "", "(not mentioned)", "a definition")

    def table(self, sh, name, table, r):
        """Compares @table with the sheet from its header row @r; returns the
        row after the table's last row."""
        got_paths, height = self.read_header(sh, r)
        want_paths = [p for p, _ in table.columns]
        got_names = [p for _, p in got_paths]
        if got_names != want_paths:
            for p in want_paths:
                if p not in got_names:
                    self.diff(name, table.row_header, p, "(no such column)", "column")
            for p in got_names:
                if p not in want_paths:
                    self.diff(name, table.row_header, p, "column", "(no such column)")
            if [p for p in got_names if p in want_paths] != \
                    [p for p in want_paths if p in got_names]:
                self.diff(name, table.row_header, "(column order)", " ".join(got_names),
                          " ".join(want_paths))
        col_of = {p: c for c, p in got_paths}
        self.header_merges(sh, name, r, height, got_paths)

        first = r + height
        rows = []
        rr = first
        while rr <= sh.ws.max_row and not is_empty(sh.value(rr, 1)):
            rows.append((rr, str(sh.value(rr, 1))))
            rr += 1
        end = rr

        want_labels = [label for label, _ in table.rows]
        got_labels = [label for _, label in rows]
        if got_labels != want_labels:
            for label in want_labels:
                if got_labels.count(label) < want_labels.count(label):
                    self.diff(name, label, "(row)", "(no such row)", "row")
            for label in set(got_labels):
                if got_labels.count(label) > want_labels.count(label):
                    self.diff(name, label, "(row)", "row", "(no such row)")
            common_got = [x for x in got_labels if x in want_labels]
            common_want = [x for x in want_labels if x in got_labels]
            if common_got != common_want:
                self.diff(name, "(row order)", "", "、".join(common_got), "、".join(common_want))

        taken = set()
        for label, values in table.rows:
            match = next((rn for rn, lb in rows if lb == label and rn not in taken), None)
            if match is None:
                continue
            taken.add(match)
            for path, kind in table.columns:
                if path not in col_of:
                    continue
                self.value(name, label, path, kind, sh.raw(match, col_of[path]), values[path],
                           sh)
            # Nothing beyond the table's width on a data row.
            width = 1 + len(got_paths)
            for c in range(width + 1, sh.ws.max_column + 1):
                v = sh.ws.cell(match, c).value
                if not is_empty(v):
                    self.diff(name, label, "(column %d, outside the table)" % c, v, None)
        return end, len(got_paths) + 1

    def sheet(self, sh, name, table_name, units, tables, title_prefix, period):
        ws = sh.ws
        # Row 1: the title, merged across the table's width.
        title = "%s%s" % (title_prefix, table_name)
        got = sh.value(1, 1)
        if got != title:
            self.diff(name, "(title)", "A1", got, title)
        # Row 2: the three cells.
        want2 = ["填报单位：%s（盖章）" % self.station, "统计期：%s 至 %s" % period,
                 "计量单位：%s" % units]
        got2 = sh.row_texts(2)
        if sorted(map(str, got2)) != sorted(want2):
            self.diff(name, "(row 2)", "", " ".join(map(str, got2)), " ".join(want2))

        # The header of the first table: normally row 3.
        r = next((x for x in range(3, min(ws.max_row, 8) + 1)
                  if sh.value(x, 1) == tables[0].row_header), None)
        if r is None:
            self.diff(name, "(header)", "A3", sh.value(3, 1), tables[0].row_header)
            return
        if r != 3:
            self.diff(name, "(header)", "row", r, 3)
        end, width = self.table(sh, name, tables[0], r)
        top = sh.span.get((1, 1))
        if top is None or top[3] != width:
            self.diff(name, "(title)", "merged across columns",
                      "A1" if top is None else "A1:%s" % openpyxl.utils.get_column_letter(top[3]),
                      "A1:%s" % openpyxl.utils.get_column_letter(width))
        for t in tables[1:]:
            # After one empty row, the next block.
            if sh.value(end + 1, 1) != t.row_header:
                self.diff(name, "(second block)", "A%d" % (end + 1), sh.value(end + 1, 1),
                          t.row_header)
                return
            end, _ = self.table(sh, name, t, end + 1)
        # The footer: one row, one blank row under the table.
        if sh.row_texts(end):
            self.diff(name, "(blank row under the table)", "row %d" % end,
                      " ".join(map(str, sh.row_texts(end))), None)
        footer = [str(x) for x in sh.row_texts(end + 1)]
        if len(footer) != 5 or any(not f.startswith(p)
                                   for f, p in zip(footer, FOOTER_PREFIXES)):
            self.diff(name, "(footer)", "row %d" % (end + 1), " ".join(footer),
                      " ".join(p + "…" for p in FOOTER_PREFIXES))
        elif not re.fullmatch(r"报送日期：\d{4}-\d{2}-\d{2}", footer[4]):
            self.diff(name, "(footer)", "报送日期", footer[4], "报送日期：YYYY-MM-DD")
        for rr in range(end + 2, ws.max_row + 1):
            if sh.row_texts(rr):
                self.diff(name, "(below the footer)", "row %d" % rr,
                          " ".join(map(str, sh.row_texts(rr))), None)

    def workbook(self, path, rc, county, township, station):
        self.station = station
        wb = openpyxl.load_workbook(path, data_only=True)
        # The formulas too: a reader that calculates sees their results.
        self.formulas = openpyxl.load_workbook(path, data_only=False)
        if wb.sheetnames != recount.SHEET_NAMES:
            self.diff("(workbook)", "(sheets)", "", "、".join(wb.sheetnames),
                      "、".join(recount.SHEET_NAMES))
        sheets = rc.sheets()
        prefix = "%s%s司法所%d年%d月" % (county, township, rc.year, rc.month)
        period = (rc.ms.isoformat(), rc.me.isoformat())
        for name, table_name, units, _ in recount.SHEETS:
            if name not in wb.sheetnames:
                self.diff(name, "(sheet)", "", "(missing)", "sheet")
                continue
            self.sheet(Sheet(wb[name]), name, table_name, units, sheets[name], prefix, period)
        self.notes(wb, sheets)


def main():
    ap = argparse.ArgumentParser(description="Compare a monthly workbook with the recount.")
    ap.add_argument("workbook")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--holidays")
    ap.add_argument("--month", required=True, help="YYYY-MM")
    ap.add_argument("--county", required=True)
    ap.add_argument("--township", required=True)
    ap.add_argument("--station", required=True)
    ap.add_argument("--aid-limit-days", type=int, default=3)
    ap.add_argument("--adviser-min-visits", type=int, default=1)
    ap.add_argument("--adviser-min-hours", type=int, default=4)
    ap.add_argument("--max-lines", type=int, default=200,
                    help="print at most this many differences (all are counted)")
    args = ap.parse_args()

    year, month = map(int, args.month.split("-"))
    ledger = recount.Ledger(args.csv, args.holidays)
    rc = recount.Recount(ledger, year, month, args.aid_limit_days, args.adviser_min_visits,
                         args.adviser_min_hours)
    cmp = Comparer(args.month)
    cmp.workbook(args.workbook, rc, args.county, args.township, args.station)
    for line in cmp.diffs[:args.max_lines]:
        print(line)
    if len(cmp.diffs) > args.max_lines:
        print("… and %d more" % (len(cmp.diffs) - args.max_lines))
    print("%s: %d figures compared, %d difference(s)" % (args.month, cmp.figures,
                                                         len(cmp.diffs)))
    return 1 if cmp.diffs else 0


if __name__ == "__main__":
    sys.exit(main())
