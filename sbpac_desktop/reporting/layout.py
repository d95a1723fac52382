"""The official page both formats share (docs/CONVENTIONS.md §6.4), in points as ReportLab and
python-docx's Pt take them. Free of ReportLab, so writing a Word file never loads the PDF engine."""

from __future__ import annotations

from dataclasses import dataclass

CM = 72.0 / 2.54  # points per centimetre: the very float reportlab.lib.units.cm is


@dataclass(frozen=True)
class Margins:
    """Page margins in points; the defaults are the official ones."""

    left: float = 3 * CM
    right: float = 2 * CM
    top: float = 2.5 * CM
    bottom: float = 2 * CM
    page_number_from_top: float = 1.5 * CM  # baseline of "- ๒ -", inside the top margin


OFFICIAL_MARGINS = Margins()
TEXT_WIDTH = 16 * CM  # A4 (21 cm) minus the official 3 cm + 2 cm margins
PEOPLE_WIDTHS = (1.0 * CM, 4.8 * CM, 7.0 * CM, 3.2 * CM)  # number, name, position, note
SIGNATURE_INDENT = 7 * CM  # the signature's name and position, in the right half
