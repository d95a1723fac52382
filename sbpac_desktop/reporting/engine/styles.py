"""Named paragraph styles for official documents (docs/CONVENTIONS.md §6.3-6.4)."""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from .fonts import BODY_SIZE, BOLD, LEADING, REGULAR, register_fonts

SMALL_SIZE = round(BODY_SIZE * 14 / 16, 2)  # TH Sarabun New 14 pt: footnotes, dense tables
FIRST_LINE_INDENT = 2.5 * cm


def styles() -> dict[str, ParagraphStyle]:
    """Fresh styles each call, so a caller may change one without affecting others.

    title (bold, centred), heading (bold, kept with the next paragraph), body,
    body_indent (first line indented 2.5 cm), small, cell and cell_bold (table cells,
    no spacing so rows stay tight).
    """
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=LEADING,
        alignment=TA_LEFT,
        textColor=black,
        spaceBefore=0,
        spaceAfter=0,
        allowOrphans=0,
        allowWidows=0,
    )
    small_leading = round(LEADING * SMALL_SIZE / BODY_SIZE, 2)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, alignment=TA_CENTER, keepWithNext=1),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, keepWithNext=1, spaceBefore=LEADING / 2),
        "body": body,
        "body_indent": ParagraphStyle("body_indent", parent=body, firstLineIndent=FIRST_LINE_INDENT),
        "small": ParagraphStyle("small", parent=body, fontSize=SMALL_SIZE, leading=small_leading),
        "cell": ParagraphStyle("cell", parent=body, allowOrphans=1, allowWidows=1),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, allowOrphans=1, allowWidows=1),
    }
