"""Pieces every official document shares: the heading block, numbered person lists,
labelled paragraphs and the signature block. All text goes through the engine's
ThaiParagraph, the one shaped path (see engine/__init__.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from sbpac_desktop.domain.documents import DirectiveLine, PersonLine
from sbpac_desktop.reporting.engine import LEADING, ThaiParagraph, styles, thai_table
from sbpac_desktop.thai import long_date, medium_date, time_text

TEXT_WIDTH = 16 * cm  # A4 (21 cm) minus the official 3 cm + 2 cm margins
NO_ASSIGNEE = "ยังไม่มอบหมายผู้รับผิดชอบ"


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


def long_date_text(day: date) -> str:
    """Arabic digits here; the paragraph converts them when the document uses Thai digits."""
    return long_date(day, thai_digits=False)


def date_text(day: date | None) -> str:
    return medium_date(day, thai_digits=False) if day else "ไม่กำหนด"


UNKNOWN_TIME = "........ น."  # a time not recorded yet: a dotted blank the secretary fills in by hand


def clock(value: time | None) -> str:
    return time_text(value, thai_digits=False) if value else UNKNOWN_TIME


def person_rows(people: Sequence[PersonLine]) -> list[list[str]]:
    return [[f"{index}.", p.name, p.position or "", p.note or ""] for index, p in enumerate(people, start=1)]


def people_block(w: Writer, heading: str, people: Sequence[PersonLine], empty: str = "ไม่มี") -> list[Flowable]:
    """ผู้มาประชุม / ผู้ไม่มาประชุม / ผู้เข้าร่วมประชุม: a numbered, grid-less list."""
    if not people:
        return [w.para(heading, "heading"), w.para(empty, leftIndent=1 * cm)]
    widths = (1.0 * cm, 4.8 * cm, 7.0 * cm, 3.2 * cm)
    table = w.table(person_rows(people), widths, header_rows=0, grid=False)
    return [w.para(heading, "heading"), table]


def thai_list(names: Sequence[str]) -> str:
    """'ก', 'ก และ ข', 'ก ข และ ค' — Thai lists take spaces and และ, not commas."""
    if len(names) <= 1:
        return "".join(names)
    return f"{' '.join(names[:-1])} และ{_lead_space(names[-1])}{names[-1]}"  # 'และ กปพ.' as 'ให้ กปพ.'


def directive_sentence(line: DirectiveLine) -> str:
    """The directive as the minutes print it, in plain Thai with no doubled words:
    '<text> โดยมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. (กรมบัญชีกลาง) เป็นผู้รับผิดชอบหลัก ร่วมกับ… ให้แล้วเสร็จภายใน
    31 มี.ค. 2563 (ขส. 002/2563)'. A post the text already names is not named again."""
    text = line.text.strip()
    sentence = text
    if line.responsible is None:
        sentence += f" ({NO_ASSIGNEE})"
    elif line.responsible not in text:
        sentence += f" โดยมอบหมายให้{joined(line.responsible)}เป็นผู้รับผิดชอบหลัก"
    helpers = [name.strip() for name in line.supporting if name not in text]
    if helpers:
        sentence += f" ร่วมกับ{_lead_space(helpers[0])}{thai_list(helpers)}"
    if line.due_on:
        sentence += f" ให้แล้วเสร็จภายใน {date_text(line.due_on)}"
    return f"{sentence} ({line.number})"


def _is_abbreviation(word: str) -> bool:
    """'กปพ.', 'ศอ.บต.', 'จ.ปัตตานี': Thai abbreviations end their letters with a full stop."""
    return "." in word


def _lead_space(name: str) -> str:
    """A name that opens with an abbreviation stands apart from the word before it ('ให้ กปพ.'),
    a name that opens with a full word joins it ('ให้ผู้ช่วยเลขาธิการ …', never 'ให้ ผู้ช่วย…')."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return " " if _is_abbreviation(first) else ""


def joined(name: str) -> str:
    """The name as it sits between 'ให้' and 'เป็น…': set apart only where Thai sets it apart — before
    an opening abbreviation, after a closing bracket or abbreviation ('… (กรมบัญชีกลาง) เป็น', 'กปพ. เป็น')."""
    name = " ".join(name.split())
    after = " " if name.endswith((")", ".")) else ""
    return f"{_lead_space(name)}{name}{after}"


def signature(w: Writer, role: str, person: PersonLine | None) -> Flowable:
    """(ลงชื่อ) ........ ผู้จดรายงานการประชุม, the name in brackets and the position, in the right half."""
    indent = 7 * cm
    name = f"({person.name})" if person else "(......................................)"
    lines = [
        w.para(f"(ลงชื่อ) ...................................... {role}", leftIndent=indent - 1.2 * cm),
        w.para(name, leftIndent=indent),
        w.para(person.position if person and person.position else "", leftIndent=indent),
    ]
    return KeepTogether([gap(1.5), *lines])
