"""The window on the 100k data set, measured in its own process (so its memory is its own):
tracker first page, sort change, filter and five more pages through the real page and model;
resident memory afterwards; the largest gap of a 10 ms heartbeat timer while an export and a
follow-up report run as background operations. Prints one JSON object.

    python -m tests.benchmarks.gui_probe DB
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from sbpac_desktop import render_jobs
from sbpac_desktop.gui import operations
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.process_jobs import Job

AS_OF = date(2026, 11, 25)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def spin(milliseconds: int = 5) -> None:
    """Run the event loop a little. Not a busy processEvents() loop: this PySide6 build drops a
    reference to None on every processEvents() call, and tens of thousands of calls abort."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_idle(app: QApplication, page: DirectivesPage) -> None:
    while not (operations.is_idle() and not page.model.loading):
        spin()
    spin()


def timed(app: QApplication, page: DirectivesPage, action: Callable[[], None]) -> float:
    """Until the rows are on screen (the page arrived and was laid out); the per-status counts
    of the summary line follow as a second query and are not waited for here."""
    started = time.perf_counter()
    action()
    spin(1)
    # The first showing reads the filters' lists before it asks for rows (model.loading is still
    # False then): wait for rows, not only for the end of a load (every timed view has rows).
    deadline = started + 120
    while (page.model.loading or page.model.rowCount() == 0) and time.perf_counter() < deadline:
        spin(1)
    took = time.perf_counter() - started
    wait_idle(app, page)
    return took


def heartbeat_gap(app: QApplication, work: Callable[[], object] | Job) -> tuple[float, float]:
    """(largest gap between 10 ms ticks, seconds the work took) while `work` runs off the GUI thread:
    a callable in the operation thread, a Job in the worker process."""
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    done: list[object] = []
    clock.start()
    timer.start()
    started = time.perf_counter()
    if isinstance(work, Job):  # the worker-process path (gui/process_operations.py)
        ProcessOperation(None, work, message="bench").success(done.append).failure(done.append).run()
    else:
        operations.Operation(None, work, message="bench").success(done.append).failure(done.append).run()
    while not done:
        spin(20)
    took = time.perf_counter() - started
    timer.stop()
    if isinstance(done[0], BaseException):
        failures.append(f"{type(done[0]).__name__}: {done[0]}")
    return max(gaps or [0]) / 1000, took


failures: list[str] = []  # work that failed (the gap is still measured up to the failure)


def main() -> None:
    app = QApplication(sys.argv[:1])
    ctx = open_app(sys.argv[1])
    figures: dict[str, Any] = {"rss_start_mb": rss_mb()}
    window = MainWindow(ctx, QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    spin()
    page = window.page("directives")
    assert isinstance(page, DirectivesPage)
    figures["first_page"] = timed(app, page, lambda: window.show_page("directives"))
    figures["rows_after_first"] = page.model.rowCount()
    figures["sort_change"] = timed(
        app, page, lambda: page.table.sortByColumn(page.model.COL_STATUS, Qt.SortOrder.AscendingOrder)
    )
    figures["filter"] = timed(
        app, page, lambda: page.status_filter.setCurrentIndex(page.status_filter.findData("overdue"))
    )
    page.status_filter.setCurrentIndex(0)
    wait_idle(app, page)
    figures["more_pages"] = timed(app, page, lambda: [page.model.fetchMore() or wait_idle(app, page) for _ in range(5)])
    figures["rows_loaded"] = page.model.rowCount()
    figures["rss_mb"] = rss_mb()
    figures.update(_heartbeats(app, ctx))
    figures["rss_end_mb"] = rss_mb()
    figures["none_refs"] = sys.getrefcount(None)
    operations.wait_for_idle()
    window.close()
    ctx.close()
    print(json.dumps(figures))


def _heartbeats(app: QApplication, ctx: Any) -> dict[str, float]:
    from sbpac_desktop.reporting import followup as followup_pdf
    from sbpac_desktop.reporting.spreadsheets import write_table
    from sbpac_desktop.services.directives.directive_views import DirectiveFilter
    from sbpac_desktop.services.meetings import followup
    from sbpac_desktop.services.spreadsheets.export import tracker_table

    folder = Path(tempfile.mkdtemp())

    def export() -> object:
        table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(fiscal_year=2566), AS_OF)
        return write_table(folder / "fy.csv", table.headers, table.rows, sheet_name=table.sheet_name)

    def report() -> object:
        scope = followup.FollowUpScope(fiscal_year=2566, quarter=2, assignee="กรมบัญชีกลาง")
        return followup_pdf.render(followup.followup_document(ctx.db, ctx.actor, scope, AS_OF), folder / "f.pdf")

    scope = followup.FollowUpScope(fiscal_year=2566, quarter=2, assignee="กรมบัญชีกลาง")
    export_job = render_jobs.job(
        ctx.db, ctx.actor, render_jobs.TRACKER, DirectiveFilter(fiscal_year=2566), AS_OF, folder / "p.csv"
    )
    report_job = render_jobs.job(ctx.db, ctx.actor, render_jobs.FOLLOWUP, scope, AS_OF, folder / "p.pdf")
    heartbeat_gap(app, render_jobs.job(ctx.db, ctx.actor, render_jobs.READY))  # start the worker process
    export_gap, export_took = heartbeat_gap(app, export_job)
    report_gap, report_took = heartbeat_gap(app, report_job)
    thread_export_gap, thread_export_took = heartbeat_gap(app, export)
    thread_report_gap, thread_report_took = heartbeat_gap(app, report)
    return {
        "export_gap": export_gap,  # the worker process: what the window does now
        "export_took": export_took,
        "report_gap": report_gap,
        "report_took": report_took,
        "thread_export_gap": thread_export_gap,  # the operation thread, for comparison
        "thread_export_took": thread_export_took,
        "thread_report_gap": thread_report_gap,
        "thread_report_took": thread_report_took,
        "failures": failures,
    }


if __name__ == "__main__":
    main()
