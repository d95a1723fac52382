"""The dashboard's four tables (status counts, post × status matrix, development dimensions,
overdue list) as one table for a spreadsheet (written by reporting/spreadsheets.write_table).

One combined table whose first column names the table a row belongs to, so .xlsx and .csv
hold the same thing and one filter on that column gives back one table. Headers are Thai,
like the tracker export (services/spreadsheets/export.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sbpac_desktop.domain.status import STATUS_KEYS, STATUS_TITLES
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.dashboard import DashboardView, dashboard
from sbpac_desktop.services.places import PlaceView
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models_field import Place

TABLES = ("จำนวนตามสถานะ", "ผู้รับผิดชอบหลัก × สถานะ", "มิติการพัฒนา", "ข้อสั่งการที่เกินกำหนด")
SHEET_NAME = "ภาพรวม"


@dataclass(frozen=True)
class DashboardTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    info: tuple[tuple[str, str], ...]
    sheet_name: str = SHEET_NAME


def dashboard_table(
    db: Database, actor: Actor, fiscal_year: int | None, quarter: int | None, series_id: int | None, as_of: date,
    place_id: int | None = None,
) -> DashboardTable:  # fmt: skip
    """The figures of `dashboard(...)` for that scope and day (it checks the permission)."""
    view = dashboard(db, actor, fiscal_year, quarter, series_id, as_of, place_id=place_id)
    info: tuple[tuple[str, str], ...] = (
        ("ข้อมูล ณ วันที่", as_of.isoformat()),
        ("ปีงบประมาณ", str(fiscal_year) if fiscal_year else "ทุกปีงบประมาณ"),
        ("ไตรมาส", str(quarter) if quarter else "ทั้งปี"),
    )
    if place_id is not None:  # the sheet says which area its figures are for
        info += (("พื้นที่", _place_name(db, place_id)),)
    return DashboardTable(HEADERS, tuple(table_rows(view)), info)


def _place_name(db: Database, place_id: int) -> str:
    with db.unit_of_work() as session:
        place = session.get(Place, place_id)
        if place is None:
            return str(place_id)
        return PlaceView(place.id, place.code, place.level, place.name_th, place.name_en, place.parent_id).long_label


HEADERS = ("ตาราง", "รายการ", *(STATUS_TITLES[key] for key in STATUS_KEYS), "รวม", "ผู้รับผิดชอบหลัก",
           "ล่าช้า (วัน)", "ระดับการติดตาม")  # fmt: skip
_NO_EXTRA = (None, None, None)  # the three overdue-only columns


def _by_status(keys: tuple[str, ...], counts: tuple[int, ...]) -> tuple[int, ...]:
    """Counts in STATUS_KEYS order (the matrix leaves out statuses nobody has)."""
    found = dict(zip(keys, counts, strict=True))
    return tuple(found.get(key, 0) for key in STATUS_KEYS)


def table_rows(view: DashboardView) -> list[tuple[object, ...]]:
    status_title, matrix_title, dimension_title, overdue_title = TABLES
    keys = tuple(key for key, _count in view.status_counts)
    counts = tuple(count for _key, count in view.status_counts)
    rows: list[tuple[object, ...]] = [(status_title, "ข้อสั่งการทั้งหมด", *_by_status(keys, counts), view.total, *_NO_EXTRA)]
    rows += [(matrix_title, m.label, *_by_status(view.matrix_keys, m.counts), m.total, *_NO_EXTRA) for m in view.matrix]
    rows += [
        (dimension_title, d.name, *_by_status(STATUS_KEYS, d.counts), d.total, *_NO_EXTRA) for d in view.dimensions
    ]
    no_status = (None,) * (len(STATUS_KEYS) + 1)
    rows += [
        (overdue_title, f"{line.row.number_text(thai_digits=False)} {line.row.text}", *no_status,
         line.row.lead_label, line.days_late, line.escalation.label)
        for line in view.overdue
    ]  # fmt: skip
    return rows
