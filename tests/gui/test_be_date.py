"""The Buddhist-Era date editor: dd/mm/BE in and out, Thai messages, a BE calendar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.widgets.be_date import BeDateEdit, be_text
from tests.gui.helpers import type_text


@pytest.fixture
def editor(qtbot: QtBot) -> BeDateEdit:
    widget = BeDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_round_trip(editor: BeDateEdit) -> None:
    editor.setDate(date(2019, 10, 22))
    assert editor.text() == "22/10/2562"
    assert editor.date() == date(2019, 10, 22)
    assert editor.problem() is None
    assert editor.line_edit.toolTip() == "วันอังคารที่ ๒๒ ตุลาคม ๒๕๖๒"
    assert be_text(date(2020, 2, 29)) == "29/02/2563"


def test_typing_is_read_and_tidied(editor: BeDateEdit, qtbot: QtBot) -> None:
    changes: list[object] = []
    editor.dateChanged.connect(changes.append)
    type_text(qtbot, editor.line_edit, "๒๒ ต.ค. ๖๒")
    editor.line_edit.editingFinished.emit()
    assert editor.date() == date(2019, 10, 22)
    assert editor.text() == "22/10/2562"  # the canonical form after editing
    assert changes[-1] == date(2019, 10, 22)


def test_rejects_31_february_with_a_thai_message(editor: BeDateEdit, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor.line_edit, "31/02/2563")
    assert editor.date() is None
    assert editor.problem() == "วันที่ไม่ถูกต้อง: 31/02/2563 (กุมภาพันธ์ 2563 มี 29 วัน)"
    editor.line_edit.editingFinished.emit()
    assert editor.text() == "31/02/2563"  # what was typed stays, to be corrected


def test_blank_required_and_optional(qtbot: QtBot) -> None:
    required, optional = BeDateEdit(), BeDateEdit(required=False)
    qtbot.addWidget(required)
    qtbot.addWidget(optional)
    assert required.problem() == "กรุณาระบุวันที่"
    assert optional.problem() is None and optional.date() is None
    optional.set_text("abc")
    assert optional.problem() is not None and optional.problem().startswith("อ่านวันที่ไม่ได้")


def test_calendar_popup_counts_years_in_be(editor: BeDateEdit) -> None:
    editor.setDate(date(2019, 10, 22))
    editor.open_calendar()
    popup = editor.popup
    assert popup is not None and popup.isVisible()
    assert popup.year.value() == 2562
    assert popup.month.currentText() == "ตุลาคม"
    popup.year.setValue(2563)  # BE in the box, Gregorian inside the calendar
    assert popup.calendar.yearShown() == 2020
    popup.calendar.showNextMonth()
    assert popup.month.currentText() == "พฤศจิกายน"
    popup.calendar.clicked.emit(QDate(2020, 11, 5))
    assert editor.text() == "05/11/2563"
    assert not popup.isVisible()
