"""Verbatim minutes (แบบจดละเอียด): who said what under an agenda item, in order.

A speaker is a person, a post, both ("นาย ก. (ผู้อำนวยการกอง…)"), or a free-text name for a
guest or "ที่ประชุม" (a non-verbal event goes in the text in brackets: "(ที่ประชุมปรบมือ)").
Editing follows the minutes' rules: secretariat roles, and nothing once the minutes are certified.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import audit, erase_row, snapshot
from sbpac_desktop.services.common import ensure_meeting_editable, get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings.speeches import speaker_of
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Meeting, Person, Position, SpeakerEntry
from sbpac_desktop.thai.normalize import clean, clean_required

MAX_SPEAKER = 300  # a name with its post, as store.models.NAME
MAX_SPEECH = 20_000  # about ten printed pages for one turn: longer is a paste gone wrong


@dataclass(frozen=True)
class SpeakerInput:
    text: str
    person_id: int | None = None
    position_id: int | None = None
    speaker_text: str | None = None  # a free name, or the post in words when a person is chosen


@dataclass(frozen=True)
class SpeakerView:
    id: int
    version: int
    agenda_item_id: int
    seq: int
    person_id: int | None
    position_id: int | None
    speaker_text: str | None
    speaker: str  # as printed: "นาย ก ข (ผู้อำนวยการกอง…)"
    text: str


def _check(session: Session, data: SpeakerInput) -> None:
    check = Checker()
    if data.person_id is None and data.position_id is None and not (data.speaker_text or "").strip():
        check.add("speaker", "กรุณาระบุผู้กล่าว (บุคคล ตำแหน่ง หรือชื่อ)", "Choose who spoke (person, post or a name)")
    check.max_length("speaker_text", data.speaker_text, MAX_SPEAKER, "ชื่อผู้กล่าว")
    check.required("text", data.text, "ข้อความที่กล่าว", "What was said")
    check.max_length("text", data.text, MAX_SPEECH, "ข้อความที่กล่าว")
    check.raise_if_any()
    if data.person_id is not None:
        get_or_raise(session, Person, data.person_id, "ผู้กล่าว")
    if data.position_id is not None:
        get_or_raise(session, Position, data.position_id, "ตำแหน่งผู้กล่าว")


def _fill(entry: SpeakerEntry, data: SpeakerInput) -> None:
    entry.person_id = data.person_id
    entry.position_id = data.position_id
    entry.speaker_text = clean(data.speaker_text)
    entry.text = clean_required(data.text)


def _editable_item(session: Session, item_id: int) -> AgendaItem:
    item = get_or_raise(session, AgendaItem, item_id, "เรื่องในระเบียบวาระ")
    ensure_meeting_editable(get_or_raise(session, Meeting, item.meeting_id, "การประชุม"))
    return item


def _entries(session: Session, item_id: int) -> list[SpeakerEntry]:
    query = select(SpeakerEntry).where(SpeakerEntry.agenda_item_id == item_id)
    return list(session.scalars(query.order_by(SpeakerEntry.seq, SpeakerEntry.id)))


def _renumber(entries: list[SpeakerEntry]) -> None:
    for seq, entry in enumerate(entries, start=1):
        if entry.seq != seq:
            entry.seq = seq


def add_entry(db: Database, actor: Actor, item_id: int, data: SpeakerInput, position: int | None = None) -> SpeakerView:
    """Append (or insert at `position`, 1-based) under the item."""
    require(actor, EDIT_MEETINGS, "บันทึกคำกล่าวในรายงานการประชุม")
    with db.unit_of_work() as session:
        _editable_item(session, item_id)
        _check(session, data)
        entries = _entries(session, item_id)
        at = len(entries) + 1 if position is None else max(1, min(position, len(entries) + 1))
        entry = SpeakerEntry(agenda_item_id=item_id, seq=at)
        _fill(entry, data)
        entries.insert(at - 1, entry)
        session.add(entry)
        _renumber(entries)
        audit(session, actor, "create", entry)
        return _view(session, entry)


def update_entry(db: Database, actor: Actor, entry_id: int, expected_version: int, data: SpeakerInput) -> SpeakerView:
    require(actor, EDIT_MEETINGS, "แก้ไขคำกล่าวในรายงานการประชุม")
    with db.unit_of_work() as session:
        entry = get_as_seen(session, SpeakerEntry, entry_id, expected_version, "คำกล่าว")
        _editable_item(session, entry.agenda_item_id)
        _check(session, data)
        before = snapshot(entry)
        _fill(entry, data)
        audit(session, actor, "update", entry, before)
        return _view(session, entry)


def move_entry(db: Database, actor: Actor, entry_id: int, new_seq: int) -> list[SpeakerView]:
    """Put the entry at `new_seq` (1-based, clamped) among the item's entries."""
    require(actor, EDIT_MEETINGS, "จัดลำดับคำกล่าวในรายงานการประชุม")
    with db.unit_of_work() as session:
        entry = get_or_raise(session, SpeakerEntry, entry_id, "คำกล่าว")
        _editable_item(session, entry.agenda_item_id)
        before = snapshot(entry)
        others = [e for e in _entries(session, entry.agenda_item_id) if e.id != entry.id]
        others.insert(max(1, min(new_seq, len(others) + 1)) - 1, entry)
        _renumber(others)
        audit(session, actor, "update", entry, before)
        return [_view(session, e) for e in others]


def delete_entry(db: Database, actor: Actor, entry_id: int) -> None:
    require(actor, EDIT_MEETINGS, "ลบคำกล่าวในรายงานการประชุม")
    with db.unit_of_work() as session:
        entry = get_or_raise(session, SpeakerEntry, entry_id, "คำกล่าว")
        item_id = entry.agenda_item_id
        _editable_item(session, item_id)
        erase_row(session, actor, entry)
        session.flush()
        _renumber(_entries(session, item_id))


def list_entries(db: Database, actor: Actor, item_id: int) -> list[SpeakerView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        get_or_raise(session, AgendaItem, item_id, "เรื่องในระเบียบวาระ")
        return [_view(session, e) for e in _entries(session, item_id)]


def _view(session: Session, entry: SpeakerEntry) -> SpeakerView:
    session.flush()
    return SpeakerView(
        entry.id,
        entry.version,
        entry.agenda_item_id,
        entry.seq,
        entry.person_id,
        entry.position_id,
        entry.speaker_text,
        speaker_of(session, entry.id),
        entry.text,
    )
