"""Thai text helpers: normalization, Thai digits, Buddhist-Era dates, segmentation, sorting.

Pure Python on top of the standard library and pythainlp, so every layer (domain
rules excepted) can use it without pulling in Qt or the database.
"""

from .collate import thai_sort_key
from .dates import (
    ENGLISH_MONTH_ABBR,
    THAI_MONTH_ABBR,
    THAI_MONTHS,
    THAI_WEEKDAYS,
    DateTextError,
    be_year,
    duration_text,
    english_medium_date,
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
from .digits import apply_digits, to_arabic_digits, to_thai_digits
from .normalize import has_lone_combining_mark, normalize_optional, normalize_text
from .segment import insert_break_opportunities, org_words, segment, strip_break_opportunities, use_python_engine

__all__ = [
    "ENGLISH_MONTH_ABBR",
    "THAI_MONTHS",
    "THAI_MONTH_ABBR",
    "THAI_WEEKDAYS",
    "DateTextError",
    "apply_digits",
    "be_year",
    "duration_text",
    "english_medium_date",
    "fiscal_quarter",
    "fiscal_quarter_bounds",
    "fiscal_year",
    "fiscal_year_bounds",
    "has_lone_combining_mark",
    "insert_break_opportunities",
    "long_date",
    "medium_date",
    "normalize_optional",
    "normalize_text",
    "org_words",
    "parse_thai_date",
    "parse_thai_time",
    "segment",
    "short_date",
    "strip_break_opportunities",
    "thai_sort_key",
    "time_text",
    "to_arabic_digits",
    "to_thai_digits",
    "use_python_engine",
]
