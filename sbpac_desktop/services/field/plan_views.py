"""Reading the integrated plan: the tree (plan -> dimension -> project -> indicators) and the M&E
summary of a quarter per dimension and per agency (indicators on track / behind / not reported,
budget disbursed vs plan, the linked directives' derived status). Every role reads.

The whole plan of a year is read in a handful of queries (one per table, ids in chunks), so the
summary and the report cost the same for twelve projects as for thousands.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.domain.plan import (
    NO_BUDGET,
    BudgetProgress,
    IndicatorRule,
    IndicatorState,
    achieved_at,
    budget_at,
    expected_at,
    indicator_state,
)
from sbpac_desktop.domain.status import derive_status
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import id_chunks
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.base import Base
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import DevelopmentDimension, Directive, OrgUnit, Position
from sbpac_desktop.store.models_field import Place
from sbpac_desktop.store.models_plan import (
    IntegratedPlan,
    PlanActual,
    PlanBudget,
    PlanIndicator,
    PlanProject,
    PlanProjectDirective,
    PlanProjectPlace,
)

NO_AGENCY_TH = "ไม่ระบุหน่วยงาน"


RowT = TypeVar("RowT", bound=Base)

@dataclass(frozen=True)
class PlanSummaryRow:
    id: int
    fiscal_year: int
    title: str


@dataclass(frozen=True)
class IndicatorView:
    id: int
    version: int
    project_id: int
    name: str
    unit: str
    baseline: float | None
    target: float
    direction: str
    cumulative: bool
    stated: tuple[float | None, float | None, float | None]
    actuals: dict[int, float]
    notes: dict[int, str]

    @property
    def rule(self) -> IndicatorRule:
        return IndicatorRule(self.target, self.baseline, self.direction, self.cumulative, self.stated)

    def state_at(self, quarter: int) -> IndicatorState:
        return indicator_state(self.rule, self.actuals, quarter)

    def achieved_at(self, quarter: int) -> float | None:
        return achieved_at(self.rule, self.actuals, quarter)

    def expected_at(self, quarter: int) -> float:
        return expected_at(self.rule, quarter)


@dataclass(frozen=True)
class LinkedDirective:
    id: int
    number: str
    text: str
    status_key: str
    status_label: str


@dataclass(frozen=True)
class ProjectView:
    id: int
    version: int
    name: str
    dimension_id: int
    dimension_name: str
    owner_position_id: int
    owner_label: str
    agency_name: str
    allocated: tuple[int, ...]  # satang, ไตรมาส 1..4
    disbursed: tuple[int, ...]
    places: tuple[tuple[int, str], ...]
    directives: tuple[LinkedDirective, ...]
    indicators: tuple[IndicatorView, ...]

    def budget_at(self, quarter: int) -> BudgetProgress:
        return budget_at(self.allocated, self.disbursed, quarter)


@dataclass(frozen=True)
class PlanTree:
    id: int
    version: int
    fiscal_year: int
    title: str
    dimensions: tuple[tuple[int, str], ...]  # (id, name) in the office's order, those with projects
    projects: tuple[ProjectView, ...]

    def projects_of(self, dimension_id: int) -> list[ProjectView]:
        return [p for p in self.projects if p.dimension_id == dimension_id]


@dataclass
class GroupSummary:
    """One line of the M&E summary (a dimension or an agency: the org unit of the projects' owning posts)."""

    label: str
    projects: int = 0
    states: Counter[str] = field(default_factory=Counter)
    budget: BudgetProgress = NO_BUDGET
    directive_states: Counter[str] = field(default_factory=Counter)  # distinct linked directives by derived status
    owners: list[str] = field(default_factory=list)  # the owning posts' labels, first seen first

    @property
    def indicators(self) -> int:
        return sum(self.states.values())

    def count(self, state: IndicatorState) -> int:
        return self.states[state]


@dataclass(frozen=True)
class PlanSummary:
    fiscal_year: int
    quarter: int
    by_dimension: tuple[GroupSummary, ...]
    by_agency: tuple[GroupSummary, ...]
    total: GroupSummary


def list_plans(db: Database, actor: Actor) -> list[PlanSummaryRow]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        rows = session.scalars(select(IntegratedPlan).order_by(IntegratedPlan.fiscal_year.desc()))
        return [PlanSummaryRow(r.id, r.fiscal_year, r.title) for r in rows]


def plan_tree(
    db: Database, actor: Actor, fiscal_year: int, today: date | None = None, *, place_id: int | None = None
) -> PlanTree | None:
    """None when the year has no plan yet. `place_id`: only the projects tied to that place or to a
    place under it (a province's districts and tambons, a district's tambons) — the dashboard's filter;
    a project tied to no place is then left out, and so is one tied only to a place above it."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        plan = session.scalar(select(IntegratedPlan).where(IntegratedPlan.fiscal_year == fiscal_year))
        if plan is None:
            return None
        projects = _projects(session, plan.id, today or date.today(), place_id)
        order = session.execute(
            select(DevelopmentDimension.id, DevelopmentDimension.name).order_by(
                DevelopmentDimension.sort_order, DevelopmentDimension.id
            )
        ).all()
        used = {p.dimension_id for p in projects}
        dims = tuple((i, n) for i, n in order if i in used)
        return PlanTree(plan.id, plan.version, plan.fiscal_year, plan.title, dims, tuple(projects))


def _grouped(
    session: Session, model: type[RowT], column: InstrumentedAttribute[int], ids: list[int]
) -> dict[int, list[RowT]]:
    found: dict[int, list[RowT]] = defaultdict(list)
    for chunk in id_chunks(ids):
        for row in session.scalars(select(model).where(column.in_(chunk)).order_by(*inspect(model).primary_key)):
            found[getattr(row, column.key)].append(row)
    return found


def _projects(session: Session, plan_id: int, today: date, place_id: int | None = None) -> list[ProjectView]:
    query = (
        select(PlanProject, DevelopmentDimension.name, Position, OrgUnit.name)
        .join(DevelopmentDimension, DevelopmentDimension.id == PlanProject.dimension_id)
        .join(Position, Position.id == PlanProject.owner_position_id)
        .outerjoin(OrgUnit, OrgUnit.id == Position.org_unit_id)
        .where(PlanProject.plan_id == plan_id)
        .order_by(DevelopmentDimension.sort_order, DevelopmentDimension.id, PlanProject.id)
    )
    if place_id is not None:
        from sbpac_desktop.services.places import place_and_descendants

        tied = select(PlanProjectPlace.project_id).where(PlanProjectPlace.place_id.in_(place_and_descendants(place_id)))
        query = query.where(PlanProject.id.in_(tied))
    rows = session.execute(query).all()
    ids = [r[0].id for r in rows]
    budgets = _grouped(session, PlanBudget, PlanBudget.project_id, ids)
    indicators = _indicators(session, ids)
    places = _places(session, ids)
    directives = _directives(session, ids, today)
    views = []
    for project, dimension_name, position, agency in rows:
        by_quarter = {b.quarter: b for b in budgets.get(project.id, [])}
        views.append(
            ProjectView(
                project.id, project.version, project.name, project.dimension_id, dimension_name,
                position.id, position.short_code or position.title, agency or NO_AGENCY_TH,
                tuple(by_quarter[q].allocated_satang if q in by_quarter else 0 for q in (1, 2, 3, 4)),
                tuple(by_quarter[q].disbursed_satang if q in by_quarter else 0 for q in (1, 2, 3, 4)),
                tuple(places.get(project.id, [])), tuple(directives.get(project.id, [])),
                tuple(indicators.get(project.id, [])),
            )
        )  # fmt: skip
    return views


def _indicators(session: Session, project_ids: list[int]) -> dict[int, list[IndicatorView]]:
    rows = _grouped(session, PlanIndicator, PlanIndicator.project_id, project_ids)
    actuals = _grouped(session, PlanActual, PlanActual.indicator_id, [i.id for v in rows.values() for i in v])
    found: dict[int, list[IndicatorView]] = {}
    for project_id, indicators in rows.items():
        found[project_id] = [
            IndicatorView(
                i.id, i.version, i.project_id, i.name, i.unit, i.baseline, i.target, i.direction, i.cumulative,
                (i.target_q1, i.target_q2, i.target_q3),
                {a.quarter: a.value for a in actuals.get(i.id, [])},
                {a.quarter: a.note for a in actuals.get(i.id, []) if a.note},
            )
            for i in indicators
        ]  # fmt: skip
    return found


def _places(session: Session, project_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    from sbpac_desktop.services.places import _views as place_views

    links = _grouped(session, PlanProjectPlace, PlanProjectPlace.project_id, project_ids)
    place_ids = {link.place_id for v in links.values() for link in v}
    labels = {p.id: p.label for p in place_views(session, [Place.id.in_(place_ids)])} if place_ids else {}
    return {pid: [(link.place_id, labels.get(link.place_id, "-")) for link in v] for pid, v in links.items()}


def _directives(session: Session, project_ids: list[int], today: date) -> dict[int, list[LinkedDirective]]:
    links = _grouped(session, PlanProjectDirective, PlanProjectDirective.project_id, project_ids)
    ids = sorted({link.directive_id for v in links.values() for link in v})
    found: dict[int, LinkedDirective] = {}
    for chunk in id_chunks(ids):
        for d in session.scalars(select(Directive).where(Directive.id.in_(chunk))):
            status = derive_status(
                DirectiveState(d.state), d.latest_percent, d.effective_due_on, today, d.blocked_reason
            )
            number = directive_number_text(d.seq, d.fiscal_year, thai_digits=False)
            found[d.id] = LinkedDirective(d.id, number, d.text, status.key, status.label)
    return {pid: [found[link.directive_id] for link in v if link.directive_id in found] for pid, v in links.items()}


def summarize(tree: PlanTree, quarter: int) -> PlanSummary:
    """Pure over the tree: the same figures for the window, the report and the CLI."""
    by_dimension = _group(tree.projects, quarter, lambda p: p.dimension_name)
    by_agency = _group(tree.projects, quarter, lambda p: p.agency_name)
    total = _group(tree.projects, quarter, lambda p: "รวมทั้งแผน")
    dim_order = {name: i for i, (_id, name) in enumerate(tree.dimensions)}
    return PlanSummary(
        tree.fiscal_year,
        quarter,
        tuple(sorted(by_dimension, key=lambda g: dim_order.get(g.label, len(dim_order)))),
        tuple(sorted(by_agency, key=lambda g: g.label)),
        total[0] if total else GroupSummary("รวมทั้งแผน"),
    )


def _group(projects: Iterable[ProjectView], quarter: int, key: Callable[[ProjectView], str]) -> list[GroupSummary]:
    groups: dict[str, GroupSummary] = {}
    counted: dict[str, set[int]] = defaultdict(set)  # a directive linked to two projects of a group counts once
    for project in projects:
        label = key(project)
        group = groups.setdefault(label, GroupSummary(label))
        group.projects += 1
        group.budget = group.budget + project.budget_at(quarter)
        group.states.update(i.state_at(quarter) for i in project.indicators)
        if project.owner_label not in group.owners:
            group.owners.append(project.owner_label)
        for directive in project.directives:
            if directive.id not in counted[label]:
                counted[label].add(directive.id)
                group.directive_states[directive.status_key] += 1
    return list(groups.values())


def plan_summary(
    db: Database,
    actor: Actor,
    fiscal_year: int,
    quarter: int,
    today: date | None = None,
    *,
    place_id: int | None = None,
) -> PlanSummary:
    tree = plan_tree(db, actor, fiscal_year, today, place_id=place_id)
    if tree is None:
        return PlanSummary(fiscal_year, quarter, (), (), GroupSummary("รวมทั้งแผน"))
    return summarize(tree, quarter)
