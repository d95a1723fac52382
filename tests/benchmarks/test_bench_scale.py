"""Issue 7 figures on the 100k data set, on SQLite and PostgreSQL: the tracker (first page,
sort change, filter) against the same SELECT run raw, Thai search (issue #16: the commonest
words and 1-character queries too) against the raw FTS / LIKE query that ranks every match,
and opening a directive with 50 progress reports; the meetings page's first read."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from sbpac_desktop.services import search
from sbpac_desktop.services.directives import directives, tracker, tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.store import search_index
from sbpac_desktop.store.models import Directive
from tests.benchmarks.conftest import AS_OF
from tests.benchmarks.results import bench_median, median_of, raw_sql_median, record

TRACKER_CASES = {
    # name: (query, target seconds)
    "tracker first page (200 rows)": (tracker.TrackerQuery(), 0.5),
    "tracker sort change (status, days late)": (tracker.TrackerQuery(sort="status"), 0.3),
    "tracker filter (overdue, one year, by due)": (
        tracker.TrackerQuery(DirectiveFilter(status="overdue", fiscal_year=2566), sort="due"),
        0.3,
    ),
    "tracker filter (text 'ปอเนาะ')": (tracker.TrackerQuery(DirectiveFilter(text="ปอเนาะ")), 0.3),
}


def _raw_page(ctx, query: tracker.TrackerQuery) -> float:  # type: ignore[no-untyped-def]
    """The page's SELECT (directive rows, same WHERE / ORDER BY / LIMIT) through the bare driver."""
    with ctx.db.unit_of_work() as session:
        ids = tracker_sql.filtered(session, query.filters, AS_OF)
        statement = (
            select(Directive.__table__)
            .where(Directive.id.in_(ids))
            .order_by(*tracker_sql.order_by(query.sort, query.descending, AS_OF))
            .limit(tracker.PAGE_SIZE)
        )
        sql = str(statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    return raw_sql_median(ctx.db.engine, sql)


@pytest.mark.parametrize("case", list(TRACKER_CASES))
def test_tracker_pages(benchmark, dataset, case: str) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    query, target = TRACKER_CASES[case]
    page = benchmark.pedantic(
        tracker.tracker_page, args=(ctx.db, ctx.actor, query, 0, tracker.PAGE_SIZE, AS_OF), rounds=5, iterations=1
    )
    assert page.rows
    record(case, backend, bench_median(benchmark), target=target, baseline=_raw_page(ctx, query), ratio_target=3)


def test_tracker_counts(benchmark, dataset) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    counts = benchmark.pedantic(
        tracker.tracker_counts, args=(ctx.db, ctx.actor, DirectiveFilter(), AS_OF), rounds=3, iterations=1
    )
    assert counts.total >= 10
    record("tracker counts per status (all directives)", backend, bench_median(benchmark))


SEARCH_CASES = {
    # name: (query, target seconds on SQLite, on PostgreSQL)
    "Thai search, 3+ characters": ("ปอเนาะ", 0.1, 0.15),
    "Thai search, 2 characters": ("มร", 0.1, 0.15),
    # issue #16: the commonest words and 1-character queries
    "Thai search, common word 'งบประมาณ'": ("งบประมาณ", 0.1, 0.15),
    "Thai search, common phrase 'การพัฒนาพื้นที่'": ("การพัฒนาพื้นที่", 0.1, 0.15),
    "Thai search, commonest word 'พื้นที่'": ("พื้นที่", 0.1, 0.15),
    "Thai search, common short word 'ให้'": ("ให้", 0.1, 0.15),
    "Thai search, 1 character 'ก'": ("ก", 0.1, 0.15),
    "search, 1 rare character 'x'": ("x", 0.1, 0.15),
}


def _raw_search(connection, backend: str, query: str) -> None:  # type: ignore[no-untyped-def]
    """The baseline: the raw query that ranks every match and keeps the best 50 (FTS5 bm25 on
    SQLite for 3+ characters; otherwise ILIKE / LIKE, title hits first, over every record)."""
    if backend == "sqlite" and len(query) >= 3:
        connection.exec_driver_sql(
            f"SELECT rowid, bm25({search_index.FTS_TABLE}, 3.0, 1.0) AS score FROM {search_index.FTS_TABLE} "
            f"WHERE {search_index.FTS_TABLE} MATCH ? ORDER BY score LIMIT 50",
            (search_index.fts_phrase(query),),
        ).all()
        return
    like = "ILIKE" if backend == "postgresql" else "LIKE"
    for kind in search_index.KINDS:
        target = kind.title_column if len(query) == 1 else f"({search_index.document_sql(kind)})"
        connection.execute(
            text(
                f"SELECT id FROM {kind.table} WHERE {target} {like} :pattern ESCAPE '\\' "
                f"ORDER BY CASE WHEN {kind.title_column} {like} :pattern ESCAPE '\\' THEN 0 ELSE 1 END, id DESC "
                "LIMIT 50"
            ),
            {"pattern": search_index.like_pattern(query)},
        ).all()


@pytest.mark.parametrize("case", list(SEARCH_CASES))
def test_search(benchmark, dataset, case: str) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    query, sqlite_target, pg_target = SEARCH_CASES[case]
    found = benchmark.pedantic(search.search_results, args=(ctx.db, ctx.actor, query), rounds=5, iterations=1)
    assert found.hits or query == "x"
    with ctx.db.engine.connect() as connection:
        baseline = median_of(lambda: _raw_search(connection, backend, query), 3)
    target = sqlite_target if backend == "sqlite" else pg_target
    note = f"{len(found.hits)} hits{', more' if found.more else ''}; baseline ranks every match"
    record(case, backend, bench_median(benchmark), target=target, baseline=baseline, note=note)


def test_open_directive_with_50_reports(benchmark, dataset) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, many = dataset
    detail = benchmark.pedantic(directives.get_directive, args=(ctx.db, ctx.actor, many), rounds=10, iterations=1)
    assert len(detail.reports) >= 50
    record("open a directive with 50 progress reports", backend, bench_median(benchmark), target=0.1)


MEETINGS_RAW = (
    "SELECT m.*, s.name, c.prefix, c.first_name, c.last_name, r.prefix, r.first_name, r.last_name "
    "FROM meeting m JOIN meeting_series s ON s.id = m.series_id "
    "LEFT JOIN person c ON c.id = m.chair_person_id LEFT JOIN person r ON r.id = m.recorder_person_id "
    "ORDER BY m.meeting_date DESC, m.id DESC"
)


def test_meetings_page_first_read(benchmark, dataset) -> None:  # type: ignore[no-untyped-def]
    """The page the window opens on (issue #16): every meeting, newest first, with its series and
    its chair's and recorder's names; the baseline is the same joined SELECT through the driver."""
    backend, ctx, _many = dataset
    listed = benchmark.pedantic(meetings.list_meetings, args=(ctx.db, ctx.actor), rounds=7, iterations=1)
    assert listed
    baseline = raw_sql_median(ctx.db.engine, MEETINGS_RAW)
    name = "meetings page's first read (every meeting)"
    record(name, backend, bench_median(benchmark), baseline=baseline, note=f"{len(listed)} meetings")
