"""รายงานการประชุม in the official 11-part order of แบบที่ 11 (docs/CONVENTIONS.md §2.2, §2.5)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import AgendaEntry, AgendaSection, MinutesDoc
from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.reporting.anchor_footer import anchor_footer
from sbpac_desktop.reporting.common import (
    Writer,
    clock,
    directive_sentence,
    gap,
    long_date_text,
    people_block,
    rule,
    signature,
)
from sbpac_desktop.reporting.engine import build_pdf

ITEM_INDENT = 1.0 * cm
TEXT_INDENT = 1.5 * cm


def meeting_name(body_name: str) -> str:
    """'การประชุมผู้บริหาร…' → 'ผู้บริหาร…', so the title reads 'รายงานการประชุมผู้บริหาร…'."""
    return body_name.removeprefix("การประชุม").strip()


def header_block(w: Writer, doc: MinutesDoc) -> list[Flowable]:
    """Parts 1-4: title, ครั้งที่, เมื่อ, ณ."""
    h = doc.header
    return [
        w.centred(f"รายงานการประชุม{meeting_name(h.body_name)}", bold=True),
        w.centred(f"ครั้งที่ {h.number}/{h.be_year}", bold=True),
        w.centred(f"เมื่อ{long_date_text(h.meeting_date)}"),
        w.centred(f"ณ {h.venue}"),
        rule(),
    ]


def entry_block(w: Writer, entry: AgendaEntry, style: RecordingStyle) -> list[Flowable]:
    indent = ITEM_INDENT * entry.depth
    body_indent = indent + TEXT_INDENT - ITEM_INDENT
    flow: list[Flowable] = [
        w.para([(f"{entry.number} ", True), (entry.title, True)], leftIndent=indent, keepWithNext=1)
    ]
    for runs in body_runs(entry, style):
        flow.append(w.para(runs, "body_indent", leftIndent=body_indent))
    if entry.resolution:
        flow.append(w.labelled("มติที่ประชุม", entry.resolution, body_indent))
    if entry.directives:
        flow.append(w.para("ข้อสั่งการ", "heading", leftIndent=body_indent, spaceBefore=0))
        for number, line in enumerate(entry.directives, start=1):
            flow.append(
                w.para(
                    f"{number}) {directive_sentence(line)}",
                    leftIndent=body_indent + 0.6 * cm,
                    firstLineIndent=-0.6 * cm,
                )
            )
    # closures acknowledged at this meeting: one sentence each, under the follow-up item
    flow += [w.para(sentence, leftIndent=body_indent, firstLineIndent=0) for sentence in entry.closures]
    return [*flow, gap(0.3)]


Runs = list[tuple[str, bool]]  # (text, bold) pieces of one paragraph
SAID = "กล่าวว่า"


def body_runs(entry: AgendaEntry, style: RecordingStyle) -> list[Runs]:
    """The item's paragraphs above its resolution, in print order (PDF and Word share this):
    background; the proposal under its own label 'ข้อเสนอ'; in the verbatim style each speaker's
    turn ('นาย ก ข (ตำแหน่ง) กล่าวว่า …'); the discussion. Resolutions-only prints the proposal
    alone, as the reason for the resolution (docs/CONVENTIONS.md §2.3)."""
    if style is RecordingStyle.RESOLUTIONS:
        return [[(entry.proposal, False)]] if entry.proposal else []
    runs: list[Runs] = [[(p, False)] for p in _paragraphs(entry.background or "")]
    runs += _led(_paragraphs(entry.proposal or ""), [("ข้อเสนอ", True), ("  ", False)])
    if style is RecordingStyle.VERBATIM:
        for speaker, text in entry.speeches:
            # a non-verbal event is written in brackets and printed as it is: "(ที่ประชุมปรบมือ)";
            # so is a turn whose speaker was removed from the register since (no "… กล่าวว่า" alone)
            silent = _bracketed(text) or not speaker.strip()
            lead: Runs = [] if silent else [(speaker, True), (f" {SAID} ", False)]
            runs += _led(_paragraphs(text), lead)
    runs += [[(p, False)] for p in _paragraphs(entry.discussion or "")]
    return runs


def _bracketed(text: str) -> bool:
    text = text.strip()
    return text.startswith("(") and text.endswith(")") and "\n\n" not in text


def _led(paragraphs: list[str], lead: Runs) -> list[Runs]:
    """The first paragraph opens with `lead`; the others follow as plain paragraphs."""
    return [[*(lead if index == 0 else []), (p, False)] for index, p in enumerate(paragraphs)]


def section_block(w: Writer, section: AgendaSection, style: RecordingStyle) -> list[Flowable]:
    flow: list[Flowable] = [w.para(f"ระเบียบวาระที่ {section.number}  {section.title}", "heading")]
    if not section.entries and not section.closures:
        return [*flow, w.para(section.empty_text, leftIndent=ITEM_INDENT)]
    for entry in section.entries:
        flow += entry_block(w, entry, style)
    flow += [w.para(sentence, leftIndent=ITEM_INDENT, firstLineIndent=0) for sentence in section.closures]
    return flow


def minutes_flowables(doc: MinutesDoc, *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    style = RecordingStyle(doc.recording_style)
    flow = header_block(w, doc)
    flow += people_block(w, "ผู้มาประชุม", doc.present)
    flow += people_block(w, "ผู้ไม่มาประชุม", doc.absent)
    if doc.others:
        flow += people_block(w, "ผู้เข้าร่วมประชุม", doc.others)
    flow += [gap(), w.para(f"เริ่มประชุมเวลา {clock(doc.header.start_time)}", "heading")]
    flow.append(w.para(doc.opening_text, "body_indent"))
    for section in doc.sections:
        flow += section_block(w, section, style)
    flow += [gap(), w.para(f"เลิกประชุมเวลา {clock(doc.header.end_time)}", "heading")]
    flow.append(signature(w, "ผู้จดรายงานการประชุม", doc.recorder))
    if doc.checker is not None:
        flow.append(signature(w, "ผู้ตรวจรายงานการประชุม", doc.checker))
    return flow


def render(doc: MinutesDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    h = doc.header
    return build_pdf(
        path,
        minutes_flowables(doc, thai_digits=thai_digits),
        title=f"รายงานการประชุม ครั้งที่ {h.number}/{h.be_year}",
        author="ฝ่ายเลขานุการ ศอ.บต.",
        subject=h.body_name,
        thai_digits=thai_digits,
        page_header=anchor_footer(doc.audit_anchor),
    )


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single newlines stay as line breaks inside one."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]
