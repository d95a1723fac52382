"""Putting shaped runs on a canvas: the text, then the marks drawn as outlines."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.pdfgen.canvas import Canvas

from .shaping import Shaped
from .text_stream import outline_literal, text_object


def draw_shaped(canvas: Canvas, run: Shaped, font_name: str, size: float, x: float, y: float) -> None:
    """Draw `run` with its origin at (x, y) in the canvas's current fill colour."""
    if run.text:
        canvas.addLiteral(text_object(canvas, run.text, run.kerns, font_name, size, x, y))
    scale = size / 1000.0
    for overlay in run.overlays:
        canvas.addLiteral(outline_literal(font_name, overlay.gid, size, x + overlay.x * scale, y + overlay.y * scale))


_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(_THAI_DIGITS, "0123456789")


_THAI_DIGIT_SET = frozenset(_THAI_DIGITS)


def has_thai_digits(text: str) -> bool:
    return not _THAI_DIGIT_SET.isdisjoint(text)


@contextmanager
def actual_text_span(canvas: Canvas, printed: str) -> Iterator[None]:
    """Mark what is drawn inside as /Span with /ActualText: the printed text with Arabic digits.

    The glyphs and their ToUnicode readings stay Thai digits, which is what readers that ignore
    ActualText (pypdf, pdfplumber; browser viewers vary) give. Readers that honour it (Acrobat,
    poppler: pdftotext, Evince, Okular) give "2563" for search and copy instead, so the year as
    typed on most keyboards is found; those readers then do not find "๒๕๖๓" in that word.
    """
    actual = "FEFF" + printed.translate(_TO_ARABIC).encode("utf-16-be").hex().upper()
    canvas.addLiteral(f"/Span <</ActualText <{actual}>>> BDC")  # ReportLab has no marked-content call
    try:
        yield
    finally:
        canvas.addLiteral("EMC")
