"""Session dossier: one PDF for a meeting — agenda, attendance, minutes and the directives
issued at it with their current status — with continuous page numbers and a contents page."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from sbpac_desktop.domain.documents import DossierDoc
from sbpac_desktop.reporting.agenda import agenda_flowables
from sbpac_desktop.reporting.anchor_footer import anchor_footer
from sbpac_desktop.reporting.common import Writer, gap, meeting_pdf, people_block, rule
from sbpac_desktop.reporting.document_text import long_date_text
from sbpac_desktop.reporting.dossier_text import PARTS
from sbpac_desktop.reporting.followup import followup_flowables
from sbpac_desktop.reporting.minutes import minutes_flowables


class PageMark(Flowable):
    """Takes no space; remembers the page it was drawn on (for the contents page)."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def _contents(w: Writer, doc: DossierDoc, pages: dict[str, int]) -> list[Flowable]:
    h = doc.minutes.header
    rows = [[f"{index}. {part}", str(pages.get(part, 0))] for index, part in enumerate(PARTS, start=1)]
    return [
        gap(4),
        w.centred("เอกสารประกอบการประชุม", bold=True),
        w.centred(h.body_name),
        w.centred(f"ครั้งที่ {h.number}/{h.be_year}", bold=True),
        w.centred(f"{long_date_text(h.meeting_date)}"),
        w.centred(f"ณ {h.venue}"),
        rule(),
        gap(),
        w.para("สารบัญ", "heading"),
        w.table([["เรื่อง", "หน้า"], *rows], (13 * cm, 3 * cm), grid=False, style=[("ALIGN", (1, 0), (1, -1), "RIGHT")]),
    ]


def _attendance(w: Writer, doc: DossierDoc) -> list[Flowable]:
    m = doc.minutes
    flow: list[Flowable] = [w.centred("รายชื่อผู้เข้าประชุม", bold=True), rule()]
    flow += people_block(w, "ผู้มาประชุม", m.present)
    flow += people_block(w, "ผู้ไม่มาประชุม", m.absent)
    flow += people_block(w, "ผู้เข้าร่วมประชุม", m.others)
    return flow


def dossier_flowables(doc: DossierDoc, pages: dict[str, int], *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    bodies = (
        agenda_flowables(doc.agenda, thai_digits=thai_digits),
        _attendance(w, doc),
        minutes_flowables(doc.minutes, thai_digits=thai_digits),
        followup_flowables(doc.directives, thai_digits=thai_digits),
    )
    flow = _contents(w, doc, pages)
    for part, body in zip(PARTS, bodies, strict=True):
        flow += [PageBreak(), PageMark(part, pages), *body]
    return flow


def render(doc: DossierDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    """Two passes: the first learns on which page each part starts, the second prints it.
    The contents lines have the same height in both passes, so the pages do not move."""
    header, footer = doc.minutes.header, anchor_footer(doc.audit_anchor)

    def write(to: str | os.PathLike[str], pages: dict[str, int]) -> Path:
        flowables = dossier_flowables(doc, pages, thai_digits=thai_digits)
        return meeting_pdf(to, flowables, "เอกสารประกอบการประชุม", header, thai_digits=thai_digits, page_header=footer)

    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        write(Path(scratch) / "pass1.pdf", pages)
    return write(path, dict(pages))
