"""Official letters as PDF (ระเบียบงานสารบรรณ layouts, docs/CONVENTIONS.md §6.4): the invitation letter
(หนังสือภายนอก: emblem 3 cm high centred, number left and office right, date from the centre,
เรื่อง / เรียน / สิ่งที่ส่งมาด้วย, body, ขอแสดงความนับถือ and the signature in the right half,
the contact lines at the bottom left) with the agenda attached, and the internal memo
(บันทึกข้อความ: emblem 1.5 cm at the left of the title, ส่วนราชการ / ที่ / วันที่ / เรื่อง)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak

from sbpac_desktop.domain.letters import DirectiveMemo, InvitationLetter, Signer
from sbpac_desktop.reporting import letter_text as words
from sbpac_desktop.reporting.agenda import agenda_flowables
from sbpac_desktop.reporting.common import Writer, gap
from sbpac_desktop.reporting.document_text import SECRETARIAT
from sbpac_desktop.reporting.engine import BODY_SIZE, LEADING, build_pdf
from sbpac_desktop.reporting.layout import TEXT_WIDTH
from sbpac_desktop.reporting.letter_text import HALF, LABEL_INDENT, LETTER_EMBLEM, MEMO_EMBLEM

MEMO_TITLE_SIZE = round(BODY_SIZE * 29 / 16, 1)  # TH Sarabun New 29 pt (docs/CONVENTIONS.md §6.3)
MEMO_LABEL_SIZE = round(BODY_SIZE * 20 / 16, 1)  # labels 20 pt


def emblem(data: bytes | None, height: float) -> Image | None:
    """The user's emblem image scaled to `height`, or None when none is set."""
    if not data:
        return None
    width, tall = ImageReader(io.BytesIO(data)).getSize()
    return Image(io.BytesIO(data), width=height * width / max(tall, 1), height=height)


def _labelled(w: Writer, label: str, text: str) -> Flowable:
    """'เรื่อง  ขอเชิญประชุม…' with wrapped lines under the text; a label-less line (a second
    enclosure) starts where the text does."""
    if not label:
        return w.para(text, leftIndent=LABEL_INDENT)
    return w.para(f"{label}  {text}", leftIndent=LABEL_INDENT, firstLineIndent=-LABEL_INDENT)


def signature_block(w: Writer, signer: Signer, closing: str | None) -> Flowable:
    lines: list[Flowable] = [w.para(closing, leftIndent=HALF, alignment=TA_CENTER)] if closing else []
    lines += [gap(3)]
    lines += [w.para(line, leftIndent=HALF, alignment=TA_CENTER) for line in words.signer_lines(signer)]
    return KeepTogether([gap(0.5), *lines])


def invitation_flowables(letter: InvitationLetter, w: Writer) -> list[Flowable]:
    flow: list[Flowable] = []
    image = emblem(letter.head.emblem, LETTER_EMBLEM)
    if image is not None:
        flow.append(image)
    office = "\n".join(words.office_lines(letter.head))
    rows = [[w.para(words.number_line(letter.number), "cell"), w.para(office, "cell")]]
    flow.append(w.table(rows, (HALF, HALF), header_rows=0, grid=False,
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    flow += [gap(0.3), w.para(words.letter_date(letter), leftIndent=HALF), gap(0.3)]
    flow += [_labelled(w, label, text) for label, text in words.heading_lines(letter)]
    flow += [gap(0.3), *[w.para(paragraph, "body_indent") for paragraph in letter.body]]
    flow.append(signature_block(w, letter.signer, words.CLOSING))
    flow += [gap(2), *[w.para(line) for line in words.contact_lines(letter.head)]]
    if letter.distribution:
        flow += [PageBreak(), w.centred(words.DISTRIBUTION_TITLE, bold=True), gap(0.5)]
        lines = words.distribution_lines(letter)
        flow += [w.para(line, leftIndent=1 * cm, firstLineIndent=-0.8 * cm) for line in lines]
    if letter.agenda is not None:
        flow += [PageBreak(), *agenda_flowables(letter.agenda, thai_digits=w.thai_digits)]
    return flow


def memo_flowables(memo: DirectiveMemo, w: Writer) -> list[Flowable]:
    title = w.para(words.MEMO_TITLE, "title", fontSize=MEMO_TITLE_SIZE, leading=MEMO_TITLE_SIZE * 1.3)
    image = emblem(memo.head.emblem, MEMO_EMBLEM)
    side = MEMO_EMBLEM * 1.6
    row = [[image or "", title, ""]]
    flow: list[Flowable] = [w.table(row, (side, TEXT_WIDTH - 2 * side, side), header_rows=0, grid=False,
                                    style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])]  # fmt: skip
    office = [("ส่วนราชการ", True), ("  " + words.memo_office_line(memo.head), False)]
    flow.append(w.para(office, fontSize=MEMO_LABEL_SIZE))
    number = w.para([("ที่", True), ("  " + memo.number, False)], "cell", fontSize=MEMO_LABEL_SIZE)
    dated = w.para([("วันที่", True), ("  " + words.letter_date(memo), False)], "cell", fontSize=MEMO_LABEL_SIZE)
    flow.append(w.table([[number, dated]], (HALF, HALF), header_rows=0, grid=False,
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    flow.append(w.para([("เรื่อง", True), ("  " + memo.subject, False)], leftIndent=LABEL_INDENT,
                       firstLineIndent=-LABEL_INDENT))  # fmt: skip
    flow += [gap(0.3), w.para(f"เรียน  {memo.addressee}"), gap(0.3), w.para(memo.opening, "body_indent")]
    for index, item in enumerate(memo.items, start=1):
        flow.append(w.para(words.memo_item(index, item), leftIndent=3.1 * cm, firstLineIndent=-0.6 * cm))
    flow.append(w.para(memo.closing, "body_indent", spaceBefore=LEADING / 3))
    flow.append(signature_block(w, memo.signer, None))
    return flow


class LetterEnd(Flowable):
    """Takes no space; drawn on a letter's last page, it tells the numbering that the next page
    starts a new letter (whose first page, like every letter's, carries no number)."""

    def __init__(self, numbering: LetterNumbering) -> None:
        super().__init__()
        self.numbering = numbering

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.numbering.next_start = self.canv.getPageNumber() + 1


class LetterNumbering:
    """'- ๒ -' from each letter's second page, counted from that letter's first page."""

    def __init__(self) -> None:
        self.start = 1
        self.next_start = 1

    def __call__(self, page: int) -> int | None:
        if page == self.next_start:
            self.start = page
        number = page - self.start + 1
        return number if number > 1 else None


def _render(parts: Sequence[list[Flowable]], path: str | os.PathLike[str], title: str, thai_digits: bool) -> Path:
    numbering = LetterNumbering()
    flow: list[Flowable] = []
    for index, part in enumerate(parts):
        flow += ([PageBreak()] if index else []) + part + [LetterEnd(numbering)]
    return build_pdf(path, flow, title=title, author=SECRETARIAT, thai_digits=thai_digits,
                     page_numbering=numbering)  # fmt: skip


def render_invitations(
    letters: Sequence[InvitationLetter], path: str | os.PathLike[str], *, thai_digits: bool = True
) -> Path:
    """Every letter (with its distribution list and the agenda) in one PDF, each from a new page."""
    w = Writer(thai_digits)
    return _render([invitation_flowables(letter, w) for letter in letters], path, letters[0].subject, thai_digits)


def render_memos(memos: Sequence[DirectiveMemo], path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = Writer(thai_digits)
    return _render([memo_flowables(memo, w) for memo in memos], path, memos[0].subject, thai_digits)
