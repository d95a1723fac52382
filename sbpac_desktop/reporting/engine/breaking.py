"""Where a line may break: between the words segment() finds, at spaces, never inside a word.

Text arrives as runs (text, font name), so inline bold can share a line with the
regular face. It leaves as items: Words (never broken, except an over-long one by
split_word), breakable Spaces, and LINE_BREAKs for the newlines stored in the text.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sbpac_desktop.thai import segment, to_thai_digits
from sbpac_desktop.thai.breaks import glue_tokens, has_thai_letter
from sbpac_desktop.thai.segment import syllables

# Never first on a line: closing punctuation, Thai repetition and abbreviation signs.
_NO_START = frozenset(".,;:!?)]}%”’»…ๆฯ")
# Never last on a line: opening brackets and quotes.
_NO_END = frozenset("([{“‘«")
# Thai vowels written after the consonant that still belong to its syllable.
_FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")
# Thai vowels written before the consonant they are pronounced after.
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
_BREAKABLE_SPACES = " \t\u3000"
_ASCII_DIGITS = frozenset("0123456789")


@dataclass(frozen=True, slots=True)
class Piece:
    """Text drawn in one font."""

    text: str
    font: str


@dataclass(frozen=True, slots=True)
class Word:
    """A run of pieces no line may break inside."""

    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True, slots=True)
class Space:
    """A space a line may break at (and drops when it does)."""

    piece: Piece


class _LineBreak:
    def __repr__(self) -> str:
        return "LINE_BREAK"


LINE_BREAK = _LineBreak()
Item = Word | Space | _LineBreak


def items_of(runs: Sequence[tuple[str, str]], *, thai_digits: bool = False) -> tuple[Item, ...]:
    """Turn (text, font) runs into Words, Spaces and LINE_BREAKs: one tuple shared by every
    paragraph of the same text (so their layouts can be shared too, paragraph.py)."""
    return _items_cached(tuple(runs), thai_digits)


@functools.lru_cache(maxsize=4096)
def _items_cached(runs: tuple[tuple[str, str], ...], thai_digits: bool) -> tuple[Item, ...]:
    """items_of, remembered: a report's table repeats the same cells (a unit, a post, a status)
    row after row. The items are frozen, so every paragraph may share them."""
    text = "".join(run_text for run_text, _font in runs).replace("\t", " ")
    fonts = _font_boundaries(runs)
    items: list[Item] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if number:
            items.append(LINE_BREAK)
        tokens: Sequence[str] = _segment_cached(line)
        if thai_digits and not _ASCII_DIGITS.isdisjoint(line):  # a line without digits stays as it is
            tokens = [token if _has_latin(token) else to_thai_digits(token) for token in tokens]
        items.extend(_line_items(tokens, offset, fonts))
        offset += len(line) + 1
    return tuple(items)


@functools.lru_cache(maxsize=4096)
def _segment_cached(line: str) -> tuple[str, ...]:
    """segment() with the no-break rules of thai.breaks, remembered: table cells and headings
    repeat the same short texts."""
    return tuple(glue_tokens(segment(line)))


def _line_items(tokens: Sequence[str], offset: int, fonts: list[tuple[int, str]]) -> Iterator[Item]:
    """Group one line's tokens into words, cutting only where _glued allows."""
    following = _next_words(tokens)
    word: list[str] = []
    word_start = offset
    position = offset
    for index, token in enumerate(tokens):
        if word and not _glued(word[-1], token, following[index]):
            yield Word(tuple(_pieces("".join(word), word_start, fonts)))
            word = []
        if not word and _is_breakable_space(token):
            yield Space(next(_pieces(" ", position, fonts)))  # a run of spaces draws as one
        else:
            if not word:
                word_start = position
            word.append(token)
        position += len(token)
    if word:
        yield Word(tuple(_pieces("".join(word), word_start, fonts)))


def _next_words(tokens: Sequence[str]) -> list[str]:
    """For each token, the first non-space token after it ("" at the end)."""
    following = [""] * len(tokens)
    upcoming = ""
    for index in range(len(tokens) - 1, -1, -1):
        following[index] = upcoming
        if not _is_breakable_space(tokens[index]):
            upcoming = tokens[index]
    return following


def _glued(previous: str, token: str, following: str) -> bool:
    """True when no line may break between `previous` and `token`."""
    if _is_breakable_space(token):
        return bool(following) and following[0] in _NO_START  # "อื่น ๆ" stays together
    if _is_breakable_space(previous):
        return True  # glued space inside a word: keep what follows with it
    if token[0] in _NO_START or previous[-1] in _NO_END:
        return True
    # Thai words touch without spaces, so their boundaries are the break points;
    # between two non-Thai tokens ("10" "/2562", "https" "://...") newmm's cut is
    # no word boundary and must not become a line break. Only the touching ends count: a token
    # glued by thai.breaks ("ที่ 10") may hold Thai and a number.
    return not (has_thai_letter(_last_chunk(previous)) or has_thai_letter(_first_chunk(token)))


def _last_chunk(token: str) -> str:
    chunks = token.split()
    return chunks[-1] if chunks else token


def _first_chunk(token: str) -> str:
    chunks = token.split()
    return chunks[0] if chunks else token


def _is_breakable_space(token: str) -> bool:
    return bool(token) and not token.strip(_BREAKABLE_SPACES)


def _has_latin(token: str) -> bool:
    return any("a" <= char.lower() <= "z" for char in token)


def _font_boundaries(runs: Sequence[tuple[str, str]]) -> list[tuple[int, str]]:
    """(start offset, font) of each non-empty run, in order."""
    bounds = []
    offset = 0
    for run_text, font in runs:
        if run_text:
            bounds.append((offset, font))
            offset += len(run_text)
    return bounds or [(0, runs[0][1] if runs else "")]


def _pieces(text: str, start: int, fonts: list[tuple[int, str]]) -> Iterator[Piece]:
    """Cut text[start:...] where the font changes."""
    if len(fonts) == 1:  # one font, the usual paragraph: nothing to cut
        yield Piece(text, fonts[0][1])
        return
    end = start + len(text)
    cuts = [offset for offset, _font in fonts if start < offset < end]
    edges = [start, *cuts, end]
    for left, right in itertools.pairwise(edges):
        yield Piece(text[left - start : right - start], _font_at(left, fonts))


def _font_at(offset: int, fonts: list[tuple[int, str]]) -> str:
    current = fonts[0][1]
    for start, font in fonts:
        if start > offset:
            break
        current = font
    return current


def clusters(text: str) -> list[str]:
    """Split text where a line may break inside a word that is wider than the line.

    Never between a letter and its marks, nor after a leading vowel (เ แ โ ใ ไ) or
    before a following one (ะ า ำ ๅ): that keeps syllable-sized pieces of Thai.
    """
    result: list[str] = []
    for char in text:
        if result and (_attaches(char) or result[-1][-1] in _LEADING_VOWELS):
            result[-1] += char
        else:
            result.append(char)
    return result


def _attaches(char: str) -> bool:
    return char in _FOLLOWING_VOWELS or unicodedata.category(char) in ("Mn", "Mc", "Me")


# An over-long URL or e-mail address breaks only after one of these.
_LATIN_BREAK_AFTER = frozenset("/.@-_?&=")


def split_word(word: Word) -> list[Word]:
    """The word cut where an over-long word may break, best places first: Thai at its syllables
    ("กระทรวง|สาธารณ|สุข", never "สาธารณสุ|ข"), addresses after / . @ -; fonts kept. The
    layout cuts a piece that is still too wide between clusters (split_clusters)."""
    parts: list[Word] = []
    for piece in word.pieces:
        parts.extend(Word((Piece(part, piece.font),)) for part in _soft_parts(piece.text))
    return parts


def split_at_spaces(word: Word) -> list[Word]:
    """A word glued over spaces by thai.breaks ("ล่าช้า ๑๒ วัน") cut after each space: the first
    place to break it when the whole does not fit on a line."""
    parts: list[Word] = []
    for piece in word.pieces:
        chunks = re.findall(r"\S+\s*|\s+", piece.text)
        parts.extend(Word((Piece(chunk, piece.font),)) for chunk in chunks)
    return parts


def split_clusters(word: Word) -> list[Word]:
    """The last resort: one-cluster words (a syllable wider than a whole line)."""
    parts: list[Word] = []
    for piece in word.pieces:
        parts.extend(Word((Piece(cluster, piece.font),)) for cluster in clusters(piece.text))
    return parts


def _soft_parts(text: str) -> list[str]:
    if has_thai_letter(text):
        return [part for token in segment(text) for part in syllables(token)]
    parts: list[str] = [""]
    for char in text:
        parts[-1] += char
        if char in _LATIN_BREAK_AFTER:
            parts.append("")
    return [part for part in parts if part]
