"""Issue 14, defect 6: a database written at EVERY released schema revision (0001 ... 0006), full
of realistic data, upgrades to today's head on SQLite and on PostgreSQL keeping every row and
every value of every column it had; an upgrade that fails leaves each back end as it was.

Fixtures: tests/fixtures/revisions/<revision>.sqlite, made by tests/fixtures/make_revision_fixtures.py.
On PostgreSQL the same rows are loaded (COPY) into a database migrated to that revision.
Only audit_entry.prev_hash/hash change on the way: 0007 re-seals the chain under hash rule 2,
and `check` must then pass."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.admin.maintenance import check_database
from sbpac_desktop.store import migrate, search_index
from sbpac_desktop.store.database import open_database
from sbpac_desktop.store.engine import create_app_engine
from sbpac_desktop.store.location import resolve_location
from tests.conftest import _create_db
from tests.fixtures.make_revision_fixtures import RELEASED
from tests.unit.test_migration_failure import FAILING_BODY, scripts_with, snapshot

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "revisions"
RESEALED = {("audit_entry", "prev_hash"), ("audit_entry", "hash")}
Table = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _fixture(revision: str, tmp_path: Path) -> Path:
    copy = tmp_path / f"{revision}.db"
    shutil.copyfile(FOLDER / f"{revision}.sqlite", copy)
    return copy


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        n
        for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if n != "alembic_version" and not n.startswith("sqlite_") and not search_index.is_search_object(n, "table")
    ]


def _sqlite_contents(path: Path) -> Table:
    conn = sqlite3.connect(path)
    try:
        found: Table = {}
        for name in _sqlite_tables(conn):
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            found[name] = (columns, conn.execute(f'SELECT * FROM "{name}"').fetchall())
        return found
    finally:
        conn.close()


def _plain(value: Any) -> Any:
    """One spelling for both back ends: SQLite keeps dates and times as text, booleans as 0/1."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _assert_kept(before: Table, after: Table) -> int:
    checked = 0
    for table, (old_columns, old_rows) in before.items():
        new_columns, new_rows = after[table]
        assert set(old_columns) <= set(new_columns), f"{table} lost columns"
        compared = [c for c in old_columns if (table, c) not in RESEALED]
        kept = [tuple(_plain(row[new_columns.index(c)]) for c in compared) for row in new_rows]
        was = [tuple(_plain(row[old_columns.index(c)]) for c in compared) for row in old_rows]
        assert sorted(kept, key=repr) == sorted(was, key=repr), f"{table}: rows or values changed"
        checked += len(old_rows) * len(compared)
    return checked


def test_every_released_revision_has_a_fixture():
    assert [p.stem for p in sorted(FOLDER.glob("*.sqlite"))] == list(RELEASED)
    for revision in RELEASED:
        conn = sqlite3.connect(f"{(FOLDER / f'{revision}.sqlite').as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
            assert conn.execute("SELECT count(*) FROM directive").fetchone()[0] >= 20
        finally:
            conn.close()


@pytest.mark.parametrize("revision", RELEASED)
def test_sqlite_upgrade_keeps_every_row_and_value(revision, tmp_path):
    db = _fixture(revision, tmp_path)
    before = _sqlite_contents(db)
    open_database(str(db)).close()  # the app upgrades an old file itself, after a backup
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    finally:
        conn.close()
    checked = _assert_kept(before, _sqlite_contents(db))
    report = check_database(str(db))
    assert report.ok, [item.detail_th for item in report.items if not item.ok]
    print(f"\n{revision} -> head on SQLite: {sum(len(r) for _, r in before.values())} rows, {checked} values kept")


@pytest.mark.parametrize("revision", RELEASED)
def test_a_failing_sqlite_upgrade_leaves_the_file_as_it_was(revision, tmp_path):
    db = _fixture(revision, tmp_path)
    before = snapshot(db)
    scripts = scripts_with(tmp_path, FAILING_BODY)
    location = resolve_location(str(db), {})
    engine = create_app_engine(location)  # the app's engine: its BEGIN makes DDL transactional on SQLite
    try:
        with pytest.raises((RuntimeError, DatabaseError)):
            migrate.upgrade_with_scripts(engine, location, scripts, tmp_path / "backups")
    finally:
        engine.dispose()
    assert snapshot(db) == before


# --- PostgreSQL ------------------------------------------------------------------------------


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _load_into_postgresql(fixture: Path, revision: str, server_url: str, name: str) -> str:
    """An empty database migrated to `revision`, then every fixture row COPYed in."""
    url = _create_db(server_url, name)
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), revision)
    engine.dispose()
    source = sqlite3.connect(fixture)
    try:
        with psycopg.connect(_conninfo(url)) as conn:
            conn.execute("SET session_replication_role = replica")  # rows in any order, as a restore does
            conn.execute("SET TIME ZONE 'UTC'")
            for table in _sqlite_tables(source):
                columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
                listed = ", ".join(f'"{c}"' for c in columns)
                with conn.cursor().copy(f'COPY "{table}" ({listed}) FROM STDIN') as copy:
                    for row in source.execute(f'SELECT {listed} FROM "{table}"'):
                        copy.write_row(row)
                if "id" in columns:
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM \"{table}\"))"
                    )
    finally:
        source.close()
    return url


def _pg_contents(url: str, tables: list[str]) -> Table:
    found: Table = {}
    with psycopg.connect(_conninfo(url)) as conn:
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            found[table] = ([d.name for d in cursor.description or ()], cursor.fetchall())
    return found


@pytest.mark.pg
@pytest.mark.parametrize("revision", RELEASED)
def test_postgresql_upgrade_keeps_every_row_and_value(revision, pg_template, tmp_path):
    fixture = FOLDER / f"{revision}.sqlite"
    url = _load_into_postgresql(fixture, revision, pg_template, f"sbpac_rev_{revision[:4]}_{tmp_path.name[-6:]}")
    before = _sqlite_contents(fixture)
    loaded = _pg_contents(url, list(before))
    _assert_kept(before, loaded)  # the load itself is faithful
    broken = scripts_with(tmp_path, FAILING_BODY)
    location = resolve_location(url, {})
    engine = create_app_engine(location)
    try:
        with pytest.raises((RuntimeError, DBAPIError)):  # PostgreSQL refuses the batch rebuild even earlier
            migrate.upgrade_with_scripts(engine, location, broken)
        assert _pg_contents(url, list(before)) == loaded  # one transaction: nothing of it stayed
        with engine.connect() as connection:
            assert migrate.schema_state(connection) is migrate.SchemaState.OUTDATED
        migrate.upgrade(engine, location)
    finally:
        engine.dispose()
    checked = _assert_kept(before, _pg_contents(url, list(before)))
    report = check_database(url)
    assert report.ok, [item.detail_th for item in report.items if not item.ok]
    print(f"\n{revision} -> head on PostgreSQL: {sum(len(r) for _, r in before.values())} rows, {checked} values kept")
