"""The segmenter's word list as two hash sets instead of pythainlp's node-per-letter trie.

Why: pythainlp's `Trie` builds one Python object and one dict per letter of ~62,000 words. On the
clerk's machine that took 0.46 s quiet and 1.45 s under load, on the GUI thread, the first time a
Thai line had to wrap (the first page of meetings at start-up), and held ~63 MB. The same
questions can be answered from the set of words and the set of their proper prefixes: the
prefix walk slices the text one letter further while the slice is still a prefix of some word,
which is exactly the trie's walk, with one hash lookup per letter instead of one dict step.
Building the sets takes ~0.15 s and ~27 MB.

`FlatTrie` is a `pythainlp.util.Trie` (a subclass implementing its public interface: `prefixes`,
`add`, `remove`, `in`, `len`, iteration), so `word_tokenize(custom_dict=...)` takes it as it is;
tests/unit/test_thai_dictionary.py checks it answers as the original trie does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pythainlp.util import Trie


class FlatTrie(Trie):
    """A word list answering the trie's questions from hash sets (see the module docstring)."""

    def __init__(self, words: Iterable[str]) -> None:  # the parent's node tree is never built
        self._words: set[str] = set()
        self._prefixes: set[str] = set()  # every proper prefix of a word: where a walk may go on
        for word in words:
            self.add(word)

    def add(self, word: str) -> None:
        word = word.strip()  # as Trie.add (which also counts "" as a word)
        if word in self._words:
            return
        self._words.add(word)
        for end in range(len(word) - 1, 0, -1):  # longest first: a known prefix has all shorter ones
            prefix = word[:end]
            if prefix in self._prefixes:
                break
            self._prefixes.add(prefix)

    def remove(self, word: str) -> None:
        if word not in self._words:
            return
        self._words.discard(word)
        # Rebuilt rather than reference-counted: removal is rare (never in the app's own use).
        self._prefixes = {w[:end] for w in self._words for end in range(1, len(w))}

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that begin at `start` in `text`, shortest first (as Trie.prefixes)."""
        found: list[str] = []
        words, prefixes = self._words, self._prefixes
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in words:
                found.append(piece)
            if piece not in prefixes:
                break
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._words

    def __iter__(self) -> Iterator[str]:
        yield from self._words

    def __len__(self) -> int:
        return len(self._words)
