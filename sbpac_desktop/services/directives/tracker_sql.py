"""The tracker's filters, derived status and sort orders as SQL over indexed columns.

Derived status (domain.status) needs the effective due date and the latest progress
percent; store.directive_summary keeps both on the directive row, so "overdue in fiscal
year 2563, most days late first" is an index range scan, not a read of every report.
Both the status CASE and the status filters are compiled from the one rule in
domain/status_rule.py by services/status_sql.py; tests compare them with `derive_status`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Select, case, false, literal_column, or_, select, text

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, _post_label
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.permissions import held_posts
from sbpac_desktop.services.status_sql import status_case, status_filter
from sbpac_desktop.store import search_index as index
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import assignment, directive, org_unit, position
from sbpac_desktop.thai import normalize_text

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader

# column -> what the view can sort by in SQL; text and assignee columns filter instead
SORT_KEYS = ("number", "due", "status", "percent")
STATUS_RANK = ("overdue", "blocked", "due_soon", "in_progress", "not_started", "done", "cancelled")

D = directive.c  # Core columns: the filters run on a Session (tracker, documents) or a Connection (CLI)
A = assignment.c
OPEN = DirectiveState.OPEN.value


def order_by(sort: str, descending: bool, today: date) -> list[Any]:
    """Every order ends with the id, so pages never overlap or skip a row."""
    if sort == "due":
        keys: list[Any] = [D.effective_due_on]
    elif sort == "percent":
        keys = [D.latest_percent]
    elif sort == "status":
        # status first, then the most days late (the oldest due date) first
        rank = case(*((status_case(today) == key, n) for n, key in enumerate(STATUS_RANK)), else_=len(STATUS_RANK))
        keys = [rank, D.effective_due_on]
    else:
        keys = [D.fiscal_year, D.seq]
    keys.append(D.id)
    return [key.desc() for key in keys] if descending else keys


def filtered(session: Reader, filters: DirectiveFilter, today: date) -> Select[Any]:
    """SELECT directive.id … WHERE every filter of `filters`."""
    query = select(D.id)
    for condition in conditions(session, filters, today):
        query = query.where(condition)
    return query


def conditions(session: Reader, filters: DirectiveFilter, today: date) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.fiscal_year is not None:
        found.append(D.fiscal_year == filters.fiscal_year)
    if filters.meeting_id is not None:
        found.append(D.meeting_id == filters.meeting_id)
    if filters.dimension_id is not None:
        found.append(D.dimension_id == filters.dimension_id)
    if filters.status:
        found.append(status_filter(filters.status, today))
    if filters.assignee and filters.assignee.strip():
        found.append(_assignee_condition(session, filters.assignee, today))
    if filters.text and filters.text.strip():
        found += _text_conditions(session, filters.text.strip())
    if filters.held_by_user is not None:
        found.append(_held_condition(session, filters.held_by_user, today))
    if filters.place_id is not None:
        from sbpac_desktop.services.places import directives_in_place  # the window's filter only

        found.append(D.id.in_(directives_in_place(filters.place_id)))
    return found


def _held_condition(session: Reader, user_id: int, today: date) -> ColumnElement[bool]:
    """Assigned to a post the user's person holds today, or to such a post's unit (the rule by
    which an officer may report on a directive, services/permissions.py)."""
    posts, units = held_posts(session, user_id, today)
    if not posts and not units:
        return false()
    assigned = select(A.directive_id).where(or_(A.position_id.in_(sorted(posts)), A.org_unit_id.in_(sorted(units))))
    return D.id.in_(assigned)


def _assignee_condition(session: Reader, needle: str, today: date) -> ColumnElement[bool]:
    """Posts and units whose title, code, unit, short name or current holder contain the
    needle are found in Python (small tables); directives then by the indexed assignment ids."""
    folded = needle.strip().casefold()
    unit_columns = (org_unit.c.id, org_unit.c.name, org_unit.c.short_name)
    units = {u.id: u for u in settled(session).execute(select(*unit_columns))}
    holders = current_holders(session, today)

    def has(*texts: str | None) -> bool:
        return any(folded in t.casefold() for t in texts if t)

    unit_ids = [u.id for u in units.values() if has(u.name, u.short_name)]
    post_ids = []
    posts = select(position.c.id, position.c.title, position.c.short_code, position.c.org_unit_id)
    for post in session.execute(posts):
        unit = units.get(post.org_unit_id or -1)
        label = _post_label(post.title, unit.name if unit else None)
        if has(label, post.short_code, holders.get(post.id)):
            post_ids.append(post.id)
    if not unit_ids and not post_ids:
        return false()
    who = or_(
        A.position_id.in_(post_ids) if post_ids else false(),
        A.org_unit_id.in_(unit_ids) if unit_ids else false(),
    )
    return D.id.in_(select(A.directive_id).where(who))


def _text_conditions(session: Reader, needle: str) -> list[ColumnElement[bool]]:
    """Substring of the directive text. The search index narrows first when it can: FTS5
    trigram on SQLite (3+ characters), the pg_trgm expression index on PostgreSQL."""
    exact = D.text.contains(needle, autoescape=True)
    connection = session if isinstance(session, Connection) else session.connection()
    kind = index.KIND_BY_NAME["directive"]
    query = normalize_text(needle)
    if connection.dialect.name == "sqlite":
        if len(query) < 3 or not index.sqlite_has_index(connection):
            return [exact]
        narrowed = text(
            f"SELECT rowid / {index.KIND_CODES} FROM {index.FTS_TABLE} "
            f"WHERE {index.FTS_TABLE} MATCH :tracker_phrase AND rowid % {index.KIND_CODES} = {kind.code}"
        ).bindparams(tracker_phrase=index.fts_phrase(query))
        return [D.id.in_(narrowed), exact]
    if connection.dialect.name == "postgresql" and len(query) >= 3:
        document: ColumnElement[str] = literal_column(f"({index.document_sql(kind)})")
        return [document.ilike(index.like_pattern(query), escape="\\"), exact]
    return [exact]
