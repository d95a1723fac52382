from datetime import date, time

import pytest

from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.services.meetings import meetings
from tests.services.helpers import meeting, series


def test_numbers_run_per_calendar_year_and_restart_in_january(ctx):
    sid = series(ctx)
    first = meeting(ctx, sid, date(2019, 9, 24))
    second = meeting(ctx, sid, date(2019, 10, 22))
    january = meeting(ctx, sid, date(2020, 1, 14))
    assert [(m.number, m.be_year) for m in (first, second, january)] == [(1, 2562), (2, 2562), (1, 2563)]
    assert second.number_text() == "๒/๒๕๖๒"
    # 22 Oct 2019 is in fiscal year 2563 while its number is still /2562
    assert second.fiscal_year == 2563 and second.be_year == 2562


def test_previous_meeting_is_linked_for_certification(ctx):
    sid = series(ctx)
    first = meeting(ctx, sid, date(2019, 9, 24), number=9)
    second = meeting(ctx, sid, date(2019, 10, 22), number=10)
    assert second.previous_meeting_id == first.id


def test_duplicate_number_is_refused_in_thai(ctx):
    sid = series(ctx)
    meeting(ctx, sid, date(2019, 10, 22), number=10)
    with pytest.raises(ValidationError) as info:
        meeting(ctx, sid, date(2019, 11, 5), number=10)
    assert "ครั้งที่ 10/2562 มีอยู่แล้ว" in str(info.value)
    assert [p.field for p in info.value.problems] == ["number"]
    assert len(meetings.list_meetings(ctx.db, ctx.actor)) == 1


def test_same_number_in_another_series_is_fine(ctx):
    a, b = series(ctx, "ชุด ก"), series(ctx, "ชุด ข")
    meeting(ctx, a, date(2019, 10, 22), number=10)
    assert meeting(ctx, b, date(2019, 10, 22), number=10).number == 10


@pytest.mark.parametrize(
    ("title", "venue", "field"),
    [("", "ห้องประชุม", "title"), ("   ", "ห้องประชุม", "title"), ("ประชุม", "", "venue")],
)
def test_empty_title_or_venue(ctx, title, venue, field):
    sid = series(ctx)
    with pytest.raises(ValidationError) as info:
        meetings.create_meeting(
            ctx.db,
            ctx.actor,
            meetings.MeetingInput(series_id=sid, title=title, meeting_date=date(2019, 10, 22), venue=venue),
        )
    assert field in [p.field for p in info.value.problems]
    assert meetings.list_meetings(ctx.db, ctx.actor) == []


def test_end_time_before_start(ctx):
    sid = series(ctx)
    with pytest.raises(ValidationError, match="เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"):
        meetings.create_meeting(
            ctx.db,
            ctx.actor,
            meetings.MeetingInput(
                series_id=sid,
                title="ประชุม",
                meeting_date=date(2019, 10, 22),
                venue="ห้อง",
                start_time=time(12, 0),
                end_time=time(9, 30),
            ),
        )


def test_misordered_thai_marks_are_stored_normalized(ctx):
    sid = series(ctx)
    # "ที่" typed with the tone mark before the vowel, as some keyboards produce it
    view = meeting(ctx, sid, date(2019, 10, 22), title="ท\u0e48\u0e35ประชุม")
    assert view.title == "ที่ประชุม"
    assert meetings.get_meeting(ctx.db, ctx.actor, view.id).title == "ที่ประชุม"


def test_find_by_printed_number_or_id(ctx):
    sid = series(ctx)
    created = meeting(ctx, sid, date(2019, 10, 22), number=10)
    assert meetings.find_meeting(ctx.db, ctx.actor, "10/2562").id == created.id
    assert meetings.find_meeting(ctx.db, ctx.actor, "๑๐/๒๕๖๒").id == created.id
    assert meetings.find_meeting(ctx.db, ctx.actor, str(created.id)).id == created.id
    with pytest.raises(NotFound, match="ไม่พบการประชุม 11/2562"):
        meetings.find_meeting(ctx.db, ctx.actor, "11/2562")


def test_list_filters_by_fiscal_year(ctx):
    sid = series(ctx)
    meeting(ctx, sid, date(2019, 9, 24))
    meeting(ctx, sid, date(2019, 10, 22))
    assert [m.meeting_date for m in meetings.list_meetings(ctx.db, ctx.actor, fiscal_year_be=2563)] == [
        date(2019, 10, 22)
    ]


def test_update_keeps_number_and_moves_year(ctx):
    sid = series(ctx)
    view = meeting(ctx, sid, date(2019, 10, 22), number=10)
    data = meetings.MeetingInput(series_id=sid, title="ประชุมใหม่", meeting_date=date(2019, 10, 23), venue="ห้อง")
    updated = meetings.update_meeting(ctx.db, ctx.actor, view.id, view.version, data)
    assert (updated.number, updated.title, updated.version) == (10, "ประชุมใหม่", view.version + 1)


def test_certified_minutes_are_read_only(ctx):
    from sbpac_desktop.domain.enums import AttendanceKind, MeetingStatus
    from sbpac_desktop.domain.errors import ConflictError
    from sbpac_desktop.services.meetings import agenda, attendance
    from tests.services.helpers import person

    view = meeting(ctx, series(ctx), date(2019, 10, 22))
    item = agenda.add_item(ctx.db, ctx.actor, view.id, agenda.AgendaItemInput(4, "เรื่องเดิม"))
    certified = meetings.set_status(ctx.db, ctx.actor, view.id, MeetingStatus.MINUTES_CERTIFIED)
    edits = [
        lambda: agenda.add_item(ctx.db, ctx.actor, view.id, agenda.AgendaItemInput(4, "เรื่องใหม่")),
        lambda: agenda.update_item(ctx.db, ctx.actor, item.id, item.version, agenda.AgendaItemInput(4, "แก้")),
        lambda: agenda.move_item(ctx.db, ctx.actor, item.id, 1, new_section=5),
        lambda: agenda.delete_item(ctx.db, ctx.actor, item.id),
        lambda: attendance.record_attendance(
            ctx.db, ctx.actor, view.id, attendance.AttendanceInput(person(ctx), AttendanceKind.PRESENT)
        ),
        lambda: meetings.set_status(ctx.db, ctx.actor, view.id, MeetingStatus.DRAFT),
        lambda: meetings.update_meeting(
            ctx.db,
            ctx.actor,
            view.id,
            certified.version,
            meetings.MeetingInput(series_id=view.series_id, title="ใหม่", meeting_date=view.meeting_date, venue="ห้อง"),
        ),
    ]
    for edit in edits:
        with pytest.raises(ConflictError, match="ได้รับการรับรองแล้ว"):
            edit()
    assert [i.title for i in agenda.list_items(ctx.db, ctx.actor, view.id)] == ["เรื่องเดิม"]
    assert meetings.get_meeting(ctx.db, ctx.actor, view.id).status is MeetingStatus.MINUTES_CERTIFIED
