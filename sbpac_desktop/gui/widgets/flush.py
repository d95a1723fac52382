"""A layout that sits flush with its widget's edges: the nested rows and columns of a form or a
page, whose margins come from the layout around them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLayout

L = TypeVar("L", bound=QLayout)


def flush(layout: L, spacing: int | None = None) -> L:
    """`layout` with no margins (and `spacing` between its items, else the style's own)."""
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    return layout
