"""Session dossier: one PDF for a meeting — agenda, attendance, minutes and the directives
issued at it with their current status — with continuous page numbers and a contents page."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
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


class PageNumber(Flowable):
    """A part's first page in the contents, known only once the part is drawn. Its cell draws a
    PDF form (an XObject, which ReportLab lets a page use before it is defined) that
    FillPageNumbers defines at the end: one layout pass instead of a second whole one (issue #16)."""

    def __init__(self, part: str, w: Writer, pages: dict[str, int]) -> None:
        super().__init__()
        self.part, self.w, self.pages = part, w, pages
        self.form = f"sbpac-page-of-{PARTS.index(part)}"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.w.para("0", "cell").wrap(available_width, available_height)  # one line
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(self.form)

    def define(self, canvas: Canvas) -> None:
        """The form: the number drawn as the cell's paragraph would have drawn it."""
        number = self.w.para(str(self.pages.get(self.part, 0)), "cell")
        number.wrap(self.width, self.height)
        canvas.beginForm(self.form)
        number.drawOn(canvas, 0, 0)
        canvas.endForm()


class FillPageNumbers(Flowable):
    """Last in the story, takes no space: every part has been drawn, so its page is known."""

    def __init__(self, numbers: list[PageNumber]) -> None:
        super().__init__()
        self.numbers = numbers

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        for number in self.numbers:
            number.define(self.canv)


def _contents(w: Writer, doc: DossierDoc, numbers: list[PageNumber]) -> list[Flowable]:
    h = doc.minutes.header
    rows = [[f"{index}. {part}", number] for index, (part, number) in enumerate(zip(PARTS, numbers, strict=True), 1)]
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


def dossier_flowables(doc: DossierDoc, *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    pages: dict[str, int] = {}  # each part's first page: PageMark writes it, PageNumber's form reads it
    bodies = (
        agenda_flowables(doc.agenda, thai_digits=thai_digits),
        _attendance(w, doc),
        minutes_flowables(doc.minutes, thai_digits=thai_digits),
        followup_flowables(doc.directives, thai_digits=thai_digits),
    )
    numbers = [PageNumber(part, w, pages) for part in PARTS]
    flow = _contents(w, doc, numbers)
    for part, body in zip(PARTS, bodies, strict=True):
        flow += [PageBreak(), PageMark(part, pages), *body]
    return [*flow, FillPageNumbers(numbers)]


def render(doc: DossierDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    """One pass: the contents' page numbers are forms filled in after the last part (PageNumber)."""
    header, footer = doc.minutes.header, anchor_footer(doc.audit_anchor)
    flowables = dossier_flowables(doc, thai_digits=thai_digits)
    return meeting_pdf(path, flowables, "เอกสารประกอบการประชุม", header, thai_digits=thai_digits, page_header=footer)
