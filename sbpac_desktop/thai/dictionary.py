"""The segmenter's word list as a hash set and a sorted list instead of pythainlp's node-per-letter trie.

Why: pythainlp's `Trie` builds one Python object and one dict per letter of ~62,000 words. On the
clerk's machine that took 0.46 s quiet and 1.45 s under load, on the GUI thread, the first time a
Thai line had to wrap (the first page of meetings at start-up), and held ~63 MB. The same
questions can be answered from the set of words and the sorted list of them: the prefix walk
slices the text one letter further while the slice is still a proper prefix of some word, which is
exactly the trie's walk. A slice is such a prefix when the first word sorting after it starts
with it (words that extend a prefix sort right after it); the answer is remembered per slice.
Building takes ~0.03 s (a sort), which every command-line process writing a document pays:
until issue #16's process figures, a set of the ~183,000 proper prefixes was built instead
(~0.16 s, ~27 MB) for the same walk.

`FlatTrie` is a `pythainlp.util.Trie` (a subclass implementing its public interface: `prefixes`,
`add`, `remove`, `in`, `len`, iteration), so `word_tokenize(custom_dict=...)` takes it as it is;
tests/unit/test_thai_dictionary.py checks it answers as the original trie does.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable, Iterator

from pythainlp.util import Trie


class FlatTrie(Trie):
    """A word list answering the trie's questions from a set and a sorted list (see the module docstring)."""

    def __init__(self, words: Iterable[str]) -> None:  # the parent's node tree is never built
        self._words: set[str] = set(map(str.strip, words))  # as Trie.add (which also counts "" as a word)
        self._sorted: list[str] = sorted(self._words)
        # slice -> whether a longer word starts with it; only grows (a dict stays safe across threads)
        self._extends: dict[str, bool] = {}

    def add(self, word: str) -> None:
        word = word.strip()
        if word in self._words:
            return
        self._words.add(word)
        insort(self._sorted, word)
        self._extends = {}

    def remove(self, word: str) -> None:
        if word not in self._words:
            return
        self._words.discard(word)
        self._sorted.remove(word)
        self._extends = {}

    def _is_extended(self, piece: str) -> bool:
        """Whether some word is longer than `piece` and starts with it (a trie node with children)."""
        ordered = self._sorted
        after = bisect_right(ordered, piece)
        found = after < len(ordered) and ordered[after].startswith(piece)
        self._extends[piece] = found
        return found

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that begin at `start` in `text`, shortest first (as Trie.prefixes)."""
        found: list[str] = []
        words, extends = self._words, self._extends
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in words:
                found.append(piece)
            more = extends.get(piece)
            if not (self._is_extended(piece) if more is None else more):
                break
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._words

    def __iter__(self) -> Iterator[str]:
        yield from self._words

    def __len__(self) -> int:
        return len(self._words)
