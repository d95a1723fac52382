"""Escalation tiers for late directives (ยกระดับการติดตาม): how hard to chase, by days late.

Tier 1 from the first day late, tier 2 (เร่งรัด) from a week, tier 3 (report up the chain)
from fifteen days. The thresholds are settable so an organisation can tune them; they
must be increasing and at least one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

DEFAULT_THRESHOLDS: tuple[int, int, int] = (1, 7, 15)


class Tier(IntEnum):
    NONE = 0  # on time (or nothing to chase)
    LATE = 1  # ล่าช้า
    EXPEDITE = 2  # เร่งรัด
    REPORT_UP = 3  # รายงานผู้บังคับบัญชา

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Tier.NONE: "ไม่ล่าช้า",
    Tier.LATE: "ล่าช้า — ติดตามตามรอบปกติ",
    Tier.EXPEDITE: "ล่าช้า — เร่งรัดการดำเนินการ",
    Tier.REPORT_UP: "ล่าช้ามาก — รายงานผู้บังคับบัญชา",
}


@dataclass(frozen=True)
class Escalation:
    tier: Tier
    days_late: int
    thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS

    @property
    def label(self) -> str:
        """Names the threshold crossed: 'ล่าช้าเกิน 15 วัน — รายงานผู้บังคับบัญชา'."""
        if self.tier is Tier.NONE:
            return Tier.NONE.label
        if self.tier is Tier.LATE:
            return f"ล่าช้า {self.days_late} วัน — ติดตามตามรอบปกติ"
        limit = self.thresholds[self.tier - 1]
        action = "เร่งรัดการดำเนินการ" if self.tier is Tier.EXPEDITE else "รายงานผู้บังคับบัญชา"
        return f"ล่าช้าตั้งแต่ {limit} วัน — {action}"


def check_thresholds(thresholds: tuple[int, int, int]) -> tuple[int, int, int]:
    if len(thresholds) != 3 or thresholds[0] < 1 or not thresholds[0] < thresholds[1] < thresholds[2]:
        raise ValueError(f"escalation thresholds must be three increasing day counts >= 1, got {thresholds!r}")
    return thresholds


def tier_for(days_late: int | None, thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS) -> Tier:
    """days_late as in DerivedStatus.days for an overdue directive; None or <= 0 is not late."""
    check_thresholds(thresholds)
    if days_late is None or days_late < thresholds[0]:
        return Tier.NONE
    if days_late >= thresholds[2]:
        return Tier.REPORT_UP
    if days_late >= thresholds[1]:
        return Tier.EXPEDITE
    return Tier.LATE


def escalate(days_late: int | None, thresholds: tuple[int, int, int] = DEFAULT_THRESHOLDS) -> Escalation:
    return Escalation(tier_for(days_late, thresholds), max(days_late or 0, 0), thresholds)
