"""Which progress report speaks for a directive, as SQL both back ends share.

The lead (the first lead assignment by id, else the first assignment) speaks for the directive:
its newest report by date, else any assignee's newest. The summary columns on `directive` are
kept by this rule in SQLite's triggers and refresh (directive_summary.py) and in PostgreSQL's
trigger function (pg_guards.py); one text, so the two back ends cannot drift apart.
"""

from __future__ import annotations

LEAD_ASSIGNMENT = (
    "(SELECT l.id FROM assignment AS l WHERE l.directive_id = a.directive_id "
    "ORDER BY CASE WHEN l.role = 'lead' THEN 0 ELSE 1 END, l.id LIMIT 1)"
)


def latest_report(column: str, directive_id: str) -> str:
    """A scalar subquery: `column` of the report that speaks for the directive `directive_id` names."""
    return (
        f"(SELECT pr.{column} FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
        f"WHERE a.directive_id = {directive_id} "
        f"ORDER BY CASE WHEN a.id = {LEAD_ASSIGNMENT} THEN 0 ELSE 1 END, pr.report_date DESC, pr.id DESC LIMIT 1)"
    )


# A directive's assignees as one short text, in id order: 'L' or 'S' (lead or supporting), then
# 'p' and the post's id or 'u' and the unit's, comma-separated ('Lp12,Su5'). Directives share
# few such keys, so the export works each one out into labels once (services/spreadsheets).
_TOKEN = (
    "CASE WHEN a.role = 'lead' THEN 'L' ELSE 'S' END || "
    "COALESCE('p' || CAST(a.position_id AS TEXT), 'u' || CAST(a.org_unit_id AS TEXT))"
)


def assignee_key(directive_id: str, dialect: str) -> str:
    """A scalar subquery: the assignee key of the directive `directive_id` names (NULL without any).
    SQLite before 3.44 has no ORDER BY inside an aggregate: it concatenates in the order of an
    ordered subquery."""
    if dialect == "postgresql":
        return (
            f"(SELECT string_agg({_TOKEN}, ',' ORDER BY a.id) FROM assignment AS a "
            f"WHERE a.directive_id = {directive_id})"
        )
    return (
        f"(SELECT group_concat(k, ',') FROM (SELECT {_TOKEN} AS k FROM assignment AS a "
        f"WHERE a.directive_id = {directive_id} ORDER BY a.id))"
    )


def assignee_token(role: str, position_id: int | None, org_unit_id: int | None) -> str:
    """One assignment's part of the key, as the SQL above writes it (for rows written in bulk)."""
    return ("L" if role == "lead" else "S") + (f"p{position_id}" if position_id is not None else f"u{org_unit_id}")
