"""Places from geothai and field visits (issue #15), on SQLite and PostgreSQL: the area's places
synced idempotently by code, searched and tied to directives; visits planned, carried out,
listed by month and place; findings turned into progress reports or agenda proposals that the
carry-over accepts or drops; visit files; search; who may do what."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.services import attachments, places, search
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.field.field_findings import (
    FindingInput,
    add_finding,
    finding_to_progress,
    propose_finding,
    remove_finding,
)
from sbpac_desktop.services.field.field_visits import (
    OutcomeInput,
    VisitInput,
    cancel_visit,
    create_visit,
    get_visit,
    list_visits,
    record_outcome,
    update_visit,
)
from sbpac_desktop.services.meetings import carryover
from sbpac_desktop.store.models import AuditEntry
from sbpac_desktop.store.models_field import Place
from tests.services.helpers import meeting, series
from tests.services.workflow_helpers import directive, officer_with_post, post, user

VISIT_DAY = date(2020, 1, 14)


@pytest.fixture
def area(ctx):
    places.sync_places(ctx.db, ctx.actor)
    with ctx.db.unit_of_work() as session:
        return {p.code: p.id for p in session.scalars(select(Place))}


def _visit(ctx, area, **changes) -> object:
    data = {
        "title": "ติดตามโครงการส่งเสริมอาชีพ ต.สะบารัง",
        "visit_on": VISIT_DAY,
        "purpose": "ติดตามผลการดำเนินงานตามข้อสั่งการร่วมกับกระทรวง",
        "place_ids": (area["940101"],),
        **changes,
    }
    return create_visit(ctx.db, ctx.actor, VisitInput(**data))


# --- places ------------------------------------------------------------------------------------------
def test_sync_builds_the_area_once_and_follows_geothai_by_code(ctx, area):
    provinces = places.list_places(ctx.db, ctx.actor)
    assert {p.name_th for p in provinces} == {"ปัตตานี", "ยะลา", "นราธิวาส", "สตูล", "สงขลา"}
    songkhla = next(p for p in provinces if p.name_th == "สงขลา")
    assert {d.name_th for d in places.list_places(ctx.db, ctx.actor, parent_id=songkhla.id)} == {
        "จะนะ",
        "เทพา",
        "นาทวี",
        "สะบ้าย้อย",
    }
    assert len(places.list_places(ctx.db, ctx.actor, level="district")) == 44
    again = places.sync_places(ctx.db, ctx.actor)
    assert (again.added, again.renamed, again.deactivated) == (0, 0, 0)
    # a stale name (an older release) is renamed in place; a place geothai dropped is deactivated
    with ctx.db.unit_of_work() as session:
        session.execute(update(Place).where(Place.code == "940101").values(name_th="สะบารังเก่า"))
        session.add(Place(code="949999", level="subdistrict", name_th="ตำบลที่ยุบแล้ว", active=True))
    result = places.sync_places(ctx.db, ctx.actor)
    assert (result.added, result.renamed, result.deactivated) == (0, 1, 1)
    assert places.search_places(ctx.db, ctx.actor, "ตำบลที่ยุบ") == []
    assert area["940101"] == places.search_places(ctx.db, ctx.actor, "สะบารัง")[0].id


def test_search_and_find_by_written_name(ctx, area):
    found = places.search_places(ctx.db, ctx.actor, "ต.สะบารัง")
    assert [p.label for p in found] == ["ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี"]
    assert places.search_places(ctx.db, ctx.actor, "Saba Yoi")[0].name_th == "สะบ้าย้อย"
    assert places.search_places(ctx.db, ctx.actor, "   ") == []
    with ctx.db.unit_of_work() as session:
        assert places.find_place(session, "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี").code == "940101"
        assert places.find_place(session, "940101").code == "940101"
        assert places.find_place(session, "ยะลา").level == "province"
        assert places.find_place(session, "ต.ไม่มีจริง") is None
        assert places.find_place(session, "หาดใหญ่") is None  # Songkhla outside the four districts


def test_directive_places_are_set_audited_and_checked(ctx, area):
    officer, position_id, secretary = officer_with_post(ctx)
    d = directive(ctx, position_id)
    views = places.set_directive_places(ctx.db, secretary, d.row.id, [area["94"], area["940101"], area["94"]])
    assert [v.code for v in views] == ["94", "940101"]
    assert [v.code for v in places.directive_places(ctx.db, officer, d.row.id)] == ["94", "940101"]
    with pytest.raises(ValidationError, match="ไม่พบพื้นที่รหัส 999999"):
        places.set_directive_places(ctx.db, secretary, d.row.id, [999999])
    with pytest.raises(PermissionDenied):
        places.set_directive_places(ctx.db, officer, d.row.id, [area["95"]])
    with ctx.db.unit_of_work() as session:
        entries = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "directive_place")
        )
    assert entries == 1
    assert [v.code for v in places.directive_places(ctx.db, ctx.actor, d.row.id)] == ["94", "940101"]


# --- visits -------------------------------------------------------------------------------------------
def test_plan_edit_and_list_by_month_and_place(ctx, area):
    lead, joining = post(ctx, "ศอ.บต.", "ผช.(ศอ.)"), post(ctx, "กระทรวงมหาดไทย", "ผช.(มท.)")
    planned = _visit(ctx, area, lead_position_id=lead, joining_position_ids=(joining,), end_on=date(2020, 2, 1))
    assert planned.row.status_th == "วางแผน"
    assert planned.row.place_labels == ("ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี",)
    assert planned.joining[0][1] == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงมหาดไทย)"
    _visit(ctx, area, title="ยะลา", visit_on=date(2020, 3, 2), place_ids=(area["950101"],))
    assert [v.title for v in list_visits(ctx.db, ctx.actor, year=2020, month=2)] == [planned.row.title]
    assert [v.title for v in list_visits(ctx.db, ctx.actor, place_id=area["95"])] == ["ยะลา"]
    assert [v.title for v in list_visits(ctx.db, ctx.actor, place_id=area["9401"])] == [planned.row.title]
    edited = update_visit(
        ctx.db,
        ctx.actor,
        planned.row.id,
        planned.row.version,
        VisitInput("แก้ชื่อ", VISIT_DAY, "วัตถุประสงค์", (area["940101"], area["94"]), lead, ()),
    )
    assert edited.row.version > planned.row.version and edited.joining == ()
    with pytest.raises(ConflictError):
        update_visit(
            ctx.db, ctx.actor, planned.row.id, planned.row.version, VisitInput("x", VISIT_DAY, "y", (area["94"],))
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "กรุณากรอกชื่อเรื่องการลงพื้นที่"),
        ({"purpose": ""}, "กรุณากรอกวัตถุประสงค์"),
        ({"place_ids": ()}, "กรุณาเลือกพื้นที่ที่ลงพื้นที่อย่างน้อย 1 แห่ง"),
        ({"end_on": date(2020, 1, 1)}, "วันสิ้นสุดต้องไม่ก่อนวันลงพื้นที่"),
        ({"joining_position_ids": (987654,)}, "ไม่พบตำแหน่งรหัส 987654"),
        ({"directive_ids": (987654,)}, "ไม่พบข้อสั่งการรหัส 987654"),
        ({"place_ids": (987654,)}, "ไม่พบพื้นที่รหัส 987654"),
    ],
)
def test_bad_plans_are_refused_with_nothing_written(ctx, area, changes, message):
    with pytest.raises(ValidationError, match=message):
        _visit(ctx, area, **changes)
    assert list_visits(ctx.db, ctx.actor) == []


def test_outcome_not_before_the_day_and_cancel_rules(ctx, area):
    visit = _visit(ctx, area)
    outcome = OutcomeInput("นายก นายข", "ประชาชนพอใจ", "ขอให้ขยายตลาด")
    with pytest.raises(ValidationError, match="ยังไม่ถึงวันลงพื้นที่"):
        record_outcome(ctx.db, ctx.actor, visit.row.id, visit.row.version, outcome, today=date(2020, 1, 13))
    with pytest.raises(ValidationError, match="กรุณากรอกผู้ร่วมลงพื้นที่"):
        record_outcome(ctx.db, ctx.actor, visit.row.id, visit.row.version, OutcomeInput("", "x"), today=VISIT_DAY)
    done = record_outcome(ctx.db, ctx.actor, visit.row.id, visit.row.version, outcome, today=VISIT_DAY)
    assert (done.row.status, done.issues) == ("done", "ขอให้ขยายตลาด")
    with pytest.raises(ValidationError, match="ยกเลิกไม่ได้"):
        cancel_visit(ctx.db, ctx.actor, visit.row.id, done.row.version)
    other = _visit(ctx, area, title="อีกครั้ง")
    cancelled = cancel_visit(ctx.db, ctx.actor, other.row.id, other.row.version)
    with pytest.raises(ValidationError, match="ถูกยกเลิกแล้ว"):
        add_finding(ctx.db, ctx.actor, cancelled.row.id, FindingInput("ข้อค้นพบ"))


def test_viewers_and_officers_read_but_do_not_record(ctx, area):
    viewer = user(ctx, "viewer1", UserRole.VIEWER)
    officer, _position, _secretary = officer_with_post(ctx)
    visit = _visit(ctx, area)
    for actor in (viewer, officer):
        assert get_visit(ctx.db, actor, visit.row.id).row.title == visit.row.title
        with pytest.raises(PermissionDenied):
            create_visit(ctx.db, actor, VisitInput("x", VISIT_DAY, "y", (area["94"],)))
        with pytest.raises(PermissionDenied):
            add_finding(ctx.db, actor, visit.row.id, FindingInput("ข้อค้นพบ"))


def test_finding_becomes_a_progress_report_once(ctx, area):
    officer, position_id, secretary = officer_with_post(ctx)
    d = directive(ctx, position_id)
    visit = _visit(ctx, area, directive_ids=(d.row.id,))
    finding = add_finding(ctx.db, secretary, visit.row.id, FindingInput("กลุ่มอาชีพมีรายได้เพิ่มขึ้น", area["940101"]))
    with pytest.raises(ValidationError, match="บันทึกผลการลงพื้นที่ก่อน"):
        finding_to_progress(ctx.db, secretary, finding.id, d.assignments[0].id, 40, today=VISIT_DAY)
    record_outcome(ctx.db, secretary, visit.row.id, visit.row.version, OutcomeInput("คณะ", "ผล"), today=VISIT_DAY)
    with pytest.raises(PermissionDenied):
        finding_to_progress(ctx.db, officer, finding.id, d.assignments[0].id, 40, today=VISIT_DAY)
    with pytest.raises(ValidationError, match="ร้อยละความก้าวหน้า"):
        finding_to_progress(ctx.db, secretary, finding.id, d.assignments[0].id, 140, today=VISIT_DAY)
    made = finding_to_progress(ctx.db, secretary, finding.id, d.assignments[0].id, 40, today=VISIT_DAY)
    assert made.progress_report_id is not None and made.directive_number == "ขส. 001/2563"
    detail = directives.get_directive(ctx.db, ctx.actor, d.row.id, today=VISIT_DAY)
    assert detail.row.latest_percent == 40 and detail.reports[0].result == "กลุ่มอาชีพมีรายได้เพิ่มขึ้น"
    with pytest.raises(ValidationError, match="เป็นรายงานผลแล้ว"):
        finding_to_progress(ctx.db, secretary, finding.id, d.assignments[0].id, 50, today=VISIT_DAY)
    with pytest.raises(ValidationError, match="ลบไม่ได้"):
        remove_finding(ctx.db, secretary, finding.id)


def test_proposal_shows_in_carryover_and_is_accepted_or_dropped(ctx, area):
    visit = _visit(ctx, area)
    keep = add_finding(ctx.db, ctx.actor, visit.row.id, FindingInput("ถนนเข้าหมู่บ้านชำรุด"))
    drop = add_finding(ctx.db, ctx.actor, visit.row.id, FindingInput("ขอไฟฟ้าส่องสว่าง"))
    propose_finding(ctx.db, ctx.actor, keep.id, keep.version, "พิจารณาซ่อมถนนเข้าหมู่บ้าน ต.สะบารัง")
    propose_finding(ctx.db, ctx.actor, drop.id, drop.version)
    sid = series(ctx)
    before = meeting(ctx, sid, date(2020, 1, 10))
    assert carryover.propose_carryover(ctx.db, ctx.actor, before.id).proposals == ()  # visit is later
    nxt = meeting(ctx, sid, date(2020, 2, 10))
    proposal = carryover.propose_carryover(ctx.db, ctx.actor, nxt.id)
    assert [(p.title, p.section) for p in proposal.proposals] == [
        ("พิจารณาซ่อมถนนเข้าหมู่บ้าน ต.สะบารัง", 4),
        ("ขอไฟฟ้าส่องสว่าง", 4),
    ]
    choice = carryover.CarryOverChoice(
        None,
        None,
        (),
        proposals=(
            carryover.ProposalChoice(keep.id, "พิจารณาซ่อมถนนเข้าหมู่บ้าน ต.สะบารัง"),
            carryover.ProposalChoice(drop.id, ""),
        ),
    )
    result = carryover.apply_carryover(ctx.db, ctx.actor, nxt.id, choice)
    assert len(result.proposal_item_ids) == 1
    states = {f.id: (f.proposal_state, f.agenda_item_id) for f in get_visit(ctx.db, ctx.actor, visit.row.id).findings}
    assert states[keep.id] == ("accepted", result.proposal_item_ids[0]) and states[drop.id] == ("dropped", None)
    assert carryover.propose_carryover(ctx.db, ctx.actor, nxt.id).proposals == ()
    with pytest.raises(ValidationError, match="ถูกพิจารณาไปแล้ว"):
        carryover.apply_carryover(ctx.db, ctx.actor, nxt.id, choice)


def test_visit_files_and_search_find_findings(ctx, area, tmp_path):
    visit = _visit(ctx, area)
    add_finding(ctx.db, ctx.actor, visit.row.id, FindingInput("บ่อน้ำตื้นของหมู่บ้านแห้งขอด"))
    photo = tmp_path / "ภาพลงพื้นที่.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    attachments.add_attachment(ctx.db, ctx.actor, attachments.OwnerKind.FIELD_VISIT, visit.row.id, photo)
    assert get_visit(ctx.db, ctx.actor, visit.row.id).attachment_count == 1
    viewer = user(ctx, "viewer2", UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(ctx.db, viewer, attachments.OwnerKind.FIELD_VISIT, visit.row.id, photo)
    hits = search.search(ctx.db, ctx.actor, "บ่อน้ำตื้น")
    assert [(h.kind, h.visit_id, h.kind_label) for h in hits] == [("visit_finding", visit.row.id, "ข้อค้นพบจากการลงพื้นที่")]
    hits = search.search(ctx.db, ctx.actor, "ส่งเสริมอาชีพ")
    assert [(h.kind, h.visit_id) for h in hits] == [("field_visit", visit.row.id)]


def test_tracker_and_dashboard_filter_by_province_and_district(ctx, area):
    from sbpac_desktop.services.directives.dashboard import dashboard
    from sbpac_desktop.services.directives.directive_views import DirectiveFilter

    _officer, position_id, secretary = officer_with_post(ctx)
    in_pattani, in_yala, nowhere = (directive(ctx, position_id) for _ in range(3))
    places.set_directive_places(ctx.db, secretary, in_pattani.row.id, [area["940101"]])
    places.set_directive_places(ctx.db, secretary, in_yala.row.id, [area["95"]])

    def ids(place_code):
        found = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(place_id=area[place_code]))
        return [r.id for r in found]

    assert ids("94") == [in_pattani.row.id] and ids("9401") == [in_pattani.row.id]
    assert ids("95") == [in_yala.row.id] and ids("96") == []
    assert len(directives.list_directives(ctx.db, ctx.actor)) == 3  # no filter: all, `nowhere` too
    board = dashboard(ctx.db, ctx.actor, place_id=area["94"], today=date(2020, 1, 20))
    assert board.total == 1
    assert dashboard(ctx.db, ctx.actor, today=date(2020, 1, 20)).total == 3
    assert nowhere.row.id not in ids("94")
