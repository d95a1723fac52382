"""Columns on `directive` that the tracker filters and sorts on in SQL, kept by the database.

Derived status depends on the effective due date and the latest progress percent. Both
live in other rows (the extension date beside the due date, the newest progress report
of the lead assignment), so finding "overdue" among 100,000 directives would mean
reading every report. Instead these columns summarise them:

- effective_due_on: the approved extension, else the due date;
- latest_percent / latest_report_on / latest_result: the lead's newest report (by report date,
  then id), else the newest report of any assignee (the rule of services.directives.directive_views);
  the result since migration 0012, for the export (a lookup per directive cost it a second);
- assignee_key (0012): the assignees in id order as one short text (store/summary_rule.py), which
  the export turns into labels once per distinct key.

Triggers keep them, whoever writes: on SQLite those of migration 0011 (`SQLITE_TRIGGERS`,
named trg_summary_*), on PostgreSQL those of migration 0007 (store/pg_guards.py). Nothing
happens behind the ORM's back in Python: the model marks the columns as written by the
server, and a service that shows a directive it has just changed calls `reload`. Bulk
writers wrap their INSERTs in `sqlite_triggers_suspended`: one UPDATE at the end instead of
one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Date, Integer, Text, bindparam, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from sbpac_desktop.store import pg_guards
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.summary_rule import assignee_key, latest_report

_SERVER_DERIVES = "sbpac_server_derives_summary"
CHUNK = 2_000  # ids per statement (PostgreSQL caps parameters at 65,535)
# latest_result and assignee_key since migration 0012; migrations 0004 to 0011 kept the first three
COLUMNS_0011 = ("effective_due_on", "latest_percent", "latest_report_on")
COLUMNS = (*COLUMNS_0011, "latest_result", "assignee_key")
TRIGGER_PREFIX = "trg_summary_"
_REPORT_COLUMN = {"latest_percent": "percent", "latest_report_on": "report_date", "latest_result": "result"}


def update_summary(columns: tuple[str, ...] = COLUMNS, dialect: str = "sqlite") -> str:
    """UPDATE directive SET every summary column of `columns` (without a WHERE)."""
    derived = [f"{c} = {latest_report(_REPORT_COLUMN[c], 'directive.id')}" for c in columns if c in _REPORT_COLUMN]
    if "assignee_key" in columns:
        derived.append(f"assignee_key = {assignee_key('directive.id', dialect)}")
    return f"UPDATE directive SET effective_due_on = COALESCE(extended_due_on, due_on), {', '.join(derived)}"


UPDATE_SUMMARY = update_summary()


def _trigger(name: str, event: str, table: str, directives: str, columns: tuple[str, ...]) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {TRIGGER_PREFIX}{name} AFTER {event} ON {table} "
        f"BEGIN {update_summary(columns)} WHERE id IN ({directives}); END"
    )


def _of_assignment(assignment_id: str) -> str:
    return f"SELECT directive_id FROM assignment WHERE id = {assignment_id}"


def sqlite_triggers(columns: tuple[str, ...] = COLUMNS) -> tuple[str, ...]:
    """The CREATE TRIGGER statements that keep `columns` (a migration names the ones of its time)."""
    # A directive's own UPDATE re-derives only its due date: the UPDATEs below set the summary
    # columns alone, so they do not set this one off again.
    report_fields = ", ".join(["percent", *(["result"] if "latest_result" in columns else [])])
    assignment_fields = "directive_id, role" + (", position_id, org_unit_id" if "assignee_key" in columns else "")
    return (
        _trigger("directive_ai", "INSERT", "directive", "NEW.id", columns),
        f"CREATE TRIGGER IF NOT EXISTS {TRIGGER_PREFIX}directive_au AFTER UPDATE OF due_on, extended_due_on "
        "ON directive WHEN NEW.effective_due_on IS NOT COALESCE(NEW.extended_due_on, NEW.due_on) "
        "BEGIN UPDATE directive SET effective_due_on = COALESCE(NEW.extended_due_on, NEW.due_on) "
        "WHERE id = NEW.id; END",
        _trigger("assignment_ai", "INSERT", "assignment", "NEW.directive_id", columns),
        _trigger(
            "assignment_au",
            f"UPDATE OF {assignment_fields}",
            "assignment",
            "OLD.directive_id, NEW.directive_id",
            columns,
        ),
        _trigger("assignment_ad", "DELETE", "assignment", "OLD.directive_id", columns),
        _trigger("progress_report_ai", "INSERT", "progress_report", _of_assignment("NEW.assignment_id"), columns),
        _trigger(
            "progress_report_au",
            f"UPDATE OF assignment_id, report_date, {report_fields}",
            "progress_report",
            f"{_of_assignment('OLD.assignment_id')} UNION {_of_assignment('NEW.assignment_id')}",
            columns,
        ),
        _trigger("progress_report_ad", "DELETE", "progress_report", _of_assignment("OLD.assignment_id"), columns),
    )


SQLITE_TRIGGERS = sqlite_triggers()
SQLITE_TRIGGER_NAMES = tuple(statement.split()[5] for statement in SQLITE_TRIGGERS)


def install_sqlite_triggers(connection: Connection, columns: tuple[str, ...] = COLUMNS) -> None:
    for statement in sqlite_triggers(columns):
        connection.exec_driver_sql(statement)


def drop_sqlite_triggers(connection: Connection) -> None:
    for name in SQLITE_TRIGGER_NAMES:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


@contextmanager
def sqlite_triggers_suspended(connection: Connection, *, catch_up: bool = True) -> Iterator[None]:
    """For a bulk load in the caller's transaction: no per-row trigger work while inside, then one
    UPDATE of every directive the block inserted or gave new assignments or reports (ids above the
    maxima before it). Only inserts are caught up: a bulk writer does not update or delete. The
    caller's rollback also undoes the DROP (SQLite DDL is transactional). PostgreSQL keeps its
    statement-level triggers (migration 0007): nothing to do there. `catch_up=False`: the writer
    inserted only new directives with their own assignments and reports, and wrote their summary
    columns itself; the triggers are only put back."""
    if connection.dialect.name != "sqlite":
        yield
        return
    if not catch_up:
        drop_sqlite_triggers(connection)
        try:
            yield
        finally:
            install_sqlite_triggers(connection)
        return
    tables = ("directive", "assignment", "progress_report")
    before = {t: connection.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {t}").scalar_one() for t in tables}
    drop_sqlite_triggers(connection)
    try:
        yield
        touched = (
            "SELECT id FROM directive WHERE id > :directive "
            "UNION SELECT directive_id FROM assignment WHERE id > :assignment "
            "UNION SELECT a.directive_id FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
            "WHERE pr.id > :progress_report"
        )
        connection.execute(text(f"{UPDATE_SUMMARY} WHERE id IN ({touched})"), before)
    finally:
        install_sqlite_triggers(connection)


def refresh(connection: Connection, directive_ids: Iterable[int] | None, columns: tuple[str, ...] = COLUMNS) -> None:
    """Recompute the summary columns of `directive_ids` (every directive when None): the backfill of
    migrations (which name the columns of their time), and a repair after writes that went around
    the triggers."""
    if directive_ids is None:
        connection.execute(text(update_summary(columns, connection.dialect.name)))
        return
    ordered = sorted(set(directive_ids))
    if connection.dialect.name == "postgresql" and _server_derives(connection):
        for start in range(0, len(ordered), CHUNK):
            pg_guards.refresh_summary(connection, ordered[start : start + CHUNK])
        return
    update = update_summary(columns, connection.dialect.name)
    statement = text(update + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ordered), CHUNK):
        connection.execute(statement, {"ids": ordered[start : start + CHUNK]})


def _server_derives(connection: Connection) -> bool:
    """Migration 0007 installed the server-side summary (asked once per connection)."""
    known = connection.info.get(_SERVER_DERIVES)
    if known is None:
        query = text("SELECT to_regprocedure('sbpac_refresh_directive_summary(integer[])') IS NOT NULL")
        known = connection.info[_SERVER_DERIVES] = bool(connection.execute(query).scalar())
    return bool(known)


def reload(session: Session, directive_ids: Iterable[int]) -> None:
    """Give the loaded Directive objects among `directive_ids` the values the triggers wrote (after a
    flush of their reports or assignments): one SELECT per chunk, not one per object on access."""
    session.flush()
    loaded: dict[int, Directive] = {}
    for directive_id in set(directive_ids):
        obj = session.identity_map.get(identity_key(Directive, directive_id))
        if isinstance(obj, Directive):
            loaded[directive_id] = obj
    query = (
        text(f"SELECT id, {', '.join(COLUMNS)} FROM directive WHERE id IN :ids")
        .bindparams(bindparam("ids", expanding=True))
        .columns(
            id=Integer,
            effective_due_on=Date,
            latest_percent=Integer,
            latest_report_on=Date,
            latest_result=Text,
            assignee_key=Text,
        )
    )
    ordered = sorted(loaded)
    for start in range(0, len(ordered), CHUNK):
        for row in session.connection().execute(query, {"ids": ordered[start : start + CHUNK]}):
            for column in COLUMNS:
                set_committed_value(loaded[row.id], column, getattr(row, column))
