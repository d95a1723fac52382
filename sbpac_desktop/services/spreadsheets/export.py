"""The directive tracker as a plain table for a spreadsheet: Thai headers, one row per directive.

The rows are what the tracker shows for a DirectiveFilter and an as-of date, read straight from
SQL and held as columns (spreadsheets.export_rows: a ColumnTable, row tuples to a reader). Every date is
given twice: BE text a clerk reads ("22 ต.ค. 2562") and an ISO `date` that becomes a real
date cell in .xlsx. The headers are the ones the importer reads back (round trip).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sbpac_desktop.domain.status import Progress
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.services.spreadsheets.export_rows import SUPPORT_SEPARATOR, export_rows
from sbpac_desktop.store.database import Database
from sbpac_desktop.thai import apply_digits, medium_date

__all__ = ["HEADERS", "SUPPORT_SEPARATOR", "TrackerTable", "tracker_table"]

HEADERS: tuple[str, ...] = (
    "เลขที่",
    "ข้อสั่งการ",
    "การประชุม",
    "มิติการพัฒนา",
    "ความเร่งด่วน",
    "ผู้รับผิดชอบหลัก",
    "หน่วยงานต้นสังกัด",
    "หน่วยงานสนับสนุน",
    "วันที่สั่งการ",
    "กำหนดแล้วเสร็จ",
    "ขยายเวลาถึง",
    "สถานะ",
    "ร้อยละ",
    "ผลการดำเนินการล่าสุด",
    "วันที่รายงานล่าสุด",
    "วันที่สั่งการ (ISO)",
    "กำหนดแล้วเสร็จ (ISO)",
    "ขยายเวลาถึง (ISO)",
    "วันที่รายงานล่าสุด (ISO)",
)

_STATUS_TITLES = {
    "not_started": Progress.NOT_STARTED.label,
    "in_progress": Progress.IN_PROGRESS.label,
    "blocked": "ติดขัด",
    "due_soon": "ใกล้ครบกำหนด",
    "overdue": "เกินกำหนด",
    "done": Progress.DONE.label,
    "cancelled": Progress.CANCELLED.label,
}


@dataclass(frozen=True)
class TrackerTable:
    headers: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]  # a ColumnTable from tracker_table
    info: tuple[tuple[str, str], ...]  # (label, value) pairs describing the view
    sheet_name: str = "ข้อสั่งการ"


def tracker_table(
    db: Database,
    actor: Actor,
    filters: DirectiveFilter | None = None,
    as_of: date | None = None,
    *,
    thai_digits: bool = False,
    filter_labels: tuple[tuple[str, str], ...] = (),
) -> TrackerTable:
    """The tracker view as table rows; `filter_labels` describe the filters as the user gave them."""
    require(actor, READ_DATA, "ดูข้อมูล")
    filters = filters or DirectiveFilter()
    today = as_of or date.today()
    # 100,000 rows are a few million tuples and strings, none in a reference cycle: the cycle
    # collector would walk them all several times over (about half a second) and find nothing
    collecting = gc.isenabled()
    gc.disable()
    try:
        with db.unit_of_work() as session:
            table_rows = export_rows(session, filters, today, thai_digits)
    finally:
        if collecting:
            gc.enable()
    info = (
        ("สถานะ ณ วันที่", medium_date(today, thai_digits=thai_digits)),
        *_filter_info(filters, filter_labels),
        ("จำนวนข้อสั่งการ", apply_digits(str(len(table_rows)), thai_digits)),
    )
    return TrackerTable(HEADERS, table_rows, info)


def _filter_info(filters: DirectiveFilter, labels: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    info = list(labels)
    given = {label for label, _ in labels}
    if filters.status and "สถานะ" not in given:
        info.append(("สถานะ", _STATUS_TITLES.get(filters.status, filters.status)))
    if filters.fiscal_year and "ปีงบประมาณ" not in given:
        info.append(("ปีงบประมาณ", str(filters.fiscal_year)))
    if filters.assignee and "ผู้รับผิดชอบ" not in given:
        info.append(("ผู้รับผิดชอบ", filters.assignee))
    if filters.text and "ข้อความ" not in given:
        info.append(("ข้อความ", filters.text))
    return info
