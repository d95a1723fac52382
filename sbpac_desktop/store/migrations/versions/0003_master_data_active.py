"""master data can be deactivated: org units, positions and people keep their history
(meetings, assignments, terms refer to them) but leave the pick-lists

Revision ID: 0003_master_data_active
Revises: 0002_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_master_data_active"
down_revision = "0002_search"
branch_labels = None
depends_on = None

TABLES = ("org_unit", "position", "person")


def upgrade() -> None:
    for table in TABLES:
        # server default fills existing rows; the model supplies the value for new ones
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
        with op.batch_alter_table(table) as batch:
            batch.alter_column("active", server_default=None)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("active")
