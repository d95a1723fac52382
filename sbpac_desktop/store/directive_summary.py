"""Columns on `directive` that the tracker filters and sorts on in SQL, kept in step here.

Derived status depends on the effective due date and the latest progress percent. Both
live in other rows (the extension date beside the due date, the newest progress report
of the lead assignment), so finding "overdue" among 100,000 directives would mean
reading every report. Instead three columns summarise them:

- effective_due_on: the approved extension, else the due date;
- latest_percent / latest_report_on: the lead's newest report (by report date, then id),
  else the newest report of any assignee (the rule of services.directive_views).

A session listener refreshes them after every flush that touched a directive, an
assignment or a progress report, so every ORM writer (services, imports, the demo)
keeps them right without knowing they exist. Bulk Core writers (the data-set generator)
call `refresh(connection, None)` or fill the columns themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from sqlalchemy import Connection, Date, Integer, bindparam, event, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from sbpac_desktop.store import pg_guards
from sbpac_desktop.store.models import Assignment, Directive, ProgressReport

_STALE = "sbpac_directive_summary_stale"
_SERVER_DERIVES = "sbpac_server_derives_summary"
CHUNK = 2_000  # ids per statement (PostgreSQL caps parameters at 65,535)

# The lead (first lead assignment by id, else the first assignment) speaks for the directive.
_LEAD = (
    "(SELECT l.id FROM assignment AS l WHERE l.directive_id = a.directive_id "
    "ORDER BY CASE WHEN l.role = 'lead' THEN 0 ELSE 1 END, l.id LIMIT 1)"
)


def _latest(column: str) -> str:
    return (
        f"(SELECT pr.{column} FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
        f"WHERE a.directive_id = directive.id "
        f"ORDER BY CASE WHEN a.id = {_LEAD} THEN 0 ELSE 1 END, pr.report_date DESC, pr.id DESC LIMIT 1)"
    )


_SET = (
    "UPDATE directive SET effective_due_on = COALESCE(extended_due_on, due_on), "
    f"latest_percent = {_latest('percent')}, latest_report_on = {_latest('report_date')}"
)


def refresh(connection: Connection, directive_ids: Iterable[int] | None) -> None:
    """Recompute the summary columns of `directive_ids` (every directive when None)."""
    if directive_ids is None:
        connection.execute(text(_SET))
        return
    ordered = sorted(set(directive_ids))
    if connection.dialect.name == "postgresql" and _server_derives(connection):
        for start in range(0, len(ordered), CHUNK):
            pg_guards.refresh_summary(connection, ordered[start : start + CHUNK])
        return
    statement = text(_SET + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ordered), CHUNK):
        connection.execute(statement, {"ids": ordered[start : start + CHUNK]})


def _server_derives(connection: Connection) -> bool:
    """Migration 0007 installed the server-side summary (asked once per connection)."""
    known = connection.info.get(_SERVER_DERIVES)
    if known is None:
        query = text("SELECT to_regprocedure('sbpac_refresh_directive_summary(integer[])') IS NOT NULL")
        known = connection.info[_SERVER_DERIVES] = bool(connection.execute(query).scalar())
    return bool(known)


def _touched(session: Session) -> set[int]:
    directive_ids: set[int] = set()
    assignment_ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Directive) and obj.id is not None:
            directive_ids.add(obj.id)
        elif isinstance(obj, Assignment) and obj.directive_id is not None:
            directive_ids.add(obj.directive_id)
        elif isinstance(obj, ProgressReport) and obj.assignment_id is not None:
            assignment_ids.add(obj.assignment_id)
    if assignment_ids:
        lookup = text("SELECT directive_id FROM assignment WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        ordered = sorted(assignment_ids)
        for start in range(0, len(ordered), CHUNK):
            rows = session.connection().execute(lookup, {"ids": ordered[start : start + CHUNK]})
            directive_ids.update(row[0] for row in rows)
    return directive_ids


@event.listens_for(Session, "before_flush")
def _effective_due_before_flush(session: Session, _context: object, _instances: object) -> None:
    """Written with the directive's own INSERT/UPDATE, so the audit snapshot shows it."""
    for obj in chain(session.new, session.dirty):
        if isinstance(obj, Directive):
            due = obj.extended_due_on or obj.due_on
            if obj.effective_due_on != due:
                obj.effective_due_on = due


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _context: object) -> None:
    touched = _touched(session)
    if touched:
        refresh(session.connection(), touched)
        session.info.setdefault(_STALE, set()).update(touched)


@event.listens_for(Session, "after_flush_postexec")
def _reload_after_flush(session: Session, _context: object) -> None:
    """Loaded directives get the values the UPDATE above wrote behind the ORM's back: one
    SELECT per flush (expiring them instead cost one SELECT per directive on next access)."""
    loaded: dict[int, object] = {}
    for directive_id in session.info.pop(_STALE, ()):
        obj = session.identity_map.get(identity_key(Directive, directive_id))
        if obj is not None:
            loaded[directive_id] = obj
    if not loaded:
        return
    query = (
        text("SELECT id, latest_percent, latest_report_on FROM directive WHERE id IN :ids")
        .bindparams(bindparam("ids", expanding=True))
        .columns(id=Integer, latest_percent=Integer, latest_report_on=Date)
    )
    ordered = sorted(loaded)
    for start in range(0, len(ordered), CHUNK):
        for row in session.connection().execute(query, {"ids": ordered[start : start + CHUNK]}):
            set_committed_value(loaded[row.id], "latest_percent", row.latest_percent)
            set_committed_value(loaded[row.id], "latest_report_on", row.latest_report_on)
