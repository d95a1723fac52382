"""directive workflow: blocked reason on the directive, extension requests, closure requests
(acknowledged by the secretary or at a meeting) and the link from accepted item-3 lines to directives

Revision ID: 0005_directive_workflow
Revises: 0004_tracker_columns
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_directive_workflow"
down_revision = "0004_tracker_columns"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _user_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["app_user.id"], name=op.f(f"fk_{table}_{column}_app_user"), ondelete="SET NULL"
    )


def _directive_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["directive_id"], ["directive.id"], name=op.f(f"fk_{table}_directive_id_directive"), ondelete="CASCADE"
    )


def upgrade() -> None:
    _add_blocking_and_extension_requests()
    _add_closure_requests_and_carryover_lines()


def _add_blocking_and_extension_requests() -> None:
    # Plain ADD COLUMN (no table rebuild) keeps the search triggers on directive in place.
    op.add_column("directive", sa.Column("blocked_reason", sa.Text(), nullable=True))
    op.add_column("directive", sa.Column("blocked_on", sa.Date(), nullable=True))
    op.create_table(
        "extension_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("original_due_on", sa.Date(), nullable=True),
        sa.Column("requested_due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        *_stamps(),
        _directive_fk("extension_request"),
        _user_fk("extension_request", "requested_by_id"),
        _user_fk("extension_request", "decided_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extension_request")),
    )
    op.create_index(op.f("ix_extension_request_directive_id"), "extension_request", ["directive_id"])
    # One pending request per directive, also when two offices ask at the same moment.
    op.create_index(
        "ux_extension_request_pending",
        "extension_request",
        ["directive_id"],
        unique=True,
        sqlite_where=sa.text("status = 'pending'"),
        postgresql_where=sa.text("status = 'pending'"),
    )


def _add_closure_requests_and_carryover_lines() -> None:
    op.create_table(
        "closure_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        *_stamps(),
        _directive_fk("closure_request"),
        _user_fk("closure_request", "requested_by_id"),
        _user_fk("closure_request", "decided_by_id"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_closure_request_meeting_id_meeting"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closure_request")),
    )
    op.create_index(op.f("ix_closure_request_directive_id"), "closure_request", ["directive_id"])
    op.create_index(op.f("ix_closure_request_meeting_id"), "closure_request", ["meeting_id"])
    op.create_table(
        "carryover_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        *_stamps(),
        _directive_fk("carryover_line"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_carryover_line_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_carryover_line_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carryover_line")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_carryover_line_agenda_item_id")),
    )
    op.create_index(op.f("ix_carryover_line_meeting_id"), "carryover_line", ["meeting_id"])
    op.create_index(op.f("ix_carryover_line_directive_id"), "carryover_line", ["directive_id"])


def downgrade() -> None:
    op.drop_table("carryover_line")
    op.drop_table("closure_request")
    op.drop_table("extension_request")
    with op.batch_alter_table("directive") as batch:
        batch.drop_column("blocked_on")
        batch.drop_column("blocked_reason")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # the batch rebuild dropped the search triggers
        from sbpac_desktop.store import search_index

        if search_index.sqlite_has_index(bind):
            search_index.install_sqlite_triggers(bind)
