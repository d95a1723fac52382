"""Buddhist-Era dates, Thai date/time text and the government fiscal year.

Official documents show only BE years (Gregorian + 543) with Thai month names
(docs/CONVENTIONS.md §6.1). The OS locale is never used: th_TH behaves differently on every
platform and Qt has no Buddhist calendar, so the conversion is done here by hand.
Dates are stored as ISO Gregorian; everything here is for display and input.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from .digits import apply_digits, to_arabic_digits

BE_OFFSET = 543

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTH_ABBR: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# For the English interface: the year stays Buddhist Era, marked "BE" so it is not read as CE.
ENGLISH_MONTH_ABBR: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
# In date.weekday() order: Monday first.
THAI_WEEKDAYS: tuple[str, ...] = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

# A four-digit year from here on is read as BE. 2400 BE = 1857 CE, so every year a
# clerk can mean is unambiguous; a two-digit year is BE 25xx (1957-2056 CE).
_BE_YEAR_THRESHOLD = 2400
_TWO_DIGIT_BE_CENTURY = 2500

# First month of each fiscal quarter, Q1 = ต.ค.-ธ.ค.
_QUARTER_FIRST_MONTH = (10, 1, 4, 7)


class DateTextError(ValueError):
    """A date that cannot be read; `kind` says why ("missing", "unreadable", "invalid",
    "weekday") so a user interface can word the message in its own language."""

    def __init__(self, kind: str, shown: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.shown = kind, shown


def be_year(d: date) -> int:
    """The Buddhist-Era year of `d` (the only year official documents show)."""
    return d.year + BE_OFFSET


def long_date(d: date, *, weekday: bool = True, thai_digits: bool = True) -> str:
    """Running-text date: "วันอังคารที่ ๒๒ ตุลาคม ๒๕๖๒", or "๒๒ ตุลาคม ๒๕๖๒" without the weekday."""
    text = f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year(d)}"
    if weekday:
        text = f"วัน{THAI_WEEKDAYS[d.weekday()]}ที่ {text}"
    return apply_digits(text, thai_digits)


def short_date(d: date, *, thai_digits: bool = True) -> str:
    """Compact table date with a two-digit BE year: "๒๒ ต.ค. ๖๒"."""
    return apply_digits(f"{d.day} {THAI_MONTH_ABBR[d.month - 1]} {be_year(d) % 100:02d}", thai_digits)


def medium_date(d: date, *, thai_digits: bool = True) -> str:
    """Table and list date with the full BE year, so it is never ambiguous: "๒๒ ต.ค. ๒๕๖๒"."""
    return apply_digits(f"{d.day} {THAI_MONTH_ABBR[d.month - 1]} {be_year(d)}", thai_digits)


def english_medium_date(d: date) -> str:
    """The English interface's table date, still in the Buddhist Era: "22 Oct 2562 BE"."""
    return f"{d.day} {ENGLISH_MONTH_ABBR[d.month - 1]} {be_year(d)} BE"


def time_text(t: time, *, thai_digits: bool = True) -> str:
    """Official 24-hour time with a dot and "น.": "๐๙.๓๐ น." (seconds are never shown)."""
    return apply_digits(f"{t.hour:02d}.{t.minute:02d} น.", thai_digits)


def duration_text(minutes: int, *, thai_digits: bool = True) -> str:
    """A planned length as said aloud: "๒ ชั่วโมง ๑๕ นาที", "๔๕ นาที", "๑ ชั่วโมง"."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = ([f"{hours} ชั่วโมง"] if hours else []) + ([f"{rest} นาที"] if rest or not hours else [])
    return apply_digits(" ".join(parts), thai_digits)


def fiscal_year(d: date) -> int:
    """BE year the fiscal year containing `d` ends in (FY runs 1 Oct - 30 Sep)."""
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_quarter(d: date) -> int:
    """Fiscal quarter 1..4 of `d`; Q1 is October-December."""
    return (d.month - 10) % 12 // 3 + 1


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year `fy_be`: 2563 -> (2019-10-01, 2020-09-30)."""
    return fiscal_quarter_bounds(fy_be, 1)[0], fiscal_quarter_bounds(fy_be, 4)[1]


def fiscal_quarter_bounds(fy_be: int, quarter: int) -> tuple[date, date]:
    """First and last day of `quarter` (1..4) of fiscal year `fy_be`, both inclusive."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"fiscal quarter must be 1..4, got {quarter!r}")
    first_month = _QUARTER_FIRST_MONTH[quarter - 1]
    year = fy_be - BE_OFFSET - (1 if quarter == 1 else 0)
    start = date(year, first_month, 1)
    next_start = date(year + 1, 1, 1) if quarter == 1 else date(year, first_month + 3, 1)
    return start, next_start - timedelta(days=1)


# ---------------------------------------------------------------------------
# Parsing what clerks type

_WEEKDAY_ALIASES = {name: index for index, name in enumerate(THAI_WEEKDAYS)} | {"พฤหัส": 3}
_PREFIX = r"(?:เมื่อ ?)?(?:วัน(?P<weekday>{names})? ?)?(?:ที่ ?)?".format(
    names="|".join(sorted(_WEEKDAY_ALIASES, key=len, reverse=True))
)
_YEAR = r"(?P<year>[0-9]{2}|[0-9]{4})"
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_NUMERIC = re.compile(_PREFIX + r"(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)" + _YEAR)
_NAMED = re.compile(_PREFIX + r"(?P<day>[0-9]{1,2}) ?(?P<month>[\u0e01-\u0e4e.]+?) ?(?:พ\. ?ศ\. ?)?" + _YEAR)
# Month names and abbreviations, looked up without dots so "ต.ค.", "ต.ค" and "ตค" all match.
_MONTH_NUMBERS = {
    name.replace(".", ""): number
    for number, names in enumerate(zip(THAI_MONTHS, THAI_MONTH_ABBR, strict=True), start=1)
    for name in names
}
_TIME = re.compile(r"(?:เวลา ?)?(?P<hour>[0-9]{1,2})[.:](?P<minute>[0-9]{2}) ?(?:น\.?)?")


def parse_thai_date(text: str) -> date:
    """Read a date typed or pasted by a clerk; raise ValueError with a Thai message.

    Accepts ISO ("2019-10-22"), day/month/year with / . or - ("22/10/2562"), and a
    Thai month name or abbreviation ("22 ต.ค. 62", "22 ตุลาคม พ.ศ. 2562"), in Arabic
    or Thai digits, optionally after "เมื่อ", "วันที่" or "วันอังคารที่". A four-digit
    year of 2400 or more is BE, a smaller one Gregorian; a two-digit year is BE 25xx.
    A weekday that does not match the date is rejected: it signals a typo.
    """
    shown = " ".join(text.split())
    if not shown:
        raise DateTextError("missing", shown, "ไม่ได้ระบุวันที่")
    cleaned = to_arabic_digits(shown)
    match = _ISO.fullmatch(cleaned) or _NUMERIC.fullmatch(cleaned) or _NAMED.fullmatch(cleaned)
    month = _month_number(match["month"]) if match else None
    if match is None or month is None:
        raise DateTextError("unreadable", shown, f"อ่านวันที่ไม่ได้: {shown} (ตัวอย่าง: 22/10/2562 หรือ 22 ต.ค. 2562)")
    year = _gregorian_year(match["year"])
    try:
        result = date(year, month, int(match["day"]))
    except ValueError as exc:
        raise DateTextError("invalid", shown, f"วันที่ไม่ถูกต้อง: {shown}{_days_in(year, month)}") from exc
    _check_weekday(match.groupdict().get("weekday"), result, shown)
    return result


def parse_thai_time(text: str) -> time:
    """Read a time such as "09.30", "9:30" or "๐๙.๓๐ น."; raise ValueError with a Thai message."""
    shown = " ".join(text.split())
    if not shown:
        raise ValueError("ไม่ได้ระบุเวลา")
    match = _TIME.fullmatch(to_arabic_digits(shown))
    if match is None:
        raise ValueError(f"อ่านเวลาไม่ได้: {shown} (ตัวอย่าง: 09.30)")
    try:
        return time(int(match["hour"]), int(match["minute"]))
    except ValueError as exc:
        raise ValueError(f"เวลาไม่ถูกต้อง: {shown} (ชั่วโมง 0-23 นาที 0-59)") from exc


def _days_in(year: int, month: int) -> str:
    """What makes a day of a known month wrong, said the way a clerk checks it on a calendar."""
    if not (1 <= year <= 9999 and 1 <= month <= 12):  # a month 13 is wrong on its own
        return ""
    days = calendar.monthrange(year, month)[1]
    return f" ({THAI_MONTHS[month - 1]} {year + BE_OFFSET} มี {days} วัน)"


def _month_number(token: str) -> int | None:
    """Month 1..12 from digits or a Thai name/abbreviation; None if it is neither."""
    if token.isdigit():
        return int(token)
    return _MONTH_NUMBERS.get(token.replace(".", ""))


def _gregorian_year(digits: str) -> int:
    """Turn a typed year into a Gregorian one (see parse_thai_date for the rules)."""
    year = int(digits)
    if len(digits) == 2:
        return _TWO_DIGIT_BE_CENTURY + year - BE_OFFSET
    return year - BE_OFFSET if year >= _BE_YEAR_THRESHOLD else year


def _check_weekday(typed: str | None, result: date, shown: str) -> None:
    """Reject "วันจันทร์ที่ 22 ตุลาคม 2562": 22 Oct 2562 was a Tuesday, so something is mistyped."""
    if typed and _WEEKDAY_ALIASES[typed] != result.weekday():
        actual = THAI_WEEKDAYS[result.weekday()]
        raise DateTextError("weekday", shown, f"วันในสัปดาห์ไม่ตรงกับวันที่: {shown} (วันนั้นเป็นวัน{actual})")
