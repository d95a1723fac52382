"""The printed field-visit report's content (domain/field_report.py), read from the database.

Reporting lays it out (reporting/visit_report.py, reporting/word/visit_report.py); this module
only gathers: the visit, its places and posts, the directives it followed, findings with where
each went, the names of the files kept with it, and the network's reports on the same places
within a month either side, marked as external.
"""

from __future__ import annotations

from datetime import timedelta

from sbpac_desktop.domain.field_report import ExternalLine, FindingLine, VisitReport
from sbpac_desktop.services.attachments import OwnerKind, list_attachments
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.field_visits import FindingView, VisitDetail, get_visit
from sbpac_desktop.services.field.network import KIND_TH, list_reports
from sbpac_desktop.services.people.office import get_office
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database

NEARBY_DAYS = 31


def _outcome(finding: FindingView) -> str | None:
    if finding.progress_report_id is not None:
        return f"นำไปเป็นรายงานผลของข้อสั่งการ {finding.directive_number}"
    if finding.proposal_state == "proposed":
        return "เสนอเข้าระเบียบวาระการประชุมครั้งต่อไป"
    if finding.proposal_state == "accepted":
        return "บรรจุเป็นเรื่องเพื่อพิจารณาในระเบียบวาระแล้ว"
    if finding.proposal_state == "dropped":
        return "ที่ประชุมไม่นำเข้าระเบียบวาระ"
    if finding.directive_number:
        return f"เกี่ยวกับข้อสั่งการ {finding.directive_number}"
    return None


def _external(db: Database, actor: Actor, detail: VisitDetail) -> tuple[ExternalLine, ...]:
    start = detail.row.visit_on - timedelta(days=NEARBY_DAYS)
    end = (detail.row.end_on or detail.row.visit_on) + timedelta(days=NEARBY_DAYS)
    seen: dict[int, ExternalLine] = {}
    for place in detail.places:
        for r in list_reports(db, actor, place_id=place.id):
            if start <= r.report_on <= end:
                seen[r.id] = ExternalLine(r.report_on, f"{KIND_TH[r.member_kind]} {r.member_name}", r.rating_th, r.text)
    return tuple(sorted(seen.values(), key=lambda line: line.report_on))


def build_visit_report(db: Database, actor: Actor, visit_id: int) -> VisitReport:
    require(actor, READ_DATA, "พิมพ์รายงานการลงพื้นที่")
    detail = get_visit(db, actor, visit_id)
    files = tuple(a.name for a in list_attachments(db, actor, OwnerKind.FIELD_VISIT, visit_id))
    return VisitReport(
        office=get_office(db, actor).name,
        title=detail.row.title,
        visit_on=detail.row.visit_on,
        end_on=detail.row.end_on,
        status=detail.row.status_th,
        places=tuple(p.label for p in detail.places),
        purpose=detail.purpose,
        lead=detail.row.lead_label,
        joining=tuple(label for _id, label in detail.joining),
        directives=tuple(f"{number} {text}" for _id, number, text in detail.directives),
        participants=detail.participants,
        summary=detail.summary,
        issues=detail.issues,
        findings=tuple(FindingLine(f.text, f.place_label, _outcome(f)) for f in detail.findings),
        files=files,
        external=_external(db, actor, detail),
    )
