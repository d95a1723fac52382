"""`make bench` only: the 100k data set (built once per backend; the SQLite file is cached
under .cache/bench keyed by the generator version), and the results table at the end."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.directives import directives, progress, tracker
from tests.benchmarks import results

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "bench"
AS_OF = date(2026, 11, 25)
N = int(os.environ.get("SBPAC_BENCH_DIRECTIVES", "100000"))
PG_N = int(os.environ.get("SBPAC_BENCH_PG_DIRECTIVES", str(N)))
REPORTS_ON_ONE = 50  # "open a directive with 50 progress reports"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not results.RESULTS:
        return
    merged = results.save()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = ["", f"SBPAC benchmark figures (saved to {results.RESULTS_PATH.relative_to(ROOT)})", *results.table(merged)]
    for line in lines:
        if reporter is not None:
            reporter.write_line(line)
        else:
            print(line)


def _with_many_reports(ctx: AppContext) -> int:
    """The newest directive gets 50 progress reports (through the service, as a clerk would)."""
    query = tracker.TrackerQuery(sort="number", descending=True)
    newest = tracker.tracker_page(ctx.db, ctx.actor, query, 0, 1, AS_OF).rows[0]
    detail = directives.get_directive(ctx.db, ctx.actor, newest.id)
    lead = detail.assignments[0].id
    for k in range(len(detail.reports), REPORTS_ON_ONE):
        progress.add_progress(
            ctx.db,
            ctx.actor,
            progress.ProgressInput(lead, newest.issued_on, min(99, k * 2), f"ความก้าวหน้าครั้งที่ {k + 1}"),
            today=AS_OF,
        )
    return newest.id


def _build(ctx: AppContext, n: int) -> int:
    generate.generate(ctx.db, ctx.actor, n, seed=1, as_of=AS_OF)
    return _with_many_reports(ctx)


@pytest.fixture(scope="session")
def sqlite_set() -> tuple[str, int]:
    """(path, id of the directive with 50 reports) of the cached SQLite data set."""
    return cached_sqlite_set(N)


@pytest.fixture(scope="session")
def sqlite_set_10k() -> tuple[str, int]:
    """The same generator at a tenth of the size: what "flat from 10k to 100k" compares with."""
    return cached_sqlite_set(N // 10)


def cached_sqlite_set(n: int) -> tuple[str, int]:
    """Built once per generator version and size, then kept under .cache/bench."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"sqlite-g{generate.GENERATOR_VERSION}-n{n}-{AS_OF.isoformat()}.db"
    marker = path.with_suffix(".ready")
    if not marker.exists():
        for stale in CACHE.glob(path.name + "*"):
            stale.unlink()
        building = CACHE / "building.db"
        for stale in CACHE.glob("building.db*"):
            stale.unlink()
        ctx = open_app(str(building), create=True)
        try:
            many = _build(ctx, n)
        finally:
            ctx.close()
        with sqlite3.connect(building) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.move(building, path)
        for leftover in CACHE.glob("building.db*"):
            leftover.unlink()
        marker.write_text(str(many), encoding="utf-8")
    return str(path), int(marker.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pg_set() -> Iterator[tuple[str, int]]:
    """A PostgreSQL server (tests/support/pgcluster) with the data set; built every run."""
    from tests.support.pgcluster import PgCluster, pg_available

    ok, reason = pg_available()
    if not ok:
        pytest.skip(f"PostgreSQL benchmarks skipped: {reason}")
    with PgCluster() as cluster:
        url = cluster.create_database("sbpac_bench")
        ctx = open_app(url, create=True, upgrade=True)
        try:
            many = _build(ctx, PG_N)
            with ctx.db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")  # autovacuum would do it soon after a bulk load
                conn.commit()
        finally:
            ctx.close()
        yield url, many


@pytest.fixture(params=["sqlite", "postgresql"])
def dataset(request: pytest.FixtureRequest) -> Iterator[tuple[str, AppContext, int]]:
    """(backend, open context, directive with 50 reports) on each backend."""
    location, many = request.getfixturevalue("sqlite_set" if request.param == "sqlite" else "pg_set")
    ctx = open_app(location)
    yield request.param, ctx, many
    ctx.close()
