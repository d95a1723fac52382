"""Read side of directives: tracker rows and the detail view, with status derived on read.

Core statements over store.tables only: the same functions read inside a unit of work (a Session:
the tracker, the documents, the exports) and on a plain Connection (`list_directives`, which the
`directives --json` command runs without loading the ORM)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Integer, any_, func, literal, select

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState, Priority, ReportCycle
from sbpac_desktop.domain.numbering import directive_number_text, meeting_number_text
from sbpac_desktop.domain.status import DerivedStatus, derive_status, effective_due
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import person_names
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import (
    agenda_item,
    assignment,
    carryover_line,
    development_dimension,
    meeting,
    org_unit,
    position,
    progress_report,
)
from sbpac_desktop.store.tables import directive as directive_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sbpac_desktop.store.models import Directive
    from sbpac_desktop.store.reader import Reader

ID_CHUNK = 5_000
Label = tuple[str, str | None]  # an assignee as listed, and the agency it belongs to


@dataclass(frozen=True)
class DirectiveFilter:
    status: str | None = None  # one of domain.status.STATUS_KEYS
    fiscal_year: int | None = None
    assignee: str | None = None  # matches post title/code, unit name/short name or holder name
    meeting_id: int | None = None
    dimension_id: int | None = None
    text: str | None = None
    held_by_user: int | None = None  # "ข้อสั่งการของฉัน": assigned to a post this account's person holds
    place_id: int | None = None  # tied to this place or one under it (a province, district or tambon; issue #15)


@dataclass(frozen=True)
class AssignmentView:
    id: int
    version: int
    role: AssignmentRole
    position_id: int | None
    org_unit_id: int | None
    label: str  # post with its parent agency, or the unit name
    parent_agency: str | None


@dataclass(frozen=True)
class ProgressView:
    id: int
    version: int
    assignment_id: int
    assignee_label: str
    report_date: date
    period_text: str | None
    reporter_name: str | None
    percent: int
    result: str
    problems: str | None
    suggestions: str | None
    next_step: str | None


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    version: int
    fiscal_year: int
    seq: int
    text: str
    issued_on: date
    due_on: date | None
    extended_due_on: date | None
    priority: Priority
    state: DirectiveState
    dimension: str | None
    meeting_label: str | None  # "10/2562"
    lead_label: str | None
    lead_agency: str | None
    latest_percent: int | None
    latest_result: str | None
    status: DerivedStatus
    supporting: tuple[str, ...] = ()
    # the same newest report's notes, for the follow-up report (รายงานผลการติดตาม)
    latest_problems: str | None = None
    latest_suggestions: str | None = None
    latest_next_step: str | None = None

    def number_text(self, thai_digits: bool = True) -> str:
        return directive_number_text(self.seq, self.fiscal_year, thai_digits=thai_digits)

    @property
    def effective_due(self) -> date | None:
        return effective_due(self.due_on, self.extended_due_on)


@dataclass(frozen=True)
class DirectiveDetail:
    row: DirectiveRow
    meeting_id: int | None
    agenda_item_id: int | None
    issued_by_person_id: int | None
    issued_by_name: str | None
    dimension_id: int | None
    report_cycle: ReportCycle
    remarks: str | None
    closed_on: date | None
    assignments: tuple[AssignmentView, ...]
    reports: tuple[ProgressView, ...]  # newest first
    no_due_reason: str | None = None  # why it has no due date ("ไม่กำหนด"), when it has none


def _post_label(title: str, agency: str | None) -> str:
    """'ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)'; no repeat when the title already names the unit."""
    return f"{title} ({agency})" if agency and agency not in title else title


def id_chunks(ids: Iterable[int], size: int | None = None) -> Iterator[list[int]]:
    """Bound lists of ids: PostgreSQL takes at most 65,535 parameters per statement and some
    SQLite builds 32,766, so ten years of directives are fetched a chunk at a time."""
    size = size or ID_CHUNK
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def among(reader: Reader, column: ColumnElement[int], ids: list[int]) -> ColumnElement[bool]:
    """`column IN ids`; on PostgreSQL `column = ANY(ids)` with the ids as one array parameter: a
    page's hundreds of placeholders cost more to render and to parse than the query takes to run."""
    dialect = reader.dialect if isinstance(reader, Connection) else reader.get_bind().dialect
    if dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # not on SQLite's path: the CLI starts without it

        return column == any_(literal(ids, type_=postgresql.ARRAY(Integer)))
    return column.in_(ids)


R = progress_report.c
NOTE_COLUMNS = (R.percent, R.result, R.problems, R.suggestions, R.next_step)


def _latest_reports(session: Reader, assignment_ids: list[int]) -> dict[int, Any]:
    """Each assignment's newest report (by date, then id), read as plain rows. The database
    ranks them (a window function), so only one row per assignment crosses into Python."""
    latest: dict[int, Any] = {}
    rank = (
        func.row_number()
        .over(
            partition_by=R.assignment_id,
            order_by=(R.report_date.desc(), R.id.desc()),
        )
        .label("newest")
    )
    columns = (R.assignment_id, R.id, R.report_date)
    for chunk in id_chunks(assignment_ids):
        ranked = select(*columns, *NOTE_COLUMNS, rank).where(among(session, R.assignment_id, chunk)).subquery()
        for report in session.execute(select(ranked).where(ranked.c.newest == 1)).all():
            latest[report.assignment_id] = report
    return latest


def _lead_or_first(assignments: list[Any]) -> Any:
    leads = [a for a in assignments if a.role == AssignmentRole.LEAD.value]
    return (leads or assignments or [None])[0]


def _pick_latest(assignments: list[Any], latest: dict[int, Any]) -> Any:
    """The lead's newest report speaks for the directive; else the newest of any assignee."""
    lead = _lead_or_first(assignments)
    if lead is not None and lead.id in latest:
        return latest[lead.id]
    reports = [latest[a.id] for a in assignments if a.id in latest]
    return max(reports, key=lambda r: (r.report_date, r.id), default=None)


def list_directives(
    db: Database, actor: Actor, filters: DirectiveFilter | None = None, today: date | None = None
) -> list[DirectiveRow]:
    """The tracker's rows for `filters`, read on a Core connection: no ORM is loaded for a listing."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.connect() as connection:
        return build_rows(connection, filters or DirectiveFilter(), today or date.today())


def build_rows(session: Reader, filters: DirectiveFilter, today: date) -> list[DirectiveRow]:
    """Every directive matching `filters`, by number; filtering happens in SQL (tracker_sql)."""
    from sbpac_desktop.services.directives import tracker_sql  # it builds on this module's DTOs

    query = tracker_sql.filtered(session, filters, today).order_by(directive_table.c.fiscal_year, directive_table.c.seq)
    return rows_for_ids(session, list(settled(session).execute(query).scalars()), today)


def rows_for_ids(session: Reader, ids: list[int], today: date) -> list[DirectiveRow]:
    """Rows for `ids`, in that order (a tracker page, or a whole export)."""
    found: dict[int, Any] = {}
    by_id = directive_table.c.id
    for chunk in id_chunks(ids):
        query = select(directive_table).where(among(session, by_id, chunk))
        found.update((d.id, d) for d in settled(session).execute(query).all())
    rows = {row.id: row for row in rows_for_directives(session, [found[i] for i in ids if i in found], today)}
    return [rows[i] for i in ids if i in rows]


def _assignments_of(session: Reader, directives: Sequence[Any]) -> tuple[dict[int, list[Any]], dict[int, Label]]:
    """Each directive's assignments (by id), and each assignment's label: one query, the post and
    the units joined in SQL (not a query per table and a dictionary of every unit)."""
    by_directive: dict[int, list[Any]] = {d.id: [] for d in directives}
    labels: dict[int, Label] = {}
    a_, post_unit, own_unit = assignment.c, org_unit.alias("post_unit"), org_unit.alias("own_unit")
    columns = (a_.id, a_.directive_id, a_.position_id, a_.org_unit_id, a_.role, position.c.title,
               post_unit.c.name.label("agency"), own_unit.c.name.label("unit_name"))  # fmt: skip
    joined = (
        assignment.outerjoin(position, position.c.id == a_.position_id)
        .outerjoin(post_unit, post_unit.c.id == position.c.org_unit_id)
        .outerjoin(own_unit, own_unit.c.id == a_.org_unit_id)
    )
    for chunk in id_chunks(by_directive):
        query = select(*columns).select_from(joined).where(among(session, a_.directive_id, chunk)).order_by(a_.id)
        for a in settled(session).execute(query).all():  # one fetch, not a driver call per row
            by_directive[a.directive_id].append(a)
            if a.position_id is not None:
                labels[a.id] = (_post_label(a.title, a.agency), a.agency)
            else:
                labels[a.id] = (a.unit_name, a.unit_name)
    return by_directive, labels


def rows_for_directives(session: Reader, directives: Sequence[Any], today: date) -> list[DirectiveRow]:
    """`directives` are ORM objects or plain rows of the directive table (same attribute names)."""
    by_directive, labels = _assignments_of(session, directives)
    latest = _latest_reports(session, list(labels))
    dimension = development_dimension.c
    dimensions = {d.id: d.name for d in session.execute(select(dimension.id, dimension.name)).all()}
    m_ = meeting.c
    meetings = {
        m.id: meeting_number_text(m.number, m.be_year, thai_digits=False)
        for chunk in id_chunks(d.meeting_id for d in directives if d.meeting_id)
        for m in session.execute(select(m_.id, m_.number, m_.be_year).where(among(session, m_.id, chunk))).all()
    }
    rows = []
    for d in directives:
        assignments = by_directive[d.id]
        lead = _lead_or_first(assignments)
        report = _pick_latest(assignments, latest)
        percent = report.percent if report else None
        status = derive_status(
            DirectiveState(d.state),
            percent,
            effective_due(d.due_on, d.extended_due_on),
            today,
            getattr(d, "blocked_reason", None),
        )
        rows.append(
            DirectiveRow(
                d.id,
                d.version,
                d.fiscal_year,
                d.seq,
                d.text,
                d.issued_on,
                d.due_on,
                d.extended_due_on,
                Priority(d.priority),
                DirectiveState(d.state),
                dimensions.get(d.dimension_id or -1),
                meetings.get(d.meeting_id or -1),
                labels[lead.id][0] if lead else None,
                labels[lead.id][1] if lead else None,
                percent,
                report.result if report else None,
                status,
                tuple(labels[a.id][0] for a in assignments if a is not lead),
                latest_problems=report.problems if report else None,
                latest_suggestions=report.suggestions if report else None,
                latest_next_step=report.next_step if report else None,
            )
        )
    return rows


def build_detail(session: Session, directive: Directive, today: date) -> DirectiveDetail:
    session.flush()
    row = rows_for_directives(session, [directive], today)[0]
    assignments = list(directive.assignments)
    labels = _assignments_of(session, [directive])[1]
    views = tuple(
        AssignmentView(a.id, a.version, AssignmentRole(a.role), a.position_id, a.org_unit_id, *labels[a.id])
        for a in sorted(assignments, key=lambda a: (a.role != AssignmentRole.LEAD.value, a.id))
    )
    reports = session.execute(
        select(progress_report)
        .where(R.assignment_id.in_([a.id for a in assignments]))
        .order_by(R.report_date.desc(), R.id.desc())
    )
    people = person_names(session)
    progress = tuple(
        ProgressView(
            r.id,
            r.version,
            r.assignment_id,
            labels[r.assignment_id][0],
            r.report_date,
            r.period_text,
            people.get(r.reporter_person_id or -1),
            r.percent,
            r.result,
            r.problems,
            r.suggestions,
            r.next_step,
        )
        for r in reports
    )
    return DirectiveDetail(
        row,
        directive.meeting_id,
        directive.agenda_item_id,
        directive.issued_by_person_id,
        people.get(directive.issued_by_person_id or -1),
        directive.dimension_id,
        ReportCycle(directive.report_cycle),
        directive.remarks,
        directive.closed_on,
        views,
        progress,
        directive.no_due_reason,
    )


@dataclass(frozen=True)
class PresentedLine:
    """An accepted item-3 line (services/meetings/carryover.py) as it stands in the meeting's agenda now."""

    directive_id: int
    agenda_item_id: int
    number: str  # "3.1.2"
    title: str  # the line as the secretary accepted or later edited it


def presented_lines(session: Reader, meeting_id: int) -> tuple[PresentedLine, ...]:
    """The carry-over lines of a meeting, in agenda order (the agenda tab may have edited them)."""
    item = agenda_item.c
    query = (
        select(carryover_line.c.directive_id, item.id, item.number, item.title)
        .join(agenda_item, item.id == carryover_line.c.agenda_item_id)
        .where(carryover_line.c.meeting_id == meeting_id)
        .order_by(item.sort_key)
    )
    return tuple(PresentedLine(*line) for line in settled(session).execute(query))
