"""A database made by the first released schema (0001_initial), full of realistic data,
upgrades to today's schema keeping every row and every value of every column it had.

The fixture is tests/fixtures/v1_0001.sqlite, made by tests/fixtures/make_v1_fixture.py."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sbpac_desktop.services.admin.maintenance import check_database
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.store import migrate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "v1_0001.sqlite"
Table = dict[str, tuple[list[str], list[tuple[Any, ...]]]]
# 0007 re-computes the audit chain under hash rule 2 (every column); check_database below proves it.
RESEALED = {("audit_entry", "prev_hash"), ("audit_entry", "hash")}


def _contents(path: Path) -> Table:
    conn = sqlite3.connect(path)
    try:
        names = [
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if n != "alembic_version" and not n.startswith("sqlite_") and "fts" not in n
        ]
        found: Table = {}
        for name in names:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            found[name] = (columns, rows)
        return found
    finally:
        conn.close()


def test_fixture_is_the_first_release_and_small() -> None:
    conn = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001_initial",)]
    finally:
        conn.close()
    assert FIXTURE.stat().st_size < 1_000_000


def test_upgrade_keeps_every_row_and_value(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    shutil.copyfile(FIXTURE, db)
    before = _contents(db)
    ctx = open_app(str(db))  # the app upgrades an old file itself, after a backup
    try:
        assert len(directives.list_directives(ctx.db, ctx.actor)) == len(before["directive"][1])
        assert len(meetings.list_meetings(ctx.db, ctx.actor)) == len(before["meeting"][1])
    finally:
        ctx.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    finally:
        conn.close()
    after = _contents(db)
    checked = 0
    for table, (old_columns, old_rows) in before.items():
        new_columns, new_rows = after[table]
        assert set(old_columns) <= set(new_columns), f"{table} lost columns"
        compared = [c for c in old_columns if (table, c) not in RESEALED]
        kept = [tuple(row[new_columns.index(c)] for c in compared) for row in new_rows]
        was = [tuple(row[old_columns.index(c)] for c in compared) for row in old_rows]
        assert sorted(kept, key=repr) == sorted(was, key=repr), f"{table}: rows or values changed"
        checked += len(old_rows) * len(compared)
    assert before["directive"][1] and before["audit_entry"][1] and before["attachment"][1]
    report = check_database(str(db))
    assert report.ok, [item.detail_th for item in report.items if not item.ok]
    print(
        f"\nv1 fixture upgraded to {migrate.head_revision()}: {sum(len(r) for _, r in before.values())} rows, "
        f"{checked} values compared, all kept"
    )
