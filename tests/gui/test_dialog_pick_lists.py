"""Dialogs read their pick lists off the GUI thread (FormDialog.read_choices): they open at once
with Save held, and work once the lists have arrived."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled

TODAY = date(2020, 2, 15)


def test_directive_dialog_holds_save_until_its_lists_arrive(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    dialog = DirectiveDialog(work_ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    # opened without waiting on the database: nothing listed yet, Save and the pickers held
    assert dialog.choices_pending and dialog.lead.count() == 0
    assert not dialog.save_button.isEnabled() and not dialog.lead.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S does nothing yet
    assert dialog.operation is None and dialog.errors.marked() == []
    lists_filled(qtbot, dialog)
    assert dialog.save_button.isEnabled() and dialog.lead.isEnabled() and dialog.save_button.isDefault()
    assert dialog.lead.count() > 1 and dialog.dimension.count() > 2
    unit = next(u for u in org.list_org_units(work_ctx.db, work_ctx.actor) if u.short_name == "กปส.")
    dialog.text_edit.setPlainText("ให้รายงานผลการอ่านรายการนอกเธรดหน้าต่าง")
    dialog.lead.set_value(("unit", unit.id))
    dialog.dimension.setCurrentIndex(2)
    dialog.due_on.set_text("31/03/2563")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    saved = directives.list_directives(work_ctx.db, work_ctx.actor, DirectiveFilter(text="นอกเธรดหน้าต่าง"))
    assert len(saved) == 1


def test_an_edit_shows_its_stored_choices_once_the_lists_arrive(qtbot: QtBot, work_ctx: AppContext) -> None:
    view = next(m for m in meetings.list_meetings(work_ctx.db, work_ctx.actor) if m.chair_person_id is not None)
    dialog = MeetingDialog(work_ctx, meeting=view)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and dialog.chair.count() == 0
    lists_filled(qtbot, dialog)
    assert dialog.save_button.isEnabled() is (view.status is not MeetingStatus.MINUTES_CERTIFIED)
    assert dialog.series.value() == view.series_id and not dialog.series.isEnabled()  # kept fixed after the fill
    assert dialog.chair.value() == view.chair_person_id and dialog.title_edit.text() == view.title


def test_progress_dialog_offers_the_people_after_the_read(qtbot: QtBot, work_ctx: AppContext) -> None:
    row = directives.list_directives(work_ctx.db, work_ctx.actor)[0]
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    dialog = ProgressDialog(work_ctx, detail, today=TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.reporter.isEnabled()
    lists_filled(qtbot, dialog)
    assert dialog.save_button.isEnabled() and dialog.reporter.isEnabled()
    assert dialog.reporter.count() > len(org.list_people(work_ctx.db, work_ctx.actor)) - 1
