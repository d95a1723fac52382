"""Sort keys that put Thai text in dictionary (Royal Institute) order.

Python's default string order sorts by code point, which puts every word that
starts with a leading vowel (เ แ โ ใ ไ) after all words starting with a consonant:
"ไก่" would land after "ฮา". The Royal Institute dictionary instead files a word
under its first consonant and ignores tone marks unless the words are otherwise
the same. Thai consonants and vowels already have their dictionary order in
Unicode (ก..ฮ, then ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ), so the key only has to move the
leading vowel after its consonant and push tone marks to a second level.
"""

from __future__ import annotations

from .digits import to_arabic_digits

_LEADING_VOWELS = frozenset("เแโใไ")
# Marks that only break ties: maitaikhu, the four tone marks, thanthakhat, yamakkan.
_SECONDARY_MARKS = frozenset("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4e")

# Character classes, in the order they sort at the first level.
_SPACE_OR_PUNCTUATION = 0
_THAI = 1
_OTHER = 2  # digits, Latin and every other script


SortKey = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], str]


def thai_sort_key(text: str) -> SortKey:
    """Key for sorted(names, key=thai_sort_key): Thai dictionary order, then everything else.

    Levels: (1) letters and vowels with leading vowels moved after their consonant,
    tone marks ignored, Thai digits read as Arabic, Latin case-insensitive;
    (2) the same with tone marks; (3) the text itself, so distinct strings never tie.
    """
    logical = _swap_leading_vowels(to_arabic_digits(text))
    primary = tuple(_weight(char) for char in logical if char not in _SECONDARY_MARKS)
    secondary = tuple(_weight(char) for char in logical)
    return primary, secondary, text


def _swap_leading_vowels(text: str) -> str:
    """Move each leading vowel after the consonant it is written before: "ไก่" -> "กไ่"."""
    chars = list(text)
    index = 0
    while index < len(chars) - 1:
        if chars[index] in _LEADING_VOWELS and _is_consonant(chars[index + 1]):
            chars[index], chars[index + 1] = chars[index + 1], chars[index]
            index += 1
        index += 1
    return "".join(chars)


def _weight(char: str) -> tuple[int, int]:
    """First-level weight of one character: its class, then its (case-folded) code point."""
    if "\u0e01" <= char <= "\u0e4e":
        return _THAI, ord(char)
    if char.isalnum():
        return _OTHER, ord(char.casefold()[0])
    return _SPACE_OR_PUNCTUATION, ord(char)


def _is_consonant(char: str) -> bool:
    """Thai consonants ก..ฮ, including ฤ and ฦ, which the dictionary files among them."""
    return "\u0e01" <= char <= "\u0e2e"
