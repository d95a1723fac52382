"""The python-calamine fast path gives the very grid the full (openpyxl) reader gives, for
workbooks written by xlsxwriter and openpyxl; sheets it must not read alone (formulas,
percent formats) are left to the full reader."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sbpac_desktop.services.spreadsheets.calamine import read_plain_sheet
from sbpac_desktop.services.spreadsheets.fields import looks_like_header
from sbpac_desktop.services.spreadsheets.read import HEADER_SCAN_ROWS, MAX_SHEET_XML_BYTES, read_grid, read_xlsx_full
from tests.services.test_spreadsheet_helpers import HEADER

ROWS = [
    ["ขส. 001/2562", "ให้ดำเนินการ\nต่อ", "ผช.ลธ.(พณ.)", date(2019, 10, 22), "31 ธ.ค. 2562", 50, "ผล"],
    [None, None, None, None, None, None, None],
    ["2", "  ช่องว่าง  ", "ผช.ลธ.(พณ.)", datetime(2019, 10, 23, 0, 0), date(2020, 1, 5), 12.5, True],
    [None, "ข้อความ", None, "22/10/2562", None, -3, None],
    [3, "เวลา", "x", time(9, 30), None, 1e20, "ไม่ใช่สูตร="],
]


def _xlsxwriter_book(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    cover = book.add_worksheet("ปก")
    cover.write(0, 0, "รายงาน")
    sheet = book.add_worksheet("ข้อสั่งการ")
    dates = book.add_format({"num_format": "d/m/yyyy"})
    times = book.add_format({"num_format": "hh:mm"})
    sheet.merge_range(0, 0, 0, 2, "หัวเรื่องที่ผสานเซลล์")
    for c, title in enumerate(HEADER):
        sheet.write_string(2, c, title)
    for r, row in enumerate(ROWS, start=3):
        for c, value in enumerate(row):
            if isinstance(value, datetime | date):
                sheet.write_datetime(r, c, value, dates)
            elif isinstance(value, time):
                sheet.write_datetime(r, c, value, times)
            elif isinstance(value, str):
                sheet.write_string(r, c, value)
            elif value is not None:
                sheet.write(r, c, value)
    sheet.write_string(40, 1, "แถวห่างออกไป")
    book.close()
    return path


def _openpyxl_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ข้อมูล"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet["J9"] = "ขอบขวา"
    book.save(path)
    return path


@pytest.mark.parametrize("make", [_xlsxwriter_book, _openpyxl_book])
def test_fast_path_equals_the_full_reader(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "book.xlsx")
    assert read_plain_sheet(path, looks_like_header, MAX_SHEET_XML_BYTES, HEADER_SCAN_ROWS) is not None
    fast, full = read_grid(path, looks_like_header), read_xlsx_full(path, looks_like_header)
    assert fast == full
    assert fast.rows and fast.source_th.startswith("Excel (.xlsx)")


def test_escapes_and_empty_texts_go_to_the_full_reader(tmp_path: Path) -> None:
    for name, text in (("escaped.xlsx", "ก_x000D_ข"), ("empty.xlsx", "")):
        book = xlsxwriter.Workbook(str(tmp_path / name))
        sheet = book.add_worksheet()
        for c, title in enumerate(HEADER):
            sheet.write_string(0, c, title)
        sheet.write_string(1, 0, "1")
        sheet.write_string(1, 1, text)
        book.close()
        path = tmp_path / name
        assert read_plain_sheet(path, looks_like_header, MAX_SHEET_XML_BYTES, HEADER_SCAN_ROWS) is None
        assert read_grid(path, looks_like_header) == read_xlsx_full(path, looks_like_header)


def test_formulas_and_percent_formats_go_to_the_full_reader(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["1", "ข้อความ", "ผช.ลธ.(พณ.)", "22/10/2562", None, 0.6, None])
    sheet["F2"].number_format = "0%"
    book.save(tmp_path / "percent.xlsx")
    sheet["G2"] = "=1+1"
    sheet["F2"].number_format = "General"
    book.save(tmp_path / "formula.xlsx")
    for name in ("percent.xlsx", "formula.xlsx"):
        path = tmp_path / name
        assert read_plain_sheet(path, looks_like_header, MAX_SHEET_XML_BYTES, HEADER_SCAN_ROWS) is None
        assert read_grid(path, looks_like_header) == read_xlsx_full(path, looks_like_header)
    assert read_grid(tmp_path / "percent.xlsx", looks_like_header).rows[1][1][5] == "60%"
