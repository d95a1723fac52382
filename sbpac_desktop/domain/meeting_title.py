"""A meeting title carried to another date: the fiscal years it names move with the meeting.

Titles are free text ("… ประจำปีงบประมาณ พ.ศ. 2563"); a copy of the meeting for a date in
another fiscal year must not keep the old year. Every year written after "ปีงบประมาณ"
(with or without "พ.ศ.") moves by the same number of years as the meeting, so a title
that also names the next fiscal year ("การเตรียมการปีงบประมาณ พ.ศ. 2564") stays right.
"""

from __future__ import annotations

import re

_THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_FISCAL_YEAR = re.compile(r"(ปีงบประมาณ\s*(?:พ\.\s?ศ\.\s*)?)([0-9]{4}|[๐-๙]{4})(?![0-9๐-๙])")


def title_for_fiscal_year(title: str, old_fiscal_year: int, new_fiscal_year: int) -> str:
    """`title` with each named fiscal year moved by new - old; written in the same digits."""
    shift = new_fiscal_year - old_fiscal_year
    if shift == 0:
        return title

    def moved(match: re.Match[str]) -> str:
        written = match.group(2)
        year = str(int(written.translate(_THAI)) + shift)
        thai = not written.isascii()
        return match.group(1) + (year.translate(_TO_THAI) if thai else year)

    return _FISCAL_YEAR.sub(moved, title)
