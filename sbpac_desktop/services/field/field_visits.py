"""Field visits (การลงพื้นที่ติดตามร่วมกับกระทรวง ทบวง กรม): plan, carry out, list by month.

A visit is planned (date, places, purpose, the lead post, the ministries' posts that join it, the
directives it follows up) and then carried out: who went, the overall result, the issues people
raised, findings one by one (services/field/field_findings.py) and files (services/attachments.py,
owner kind 'field_visit'). The secretariat (admin, secretary) records visits; everyone reads.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import audit_many, change_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.services.places import PlaceView, checked_place_ids, place_and_descendants
from sbpac_desktop.services.places import _views as place_views
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Attachment, Directive, OrgUnit, Position
from sbpac_desktop.store.models_field import (
    FieldVisit,
    FieldVisitDirective,
    FieldVisitPlace,
    FieldVisitPosition,
    Place,
    VisitFinding,
)
from sbpac_desktop.thai.normalize import clean, clean_required

EDIT_FIELD_WORK = EDIT_MEETINGS  # the secretariat records visits and network reports
LABEL_TH = "การลงพื้นที่"
STATUS_TH = {"planned": "วางแผน", "done": "ลงพื้นที่แล้ว", "cancelled": "ยกเลิก"}
TITLE_LIMIT = 500


@dataclass(frozen=True)
class VisitInput:
    title: str
    visit_on: date
    purpose: str
    place_ids: tuple[int, ...] = ()
    lead_position_id: int | None = None
    joining_position_ids: tuple[int, ...] = ()
    directive_ids: tuple[int, ...] = ()
    end_on: date | None = None


@dataclass(frozen=True)
class OutcomeInput:
    participants: str
    summary: str
    issues: str | None = None


@dataclass(frozen=True)
class FindingView:
    id: int
    version: int
    text: str
    place_label: str | None
    directive_id: int | None
    directive_number: str | None
    progress_report_id: int | None
    proposal_state: str | None
    proposal_title: str | None
    agenda_item_id: int | None


@dataclass(frozen=True)
class VisitRow:
    id: int
    version: int
    title: str
    visit_on: date
    end_on: date | None
    status: str
    place_labels: tuple[str, ...]
    lead_label: str | None

    @property
    def status_th(self) -> str:
        return STATUS_TH[self.status]


@dataclass(frozen=True)
class VisitDetail:
    row: VisitRow
    purpose: str
    places: tuple[PlaceView, ...]
    lead_position_id: int | None
    joining: tuple[tuple[int, str], ...]  # (position id, label)
    directives: tuple[tuple[int, str, str], ...]  # (id, number, text)
    participants: str | None
    summary: str | None
    issues: str | None
    findings: tuple[FindingView, ...] = field(default=())
    attachment_count: int = 0


def post_labels(session: Session, position_ids: Iterable[int]) -> dict[int, str]:
    """'ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)' per post id."""
    ids = list(set(position_ids))
    if not ids:
        return {}
    query = select(Position.id, Position.title, OrgUnit.name).outerjoin(OrgUnit, OrgUnit.id == Position.org_unit_id)
    labels = {}
    for pid, title, unit in session.execute(query.where(Position.id.in_(ids))):
        labels[pid] = f"{title} ({unit})" if unit and unit not in title else title
    return labels


def _validate(session: Session, data: VisitInput) -> None:
    check = Checker()
    check.required("title", data.title, "ชื่อเรื่องการลงพื้นที่", "Visit title")
    check.max_length("title", clean(data.title), TITLE_LIMIT, "ชื่อเรื่องการลงพื้นที่")
    check.required("purpose", data.purpose, "วัตถุประสงค์", "Purpose")
    check.not_before("end_on", data.end_on, data.visit_on, "วันสิ้นสุดต้องไม่ก่อนวันลงพื้นที่", "The end date is before the start")
    if not data.place_ids:
        check.add("places", "กรุณาเลือกพื้นที่ที่ลงพื้นที่อย่างน้อย 1 แห่ง", "Choose at least one place")
    if data.lead_position_id is not None and data.lead_position_id in data.joining_position_ids:
        check.add("joining", "ตำแหน่งหัวหน้าคณะซ้ำกับหน่วยที่ร่วมลงพื้นที่", "The lead post is also listed as joining")
    posts = {post for post in (data.lead_position_id, *data.joining_position_ids) if post is not None}
    if posts:
        found = set(session.scalars(select(Position.id).where(Position.id.in_(posts))))
        for missing in sorted(posts - found):
            check.add("joining", f"ไม่พบตำแหน่งรหัส {missing}", f"Unknown post {missing}")
    if data.directive_ids:
        found = set(session.scalars(select(Directive.id).where(Directive.id.in_(data.directive_ids))))
        for missing in sorted(set(data.directive_ids) - found):
            check.add("directives", f"ไม่พบข้อสั่งการรหัส {missing}", f"Unknown directive {missing}")
    check.raise_if_any()


def _links(session: Session, visit_id: int) -> dict[str, list[int]]:
    """What the audit trail records about a visit's links (ids in order)."""
    return {
        "places": list(session.scalars(select(FieldVisitPlace.place_id).where(FieldVisitPlace.visit_id == visit_id))),
        "joining": list(
            session.scalars(select(FieldVisitPosition.position_id).where(FieldVisitPosition.visit_id == visit_id))
        ),
        "directives": list(
            session.scalars(select(FieldVisitDirective.directive_id).where(FieldVisitDirective.visit_id == visit_id))
        ),
    }


def _write(session: Session, visit: FieldVisit, data: VisitInput) -> None:
    place_ids = checked_place_ids(session, data.place_ids)
    visit.title = clean_required(data.title)
    visit.visit_on, visit.end_on = data.visit_on, data.end_on
    visit.purpose = clean_required(data.purpose)
    visit.lead_position_id = data.lead_position_id
    session.flush()
    for model in (FieldVisitPlace, FieldVisitPosition, FieldVisitDirective):
        session.execute(delete(model).where(model.visit_id == visit.id))
    session.add_all(FieldVisitPlace(visit_id=visit.id, place_id=p) for p in place_ids)
    session.add_all(
        FieldVisitPosition(visit_id=visit.id, position_id=p) for p in dict.fromkeys(data.joining_position_ids)
    )
    session.add_all(FieldVisitDirective(visit_id=visit.id, directive_id=d) for d in dict.fromkeys(data.directive_ids))
    session.flush()


def _audit_visit(session: Session, actor: Actor, action: str, visit: FieldVisit, before: dict[str, Any] | None) -> None:
    """The visit row with its links, so the trail shows which places, posts and directives changed."""
    visit.updated_at = utcnow()  # links alone may have changed: the version still moves on
    session.flush()
    after = {**snapshot(visit), **_links(session, visit.id)}
    audit_many(session, actor, [(action, "field_visit", visit.id, before, after)])


def create_visit(db: Database, actor: Actor, data: VisitInput) -> VisitDetail:
    require(actor, EDIT_FIELD_WORK, "บันทึกแผนการลงพื้นที่")
    with db.unit_of_work() as session:
        _validate(session, data)
        visit = FieldVisit(status="planned", title="", purpose="", visit_on=data.visit_on)
        session.add(visit)
        session.flush()
        _write(session, visit, data)
        _audit_visit(session, actor, "create", visit, None)
        return _detail(session, visit)


def update_visit(db: Database, actor: Actor, visit_id: int, expected_version: int, data: VisitInput) -> VisitDetail:
    require(actor, EDIT_FIELD_WORK, "แก้ไขแผนการลงพื้นที่")
    with db.unit_of_work() as session:
        visit = get_as_seen(session, FieldVisit, visit_id, expected_version, LABEL_TH)
        _validate(session, data)
        before = {**snapshot(visit), **_links(session, visit.id)}
        _write(session, visit, data)
        _audit_visit(session, actor, "update", visit, before)
        return _detail(session, visit)


def record_outcome(
    db: Database, actor: Actor, visit_id: int, expected_version: int, data: OutcomeInput, today: date | None = None
) -> VisitDetail:
    """Carried out: who went and what came of it. Not before the visit's day."""
    require(actor, EDIT_FIELD_WORK, "บันทึกผลการลงพื้นที่")
    with db.unit_of_work() as session:
        visit = get_as_seen(session, FieldVisit, visit_id, expected_version, LABEL_TH)
        check = Checker()
        check.required("participants", data.participants, "ผู้ร่วมลงพื้นที่", "Who went")
        check.required("summary", data.summary, "ผลการลงพื้นที่", "Result of the visit")
        if visit.status == "cancelled":
            check.add("status", "การลงพื้นที่นี้ถูกยกเลิกแล้ว", "This visit was cancelled")
        if visit.visit_on > (today or date.today()):
            check.add("status", "ยังไม่ถึงวันลงพื้นที่ — บันทึกผลได้ตั้งแต่วันลงพื้นที่", "The visit has not happened yet")
        check.raise_if_any()
        change_row(
            session,
            actor,
            visit,
            participants=clean_required(data.participants),
            summary=clean_required(data.summary),
            issues=clean(data.issues),
            status="done",
        )
        return _detail(session, visit)


def cancel_visit(db: Database, actor: Actor, visit_id: int, expected_version: int) -> VisitDetail:
    require(actor, EDIT_FIELD_WORK, "ยกเลิกการลงพื้นที่")
    with db.unit_of_work() as session:
        visit = get_as_seen(session, FieldVisit, visit_id, expected_version, LABEL_TH)
        if visit.status == "done":
            raise ValidationError.single(
                "status", "ลงพื้นที่และบันทึกผลแล้ว ยกเลิกไม่ได้", "A visit that was carried out cannot be cancelled"
            )
        change_row(session, actor, visit, status="cancelled")
        return _detail(session, visit)


# --- reading ---------------------------------------------------------------------------------------
def _rows(session: Session, visits: list[FieldVisit]) -> list[VisitRow]:
    ids = [v.id for v in visits]
    labels: dict[int, list[str]] = {}
    query = (
        select(FieldVisitPlace.visit_id, Place.id)
        .join(Place, Place.id == FieldVisitPlace.place_id)
        .where(FieldVisitPlace.visit_id.in_(ids))
        .order_by(Place.code)
    )
    pairs = session.execute(query).all() if ids else []
    views = {p.id: p for p in place_views(session, [Place.id.in_({pid for _v, pid in pairs})])} if pairs else {}
    for visit_id, place_id in pairs:
        labels.setdefault(visit_id, []).append(views[place_id].label)
    leads = post_labels(session, [v.lead_position_id for v in visits if v.lead_position_id])
    return [
        VisitRow(
            v.id,
            v.version,
            v.title,
            v.visit_on,
            v.end_on,
            v.status,
            tuple(labels.get(v.id, ())),
            leads.get(v.lead_position_id) if v.lead_position_id else None,
        )
        for v in visits
    ]


def list_visits(
    db: Database,
    actor: Actor,
    *,
    year: int | None = None,
    month: int | None = None,
    place_id: int | None = None,
    status: str | None = None,
) -> list[VisitRow]:
    """Visits by date (a Gregorian month when given), optionally in a place or under it."""
    require(actor, READ_DATA, "ดูข้อมูล")
    query = select(FieldVisit).order_by(FieldVisit.visit_on, FieldVisit.id)
    if year is not None and month is not None:
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        # a visit of several days shows in every month it touches
        query = query.where(FieldVisit.visit_on <= last, func.coalesce(FieldVisit.end_on, FieldVisit.visit_on) >= first)
    if place_id is not None:
        inside = select(FieldVisitPlace.visit_id).where(FieldVisitPlace.place_id.in_(place_and_descendants(place_id)))
        query = query.where(FieldVisit.id.in_(inside))
    if status is not None:
        query = query.where(FieldVisit.status == status)
    with db.unit_of_work() as session:
        return _rows(session, list(session.scalars(query)))


def get_visit(db: Database, actor: Actor, visit_id: int) -> VisitDetail:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _detail(session, get_or_raise(session, FieldVisit, visit_id, LABEL_TH))


def _detail(session: Session, visit: FieldVisit) -> VisitDetail:
    links = _links(session, visit.id)
    places = tuple(place_views(session, [Place.id.in_(links["places"])])) if links["places"] else ()
    joining = post_labels(session, links["joining"])
    directives = []
    if links["directives"]:
        query = (
            select(Directive)
            .where(Directive.id.in_(links["directives"]))
            .order_by(Directive.fiscal_year, Directive.seq)
        )
        for d in session.scalars(query):
            directives.append((d.id, directive_number_text(d.seq, d.fiscal_year, thai_digits=False), d.text))
    files = session.scalar(select(func.count()).select_from(Attachment).where(Attachment.field_visit_id == visit.id))
    return VisitDetail(
        _rows(session, [visit])[0],
        visit.purpose,
        places,
        visit.lead_position_id,
        tuple((pid, joining[pid]) for pid in links["joining"]),
        tuple(directives),
        visit.participants,
        visit.summary,
        visit.issues,
        tuple(finding_views(session, visit.id)),
        files or 0,
    )


def finding_views(session: Session, visit_id: int) -> list[FindingView]:
    query = (
        select(VisitFinding).where(VisitFinding.visit_id == visit_id).order_by(VisitFinding.sort_order, VisitFinding.id)
    )
    findings = list(session.scalars(query))
    place_ids = {f.place_id for f in findings if f.place_id}
    labels = {p.id: p.label for p in place_views(session, [Place.id.in_(place_ids)])} if place_ids else {}
    directive_ids = {f.directive_id for f in findings if f.directive_id}
    numbers = {}
    if directive_ids:
        for d_id, seq, fy in session.execute(
            select(Directive.id, Directive.seq, Directive.fiscal_year).where(Directive.id.in_(directive_ids))
        ):
            numbers[d_id] = directive_number_text(seq, fy, thai_digits=False)
    return [
        FindingView(
            f.id,
            f.version,
            f.text,
            labels.get(f.place_id) if f.place_id else None,
            f.directive_id,
            numbers.get(f.directive_id) if f.directive_id else None,
            f.progress_report_id,
            f.proposal_state,
            f.proposal_title,
            f.agenda_item_id,
        )
        for f in findings
    ]
