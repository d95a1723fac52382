"""The เครือข่ายภาคประชาชน page (issue #15) on the demo: the register of the network and the volunteer
graduates with its kind/active filters and the chosen member's reports; registering a member and
adding a report through their dialogs (Thai messages, nothing written on a refusal); the xlsx form
from the page, a hostile file refused whole in the preview, a filled form imported; a viewer reads
only. Screens rendered at 1366x768 into /tmp/network-shots."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.dialogs.network_dialogs import MemberDialog, NetworkReportDialog
from sbpac_desktop.gui.pages.network import NetworkPage
from sbpac_desktop.gui.text import plain
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field import network
from sbpac_desktop.services.field.network_import import COLUMNS, DATA_SHEET
from sbpac_desktop.store.models import User
from tests.gui.helpers import type_text

SHOTS = Path("/tmp/network-shots")


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> NetworkPage:
    return _page(qtbot, work_ctx, wait_ops)


def _page(qtbot: QtBot, ctx: AppContext, wait_ops) -> NetworkPage:
    page = NetworkPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 700)  # the window less its navigation
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    wait_ops()
    return page


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def _names(page: NetworkPage) -> list[str]:
    return [m.full_name for m in page.members_model.rows()]


def _select(page: NetworkPage, name: str, wait_ops) -> None:
    page.members.selectRow(page.members.row_of(lambda m: m.full_name == name))
    wait_ops()


def _counts(ctx: AppContext) -> tuple[int, int]:
    return len(network.list_members(ctx.db, ctx.actor)), len(network.list_reports(ctx.db, ctx.actor))


def test_register_filters_and_the_members_reports(page: NetworkPage, wait_ops) -> None:
    assert len(_names(page)) == 5
    assert "บัณฑิตอาสาพัฒนามาตุภูมิ 3 คน" in plain(page.summary.text()).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    headers = [page.members_model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["ประเภท", "ชื่อ-นามสกุล", "องค์กร", "พื้นที่ (ตำบล)", "ติดต่อ", "ช่วงปฏิบัติงาน"]
    _select(page, "นายมะรอนิง ยูโซ๊ะ", wait_ops)
    assert page.reports_title.text().startswith("รายงานของ นายมะรอนิง ยูโซ๊ะ (เครือข่ายภาคประชาชน)")
    assert page.reports_model.rowCount() == 1
    report = page.reports_model.rows()[0]
    assert page.reports_model.display(report, page.reports_model.COL_RATING) == "ไม่เห็นผล"
    assert "ขส." in plain(page.reports_model.display(report, page.reports_model.COL_ABOUT))
    assert "ลานกีฬา" in plain(page.reports_model.display(report, page.reports_model.COL_TEXT))
    _shot(page, "page.png")
    page.kind_filter.set_value("volunteer")
    assert sorted(_names(page)) == sorted(["นางสาวฟาตีมะห์ ดอเลาะ", "นายอับดุลเลาะ สาและ", "นางสาวนูรีซัน มะแซ"])
    wait_ops()
    assert page.reports_model.rowCount() == 1 and page.selected_member().kind == "volunteer"  # type: ignore[union-attr]
    page.kind_filter.set_value(None)
    assert len(_names(page)) == 5


def test_active_filter_hides_a_member_whose_period_ended(page: NetworkPage, work_ctx: AppContext, wait_ops) -> None:
    member = next(m for m in network.list_members(work_ctx.db, work_ctx.actor) if m.full_name == "นางรอฮานี สาแม")
    ended = network.MemberInput(member.kind, member.full_name, member.place_id, member.organisation,
                                active_from=date(2019, 10, 1), active_to=date.today() - timedelta(days=1))  # fmt: skip
    network.update_member(work_ctx.db, work_ctx.actor, member.id, member.version, ended)
    page.reload()
    wait_ops()
    assert "นางรอฮานี สาแม" in _names(page)
    page.active_only.setChecked(True)
    assert "นางรอฮานี สาแม" not in _names(page) and len(_names(page)) == 4
    page.active_only.setChecked(False)
    row = page.members_model.rows()[page.members.row_of(lambda m: m.full_name == "นางรอฮานี สาแม")]  # type: ignore[index]
    assert "1 ต.ค. 2562" in plain(page.members_model.display(row, page.members_model.COL_PERIOD)).translate(
        str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    )


def test_register_a_member_wrong_input_then_right(
    qtbot: QtBot, page: NetworkPage, work_ctx: AppContext, wait_ops
) -> None:
    before = _counts(work_ctx)
    dialog = page.new_record()
    assert isinstance(dialog, MemberDialog)
    dialog.submit()
    wait_ops()
    assert dialog.isVisible()
    assert dialog.errors.message("kind") == "กรุณาเลือกประเภท: เครือข่ายภาคประชาชน หรือ บัณฑิตอาสาพัฒนามาตุภูมิ"
    dialog.kind.set_value("volunteer")
    type_text(qtbot, dialog.place.lineEdit(), "ต.ไม่มีจริง")
    dialog.active_from.set_text("1/10/2562")
    dialog.active_to.set_text("30/9/2562")
    dialog.email.setText("ไม่ใช่อีเมล")
    dialog.submit()
    wait_ops()
    assert dialog.errors.message("places").startswith("ไม่พบพื้นที่ที่พิมพ์")
    assert dialog.errors.message("email") == "อีเมลไม่ถูกต้อง (ตัวอย่าง: name@example.com)"
    dialog.place.set_value(None)
    dialog.email.clear()
    dialog.submit()  # now the service answers: no name, end before start
    wait_ops()
    assert dialog.isVisible()
    assert "ชื่อ-นามสกุล" in dialog.errors.message("full_name")  # type: ignore[operator]
    assert dialog.errors.message("active_to") == "วันสิ้นสุดต้องไม่ก่อนวันเริ่มปฏิบัติงาน"
    _shot(dialog, "member_dialog_errors.png")
    assert _counts(work_ctx) == before
    type_text(qtbot, dialog.name_edit, "นายสุไลมาน ดือราแม")
    dialog.organisation.setText("บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 5")
    dialog.place.set_value(next(p.id for p in page.data.places if p.label.startswith("ต.ลิดล")))
    dialog.active_to.set_text("30/9/2564")
    dialog.phone.setText("0812345678")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    assert _counts(work_ctx) == (before[0] + 1, before[1])
    chosen = page.selected_member()
    assert chosen is not None and chosen.full_name == "นายสุไลมาน ดือราแม" and chosen.place_label.startswith("ต.ลิดล")
    assert page.reports_title.text().endswith("ยังไม่มีรายงาน")


def test_edit_a_member(qtbot: QtBot, page: NetworkPage, work_ctx: AppContext, wait_ops) -> None:
    _select(page, "นายอับดุลเลาะ สาและ", wait_ops)
    dialog = page.edit_selected()
    assert dialog is not None and dialog.name_edit.text() == "นายอับดุลเลาะ สาและ" and dialog.kind.value() == "volunteer"
    _shot(dialog, "member_dialog.png")
    dialog.phone.setText("073-123456")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    assert page.selected_member().phone == "073-123456"  # type: ignore[union-attr]


def test_add_a_report_wrong_input_then_right(qtbot: QtBot, page: NetworkPage, work_ctx: AppContext, wait_ops) -> None:
    _select(page, "นางสาวฟาตีมะห์ ดอเลาะ", wait_ops)
    before = _counts(work_ctx)
    dialog = page.add_report()
    assert isinstance(dialog, NetworkReportDialog)
    assert dialog.place.currentText().startswith("ต.สะบารัง")  # the member's own tambon
    dialog.submit()
    wait_ops()
    assert dialog.errors.message("rating") == "กรุณาเลือกผลที่เห็น: เห็นผล เห็นผลบางส่วน หรือ ไม่เห็นผล"
    dialog.rating.set_value("partial")
    dialog.report_on.setDate(date.today() + timedelta(days=3))
    dialog.submit()  # the service refuses: no text, a date in the future
    wait_ops()
    assert dialog.isVisible()
    assert dialog.errors.message("report_on") == "วันที่รายงานต้องไม่เลยวันนี้"
    assert "รายละเอียดที่รายงาน" in dialog.errors.message("text")  # type: ignore[operator]
    _shot(dialog, "report_dialog_errors.png")
    assert _counts(work_ctx) == before
    dialog.report_on.setDate(date.today())
    dialog.text.setPlainText("ป้ายบอกทางติดตั้งแล้ว ที่จอดรถยังไม่พอในวันตลาดนัด")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    assert _counts(work_ctx) == (before[0], before[1] + 1)
    assert page.selected_member().full_name == "นางสาวฟาตีมะห์ ดอเลาะ"  # type: ignore[union-attr]
    assert page.reports_model.rowCount() == 2
    newest = page.reports_model.rows()[0]
    assert newest.rating == "partial" and newest.text.startswith("ป้ายบอกทาง")


def _filled(path: Path, rows: list[dict[str, object]]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book[DATA_SHEET]
    for cells in rows:
        sheet.append([cells.get(key) for key in COLUMNS])
    book.save(path)
    return path


ROW = {
    "kind": "บัณฑิตอาสาพัฒนามาตุภูมิ", "full_name": "นายอิสมาแอ เจ๊ะเลาะ", "member_place": "ต.สะเตง อ.เมืองยะลา จ.ยะลา",
    "phone": "0899999999", "report_on": "14/1/2563", "place": "ต.สะเตง อ.เมืองยะลา จ.ยะลา", "rating": "เห็นผล",
    "text": "ศูนย์เด็กเล็กเปิดครบตามแผน",
}  # fmt: skip


def _template(page: NetworkPage, tmp_path: Path, wait_ops) -> Path:
    target = tmp_path / "แบบรายงาน.xlsx"
    page.download_template(target)
    wait_ops()
    assert target.exists() and "บันทึกแบบรายงานไว้ที่" in page.notice.text()
    return target


def test_a_hostile_file_is_refused_whole_in_the_preview(
    qtbot: QtBot, page: NetworkPage, work_ctx: AppContext, tmp_path: Path, wait_ops
) -> None:
    before = _counts(work_ctx)
    path = _filled(_template(page, tmp_path, wait_ops), [ROW, {**ROW, "rating": "ดีมาก", "place": "หาดใหญ่"}])
    dialog = page.import_from_file(path)
    assert dialog is not None
    wait_ops()
    assert dialog.preview is not None and not dialog.preview.ok
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in plain(dialog.summary.text())
    details = [plain(dialog.table.item(r, 4).text()) for r in range(dialog.table.rowCount())]
    assert any("ไม่รู้จัก 'ดีมาก'" in d and "ไม่พบพื้นที่ 'หาดใหญ่'" in d for d in details)
    assert not dialog.import_button.isEnabled()
    dialog.resize(1366, 620)
    _shot(dialog, "import_refused.png")
    dialog.run_import()  # even when forced, nothing is written
    wait_ops()
    assert _counts(work_ctx) == before
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00not a spreadsheet" * 40)
    dialog = page.import_from_file(junk)
    wait_ops()
    assert dialog is not None and not dialog.preview.ok and not dialog.import_button.isEnabled()  # type: ignore[union-attr]
    assert _counts(work_ctx) == before


def test_the_filled_form_is_imported(
    qtbot: QtBot, page: NetworkPage, work_ctx: AppContext, tmp_path: Path, wait_ops
) -> None:
    before = _counts(work_ctx)
    second = {**ROW, "rating": "บางส่วน", "text": "ยังขาดครูพี่เลี้ยง", "report_on": "20/1/2563"}
    path = _filled(_template(page, tmp_path, wait_ops), [ROW, second])
    dialog = page.import_from_file(path)
    assert dialog is not None
    wait_ops()
    assert dialog.preview is not None and dialog.preview.ok and dialog.import_button.isEnabled()
    assert "ทดลองนำเข้า ยังไม่ได้บันทึก" in plain(dialog.summary.text())
    assert _counts(work_ctx) == before  # the dry run wrote nothing
    dialog.resize(1366, 620)
    _shot(dialog, "import_preview.png")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert _counts(work_ctx) == (before[0] + 1, before[1] + 2)
    assert "นายอิสมาแอ เจ๊ะเลาะ" in _names(page)
    _select(page, "นายอิสมาแอ เจ๊ะเลาะ", wait_ops)
    assert [r.rating for r in page.reports_model.rows()] == ["partial", "effective"]


@pytest.mark.parametrize("role", [UserRole.VIEWER, UserRole.OFFICER])
def test_viewers_and_officers_read_only(qtbot: QtBot, work_ctx: AppContext, wait_ops, role: UserRole) -> None:
    with work_ctx.db.unit_of_work() as session:
        row = User(login=f"reader_{role.value}", display_name="ผู้อ่าน", role=role.value)
        session.add(row)
        session.flush()
        reader = AppContext(work_ctx.db, Actor(row.id, row.login, role, row.display_name))
    page = _page(qtbot, reader, wait_ops)
    assert len(_names(page)) == 5 and page.reports_model.rowCount() == 1
    for key in ("addMember", "editMember", "addReport", "removeReport", "networkImport"):
        assert not page.buttons[key].isEnabled(), key
    assert page.buttons["networkTemplate"].isEnabled()
    assert page.new_record() is None and page.add_report() is None and page.edit_selected() is None
    assert page.import_from_file(Path("/nonexistent.xlsx")) is None
    if role is UserRole.VIEWER:
        _shot(page, "page_viewer.png")


def test_a_search_hit_on_a_network_report_opens_its_member(
    qtbot: QtBot, work_ctx: AppContext, settings, wait_ops
) -> None:
    from sbpac_desktop.gui.main_window import MainWindow
    from sbpac_desktop.gui.search.results import show_search_results

    window = MainWindow(work_ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    dialog = show_search_results(window, "แผนเผชิญเหตุ")
    assert dialog is not None
    wait_ops()  # the search runs off the GUI thread
    row = next(r for r in range(dialog.tree.topLevelItemCount()) if dialog.hit_at(r).kind == "external_report")
    hit = dialog.hit_at(row)
    dialog.open_row(row)
    dialog.close()
    wait_ops()
    page = window.page("network")
    assert window.current_key() == "network" and isinstance(page, NetworkPage)
    assert page.selected_member().full_name == "นางรอฮานี สาแม"  # type: ignore[union-attr]
    selected = page.reports.currentIndex()
    assert selected.isValid() and page.reports_model.rows()[selected.row()].id == hit.ref_id  # type: ignore[union-attr]
    _shot(window, "window_from_search.png")


def test_remove_a_report_after_asking(page: NetworkPage, work_ctx: AppContext, wait_ops, monkeypatch) -> None:
    from sbpac_desktop.gui.pages import network as network_page

    answers: list[str] = []
    monkeypatch.setattr(network_page, "confirm", lambda parent, title, question: answers.append(question) or False)
    _select(page, "นายอับดุลเลาะ สาและ", wait_ops)
    assert not page.buttons["removeReport"].isEnabled()  # no report chosen yet
    page.reports.selectRow(0)
    assert page.buttons["removeReport"].isEnabled()
    before = _counts(work_ctx)
    page.remove_selected_report()  # "no": nothing removed
    wait_ops()
    assert _counts(work_ctx) == before and "นายอับดุลเลาะ สาและ" in answers[0]
    monkeypatch.setattr(network_page, "confirm", lambda parent, title, question: True)
    page.remove_selected_report()
    wait_ops()
    assert _counts(work_ctx) == (before[0], before[1] - 1)
    assert page.selected_member().full_name == "นายอับดุลเลาะ สาและ" and page.reports_model.rowCount() == 0  # type: ignore[union-attr]
