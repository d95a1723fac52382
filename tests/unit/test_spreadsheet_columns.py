"""The column-at-a-time writers (reporting.table_columns) give the bytes of the cell-at-a-time
path they replaced: csv.writer's writerows over the neutralised rows, and for .xlsx the values
xlsxwriter's own cells read back as. Random tables of every kind of value, repeats and mixed
kinds in one column included."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.domain.column_table import ColumnTable
from sbpac_desktop.reporting import xlsx_rows
from sbpac_desktop.reporting.spreadsheets import CSV_ENCODING, neutralize, write_table

TEXT = st.text(alphabet=st.sampled_from("ก่ขส. 1A,\"\r\n=+-@'\t＝x"), max_size=8)
VALUE = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["ร้อยละ", "ขส. 001/2563", "a,b", 'say "x"']),  # repeated values share one encoding
    st.integers(-5, 5),
    st.booleans(),
    st.integers(-(10**6), 10**6).map(lambda n: n / 64),  # floats xlsxwriter's %.16G keeps exactly
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
)
CSV_VALUE = st.one_of(VALUE, st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)))


def _old_csv(path: Path, headers: list[str], rows: list[list[object]]) -> bytes:
    """What reporting.spreadsheets wrote before: csv.writer over every cell, text neutralised."""
    with open(path, "w", encoding=CSV_ENCODING, newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([neutralize(h) for h in headers])
        writer.writerows([[neutralize(v) if isinstance(v, str) else v for v in row] for row in rows])
    return path.read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(1, 5), data=st.data())
def test_csv_bytes_are_the_csv_modules(tmp_path, width, data):
    rows = data.draw(st.lists(st.lists(CSV_VALUE, min_size=width, max_size=width), max_size=30))
    headers = [f"c{i}" for i in range(width)]
    written = write_table(tmp_path / "new.csv", headers, rows).path.read_bytes()
    assert written == _old_csv(tmp_path / "old.csv", headers, rows)
    # the same table held as columns (as the tracker export hands it over) gives the same bytes
    columns = ColumnTable([tuple(row[c] for row in rows) for c in range(width)])
    assert write_table(tmp_path / "columns.csv", headers, columns).path.read_bytes() == written


def test_csv_rows_of_different_widths_and_one_empty_field(tmp_path):
    rows = [["a", 1], ["", None, "x,y"], [""], [None]]
    written = write_table(tmp_path / "new.csv", ["h"], rows).path.read_bytes()
    assert written == _old_csv(tmp_path / "old.csv", ["h"], rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(1, 4), data=st.data())
def test_xlsx_cells_read_back_as_xlsxwriters_own(tmp_path, width, data):
    rows = data.draw(st.lists(st.lists(VALUE, min_size=width, max_size=width), min_size=2, max_size=25))
    _same_cells_as_xlsxwriter(tmp_path, width, rows)


def test_xlsx_last_row_of_empty_texts_adds_no_row(tmp_path):
    """Found by the property above: a last row of None and '' (blank when xlsxwriter writes it)
    was given a formatted blank for the date style, which made it a row of the sheet."""
    _same_cells_as_xlsxwriter(tmp_path, 2, [[None, date(2000, 1, 1)], [None, ""]])


def _same_cells_as_xlsxwriter(tmp_path, width, rows):
    headers = [f"c{i}" for i in range(width)]
    path = write_table(tmp_path / "new.xlsx", headers, rows).path
    reference = tmp_path / "reference.xlsx"
    book = xlsxwriter.Workbook(str(reference), {"strings_to_formulas": False, "strings_to_urls": False,
                                                "strings_to_numbers": False})  # fmt: skip
    sheet, day = book.add_worksheet(), book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
            elif isinstance(value, str) and r < len(rows):
                sheet.write_string(r, c, neutralize(value))
            elif isinstance(value, str):  # the last row is xlsxwriter's own: write() leaves '' blank
                sheet.write(r, c, neutralize(value))
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    back = list(openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True))
    assert back == list(openpyxl.load_workbook(reference).active.iter_rows(min_row=2, values_only=True))
    # the same table held as columns (as the tracker export hands it over): the same sheet
    columns = ColumnTable([tuple(row[c] for row in rows) for c in range(width)])
    held = write_table(tmp_path / "columns.xlsx", headers, columns).path
    part = "xl/worksheets/sheet1.xml"
    assert xlsx_rows.sheet_xml(held, part) == xlsx_rows.sheet_xml(path, part)
