"""The export's rows straight from SQL, as plain tuples (no DirectiveRow objects in between).

One SELECT reads every directive of the view with its meeting, dimension and the summary
columns store.directive_summary keeps (effective due date, latest percent and report
date); the text of that latest report comes from a correlated subquery that only looks
at the reports of that one date. A second SELECT reads the assignments (lead and
supporting units). The filters are tracker_sql's, used as a subquery, so a view of any
size needs no IN list. The values agree with services.directives.directive_views (lead's newest
report, else the newest of any assignee); tests compare the two.

Formatting repeats a lot (the same dates, statuses and labels on thousands of rows), so
each distinct value is formatted once and the columns are mapped through those tables (map
and zip run in C: calling a Python function per cell cost a third of the 100k export).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import repeat
from typing import Any

from sqlalchemy import ColumnClause, Select, String, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState, Priority
from sbpac_desktop.domain.numbering import directive_number_text, meeting_number_text
from sbpac_desktop.domain.status import derive_status, effective_due
from sbpac_desktop.services.directives import tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, _post_label
from sbpac_desktop.store.models import Assignment, DevelopmentDimension, Directive, Meeting, OrgUnit, Position
from sbpac_desktop.thai import apply_digits, medium_date

SUPPORT_SEPARATOR = "; "
LEAD = AssignmentRole.LEAD.value

# The result of the report the summary columns describe: of the reports dated
# latest_report_on, the lead's (first lead by id, else first assignment), else the newest id.
_LATEST_RESULT: ColumnClause[Any] = literal_column(
    "(SELECT pr.result FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
    "WHERE a.directive_id = directive.id AND pr.report_date = directive.latest_report_on "
    "ORDER BY CASE WHEN a.id = (SELECT l.id FROM assignment AS l WHERE l.directive_id = a.directive_id "
    "ORDER BY CASE WHEN l.role = 'lead' THEN 0 ELSE 1 END, l.id LIMIT 1) THEN 0 ELSE 1 END, pr.id DESC LIMIT 1)"
)


def _raw(column: Any) -> Any:
    """A date column as the driver gives it (SQLite: ISO text): each distinct value is turned
    into a `date` once in export_rows instead of once per row by SQLAlchemy's processor."""
    return type_coerce(column, String)


def _as_date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def _directives_query(ids: Select[Any]) -> Select[Any]:
    d = Directive
    return (
        select(
            d.id,
            d.fiscal_year,
            d.seq,
            d.text,
            Meeting.number,
            Meeting.be_year,
            DevelopmentDimension.name,
            d.priority,
            d.state,
            _raw(d.issued_on),
            _raw(d.due_on),
            _raw(d.extended_due_on),
            d.blocked_reason,
            d.latest_percent,
            _LATEST_RESULT,
            _raw(d.latest_report_on),
        )
        .outerjoin(Meeting, Meeting.id == d.meeting_id)
        .outerjoin(DevelopmentDimension, DevelopmentDimension.id == d.dimension_id)
        .where(d.id.in_(ids))
        .order_by(d.fiscal_year, d.seq)
    )


def _assignee_labels(session: Session) -> tuple[dict[int, tuple[str, str | None]], dict[int, str]]:
    """(label, parent agency) per post, and name per unit (small tables, read whole)."""
    units = {u.id: u.name for u in session.execute(select(OrgUnit.id, OrgUnit.name))}
    posts = {}
    for post_id, title, unit_id in session.execute(select(Position.id, Position.title, Position.org_unit_id)):
        agency = units.get(unit_id) if unit_id is not None else None
        posts[post_id] = (_post_label(title, agency), agency)
    return posts, units


def _assignees(session: Session, ids: Select[Any]) -> dict[int, tuple[str | None, str | None, str | None]]:
    """directive id -> (lead label, lead agency, supporting labels joined)."""
    posts, units = _assignee_labels(session)
    query = (
        select(Assignment.directive_id, Assignment.position_id, Assignment.org_unit_id, Assignment.role)
        .where(Assignment.directive_id.in_(ids))
        .order_by(Assignment.directive_id, Assignment.id)
    )
    grouped: dict[int, list[tuple[str, str | None, bool]]] = {}
    for directive_id, position_id, unit_id, role in session.connection().execute(query):
        if position_id is not None:
            label = posts[position_id]
        elif unit_id is not None:
            label = (units[unit_id], units[unit_id])
        else:  # the schema's CHECK makes every assignment name a post or a unit
            continue
        grouped.setdefault(directive_id, []).append((label[0], label[1], role == LEAD))
    found: dict[int, tuple[str | None, str | None, str | None]] = {}
    for directive_id, entries in grouped.items():
        lead = next((e for e in entries if e[2]), entries[0])
        others = SUPPORT_SEPARATOR.join(e[0] for e in entries if e is not lead) or None
        found[directive_id] = (lead[0], lead[1], others)
    return found


def export_rows(session: Session, filters: DirectiveFilter, today: date, thai: bool) -> Iterator[tuple[object, ...]]:
    """The rows of spreadsheets.export.HEADERS for every directive matching `filters`, by number."""
    ids = tracker_sql.filtered(session, filters, today)
    assignees = _assignees(session, ids)
    rows = session.connection().execute(_directives_query(ids)).all()
    if not rows:
        return iter(())
    (did, year, seq, body, m_number, m_year, dimension, prio, state, raw_issued, raw_due, raw_extended, blocked,
     percent, result, raw_reported) = zip(*rows, strict=True)  # fmt: skip
    as_date = {v: _as_date(v) for v in {*raw_issued, *raw_due, *raw_extended, *raw_reported}}
    issued, due, extended, reported = (
        tuple(map(as_date.__getitem__, raw)) for raw in (raw_issued, raw_due, raw_extended, raw_reported)
    )
    # Column at a time: each distinct value formatted once, then looked up with map() (C speed)
    be = {d: medium_date(d, thai_digits=thai) if d else None for d in {*issued, *due, *extended, *reported}}
    number = {key: directive_number_text(key[0], key[1], thai_digits=thai) for key in set(zip(seq, year, strict=True))}
    meeting = {
        key: apply_digits(meeting_number_text(key[0], key[1], thai_digits=False), thai) if key[0] is not None else None
        for key in set(zip(m_number, m_year, strict=True))
    }
    priority = {value: Priority(value).label for value in set(prio)}
    status_keys = list(zip(state, percent, map(effective_due, due, extended), blocked, strict=True))
    status = {
        key: apply_digits(derive_status(DirectiveState(key[0]), key[1], key[2], today, key[3]).label, thai)
        for key in set(status_keys)
    }
    lead, agency, supporting = zip(*map(assignees.get, did, repeat((None, None, None))), strict=True)
    return zip(
        map(number.__getitem__, zip(seq, year, strict=True)),
        body,
        map(meeting.__getitem__, zip(m_number, m_year, strict=True)),
        dimension,
        map(priority.__getitem__, prio),
        lead,
        agency,
        supporting,
        map(be.__getitem__, issued),
        map(be.__getitem__, due),
        map(be.__getitem__, extended),
        map(status.__getitem__, status_keys),
        percent,
        result,
        map(be.__getitem__, reported),
        issued,
        due,
        extended,
        reported,
        strict=True,
    )
