"""The figures `make bench` reports: each test records what it measured with its target and
baseline; the session-finish hook (conftest) writes tests/benchmarks/results.json and prints
one table. A partial run replaces only the figures it measured."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS_PATH = Path(__file__).with_name("results.json")
RESULTS: list[dict[str, Any]] = []


def machine() -> str:
    cpus = os.cpu_count() or 0
    return (
        f"{cpus} CPU {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def record(
    name: str,
    backend: str,
    value: float,
    unit: str = "s",
    *,
    target: float | None = None,
    baseline: float | None = None,
    ratio_target: float | None = None,
    note: str | None = None,
) -> None:
    ratio = round(value / baseline, 2) if baseline else None
    meets = (target is None or value <= target) and (ratio_target is None or ratio is None or ratio <= ratio_target)
    RESULTS.append(
        {
            "name": name,
            "backend": backend,
            "value": round(value, 4),
            "unit": unit,
            "target": target,
            "baseline": None if baseline is None else round(baseline, 4),
            "ratio": ratio,
            "ratio_target": ratio_target,
            "meets_target": meets,
            "note": note,
            "machine": machine(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        }
    )


def median_of(function: Callable[[], object], rounds: int = 5) -> float:
    """Median wall time of `rounds` calls (for baselines measured beside a benchmark)."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def raw_sql_median(engine: Any, sql: str, rounds: int = 5) -> float:
    """Median time of one SQL text through the bare DB-API cursor: the baseline of a query."""
    raw = engine.raw_connection()
    try:

        def run() -> None:
            cursor = raw.cursor()
            cursor.execute(sql)
            cursor.fetchall()
            cursor.close()

        return median_of(run, rounds)
    finally:
        raw.close()


def bench_median(benchmark: Any) -> float:
    return float(benchmark.stats.stats.median)


def save() -> list[dict[str, Any]]:
    """Merge this run's figures into results.json (same name and backend: replaced)."""
    previous: list[dict[str, Any]] = []
    if RESULTS_PATH.exists():
        try:
            previous = json.loads(RESULTS_PATH.read_text(encoding="utf-8"))
        except ValueError:
            previous = []
    fresh = {(r["name"], r["backend"]) for r in RESULTS}
    merged = [r for r in previous if (r["name"], r["backend"]) not in fresh] + RESULTS
    RESULTS_PATH.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return merged


def table(rows: list[dict[str, Any]]) -> list[str]:
    def show(value: float | None, unit: str) -> str:
        if value is None:
            return "—"
        return f"{value * 1000:.1f} ms" if unit == "s" and value < 1 else f"{value:,.2f} {unit}"

    lines = [f"{'figure':<52} {'backend':<10} {'value':>11} {'target':>11} {'baseline':>11} {'ratio':>7}  ok"]
    for r in rows:
        ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}×"
        target = show(r["target"], r["unit"])
        lines.append(
            f"{r['name'][:52]:<52} {r['backend']:<10} {show(r['value'], r['unit']):>11} {target:>11} "
            f"{show(r['baseline'], r['unit']):>11} {ratio:>7}  {'yes' if r['meets_target'] else 'NO'}"
        )
    if rows:
        lines.append(f"machine: {rows[-1]['machine']}; date {rows[-1]['date']}")
    return lines
