"""The civil-society network (เครือข่ายภาคประชาชน) and volunteer graduates (บัณฑิตอาสาพัฒนามาตุภูมิ).

The seed meeting asked for a network that monitors alongside government, and drove coordination
through the volunteer graduates. Members are registered with their area (a tambon), organisation,
contact and active period; their reports on a directive or a place carry a date, a rating
(เห็นผล / บางส่วน / ไม่เห็นผล) and what they saw. The reports are shown beside the officers'
progress reports, marked as external: they never change a directive's status, percent or
closure (nothing here touches `directive` or `progress_report`). The secretariat (admin,
secretary) enters them — by hand or from the spreadsheet template (services/field/network_import.py);
officers and viewers read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.domain.validation import Checker, enforce
from sbpac_desktop.services.audit_trail import add_row, audit, erase_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.field_visits import EDIT_FIELD_WORK
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.services.places import _views as place_views
from sbpac_desktop.services.places import checked_place_ids, place_and_descendants
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.models_field import ExternalReport, NetworkMember, Place
from sbpac_desktop.thai.normalize import clean, clean_required

KIND_TH = {"network": "เครือข่ายภาคประชาชน", "volunteer": "บัณฑิตอาสาพัฒนามาตุภูมิ"}
RATING_TH = {"effective": "เห็นผล", "partial": "เห็นผลบางส่วน", "not_effective": "ไม่เห็นผล"}
EXTERNAL_MARK_TH = "รายงานจากภาคประชาชน"
MEMBER_TH = "สมาชิกเครือข่าย"
REPORT_TH = "รายงานจากภาคประชาชน"
NAME_LIMIT = 300


@dataclass(frozen=True)
class MemberInput:
    kind: str  # network | volunteer
    full_name: str
    place_id: int | None = None
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None
    active_from: date | None = None
    active_to: date | None = None


@dataclass(frozen=True)
class MemberView:
    id: int
    version: int
    kind: str
    full_name: str
    organisation: str | None
    place_id: int | None
    place_label: str | None
    phone: str | None
    email: str | None
    active_from: date | None
    active_to: date | None

    @property
    def kind_th(self) -> str:
        return KIND_TH[self.kind]

    def active_on(self, day: date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )


@dataclass(frozen=True)
class ReportInput:
    member_id: int
    report_on: date
    rating: str  # effective | partial | not_effective
    text: str
    directive_id: int | None = None
    place_id: int | None = None


@dataclass(frozen=True)
class ExternalReportView:
    id: int
    version: int
    member_id: int
    member_name: str
    member_kind: str
    report_on: date
    rating: str
    text: str
    directive_id: int | None
    directive_number: str | None
    place_label: str | None

    @property
    def rating_th(self) -> str:
        return RATING_TH[self.rating]

    @property
    def source_th(self) -> str:
        """'รายงานจากภาคประชาชน — บัณฑิตอาสาพัฒนามาตุภูมิ นางสาวฟาตีมะห์ ...'"""
        return f"{EXTERNAL_MARK_TH} — {KIND_TH[self.member_kind]} {self.member_name}"


# --- members ---------------------------------------------------------------------------------------
def check_member(check: Checker, data: MemberInput) -> None:
    """Field rules shared with the importer (no database)."""
    if data.kind not in KIND_TH:
        check.add("kind", "ประเภทต้องเป็นเครือข่ายภาคประชาชนหรือบัณฑิตอาสาพัฒนามาตุภูมิ", "Unknown member kind")
    check.required("full_name", data.full_name, "ชื่อ-นามสกุล", "Full name")
    check.max_length("full_name", clean(data.full_name), NAME_LIMIT, "ชื่อ-นามสกุล")
    check.max_length("organisation", clean(data.organisation), NAME_LIMIT, "องค์กร")
    check.not_before("active_to", data.active_to, data.active_from, "วันสิ้นสุดต้องไม่ก่อนวันเริ่มปฏิบัติงาน", "End before start")


def _member_views(session: Session, rows: list[NetworkMember]) -> list[MemberView]:
    ids = {r.place_id for r in rows if r.place_id}
    labels = {p.id: p.label for p in place_views(session, [Place.id.in_(ids)])} if ids else {}
    return [
        MemberView(
            r.id,
            r.version,
            r.kind,
            r.full_name,
            r.organisation,
            r.place_id,
            None if r.place_id is None else labels.get(r.place_id),
            r.phone,
            r.email,
            r.active_from,
            r.active_to,
        )
        for r in rows
    ]


def find_member(session: Session, kind: str, full_name: str, place_id: int | None) -> NetworkMember | None:
    query = select(NetworkMember).where(
        NetworkMember.kind == kind,
        NetworkMember.full_name == clean_required(full_name),
        NetworkMember.place_id.is_(None) if place_id is None else NetworkMember.place_id == place_id,
    )
    return session.scalar(query)


def insert_member(session: Session, actor: Actor, data: MemberInput) -> NetworkMember:
    """Validate, refuse a duplicate, write and audit (inside the caller's unit of work)."""
    enforce(check_member, data)
    if data.place_id is not None:
        checked_place_ids(session, [data.place_id])
    if find_member(session, data.kind, data.full_name, data.place_id) is not None:
        raise ValidationError.single(
            "full_name", f"มี{KIND_TH[data.kind]}ชื่อ {clean(data.full_name)} ในพื้นที่นี้อยู่แล้ว", "Already registered"
        )
    row = NetworkMember()
    _fill_member(row, data)
    add_row(session, actor, row)
    return row


def _fill_member(row: NetworkMember, data: MemberInput) -> None:
    row.kind, row.full_name, row.place_id = data.kind, clean_required(data.full_name), data.place_id
    row.organisation, row.phone, row.email = clean(data.organisation), clean(data.phone), clean(data.email)
    row.active_from, row.active_to = data.active_from, data.active_to


def add_member(db: Database, actor: Actor, data: MemberInput) -> MemberView:
    require(actor, EDIT_FIELD_WORK, "ลงทะเบียนเครือข่ายภาคประชาชน")
    with db.unit_of_work() as session:
        return _member_views(session, [insert_member(session, actor, data)])[0]


def update_member(db: Database, actor: Actor, member_id: int, expected_version: int, data: MemberInput) -> MemberView:
    require(actor, EDIT_FIELD_WORK, "แก้ไขข้อมูลเครือข่ายภาคประชาชน")
    with db.unit_of_work() as session:
        row = get_as_seen(session, NetworkMember, member_id, expected_version, MEMBER_TH)
        enforce(check_member, data)
        if data.place_id is not None:
            checked_place_ids(session, [data.place_id])
        other = find_member(session, data.kind, data.full_name, data.place_id)
        if other is not None and other.id != row.id:
            raise ValidationError.single("full_name", "มีสมาชิกชื่อนี้ในพื้นที่นี้อยู่แล้ว", "Already registered")
        before = snapshot(row)
        _fill_member(row, data)
        audit(session, actor, "update", row, before)
        return _member_views(session, [row])[0]


def list_members(
    db: Database, actor: Actor, *, kind: str | None = None, place_id: int | None = None, active_on: date | None = None
) -> list[MemberView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    query = select(NetworkMember).order_by(NetworkMember.kind, NetworkMember.full_name, NetworkMember.id)
    if kind is not None:
        query = query.where(NetworkMember.kind == kind)
    if place_id is not None:
        query = query.where(NetworkMember.place_id.in_(place_and_descendants(place_id)))
    with db.unit_of_work() as session:
        views = _member_views(session, list(session.scalars(query)))
    return [v for v in views if active_on is None or v.active_on(active_on)]


# --- reports ---------------------------------------------------------------------------------------
def check_report(check: Checker, data: ReportInput) -> None:
    if data.rating not in RATING_TH:
        check.add("rating", "ผลที่เห็นต้องเป็น เห็นผล, เห็นผลบางส่วน หรือ ไม่เห็นผล", "Unknown rating")
    check.required("text", data.text, "รายละเอียดที่รายงาน", "Report text")
    if data.directive_id is None and data.place_id is None:
        check.add("subject", "กรุณาระบุข้อสั่งการหรือพื้นที่ที่รายงาน", "Name a directive or a place")


def insert_report(session: Session, actor: Actor, data: ReportInput, today: date) -> ExternalReport:
    check = Checker()
    check_report(check, data)
    if data.report_on > today:
        check.add("report_on", "วันที่รายงานต้องไม่เลยวันนี้", "The report date is in the future")
    check.raise_if_any()
    member = get_or_raise(session, NetworkMember, data.member_id, MEMBER_TH)
    if data.directive_id is not None:
        directive = get_or_raise(session, Directive, data.directive_id, "ข้อสั่งการ")
        if data.report_on < directive.issued_on:
            raise ValidationError.single(
                "report_on", "วันที่รายงานต้องไม่ก่อนวันที่สั่งการ", "The report date is before the directive was issued"
            )
    if data.place_id is not None:
        checked_place_ids(session, [data.place_id])
    if member.active_to is not None and data.report_on > member.active_to:
        raise ValidationError.single(
            "report_on", f"{member.full_name} สิ้นสุดการปฏิบัติงานก่อนวันที่รายงาน", "The member was no longer active"
        )
    row = ExternalReport(
        member_id=member.id,
        report_on=data.report_on,
        rating=data.rating,
        text=clean_required(data.text),
        directive_id=data.directive_id,
        place_id=data.place_id,
    )
    add_row(session, actor, row)
    return row


def add_report(db: Database, actor: Actor, data: ReportInput, today: date | None = None) -> ExternalReportView:
    require(actor, EDIT_FIELD_WORK, "บันทึกรายงานจากภาคประชาชน")
    with db.unit_of_work() as session:
        row = insert_report(session, actor, data, today or date.today())
        session.flush()
        return _report_views(session, [ExternalReport.id == row.id])[0]


def remove_report(db: Database, actor: Actor, report_id: int) -> None:
    require(actor, EDIT_FIELD_WORK, "ลบรายงานจากภาคประชาชน")
    with db.unit_of_work() as session:
        row = get_or_raise(session, ExternalReport, report_id, REPORT_TH)
        erase_row(session, actor, row)


def _report_views(session: Session, where: list[ColumnElement[bool]]) -> list[ExternalReportView]:
    query = (
        select(ExternalReport, NetworkMember.full_name, NetworkMember.kind, Directive.seq, Directive.fiscal_year)
        .join(NetworkMember, NetworkMember.id == ExternalReport.member_id)
        .outerjoin(Directive, Directive.id == ExternalReport.directive_id)
        .where(*where)
        .order_by(ExternalReport.report_on.desc(), ExternalReport.id.desc())
    )
    rows = session.execute(query).all()
    ids = {r[0].place_id for r in rows if r[0].place_id}
    labels = {p.id: p.label for p in place_views(session, [Place.id.in_(ids)])} if ids else {}
    return [
        ExternalReportView(
            r.id,
            r.version,
            r.member_id,
            name,
            kind,
            r.report_on,
            r.rating,
            r.text,
            r.directive_id,
            directive_number_text(seq, fy, thai_digits=False) if seq is not None else None,
            None if r.place_id is None else labels.get(r.place_id),
        )
        for r, name, kind, seq, fy in rows
    ]


def reports_on_directive(db: Database, actor: Actor, directive_id: int) -> list[ExternalReportView]:
    """Newest first, for the directive's page beside the officers' progress reports."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _report_views(session, [ExternalReport.directive_id == directive_id])


def get_report(db: Database, actor: Actor, report_id: int) -> ExternalReportView:
    """One report (a search hit opens its member on the network page)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        row = get_or_raise(session, ExternalReport, report_id, REPORT_TH)  # refuses an id out of range too
        return _report_views(session, [ExternalReport.id == row.id])[0]


def list_reports(
    db: Database, actor: Actor, *, place_id: int | None = None, member_id: int | None = None
) -> list[ExternalReportView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    where: list[ColumnElement[bool]] = []
    if place_id is not None:
        where.append(ExternalReport.place_id.in_(place_and_descendants(place_id)))
    if member_id is not None:
        where.append(ExternalReport.member_id == member_id)
    with db.unit_of_work() as session:
        return _report_views(session, where)
