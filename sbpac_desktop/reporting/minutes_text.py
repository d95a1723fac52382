"""The minutes' indents and the words of an item's body, shared by the PDF (reporting.minutes) and
the Word file (reporting.word.minutes); free of ReportLab."""

from __future__ import annotations

from sbpac_desktop.domain.documents import AgendaEntry
from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.reporting.layout import CM

ITEM_INDENT = 1.0 * CM
TEXT_INDENT = 1.5 * CM


def meeting_name(body_name: str) -> str:
    """'การประชุมผู้บริหาร…' → 'ผู้บริหาร…', so the title reads 'รายงานการประชุมผู้บริหาร…'."""
    return body_name.removeprefix("การประชุม").strip()


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


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single newlines stay as line breaks inside one."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]
