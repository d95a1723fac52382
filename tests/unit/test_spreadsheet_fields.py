"""Header names and cell values as offices type them (no database)."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sbpac_desktop.domain.enums import DirectiveState, Priority
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.reporting.spreadsheets import FORMULA_TRIGGERS as WRITER_TRIGGERS
from sbpac_desktop.reporting.spreadsheets import neutralize
from sbpac_desktop.services.spreadsheets.fields import (
    FORMULA_TRIGGERS,
    CellError,
    date_value,
    header_field,
    looks_like_header,
    map_headers,
    names_value,
    number_value,
    percent_value,
    priority_value,
    state_value,
    text_value,
    unescape,
)
from sbpac_desktop.services.spreadsheets.row_plan import column_letter
from sbpac_desktop.thai import medium_date, short_date, to_thai_digits


@pytest.mark.parametrize(
    ("header", "field", "iso"),
    [
        ("ข้อสั่งการ", "text", False),
        ("  Directive ", "text", False),
        ("TEXT", "text", False),
        ("เลขที่", "number", False),
        ("Number", "number", False),
        ("ผู้รับผิดชอบ หลัก", "lead", False),
        ("lead", "lead", False),
        ("กำหนดแล้วเสร็จ", "due", False),
        ("Due Date", "due", False),
        ("วันที่สั่งการ (ISO)", "issued", True),
        ("issued (iso)", "issued", True),
        ("ร้อยละ *", "percent", False),
        ("Percent", "percent", False),
        ("ผลการดำเนินการล่าสุด", "result", False),
        ("result", "result", False),
        ("หน่วยงานสนับสนุน", "support", False),
        ("ข้อสั่งการ (ISO)", None, False),  # only dates have an ISO twin
        ("รหัสลับ", None, False),
    ],
)
def test_headers_by_name_thai_or_english(header, field, iso):
    assert header_field(header) == (field, iso)


def test_header_map_reports_unknown_and_duplicate_columns():
    mapping = map_headers(3, ["ลำดับ", "ข้อสั่งการ", "Directive", "วันที่สั่งการ", "วันที่สั่งการ (ISO)", "สี", None])
    assert mapping.columns == {"text": 1, "issued": 3}
    assert mapping.iso_columns == {"issued": 4}
    assert mapping.duplicates == [("text", 1, 2)]
    assert mapping.unknown == [5]  # "ลำดับ" is a known running number, read past silently
    assert looks_like_header(["ข้อสั่งการ", "วันที่สั่งการ"]) and not looks_like_header(["ข้อสั่งการ", "สี"])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ขส. 005/2563", (5, 2563)),
        ("ขส.005/2563", (5, 2563)),
        ("๐๐๕/๒๕๖๓", (5, 2563)),
        ("005/63", (5, 2563)),
        ("12", (12, None)),
        (12, (12, None)),
        (12.0, (12, None)),
        ("", None),
        (None, None),
    ],
)
def test_directive_numbers(cell, expected):
    assert number_value(cell) == expected


@pytest.mark.parametrize("cell", ["ขส. 5/2020", "ข้อ ก", "5/2563/1", "12.5", 10**7, -3])
def test_unreadable_numbers(cell):
    with pytest.raises(CellError):
        number_value(cell)


@given(st.integers(1, 999), st.integers(2400, 2700), st.booleans())
def test_printed_numbers_read_back(seq, year, thai):
    assert number_value(directive_number_text(seq, year, thai_digits=thai)) == (seq, year)


@given(st.dates(date(1960, 1, 1), date(2150, 12, 31)), st.booleans())
def test_dates_read_back_in_every_printed_form(day, thai):
    for text in (medium_date(day, thai_digits=thai), day.isoformat(), f"{day.day}/{day.month}/{day.year + 543}"):
        assert date_value(text) == day
    assert date_value(to_thai_digits(f"{day.day}/{day.month}/{day.year + 543}")) == day
    assert date_value(datetime(day.year, day.month, day.day)) == day


def test_two_digit_years_and_excel_dates():
    assert date_value(short_date(date(2019, 10, 22))) == date(2019, 10, 22)
    assert date_value(date(2562, 10, 22)) == date(2019, 10, 22)  # BE typed into a Gregorian date cell
    assert date_value("  ") is None


@pytest.mark.parametrize(("cell", "fragment"), [("31/02/2563", "วันที่ไม่ถูกต้อง"), ("พรุ่งนี้", "อ่านวันที่ไม่ได้")])
def test_impossible_dates_are_reported(cell, fragment):
    with pytest.raises(CellError, match=fragment):
        date_value(cell)


def test_a_number_is_not_a_date():
    with pytest.raises(CellError, match="ไม่ใช่วันที่"):
        date_value(43760)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("60", 60), ("60%", 60), ("๖๐", 60), ("ร้อยละ 60", 60), (60, 60), (60.0, 60), ("120", 120), ("", None)],
)
def test_percent(cell, expected):
    assert percent_value(cell) == expected


@pytest.mark.parametrize("cell", ["60.5", 60.5, "หกสิบ", True])
def test_bad_percent(cell):
    with pytest.raises(CellError, match="ร้อยละต้องเป็นจำนวนเต็ม"):
        percent_value(cell)


@given(st.integers(-1000, 1000), st.booleans())
def test_any_typed_integer_percent_reads_back(value, thai):
    text = str(value)
    assert percent_value(to_thai_digits(text) if thai else text) == value


@given(st.text())
def test_neutralised_text_never_starts_a_formula_and_reads_back(text):
    safe = neutralize(text)
    assert not safe or safe[0] not in WRITER_TRIGGERS
    assert unescape(safe) == text
    assert WRITER_TRIGGERS == FORMULA_TRIGGERS


@pytest.mark.parametrize("text", ["=1+1", "+66 81", "-5 หน่วย", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"])
def test_every_trigger_gets_an_apostrophe(text):
    assert neutralize(text) == "'" + text


def test_choices_and_lists():
    assert priority_value("ด่วนมาก") is Priority.VERY_URGENT and priority_value(" URGENT ") is Priority.URGENT
    assert priority_value(None) is Priority.NORMAL
    with pytest.raises(CellError, match="ไม่รู้จักความเร่งด่วน"):
        priority_value("ด่วนจี๋")
    assert state_value("ยกเลิก") is DirectiveState.CANCELLED
    assert state_value("ดำเนินการแล้วเสร็จ") is DirectiveState.CLOSED
    assert state_value("เกินกำหนด (ล่าช้า 46 วัน)") is DirectiveState.OPEN
    assert names_value("กปพ.; ผช.ลธ.(สถ.)\nบก.") == ["กปพ.", "ผช.ลธ.(สถ.)", "บก."]
    assert text_value("  ") is None and text_value(5.0) == "5" and text_value("'=x") == "=x"


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 701, 702)] == ["A", "Z", "AA", "AZ", "ZZ", "AAA"]
