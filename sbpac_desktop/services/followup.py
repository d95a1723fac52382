"""The follow-up report (รายงานผลการติดตามข้อสั่งการ): directives in a scope, grouped, with counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sbpac_desktop.domain.documents import FollowUpDoc, FollowUpGroup
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directive_views import DirectiveFilter, DirectiveRow, build_rows
from sbpac_desktop.services.documents import directive_line
from sbpac_desktop.services.meetings import get_meeting
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.thai import fiscal_quarter_bounds, thai_sort_key

STATUS_LABELS = {
    "not_started": "ยังไม่ดำเนินการ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "due_soon": "ใกล้ครบกำหนด",
    "overdue": "เกินกำหนด",
    "done": "ดำเนินการแล้วเสร็จ",
    "cancelled": "ยกเลิก",
}
NO_DIMENSION = "ไม่ระบุมิติการพัฒนา"
NO_ASSIGNEE = "ยังไม่มอบหมายผู้รับผิดชอบ"


class GroupBy(StrEnum):
    ASSIGNEE = "assignee"
    DIMENSION = "dimension"


@dataclass(frozen=True)
class FollowUpScope:
    fiscal_year: int | None = None
    quarter: int | None = None  # needs fiscal_year: directives whose due date falls in that quarter
    meeting_id: int | None = None
    assignee: str | None = None
    group_by: GroupBy = GroupBy.ASSIGNEE


def _validate(scope: FollowUpScope) -> None:
    if scope.quarter is not None and (scope.fiscal_year is None or scope.quarter not in (1, 2, 3, 4)):
        raise ValidationError.single(
            "quarter",
            "ไตรมาสต้องเป็น 1 ถึง 4 และต้องระบุปีงบประมาณด้วย",
            "Quarter must be 1-4 and needs a fiscal year",
        )


def followup_document(db: Database, actor: Actor, scope: FollowUpScope, as_of: date | None = None) -> FollowUpDoc:
    require(actor, READ_DATA, "ดูข้อมูล")
    _validate(scope)
    today = as_of or date.today()
    with db.unit_of_work() as session:
        rows = build_rows(
            session,
            DirectiveFilter(fiscal_year=scope.fiscal_year, assignee=scope.assignee, meeting_id=scope.meeting_id),
            today,
        )
    if scope.quarter is not None and scope.fiscal_year is not None:
        start, end = fiscal_quarter_bounds(scope.fiscal_year, scope.quarter)
        rows = [r for r in rows if r.effective_due is not None and start <= r.effective_due <= end]
    return FollowUpDoc(
        title="รายงานผลการติดตามข้อสั่งการ",
        scope=_scope_text(db, actor, scope),
        as_of=today,
        counts=_counts(rows),
        groups=_groups(rows, scope.group_by),
        grouped_by=scope.group_by.value,
    )


def _counts(rows: list[DirectiveRow]) -> tuple[tuple[str, int], ...]:
    tally = defaultdict(int)
    for row in rows:
        tally[row.status.key] += 1
    return tuple((STATUS_LABELS[key], tally[key]) for key in STATUS_KEYS)


def _groups(rows: list[DirectiveRow], group_by: GroupBy) -> tuple[FollowUpGroup, ...]:
    grouped: dict[str, list[DirectiveRow]] = defaultdict(list)
    for row in rows:
        if group_by is GroupBy.DIMENSION:
            key = row.dimension or NO_DIMENSION
        else:
            key = row.lead_label or NO_ASSIGNEE
        grouped[key].append(row)
    return tuple(
        FollowUpGroup(name, tuple(directive_line(r) for r in grouped[name]))
        for name in sorted(grouped, key=thai_sort_key)
    )


def _scope_text(db: Database, actor: Actor, scope: FollowUpScope) -> str:
    parts = []
    if scope.fiscal_year is not None:
        parts.append(f"ปีงบประมาณ พ.ศ. {scope.fiscal_year}")
    if scope.quarter is not None:
        parts.append(f"ไตรมาสที่ {scope.quarter}")
    if scope.meeting_id is not None:
        meeting = get_meeting(db, actor, scope.meeting_id)
        parts.append(f"ข้อสั่งการจากการประชุมครั้งที่ {meeting.number_text(False)}")
    if scope.assignee:
        parts.append(f"ผู้รับผิดชอบ: {scope.assignee}")
    return " ".join(parts) or "ข้อสั่งการทั้งหมด"
