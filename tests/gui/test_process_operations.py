"""Heavy jobs in the worker process (gui/process_operations.py, services/process_jobs.py):
a real export and a real follow-up PDF on the demo data, the child's typed errors shown with
the same Thai message, busy state, and the window's event loop running meanwhile."""

from __future__ import annotations

import csv
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.errors import AppError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.gui import operations
from sbpac_desktop.gui.process_operations import ProcessOperation, run_process_op
from sbpac_desktop.reporting.spreadsheets import WrittenFile
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.meetings import documents
from sbpac_desktop.services.meetings.followup import FollowUpScope
from sbpac_desktop.services.process_jobs import describe_failure, rebuild_failure

AS_OF = date(2026, 11, 25)
JOB_TIMEOUT_MS = 60_000  # the first job starts the worker process (imports included)


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def run_and_wait(qtbot: QtBot, op: ProcessOperation[Any]) -> list[int]:
    """Run `op`, wait for its answer; the gaps (ms) of a 10 ms timer meanwhile."""
    clock, gaps, last = QElapsedTimer(), [], [0]

    def tick() -> None:
        gaps.append(clock.elapsed() - last[0])
        last[0] = clock.elapsed()

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    op.run()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    timer.stop()
    return gaps


def test_tracker_export_runs_in_the_worker_process(
    host: QWidget, qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "tracker.csv"
    job = render_jobs.job(ctx.db, ctx.actor, render_jobs.TRACKER, DirectiveFilter(), AS_OF, target)
    button = QPushButton("export", host)
    results: list[object] = []
    op: ProcessOperation[Path] = ProcessOperation(host, job, message="ส่งออก", busy=[button])
    op.success(results.append).failure(results.append)
    gaps = run_and_wait(qtbot, op)
    assert len(results) == 1 and isinstance(results[0], WrittenFile) and results[0].path == target
    assert button.isEnabled() and not operations.busy_tracker().busy
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert results[0].rows >= 5 and len(rows) > results[0].rows
    assert any("ข้อสั่งการ" in cell or "สถานะ" in cell for cell in rows[0])
    assert gaps, "the event loop must keep ticking while the child works"
    print(f"largest heartbeat gap during the export: {max(gaps)} ms over {len(gaps)} ticks")


def test_followup_report_pdf_in_the_worker_process(
    host: QWidget, qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "followup.pdf"
    job = render_jobs.job(ctx.db, ctx.actor, render_jobs.FOLLOWUP, FollowUpScope(), AS_OF, target)
    results: list[object] = []
    run_and_wait(qtbot, ProcessOperation(host, job).success(results.append).failure(results.append))
    assert results == [target]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "ข้อสั่งการ" in text or "ติดตาม" in text


def test_validation_error_in_the_child_keeps_its_type_and_thai_message(
    host: QWidget, qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    scope = FollowUpScope(quarter=5)  # a quarter without a fiscal year: the service refuses
    job = render_jobs.job(ctx.db, ctx.actor, render_jobs.FOLLOWUP, scope, AS_OF, tmp_path / "x.pdf")
    errors: list[BaseException] = []
    run_and_wait(qtbot, ProcessOperation(host, job).failure(errors.append))
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert str(errors[0]) == "ไตรมาสต้องเป็น 1 ถึง 4 และต้องระบุปีงบประมาณด้วย"
    assert errors[0].problems[0].field == "quarter"
    assert not (tmp_path / "x.pdf").exists()


def test_child_error_is_presented_in_thai_by_default(
    host: QWidget, qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    with pytest.raises(NotFound) as in_process:  # what the same call says in this process
        documents.minutes_document(ctx.db, ctx.actor, 999_999)
    missing = render_jobs.job(ctx.db, ctx.actor, render_jobs.MINUTES, 999_999, tmp_path / "m.pdf")
    run_process_op(host, missing)
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    box = host.findChild(QMessageBox, "appErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == str(in_process.value) and "ไม่พบ" in box.text()
    box.close()


def test_failures_travel_as_data_and_come_back_as_the_same_class() -> None:
    for error in (NotFound("ไม่พบการประชุม", "No meeting"), PermissionDenied("ไม่มีสิทธิ์", "No permission")):
        rebuilt = rebuild_failure(describe_failure(error))
        assert type(rebuilt) is type(error) and str(rebuilt) == str(error)
        assert rebuilt.message_en == error.message_en  # type: ignore[attr-defined]
    unexpected = rebuild_failure(describe_failure(ZeroDivisionError("division by zero")))
    assert isinstance(unexpected, RuntimeError) and "ZeroDivisionError" in str(unexpected)


def test_wait_for_idle_covers_process_jobs(host: QWidget, ctx: AppContext, tmp_path: Path, qtbot: QtBot) -> None:
    target = tmp_path / "t.csv"
    job = render_jobs.job(ctx.db, ctx.actor, render_jobs.TRACKER, DirectiveFilter(), AS_OF, target)
    done: list[object] = []
    ProcessOperation(host, job).success(done.append).run()
    assert operations.wait_for_idle(JOB_TIMEOUT_MS)
    assert target.exists()  # the file is written before the answer is even delivered
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)


def test_a_queued_job_can_be_cancelled(host: QWidget, qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    first_target, second_target = tmp_path / "1.csv", tmp_path / "2.csv"
    first = render_jobs.job(ctx.db, ctx.actor, render_jobs.TRACKER, DirectiveFilter(), AS_OF, first_target)
    second = render_jobs.job(ctx.db, ctx.actor, render_jobs.TRACKER, DirectiveFilter(), AS_OF, second_target)
    answers: list[object] = []
    ProcessOperation(host, first).success(answers.append).run()
    queued = ProcessOperation(host, second).success(answers.append).failure(answers.append).run()
    cancelled = queued.cancel()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    assert first_target.exists()
    if cancelled:  # the worker may already have taken it; then it simply ran
        assert not second_target.exists()
        assert any(isinstance(a, AppError) and str(a) == "ยกเลิกงานแล้ว" for a in answers)
    else:
        assert second_target.exists()
