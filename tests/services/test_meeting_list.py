"""The meetings page's first read (`list_meetings`, one SELECT with the series and people joined)
gives exactly the views `get_meeting` gives, in the page's order, with and without its filters."""

import subprocess
import sys
from datetime import date, time
from pathlib import Path

from sbpac_desktop.domain.enums import AgendaTemplate, MeetingStatus, RecordingStyle
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org_people
from tests.services.helpers import meeting, series

ROOT = Path(__file__).resolve().parents[2]


def _person(ctx, prefix, first, last):
    return org_people.create_person(ctx.db, ctx.actor, org_people.PersonInput(first, last, prefix)).id


def _full_meeting(ctx, sid, on, chair, recorder, checker):
    data = meetings.MeetingInput(
        series_id=sid,
        title="ประชุมคณะทำงาน",
        meeting_date=on,
        venue="ห้องประชุม ๑",
        start_time=time(13, 30),
        end_time=time(16, 0),
        chair_person_id=chair,
        recorder_person_id=recorder,
        checker_person_id=checker,
        recording_style=RecordingStyle.VERBATIM,
        agenda_template=AgendaTemplate.WITH_INFORMATION_6,
        opening_text="ประธานกล่าวเปิดการประชุม",
    )
    return meetings.create_meeting(ctx.db, ctx.actor, data)


def test_list_gives_every_field_as_one_meeting_read_does(ctx):
    board, team = series(ctx, "ชุด ก"), series(ctx, "ชุด ข")
    chair = _person(ctx, "นาย", "สมชาย", "ใจดี")  # an attached prefix: นายสมชาย ใจดี
    recorder = _person(ctx, "ว่าที่ร้อยตรี", "สมหญิง", "รักงาน")  # a spaced one
    bare = _person(ctx, None, "อารีย์", "มีสุข")
    full = _full_meeting(ctx, team, date(2020, 2, 3), chair, recorder, bare)
    same_person = _full_meeting(ctx, team, date(2020, 3, 2), bare, bare, None)
    nobody = meeting(ctx, board, date(2020, 3, 2))  # no chair, recorder or checker; same day
    older = meeting(ctx, board, date(2019, 9, 24))  # fiscal year 2562
    meetings.set_status(ctx.db, ctx.actor, older.id, MeetingStatus.MINUTES_CERTIFIED)

    listed = meetings.list_meetings(ctx.db, ctx.actor)

    order = [nobody.id, same_person.id, full.id, older.id]  # newest first, the later id first on a tie
    assert listed == [meetings.get_meeting(ctx.db, ctx.actor, mid) for mid in order]
    by_id = {m.id: m for m in listed}
    assert (by_id[full.id].chair_name, by_id[full.id].recorder_name) == ("นายสมชาย ใจดี", "ว่าที่ร้อยตรี สมหญิง รักงาน")
    assert (by_id[same_person.id].chair_name, by_id[same_person.id].recorder_name) == ("อารีย์ มีสุข", "อารีย์ มีสุข")
    assert (by_id[nobody.id].chair_name, by_id[nobody.id].recorder_name, by_id[nobody.id].start_time) == (
        None,
        None,
        time(9, 30),
    )
    assert by_id[older.id].status is MeetingStatus.MINUTES_CERTIFIED
    assert by_id[full.id].recording_style is RecordingStyle.VERBATIM
    assert by_id[full.id].agenda_template is AgendaTemplate.WITH_INFORMATION_6
    assert [m.series_name for m in listed] == ["ชุด ก", "ชุด ข", "ชุด ข", "ชุด ก"]

    assert meetings.list_meetings(ctx.db, ctx.actor, series_id=board) == [by_id[nobody.id], by_id[older.id]]
    assert meetings.list_meetings(ctx.db, ctx.actor, fiscal_year_be=2562) == [by_id[older.id]]
    assert meetings.list_meetings(ctx.db, ctx.actor, series_id=team, fiscal_year_be=2562) == []


def test_the_list_is_read_without_the_orm(tmp_path):
    """Issue #16: the window's first page reads this list before the ORM is imported
    (gui/database_layer.py): opening the database, the setup account and the read load neither
    `sqlalchemy.orm` nor a mapped model. Checked in a fresh process."""
    path = tmp_path / "list.db"
    made = open_app(str(path), create=True)
    load_demo(made.db, made.actor)
    made.close()
    probe = (
        "import sys\n"
        "from sbpac_desktop.services.app import open_unsigned\n"
        "from sbpac_desktop.services.context import system_actor\n"
        "from sbpac_desktop.services.meetings.meeting_list import list_meetings\n"
        f"db = open_unsigned({str(path)!r})\n"
        "listed = list_meetings(db, system_actor(db))\n"
        "db.close()\n"
        "orm = [m for m in sys.modules if m == 'sqlalchemy.orm' or m.startswith('sbpac_desktop.store.models')]\n"
        "print(len(listed), orm)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 []"  # the demo's two meetings
