"""The มิติการพัฒนา page: everyone sees the list in its order; admin and secretary add, rename,
move up/down and deactivate through the same services as the command line; wrong input is
shown next to its field in Thai and nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.pages.dimensions import DimensionsPage
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.models import User
from tests.gui.helpers import settle, type_text

SHOTS = Path("/tmp/sbpac-dimensions")


def _page(qtbot: QtBot, ctx: AppContext) -> DimensionsPage:
    page = DimensionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    return page


def _names(ctx: AppContext) -> list[str]:
    return [d.name for d in dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=True)]


def _as(ctx: AppContext, role: UserRole) -> AppContext:
    with ctx.db.unit_of_work() as session:
        row = User(login=f"u_{role.value}", display_name="ผู้ใช้ทดสอบ", role=role.value)
        session.add(row)
        session.flush()
        return AppContext(ctx.db, Actor(row.id, row.login, role, row.display_name))


def test_admin_adds_with_thai_messages_then_renames(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    page = _page(qtbot, work_ctx)
    assert [r.name for r in page.model.rows()] == _names(work_ctx) and len(page.model.rows()) == 6
    assert page.summary.text().startswith("ทั้งหมด ๖ มิติ") or page.summary.text().startswith("ทั้งหมด 6 มิติ")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "page.png"))
    dialog = page.new_record()
    assert dialog is not None
    dialog.submit()
    wait_ops()
    assert dialog.errors.message("name") == "กรุณากรอกชื่อมิติการพัฒนา"
    type_text(qtbot, dialog.name_edit, "สังคม")
    type_text(qtbot, dialog.short_edit, "บริหารภาครัฐ")
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and set(dialog.errors.marked()) == {"name", "short_name"}
    assert dialog.errors.message("short_name") == "ชื่อย่อ “บริหารภาครัฐ” ซ้ำกับมิติ “การบริหารจัดการภาครัฐ”"
    dialog.grab().save(str(SHOTS / "dialog_refused.png"))
    assert len(_names(work_ctx)) == 6
    dialog.name_edit.setText("การพัฒนาเศรษฐกิจฐานราก")
    dialog.short_edit.setText("ฐานราก")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.short_edit, Qt.Key.Key_Return)
    wait_ops()
    qtbot.waitUntil(lambda: len(page.model.rows()) == 7)
    assert page.selected() is not None and page.selected().name == "การพัฒนาเศรษฐกิจฐานราก"  # type: ignore[union-attr]
    edit = page.edit_selected()
    assert edit is not None and edit.name_edit.text() == "การพัฒนาเศรษฐกิจฐานราก"
    edit.name_edit.setText("เศรษฐกิจฐานราก")
    with qtbot.waitSignal(edit.accepted):
        edit.submit()
    wait_ops()
    qtbot.waitUntil(lambda: "เศรษฐกิจฐานราก" in _names(work_ctx))


def test_move_up_down_and_deactivate(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    page = _page(qtbot, work_ctx)
    page.select(dimensions.list_dimensions(work_ctx.db, work_ctx.actor)[0].id)
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()
    first = _names(work_ctx)[0]
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: _names(work_ctx)[1] == first)
    assert page.selected() is not None and page.selected().name == first  # type: ignore[union-attr]
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: _names(work_ctx)[0] == first)
    assert page.active_button.text() == "ระงับการใช้งาน"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: first not in [d.name for d in dimensions.list_dimensions(work_ctx.db, work_ctx.actor)])
    assert page.active_button.text() == "เปิดใช้งาน"
    assert first not in [d.name for d in dimensions.list_dimensions(work_ctx.db, work_ctx.actor)]
    page.grab().save(str(SHOTS / "page_deactivated.png"))


def test_officer_and_viewer_only_read(qtbot: QtBot, work_ctx: AppContext) -> None:
    for role in (UserRole.OFFICER, UserRole.VIEWER):
        page = _page(qtbot, _as(work_ctx, role))
        assert len(page.model.rows()) == 6
        buttons = (page.add_button, page.edit_button, page.up_button, page.down_button, page.active_button)
        assert not any(b.isVisible() for b in buttons)
        page.table.selectRow(0)
        assert page.new_record() is None and page.edit_selected() is None


def test_stale_row_is_refused_on_the_page(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    page = _page(qtbot, work_ctx)
    page.table.selectRow(0)
    seen = page.selected()
    assert seen is not None
    renamed = dimensions.DimensionInput("ด้านมั่นคง")
    dimensions.update_dimension(work_ctx.db, work_ctx.actor, seen.id, seen.version, renamed)  # someone else
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_ops()
    shown = page.error.text().replace("\u200b", "")
    assert not page.error.isHidden() and shown == "ทำรายการไม่ได้: มีผู้อื่นแก้ไขรายการนี้ไปแล้ว — แสดงข้อมูลล่าสุดแล้ว โปรดลองอีกครั้ง"
    assert page.model.rows()[0].name == "ด้านมั่นคง"  # their change is on screen now
    assert dimensions.list_dimensions(work_ctx.db, work_ctx.actor, include_inactive=True)[0].active


def test_page_open_dialog_keeps_connects_and_deletes_on_close(qtbot: QtBot, work_ctx: AppContext) -> None:
    """Page.open_dialog, which every page uses for its form dialogs: kept as page.dialog, open
    window-modal, each slot called in order with what was saved, deleted once closed."""
    import shiboken6

    from sbpac_desktop.gui.dialogs.dimension_dialog import DimensionDialog

    page = _page(qtbot, work_ctx)
    heard: list[tuple[str, object]] = []
    dialog = page.open_dialog(DimensionDialog(work_ctx, page), lambda v: heard.append(("a", v)),
                              lambda v: heard.append(("b", v)))  # fmt: skip
    assert page.dialog is dialog and dialog.isVisible() and dialog.isModal()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.emit("view")
    assert heard == [("a", "view"), ("b", "view")]
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)  # deleted once closed
