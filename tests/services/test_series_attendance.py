"""A new meeting from its series: the chair on the day, venue, template, and the attendance list
from the standing members (vacant posts reported) or copied from the last meeting."""

from __future__ import annotations

from datetime import date

import pytest

from sbpac_desktop.domain.enums import AgendaTemplate, AttendanceKind, MeetingStatus, UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import attendance, meetings, series, series_attendance
from sbpac_desktop.services.meetings.attendance import AttendanceInput
from sbpac_desktop.services.meetings.series import SeriesInput, SeriesMemberInput
from sbpac_desktop.services.meetings.series_attendance import pick_holder, prefill_attendance
from sbpac_desktop.services.people import org
from tests.services.helpers import meeting, person, post

DAY = date(2020, 2, 18)


def world(ctx):
    """Chair post held by สมชาย (บุญมี acting from 10 Feb), a member post held by กิตติ, a vacant
    member post, and a secretary post held by วิไล that is not among the members."""
    chair = org.create_position(ctx.db, ctx.actor, org.PositionInput("เลขาธิการ ศอ.บต.", short_code="ลธ.")).id
    secretary = org.create_position(ctx.db, ctx.actor, org.PositionInput("ผู้อำนวยการกองนโยบาย", short_code="ผอ.")).id
    member = post(ctx, "กระทรวงพาณิชย์", "ผช.(พณ.)")
    vacant = post(ctx, "กระทรวงการคลัง", "ผช.(กค.)")
    people = {name: person(ctx, name, "ทดสอบ") for name in ("สมชาย", "บุญมี", "กิตติ", "วิไล")}
    terms = [
        (people["สมชาย"], chair, date(2019, 10, 1), False),
        (people["บุญมี"], chair, date(2020, 2, 10), True),
        (people["กิตติ"], member, date(2019, 10, 1), False),
        (people["วิไล"], secretary, date(2019, 1, 1), False),
    ]
    for who, where, start, acting in terms:
        org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, where, start, acting=acting))
    data = SeriesInput(
        "การประชุมผู้บริหาร ศอ.บต.", "ประชุม ศอ.บต.", chair, secretary, "ห้องประชุมเจริญจิตต์",
        AgendaTemplate.WITH_INFORMATION_6,
        (SeriesMemberInput(chair, "ประธาน"), SeriesMemberInput(member, "กรรมการ"),
         SeriesMemberInput(vacant, "กรรมการ")),
    )  # fmt: skip
    view = series.create_series(ctx.db, ctx.actor, data)
    return view, people, {"chair": chair, "secretary": secretary, "member": member, "vacant": vacant}


def test_defaults_take_the_chair_on_the_day_venue_and_template(ctx):
    view, people, posts = world(ctx)
    defaults = series_attendance.meeting_defaults(ctx.db, ctx.actor, view.id, DAY)
    assert defaults.chair_person_id == people["บุญมี"]  # acting since 10 Feb
    assert defaults.venue == "ห้องประชุมเจริญจิตต์" and defaults.title == view.name
    assert defaults.agenda_template is AgendaTemplate.WITH_INFORMATION_6
    assert defaults.secretary_person_id == people["วิไล"]
    earlier = series_attendance.meeting_defaults(ctx.db, ctx.actor, view.id, date(2020, 1, 14))
    assert earlier.chair_person_id == people["สมชาย"] and earlier.chair_name == "นายสมชาย ทดสอบ"
    before_anyone = series_attendance.meeting_defaults(ctx.db, ctx.actor, view.id, date(2018, 1, 1))
    assert before_anyone.chair_person_id is None and before_anyone.chair_post == "เลขาธิการ ศอ.บต."
    with pytest.raises(NotFound):
        series_attendance.meeting_defaults(ctx.db, ctx.actor, 999_999, DAY)
    # the same rule the dialog applies to the terms it loaded
    terms = org.list_incumbencies(ctx.db, ctx.actor)
    assert pick_holder(terms, posts["chair"], DAY).person_id == people["บุญมี"]
    assert pick_holder(terms, posts["vacant"], DAY) is None


def test_members_fill_the_list_and_vacant_posts_are_reported(ctx):
    view, people, posts = world(ctx)
    mid = meeting(ctx, view.id, DAY).id
    assert meetings.get_meeting(ctx.db, ctx.actor, mid).agenda_template is AgendaTemplate.WITH_INFORMATION_6
    result = prefill_attendance(ctx.db, ctx.actor, mid, "members")
    lines = [(a.person_id, a.kind, a.position_text, a.meeting_role) for a in result.added]
    assert lines == [
        (people["บุญมี"], AttendanceKind.PRESENT, "เลขาธิการ ศอ.บต.", "ประธาน"),
        (people["กิตติ"], AttendanceKind.PRESENT, "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)", "กรรมการ"),
        (people["วิไล"], AttendanceKind.PRESENT, "ผู้อำนวยการกองนโยบาย", "เลขานุการ"),  # secretary post, last
    ]
    assert [(v.position_id, v.position_label, v.meeting_role) for v in result.vacant] == [
        (posts["vacant"], "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงการคลัง)", "กรรมการ")
    ]
    assert [a.person_id for a in attendance.list_attendance(ctx.db, ctx.actor, mid)] == [a[0] for a in lines]
    again = prefill_attendance(ctx.db, ctx.actor, mid, "members")
    assert again.added == () and len(again.already_listed) == 3 and len(again.vacant) == 1
    assert len(attendance.list_attendance(ctx.db, ctx.actor, mid)) == 3


def test_copy_from_the_last_meeting_keeps_people_and_roles_not_marks(ctx):
    view, people, _posts = world(ctx)
    first = meeting(ctx, view.id, date(2020, 1, 14)).id
    outsider = person(ctx, "ปรีชา", "แทนได้")
    guest = person(ctx, "มานี", "ผู้เข้าร่วม")
    rows = [
        AttendanceInput(people["สมชาย"], AttendanceKind.PRESENT, "เลขาธิการ ศอ.บต.", "ประธาน"),
        AttendanceInput(people["กิตติ"], AttendanceKind.ABSENT, "ผช.(พณ.)", "กรรมการ", absence_reason="ไปราชการ"),
        AttendanceInput(outsider, AttendanceKind.SUBSTITUTE, "รองผู้อำนวยการ", "กรรมการ",
                        substitute_for_person_id=people["วิไล"]),
        AttendanceInput(guest, AttendanceKind.INVITED, "ผู้แทนสภาหอการค้า"),
        AttendanceInput(person(ctx, "สุดา", "ภายนอก"), AttendanceKind.SUBSTITUTE,
                        substitute_for_text="ผู้แทนกรมการปกครอง"),
    ]  # fmt: skip
    for data in rows:
        attendance.record_attendance(ctx.db, ctx.actor, first, data)
    second = meeting(ctx, view.id, DAY).id
    result = prefill_attendance(ctx.db, ctx.actor, second, "last_meeting")
    assert result.from_meeting == "1/2563"
    got = [(a.person_id, a.kind, a.position_text, a.meeting_role, a.absence_reason) for a in result.added]
    assert got == [
        (people["สมชาย"], AttendanceKind.PRESENT, "เลขาธิการ ศอ.บต.", "ประธาน", None),
        (people["กิตติ"], AttendanceKind.PRESENT, "ผช.(พณ.)", "กรรมการ", None),
        (people["วิไล"], AttendanceKind.PRESENT, None, "กรรมการ", None),  # the member, not the substitute
        (guest, AttendanceKind.INVITED, "ผู้แทนสภาหอการค้า", None, None),
    ]
    assert result.skipped == ("ผู้แทนกรมการปกครอง (มีผู้มาแทนในครั้งก่อน ไม่มีข้อมูลบุคคล)",)
    assert all(a.substitute_for_person_id is None for a in result.added)


def test_nothing_to_copy_and_wrong_requests(ctx):
    view, _people, _posts = world(ctx)
    mid = meeting(ctx, view.id, DAY).id
    with pytest.raises(NotFound, match="ยังไม่มีการประชุมครั้งก่อน"):
        prefill_attendance(ctx.db, ctx.actor, mid, "last_meeting")
    with pytest.raises(ValidationError, match="ไม่รู้จักแหล่งรายชื่อ"):
        prefill_attendance(ctx.db, ctx.actor, mid, "everyone")
    with pytest.raises(NotFound, match="ไม่พบการประชุม"):
        prefill_attendance(ctx.db, ctx.actor, 999_999, "members")
    meetings.set_status(ctx.db, ctx.actor, mid, MeetingStatus.MINUTES_CERTIFIED)
    with pytest.raises(ConflictError, match="รับรองแล้ว"):
        prefill_attendance(ctx.db, ctx.actor, mid, "members")
    assert attendance.list_attendance(ctx.db, ctx.actor, mid) == []


def test_a_deactivated_person_is_not_added_but_named(ctx):
    view, people, posts = world(ctx)
    first = meeting(ctx, view.id, date(2020, 1, 14)).id
    attendance.record_attendance(ctx.db, ctx.actor, first, AttendanceInput(people["กิตติ"], AttendanceKind.PRESENT))
    term = next(t for t in org.list_incumbencies(ctx.db, ctx.actor) if t.position_id == posts["member"])
    org.end_incumbency(ctx.db, ctx.actor, term.id, term.version, date(2020, 1, 31))
    who = next(p for p in org.list_people(ctx.db, ctx.actor) if p.id == people["กิตติ"])
    org.set_person_active(ctx.db, ctx.actor, who.id, who.version, False, date(2020, 2, 1))
    result = prefill_attendance(ctx.db, ctx.actor, meeting(ctx, view.id, DAY).id, "last_meeting")
    assert result.added == () and result.skipped == ("นายกิตติ ทดสอบ (ระงับข้อมูลบุคคลแล้ว)",)


@pytest.mark.parametrize("role", [UserRole.VIEWER, UserRole.OFFICER])
def test_only_the_secretariat_fills_the_list(ctx, role):
    view, _people, _posts = world(ctx)
    mid = meeting(ctx, view.id, DAY).id
    reader = Actor(ctx.actor.user_id, "reader", role, "ผู้อ่าน")
    assert series_attendance.meeting_defaults(ctx.db, reader, view.id, DAY).venue == "ห้องประชุมเจริญจิตต์"
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์เติมรายชื่อผู้เข้าประชุม"):
        prefill_attendance(ctx.db, reader, mid, "members")
    assert attendance.list_attendance(ctx.db, ctx.actor, mid) == []
