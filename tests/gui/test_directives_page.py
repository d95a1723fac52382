"""The directive tracker: filters, detail pane, progress reports, editing with version checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState, Priority
from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.widgets.pickers import post_label
from sbpac_desktop.services import lookups
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directive_views import DirectiveRow
from sbpac_desktop.services.directives.directives import DirectiveFilter, DirectiveInput
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, type_text
from tests.gui.helpers import settle as settle_window


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(work_ctx, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle_window(qtbot)  # the lists load off the GUI thread
    win.show_page("directives")
    return win


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> DirectivesPage:
    found = window.page("directives")
    assert isinstance(found, DirectivesPage)
    assert found.loaded
    settle(found, qtbot)
    return found


def settle(page: DirectivesPage, qtbot: QtBot) -> None:
    """Pages arrive from the worker thread: wait until the last one asked for is in."""
    qtbot.wait(5)
    qtbot.waitUntil(lambda: operations.is_idle() and not page.model.loading, timeout=10_000)


def numbers(page: DirectivesPage) -> list[str]:
    return [row.number_text(False) for row in page.model.rows()]


def test_filters(page: DirectivesPage, qtbot: QtBot) -> None:
    assert len(numbers(page)) == 9
    assert [page.year_filter.itemText(i) for i in range(page.year_filter.count())] == [
        "ทุกปีงบประมาณ",
        "ปีงบประมาณ ๒๕๖๓",
        "ปีงบประมาณ ๒๕๖๒",
    ]
    page.year_filter.setCurrentIndex(2)
    settle(page, qtbot)
    assert numbers(page) == ["ขส. 001/2562"]
    assert page.summary.text().startswith("ทั้งหมด ๑ รายการ")
    page.year_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("overdue"))
    settle(page, qtbot)
    assert all(row.status.key == "overdue" for row in page.model.rows()) and page.model.rowCount() == 5
    assert page.summary.text() == "ทั้งหมด ๕ รายการ — เกินกำหนด ๕"
    page.status_filter.setCurrentIndex(0)
    settle(page, qtbot)
    type_text(qtbot, page.assignee_filter, "กรมบัญชีกลาง")
    qtbot.waitUntil(lambda: page.model.rowCount() < 9)
    assert all("กรมบัญชีกลาง" in (row.lead_label or "") for row in page.model.rows())
    page.assignee_filter.clear()
    type_text(qtbot, page.text_filter, "เครือข่ายภาคประชาสังคม")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "เครือข่ายภาคประชาสังคม" in page.model.rows()[0].text


def test_ctrl_f_focuses_the_text_filter(window: MainWindow, page: DirectivesPage, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.text_filter


def test_detail_pane_shows_assignments_and_history(page: DirectivesPage, qtbot: QtBot) -> None:
    assert page.select_directive(page.model.rows()[1].id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    detail = page.detail
    assert detail.title.text() == "ขส. ๐๐๑/๒๕๖๓"
    assert "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)" in detail.lead.text().replace("\u200b", "")
    history = detail.progress.toPlainText().replace("\u200b", "")
    assert "ร้อยละ ๑๐๐" in history
    assert page.progress_button.isEnabled() and page.edit_button.isEnabled()


def test_add_progress_report(
    page: DirectivesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    row = next(r for r in page.model.rows() if r.number_text(False) == "ขส. 002/2563")
    page.select_directive(row.id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    qtbot.mouseClick(page.progress_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ProgressDialog)
    assert dialog.percent.value() == row.latest_percent
    dialog.percent.clear()
    qtbot.keyClicks(dialog.percent, "80")
    dialog.report_date.line_edit.clear()
    qtbot.keyClicks(dialog.report_date.line_edit, "15/01/2563")
    type_text(qtbot, dialog.result_edit, "เบิกจ่ายได้ร้อยละ 80 ของแผน")
    type_text(qtbot, dialog.problems, "โครงการก่อสร้างล่าช้า")
    type_text(qtbot, dialog.next_step, "เร่งรัดการเบิกจ่ายไตรมาสที่ 2")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.next_step, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    wait_ops()
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    latest = detail.reports[0]
    assert (latest.percent, latest.report_date) == (80, date(2020, 1, 15))
    assert latest.result == "เบิกจ่ายได้ร้อยละ 80 ของแผน"
    assert latest.problems == "โครงการก่อสร้างล่าช้า"
    assert latest.next_step == "เร่งรัดการเบิกจ่ายไตรมาสที่ 2"
    assert detail.row.latest_percent == 80
    assert page.selected_row().id == row.id  # type: ignore[union-attr]
    assert "ร้อยละ ๘๐" in page.detail.progress.toPlainText().replace("\u200b", "")


def test_progress_validation_marks_the_field(
    page: DirectivesPage, qtbot: QtBot, wait_ops: Callable[[], None]
) -> None:
    page.select_directive(page.model.rows()[1].id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    dialog = page.add_progress()
    assert dialog is not None
    lists_filled(qtbot, dialog)
    dialog.result_edit.setPlainText("รายงาน")
    dialog.report_date.setDate(date(2019, 1, 1))  # before the directive was issued: the service says no
    dialog.submit()
    wait_ops()
    assert dialog.isVisible()
    assert dialog.errors.marked() == ["report_date"]
    assert dialog.errors.message("report_date") == "วันที่รายงานต้องไม่ก่อนวันที่สั่งการ"
    dialog.reject()


def test_new_directive_with_ctrl_n(
    window: MainWindow, page: DirectivesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, DirectiveDialog)
    lists_filled(qtbot, dialog)
    type_text(qtbot, dialog.text_edit, "ให้จัดทำแผนสื่อสารสาธารณะ")
    dialog.issued_on.set_text("01/12/2562")
    dialog.due_on.set_text("31/01/2563")
    dimension = lookups.list_dimensions(work_ctx.db, work_ctx.actor)[5]
    dialog.dimension.set_value(dimension.id)
    dialog.priority.set_value(Priority.URGENT)
    unit = next(u for u in org.list_org_units(work_ctx.db, work_ctx.actor) if u.short_name == "กปส.")
    dialog.lead.set_value(("unit", unit.id))
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait_ops()
    created = directives.list_directives(work_ctx.db, work_ctx.actor, DirectiveFilter(text="แผนสื่อสารสาธารณะ"))[0]
    assert created.number_text(False) == "ขส. 009/2563"
    assert created.priority is Priority.URGENT and created.dimension == dimension.name
    assert created.due_on == date(2020, 1, 31)
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, created.id)
    assert [(a.org_unit_id, a.role) for a in detail.assignments] == [(unit.id, AssignmentRole.LEAD)]
    assert page.selected_row().id == created.id  # type: ignore[union-attr]


def _open_directive_led_by_a_position(ctx: AppContext) -> DirectiveRow:
    """The lowest-numbered open directive whose lead is a position (the demo data has several)."""
    rows = sorted(directives.list_directives(ctx.db, ctx.actor), key=lambda r: (r.fiscal_year, r.seq))
    for row in rows:
        if row.state is not DirectiveState.OPEN:
            continue
        detail = directives.get_directive(ctx.db, ctx.actor, row.id)
        if any(a.role is AssignmentRole.LEAD and a.position_id for a in detail.assignments):
            return row
    raise AssertionError("the demo data has no open directive led by a position")


def test_edit_conflict_keeps_the_input(
    page: DirectivesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    # A directive chosen from the service, not "the third row the view has loaded": rows
    # arrive in pages from the worker, and an arbitrary row may be closed or led by a unit.
    row = _open_directive_led_by_a_position(work_ctx)
    assert page.select_directive(row.id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    dialog = page.edit_selected()
    assert isinstance(dialog, DirectiveDialog)
    lists_filled(qtbot, dialog)
    assert dialog.text_edit.toPlainText() == row.text
    lead = next(a for a in page.detail.detail.assignments if a.role is AssignmentRole.LEAD)  # type: ignore[union-attr]
    assert dialog.lead.value() == ("position", lead.position_id)
    # someone else saves the same directive meanwhile
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    other = DirectiveInput(
        text=detail.row.text + " (แก้ไขโดยผู้อื่น)",
        issued_on=detail.row.issued_on,
        assignments=tuple(directives.AssignmentInput(a.position_id, a.org_unit_id, a.role) for a in detail.assignments),
        meeting_id=detail.meeting_id,
        agenda_item_id=detail.agenda_item_id,
        due_on=detail.row.due_on,
    )
    directives.update_directive(work_ctx.db, work_ctx.actor, row.id, detail.row.version, other)
    dialog.text_edit.setPlainText("ข้อความใหม่ของฉัน")
    dialog.submit()
    wait_ops()
    # The save's answer arrives through the event loop: wait for the dialog it opens, not a time.
    qtbot.waitUntil(lambda: dialog.conflict_flow is not None and dialog.conflict_flow.dialog is not None)
    conflict = dialog.conflict_flow.dialog  # type: ignore[union-attr]  # yours / theirs, three ways on
    assert conflict is not None and conflict.isVisible()
    assert dialog.findChild(QMessageBox, "appErrorBox") is None  # the conflict dialog, not the plain error box
    assert "ถูกแก้ไขโดย" in conflict.summary.text()
    assert dialog.isVisible()
    assert dialog.text_edit.toPlainText() == "ข้อความใหม่ของฉัน"  # nothing typed is lost
    assert directives.get_directive(work_ctx.db, work_ctx.actor, row.id).row.text.endswith("(แก้ไขโดยผู้อื่น)")
    conflict.close()
    dialog.reject()


def test_edit_saves_with_the_version(
    page: DirectivesPage, work_ctx: AppContext, wait_ops: Callable[[], None], qtbot: QtBot
) -> None:
    row = page.model.rows()[3]
    page.select_directive(row.id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    dialog = page.edit_selected()
    assert dialog is not None
    lists_filled(qtbot, dialog)
    extended = directives.get_directive(work_ctx.db, work_ctx.actor, row.id).row.extended_due_on
    dialog.due_on.setDate(date(2020, 3, 31))
    support = next(p for p in org.list_positions(work_ctx.db, work_ctx.actor) if p.short_code == "ผช.ลธ.(สธ.)")
    dialog.supporting.set_checked(("position", support.id))
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait_ops()
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    assert detail.row.due_on == date(2020, 3, 31)
    assert detail.row.extended_due_on == extended  # fields the editor does not show are kept
    assert detail.row.version == row.version + 1
    assert post_label(support) in [a.label for a in detail.assignments if a.role is AssignmentRole.SUPPORT]


def test_header_click_sorts_in_the_database(page: DirectivesPage, qtbot: QtBot) -> None:
    header = page.table.horizontalHeader()
    page.table.sortByColumn(page.model.COL_DUE, Qt.SortOrder.DescendingOrder)
    settle(page, qtbot)
    assert page.model.query.sort == "due" and page.model.query.descending
    dues = [row.effective_due for row in page.model.rows() if row.effective_due]
    assert dues == sorted(dues, reverse=True) and len(page.model.rows()) == 9
    page.table.sortByColumn(page.model.COL_STATUS, Qt.SortOrder.AscendingOrder)
    settle(page, qtbot)
    assert page.model.rows()[0].status.key == "overdue"
    page.table.sortByColumn(page.model.COL_TEXT, Qt.SortOrder.AscendingOrder)  # not sortable: nothing moves
    settle(page, qtbot)
    assert page.model.query.sort == "status"
    assert header.sortIndicatorSection() == page.model.COL_STATUS


def test_pages_are_fetched_as_the_view_needs_them(page: DirectivesPage, qtbot: QtBot, monkeypatch) -> None:
    """With 4-row pages the nine demo directives come in three requests, never twice the same page."""
    from sbpac_desktop.gui.models import directives as model_module

    monkeypatch.setattr(model_module, "PAGE_SIZE", 4)
    asked: list[int] = []
    fetch = page.model._fetch
    assert fetch is not None

    def counting(query, offset, limit):  # type: ignore[no-untyped-def]
        asked.append(offset)
        return fetch(query, offset, limit)

    page.model._fetch = counting
    page.reload()
    settle_window(qtbot)  # the lists load off the GUI thread
    settle(page, qtbot)
    assert page.model.rowCount() in (4, 8, 9)  # the view may already have asked for more to fill itself
    while page.model.canFetchMore():  # what scrolling to the end does
        page.model.fetchMore()
        settle(page, qtbot)
    assert asked == [0, 4, 8]
    assert page.model.rowCount() == 9 and not page.model.canFetchMore()
    assert len({row.id for row in page.model.rows()}) == 9


def test_edit_shows_the_number_once_and_the_start_of_the_lead(page: DirectivesPage, qtbot: QtBot) -> None:
    row = page.model.rows()[0]
    page.select_directive(row.id)
    settle(page, qtbot)  # the directive is read off the GUI thread
    dialog = page.edit_selected()
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.source.text().replace("\u200b", "").startswith("เลขที่")
    assert not dialog.seq_row.isVisible()  # "ออกให้อัตโนมัติเมื่อบันทึก" only for a new directive
    assert dialog.lead.value() is not None
    assert dialog.lead.lineEdit().cursorPosition() == 0
    assert dialog.lead.toolTip() == dialog.lead.currentText()
    dialog.reject()


def test_new_directive_says_the_number_comes_on_save(page: DirectivesPage, qtbot: QtBot) -> None:
    dialog = DirectiveDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.seq_row.isVisible()
    dialog.reject()


def test_filters_and_actions_wait_for_their_background_reads(qtbot: QtBot, work_ctx: AppContext) -> None:
    """Nothing can be picked or done on lists and a directive that have not arrived yet."""
    page = DirectivesPage(work_ctx)
    qtbot.addWidget(page)
    page.reload()
    assert not page.year_filter.isEnabled() and not page.place_filter.isEnabled()  # their lists are on their way
    settle(page, qtbot)
    assert page.year_filter.isEnabled() and page.year_filter.count() > 1 and page.place_filter.province.count() > 1
    row = page.model.rows()[1]
    page.select_directive(row.id)
    assert page.detail.detail is None and not page.edit_button.isEnabled()  # the directive is on its way
    settle(page, qtbot)
    assert page.detail.detail is not None and page.detail.detail.row.id == row.id and page.edit_button.isEnabled()


def test_a_directive_that_is_not_there_is_said_on_the_page_and_nothing_can_be_done_on_it(
    page: DirectivesPage, qtbot: QtBot
) -> None:
    """A search hit or a dashboard line naming a directive the database no longer has: the detail
    read is refused (NotFound, a real service answer, no mock) and said on the page's error line;
    the pane stays empty and Edit and Progress stay off."""
    page.apply_filter(DirectiveFilter(), select_id=2_000_000_000)
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert "ไม่พบ" in page.error.text().replace("\u200b", "")
    assert page.detail.detail is None
    assert not page.edit_button.isEnabled() and not page.progress_button.isEnabled()
    page.select_directive(page.model.rows()[0].id)  # a real one still opens afterwards
    settle(page, qtbot)
    assert page.detail.detail is not None and page.edit_button.isEnabled()
    assert not page.error.isVisible()  # and the old refusal no longer stands over it


@pytest.mark.parametrize("size", [(1366, 768), (960, 560)])
def test_number_column_keeps_each_number_on_one_line(page: DirectivesPage, window: MainWindow, qtbot: QtBot,
                                                     size: tuple[int, int]) -> None:  # fmt: skip
    """The walk's finding: "ขส. ๐๐๑/๒๕๖๔" wrapped over two lines beside the detail pane, the
    short columns narrowed to share half the width. The number column is sized from the font
    (a number of the widest digits) and is never narrowed."""
    window.resize(*size)
    page.table.selectRow(0)  # the detail pane opens beside the table
    settle(page, qtbot)
    qtbot.wait(20)
    table = page.table
    metrics = table.fontMetrics()
    width = table.columnWidth(page.model.COL_NUMBER)
    for text in [row.number_text() for row in page.model.rows()] + ["ขส. ๘๘๘/๒๘๘๘", "ขส. ๐๐๐/๒๐๐๐"]:
        lines = metrics.boundingRect(0, 0, width - 8, 10_000, Qt.TextFlag.TextWordWrap, text).height()
        assert lines < 2 * metrics.lineSpacing(), f"{text} wraps in {width} px at {size}"
    window.grab().save(f"/tmp/tracker_numbers_{size[0]}.png")
