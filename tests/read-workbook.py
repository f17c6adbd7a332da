#!/usr/bin/python3
"""read-workbook.py — reads a workbook back with openpyxl, independently of
the program that wrote it, and dumps what a reader at the county would see.

    read-workbook.py BOOK.xlsx            one JSON document
    read-workbook.py --lines BOOK.xlsx    the same facts, one per line:
                                          KEY<TAB>JSON value

Cached formula results are read (data_only=True), as a reader that does not
calculate sees them.  Keys of --lines:
  sheets                      the sheet names in order
  SHEET/merged                merged ranges, sorted
  SHEET/freeze                the top-left cell of the unfrozen pane, or null
  SHEET/print                 paper, orientation, fit to pages, repeated rows
  SHEET/count                 how many cells hold a value
  SHEET/cell/REF              [value, number format]
  SHEET/formula/REF           the formula of a cell that has one
  SHEET/style/REF             bold, size, fill, border, alignment of a cell
                              holding a value or a border
  SHEET/width/COL             column width
  SHEET/height/ROW            row height, where set
"""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def style_of(cell):
    fill = None
    if cell.fill is not None and cell.fill.fill_type == "solid":
        fill = cell.fill.fgColor.rgb
    sides = [cell.border.left, cell.border.right, cell.border.top, cell.border.bottom]
    border = [s.style for s in sides]
    return {
        "bold": bool(cell.font.b),
        "size": float(cell.font.sz) if cell.font.sz is not None else None,
        "fill": fill,
        "border": border if any(border) else None,
        "align": cell.alignment.horizontal,
    }


def dump_sheet(ws, formulas_ws):
    formulas = {}
    for row in formulas_ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                formulas[cell.coordinate] = cell.value
    cells = {}
    styles = {}
    for row in ws.iter_rows():
        for cell in row:
            if not hasattr(cell, "column_letter"):
                continue  # the inner cells of a merged range
            style = style_of(cell)
            if cell.value is not None:
                cells[cell.coordinate] = [cell.value, cell.number_format]
            if cell.value is not None or style["border"] is not None:
                styles[cell.coordinate] = style
    setup = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    paper = setup.paperSize
    return {
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "freeze": ws.freeze_panes,
        "print": {
            "paper": int(paper) if paper is not None else None,
            "orientation": setup.orientation,
            "fit_to_page": bool(fit.fitToPage) if fit is not None else False,
            # absent means 1, the default of the file format
            "fit_width": int(setup.fitToWidth) if setup.fitToWidth is not None else 1,
            "fit_height": int(setup.fitToHeight) if setup.fitToHeight is not None else 1,
            "title_rows": ws.print_title_rows,
        },
        "count": len(cells),
        "cell": cells,
        "formula": formulas,
        "style": styles,
        "width": {
            get_column_letter(i): ws.column_dimensions[get_column_letter(i)].width
            for i in range(1, ws.max_column + 1)
        },
        "height": {
            str(r): d.height for r, d in sorted(ws.row_dimensions.items())
            if d.height is not None
        },
    }


def main(argv):
    lines = "--lines" in argv
    paths = [a for a in argv[1:] if a != "--lines"]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    wb = openpyxl.load_workbook(paths[0], data_only=True)
    with_formulas = openpyxl.load_workbook(paths[0], data_only=False)
    data = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        data[ws.title] = dump_sheet(ws, with_formulas[ws.title])

    def enc(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    if not lines:
        print(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
        return 0
    print("sheets\t" + enc(data["sheets"]))
    for name in data["sheets"]:
        sheet = data[name]
        for key in ("merged", "freeze", "print", "count"):
            print(f"{name}/{key}\t{enc(sheet[key])}")
        for key in ("cell", "formula", "style", "width", "height"):
            for ref, value in sheet[key].items():
                print(f"{name}/{key}/{ref}\t{enc(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
