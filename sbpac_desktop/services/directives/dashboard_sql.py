"""The dashboard's figures as SQL aggregation (issue #15, 100k-scale): the database groups the
directives in scope by status, dimension and lead post, and by effective due date for the
on-time rate, so only a few hundred grouped rows cross into Python, never a row per directive.

The status is `status_sql.status_case`, the SQL form of the one rule in domain/status_rule.py (tests
compare it with `derive_status`); the lead is the lead assignment, else the first by id (directive_views); the
completion date is `closed_on`, else the earliest 100 % report of any assignee.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.services.directives import tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, _post_label
from sbpac_desktop.services.status_sql import status_case, status_filter
from sbpac_desktop.store.models import Assignment, Directive, Meeting, OrgUnit, Position, ProgressReport
from sbpac_desktop.thai import fiscal_quarter, fiscal_quarter_bounds
from sbpac_desktop.thai import fiscal_year as fiscal_year_of

D = Directive
LEAD = AssignmentRole.LEAD.value


@dataclass(frozen=True)
class Scope:
    fiscal_year: int | None = None
    quarter: int | None = None
    series_id: int | None = None
    place_id: int | None = None


@dataclass(frozen=True)
class Tallies:
    """(dimension id, lead label or None, status key) -> directives."""

    cells: dict[tuple[int | None, str | None, str], int]

    def by_status(self) -> Counter[str]:
        found: Counter[str] = Counter()
        for (_dimension, _lead, status), count in self.cells.items():
            found[status] += count
        return found

    def by_dimension(self) -> dict[int | None, Counter[str]]:
        found: dict[int | None, Counter[str]] = defaultdict(Counter)
        for (dimension, _lead, status), count in self.cells.items():
            found[dimension][status] += count
        return found

    def by_lead(self) -> dict[str | None, Counter[str]]:
        found: dict[str | None, Counter[str]] = defaultdict(Counter)
        for (_dimension, lead, status), count in self.cells.items():
            found[lead][status] += count
        return found


def conditions(session: Session, scope: Scope, today: date) -> list[ColumnElement[bool]]:
    """The directives in scope: the tracker's filters, the series' meetings, the quarter's due dates."""
    found = tracker_sql.conditions(
        session, DirectiveFilter(fiscal_year=scope.fiscal_year, place_id=scope.place_id), today
    )
    if scope.series_id is not None:
        found.append(D.meeting_id.in_(select(Meeting.id).where(Meeting.series_id == scope.series_id)))
    if scope.quarter is not None and scope.fiscal_year is not None:
        start, end = fiscal_quarter_bounds(scope.fiscal_year, scope.quarter)
        found.append(and_(D.effective_due_on >= start, D.effective_due_on <= end))
    return found


def _lead_id() -> Any:
    """The outer directive's lead assignment (the first lead by id), else its first assignment."""
    lead = aliased(Assignment)
    first_lead = select(func.min(lead.id)).where(lead.directive_id == D.id, lead.role == LEAD)
    first = select(func.min(lead.id)).where(lead.directive_id == D.id)
    return func.coalesce(first_lead.correlate(D).scalar_subquery(), first.correlate(D).scalar_subquery())


def tallies(session: Session, where: list[ColumnElement[bool]], today: date) -> Tallies:
    """One pass over the directives in scope, grouped by dimension, lead post or unit, status.

    Fast path: join each directive's lead assignment (role = lead). Exact whenever no directive
    has two leads (the services allow one; checked first); directives without a lead (the
    join finds none) are then counted again with the full rule (lead, else first assignment)."""
    status = status_case(today).label("status")
    lead = aliased(Assignment)
    columns = (D.dimension_id, lead.position_id, lead.org_unit_id, status, func.count().label("n"))
    groups: tuple[Any, ...] = (D.dimension_id, lead.position_id, lead.org_unit_id, literal_column("status"))
    several = select(Assignment.directive_id).where(Assignment.role == LEAD)
    if where:  # only the directives in scope
        several = several.where(Assignment.directive_id.in_(select(D.id).where(*where)))
    several = several.group_by(Assignment.directive_id).having(func.count() > 1).limit(1)
    if session.execute(several).first() is not None:
        exact = select(*columns).select_from(D).outerjoin(lead, lead.id == _lead_id())
        grouped = session.execute(exact.where(*where).group_by(*groups)).all()
    else:
        fast = select(*columns).select_from(D).outerjoin(lead, and_(lead.directive_id == D.id, lead.role == LEAD))
        grouped = session.execute(fast.where(*where).group_by(*groups)).all()
        if any(post is None and unit is None for _d, post, unit, _s, _n in grouped):
            grouped = [g for g in grouped if g[1] is not None or g[2] is not None]
            leaderless = D.id.not_in(select(Assignment.directive_id).where(Assignment.role == LEAD))
            exact = select(*columns).select_from(D).outerjoin(lead, lead.id == _lead_id())
            grouped += session.execute(exact.where(*where, leaderless).group_by(*groups)).all()
    labels = _labels(session)
    cells: Counter[tuple[int | None, str | None, str]] = Counter()
    for dimension, position, unit, key, count in grouped:
        label = labels[("position", position)] if position is not None else labels.get(("unit", unit))
        cells[(dimension, label, key)] += count
    return Tallies(dict(cells))


def _labels(session: Session) -> dict[tuple[str, int | None], str]:
    """Post label with its agency (as DirectiveRow.lead_label), or the unit's name."""
    units = {u.id: u.name for u in session.execute(select(OrgUnit.id, OrgUnit.name))}
    labels: dict[tuple[str, int | None], str] = {("unit", i): name for i, name in units.items()}
    for post_id, title, unit_id in session.execute(select(Position.id, Position.title, Position.org_unit_id)):
        labels[("position", post_id)] = _post_label(title, units.get(unit_id))
    return labels


def completion_by_quarter(
    session: Session, where: list[ColumnElement[bool]], today: date
) -> tuple[Counter[tuple[int, int]], Counter[tuple[int, int]]]:
    """(due, on time) per (fiscal year, quarter) of the effective due date, up to `today`."""
    report = aliased(ProgressReport)
    holder = aliased(Assignment)
    full_by_deadline = (
        select(report.id)
        .join(holder, holder.id == report.assignment_id)
        .where(holder.directive_id == D.id, report.percent == 100, report.report_date <= D.effective_due_on)
        .correlate(D)
        .exists()
    )
    # Done (closed, or the latest report at 100 %) and finished by the deadline: closed_on when
    # set; else the latest report, when it is the 100 % one and on time, settles it without a
    # look at the others; else any 100 % report on or before the deadline.
    done = or_(D.state == DirectiveState.CLOSED.value, func.coalesce(D.latest_percent, 0) == 100)
    on_time = case(
        (~done, 0),
        (D.closed_on.is_not(None), case((D.closed_on <= D.effective_due_on, 1), else_=0)),
        (and_(D.latest_percent == 100, D.latest_report_on <= D.effective_due_on), 1),
        (full_by_deadline, 1),
        else_=0,
    )
    query = (
        select(D.effective_due_on, func.count(), func.sum(on_time))
        .where(*where, D.state != DirectiveState.CANCELLED.value, D.effective_due_on <= today)
        .group_by(D.effective_due_on)
    )
    due: Counter[tuple[int, int]] = Counter()
    timely: Counter[tuple[int, int]] = Counter()
    for deadline, count, in_time in session.execute(query):
        period = (fiscal_year_of(deadline), fiscal_quarter(deadline))
        due[period] += count
        timely[period] += int(in_time or 0)
    return due, timely


@dataclass(frozen=True)
class OverdueRow:
    """What the dashboard shows of an overdue directive (its number, text and lead)."""

    id: int
    fiscal_year: int
    seq: int
    text: str
    lead_label: str | None
    effective_due: date

    def number_text(self, thai_digits: bool = True) -> str:
        return directive_number_text(self.seq, self.fiscal_year, thai_digits=thai_digits)

    def days_late(self, today: date) -> int:
        return (today - self.effective_due).days


def overdue_rows(session: Session, where: list[ColumnElement[bool]], today: date) -> list[OverdueRow]:
    """The overdue directives in scope, most days late first, then by number."""
    lead = aliased(Assignment)
    query = (
        select(D.id, D.fiscal_year, D.seq, D.text, D.effective_due_on, lead.position_id, lead.org_unit_id)
        .select_from(D)
        .outerjoin(lead, lead.id == _lead_id())
        .where(*where, status_filter("overdue", today))
        .order_by(D.effective_due_on, D.fiscal_year, D.seq)
    )
    labels = _labels(session)
    return [
        OverdueRow(
            d_id, year, seq, text, labels[("position", post)] if post is not None else labels.get(("unit", unit)), due
        )
        for d_id, year, seq, text, due, post, unit in session.execute(query)
        if due is not None  # always: the overdue filter needs a due date
    ]
