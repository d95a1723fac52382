"""ThaiParagraph: a platypus Flowable that breaks lines between words and draws shaped text."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from sbpac_desktop.thai import normalize_text

from .breaking import LINE_BREAK, Item, Space, Word, items_of
from .drawing import actual_text_span, draw_shaped
from .fonts import ASCENT, DESCENT, bold_of, register_fonts
from .layout import Line, item_width, shared_layout
from .line_plan import line_plan
from .styles import styles

Runs = Sequence[tuple[str, bool]]
# Justifying a line whose spaces would have to grow past this many space widths
# leaves huge holes (Thai has few spaces); such a line stays left-aligned instead.
_MAX_JUSTIFY_STRETCH = 3.0


class ThaiParagraph(Flowable):
    """A paragraph of Thai (and Latin) text, wrapped between words, drawn shaped.

    `text` is a string or a sequence of (text, bold) runs for inline bold. Newlines
    in the text are kept as line breaks. The style is a ReportLab ParagraphStyle
    (see styles()); used are fontName, fontSize, leading, alignment, firstLineIndent,
    leftIndent, rightIndent, textColor, spaceBefore, spaceAfter, keepWithNext,
    allowOrphans and allowWidows.
    """

    def __init__(
        self,
        text: str | Runs,
        style: ParagraphStyle | None = None,
        *,
        thai_digits: bool = False,
        keep_with_next: bool | None = None,
    ) -> None:
        super().__init__()
        register_fonts()
        self.style = style if style is not None else styles()["body"]
        if keep_with_next is not None:
            self.keepWithNext = keep_with_next
        self._items: Sequence[Item] = items_of(_font_runs(text, self.style.fontName), thai_digits=thai_digits)
        self._first_indent = self.style.firstLineIndent
        self._head = True  # False for the part after a page break: no space before
        self._tail = True  # False for the part before a page break: no space after
        self._lines: list[Line] = []
        self._wrapped_width: float | None = None

    @staticmethod
    def _part(template: ThaiParagraph, items: list[Item], *, head: bool, tail: bool) -> ThaiParagraph:
        """One side of a page break: the same style, some of the items."""
        part = ThaiParagraph("", template.style, keep_with_next=getattr(template, "keepWithNext", None))
        part._items = items
        part._first_indent = template._first_indent if head else 0.0
        part._head, part._tail = head, tail
        return part

    @property
    def text(self) -> str:
        """The paragraph's text as laid out (spaces collapsed, newlines kept)."""
        parts = []
        for item in self._items:
            parts.append(item.text if isinstance(item, Word) else item.piece.text if isinstance(item, Space) else "\n")
        return "".join(parts)

    # -- platypus protocol ---------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        style = self.style
        inner = availWidth - style.leftIndent - style.rightIndent
        if self._wrapped_width != availWidth:
            self._lines = shared_layout(self._items, style.fontSize, inner - self._first_indent, inner)
            self._wrapped_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(self._lines):
            return [self]
        fit = self._respect_orphans_and_widows(fit)
        if fit <= 0:
            return []
        head = [item for line in self._lines[:fit] for item in _with_break(line)]
        rest = [item for line in self._lines[fit:] for item in _with_break(line)]
        return [
            ThaiParagraph._part(self, head, head=self._head, tail=False),
            ThaiParagraph._part(self, rest, head=False, tail=self._tail),
        ]

    def _respect_orphans_and_widows(self, fit: int) -> int:
        total = len(self._lines)
        if fit == 1 and total > 1 and not getattr(self.style, "allowOrphans", 0):
            return 0
        if total - fit == 1 and fit > 1 and not getattr(self.style, "allowWidows", 1):
            return fit - 1
        return fit

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore if self._head else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter if self._tail else 0.0

    def minWidth(self) -> float:  # noqa: N802
        """Widest single word: what a table column needs so that nothing must be cut."""
        words = [item_width(item, self.style.fontSize) for item in self._items if isinstance(item, Word)]
        return max(words, default=0.0) + self.style.leftIndent + self.style.rightIndent

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        size = style.fontSize
        baseline = self.height - (style.leading - size * (ASCENT + DESCENT)) / 2 - size * ASCENT
        inner = self.width - style.leftIndent - style.rightIndent
        for number, line in enumerate(self._lines):
            indent = style.leftIndent + (self._first_indent if number == 0 else 0.0)
            self._draw_line(line, indent, inner - (indent - style.leftIndent), baseline - number * style.leading)
        canvas.restoreState()

    # -- drawing ----------------------------------------------------------------

    def _draw_line(self, line: Line, indent: float, width: float, y: float) -> None:
        alignment = self.style.alignment
        slack = max(width - line.width, 0.0)
        stretch = self._stretch(line, slack) if alignment == TA_JUSTIFY else 0.0
        offsets: dict[object, float] = {TA_CENTER: slack / 2, TA_RIGHT: slack}
        x = indent + offsets.get(alignment, 0.0)
        size = self.style.fontSize
        canvas = self.canv
        for segment in line_plan(line, bool(stretch)):
            if segment.actual is None:
                draw_shaped(canvas, segment.run, segment.font, size, x, y)
            else:
                with actual_text_span(canvas, segment.actual):
                    draw_shaped(canvas, segment.run, segment.font, size, x, y)
            x += segment.run.width(size)
            if segment.stretch:
                x += stretch

    def _stretch(self, line: Line, slack: float) -> float:
        """Extra width per space for a justified line; 0 leaves the line left-aligned."""
        spaces = [item for item in line.items if isinstance(item, Space)]
        if line.hard_end or not spaces:
            return 0.0
        extra = slack / len(spaces)
        space_width = item_width(spaces[0], self.style.fontSize)
        return extra if extra <= _MAX_JUSTIFY_STRETCH * space_width else 0.0


def _with_break(line: Line) -> list[Item]:
    """The line's items as they were before layout: with its newline or the space it broke at."""
    ending = [LINE_BREAK] if line.hard_end else [line.dropped_space] if line.dropped_space else []
    return [*line.items, *ending]


def _font_runs(text: str | Runs, font_name: str) -> list[tuple[str, str]]:
    """(text, font) runs from a string or (text, bold) runs, normalized for display.

    Stored text is already normalized; this repairs anything else (misordered marks
    shape wrongly). A run keeps its edge spaces, which separate it from its neighbours.
    """
    if isinstance(text, str):
        return [(_normalized(text), font_name)]
    bold = bold_of(font_name)
    runs = []
    for run_text, is_bold in text:
        core = run_text.strip()
        lead = run_text[: len(run_text) - len(run_text.lstrip())]
        trail = run_text[len(run_text.rstrip()) :]
        runs.append((lead + _normalized(core) + trail if core else run_text, bold if is_bold else font_name))
    return runs


@functools.lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    """normalize_text remembered: it costs more than segmenting, and table cells repeat."""
    return normalize_text(text)
