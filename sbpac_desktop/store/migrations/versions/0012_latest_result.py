"""directive.latest_result: the text of the report the summary columns describe (issue #16), kept
like latest_percent and latest_report_on, so the export of 100,000 directives reads a column
instead of looking the report up per directive (about a second of its time)

Revision ID: 0012_latest_result
Revises: 0011_summary_triggers

SQLite: the column is added (no table rebuilt), the summary triggers re-created with it (a report's
result now sets them off too) and the column filled once. PostgreSQL: the server's derive function
and triggers re-created with it (store/pg_guards.py; the audit skips a change of it alone), then
every directive re-derived once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import directive_summary, pg_guards

revision = "0012_latest_result"
down_revision = "0011_summary_triggers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("directive", sa.Column("latest_result", sa.Text(), nullable=True))
    if bind.dialect.name == "sqlite":
        directive_summary.drop_sqlite_triggers(bind)
        directive_summary.install_sqlite_triggers(bind, directive_summary.COLUMNS)
        directive_summary.refresh(bind, None, ("latest_result",))
        return
    pg_guards.install_summary(bind, pg_guards.DERIVED)
    bind.execute(sa.text("UPDATE directive SET latest_percent = latest_percent"))  # the BEFORE trigger derives


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        directive_summary.drop_sqlite_triggers(bind)
        op.drop_column("directive", "latest_result")
        directive_summary.install_sqlite_triggers(bind, directive_summary.COLUMNS_0011)
        return
    pg_guards.install_summary(bind, pg_guards.DERIVED_0007)
    op.drop_column("directive", "latest_result")
