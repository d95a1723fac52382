"""directive.latest_result and directive.assignee_key (issue #16): the text of the report the
summary columns describe, and the assignees as one short key (store/summary_rule.py), kept like
latest_percent and latest_report_on, so the export of 100,000 directives reads two columns
instead of two lookups per directive (about a second and a half of its time)

Revision ID: 0012_export_summary
Revises: 0011_summary_triggers

SQLite: the columns are added (no table rebuilt), the summary triggers re-created with them (a
report's result and an assignment's post or unit now set them off too) and the columns filled
once. PostgreSQL: the server's derive function and triggers re-created with them
(store/pg_guards.py; the audit skips a change of them alone), then every directive re-derived once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import directive_summary, pg_guards

revision = "0012_export_summary"
down_revision = "0011_summary_triggers"
branch_labels = None
depends_on = None

NEW_COLUMNS = ("latest_result", "assignee_key")


def upgrade() -> None:
    bind = op.get_bind()
    for column in NEW_COLUMNS:
        op.add_column("directive", sa.Column(column, sa.Text(), nullable=True))
    if bind.dialect.name == "sqlite":
        directive_summary.drop_sqlite_triggers(bind)
        directive_summary.install_sqlite_triggers(bind, directive_summary.COLUMNS)
        directive_summary.refresh(bind, None, NEW_COLUMNS)
        return
    pg_guards.install_summary(bind, pg_guards.DERIVED)
    bind.execute(sa.text("UPDATE directive SET latest_percent = latest_percent"))  # the BEFORE trigger derives


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        directive_summary.drop_sqlite_triggers(bind)
    else:
        pg_guards.install_summary(bind, pg_guards.DERIVED_0007)
    for column in reversed(NEW_COLUMNS):
        op.drop_column("directive", column)
    if bind.dialect.name == "sqlite":
        directive_summary.install_sqlite_triggers(bind, directive_summary.COLUMNS_0011)
