"""People & units end to end: add a unit, a post seconded from it, a person, assign the post,
end the term, deactivate; bad input is marked next to its field and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.gui.dialogs.person_dialog import PersonDialog
from sbpac_desktop.gui.dialogs.person_term_dialog import TermDialog
from sbpac_desktop.gui.dialogs.position_dialog import PositionDialog
from sbpac_desktop.gui.dialogs.unit_dialog import OrgUnitDialog
from sbpac_desktop.gui.models.positions import PositionsModel
from sbpac_desktop.gui.pages.people import PeoplePage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from tests.gui.helpers import settle, type_text

TODAY = date(2020, 6, 1)
UNIT = "สำนักงานคณะกรรมการส่งเสริมการลงทุน"


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext) -> PeoplePage:
    widget = PeoplePage(work_ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.reload()
    settle(qtbot)  # the org chart is read off the GUI thread
    return widget


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def save(qtbot: QtBot, dialog: object) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # type: ignore[attr-defined]
        click(qtbot, dialog.save_button)  # type: ignore[attr-defined]


def post_row(page: PeoplePage, title: str, code: str) -> int:
    model = page.posts_tab.model
    return next(
        i for i in range(model.rowCount()) if model.row_at(i).short_code == code and title in model.row_at(i).title
    )


def select_post(page: PeoplePage, code: str) -> None:
    page.posts_tab.select(next(p.id for p in page.data.positions if p.short_code == code))


def test_page_shows_demo_posts_units_and_people(page: PeoplePage) -> None:
    assert page.model.rowCount() == 12
    row = post_row(page, "ผู้ช่วยเลขาธิการ ศอ.บต.", "ผช.ลธ.(พณ.)")
    assert page.model.display(page.model.row_at(row), PositionsModel.COL_UNIT) == "กระทรวงพาณิชย์"
    assert page.model.row_at(row).holder_name == "นายกิตติ พาณิชย์ดี"
    top = page.units_tab.tree.topLevelItem(0)
    assert (top.text(1), top.child(0).text(1)) == ("ศอ.บต.", "กปพ.")  # the agency first, its division under it
    names = [page.persons_tab.model.display(page.persons_tab.model.row_at(i), 0) for i in range(12)]
    view_order = [page.persons_tab.table.proxy.index(i, 0).data() for i in range(12)]
    assert view_order[0] == "นายกิตติ พาณิชย์ดี" and view_order[-1] == "นางสาวอรุณี วัฒนธรรม"  # ก ... อ
    assert sorted(names) == sorted(view_order)


def test_add_unit_post_person_and_assign_the_post(
    page: PeoplePage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    page.tabs.setCurrentIndex(PeoplePage.UNITS)
    click(qtbot, page.units_tab.add_button)
    unit_dialog = page.dialog
    assert isinstance(unit_dialog, OrgUnitDialog)
    type_text(qtbot, unit_dialog.ui.name, UNIT)
    type_text(qtbot, unit_dialog.ui.shortName, "สกท.")
    unit_dialog.kind.set_value(OrgUnitKind.AGENCY)
    save(qtbot, unit_dialog)
    wait_ops()
    unit = next(u for u in org.list_org_units(work_ctx.db, work_ctx.actor) if u.name == UNIT)
    assert (unit.short_name, unit.kind, unit.parent_id) == ("สกท.", OrgUnitKind.AGENCY, None)

    page.tabs.setCurrentIndex(PeoplePage.POSTS)
    click(qtbot, page.posts_tab.add_button)
    post_dialog = page.dialog
    assert isinstance(post_dialog, PositionDialog)
    type_text(qtbot, post_dialog.ui.title, "ผู้ช่วยเลขาธิการ ศอ.บต.")
    type_text(qtbot, post_dialog.ui.shortCode, "ผช.ลธ.(สกท.)")
    post_dialog.ui.orgUnit.set_value(unit.id)
    save(qtbot, post_dialog)
    wait_ops()
    post = next(p for p in org.list_positions(work_ctx.db, work_ctx.actor) if p.short_code == "ผช.ลธ.(สกท.)")
    assert (post.kind, post.org_unit_id, post.holder_name) == (PositionKind.ASSISTANT, unit.id, None)

    page.tabs.setCurrentIndex(PeoplePage.PEOPLE)
    page.new_record()  # Ctrl+N adds on the tab on show
    person_dialog = page.dialog
    assert isinstance(person_dialog, PersonDialog)
    person_dialog.ui.prefix.setEditText("")
    type_text(qtbot, person_dialog.ui.prefix.lineEdit(), "ดร.")
    type_text(qtbot, person_dialog.ui.firstName, "ลงทุน")
    type_text(qtbot, person_dialog.ui.lastName, "มั่งคั่ง")
    save(qtbot, person_dialog)
    wait_ops()
    person = next(p for p in org.list_people(work_ctx.db, work_ctx.actor) if p.first_name == "ลงทุน")
    assert person.full_name == "ดร.ลงทุน มั่งคั่ง"

    page.tabs.setCurrentIndex(PeoplePage.POSTS)
    select_post(page, "ผช.ลธ.(สกท.)")
    click(qtbot, page.posts_tab.assign_button)
    term_dialog = page.dialog
    assert isinstance(term_dialog, TermDialog)
    assert term_dialog.ui.position.value() == post.id
    assert term_dialog.ui.currentHolder.text() == "ตำแหน่งนี้ยังว่างอยู่"
    term_dialog.ui.person.setEditText("")
    type_text(qtbot, term_dialog.ui.person.lineEdit(), "ดร.ลงทุน มั่งคั่ง")
    term_dialog.ui.startOn.line_edit.clear()
    qtbot.keyClicks(term_dialog.ui.startOn.line_edit, "1/4/2563")
    save(qtbot, term_dialog)
    wait_ops()
    terms = org.list_incumbencies(work_ctx.db, work_ctx.actor, position_id=post.id)
    assert [(t.person_id, t.start_on, t.end_on, t.acting) for t in terms] == [
        (person.id, date(2020, 4, 1), None, False)
    ]
    row = post_row(page, "ผู้ช่วยเลขาธิการ", "ผช.ลธ.(สกท.)")
    assert page.model.row_at(row).holder_name == "ดร.ลงทุน มั่งคั่ง"  # the page read again
    assert page.posts_tab.term_model.rowCount() == 1


def test_bad_input_is_marked_by_field_and_typing_is_kept(
    page: PeoplePage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    page.tabs.setCurrentIndex(PeoplePage.UNITS)
    page.new_record()
    dialog = page.dialog
    assert isinstance(dialog, OrgUnitDialog)
    type_text(qtbot, dialog.ui.shortName, "กปพ.")  # the division's short name
    dialog.submit()
    wait_ops()
    assert dialog.isVisible()
    assert sorted(dialog.errors.marked()) == ["name", "short_name"]
    assert dialog.errors.message("name") == "กรุณากรอกชื่อหน่วยงาน"
    assert dialog.errors.message("short_name") == "ชื่อย่อ “กปพ.” ซ้ำกับหน่วยงานอื่น"
    assert dialog.ui.shortName.text() == "กปพ."
    dialog.reject()
    assert len(org.list_org_units(work_ctx.db, work_ctx.actor)) == 10

    page.tabs.setCurrentIndex(PeoplePage.POSTS)
    select_post(page, "ผช.ลธ.(พณ.)")
    click(qtbot, page.posts_tab.assign_button)
    term = page.dialog
    assert isinstance(term, TermDialog)
    assert term.ui.currentHolder.text() == "ผู้ดำรงตำแหน่งปัจจุบัน: นายกิตติ พาณิชย์ดี"
    term.ui.person.setEditText("")
    type_text(qtbot, term.ui.person.lineEdit(), "นางสาวอรุณี วัฒนธรรม")
    term.ui.startOn.setDate(date(2020, 5, 1))
    term.ui.endOn.setDate(date(2020, 4, 1))
    term.submit()
    wait_ops()
    assert term.errors.marked() == ["end_on"]
    assert term.errors.message("end_on") == "วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง"
    term.ui.endOn.setDate(None)
    term.ui.endPrevious.setChecked(False)  # keep นายกิตติ's open term: the terms would overlap
    term.submit()
    wait_ops()
    assert term.errors.marked() == ["start_on"]
    assert "ซ้อนกับวาระของ นายกิตติ พาณิชย์ดี" in (term.errors.message("start_on") or "")
    assert term.ui.person.currentText() == "นางสาวอรุณี วัฒนธรรม" and term.isVisible()
    term.ui.endPrevious.setChecked(True)
    save(qtbot, term)
    wait_ops()
    kitti, aruni = (
        org.list_incumbencies(work_ctx.db, work_ctx.actor, position_id=page.posts_tab.selected().id)[i]  # type: ignore[union-attr]
        for i in (1, 0)
    )
    assert (kitti.person_name, kitti.end_on) == ("นายกิตติ พาณิชย์ดี", date(2020, 4, 30))
    assert (aruni.person_name, aruni.start_on, aruni.end_on) == ("นางสาวอรุณี วัฒนธรรม", date(2020, 5, 1), None)


def test_end_a_term_then_deactivate_the_post(
    page: PeoplePage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    select_post(page, "ผช.ลธ.(ปภ.)")
    post = page.posts_tab.selected()
    assert post is not None and post.holder_name == "นายภัย ป้องกัน"
    click(qtbot, page.posts_tab.term_button)
    dialog = page.dialog
    assert isinstance(dialog, TermDialog) and not dialog.ui.person.isEnabled()
    dialog.ui.endOn.line_edit.clear()
    qtbot.keyClicks(dialog.ui.endOn.line_edit, "31/3/2563")
    save(qtbot, dialog)
    wait_ops()
    assert page.posts_tab.selected().holder_name is None  # type: ignore[union-attr]
    click(qtbot, page.posts_tab.active_button)  # ระงับการใช้งาน
    wait_ops()
    codes = [page.model.row_at(i).short_code for i in range(page.model.rowCount())]
    assert "ผช.ลธ.(ปภ.)" not in codes and len(codes) == 11
    assert "ผช.ลธ.(ปภ.)" not in [p.short_code for p in org.list_positions(work_ctx.db, work_ctx.actor)]
    page.show_inactive.setChecked(True)
    row = post_row(page, "ผู้ช่วยเลขาธิการ", "ผช.ลธ.(ปภ.)")
    assert (
        page.model.display(page.model.row_at(row), PositionsModel.COL_TITLE).replace("\u200b", "").endswith("(ระงับแล้ว)")
    )
    # the term history stays
    terms = org.list_incumbencies(work_ctx.db, work_ctx.actor, position_id=post.id)
    assert [(t.person_name, t.end_on) for t in terms] == [("นายภัย ป้องกัน", date(2020, 3, 31))]


def test_deactivating_a_held_post_is_refused_in_thai(
    page: PeoplePage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    select_post(page, "ผช.ลธ.(สธ.)")
    click(qtbot, page.posts_tab.active_button)
    wait_ops()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "appErrorBox") is not None)
    box = page.findChild(QMessageBox, "appErrorBox")
    assert "ยังมีผู้ดำรงตำแหน่ง (นายแพทย์สุขใจ รักษา)" in box.text().replace("\u200b", "")
    box.accept()
    assert "ผช.ลธ.(สธ.)" in [p.short_code for p in org.list_positions(work_ctx.db, work_ctx.actor)]


def test_ctrl_f_filters_posts_units_and_people(page: PeoplePage, qtbot: QtBot) -> None:
    page.focus_search()
    assert page.search.hasFocus() or not page.isActiveWindow()
    type_text(qtbot, page.search, "พาณิชย์")
    assert [page.model.row_at(i).short_code for i in range(page.model.rowCount())] == ["ผช.ลธ.(พณ.)"]
    assert page.units_tab.tree.topLevelItemCount() == 1
    assert page.persons_tab.model.rowCount() == 1  # นายกิตติ พาณิชย์ดี
    page.search.setText("ผช.ลธ. กรม")  # every word must match: the posts seconded from a กรม
    assert page.model.rowCount() == 4
    page.search.clear()
    assert page.model.rowCount() == 12
