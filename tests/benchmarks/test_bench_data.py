"""Spreadsheet figures on the 100k set (SQLite): export every directive to xlsx and csv,
import 10,000 checked rows into a fresh database."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.spreadsheets import directive_import as spreadsheet_import
from sbpac_desktop.services.spreadsheets.export import tracker_table
from tests.benchmarks.conftest import AS_OF, CACHE
from tests.benchmarks.results import bench_median, median_of, record


def _export(database: str, target: Path) -> int:
    ctx = open_app(database)
    try:
        table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(), AS_OF)
    finally:
        ctx.close()
    return write_table(target, table.headers, table.rows, sheet_name=table.sheet_name, info=table.info).rows


def _export_sql() -> str:
    """The export's one SELECT (directives with meeting, dimension, the summary columns and the
    assignee key), unfiltered, as SQLite text."""
    from sbpac_desktop.services.spreadsheets.export_rows import _directives_query

    query = _directives_query(())
    return str(query.compile(dialect=sqlite_dialect(), compile_kwargs={"literal_binds": True}))


def _raw_csv(database: str, target: Path) -> int:
    """The baseline: the export's own SELECT through the bare sqlite3 module, rows written with
    csv as read (no formatting, no labels)."""
    with sqlite3.connect(database) as connection, open(target, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        count = 0
        for row in connection.execute(_export_sql()):
            writer.writerow(row)
            count += 1
    return count


def test_export_csv(benchmark, sqlite_set, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = benchmark.pedantic(_export, args=(sqlite_set[0], tmp_path / "all.csv"), rounds=2, iterations=1)
    assert rows >= 100_000 or rows >= 10
    baseline = median_of(lambda: _raw_csv(sqlite_set[0], tmp_path / "raw.csv"), 2)
    record(
        "export every directive to csv",
        "sqlite",
        bench_median(benchmark),
        target=2.0,
        baseline=baseline,
        ratio_target=1.5,
        note=f"{rows:,} rows; baseline: the same SELECT with sqlite3 + csv",
    )


def _raw_xlsx(database: str, target: Path) -> int:
    """The baseline: the same SELECT through sqlite3, every value written with plain xlsxwriter
    in constant_memory mode (rows as read, no formatting, one write() per cell)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    sheet = book.add_worksheet("raw")
    count = 0
    with sqlite3.connect(database) as connection:
        for r, row in enumerate(connection.execute(_export_sql())):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
            count += 1
    book.close()
    return count


def test_export_xlsx(benchmark, sqlite_set, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = benchmark.pedantic(_export, args=(sqlite_set[0], tmp_path / "all.xlsx"), rounds=1, iterations=1)
    baseline = median_of(lambda: _raw_xlsx(sqlite_set[0], tmp_path / "raw.xlsx"), 1)
    record(
        "export every directive to xlsx",
        "sqlite",
        bench_median(benchmark),
        target=6.0,
        baseline=baseline,
        ratio_target=1.5,
        note=f"{rows:,} rows; baseline: the same SELECT with sqlite3 + xlsxwriter (constant_memory)",
    )


def _import_file(database: str, target: Path) -> Path:
    """One fiscal year (10,000 directives of the set) as an office sheet: the export without the
    meeting column (the fresh database has no such meetings)."""
    import openpyxl

    cached = CACHE / "import-10k.xlsx"
    if not cached.exists():
        _export_year(database, target)
        book = openpyxl.load_workbook(target)
        sheet = book.worksheets[0]
        sheet.delete_cols(3)
        book.save(cached)
    return cached


def _export_year(database: str, target: Path) -> None:
    ctx = open_app(database)
    try:
        table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(fiscal_year=2566), AS_OF)
    finally:
        ctx.close()
    write_table(target, table.headers, table.rows, sheet_name=table.sheet_name)


def test_import_10k_rows(benchmark, sqlite_set, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sheet = _import_file(sqlite_set[0], tmp_path / "year.xlsx")
    template = tmp_path / "template.db"
    ctx = open_app(str(template), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    reports = []

    def run() -> None:
        target = tmp_path / f"import{len(reports)}.db"
        shutil.copyfile(template, target)
        fresh = open_app(str(target))
        try:
            reports.append(spreadsheet_import.import_directives(fresh.db, fresh.actor, sheet, today=AS_OF))
        finally:
            fresh.close()

    benchmark.pedantic(run, rounds=2, iterations=1)
    assert all(r.committed for r in reports), reports[0].problems[:3]
    baseline = median_of(lambda: _raw_import(sheet, template, tmp_path / "raw.db"), 2)
    record(
        "import 10k checked rows (xlsx)",
        "sqlite",
        bench_median(benchmark),
        target=4.0,
        baseline=baseline,
        note=f"{reports[0].directives:,} rows; baseline: python-calamine read + one sqlite3 executemany of the rows",
    )


def _raw_import(sheet: Path, template: Path, target: Path) -> int:
    """The baseline: read the sheet with python-calamine and insert every row as it is (no
    checks, no lookups, no normalisation, no audit) into a scratch table of a copy of the
    same starting database, with one executemany and one commit."""
    from python_calamine import CalamineWorkbook

    shutil.copyfile(template, target)
    with CalamineWorkbook.from_path(str(sheet)) as book:
        rows = book.get_sheet_by_index(0).to_python()[1:]
    width = max(len(r) for r in rows)
    connection = sqlite3.connect(target)
    try:
        columns = ", ".join(f"c{i}" for i in range(width))
        connection.execute(f"CREATE TABLE raw_import ({columns})")
        marks = ", ".join("?" * width)
        connection.executemany(f"INSERT INTO raw_import VALUES ({marks})", [[str(v) for v in r] for r in rows])
        connection.commit()
    finally:
        connection.close()
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    return len(rows)
