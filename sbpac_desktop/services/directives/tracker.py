"""The tracker a page at a time: the window asks for rows 0–199, then 200–399 as the
user scrolls, each page filtered and sorted in SQL (tracker_sql), so ten years of
directives cost what one page costs. Counts per status come in a separate call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, select

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, DirectiveRow, rows_for_directives
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.services.status_sql import status_case
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.tables import directive

PAGE_SIZE = 200
SORT_KEYS = tracker_sql.SORT_KEYS


@dataclass(frozen=True)
class TrackerQuery:
    filters: DirectiveFilter = field(default_factory=DirectiveFilter)
    sort: str = "number"  # one of SORT_KEYS
    descending: bool = False


@dataclass(frozen=True)
class TrackerPage:
    query: TrackerQuery
    offset: int
    rows: tuple[DirectiveRow, ...]
    has_more: bool


@dataclass(frozen=True)
class TrackerCounts:
    total: int
    by_status: tuple[tuple[str, int], ...]  # (status key, count), only keys that occur

    def count(self, key: str) -> int:
        return dict(self.by_status).get(key, 0)


def _check(query: TrackerQuery, offset: int, limit: int) -> None:
    if query.sort not in SORT_KEYS or offset < 0 or not 0 < limit <= 10 * PAGE_SIZE:
        raise ValidationError.single(
            "sort",
            "เรียงลำดับหรือช่วงรายการที่ขอไม่ถูกต้อง",
            f"Unknown sort {query.sort!r} or bad page {offset}+{limit}",
        )


def tracker_page(
    db: Database,
    actor: Actor,
    query: TrackerQuery,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    today: date | None = None,
) -> TrackerPage:
    """Rows offset … offset+limit-1 of the filtered, sorted tracker."""
    require(actor, READ_DATA, "ดูข้อสั่งการ")
    _check(query, offset, limit)
    day = today or date.today()
    with db.connect() as connection:  # a Core read: the page needs no ORM, no Session, no flush
        page_query = (
            select(directive)
            .where(*tracker_sql.conditions(connection, query.filters, day))
            .order_by(*tracker_sql.order_by(query.sort, query.descending, day))
            .offset(offset)
            .limit(limit + 1)  # one more tells whether another page exists
        )
        found = connection.execute(page_query).all()  # the page's directive rows, not ids to read again
        rows = rows_for_directives(connection, found[:limit], day)
    return TrackerPage(query, offset, tuple(rows), len(found) > limit)


def tracker_counts(db: Database, actor: Actor, filters: DirectiveFilter, today: date | None = None) -> TrackerCounts:
    """How many directives match `filters`, per derived status (one GROUP BY in SQL)."""
    require(actor, READ_DATA, "ดูข้อสั่งการ")
    day = today or date.today()
    with db.connect() as connection:  # Core, as the page: the tracker loads no ORM
        status = status_case(day).label("status")
        query = select(status, func.count()).select_from(directive)
        query = query.where(*tracker_sql.conditions(connection, filters, day))
        found = sorted((key, count) for key, count in connection.execute(query.group_by(status)).all())
    return TrackerCounts(sum(n for _key, n in found), tuple(found))


def tracker_years(db: Database, actor: Actor) -> list[int]:
    """Fiscal years that have directives, newest first (the year filter's choices)."""
    require(actor, READ_DATA, "ดูข้อสั่งการ")
    with db.connect() as connection:
        return list(connection.scalars(years_query()))


def years_query() -> Select[tuple[int]]:
    """The years walked down the (fiscal_year, seq) index, one lookup per year, instead of a DISTINCT
    that reads an index entry per directive (~100,000 on the large set, before the first page)."""
    year = directive.c.fiscal_year
    newest = select(func.max(year).label("year")).cte("years", recursive=True)
    below = select(func.max(year)).where(year < newest.c.year).scalar_subquery()
    years = newest.union_all(select(below).where(newest.c.year.is_not(None)))
    return select(years.c.year).where(years.c.year.is_not(None)).order_by(years.c.year.desc())
