"""ส่งออกตาราง… on the dashboard: the status counts, the post × status matrix, the
dimensions and the overdue list of the scope on screen, written by the worker process
(render_jobs.DASHBOARD) to one .xlsx or .csv. Both formats hold one combined table whose
first column names the table a row belongs to (a CSV has one table per file; one file
keeps the export a single step, and the xlsx autofilter on that column splits it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.reporting.spreadsheets import WrittenFile

if TYPE_CHECKING:
    from sbpac_desktop.gui.pages.dashboard import DashboardPage


class DashboardTableExport(QObject):
    """The button and its work; owned by the page."""

    def __init__(self, page: DashboardPage, row: QBoxLayout) -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("ส่งออกตาราง…"), page)
        self.button.setObjectName("exportTablesButton")
        self.button.setToolTip(self.tr("บันทึกตารางทั้งหมดของภาพรวมนี้เป็น Excel หรือ CSV"))
        self.button.clicked.connect(self.export)
        row.addWidget(self.button)
        self.notice: QLabel = file_export.notice_label(page)
        layout = page.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(page.summary) + 1, self.notice)
        self.last: WrittenFile | None = None

    def export(self) -> None:
        view = self.page.view
        if view is None:  # nothing loaded yet: nothing to export
            return
        try:
            target = file_export.ask_save_path(
                self.page, self.tr("ส่งออกตารางภาพรวม"), "dashboard.xlsx", file_export.spreadsheet_filters()
            )
        except AppError as error:
            from sbpac_desktop.gui.errors import present_error

            present_error(self.page, error)
            return
        if target is None:
            return
        db, actor = self.page.ctx.db, self.page.ctx.actor
        args = (view.fiscal_year, view.quarter, view.series_id, view.as_of, target, view.place_id)
        job = render_jobs.job(db, actor, render_jobs.DASHBOARD, *args)
        message = self.tr("กำลังส่งออกตารางภาพรวม…")
        ProcessOperation(self.page, job, message=message, busy=[self.button]).success(self._exported).run()

    def _exported(self, written: WrittenFile) -> None:
        self.last = written
        text = self.tr("ส่งออกตารางภาพรวม {count} แถวไปที่ {path} แล้ว")
        file_export.announce(self.page, self.notice, text.format(count=digits(f"{written.rows:,}"), path=written.path))
