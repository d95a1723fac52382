"""The follow-up report (รายงานผลการติดตามข้อสั่งการ): directives in a scope, grouped, with counts.

Read over the Core tables on a Connection (the directives' rows, their history, the reporter, the
meeting's lookup), one implementation for the CLI, the window and the dossier: the report and the
dossier load no ORM (issue #16)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sbpac_desktop.domain.documents import FollowUpDoc, FollowUpGroup, GroupBy
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.status import STATUS_KEYS, STATUS_TITLES
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import (
    DirectiveFilter,
    DirectiveRow,
    build_rows,
    presented_lines,
    rows_for_ids,
)
from sbpac_desktop.services.directives.followup_history import directive_history
from sbpac_desktop.services.meetings.documents import directive_line
from sbpac_desktop.services.meetings.followup_signer import reporter_line
from sbpac_desktop.services.meetings.meeting_list import get_meeting
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.thai import fiscal_quarter_bounds, thai_sort_key

STATUS_LABELS = STATUS_TITLES
NO_DIMENSION = "ไม่ระบุมิติการพัฒนา"
PRESENTED_HEADING = "ผลการดำเนินการตามข้อสั่งการที่เสนอต่อที่ประชุม (ระเบียบวาระที่ 3)"
NO_ASSIGNEE = "ยังไม่มอบหมายผู้รับผิดชอบ"


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
    with db.connect() as connection:
        rows = build_rows(
            connection,
            DirectiveFilter(fiscal_year=scope.fiscal_year, assignee=scope.assignee, meeting_id=scope.meeting_id),
            today,
        )
        presented = presented_lines(connection, scope.meeting_id) if scope.meeting_id is not None else ()
        if presented:  # the directives the meeting follows up, as well as those it issued
            wanted = {line.directive_id for line in presented} - {r.id for r in rows}
            extra = rows_for_ids(connection, sorted(wanted), today)
            if scope.fiscal_year is not None or scope.assignee:  # the same narrowing as the rest
                narrowed = DirectiveFilter(fiscal_year=scope.fiscal_year, assignee=scope.assignee)
                keep = {r.id for r in build_rows(connection, narrowed, today)}
                extra = [r for r in extra if r.id in keep]
            rows += extra
        if scope.quarter is not None and scope.fiscal_year is not None:
            start, end = fiscal_quarter_bounds(scope.fiscal_year, scope.quarter)
            rows = [r for r in rows if r.effective_due is not None and start <= r.effective_due <= end]
        history = directive_history(connection, [r.id for r in rows])
        reporter = reporter_line(connection, scope.meeting_id, today)
    return FollowUpDoc(
        title="รายงานผลการติดตามข้อสั่งการ",
        scope=_scope_text(db, actor, scope, bool(presented)),
        as_of=today,
        counts=_counts(rows),
        groups=_groups(rows, scope.group_by, history),
        grouped_by=scope.group_by.value,
        presented_heading=PRESENTED_HEADING if presented else None,
        presented=tuple((line.number, line.title) for line in presented),
        signed=True,
        reporter=reporter,
    )


def _counts(rows: list[DirectiveRow]) -> tuple[tuple[str, int], ...]:
    tally: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        tally[row.status.key] += 1
    return tuple((STATUS_LABELS[key], tally[key]) for key in STATUS_KEYS)


def _groups(
    rows: list[DirectiveRow], group_by: GroupBy, history: dict[int, tuple[str, ...]]
) -> tuple[FollowUpGroup, ...]:
    grouped: dict[str, list[DirectiveRow]] = defaultdict(list)
    for row in rows:
        if group_by is GroupBy.DIMENSION:
            key = row.dimension or NO_DIMENSION
        else:
            key = row.lead_label or NO_ASSIGNEE
        grouped[key].append(row)
    return tuple(
        FollowUpGroup(name, tuple(replace(directive_line(r), history=history.get(r.id, ())) for r in grouped[name]))
        for name in sorted(grouped, key=thai_sort_key)
    )


def _scope_text(db: Database, actor: Actor, scope: FollowUpScope, presented: bool = False) -> str:
    parts = []
    if scope.fiscal_year is not None:
        parts.append(f"ปีงบประมาณ พ.ศ. {scope.fiscal_year}")
    if scope.quarter is not None:
        parts.append(f"ไตรมาสที่ {scope.quarter}")
    if scope.meeting_id is not None:
        meeting = get_meeting(db, actor, scope.meeting_id)
        parts.append(f"ข้อสั่งการจากการประชุมครั้งที่ {meeting.number_text(False)}")
        if presented:
            parts.append("และที่เสนอติดตามในการประชุมครั้งนี้")
    if scope.assignee:
        parts.append(f"ผู้รับผิดชอบ: {scope.assignee}")
    return " ".join(parts) or "ข้อสั่งการทั้งหมด"
