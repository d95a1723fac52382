"""The printed field-visit report (รายงานผลการลงพื้นที่) as plain data: services fill it from the
database (services/field/field_report.py), reporting lays it out as PDF and Word from the same lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FindingLine:
    text: str
    place: str | None  # 'ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี'
    outcome: str | None  # 'นำไปเป็นรายงานผลของข้อสั่งการ ขส. 001/2563', 'เสนอเข้าระเบียบวาระ', ...


@dataclass(frozen=True)
class ExternalLine:
    """A network member's report on the same places, shown apart from the officers' findings."""

    report_on: date
    source: str  # 'บัณฑิตอาสาพัฒนามาตุภูมิ นางสาว...'
    rating: str  # เห็นผล / เห็นผลบางส่วน / ไม่เห็นผล
    text: str


@dataclass(frozen=True)
class VisitReport:
    office: str  # the issuing office's name (services/people/office.py), or ศอ.บต.
    title: str
    visit_on: date
    end_on: date | None
    status: str  # วางแผน / ลงพื้นที่แล้ว / ยกเลิก
    places: tuple[str, ...]
    purpose: str
    lead: str | None
    joining: tuple[str, ...]
    directives: tuple[str, ...]  # 'ขส. 001/2563 ให้เร่งรัด…'
    participants: str | None
    summary: str | None
    issues: str | None
    findings: tuple[FindingLine, ...]
    files: tuple[str, ...]  # names of the photos and evidence kept with the visit
    external: tuple[ExternalLine, ...] = ()
