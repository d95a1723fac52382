"""build_pdf: A4 official page layout, page numbers, metadata, and an all-or-nothing write
(reporting.output_file, shared with the Word writer)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from sbpac_desktop.reporting.layout import OFFICIAL_MARGINS, Margins
from sbpac_desktop.reporting.output_file import write_atomically
from sbpac_desktop.thai import to_thai_digits

from .canvas_text import shaped_text
from .fonts import BODY_SIZE, LEADING, REGULAR, register_fonts

PageHeader = Callable[[Canvas, BaseDocTemplate], None]
PageNumbering = Callable[[int], int | None]  # the page in the file -> the number printed on it (None: none)
CREATOR = "SBPAC Desktop"


def build_pdf(
    path: str | os.PathLike[str],
    flowables: Iterable[Flowable],
    *,
    title: str,
    author: str,
    subject: str = "",
    page_header: PageHeader | None = None,
    first_page_number_hidden: bool = True,
    thai_digits: bool = True,
    margins: Margins = OFFICIAL_MARGINS,
    page_numbering: PageNumbering | None = None,
) -> Path:
    """Lay out `flowables` on A4 pages and write the PDF to `path` atomically.

    The write is all-or-nothing (reporting.output_file.write_atomically). Pages show "- n -"
    centred at the top, from page 2 unless first_page_number_hidden is False.
    `page_header(canvas, doc)` runs on every page for extra header or footer lines.
    `page_numbering` replaces that rule when one file holds several documents (letters), each
    numbered from its own first page: it is asked at the start of each page.
    Raises OutputPathError (Thai message) when the directory is missing or not
    writable, or the finished file cannot replace an existing one.
    """
    register_fonts()
    numbering = page_numbering or (lambda page: page if page > 1 or not first_page_number_hidden else None)
    on_page = _page_decorator(margins, page_header, numbering, thai_digits)

    def write(temporary: Path) -> None:
        _template(temporary, title, author, subject, margins, on_page).build(list(flowables))

    return write_atomically(path, write)


def _template(temporary: Path, title: str, author: str, subject: str, margins: Margins, on_page) -> BaseDocTemplate:
    document = BaseDocTemplate(
        str(temporary),
        pagesize=A4,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=title,
        author=author,
        subject=subject,
        creator=CREATOR,
        lang="th-TH",
        displayDocTitle=True,
        # ReportLab would otherwise select Helvetica at the start of every page: an
        # unembedded font that no text uses but that still sits in the resources.
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
        initialLeading=LEADING,
    )
    # No frame padding: the text block starts exactly at the official margins.
    frame = Frame(
        document.leftMargin, document.bottomMargin, document.width, document.height,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )  # fmt: skip
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    return document


def _page_decorator(margins: Margins, header: PageHeader | None, numbering: PageNumbering, thai_digits: bool):
    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        number = numbering(canvas.getPageNumber())
        if number is not None:
            label = f"- {number} -"
            label = to_thai_digits(label) if thai_digits else label
            width, height = document.pagesize
            shaped_text(canvas, width / 2, height - margins.page_number_from_top, label, REGULAR, BODY_SIZE, "centre")
        if header is not None:
            header(canvas, document)

    return decorate
