"""The แผนบูรณาการ page (issue #15) on the demo: the plan tree with each indicator's state, the
quarterly entry table (a wrong number refused in Thai with nothing saved, a right one saved
through the service), the summary per dimension and agency, read-only rows for a viewer, and the
quarterly report saved as PDF; every tab rendered at 1366x768."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.pages.plan import ENTRY_NOTE, ENTRY_VALUE, PlanPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field import plan_views
from sbpac_desktop.thai import to_arabic_digits

SHOTS = Path("/tmp/sbpac-plan")
AS_OF = date(2020, 2, 15)  # the demo's own dates: FY2563, ไตรมาส 2 has begun


def _page(qtbot: QtBot, ctx: AppContext, wait_ops) -> PlanPage:
    page = PlanPage(ctx, today=AS_OF)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.quarter.setCurrentIndex(0)
    page.reload()
    wait_ops()
    return page


def _row(page: PlanPage, indicator_name: str) -> int:
    return next(r for r in range(page.entry.rowCount()) if page.entry.item(r, 1).text() == indicator_name)


def test_tree_entry_and_summary_on_the_demo(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    page = _page(qtbot, work_ctx, wait_ops)
    assert "ตามแผน 6 ต่ำกว่าแผน 5 ยังไม่รายงาน 1" in to_arabic_digits(page.summary.text())
    texts = []
    iterator = QTreeWidgetItemIterator(page.tree)
    while iterator.value():
        texts.append((iterator.value().text(0), iterator.value().text(4)))
        iterator += 1
    assert ("ด้านความมั่นคง", "") in texts
    assert ("ตำบลที่มีข้อมูลพื้นฐานครบถ้วน (ตำบล)", "ยังไม่รายงาน") in texts
    assert page.by_dimension.item(6, 7).text() == "ดำเนินการแล้วเสร็จ ๑, อยู่ระหว่างดำเนินการ ๑"
    assert page.by_dimension.rowCount() == 7 and to_arabic_digits(page.by_dimension.item(6, 3).text()) == "6"
    SHOTS.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(("tree", "entry", "summary")):
        page.tabs.setCurrentIndex(index)
        page.grab().save(str(SHOTS / f"{name}.png"))
    row = _row(page, "ตำบลที่มีข้อมูลพื้นฐานครบถ้วน")
    page.entry.item(row, ENTRY_VALUE).setText("สิบ")
    page.save_entries()
    boxes = [w for w in page.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "ต้องเป็นตัวเลข" in boxes[-1].text()
    for box in boxes:
        box.close()
    page.entry.item(row, ENTRY_VALUE).setText("๗๕")
    page.entry.item(row, ENTRY_NOTE).setText("สำรวจครบ 3 จังหวัด")
    page.save_entries()
    wait_ops()
    wait_ops()
    tree = plan_views.plan_tree(work_ctx.db, work_ctx.actor, 2563, AS_OF)
    indicator = next(i for p in tree.projects for i in p.indicators if i.name == "ตำบลที่มีข้อมูลพื้นฐานครบถ้วน")
    assert indicator.actuals == {1: 75.0} and indicator.notes == {1: "สำรวจครบ 3 จังหวัด"}
    assert "ยังไม่รายงาน 0" in to_arabic_digits(page.summary.text())


def test_viewer_reads_but_cannot_type_and_saves_the_report(qtbot: QtBot, work_ctx, wait_ops, tmp_path) -> None:
    viewer = AppContext(work_ctx.db, Actor(0, "viewer", UserRole.VIEWER, "ผู้ชม"))
    page = _page(qtbot, viewer, wait_ops)
    assert page.entry.rowCount() == 12
    assert not page.entry.item(0, ENTRY_VALUE).flags() & page.entry.item(0, ENTRY_VALUE).flags().ItemIsEditable
    assert page.entry_lines() == []
    target = tmp_path / "me.pdf"
    page.export_report(".pdf", target)
    wait_ops()
    assert target.read_bytes().startswith(b"%PDF") and "me.pdf" in page.notice.text()
