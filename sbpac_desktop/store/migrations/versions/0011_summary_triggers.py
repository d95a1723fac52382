"""directive summary columns kept by SQLite triggers (trg_summary_*), no longer by Session
listeners in Python: effective_due_on, latest_percent and latest_report_on follow every write
of a directive, an assignment or a progress report, whoever makes it

Revision ID: 0011_summary_triggers
Revises: 0010_speaker_entries

SQLite only: PostgreSQL has derived the columns on the server since 0007 (store/pg_guards.py).
No table is rebuilt (the search-index triggers stay); the columns are recomputed once, so a
file written by a version that kept them in Python starts exact.
"""

from __future__ import annotations

from alembic import op

from sbpac_desktop.store import directive_summary

revision = "0011_summary_triggers"
down_revision = "0010_speaker_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    directive_summary.install_sqlite_triggers(bind, directive_summary.COLUMNS_0011)
    directive_summary.refresh(bind, None, directive_summary.COLUMNS_0011)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        directive_summary.drop_sqlite_triggers(bind)
