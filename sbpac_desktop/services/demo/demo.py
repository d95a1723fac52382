"""Load the demo data set through the same services a clerk uses. Idempotent: every
record is looked up by its natural key first, so running it twice adds nothing and a
run that was interrupted is completed by the next one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from sbpac_desktop.domain.enums import (
    AgendaTemplate,
    AssignmentRole,
    AttendanceKind,
    MeetingStatus,
    OrgUnitKind,
    PositionKind,
    Priority,
    RecordingStyle,
)
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo import demo_data as data
from sbpac_desktop.services.demo import demo_field, demo_plan
from sbpac_desktop.services.demo.demo_clock import DemoClock, clock_for, clock_of_meeting, story_clock
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.meetings import agenda, attendance, meetings, series
from sbpac_desktop.services.people import org
from sbpac_desktop.store.database import Database


@dataclass(frozen=True)
class DemoResult:
    created: bool
    meeting_id: int
    previous_meeting_id: int
    directive_count: int


class _Loader:
    def __init__(self, db: Database, actor: Actor, clock: DemoClock | None = None) -> None:
        # services/demo/generate.py loads the demo's people with the story's own dates
        self.db, self.actor, self.clock = db, actor, clock or story_clock()
        self.units: dict[str, int] = {}
        self.people: dict[str, int] = {}
        self.posts: dict[str, int] = {}

    def units_and_people(self) -> None:
        existing = {u.name: u.id for u in org.list_org_units(self.db, self.actor)}
        for name, short, kind, parent in data.UNITS:
            if name not in existing:
                existing[name] = org.create_org_unit(
                    self.db,
                    self.actor,
                    org.OrgUnitInput(name, OrgUnitKind(kind), short, existing.get(parent) if parent else None),
                ).id
        self.units = existing
        posts = {p.short_code: p.id for p in org.list_positions(self.db, self.actor)}
        people = {(p.first_name, p.last_name): p.id for p in org.list_people(self.db, self.actor)}
        for key, (prefix, first, last, title, kind, code, unit) in data.PEOPLE.items():
            if code not in posts:
                posts[code] = org.create_position(
                    self.db, self.actor, org.PositionInput(title, PositionKind(kind), code, self.units[unit])
                ).id
            if (first, last) not in people:
                people[(first, last)] = org.create_person(self.db, self.actor, org.PersonInput(first, last, prefix)).id
                org.assign_incumbency(
                    self.db,
                    self.actor,
                    org.IncumbencyInput(people[(first, last)], posts[code], self.clock.on(data.POSTS_FROM)),
                )
            self.people[key], self.posts[key] = people[(first, last)], posts[code]

    def meeting(self, spec: data.StoryMeeting, series_id: int) -> int:
        found = _stored_meeting(self.db, self.actor, series_id, spec)
        if found is not None:
            return found.id
        return meetings.create_meeting(
            self.db,
            self.actor,
            meetings.MeetingInput(
                series_id=series_id,
                title=self.clock.text(spec["title"]),
                meeting_date=self.clock.on(spec["date"]),
                venue=data.VENUE,
                start_time=time(9, 30),
                end_time=time(12, 0),
                chair_person_id=self.people["P0"],
                recorder_person_id=self.people["R1"],
                recording_style=RecordingStyle.SUMMARY,
                number=spec["number"],
            ),
        ).id

    def attendance(self, meeting_id: int) -> None:
        for key, kind, role, reason in data.ATTENDANCE:
            title = data.PEOPLE[key][3]
            unit = data.PEOPLE[key][6]
            position_text = f"{title} (ผู้แทน{unit})" if title == data.ASG_TITLE else title
            attendance.record_attendance(
                self.db,
                self.actor,
                meeting_id,
                attendance.AttendanceInput(self.people[key], AttendanceKind(kind), position_text, role, reason),
            )

    def agenda(self, meeting_id: int) -> dict[str, int]:
        items = {i.number: i.id for i in agenda.list_items(self.db, self.actor, meeting_id)}
        for key, section, title, presenter, discussion, resolution in data.AGENDA:
            if key not in items:
                items[key] = agenda.add_item(
                    self.db,
                    self.actor,
                    meeting_id,
                    agenda.AgendaItemInput(
                        section,
                        self.clock.text(title),
                        presenter_person_id=self.people[presenter],
                        discussion=self.clock.text(discussion),
                        resolution=resolution,
                    ),
                ).id
        return items

    def assignee(self, key: str, role: AssignmentRole) -> directives.AssignmentInput:
        if key == "KPP":
            return directives.AssignmentInput(org_unit_id=self.units[data.KPP], role=role)
        return directives.AssignmentInput(position_id=self.posts[key], role=role)


def load_demo(db: Database, actor: Actor, as_of: date | None = None) -> DemoResult:
    """Load the story; `as_of` (normally today) moves its dates so the statuses of docs/CONVENTIONS.md §7
    hold on that day (see demo_clock). None keeps the story's own dates (FY2563). A demo loaded
    before keeps the dates it was loaded with."""
    dims = dimensions.seed_dimension_ids(db, actor)  # the office's six, renamed or not; missing ones added
    series = next((s for s in meetings.list_series(db, actor) if s.name == data.SERIES), None)
    series_id = series.id if series else meetings.create_series(db, actor, data.SERIES, AgendaTemplate.STANDARD_5).id
    stored = _stored_meeting(db, actor, series_id, data.MEETING)
    clock = clock_of_meeting(stored.meeting_date) if stored is not None else clock_for(as_of)
    loader = _Loader(db, actor, clock)
    loader.units_and_people()
    _fill_series(db, actor, series_id, loader.posts)
    known = {(d.fiscal_year, d.seq) for d in directives.list_directives(db, actor)}
    created = (clock.fiscal_year, len(data.DIRECTIVES) + clock.main_seq_offset) not in known
    previous_id = loader.meeting(data.PREVIOUS, series_id)
    meeting_id = loader.meeting(data.MEETING, series_id)
    if created:
        _fill_previous(db, actor, loader, previous_id, dims, known)
        _fill_main(db, actor, loader, meeting_id, dims, known)
        story = {d.seq - clock.main_seq_offset: d.id for d in directives.list_directives(db, actor)
                 if d.fiscal_year == clock.fiscal_year}  # fmt: skip
        demo_field.load_field_story(db, actor, clock, loader.posts, story)  # visits and network (issue #15)
        demo_plan.load_plan_story(db, actor, clock, dims, loader.posts, story)  # integrated plan M&E (issue #15)
    return DemoResult(created, meeting_id, previous_id, len(directives.list_directives(db, actor)))


def _fill_series(db: Database, actor: Actor, series_id: int, posts: dict[str, int]) -> None:
    """The series' chair and secretary posts, its usual room and standing members (demo_data.SERIES_MEMBERS),
    so "new meeting from series" fills the chair, venue and attendance. A series someone already set up
    (a chair post or any member) is left as it is."""
    stored = series.get_series(db, actor, series_id)
    if stored.chair_position_id is not None or stored.members:
        return
    members = tuple(series.SeriesMemberInput(posts[key], role) for key, role in data.SERIES_MEMBERS)
    wanted = replace(stored.to_input(), chair_position_id=posts["P0"], secretary_position_id=posts["D1"],
                     default_venue=data.VENUE, members=members)  # fmt: skip
    series.update_series(db, actor, series_id, stored.version, wanted)


def _stored_meeting(db: Database, actor: Actor, series_id: int, spec: data.StoryMeeting) -> meetings.MeetingView | None:
    """A demo meeting loaded before, on whatever dates it was loaded with: same number, same title
    up to its first year placeholder."""
    fixed, templated = spec["title"].split("{")[0], "{" in spec["title"]
    for found in meetings.list_meetings(db, actor, series_id):
        same_title = found.title.startswith(fixed) if templated else found.title == fixed
        if found.number == spec["number"] and same_title:
            return found
    return None


def _fill_previous(
    db: Database, actor: Actor, loader: _Loader, meeting_id: int, dims: dict[str, int], known: set[tuple[int, int]]
) -> None:
    loader.attendance(meeting_id)
    clock = loader.clock
    text, dimension, lead, due = data.PREVIOUS_DIRECTIVE
    if (clock.previous_fiscal_year, 1) not in known:
        issued = clock.on(data.PREVIOUS["date"])
        detail = directives.create_directive(
            db,
            actor,
            directives.DirectiveInput(
                clock.text(text),
                issued,
                (loader.assignee(lead, AssignmentRole.LEAD),),
                meeting_id=meeting_id,
                issued_by_person_id=loader.people["P0"],
                dimension_id=dims[dimension],
                due_on=clock.on(due),
                seq=1,
            ),
        )
        progress.add_progress(
            db,
            actor,
            progress.ProgressInput(detail.assignments[0].id, clock.on(due), 100, "ทุกหน่วยส่งข้อมูลพื้นฐานระดับตำบลครบแล้ว"),
        )
    meetings.set_status(db, actor, meeting_id, MeetingStatus.MINUTES_CERTIFIED)


def _fill_main(
    db: Database, actor: Actor, loader: _Loader, meeting_id: int, dims: dict[str, int], known: set[tuple[int, int]]
) -> None:
    loader.attendance(meeting_id)
    items = loader.agenda(meeting_id)
    clock = loader.clock
    for story_seq, item_key, text, dimension, lead, supports, due, priority in data.DIRECTIVES:
        seq = story_seq + clock.main_seq_offset  # the number it gets in its fiscal year
        if (clock.fiscal_year, seq) in known:
            continue
        assignees = (
            loader.assignee(lead, AssignmentRole.LEAD),
            *(loader.assignee(s, AssignmentRole.SUPPORT) for s in supports),
        )
        detail = directives.create_directive(
            db,
            actor,
            directives.DirectiveInput(
                clock.text(text),
                clock.on(data.MEETING["date"]),
                assignees,
                meeting_id=meeting_id,
                agenda_item_id=items[item_key],
                issued_by_person_id=loader.people["P0"],
                dimension_id=dims[dimension],
                priority=Priority(priority),
                due_on=clock.on(due),
                seq=seq,
            ),
        )
        _add_reports(db, actor, loader, story_seq, detail.assignments[0].id, loader.people[lead])
    meetings.set_status(db, actor, meeting_id, MeetingStatus.MINUTES_DRAFTED)


def _add_reports(db: Database, actor: Actor, loader: _Loader, seq: int, assignment_id: int, reporter: int) -> None:
    clock = loader.clock
    for report_date, percent, result, problems, suggestions in data.REPORTS.get(seq, []):
        progress.add_progress(
            db,
            actor,
            progress.ProgressInput(
                assignment_id,
                clock.on(report_date),
                percent,
                clock.text(result),
                clock.text(problems) if problems else problems,
                clock.text(suggestions) if suggestions else suggestions,
                reporter_person_id=reporter,
            ),
        )
