"""Directives (ข้อสั่งการ) and their assignments: numbered ขส. nnn/FY, derived status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState, Priority, ReportCycle
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import directive_number_text, next_sequence
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services import conflicts
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import check_version, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import (
    DirectiveDetail,
    DirectiveFilter,
    DirectiveRow,
    build_detail,
    list_directives,  # read on a Core connection (directive_views), listed in __all__
)
from sbpac_desktop.services.permissions import EDIT_DIRECTIVES, READ_DATA, require
from sbpac_desktop.services.places import checked_place_ids, write_directive_places
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import (
    AgendaItem,
    Assignment,
    DevelopmentDimension,
    Directive,
    Meeting,
    OrgUnit,
    Person,
    Position,
)
from sbpac_desktop.thai import fiscal_year
from sbpac_desktop.thai.normalize import clean, clean_required

NO_DUE_REASON_LIMIT = 500

__all__ = [
    "AssignmentInput",
    "DirectiveDetail",
    "DirectiveFilter",
    "DirectiveInput",
    "DirectiveRow",
    "check_due_choice",
    "create_directive",
    "get_directive",
    "list_directives",
    "set_state",
    "update_directive",
]


@dataclass(frozen=True)
class AssignmentInput:
    """Exactly one of position_id / org_unit_id."""

    position_id: int | None = None
    org_unit_id: int | None = None
    role: AssignmentRole = AssignmentRole.LEAD


@dataclass(frozen=True)
class DirectiveInput:
    text: str
    issued_on: date
    assignments: tuple[AssignmentInput, ...] = field(default_factory=tuple)
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    issued_by_person_id: int | None = None
    dimension_id: int | None = None
    priority: Priority = Priority.NORMAL
    report_cycle: ReportCycle = ReportCycle.MONTHLY
    due_on: date | None = None
    extended_due_on: date | None = None
    remarks: str | None = None
    seq: int | None = None  # None: next number of the fiscal year
    no_due_reason: str | None = None  # required when due_on is None ("ไม่กำหนด"), refused otherwise
    # The places it concerns (province, district, tambon), written in the same transaction as the
    # directive; None leaves an edited directive's places as they are (callers that do not show them).
    place_ids: tuple[int, ...] | None = None


def validate_directive(data: DirectiveInput) -> None:
    check = Checker()
    check.required("text", data.text, "ข้อความข้อสั่งการ", "Directive text")
    check.not_before(
        "due_on",
        data.due_on,
        data.issued_on,
        "กำหนดแล้วเสร็จต้องไม่ก่อนวันที่สั่งการ",
        "The due date is before the issue date",
    )
    check.not_before(
        "extended_due_on",
        data.extended_due_on,
        data.due_on,
        "วันที่ขยายเวลาต้องไม่ก่อนกำหนดเดิม",
        "The extended due date is before the original one",
    )
    check.positive("seq", data.seq, "เลขที่ข้อสั่งการ")
    for index, assignment in enumerate(data.assignments):
        if (assignment.position_id is None) == (assignment.org_unit_id is None):
            check.add(
                f"assignments[{index}]",
                "ผู้รับผิดชอบแต่ละรายต้องเป็นตำแหน่งหรือหน่วยงานอย่างใดอย่างหนึ่ง",
                "Each assignee must be either a position or a unit",
            )
    leads = [a for a in data.assignments if a.role is AssignmentRole.LEAD]
    if len(leads) > 1:
        check.add("assignments", "ผู้รับผิดชอบหลักมีได้เพียงหนึ่งราย", "Only one lead assignee is allowed")
    keys = [(a.position_id, a.org_unit_id) for a in data.assignments]
    if len(keys) != len(set(keys)):
        check.add("assignments", "มีผู้รับผิดชอบซ้ำกัน", "The same assignee is listed twice")
    check.raise_if_any()


def check_due_choice(data: DirectiveInput) -> None:
    """A directive has a due date, or an explicit "ไม่กำหนด" with the reason why — never neither
    (a forgotten date would never become overdue and so never be followed up), never both."""
    reason = clean(data.no_due_reason)
    check = Checker()
    if data.due_on is None and reason is None:
        check.add(
            "due_on",
            "กรุณากำหนดวันแล้วเสร็จ หรือเลือก “ไม่กำหนด” พร้อมระบุเหตุผล",
            "Give a due date, or choose 'no due date' and say why",
        )
    elif data.due_on is not None and reason is not None:
        check.add(
            "no_due_reason",
            "ข้อสั่งการที่มีกำหนดแล้วเสร็จไม่ต้องระบุเหตุผลที่ไม่กำหนด — ลบเหตุผลหรือลบวันที่ออกอย่างใดอย่างหนึ่ง",
            "A directive with a due date takes no reason for having none",
        )
    check.max_length("no_due_reason", reason, NO_DUE_REASON_LIMIT, "เหตุผลที่ไม่กำหนดวันแล้วเสร็จ")
    check.raise_if_any()


def _check_references(session: Session, data: DirectiveInput) -> None:
    if data.meeting_id is not None:
        get_or_raise(session, Meeting, data.meeting_id, "การประชุม")
    if data.agenda_item_id is not None:
        item = get_or_raise(session, AgendaItem, data.agenda_item_id, "เรื่องในระเบียบวาระ")
        if data.meeting_id is not None and item.meeting_id != data.meeting_id:
            raise ValidationError.single(
                "agenda_item_id", "เรื่องในระเบียบวาระไม่ได้อยู่ในการประชุมนี้", "Agenda item is from another meeting"
            )
    if data.issued_by_person_id is not None:
        get_or_raise(session, Person, data.issued_by_person_id, "ผู้สั่งการ")
    if data.dimension_id is not None:
        get_or_raise(session, DevelopmentDimension, data.dimension_id, "มิติการพัฒนา")
    for assignment in data.assignments:
        _check_assignee(session, assignment)
    if data.place_ids is not None:
        checked_place_ids(session, data.place_ids)


def _check_assignee(session: Session, assignment: AssignmentInput) -> None:
    if assignment.position_id is not None and session.get(Position, assignment.position_id) is None:
        raise ValidationError.single(
            "assignments",
            f"ไม่พบตำแหน่งผู้รับผิดชอบ (รหัส {assignment.position_id})",
            f"Unknown assignee position {assignment.position_id}",
        )
    if assignment.org_unit_id is not None and session.get(OrgUnit, assignment.org_unit_id) is None:
        raise ValidationError.single(
            "assignments",
            f"ไม่พบหน่วยงานผู้รับผิดชอบ (รหัส {assignment.org_unit_id})",
            f"Unknown assignee unit {assignment.org_unit_id}",
        )


def _sequence(session: Session, year: int, wanted: int | None, own_id: int | None = None) -> int:
    query = select(Directive.seq).where(Directive.fiscal_year == year)
    if own_id is not None:
        query = query.where(Directive.id != own_id)
    used = set(session.scalars(query))
    if wanted is None:
        return next_sequence(list(used))
    if wanted in used:
        label = directive_number_text(wanted, year, thai_digits=False)
        raise ValidationError.single("seq", f"เลขที่ {label} มีอยู่แล้ว", f"Directive {label} already exists")
    return wanted


def _fill(directive: Directive, data: DirectiveInput) -> None:
    directive.meeting_id = data.meeting_id
    directive.agenda_item_id = data.agenda_item_id
    directive.issued_by_person_id = data.issued_by_person_id
    directive.issued_on = data.issued_on
    directive.text = clean_required(data.text)
    directive.dimension_id = data.dimension_id
    directive.priority = data.priority.value
    directive.report_cycle = data.report_cycle.value
    directive.due_on = data.due_on
    directive.extended_due_on = data.extended_due_on
    directive.remarks = clean(data.remarks)
    directive.no_due_reason = clean(data.no_due_reason) if data.due_on is None else None


def sync_assignments(session: Session, directive: Directive, wanted: tuple[AssignmentInput, ...]) -> None:
    """Keep rows (and their progress reports) for assignees that stay; add and drop the rest."""
    existing = {(a.position_id, a.org_unit_id): a for a in directive.assignments}
    keep = set()
    for item in wanted:
        key = (item.position_id, item.org_unit_id)
        keep.add(key)
        if key in existing:
            existing[key].role = item.role.value
        else:
            directive.assignments.append(
                Assignment(position_id=item.position_id, org_unit_id=item.org_unit_id, role=item.role.value)
            )
    for key, row in existing.items():
        if key not in keep:
            directive.assignments.remove(row)


def create_directive(db: Database, actor: Actor, data: DirectiveInput, today: date | None = None) -> DirectiveDetail:
    require(actor, EDIT_DIRECTIVES, "ออกข้อสั่งการ")
    validate_directive(data)
    check_due_choice(data)
    with db.unit_of_work() as session:
        _check_references(session, data)
        year = fiscal_year(data.issued_on)
        directive = Directive(fiscal_year=year, seq=_sequence(session, year, data.seq), state=DirectiveState.OPEN.value)
        _fill(directive, data)
        sync_assignments(session, directive, data.assignments)
        add_row(session, actor, directive)
        _write_places(session, actor, directive, data)
        return build_detail(session, directive, today or date.today())


def update_directive(
    db: Database,
    actor: Actor,
    directive_id: int,
    expected_version: int,
    data: DirectiveInput,
    today: date | None = None,
    *,
    overwrite: bool = False,
) -> DirectiveDetail:
    """`overwrite`: the user saw the conflict and chose to save over it (secretariat only,
    audited as "overwrite"); `expected_version` is then the version the conflict showed."""
    require(actor, EDIT_DIRECTIVES, "แก้ไขข้อสั่งการ")
    if overwrite:
        conflicts.require_overwrite(actor)
    validate_directive(data)
    check_due_choice(data)
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        check_version(directive, expected_version, "ข้อสั่งการ", _planned(data))
        _check_references(session, data)
        before = snapshot(directive)
        year = fiscal_year(data.issued_on)
        if year != directive.fiscal_year or (data.seq is not None and data.seq != directive.seq):
            directive.seq = _sequence(session, year, data.seq, directive.id)
            directive.fiscal_year = year
        _fill(directive, data)
        sync_assignments(session, directive, data.assignments)
        audit(session, actor, "overwrite" if overwrite else "update", directive, before)
        _write_places(session, actor, directive, data)
        return build_detail(session, directive, today or date.today())


def _write_places(session: Session, actor: Actor, directive: Directive, data: DirectiveInput) -> None:
    """The places with the directive, in its unit of work: a refused place id (checked with the
    references, before anything is written) leaves neither the directive nor its places."""
    if data.place_ids is not None:
        write_directive_places(session, actor, directive.id, checked_place_ids(session, data.place_ids))


def _planned(data: DirectiveInput) -> dict[str, object]:
    """What this save would store, for the conflict report (fields as yours / theirs)."""
    assignees = sorted(
        ([a.position_id, a.org_unit_id, a.role.value] for a in data.assignments),
        key=lambda r: (r[0] or 0, r[1] or 0, r[2]),
    )
    return conflicts.planned_values(Directive, lambda row: _fill(row, data)) | {"assignments": assignees}


def set_state(
    db: Database,
    actor: Actor,
    directive_id: int,
    state: DirectiveState,
    on: date | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """Close or cancel (or reopen) a directive. Closing goes through the closure rules
    (services.directives.closure): only the issuer's side acknowledges it, and the record says who and when."""
    require(actor, EDIT_DIRECTIVES, "ปิดหรือยกเลิกข้อสั่งการ")
    if state is DirectiveState.CLOSED:
        # closure pulls in carry-over and field findings: loaded here, not for every directive listing
        from sbpac_desktop.services.directives import closure

        return closure.acknowledge_closure(db, actor, directive_id, on=on, today=today)
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        change_row(
            session,
            actor,
            directive,
            state=state.value,
            closed_on=None,  # cancelled or reopened: closing returned above through closure
        )
        return build_detail(session, directive, today or date.today())


def get_directive(db: Database, actor: Actor, directive_id: int, today: date | None = None) -> DirectiveDetail:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        return build_detail(session, directive, today or date.today())
