"""Writing .xlsx/.csv (no live formula, BOM, atomic) and reading what offices send (no database)."""

import csv
import io
import os
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.reporting import spreadsheets
from sbpac_desktop.reporting.spreadsheets import OutputFileError, display_width, write_table
from sbpac_desktop.services.spreadsheets.fields import looks_like_header, text_value
from sbpac_desktop.services.spreadsheets.read import UnreadableFile, read_grid

HEADERS = ["เลขที่", "ข้อสั่งการ", "ร้อยละ", "วันที่สั่งการ (ISO)"]
ROWS = [
    ["ขส. 001/2563", '=HYPERLINK("http://x","คลิก")', 60, date(2019, 10, 22)],
    ["ขส. 002/2563", "ให้เร่งรัดการเบิกจ่ายงบประมาณ", None, None],
]
TRICKY = st.text(alphabet=st.sampled_from("=+-@\t\r＝＋－＠'ก่ขส. 1A\n"), max_size=12)


def formula_cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [c.coordinate for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_xlsx_has_real_dates_widths_and_no_formula(tmp_path):
    path = tmp_path / "t.xlsx"
    written = write_table(path, HEADERS, ROWS, sheet_name="ข้อสั่งการ", info=[("สถานะ ณ วันที่", "15 ก.พ. 2563")])
    assert written.rows == 2 and written.size == path.stat().st_size
    assert formula_cells(path) == []
    sheet = openpyxl.load_workbook(path)["ข้อสั่งการ"]
    assert sheet["B2"].value.startswith("'=HYPERLINK") and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == 60 and sheet["D2"].is_date and sheet["D2"].value.date() == date(2019, 10, 22)
    assert sheet["C3"].value is None
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width >= 6
    assert sheet.freeze_panes == "A2"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]  # no temporary file left behind


def test_csv_is_utf8_with_bom_and_neutralised(tmp_path):
    path = write_table(tmp_path / "t.csv", HEADERS, ROWS).path
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "ข้อสั่งการ".encode() in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADERS and rows[1][1].startswith("'=") and rows[1][3] == "2019-10-22"
    assert all(not cell or cell[0] not in spreadsheets.FORMULA_TRIGGERS for row in rows for cell in row)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(TRICKY, min_size=1, max_size=5))
def test_any_text_is_written_inert_and_reads_back(tmp_path, cells):
    headers = ["ข้อสั่งการ", "วันที่สั่งการ", *[f"c{i}" for i in range(len(cells))]]
    rows = [["ข้อความ", "22/10/2562", *cells]]
    for suffix in (".xlsx", ".csv"):
        path = write_table(tmp_path / f"h{suffix}", headers, rows).path
        if suffix == ".xlsx":
            assert formula_cells(path) == []
        grid = read_grid(path, looks_like_header)
        values = grid.rows[1][1][2:] if len(grid.rows) > 1 else ()
        read = [text_value(v) for v in values] + [None] * (len(cells) - len(values))
        assert read == [c.strip() or None for c in cells]


def test_thai_marks_take_no_width():
    assert display_width("ผู้ช่วยเลขาธิการ") == len("ผู้ช่วยเลขาธิการ") - 4  # ู ้ ่ ิ stack on their consonants


def test_missing_folder_writes_nothing(tmp_path):
    with pytest.raises(OutputFileError, match="ไม่พบโฟลเดอร์"):
        write_table(tmp_path / "no" / "t.xlsx", HEADERS, ROWS)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_thai_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(spreadsheets.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputFileError, match="ไม่มีสิทธิ์เขียน"):
        write_table(tmp_path / "t.csv", HEADERS, ROWS)
    assert list(tmp_path.iterdir()) == []


def test_failure_midway_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_text("old", encoding="utf-8")

    def disk_full(*args):
        tmp = args[-1]  # the writer's last argument is the temporary file
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spreadsheets, "_write_csv", disk_full)
    with pytest.raises(OutputFileError, match="เขียนไฟล์"):
        write_table(path, HEADERS, ROWS)
    assert path.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_wrong_suffix_and_folder_target(tmp_path):
    with pytest.raises(OutputFileError, match=r"\.xlsx หรือ \.csv"):
        write_table(tmp_path / "t.pdf", HEADERS, ROWS)
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(OutputFileError, match="เป็นโฟลเดอร์"):
        write_table(tmp_path / "d.csv", HEADERS, ROWS)


# --- reading -----------------------------------------------------------------------------

THAI_CSV = "ข้อสั่งการ,วันที่สั่งการ,ผู้รับผิดชอบหลัก\r\nให้จัดทำแผน,22/10/2562,ผช.ลธ.(พณ.)\r\n"


@pytest.mark.parametrize(
    ("data", "source"),
    [
        (THAI_CSV.encode("cp874"), "CSV (Windows-874 / TIS-620)"),
        (THAI_CSV.encode("tis-620"), "CSV (Windows-874 / TIS-620)"),
        (THAI_CSV.encode("utf-8"), "CSV (UTF-8)"),
        (THAI_CSV.encode("utf-8-sig"), "CSV (UTF-8)"),
        (THAI_CSV.replace(",", "\t").encode("utf-16"), "CSV (UTF-16)"),
        (THAI_CSV.replace(",", ";").encode("utf-8"), "CSV (UTF-8)"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path, data, source):
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    grid = read_grid(path, looks_like_header)
    assert grid.source_th == source
    assert grid.rows == [
        (1, ("ข้อสั่งการ", "วันที่สั่งการ", "ผู้รับผิดชอบหลัก")),
        (2, ("ให้จัดทำแผน", "22/10/2562", "ผช.ลธ.(พณ.)")),
    ]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_apostrophes_in_a_cell_do_not_change_the_delimiter(tmp_path, separator):
    """Found by the property test above: a cell "\\n''\\t" made csv.Sniffer take ' for the quote
    and the tab for the delimiter, and the row's cells were lost. The header line decides."""
    text = separator.join(["ข้อสั่งการ", "วันที่สั่งการ", "c0"]) + "\r\n"
    text += separator.join(["ข้อความ", "22/10/2562", '"\n\'\'\t"']) + "\r\n"
    path = tmp_path / "quotes.csv"
    path.write_text(text, encoding="utf-8")
    grid = read_grid(path, looks_like_header)
    assert grid.rows[1] == (2, ("ข้อความ", "22/10/2562", "\n''\t"))


def test_a_short_windows_874_file_is_read_as_thai(tmp_path):
    """Two lines give a detector little to go on (charset-normalizer 3.5 called these bytes cp932,
    Japanese); read.py's closed list of codecs reads them as the Thai they are."""
    data = "ชื่อ,หน่วย\nนายสมชาย,กอง\n".encode("cp874")
    path = tmp_path / "short.csv"
    path.write_bytes(data)
    assert read_grid(path, lambda _values: True).rows == [(1, ("ชื่อ", "หน่วย")), (2, ("นายสมชาย", "กอง"))]


def pdf_bytes() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def word_like_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "ไฟล์ว่างเปล่า"),
        (pdf_bytes(), "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
        (word_like_zip(), "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
        (bytes(range(256)) * 4, "ไม่ใช่ตารางคำนวณ"),
        (b"PK\x03\x04 truncated", "เปิดไฟล์ Excel (.xlsx) ไม่ได้"),
    ],
)
def test_files_that_are_not_spreadsheets(tmp_path, data, fragment):
    path = tmp_path / "in.xlsx"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=fragment.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        read_grid(path, looks_like_header)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=2000))
def test_random_bytes_never_crash_the_reader(tmp_path, data):
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        read_grid(path, looks_like_header)
    except UnreadableFile as exc:
        assert str(exc)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableFile, match="ไม่พบไฟล์"):
        read_grid(tmp_path / "none.xlsx", looks_like_header)
    with pytest.raises(UnreadableFile, match="เป็นโฟลเดอร์"):
        read_grid(tmp_path, looks_like_header)


def test_merged_cells_formulas_and_percent_formats(tmp_path):
    path = tmp_path / "office.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("สรุป")
    sheet.write(0, 0, "ไม่ใช่ตาราง")
    data = book.add_worksheet("ข้อมูล")
    data.merge_range("A1:C1", "รายงานผลการดำเนินการตามข้อสั่งการ")  # a title banner above the header
    for col, title in enumerate(["ข้อสั่งการ", "วันที่สั่งการ", "ร้อยละ"]):
        data.write(1, col, title)
    data.write_row(2, 0, ["ให้จัดทำแผน", "22/10/2562"])
    data.write_formula(2, 2, "=30*2", None, 60)  # formula with a saved value
    data.write_row(3, 0, ["ให้รายงาน", "23/10/2562"])
    data.write_formula(3, 2, "=1/0", None, "#DIV/0!")
    data.write(4, 2, 0.75, book.add_format({"num_format": "0%"}))
    data.merge_range("A6:B6", "ผสาน")
    book.close()
    grid = read_grid(path, looks_like_header)
    assert grid.source_th == "Excel (.xlsx) แผ่นงาน 'ข้อมูล'"
    assert sorted(grid.merged) == [(1, 0, 1, 2), (6, 0, 6, 1)]
    assert dict(grid.rows)[3][2] == 60 and dict(grid.rows)[5][2] == "75%"
    notes = {(n.row, n.column): (n.is_error, n.message_th) for n in grid.notes}
    assert notes[(3, 2)][0] is False and "ใช้ค่าที่คำนวณไว้" in notes[(3, 2)][1]
    assert notes[(4, 2)][0] is True and "#DIV/0!" in notes[(4, 2)][1]


def test_formula_without_saved_value(tmp_path):
    path = tmp_path / "calc.xlsx"
    book = openpyxl.Workbook()  # openpyxl saves formulas without computing them
    book.active.append(["ข้อสั่งการ", "วันที่สั่งการ", "ร้อยละ"])
    book.active.append(["ให้จัดทำแผน", "22/10/2562", "=30*2"])
    book.save(path)
    grid = read_grid(path, looks_like_header)
    (note,) = grid.notes
    assert (note.row, note.column, note.is_error) == (2, 2, True) and "ไม่มีค่าที่คำนวณไว้" in note.message_th


def test_blank_rows_are_skipped_and_counted(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("ข้อสั่งการ,วันที่สั่งการ\n,\n ก ,1/1/2563\n\n,  \nข,2/1/2563\n\n\n", encoding="utf-8")
    grid = read_grid(path, looks_like_header)
    assert [n for n, _ in grid.rows] == [1, 3, 6] and grid.blank_rows == [2, 4, 5]


def test_read_only_folder_for_output_is_refused_before_writing(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions (covered by the CLI test that drops privileges)")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    with pytest.raises(OutputFileError, match="ไม่มีสิทธิ์เขียน"):
        write_table(folder / "t.xlsx", HEADERS, ROWS)


@pytest.mark.parametrize(
    ("content", "cells"),
    [
        ("เลขที่;ข้อสั่งการ\n\"ขส. 001/2563\";\"ให้ ศอ.บต., กรม และจังหวัด\"\n", ["ขส. 001/2563", "ให้ ศอ.บต., กรม และจังหวัด"]),
        ("\"เลขที่, ปี\";ข้อสั่งการ\n\"001, 2563\";ติดตาม\n", ["001, 2563", "ติดตาม"]),  # a comma in each header
        ("เลขที่\tข้อสั่งการ\nขส. 001/2563\tให้ติดตาม; รายงาน\n", ["ขส. 001/2563", "ให้ติดตาม; รายงาน"]),
        ("เลขที่,ข้อสั่งการ\nขส. 001/2563,\"ติดตาม; รายงาน; สรุป\"\n", ["ขส. 001/2563", "ติดตาม; รายงาน; สรุป"]),
    ],
)
def test_csv_separator_is_sniffed_past_quoted_text(tmp_path, content, cells):
    """A separator inside quoted Thai text (counted on the header line it would have won) does not decide."""
    path = tmp_path / "office.csv"
    path.write_text(content, encoding="utf-8")
    grid = read_grid(path, looks_like_header)
    assert list(grid.rows[1][1][: len(cells)]) == cells
