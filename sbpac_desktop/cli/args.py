"""Argument types shared by command modules: Thai messages for wrong values."""

from __future__ import annotations

import argparse
from datetime import date

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


def status_arg(text: str) -> str:
    word = text.strip()
    if word in STATUS_KEYS:
        return word
    if word in _THAI_STATUS:
        return _THAI_STATUS[word]
    raise argparse.ArgumentTypeError(f"ไม่รู้จักสถานะ '{text}' (ใช้ได้: {', '.join(STATUS_KEYS)})")


def fiscal_year_arg(text: str) -> int:
    digits = to_arabic_digits(text.strip())
    if not digits.isdigit() or not 2400 <= int(digits) <= 2700:
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


MAX_ID = 2_147_483_647  # ids are 32-bit integers in PostgreSQL: a larger number names nothing


def id_arg(text: str) -> int:
    """A record id: a positive whole number (Thai digits accepted), never past the column's range."""
    digits = to_arabic_digits(text.strip())
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"รหัสต้องเป็นจำนวนเต็มบวกไม่เกิน {MAX_ID} (ได้รับ '{text}')")
    return int(digits)
