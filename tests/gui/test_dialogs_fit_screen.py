"""Every dialog and every page fits a 1366x768 laptop screen (720 px left under a taskbar), in Thai
and in English, and every push button is on screen when the dialog opens at its size hint.

Dialogs are found, not listed: every module of sbpac_desktop.gui is imported and every QDialog
subclass defined there is checked, so a dialog added later is covered. A dialog whose constructor
needs more than the application context gets a factory in FACTORIES; one without a factory (or a
new base class not in BASES) fails the test with what to add."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import sbpac_desktop.gui
from sbpac_desktop.domain.agenda import section_titles
from sbpac_desktop.domain.errors import ConflictDetails, FieldConflict
from sbpac_desktop.gui import i18n
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import closure, directives, extensions, reminders
from sbpac_desktop.services.directives import workflow as workflow_service
from sbpac_desktop.services.meetings import agenda, carryover, meetings
from sbpac_desktop.services.people import org
from tests.gui.helpers import settle

SCREEN = QRect(0, 0, 1366, 720)  # 768 px less a taskbar
GENERATED = ("sbpac_desktop.gui.forms",)  # Qt Designer output, no dialogs of their own

# Base classes: never shown on their own (each subclass is checked).
BASES = {"FormDialog", "WorkflowDialog", "_AccountDialog", "AccountDialog"}


@dataclass
class Demo:
    """Real records of the demo database that dialogs are opened on."""

    ctx: AppContext
    qtbot: QtBot

    def detail(self, index: int = 3) -> directives.DirectiveDetail:
        row = directives.list_directives(self.ctx.db, self.ctx.actor, today=REFERENCE_DATE)[index]
        return directives.get_directive(self.ctx.db, self.ctx.actor, row.id, today=REFERENCE_DATE)

    def meeting(self) -> meetings.MeetingView:
        return meetings.find_meeting(self.ctx.db, self.ctx.actor, "10/2562")

    def people(self) -> list[org.PersonView]:
        return org.list_people(self.ctx.db, self.ctx.actor)

    def units(self) -> list[org.OrgUnitView]:
        return org.list_org_units(self.ctx.db, self.ctx.actor)

    def user(self) -> users.UserView:
        found = users.list_users(self.ctx.db, self.ctx.actor)
        if not found:
            auth.create_first_admin(self.ctx.db, "admin", "ผู้ดูแลระบบ ศอ.บต.", "รหัสผ่านยาวพอ-2563")
            found = users.list_users(self.ctx.db, self.ctx.actor)
        return found[0]

    def extension(self) -> tuple[directives.DirectiveDetail, extensions.ExtensionView]:
        detail = self.detail(3)
        extensions.request_extension(
            self.ctx.db, self.ctx.actor, detail.row.id, date(2020, 3, 31), "รอข้อมูลจากกระทรวง", today=REFERENCE_DATE
        )
        flow = workflow_service.get_workflow(self.ctx.db, self.ctx.actor, detail.row.id, today=REFERENCE_DATE)
        assert flow.pending_extension is not None
        return self.detail(3), flow.pending_extension

    def closure(self) -> tuple[directives.DirectiveDetail, workflow_service.WorkflowView]:
        detail = self.detail(1)
        closure.request_closure(self.ctx.db, self.ctx.actor, detail.row.id, "ดำเนินการแล้วเสร็จ", today=REFERENCE_DATE)
        flow = workflow_service.get_workflow(self.ctx.db, self.ctx.actor, detail.row.id, today=REFERENCE_DATE)
        return self.detail(1), flow


def _agenda_item_dialog(cls: type, demo: Demo) -> QDialog:
    meeting = demo.meeting()
    items = agenda.list_items(demo.ctx.db, demo.ctx.actor, meeting.id)
    return cls(demo.ctx, meeting.id, section_titles(meeting.agenda_template), items, demo.people())


def _conflict_dialog(cls: type, demo: Demo) -> QDialog:
    detail = demo.detail()
    fields = tuple(
        FieldConflict(name, label, mine, theirs)
        for name, label, mine, theirs in (
            ("text", "ข้อสั่งการ", detail.row.text + " และรายงานผลภายในเดือนมิถุนายน", detail.row.text),
            ("due_on", "กำหนดเสร็จ", "31 มี.ค. 2563", "30 มิ.ย. 2563"),
        )
    )
    details = ConflictDetails("directive", detail.row.id, 1, 2, "นางสาวสมศรี ใจดี", None, fields)
    return cls(details, can_overwrite=True)


def _reminders_panel(cls: type, demo: Demo) -> QDialog:
    panel = cls()
    panel.show_reminders(reminders.reminders(demo.ctx.db, demo.ctx.actor, REFERENCE_DATE))
    return panel


def _office(demo: Demo) -> Any:
    from sbpac_desktop.services.people import office

    return office.get_office(demo.ctx.db, demo.ctx.actor)


def _shortcuts_dialog(cls: type, demo: Demo) -> QDialog:
    """The shortcut list of a real main window (its menus, toolbar and pages)."""
    from sbpac_desktop.gui.main_window import MainWindow

    window = MainWindow(demo.ctx, QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "fit-test"))
    demo.qtbot.addWidget(window)  # lives (and is closed) with the test, after its dialog
    return cls(window)


def _import_preview(cls: type, demo: Demo) -> QDialog:
    """The preview of a refused file: a long report, one line per row."""
    from sbpac_desktop.gui.dialogs.import_preview_dialog import Preview, PreviewLine

    lines = tuple(
        PreviewLine(row, "ตำแหน่ง", "refused", f"ผู้ช่วยเลขาธิการ ศอ.บต. ({row})", "ไม่พบหน่วยงานต้นสังกัดนี้ในระบบ " * 3)
        for row in range(2, 60)
    )
    dialog = cls(Path("โครงสร้างองค์กร.xlsx"), lambda: None, lambda: None)
    dialog.show_preview(Preview("ตรวจแล้ว 58 แถว: ไม่ผ่าน 58 แถว", lines, ok=False, changes=False))
    return dialog


# class name -> how to open it on real demo records
FACTORIES: dict[str, Callable[[type, Demo], QDialog]] = {
    "AgendaItemDialog": _agenda_item_dialog,
    "ConflictDialog": _conflict_dialog,
    "HistoryDialog": lambda cls, d: cls(d.ctx, "directive", d.detail().row.id, d.detail().row.number_text(True)),
    "ProgressDialog": lambda cls, d: cls(d.ctx, d.detail(), today=REFERENCE_DATE),
    "DirectiveDialog": lambda cls, d: cls(d.ctx, detail=d.detail(), today=REFERENCE_DATE),
    "TermDialog": lambda cls, d: cls(d.ctx, org.list_positions(d.ctx.db, d.ctx.actor), d.people()),
    "PositionDialog": lambda cls, d: cls(d.ctx, d.units()),
    "OrgUnitDialog": lambda cls, d: cls(d.ctx, d.units()),
    "SignInDialog": lambda cls, d: cls(lambda login, secret: None, d.ctx.database_display),
    "FirstAdminDialog": lambda cls, d: cls(lambda login, name, secret: None, d.ctx.database_display),
    "UserDialog": lambda cls, d: cls(d.ctx, d.people()),
    "PasswordDialog": lambda cls, d: cls(d.ctx, d.user()),
    "RoleDialog": lambda cls, d: cls(d.ctx, d.user()),
    "BlockDialog": lambda cls, d: cls(d.ctx, d.detail(), today=REFERENCE_DATE),
    "ExtensionRequestDialog": lambda cls, d: cls(d.ctx, d.detail(), today=REFERENCE_DATE),
    "ExtensionDecisionDialog": lambda cls, d: cls(d.ctx, *d.extension(), today=REFERENCE_DATE),
    "ClosureRequestDialog": lambda cls, d: cls(d.ctx, d.detail(1), today=REFERENCE_DATE),
    "ClosureDecisionDialog": lambda cls, d: cls(d.ctx, *d.closure(), today=REFERENCE_DATE),
    "PeoplePicker": lambda cls, d: cls(d.people()),
    "CarryOverDialog": lambda cls, d: cls(
        d.ctx, carryover.propose_carryover(d.ctx.db, d.ctx.actor, d.meeting().id, REFERENCE_DATE)
    ),
    "ThaiMessageBox": lambda cls, d: cls(
        QMessageBox.Icon.Warning,
        "บันทึกไม่สำเร็จ",
        "ไม่สามารถบันทึกข้อสั่งการได้ เนื่องจากมีผู้อื่นแก้ไขข้อมูลนี้ระหว่างที่คุณแก้ไข " * 3,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    ),
    "RemindersPanel": lambda cls, d: _reminders_panel(cls, d),
    "CopyMeetingDialog": lambda cls, d: cls(d.ctx, d.meeting()),
    "GuideWindow": lambda cls, d: cls(),
    "DocumentPreview": lambda cls, d: cls(d.ctx, "ดูตัวอย่างระเบียบวาระการประชุม", "agenda", (d.meeting().id,), "agenda"),
    "OfficeDialog": lambda cls, d: cls(d.ctx, _office(d)),
    "ShortcutsDialog": lambda cls, d: _shortcuts_dialog(cls, d),
    "SeriesDialog": lambda cls, d: cls(d.ctx, org.list_positions(d.ctx.db, d.ctx.actor)),
    "ImportPreviewDialog": lambda cls, d: _import_preview(cls, d),
    "ErrorDetailsDialog": lambda cls, d: cls("เปิดฐานข้อมูลไม่ได้", "Traceback (most recent call last):\n" * 40),
    # field visits (issue #15): the demo's first visit and its first finding
    "OutcomeDialog": lambda cls, d: cls(d.ctx, _first_visit(d)),
    "FindingDialog": lambda cls, d: cls(d.ctx, _first_visit(d)),
    "ToProgressDialog": lambda cls, d: cls(d.ctx, _first_visit(d).findings[0]),
    # the civil-society network (issue #15): the demo's first member, every place, the open directives
    "MemberDialog": lambda cls, d: cls(d.ctx, _places(d), member=_first_member(d)),
    "NetworkReportDialog": lambda cls, d: cls(d.ctx, _first_member(d), _places(d), _directive_choices(d)),
    "SpeakerDialog": lambda cls, d: cls(d.ctx, _first_item(d), d.people()),
    # signing (issue #13): a long folder name in the suggested output, as a real save path has
    "SignDialog": lambda cls, d: cls(
        d.ctx, Path("รายงานการประชุม 10-2562.pdf"), Path("/home/เลขานุการ/เอกสาร/รายงานการประชุม 10-2562 (ลงนาม).pdf")
    ),
}


def _first_item(demo: Demo) -> int:
    return agenda.list_items(demo.ctx.db, demo.ctx.actor, demo.meeting().id)[0].id


def _first_member(demo: Demo) -> Any:
    from sbpac_desktop.services.field import network

    return network.list_members(demo.ctx.db, demo.ctx.actor)[0]


def _places(demo: Demo) -> Any:
    from sbpac_desktop.services import places

    return places.all_places(demo.ctx.db, demo.ctx.actor)


def _directive_choices(demo: Demo) -> Any:
    from sbpac_desktop.services.field.field_choices import directive_choices

    return directive_choices(demo.ctx.db, demo.ctx.actor)


def _first_visit(demo: Demo) -> Any:
    from sbpac_desktop.services.field import field_visits

    first = field_visits.list_visits(demo.ctx.db, demo.ctx.actor)[0]
    return field_visits.get_visit(demo.ctx.db, demo.ctx.actor, first.id)


def _gui_modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(sbpac_desktop.gui.__path__, "sbpac_desktop.gui."):
        if not info.name.startswith(GENERATED):
            yield importlib.import_module(info.name)


def dialog_classes() -> list[type]:
    found = {}
    for module in _gui_modules():
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__ and name not in BASES:
                found[f"{module.__name__}.{name}"] = cls
    return [found[key] for key in sorted(found)]


def open_dialog(cls: type, demo: Demo) -> QDialog:
    factory = FACTORIES.get(cls.__name__)
    if factory is not None:
        return factory(cls, demo)
    try:
        return cls(demo.ctx)
    except TypeError as error:  # a new dialog that needs more than the context
        pytest.fail(f"{cls.__module__}.{cls.__name__}({error}): add a factory to FACTORIES (or a base to BASES)")


@pytest.fixture(params=[i18n.THAI, i18n.ENGLISH])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert i18n.install_language(request.param)
    yield request.param
    i18n.install_language(i18n.THAI)  # translators are process-wide: never leak English


def _in(outer: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size())


def _scroll_area_of(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def hidden_buttons(window: QWidget) -> list[str]:
    """Push buttons shown but not wholly inside the window, or cut by a container on the way. A
    button inside a scroll area counts as reachable (scrolling brings it) when the scroll area
    itself is on screen."""
    problems = []
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        label = button.text() or button.objectName() or button.toolTip()
        area = _scroll_area_of(button, window)
        target = area if area is not None else button
        where = _in(window, target)
        if button.width() < 8 or button.height() < 8 or not window.rect().contains(where):
            problems.append(f"{label!r} at {where.getRect()} outside {window.rect().getRect()}")
            continue
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            if not parent.rect().contains(_in(parent, target)):
                problems.append(f"{label!r} cut by {type(parent).__name__} {parent.objectName()!r}")
                break
            parent = parent.parentWidget()
    return problems


def fit_problems(dialog: QDialog) -> list[str]:
    problems = []
    for what, size in (("minimumSizeHint", dialog.minimumSizeHint()), ("sizeHint", dialog.sizeHint())):
        if size.height() > SCREEN.height() or size.width() > SCREEN.width():
            problems.append(f"{what} {size.width()}x{size.height()} > {SCREEN.width()}x{SCREEN.height()}")
    shown = dialog.size()
    if shown.height() > SCREEN.height() or shown.width() > SCREEN.width():
        problems.append(f"opens at {shown.width()}x{shown.height()}")
    problems += [f"shown: {p}" for p in hidden_buttons(dialog)]
    dialog.resize(dialog.sizeHint().boundedTo(SCREEN.size()).expandedTo(dialog.minimumSizeHint()))
    QApplication.processEvents()
    problems += [f"at its size hint: {p}" for p in hidden_buttons(dialog)]
    return problems


def test_every_gui_dialog_is_found_and_has_a_way_to_open() -> None:
    names = {cls.__name__ for cls in dialog_classes()}
    assert {"ProgressDialog", "DirectiveDialog", "MeetingDialog", "CarryOverDialog", "SearchResultsDialog"} <= names
    assert len(names) >= 25


@pytest.mark.parametrize("cls", dialog_classes(), ids=lambda cls: cls.__name__)
def test_dialog_fits_a_1366x768_screen(qtbot: QtBot, work_ctx: AppContext, language: str, cls: type) -> None:
    dialog = open_dialog(cls, Demo(work_ctx, qtbot))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    problems = fit_problems(dialog)
    assert not problems, f"{cls.__name__} ({language}): " + "; ".join(problems)


def test_every_page_fits_a_1366x768_screen(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings, language: str, wait_ops: Callable[[], None]
) -> None:
    from sbpac_desktop.gui.main_window import MainWindow

    window = MainWindow(work_ctx, settings)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # the lists load off the GUI thread
    problems = []
    for key in window.page_keys():
        window.show_page(key)
        wait_ops()
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        if hint.height() > SCREEN.height() or hint.width() > SCREEN.width():
            problems.append(f"{key}: window minimumSizeHint {hint.width()}x{hint.height()}")
        if window.size() != SCREEN.size():
            problems.append(f"{key}: the window grew to {window.width()}x{window.height()}")
        problems += [f"{key}: {p}" for p in hidden_buttons(window)]
    assert not problems, f"({language}) " + "; ".join(problems)
