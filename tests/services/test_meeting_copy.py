"""คัดลอกการประชุม: the agenda goes to a new meeting of the series, the record of the old one does not."""

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select, update

from sbpac_desktop.domain.enums import AttendanceKind, MeetingStatus, UserRole
from sbpac_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services.meetings import agenda, attendance, meetings
from sbpac_desktop.services.meetings.agenda import AgendaItemInput
from sbpac_desktop.services.meetings.carryover import CarryOverChoice, apply_carryover
from sbpac_desktop.services.meetings.meeting_copy import copied_title, copy_meeting
from sbpac_desktop.store.models import AuditEntry, MeetingSeries
from tests.services.helpers import meeting, person, series

SEPTEMBER_TITLE = "การประชุมผู้บริหาร ศอ.บต. ประจำปีงบประมาณ พ.ศ. 2563"


@pytest.fixture
def source(ctx):
    """15 Sep 2563 BE (2020, fiscal year 2563) with a full agenda and a record of the meeting."""
    sid = series(ctx)
    held = meeting(ctx, sid, date(2020, 9, 15), number=9, title=SEPTEMBER_TITLE)
    chair = person(ctx)

    def add(section, title, parent_id=None, **extra):
        data = AgendaItemInput(section=section, title=title, parent_id=parent_id, **extra)
        return agenda.add_item(ctx.db, ctx.actor, held.id, data)

    add(1, "ประธานแจ้งที่ประชุมทราบ", planned_minutes=15)
    add(2, "รับรองรายงานการประชุม ครั้งที่ 8/2563")
    add(3, "ผลการดำเนินการตามข้อสั่งการ", discussion="1. ขส. 001/2563 ...")
    plan = add(
        4,
        "แผนปฏิบัติการประจำปี",
        presenter_person_id=chair,
        background="ความเป็นมาเดิม",
        proposal="เสนอเพื่อพิจารณา",
        discussion="ที่ประชุมอภิปรายกว้างขวาง",
        resolution="ที่ประชุมเห็นชอบ",
        planned_minutes=45,
    )
    add(4, "ตัวชี้วัด", parent_id=plan.id, presenter_text="กองยุทธศาสตร์", planned_minutes=20)
    add(5, "เรื่องอื่น ๆ", resolution="ไม่มี")
    attendance.record_attendance(
        ctx.db, ctx.actor, held.id, attendance.AttendanceInput(person_id=chair, kind=AttendanceKind.PRESENT)
    )
    return held


def items(ctx, meeting_id):
    return agenda.list_items(ctx.db, ctx.actor, meeting_id)


def test_copy_keeps_the_agenda_but_not_the_minutes(ctx, source):
    result = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5))
    new = result.meeting
    assert new.id != source.id and new.series_id == source.series_id
    assert (new.number, new.be_year, new.fiscal_year) == (10, 2563, 2564)
    assert new.status is MeetingStatus.DRAFT
    assert (new.venue, new.start_time, new.end_time) == (source.venue, time(9, 30), time(12, 0))
    copied = items(ctx, new.id)
    assert result.items_copied == len(copied) == 4
    assert [(i.number, i.title, i.planned_minutes) for i in copied] == [
        ("1.1", "ประธานแจ้งที่ประชุมทราบ", 15),
        ("4.1", "แผนปฏิบัติการประจำปี", 45),
        ("4.1.1", "ตัวชี้วัด", 20),
        ("5.1", "เรื่องอื่น ๆ", None),
    ]
    plan, sub = copied[1], copied[2]
    assert plan.presenter_name == "นายกิตติ พาณิชย์ดี" and sub.presenter_name == "กองยุทธศาสตร์"
    assert sub.parent_id == plan.id
    assert all(i.discussion is None and i.resolution is None for i in copied)
    assert all(i.background is None and i.proposal is None for i in copied)  # texts only on request
    assert attendance.list_attendance(ctx.db, ctx.actor, new.id) == []
    assert len(items(ctx, source.id)) == 6  # the source is untouched


def test_title_gets_the_new_fiscal_year(ctx, source):
    new = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5)).meeting
    assert new.title == "การประชุมผู้บริหาร ศอ.บต. ประจำปีงบประมาณ พ.ศ. 2564"
    same_year = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 9, 29)).meeting
    assert same_year.title == SEPTEMBER_TITLE and same_year.fiscal_year == 2563
    assert copied_title("ประชุม ปีงบประมาณ ๒๕๖๓", date(2020, 9, 15), date(2021, 10, 1)) == "ประชุม ปีงบประมาณ ๒๕๖๕"


def test_typed_title_wins_and_texts_on_request(ctx, source):
    result = copy_meeting(ctx.db, ctx.actor, source.id, date(2021, 1, 12), title="ประชุมพิเศษ", include_texts=True)
    assert result.meeting.title == "ประชุมพิเศษ"
    assert (result.meeting.number, result.meeting.be_year) == (1, 2564)  # numbering restarts in January
    plan = items(ctx, result.meeting.id)[1]
    assert (plan.background, plan.proposal) == ("ความเป็นมาเดิม", "เสนอเพื่อพิจารณา")
    assert plan.discussion is None and plan.resolution is None


def test_previous_meeting_set_so_carry_over_works(ctx, source):
    new = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5)).meeting
    assert new.previous_meeting_id == source.id
    apply_carryover(ctx.db, ctx.actor, new.id, CarryOverChoice("รับรองรายงานการประชุม ครั้งที่ 9/2563", None))
    assert [i.number for i in items(ctx, new.id)] == ["1.1", "2.1", "4.1", "4.1.1", "5.1"]


def test_copy_and_its_items_are_audited(ctx, source):
    new = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5)).meeting
    with ctx.db.unit_of_work() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(5)))
    assert [e.entity for e in reversed(entries)] == ["meeting"] + ["agenda_item"] * 4
    assert entries[-1].entity_id == new.id and all(e.action == "create" for e in entries)


def test_unknown_meeting_missing_date_viewer_and_inactive_series(ctx, source):
    before = len(meetings.list_meetings(ctx.db, ctx.actor))
    with pytest.raises(NotFound, match="ไม่พบการประชุมที่จะคัดลอก"):
        copy_meeting(ctx.db, ctx.actor, 999_999, date(2020, 10, 5))
    with pytest.raises(ValidationError, match="กรุณาระบุวันที่ประชุมครั้งใหม่") as info:
        copy_meeting(ctx.db, ctx.actor, source.id, None)
    assert info.value.problems[0].field == "meeting_date"
    with pytest.raises(PermissionDenied):
        copy_meeting(ctx.db, replace(ctx.actor, role=UserRole.VIEWER), source.id, date(2020, 10, 5))
    with pytest.raises(ValidationError, match="ชื่อการประชุม"):
        copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5), title="   ")
    with ctx.db.unit_of_work() as session:
        session.execute(update(MeetingSeries).values(active=False))
    with pytest.raises(ValidationError, match="ถูกระงับการใช้งานแล้ว"):
        copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5))
    assert len(meetings.list_meetings(ctx.db, ctx.actor)) == before  # nothing written


def test_a_certified_meeting_can_be_copied(ctx, source):
    meetings.set_status(ctx.db, ctx.actor, source.id, MeetingStatus.MINUTES_CERTIFIED)
    new = copy_meeting(ctx.db, ctx.actor, source.id, date(2020, 10, 5)).meeting
    assert new.status is MeetingStatus.DRAFT and len(items(ctx, new.id)) == 4
