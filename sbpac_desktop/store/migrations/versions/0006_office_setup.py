"""office setup: meeting series details and standing members, dimension short names, the agenda
timetable (planned minutes per item) and the reason a directive has no due date

Revision ID: 0006_office_setup
Revises: 0005_directive_workflow
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_office_setup"
down_revision = "0005_directive_workflow"
branch_labels = None
depends_on = None

_SERIES_POSTS = ("chair_position_id", "secretary_position_id")


def upgrade() -> None:
    # meeting_series has no search triggers, so SQLite may rebuild it (batch) to add the foreign
    # keys; directive and agenda_item get plain ADD COLUMN so their search triggers stay in place.
    with op.batch_alter_table("meeting_series") as batch:
        batch.add_column(sa.Column("short_name", sa.String(length=60), nullable=True))
        for column in _SERIES_POSTS:
            batch.add_column(sa.Column(column, sa.Integer(), nullable=True))
            batch.create_foreign_key(
                f"fk_meeting_series_{column}_position", "position", [column], ["id"], ondelete="SET NULL"
            )
        batch.add_column(sa.Column("default_venue", sa.Text(), nullable=True))
        batch.add_column(sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.create_table(
        "series_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("meeting_role", sa.String(length=60), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["meeting_series.id"], name=op.f("fk_series_member_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["position_id"], ["position.id"], name=op.f("fk_series_member_position_id_position"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_member")),
        sa.UniqueConstraint("series_id", "position_id", name=op.f("uq_series_member_series_id_position_id")),
    )
    op.create_index(op.f("ix_series_member_series_id"), "series_member", ["series_id"])
    op.add_column("development_dimension", sa.Column("short_name", sa.String(length=60), nullable=True))
    op.add_column("agenda_item", sa.Column("planned_minutes", sa.Integer(), nullable=True))
    op.add_column("directive", sa.Column("no_due_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("directive") as batch:
        batch.drop_column("no_due_reason")
    with op.batch_alter_table("agenda_item") as batch:
        batch.drop_column("planned_minutes")
    with op.batch_alter_table("development_dimension") as batch:
        batch.drop_column("short_name")
    op.drop_index(op.f("ix_series_member_series_id"), table_name="series_member")
    op.drop_table("series_member")
    with op.batch_alter_table("meeting_series") as batch:
        for column in ("active", "default_venue", *_SERIES_POSTS, "short_name"):
            batch.drop_column(column)
