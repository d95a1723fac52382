"""Derived directive status: computed from dates and reports, never typed by hand.

The status key comes from the one rule in domain/status_rule.py, which services/status_sql.py
compiles to SQL for the tracker and the dashboard; `derive_status` adds what a clerk reads
beside it (progress, days late or left), so a directive cannot be "overdue" on one screen and
"in progress" on another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.status_rule import DUE_SOON_DAYS, Facts, status_key

__all__ = ["DUE_SOON_DAYS", "Deadline", "DerivedStatus", "Progress", "derive_status", "effective_due", "status_label"]


class Progress(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _PROGRESS_LABELS[self]


class Deadline(StrEnum):
    NONE = "none"  # no due date, or nothing left to chase (done/cancelled)
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


_PROGRESS_LABELS = {
    Progress.NOT_STARTED: "ยังไม่ดำเนินการ",
    Progress.IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    Progress.DONE: "ดำเนินการแล้วเสร็จ",
    Progress.CANCELLED: "ยกเลิก",
}


BLOCKED_LABEL = "ติดขัด"


@dataclass(frozen=True)
class DerivedStatus:
    progress: Progress
    deadline: Deadline
    days: int | None  # days late when overdue, days left when due soon / on track
    blocked_reason: str | None = None  # set while an open directive is marked blocked
    key: str = ""  # one word for filters and colours: the first rule of STATUS_RULE that holds

    @property
    def blocked(self) -> bool:
        return self.blocked_reason is not None and self.progress not in (Progress.DONE, Progress.CANCELLED)

    @property
    def label(self) -> str:
        """The Thai text a clerk reads, e.g. 'เกินกำหนด (ล่าช้า 46 วัน)', 'อยู่ระหว่างดำเนินการ (เหลือ 13 วัน)',
        'ติดขัด: รองบประมาณ (เหลือ 5 วัน)'."""
        return _label(self.progress, self.deadline, self.days, self.blocked_reason)


def _label(progress: Progress, deadline: Deadline, days: int | None, blocked_reason: str | None) -> str:
    open_and_blocked = blocked_reason is not None and progress not in (Progress.DONE, Progress.CANCELLED)
    blocked = f"{BLOCKED_LABEL}: {blocked_reason}" if open_and_blocked else None
    if deadline is Deadline.OVERDUE:
        late = f"เกินกำหนด (ล่าช้า {days} วัน)"
        return f"{late} — {blocked}" if blocked else late
    if deadline in (Deadline.DUE_SOON, Deadline.ON_TRACK):
        return f"{blocked or progress.label} (เหลือ {days} วัน)"
    return blocked or progress.label


STATUS_KEYS = ("not_started", "in_progress", "blocked", "due_soon", "overdue", "done", "cancelled")
STATUS_TITLES = {
    "not_started": "ยังไม่ดำเนินการ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "blocked": BLOCKED_LABEL,
    "due_soon": "ใกล้ครบกำหนด",
    "overdue": "เกินกำหนด",
    "done": "ดำเนินการแล้วเสร็จ",
    "cancelled": "ยกเลิก",
}


def derive_progress(state: DirectiveState, latest_percent: int | None) -> Progress:
    if state is DirectiveState.CANCELLED:
        return Progress.CANCELLED
    if state is DirectiveState.CLOSED or latest_percent == 100:
        return Progress.DONE
    if latest_percent is None:
        return Progress.NOT_STARTED
    return Progress.IN_PROGRESS


def derive_status(
    state: DirectiveState,
    latest_percent: int | None,
    due_on: date | None,
    today: date,
    blocked_reason: str | None = None,
) -> DerivedStatus:
    progress = derive_progress(state, latest_percent)
    key = status_key(Facts(state, latest_percent, due_on, blocked_reason is not None, today))
    return DerivedStatus(progress, *_deadline(progress, due_on, today), blocked_reason, key)


def status_label(
    state: DirectiveState,
    latest_percent: int | None,
    due_on: date | None,
    today: date,
    blocked_reason: str | None = None,
) -> str:
    """`derive_status(...).label` without working out the status key (a walk of the rule the
    label does not read): an export labels thousands of distinct (state, percent, due date)."""
    progress = derive_progress(state, latest_percent)
    return _label(progress, *_deadline(progress, due_on, today), blocked_reason)


def _deadline(progress: Progress, due_on: date | None, today: date) -> tuple[Deadline, int | None]:
    """The deadline's kind and its days (late when overdue, left when due soon or on track)."""
    if due_on is None or progress in (Progress.DONE, Progress.CANCELLED):
        return Deadline.NONE, None
    remaining = (due_on - today).days
    if remaining < 0:
        return Deadline.OVERDUE, -remaining
    if remaining <= DUE_SOON_DAYS:
        return Deadline.DUE_SOON, remaining
    return Deadline.ON_TRACK, remaining


def effective_due(due_on: date | None, extended_due_on: date | None) -> date | None:
    """An approved extension replaces the original due date for every derived figure."""
    return extended_due_on or due_on
