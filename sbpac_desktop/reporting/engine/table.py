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
    table = ThaiTable(data, colWidths=list(col_widths), repeatRows=header_rows, splitInRow=1)
    table.setStyle(TableStyle(_default_commands(grid)))
    if style is not None:
        table.setStyle(style if isinstance(style, TableStyle) else TableStyle(list(style)))
    return table


class ThaiTable(Table):
    """A Table whose rows split between the lines of their cells at the width the cells are drawn at.

    ReportLab (5.1) measures a cell's flowables at the column width less the cell
    padding but asks them to split at the full column width. A paragraph measured at
    the narrow width may no longer need the room at the wide one, answers "nothing to
    split" and ReportLab indexes the missing second half (IndexError); or its first half,
    cut for the wide width, is drawn narrower and runs past the bottom of the row.
    """

    def _splitCell(self, value, style, oldHeight, newHeight, width):  # noqa: N802, N803 - ReportLab's name
        if style.valign != "TOP" or not isinstance(value, Flowable | list | tuple):
            return super()._splitCell(value, style, oldHeight, newHeight, width)
        flowables = [value] if isinstance(value, Flowable) else list(value)
        inner = width - style.leftPadding - style.rightPadding
        return _split_flowables(flowables, inner, newHeight - style.topPadding, getattr(self, "canv", None))


def _split_flowables(flowables: list[Flowable], width: float, room: float, canvas: Any) -> tuple | list:
    """(what fits in `room`, the rest) for a top-aligned cell; [] when not even a first line fits."""
    head: list[Flowable] = []
    used = 0.0
    for index, flowable in enumerate(flowables):
        before = flowable.getSpaceBefore() if head else 0.0
        _width, height = flowable.wrapOn(canvas, width, room)
        if used + before + height <= room:
            head.append(flowable)
            used += before + height + flowable.getSpaceAfter()
            continue
        parts = flowable.splitOn(canvas, width, room - used - before) if room - used - before > 0 else []
        rest = list(flowables[index + 1 :])
        if len(parts) == 1:  # fits after all (rounding): keep it whole
            head.append(parts[0])
        elif parts:
            head.append(parts[0])
            rest = [*parts[1:], *rest]
        else:
            rest = [flowable, *rest]
        return (tuple(head), tuple(rest)) if head else []
    return tuple(head), ()


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
