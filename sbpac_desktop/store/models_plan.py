"""Integrated plan M&E models (issue #15 item 4): กำกับ ติดตาม และประเมินผลแผนบูรณาการแก้ไขปัญหา จชต.

plan (one per fiscal year) -> project (under a development dimension, owned by a post, with its
budget by quarter, places and linked directives) -> indicator (unit, baseline, target, direction)
-> quarterly actuals. Money is stored in satang (whole numbers): SQLite has no exact decimal type
and a float would lose a satang on a ten-million-baht project. Indicator values are floats (a
percentage, a count or a rate; they are measured, not summed to the satang).

The tables are declared in store/tables_plan.py; imported by store/models.py, so these classes are mapped.
"""

from __future__ import annotations

from sqlalchemy.orm import Mapped

from sbpac_desktop.store import tables_plan
from sbpac_desktop.store.base import Base, Versioned


class IntegratedPlan(Versioned, Base):
    """แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ of one fiscal year (BE, e.g. 2563)."""

    __table__ = tables_plan.integrated_plan
    id: Mapped[int]
    fiscal_year: Mapped[int]
    title: Mapped[str]


class PlanProject(Versioned, Base):
    __table__ = tables_plan.plan_project
    id: Mapped[int]
    plan_id: Mapped[int]
    dimension_id: Mapped[int]
    name: Mapped[str]
    owner_position_id: Mapped[int]


class PlanBudget(Versioned, Base):
    """The project's allocation for one fiscal quarter (the disbursement plan) and what was disbursed."""

    __table__ = tables_plan.plan_budget
    id: Mapped[int]
    project_id: Mapped[int]
    quarter: Mapped[int]
    allocated_satang: Mapped[int]
    disbursed_satang: Mapped[int]


class PlanProjectPlace(Base):
    __table__ = tables_plan.plan_project_place
    id: Mapped[int]
    project_id: Mapped[int]
    place_id: Mapped[int]


class PlanProjectDirective(Base):
    __table__ = tables_plan.plan_project_directive
    id: Mapped[int]
    project_id: Mapped[int]
    directive_id: Mapped[int]


class PlanIndicator(Versioned, Base):
    """ตัวชี้วัด: `cumulative` when the quarters' actuals add up (a count of trainees), else each
    quarter's actual is the level reached (a percentage); targets_q* are stated cumulative targets
    at the end of each quarter (None: the linear share of the year's target)."""

    __table__ = tables_plan.plan_indicator
    id: Mapped[int]
    project_id: Mapped[int]
    name: Mapped[str]
    unit: Mapped[str]
    baseline: Mapped[float | None]
    target: Mapped[float]
    direction: Mapped[str]
    cumulative: Mapped[bool]
    target_q1: Mapped[float | None]
    target_q2: Mapped[float | None]
    target_q3: Mapped[float | None]


class PlanActual(Versioned, Base):
    """The actual of one indicator in one fiscal quarter, with the officer's note."""

    __table__ = tables_plan.plan_actual
    id: Mapped[int]
    indicator_id: Mapped[int]
    quarter: Mapped[int]
    value: Mapped[float]
    note: Mapped[str | None]
    entered_by_id: Mapped[int | None]
