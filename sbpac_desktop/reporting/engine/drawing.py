"""Putting shaped runs on a canvas: the text, then the marks drawn as outlines."""

from __future__ import annotations

from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from .hbfont import glyph_path
from .shaping import Shaped


def draw_shaped(canvas: Canvas, run: Shaped, font_name: str, size: float, x: float, y: float) -> None:
    """Draw `run` with its origin at (x, y) in the canvas's current fill colour."""
    if run.text:
        text = canvas.beginText(x, y)
        text.setFont(font_name, size)
        text.textOut(run.text)
        canvas.drawText(text)
    scale = size / 1000.0
    for overlay in run.overlays:
        canvas.saveState()
        canvas.transform(scale, 0, 0, scale, x + overlay.x * scale, y + overlay.y * scale)
        canvas.drawPath(glyph_path(font_name, overlay.gid), stroke=0, fill=1, fillMode=FILL_NON_ZERO)
        canvas.restoreState()
