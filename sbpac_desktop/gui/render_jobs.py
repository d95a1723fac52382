"""The heavy jobs the window sends to a child process (gui/process_operations.py): each reads
through the services and writes a file through reporting, then returns the file's path.

Qt-free on purpose: the child process imports this module by name and must not load Qt.
Every function takes `(db, actor, ...)` like a service and only picklable arguments
(`db` is the child's own Database; gui may not name store types).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sbpac_desktop.domain.status import STATUS_KEYS, STATUS_TITLES
from sbpac_desktop.reporting import followup as followup_pdf
from sbpac_desktop.reporting import minutes as minutes_pdf
from sbpac_desktop.reporting.spreadsheets import WrittenFile, write_table
from sbpac_desktop.services import documents, followup
from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.dashboard import DashboardView, dashboard
from sbpac_desktop.services.directive_views import DirectiveFilter
from sbpac_desktop.services.process_jobs import Job
from sbpac_desktop.services.spreadsheet_export import tracker_table

MINUTES = f"{__name__}:render_minutes"
TRACKER = f"{__name__}:export_tracker"
FOLLOWUP = f"{__name__}:render_followup"
DASHBOARD = f"{__name__}:export_dashboard"


def render_minutes(db: Any, actor: Actor, meeting_id: int, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)  # Settings: ๑๒๓ or 123
    return minutes_pdf.render(documents.minutes_document(db, actor, meeting_id), path, thai_digits=thai_digits)


def export_tracker(db: Any, actor: Actor, filters: DirectiveFilter, as_of: date, path: Path) -> WrittenFile:
    table = tracker_table(db, actor, filters, as_of)
    return write_table(path, table.headers, table.rows, sheet_name=table.sheet_name)


def render_followup(db: Any, actor: Actor, scope: followup.FollowUpScope, as_of: date, path: Path) -> Path:
    thai_digits = org_settings.document_thai_digits(db, actor)
    return followup_pdf.render(followup.followup_document(db, actor, scope, as_of), path, thai_digits=thai_digits)


def export_dashboard(
    db: Any, actor: Actor, fiscal_year: int | None, quarter: int | None, series_id: int | None, as_of: date, path: Path
) -> WrittenFile:
    """The dashboard's four tables in one sheet (or one CSV), told apart by the first
    column, so both formats hold the same thing and a filter on that column gives one table."""
    view = dashboard(db, actor, fiscal_year=fiscal_year, quarter=quarter, series_id=series_id, today=as_of)
    headers, rows = dashboard_table(view)
    info = [("ข้อมูล ณ วันที่", as_of.isoformat()), ("ปีงบประมาณ", str(fiscal_year or "ทุกปีงบประมาณ")),
            ("ไตรมาส", str(quarter or "ทั้งปี"))]  # fmt: skip
    return write_table(path, headers, rows, sheet_name="ภาพรวม", info=info)


DASHBOARD_TABLES = ("จำนวนตามสถานะ", "ผู้รับผิดชอบหลัก × สถานะ", "มิติการพัฒนา", "ข้อสั่งการที่เกินกำหนด")


def dashboard_table(view: DashboardView) -> tuple[list[str], list[tuple[object, ...]]]:
    statuses = [STATUS_TITLES[key] for key in STATUS_KEYS]
    headers = ["ตาราง", "รายการ", *statuses, "รวม", "ผู้รับผิดชอบหลัก", "ล่าช้า (วัน)", "ระดับการติดตาม"]
    blank_status: tuple[object, ...] = (None,) * len(STATUS_KEYS)

    def by_key(keys: tuple[str, ...] | list[str], counts: tuple[int, ...]) -> tuple[object, ...]:
        found = dict(zip(keys, counts, strict=True))
        return tuple(found.get(key, 0) for key in STATUS_KEYS)

    status_title, matrix_title, dimension_title, overdue_title = DASHBOARD_TABLES
    counts = tuple(count for _key, count in view.status_counts)
    rows: list[tuple[object, ...]] = [
        (status_title, "ข้อสั่งการทั้งหมด", *by_key([k for k, _c in view.status_counts], counts), view.total,
         None, None, None)
    ]  # fmt: skip
    rows += [
        (matrix_title, m.label, *by_key(view.matrix_keys, m.counts), m.total, None, None, None) for m in view.matrix
    ]
    rows += [(dimension_title, d.name, *by_key(list(STATUS_KEYS), d.counts), d.total, None, None, None)
             for d in view.dimensions]  # fmt: skip
    rows += [(overdue_title, f"{line.row.number_text(thai_digits=False)} {line.row.text}", *blank_status, None,
              line.row.lead_label, line.days_late, line.escalation.label) for line in view.overdue]  # fmt: skip
    return headers, rows


def job(db: Any, actor: Actor, function: str, *args: object) -> Job:
    return Job(db.location, actor, function, tuple(args))


def ready(db: Any, actor: Actor) -> bool:
    """A no-op job: starts the worker process and loads the libraries above before real work."""
    return True


READY = f"{__name__}:ready"
