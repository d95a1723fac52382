"""Who said what, as the minutes print it: the speaker's label and the speeches under each agenda
item, over the Core tables (no ORM loaded: the minutes command reads them on a Connection, issue #16).
Editing the entries is services/meetings/speakers.py's, whose views label a speaker with `speaker_of`."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sbpac_desktop.domain.people import full_name
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import agenda_item, person, position, speaker_entry

if TYPE_CHECKING:
    from sqlalchemy import Row, Select

    from sbpac_desktop.store.reader import Reader

ENTRY = speaker_entry.c


def speaker_label(name: str | None, post: str | None, free_text: str | None) -> str:
    """'name (post)'; the free text is the post for a person, or the whole name without one."""
    role = post or (free_text if name else None)
    if name:
        return f"{name} ({role})" if role else name
    return post or free_text or ""


def _speeches() -> Select[Any]:
    """An entry with its post's title and its person's name parts (None where it names neither)."""
    return (
        select(
            ENTRY.agenda_item_id,
            ENTRY.text,
            ENTRY.speaker_text,
            position.c.title.label("post"),
            person.c.id.label("person_key"),
            person.c.prefix,
            person.c.first_name,
            person.c.last_name,
        )
        .select_from(speaker_entry)
        .outerjoin(position, position.c.id == ENTRY.position_id)
        .outerjoin(person, person.c.id == ENTRY.person_id)
    )


def _printed(row: Row[Any]) -> str:
    name = None if row.person_key is None else full_name(row.prefix, row.first_name, row.last_name)
    return speaker_label(name, row.post, row.speaker_text)


def speaker_of(reader: Reader, entry_id: int) -> str:
    """The entry's speaker as printed: "นาย ก ข (ผู้อำนวยการกอง…)"."""
    row = settled(reader).execute(_speeches().where(ENTRY.id == entry_id)).one()
    return _printed(row)


def speeches_by_item(reader: Reader, meeting_id: int) -> dict[int, list[tuple[str, str]]]:
    """(speaker as printed, text) per agenda item of the meeting, in order: for the minutes."""
    query = (
        _speeches()
        .join(agenda_item, agenda_item.c.id == ENTRY.agenda_item_id)
        .where(agenda_item.c.meeting_id == meeting_id)
        .order_by(ENTRY.agenda_item_id, ENTRY.seq, ENTRY.id)
    )
    result: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in settled(reader).execute(query):
        result[row.agenda_item_id].append((_printed(row), row.text))
    return result
