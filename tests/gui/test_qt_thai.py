"""Qt's own buttons, message boxes and file dialog speak Thai when the interface is Thai (PySide6
ships no qtbase_th.qm: gui/qt_thai.py supplies the strings), English when it is English; and every
date picker in the gui is the Buddhist-Era BeDateEdit, never Qt's Gregorian QDateEdit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import i18n

GUI = Path(__file__).resolve().parents[2] / "sbpac_desktop" / "gui"
BUTTONS = QDialogButtonBox.StandardButton


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_language(i18n.ENGLISH)
    yield
    i18n.install_language(i18n.THAI)


def _button_texts(qtbot: QtBot) -> list[str]:
    box = QDialogButtonBox(BUTTONS.Ok | BUTTONS.Cancel | BUTTONS.Yes | BUTTONS.No | BUTTONS.Close)
    qtbot.addWidget(box)
    return sorted(button.text().replace("&", "") for button in box.buttons())


def test_standard_buttons_in_thai(qtbot: QtBot) -> None:
    i18n.install_language(i18n.THAI)
    assert _button_texts(qtbot) == sorted(["ตกลง", "ยกเลิก", "ใช่", "ไม่ใช่", "ปิด"])


def test_standard_buttons_in_english(qtbot: QtBot, english: None) -> None:
    assert _button_texts(qtbot) == sorted(["OK", "Cancel", "Yes", "No", "Close"])


def test_message_box_details_button_in_thai(qtbot: QtBot) -> None:
    i18n.install_language(i18n.THAI)
    box = QMessageBox(QMessageBox.Icon.Warning, "บันทึกไม่สำเร็จ", "ข้อความ", QMessageBox.StandardButton.Ok)
    box.setDetailedText("รายละเอียด")
    qtbot.addWidget(box)
    box.show()
    texts = {button.text() for button in box.findChildren(QPushButton)}
    assert {"ตกลง", "แสดงรายละเอียด…"} <= texts


def test_qt_file_dialog_in_thai(qtbot: QtBot) -> None:
    """Qt's own file dialog (used where the desktop offers none): labels, buttons, columns."""
    i18n.install_language(i18n.THAI)
    dialog = QFileDialog(None, "บันทึกรายงาน", str(GUI), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"ค้นหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= labels
    buttons = {button.text().replace("&", "") for button in dialog.findChildren(QPushButton)}
    assert {"บันทึก", "ยกเลิก"} <= buttons
    assert not any(re.search("[A-Za-z]{3,}", text) for text in labels - {""})


def test_text_field_context_menu_in_thai(qtbot: QtBot) -> None:
    i18n.install_language(i18n.THAI)
    field = QLineEdit("ข้อความ")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = {action.text().split("\t")[0].replace("&", "") for action in menu.actions() if action.text()}
    assert {"เลิกทำ", "ตัด", "คัดลอก", "วาง", "เลือกทั้งหมด"} <= texts


def test_every_date_picker_is_the_buddhist_era_one() -> None:
    """Qt's QDateEdit/QCalendarWidget show Gregorian years: only be_date.py may use them (its
    calendar popup has a BE year box)."""
    plain = re.compile(r"\b(QDateEdit|QDateTimeEdit|QCalendarWidget)\(")
    found = [
        f"{path.relative_to(GUI)}:{number}"
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "be_date.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if plain.search(line)
    ]
    assert not found, "use gui.widgets.be_date.BeDateEdit: " + ", ".join(found)
    ui_forms = Path(__file__).resolve().parents[2] / "ui"
    in_designer = [
        p.name
        for p in ui_forms.glob("*.ui")
        if re.search(r'class="Q(DateEdit|DateTimeEdit|CalendarWidget)"', p.read_text(encoding="utf-8"))
    ]
    assert not in_designer, in_designer


def test_the_compiled_qt_catalogue_holds_every_thai_string_of_the_table(qapp: QApplication) -> None:
    """gui/translations/qtbase_th.qm is compiled from gui/qt_thai.py (tools/qt_thai_qm.py): stale
    when a string of the table is missing or different."""
    from PySide6.QtCore import QTranslator

    from sbpac_desktop.gui.qt_thai import TABLE, ts_text

    catalogue = QTranslator()
    assert catalogue.load("qtbase_th", str(i18n.translations_dir()))
    stale = [key for key, thai in TABLE.items() if catalogue.translate(key[0], key[1]) != thai]
    assert not stale, f"run `python tools/qt_thai_qm.py`: {stale[:5]}"
    ts_file = GUI.parents[1] / "resources" / "translations" / "qtbase_th.ts"
    assert ts_file.read_text(encoding="utf-8") == ts_text()
