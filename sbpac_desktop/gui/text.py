"""How service values become table text: Thai digits, dashes for blanks, wrap points.

Display only: nothing here is ever written back (U+200B marks are stripped on copy/store).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sbpac_desktop.thai import insert_break_opportunities, medium_date, to_thai_digits

BLANK = "—"
THAI_DIGITS = True  # one place to follow the organisation's "Thai digits" setting later


def digits(text: str) -> str:
    return to_thai_digits(text) if THAI_DIGITS else text


def or_blank(text: str | None) -> str:
    return text if text else BLANK


def date_text(value: date | None) -> str:
    return medium_date(value, thai_digits=THAI_DIGITS) if value else BLANK


def percent_text(value: int | None) -> str:
    """A bare number: the column header already says ร้อยละ (percent)."""
    return BLANK if value is None else digits(str(value))


@lru_cache(maxsize=4096)
def wrappable(text: str | None) -> str:
    """Insert invisible line-break points between Thai words.

    Qt breaks Thai lines only when libthai is present (never on Windows); without the
    marks a long directive would not wrap at all in a table cell.
    """
    if not text:
        return BLANK
    return insert_break_opportunities(text)
