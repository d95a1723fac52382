"""Meeting series managed by a fresh office: create, edit (with its standing members), deactivate,
wrong input per field, roles, audit — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import AgendaTemplate, UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import meetings, series
from sbpac_desktop.services.meetings.series import SeriesInput, SeriesMemberInput
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import AuditEntry, MeetingSeries, SeriesMember
from tests.services.helpers import meeting, post

TODAY = date(2020, 1, 10)


def audit_count(ctx, entity: str) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).where(AuditEntry.entity == entity)) or 0


def row_count(ctx, model) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def posts(ctx) -> tuple[int, int, int]:
    chair = org.create_position(ctx.db, ctx.actor, org.PositionInput("เลขาธิการ ศอ.บต.", short_code="ลธ.ศอ.บต.")).id
    secretary = org.create_position(ctx.db, ctx.actor, org.PositionInput("ผู้อำนวยการกองนโยบาย", short_code="ผอ.กนย.")).id
    member = post(ctx, "กระทรวงพาณิชย์", "ผช.(พณ.)")
    return chair, secretary, member


def full_input(chair: int, secretary: int, member: int, **changes) -> SeriesInput:
    data = SeriesInput(
        name="การประชุมผู้บริหาร ศอ.บต.",
        short_name="ประชุม ศอ.บต.",
        chair_position_id=chair,
        secretary_position_id=secretary,
        default_venue="ห้องประชุมเจริญจิตต์ ชั้น 3",
        agenda_template=AgendaTemplate.WITH_INFORMATION_6,
        members=(
            SeriesMemberInput(chair, "ประธาน"),
            SeriesMemberInput(member, "กรรมการ"),
            SeriesMemberInput(secretary, "กรรมการและเลขานุการ"),
        ),
    )
    return SeriesInput(**{**vars(data), **changes})


def test_create_edit_and_read_back_a_full_series(ctx):
    chair, secretary, member = posts(ctx)
    view = series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member), today=TODAY)
    assert (view.name, view.short_name, view.default_venue) == (
        "การประชุมผู้บริหาร ศอ.บต.", "ประชุม ศอ.บต.", "ห้องประชุมเจริญจิตต์ ชั้น 3",
    )  # fmt: skip
    assert view.agenda_template is AgendaTemplate.WITH_INFORMATION_6 and view.active
    assert view.chair_label == "เลขาธิการ ศอ.บต." and view.secretary_label == "ผู้อำนวยการกองนโยบาย"
    assert [(m.position_id, m.meeting_role, m.sort_order) for m in view.members] == [
        (chair, "ประธาน", 1), (member, "กรรมการ", 2), (secretary, "กรรมการและเลขานุการ", 3),
    ]  # fmt: skip
    assert view.members[1].position_label == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"
    assert view.members[1].holder_name is None  # nobody holds it yet
    # reorder, change a role, drop a member, change the template: one save, one new version
    reordered = (SeriesMemberInput(member, "รองประธาน"), SeriesMemberInput(chair, "ประธาน"))
    edited = series.update_series(
        ctx.db, ctx.actor, view.id, view.version,
        full_input(chair, secretary, member, members=reordered, agenda_template=AgendaTemplate.STANDARD_5,
                   default_venue="  ห้องประชุม   ศอ.บต. "),
    )  # fmt: skip
    assert edited.version == view.version + 1
    assert [(m.position_id, m.meeting_role) for m in edited.members] == [(member, "รองประธาน"), (chair, "ประธาน")]
    assert edited.agenda_template is AgendaTemplate.STANDARD_5 and edited.default_venue == "ห้องประชุม ศอ.บต."
    assert row_count(ctx, SeriesMember) == 2
    assert series.get_series(ctx.db, ctx.actor, view.id) == series.list_series(ctx.db, ctx.actor)[0]


def test_members_none_keeps_them_and_the_old_api_still_works(ctx):
    chair, secretary, member = posts(ctx)
    view = series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member))
    kept = series.update_series(ctx.db, ctx.actor, view.id, view.version, SeriesInput("ชื่อใหม่", members=None))
    assert kept.name == "ชื่อใหม่" and len(kept.members) == 3 and kept.chair_position_id is None
    old = meetings.create_series(ctx.db, ctx.actor, "ชุดเดิม", AgendaTemplate.WITH_INFORMATION_6)
    assert old.agenda_template is AgendaTemplate.WITH_INFORMATION_6 and old.members == ()
    assert [s.name for s in meetings.list_series(ctx.db, ctx.actor)] == ["ชื่อใหม่", "ชุดเดิม"]


def test_member_add_and_remove_one_at_a_time(ctx):
    chair, secretary, member = posts(ctx)
    view = series.create_series(ctx.db, ctx.actor, SeriesInput("ชุด ก"))
    view = series.add_member(ctx.db, ctx.actor, view.id, member, "กรรมการ")
    view = series.add_member(ctx.db, ctx.actor, view.id, chair, "ประธาน", expected_version=view.version)
    assert [m.position_id for m in view.members] == [member, chair]
    with pytest.raises(ValidationError, match="เป็นกรรมการประจำของชุดนี้อยู่แล้ว"):
        series.add_member(ctx.db, ctx.actor, view.id, member, "กรรมการ")
    with pytest.raises(ConflictError):
        series.add_member(ctx.db, ctx.actor, view.id, secretary, None, expected_version=view.version - 1)
    view = series.remove_member(ctx.db, ctx.actor, view.id, member)
    assert [m.position_id for m in view.members] == [chair]
    with pytest.raises(NotFound, match="ไม่ได้เป็นกรรมการประจำ"):
        series.remove_member(ctx.db, ctx.actor, view.id, member)
    with pytest.raises(NotFound, match="ไม่พบชุดการประชุม"):
        series.add_member(ctx.db, ctx.actor, 999_999, member)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "กรุณากรอกชื่อชุดการประชุม"),
        ({"name": "   "}, "name", "กรุณากรอกชื่อชุดการประชุม"),
        ({"name": "ก" * 301}, "name", "ยาวเกิน 300"),
        ({"short_name": "ย" * 61}, "short_name", "ยาวเกิน 60"),
        ({"default_venue": "ห" * 301}, "default_venue", "ยาวเกิน 300"),
        ({"chair_position_id": 999_999}, "chair_position_id", "ไม่พบตำแหน่งที่เลือก"),
        ({"secretary_position_id": 999_999}, "secretary_position_id", "ไม่พบตำแหน่งที่เลือก"),
        ({"members": (SeriesMemberInput(999_999, "กรรมการ"),)}, "members", "ไม่พบตำแหน่ง"),
        ({"members": (SeriesMemberInput(-1),)}, "members", "ไม่พบตำแหน่ง"),
        ({"agenda_template": "7"}, "agenda_template", "ไม่รู้จักรูปแบบระเบียบวาระ"),
    ],
)
def test_wrong_input_is_refused_per_field_and_nothing_is_written(ctx, changes, field, message):
    chair, secretary, member = posts(ctx)
    with pytest.raises(ValidationError) as info:
        series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member, **changes))
    assert field in [p.field for p in info.value.problems]
    assert message in str(info.value)
    assert row_count(ctx, MeetingSeries) == 0 and row_count(ctx, SeriesMember) == 0


def test_duplicates_and_inactive_posts(ctx):
    chair, secretary, member = posts(ctx)
    first = series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member))
    with pytest.raises(ValidationError, match="มีชุดการประชุมชื่อ"):
        series.create_series(ctx.db, ctx.actor, SeriesInput(" การประชุมผู้บริหาร  ศอ.บต."))
    with pytest.raises(ValidationError, match=r"ชื่อย่อ “ประชุม ศอ\.บต\.” ซ้ำ"):
        series.create_series(ctx.db, ctx.actor, SeriesInput("อีกชุด", short_name="ประชุม ศอ.บต."))
    twice = (SeriesMemberInput(member, "กรรมการ"), SeriesMemberInput(member, "ประธาน"))
    with pytest.raises(ValidationError, match="อยู่ในรายชื่อกรรมการประจำซ้ำกัน"):
        series.create_series(ctx.db, ctx.actor, SeriesInput("อีกชุด", members=twice))
    with pytest.raises(ValidationError, match="บทบาทในที่ประชุมยาวเกิน 60"):
        series.create_series(ctx.db, ctx.actor, SeriesInput("อีกชุด", members=(SeriesMemberInput(member, "ร" * 61),)))
    # a post deactivated after it was chosen does not block other edits; choosing it anew is refused
    spare = org.create_position(ctx.db, ctx.actor, org.PositionInput("ที่ปรึกษา", short_code="ทป.")).id
    for pid in (member, spare):
        version = next(p.version for p in org.list_positions(ctx.db, ctx.actor) if p.id == pid)
        org.set_position_active(ctx.db, ctx.actor, pid, version, False)
    renamed = series.update_series(ctx.db, ctx.actor, first.id, first.version, full_input(chair, secretary, member,
                                                                                         name="ชื่อใหม่"))  # fmt: skip
    assert renamed.name == "ชื่อใหม่" and not renamed.members[1].position_active
    with pytest.raises(ValidationError, match="“ที่ปรึกษา” ถูกระงับการใช้งานแล้ว"):
        series.add_member(ctx.db, ctx.actor, first.id, spare, "กรรมการ")
    with pytest.raises(ValidationError, match="ถูกระงับการใช้งานแล้ว"):
        series.create_series(ctx.db, ctx.actor, SeriesInput("ชุดใหม่", chair_position_id=spare))
    assert row_count(ctx, MeetingSeries) == 1


def test_stale_edit_is_a_conflict(ctx):
    view = series.create_series(ctx.db, ctx.actor, SeriesInput("ชุด ก"))
    series.update_series(ctx.db, ctx.actor, view.id, view.version, SeriesInput("ชุด ข"))
    with pytest.raises(ConflictError):
        series.update_series(ctx.db, ctx.actor, view.id, view.version, SeriesInput("ชุด ค"))
    with pytest.raises(ConflictError):
        series.set_series_active(ctx.db, ctx.actor, view.id, view.version, False)
    assert series.get_series(ctx.db, ctx.actor, view.id).name == "ชุด ข"
    with pytest.raises(NotFound, match="ไม่พบชุดการประชุม"):
        series.update_series(ctx.db, ctx.actor, 424242, 1, SeriesInput("x"))


def test_deactivated_series_is_not_offered_but_its_meetings_stay(ctx):
    view = series.create_series(ctx.db, ctx.actor, SeriesInput("ชุด ก"))
    held = meeting(ctx, view.id, date(2019, 10, 22))
    off = series.set_series_active(ctx.db, ctx.actor, view.id, view.version, False)
    assert not off.active and off.version == view.version + 1
    assert series.list_series(ctx.db, ctx.actor) == []
    assert [s.id for s in series.list_series(ctx.db, ctx.actor, include_inactive=True)] == [view.id]
    with pytest.raises(ValidationError, match="ถูกระงับการใช้งานแล้ว") as info:
        meeting(ctx, view.id, date(2019, 11, 5))
    assert [p.field for p in info.value.problems] == ["series_id"]
    kept = meetings.get_meeting(ctx.db, ctx.actor, held.id)
    data = meetings.MeetingInput(view.id, "แก้ชื่อ", kept.meeting_date, kept.venue)
    assert meetings.update_meeting(ctx.db, ctx.actor, held.id, kept.version, data).title == "แก้ชื่อ"
    on = series.set_series_active(ctx.db, ctx.actor, view.id, None, True)
    assert on.active and meeting(ctx, view.id, date(2019, 11, 5)).number == 2


def test_every_change_is_audited(ctx):
    chair, secretary, member = posts(ctx)
    view = series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member))
    assert audit_count(ctx, "meeting_series") == 1 and audit_count(ctx, "series_member") == 3
    view = series.remove_member(ctx.db, ctx.actor, view.id, member)
    assert audit_count(ctx, "meeting_series") == 2 and audit_count(ctx, "series_member") == 5  # delete + reorder
    series.set_series_active(ctx.db, ctx.actor, view.id, view.version, False)
    assert audit_count(ctx, "meeting_series") == 3


@pytest.mark.parametrize("role", [UserRole.VIEWER, UserRole.OFFICER])
def test_viewers_and_officers_read_but_may_not_change(ctx, role):
    chair, secretary, member = posts(ctx)
    view = series.create_series(ctx.db, ctx.actor, full_input(chair, secretary, member))
    reader = Actor(ctx.actor.user_id, "reader", role, "ผู้อ่าน")
    assert series.list_series(ctx.db, reader)[0].id == view.id
    assert series.get_series(ctx.db, reader, view.id).name == view.name
    calls = [
        lambda: series.create_series(ctx.db, reader, SeriesInput("ชุดใหม่")),
        lambda: series.update_series(ctx.db, reader, view.id, view.version, SeriesInput("ชื่อใหม่")),
        lambda: series.set_series_active(ctx.db, reader, view.id, view.version, False),
        lambda: series.add_member(ctx.db, reader, view.id, member),
        lambda: series.remove_member(ctx.db, reader, view.id, member),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์"):
            call()
    assert series.get_series(ctx.db, ctx.actor, view.id) == view


def test_secretary_may_edit(ctx):
    secretary_actor = Actor(ctx.actor.user_id, "clerk", UserRole.SECRETARY, "เลขานุการ")
    view = series.create_series(ctx.db, secretary_actor, SeriesInput("ชุด ก", short_name="ก."))
    assert series.set_series_active(ctx.db, secretary_actor, view.id, view.version, False).active is False
