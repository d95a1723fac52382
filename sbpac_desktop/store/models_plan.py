"""Integrated plan M&E models (issue #15 item 4): กำกับ ติดตาม และประเมินผลแผนบูรณาการแก้ไขปัญหา จชต.

plan (one per fiscal year) -> project (under a development dimension, owned by a post, with its
budget by quarter, places and linked directives) -> indicator (unit, baseline, target, direction)
-> quarterly actuals. Money is stored in satang (whole numbers): SQLite has no exact decimal type
and a float would lose a satang on a ten-million-baht project. Indicator values are floats (a
percentage, a count or a rate; they are measured, not summed to the satang).

Imported by store/models.py, so these tables are part of `Base.metadata`.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sbpac_desktop.store.base import Base, Versioned

UNIT = 60


class IntegratedPlan(Versioned, Base):
    """แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ of one fiscal year (BE, e.g. 2563)."""

    __tablename__ = "integrated_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)


class PlanProject(Versioned, Base):
    __tablename__ = "plan_project"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("integrated_plan.id", ondelete="CASCADE"), index=True)
    dimension_id: Mapped[int] = mapped_column(ForeignKey("development_dimension.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(Text)
    owner_position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"), index=True)


class PlanBudget(Versioned, Base):
    """The project's allocation for one fiscal quarter (the disbursement plan) and what was disbursed."""

    __tablename__ = "plan_budget"
    __table_args__ = (
        UniqueConstraint("project_id", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_known"),
        CheckConstraint("allocated_satang >= 0 AND disbursed_satang >= 0", name="not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("plan_project.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[int] = mapped_column(Integer)
    allocated_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    disbursed_satang: Mapped[int] = mapped_column(BigInteger, default=0)


class PlanProjectPlace(Base):
    __tablename__ = "plan_project_place"
    __table_args__ = (UniqueConstraint("project_id", "place_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("plan_project.id", ondelete="CASCADE"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)


class PlanProjectDirective(Base):
    __tablename__ = "plan_project_directive"
    __table_args__ = (UniqueConstraint("project_id", "directive_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("plan_project.id", ondelete="CASCADE"), index=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)


class PlanIndicator(Versioned, Base):
    """ตัวชี้วัด: `cumulative` when the quarters' actuals add up (a count of trainees), else each
    quarter's actual is the level reached (a percentage); targets_q* are stated cumulative targets
    at the end of each quarter (None: the linear share of the year's target)."""

    __tablename__ = "plan_indicator"
    __table_args__ = (
        UniqueConstraint("project_id", "name"),
        CheckConstraint("direction IN ('higher', 'lower')", name="direction_known"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("plan_project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(UNIT))
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float] = mapped_column(Float)
    direction: Mapped[str] = mapped_column(String(6), default="higher")
    cumulative: Mapped[bool] = mapped_column(Boolean, default=True)
    target_q1: Mapped[float | None] = mapped_column(Float)
    target_q2: Mapped[float | None] = mapped_column(Float)
    target_q3: Mapped[float | None] = mapped_column(Float)


class PlanActual(Versioned, Base):
    """The actual of one indicator in one fiscal quarter, with the officer's note."""

    __tablename__ = "plan_actual"
    __table_args__ = (
        UniqueConstraint("indicator_id", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_known"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("plan_indicator.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
