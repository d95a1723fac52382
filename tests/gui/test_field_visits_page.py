"""The การลงพื้นที่ page (issue #15) on the demo: the month calendar and list of visits, a visit's
detail with its findings; planning one through the dialog (Thai messages, nothing written on a
refusal, the place picker's type-to-search); the carry-over dialog offers the proposed finding;
the directive pane shows the network's reports marked as external; screens rendered at 1366x768."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.dialogs.visit_outcome_dialog import FindingDialog, OutcomeDialog
from sbpac_desktop.gui.meeting.carryover_dialog import CarryOverDialog
from sbpac_desktop.gui.pages.field_visits import FieldVisitsPage
from sbpac_desktop.gui.text import plain
from sbpac_desktop.gui.widgets.directive_detail import DirectiveDetailPane
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.field import field_visits, network
from sbpac_desktop.services.meetings import carryover, meetings
from sbpac_desktop.store.models import User
from tests.gui.helpers import lists_filled, settle, type_text

SHOTS = Path("/tmp/sbpac-field")


def _page(qtbot: QtBot, ctx: AppContext) -> FieldVisitsPage:
    first = field_visits.list_visits(ctx.db, ctx.actor)[0]
    page = FieldVisitsPage(ctx, today=first.visit_on)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    settle(qtbot)  # the month's visits, then the chosen one, are read off the GUI thread
    return page


def test_month_calendar_list_and_detail(qtbot: QtBot, work_ctx: AppContext) -> None:
    page = _page(qtbot, work_ctx)
    assert page.list.count() == 2 and "ต.สะบารัง" in plain(page.list.item(0).text())  # and ต.สะเตง, same month
    cells = [page.calendar.item(r, c).text() for r in range(page.calendar.rowCount()) for c in range(7)]
    assert any("ติดตามการส่งเสริมอาชีพ" in text for text in cells)
    html = page.detail_view.toPlainText()
    assert "กลุ่มผ้าบาติก" in plain(html) and "ถนนเข้าตลาดชุมชน" in plain(html)
    assert page.buttons["cancelVisit"].isEnabled() is False and page.buttons["printPdf"].isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "page.png"))
    page.move_month(+1)
    settle(qtbot)
    assert "ต.บางนาค" in plain(page.list.item(0).text())


def test_plan_a_visit_with_thai_errors_then_saved(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    page = _page(qtbot, work_ctx)
    before = len(field_visits.list_visits(work_ctx.db, work_ctx.actor))
    dialog = page.new_record()
    assert dialog is not None
    lists_filled(qtbot, dialog)
    dialog.resize(1366, 700)
    dialog.grab().save(str(SHOTS / "plan_dialog.png"))
    dialog.submit()
    wait_ops()
    assert dialog.isVisible()
    assert dialog.errors.message("title") == "กรุณากรอกชื่อเรื่องการลงพื้นที่"
    assert dialog.errors.message("places") == "กรุณาเลือกพื้นที่ที่ลงพื้นที่อย่างน้อย 1 แห่ง"
    assert len(field_visits.list_visits(work_ctx.db, work_ctx.actor)) == before
    type_text(qtbot, dialog.title_edit, "ลงพื้นที่ ต.ลิดล")
    dialog.purpose_edit.setPlainText("ติดตามโครงการ")
    type_text(qtbot, dialog.places.search, "ต.ลิดล อ.เมืองยะลา จ.ยะลา")
    qtbot.keyClick(dialog.places.search, Qt.Key.Key_Return)
    assert len(dialog.places.checked_ids()) == 1 and "ลิดล" in dialog.places.chosen.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    assert len(field_visits.list_visits(work_ctx.db, work_ctx.actor)) == before + 1


def test_viewer_sees_no_recording_buttons(qtbot: QtBot, work_ctx: AppContext) -> None:
    with work_ctx.db.unit_of_work() as session:
        row = User(login="viewer_f", display_name="ผู้ดู", role=UserRole.VIEWER.value)
        session.add(row)
        session.flush()
        viewer = AppContext(work_ctx.db, Actor(row.id, row.login, UserRole.VIEWER, row.display_name))
    page = _page(qtbot, viewer)
    assert not page.buttons["planVisit"].isVisible() and page.buttons["printPdf"].isVisible()
    assert page.new_record() is None


def test_outcome_and_finding_dialogs_render(qtbot: QtBot, work_ctx: AppContext) -> None:
    first = field_visits.list_visits(work_ctx.db, work_ctx.actor)[0]
    visit = field_visits.get_visit(work_ctx.db, work_ctx.actor, first.id)
    for cls, name in ((OutcomeDialog, "outcome"), (FindingDialog, "finding")):
        dialog = cls(work_ctx, visit)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.height() <= 720
        dialog.grab().save(str(SHOTS / f"{name}_dialog.png"))


def test_carryover_offers_the_proposed_finding(qtbot: QtBot, work_ctx: AppContext) -> None:
    series_id = meetings.list_series(work_ctx.db, work_ctx.actor)[0].id
    later = meetings.create_meeting(
        work_ctx.db, work_ctx.actor,
        meetings.MeetingInput(series_id=series_id, title="ประชุมครั้งต่อไป", meeting_date=date.today(), venue="ห้องประชุม"),
    )  # fmt: skip
    proposal = carryover.propose_carryover(work_ctx.db, work_ctx.actor, later.id)
    dialog = CarryOverDialog(work_ctx, proposal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proposals.rowCount() == 1 and "แผนเผชิญเหตุอุทกภัย" in plain(dialog.proposals.item(0, 0).text())
    dialog.grab().save(str(SHOTS / "carryover.png"))
    dialog.proposals.set_accepted(0, False)
    assert dialog.proposals.choices()[0].title == ""


def test_directive_pane_marks_network_reports_as_external(qtbot: QtBot, work_ctx: AppContext) -> None:
    directive_id = next(r.directive_id for r in network.list_reports(work_ctx.db, work_ctx.actor) if r.directive_id)
    pane = DirectiveDetailPane(ctx=work_ctx)
    qtbot.addWidget(pane)
    pane.show_detail(directives.get_directive(work_ctx.db, work_ctx.actor, directive_id))
    settle(qtbot)  # the network's reports are read off the GUI thread
    text = plain(pane.progress.toPlainText())
    assert "รายงานจากภาคประชาชน (ข้อมูลประกอบ ไม่เปลี่ยนสถานะข้อสั่งการ)" in text
    assert "ไม่เห็นผล" in text and "บัณฑิตอาสาพัฒนามาตุภูมิ" in text
    pane.resize(520, 700)
    pane.grab().save(str(SHOTS / "directive_pane.png"))
