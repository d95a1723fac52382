"""Write a checked import plan: Core executemany INSERTs, a batch at a time.

The plan has passed every check (spreadsheets.row_plan), so no ORM object is needed: each batch
is one executemany INSERT for its directives, one for their assignments and one for the
progress reports (ids read back by each table's unique key), then the batch's audit entries (one executemany, chained as
usual). The search index is kept in step by the database (PostgreSQL expression index); on
SQLite the per-row FTS insert triggers are suspended for the import and the new rows indexed
with one statement per table at the end, in the same transaction. Text is normalised exactly
as the editor's services store it (thai.normalize.clean), each distinct value once.

The summary columns are written with the rows (a new directive's only report sits on its
first assignment, which is the lead, listed first: the latest report by the summary's rule);
on SQLite their per-row triggers are suspended meanwhile and not caught up (the rows already
hold what the rule gives: tests/services/test_spreadsheet_import.py compares them with a full
recompute), on PostgreSQL the server's triggers derive them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Date, DateTime, FromClause, Table, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.services.audit_trail import audit_many
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.spreadsheets.row_plan import PlannedDirective
from sbpac_desktop.store import bulk, directive_summary
from sbpac_desktop.store.base import Base, utcnow
from sbpac_desktop.store.models import Assignment, Directive, ProgressReport
from sbpac_desktop.store.search_index import sqlite_insert_triggers_suspended
from sbpac_desktop.store.summary_rule import assignee_token
from sbpac_desktop.thai.normalize import clean

BATCH = 2_000  # directives per round of INSERTs


def write_plan(session: Session, actor: Actor, planned: list[PlannedDirective], today: date) -> None:
    """Insert every planned directive with its assignments and progress report, audited."""
    text = _Cleaner()
    now = utcnow()
    indexed = (Directive.__tablename__, ProgressReport.__tablename__)
    connection = session.connection()
    # the new rows indexed once (SQLite); their summary columns are in the rows themselves (and in
    # their audit entries, which must match the stored row), so no per-row trigger nor catch-up
    summary_kept = directive_summary.sqlite_triggers_suspended(connection, catch_up=False)
    with sqlite_insert_triggers_suspended(connection, indexed), summary_kept:
        for start in range(0, len(planned), BATCH):
            _write_batch(session, actor, planned[start : start + BATCH], today, now, text)


class _Cleaner:
    """thai.normalize.clean with a memory: imported sheets repeat the same texts many times."""

    def __init__(self) -> None:
        self.seen: dict[str | None, str | None] = {}

    def optional(self, value: str | None) -> str | None:
        try:
            return self.seen[value]
        except KeyError:
            cleaned = self.seen[value] = clean(value)
            return cleaned

    def required(self, value: str | None) -> str:
        return self.optional(value) or ""


def _versioned(now: datetime) -> dict[str, Any]:
    return {"version": 1, "created_at": now, "updated_at": now}


def _directive_values(item: PlannedDirective, today: date, now: datetime, text: _Cleaner) -> dict[str, Any]:
    data, report = item.data, item.progress
    return {
        "fiscal_year": item.fiscal_year,
        "seq": data.seq,
        "meeting_id": data.meeting_id,
        "agenda_item_id": data.agenda_item_id,
        "issued_by_person_id": data.issued_by_person_id,
        "issued_on": data.issued_on,
        "text": text.required(data.text),
        "dimension_id": data.dimension_id,
        "priority": data.priority.value,
        "report_cycle": data.report_cycle.value,
        "due_on": data.due_on,
        "extended_due_on": data.extended_due_on,
        "state": item.state.value,
        "closed_on": today if item.state is DirectiveState.CLOSED else None,
        "remarks": text.optional(data.remarks),
        "no_due_reason": text.optional(item.no_due_reason) if data.due_on is None else None,
        "effective_due_on": data.extended_due_on or data.due_on,
        "latest_percent": report.percent if report else None,
        "latest_report_on": report.report_date if report else None,
        "latest_result": text.required(report.result) if report else None,
        "assignee_key": ",".join(assignee_token(a.role.value, a.position_id, a.org_unit_id) for a in data.assignments)
        or None,
        "blocked_reason": None,
        "blocked_on": None,
        **_versioned(now),
    }


def _report_values(item: PlannedDirective, lead_id: int, now: datetime, text: _Cleaner) -> dict[str, Any]:
    report = item.progress
    assert report is not None
    return {
        "assignment_id": lead_id,
        "report_date": report.report_date,
        "period_text": text.optional(report.period_text),
        "reporter_person_id": report.reporter_person_id,
        "percent": report.percent,
        "result": text.required(report.result),
        "problems": text.optional(report.problems),
        "suggestions": text.optional(report.suggestions),
        "next_step": text.optional(report.next_step),
        **_versioned(now),
    }


def _insert(session: Session, table: FromClause, rows: list[dict[str, Any]]) -> None:
    """One executemany (store.bulk: straight to the driver on SQLite). (INSERT … RETURNING with
    the rows' order kept ran one statement per row on SQLite; the ids are read back by each
    table's natural key instead.)"""
    bulk.execute_many(session.connection(), cast(Table, table), rows)  # a mapped class's __table__


def _directive_ids(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Ids of the directives just inserted, by their unique (fiscal year, number)."""
    d = Directive.__table__.c
    years = sorted({r["fiscal_year"] for r in rows})
    seqs = [r["seq"] for r in rows]
    query = select(d.id, d.fiscal_year, d.seq).where(d.fiscal_year.in_(years), d.seq.between(min(seqs), max(seqs)))
    found = {(year, seq): row_id for row_id, year, seq in session.connection().execute(query)}
    return [found[(r["fiscal_year"], r["seq"])] for r in rows]


def _assignment_ids(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Ids of the assignments just inserted, by their unique (directive, post, unit)."""
    a = Assignment.__table__.c
    query = select(a.id, a.directive_id, a.position_id, a.org_unit_id).where(
        a.directive_id.in_(sorted({r["directive_id"] for r in rows}))
    )
    found = {tuple(key): row_id for row_id, *key in session.connection().execute(query)}
    return [found[(r["directive_id"], r["position_id"], r["org_unit_id"])] for r in rows]


def _report_ids(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Ids of the reports just inserted: each sits on a new assignment that has no other."""
    p = ProgressReport.__table__.c
    query = select(p.id, p.assignment_id).where(p.assignment_id.in_([r["assignment_id"] for r in rows]))
    found = {assignment_id: row_id for row_id, assignment_id in session.connection().execute(query)}
    return [found[r["assignment_id"]] for r in rows]


def _write_batch(
    session: Session, actor: Actor, batch: list[PlannedDirective], today: date, now: datetime, text: _Cleaner
) -> None:
    directive_rows = [_directive_values(item, today, now, text) for item in batch]
    _insert(session, Directive.__table__, directive_rows)
    directive_ids = _directive_ids(session, directive_rows)
    assignment_rows = [
        {
            "directive_id": directive_id,
            "position_id": a.position_id,
            "org_unit_id": a.org_unit_id,
            "role": a.role.value,
            **_versioned(now),
        }
        for item, directive_id in zip(batch, directive_ids, strict=True)
        for a in item.data.assignments
    ]
    _insert(session, Assignment.__table__, assignment_rows)
    assignment_ids = iter(_assignment_ids(session, assignment_rows) if assignment_rows else [])
    report_rows = []
    for item in batch:
        ids = [next(assignment_ids) for _ in item.data.assignments]
        if item.progress is not None:
            report_rows.append(_report_values(item, ids[0], now, text))  # the lead is listed first
    _insert(session, ProgressReport.__table__, report_rows)
    report_ids = _report_ids(session, report_rows) if report_rows else []
    audit_many(
        session,
        actor,
        [
            *_entries("directive", directive_ids, directive_rows, Directive),
            *_entries("progress_report", report_ids, report_rows, ProgressReport),
        ],
    )


def _entries(
    entity: str, ids: list[int], rows: list[dict[str, Any]], model: type[Base]
) -> list[tuple[str, str, int | None, None, dict[str, Any]]]:
    """What audit_trail.snapshot would give for each inserted row ('create' entries): dates as ISO
    text. The row dicts are copied and only the date and time columns' values converted, each
    distinct value once (a batch shares its dates and its one timestamp)."""
    from sqlalchemy import inspect

    attrs = inspect(model).column_attrs
    plain = [attr.key for attr in attrs if attr.key != "id"]
    dated = [attr.key for attr in attrs if isinstance(attr.columns[0].type, Date | DateTime)]
    iso: dict[date, str] = {}
    entries: list[tuple[str, str, int | None, None, dict[str, Any]]] = []
    for row_id, row in zip(ids, rows, strict=True):
        after = {key: row[key] for key in plain}
        for key in dated:
            value = after[key]
            if value is not None:
                text = iso.get(value)
                after[key] = text if text is not None else iso.setdefault(value, value.isoformat())
        after["id"] = row_id
        entries.append(("create", entity, row_id, None, after))
    return entries
