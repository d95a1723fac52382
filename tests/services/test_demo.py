from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_clock import clock_for
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import agenda, attendance, meetings
from sbpac_desktop.store.models import AuditEntry, Person, Position
from sbpac_desktop.thai.dates import fiscal_year, long_date


def counts(ctx):
    with ctx.db.unit_of_work() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Person, Position, AuditEntry))


def test_demo_is_the_seed_meeting_and_idempotent(ctx):
    first = load_demo(ctx.db, ctx.actor)
    before = counts(ctx)
    again = load_demo(ctx.db, ctx.actor)
    assert first.created and not again.created
    assert counts(ctx) == before
    main = meetings.get_meeting(ctx.db, ctx.actor, first.meeting_id)
    assert main.number_text(False) == "10/2562" and main.fiscal_year == 2563
    assert "เจริญจิตต์" in main.venue and "สงขลา" in main.venue
    assert main.previous_meeting_id == first.previous_meeting_id
    lines = attendance.list_attendance(ctx.db, ctx.actor, main.id)
    assert len(lines) == 12 and sum(1 for a in lines if a.absence_reason == "ติดราชการ") == 1


def test_demo_statuses_as_of_the_reference_date(ctx):
    load_demo(ctx.db, ctx.actor)
    rows = directives.list_directives(
        ctx.db, ctx.actor, directives.DirectiveFilter(fiscal_year=2563), today=REFERENCE_DATE
    )
    assert [r.status.key for r in rows] == [
        "done",
        "in_progress",
        "done",
        "overdue",
        "overdue",
        "done",
        "in_progress",
        "not_started",
    ]
    assert rows[3].status.days == 46 and rows[6].status.days == 13
    assert {r.lead_agency for r in rows} >= {"กรมบัญชีกลาง", "กระทรวงพาณิชย์", "กรมป้องกันและบรรเทาสาธารณภัย"}


def test_tracker_and_dashboard_read_in_chunks_with_the_same_result(ctx, monkeypatch):
    """Ids are sent in bounded chunks (servers cap parameters per statement); tiny chunks must
    give exactly what one chunk gives."""
    from sbpac_desktop.services.directives import dashboard, directive_views

    load_demo(ctx.db, ctx.actor)
    whole = directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE)
    board = dashboard.dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    monkeypatch.setattr(directive_views, "ID_CHUNK", 2)
    assert directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE) == whole
    assert dashboard.dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE) == board


STORY_STATUSES = ["done", "in_progress", "done", "overdue", "overdue", "done", "in_progress", "not_started"]


@pytest.mark.parametrize("as_of", [date(2026, 12, 5), date(2027, 9, 29)])
def test_demo_loaded_on_a_day_keeps_the_documented_statuses_on_that_day(ctx, as_of):
    """Loaded 'today' the story is moved by whole weeks: the same statuses as docs/CONVENTIONS.md §7 on that
    day (not '2440 days late'), a Tuesday meeting, and texts whose years follow the moved dates."""
    result = load_demo(ctx.db, ctx.actor, as_of=as_of)
    clock = clock_for(as_of)
    drift = (as_of - clock.as_of).days
    assert 0 <= drift < 7
    main = meetings.get_meeting(ctx.db, ctx.actor, result.meeting_id)
    assert main.meeting_date == clock.on(date(2019, 10, 22)) and main.meeting_date.weekday() == 1  # a Tuesday
    assert main.fiscal_year == clock.fiscal_year == fiscal_year(main.meeting_date) != 2563
    assert main.title.endswith(f"ประจำปีงบประมาณ พ.ศ. {clock.fiscal_year}")
    rows = directives.list_directives(ctx.db, ctx.actor, directives.DirectiveFilter(meeting_id=main.id), today=as_of)
    assert {r.fiscal_year for r in rows} == {clock.fiscal_year}
    assert [r.seq for r in rows] == [seq + clock.main_seq_offset for seq in range(1, 9)]
    assert [r.status.key for r in rows] == STORY_STATUSES
    assert rows[3].status.days == 46 + drift and rows[6].status.days == 13 - drift
    assert f"พ.ศ. {clock.fiscal_year}" in rows[0].text and f"พ.ศ. {clock.fiscal_year + 1}" in rows[6].text
    previous = meetings.get_meeting(ctx.db, ctx.actor, result.previous_meeting_id)
    items = {i.number: i.title for i in agenda.list_items(ctx.db, ctx.actor, result.meeting_id)}
    held = long_date(previous.meeting_date, weekday=False, thai_digits=False)
    certify = f"ครั้งที่ {previous.number_text(False)} เมื่อวันที่ {held}"
    assert items["2.1"] == f"รับรองรายงานการประชุม {certify}"
    assert not any("{" in title for title in items.values())


def test_a_demo_loaded_before_keeps_its_dates_when_loaded_again_later(ctx):
    first = load_demo(ctx.db, ctx.actor, as_of=date(2026, 12, 5))
    again = load_demo(ctx.db, ctx.actor, as_of=date(2027, 3, 1))
    assert not again.created and again.meeting_id == first.meeting_id
    assert again.directive_count == first.directive_count == 9
    assert len(meetings.list_meetings(ctx.db, ctx.actor)) == 2


def test_without_a_day_the_story_keeps_its_own_dates():
    clock = clock_for(None)
    assert clock.as_of == REFERENCE_DATE and clock.fiscal_year == 2563
    assert clock.text("ครั้งที่ {previous_number} เมื่อวันที่ {previous_date}") == "ครั้งที่ 9/2562 เมื่อวันที่ 24 กันยายน 2562"
    assert clock.text("{extension_to}") == "28 ก.พ. 2563"


def test_demo_series_fills_a_new_meeting_with_chair_venue_and_members(ctx):
    """The demo's series names its chair and secretary posts, room and standing members, so a new
    meeting from the series starts with the SG in the chair and the committee on the list."""
    from sbpac_desktop.services.meetings import series_attendance

    first = load_demo(ctx.db, ctx.actor)
    series_id = meetings.get_meeting(ctx.db, ctx.actor, first.meeting_id).series_id
    stored = meetings.list_series(ctx.db, ctx.actor)[0]
    assert stored.id == series_id
    assert stored.chair_label == "เลขาธิการ ศอ.บต." and "กองประสาน" in (stored.secretary_label or "")
    assert "เจริญจิตต์" in (stored.default_venue or "")
    assert [m.meeting_role for m in stored.members] == ["ประธาน", "รองประธาน", *["กรรมการ"] * 8, "กรรมการและเลขานุการ"]
    day = date(2020, 4, 21)
    defaults = series_attendance.meeting_defaults(ctx.db, ctx.actor, series_id, day)
    assert defaults.chair_name == "นายสมชาย ตัวอย่าง" and defaults.secretary_name == "นายพัฒนา พื้นที่พิเศษ"
    assert defaults.venue == stored.default_venue
    data = meetings.MeetingInput(series_id=series_id, title=defaults.title, meeting_date=day, venue=defaults.venue,
                                 chair_person_id=defaults.chair_person_id, number=11)  # fmt: skip
    new = meetings.create_meeting(ctx.db, ctx.actor, data)
    filled = series_attendance.prefill_attendance(ctx.db, ctx.actor, new.id)
    assert len(filled.added) == 11 and filled.vacant == ()
    lines = attendance.list_attendance(ctx.db, ctx.actor, new.id)
    assert lines[0].meeting_role == "ประธาน" and lines[-1].meeting_role == "กรรมการและเลขานุการ"
    again = load_demo(ctx.db, ctx.actor)  # loading again leaves the series as it is
    assert not again.created and meetings.list_series(ctx.db, ctx.actor)[0].version == stored.version


def test_demo_keeps_a_series_someone_already_set_up(ctx):
    from sbpac_desktop.services.demo.demo_data import SERIES
    from sbpac_desktop.services.meetings import series
    from sbpac_desktop.services.people import org

    created = meetings.create_series(ctx.db, ctx.actor, SERIES)
    post = org.create_position(ctx.db, ctx.actor, org.PositionInput("ประธานที่ตั้งเอง")).id
    series.update_series(ctx.db, ctx.actor, created.id, created.version,
                         series.SeriesInput(SERIES, chair_position_id=post, default_venue="ห้องอื่น"))  # fmt: skip
    load_demo(ctx.db, ctx.actor)
    kept = series.get_series(ctx.db, ctx.actor, created.id)
    assert kept.chair_position_id == post and kept.default_venue == "ห้องอื่น" and kept.members == ()
