"""The one MetaData of the schema, its constraint names and the columns every versioned table ends with.

Core only: `store.tables*` declare the tables on this MetaData and `store.base.Base` (the ORM) maps
them, so a read that needs no entity (the `directives --json` listing) runs without importing
`sqlalchemy.orm` (tests/unit/test_tables_core.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, FetchedValue, ForeignKey, Integer, MetaData, Table, UniqueConstraint

# Named constraints let Alembic batch mode (SQLite) find and alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
NAME = 300
SHORT = 60

metadata = MetaData(naming_convention=NAMING_CONVENTION)
db_written = FetchedValue  # a column value the database writes (triggers)


def utcnow() -> datetime:
    return datetime.now(UTC)


def versioned() -> tuple[Column[int], Column[datetime], Column[datetime]]:
    """Mutable rows end with these: the ORM's optimistic lock (`version`, base.Versioned) and the times."""
    return (
        Column("version", Integer, nullable=False, default=1),
        Column("created_at", DateTime(timezone=True), nullable=False, default=utcnow),
        Column("updated_at", DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow),
    )


def link_table(name: str, owner: tuple[str, str, str], linked: tuple[str, str, str]) -> Table:
    """A many-to-many link such as directive_place: its own id, then per side (column, "table.id",
    ON DELETE) a required, indexed reference; each pair at most once."""
    references = (
        Column(column, Integer, ForeignKey(target, ondelete=ondelete), nullable=False, index=True)
        for column, target, ondelete in (owner, linked)
    )
    return Table(
        name, metadata, Column("id", Integer, primary_key=True), *references, UniqueConstraint(owner[0], linked[0])
    )
