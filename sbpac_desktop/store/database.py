"""Open a database for the app and hand out units of work.

`open_database` is the single door: it checks the location, refuses files and
servers it must not touch, and brings the schema to the current version (SQLite
automatically, after a backup; PostgreSQL only when an administrator runs init).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sbpac_desktop.domain.errors import ConflictError, DatabaseError
from sbpac_desktop.store import migrate
from sbpac_desktop.store.engine import connection_error, create_app_engine, probe
from sbpac_desktop.store.location import DatabaseLocation, check_sqlite_file, resolve_location


@dataclass
class Database:
    location: DatabaseLocation
    engine: Engine

    def __post_init__(self) -> None:
        # expire_on_commit=False: DTOs are built inside the unit of work anyway,
        # and nothing should lazily hit the database after it closed.
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction per user action: commit on success, roll back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(
                "มีผู้อื่นแก้ไขรายการนี้ไปแล้ว — โปรดโหลดข้อมูลใหม่ก่อนบันทึก",
                "Someone else changed this record; reload it before saving",
            ) from exc
        except IntegrityError as exc:
            session.rollback()
            raise ConflictError(
                "บันทึกไม่ได้ เพราะข้อมูลซ้ำหรืออ้างถึงรายการที่ไม่มีอยู่",
                f"Cannot save: duplicate or dangling reference ({exc.orig})",
            ) from exc
        except DBAPIError as exc:
            session.rollback()
            raise connection_error(self.location, exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    argument: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    create: bool = False,
    upgrade: bool = False,
) -> Database:
    """Resolve `--db`/`SBPAC_DB`/default, check it, and return a ready Database.

    create: a missing SQLite file may be created (init, and the per-user default).
    upgrade: a server database may be migrated (only `init`, run by an administrator).
    """
    location = resolve_location(argument, environ)
    if location.is_sqlite:
        return _open_sqlite(location, create=create or location.is_default)
    return _open_server(location, upgrade=upgrade)


def _open_sqlite(location: DatabaseLocation, *, create: bool) -> Database:
    assert location.sqlite_path is not None
    if location.is_default:
        location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    if check_sqlite_file(location.sqlite_path, create=create):
        migrate.sqlite_schema_state(location.sqlite_path)  # refuses foreign or too-new files untouched
    engine = create_app_engine(location)
    try:
        probe(engine, location)
        migrate.upgrade(engine, location)
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine)


def _open_server(location: DatabaseLocation, *, upgrade: bool) -> Database:
    engine = create_app_engine(location)
    try:
        probe(engine, location)
        with engine.connect() as connection:
            state = migrate.schema_state(connection)
        if state is not migrate.SchemaState.CURRENT:
            if not upgrade:
                raise DatabaseError(
                    "ฐานข้อมูลบนเซิร์ฟเวอร์ต้องปรับรุ่นก่อนใช้งาน — โปรดแจ้งผู้ดูแลระบบให้รันคำสั่ง sbpac-desktop init",
                    "The server database needs upgrading; ask the administrator to run 'sbpac-desktop init'",
                )
            migrate.upgrade(engine, location)
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine)
