#!/usr/bin/env python3
"""Writes the officer-style workbook rosters of issue 21 (the committed .xlsx files beside this script, and ../fares/'s).

Run from anywhere: /usr/bin/python3 make_fixtures.py (needs Debian's python3-openpyxl and LibreOffice's soffice).
openpyxl stores no formula results, so each workbook is then saved once by LibreOffice (`soffice --headless
--convert-to xlsx`), as an officer's Excel would: the sums are worked out and stored. The tests never run this script;
they read the files it wrote.
"""
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def workbook():
    book = openpyxl.Workbook()
    book.properties.creator = "make_fixtures.py"
    book.properties.created = book.properties.modified = datetime.datetime(2023, 12, 1)
    return book


def resaved_by_libreoffice(book, name, folder=HERE):
    """Saves `book` as `name` in `folder` (beside this script), as LibreOffice saves it (formula results stored)."""
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "source", name)
        os.makedirs(os.path.dirname(source))
        book.save(source)
        out = os.path.join(work, "out")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "xlsx", "--outdir", out, source], check=True, capture_output=True)
        shutil.copy(os.path.join(out, name), os.path.join(folder, name))


def total_rows():
    """A budget sheet as an officer keeps it: a title, a header, two regions each closed by a subtotal (one labelled in
    the name column with SUM formulas, one labelled in the No. column with SUBTOTAL), a blank row, then an unlabelled grand
    total of SUM formulas whose ticket sum takes in the first subtotal and misses the last row (the sheet's error)."""
    book = workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet["A1"] = "JITC workshop, 12-15 December 2023: participants' airfare"
    sheet["A1"].font = Font(bold=True)
    header = ["No.", "Ref", "Full Name", "Organisation", "Point of departure", "Arrival date", "Departure date", "Fare (USD)", "Ticket price"]
    sheet.append([])
    sheet.append(header)
    d = datetime.date
    rows = [
        [1, "JITC-001", "Li Wei", "Guangxi Public Security Department", "China", d(2023, 12, 11), d(2023, 12, 16), 380, 395],
        [2, "JITC-002", "Ho Ka Man", "Macao Social Welfare Bureau", "Macao", None, None, 460, 445.5],
        [3, "JITC-003", "Chen Yu-ting", "National Immigration Agency", "Chinese Taipei", None, None, 410.25, 410.25],
        ["", "", "Subtotal", "", "", None, None, "=SUM(H4:H6)", "=SUM(I4:I6)"],
        [4, "JITC-004", "Siti Rahmawati", "Directorate General of Immigration", "Indonesia", None, None, 620, 600],
        [5, "JITC-005", "Anan Srisuk", "Royal Thai Police", "Thailand", d(2023, 12, 13), None, 505, 505],
        [6, "JITC-006", "Maria Santos", "Inter-Agency Council Against Trafficking", "Philippines", None, None, 530.4, None],
        ["Sub-total", "", "", "", "", None, None, "=SUBTOTAL(9,H8:H10)", "=SUBTOTAL(9,I8:I10)"],
        [],
        ["", "", "", "", "", None, None, "=SUM(H7,H11)", "=SUM(I4:I9)"],
    ]
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=4, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = "dd/mm/yyyy"
    for row in sheet.iter_rows(min_row=4, min_col=8, max_col=9):
        for cell in row:
            cell.number_format = "#,##0.00"
    resaved_by_libreoffice(book, "total-rows.xlsx")


def total_row_no_results():
    """A roster written by a program that stores no formula results (openpyxl itself): the total row's SUM has none."""
    book = workbook()
    sheet = book.active
    sheet.title = "Roster"
    for row in [["id", "name", "country", "fare_usd"], ["A1", "Ann", "India", 700], ["A2", "Ben", "Nepal", 800.5],
                ["Total", None, None, "=SUM(D2:D3)"]]:
        sheet.append(row)
    book.save(os.path.join(HERE, "total-row-no-results.xlsx"))


def excel_shared_sums():
    """An unlabelled total row as Excel writes a SUM filled to the right: one shared formula, its text in the first cell
    only (`<f t="shared" ref="D4:E4" si="0">SUM(D2:D3)</f>`, then `<f t="shared" si="0"/>`), each cell with its result."""
    book = workbook()
    sheet = book.active
    sheet.title = "Roster"
    for row in [["id", "name", "country", "fare_usd", "ticket_usd"], ["A1", "Ann", "India", 700, 650],
                ["A2", "Ben", "Nepal", 800.5, 750], [None, None, None, 1500.5, 1400]]:
        sheet.append(row)
    path = os.path.join(HERE, "excel-shared-sums.xlsx")
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r'<c r="D4"( [^>]*)?><v>([^<]*)</v></c>',
                              r'<c r="D4"\1><f t="shared" ref="D4:E4" si="0">SUM(D2:D3)</f><v>\2</v></c>', text)
                text = re.sub(r'<c r="E4"( [^>]*)?><v>([^<]*)</v></c>', r'<c r="E4"\1><f t="shared" si="0"/><v>\2</v></c>', text)
                assert text.count("<f ") == 2, text
                data = text.encode()
            info.date_time = (2023, 12, 1, 0, 0, 0)
            target.writestr(info, data)


def officer_budget_sheet():
    """An officer's own workbook as Excel for Mac keeps it (dates counted from 1904): a sheet named Budget, a title, the
    stay as `Arrival` and `Departure` (date cells), `Full Name`, `Ticket price`, a blank row, then `Total` under No. with
    SUM formulas."""
    book = workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Budget"
    sheet["A1"] = "Budget: Enhancing Victim Identification workshop, Jeju, December 2023"
    sheet.append([])
    sheet.append(["No.", "Full Name", "Ref", "Point of departure", "Arrival", "Departure", "Fare (USD)", "Ticket price"])
    d = datetime.date
    rows = [
        [1, "Li Wei", "JITC-001", "China", d(2023, 12, 11), d(2023, 12, 16), 380, 395],
        [2, "Siti Rahmawati", "JITC-002", "Indonesia", None, None, 620, 600],
        [3, "Anan Srisuk", "JITC-003", "Thailand", d(2023, 12, 13), d(2023, 12, 16), 505, 505],
        [4, "Kamala Perera", "JITC-004", "Sri Lanka", None, d(2023, 12, 14), 850, None],
    ]
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Total", None, None, None, None, None, "=SUM(G4:G8)", "=SUM(H4:H8)"])
    for row in sheet.iter_rows(min_row=4, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "d mmm yyyy"
    resaved_by_libreoffice(book, "officer-budget-sheet.xlsx")


def officer_quoted_fares():
    """An officer's workbook with fares as the travel agents quoted them (in ../fares: read under the test event jeju-2023-fares, whose
    [[fare_rates]] state THB, PHP and LKR): a `Fare (THB)` column of numbers, a `Fare` column with a `Currency` beside it
    and one cell that names its currency as text (`LKR 256,001.60`), the stay as Arrival and Departure, Ticket price, a
    blank row and a Total of SUMs (the THB total agrees; the Fare total mixes currencies, so it is not compared)."""
    book = workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet.append(["No.", "Ref", "Full Name", "Point of departure", "Arrival", "Departure", "Fare (THB)", "Fare", "Currency", "Ticket price"])
    d = datetime.date
    rows = [
        [1, "Q1", "Somchai Wong", "Thailand", d(2023, 12, 11), d(2023, 12, 16), 12500, None, None, None],
        [2, "Q2", "Maria Santos", "Philippines", None, None, None, 28511, "PHP", None],
        [3, "Q3", "Kamala Perera", "Sri Lanka", None, d(2023, 12, 15), None, "LKR 256,001.60", None, None],
        [4, "Q4", "Preeda Chai", "Thailand", None, None, 19880.5, None, None, None],
        [5, "Q5", "Li Wei", "China", d(2023, 12, 11), d(2023, 12, 16), None, 380, "USD", 395],
    ]
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Total", None, None, None, None, None, "=SUM(G2:G6)", "=SUM(H2:H6)", None, "=SUM(J2:J6)"])
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "dd/mm/yyyy"
    resaved_by_libreoffice(book, "officer-quoted-fares.xlsx", os.path.join(HERE, "../fares"))


def officer_twelve():
    """Issue 25's officer's roster as the colleague typed it in Excel (../officer/officer-twelve-corrected.csv as a
    workbook): `No.`, `Ref`, `Full Name`, `Nationality`, an empty `Airfare` beside `Ticket price (USD)`, the dates typed as
    text day first (`11/12/2023`: only the column's `13/12/2023` settles the order), `Funding` as `Funded` and `Self`, a
    blank row, then `Total` under No. with a SUM of the tickets."""
    book = workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet.append(["No.", "Ref", "Full Name", "Organisation", "Nationality", "Country", "Airfare", "Ticket price (USD)",
                  "Arrival date", "Departure date", "Funding"])
    rows = [
        ["Maria Dela Cruz", "Department of Justice", "Filipino", "Philippines", 520, "11/12/2023", "16/12/2023", "Funded"],
        ["Dela Cruz, Jose", "Philippine National Police", "Filipino", "Philippines", 515, "11/12/2023", "16/12/2023", "Funded"],
        ['Santos, Ana "Annie" R.', "Bureau of Immigration", "Filipino", "Philippines", 530, "11/12/2023", "16/12/2023", "Funded"],
        ["Nguyen Thi Lan", "Ministry of Public Security", "Vietnamese", "Vietnam", 480, "11/12/2023", "16/12/2023", "Funded"],
        ["Tran Van Minh", "Ministry of Labour", "Vietnamese", "Vietnam", 495, "13/12/2023", "16/12/2023", "Funded"],
        ["Siti Aminah", "Directorate General of Immigration", "Indonesian", "Indonesia", 610, "11/12/2023", "16/12/2023", "Funded"],
        ["Somchai Wongsa", "Royal Thai Police", "Thai", "Thailand", 455, "01/12/2023", "16/12/2023", "Self"],
        ["Kamal Hossain", "Ministry of Home Affairs", "Bangladeshi", "Bangladesh", 890, "11/12/2023", "16/12/2023", "Funded"],
        ["Priya Sharma", "Ministry of Home Affairs", "Indian", "India", 905, "11/12/2023", "16/12/2023", "Funded"],
        ["Ravi Kumar", "Central Bureau of Investigation", "Indian", "India", 910, "11/12/2023", "16/12/2023", "Funded"],
        ["Tevita Fonua", "Ministry of Police", "Tongan", "Tonga", 1250, "10/12/2023", "23/12/2023", "Funded"],
        ["Ana Lima", "Ministry of Justice", "Timorese", "Timor-Leste", 980, "11/12/2023", "16/12/2023", "Funded"],
    ]
    for number, (name, organisation, nationality, country, ticket, arrive, leave, funding) in enumerate(rows, start=1):
        sheet.append([number, f"RSO-{number:02d}", name, organisation, nationality, country, None, ticket, arrive, leave, funding])
    sheet.append([])
    sheet.append(["Total", None, None, None, None, None, None, "=SUM(H2:H13)"])
    for row in sheet.iter_rows(min_row=2, max_row=13, min_col=8, max_col=8):
        for cell in row:
            cell.number_format = "#,##0.00"
    resaved_by_libreoffice(book, "officer-twelve.xlsx")


if __name__ == "__main__":
    # With names (`make_fixtures.py officer_twelve`), only those workbooks are written; the others stay byte for byte.
    import sys
    for name in sys.argv[1:] or ["total_rows", "total_row_no_results", "excel_shared_sums", "officer_budget_sheet",
                                 "officer_quoted_fares", "officer_twelve"]:
        globals()[name]()
