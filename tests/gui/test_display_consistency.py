"""One rule for digits and dates everywhere on screen: Thai digits and Thai month names
while the interface is Thai, 0–9 and English month abbreviations (year still BE) in English;
standard buttons named by us, since Qt has no Thai catalogue of its own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.models.directives import DirectivesModel
from sbpac_desktop.gui.text import date_text, datetime_text
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.thai import english_medium_date
from tests.gui.test_conflict_dialog import _conflicting_edit, somsri  # noqa: F401 - somsri is a fixture
from tests.gui.test_search import search_for, window  # noqa: F401 - window is a fixture

ARABIC = set("0123456789")


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    assert i18n.install_language(i18n.ENGLISH)
    yield
    i18n.install_language(i18n.THAI)  # the translators are process-wide: never leak English


def test_english_month_names_keep_the_buddhist_year() -> None:
    assert english_medium_date(date(2019, 10, 30)) == "30 Oct 2562 BE"
    assert english_medium_date(date(2020, 2, 1)) == "1 Feb 2563 BE"


def test_date_helpers_follow_the_interface_language(qapp: object) -> None:
    assert date_text(date(2019, 10, 30)) == "๓๐ ต.ค. ๒๕๖๒"
    assert datetime_text(datetime(2019, 9, 30, 14, 5)) == "๓๐ ก.ย. ๒๕๖๒ ๑๔.๐๕ น."
    assert i18n.install_language(i18n.ENGLISH)
    try:
        assert date_text(date(2019, 10, 30)) == "30 Oct 2562 BE"
        assert datetime_text(datetime(2019, 9, 30, 14, 5)) == "30 Sep 2562 BE 14:05"
    finally:
        i18n.install_language(i18n.THAI)


def test_directives_tracker_shows_english_dates(qtbot: QtBot, ctx: AppContext, settings: QSettings, english) -> None:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    win.show_page("directives")
    model = win.page("directives").model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    dues = [model.index(r, DirectivesModel.COL_DUE).data() for r in range(model.rowCount())]
    shown = [d for d in dues if d and d != "—"]
    assert shown and all(d.endswith(" BE") and d.split()[1].isascii() for d in shown)


def test_be_date_edit_errors_in_english(qtbot: QtBot, english) -> None:
    field = BeDateEdit()
    qtbot.addWidget(field)
    field.set_text("31/02/2563")
    assert field.problem() == "Invalid date: 31/02/2563"
    field.set_text("ไม่ใช่วันที่")
    assert field.problem().startswith("Cannot read the date: ไม่ใช่วันที่")
    field.set_text("22/10/2562")
    assert field.problem() is None and field.line_edit.toolTip() == "22 Oct 2562 BE"


def test_be_date_edit_errors_in_thai_unchanged(qtbot: QtBot) -> None:
    field = BeDateEdit()
    qtbot.addWidget(field)
    field.set_text("31/02/2563")
    assert field.problem() == "วันที่ไม่ถูกต้อง: 31/02/2563 (กุมภาพันธ์ 2563 มี 29 วัน)"
    field.set_text("วันจันทร์ที่ 22 ตุลาคม 2562")
    assert field.problem() == "วันในสัปดาห์ไม่ตรงกับวันที่: วันจันทร์ที่ 22 ตุลาคม 2562 (วันนั้นเป็นวันอังคาร)"


def test_followup_report_close_button_is_thai(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = FollowUpReportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "ปิด"


def test_followup_report_close_button_in_english(qtbot: QtBot, ctx: AppContext, english) -> None:
    dialog = FollowUpReportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_search_rows_use_thai_digits_throughout(qtbot: QtBot, window: MainWindow) -> None:  # noqa: F811
    dialog = search_for(qtbot, window, "ตำบล")
    assert dialog.tree.topLevelItemCount() > 0
    for row in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(row)
        for column in range(4):
            assert not ARABIC & set(item.text(column)), item.text(column)
    report = next(r for r in range(dialog.tree.topLevelItemCount()) if dialog.hit_at(r).kind == "progress_report")
    assert "2562" in dialog.hit_at(report).title  # the hit itself keeps the stored form


def test_conflict_summary_date_in_thai_digits(qtbot, work_ctx, somsri, wait_ops) -> None:  # noqa: F811
    _dialog, conflict, _detail, _mine = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    summary = conflict.summary.text()
    assert "น." in summary and not ARABIC & set(summary), summary
