"""Conversion between Arabic (0-9) and Thai (๐-๙) digits.

The database always stores Arabic digits; documents are printed with Thai digits
when the per-document "ใช้เลขไทย" switch is on (docs/CONVENTIONS.md §6.2). Conversion is a
plain character mapping so it is cheap, reversible and never touches other text.
"""

from __future__ import annotations

_ARABIC = "0123456789"
_THAI = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans(_ARABIC, _THAI)
_TO_ARABIC = str.maketrans(_THAI, _ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace every ASCII digit with its Thai digit: "10/2562" -> "๑๐/๒๕๖๒"."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace every Thai digit with its ASCII digit, so typed Thai numbers parse."""
    return text.translate(_TO_ARABIC)


def apply_digits(text: str, thai: bool) -> str:
    """Render digits the way a document's "Thai digits" setting asks for."""
    return to_thai_digits(text) if thai else to_arabic_digits(text)
