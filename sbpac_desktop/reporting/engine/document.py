"""build_pdf: A4 official page layout, page numbers, metadata, and an all-or-nothing write."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from sbpac_desktop.thai import to_thai_digits

from .canvas_text import shaped_text
from .fonts import BODY_SIZE, LEADING, REGULAR, register_fonts

PageHeader = Callable[[Canvas, BaseDocTemplate], None]
PageNumbering = Callable[[int], int | None]  # the page in the file -> the number printed on it (None: none)
CREATOR = "SBPAC Desktop"


@dataclass(frozen=True)
class Margins:
    """Page margins in points; the defaults are the official ones (docs/CONVENTIONS.md §6.4)."""

    left: float = 3 * cm
    right: float = 2 * cm
    top: float = 2.5 * cm
    bottom: float = 2 * cm
    page_number_from_top: float = 1.5 * cm  # baseline of "- ๒ -", inside the top margin


OFFICIAL_MARGINS = Margins()


class OutputPathError(OSError):
    """The PDF cannot be written where asked; the message is Thai, for the user."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


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

    The document is built in a temporary file in the target directory and renamed
    over `path` only when complete, so a failed build never leaves a half-written or
    truncated file (and never destroys an earlier good one). Pages show "- n -"
    centred at the top, from page 2 unless first_page_number_hidden is False.
    `page_header(canvas, doc)` runs on every page for extra header or footer lines.
    `page_numbering` replaces that rule when one file holds several documents (letters), each
    numbered from its own first page: it is asked at the start of each page.
    Raises OutputPathError (Thai message) when the directory is missing or not
    writable, or the finished file cannot replace an existing one.
    """
    register_fonts()
    target = Path(path)
    temporary = _reserve_temporary(target)
    try:
        numbering = page_numbering or (lambda page: page if page > 1 or not first_page_number_hidden else None)
        on_page = _page_decorator(margins, page_header, numbering, thai_digits)
        _template(temporary, title, author, subject, margins, on_page).build(list(flowables))
        _replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


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


def _reserve_temporary(target: Path) -> Path:
    """Create an empty temporary file beside `target`, or explain in Thai why we cannot."""
    directory = target.parent
    try:  # is_dir() raises for a name over 255 bytes (ENAMETOOLONG) instead of answering False
        found, folder, taken = directory.exists(), directory.is_dir(), target.is_dir()
    except OSError as error:
        raise OutputPathError(
            f"บันทึกไฟล์ชื่อนี้ไม่ได้ ({error.strerror}) — ชื่อไฟล์อาจยาวเกินไป: {target.name[:60]}…", target
        ) from error
    if not found:
        raise OutputPathError(f"ไม่พบโฟลเดอร์ที่จะบันทึกไฟล์: {directory}", target)
    if not folder:
        raise OutputPathError(f"ที่อยู่สำหรับบันทึกไฟล์ไม่ใช่โฟลเดอร์: {directory}", target)
    if taken:
        raise OutputPathError(f"มีโฟลเดอร์ชื่อเดียวกับไฟล์นี้อยู่แล้ว: {target}", target)
    temporary = directory / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        # os.open with 0o666 lets the user's umask decide the final permissions.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except PermissionError as error:
        raise OutputPathError(f"ไม่มีสิทธิ์บันทึกไฟล์ในโฟลเดอร์นี้: {directory}", target) from error
    except OSError as error:
        raise OutputPathError(f"บันทึกไฟล์ในโฟลเดอร์นี้ไม่ได้ ({error.strerror}): {directory}", target) from error
    return temporary


def _replace(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except PermissionError as error:
        # Windows refuses to replace a file that a PDF viewer holds open.
        raise OutputPathError(f"บันทึกทับไฟล์เดิมไม่ได้ อาจมีโปรแกรมอื่นเปิดไฟล์นี้อยู่: {target}", target) from error


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Other formats (Word) get the same all-or-nothing write and Thai path errors as build_pdf:
    `write(temporary)` fills a file beside `path`, which replaces `path` only when complete."""
    target = Path(path)
    temporary = _reserve_temporary(target)
    try:
        write(temporary)
        _replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
