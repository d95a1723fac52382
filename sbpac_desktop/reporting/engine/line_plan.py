"""What one laid-out line draws: its pieces joined into shaped runs, in drawing order.

A run ends where the font changes, around a piece with Thai digits (drawn alone inside its
/ActualText span) and, on a justified line that stretches, at every space. The plan does not
depend on where the line is drawn, so it is made once per line: a table's repeated cells share
their lines (layout.shared_layout) and draw them from the same plan, page after page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .breaking import Space
from .drawing import has_thai_digits
from .layout import Line
from .shaping import Shaped, join, shape


@dataclass(frozen=True, slots=True)
class Segment:
    """One run to draw: its font, the shaped run, the text of its /ActualText span (Thai digits)
    or None, and whether the line's stretch follows it."""

    font: str
    run: Shaped
    actual: str | None = None
    stretch: bool = False


def line_plan(line: Line, stretched: bool) -> tuple[Segment, ...]:
    """The line's runs; `stretched`: a justified line whose spaces grow (a run ends at each)."""
    plan = line.plans.get(stretched)
    if plan is None:
        plan = line.plans[stretched] = _plan(line, stretched)
    return plan


def _plan(line: Line, stretched: bool) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    run: list[Shaped] = []
    run_font = ""  # set with the run's first piece
    for item in line.items:
        pieces = (item.piece,) if isinstance(item, Space) else item.pieces
        for piece in pieces:
            if run and piece.font != run_font:
                segments.append(Segment(run_font, join(run)))
                run = []
            if has_thai_digits(piece.text):
                if run:
                    segments.append(Segment(run_font, join(run)))
                    run = []
                segments.append(Segment(piece.font, join([shape(piece.text, piece.font)]), piece.text))
                continue
            run.append(shape(piece.text, piece.font))
            run_font = piece.font
        if isinstance(item, Space) and stretched:
            segments.append(Segment(run_font, join(run), stretch=True))
            run = []
    if run:
        segments.append(Segment(run_font, join(run)))
    return tuple(segments)
