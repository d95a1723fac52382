"""Agenda structure: the official section headings and live numbering (๔.๑, ๔.๑.๑)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
