"""Civil-society network and volunteer graduates (issue #15) on SQLite and PostgreSQL: the
register, their reports (never touching a directive's status), who may enter them, search, and
the spreadsheet template and importer with hostile files — all or nothing, a dry run per row."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services import places, search
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.field import network
from sbpac_desktop.services.field.network import MemberInput, ReportInput
from sbpac_desktop.services.field.network_import import COLUMNS, import_network_reports, write_template
from sbpac_desktop.store.models_field import ExternalReport, NetworkMember, Place
from tests.services.workflow_helpers import AS_OF, directive, officer_with_post, user

TODAY = date(2020, 1, 20)


@pytest.fixture
def area(ctx):
    places.sync_places(ctx.db, ctx.actor)
    with ctx.db.unit_of_work() as session:
        return {p.code: p.id for p in session.scalars(select(Place))}


def _member(ctx, area, **changes):
    data = {"kind": "volunteer", "full_name": "นางสาวฟาตีมะห์ ดอเลาะ", "place_id": area["940101"], **changes}
    return network.add_member(ctx.db, ctx.actor, MemberInput(**data))


def test_register_report_and_show_beside_progress_without_changing_status(ctx, area):
    officer, position_id, secretary = officer_with_post(ctx)
    d = directive(ctx, position_id)
    member = _member(ctx, area, organisation="ชมรมบัณฑิตอาสา จ.ปัตตานี", active_from=date(2019, 6, 1))
    assert (member.kind_th, member.place_label) == ("บัณฑิตอาสาพัฒนามาตุภูมิ", "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี")
    before = directives.get_directive(ctx.db, ctx.actor, d.row.id, today=AS_OF)
    report = network.add_report(
        ctx.db,
        secretary,
        ReportInput(member.id, date(2020, 1, 15), "partial", "ตลาดชุมชนเปิดแล้วแต่คนยังน้อย", d.row.id),
        today=TODAY,
    )
    assert report.rating_th == "เห็นผลบางส่วน" and report.source_th.startswith("รายงานจากภาคประชาชน — บัณฑิตอาสา")
    after = directives.get_directive(ctx.db, ctx.actor, d.row.id, today=AS_OF)
    assert (after.row.state, after.row.latest_percent, after.reports) == (
        before.row.state,
        before.row.latest_percent,
        before.reports,
    )
    assert [r.text for r in network.reports_on_directive(ctx.db, officer, d.row.id)] == ["ตลาดชุมชนเปิดแล้วแต่คนยังน้อย"]
    assert [r.id for r in network.list_reports(ctx.db, officer, place_id=area["94"])] == []  # tied to the directive
    hits = search.search(ctx.db, officer, "ตลาดชุมชน")
    assert [(h.kind, h.directive_id, h.kind_label) for h in hits] == [
        ("external_report", d.row.id, "รายงานจากภาคประชาชน")
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rating": "good"}, "ผลที่เห็นต้องเป็น"),
        ({"text": "  "}, "กรุณากรอกรายละเอียดที่รายงาน"),
        ({"place_id": None}, "กรุณาระบุข้อสั่งการหรือพื้นที่ที่รายงาน"),
        ({"report_on": date(2020, 2, 1)}, "วันที่รายงานต้องไม่เลยวันนี้"),
        ({"report_on": date(2021, 1, 1)}, "วันที่รายงานต้องไม่เลยวันนี้"),
        ({"place_id": 987654}, "ไม่พบพื้นที่รหัส 987654"),
    ],
)
def test_bad_reports_are_refused(ctx, area, changes, message):
    member = _member(ctx, area)
    data = {"member_id": member.id, "report_on": date(2020, 1, 10), "rating": "effective", "text": "ดี",
            "place_id": area["940101"], **changes}  # fmt: skip
    with pytest.raises(ValidationError, match=message):
        network.add_report(ctx.db, ctx.actor, ReportInput(**data), today=TODAY)
    assert network.list_reports(ctx.db, ctx.actor) == []


def test_member_rules_and_period(ctx, area):
    with pytest.raises(ValidationError, match="วันสิ้นสุดต้องไม่ก่อนวันเริ่มปฏิบัติงาน"):
        _member(ctx, area, active_from=date(2020, 1, 1), active_to=date(2019, 1, 1))
    with pytest.raises(ValidationError, match="ประเภทต้องเป็น"):
        _member(ctx, area, kind="other")
    member = _member(ctx, area, active_to=date(2019, 12, 31))
    with pytest.raises(ValidationError, match="มีบัณฑิตอาสาพัฒนามาตุภูมิชื่อ"):
        _member(ctx, area)
    with pytest.raises(ValidationError, match="สิ้นสุดการปฏิบัติงานก่อนวันที่รายงาน"):
        network.add_report(
            ctx.db,
            ctx.actor,
            ReportInput(member.id, date(2020, 1, 5), "effective", "x", place_id=area["94"]),
            today=TODAY,
        )
    assert [m.full_name for m in network.list_members(ctx.db, ctx.actor, active_on=date(2020, 1, 5))] == []
    assert len(network.list_members(ctx.db, ctx.actor, place_id=area["94"])) == 1


def test_officers_and_viewers_read_only(ctx, area):
    officer, _position, _secretary = officer_with_post(ctx)
    viewer = user(ctx, "viewer1", UserRole.VIEWER)
    member = _member(ctx, area)
    for actor in (officer, viewer):
        with pytest.raises(PermissionDenied):
            network.add_member(ctx.db, actor, MemberInput("network", "x"))
        with pytest.raises(PermissionDenied):
            network.add_report(ctx.db, actor, ReportInput(member.id, TODAY, "effective", "x", place_id=area["94"]))
        assert network.list_members(ctx.db, actor)[0].id == member.id


def test_get_report_for_a_search_hit(ctx, area):
    member = _member(ctx, area)
    added = network.add_report(ctx.db, ctx.actor, ReportInput(member.id, TODAY, "partial", "ถนนยังไม่เสร็จ",
                                                              place_id=area["940101"]), today=TODAY)  # fmt: skip
    viewer = user(ctx, "viewer2", UserRole.VIEWER)
    found = network.get_report(ctx.db, viewer, added.id)
    assert (found.member_id, found.rating, found.text) == (member.id, "partial", "ถนนยังไม่เสร็จ")
    for missing in (added.id + 1000, 10**30):
        with pytest.raises(NotFound, match="ไม่พบรายงานจากภาคประชาชน"):
            network.get_report(ctx.db, ctx.actor, missing)


# --- template and importer -----------------------------------------------------------------------
HEAD = [COLUMNS[k][0] for k in COLUMNS]


def _xlsx(path, rows, head=HEAD):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _row(**cells):
    base = {
        "kind": "บัณฑิตอาสาพัฒนามาตุภูมิ", "full_name": "นายอับดุลเลาะ สาและ", "organisation": None,
        "member_place": "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี", "phone": "0812345678", "report_on": "14/1/2563",
        "directive": None, "place": "ต.ตะลุโบะ", "rating": "เห็นผล", "text": "ถนนซ่อมเสร็จแล้ว",
    }  # fmt: skip
    base.update(cells)
    return [base[k] for k in COLUMNS]


def _counts(ctx):
    with ctx.db.unit_of_work() as session:
        return (
            session.scalar(select(func.count()).select_from(NetworkMember)),
            session.scalar(select(func.count()).select_from(ExternalReport)),
        )


def test_template_round_trip_dry_run_then_import(ctx, area, tmp_path):
    _secretary = officer_with_post(ctx)[2]
    d = directive(ctx, officer_with_post(ctx, "somsak", "กระทรวงมหาดไทย", "ผช.(มท.)")[1])
    template = write_template(tmp_path / "form.xlsx", [p.label for p in places.all_places(ctx.db, ctx.actor)])
    book = openpyxl.load_workbook(template)
    sheet = book["รายงานภาคประชาชน"]
    assert [c.value for c in sheet[3]] == HEAD
    assert book["รายชื่อพื้นที่"].max_row > 300
    for row in (_row(), _row(full_name="นางมารีนา", kind="เครือข่ายภาคประชาชน", directive=d.row.number_text(False)),
                _row(rating="ไม่เห็นผล", text="ไฟฟ้ายังไม่มา")):  # fmt: skip
        sheet.append(row)
    book.save(template)
    dry = import_network_reports(ctx.db, ctx.actor, template, dry_run=True, today=TODAY)
    assert dry.ok and not dry.committed and [r.new_member for r in dry.rows] == [True, True, False]
    assert _counts(ctx) == (0, 0)
    done = import_network_reports(ctx.db, ctx.actor, template, today=TODAY)
    assert done.committed and "นำเข้าแล้ว: รายงาน 3 รายการ สมาชิกใหม่ 2 คน" in done.summary_th()
    assert _counts(ctx) == (2, 3)
    assert network.reports_on_directive(ctx.db, ctx.actor, d.row.id)[0].member_name == "นางมารีนา"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"member_place": "ต.ไม่มีในจชต"}, "ไม่พบพื้นที่ 'ต.ไม่มีในจชต' ใน จชต."),
        ({"place": "หาดใหญ่"}, "ไม่พบพื้นที่ 'หาดใหญ่'"),
        ({"report_on": "31/02/2563"}, "31/02/2563"),
        ({"text": '=HYPERLINK("http://x")'}, "เซลล์นี้เป็นสูตรที่ไม่มีค่าที่คำนวณไว้"),
        ({"full_name": "@cmd"}, "Excel ถือเป็นสูตร"),
        ({"rating": "ดีมาก"}, "ไม่รู้จัก 'ดีมาก'"),
        ({"kind": "อสม."}, "ไม่รู้จัก 'อสม.'"),
        ({"directive": "ขส. 999/2563"}, "ไม่พบข้อสั่งการ ขส. 999/2563"),
        ({"directive": "ขส. abc"}, "อ่านเลขที่ไม่ได้"),
        ({"place": None}, "กรุณาระบุเลขที่ข้อสั่งการหรือพื้นที่ที่รายงาน"),
        ({"text": None}, "กรุณากรอกรายละเอียด"),
        ({"report_on": "1/2/2564"}, "วันที่รายงานต้องไม่เลยวันนี้"),
    ],
)
def test_hostile_rows_refuse_the_whole_file(ctx, area, tmp_path, cells, message):
    path = _xlsx(tmp_path / "bad.xlsx", [_row(full_name="นายหนึ่ง"), _row(**cells)])
    report = import_network_reports(ctx.db, ctx.actor, path, today=TODAY)
    assert not report.ok and not report.committed
    assert report.rows[0].action == "create" and report.rows[1].action == "refused"
    assert message in report.rows[1].detail_th
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in report.summary_th()
    assert _counts(ctx) == (0, 0)


def test_wrong_headers_empty_and_unreadable_files(ctx, area, tmp_path):
    wrong = import_network_reports(ctx.db, ctx.actor, _xlsx(tmp_path / "w.xlsx", [["a"]], head=["ชื่อ", "อื่น ๆ"]))
    assert not wrong.ok and "ไม่พบแถวหัวตาราง" in wrong.problems[0].message_th
    missing = import_network_reports(
        ctx.db, ctx.actor, _xlsx(tmp_path / "m.xlsx", [["x"]], head=["ประเภท", "ผลที่เห็น", "ชื่อ-นามสกุล", "โทรศัพท์"])
    )
    assert "ไม่พบคอลัมน์ วันที่รายงาน, รายละเอียด" in missing.problems[0].message_th
    empty = import_network_reports(ctx.db, ctx.actor, _xlsx(tmp_path / "e.xlsx", []))
    assert "ไม่มีข้อมูลใต้แถวหัวตาราง" in empty.problems[0].message_th
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01not a spreadsheet" * 50)
    assert not import_network_reports(ctx.db, ctx.actor, junk).ok
    assert _counts(ctx) == (0, 0)


def test_cp874_csv_imports(ctx, area, tmp_path):
    lines = [",".join(HEAD), ",".join("" if v is None else str(v) for v in _row())]
    path = tmp_path / "windows.csv"
    path.write_bytes("\r\n".join(lines).encode("cp874"))
    report = import_network_reports(ctx.db, ctx.actor, path, today=TODAY)
    assert report.ok and report.committed and "874" in report.source_th
    assert network.list_reports(ctx.db, ctx.actor)[0].text == "ถนนซ่อมเสร็จแล้ว"


def test_import_needs_the_secretariat(ctx, area, tmp_path):
    officer = officer_with_post(ctx)[0]
    with pytest.raises(PermissionDenied):
        import_network_reports(ctx.db, officer, _xlsx(tmp_path / "x.xlsx", [_row()]))
