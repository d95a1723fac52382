"""SQLite keeps directive's summary columns by triggers (migration 0011), whoever writes: here plain
sqlite3 statements, no app code at all; and a bulk writer's suspension catches up once at the end."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from sbpac_desktop.store import directive_summary
from tests.unit.test_backup import demo_database

NOW = "2026-01-01 00:00:00"


def _summary(conn: sqlite3.Connection, directive_id: int) -> tuple[object, ...]:
    return conn.execute(
        "SELECT effective_due_on, latest_percent, latest_report_on FROM directive WHERE id = ?", (directive_id,)
    ).fetchone()


def _lead(conn: sqlite3.Connection) -> tuple[int, int]:
    return conn.execute("SELECT id, directive_id FROM assignment WHERE role = 'lead' ORDER BY id LIMIT 1").fetchone()


def _report(conn: sqlite3.Connection, assignment_id: int, day: str, percent: int) -> int:
    cursor = conn.execute(
        "INSERT INTO progress_report (assignment_id, report_date, percent, result, version, created_at, updated_at) "
        "VALUES (?, ?, ?, 'x', 1, ?, ?)",
        (assignment_id, day, percent, NOW, NOW),
    )
    return int(cursor.lastrowid or 0)


def test_plain_sql_writes_keep_the_summary(tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_database(tmp_path))
    assignment_id, directive_id = _lead(conn)
    report_id = _report(conn, assignment_id, "2099-01-02", 40)
    assert _summary(conn, directive_id)[1:] == (40, "2099-01-02")
    conn.execute("UPDATE progress_report SET percent = 70 WHERE id = ?", (report_id,))
    assert _summary(conn, directive_id)[1] == 70
    conn.execute("UPDATE directive SET extended_due_on = '2099-12-31' WHERE id = ?", (directive_id,))
    assert _summary(conn, directive_id)[0] == "2099-12-31"
    conn.execute("DELETE FROM progress_report WHERE id = ?", (report_id,))
    assert _summary(conn, directive_id)[1:] != (70, "2099-01-02")
    conn.commit()


def test_suspended_triggers_do_nothing_per_row_then_catch_up(tmp_path: Path) -> None:
    path = demo_database(tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        assignment_id, directive_id = _lead(raw)
        with directive_summary.sqlite_triggers_suspended(connection):
            _report(raw, assignment_id, "2099-03-04", 90)
            assert _summary(raw, directive_id)[1:] != (90, "2099-03-04")  # no trigger ran
        assert _summary(raw, directive_id)[1:] == (90, "2099-03-04")  # caught up once
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(directive_summary.SQLITE_TRIGGER_NAMES) <= names  # and back in place
    engine.dispose()
