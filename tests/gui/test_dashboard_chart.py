"""The dashboard chart's count axis: whole-number ticks for any top count, labelled in the
interface's digits (dashboard_chart.py)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtWidgets import QApplication

from sbpac_desktop.gui.pages.dashboard_chart import MAX_STEPS, count_axis, count_ticks


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (0, [0, 1]),  # an office without directives still gets an axis
        (1, [0, 1]),
        (7, [0, 1, 2, 3, 4, 5, 6, 7]),
        (8, [0, 1, 2, 3, 4, 5, 6, 7, 8]),
        (9, [0, 2, 4, 6, 8, 10]),
        (250, [0, 50, 100, 150, 200, 250]),
        (1234, [0, 200, 400, 600, 800, 1000, 1200, 1400]),
    ],
)
def test_ticks_are_whole_nice_and_few(maximum: int, ticks: list[int]) -> None:
    assert count_ticks(maximum) == ticks


@pytest.mark.parametrize("maximum", range(0, 2001, 7))
def test_ticks_always_reach_the_top_in_at_most_eight_steps(maximum: int) -> None:
    ticks = count_ticks(maximum)
    assert ticks[0] == 0 and ticks[-1] >= max(maximum, 1) and len(ticks) - 1 <= MAX_STEPS
    steps = {b - a for a, b in pairwise(ticks)}
    assert len(steps) == 1 and ticks[-2] < max(maximum, 1)  # even, and no tick beyond the one needed


def test_axis_labels_are_thai_digits_on_their_ticks(qapp: QApplication) -> None:
    axis = count_axis(250)
    assert axis.categoriesLabels() == ["๐", "๕๐", "๑๐๐", "๑๕๐", "๒๐๐", "๒๕๐"]
    assert [axis.endValue(label) for label in axis.categoriesLabels()] == [0, 50, 100, 150, 200, 250]
    assert (axis.min(), axis.max()) == (0, 250)
