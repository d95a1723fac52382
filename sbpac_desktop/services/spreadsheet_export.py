"""The directive tracker as a plain table for a spreadsheet: Thai headers, one row per directive.

The rows are what the tracker shows for a DirectiveFilter and an as-of date. Every date is
given twice: BE text a clerk reads ("22 ต.ค. 2562") and an ISO `date` that becomes a real
date cell in .xlsx. The headers are the ones the importer reads back (round trip).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.domain.status import Progress
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directive_views import DirectiveFilter, DirectiveRow, build_rows
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Assignment, ProgressReport
from sbpac_desktop.thai import apply_digits, medium_date

SUPPORT_SEPARATOR = "; "

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
    rows: tuple[tuple[object, ...], ...]
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
    with db.unit_of_work() as session:
        rows = build_rows(session, filters, today)
        report_dates = _latest_report_dates(session, {r.id for r in rows})
    table_rows = tuple(_row(r, report_dates.get(r.id), thai_digits) for r in rows)
    info = (
        ("สถานะ ณ วันที่", medium_date(today, thai_digits=thai_digits)),
        *_filter_info(filters, filter_labels),
        ("จำนวนข้อสั่งการ", apply_digits(str(len(rows)), thai_digits)),
    )
    return TrackerTable(HEADERS, table_rows, info)


def _row(r: DirectiveRow, reported_on: date | None, thai: bool) -> tuple[object, ...]:
    return (
        r.number_text(thai),
        r.text,
        _digits(r.meeting_label, thai),
        r.dimension,
        r.priority.label,
        r.lead_label,
        r.lead_agency,
        SUPPORT_SEPARATOR.join(r.supporting) or None,
        _be(r.issued_on, thai),
        _be(r.due_on, thai),
        _be(r.extended_due_on, thai),
        _digits(r.status.label, thai),
        r.latest_percent,
        r.latest_result,
        _be(reported_on, thai),
        r.issued_on,
        r.due_on,
        r.extended_due_on,
        reported_on,
    )


def _be(value: date | None, thai: bool) -> str | None:
    return medium_date(value, thai_digits=thai) if value else None


def _digits(text: str | None, thai: bool) -> str | None:
    return apply_digits(text, thai) if text else text


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


def _latest_report_dates(session: Session, directive_ids: set[int]) -> dict[int, date]:
    """Date of the report the tracker shows: the lead's newest, else the newest of any assignee.

    One scan of reports joined to assignments, filtered in Python, so a 50k-row view never
    builds an IN list larger than SQLite allows.
    """
    query = (
        select(Assignment.directive_id, Assignment.id, ProgressReport.report_date, ProgressReport.id)
        .join(ProgressReport, ProgressReport.assignment_id == Assignment.id)
        .order_by(ProgressReport.report_date, ProgressReport.id)
    )
    lead_ids = _lead_assignment_ids(session, directive_ids)
    lead_latest: dict[int, date] = {}
    any_latest: dict[int, tuple[date, int]] = {}
    for directive_id, assignment_id, reported_on, report_id in session.execute(query):
        if directive_id not in directive_ids:
            continue
        if lead_ids.get(directive_id) == assignment_id:
            lead_latest[directive_id] = reported_on
        any_latest[directive_id] = max(any_latest.get(directive_id, (reported_on, report_id)), (reported_on, report_id))
    return {d: lead_latest.get(d, any_latest[d][0]) for d in any_latest}


def _lead_assignment_ids(session: Session, directive_ids: set[int]) -> dict[int, int]:
    """The lead assignment of each directive, or its first one when none is marked lead."""
    chosen: dict[int, tuple[bool, int]] = {}
    for directive_id, assignment_id, role in session.execute(
        select(Assignment.directive_id, Assignment.id, Assignment.role).order_by(Assignment.id)
    ):
        if directive_id not in directive_ids:
            continue
        key = (role != AssignmentRole.LEAD.value, assignment_id)
        if directive_id not in chosen or key < chosen[directive_id]:
            chosen[directive_id] = key
    return {d: key[1] for d, key in chosen.items()}
