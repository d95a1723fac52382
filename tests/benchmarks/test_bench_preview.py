"""The minutes preview in the window (issue #16, "every preview"): from the render asked of the
worker process to the PDF written, on the demo database — with the worker cold (the first
preview before this change: a 'spawn' process starting, importing the renderers and the
database layer), warmed (a meeting window started it and loaded the renderers, the clerk then
clicks the minutes tab: gui/process_operations.warm_worker) and on the second preview. Baseline:
the same render in this process, already warm. The display in QtPdf is not included."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sbpac_desktop import render_jobs
from sbpac_desktop.gui.process_operations import process_pool, shutdown_process_pool, warm_worker
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.meetings.meeting_list import list_meetings
from sbpac_desktop.services.process_jobs import run_job
from tests.benchmarks.results import record

ROUNDS = 5


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    path = tmp_path_factory.mktemp("preview") / "demo.db"
    for command in (["init"], ["demo", "--as-of", "15/02/2563"]):
        subprocess.run([sys.executable, "-m", "sbpac_desktop", "--db", str(path), *command], check=True)
    ctx = open_app(str(path))
    yield ctx
    shutdown_process_pool()
    ctx.close()


def _render_in_worker(ctx: AppContext, meeting_id: int, path: Path) -> float:
    job = render_jobs.job(ctx.db, ctx.actor, render_jobs.MINUTES, meeting_id, path)
    started = time.perf_counter()
    assert process_pool().submit(run_job, job).result(timeout=300) == (True, path)
    return time.perf_counter() - started


def test_minutes_preview_cold_warmed_and_second(benchmark: Any, demo: AppContext, tmp_path: Path) -> None:
    meeting_id = next(view.id for view in list_meetings(demo.db, demo.actor) if view.number_text(False) == "10/2562")
    times: dict[str, list[float]] = {"cold": [], "warmed": [], "second": [], "in-process": []}

    def one_round() -> None:
        shutdown_process_pool()
        times["cold"].append(_render_in_worker(demo, meeting_id, tmp_path / "cold.pdf"))
        times["second"].append(_render_in_worker(demo, meeting_id, tmp_path / "second.pdf"))
        shutdown_process_pool()
        warming = warm_worker(render_jobs.job(demo.db, demo.actor, render_jobs.READY))
        assert warming is not None and warming.result(timeout=300)[0]  # the clerk clicks after it
        times["warmed"].append(_render_in_worker(demo, meeting_id, tmp_path / "warmed.pdf"))
        started = time.perf_counter()
        render_jobs.render_minutes(demo.db, demo.actor, meeting_id, tmp_path / "here.pdf")
        times["in-process"].append(time.perf_counter() - started)

    render_jobs.render_minutes(demo.db, demo.actor, meeting_id, tmp_path / "here.pdf")  # this process warm
    benchmark.pedantic(one_round, rounds=ROUNDS, iterations=1)
    median = {name: statistics.median(values) for name, values in times.items()}
    baseline = median["in-process"]
    note = "baseline: the same render in this process, warm"
    for name, label in (
        ("cold", "minutes preview, worker cold (first preview before the warm-up)"),
        ("warmed", "minutes preview, worker warmed when the meeting window opened"),
        ("second", "minutes preview, second one (worker in use)"),
    ):
        record(label, "sqlite", median[name], target=1.5, baseline=baseline, note=note)
