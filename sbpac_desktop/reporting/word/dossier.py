"""The session dossier as one editable Word file: a cover with the list of parts, then the
agenda, the attendance, the minutes and the follow-up report, each from a new page, in the
order and with the text of the PDF dossier (reporting/dossier.py). Word numbers the pages;
the PDF's contents page numbers are left out, as they move as soon as the clerk edits."""

from __future__ import annotations

import os
from pathlib import Path

from sbpac_desktop.domain.documents import DossierDoc
from sbpac_desktop.reporting.document_text import SECRETARIAT, long_date_text, meeting_file_title
from sbpac_desktop.reporting.dossier_text import PARTS
from sbpac_desktop.reporting.word.agenda import add_agenda
from sbpac_desktop.reporting.word.base import HEADING, WordWriter
from sbpac_desktop.reporting.word.followup import add_followup
from sbpac_desktop.reporting.word.minutes import add_minutes, people


def _cover(w: WordWriter, doc: DossierDoc) -> None:
    h = doc.minutes.header
    for _ in range(4):
        w.gap()
    w.centred("เอกสารประกอบการประชุม", bold=True)
    w.centred(h.body_name)
    w.centred(f"ครั้งที่ {h.number}/{h.be_year}", bold=True)
    w.centred(long_date_text(h.meeting_date))
    w.centred(f"ณ {h.venue}")
    w.rule()
    w.para("สารบัญ", HEADING)
    for index, part in enumerate(PARTS, start=1):
        w.para(f"{index}. {part}")


def _attendance(w: WordWriter, doc: DossierDoc) -> None:
    m = doc.minutes
    w.centred("รายชื่อผู้เข้าประชุม", bold=True)
    w.rule()
    people(w, "ผู้มาประชุม", m.present)
    people(w, "ผู้ไม่มาประชุม", m.absent)
    people(w, "ผู้เข้าร่วมประชุม", m.others)


def render(doc: DossierDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    title = meeting_file_title("เอกสารประกอบการประชุม", doc.minutes.header)
    w = WordWriter(thai_digits, title=title, author=SECRETARIAT)
    _cover(w, doc)
    for part in (lambda: add_agenda(w, doc.agenda), lambda: _attendance(w, doc),
                 lambda: add_minutes(w, doc.minutes), lambda: add_followup(w, doc.directives)):  # fmt: skip
        w.page_break()
        part()
    w.footer_note(doc.audit_anchor)
    return w.save(path)
