"""The full reader's ElementTree pass (spreadsheets.xlsx_scan) gives the grid openpyxl's own cells
give, on sheets with shared strings as Excel saves them, and leaves what it cannot tell to openpyxl."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from sbpac_desktop.services.spreadsheets import read as spreadsheet_read
from sbpac_desktop.services.spreadsheets.fields import looks_like_header
from sbpac_desktop.services.spreadsheets.read import Grid, UnreadableFile, read_xlsx_full
from sbpac_desktop.services.spreadsheets.xlsx_scan import NotPlain, shared_strings, sheet_values

TEXTS = ["ข้อสั่งการ", " ช่องว่าง ", "a & b < c", "ก_x000D_ข", "_x005F_x0041_", "บรรทัด\nใหม่", "#N/A", "=ไม่ใช่สูตร", "0.5"]
NUMBER_FORMATS = [
    "0%",
    "0.00%",
    "0.0%;[Red]-0.0%",
    "d/m/yyyy",
    "yyyy-mm-dd hh:mm",
    "hh:mm",
    "[h]:mm:ss",
    "mm:ss",
    "#,##0.00",
    "@",
]


def _random_book(path: Path, seed: int, constant_memory: bool) -> Path:
    """Every kind of cell in random places: texts (shared unless constant_memory), numbers, booleans,
    dates, times, durations and percents in built-in and custom formats, formulas with every kind
    of saved result, styled empty cells and skipped rows."""
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory, "strings_to_formulas": False})
    sheet = book.add_worksheet("ข้อสั่งการ")
    bold = book.add_format({"bold": True})
    formats = [book.add_format({"num_format": code}) for code in NUMBER_FORMATS]
    formats += [book.add_format({"num_format": fid}) for fid in (9, 10, 14, 18, 20, 21, 22, 45, 46, 47)]
    sheet.write_row(0, 0, ["เลขที่", "ข้อสั่งการ", "ร้อยละ"])
    row = 1
    for _ in range(40):
        row += rng.choice((1, 1, 1, 2, 5))
        for col in range(rng.randint(1, 8)):
            _write_cell(sheet, (row, col), rng, rng.choice(formats), bold)
    book.close()
    return path


def _write_cell(sheet, at: tuple[int, int], rng: random.Random, fmt, bold) -> None:  # type: ignore[no-untyped-def]
    row, col = at
    kind = rng.choice(("text", "rich", "number", "bool", "date", "time", "span", "formula", "blank", "none"))
    if kind == "rich":  # runs: a shared string with <r> parts (inline in constant_memory)
        sheet.write_rich_string(row, col, rng.choice(TEXTS), bold, "หนา", " ท้าย_x0041_")
    elif kind == "text":
        sheet.write_string(row, col, rng.choice(TEXTS), rng.choice((None, fmt)))
    elif kind == "number":
        sheet.write_number(row, col, rng.choice((0, 1, -3, 0.6, 0.125, 1e20, 45123.75, 2**53)), fmt)
    elif kind == "bool":
        sheet.write_boolean(row, col, rng.random() < 0.5)
    elif kind == "date":
        sheet.write_datetime(row, col, datetime(2019, 10, 22) + timedelta(days=rng.randint(-40000, 3000)), fmt)
    elif kind == "time":
        sheet.write_datetime(row, col, time(rng.randint(0, 23), rng.randint(0, 59)), fmt)
    elif kind == "span":
        sheet.write_number(row, col, rng.choice((0.5, 1.25, 30.0)), fmt)
    elif kind == "formula":
        result = rng.choice((2, 0.6, "ข้อความ", "#DIV/0!", "", True))
        sheet.write_formula(row, col, "=1+1", rng.choice((None, fmt)), result)
    elif kind == "blank":
        sheet.write_blank(row, col, None, fmt)


def _read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Grid, Grid]:
    """The grid through the scan (which must read the whole sheet, not hand it to openpyxl), and
    through openpyxl's cells."""
    finished = []

    def watched(*args: object) -> Iterator[tuple[object, ...]]:
        yield from sheet_values(*args)  # type: ignore[arg-type]
        finished.append(True)

    def refuse(*_args: object) -> None:
        raise NotPlain("test")

    with monkeypatch.context() as patch:
        patch.setattr(spreadsheet_read, "sheet_values", watched)
        scanned = read_xlsx_full(path, looks_like_header)
        assert finished == [True]
        patch.setattr(spreadsheet_read, "sheet_values", refuse)
        return scanned, read_xlsx_full(path, looks_like_header)


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date")  # openpyxl's, on 1e20 in a date format
@pytest.mark.parametrize("constant_memory", [False, True], ids=["shared-strings", "inline"])
@pytest.mark.parametrize("seed", range(12))
def test_the_scan_reads_what_openpyxl_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, constant_memory: bool
) -> None:
    path = _random_book(tmp_path / "random.xlsx", seed, constant_memory)
    with zipfile.ZipFile(path) as archive:  # the scan itself reads this sheet: no fallback hides a bug
        book = openpyxl.load_workbook(path, read_only=True)
        rows = list(sheet_values(archive, "xl/worksheets/sheet1.xml", book.epoch, shared_strings(archive)))
        book.close()
    scanned, by_openpyxl = _read_both(path, monkeypatch)
    assert scanned == by_openpyxl
    assert [values for _number, values in scanned.rows] == [r for r in rows if any(v not in (None, "") for v in r)]


SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">
<si><t xml:space="preserve"> ข้อสั่งการ </t></si>
<si><r><t>ก</t></r><r><rPr><b/></rPr><t xml:space="preserve">ข ค</t></r></si>
<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>
<si><t/></si>
<si><t>a_x005F_x000D_b_x000D_c</t></si>
<si><r><rPr/></r><r><t></t></r><r><t>x</t></r></si>
<si><t>บรรทัด&#10;ใหม่</t></si>
</sst>"""


def test_shared_strings_are_what_openpyxl_reads(tmp_path: Path) -> None:
    """Plain text, runs, a phonetic guide (left out), empty texts and escapes: the same strings as
    openpyxl's own string-table reader gives, on a hand-written table and on random workbooks."""
    from openpyxl.reader.strings import read_string_table

    books = [_random_book(tmp_path / f"r{seed}.xlsx", seed, constant_memory=False) for seed in range(4)]
    written = tmp_path / "written.xlsx"
    with zipfile.ZipFile(books[0]) as source, zipfile.ZipFile(written, "w") as target:
        for name in source.namelist():
            target.writestr(name, SHARED if name == "xl/sharedStrings.xml" else source.read(name))
    for path in [written, *books]:
        with zipfile.ZipFile(path) as archive:
            ours = shared_strings(archive)
            assert ours == list(read_string_table(archive.open("xl/sharedStrings.xml")))
    with zipfile.ZipFile(written) as archive:
        assert shared_strings(archive) == [
            " ข้อสั่งการ ", "กข ค", "漢字", "", "a_x000D_b_x000D_c", "x", "บรรทัด\nใหม่"
        ]  # fmt: skip
    with zipfile.ZipFile(_random_book(tmp_path / "inline.xlsx", 0, constant_memory=True)) as archive:
        assert shared_strings(archive) == []  # every text inline: no shared strings part


def _restyled(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target, "w") as b:
        for name in a.namelist():
            data = a.read(name)
            b.writestr(name, data.replace(old, new) if name == "xl/worksheets/sheet1.xml" else data)
    return target


def test_a_number_in_a_style_the_workbook_lacks_is_left_to_openpyxl(tmp_path: Path) -> None:
    """openpyxl refuses a number whose style index is past the workbook's styles: the scan must not
    read it as a plain number instead (the file is damaged; the clerk is told so)."""
    book = xlsxwriter.Workbook(str(tmp_path / "book.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["เลขที่", "ร้อยละ"])
    sheet.write_number(1, 1, 0.5, book.add_format({"num_format": "0%"}))
    book.close()
    assert read_xlsx_full(tmp_path / "book.xlsx", looks_like_header).rows[1] == (2, (None, "50%"))
    bad = _restyled(tmp_path / "book.xlsx", tmp_path / "bad.xlsx", b'<c r="B2" s="1">', b'<c r="B2" s="7">')
    with zipfile.ZipFile(bad) as archive, pytest.raises(NotPlain):
        book_ = openpyxl.load_workbook(bad, read_only=True)
        list(sheet_values(archive, "xl/worksheets/sheet1.xml", book_.epoch, shared_strings(archive)))
    with pytest.raises(UnreadableFile, match="ไฟล์อาจเสียหาย"):
        read_xlsx_full(bad, looks_like_header)
