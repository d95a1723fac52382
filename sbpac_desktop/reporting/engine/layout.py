"""Greedy line filling with widths measured from the shaped text that will be drawn.

Each piece is drawn exactly as it was measured (the same cached shaped run), so the
measured width is the drawn width. WIDTH_MARGIN only absorbs the rounding of
positions written into the PDF and ink that overhangs a glyph's advance (italic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .breaking import Item, Piece, Space, Word, split_at_spaces, split_clusters, split_word
from .shaping import text_width

WIDTH_MARGIN = 0.5  # points


@dataclass
class Line:
    """One laid-out line: words and the spaces between them."""

    items: list[Word | Space] = field(default_factory=list)
    width: float = 0.0
    hard_end: bool = False  # ends at a stored newline or the paragraph's end: never justified
    dropped_space: Space | None = None  # the space the line broke at; kept to re-lay out a split paragraph
    plans: dict[bool, tuple] = field(default_factory=dict, compare=False, repr=False)  # what it draws (line_plan.py)


def piece_width(piece: Piece, size: float) -> float:
    return text_width(piece.text, piece.font, size)


def item_width(item: Word | Space, size: float) -> float:
    if isinstance(item, Space):
        return piece_width(item.piece, size)
    return sum(piece_width(piece, size) for piece in item.pieces)


_SHARED_MAX = 4096
_shared: dict[tuple[int, float, float, float], tuple[Sequence[Item], list[Line]]] = {}


def shared_layout(items: Sequence[Item], size: float, first_width: float, width: float) -> list[Line]:
    """layout() of a tuple of items made once for every paragraph that shares it at the same size
    and widths: a report's table cells repeat a unit, a post, a status row after row, and each
    cell is measured again whenever its table is split or wrapped. The lines are only read."""
    if not isinstance(items, tuple):
        return layout(items, size, first_width, width)
    key = (id(items), size, first_width, width)
    known = _shared.get(key)
    if known is not None and known[0] is items:  # the entry holds its tuple, so the id is not reused
        return known[1]
    lines = layout(items, size, first_width, width)
    if len(_shared) >= _SHARED_MAX:
        _shared.clear()
    _shared[key] = (items, lines)
    return lines


def layout(items: Sequence[Item], size: float, first_width: float, width: float) -> list[Line]:
    """Fill lines greedily; the first line is `first_width` wide (first-line indent)."""
    filler = _Filler(size, first_width - WIDTH_MARGIN, width - WIDTH_MARGIN)
    for item in items:
        if isinstance(item, Word):
            filler.add_word(item)
        elif isinstance(item, Space):
            filler.add_space(item)
        else:  # LINE_BREAK
            filler.end_line(hard=True)
    if filler.current.items or not filler.lines:
        filler.end_line(hard=True)
    else:
        filler.lines[-1].hard_end = True
    return [line for line in filler.lines if line.items or line.hard_end]


class _Filler:
    def __init__(self, size: float, first_width: float, width: float) -> None:
        self.size = size
        self.first_width = first_width
        self.width = width
        self.lines: list[Line] = []
        self.current = Line()
        self.pending_space: Space | None = None

    @property
    def available(self) -> float:
        return self.first_width if not self.lines else self.width

    def end_line(self, hard: bool = False) -> None:
        self.current.hard_end = hard
        self.current.dropped_space = None if hard else self.pending_space
        self.lines.append(self.current)
        self.current = Line()
        self.pending_space = None

    def add_space(self, space: Space) -> None:
        if self.current.items:  # spaces at the start of a line are dropped
            self.pending_space = space

    def add_word(self, word: Word) -> None:
        word_width = item_width(word, self.size)
        space_width = item_width(self.pending_space, self.size) if self.pending_space and self.current.items else 0.0
        if self.current.width + space_width + word_width <= self.available:
            self._place(word, word_width)
            return
        if self.current.items:
            self.end_line()
        if word_width <= self.available:
            self._place(word, word_width)
        else:
            self._place_long(word)

    def _place(self, word: Word, word_width: float) -> None:
        if self.pending_space and self.current.items:
            self.current.items.append(self.pending_space)
            self.current.width += item_width(self.pending_space, self.size)
        self.pending_space = None
        self.current.items.append(word)
        self.current.width += word_width

    def _place_long(self, word: Word) -> None:
        """Break a word wider than the line between clusters; the rest starts the next line."""
        chunk: list[Word] = []
        for part in self._fitting_parts(word):
            candidate = merge([*chunk, part])
            if chunk and item_width(candidate, self.size) > self.available:
                self._place(merge(chunk), item_width(merge(chunk), self.size))
                self.end_line()
                chunk = [part]
            else:
                chunk.append(part)
        if chunk:
            self._place(merge(chunk), item_width(merge(chunk), self.size))

    def _fitting_parts(self, word: Word, level: int = 0) -> list[Word]:
        """The word cut only as finely as the line needs: at the spaces a glued unit holds, then at
        syllables (split_word), then between clusters for a syllable wider than a whole line."""
        if level == len(_SPLITS) or (level and item_width(word, self.size) <= self.available):
            return [word]
        return [part for piece in _SPLITS[level](word) for part in self._fitting_parts(piece, level + 1)]


_SPLITS = (split_at_spaces, split_word, split_clusters)


def merge(words: Sequence[Word]) -> Word:
    """One word from several, neighbouring pieces in the same font joined (shaped as one)."""
    pieces: list[Piece] = []
    for word in words:
        for piece in word.pieces:
            if pieces and pieces[-1].font == piece.font:
                pieces[-1] = Piece(pieces[-1].text + piece.text, piece.font)
            else:
                pieces.append(piece)
    return Word(tuple(pieces))
