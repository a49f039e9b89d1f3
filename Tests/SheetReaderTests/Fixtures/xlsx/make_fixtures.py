#!/usr/bin/env python3
"""Writes the openpyxl fixtures of the sheet reader's tests (the committed .xlsx files).

Run from this folder: python3 make_fixtures.py (needs openpyxl: `pip install openpyxl` or Debian's python3-openpyxl).
The tests never run this script; they read the files it wrote. The LibreOffice fixtures are converted from CSV
rosters with `soffice --headless --convert-to xlsx|ods` (see README.md beside this script).
"""
import csv
import datetime
import os
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
ROSTER = os.path.join(HERE, "../../../../Tables/rosters/jeju-2023.csv")
DATE_COLUMNS = {"arrive", "leave", "applied_on"}
MONEY_COLUMNS = {"fare_usd", "cap_override_usd"}


def fixed_times(path):
    """The same bytes on every run: every part dated 2023-12-01."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            info.date_time = (2023, 12, 1, 0, 0, 0)
            target.writestr(info, data)


def workbook():
    book = openpyxl.Workbook()
    book.properties.creator = "make_fixtures.py"
    book.properties.created = book.properties.modified = datetime.datetime(2023, 12, 1)
    return book


def roster_rows():
    with open(ROSTER, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def typed(header, text):
    """A CSV field as a person types it into a cell: amounts as numbers, dates as dates."""
    if text == "":
        return None
    if header in MONEY_COLUMNS:
        plain = text.replace("$", "").replace(",", "")
        return int(plain) if plain.isdigit() else float(plain)
    if header in DATE_COLUMNS:
        return datetime.date.fromisoformat(text)
    return text


def officer_roster(name, epoch=None):
    """jeju-2023.csv as an officer keeps it: a notes sheet first, a title row, a styled header, real dates in two
    formats, amounts as numbers (one a formula), a name in rich text, a hidden row."""
    book = workbook()
    if epoch:
        book.epoch = epoch
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "Roster kept by the finance office; the Roster sheet is the one to read."
    sheet = book.create_sheet("Roster")
    rows = roster_rows()
    header = rows[0]
    sheet["A1"] = "Jeju 2023 workshop: participants"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=3, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for r, row in enumerate(rows[1:], start=4):
        for column, (h, text) in enumerate(zip(header, row), start=1):
            cell = sheet.cell(row=r, column=column, value=typed(h, text))
            if h == "arrive":
                cell.number_format = "dd/mm/yyyy"
            elif h == "leave":
                cell.number_format = "mm-dd-yy"   # built-in format 14
            elif h == "applied_on":
                cell.number_format = "d mmmm yyyy"
            elif h in MONEY_COLUMNS and cell.value is not None:
                cell.number_format = "#,##0.00"
    # A name in rich text (two runs), a fare as a formula, a hidden row.
    first = sheet.cell(row=4, column=2)
    words = first.value.split(" ", 1)
    first.value = CellRichText([TextBlock(InlineFont(b=True), words[0]), " " + words[1]])
    fare_column = header.index("fare_usd") + 1
    fare = sheet.cell(row=5, column=fare_column)
    if isinstance(fare.value, (int, float)) and fare.value > 100:
        fare.value = "=%d+100" % (fare.value - 100)
    sheet.row_dimensions[6].hidden = True
    path = os.path.join(HERE, name)
    book.save(path)
    fixed_times(path)


def cells():
    """One of each kind of cell the reader tells apart."""
    book = workbook()
    sheet = book.active
    sheet.title = "Cells"
    sheet.append(["id", "text id", "amount", "between cents", "flag", "date", "long date", "time", "merged"])
    sheet.append([1001, "00123", 1120.07, 1120.505, True, datetime.date(2023, 12, 11), datetime.date(2023, 12, 13),
                  datetime.time(14, 30), "group A"])
    sheet.append([1002, "P-7", 0.1 + 0.2, None, False, datetime.date(2023, 12, 12), None, None, None])
    sheet.append([123456789012, "x_x0041_y", 380, None, None, None, None, None, None])
    sheet["G2"].number_format = "d mmmm yyyy"
    sheet.merge_cells("I2:I3")
    sheet.row_dimensions[3].hidden = True
    path = os.path.join(HERE, "openpyxl-cells.xlsx")
    book.save(path)
    fixed_times(path)


def errors():
    """Cells no roster can use: a formula with no stored result, an error value, an amount between cents."""
    book = workbook()
    sheet = book.active
    sheet.title = "Roster"
    sheet.append(["id", "name", "country", "fare_usd"])
    sheet.append(["P1", "Ana", "Indonesia", "=400+60"])
    sheet.append(["P2", "Budi", "#N/A", 380])
    sheet.append(["P3", "Citra", "Indonesia", 1120.505])
    path = os.path.join(HERE, "openpyxl-errors.xlsx")
    book.save(path)
    fixed_times(path)


def number_ids():
    """A roster whose ids were typed as numbers, with one organization merged over two rows and a row hidden."""
    book = workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet.append(["ID", "Name", "Organization", "Point of departure", "Fare (US$)", "Arrive", "Leave"])
    sheet.append([7, "Ana", "Ministry of Justice", "Indonesia", 610.4, datetime.date(2023, 12, 11), datetime.date(2023, 12, 16)])
    sheet.append([8, "Budi", None, "Indonesia", 1120.07, None, None])
    sheet.append([9, "Chen", "Police", "China", 380, None, None])
    sheet.merge_cells("C2:C3")
    sheet.row_dimensions[4].hidden = True
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = "dd/mm/yyyy"
    path = os.path.join(HERE, "openpyxl-number-ids.xlsx")
    book.save(path)
    fixed_times(path)


def zip_bomb():
    """A workbook part that unpacks to 210 MB of spaces from a file of a few hundred KB."""
    path = os.path.join(HERE, "zip-bomb.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("xl/workbook.xml", date_time=(2023, 12, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as part:
            block = b" " * 1_000_000
            for _ in range(210):
                part.write(block)


if __name__ == "__main__":
    officer_roster("openpyxl-jeju-2023.xlsx")
    officer_roster("openpyxl-jeju-2023-1904.xlsx", epoch=CALENDAR_MAC_1904)
    cells()
    errors()
    number_ids()
    zip_bomb()
