"""Declarative base over the Core tables' MetaData (store.tables_base), and the optimistic-locking mixin."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sqlalchemy import FromClause, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr

from sbpac_desktop.store.tables_base import NAMING_CONVENTION, metadata, utcnow

__all__ = ["NAMING_CONVENTION", "Base", "Versioned", "utcnow"]


class Base(DeclarativeBase):
    metadata = metadata

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)  # maps the class onto its `__table__` (store.tables*)
        cls.__tablename__ = cast(Table, cls.__table__).name  # the audit trail's and the conflicts' entity name


class Versioned:
    """Mutable rows: a stale UPDATE raises StaleDataError instead of overwriting silently. The columns
    are the table's (tables_base.versioned); the annotations are for typing."""

    if TYPE_CHECKING:  # mixed into Base subclasses only, which have a table (not a runtime annotation)
        __table__: ClassVar[FromClause]

    version: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.__table__.c.version}
