"""Tables whose text cells are ThaiParagraphs: wrapped between words, never overflowing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from .fonts import BODY_SIZE, LEADING, REGULAR
from .paragraph import ThaiParagraph
from .styles import styles

CELL_PADDING = 3  # points on each side


def thai_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    header_rows: int = 1,
    style: Sequence[tuple] | TableStyle | None = None,
    *,
    cell_style: ParagraphStyle | None = None,
    header_style: ParagraphStyle | None = None,
    thai_digits: bool = False,
    grid: bool = True,
) -> Table:
    """A Table with every cell that is not already a Flowable turned into a ThaiParagraph.

    Header rows use `header_style` (bold) and repeat at the top of every page. Rows
    taller than a page are split between lines of their cells. `style` holds extra
    TableStyle commands applied after the defaults (grid, top alignment, padding).
    """
    named = styles()
    body_style = cell_style or named["cell"]
    head_style = header_style or named["cell_bold"]
    data = [
        [_cell(value, head_style if index < header_rows else body_style, thai_digits) for value in row]
        for index, row in enumerate(rows)
    ]
    table = Table(data, colWidths=list(col_widths), repeatRows=header_rows, splitInRow=1)
    table.setStyle(TableStyle(_default_commands(grid)))
    if style is not None:
        table.setStyle(style if isinstance(style, TableStyle) else TableStyle(list(style)))
    return table


def _cell(value: Any, style: ParagraphStyle, thai_digits: bool) -> Any:
    if isinstance(value, Flowable | list):  # already laid out by the caller
        return value
    return ThaiParagraph("" if value is None else str(value), style, thai_digits=thai_digits)


def _default_commands(grid: bool) -> list[tuple]:
    commands: list[tuple] = [
        # Table selects a cell font even for Flowable cells; its default, Helvetica,
        # would end up in the PDF as a font reference that is never embedded.
        ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE, LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, black))
    return commands
