"""Argument types shared by command modules: Thai messages for wrong values."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from sbpac_desktop.domain.numbering import DIRECTIVE_PREFIX
from sbpac_desktop.domain.status import STATUS_KEYS, Progress
from sbpac_desktop.thai import parse_thai_date, to_arabic_digits

_THAI_STATUS = {
    Progress.NOT_STARTED.label: "not_started",
    Progress.IN_PROGRESS.label: "in_progress",
    Progress.DONE.label: "done",
    Progress.CANCELLED.label: "cancelled",
    "ใกล้ครบกำหนด": "due_soon",
    "เกินกำหนด": "overdue",
    "ล่าช้า": "overdue",
    "ติดขัด": "blocked",
}


# MAX_ID (below, with id_arg): a larger "id" names no row, and a much larger one overflowed the
# database driver (OverflowError) before these types existed.
MAX_RUNNING_NUMBER = 99_999  # meeting "ครั้งที่" and directive running numbers within a year
BE_YEARS = (2400, 2700)


def _plain_digits(text: str) -> str | None:
    """'๑๒' or ' 12 ' -> '12'; anything that is not only ASCII/Thai digits -> None.
    (str.isdigit alone lets '²' and other scripts' digits through to int().)"""
    digits = to_arabic_digits(text.strip())
    if not digits or len(digits) > 12 or not (digits.isascii() and digits.isdigit()):
        return None
    return digits


def whole_number(low: int, high: int, what_th: str, example: str) -> Callable[[str], int]:
    """An argparse type for a whole number in [low, high] with a Thai message otherwise."""

    def parse(text: str) -> int:
        digits = _plain_digits(text)
        if digits is None or not low <= int(digits) <= high:
            raise argparse.ArgumentTypeError(
                f"{what_th}ต้องเป็นเลขจำนวนเต็ม {low:,}–{high:,} เช่น {example} (ได้รับ '{text[:40]}')"
            )
        return int(digits)

    parse.__name__ = f"{what_th}_arg"  # argparse names the type in its fallback message
    return parse


def _number_slash_year(text: str) -> bool:
    left, sep, right = to_arabic_digits(text.strip()).partition("/")
    number, year = _plain_digits(left), _plain_digits(right)
    if not sep or number is None or year is None:
        return False
    return 1 <= int(number) <= MAX_RUNNING_NUMBER and BE_YEARS[0] <= int(year) <= BE_YEARS[1]


def _reference(text: str, what_th: str, example: str) -> str:
    """Shared check of 'an id or a number/BE-year': the text is passed on unchanged."""
    digits = _plain_digits(text)
    if digits is not None and 1 <= int(digits) <= MAX_ID:
        return text
    if digits is None and _number_slash_year(text):
        return text
    raise argparse.ArgumentTypeError(
        f"{what_th}ต้องเป็นรหัส (1–{MAX_ID:,}) หรือเลขที่/ปี พ.ศ. เช่น {example} (ได้รับ '{text[:40]}')"
    )


def meeting_ref_arg(text: str) -> str:
    """--meeting / MEETING: an id ('12') or the printed number ('10/2562', '๑๐/๒๕๖๒')."""
    return _reference(text, "การประชุม", "10/2562")


def directive_ref_arg(text: str) -> str:
    """NUMBER of `directive ...`: an id or 'ขส. 003/2563' / '003/2563' / '๓/๒๕๖๓'."""
    bare = text.strip().removeprefix(DIRECTIVE_PREFIX)
    _reference(bare, "เลขที่ข้อสั่งการ", "ขส. 003/2563")
    return text


def status_arg(text: str) -> str:
    word = text.strip()
    if word in STATUS_KEYS:
        return word
    if word in _THAI_STATUS:
        return _THAI_STATUS[word]
    raise argparse.ArgumentTypeError(f"ไม่รู้จักสถานะ '{text}' (ใช้ได้: {', '.join(STATUS_KEYS)})")


def fiscal_year_arg(text: str) -> int:
    digits = _plain_digits(text)
    if digits is None or not BE_YEARS[0] <= int(digits) <= BE_YEARS[1]:
        raise argparse.ArgumentTypeError(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2563 (ได้รับ '{text}')")
    return int(digits)


def date_arg(text: str) -> date:
    try:
        return parse_thai_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    parser.add_argument("--thai-digits", action="store_true", help="แสดงตัวเลขเป็นเลขไทย")


def add_tracker_filters(parser: argparse.ArgumentParser) -> None:
    """The tracker's filters, the same words for `directives` (a list) and `export directives` (a file)."""
    parser.add_argument("--status", type=status_arg, help="สถานะ: " + ", ".join(STATUS_KEYS))
    parser.add_argument("--fiscal-year", type=fiscal_year_arg, help="ปีงบประมาณ พ.ศ. เช่น 2563")
    parser.add_argument("--assignee", help="ตำแหน่ง หน่วยงาน ชื่อย่อ หรือชื่อผู้ดำรงตำแหน่ง")
    parser.add_argument("--meeting", type=meeting_ref_arg, help="การประชุม: รหัส หรือครั้งที่ เช่น 10/2562")
    parser.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="คำนวณสถานะ ณ วันที่ (เช่น 15/02/2563); ค่าปริยายคือวันนี้"
    )


MAX_ID = 2_147_483_647  # ids are 32-bit integers in PostgreSQL: a larger number names nothing


def id_arg(text: str) -> int:
    """A record id: a positive whole number (Thai digits accepted), never past the column's range."""
    digits = _plain_digits(text)  # also refuses 5,000 digits, which int() itself refuses with ValueError
    if digits is None or not 1 <= int(digits) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"รหัสต้องเป็นจำนวนเต็มบวกไม่เกิน {MAX_ID} (ได้รับ '{text[:40]}')")
    return int(digits)
