"""newmm in Rust: PyThaiNLP's nlpo3, for the processes that set documents.

Why: pythainlp's newmm is pure Python. Setting a 20-item minutes spent about half its time
segmenting its ~80 texts for the first time (issue #16), and a 195-page follow-up report
segments about a thousand. nlpo3 is PyThaiNLP's own port of the same algorithm (dictionary
maximal matching within Thai character clusters) and cuts the same texts ~8x faster.

It reads its dictionary from a file, one word per line: pythainlp's word list plus the
organisation's words, written once per installation into a private cache folder and loaded
once per process (~0.08 s, against ~0.11 s for pythainlp's import and the word list's sorted
index). The load holds the GIL, so the window's process keeps the Python engine
(segment.use_python_engine) and never freezes for it; the command line and the render worker
use this one.

The two engines differ only where text that is not Thai sits in a Thai text: nlpo3 cuts
"10/2562" into 10|/|2562 and may glue punctuation to a Thai syllable (";ผล"), where pythainlp
keeps each stretch of Latin letters, of digits (with their separators) and of other signs as
one token. `_tidy` re-cuts those stretches as pythainlp does, so line breaks stay where they
were; tests/unit/test_thai_native_segment.py compares both engines on the bench set's texts.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import nlpo3

# One token each, in this order of preference, where no dictionary word starts (as newmm does);
# the last branch keeps a lone "\r" (stored text has none) so no character is ever lost.
_NOT_THAI = re.compile(r"[-a-zA-Z]+|\d+(?:[,.]\d+)*|[ \t]+|\r?\n|[^\u0e00-\u0e7f \t\r\n]+|[\s\S]")
_THAI_OR_NOT = re.compile(r"[\u0e00-\u0e7f]+|[^\u0e00-\u0e7f]+")
_ALL_THAI = re.compile(r"[\u0e00-\u0e7f]+\Z").match
_ANY_THAI = re.compile(r"[\u0e00-\u0e7f]").search
# Lone surrogates have no UTF-8 form, so they cannot cross into Rust; they stay tokens of their own.
_SURROGATES = re.compile("([\ud800-\udfff]+)")
_FORMAT = "1"  # bump when the files' content rules change
_LOADING = threading.Lock()  # one load at a time in the process, whichever segmenter asks
_LOADED: set[str] = set()  # the names given to nlpo3 in this process (under _LOADING)


class NativeSegmenter:
    """newmm through nlpo3 over a word list that is built by `all_words` only when its cached
    file is missing. `key` names what the list depends on (see segment.py): a new key, a new file."""

    def __init__(self, key: str, all_words: Callable[[], frozenset[str]]) -> None:
        self._key = hashlib.sha256(f"{_FORMAT}\n{key}".encode("utf-8", "surrogatepass")).hexdigest()
        self._all_words = all_words
        # nlpo3's name for the list, its words that are not all Thai, and _hard_cuts of them
        self._state: tuple[str, frozenset[str], re.Pattern[str]] | None = None

    def segment(self, text: str) -> list[str]:
        """`text` cut into words; "".join(result) == text."""
        name, mixed, hard = self._state or self.load()
        tokens: list[str] = []
        start = 0
        for stop in hard.finditer(text):  # hard-cut runs, as whole tokens to _tidy
            tokens.extend(_cut(text[start : stop.start()], name))
            tokens.append(stop.group())
            start = stop.end()
        tokens.extend(_cut(text[start:], name))
        return _tidy(tokens, mixed)

    def load(self) -> tuple[str, frozenset[str], re.Pattern[str]]:
        """Read (or write, then read) the word list once; several threads asking wait for one load."""
        with _LOADING:
            if self._state is None:
                try:
                    folder = _private_folder()
                except OSError:  # a shared or odd temp folder: a list for this process only, then gone
                    with tempfile.TemporaryDirectory(prefix="sbpac-words-") as scratch:
                        self._state = self._read(Path(scratch))
                else:
                    self._state = self._read(folder)
            return self._state

    def _read(self, folder: Path) -> tuple[str, frozenset[str], re.Pattern[str]]:
        """nlpo3 given the list (it keeps its own copy, so the files may go), and the mixed words."""
        words_file, mixed_file = self._files(folder)
        name = f"sbpac-{self._key[:16]}"
        if name not in _LOADED:  # nlpo3 keeps a name for the process: same key, same words
            message, loaded = nlpo3.load_dict(str(words_file), name)
            if not loaded:
                raise RuntimeError(f"nlpo3 could not load the word list {words_file}: {message}")
            _LOADED.add(name)
        mixed = frozenset(mixed_file.read_text(encoding="utf-8").split("\n")) - {""}
        return name, mixed, _hard_cuts(mixed)

    def _files(self, folder: Path) -> tuple[Path, Path]:
        """The word list and its words that are not all Thai (ศอ.บต., "แล้ว ๆ เล่า ๆ"): written
        once into `folder`, each atomically (processes starting together each write a whole file,
        and one replaces the other)."""
        words_file = folder / f"words-{self._key[:32]}.txt"
        mixed_file = folder / f"mixed-{self._key[:32]}.txt"
        if not (words_file.is_file() and mixed_file.is_file()):
            words = sorted(word for word in self._all_words() if word and "\n" not in word)
            _write(mixed_file, (word for word in words if not _all_thai(word)))
            _write(words_file, words)  # last: its presence says both are whole
        return words_file, mixed_file


def _cut(text: str, name: str) -> list[str]:
    if not text:
        return []
    if _SURROGATES.search(text) is None:
        return list(nlpo3.segment(text, name))
    tokens: list[str] = []
    for index, piece in enumerate(_SURROGATES.split(text)):  # odd places: the surrogates, kept whole
        tokens.extend([piece] if index % 2 else _cut(piece, name))
    return tokens


def _hard_cuts(mixed: frozenset[str]) -> re.Pattern[str]:
    """Runs of the signs that are neither Thai, nor a space, nor in any dictionary word: quotes,
    brackets, ";", "%", Latin letters... No word can start in or span one, so newmm cuts before
    and after each run and the two sides are segmented independently. nlpo3 would glue such a sign
    to the Thai syllable after it (";ผล" and then ลการ), so the text is cut there first."""
    inside_words = {char for word in mixed for char in word if _ANY_THAI(char) is None}
    allowed = re.escape("".join(sorted(inside_words | set(" \t\r\n"))))
    return re.compile(f"[^\u0e00-\u0e7f{allowed}]+")


def _all_thai(token: str) -> bool:
    return _ALL_THAI(token) is not None


def _tidy(tokens: Iterable[str], mixed: frozenset[str]) -> list[str]:
    """Tokens as pythainlp's newmm gives them: a token is Thai or not Thai (unless it is a
    dictionary word such as ศอ.บต.), and each stretch that is not Thai is cut by _NOT_THAI."""
    result: list[str] = []
    stretch: list[str] = []  # parts without Thai, re-cut together when a Thai one comes
    for part in _parts(tokens, mixed):
        if _ANY_THAI(part) is None:
            stretch.append(part)
            continue
        if stretch:
            result.extend(_recut(stretch))
            stretch = []
        result.append(part)
    if stretch:
        result.extend(_recut(stretch))
    return result


def _parts(tokens: Iterable[str], mixed: frozenset[str]) -> Iterator[str]:
    """The tokens, each Thai glued to other signs (";ผล") cut into its Thai and other runs."""
    for token in tokens:
        if _ALL_THAI(token) or token in mixed or _ANY_THAI(token) is None:
            yield token
        else:
            yield from _THAI_OR_NOT.findall(token)


def _recut(stretch: list[str]) -> list[str]:
    return [match.group() for match in _NOT_THAI.finditer("".join(stretch))]


def _write(path: Path, lines: Iterable[str]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".words-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(f"{line}\n" for line in lines)
    os.replace(temporary, path)


def _private_folder() -> Path:
    """<temp>/sbpac-desktop-<user>, open to its owner only: another account on the same machine
    must not be able to plant the word list a document is set with."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    folder = Path(tempfile.gettempdir()) / f"sbpac-desktop-{user}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if hasattr(os, "getuid"):
        status = folder.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o077:
            raise PermissionError(f"{folder} is not private to this user")
    return folder
