"""Command-line start-up (issue #16), run by `make bench` only: process start to exit of
`sbpac-desktop --version` and of `directives --json` on the demo database, each against
`python -c "import sqlalchemy"` timed in the same run, one baseline process before each
measured one so both see the same machine load. Target: ≤ 1.5× the baseline."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo import load_demo
from tests.benchmarks.results import bench_median, record

BASELINE = [sys.executable, "-c", "import sqlalchemy"]
ROUNDS = 7


def _console() -> list[str]:
    """The installed console script (what a clerk types), else `python -m sbpac_desktop`."""
    script = Path(sys.executable).with_name("sbpac-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sbpac_desktop"]


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def _against_baseline(benchmark: Any, command: list[str]) -> tuple[float, float]:
    """(median of the command, median of the baseline), the baseline run just before each round."""
    baseline: list[float] = []
    benchmark.pedantic(
        lambda: subprocess.run(command, check=True, capture_output=True, timeout=120),
        setup=lambda: baseline.append(_wall(BASELINE)),
        rounds=ROUNDS,
        iterations=1,
        warmup_rounds=1,
    )
    return bench_median(benchmark), statistics.median(baseline)


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    ctx = open_app(str(path), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    return path


def test_cli_version_process(benchmark: Any) -> None:
    value, baseline = _against_baseline(benchmark, [*_console(), "--version"])
    record("CLI --version, process start to exit", "-", value, baseline=baseline, ratio_target=1.5)


def test_cli_directives_json_process(benchmark: Any, demo_database: Path) -> None:
    command = [*_console(), "--db", str(demo_database), "directives", "--json"]
    value, baseline = _against_baseline(benchmark, command)
    record("CLI directives --json (demo), start to exit", "sqlite", value, baseline=baseline, ratio_target=1.5)
