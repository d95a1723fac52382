"""Thai word segmentation with the organisation's own vocabulary.

Thai is written without spaces between words, and neither ReportLab nor Qt (without
libthai, i.e. on Windows) can find word boundaries by itself, so line breaking and
search need explicit segments. pythainlp's newmm is the most accurate engine for
minutes text but splits agency abbreviations (ศอ.บต. -> ศอ.|บ|ต.), hence the extra
dictionary in data/org_words.txt.

Building the dictionary takes ~0.05 s (thai/dictionary.py: a set and a sorted list instead of pythainlp's
0.5-1.5 s node trie), so it happens on the first call, never at import time: importing this
package must stay cheap for app start-up. `warm()` builds it ahead, in a worker thread at start-up,
so the window's thread never pays for it; a lock makes a concurrent first call wait for that one
build instead of doing a second.
"""

from __future__ import annotations

import functools
import itertools
import threading
from importlib import resources
from typing import TYPE_CHECKING

from sbpac_desktop.thai.breaks import glue_tokens

if TYPE_CHECKING:
    from pythainlp.util import Trie

BREAK_MARK = "\u200b"  # ZERO WIDTH SPACE: an invisible line-break opportunity for Qt


@functools.cache
def org_words() -> frozenset[str]:
    """The organisation's dictionary (abbreviations, titles, agenda terms) from package data."""
    text = resources.files(__package__).joinpath("data", "org_words.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


_BUILDING = threading.Lock()


@functools.cache
def _dictionary() -> Trie:
    """pythainlp's default word list plus org_words(), built once on first use (under _BUILDING)."""
    from pythainlp.corpus import thai_words  # pythainlp loads with the first segmented text

    from sbpac_desktop.thai.dictionary import FlatTrie

    return FlatTrie(thai_words() | org_words())


def word_dictionary() -> Trie:
    """The segmenter's dictionary; safe to call from several threads at once."""
    with _BUILDING:
        return _dictionary()


def warm() -> None:
    """Build the dictionary now (a worker thread at start-up), not on the first wrapped line."""
    word_dictionary()


def segment(text: str) -> list[str]:
    """Split text into words; whitespace runs are kept as tokens, so "".join(result) == text."""
    if not text:
        return []
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=word_dictionary(), engine="newmm", keep_whitespace=True)


@functools.lru_cache(maxsize=2048)
def syllables(word: str) -> tuple[str, ...]:
    """A Thai word cut into syllables ("สาธารณสุข" -> สา|ธารณ|สุข): where an over-long word may
    break when it is wider than its table cell.

    The same two steps as pythainlp's `subword_tokenize(engine="dict")` — newmm with its default
    word list, then each word with its syllable list — over FlatTries of the same lists: that
    engine builds pythainlp's node tries of both lists on first use (~0.3 s quiet), which a
    document paid the first time a word did not fit its cell."""
    if not word or not any("\u0e01" <= char <= "\u0e4e" for char in word):
        return (word,) if word else ()
    from pythainlp.tokenize import word_tokenize

    with _BUILDING:  # one build when several threads ask first (as word_dictionary)
        words, syllable_list = _subword_dictionaries()
    return tuple(
        part
        for piece in word_tokenize(word, custom_dict=words, engine="newmm")
        for part in word_tokenize(piece, custom_dict=syllable_list, engine="newmm")
    )


@functools.cache
def _subword_dictionaries() -> tuple[Trie, Trie]:
    """pythainlp's default word list and its syllable list (not the organisation's words: the
    syllable cut is pythainlp's, unchanged), built once (under _BUILDING)."""
    from pythainlp.corpus import thai_syllables, thai_words

    from sbpac_desktop.thai.dictionary import FlatTrie

    return FlatTrie(thai_words()), FlatTrie(thai_syllables())


def insert_break_opportunities(text: str, mark: str = BREAK_MARK) -> str:
    """Put `mark` between adjacent Thai words so Qt can wrap lines between them.

    For display only: the result must never be stored (normalize_text removes U+200B).
    Marks go only where two Thai words touch; spaces already allow a break. Existing
    U+200B are dropped first, so applying it twice gives the same text.
    """
    tokens = glue_tokens(segment(strip_break_opportunities(text)))  # no mark inside "นาย|สมชาย"
    pieces: list[str] = tokens[:1]
    for previous, token in itertools.pairwise(tokens):
        if _is_thai_word(previous) and _is_thai_word(token):
            pieces.append(mark)
        pieces.append(token)
    return "".join(pieces)


def strip_break_opportunities(text: str) -> str:
    """Undo insert_break_opportunities (default mark), e.g. for text copied out of a label."""
    return text.replace(BREAK_MARK, "")


def _is_thai_word(token: str) -> bool:
    """A token that contains Thai letters or signs (not Thai digits) and no whitespace."""
    return not token.isspace() and any("\u0e01" <= char <= "\u0e4e" for char in token)
