"""The front ends' door to the database: open it once, act as a user, close it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sbpac_desktop.services.context import Actor, system_actor
from sbpac_desktop.store import migrate
from sbpac_desktop.store.database import Database, open_database
from sbpac_desktop.store.location import resolve_location


@dataclass
class AppContext:
    db: Database
    actor: Actor

    @property
    def database_display(self) -> str:
        return self.db.location.display

    @property
    def is_server(self) -> bool:
        return not self.db.location.is_sqlite

    def close(self) -> None:
        self.db.close()


def open_app(
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    create: bool = False,
    upgrade: bool = False,
) -> AppContext:
    db = open_database(database, environ, create=create, upgrade=upgrade)
    try:
        return AppContext(db, system_actor(db))
    except BaseException:
        db.close()
        raise


def describe_location(database: str | None, environ: Mapping[str, str] | None = None) -> str:
    """What `--db`/`SBPAC_DB` resolve to, without opening anything."""
    return resolve_location(database, environ).display


def schema_revision() -> str:
    return migrate.head_revision()
