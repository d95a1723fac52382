"""Load the demo data set through the same services a clerk uses. Idempotent: every
record is looked up by its natural key first, so running it twice adds nothing and a
run that was interrupted is completed by the next one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

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
from sbpac_desktop.services import agenda, attendance, directives, lookups, meetings, org, progress
from sbpac_desktop.services import demo_data as data
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.database import Database


@dataclass(frozen=True)
class DemoResult:
    created: bool
    meeting_id: int
    previous_meeting_id: int
    directive_count: int


class _Loader:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db, self.actor = db, actor
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
                    self.db, self.actor, org.IncumbencyInput(people[(first, last)], posts[code], data.POSTS_FROM)
                )
            self.people[key], self.posts[key] = people[(first, last)], posts[code]

    def meeting(self, spec: dict, series_id: int) -> int:  # type: ignore[type-arg]
        for found in meetings.list_meetings(self.db, self.actor, series_id):
            if found.meeting_date == spec["date"] and found.number == spec["number"]:
                return found.id
        return meetings.create_meeting(
            self.db,
            self.actor,
            meetings.MeetingInput(
                series_id=series_id,
                title=spec["title"],
                meeting_date=spec["date"],
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
                        title,
                        presenter_person_id=self.people[presenter],
                        discussion=discussion,
                        resolution=resolution,
                    ),
                ).id
        return items

    def assignee(self, key: str, role: AssignmentRole) -> directives.AssignmentInput:
        if key == "KPP":
            return directives.AssignmentInput(org_unit_id=self.units[data.KPP], role=role)
        return directives.AssignmentInput(position_id=self.posts[key], role=role)


def load_demo(db: Database, actor: Actor) -> DemoResult:
    loader = _Loader(db, actor)
    loader.units_and_people()
    dims = {d.name: d.id for d in lookups.ensure_seed_dimensions(db, actor)}
    series = next((s for s in meetings.list_series(db, actor) if s.name == data.SERIES), None)
    series_id = series.id if series else meetings.create_series(db, actor, data.SERIES, AgendaTemplate.STANDARD_5).id
    known = {(d.fiscal_year, d.seq) for d in directives.list_directives(db, actor)}
    created = (2563, len(data.DIRECTIVES)) not in known
    previous_id = loader.meeting(data.PREVIOUS, series_id)
    meeting_id = loader.meeting(data.MEETING, series_id)
    if created:
        _fill_previous(db, actor, loader, previous_id, dims, known)
        _fill_main(db, actor, loader, meeting_id, dims, known)
    return DemoResult(created, meeting_id, previous_id, len(directives.list_directives(db, actor)))


def _fill_previous(
    db: Database, actor: Actor, loader: _Loader, meeting_id: int, dims: dict[str, int], known: set[tuple[int, int]]
) -> None:
    loader.attendance(meeting_id)
    text, dimension, lead, due = data.PREVIOUS_DIRECTIVE
    if (2562, 1) not in known:
        issued = data.PREVIOUS["date"]
        detail = directives.create_directive(
            db,
            actor,
            directives.DirectiveInput(
                text,
                issued,
                (loader.assignee(lead, AssignmentRole.LEAD),),
                meeting_id=meeting_id,
                issued_by_person_id=loader.people["P0"],
                dimension_id=dims[dimension],
                due_on=due,
                seq=1,
            ),
        )
        progress.add_progress(
            db, actor, progress.ProgressInput(detail.assignments[0].id, due, 100, "ทุกหน่วยส่งข้อมูลพื้นฐานระดับตำบลครบแล้ว")
        )
    meetings.set_status(db, actor, meeting_id, MeetingStatus.MINUTES_CERTIFIED)


def _fill_main(
    db: Database, actor: Actor, loader: _Loader, meeting_id: int, dims: dict[str, int], known: set[tuple[int, int]]
) -> None:
    loader.attendance(meeting_id)
    items = loader.agenda(meeting_id)
    for seq, item_key, text, dimension, lead, supports, due, priority in data.DIRECTIVES:
        if (2563, seq) in known:
            continue
        assignees = (
            loader.assignee(lead, AssignmentRole.LEAD),
            *(loader.assignee(s, AssignmentRole.SUPPORT) for s in supports),
        )
        detail = directives.create_directive(
            db,
            actor,
            directives.DirectiveInput(
                text,
                data.MEETING["date"],
                assignees,
                meeting_id=meeting_id,
                agenda_item_id=items[item_key],
                issued_by_person_id=loader.people["P0"],
                dimension_id=dims[dimension],
                priority=Priority(priority),
                due_on=due,
                seq=seq,
            ),
        )
        for report_date, percent, result, problems, suggestions in data.REPORTS.get(seq, []):
            progress.add_progress(
                db,
                actor,
                progress.ProgressInput(
                    detail.assignments[0].id,
                    report_date,
                    percent,
                    result,
                    problems,
                    suggestions,
                    reporter_person_id=loader.people[lead],
                ),
            )
    meetings.set_status(db, actor, meeting_id, MeetingStatus.MINUTES_DRAFTED)
