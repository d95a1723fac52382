"""Official letters as editable Word files: the same letters, lines and order as the PDF
(reporting/letters.py, wording in reporting/letter_text.py), the emblem as a picture."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from sbpac_desktop.domain.letters import DirectiveMemo, InvitationLetter, Signer
from sbpac_desktop.reporting import letter_text as words
from sbpac_desktop.reporting.document_text import SECRETARIAT
from sbpac_desktop.reporting.layout import CM, TEXT_WIDTH
from sbpac_desktop.reporting.letter_text import HALF, LABEL_INDENT, LETTER_EMBLEM, MEMO_EMBLEM
from sbpac_desktop.reporting.word.agenda import add_agenda
from sbpac_desktop.reporting.word.base import BODY, BODY_INDENT, WordWriter, run_size

MEMO_TITLE_PT, MEMO_LABEL_PT = 29, 20  # docs/CONVENTIONS.md §6.3


def _emblem(w: WordWriter, data: bytes | None, height: float, centred: bool) -> None:
    if not data:
        return
    paragraph = w.add_styled(BODY)
    paragraph.add_run().add_picture(io.BytesIO(data), height=Pt(height))
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _labelled(w: WordWriter, label: str, text: str) -> None:
    if label:
        w.para(f"{label}  {text}", indent=LABEL_INDENT, first_line=-LABEL_INDENT)
    else:
        w.para(text, indent=LABEL_INDENT)


def _right_half(w: WordWriter, text: str) -> None:
    w.para(text, indent=HALF).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _signature(w: WordWriter, signer: Signer, closing: str | None) -> None:
    w.gap()
    if closing:
        _right_half(w, closing)
    for _ in range(3):
        w.gap()
    for line in words.signer_lines(signer):
        _right_half(w, line)


def add_invitation(w: WordWriter, letter: InvitationLetter) -> None:
    _emblem(w, letter.head.emblem, LETTER_EMBLEM, centred=True)
    office = "\n".join(words.office_lines(letter.head))
    w.table([[words.number_line(letter.number), office]], (HALF, HALF), header_rows=0, grid=False)
    w.para(words.letter_date(letter), indent=HALF, space_before=8)
    for label, text in words.heading_lines(letter):
        _labelled(w, label, text)
    for paragraph in letter.body:
        w.para(paragraph, BODY_INDENT)
    _signature(w, letter.signer, words.CLOSING)
    w.gap()
    for line in words.contact_lines(letter.head):
        w.para(line)
    if letter.distribution:
        w.page_break()
        w.centred(words.DISTRIBUTION_TITLE, bold=True)
        for line in words.distribution_lines(letter):
            w.para(line, indent=1 * CM, first_line=-0.8 * CM)
    if letter.agenda is not None:
        w.page_break()
        add_agenda(w, letter.agenda)


def _memo_title(w: WordWriter, memo: DirectiveMemo) -> None:
    """The emblem at the left of the centred title, in one row without lines (as the PDF)."""
    side = MEMO_EMBLEM * 1.6
    table = w.table([["", [(words.MEMO_TITLE, True)], ""]], (side, TEXT_WIDTH - 2 * side, side), header_rows=0,
                    grid=False)  # fmt: skip
    title = table.paragraph(0, 1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        run_size(run, MEMO_TITLE_PT)
    if memo.head.emblem:
        picture = table.paragraph(0, 0).add_run()
        picture.add_picture(io.BytesIO(memo.head.emblem), height=Pt(MEMO_EMBLEM))
    for cell in table.table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_memo(w: WordWriter, memo: DirectiveMemo) -> None:
    _memo_title(w, memo)
    _big_label(w.para([("ส่วนราชการ", True), ("  " + words.memo_office_line(memo.head), False)]))
    number = [("ที่", True), ("  " + memo.number, False)]
    dated = [("วันที่", True), ("  " + words.letter_date(memo), False)]
    table = w.table([[number, dated]], (HALF, HALF), header_rows=0, grid=False)
    for column in range(2):
        _big_label(table.paragraph(0, column))
    _big_label(w.para([("เรื่อง", True), ("  " + memo.subject, False)], indent=LABEL_INDENT, first_line=-LABEL_INDENT))
    w.para(f"เรียน  {memo.addressee}", space_before=6)
    w.para(memo.opening, BODY_INDENT)
    for index, item in enumerate(memo.items, start=1):
        w.para(words.memo_item(index, item), indent=3.1 * CM, first_line=-0.6 * CM)
    w.para(memo.closing, BODY_INDENT)
    _signature(w, memo.signer, None)


def _big_label(paragraph) -> None:
    """Only the label is 20 pt in a memo's heading lines; the text stays 16 pt."""
    run_size(paragraph.runs[0], MEMO_LABEL_PT)


def _render(items: Sequence, add: Callable, path: str | os.PathLike[str], thai_digits: bool) -> Path:
    w = WordWriter(thai_digits, title=items[0].subject, author=SECRETARIAT)
    for index, item in enumerate(items):
        if index:
            w.new_numbered_section()  # each letter numbered from its own first page
        add(w, item)
    return w.save(path)


def render_invitations(
    letters: Sequence[InvitationLetter], path: str | os.PathLike[str], *, thai_digits: bool = True
) -> Path:
    return _render(letters, add_invitation, path, thai_digits)


def render_memos(memos: Sequence[DirectiveMemo], path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    return _render(memos, add_memo, path, thai_digits)
