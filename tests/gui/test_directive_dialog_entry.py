"""The directive dialog never saves by accident (issue #12): the dimension starts on a placeholder
that is refused, "ไม่ระบุ" is a deliberate item, a due date or "ไม่กำหนด" with a reason is needed;
Enter in a multi-line field inserts a new line in every dialog that has one and never saves."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.gui.dialogs import (
    network_dialogs,
    office_dialog,
    progress_dialog,
    speaker_dialog,
    visit_dialog,
    visit_outcome_dialog,
    workflow_dialogs,
)
from sbpac_desktop.gui.dialogs.directive_dialog import NO_DIMENSION, DirectiveDialog
from sbpac_desktop.services import dimensions, places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.directives.extensions import ExtensionView
from sbpac_desktop.services.directives.workflow import get_workflow
from sbpac_desktop.services.field import field_visits, network
from sbpac_desktop.services.meetings import agenda, meetings
from sbpac_desktop.services.people import office, org
from tests.gui.helpers import lists_filled, type_text

TODAY = date(2020, 2, 15)
DIALOGS = Path(__file__).resolve().parents[2] / "sbpac_desktop" / "gui" / "dialogs"
SHOTS = Path("/tmp/sbpac-directive-dialog")


def _new(qtbot: QtBot, ctx: AppContext) -> DirectiveDialog:
    dialog = DirectiveDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 720  # fits the smallest office screen
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    return dialog


def _fill_all_but(dialog: DirectiveDialog, ctx: AppContext, *, dimension: bool = True, due: bool = True) -> None:
    dialog.text_edit.setPlainText("ให้ทุกหน่วยรายงานผลภายในเดือนมีนาคม")
    unit = next(u for u in org.list_org_units(ctx.db, ctx.actor) if u.short_name == "กปส.")
    dialog.lead.set_value(("unit", unit.id))
    if dimension:
        dialog.dimension.set_value(dimensions.list_dimensions(ctx.db, ctx.actor)[2].id)
    if due:
        dialog.due_on.set_text("31/03/2563")


def _saved(ctx: AppContext) -> list:
    return directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(text="รายงานผลภายในเดือนมีนาคม"))


def test_dimension_starts_on_a_placeholder_that_is_refused(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    dialog = _new(qtbot, work_ctx)
    combo = dialog.dimension
    assert combo.currentText() == "— เลือกมิติ —" and combo.value() is None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[-1] == "ไม่ระบุ" and "การเสริมสร้างความเข้าใจ" in labels
    _fill_all_but(dialog, work_ctx, dimension=False)
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and dialog.errors.marked() == ["dimension_id"]
    assert dialog.errors.message("dimension_id") == "กรุณาเลือกมิติการพัฒนา หรือเลือก “ไม่ระบุ”"
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "placeholder_refused.png"))
    assert _saved(work_ctx) == []
    combo.set_value(NO_DIMENSION)  # the deliberate choice
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait_ops()
    assert [r.dimension for r in _saved(work_ctx)] == [None]


def test_only_active_dimensions_are_offered_but_the_current_one_stays(qtbot: QtBot, work_ctx: AppContext) -> None:
    ctx = work_ctx
    social = next(d for d in dimensions.list_dimensions(ctx.db, ctx.actor) if d.name == "สังคม")
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.dimension == "สังคม")
    dimensions.set_dimension_active(ctx.db, ctx.actor, social.id, social.version, False)
    new = _new(qtbot, ctx)
    assert new.dimension.index_of(social.id) == -1
    edit = DirectiveDialog(ctx, detail=directives.get_directive(ctx.db, ctx.actor, row.id))
    qtbot.addWidget(edit)
    lists_filled(qtbot, edit)
    assert edit.dimension.value() == social.id
    assert edit.dimension.currentText() == "สังคม (ระงับการใช้งานแล้ว)"


def test_no_due_box_stands_apart_from_the_due_dates_red_frame(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    """The walk's finding: the whole due row was framed red, "ไม่กำหนด" inside the frame and
    touching the date. Only the date's text box is framed; the box keeps a gap, level with it."""
    dialog = _new(qtbot, work_ctx)
    _fill_all_but(dialog, work_ctx, due=False)
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["due_on"]
    framed = [w for w in dialog.findChildren(QWidget) if "border" in w.styleSheet() and w.isVisible()]
    assert framed == [dialog.due_on.line_edit]
    assert "border" not in dialog.no_due.styleSheet() and not any(w.isAncestorOf(dialog.no_due) for w in framed)
    date_box = dialog.due_on.line_edit
    date_right = date_box.mapTo(dialog, QPoint(date_box.width(), 0)).x()
    box_left = dialog.no_due.mapTo(dialog, QPoint(0, 0)).x()
    assert box_left - date_right >= 8
    date_middle = date_box.mapTo(dialog, date_box.rect().center()).y()
    assert abs(dialog.no_due.mapTo(dialog, dialog.no_due.rect().center()).y() - date_middle) <= 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "due_date_refused.png"))


def test_due_date_or_no_due_with_a_reason(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    dialog = _new(qtbot, work_ctx)
    _fill_all_but(dialog, work_ctx, due=False)
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["due_on"]
    assert dialog.errors.message("due_on") == "กรุณากรอกกำหนดแล้วเสร็จ หรือเลือก “ไม่กำหนด” พร้อมระบุเหตุผล"
    assert not dialog.no_due_reason.isVisible()
    qtbot.mouseClick(dialog.no_due, Qt.MouseButton.LeftButton)
    assert dialog.no_due_reason.isVisible() and not dialog.due_on.isEnabled()
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["no_due_reason"]
    assert dialog.errors.message("no_due_reason") == "กรุณาระบุเหตุผลที่ไม่กำหนดวันแล้วเสร็จ"
    type_text(qtbot, dialog.no_due_reason, "ดำเนินการต่อเนื่องตลอดปี")
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "no_due_with_reason.png"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.no_due_reason, Qt.Key.Key_Return)  # Enter in a one-line field saves a complete form
    wait_ops()
    saved = _saved(work_ctx)
    assert len(saved) == 1 and saved[0].due_on is None
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, saved[0].id)
    assert detail.no_due_reason == "ดำเนินการต่อเนื่องตลอดปี"
    edit = DirectiveDialog(work_ctx, detail=detail)
    qtbot.addWidget(edit)
    lists_filled(qtbot, edit)
    assert edit.no_due.isChecked() and edit.no_due_reason.text() == "ดำเนินการต่อเนื่องตลอดปี"


def test_one_enter_never_saves_a_directive_with_missing_fields(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    dialog = _new(qtbot, work_ctx)
    dialog.text_edit.setPlainText("ให้ทุกหน่วยรายงานผลภายในเดือนมีนาคม")
    qtbot.keyClick(dialog.issued_on.line_edit, Qt.Key.Key_Return)
    wait_ops()
    assert dialog.isVisible() and dialog.result() == 0
    assert set(dialog.errors.marked()) == {"dimension_id", "due_on", "assignments"}
    assert _saved(work_ctx) == []


def test_enter_in_the_directive_text_is_a_new_line_even_when_the_form_is_complete(
    qtbot: QtBot, work_ctx: AppContext, wait_ops
) -> None:
    dialog = _new(qtbot, work_ctx)
    _fill_all_but(dialog, work_ctx)
    dialog.text_edit.setFocus()
    dialog.text_edit.moveCursor(dialog.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    type_text(qtbot, dialog.text_edit, "ข้อ ๒")
    wait_ops()
    assert dialog.isVisible() and dialog.result() == 0 and _saved(work_ctx) == []
    assert dialog.text_edit.toPlainText().endswith("มีนาคม\n\nข้อ ๒")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.due_on.line_edit, Qt.Key.Key_Return)
    wait_ops()
    assert len(_saved(work_ctx)) == 1


# --- every dialog with a multi-line field -----------------------------------------------------
def _detail(ctx: AppContext):
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.number_text(False).startswith("ขส. 004"))
    return directives.get_directive(ctx.db, ctx.actor, row.id)


def _visit(ctx: AppContext):
    first = field_visits.list_visits(ctx.db, ctx.actor)[0]
    return field_visits.get_visit(ctx.db, ctx.actor, first.id)


def _first_item(ctx: AppContext) -> int:
    meeting = meetings.find_meeting(ctx.db, ctx.actor, "10/2562")
    return agenda.list_items(ctx.db, ctx.actor, meeting.id)[0].id


def _request(detail) -> ExtensionView:
    return ExtensionView(
        1, 1, detail.row.id, "สมชาย", datetime(2020, 1, 20, 9, 0), date(2019, 12, 31), date(2020, 3, 31),
        "รอผลการจัดซื้อ", RequestStatus.PENDING, None, None, None,
    )  # fmt: skip


BUILDERS: dict[str, Callable[[AppContext], QDialog]] = {
    "DirectiveDialog": lambda ctx: DirectiveDialog(ctx, today=TODAY),
    "ProgressDialog": lambda ctx: progress_dialog.ProgressDialog(ctx, _detail(ctx), today=TODAY),
    "BlockDialog": lambda ctx: workflow_dialogs.BlockDialog(ctx, _detail(ctx), today=TODAY),
    "ExtensionRequestDialog": lambda ctx: workflow_dialogs.ExtensionRequestDialog(ctx, _detail(ctx), today=TODAY),
    "ExtensionDecisionDialog": lambda ctx: workflow_dialogs.ExtensionDecisionDialog(
        ctx, _detail(ctx), _request(_detail(ctx)), today=TODAY
    ),
    "ClosureRequestDialog": lambda ctx: workflow_dialogs.ClosureRequestDialog(ctx, _detail(ctx), today=TODAY),
    "OfficeDialog": lambda ctx: office_dialog.OfficeDialog(ctx, office.get_office(ctx.db, ctx.actor)),
    "VisitDialog": lambda ctx: visit_dialog.VisitDialog(ctx, day=TODAY),
    "OutcomeDialog": lambda ctx: visit_outcome_dialog.OutcomeDialog(ctx, _visit(ctx)),
    "FindingDialog": lambda ctx: visit_outcome_dialog.FindingDialog(ctx, _visit(ctx)),
    "NetworkReportDialog": lambda ctx: network_dialogs.NetworkReportDialog(
        ctx, network.list_members(ctx.db, ctx.actor)[0], places.all_places(ctx.db, ctx.actor), [], today=TODAY
    ),
    "SpeakerDialog": lambda ctx: speaker_dialog.SpeakerDialog(
        ctx, _first_item(ctx), org.list_people(ctx.db, ctx.actor)
    ),
    "ClosureDecisionDialog": lambda ctx: workflow_dialogs.ClosureDecisionDialog(
        ctx, _detail(ctx), get_workflow(ctx.db, ctx.actor, _detail(ctx).row.id), today=TODAY
    ),
}


def test_every_dialog_with_a_multi_line_field_is_covered() -> None:
    """A new dialog with a QPlainTextEdit/QTextEdit must be added to BUILDERS (and so tested)."""
    found = set()
    for path in DIALOGS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for body in re.split(r"^(?=class )", source, flags=re.MULTILINE):  # class by class
            if re.search(r"\bQ(PlainText|Text)Edit\(", body) or "text_box(" in body:  # widgets/text_box.py
                # FormDialog[Input, Result] / WorkflowDialog[Input]: the generic bases' parameters
                pattern = r"^class (\w+Dialog)\((?:FormDialog|WorkflowDialog)(?:\[.*\])?\)"
                found |= set(re.findall(pattern, body, re.MULTILINE))
    found.discard("WorkflowDialog")
    assert found == set(BUILDERS)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_enter_in_a_multi_line_field_never_saves_the_dialog(qtbot: QtBot, work_ctx: AppContext, wait_ops, name) -> None:
    dialog = BUILDERS[name](work_ctx)
    qtbot.addWidget(dialog)
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    boxes = dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit)
    assert boxes, name
    for box in boxes:
        if box.isReadOnly() or not box.isVisible():
            continue
        box.setFocus()
        box.setPlainText("บรรทัดแรก")
        box.moveCursor(box.textCursor().MoveOperation.End)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClick(box, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
        qtbot.keyClicks(box, "x")
        wait_ops()
        assert box.toPlainText() == "บรรทัดแรก\n\nx", (name, box.objectName())
        assert dialog.isVisible() and not accepted and dialog.operation is None, (name, box.objectName())
