"""The importer's fast xlsx reader gives exactly what the openpyxl path gives, and hands
sheets it does not know to openpyxl."""

from datetime import date, datetime, time

import openpyxl
import pytest
import xlsxwriter

from sbpac_desktop.services.spreadsheets import read as spreadsheet_read
from sbpac_desktop.services.spreadsheets.fields import looks_like_header
from sbpac_desktop.services.spreadsheets.read import read_grid


def _both(path, monkeypatch):
    fast = read_grid(path, looks_like_header)

    def refuse(*_args):
        raise spreadsheet_read.NotPlain("test")

    monkeypatch.setattr(spreadsheet_read, "sheet_values", refuse)
    slow = read_grid(path, looks_like_header)
    return fast, slow


def test_xlsxwriter_book_with_every_kind_of_cell(tmp_path, monkeypatch):
    path = tmp_path / "kinds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("ข้อสั่งการ")
    percent, day, clock = book.add_format({"num_format": "0%"}), book.add_format({"num_format": "dd/mm/yyyy"}), None
    clock = book.add_format({"num_format": "hh:mm"})
    sheet.write_row(0, 0, ["เลขที่", "ข้อสั่งการ", "ร้อยละ", "วันที่สั่งการ", "เวลา", "ผล"])
    sheet.write_string(1, 0, "ขส. 001/2563")
    sheet.write_string(1, 1, "บรรทัดแรก\r\nบรรทัด & <สอง> _x0041_")
    sheet.write_number(1, 2, 0.6, percent)
    sheet.write_datetime(1, 3, datetime(2019, 10, 22), day)
    sheet.write_datetime(1, 4, time(9, 30), clock)
    sheet.write_boolean(1, 5, True)
    sheet.write_formula(3, 0, "=1+1", None, 2)  # row 3 left blank on purpose
    sheet.write_number(3, 4, 12.5)
    sheet.merge_range(4, 0, 4, 2, "รวม")
    book.close()
    fast, slow = _both(path, monkeypatch)
    assert fast.rows == slow.rows and fast.notes == slow.notes and fast.blank_rows == slow.blank_rows
    assert fast.merged == slow.merged and fast.rows[1][1][2] == "60%" and fast.rows[1][1][3] == date(2019, 10, 22)


def test_openpyxl_book_with_shared_strings(tmp_path, monkeypatch):
    path = tmp_path / "shared.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["เลขที่", "ข้อสั่งการ", "กำหนดแล้วเสร็จ"])
    sheet.append(["ขส. 001/2563", "ให้เร่งรัด", date(2020, 1, 31)])
    sheet.append([None, None, None])
    sheet.append(["ขส. 002/2563", " ข้อความมีช่องว่าง ", 45])
    book.save(path)
    fast, slow = _both(path, monkeypatch)
    assert fast.rows == slow.rows and len(fast.rows) == 3


def test_strict_ooxml_goes_to_openpyxl(tmp_path):
    """Strict OOXML uses another namespace: the fast reader refuses it (the caller falls back)."""
    import zipfile

    from sbpac_desktop.services.spreadsheets.xlsx_scan import NotPlain, sheet_values

    path, strict = tmp_path / "plain.xlsx", tmp_path / "strict.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["เลขที่", "ข้อสั่งการ"])
    book.save(path)
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == member:
                data = data.replace(
                    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    b"http://purl.oclc.org/ooxml/spreadsheetml/main",
                )
            target.writestr(name, data)
    opened = openpyxl.load_workbook(path, read_only=True)
    with zipfile.ZipFile(path) as archive:
        assert list(sheet_values(archive, member, opened.epoch, [])) == [("เลขที่", "ข้อสั่งการ")]
    with zipfile.ZipFile(strict) as archive, pytest.raises(NotPlain):
        list(sheet_values(archive, member, opened.epoch, []))
    opened.close()


TRICKY_TEXTS = [
    "a & b < c > d",
    "ctl\x01\x1f",
    "_x0041_ stays",
    " lead",
    "trail ",
    "บรรทัด\nใหม่",
    "\ufffe",
    "x" * 40_000,
]


def test_spliced_rows_read_back_as_written(tmp_path):
    """Rows between the header and the last row are written as XML by reporting.xlsx_rows:
    every kind of value must read back exactly as xlsxwriter's own cells do."""
    from sbpac_desktop.reporting.spreadsheets import write_table

    rows = [(t, i, date(1900, 1, 15 + i % 3) if i % 2 else date(2019, 10, 22), None, 2.5, True) for i, t in
            enumerate(TRICKY_TEXTS)]  # fmt: skip
    rows.append(rows[0])  # the last row comes from xlsxwriter itself
    path = write_table(tmp_path / "t.xlsx", ["ข้อความ", "n", "วันที่", "ว่าง", "x", "b"], rows).path
    back = list(openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True))
    reference = tmp_path / "reference.xlsx"  # the same rows through xlsxwriter's cell API (inline text too)
    book = xlsxwriter.Workbook(str(reference), {"strings_to_formulas": False, "constant_memory": True})
    sheet, day = book.add_worksheet(), book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    assert back == list(openpyxl.load_workbook(reference).active.iter_rows(min_row=2, values_only=True))
    assert back[0][0] == "a & b < c > d" and back[1][2] == datetime(1900, 1, 16)
    texts = [values[0] for _n, values in read_grid(path, lambda _v: False).rows[1:]]
    assert texts == [t[:32_767].strip() for t, *_rest in rows] or texts == [t[:32_767] for t, *_rest in rows]


def test_text_like_rich_text_xml_stays_text(tmp_path):
    """xlsxwriter takes a shared string '<r>…</r>' for rich-text XML: the spliced rows write such
    a text inline, so it reads back as typed (xlsxwriter's own last row would lose it)."""
    from sbpac_desktop.reporting.spreadsheets import write_table

    rows = [("<r>looks like rich text</r>", 1), ("<r><t>x</t></r>", 2), ("plain", 3)]
    path = write_table(tmp_path / "rich.xlsx", ["ข้อความ", "n"], rows).path
    back = list(openpyxl.load_workbook(path).active.iter_rows(min_row=2, max_row=3, values_only=True))
    assert back == rows[:2]


def test_spliced_rows_take_their_columns_style_and_dates_read_as_dates(tmp_path):
    """The rows between the header and xlsxwriter's own last row are spliced in as XML: each cell
    in its column's style (a wide text column wraps and aligns top, as the last row does), dates
    in the date format, whether or not the last row holds a date. Only xlsxwriter's public API
    gives those styles (the sheet it wrote names them)."""
    from datetime import date

    from sbpac_desktop.reporting.spreadsheets import write_table

    long_text = "ให้ทุกหน่วยจัดทำข้อมูลพื้นฐานระดับตำบลเพื่อใช้วางแผนพัฒนาพื้นที่ " * 4
    for last in ((long_text, date(2020, 1, 3), 3), (long_text, None, 3)):
        rows = [(long_text, date(2020, 1, 1), 1), (long_text, date(2020, 1, 2), 2), last]
        path = write_table(tmp_path / "styled.xlsx", ["ข้อสั่งการ", "กำหนด", "ลำดับ"], rows).path
        sheet = openpyxl.load_workbook(path).active
        middle, final = sheet.cell(row=2, column=1), sheet.cell(row=4, column=1)
        assert middle.alignment.wrap_text and middle.alignment.vertical == "top"
        assert (final.alignment.wrap_text, final.alignment.vertical) == (True, "top")
        assert sheet.cell(row=3, column=2).value.date() == date(2020, 1, 2)
        assert sheet.cell(row=3, column=2).number_format == "yyyy-mm-dd"
        assert sheet.cell(row=3, column=3).value == 2 and sheet.cell(row=3, column=3).number_format == "General"
        assert sheet.max_row == 4 and sheet.max_column == 3
