"""The attachments list: add and remove through the widget and check the database; files
picked before a record exists are stored with its save (agenda item, progress report)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sbpac_desktop.gui.dialogs.agenda_item_dialog import AgendaItemDialog
from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
from sbpac_desktop.gui.widgets import attachments as widget_module
from sbpac_desktop.gui.widgets.attachments import AttachmentsWidget
from sbpac_desktop.services import attachments
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachments import OwnerKind
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import agenda, meetings
from sbpac_desktop.store.models import Attachment
from tests.gui.helpers import type_text

SHOTS = Path(os.environ.get("SBPAC_SHOTS", "/tmp/sbpac-shots"))


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "หนังสือเชิญประชุม ครั้งที่ ๑๐-๒๕๖๒.pdf"
    path.write_bytes(b"%PDF-1.4\n" + "ระเบียบวาระการประชุม".encode() * 200)
    return path


def _stored(ctx: AppContext, column, owner_id: int) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    with ctx.db.unit_of_work() as session:
        rows = session.execute(select(Attachment.original_name, Attachment.size).where(column == owner_id))
        return [tuple(row) for row in rows]  # type: ignore[misc]


def _first_item(ctx: AppContext) -> int:
    meeting = meetings.find_meeting(ctx.db, ctx.actor, "10/2562")
    return agenda.list_items(ctx.db, ctx.actor, meeting.id)[0].id


def test_add_open_and_remove(
    qtbot: QtBot, work_ctx: AppContext, paper: Path, wait_ops: Callable[[], None], monkeypatch
):
    item_id = _first_item(work_ctx)
    widget = AttachmentsWidget(work_ctx, OwnerKind.AGENDA_ITEM, item_id)
    qtbot.addWidget(widget)
    wait_ops()
    assert widget.list.count() == 0
    widget.add_files([paper])
    wait_ops()
    assert widget.list.count() == 1 and paper.name in widget.list.item(0).text()
    assert _stored(work_ctx, Attachment.agenda_item_id, item_id) == [(paper.name, paper.stat().st_size)]
    opened: list[Path] = []
    monkeypatch.setattr(widget_module, "open_with_desktop", lambda path: opened.append(path) or True)
    widget.list.setCurrentRow(0)
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert opened and opened[0].read_bytes() == paper.read_bytes()
    assert opened[0].is_relative_to(attachments.temp_root())
    monkeypatch.setattr(widget_module, "confirm", lambda *args: True)
    qtbot.mouseClick(widget.remove_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert widget.list.count() == 0
    assert _stored(work_ctx, Attachment.agenda_item_id, item_id) == []


def test_a_missing_file_is_refused_in_thai(qtbot: QtBot, work_ctx: AppContext, tmp_path: Path, wait_ops):
    widget = AttachmentsWidget(work_ctx, OwnerKind.AGENDA_ITEM, _first_item(work_ctx))
    qtbot.addWidget(widget)
    wait_ops()
    widget.add_files([tmp_path / "หายไป.docx"])
    wait_ops()
    box = widget.findChild(QMessageBox, "appErrorBox")
    assert box is not None and "ไม่พบไฟล์ หายไป.docx" in box.text()
    with work_ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0


def test_new_agenda_item_saves_its_files(qtbot: QtBot, work_ctx: AppContext, paper: Path, wait_ops):
    meeting = meetings.find_meeting(work_ctx.db, work_ctx.actor, "10/2562")
    sections = {n: f"ระเบียบวาระที่ {n}" for n in range(1, 6)}
    dialog = AgendaItemDialog(
        work_ctx, meeting.id, sections, agenda.list_items(work_ctx.db, work_ctx.actor, meeting.id), []
    )
    qtbot.addWidget(dialog)
    dialog.section.set_value(4)
    type_text(qtbot, dialog.title_edit, "รายงานผลการเบิกจ่ายงบประมาณ")
    dialog.attachments.add_files([paper])
    wait_ops()
    assert dialog.attachments.pending_paths() == [paper]
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "agenda_item_attachments.png"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    item = dialog.result_value
    assert _stored(work_ctx, Attachment.agenda_item_id, item.id) == [(paper.name, paper.stat().st_size)]


def test_new_progress_report_saves_its_files(qtbot: QtBot, work_ctx: AppContext, paper: Path, wait_ops):
    row = directives.list_directives(work_ctx.db, work_ctx.actor)[0]
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    dialog = ProgressDialog(work_ctx, detail, today=date(2020, 2, 15))
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.result_edit, "ดำเนินการแล้วร้อยละ ๕๐")
    dialog.attachments.add_files([paper])
    wait_ops()
    dialog.show()
    dialog.grab().save(str(SHOTS / "progress_attachments.png"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    newest = max(report.id for report in dialog.result_value.reports)
    assert _stored(work_ctx, Attachment.progress_report_id, newest) == [(paper.name, paper.stat().st_size)]


def test_agenda_editor_attaches_to_the_selected_item(qtbot: QtBot, work_ctx: AppContext, paper: Path, wait_ops):
    from tests.gui.meeting_fixtures import open_meeting_window

    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    tab = window.agenda_tab
    model = tab.tree.model()
    tab.tree.setCurrentIndex(model.index(0, 0, model.index(3, 0)))  # ๔.๑
    wait_ops()
    view = tab.editor.view
    widget = tab.editor.attachments
    assert view is not None and widget is not None and widget.owner_id == view.id
    assert widget.add_button.isEnabled()
    widget.add_files([paper])
    wait_ops()
    assert _stored(work_ctx, Attachment.agenda_item_id, view.id) == [(paper.name, paper.stat().st_size)]
    window.grab().save(str(SHOTS / "agenda_editor_attachments.png"))
    tab.tree.setCurrentIndex(model.index(3, 0))  # a section: no item, nothing to attach to
    wait_ops()
    assert widget.owner_id is None and widget.list.count() == 0 and not widget.add_button.isEnabled()
    window.close()
