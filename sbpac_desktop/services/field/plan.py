"""The integrated plan (แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้): plans, projects, indicators.

The secretariat (admin, secretary: permissions.EDIT_PLAN) keeps the plan of each fiscal year:
projects under a development dimension, each owned by a post (its agency is the post's unit),
with the budget allocated by quarter, its places and linked directives, and its indicators
(unit, baseline, target, direction). Officers enter the quarters' actuals and disbursements of
their own projects (services/field/plan_actuals.py); everyone reads (services/field/plan_views.py).
Every write is validated with Thai messages, refused whole on any problem, and audited.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.plan import IndicatorRule, budget_problems, indicator_problems
from sbpac_desktop.domain.validation import Checker, enforce
from sbpac_desktop.services.audit_trail import add_row, audit, erase_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_PLAN, require
from sbpac_desktop.services.places import checked_place_ids
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import DevelopmentDimension, Directive, Position
from sbpac_desktop.store.models_plan import (
    IntegratedPlan,
    PlanBudget,
    PlanIndicator,
    PlanProject,
    PlanProjectDirective,
    PlanProjectPlace,
)
from sbpac_desktop.thai.normalize import clean, clean_required

PLAN_TH = "แผนบูรณาการ"
PROJECT_TH = "โครงการ"
INDICATOR_TH = "ตัวชี้วัด"
UNIT_LIMIT = 60
NAME_LIMIT = 1000
MAX_SATANG = 10**15  # a trillion baht: beyond any project, and inside BIGINT


def default_title(fiscal_year: int) -> str:
    return f"แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ ประจำปีงบประมาณ พ.ศ. {fiscal_year}"


@dataclass(frozen=True)
class ProjectInput:
    name: str
    dimension_id: int
    owner_position_id: int
    allocated: tuple[int, int, int, int] = (0, 0, 0, 0)  # satang, ไตรมาส 1..4
    place_ids: tuple[int, ...] = ()
    directive_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    unit: str
    target: float
    baseline: float | None = None
    direction: str = "higher"
    cumulative: bool = True
    stated: tuple[float | None, float | None, float | None] = (None, None, None)

    @property
    def rule(self) -> IndicatorRule:
        return IndicatorRule(self.target, self.baseline, self.direction, self.cumulative, self.stated)


# --- plans -----------------------------------------------------------------------------------------
def check_fiscal_year(check: Checker, fiscal_year: int) -> None:
    if not 2500 <= fiscal_year <= 2700:
        check.add("fiscal_year", f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2563 (ได้รับ {fiscal_year})", "Fiscal year must be BE")


def find_plan(session: Session, fiscal_year: int) -> IntegratedPlan | None:
    return session.scalar(select(IntegratedPlan).where(IntegratedPlan.fiscal_year == fiscal_year))


def ensure_plan_row(session: Session, actor: Actor, fiscal_year: int, title: str | None = None) -> IntegratedPlan:
    enforce(check_fiscal_year, fiscal_year)
    row = find_plan(session, fiscal_year)
    if row is None:
        row = IntegratedPlan(fiscal_year=fiscal_year, title=clean(title) or default_title(fiscal_year))
        add_row(session, actor, row)
    return row


def create_plan(db: Database, actor: Actor, fiscal_year: int, title: str | None = None) -> int:
    """The plan of `fiscal_year` (made if missing); returns its id."""
    require(actor, EDIT_PLAN, "จัดทำแผนบูรณาการ")
    with db.unit_of_work() as session:
        return ensure_plan_row(session, actor, fiscal_year, title).id


# --- projects --------------------------------------------------------------------------------------
def check_project(check: Checker, data: ProjectInput) -> None:
    """Field rules shared with the importer (no database)."""
    check.required("name", data.name, "ชื่อโครงการ", "Project name")
    check.max_length("name", clean(data.name), NAME_LIMIT, "ชื่อโครงการ")
    if len(data.allocated) != 4:
        check.add("allocated", "งบประมาณต้องแยกเป็น 4 ไตรมาส", "Allocation needs four quarters")
    elif any(a > MAX_SATANG for a in data.allocated):
        check.add("allocated", "งบประมาณที่ได้รับจัดสรรสูงเกินจริง", "Allocation is implausibly large")
    for field, message_th, message_en in budget_problems(list(data.allocated), []):
        check.add(field, message_th, message_en)


def _check_references(session: Session, data: ProjectInput) -> None:
    check = Checker()
    dimension = session.get(DevelopmentDimension, data.dimension_id)
    if dimension is None:
        check.add("dimension_id", f"ไม่พบมิติการพัฒนา (รหัส {data.dimension_id})", "Unknown dimension")
    elif not dimension.active:
        check.add("dimension_id", f"มิติการพัฒนา '{dimension.name}' ถูกปิดใช้งานแล้ว", "Dimension is inactive")
    if session.get(Position, data.owner_position_id) is None:
        check.add("owner_position_id", f"ไม่พบตำแหน่งเจ้าของโครงการ (รหัส {data.owner_position_id})", "Unknown post")
    known = set(session.scalars(select(Directive.id).where(Directive.id.in_(data.directive_ids))))
    for missing in sorted(set(data.directive_ids) - known):
        check.add("directive_ids", f"ไม่พบข้อสั่งการ (รหัส {missing})", "Unknown directive")
    check.raise_if_any()
    checked_place_ids(session, data.place_ids)


def _refuse_duplicate_project(session: Session, plan_id: int, name: str, own_id: int | None) -> None:
    other = session.scalar(select(PlanProject.id).where(PlanProject.plan_id == plan_id, PlanProject.name == name))
    if other is not None and other != own_id:
        raise ValidationError.single("name", f"มีโครงการชื่อ '{name}' ในแผนนี้อยู่แล้ว", "Project already in the plan")


def budget_rows(session: Session, project_id: int) -> dict[int, PlanBudget]:
    rows = session.scalars(select(PlanBudget).where(PlanBudget.project_id == project_id))
    return {r.quarter: r for r in rows}


def _fill_project(session: Session, row: PlanProject, data: ProjectInput) -> None:
    row.name, row.dimension_id, row.owner_position_id = (
        clean_required(data.name),
        data.dimension_id,
        data.owner_position_id,
    )
    session.add(row)
    session.flush()
    budgets = budget_rows(session, row.id)
    disbursed = [budgets[q].disbursed_satang if q in budgets else 0 for q in (1, 2, 3, 4)]
    problems = budget_problems(list(data.allocated), disbursed)
    if problems:
        raise ValidationError.single(*problems[0])
    for quarter, allocated in enumerate(data.allocated, start=1):
        budget = budgets.get(quarter) or PlanBudget(project_id=row.id, quarter=quarter, disbursed_satang=0)
        budget.allocated_satang = allocated
        session.add(budget)
    session.execute(delete(PlanProjectPlace).where(PlanProjectPlace.project_id == row.id))
    session.execute(delete(PlanProjectDirective).where(PlanProjectDirective.project_id == row.id))
    session.add_all(PlanProjectPlace(project_id=row.id, place_id=p) for p in dict.fromkeys(data.place_ids))
    session.add_all(PlanProjectDirective(project_id=row.id, directive_id=d) for d in dict.fromkeys(data.directive_ids))


def insert_project(session: Session, actor: Actor, plan_id: int, data: ProjectInput) -> PlanProject:
    enforce(check_project, data)
    get_or_raise(session, IntegratedPlan, plan_id, PLAN_TH)
    _check_references(session, data)
    _refuse_duplicate_project(session, plan_id, clean_required(data.name), None)
    row = PlanProject(plan_id=plan_id)
    _fill_project(session, row, data)
    session.flush()
    audit(session, actor, "create", row)
    return row


def add_project(db: Database, actor: Actor, plan_id: int, data: ProjectInput) -> int:
    require(actor, EDIT_PLAN, "เพิ่มโครงการในแผนบูรณาการ")
    with db.unit_of_work() as session:
        return insert_project(session, actor, plan_id, data).id


def add_project_to_year(db: Database, actor: Actor, fiscal_year: int, data: ProjectInput) -> int:
    """The year's plan (made if missing) and the project in one transaction: a refused project
    leaves no empty plan and no audit entry behind."""
    require(actor, EDIT_PLAN, "เพิ่มโครงการในแผนบูรณาการ")
    enforce(check_project, data)
    with db.unit_of_work() as session:
        return insert_project(session, actor, ensure_plan_row(session, actor, fiscal_year).id, data).id


def update_project(db: Database, actor: Actor, project_id: int, expected_version: int, data: ProjectInput) -> None:
    require(actor, EDIT_PLAN, "แก้ไขโครงการในแผนบูรณาการ")
    enforce(check_project, data)
    with db.unit_of_work() as session:
        row = get_as_seen(session, PlanProject, project_id, expected_version, PROJECT_TH)
        _check_references(session, data)
        _refuse_duplicate_project(session, row.plan_id, clean_required(data.name), row.id)
        before = snapshot(row)
        _fill_project(session, row, data)
        audit(session, actor, "update", row, before)


def _remove(
    db: Database, actor: Actor, model: type[PlanProject | PlanIndicator], row_id: int, label_th: str, action_th: str
) -> None:
    """Erase a project or an indicator of the plan (the audit trail keeps the row)."""
    require(actor, EDIT_PLAN, action_th)
    with db.unit_of_work() as session:
        erase_row(session, actor, get_or_raise(session, model, row_id, label_th))


def remove_project(db: Database, actor: Actor, project_id: int) -> None:
    """With its budget, indicators and actuals (the plan changed; the audit trail keeps the row)."""
    _remove(db, actor, PlanProject, project_id, PROJECT_TH, "ลบโครงการออกจากแผนบูรณาการ")


# --- indicators ------------------------------------------------------------------------------------
def check_indicator(check: Checker, data: IndicatorInput) -> None:
    check.required("name", data.name, "ชื่อตัวชี้วัด", "Indicator name")
    check.max_length("name", clean(data.name), NAME_LIMIT, "ชื่อตัวชี้วัด")
    check.max_length("unit", clean(data.unit), UNIT_LIMIT, "หน่วยนับ")
    numbers = [data.target, data.baseline, *data.stated]
    if any(v is not None and not math.isfinite(v) for v in numbers):
        check.add("target", "ค่าเป้าหมายและค่าฐานต้องเป็นตัวเลข", "Targets must be finite numbers")
        return
    for field, message_th, message_en in indicator_problems(data.rule, data.unit):
        check.add(field, message_th, message_en)


def _refuse_duplicate_indicator(session: Session, project_id: int, name: str, own_id: int | None) -> None:
    query = select(PlanIndicator.id).where(PlanIndicator.project_id == project_id, PlanIndicator.name == name)
    other = session.scalar(query)
    if other is not None and other != own_id:
        raise ValidationError.single("name", f"โครงการนี้มีตัวชี้วัด '{name}' อยู่แล้ว", "Indicator already exists")


def _fill_indicator(row: PlanIndicator, data: IndicatorInput) -> None:
    row.name, row.unit = clean_required(data.name), clean_required(data.unit)
    row.target, row.baseline, row.direction, row.cumulative = (
        data.target,
        data.baseline,
        data.direction,
        data.cumulative,
    )
    row.target_q1, row.target_q2, row.target_q3 = data.stated


def insert_indicator(session: Session, actor: Actor, project_id: int, data: IndicatorInput) -> PlanIndicator:
    enforce(check_indicator, data)
    get_or_raise(session, PlanProject, project_id, PROJECT_TH)
    _refuse_duplicate_indicator(session, project_id, clean_required(data.name), None)
    row = PlanIndicator(project_id=project_id)
    _fill_indicator(row, data)
    add_row(session, actor, row)
    return row


def add_indicator(db: Database, actor: Actor, project_id: int, data: IndicatorInput) -> int:
    require(actor, EDIT_PLAN, "เพิ่มตัวชี้วัด")
    with db.unit_of_work() as session:
        return insert_indicator(session, actor, project_id, data).id


def update_indicator(
    db: Database, actor: Actor, indicator_id: int, expected_version: int, data: IndicatorInput
) -> None:
    require(actor, EDIT_PLAN, "แก้ไขตัวชี้วัด")
    enforce(check_indicator, data)
    with db.unit_of_work() as session:
        row = get_as_seen(session, PlanIndicator, indicator_id, expected_version, INDICATOR_TH)
        _refuse_duplicate_indicator(session, row.project_id, clean_required(data.name), row.id)
        before = snapshot(row)
        _fill_indicator(row, data)
        audit(session, actor, "update", row, before)


def remove_indicator(db: Database, actor: Actor, indicator_id: int) -> None:
    _remove(db, actor, PlanIndicator, indicator_id, INDICATOR_TH, "ลบตัวชี้วัด")
