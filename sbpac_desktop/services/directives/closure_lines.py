"""Closures acknowledged at a meeting, as its minutes print them under the follow-up item:
'ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. 003/2563'. Over the Core tables, so the
minutes are read without loading the ORM (issue #16); recording a closure is closure.py's."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from sbpac_desktop.domain.agenda import FOLLOW_UP_SECTION
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.directives.directive_views import presented_lines
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import closure_request, directive

if TYPE_CHECKING:
    from sbpac_desktop.domain.documents import AgendaSection
    from sbpac_desktop.store.reader import Reader

MEETING_CLOSURE_TEXT = "ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ"


def meeting_closure_lines(reader: Reader, meeting_id: int) -> tuple[tuple[int, str], ...]:
    """(directive id, sentence) for every closure acknowledged at the meeting, in number order."""
    request = closure_request.c
    query = (
        select(directive.c.id, directive.c.seq, directive.c.fiscal_year)
        .join(closure_request, request.directive_id == directive.c.id)
        .where(request.meeting_id == meeting_id, request.status == RequestStatus.APPROVED.value)
        .order_by(directive.c.fiscal_year, directive.c.seq)
    )
    return tuple(
        (directive_id, f"{MEETING_CLOSURE_TEXT} {directive_number_text(seq, year, thai_digits=False)}")
        for directive_id, seq, year in settled(reader).execute(query)
    )


def attach_closures(
    reader: Reader, meeting_id: int, sections: tuple[AgendaSection, ...]
) -> tuple[AgendaSection, ...]:
    """Put each closure acknowledged at the meeting under its follow-up line (item 3.1.n of
    that directive), else under the first follow-up item, else at the end of section 3."""
    closures = meeting_closure_lines(reader, meeting_id)
    if not closures:
        return sections
    line_of = {line.directive_id: line.number for line in presented_lines(reader, meeting_id)}
    result = []
    for section in sections:
        if section.number != FOLLOW_UP_SECTION:
            result.append(section)
            continue
        numbers = [entry.number for entry in section.entries]
        placed: dict[str, list[str]] = {}
        loose: list[str] = []
        for directive_id, sentence in closures:
            target = line_of.get(directive_id) if line_of.get(directive_id) in numbers else None
            target = target or next((e.number for e in section.entries if e.depth == 1), None)
            (placed.setdefault(target, []) if target else loose).append(sentence)
        entries = tuple(replace(e, closures=e.closures + tuple(placed.get(e.number, ()))) for e in section.entries)
        result.append(replace(section, entries=entries, closures=section.closures + tuple(loose)))
    return tuple(result)
