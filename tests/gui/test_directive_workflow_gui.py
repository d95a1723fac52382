"""Workflow actions in the directive detail pane: block/unblock, extension request and decision,
closure request and acknowledgement (also at a meeting). Each drives the dialogs like a clerk
and checks the database; wrong input is shown next to its field in Thai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import DirectiveState, UserRole
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.gui.dialogs.workflow_dialogs import (
    BlockDialog,
    ClosureDecisionDialog,
    ClosureRequestDialog,
    ExtensionDecisionDialog,
    ExtensionRequestDialog,
)
from sbpac_desktop.gui.widgets.directive_detail import DirectiveDetailPane
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.directives.workflow import get_workflow
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.store.models import Incumbency, Person, User
from tests.gui.helpers import lists_filled, settle, type_text

TODAY = date(2020, 1, 20)
SHOTS = Path("/tmp/sbpac-workflow-shots")


def _directive_id(ctx: AppContext, number: str) -> int:
    rows = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(), today=TODAY)
    return next(r.id for r in rows if r.number_text(False) == number)


def _pane(qtbot: QtBot, ctx: AppContext, directive_id: int) -> DirectiveDetailPane:
    pane = DirectiveDetailPane(ctx=ctx, today=TODAY)
    qtbot.addWidget(pane)
    pane.resize(520, 760)
    pane.show()
    pane.show_detail(directives.get_directive(ctx.db, ctx.actor, directive_id, today=TODAY))
    settle(qtbot)  # the workflow the actions depend on is read off the GUI thread
    return pane


def _officer(ctx: AppContext, directive_id: int) -> AppContext:
    """A signed-in officer whose person holds the directive's lead post."""
    detail = directives.get_directive(ctx.db, ctx.actor, directive_id)
    post_id = detail.assignments[0].position_id
    with ctx.db.unit_of_work() as session:
        person = Person(prefix="นาย", first_name="สมชาย", last_name="ติดตามงาน")
        session.add(person)
        session.flush()
        session.add(Incumbency(person_id=person.id, position_id=post_id, start_on=date(2019, 1, 1)))
        user = User(login="somchai", display_name="สมชาย ติดตามงาน", role=UserRole.OFFICER.value, person_id=person.id)
        session.add(user)
        session.flush()
        actor = Actor(user.id, user.login, UserRole.OFFICER, user.display_name)
    return AppContext(ctx.db, actor)


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _save(qtbot: QtBot, dialog, wait_ops: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()


def test_block_with_reason_then_unblock(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    directive_id = _directive_id(work_ctx, "ขส. 002/2563")
    pane = _pane(qtbot, work_ctx, directive_id)
    assert pane.action_bar.block_button.isVisible() and not pane.action_bar.unblock_button.isVisible()
    qtbot.mouseClick(pane.action_bar.block_button, Qt.MouseButton.LeftButton)
    dialog = pane.action_bar.dialog
    assert isinstance(dialog, BlockDialog)
    dialog.submit()  # empty reason: the service's Thai message goes next to the field
    wait_ops()
    assert dialog.isVisible() and dialog.errors.marked() == ["reason"]
    assert dialog.errors.message("reason") == "กรุณากรอกเหตุที่ติดขัด"
    _shot(dialog, "block_dialog_error")
    type_text(qtbot, dialog.reason, "รอการจัดสรรงบประมาณ")
    _save(qtbot, dialog, wait_ops)
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, directive_id, today=TODAY)
    assert detail.row.status.key == "blocked" and detail.row.status.blocked_reason == "รอการจัดสรรงบประมาณ"
    assert "ติดขัด: รอการจัดสรรงบประมาณ" in pane.status.text().replace("\u200b", "")
    assert pane.action_bar.unblock_button.isVisible() and not pane.action_bar.block_button.isVisible()
    _shot(pane, "detail_pane_blocked")
    qtbot.mouseClick(pane.action_bar.unblock_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert get_workflow(work_ctx.db, work_ctx.actor, directive_id).blocked_reason is None
    qtbot.waitUntil(lambda: pane.action_bar.block_button.isVisible())


def test_extension_request_and_approval(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    directive_id = _directive_id(work_ctx, "ขส. 004/2563")
    pane = _pane(qtbot, work_ctx, directive_id)
    dialog = pane.action_bar.request_extension()
    assert isinstance(dialog, ExtensionRequestDialog)
    qtbot.keyClicks(dialog.new_due.line_edit, "15/01/2563")  # after the due date (31 ธ.ค. 2562) but already past
    type_text(qtbot, dialog.reason, "รอผลการจัดซื้อจัดจ้าง")
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["requested_due_on"]
    assert dialog.errors.message("requested_due_on") == (
        "วันที่ขอขยายเวลาถึง (15 ม.ค. 2563) ผ่านมาแล้ว — ต้องเป็นวันนี้ (20 ม.ค. 2563) หรือหลังจากนี้"
    )
    assert get_workflow(work_ctx.db, work_ctx.actor, directive_id).pending_extension is None  # nothing written
    _shot(dialog, "extension_request_error")
    dialog.new_due.line_edit.clear()
    qtbot.keyClicks(dialog.new_due.line_edit, "31/03/2563")
    _save(qtbot, dialog, wait_ops)
    assert pane.action_bar.decide_button.isVisible() and not pane.action_bar.extend_button.isVisible()
    decision = pane.action_bar.decide_extension()
    assert isinstance(decision, ExtensionDecisionDialog)
    assert decision.findChild(type(pane.title), "requestedChange").text() == "ขยายเวลาจาก ๓๑ ธ.ค. ๒๕๖๒ เป็น ๓๑ มี.ค. ๒๕๖๓"
    _shot(decision, "extension_decision")
    _save(qtbot, decision, wait_ops)
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, directive_id, today=TODAY)
    assert (detail.row.due_on, detail.row.extended_due_on) == (date(2019, 12, 31), date(2020, 3, 31))
    assert "ขยายเวลาจาก ๓๑ ธ.ค. ๒๕๖๒ เป็น ๓๑ มี.ค. ๒๕๖๓ (อนุมัติ)" in pane.history.text().replace("\u200b", "")


def test_rejecting_needs_a_reason(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    directive_id = _directive_id(work_ctx, "ขส. 005/2563")
    pane = _pane(qtbot, work_ctx, directive_id)
    request = pane.action_bar.request_extension()
    request.new_due.setDate(date(2020, 4, 30))
    request.reason.setPlainText("รอข้อมูลจากจังหวัด")
    _save(qtbot, request, wait_ops)
    decision = pane.action_bar.decide_extension()
    decision.reject_choice.setChecked(True)
    decision.submit()
    wait_ops()
    assert decision.errors.marked() == ["decision_note"]
    assert decision.errors.message("decision_note") == "กรุณากรอกเหตุผลที่ไม่อนุมัติ"
    decision.note.setPlainText("ให้เร่งรัดภายในกำหนดเดิม")
    _save(qtbot, decision, wait_ops)
    view = get_workflow(work_ctx.db, work_ctx.actor, directive_id)
    assert [e.status for e in view.extensions] == [RequestStatus.REJECTED]


def test_officer_asks_and_the_secretariat_closes_at_a_meeting(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    directive_id = _directive_id(work_ctx, "ขส. 003/2563")
    officer = _officer(work_ctx, directive_id)
    pane = _pane(qtbot, officer, directive_id)
    assert pane.action_bar.request_close_button.isVisible()
    assert not pane.action_bar.close_button.isVisible()  # an assignee cannot close alone
    asked = pane.action_bar.request_closure()
    assert isinstance(asked, ClosureRequestDialog)
    type_text(qtbot, asked.note, "ดำเนินการครบทุกพื้นที่แล้ว")
    _shot(asked, "closure_request")
    _save(qtbot, asked, wait_ops)
    assert not pane.action_bar.request_close_button.isVisible()  # one request at a time
    secretariat = _pane(qtbot, work_ctx, directive_id)
    dialog = secretariat.action_bar.decide_closure()
    assert isinstance(dialog, ClosureDecisionDialog) and dialog.decline.isEnabled()
    lists_filled(qtbot, dialog)
    meeting = meetings.list_meetings(work_ctx.db, work_ctx.actor)[0]
    dialog.meeting.set_value(meeting.id)
    assert dialog.closed_on.date() == meeting.meeting_date
    _shot(dialog, "closure_decision")
    _save(qtbot, dialog, wait_ops)
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, directive_id)
    assert detail.row.state is DirectiveState.CLOSED and detail.closed_on == meeting.meeting_date
    closed = get_workflow(work_ctx.db, work_ctx.actor, directive_id).closures[-1]
    assert (closed.status, closed.meeting_id) == (RequestStatus.APPROVED, meeting.id)
    assert not secretariat.action_bar.isVisible()  # nothing more to do on a closed directive


def test_officer_sees_no_actions_on_other_posts(qtbot: QtBot, work_ctx: AppContext) -> None:
    own = _directive_id(work_ctx, "ขส. 003/2563")
    officer = _officer(work_ctx, own)
    others = [
        r for r in directives.list_directives(work_ctx.db, work_ctx.actor, DirectiveFilter(), today=TODAY)
        if not get_workflow(officer.db, officer.actor, r.id).can_act
    ]  # fmt: skip
    assert others, "the demo has directives on posts the officer does not hold"
    pane = _pane(qtbot, officer, others[0].id)
    assert not pane.action_bar.isVisible()


@pytest.mark.parametrize("choice", ["decline"])
def test_decline_closure_needs_a_reason(qtbot: QtBot, work_ctx: AppContext, wait_ops, choice: str) -> None:
    directive_id = _directive_id(work_ctx, "ขส. 006/2563")
    officer = _officer(work_ctx, directive_id)
    asking = _pane(qtbot, officer, directive_id)
    asking.action_bar.request_closure().submit()
    wait_ops()
    deciding = _pane(qtbot, work_ctx, directive_id)
    dialog = deciding.action_bar.decide_closure()
    lists_filled(qtbot, dialog)
    getattr(dialog, choice).setChecked(True)
    dialog.submit()
    wait_ops()
    assert dialog.errors.message("decision_note") == "กรุณากรอกเหตุผลที่ยังไม่ให้ปิดเรื่อง"
    dialog.note.setPlainText("ขอหลักฐานการเบิกจ่ายเพิ่มเติม")
    _save(qtbot, dialog, wait_ops)
    assert directives.get_directive(work_ctx.db, work_ctx.actor, directive_id).row.state is DirectiveState.OPEN
