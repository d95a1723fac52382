"""search index: FTS5 trigram on SQLite (filled by triggers), pg_trgm GIN indexes on PostgreSQL

Revision ID: 0002_search
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

from sbpac_desktop.store import search_index

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search_index.install_sqlite(bind)  # backfills the existing rows
    elif bind.dialect.name == "postgresql":
        search_index.install_postgresql(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search_index.drop_sqlite(bind)
    elif bind.dialect.name == "postgresql":
        search_index.drop_postgresql(bind)
