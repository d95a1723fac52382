"""Two users edit the same directive: the second save meets a conflict dialog (fields as
yours / theirs, who and when) and each way on works; nothing typed is lost."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.dialogs.conflict_dialog import ConflictDialog
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog, directive_input
from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.store.models import AuditEntry, User
from tests.gui.helpers import lists_filled

SHOTS = Path(os.environ.get("SBPAC_SHOTS", "/tmp/sbpac-shots"))
NEW_DUE = date(2020, 6, 30)


@pytest.fixture
def somsri(work_ctx: AppContext) -> Actor:
    with work_ctx.db.unit_of_work() as session:
        user = User(login="somsri", display_name="นางสาวสมศรี ใจดี", role=UserRole.SECRETARY.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, UserRole.SECRETARY, user.display_name)


def _conflicting_edit(qtbot: QtBot, ctx: AppContext, other: Actor, wait_ops: Callable[[], None]):
    row = directives.list_directives(ctx.db, ctx.actor)[0]
    detail = directives.get_directive(ctx.db, ctx.actor, row.id)
    dialog = DirectiveDialog(ctx, detail=detail)
    qtbot.addWidget(dialog)
    dialog.show()
    lists_filled(qtbot, dialog)
    # meanwhile สมศรี moves the due date and saves first
    directives.update_directive(
        ctx.db, other, row.id, detail.row.version, replace(directive_input(detail), due_on=NEW_DUE)
    )
    mine = detail.row.text + " และรายงานผลภายในเดือนมิถุนายน"
    dialog.text_edit.setPlainText(mine)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.isVisible()  # the edit dialog stays, with what was typed
    assert dialog.text_edit.toPlainText() == mine
    conflict = dialog.conflict_flow.dialog if dialog.conflict_flow else None
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    return dialog, conflict, detail, mine


def test_dialog_lists_fields_and_who(qtbot, work_ctx, somsri, wait_ops):
    _dialog, conflict, detail, mine = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    rows = {
        conflict.table.item(r, 0).text(): [conflict.table.item(r, c).text() for c in (1, 2, 3)]
        for r in range(conflict.table.rowCount())
    }
    assert rows["ข้อความ"][0] == mine and rows["ข้อความ"][1] == detail.row.text
    assert rows["กำหนดแล้วเสร็จ"][1] == "30 มิ.ย. 2563"
    assert "นางสาวสมศรี ใจดี" in conflict.summary.text()
    assert conflict.overwrite_button.isEnabled()  # the system account is an administrator
    # Nothing looks selected or current in the comparison table.
    assert not conflict.table.currentIndex().isValid()
    assert not conflict.table.selectionModel().hasSelection()
    assert not conflict.table.hasFocus()
    SHOTS.mkdir(parents=True, exist_ok=True)
    conflict.grab().save(str(SHOTS / "conflict_dialog.png"))


def test_reload_and_reapply_keeps_both_changes(qtbot, work_ctx, somsri, wait_ops):
    dialog, conflict, detail, mine = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    qtbot.mouseClick(conflict.reapply_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.text_edit.toPlainText() == mine  # my edit is back
    assert dialog.due_on.date() == NEW_DUE  # theirs where I changed nothing
    assert dialog.detail.row.version == detail.row.version + 1
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    stored = directives.get_directive(work_ctx.db, work_ctx.actor, detail.row.id)
    assert stored.row.text == mine and stored.row.due_on == NEW_DUE


def test_keep_theirs_saves_nothing_of_mine(qtbot, work_ctx, somsri, wait_ops):
    dialog, conflict, detail, _ = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(conflict.keep_button, Qt.MouseButton.LeftButton)
    stored = directives.get_directive(work_ctx.db, work_ctx.actor, detail.row.id)
    assert stored.row.text == detail.row.text and stored.row.due_on == NEW_DUE


def test_overwrite_saves_mine_and_is_audited(qtbot, work_ctx, somsri, wait_ops):
    dialog, conflict, detail, mine = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(conflict.overwrite_button, Qt.MouseButton.LeftButton)
    wait_ops()
    stored = directives.get_directive(work_ctx.db, work_ctx.actor, detail.row.id)
    assert stored.row.text == mine and stored.row.due_on == detail.row.due_on
    with work_ctx.db.unit_of_work() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        assert (last.action, last.entity, last.user_id) == ("overwrite", "directive", work_ctx.actor.user_id)


def test_overwrite_is_offered_only_to_the_secretariat(qtbot, work_ctx, somsri, wait_ops):
    dialog, conflict, _, _ = _conflicting_edit(qtbot, work_ctx, somsri, wait_ops)
    conflict.close()
    dialog.ctx = AppContext(work_ctx.db, replace(work_ctx.actor, role=UserRole.OFFICER))
    from sbpac_desktop.domain.errors import ConflictError

    row = dialog.detail.row
    with pytest.raises(ConflictError) as caught:
        directives.update_directive(work_ctx.db, work_ctx.actor, row.id, row.version, dialog.collect([]))
    officer_view = dialog.conflict_flow.start(caught.value)
    assert not officer_view.overwrite_button.isEnabled()
    assert "เฉพาะเลขานุการและผู้ดูแลระบบ" in officer_view.overwrite_button.toolTip()


def test_meeting_edit_conflict_reapply(qtbot, work_ctx, somsri, wait_ops):
    view = meetings.find_meeting(work_ctx.db, work_ctx.actor, "10/2562")
    dialog = MeetingDialog(work_ctx, meeting=view)
    qtbot.addWidget(dialog)
    dialog.show()
    lists_filled(qtbot, dialog)
    meetings.update_meeting(
        work_ctx.db, somsri, view.id, view.version, replace(view.as_input(), venue="ห้องประชุมใหม่")
    )
    dialog.title_edit.setText("การประชุมผู้บริหาร ศอ.บต. (นัดพิเศษ)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    conflict = dialog.conflict_flow.dialog
    assert conflict is not None and conflict.isVisible()
    qtbot.mouseClick(conflict.reapply_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.venue.currentText() == "ห้องประชุมใหม่"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    stored = meetings.get_meeting(work_ctx.db, work_ctx.actor, view.id)
    assert stored.title == "การประชุมผู้บริหาร ศอ.บต. (นัดพิเศษ)" and stored.venue == "ห้องประชุมใหม่"
