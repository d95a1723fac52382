"""Shaped runs written straight into a page's content stream, one text object per run.

ReportLab's text object formats a shaped string glyph by glyph in Python (two offsets and
one byte per glyph, grouped again for every call): for a long report that was a third of
the whole build. A Shaped run here already carries its positioning as a few kerns (the
glyph boundaries where the pen moves other than by the glyph's /Widths entry), worked out
once per shaped word, so a run is written with ReportLab's public pieces: the font's
splitString (the subset codes of this document), getSubsetInternalName, fp_str, escapePDF
and Canvas.addLiteral. The operators are the ones ReportLab's PDFTextObject.textOut wrote
for the same run (`BT x y Tm /Fn size Tf leading TL [(…) n (…)] TJ ET`).
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
_documents: WeakKeyDictionary[Canvas, object] = WeakKeyDictionary()


def text_object(
    canvas: Canvas, codes: str, kerns: Sequence[Kern], font_name: str, size: float, x: float, y: float
) -> str:
    """The text object that shows `codes` (one character per glyph) with its origin at (x, y)."""
    font = thai_font(font_name)
    document = _document_of(canvas, font)
    font_size = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"  # the leading PDFTextObject.setFont gives
    parts = [f"BT 1 0 0 1 {fp_str(x, y)} Tm"]
    start = 0
    index = 0
    for subset, chunk in font.splitString(codes, document):
        end = start + len(chunk)
        parts.append(f"{font.getSubsetInternalName(subset, document)} {font_size}")
        index, shown = _show(chunk, kerns, index, start, end)
        parts.append(shown)
        start = end
    parts.append("ET")
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


def _document_of(canvas: Canvas, font: ThaiTTFont) -> object:
    """The PDF document `canvas` writes: the subsets and font names a run's codes belong to.

    Asked once per canvas through a text object that shows nothing, which hands the
    document to the font's splitString (ThaiTTFont.last_document)."""
    document = _documents.get(canvas)
    if document is None:
        probe = canvas.beginText()
        probe.setFont(font.fontName, 1)
        probe.textOut("")
        document = font.last_document()
        _documents[canvas] = document
    return document
