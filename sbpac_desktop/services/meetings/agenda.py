"""Agenda items: add, edit, delete and move, with numbers (๔.๑, ๔.๑.๑) recomputed every time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.agenda import MAX_DEPTH, MAX_PLANNED_MINUTES, Slot, compute_numbers, section_titles, sort_key
from sbpac_desktop.domain.enums import AgendaTemplate
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import agenda_number_text
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import audit, erase_row, snapshot
from sbpac_desktop.services.common import ensure_meeting_editable, get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Meeting, Person
from sbpac_desktop.thai.normalize import clean, clean_required


@dataclass(frozen=True)
class AgendaItemInput:
    section: int
    title: str
    parent_id: int | None = None
    presenter_person_id: int | None = None
    presenter_text: str | None = None
    background: str | None = None
    proposal: str | None = None
    discussion: str | None = None
    resolution: str | None = None
    planned_minutes: int | None = None  # agenda timetable; None = not planned


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    version: int
    meeting_id: int
    section: int
    parent_id: int | None
    position: int
    number: str  # Arabic digits "4.1.1"; print with agenda_number_text / to_thai_digits
    depth: int
    title: str
    presenter_person_id: int | None
    presenter_name: str | None
    background: str | None
    proposal: str | None
    discussion: str | None
    resolution: str | None
    planned_minutes: int | None = None

    def number_text(self, thai_digits: bool = True) -> str:
        parts = tuple(int(p) for p in self.number.split("."))
        return agenda_number_text(parts, thai_digits=thai_digits)


def input_of(view: AgendaItemView, **changes: object) -> AgendaItemInput:
    """The item as it is, with `changes`: for saving one field without losing the others.

    AgendaItemView has one presenter name (the free text, or the person's name): the free
    text is kept only when no person is linked."""
    values: dict[str, object] = {
        "section": view.section,
        "title": view.title,
        "parent_id": view.parent_id,
        "presenter_person_id": view.presenter_person_id,
        "presenter_text": view.presenter_name if view.presenter_person_id is None else None,
        "background": view.background,
        "proposal": view.proposal,
        "discussion": view.discussion,
        "resolution": view.resolution,
        "planned_minutes": view.planned_minutes,
    }
    values.update(changes)
    return AgendaItemInput(**values)  # type: ignore[arg-type]


def _check(session: Session, meeting: Meeting, data: AgendaItemInput) -> None:
    check = Checker()
    check.required("title", data.title, "ชื่อเรื่อง", "Title")
    _check_minutes(check, data.planned_minutes)
    sections = section_titles(AgendaTemplate(meeting.agenda_template))
    if data.section not in sections:
        check.add("section", f"ไม่มีระเบียบวาระที่ {data.section} ในแบบระเบียบวาระนี้", f"No section {data.section}")
    check.raise_if_any()
    if data.parent_id is not None:
        parent = get_or_raise(session, AgendaItem, data.parent_id, "เรื่องหลัก")
        if parent.meeting_id != meeting.id or parent.section != data.section:
            raise ValidationError.single(
                "parent_id", "เรื่องหลักต้องอยู่ในระเบียบวาระเดียวกัน", "Parent must be in the same section"
            )
        if len(parent.number.split(".")) >= MAX_DEPTH:
            raise ValidationError.single(
                "parent_id", "แบ่งเรื่องย่อยได้ไม่เกินสามระดับ (เช่น ๔.๑.๑)", "At most three levels (4.1.1)"
            )
    if data.presenter_person_id is not None:
        get_or_raise(session, Person, data.presenter_person_id, "ผู้นำเสนอ")


def _check_minutes(check: Checker, minutes: int | None) -> None:
    if minutes is None:
        return
    if minutes < 0:
        check.add("planned_minutes", "เวลาที่วางแผนต้องไม่ติดลบ", "Planned minutes cannot be negative")
    elif minutes > MAX_PLANNED_MINUTES:
        check.add(
            "planned_minutes",
            f"เวลาที่วางแผนต่อเรื่องต้องไม่เกิน {MAX_PLANNED_MINUTES} นาที (๑ วัน)",
            f"Planned minutes cannot exceed {MAX_PLANNED_MINUTES} (one day)",
        )


def _fill(item: AgendaItem, data: AgendaItemInput) -> None:
    item.section = data.section
    item.parent_id = data.parent_id
    item.title = clean_required(data.title)
    item.presenter_person_id = data.presenter_person_id
    item.presenter_text = clean(data.presenter_text)
    item.background = clean(data.background)
    item.proposal = clean(data.proposal)
    item.discussion = clean(data.discussion)
    item.resolution = clean(data.resolution)
    item.planned_minutes = data.planned_minutes


def _siblings(session: Session, meeting_id: int, section: int, parent_id: int | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.section == section)
    query = query.where(AgendaItem.parent_id.is_(None) if parent_id is None else AgendaItem.parent_id == parent_id)
    return list(session.scalars(query.order_by(AgendaItem.position, AgendaItem.id)))


def renumber(session: Session, meeting_id: int) -> None:
    """Positions 1..n per sibling group, then numbers and sort keys from the tree."""
    session.flush()
    items = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)))
    numbers = compute_numbers(Slot(i.id, i.section, i.parent_id, i.position) for i in items)
    for item in items:
        path = numbers[item.id]
        number = ".".join(str(p) for p in path)
        if (item.number, item.position) != (number, path[-1]):
            item.number, item.position, item.sort_key = number, path[-1], sort_key(path)


def add_item(
    db: Database, actor: Actor, meeting_id: int, data: AgendaItemInput, position: int | None = None
) -> AgendaItemView:
    """Append (or insert at `position`, 1-based) and renumber."""
    require(actor, EDIT_MEETINGS, "เพิ่มเรื่องในระเบียบวาระ")
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        ensure_meeting_editable(meeting)
        _check(session, meeting, data)
        siblings = _siblings(session, meeting_id, data.section, data.parent_id)
        at = len(siblings) + 1 if position is None else max(1, min(position, len(siblings) + 1))
        for sibling in siblings[at - 1 :]:
            sibling.position += 1
        item = AgendaItem(meeting_id=meeting_id, position=at, number="", sort_key="")
        _fill(item, data)
        session.add(item)
        renumber(session, meeting_id)
        audit(session, actor, "create", item)
        return _view(session, item)


def update_item(
    db: Database, actor: Actor, item_id: int, expected_version: int, data: AgendaItemInput
) -> AgendaItemView:
    require(actor, EDIT_MEETINGS, "แก้ไขเรื่องในระเบียบวาระ")
    with db.unit_of_work() as session:
        item = get_as_seen(session, AgendaItem, item_id, expected_version, "เรื่องในระเบียบวาระ")
        meeting = get_or_raise(session, Meeting, item.meeting_id, "การประชุม")
        ensure_meeting_editable(meeting)
        _check(session, meeting, data)
        before = snapshot(item)
        moved = (data.section, data.parent_id) != (item.section, item.parent_id)
        _fill(item, data)
        if moved:
            item.position = len(_siblings(session, meeting.id, data.section, data.parent_id)) + 1
        renumber(session, meeting.id)
        audit(session, actor, "update", item, before)
        return _view(session, item)


def move_item(
    db: Database, actor: Actor, item_id: int, new_position: int, new_section: int | None = None
) -> list[AgendaItemView]:
    """Drag-and-drop: put the item at `new_position` among its siblings (optionally in
    another section, at the top level); every number is recomputed."""
    require(actor, EDIT_MEETINGS, "จัดลำดับระเบียบวาระ")
    with db.unit_of_work() as session:
        item = get_or_raise(session, AgendaItem, item_id, "เรื่องในระเบียบวาระ")
        meeting = get_or_raise(session, Meeting, item.meeting_id, "การประชุม")
        ensure_meeting_editable(meeting)
        before = snapshot(item)
        if new_section is not None and new_section != item.section:
            if new_section not in section_titles(AgendaTemplate(meeting.agenda_template)):
                raise ValidationError.single("section", f"ไม่มีระเบียบวาระที่ {new_section}", f"No section {new_section}")
            _move_subtree_section(session, item, new_section)
            item.parent_id = None
        siblings = [s for s in _siblings(session, meeting.id, item.section, item.parent_id) if s.id != item.id]
        at = max(1, min(new_position, len(siblings) + 1))
        siblings.insert(at - 1, item)
        for index, sibling in enumerate(siblings, start=1):
            sibling.position = index
        renumber(session, meeting.id)
        audit(session, actor, "update", item, before)
        return _list(session, meeting.id)


def _move_subtree_section(session: Session, item: AgendaItem, section: int) -> None:
    item.section = section
    for child in session.scalars(select(AgendaItem).where(AgendaItem.parent_id == item.id)):
        _move_subtree_section(session, child, section)


def delete_item(db: Database, actor: Actor, item_id: int) -> None:
    require(actor, EDIT_MEETINGS, "ลบเรื่องในระเบียบวาระ")
    with db.unit_of_work() as session:
        item = get_or_raise(session, AgendaItem, item_id, "เรื่องในระเบียบวาระ")
        meeting_id = item.meeting_id
        ensure_meeting_editable(get_or_raise(session, Meeting, meeting_id, "การประชุม"))
        erase_row(session, actor, item)
        renumber(session, meeting_id)


def get_item(db: Database, actor: Actor, item_id: int) -> AgendaItemView:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _view(session, get_or_raise(session, AgendaItem, item_id, "เรื่องในระเบียบวาระ"))


def list_items(db: Database, actor: Actor, meeting_id: int) -> list[AgendaItemView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        get_or_raise(session, Meeting, meeting_id, "การประชุม")
        return _list(session, meeting_id)


def _list(session: Session, meeting_id: int) -> list[AgendaItemView]:
    session.flush()
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.sort_key))
    return [_view(session, item) for item in items]


def _view(session: Session, item: AgendaItem) -> AgendaItemView:
    session.flush()
    presenter = item.presenter_text
    if presenter is None and item.presenter_person_id is not None:
        presenter = person_name(session, item.presenter_person_id)
    return AgendaItemView(
        item.id,
        item.version,
        item.meeting_id,
        item.section,
        item.parent_id,
        item.position,
        item.number,
        len(item.number.split(".")) - 1,
        item.title,
        item.presenter_person_id,
        presenter,
        item.background,
        item.proposal,
        item.discussion,
        item.resolution,
        item.planned_minutes,
    )
