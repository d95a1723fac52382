"""Open a database for the app and hand out units of work.

`open_database` is the single door: it checks the location, refuses files and
servers it must not touch, and brings the schema to the current version (SQLite
automatically, after a backup; PostgreSQL only when an administrator runs init).

SQLite files also get: refusal on a network share, the one-program-per-file lock
(`store.instance_lock`, held until `close()`), and a full integrity check when the
previous holder did not close cleanly — a damaged file is refused, naming the newest
good backup.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from sbpac_desktop.domain.errors import ConflictError, DatabaseError, PermissionDenied
from sbpac_desktop.store import instance_lock, migrate
from sbpac_desktop.store.backup import find_newest_good_backup
from sbpac_desktop.store.engine import create_app_engine, probe, write_error
from sbpac_desktop.store.instance_lock import InstanceLock
from sbpac_desktop.store.integrity import (
    DamagedDatabase,
    connect_shared,
    damaged_database_error,
    integrity_problems,
)
from sbpac_desktop.store.location import DatabaseLocation, check_sqlite_file, resolve_location
from sbpac_desktop.store.tables import add_postgresql_predicates

if TYPE_CHECKING:  # the ORM loads with the first unit of work: a Core read (`Database.connect`) needs none of it
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE for a refused grant or row-level security check
_COMMIT_STEPS = "sbpac_commit_steps"  # session.info: the steps asked for by this unit of work's writers


class CommitStep(Protocol):
    """Work a writer needs done around its transaction's commit (services/audit_anchors records the
    audit chain's head in a file: pending just before, confirmed just after)."""

    def before_commit(self, session: Session) -> None: ...

    def after_commit(self, session: Session) -> None: ...

    def discard(self, session: Session) -> None: ...  # the transaction rolled back


def run_at_commit(session: Session, step: CommitStep) -> None:
    """Ask `unit_of_work` to run `step` around this session's commit (once, however often asked)."""
    steps: list[CommitStep] = session.info.setdefault(_COMMIT_STEPS, [])
    if step not in steps:
        steps.append(step)


def _commit(session: Session) -> None:
    """Flush, run the writers' steps, commit, confirm: written out here rather than as Session
    events, so nothing happens at commit that this function does not show."""
    session.flush()
    steps: list[CommitStep] = session.info.get(_COMMIT_STEPS, [])
    for step in steps:
        step.before_commit(session)
    session.commit()
    for step in session.info.pop(_COMMIT_STEPS, []):
        step.after_commit(session)


def _rollback(session: Session) -> None:
    session.rollback()
    for step in session.info.pop(_COMMIT_STEPS, []):
        step.discard(session)


@dataclass
class Database:
    location: DatabaseLocation
    engine: Engine
    lock: InstanceLock | None = None  # SQLite: this process's claim on the file
    checked_after_unclean_shutdown: bool = False

    def __post_init__(self) -> None:
        self._sessions: sessionmaker[Session] | None = None  # made by the first unit of work

    def _session(self) -> Session:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            # expire_on_commit=False: DTOs are built inside the unit of work anyway,
            # and nothing should lazily hit the database after it closed.
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction per user action: commit on success, roll back on any error."""
        from sqlalchemy.orm.exc import StaleDataError

        session = self._session()
        try:
            yield session
            _commit(session)
        except StaleDataError as exc:
            _rollback(session)
            raise ConflictError(
                "มีผู้อื่นแก้ไขรายการนี้ไปแล้ว — โปรดโหลดข้อมูลใหม่ก่อนบันทึก",
                "Someone else changed this record; reload it before saving",
            ) from exc
        except BaseException as exc:
            _rollback(session)
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            session.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """One transaction on a Core connection, for a read (or a write with no ORM entity, no audit
        entry and no commit step) that should not load the ORM: committed on success, else rolled back."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except BaseException as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc

    def _translated(self, exc: BaseException) -> BaseException:
        """The database's refusal as the error a clerk reads; anything else unchanged."""
        if isinstance(exc, IntegrityError):
            return ConflictError(
                "บันทึกไม่ได้ เพราะข้อมูลซ้ำหรืออ้างถึงรายการที่ไม่มีอยู่",
                f"Cannot save: duplicate or dangling reference ({exc.orig})",
            )
        if isinstance(exc, DBAPIError):
            if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                # PostgreSQL's own grants or row-level security refused (store/pg_roles.py)
                return PermissionDenied(
                    "ฐานข้อมูลไม่อนุญาตให้บัญชีนี้ทำรายการนี้ (สิทธิ์ตามบทบาทบนเซิร์ฟเวอร์)",
                    f"The database refused this for the connected role ({exc.orig})",
                )
            return write_error(self.location, exc)
        return exc

    def close(self) -> None:
        """Close every pooled connection, then clear the open-marker and free the file."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


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
    path = location.sqlite_path
    assert path is not None
    if location.is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    has_data = check_sqlite_file(path, create=create)
    instance_lock.refuse_network_share(path)
    if has_data:
        migrate.sqlite_schema_state(path)  # refuses foreign or too-new files untouched
    lock = instance_lock.acquire(path)
    try:
        checked = lock.unclean_shutdown and path.exists()
        if checked:
            _check_after_unclean_shutdown(path)
        engine = create_app_engine(location)
        try:
            probe(engine, location)
            migrate.upgrade(engine, location)
        except BaseException:
            engine.dispose()
            raise
    except DamagedDatabase:
        lock.release(keep_marker=True)  # the next start checks (and refuses) again
        raise
    except BaseException:
        lock.release()
        raise
    return Database(location, engine, lock, checked)


def _check_after_unclean_shutdown(path: Path) -> None:
    """The previous program did not close the file: run the full integrity_check before use."""
    log.warning("%s was not closed cleanly last time: running integrity_check", path)
    try:
        conn = connect_shared(path)
        try:
            problems = integrity_problems(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problems = [str(exc)]
    if problems:
        log.error("integrity_check of %s failed: %s", path, problems)
        raise damaged_database_error(path, problems, find_newest_good_backup(path))


def _open_server(location: DatabaseLocation, *, upgrade: bool) -> Database:
    add_postgresql_predicates()  # the partial indexes' PostgreSQL half (store/tables.py)
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
