"""Agenda structure: the official section headings and live numbering (๔.๑, ๔.๑.๑)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time

from sbpac_desktop.domain.enums import AgendaTemplate

_COMMON_START = {
    1: "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    2: "เรื่องรับรองรายงานการประชุม",
    3: "เรื่องสืบเนื่อง",
}
SECTION_TITLES: dict[AgendaTemplate, dict[int, str]] = {
    AgendaTemplate.STANDARD_5: {**_COMMON_START, 4: "เรื่องเพื่อพิจารณา", 5: "เรื่องอื่น ๆ (ถ้ามี)"},
    AgendaTemplate.WITH_INFORMATION_6: {
        **_COMMON_START,
        4: "เรื่องเพื่อทราบ",
        5: "เรื่องเพื่อพิจารณา",
        6: "เรื่องอื่น ๆ (ถ้ามี)",
    },
}
CERTIFY_SECTION = 2
FOLLOW_UP_SECTION = 3
MAX_DEPTH = 3  # ๔ (section) . ๑ (item) . ๑ (sub-item)


def section_titles(template: AgendaTemplate) -> dict[int, str]:
    return SECTION_TITLES[template]


@dataclass(frozen=True)
class Slot:
    """Where an item sits: its section, its parent item (None at the top) and 1-based position."""

    item_id: int
    section: int
    parent_id: int | None
    position: int


def compute_numbers(slots: Iterable[Slot]) -> dict[int, tuple[int, ...]]:
    """Number every item from its place: siblings are renumbered 1..n in position order,
    so deleting or moving an item never leaves a gap or a duplicate."""
    children: dict[tuple[int, int | None], list[Slot]] = {}
    for slot in slots:
        children.setdefault((slot.section, slot.parent_id), []).append(slot)
    numbers: dict[int, tuple[int, ...]] = {}

    def walk(section: int, parent_id: int | None, prefix: tuple[int, ...]) -> None:
        siblings = sorted(children.get((section, parent_id), []), key=lambda s: (s.position, s.item_id))
        for index, slot in enumerate(siblings, start=1):
            numbers[slot.item_id] = (*prefix, index)
            walk(section, slot.item_id, (*prefix, index))

    for section in sorted({key[0] for key in children}):
        walk(section, None, (section,))
    return numbers


def sort_key(path: tuple[int, ...]) -> str:
    """Zero-padded text that sorts like the number: '04.001.002'."""
    return ".".join([f"{path[0]:02d}", *(f"{part:03d}" for part in path[1:])])


# --- agenda timetable ----------------------------------------------------------------
MAX_PLANNED_MINUTES = 1440  # one item never plans more than a day


@dataclass(frozen=True)
class TimedItem:
    """An agenda item in agenda order with its planned duration (None: not planned)."""

    item_id: int
    planned_minutes: int | None


@dataclass(frozen=True)
class Timetable:
    """Planned start of every item, the planned total and the planned end.

    `starts` is empty when the meeting has no start time (durations still add up);
    an item whose start would fall after midnight has none (None)."""

    starts: dict[int, time | None]
    total_minutes: int
    unplanned_count: int  # items without a duration: counted as taking no time
    ends_at: time | None

    def start_of(self, item_id: int) -> time | None:
        return self.starts.get(item_id)


def _clock(start: time, offset_minutes: int) -> time | None:
    minutes = start.hour * 60 + start.minute + offset_minutes
    return None if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def plan_timetable(start: time | None, items: Sequence[TimedItem]) -> Timetable:
    """Items in agenda order (4.1, 4.1.1, 4.1.2, 4.2 ...): each starts when the one before it
    is planned to end, i.e. start = previous start + previous planned minutes.

    A main item's own minutes are its own time (an introduction, say), not a budget its
    sub-items share: every item's minutes add to the clock once. An item without a
    duration still gets the current time as its start and takes none."""
    starts: dict[int, time | None] = {}
    offset = 0
    unplanned = 0
    for item in items:
        if start is not None:
            starts[item.item_id] = _clock(start, offset)
        if item.planned_minutes is None:
            unplanned += 1
        else:
            offset += item.planned_minutes
    ends_at = _clock(start, offset) if start is not None and offset else None
    return Timetable(starts, offset, unplanned, ends_at)
