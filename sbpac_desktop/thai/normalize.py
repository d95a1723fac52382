"""One canonical form for Thai text before it is stored or compared.

Thai keyboards let users type the same word in several code-point orders
("ท่ี" with the tone mark before the vowel looks exactly like "ที่"), so search,
duplicate detection and sorting only work if every stored string is brought to one
form first. Invisible characters pasted from web pages and Word (zero-width
spaces, BOMs, stray control codes) are removed for the same reason.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# C0 and C1 control characters except \t and \n (\r is turned into \n first).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ZERO_WIDTH_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

# Every Thai combining (non-spacing) mark: above and below vowels, tone marks,
# phinthu, thanthakhat, nikhahit and yamakkan. Each needs a consonant to sit on.
# pythainlp's thai_above_vowels, thai_below_vowels and thai_tonemarks, spelled out so that
# importing this module does not import pythainlp (50 ms for every command); a test keeps them equal.
THAI_ABOVE_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e4d\u0e47"
THAI_BELOW_VOWELS = "\u0e38\u0e39"
THAI_TONEMARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_COMBINING_MARKS = frozenset(THAI_ABOVE_VOWELS + THAI_BELOW_VOWELS + THAI_TONEMARKS + "\u0e3a\u0e4c\u0e4e")

# pythainlp.util.normalize is not idempotent on its own (it strips whitespace before
# it removes dangling marks, which can expose new leading whitespace), so passes are
# repeated until nothing changes. Real text settles in one or two passes.
_MAX_PASSES = 10
_BLANK_LINE_RUNS = re.compile(r"\n{3,}")


# The fast path: text none of the rules can change is returned as it is. A text is left to the
# full clean-up if it has any of: a character outside printable ASCII, newline, the Thai block's
# letters, spacing vowels, digits and signs (and a few typographic marks); a combining mark that
# is not the one optional above/below vowel and one optional tone mark or thanthakhat right after
# a consonant; nikhahit, phinthu, yamakkan or lakkhangyao (rules rewrite them); a vowel or sign
# pythainlp de-duplicates repeated, even with spaces between; a doubled space, a space or blank
# line at the edge of a line or the text, or three newlines in a row. tests/unit/test_normalize_fast.py
# checks with hypothesis that every text passing this test is a fixed point of the full clean-up.
_UPPER_LOWER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e38\u0e39"
_TONE_OR_SILENT = THAI_TONEMARKS + "\u0e4c"
_NO_REPEAT = "\u0e30\u0e32\u0e33\u0e40-\u0e44" + _UPPER_LOWER + "\u0e4c"
_NOT_PLAIN = re.compile(
    "[^ -~\n\u0e01-\u0e39\u0e3f-\u0e44\u0e46-\u0e4c\u0e4f-\u0e5b\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022]"
    f"|(?<![\u0e01-\u0e2e])[{_UPPER_LOWER}]"
    f"|(?<![\u0e01-\u0e2e{_UPPER_LOWER}])[{_TONE_OR_SILENT}]"
    f"|([{_NO_REPEAT}]) *\\1"
    "|  |^[ \n]|[ \n]$| \n|\n |\n\n\n"
)


def is_plain(text: str) -> bool:
    """True when `text` is already in stored form by the conservative test above (False proves nothing)."""
    return _NOT_PLAIN.search(text) is None


def normalize_text(text: str) -> str:
    """Return the form of `text` that is stored in the database.

    Idempotent for every string: normalize_text(normalize_text(x)) == normalize_text(x).
    Line structure is kept (minutes have paragraphs): each line is normalized on its
    own, runs of blank lines shrink to one, and spaces inside a line collapse to one.
    """
    if _NOT_PLAIN.search(text) is None:
        return text
    return full_normalize_text(text)


def full_normalize_text(text: str) -> str:
    """normalize_text without the fast path (the tests compare the two)."""
    result = _normalize_once(text)
    if result == text:  # already stored form (a fixed point): no second pass needed
        return result
    for _ in range(_MAX_PASSES):
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


def normalize_optional(text: str | None) -> str | None:
    """normalize_text for optional fields: None stays None, so "not given" survives."""
    return None if text is None else normalize_text(text)


def clean(text: str | None) -> str | None:
    """Text as the services store it: normalized, and an empty string becomes None."""
    if text is None:
        return None
    return normalize_text(text) or None


def clean_required(text: str | None) -> str:
    """`clean` for a column that is never NULL: nothing given is the empty string."""
    return clean(text) or ""


def has_lone_combining_mark(text: str) -> bool:
    """True if some Thai vowel sign or tone mark has no consonant to sit on.

    Such a mark renders as a dotted circle or lands on the wrong letter, so input
    forms can warn about it. A mark may follow other marks ("ที่": the tone mark
    follows the vowel) as long as the run of marks starts after a consonant.
    """
    base_ok = False
    for char in text:
        if char in _COMBINING_MARKS:
            if not base_ok:
                return True
        else:
            base_ok = "\u0e01" <= char <= "\u0e2e"
    return False


@functools.cache
def _pythainlp_normalize() -> Callable[[str], str]:
    from pythainlp.util import normalize  # loaded when text is first normalized, not at import

    return normalize


def _normalize_once(text: str) -> str:
    """One pass of the clean-up; order matters: invisible characters go before pythainlp runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARS.sub("", text)
    text = _ZERO_WIDTH_CHARS.sub("", text)
    pythainlp_normalize = _pythainlp_normalize()
    lines = [unicodedata.normalize("NFC", pythainlp_normalize(line)).strip() for line in text.split("\n")]
    return _BLANK_LINE_RUNS.sub("\n\n", "\n".join(lines)).strip()
