"""The worker process that renders the documents starts when a meeting window opens, and loads
the renderers there (render_jobs.READY), so the clerk's first preview waits for its own rendering
only (issue #16). Real spawn processes, the demo database."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sbpac_desktop import render_jobs
from sbpac_desktop.gui.process_operations import process_pool, shutdown_process_pool, warm_worker
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings.meeting_list import list_meetings
from sbpac_desktop.services.process_jobs import Job, run_job
from sbpac_desktop.store.location import resolve_location
from tests.gui.meeting_fixtures import open_meeting_window

WAIT_S = 120
WARM_FAILED = "warming the worker process failed"


def test_a_cold_worker_is_started_and_loads_the_renderers(work_ctx: AppContext) -> None:
    shutdown_process_pool()
    future = warm_worker(render_jobs.job(work_ctx.db, work_ctx.actor, render_jobs.READY))
    assert future is not None
    ok, loaded = future.result(timeout=WAIT_S)
    assert ok and loaded == sorted(render_jobs.WARMED)
    # running now: a second warm-up sends nothing, and the real job runs in the same worker
    assert warm_worker(render_jobs.job(work_ctx.db, work_ctx.actor, render_jobs.READY)) is None


def test_opening_a_meeting_window_starts_the_worker(qtbot: QtBot, work_ctx: AppContext, tmp_path: Path) -> None:
    shutdown_process_pool()
    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    try:
        assert warm_worker(render_jobs.job(work_ctx.db, work_ctx.actor, render_jobs.READY)) is None
        path = tmp_path / "minutes.pdf"
        job = render_jobs.job(work_ctx.db, work_ctx.actor, render_jobs.MINUTES, window.meeting.id, path)
        assert process_pool().submit(run_job, job).result(timeout=WAIT_S) == (True, path)
        assert path.read_bytes().startswith(b"%PDF")
    finally:
        window.close()


def test_a_failed_warm_up_is_only_logged_and_the_worker_goes_on(
    qtbot: QtBot, work_ctx: AppContext, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A database the worker cannot open (gone since): a warning in the log, nothing raised, and
    the next real job still runs in the same worker."""
    shutdown_process_pool()
    gone = resolve_location(str(tmp_path / "missing" / "gone.db"), {})
    with caplog.at_level(logging.WARNING, logger="sbpac_desktop.gui.process_operations"):
        future = warm_worker(Job(gone, work_ctx.actor, render_jobs.READY))
        assert future is not None
        ok, _failure = future.result(timeout=WAIT_S)
        qtbot.waitUntil(lambda: any(WARM_FAILED in record.getMessage() for record in caplog.records))
    assert not ok
    path = tmp_path / "minutes.pdf"
    meeting_id = list_meetings(work_ctx.db, work_ctx.actor)[0].id
    job = render_jobs.job(work_ctx.db, work_ctx.actor, render_jobs.MINUTES, meeting_id, path)
    assert process_pool().submit(run_job, job).result(timeout=WAIT_S) == (True, path)
