"""Quarterly M&E entry: the actuals of indicators and the disbursement of a project's budget.

Who: admin and secretary for every project; an officer only for projects whose owner post they
hold today (permissions.require_post_holder; on PostgreSQL the server checks the same rule,
store/pg_plan_roles.py); viewers never. When: only for a quarter that has begun (the fiscal
quarter's first day is on or before today) — a figure for a quarter still to come is a typing
mistake. What: a finite number; a cumulative indicator's actual (what the quarter added) is not
negative. An empty value removes the quarter's actual (it was entered by mistake). The whole
batch of the entry screen is one transaction: one refused line keeps every line unwritten.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.plan import QUARTERS, budget_problems
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, erase_row, snapshot
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.plan import INDICATOR_TH, MAX_SATANG, PROJECT_TH, budget_rows
from sbpac_desktop.services.permissions import require_post_holder
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models_plan import IntegratedPlan, PlanActual, PlanBudget, PlanIndicator, PlanProject
from sbpac_desktop.thai.dates import fiscal_quarter_bounds
from sbpac_desktop.thai.normalize import clean

NOTE_LIMIT = 2000


@dataclass(frozen=True)
class ActualInput:
    indicator_id: int
    value: float | None  # None: remove the quarter's actual
    note: str | None = None


def check_quarter_open(fiscal_year: int, quarter: int, today: date) -> None:
    if quarter not in QUARTERS:
        raise ValidationError.single("quarter", f"ไตรมาสต้องเป็น 1 ถึง 4 (ได้รับ {quarter})", "Quarter must be 1..4")
    start = fiscal_quarter_bounds(fiscal_year, quarter)[0]
    if start > today:
        raise ValidationError.single(
            "quarter",
            f"ไตรมาส {quarter} ปีงบประมาณ {fiscal_year} ยังไม่เริ่ม จึงบันทึกผลไม่ได้",
            f"Quarter {quarter} of FY {fiscal_year} has not begun",
        )


def _project_of_indicator(session: Session, indicator_id: int) -> tuple[PlanIndicator, PlanProject, int]:
    indicator = get_or_raise(session, PlanIndicator, indicator_id, INDICATOR_TH)
    project = session.get(PlanProject, indicator.project_id)
    assert project is not None  # foreign key
    fiscal_year = session.scalar(select(IntegratedPlan.fiscal_year).where(IntegratedPlan.id == project.plan_id))
    return indicator, project, int(fiscal_year or 0)


def _check_value(indicator: PlanIndicator, value: float | None, note: str | None) -> None:
    label = f"ตัวชี้วัด '{indicator.name}'"
    if value is not None and not math.isfinite(value):
        raise ValidationError.single("value", f"ผลของ{label} ต้องเป็นตัวเลข", "The actual must be a number")
    if value is not None and indicator.cumulative and value < 0:
        raise ValidationError.single(
            "value", f"ผลของ{label} (ผลงานที่ทำได้ในไตรมาส) ต้องไม่ติดลบ", "A quarter's cumulative actual cannot be negative"
        )
    if note is not None and len(note) > NOTE_LIMIT:
        raise ValidationError.single("note", f"หมายเหตุของ{label} ยาวเกิน {NOTE_LIMIT} ตัวอักษร", "Note too long")


def write_actual(session: Session, actor: Actor, quarter: int, data: ActualInput, today: date) -> PlanActual | None:
    """Check who, when and what, then insert, update or remove the quarter's actual; audited."""
    indicator, project, fiscal_year = _project_of_indicator(session, data.indicator_id)
    require_post_holder(session, actor, project.owner_position_id, today, "บันทึกผลตัวชี้วัดของโครงการนี้")
    check_quarter_open(fiscal_year, quarter, today)
    note = clean(data.note)
    _check_value(indicator, data.value, note)
    query = select(PlanActual).where(PlanActual.indicator_id == indicator.id, PlanActual.quarter == quarter)
    row = session.scalar(query)
    if data.value is None:
        if row is not None:
            erase_row(session, actor, row)
        return None
    if row is None:
        row = PlanActual(indicator_id=indicator.id, quarter=quarter, value=data.value, note=note)
        row.entered_by_id = actor.user_id
        add_row(session, actor, row)
        return row
    if row.value == data.value and row.note == note:
        return row
    before = snapshot(row)
    row.value, row.note, row.entered_by_id = data.value, note, actor.user_id
    audit(session, actor, "update", row, before)
    return row


def record_actuals(
    db: Database, actor: Actor, quarter: int, lines: Sequence[ActualInput], today: date | None = None
) -> int:
    """The entry screen's table in one transaction; returns how many lines were saved."""
    today = today or date.today()
    with db.unit_of_work() as session:
        for line in lines:
            write_actual(session, actor, quarter, line, today)
    return len(lines)


def record_actual(
    db: Database, actor: Actor, indicator_id: int, quarter: int, value: float | None, note: str | None = None,
    today: date | None = None,
) -> None:  # fmt: skip
    record_actuals(db, actor, quarter, [ActualInput(indicator_id, value, note)], today)


def write_disbursement(
    session: Session, actor: Actor, project_id: int, quarter: int, satang: int, today: date
) -> PlanBudget:
    project = get_or_raise(session, PlanProject, project_id, PROJECT_TH)
    require_post_holder(session, actor, project.owner_position_id, today, "บันทึกผลการเบิกจ่ายของโครงการนี้")
    fiscal_year = session.scalar(select(IntegratedPlan.fiscal_year).where(IntegratedPlan.id == project.plan_id))
    check_quarter_open(int(fiscal_year or 0), quarter, today)
    if satang > MAX_SATANG:
        raise ValidationError.single("disbursed", "ผลการเบิกจ่ายสูงเกินจริง", "Disbursement is implausibly large")
    budgets = budget_rows(session, project.id)
    allocated = [budgets[q].allocated_satang if q in budgets else 0 for q in QUARTERS]
    disbursed = [budgets[q].disbursed_satang if q in budgets else 0 for q in QUARTERS]
    disbursed[quarter - 1] = satang
    problems = budget_problems(allocated, disbursed)
    if problems:
        raise ValidationError.single(*problems[0])
    row = budgets.get(quarter)
    if row is None:  # a project made before its budget rows (the importer always writes all four)
        row = PlanBudget(project_id=project.id, quarter=quarter, allocated_satang=0, disbursed_satang=satang)
        add_row(session, actor, row)
        return row
    change_row(session, actor, row, disbursed_satang=satang)
    return row


def record_disbursement(
    db: Database, actor: Actor, project_id: int, quarter: int, satang: int, today: date | None = None
) -> None:
    with db.unit_of_work() as session:
        write_disbursement(session, actor, project_id, quarter, satang, today or date.today())


def enterable_projects(db: Database, actor: Actor, today: date | None = None) -> frozenset[int] | None:
    """Projects whose quarter figures `actor` may enter: None = all (the secretariat)."""
    from sbpac_desktop.services.permissions import ISSUER_SIDE, held_posts

    if actor.role in ISSUER_SIDE:
        return None
    if actor.role.value != "officer":
        return frozenset()
    with db.unit_of_work() as session:
        posts = held_posts(session, actor.user_id, today or date.today())[0]
        query = select(PlanProject.id).where(PlanProject.owner_position_id.in_(posts))
        return frozenset(session.scalars(query))
