"""Issue 7 figures on the 100k data set, on SQLite and PostgreSQL: the tracker (first page,
sort change, filter) against the same SELECT run raw, Thai search against the raw FTS /
LIKE query, and opening a directive with 50 progress reports."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sbpac_desktop.services import directives, search, tracker, tracker_sql
from sbpac_desktop.services.directive_views import DirectiveFilter
from sbpac_desktop.store import search_index
from sbpac_desktop.store.models import Directive
from tests.benchmarks.conftest import AS_OF
from tests.benchmarks.results import bench_median, median_of, record

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
    raw = ctx.db.engine.raw_connection()
    try:

        def run() -> None:
            cursor = raw.cursor()
            cursor.execute(sql)
            cursor.fetchall()
            cursor.close()

        return median_of(run, 5)
    finally:
        raw.close()


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


SEARCH_CASES = {"Thai search, 3+ characters": ("ปอเนาะ", 0.1), "Thai search, 2 characters": ("มร", 0.5)}


@pytest.mark.parametrize("case", list(SEARCH_CASES))
def test_search(benchmark, dataset, case: str) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    text, target = SEARCH_CASES[case]
    hits = benchmark.pedantic(search.search, args=(ctx.db, ctx.actor, text), rounds=5, iterations=1)
    assert hits
    with ctx.db.engine.connect() as connection:
        if backend == "sqlite" and len(text) >= 3:
            baseline = median_of(lambda: search_index.sqlite_match(connection, text, 50))
        else:
            baseline = median_of(lambda: search_index.scan(connection, text, 50))
    record(case, backend, bench_median(benchmark), target=target, baseline=baseline)


def test_open_directive_with_50_reports(benchmark, dataset) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, many = dataset
    detail = benchmark.pedantic(directives.get_directive, args=(ctx.db, ctx.actor, many), rounds=10, iterations=1)
    assert len(detail.reports) >= 50
    record("open a directive with 50 progress reports", backend, bench_median(benchmark), target=0.1)
