"""tracker in SQL: directive.effective_due_on / latest_percent / latest_report_on (kept by
store.directive_summary) and the indexes the tracker's filters and sorts use

Revision ID: 0004_tracker_columns
Revises: 0003_master_data_active

Plain ADD COLUMN (no batch rebuild of `directive`), so the search-index triggers stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import directive_summary

revision = "0004_tracker_columns"
down_revision = "0003_master_data_active"
branch_labels = None
depends_on = None

COLUMNS = (
    ("effective_due_on", sa.Date()),
    ("latest_percent", sa.Integer()),
    ("latest_report_on", sa.Date()),
)
INDEXES = (
    ("ix_directive_state_effective_due", ["state", "effective_due_on"]),
    ("ix_directive_effective_due", ["effective_due_on"]),
    ("ix_directive_latest_percent", ["latest_percent"]),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("directive", sa.Column(name, type_, nullable=True))
    directive_summary.refresh(op.get_bind(), None, directive_summary.COLUMNS_0011)  # backfill every existing directive
    for name, columns in INDEXES:
        op.create_index(name, "directive", columns)


def downgrade() -> None:
    for name, _columns in INDEXES:
        op.drop_index(name, table_name="directive")
    with op.batch_alter_table("directive") as batch:
        for name, _type in COLUMNS:
            batch.drop_column(name)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # the batch rebuild dropped the search triggers
        from sbpac_desktop.store import search_index

        if search_index.sqlite_has_index(bind):
            search_index.install_sqlite_triggers(bind)
