"""integrated plan M&E (issue #15 item 4): plan by fiscal year, projects under a development
dimension owned by a post (budget by quarter, places, linked directives), indicators and their
quarterly actuals

Revision ID: 0009_integrated_plan
Revises: 0008_field_visits

On an office database (groups present) the grants are re-run, so the new tables follow the rules
at once: staff write, everyone reads, officers enter actuals and disbursements only for projects
of posts they hold (store/pg_plan_roles.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import pg_roles

revision = "0009_integrated_plan"
down_revision = "0008_field_visits"
branch_labels = None
depends_on = None

_NEW_TABLES = (
    "plan_actual",
    "plan_indicator",
    "plan_project_directive",
    "plan_project_place",
    "plan_budget",
    "plan_project",
    "integrated_plan",
)


def upgrade() -> None:
    _create_tables()
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    groups_exist = bind.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname = 'sbpac_officers'")).scalar()
    if groups_exist:
        pg_roles.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS sbpac_holds_project(integer) CASCADE")
    for table in _NEW_TABLES:
        op.drop_table(table)


def _create_tables() -> None:
    _create_tables_integrated_plan_to_plan_project()
    _create_tables_plan_budget_to_plan_indicator()
    _create_tables_plan_project_place_to_plan_actual()
    _create_tables_plan_project_directive()


def _create_tables_integrated_plan_to_plan_project() -> None:
    op.create_table(
        "integrated_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrated_plan")),
        sa.UniqueConstraint("fiscal_year", name=op.f("uq_integrated_plan_fiscal_year")),
    )
    op.create_table(
        "plan_project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("dimension_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("owner_position_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dimension_id"],
            ["development_dimension.id"],
            name=op.f("fk_plan_project_dimension_id_development_dimension"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_position_id"],
            ["position.id"],
            name=op.f("fk_plan_project_owner_position_id_position"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["integrated_plan.id"],
            name=op.f("fk_plan_project_plan_id_integrated_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_project")),
        sa.UniqueConstraint("plan_id", "name", name=op.f("uq_plan_project_plan_id_name")),
    )
    with op.batch_alter_table("plan_project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_project_dimension_id"), ["dimension_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_project_owner_position_id"), ["owner_position_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_project_plan_id"), ["plan_id"], unique=False)


def _create_tables_plan_budget_to_plan_indicator() -> None:

    op.create_table(
        "plan_budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("allocated_satang", sa.BigInteger(), nullable=False),
        sa.Column("disbursed_satang", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("allocated_satang >= 0 AND disbursed_satang >= 0", name=op.f("ck_plan_budget_not_negative")),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_plan_budget_quarter_known")),
        sa.ForeignKeyConstraint(
            ["project_id"], ["plan_project.id"], name=op.f("fk_plan_budget_project_id_plan_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_budget")),
        sa.UniqueConstraint("project_id", "quarter", name=op.f("uq_plan_budget_project_id_quarter")),
    )
    with op.batch_alter_table("plan_budget", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_budget_project_id"), ["project_id"], unique=False)

    op.create_table(
        "plan_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("direction", sa.String(length=6), nullable=False),
        sa.Column("cumulative", sa.Boolean(), nullable=False),
        sa.Column("target_q1", sa.Float(), nullable=True),
        sa.Column("target_q2", sa.Float(), nullable=True),
        sa.Column("target_q3", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("direction IN ('higher', 'lower')", name=op.f("ck_plan_indicator_direction_known")),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["plan_project.id"],
            name=op.f("fk_plan_indicator_project_id_plan_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_indicator")),
        sa.UniqueConstraint("project_id", "name", name=op.f("uq_plan_indicator_project_id_name")),
    )
    with op.batch_alter_table("plan_indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_indicator_project_id"), ["project_id"], unique=False)


def _create_tables_plan_project_place_to_plan_actual() -> None:

    op.create_table(
        "plan_project_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_plan_project_place_place_id_place"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["plan_project.id"],
            name=op.f("fk_plan_project_place_project_id_plan_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_project_place")),
        sa.UniqueConstraint("project_id", "place_id", name=op.f("uq_plan_project_place_project_id_place_id")),
    )
    with op.batch_alter_table("plan_project_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_project_place_place_id"), ["place_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_project_place_project_id"), ["project_id"], unique=False)

    op.create_table(
        "plan_actual",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name=op.f("ck_plan_actual_quarter_known")),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["app_user.id"], name=op.f("fk_plan_actual_entered_by_id_app_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["plan_indicator.id"],
            name=op.f("fk_plan_actual_indicator_id_plan_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_actual")),
        sa.UniqueConstraint("indicator_id", "quarter", name=op.f("uq_plan_actual_indicator_id_quarter")),
    )
    with op.batch_alter_table("plan_actual", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_actual_indicator_id"), ["indicator_id"], unique=False)


def _create_tables_plan_project_directive() -> None:

    op.create_table(
        "plan_project_directive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name=op.f("fk_plan_project_directive_directive_id_directive"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["plan_project.id"],
            name=op.f("fk_plan_project_directive_project_id_plan_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_project_directive")),
        sa.UniqueConstraint(
            "project_id", "directive_id", name=op.f("uq_plan_project_directive_project_id_directive_id")
        ),
    )
    with op.batch_alter_table("plan_project_directive", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_project_directive_directive_id"), ["directive_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_project_directive_project_id"), ["project_id"], unique=False)
