"""One shaped line straight onto a canvas: page headers, footers, page numbers."""

from __future__ import annotations

from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from .drawing import draw_shaped
from .fonts import register_fonts
from .shaping import shape

Align = Literal["left", "centre", "right"]


def shaped_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, align: Align = "left") -> float:
    """Draw `text` on one line with its baseline at y; x is its left end, centre or right end.

    Returns the drawn width in points. The text is not wrapped: use ThaiParagraph for
    anything that may be longer than the space it gets.
    """
    register_fonts()
    run = shape(text.replace("\n", " "), font)
    width = run.width(size)
    offset = {"left": 0.0, "centre": width / 2, "right": width}.get(align)
    if offset is None:
        raise ValueError(f"align must be 'left', 'centre' or 'right', not {align!r}")
    draw_shaped(canvas, run, font, size, x - offset, y)
    return width
