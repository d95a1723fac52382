import itertools
from datetime import date

import pytest
from sqlalchemy import select

from sbpac_desktop.domain.enums import AttendanceKind, UserRole
from sbpac_desktop.domain.errors import PermissionDenied, ValidationError
from sbpac_desktop.services.audit_trail import change_row
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import attendance
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import AuditEntry, Person
from tests.services.helpers import meeting, person, post, series


def test_people_sorted_in_thai_order(ctx):
    for first in ("ไพโรจน์", "กิตติ", "เกษม", "ขวัญ"):
        org.create_person(ctx.db, ctx.actor, org.PersonInput(first, "ตัวอย่าง", "นาย"))
    assert [p.first_name for p in org.list_people(ctx.db, ctx.actor)] == ["กิตติ", "เกษม", "ขวัญ", "ไพโรจน์"]


def test_position_shows_its_current_holder(ctx):
    pid, who = post(ctx), person(ctx)
    org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, pid, date(2019, 10, 1)))
    view = next(p for p in org.list_positions(ctx.db, ctx.actor, today=date(2020, 1, 1)) if p.id == pid)
    assert view.holder_name == "นายกิตติ พาณิชย์ดี"
    assert view.label == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"
    assert (
        next(p for p in org.list_positions(ctx.db, ctx.actor, today=date(2019, 1, 1)) if p.id == pid).holder_name
        is None
    )


def test_incumbency_end_before_start(ctx):
    with pytest.raises(ValidationError, match="วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"):
        org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(1, 1, date(2020, 1, 1), date(2019, 1, 1)))


def test_duplicate_unit_name_is_named_next_to_the_field(ctx):
    org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กระทรวงพาณิชย์"))
    with pytest.raises(ValidationError, match="มีหน่วยงานชื่อ “กระทรวงพาณิชย์” อยู่แล้ว") as caught:
        org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กระทรวงพาณิชย์"))
    assert [p.field for p in caught.value.problems] == ["name"]


def test_substitute_must_name_whom(ctx):
    mid = meeting(ctx, series(ctx), date(2019, 10, 22)).id
    with pytest.raises(ValidationError, match="ต้องระบุว่ามาแทนผู้ใด"):
        attendance.record_attendance(
            ctx.db, ctx.actor, mid, attendance.AttendanceInput(person(ctx), AttendanceKind.SUBSTITUTE)
        )


def test_attendance_is_one_line_per_person(ctx):
    mid = meeting(ctx, series(ctx), date(2019, 10, 22)).id
    who = person(ctx)
    attendance.record_attendance(ctx.db, ctx.actor, mid, attendance.AttendanceInput(who, AttendanceKind.PRESENT))
    attendance.record_attendance(
        ctx.db, ctx.actor, mid, attendance.AttendanceInput(who, AttendanceKind.ABSENT, absence_reason="ติดราชการ")
    )
    rows = attendance.list_attendance(ctx.db, ctx.actor, mid)
    assert [(r.kind, r.absence_reason) for r in rows] == [(AttendanceKind.ABSENT, "ติดราชการ")]


def test_viewer_cannot_write(ctx):
    viewer = Actor(ctx.actor.user_id, "reader", UserRole.VIEWER, "ผู้อ่าน")
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์"):
        org.create_person(ctx.db, viewer, org.PersonInput("ก", "ข"))


def test_every_write_is_audited_and_chained(ctx):
    pid = person(ctx)
    view = org.list_people(ctx.db, ctx.actor)[0]
    org.update_person(ctx.db, ctx.actor, pid, view.version, org.PersonInput("กิตติพงษ์", "พาณิชย์ดี", "นาย"))
    with ctx.db.unit_of_work() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        people = [e for e in entries if e.entity == "person"]
        assert [e.action for e in people] == ["create", "update"]
        assert '"first_name": "กิตติ"' in people[1].before_json and "กิตติพงษ์" in people[1].after_json
        assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(entries))


def test_overlapping_terms_show_the_newest_holder(ctx):
    pid = post(ctx)
    old, new = person(ctx), person(ctx, "สมศรี", "มาใหม่")
    org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(old, pid, date(2018, 10, 1)))
    org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(new, pid, date(2020, 1, 1), acting=True))
    holders = {p.id: p.holder_name for p in org.list_positions(ctx.db, ctx.actor, today=date(2020, 2, 1))}
    assert holders[pid] == "นายสมศรี มาใหม่"
    before = {p.id: p.holder_name for p in org.list_positions(ctx.db, ctx.actor, today=date(2019, 12, 1))}
    assert before[pid] == "นายกิตติ พาณิชย์ดี"


def test_change_row_refuses_a_misspelt_column_and_changes_nothing(ctx):
    """A name that is not a column would become a plain attribute and never be stored."""
    pid = person(ctx)
    with ctx.db.unit_of_work() as session:
        row = session.get(Person, pid)
        with pytest.raises(AttributeError, match="frist_name"):
            change_row(session, ctx.actor, row, first_name="สมศักดิ์", frist_name="สมศักดิ์")
        assert row.first_name == "กิตติ"
        assert not session.is_modified(row)
    with ctx.db.unit_of_work() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "person"))]
    assert actions == ["create"]


def test_change_row_audits_before_and_after(ctx):
    pid = person(ctx)
    with ctx.db.unit_of_work() as session:
        change_row(session, ctx.actor, session.get(Person, pid), first_name="สมศักดิ์", phone="073-123456")
    with ctx.db.unit_of_work() as session:
        assert session.get(Person, pid).first_name == "สมศักดิ์"
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.entity) == ("update", "person")
    assert '"first_name": "กิตติ"' in last.before_json and '"phone": null' in last.before_json
    assert '"first_name": "สมศักดิ์"' in last.after_json and "073-123456" in last.after_json
