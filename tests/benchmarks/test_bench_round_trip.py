"""The tracker's round trip on the 100k set (SQLite): one fiscal year exported (10,000 directives)
and checked back in with --dry-run, as a clerk does before importing the sheet an office
edited. Every row matches a stored directive, so each is compared with it, its assignees and its
reports (services/spreadsheets/update.py); nothing is written."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.spreadsheets import directive_import
from sbpac_desktop.services.spreadsheets.export import tracker_table
from tests.benchmarks.conftest import AS_OF
from tests.benchmarks.results import bench_median, median_of, record

YEAR = 2566


@pytest.fixture(scope="module")
def year_sheet(sqlite_set: tuple[str, int], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a copy of the 100k database, the year's export): the check runs on a copy, never on the cache."""
    folder = tmp_path_factory.mktemp("round-trip")
    database = folder / "copy.db"
    shutil.copyfile(sqlite_set[0], database)
    sheet = folder / f"tracker-{YEAR}.xlsx"
    ctx = open_app(str(database))
    try:
        table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(fiscal_year=YEAR), AS_OF)
    finally:
        ctx.close()
    write_table(sheet, table.headers, table.rows, sheet_name=table.sheet_name, info=table.info)
    return database, sheet


def _raw_compare(database: Path, sheet: Path) -> int:
    """The baseline: read the sheet with python-calamine and fetch, with bare sqlite3, what the
    check compares each row with (the year's directives, assignments and reports)."""
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(sheet)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT * FROM directive WHERE fiscal_year = ?", (YEAR,)).fetchall()
        connection.execute(
            "SELECT a.* FROM assignment AS a JOIN directive AS d ON d.id = a.directive_id WHERE d.fiscal_year = ?",
            (YEAR,),
        ).fetchall()
        connection.execute(
            "SELECT pr.* FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
            "JOIN directive AS d ON d.id = a.directive_id WHERE d.fiscal_year = ?",
            (YEAR,),
        ).fetchall()
    connection.close()
    return min(len(rows), len(stored))


def test_round_trip_dry_run(benchmark, year_sheet) -> None:  # type: ignore[no-untyped-def]
    database, sheet = year_sheet
    ctx = open_app(str(database))
    try:
        report = benchmark.pedantic(
            directive_import.import_directives,
            args=(ctx.db, ctx.actor, sheet),
            kwargs={"dry_run": True, "today": AS_OF},
            rounds=2,
            iterations=1,
        )
    finally:
        ctx.close()
    outcomes = {outcome.action for outcome in report.outcomes}
    assert not report.committed and outcomes == {"unchanged"}, (outcomes, report.problems[:3])
    baseline = median_of(lambda: _raw_compare(database, sheet), 2)
    record(
        "round trip: a year's export (10,000 rows) checked back in (--dry-run)",
        "sqlite",
        bench_median(benchmark),
        baseline=baseline,
        note="baseline: python-calamine read + the year's directives, assignments and reports through sqlite3",
    )
