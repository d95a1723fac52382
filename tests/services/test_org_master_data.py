"""People & units master data: edit, deactivate, terms in office, and every bad input refused in Thai."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind, UserRole
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import AuditEntry, Incumbency, OrgUnit
from tests.services.helpers import person, post


def fields(error: ValidationError) -> list[str]:
    return [p.field for p in error.problems]


def audit_count(ctx, table: str) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == table))


def test_unit_tree_edit_and_short_names(ctx):
    sbpac = org.create_org_unit(
        ctx.db, ctx.actor, org.OrgUnitInput("ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", OrgUnitKind.AGENCY, "ศอ.บต.")
    )
    division = org.create_org_unit(
        ctx.db, ctx.actor, org.OrgUnitInput("กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษ", OrgUnitKind.DIVISION, "กปพ.", sbpac.id)
    )
    assert division.parent_id == sbpac.id
    edited = org.update_org_unit(
        ctx.db,
        ctx.actor,
        division.id,
        division.version,
        org.OrgUnitInput("  กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้ ", OrgUnitKind.DIVISION, "กปพ.", sbpac.id),
    )
    assert edited.name == "กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้"
    assert edited.version == division.version + 1
    with pytest.raises(ValidationError, match=re.escape("ชื่อย่อ “กปพ.” ซ้ำกับหน่วยงานอื่น")) as caught:
        org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กองอื่น", OrgUnitKind.DIVISION, "กปพ."))
    assert fields(caught.value) == ["short_name"]
    with pytest.raises(ValidationError, match="หน่วยงานย่อยของหน่วยงานนี้") as caught:
        org.update_org_unit(
            ctx.db,
            ctx.actor,
            sbpac.id,
            sbpac.version,
            org.OrgUnitInput(sbpac.name, OrgUnitKind.AGENCY, "ศอ.บต.", division.id),
        )
    assert fields(caught.value) == ["parent_id"]
    with pytest.raises(ConflictError, match="เพราะยังมีหน่วยงานย่อย 1 แห่งที่ใช้งานอยู่"):
        org.set_org_unit_active(ctx.db, ctx.actor, sbpac.id, sbpac.version, False)


def test_empty_names_are_refused_per_field(ctx):
    with pytest.raises(ValidationError, match="กรุณากรอกชื่อหน่วยงาน"):
        org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("   "))
    with pytest.raises(ValidationError, match="กรุณากรอกชื่อตำแหน่ง"):
        org.create_position(ctx.db, ctx.actor, org.PositionInput(""))
    with pytest.raises(ValidationError) as caught:
        org.create_person(ctx.db, ctx.actor, org.PersonInput(" ", "", "นาย", email="not-an-address"))
    assert fields(caught.value) == ["first_name", "last_name", "email"]
    assert "กรุณากรอกนามสกุล" in caught.value.message_th
    assert org.list_people(ctx.db, ctx.actor) == []


def test_duplicate_post_short_code_is_refused(ctx):
    post(ctx, code="ผช.ลธ.(พณ.)")
    other = org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กระทรวงวัฒนธรรม", OrgUnitKind.MINISTRY, "วธ."))
    with pytest.raises(ValidationError, match=re.escape("ชื่อย่อ “ผช.ลธ.(พณ.)” ซ้ำกับตำแหน่งอื่น")) as caught:
        org.create_position(
            ctx.db, ctx.actor, org.PositionInput("ผู้ช่วยเลขาธิการ ศอ.บต.", PositionKind.ASSISTANT, "ผช.ลธ.(พณ.)", other.id)
        )
    assert fields(caught.value) == ["short_code"]


def test_secondment_agency_and_edit_of_a_post(ctx):
    pid = post(ctx)
    view = next(p for p in org.list_positions(ctx.db, ctx.actor) if p.id == pid)
    assert (view.org_unit_name, view.org_unit_short_name) == ("กระทรวงพาณิชย์", "พณ.")
    renamed = org.update_position(
        ctx.db,
        ctx.actor,
        pid,
        view.version,
        org.PositionInput("ผู้ช่วยเลขาธิการ ศอ.บต.", PositionKind.ASSISTANT, "ผช.ลธ.(พณ.)", None),
    )
    assert renamed.org_unit_id is None and renamed.short_code == "ผช.ลธ.(พณ.)"


def test_terms_end_before_start_and_overlap(ctx):
    pid, first, second = post(ctx), person(ctx), person(ctx, "อรุณี", "วัฒนธรรม")
    org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(first, pid, date(2019, 10, 1)))
    with pytest.raises(ValidationError, match="ซ้อนกับวาระของ นายกิตติ พาณิชย์ดี") as caught:
        org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(second, pid, date(2020, 4, 1)))
    assert fields(caught.value) == ["start_on"]
    with pytest.raises(ValidationError, match="วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง"):
        org.assign_incumbency(
            ctx.db, ctx.actor, org.IncumbencyInput(second, pid, date(2020, 4, 1), date(2020, 3, 1), end_previous=True)
        )
    # nothing was written by the refused calls: the first term is still open
    assert [t.end_on for t in org.list_incumbencies(ctx.db, ctx.actor, position_id=pid)] == [None]
    # acting covers an absence and may overlap
    org.assign_incumbency(
        ctx.db, ctx.actor, org.IncumbencyInput(second, pid, date(2020, 1, 6), date(2020, 1, 10), acting=True)
    )
    # "X now holds the post": the previous open term ends the day before
    org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(second, pid, date(2020, 4, 1), end_previous=True))
    terms = org.list_incumbencies(ctx.db, ctx.actor, position_id=pid)
    assert [(t.person_id, t.start_on, t.end_on, t.acting) for t in terms] == [
        (second, date(2020, 4, 1), None, False),
        (second, date(2020, 1, 6), date(2020, 1, 10), True),
        (first, date(2019, 10, 1), date(2020, 3, 31), False),
    ]
    holder = next(p for p in org.list_positions(ctx.db, ctx.actor, date(2020, 5, 1)) if p.id == pid).holder_name
    assert holder == "นายอรุณี วัฒนธรรม"


def test_end_a_term_and_correct_it(ctx):
    pid, who = post(ctx), person(ctx)
    term_id = org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, pid, date(2019, 10, 1)))
    term = org.list_incumbencies(ctx.db, ctx.actor, person_id=who)[0]
    with pytest.raises(ValidationError, match="วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"):
        org.end_incumbency(ctx.db, ctx.actor, term_id, term.version, date(2019, 9, 30))
    ended = org.end_incumbency(ctx.db, ctx.actor, term_id, term.version, date(2020, 9, 30))
    assert ended.end_on == date(2020, 9, 30) and ended.person_name == "นายกิตติ พาณิชย์ดี"
    assert next(p for p in org.list_positions(ctx.db, ctx.actor, date(2021, 1, 1)) if p.id == pid).holder_name is None
    with pytest.raises(ConflictError, match="ถูกแก้ไขโดยผู้อื่นแล้ว"):
        org.end_incumbency(ctx.db, ctx.actor, term_id, term.version, date(2020, 10, 30))
    with ctx.db.unit_of_work() as session:
        assert session.get(Incumbency, term_id).end_on == date(2020, 9, 30)


def test_deactivate_only_when_nothing_depends_on_it(ctx):
    pid, who = post(ctx), person(ctx)
    term_id = org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, pid, date(2019, 10, 1)))
    today = date(2020, 1, 1)
    pos = next(p for p in org.list_positions(ctx.db, ctx.actor) if p.id == pid)
    with pytest.raises(ConflictError, match="ยังมีผู้ดำรงตำแหน่ง"):
        org.set_position_active(ctx.db, ctx.actor, pid, pos.version, False, today)
    someone = next(p for p in org.list_people(ctx.db, ctx.actor) if p.id == who)
    with pytest.raises(ConflictError, match="ยังดำรงตำแหน่ง"):
        org.set_person_active(ctx.db, ctx.actor, who, someone.version, False, today)
    unit = next(u for u in org.list_org_units(ctx.db, ctx.actor) if u.name == "กระทรวงพาณิชย์")
    with pytest.raises(ConflictError, match="ไม่ได้ เพราะยังมีตำแหน่ง 1 ตำแหน่งที่ใช้งานอยู่"):
        org.set_org_unit_active(ctx.db, ctx.actor, unit.id, unit.version, False)

    org.end_incumbency(ctx.db, ctx.actor, term_id, 1, date(2019, 12, 31))
    gone = org.set_position_active(ctx.db, ctx.actor, pid, pos.version, False, today)
    assert not gone.active
    assert pid not in [p.id for p in org.list_positions(ctx.db, ctx.actor)]
    assert pid in [p.id for p in org.list_positions(ctx.db, ctx.actor, include_inactive=True)]
    assert not org.set_person_active(ctx.db, ctx.actor, who, someone.version, False, today).active
    assert org.list_people(ctx.db, ctx.actor) == []
    assert not org.set_org_unit_active(ctx.db, ctx.actor, unit.id, unit.version, False).active
    with ctx.db.unit_of_work() as session:
        assert session.get(OrgUnit, unit.id).active is False
    with pytest.raises(ValidationError, match="ถูกระงับการใช้งานแล้ว") as caught:
        org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, pid, date(2020, 2, 1)))
    assert fields(caught.value) == ["person_id", "position_id"]
    with pytest.raises(ValidationError, match="ถูกระงับการใช้งานแล้ว"):
        org.create_position(ctx.db, ctx.actor, org.PositionInput("ตำแหน่งใหม่", org_unit_id=unit.id))
    back = org.set_person_active(ctx.db, ctx.actor, who, someone.version + 1, True)
    assert back.active and [p.id for p in org.list_people(ctx.db, ctx.actor)] == [who]


def test_every_change_is_audited_and_viewers_are_refused(ctx):
    before = audit_count(ctx, "org_unit")
    unit = org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กรมบัญชีกลาง", OrgUnitKind.DEPARTMENT, "บก."))
    org.set_org_unit_active(ctx.db, ctx.actor, unit.id, unit.version, False)
    assert audit_count(ctx, "org_unit") == before + 2
    viewer = Actor(ctx.actor.user_id, "reader", UserRole.VIEWER, "ผู้อ่าน")
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์"):
        org.set_org_unit_active(ctx.db, viewer, unit.id, unit.version + 1, True)
    with pytest.raises(PermissionDenied):
        org.update_position(ctx.db, viewer, 1, 1, org.PositionInput("x"))
    with pytest.raises(PermissionDenied):
        org.end_incumbency(ctx.db, viewer, 1, 1, date(2020, 1, 1))
