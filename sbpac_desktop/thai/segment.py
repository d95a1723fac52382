"""Thai word segmentation with the organisation's own vocabulary.

Thai is written without spaces between words, and neither ReportLab nor Qt (without
libthai, i.e. on Windows) can find word boundaries by itself, so line breaking and
search need explicit segments. pythainlp's newmm is the most accurate engine for
minutes text but splits agency abbreviations (ศอ.บต. -> ศอ.|บ|ต.), hence the extra
dictionary in data/org_words.txt.

Two engines run the same algorithm (newmm) over the same words. Processes that set documents
(the command line, the render worker) use nlpo3, PyThaiNLP's Rust port (~4x faster with our tidy-up), with its word
list cached on disk (native_segment.py). The window's process calls `use_python_engine()` and
keeps pythainlp's Python newmm over thai/dictionary.py's FlatTrie (~0.05 s to build, instead of
pythainlp's 0.5-1.5 s node trie), because nlpo3's load cannot let the window paint. Either way the
dictionary loads on the first call, never at import time: importing this package must stay cheap
for app start-up. `warm()` loads it ahead, in a worker thread at start-up, so the window's thread
never pays for it; a lock makes a concurrent first call wait for that one load.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import logging
import os
import threading
from importlib import resources
from typing import TYPE_CHECKING

from sbpac_desktop import __version__
from sbpac_desktop.thai.breaks import glue_tokens

if TYPE_CHECKING:
    from pythainlp.util import Trie

    from sbpac_desktop.thai.native_segment import NativeSegmenter

log = logging.getLogger(__name__)
BREAK_MARK = "\u200b"  # ZERO WIDTH SPACE: an invisible line-break opportunity for Qt


@functools.cache
def _org_words_text() -> str:
    return resources.files(__package__).joinpath("data", "org_words.txt").read_text(encoding="utf-8")


@functools.cache
def org_words() -> frozenset[str]:
    """The organisation's dictionary (abbreviations, titles, agenda terms) from package data."""
    lines = (line.strip() for line in _org_words_text().splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


_BUILDING = threading.Lock()


@functools.cache
def _dictionary() -> Trie:
    """pythainlp's default word list plus org_words(), built once on first use (under _BUILDING)."""
    from sbpac_desktop.thai.dictionary import FlatTrie

    return FlatTrie(_all_words())  # pythainlp loads with the first segmented text


def word_dictionary() -> Trie:
    """The segmenter's dictionary; safe to call from several threads at once."""
    with _BUILDING:
        return _dictionary()


def warm() -> None:
    """Load the dictionary now (a worker thread at start-up), not on the first wrapped line."""
    if _engine.native:
        try:
            _native().load()
            return
        except _UNAVAILABLE as error:
            _fall_back(error)
    word_dictionary()


def segment(text: str) -> list[str]:
    """Split text into words; whitespace runs are kept as tokens, so "".join(result) == text."""
    if not text:
        return []
    if _engine.native:
        try:
            return _native().segment(text)
        except _UNAVAILABLE as error:
            _fall_back(error)
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=word_dictionary(), engine="newmm", keep_whitespace=True)


class _Engine:
    native = True  # nlpo3 (native_segment.py); the window's process turns it off


_engine = _Engine()


# No word list could be written or read (a full disk, a temp folder that is not a folder, a
# damaged file): documents are still set, with pythainlp's engine, a little slower.
_UNAVAILABLE = (OSError, RuntimeError, ValueError)


def _fall_back(error: Exception) -> None:
    log.warning("nlpo3's word list is unavailable (%s); pythainlp segments in this process", error)
    _engine.native = False


def use_python_engine() -> None:
    """Segment with pythainlp's newmm in this process: the window's choice, because nlpo3 holds
    the GIL for its ~0.08 s load, which would freeze the window; pythainlp's build lets it paint."""
    _engine.native = False


@functools.cache
def _native() -> NativeSegmenter:
    """nlpo3 over the same words as _dictionary(). The cached file's key is what the list is made
    of: the organisation's words and the installed pythainlp (its package file's size and time),
    found without importing pythainlp, which is the point."""
    from sbpac_desktop.thai.native_segment import NativeSegmenter

    return NativeSegmenter(f"{_org_words_text()}\n{_installed_pythainlp()}", _all_words)


def _installed_pythainlp() -> str:
    """Where pythainlp is and when it was installed; in a frozen build its modules are not files,
    so the app's version stands for the bundle's pythainlp."""
    spec = importlib.util.find_spec("pythainlp")
    origin = spec.origin if spec and spec.origin else ""
    try:
        stamp = os.stat(origin)
    except OSError:
        return f"{origin}:{__version__}"
    return f"{origin}:{stamp.st_size}:{stamp.st_mtime_ns}:{__version__}"


def _all_words() -> frozenset[str]:
    """pythainlp's default word list plus org_words(): both engines' dictionary."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words() | org_words())


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
