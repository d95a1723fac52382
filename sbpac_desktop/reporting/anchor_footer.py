"""The audit chain's head in small type at the foot of every page ("ตรวจสอบ: 1234 · a1b2c3d4"),
so a printed, signed document is an anchor of the trail outside the database."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from sbpac_desktop.reporting.engine.canvas_text import shaped_text
from sbpac_desktop.reporting.engine.fonts import REGULAR

ANCHOR_SIZE = 8  # pt: readable when needed, out of the way of the text
FROM_BOTTOM = 1.0 * cm  # inside the 2 cm bottom margin


def anchor_footer(anchor: str):
    """A page_header for build_pdf that prints `anchor` bottom right; None when there is none."""
    if not anchor:
        return None

    def draw(canvas: Canvas, document: BaseDocTemplate) -> None:
        width, _height = document.pagesize
        shaped_text(canvas, width - document.rightMargin, FROM_BOTTOM, anchor, REGULAR, ANCHOR_SIZE, "right")

    return draw
