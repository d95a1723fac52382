"""Pieces every official document shares: the heading block, numbered person lists,
labelled paragraphs and the signature block, and the PDF writer of a meeting's documents. All
text goes through the engine's ThaiParagraph, the one shaped path (see engine/__init__.py)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from sbpac_desktop.domain.documents import MeetingHeader, PersonLine
from sbpac_desktop.reporting.document_text import SECRETARIAT, meeting_file_title, person_rows
from sbpac_desktop.reporting.engine import LEADING, ThaiParagraph, build_pdf, styles, thai_table
from sbpac_desktop.reporting.engine.document import PageHeader
from sbpac_desktop.reporting.layout import PEOPLE_WIDTHS, SIGNATURE_INDENT


@dataclass(frozen=True)
class Writer:
    """Builds paragraphs with one digit setting, so a document is all Thai or all Arabic digits."""

    thai_digits: bool = True

    named: dict[str, ParagraphStyle] = field(default_factory=styles, init=False, repr=False, compare=False)

    @property
    def style(self) -> dict[str, ParagraphStyle]:
        return self.named

    def para(self, text: str | list[tuple[str, bool]], style: str = "body", **overrides: Any) -> ThaiParagraph:
        """`overrides`: ParagraphStyle attributes (fontSize, leading, alignment, ...), passed on as they are."""
        chosen = self.style[style]
        if overrides:
            chosen = ParagraphStyle(f"{style}-custom", parent=chosen, **overrides)
        return ThaiParagraph(text, chosen, thai_digits=self.thai_digits)

    def centred(self, text: str, bold: bool = False) -> ThaiParagraph:
        return self.para(text, "title" if bold else "body", alignment=TA_CENTER)

    def labelled(self, label: str, text: str, indent: float = 0.0) -> ThaiParagraph:
        """'มติที่ประชุม  ที่ประชุมรับทราบ' with the label in bold."""
        return self.para([(label, True), ("  " + text, False)], leftIndent=indent)

    def table(self, rows: Sequence[Sequence[object]], widths: Sequence[float], **kwargs: object) -> Flowable:
        return thai_table(rows, widths, thai_digits=self.thai_digits, **kwargs)  # type: ignore[arg-type]


def rule() -> HRFlowable:
    return HRFlowable(width="40%", thickness=0.6, spaceBefore=LEADING / 3, spaceAfter=LEADING / 2, hAlign="CENTER")


def gap(lines: float = 0.5) -> Spacer:
    return Spacer(1, LEADING * lines)


def people_block(w: Writer, heading: str, people: Sequence[PersonLine], empty: str = "ไม่มี") -> list[Flowable]:
    """ผู้มาประชุม / ผู้ไม่มาประชุม / ผู้เข้าร่วมประชุม: a numbered, grid-less list."""
    if not people:
        return [w.para(heading, "heading"), w.para(empty, leftIndent=1 * cm)]
    table = w.table(person_rows(people), PEOPLE_WIDTHS, header_rows=0, grid=False)
    return [w.para(heading, "heading"), table]


def signature(w: Writer, role: str, person: PersonLine | None) -> Flowable:
    """(ลงชื่อ) ........ ผู้จดรายงานการประชุม, the name in brackets and the position, in the right half."""
    indent = SIGNATURE_INDENT
    name = f"({person.name})" if person else "(......................................)"
    lines = [
        w.para(f"(ลงชื่อ) ...................................... {role}", leftIndent=indent - 1.2 * cm),
        w.para(name, leftIndent=indent),
        w.para(person.position if person and person.position else "", leftIndent=indent),
    ]
    return KeepTogether([gap(1.5), *lines])


def meeting_pdf(
    path: str | os.PathLike[str],
    flowables: Iterable[Flowable],
    kind: str,
    header: MeetingHeader,
    *,
    thai_digits: bool,
    page_header: PageHeader | None = None,
) -> Path:
    """Write a meeting's document (`kind`: 'ระเบียบวาระการประชุม', 'รายงานการประชุม' …) with its
    file properties: the title 'kind ครั้งที่ n/yyyy', the secretariat as author, the body as subject."""
    return build_pdf(
        path,
        flowables,
        title=meeting_file_title(kind, header),
        author=SECRETARIAT,
        subject=header.body_name,
        thai_digits=thai_digits,
        page_header=page_header,
    )
