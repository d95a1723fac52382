"""The dashboard of a new office (an empty database) at 1366x768 and at the window's least size
(960x560): the empty state says so, and no label on the page is cut or covered. At 960 px the
filters covered the heading and the matrix was cut at the splitter; they now move under the
heading, and the matrix scrolls sideways."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.main_window import MINIMUM_SIZE
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.services.app import AppContext, open_app
from tests.gui.helpers import cut_or_covered, shown_window

SHOTS = Path(os.environ.get("SBPAC_WALK_SHOTS", "/tmp/walk"))


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(str(tmp_path / "new-office.db"), create=True)
    yield context
    context.close()


@pytest.fixture(params=[i18n.THAI, i18n.ENGLISH])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert i18n.install_language(request.param)
    yield request.param
    i18n.install_language(i18n.THAI)


@pytest.mark.parametrize("size", [(1366, 768), (MINIMUM_SIZE.width(), MINIMUM_SIZE.height())])
def test_new_office_dashboard_reads_whole(qtbot: QtBot, empty_ctx: AppContext, settings: QSettings,
                                          language: str, size: tuple[int, int]) -> None:  # fmt: skip
    window = shown_window(qtbot, empty_ctx, settings, size)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"dashboard_empty_{language}_{size[0]}.png"))
    assert page.view is not None and page.view.total == 0
    problems = cut_or_covered(page)
    assert not problems, f"({language}, {size}) " + "; ".join(problems)
    matrix = page.matrix  # every column inside the table, or reachable by its scroll bar
    header = matrix.horizontalHeader()
    edge = sum(header.sectionSize(c) for c in range(header.count()))
    assert edge <= matrix.viewport().width() or matrix.horizontalScrollBar().maximum() > 0
    assert matrix.mapTo(page, QPoint(matrix.width(), 0)).x() <= page.chart_column.mapTo(page, QPoint(0, 0)).x()
    said = page.summary.text().replace("\u200b", "")
    assert ("ยังไม่มีข้อสั่งการ" if language == i18n.THAI else "No directives yet") in said
