"""The executives' dashboard (ภาพรวม): what is overdue, by whom, by dimension, by fiscal year.

Scope: `fiscal_year` is the directive's fiscal year (ขส. nnn/FY); `quarter` (needs a fiscal
year) keeps directives whose effective due date falls in that fiscal quarter, as in the
follow-up report; `series_id` keeps directives issued at meetings of that series.

On-time completion rate, per fiscal year and quarter of the *effective due date*
(extension included):
    due       = directives not cancelled whose effective due date is in the period and
                not after `today` (work not yet due is neither on time nor late);
    on time   = those done (closed, or a 100% report) with a completion date on or before
                the effective due date. The completion date is `closed_on` when closed,
                else the earliest 100% report date of any assignee;
    rate      = on time / due, or None when nothing was due.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.escalation import DEFAULT_THRESHOLDS, Escalation, escalate
from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import dashboard_sql as figures
from sbpac_desktop.services.directives.dashboard_sql import OverdueRow
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import DevelopmentDimension, Directive
from sbpac_desktop.thai import thai_sort_key

# Blocked-but-not-late work gets its own column so every open directive is counted somewhere.
MATRIX_KEYS = ("not_started", "in_progress", "blocked", "due_soon", "overdue", "done")
NO_ASSIGNEE = "ยังไม่มอบหมายผู้รับผิดชอบ"
NO_DIMENSION = "ไม่ระบุมิติการพัฒนา"


@dataclass(frozen=True)
class MatrixRow:
    label: str  # lead post / unit label, as DirectiveRow.lead_label
    counts: tuple[int, ...]  # in MATRIX_KEYS order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class DimensionCount:
    dimension_id: int | None
    name: str
    counts: tuple[int, ...]  # in STATUS_KEYS order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class OverdueLine:
    row: OverdueRow  # id, number, text, lead label (dashboard_sql): not a whole tracker row
    days_late: int
    escalation: Escalation


@dataclass(frozen=True)
class CompletionRate:
    fiscal_year: int
    quarter: int | None  # None: the whole fiscal year
    due: int
    on_time: int

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class DashboardView:
    as_of: date
    fiscal_year: int | None
    quarter: int | None
    series_id: int | None
    total: int
    status_counts: tuple[tuple[str, int], ...]  # (key, count) in STATUS_KEYS order
    matrix_keys: tuple[str, ...]
    matrix: tuple[MatrixRow, ...]
    dimensions: tuple[DimensionCount, ...]
    overdue: tuple[OverdueLine, ...]  # most days late first
    completion: tuple[CompletionRate, ...]  # per FY (quarter None) then its quarters, newest FY first
    fiscal_years: tuple[int, ...]  # every fiscal year that has directives (for the filter)
    place_id: int | None = None  # the province or district the figures are narrowed to

    def count(self, key: str) -> int:
        return dict(self.status_counts).get(key, 0)


def _validate(fiscal_year_be: int | None, quarter: int | None) -> None:
    if quarter is not None and (fiscal_year_be is None or quarter not in (1, 2, 3, 4)):
        raise ValidationError.single(
            "quarter", "ไตรมาสต้องเป็น 1 ถึง 4 และต้องระบุปีงบประมาณด้วย", "Quarter must be 1-4 and needs a fiscal year"
        )


def dashboard(
    db: Database,
    actor: Actor,
    fiscal_year: int | None = None,
    quarter: int | None = None,
    series_id: int | None = None,
    today: date | None = None,
    thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS,
    place_id: int | None = None,  # a province or district: only directives tied to places in it
) -> DashboardView:
    require(actor, READ_DATA, "ดูข้อมูล")
    _validate(fiscal_year, quarter)
    today = today or date.today()
    scope = figures.Scope(fiscal_year, quarter, series_id, place_id)
    with db.unit_of_work() as session:
        where = figures.conditions(session, scope, today)
        tallies = figures.tallies(session, where, today)
        due, on_time = figures.completion_by_quarter(session, where, today)
        late = figures.overdue_rows(session, where, today)
        dimension_names = {d.id: (d.sort_order, d.name) for d in session.scalars(select(DevelopmentDimension))}
        years = tuple(sorted(set(session.scalars(select(Directive.fiscal_year).distinct())), reverse=True))
    counts = tallies.by_status()
    return DashboardView(
        as_of=today,
        fiscal_year=fiscal_year,
        quarter=quarter,
        series_id=series_id,
        total=sum(counts.values()),
        status_counts=tuple((key, counts[key]) for key in STATUS_KEYS),
        matrix_keys=MATRIX_KEYS,
        matrix=_matrix_of(tallies.by_lead()),
        dimensions=_dimensions_of(tallies.by_dimension(), dimension_names),
        overdue=tuple(OverdueLine(r, r.days_late(today), escalate(r.days_late(today), thresholds)) for r in late),
        completion=_rates(due, on_time),
        fiscal_years=years,
        place_id=place_id,
    )


def _matrix_of(by_lead: dict[str | None, Counter[str]]) -> tuple[MatrixRow, ...]:
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for lead, counts in by_lead.items():
        for key in MATRIX_KEYS:
            if counts[key]:
                tally[lead or NO_ASSIGNEE][key] += counts[key]
    return tuple(
        MatrixRow(label, tuple(tally[label][key] for key in MATRIX_KEYS)) for label in sorted(tally, key=thai_sort_key)
    )


def _dimensions_of(
    tally: dict[int | None, Counter[str]], names: dict[int, tuple[int, str]]
) -> tuple[DimensionCount, ...]:
    def order(dimension_id: int | None) -> tuple[int, int, str]:
        if dimension_id is None or dimension_id not in names:
            return (1, 0, "")
        return (0, names[dimension_id][0], names[dimension_id][1])

    return tuple(
        DimensionCount(
            dim_id,
            names[dim_id][1] if dim_id in names else NO_DIMENSION,
            tuple(tally[dim_id][key] for key in STATUS_KEYS),
        )
        for dim_id in sorted(tally, key=order)
    )


def _rates(due: Counter[tuple[int, int]], on_time: Counter[tuple[int, int]]) -> tuple[CompletionRate, ...]:
    rates: list[CompletionRate] = []
    for year in sorted({y for y, _q in due}, reverse=True):
        quarters = [q for q in (1, 2, 3, 4) if (year, q) in due]
        rates.append(
            CompletionRate(year, None, sum(due[(year, q)] for q in quarters), sum(on_time[(year, q)] for q in quarters))
        )
        rates += [CompletionRate(year, q, due[(year, q)], on_time[(year, q)]) for q in quarters]
    return tuple(rates)
