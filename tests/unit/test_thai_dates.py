"""Buddhist-Era dates, Thai date text and fiscal years (docs/CONVENTIONS.md §6.1 and §7)."""

import itertools
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sbpac_desktop.thai import (
    THAI_MONTH_ABBR,
    THAI_MONTHS,
    THAI_WEEKDAYS,
    be_year,
    fiscal_quarter,
    fiscal_quarter_bounds,
    fiscal_year,
    fiscal_year_bounds,
    long_date,
    medium_date,
    parse_thai_date,
    parse_thai_time,
    short_date,
    time_text,
)

MEETING_DAY = date(2019, 10, 22)  # ครั้งที่ ๑๐/๒๕๖๒, a Tuesday (docs/CONVENTIONS.md §7)
REALISTIC_DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


def _is_thai(message: str) -> bool:
    return any("\u0e01" <= char <= "\u0e5b" for char in message)


def test_tables_of_names():
    assert len(THAI_MONTHS) == len(THAI_MONTH_ABBR) == 12
    assert (THAI_MONTHS[9], THAI_MONTH_ABBR[9]) == ("ตุลาคม", "ต.ค.")
    assert THAI_WEEKDAYS[MEETING_DAY.weekday()] == "อังคาร"
    assert THAI_WEEKDAYS[0] == "จันทร์" and THAI_WEEKDAYS[6] == "อาทิตย์"


def test_meeting_day_in_every_format():
    assert be_year(MEETING_DAY) == 2562
    assert long_date(MEETING_DAY) == "วันอังคารที่ ๒๒ ตุลาคม ๒๕๖๒"
    assert long_date(MEETING_DAY, weekday=False) == "๒๒ ตุลาคม ๒๕๖๒"
    assert long_date(MEETING_DAY, thai_digits=False) == "วันอังคารที่ 22 ตุลาคม 2562"
    assert short_date(MEETING_DAY) == "๒๒ ต.ค. ๖๒"
    assert medium_date(MEETING_DAY) == "๒๒ ต.ค. ๒๕๖๒"
    assert medium_date(MEETING_DAY, thai_digits=False) == "22 ต.ค. 2562"


def test_previous_meeting_date():
    assert long_date(date(2019, 9, 24)) == "วันอังคารที่ ๒๔ กันยายน ๒๕๖๒"


def test_leap_day():
    assert long_date(date(2020, 2, 29), weekday=False) == "๒๙ กุมภาพันธ์ ๒๕๖๓"
    assert long_date(date(2020, 2, 29)) == "วันเสาร์ที่ ๒๙ กุมภาพันธ์ ๒๕๖๓"


def test_short_date_pads_the_two_digit_year():
    assert short_date(date(1957, 1, 5), thai_digits=False) == "5 ม.ค. 00"
    assert short_date(date(1966, 3, 31), thai_digits=False) == "31 มี.ค. 09"


def test_time_text():
    assert time_text(time(9, 30)) == "๐๙.๓๐ น."
    assert time_text(time(13, 30, 59), thai_digits=False) == "13.30 น."
    assert time_text(time(0, 5), thai_digits=False) == "00.05 น."


@pytest.mark.parametrize(
    ("day", "fy", "quarter"),
    [
        (date(2019, 10, 22), 2563, 1),
        (date(2019, 12, 31), 2563, 1),
        (date(2019, 10, 1), 2563, 1),
        (date(2019, 9, 30), 2562, 4),
        (date(2020, 1, 1), 2563, 2),
        (date(2020, 2, 29), 2563, 2),
        (date(2020, 3, 31), 2563, 2),
        (date(2020, 4, 1), 2563, 3),
        (date(2020, 6, 30), 2563, 3),
        (date(2020, 7, 1), 2563, 4),
        (date(2020, 9, 30), 2563, 4),
        (date(2020, 10, 1), 2564, 1),
    ],
)
def test_fiscal_year_and_quarter(day, fy, quarter):
    assert (fiscal_year(day), fiscal_quarter(day)) == (fy, quarter)


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2563) == (date(2019, 10, 1), date(2020, 9, 30))


def test_fiscal_quarter_bounds_of_fy2563():
    assert [fiscal_quarter_bounds(2563, q) for q in (1, 2, 3, 4)] == [
        (date(2019, 10, 1), date(2019, 12, 31)),
        (date(2020, 1, 1), date(2020, 3, 31)),
        (date(2020, 4, 1), date(2020, 6, 30)),
        (date(2020, 7, 1), date(2020, 9, 30)),
    ]


def test_reporting_window_from_the_kpi_system():
    """docs/CONVENTIONS.md §4.4: "ห้วงการรายงาน ไตรมาสที่ 2 (1 ม.ค. 66 – 31 มี.ค. 66)"."""
    start, end = fiscal_quarter_bounds(2566, 2)
    assert f"{short_date(start, thai_digits=False)} – {short_date(end, thai_digits=False)}" == (
        "1 ม.ค. 66 – 31 มี.ค. 66"
    )


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_outside_one_to_four_is_rejected(quarter):
    with pytest.raises(ValueError):
        fiscal_quarter_bounds(2563, quarter)


@given(REALISTIC_DATES)
def test_fiscal_year_contains_the_day(day):
    fy = fiscal_year(day)
    assert fy in {be_year(day), be_year(day) + 1}
    start, end = fiscal_year_bounds(fy)
    assert start <= day <= end
    assert (start.month, start.day, end.month, end.day) == (10, 1, 9, 30)


@given(REALISTIC_DATES)
def test_fiscal_quarter_contains_the_day(day):
    start, end = fiscal_quarter_bounds(fiscal_year(day), fiscal_quarter(day))
    assert start <= day <= end


@given(st.integers(min_value=2450, max_value=2700))
def test_quarters_tile_the_fiscal_year(fy):
    quarters = [fiscal_quarter_bounds(fy, q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == fiscal_year_bounds(fy)[0] and quarters[3][1] == fiscal_year_bounds(fy)[1]
    for (_, end), (next_start, _) in itertools.pairwise(quarters):
        assert (next_start - end).days == 1


@pytest.mark.parametrize(
    "text",
    [
        "2019-10-22",
        "22/10/2562",
        "22/10/2019",
        "22-10-2562",
        "22.10.2562",
        "๒๒/๑๐/๒๕๖๒",
        "22 ต.ค. 2562",
        "22 ต.ค. 62",
        "๒๒ ต.ค. ๖๒",
        "22ต.ค.62",
        "22 ตค 2562",
        "22 ตุลาคม 2562",
        "22 ตุลาคม พ.ศ. 2562",
        "วันอังคารที่ 22 ตุลาคม 2562",
        "วันอังคารที่ ๒๒ ตุลาคม ๒๕๖๒",
        "เมื่อวันอังคารที่ ๒๒ ตุลาคม ๒๕๖๒",
        "วันที่ 22 ต.ค. 2562",
        "  22/10/2562\n",
    ],
)
def test_parse_accepted_forms(text):
    assert parse_thai_date(text) == MEETING_DAY


def test_parse_leap_day_in_be():
    assert parse_thai_date("29/02/2563") == date(2020, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "31/02/2563",
        "32/1/2562",
        "29/02/2562",  # 2562 = 2019, not a leap year
        "22/13/2562",
        "22/10/562",
        "22/10-2562",
        "22 ตุลาคม",
        "22 ตุลาคม 2562 เวลา 09.30 น.",
        "22 Oct 2562",
        "วันจันทร์ที่ 22 ตุลาคม 2562",  # 22 Oct 2562 was a Tuesday
    ],
)
def test_parse_rejects_with_a_thai_message(text):
    with pytest.raises(ValueError) as error:
        parse_thai_date(text)
    assert _is_thai(str(error.value))


def test_impossible_date_message_quotes_the_input():
    with pytest.raises(ValueError, match=r"^วันที่ไม่ถูกต้อง: 31/02/2563 \(กุมภาพันธ์ 2563 มี 29 วัน\)$"):
        parse_thai_date("31/02/2563")


@given(REALISTIC_DATES, st.booleans(), st.booleans())
def test_parse_round_trips_long_date(day, weekday, thai_digits):
    assert parse_thai_date(long_date(day, weekday=weekday, thai_digits=thai_digits)) == day


@given(REALISTIC_DATES, st.booleans())
def test_parse_round_trips_medium_date(day, thai_digits):
    assert parse_thai_date(medium_date(day, thai_digits=thai_digits)) == day


@given(REALISTIC_DATES)
def test_parse_round_trips_numeric_be(day):
    assert parse_thai_date(f"{day.day}/{day.month}/{be_year(day)}") == day
    assert parse_thai_date(f"{day.day:02d}/{day.month:02d}/{be_year(day)}") == day


@given(st.dates(max_value=date(2399, 12, 31)))
def test_parse_round_trips_iso(day):
    assert parse_thai_date(day.isoformat()) == day


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))
def test_parse_round_trips_short_date_within_its_century(day):
    """A two-digit year is read as BE 25xx, so short dates round-trip for 1957-2056 only."""
    assert parse_thai_date(short_date(day)) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("๐๙.๓๐ น.", time(9, 30)),
        ("เวลา 13.30 น.", time(13, 30)),
    ],
)
def test_parse_time(text, expected):
    assert parse_thai_time(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "25.00", "9.3", "09.60", "0930", "09.30 pm"])
def test_parse_time_rejects_with_a_thai_message(text):
    with pytest.raises(ValueError) as error:
        parse_thai_time(text)
    assert _is_thai(str(error.value))


@given(st.times(), st.booleans())
def test_parse_time_round_trips_time_text(moment, thai_digits):
    assert parse_thai_time(time_text(moment, thai_digits=thai_digits)) == moment.replace(
        second=0, microsecond=0
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("29/02/2562", "วันที่ไม่ถูกต้อง: 29/02/2562 (กุมภาพันธ์ 2562 มี 28 วัน)"),  # not a leap year (2019)
        ("31 เม.ย. 2563", "วันที่ไม่ถูกต้อง: 31 เม.ย. 2563 (เมษายน 2563 มี 30 วัน)"),
        ("30/02/2020", "วันที่ไม่ถูกต้อง: 30/02/2020 (กุมภาพันธ์ 2563 มี 29 วัน)"),  # a Gregorian year is told in BE
    ],
)
def test_a_day_past_the_month_says_how_many_days_it_has(typed, message):
    with pytest.raises(ValueError) as raised:
        parse_thai_date(typed)
    assert str(raised.value) == message


def test_an_impossible_time_says_the_ranges():
    with pytest.raises(ValueError, match=r"^เวลาไม่ถูกต้อง: 25\.99 \(ชั่วโมง 0-23 นาที 0-59\)$"):
        parse_thai_time("25.99")
