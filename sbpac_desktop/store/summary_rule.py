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
