"""The menu bar (File/Edit/View/Help), its keys, the shortcut list read from the window's actions,
the bundled Thai user guide (F1) and a backup from File → สำรองข้อมูล…, on a real demo database."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop import __version__
from sbpac_desktop.gui import errors as errors_module
from sbpac_desktop.gui import menus as menus_module
from sbpac_desktop.gui.help import GuideWindow, guide_path
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.shortcuts_dialog import ShortcutsDialog, window_shortcuts
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.app import AppContext

ROOT = Path(__file__).resolve().parents[2]
GUIDE_HEADINGS = [
    "คู่มือการใช้งาน SBPAC Desktop",
    "๑. เริ่มต้นกับฐานข้อมูลใหม่",
    "๒. การประชุมครั้งแรก",
    "๓. ข้อสั่งการและการติดตาม",
    "๔. การสำรองข้อมูล",
    "๕. บทบาทผู้ใช้",
    "๖. แป้นพิมพ์ลัด",
]


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> MainWindow:
    main = MainWindow(work_ctx, settings)
    qtbot.addWidget(main)
    main.resize(1366, 720)
    main.show()
    qtbot.waitExposed(main)
    return main


def _key(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_menu_bar_has_the_usual_menus_in_thai(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["ไฟล์", "แก้ไข", "มุมมอง", "ช่วยเหลือ"]
    menus = window.menus
    assert menus.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert menus.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    file_texts = [a.text() for a in menus.file_menu.actions() if a.text()]
    assert file_texts == ["เปิดไฟล์ฐานข้อมูล…", "สำรองข้อมูล…", "ส่งออกข้อสั่งการ…", "รายงานผลการติดตาม…", "ออกจากโปรแกรม"]
    assert window.new_action in menus.edit_menu.actions() and window.find_action in menus.edit_menu.actions()
    assert window.reload_action in menus.view_menu.actions()


def test_view_menu_has_every_page_with_ctrl_number(window: MainWindow, wait_ops: Callable[[], None]) -> None:
    actions = window.menus.page_actions
    assert [a.text().replace("&&", "&") for a in actions] == [entry.label for entry in window.entries]
    assert [a.shortcut().toString() for a in actions[:3]] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    actions[2].trigger()
    wait_ops()
    assert window.current_key() == window.entries[2].key
    actions[0].trigger()
    assert window.current_key() == window.entries[0].key


def test_quit_closes_the_window(window: MainWindow) -> None:
    window.menus.quit_action.trigger()
    assert not window.isVisible()


def test_shortcuts_dialog_lists_the_window_actions(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.menus.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    table = dialog.table
    shown = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert set(window_shortcuts(window)) <= shown
    keys = {key for key, _what in shown}
    assert {_key("Ctrl+Q"), _key("F1"), _key("F5"), _key("Ctrl+N"), _key("Ctrl+F"), _key("Ctrl+1")} <= keys
    assert (_key("Ctrl+Q"), "ออกจากโปรแกรม") in shown
    assert (_key("F1"), "คู่มือการใช้งาน") in shown
    dialog.close()


def test_f1_opens_the_thai_user_guide_with_its_headings(qtbot: QtBot, window: MainWindow) -> None:
    guide = window.menus.open_guide()
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    assert guide.headings() == GUIDE_HEADINGS
    text = guide.browser.toPlainText()
    for phrase in ("ผู้ดูแลระบบคนแรก", "ชุดการประชุม", "มิติการพัฒนา", "ผู้เข้าประชุม", "รายงานการประชุม", "สำรองข้อมูล"):
        assert phrase in text
    guide.browser.scrollToAnchor("keys")  # the table of contents links within the page
    assert guide.browser.verticalScrollBar().value() > 0
    guide.close()


def test_the_guide_ships_with_the_package_and_the_installer() -> None:
    assert guide_path().is_file()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "gui/help/*.html" in data["tool"]["setuptools"]["package-data"]["sbpac_desktop"]
    import importlib.util

    spec = importlib.util.spec_from_file_location("bundle", ROOT / "installer" / "pyinstaller" / "bundle.py")
    assert spec is not None and spec.loader is not None
    bundle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundle)
    assert ("sbpac_desktop/gui/help") in {dest for source, dest in bundle.package_datas() if source.endswith(".html")}


def test_about_names_the_version(window: MainWindow) -> None:
    box = window.menus.show_about()
    assert digits(__version__) in box.text()
    assert box.windowTitle() == "เกี่ยวกับโปรแกรม"
    box.close()


def test_backup_from_the_file_menu_writes_a_verified_copy(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_ops: Callable[[], None]
) -> None:
    target = tmp_path / "สำรอง" / "sbpac-backup.db"
    target.parent.mkdir()
    monkeypatch.setattr(menus_module, "choose_backup_file", lambda parent, name: str(target))
    window.menus.backup_action.trigger()
    wait_ops()
    with sqlite3.connect(target) as copy:
        assert copy.execute("select count(*) from meeting").fetchone()[0] == 2
        assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert str(target) in window.statusBar().currentMessage()


def test_backup_into_a_missing_folder_is_refused_in_thai(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_ops: Callable[[], None]
) -> None:
    target = tmp_path / "ไม่มีโฟลเดอร์นี้" / "x.db"
    monkeypatch.setattr(menus_module, "choose_backup_file", lambda parent, name: str(target))
    shown: list[str] = []
    # menus imports present_error when it is needed (not with the window frame): patched at its source
    monkeypatch.setattr(errors_module, "present_error", lambda parent, error: shown.append(str(error)))
    window.menus.backup_action.trigger()
    wait_ops()
    assert not target.exists()
    assert shown and "ไม่พบโฟลเดอร์" in shown[0]


def test_cancelled_backup_does_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(menus_module, "choose_backup_file", lambda parent, name: "")
    window.menus.backup_action.trigger()
    assert window.menus.operation is None
    QApplication.processEvents()


def test_page_names_with_an_ampersand_keep_it_in_english(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings
) -> None:
    """'People & units': '&' marks a mnemonic in a menu, so the menu doubles it and the shortcut
    list shows it as written."""
    from sbpac_desktop.gui import i18n

    assert i18n.install_language(i18n.ENGLISH)
    try:
        main = MainWindow(work_ctx, settings)
        qtbot.addWidget(main)
        people = main.menus.page_actions[main.page_keys().index("people")]
        assert people.text() == "People && units"
        assert any(what == "People & units" for _key, what in window_shortcuts(main))
    finally:
        i18n.install_language(i18n.THAI)
