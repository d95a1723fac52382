"""The full xlsx reader finds a sheet's XML, its number formats and the workbook's epoch itself
(spreadsheets.xlsx_parts), as openpyxl does, and reads the values openpyxl's cells give: the
expected rows below are what the reader gave when it took these from openpyxl's private
attributes (checked against that code on the same files)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sbpac_desktop.services.spreadsheets import read as spreadsheet_read
from sbpac_desktop.services.spreadsheets.fields import looks_like_header
from sbpac_desktop.services.spreadsheets.read import UnreadableFile, read_grid, read_xlsx_full
from sbpac_desktop.services.spreadsheets.xlsx_parts import SheetPart, cell_formats, sheet_parts
from sbpac_desktop.services.spreadsheets.xlsx_scan import NotPlain, shared_strings, sheet_values

FORMATS = {"pct": "0%", "pct1": "0.0%", "day": "dd/mm/yyyy", "clock": "hh:mm:ss", "span": "[h]:mm"}
FORMATS["th"] = "[$-th-TH]d mmm yyyy"
ROWS = [
    ("เลขที่", "ข้อสั่งการ", "ร้อยละ", "วันที่", "เวลา", "ช่วง", "สูตร"),
    ("ขส. 1", "a_x000D_b", "60%", date(2019, 10, 22), "09:30:15", "1 day, 12:00:00", 1.2),
    ("ขส. 2", None, "12.5%", date(2020, 2, 29), date(2021, 1, 1), 1234.5, "#DIV/0!"),
    (False, "ข้อความ", None, None, None, None, None),
]


def _kinds(path: Path, **options: object) -> Path:
    """Every kind of cell the full reader is for: percent, date, custom time and duration formats,
    formulas with a value, an error and none; texts inline (constant_memory) unless told otherwise."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, **options})
    sheet = book.add_worksheet("ข้อสั่งการ")
    f = {name: book.add_format({"num_format": code}) for name, code in FORMATS.items()}
    sheet.write_row(0, 0, ROWS[0])
    sheet.write_row(1, 0, ["ขส. 1", "a_x000D_b"])
    sheet.write_number(1, 2, 0.6, f["pct"])
    sheet.write_datetime(1, 3, datetime(2019, 10, 22), f["day"])
    sheet.write_datetime(1, 4, time(9, 30, 15), f["clock"])
    sheet.write_number(1, 5, 1.5, f["span"])
    sheet.write_formula(1, 6, "=C2*2", None, 1.2)
    sheet.write_string(2, 0, "ขส. 2")
    sheet.write_number(2, 2, 0.125, f["pct1"])
    sheet.write_datetime(2, 3, datetime(2020, 2, 29, 13, 45), f["day"])
    sheet.write_datetime(2, 4, datetime(2021, 1, 1), f["th"])
    sheet.write_number(2, 5, 1234.5)
    sheet.write_formula(2, 6, "=1/0", None, "#DIV/0!")
    sheet.write_boolean(3, 0, False)
    sheet.write_string(3, 1, "ข้อความ")
    sheet.write_formula(3, 6, "=A1", None, "")
    sheet.merge_range(5, 0, 5, 2, "รวม")
    book.close()
    return path


def _plain(values: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(str(v) if type(v).__name__ == "timedelta" else v for v in values)


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | tuple[str, bytes] | None]) -> Path:
    """A copy of the package with each member changed: new data, (new name, data), or None to leave it out."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            changed = change(name, old.read(name))
            if changed is not None:
                new.writestr(*(changed if isinstance(changed, tuple) else (name, changed)))
    return target


@pytest.mark.parametrize(
    "options", [{}, {"date_1904": True}, {"constant_memory": False}], ids=["1900", "1904", "shared-strings"]
)
def test_values_of_every_kind_of_cell(tmp_path: Path, options: dict[str, bool]) -> None:
    """A 1904 workbook stores other serials for the same dates: the epoch must come with them."""
    path = _kinds(tmp_path / "kinds.xlsx", **options)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.epoch.year == (1904 if "date_1904" in options else 1899)
    with zipfile.ZipFile(path) as archive:
        rows = list(sheet_values(archive, "xl/worksheets/sheet1.xml", book.epoch, shared_strings(archive)))
    book.close()
    expected = list(ROWS)
    if options.get("constant_memory") is False:  # openpyxl's string table drops a shared string's
        expected[1] = (ROWS[1][0], "a\rb", *ROWS[1][2:])  # _x005F_ and the reader undoes _x000D_, as before
    assert [_plain(row) for row in rows[:4]] == expected and rows[4:] == [(), ("รวม",)]
    grid = read_grid(path, looks_like_header)
    assert [_plain(values) for _number, values in grid.rows] == [*expected, ("รวม",)]
    assert grid.merged == [(6, 0, 6, 2)] and grid.blank_rows == [5]
    notes = [(note.row, note.column, note.is_error) for note in grid.notes]
    assert notes == [(2, 6, False), (3, 6, True), (4, 6, True)]


def test_the_scan_and_openpyxl_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _kinds(tmp_path / "kinds.xlsx")
    scanned = read_xlsx_full(path, looks_like_header)

    def refuse(*_args: object) -> None:
        raise NotPlain("test")

    monkeypatch.setattr(spreadsheet_read, "sheet_values", refuse)
    assert read_xlsx_full(path, looks_like_header) == scanned


def _two_sheets(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    pct = book.add_format({"num_format": "0%"})
    first, second = book.add_worksheet("first"), book.add_worksheet("second")
    first.write_row(0, 0, ["no header here"])
    first.write_number(1, 0, 0.5, pct)
    second.write_row(0, 0, ["เลขที่", "ข้อสั่งการ"])
    second.write_number(1, 1, 0.25, pct)
    second.write_formula(2, 0, "=1+1", None, 2)
    book.close()
    return path


RELS = "xl/_rels/workbook.xml.rels"
SHEET1, SHEET2 = "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"


@pytest.mark.parametrize(
    ("targets", "members"),
    [
        ({}, (SHEET1, SHEET2)),
        ({"worksheets/sheet1.xml": "/" + SHEET1, "worksheets/sheet2.xml": "/" + SHEET2}, (SHEET1, SHEET2)),
        # swapped: 'first' now names sheet2.xml (absolute), 'second' sheet1.xml (relative, through ../)
        ({"worksheets/sheet1.xml": "/" + SHEET2, "worksheets/sheet2.xml": "../" + SHEET1}, (SHEET2, SHEET1)),
    ],
    ids=["relative", "absolute", "swapped"],
)
def test_sheets_are_found_through_the_workbook_relationships(
    tmp_path: Path, targets: dict[str, str], members: tuple[str, str]
) -> None:
    def retarget(name: str, data: bytes) -> bytes:
        if name != RELS:
            return data
        pattern = re.compile("|".join(re.escape(f'Target="{t}"') for t in targets) or "(?!)")
        return pattern.sub(lambda m: f'Target="{targets[m[0][8:-1]]}"', data.decode()).encode()

    path = _rewrite(_two_sheets(tmp_path / "source.xlsx"), tmp_path / "book.xlsx", retarget)
    with zipfile.ZipFile(path) as archive:
        found = sheet_parts(archive)
    assert found == [SheetPart("first", "worksheet", members[0]), SheetPart("second", "worksheet", members[1])]
    grid = read_xlsx_full(path, looks_like_header)
    chosen = "second" if members[1] == SHEET2 else "first"  # the sheet whose XML (sheet2.xml) has the header
    assert grid.source_th == f"Excel (.xlsx) แผ่นงาน '{chosen}'"
    assert grid.rows == [(1, ("เลขที่", "ข้อสั่งการ")), (2, (None, "25%")), (3, (2,))]
    assert [(n.row, n.column) for n in grid.notes] == [(3, 0)]  # the formula of sheet2.xml
    assert read_grid(path, looks_like_header) == grid


STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="3" formatCode="0.0%"/><numFmt numFmtId="164" formatCode="d/m/yyyy"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<cellXfs count="6"><xf/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/>
<xf numFmtId="200"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="0%"/></dxf></dxfs>
</styleSheet>"""


def test_cell_formats_follow_the_workbooks_definitions(tmp_path: Path) -> None:
    """A format the workbook defines wins over the built-in one of its id (3 is '#,##0' built in);
    a <dxf>'s format is conditional formatting's, not a cell style's."""
    source = _two_sheets(tmp_path / "source.xlsx")
    path = _rewrite(source, tmp_path / "styled.xlsx", lambda n, d: STYLES.encode() if n == "xl/styles.xml" else d)
    with zipfile.ZipFile(path) as archive:
        found = cell_formats(archive)
    assert found == [(0, None), (3, "0.0%"), (164, "d/m/yyyy"), (9, None), (165, "[h]:mm"), (200, None)]
    missing = _rewrite(path, tmp_path / "no_styles.xlsx", lambda n, d: None if n == "xl/styles.xml" else d)
    with zipfile.ZipFile(missing) as archive:
        assert cell_formats(archive) == []


def test_a_custom_format_on_a_builtin_id_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    def restyle(name: str, data: bytes) -> bytes:
        if name == "xl/styles.xml":
            text = data.decode()
            text = re.sub(r"<numFmts[^>]*>", '<numFmts count="9"><numFmt numFmtId="3" formatCode="0.0%"/>', text)
            return text.replace("</cellXfs>", '<xf numFmtId="3" fontId="0" xfId="0"/></cellXfs>').encode()
        if name == "xl/worksheets/sheet2.xml":
            return data.replace(b'<c r="B2" s="1">', b'<c r="B2" s="2">')
        return data

    path = _rewrite(_two_sheets(tmp_path / "source.xlsx"), tmp_path / "book.xlsx", restyle)
    with zipfile.ZipFile(path) as archive:
        assert cell_formats(archive) == [(0, None), (164, "0%"), (3, "0.0%")]
    assert read_xlsx_full(path, looks_like_header).rows[1] == (2, (None, "25%"))


@pytest.mark.parametrize(
    ("part", "data", "message"),
    [
        ("xl/workbook.xml", b"<workbook", "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
        (RELS, b"<Relationships", "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
        (RELS, None, "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
        ("[Content_Types].xml", b"<Types/>", "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
        ("xl/worksheets/sheet2.xml", b"</sheetData>", "อ่านไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์อาจเสียหาย"),
        ("xl/worksheets/sheet1.xml", None, "ไฟล์ Excel นี้ไม่มีแผ่นงานที่เป็นตาราง"),
    ],
    ids=["workbook", "rels", "no-rels", "content-types", "sheet", "no-sheet"],
)
def test_a_damaged_package_gives_a_thai_message(tmp_path: Path, part: str, data: bytes | None, message: str) -> None:
    source = _two_sheets(tmp_path / "source.xlsx")
    if part == "xl/worksheets/sheet1.xml":  # both sheets gone: openpyxl skips a sheet whose XML is missing
        path = _rewrite(source, tmp_path / "bad.xlsx", lambda n, d: None if n.startswith("xl/worksheets/") else d)
    elif part == "xl/worksheets/sheet2.xml":  # cut after its rows begin (openpyxl reads the head when it opens)
        path = _rewrite(source, tmp_path / "bad.xlsx", lambda n, d: d.split(b"</sheetData>")[0] if n == part else d)
    else:
        path = _rewrite(source, tmp_path / "bad.xlsx", lambda n, d: data if n == part else d)
    with pytest.raises(UnreadableFile) as caught:
        read_grid(path, looks_like_header)
    assert str(caught.value).startswith(message)


def _renamed_workbook(name: str, data: bytes) -> bytes | tuple[str, bytes]:
    if name in ("[Content_Types].xml", "_rels/.rels"):
        return data.replace(b"/xl/workbook.xml", b"/xl/main.xml").replace(b'"xl/workbook.xml"', b'"xl/main.xml"')
    return {"xl/workbook.xml": "xl/main.xml", RELS: "xl/_rels/main.xml.rels"}.get(name, name), data


@pytest.mark.parametrize("change", ["no-package-rels", "renamed-workbook"])
def test_the_workbook_is_found_as_openpyxl_finds_it(tmp_path: Path, change: str) -> None:
    """openpyxl finds the workbook through [Content_Types].xml, not _rels/.rels: so does this."""
    source = _two_sheets(tmp_path / "source.xlsx")
    if change == "no-package-rels":
        path = _rewrite(source, tmp_path / "book.xlsx", lambda n, d: None if n == "_rels/.rels" else d)
    else:
        path = _rewrite(source, tmp_path / "book.xlsx", _renamed_workbook)
        with zipfile.ZipFile(path) as archive:
            assert "xl/main.xml" in archive.namelist() and "xl/workbook.xml" not in archive.namelist()
    assert read_grid(path, looks_like_header) == read_grid(source, looks_like_header)


def test_a_sheet_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _two_sheets(tmp_path / "book.xlsx")
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("xl/worksheets/sheet2.xml").file_size
    monkeypatch.setattr(spreadsheet_read, "MAX_SHEET_XML_BYTES", size - 1)
    with pytest.raises(UnreadableFile, match="ใหญ่เกินไป"):
        read_grid(path, looks_like_header)
    monkeypatch.setattr(spreadsheet_read, "MAX_SHEET_XML_BYTES", size)
    assert read_grid(path, looks_like_header).rows[0] == (1, ("เลขที่", "ข้อสั่งการ"))
