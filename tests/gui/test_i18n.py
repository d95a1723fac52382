"""Thai source strings, English through Qt Linguist: the catalogue is complete, fresh and compiled,
and the window speaks English when it is chosen at run time."""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.errors import DatabaseError, FieldProblem, ValidationError
from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.dialogs.person_dialog import COMMON_PREFIXES
from sbpac_desktop.gui.errors import present_error, user_message
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.qt_thai import TABLE as QT_THAI
from sbpac_desktop.services.app import AppContext
from tests.gui.helpers import settle

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "sbpac_desktop" / "gui"
THAI = re.compile("[\u0e00-\u0e7f]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
FIX = "run `make translations`, then write the English in resources/translations/sbpac_desktop_en.ts"

# Thai literals in gui/ that are not interface text, each with the reason.
NOT_INTERFACE_TEXT = {
    # printed before Qt (and any translator) exists: one bilingual sentence
    ("display_probe.py", "เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ขาดไลบรารี"),
    ("startup.py", "ไม่พบหน้าจอแสดงผล (DISPLAY)"),
    ("startup.py", "เชื่อมต่อหน้าจอแสดงผล DISPLAY={display} ไม่ได้"),
    # meeting roles are data typed into the attendance list and printed in the minutes
    ("attendance_tab.py", "ประธาน"),
    ("attendance_tab.py", "รองประธาน"),
    ("attendance_tab.py", "กรรมการ"),
    ("attendance_tab.py", "กรรมการและเลขานุการ"),
    ("attendance_tab.py", "เลขานุการ"),
    ("attendance_tab.py", "ผู้ช่วยเลขานุการ"),
    # titles and ranks offered for a person's name: data, stored and printed as chosen
    *(("person_dialog.py", title) for title in COMMON_PREFIXES),
    # Qt's own strings (buttons, file dialog) in Thai: a table Qt's translate() reads (gui/qt_thai.py)
    *(("qt_thai.py", thai) for thai in QT_THAI.values()),
    # a ValidationError built in the window carries its own English (shown through i18n.error_text)
    ("plan.py", "ผลของตัวชี้วัด '"),
    ("plan.py", "' ต้องเป็นตัวเลข (ได้รับ '"),
    # the two language names are shown in both scripts on purpose (see i18n.language_names)
    ("i18n.py", "ไทย (Thai)"),
    ("i18n.py", "English (อังกฤษ)"),
}


def _catalogue():  # resources/ is not a package: load the same module `make translations` runs
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "resources/translations/catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogue = _catalogue()


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    assert i18n.install_language(i18n.ENGLISH)
    yield
    i18n.install_language(i18n.THAI)  # the translators are process-wide: never leak English


def test_every_string_has_a_finished_english_translation() -> None:
    found = catalogue.messages(catalogue.TS_FILE)
    assert len(found) > 250
    problems = [f"[{context}] {source}" for (context, source), (text, kind) in found.items() if kind or not text]
    assert not problems, f"strings without English ({FIX}):\n" + "\n".join(problems)


def test_translations_keep_the_placeholders() -> None:
    wrong = [
        f"[{context}] {source!r} -> {text!r}"
        for (context, source), (text, _kind) in catalogue.messages(catalogue.TS_FILE).items()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert not wrong, "the English must keep every {placeholder}:\n" + "\n".join(wrong)


def test_catalogue_is_not_stale(tmp_path: Path) -> None:
    """A new tr() string must reach the .ts (with English) before it is committed."""
    fresh = tmp_path / "fresh.ts"
    catalogue.update_ts(fresh)
    in_code = set(catalogue.messages(fresh))
    in_catalogue = set(catalogue.messages(catalogue.TS_FILE))
    missing = sorted(in_code - in_catalogue)
    gone = sorted(in_catalogue - in_code)
    assert not missing, f"strings in the code but not in the catalogue ({FIX}):\n" + "\n".join(map(str, missing))
    assert not gone, "strings in the catalogue that the code no longer has (run `make translations`):\n" + "\n".join(
        map(str, gone)
    )


def test_compiled_catalogue_matches_the_ts(qapp: object) -> None:
    """Every English string of the .ts comes back from the committed .qm (compared through Qt, not
    byte for byte, so another lrelease version builds an equally good file)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(catalogue.QM_FILE)), "the .qm is missing: run `make translations`"
    stale = [
        f"[{context}] {source}"
        for (context, source), (text, _kind) in catalogue.messages(catalogue.TS_FILE).items()
        if translator.translate(context, source) != text
    ]
    assert not stale, "the .qm is older than the .ts: run `make translations`:\n" + "\n".join(stale[:20])
    assert i18n.catalogue_path("en") == catalogue.QM_FILE  # what the app loads is what was checked


def _thai_literals_outside_tr(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "tr" and node.args:
                allowed.add(id(node.args[0]))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                allowed.add(id(node.args[1]))
            elif name.endswith("Error") and len(node.args) >= 2:  # AppError(th, en) carries its own English
                allowed.add(id(node.args[0]))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                allowed.add(id(first.value))  # docstrings
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and THAI.search(node.value)
        if id(node) not in allowed
    ]


def _matches(text: str, listed: str) -> bool:
    """Long sentences are listed by their start, short data words exactly."""
    return text == listed or (len(listed) > 20 and text.startswith(listed))


def test_every_thai_literal_in_the_gui_goes_through_tr() -> None:
    """An f-string or a helper around tr() hides the text from lupdate: the string stays Thai in English."""
    stray = []
    for path in sorted(GUI.rglob("*.py")):
        if "forms" in path.relative_to(GUI).parts:
            continue  # compiled Designer forms: their strings come from ui/*.ui
        for line, text in _thai_literals_outside_tr(path):
            if not any(path.name == name and _matches(text, start) for name, start in NOT_INTERFACE_TEXT):
                stray.append(f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}")
    assert not stray, "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(stray)


def test_gui_shows_service_errors_in_the_active_language() -> None:
    """message_th is only read through i18n (error_text / problem_text), never directly."""
    direct = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(GUI.rglob("*.py"))
        # importer row reports (services' RowProblem) are Thai only, like the Thai spreadsheets they check
        if path.name not in ("i18n.py", "import_previews.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".message_th" in line and "_print_error(" not in line and "log." not in line
    ]
    assert not direct, "use i18n.error_text(error) / i18n.problem_text(problem):\n" + "\n".join(direct)


def test_every_domain_label_is_in_the_catalogue() -> None:
    """Statuses, kinds and priorities come from the domain in Thai; the window translates them."""
    from sbpac_desktop.domain import enums, escalation, status
    from sbpac_desktop.gui.domain_labels import LABELS, domain_label

    labels = {*enums._LABELS.values(), *escalation._LABELS.values(), *status._PROGRESS_LABELS.values()}
    missing = sorted(labels - set(LABELS))
    assert not missing, "add these to sbpac_desktop/gui/domain_labels.py, then " + FIX + ":\n" + "\n".join(missing)
    translated = {source for context, source in catalogue.messages(catalogue.TS_FILE) if context == "domain"}
    assert labels <= translated
    assert domain_label("ร่าง") == "ร่าง"  # Thai interface: unchanged


def test_error_messages_follow_the_language(english: None) -> None:
    assert user_message(DatabaseError("เปิดไม่ได้", "Cannot open")) == "Cannot open"
    problem = ValidationError([FieldProblem("title", "กรุณากรอกชื่อ", "Please enter a title")])
    assert user_message(problem) == "Some entries are not valid:\n• Please enter a title"
    from sbpac_desktop.gui.domain_labels import domain_label

    assert domain_label("รับรองรายงานการประชุมแล้ว") == "Minutes certified"
    box = present_error(None, DatabaseError("เปิดไม่ได้", "Cannot open"))
    assert box.windowTitle() == "Error"
    box.close()


def test_thai_is_the_default_and_a_missing_catalogue_keeps_thai(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = QSettings()
    assert i18n.saved_language(QSettings(str(ROOT / "no-such.ini"), QSettings.Format.IniFormat)) == "th"
    settings.setValue(i18n.SETTINGS_KEY, "fr")
    assert i18n.saved_language(settings) == "th"
    monkeypatch.setattr(i18n, "translations_dir", lambda: ROOT / "no-such-folder")
    assert not i18n.install_language("en")
    assert i18n.current_language() == "th"
    assert user_message(DatabaseError("เปิดไม่ได้", "Cannot open")) == "เปิดไม่ได้"


def test_switching_to_english_at_run_time(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # the lists load off the GUI thread
    window.show_page("meetings")
    qtbot.waitUntil(lambda: window.page("meetings").model.rowCount() == 2, timeout=5000)  # type: ignore[attr-defined]
    meeting_id = window.page("meetings").model.rows()[0].id  # type: ignore[attr-defined]
    window.page("meetings").open_meeting(meeting_id)  # type: ignore[attr-defined]
    settle(qtbot)  # the meeting is read off the GUI thread before its window opens
    meeting_window = window.page("meetings").windows[meeting_id]  # type: ignore[attr-defined]
    window.show_page("settings")
    page = window.settings_page
    assert page is not None
    try:
        combo = page.ui.languageCombo
        combo.setCurrentIndex(combo.findData("en"))
        combo.activated.emit(combo.currentIndex())  # what a click on the item does
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "Meetings", timeout=5000)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert labels == [
            "Meetings", "Directives", "Dashboard", "Field visits", "Civil-society network", "Integrated plan",
            "People & units", "Meeting series", "Development dimension", "Settings",
        ]  # fmt: skip
        assert window.windowTitle().startswith("SBPAC Desktop — SBPAC meetings")
        assert window.search.placeholderText() == "Search…"
        assert window.reminders.action.text() == "Reminders"
        assert page.ui.heading.text() == "Settings" and page.ui.testButton.text() == "Test connection"
        assert settings.value(i18n.SETTINGS_KEY) == "en"  # remembered for this machine
        assert shiboken6.isValid(meeting_window) and meeting_window.isVisible()  # kept open across the rebuild
        window.show_page("meetings")
        meetings_page = window.page("meetings")
        qtbot.waitUntil(lambda: meetings_page.model.rowCount() == 2, timeout=5000)  # type: ignore[attr-defined]
        assert meetings_page.heading.text() == "Meetings"  # type: ignore[attr-defined]
        assert meetings_page.summary.text() == "2 records"  # type: ignore[attr-defined]  # 0–9 in English
        assert meetings_page.model.index(0, 0).data() == "10/2562"  # type: ignore[attr-defined]
        header = meetings_page.model.headerData(2, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
        assert header == "Meeting title"
        assert window.entries[window.page_keys().index("series")].page is None  # never shown yet
        window.show_page("series")  # built now, in the language chosen since
        assert window.page("series").heading.text() == "Meeting series"  # type: ignore[attr-defined]
        # And back to Thai, still at run time.
        page.choose_language("th")
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "การประชุม", timeout=5000)
        assert page.ui.heading.text() == "ตั้งค่า"
    finally:
        i18n.install_language(i18n.THAI)


def _all_statuses() -> list[object]:
    from sbpac_desktop.domain.status import Deadline, DerivedStatus, Progress

    return [
        DerivedStatus(progress, deadline, days, reason)
        for progress in Progress
        for deadline in Deadline
        for days in (None, 0, 13)
        for reason in (None, "รองบประมาณ")
        if (days is None) == (deadline is Deadline.NONE)
    ]


def test_status_and_escalation_texts_match_the_domain_in_thai(qapp: object) -> None:
    from sbpac_desktop.domain.escalation import Escalation, Tier
    from sbpac_desktop.gui.domain_labels import escalation_text, status_text

    for status in _all_statuses():
        assert status_text(status) == status.label  # type: ignore[arg-type, attr-defined]
    for tier in Tier:
        escalation = Escalation(tier, 20)
        assert escalation_text(escalation) == escalation.label


def test_status_and_escalation_texts_in_english(english: None) -> None:
    from sbpac_desktop.domain.escalation import Escalation, Tier
    from sbpac_desktop.domain.status import Deadline, DerivedStatus, Progress
    from sbpac_desktop.gui.domain_labels import escalation_text, status_text

    assert status_text(DerivedStatus(Progress.IN_PROGRESS, Deadline.OVERDUE, 46)) == "Overdue (46 days late)"
    assert status_text(DerivedStatus(Progress.IN_PROGRESS, Deadline.ON_TRACK, 13)) == "In progress (13 days left)"
    blocked = DerivedStatus(Progress.IN_PROGRESS, Deadline.DUE_SOON, 5, "รองบประมาณ")
    assert status_text(blocked) == "Blocked: รองบประมาณ (5 days left)"
    assert escalation_text(Escalation(Tier.REPORT_UP, 20)) == "Late 15 days or more — report to superiors"
    for status in _all_statuses():
        assert not THAI.search(status_text(status).replace("รองบประมาณ", ""))  # type: ignore[arg-type]
