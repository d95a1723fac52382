"""Alembic environment: always runs on a connection handed over by store.migrate."""

from __future__ import annotations

from alembic import context

from sbpac_desktop.store.models import Base
from sbpac_desktop.store.search_index import include_name, include_object
from sbpac_desktop.store.tables import add_postgresql_predicates

connection = context.config.attributes["connection"]
add_postgresql_predicates()  # the partial indexes' server half, for an autogenerate on PostgreSQL
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
    compare_type=True,
    include_name=include_name,  # the search index (FTS5 tables, pg_trgm indexes) is not in the models
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
