"""Core tables of the integrated plan M&E (issue #15 item 4): กำกับ ติดตาม และประเมินผลแผนบูรณาการแก้ไขปัญหา จชต.

plan (one per fiscal year) -> project (under a development dimension, owned by a post, with its
budget by quarter, places and linked directives) -> indicator (unit, baseline, target, direction)
-> quarterly actuals. Money is stored in satang (whole numbers): SQLite has no exact decimal type
and a float would lose a satang on a ten-million-baht project. Indicator values are floats (a
percentage, a count or a rate; they are measured, not summed to the satang).

Imported by store/tables.py, so these tables are part of `tables_base.metadata`; store/models_plan.py maps them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sbpac_desktop.store.tables_base import link_table, metadata, versioned

UNIT = 60

integrated_plan = Table(
    "integrated_plan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fiscal_year", Integer, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    *versioned(),
)

plan_project = Table(
    "plan_project",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("integrated_plan.id", ondelete="CASCADE"), nullable=False, index=True),
    Column(
        "dimension_id", Integer, ForeignKey("development_dimension.id", ondelete="RESTRICT"), nullable=False, index=True
    ),
    Column("name", Text, nullable=False),
    Column("owner_position_id", Integer, ForeignKey("position.id", ondelete="RESTRICT"), nullable=False, index=True),
    *versioned(),
    UniqueConstraint("plan_id", "name"),
)

plan_budget = Table(
    "plan_budget",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("project_id", Integer, ForeignKey("plan_project.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quarter", Integer, nullable=False),
    Column("allocated_satang", BigInteger, nullable=False, default=0),
    Column("disbursed_satang", BigInteger, nullable=False, default=0),
    *versioned(),
    UniqueConstraint("project_id", "quarter"),
    CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_known"),
    CheckConstraint("allocated_satang >= 0 AND disbursed_satang >= 0", name="not_negative"),
)

plan_project_place = link_table(
    "plan_project_place", ("project_id", "plan_project.id", "CASCADE"), ("place_id", "place.id", "RESTRICT")
)

plan_project_directive = link_table(
    "plan_project_directive", ("project_id", "plan_project.id", "CASCADE"), ("directive_id", "directive.id", "CASCADE")
)

plan_indicator = Table(
    "plan_indicator",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("project_id", Integer, ForeignKey("plan_project.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("unit", String(UNIT), nullable=False),
    Column("baseline", Float),
    Column("target", Float, nullable=False),
    Column("direction", String(6), nullable=False, default="higher"),
    Column("cumulative", Boolean, nullable=False, default=True),
    Column("target_q1", Float),
    Column("target_q2", Float),
    Column("target_q3", Float),
    *versioned(),
    UniqueConstraint("project_id", "name"),
    CheckConstraint("direction IN ('higher', 'lower')", name="direction_known"),
)

plan_actual = Table(
    "plan_actual",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("indicator_id", Integer, ForeignKey("plan_indicator.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quarter", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("note", Text),
    Column("entered_by_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    *versioned(),
    UniqueConstraint("indicator_id", "quarter"),
    CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_known"),
)
