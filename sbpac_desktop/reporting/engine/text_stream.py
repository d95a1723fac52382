"""Shaped runs written straight into a page's content stream, one text object per run.

ReportLab's text object formats a shaped string glyph by glyph in Python (two offsets and
one byte per glyph, grouped again for every call): for a long report that was a third of
the whole build. A Shaped run here already carries its positioning as a few kerns (the
glyph boundaries where the pen moves other than by the glyph's /Widths entry), worked out
once per shaped word, so a run is written with ReportLab's public pieces: the font's
splitString (the subset codes of this document), getSubsetInternalName, fp_str, escapePDF
and Canvas.addLiteral. The operators are the ones ReportLab's PDFTextObject.textOut wrote
for the same run (`BT x y Tm /Fn size Tf leading TL [(…) n (…)] TJ ET`). A run drawn again on
the same canvas (a repeated table cell) reuses its operators; only its place is new.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfgen.canvas import FILL_NON_ZERO, PATH_OPS, Canvas  # type: ignore[attr-defined]  # stubs lack them

from .fonts import ThaiTTFont, thai_font
from .hbfont import glyph_path


class Kern(NamedTuple):
    """At glyph boundary `at` (0: before the first glyph), in 1/1000 em as TJ counts them:
    `after` closes the glyph before (its /Widths entry less its advance, plus its offset),
    `before` opens the glyph after (minus its offset)."""

    at: int
    after: float
    before: float


_FILL = PATH_OPS[0, 1, FILL_NON_ZERO]
_WRITTEN_MAX = 20_000


class _CanvasText:
    """What one canvas's text objects share: its document, and the operators of each run
    already written (by font, size and codes): a table's repeated cells are written again
    and again, and only their place changes."""

    __slots__ = ("document", "written")

    def __init__(self, document: object) -> None:
        self.document = document
        self.written: dict[tuple[str, float, str], tuple[Sequence[Kern], str]] = {}


_states: WeakKeyDictionary[Canvas, _CanvasText] = WeakKeyDictionary()


def text_object(
    canvas: Canvas, codes: str, kerns: Sequence[Kern], font_name: str, size: float, x: float, y: float
) -> str:
    """The text object that shows `codes` (one character per glyph) with its origin at (x, y)."""
    font = thai_font(font_name)
    state = _state_of(canvas, font)
    key = (font_name, size, codes)
    known = state.written.get(key)
    if known is not None and known[0] == kerns:
        operators = known[1]
    else:
        operators = _operators(font, state.document, codes, kerns, size)
        if len(state.written) >= _WRITTEN_MAX:  # a report of thousands of pages: start again
            state.written.clear()
        state.written[key] = (kerns, operators)
    return f"BT 1 0 0 1 {fp_str(x, y)} Tm {operators} ET"


def _operators(font: ThaiTTFont, document: object, codes: str, kerns: Sequence[Kern], size: float) -> str:
    """The font selections and show operators of one run, the same wherever it is drawn: once a
    code has its place in a subset of the document, it keeps it."""
    font_size = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"  # the leading PDFTextObject.setFont gives
    parts = []
    start = 0
    index = 0
    for subset, chunk in font.splitString(codes, document):
        end = start + len(chunk)
        parts.append(f"{font.getSubsetInternalName(subset, document)} {font_size}")
        index, shown = _show(chunk, kerns, index, start, end)
        parts.append(shown)
        start = end
    return " ".join(parts)


def _show(chunk: bytes, kerns: Sequence[Kern], index: int, start: int, end: int) -> tuple[int, str]:
    """`[(…) n (…)] TJ` (or `(…) Tj`) for glyphs start..end, one subset; the next kern's index.

    As ReportLab groups them: zero offsets vanish, the two at one boundary are summed, and a
    sum that prints as 0 still ends the string before it.
    """
    elements: list[str] = []
    position = start
    while index < len(kerns) and kerns[index].at <= end:
        at, after, before = kerns[index]
        shifts = [value for value in (after if at > start else 0.0, before if at < end else 0.0) if value]
        if shifts:
            if at > position:
                elements.append(f"({escapePDF(chunk[position - start : at - start])})")
            position = at
            shift = fp_str(sum(shifts))
            if shift != "0":
                elements.append(shift)
        if at == end:
            break  # its `before` opens the next chunk
        index += 1
    if end > position:
        elements.append(f"({escapePDF(chunk[position - start :])})")
    if len(elements) == 1 and elements[0].startswith("("):
        return index, f"{elements[0]} Tj"
    return index, f"[{' '.join(elements)}] TJ"


def outline_literal(font_name: str, gid: int, size: float, x: float, y: float) -> str:
    """A mark drawn as its outline at (x, y): what saveState, transform, drawPath and restoreState wrote."""
    scale = size / 1000.0
    return f"q\n{fp_str(scale, 0, 0, scale, x, y)} cm\n{_path_code(font_name, gid)}\n{_FILL}\nQ"


@functools.lru_cache(maxsize=4096)
def _path_code(font_name: str, gid: int) -> str:
    return str(glyph_path(font_name, gid).getCode())


def _state_of(canvas: Canvas, font: ThaiTTFont) -> _CanvasText:
    """The canvas's shared state; its document (the subsets and font names a run's codes belong
    to) is asked once, through a text object that shows nothing, which hands the document to
    the font's splitString (ThaiTTFont.last_document)."""
    state = _states.get(canvas)
    if state is None:
        probe = canvas.beginText()
        probe.setFont(font.fontName, 1)
        probe.textOut("")
        state = _states[canvas] = _CanvasText(font.last_document())
    return state
