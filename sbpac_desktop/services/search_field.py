"""What a search hit on field follow-up is called and what it opens (services/search.py):
a visit, one of its findings, or a report from the civil-society network."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.models_field import ExternalReport, FieldVisit, NetworkMember, VisitFinding
from sbpac_desktop.thai import medium_date

FIELD_KIND_LABELS = {
    "field_visit": "การลงพื้นที่",
    "visit_finding": "ข้อค้นพบจากการลงพื้นที่",
    "external_report": "รายงานจากภาคประชาชน",
}
# (title, number text, meeting id, directive id, visit id)
FieldLabel = tuple[str, str, int | None, int | None, int | None]


def _ids(found: Iterable[tuple[str, int, str, float]], kind: str) -> list[int]:
    return [ref_id for hit_kind, ref_id, _s, _r in found if hit_kind == kind]


def field_labels(
    session: Session, found: list[tuple[str, int, str, float]], short: Callable[[str | None], str]
) -> dict[tuple[str, int], FieldLabel]:
    labels: dict[tuple[str, int], FieldLabel] = {}
    visit_ids = set(_ids(found, "field_visit"))
    findings = list(session.scalars(select(VisitFinding).where(VisitFinding.id.in_(_ids(found, "visit_finding")))))
    visit_ids |= {f.visit_id for f in findings}
    visits = {v.id: v for v in session.scalars(select(FieldVisit).where(FieldVisit.id.in_(visit_ids)))}
    for visit_id in _ids(found, "field_visit"):
        if visit_id in visits:
            v = visits[visit_id]
            labels["field_visit", v.id] = (
                short(f"ลงพื้นที่ {medium_date(v.visit_on, thai_digits=False)} {v.title}"),
                "",
                None,
                None,
                v.id,
            )
    for f in findings:
        v = visits[f.visit_id]
        title = short(f"ข้อค้นพบ: ลงพื้นที่ {medium_date(v.visit_on, thai_digits=False)} {v.title}")
        labels["visit_finding", f.id] = (title, "", None, f.directive_id, v.id)
    reports = session.execute(
        select(ExternalReport, NetworkMember.full_name, Directive)
        .join(NetworkMember, NetworkMember.id == ExternalReport.member_id)
        .outerjoin(Directive, Directive.id == ExternalReport.directive_id)
        .where(ExternalReport.id.in_(_ids(found, "external_report")))
    ).all()
    for report, name, directive in reports:
        title = short(f"รายงานจากภาคประชาชน ({name}) {medium_date(report.report_on, thai_digits=False)}")
        number = directive_number_text(directive.seq, directive.fiscal_year, thai_digits=False) if directive else ""
        labels["external_report", report.id] = (
            title,
            number,
            directive.meeting_id if directive else None,
            directive.id if directive else None,
            None,
        )
    return labels
