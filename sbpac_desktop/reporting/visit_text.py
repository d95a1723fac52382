"""The lines of the field-visit report, shared by the PDF (reporting/visit_report.py) and the
Word file (reporting/word/visit_report.py), so both say the same thing in the same order."""

from __future__ import annotations

from dataclasses import dataclass

from sbpac_desktop.domain.field_report import VisitReport
from sbpac_desktop.reporting.layout import CM
from sbpac_desktop.thai import long_date

TITLE = "รายงานผลการลงพื้นที่ติดตามการดำเนินงาน"
LABEL_INDENT = 2.5 * CM  # wrapped lines of a labelled line hang under its text
EXTERNAL_HEADING = "รายงานจากภาคประชาชนในพื้นที่เดียวกัน (ข้อมูลประกอบ ไม่ใช่รายงานของส่วนราชการ)"


@dataclass(frozen=True)
class Line:
    kind: str  # title | subtitle | labelled | heading | item | text | signature
    text: str
    label: str = ""


def when(report: VisitReport) -> str:
    start = long_date(report.visit_on, weekday=True, thai_digits=False)
    if report.end_on and report.end_on != report.visit_on:
        return f"{start} ถึง{long_date(report.end_on, weekday=True, thai_digits=False)}"
    return start


def visit_lines(report: VisitReport) -> list[Line]:
    lines = [Line("title", TITLE), Line("subtitle", report.office)]
    lines += [
        Line("labelled", report.title, "เรื่อง"),
        Line("labelled", when(report), "วันที่"),
        Line("labelled", " ".join(report.places) or "-", "พื้นที่"),
        Line("labelled", report.status, "สถานะ"),
        Line("heading", "วัตถุประสงค์"),
        Line("text", report.purpose),
        Line("heading", "คณะที่ลงพื้นที่"),
        Line("labelled", report.lead or "-", "หัวหน้าคณะ"),
    ]
    lines += [Line("item", f"{n}) {post}") for n, post in enumerate(report.joining, start=1)] or [
        Line("text", "ไม่มีส่วนราชการร่วม")
    ]
    if report.participants:
        lines.append(Line("labelled", report.participants, "ผู้ร่วมลงพื้นที่"))
    lines.append(Line("heading", "ข้อสั่งการที่เกี่ยวข้อง"))
    lines += [Line("item", f"{n}) {d}") for n, d in enumerate(report.directives, start=1)] or [Line("text", "-")]
    lines += [Line("heading", "ผลการลงพื้นที่"), Line("text", report.summary or "ยังไม่ได้บันทึกผลการลงพื้นที่")]
    if report.issues:
        lines += [Line("heading", "ประเด็นที่ประชาชนในพื้นที่เสนอ"), Line("text", report.issues)]
    lines.append(Line("heading", "ข้อค้นพบและการดำเนินการต่อ"))
    for n, finding in enumerate(report.findings, start=1):
        text = f"{n}) {finding.text}"
        if finding.place:
            text += f" ({finding.place})"
        if finding.outcome:
            text += f" — {finding.outcome}"
        lines.append(Line("item", text))
    if not report.findings:
        lines.append(Line("text", "ไม่มีข้อค้นพบที่บันทึกไว้"))
    if report.files:
        lines.append(Line("heading", "ภาพถ่ายและเอกสารประกอบ"))
        lines += [Line("item", f"{n}) {name}") for n, name in enumerate(report.files, start=1)]
    if report.external:
        lines.append(Line("heading", EXTERNAL_HEADING))
        for n, ext in enumerate(report.external, start=1):
            day = long_date(ext.report_on, weekday=False, thai_digits=False)
            lines.append(Line("item", f"{n}) {day} {ext.source} [{ext.rating}] {ext.text}"))
    lines.append(Line("signature", "ผู้รายงาน"))
    return _numbered(lines)


def _numbered(lines: list[Line]) -> list[Line]:
    """Headings 1., 2., … in order (the issues and files sections appear only when there are any);
    the external section stays unnumbered: it is not part of the officers' report."""
    count, numbered = 0, []
    for line in lines:
        if line.kind == "heading" and line.text != EXTERNAL_HEADING:
            count += 1
            line = Line("heading", f"{count}. {line.text}")
        numbered.append(line)
    return numbered
