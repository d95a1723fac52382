"""The one shaped path every Thai string in every PDF goes through.

ReportLab draws Thai wrongly unless text is shaped, breaks lines inside Thai words,
and writes a text layer that loses tone marks. This package shapes with HarfBuzz,
breaks lines between the words sbpac_desktop.thai.segment finds, and writes a
ToUnicode map that reads every glyph back as the stored text.

    register_fonts()                      Sarabun family for ReportLab (idempotent)
    BODY_SIZE, LEADING                    10.6 pt ≈ TH Sarabun New 16 pt, single spacing
    styles()                              title, heading, body, body_indent, small, cell, cell_bold
    ThaiParagraph(text, style)            a Flowable; text may be (text, bold) runs
    shaped_text(canvas, x, y, text, ...)  one line for headers, footers, page numbers
    thai_table(rows, col_widths, ...)     a Table of ThaiParagraph cells
    build_pdf(path, flowables, ...)       A4 official layout, atomic write
    write_atomically(path, write)         the same all-or-nothing write for other formats (Word)

Margins, OutputPathError and write_atomically live in ReportLab-free modules (reporting.layout,
reporting.output_file) so the Word writer does not load this package; they are re-exported here.
"""

from sbpac_desktop.reporting.layout import OFFICIAL_MARGINS, Margins
from sbpac_desktop.reporting.output_file import OutputPathError, write_atomically

from .canvas_text import shaped_text
from .document import build_pdf
from .fonts import BODY_SIZE, BOLD, LEADING, REGULAR, register_fonts
from .paragraph import ThaiParagraph
from .shaping import text_width
from .styles import styles
from .table import thai_table

__all__ = [
    "BODY_SIZE",
    "BOLD",
    "LEADING",
    "OFFICIAL_MARGINS",
    "REGULAR",
    "Margins",
    "OutputPathError",
    "ThaiParagraph",
    "build_pdf",
    "register_fonts",
    "shaped_text",
    "styles",
    "text_width",
    "thai_table",
    "write_atomically",
]
