"""รายงานการประชุม as an editable Word file: the PDF's 11 parts (reporting/minutes.py), same text."""

from __future__ import annotations

import os
from pathlib import Path

from sbpac_desktop.domain.documents import AgendaEntry, AgendaSection, MinutesDoc, PersonLine
from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.reporting.document_text import (
    SECRETARIAT,
    clock,
    directive_sentence,
    long_date_text,
    meeting_file_title,
    person_rows,
)
from sbpac_desktop.reporting.layout import CM, PEOPLE_WIDTHS, SIGNATURE_INDENT
from sbpac_desktop.reporting.minutes_text import ITEM_INDENT, TEXT_INDENT, body_runs, meeting_name
from sbpac_desktop.reporting.word.base import BODY_INDENT, HEADING, WordWriter


def people(w: WordWriter, heading: str, lines: tuple[PersonLine, ...], empty: str = "ไม่มี") -> None:
    """ผู้มาประชุม / ผู้ไม่มาประชุม / ผู้เข้าร่วมประชุม: a numbered table without lines."""
    w.para(heading, HEADING)
    if not lines:
        w.para(empty, indent=1 * CM)
        return
    w.table(person_rows(lines), PEOPLE_WIDTHS, header_rows=0, grid=False)


def header(w: WordWriter, doc: MinutesDoc) -> None:
    h = doc.header
    w.centred(f"รายงานการประชุม{meeting_name(h.body_name)}", bold=True)
    w.centred(f"ครั้งที่ {h.number}/{h.be_year}", bold=True)
    w.centred(f"เมื่อ{long_date_text(h.meeting_date)}")
    w.centred(f"ณ {h.venue}")
    w.rule()


def entry(w: WordWriter, item: AgendaEntry, style: RecordingStyle) -> None:
    indent = ITEM_INDENT * item.depth
    body_indent = indent + TEXT_INDENT - ITEM_INDENT
    w.para([(f"{item.number} ", True), (item.title, True)], indent=indent, keep_with_next=True)
    for runs in body_runs(item, style):
        w.para(runs, BODY_INDENT, indent=body_indent)
    if item.resolution:
        w.labelled("มติที่ประชุม", item.resolution, body_indent)
    if item.directives:
        w.para("ข้อสั่งการ", HEADING, indent=body_indent, space_before=0)
        for number, line in enumerate(item.directives, start=1):
            w.para(f"{number}) {directive_sentence(line)}", indent=body_indent + 0.6 * CM, first_line=-0.6 * CM)
    for sentence in item.closures:
        w.para(sentence, indent=body_indent)


def section(w: WordWriter, part: AgendaSection, style: RecordingStyle) -> None:
    w.para(f"ระเบียบวาระที่ {part.number}  {part.title}", HEADING)
    if not part.entries and not part.closures:
        w.para(part.empty_text, indent=ITEM_INDENT)
        return
    for item in part.entries:
        entry(w, item, style)
    for sentence in part.closures:
        w.para(sentence, indent=ITEM_INDENT)


def signature(w: WordWriter, role: str, person: PersonLine | None) -> None:
    """(ลงชื่อ) ...... role, the name in brackets, the position: in the right half, as the PDF."""
    w.gap()
    w.gap()
    first = w.para(f"(ลงชื่อ) ...................................... {role}", indent=SIGNATURE_INDENT - 1.2 * CM)
    first.paragraph_format.keep_with_next = True
    name = f"({person.name})" if person else "(......................................)"
    w.para(name, indent=SIGNATURE_INDENT, keep_with_next=True)
    w.para(person.position if person and person.position else "", indent=SIGNATURE_INDENT)


def add_minutes(w: WordWriter, doc: MinutesDoc) -> None:
    style = RecordingStyle(doc.recording_style)
    header(w, doc)
    people(w, "ผู้มาประชุม", doc.present)
    people(w, "ผู้ไม่มาประชุม", doc.absent)
    if doc.others:
        people(w, "ผู้เข้าร่วมประชุม", doc.others)
    w.para(f"เริ่มประชุมเวลา {clock(doc.header.start_time)}", HEADING)
    w.para(doc.opening_text, BODY_INDENT)
    for part in doc.sections:
        section(w, part, style)
    w.para(f"เลิกประชุมเวลา {clock(doc.header.end_time)}", HEADING)
    signature(w, "ผู้จดรายงานการประชุม", doc.recorder)
    if doc.checker is not None:
        signature(w, "ผู้ตรวจรายงานการประชุม", doc.checker)


def render(doc: MinutesDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = WordWriter(thai_digits, title=meeting_file_title("รายงานการประชุม", doc.header), author=SECRETARIAT)
    add_minutes(w, doc)
    w.footer_note(doc.audit_anchor)
    return w.save(path)
