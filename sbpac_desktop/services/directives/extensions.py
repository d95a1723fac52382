"""Extension requests (ขอขยายระยะเวลา): an assignee asks, the issuer's side approves or rejects.

The directive keeps its original `due_on`; an approval writes the new date into
`extended_due_on`, which every derived status already prefers (domain.status.effective_due).
The request row keeps the effective due date at the time of asking, so the history reads
'ขยายเวลาจาก 31 ม.ค. 2563 เป็น 31 มี.ค. 2563' even after several extensions.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ConflictError, FieldProblem, ValidationError
from sbpac_desktop.domain.status import effective_due
from sbpac_desktop.domain.workflow import (
    RequestStatus,
    check_extension,
    check_reason,
    require_open,
    require_pending,
)
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveDetail, build_detail
from sbpac_desktop.services.directives.request_views import ExtensionView as ExtensionView  # re-exported
from sbpac_desktop.services.directives.request_views import extension_views as extension_views
from sbpac_desktop.services.directives.requests import record_decision
from sbpac_desktop.services.permissions import ISSUER_SIDE, require, require_assignee
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive, ExtensionRequest
from sbpac_desktop.thai import medium_date
from sbpac_desktop.thai.normalize import clean_required


def _pending(session: Session, directive_id: int) -> ExtensionRequest | None:
    query = select(ExtensionRequest).where(
        ExtensionRequest.directive_id == directive_id, ExtensionRequest.status == RequestStatus.PENDING.value
    )
    return session.scalar(query)


def _one_pending_only() -> ConflictError:
    return ConflictError(
        "ข้อสั่งการนี้มีคำขอขยายเวลาที่รอพิจารณาอยู่แล้ว — รอผลก่อนยื่นคำขอใหม่",
        "An extension request is already pending for this directive",
    )


def check_request(
    requested_due_on: date | None, current_due_on: date | None, issued_on: date, reason: str | None, today: date
) -> None:
    """The domain rules (a later date than the current due date, a reason) and one that needs
    today: a date already past is refused — the directive would be overdue the day it is approved.
    Today itself is allowed (finish today)."""
    problems: list[FieldProblem] = []
    if requested_due_on is not None and requested_due_on < today:
        problems.append(
            FieldProblem(
                "requested_due_on",
                f"วันที่ขอขยายเวลาถึง ({medium_date(requested_due_on, thai_digits=False)}) ผ่านมาแล้ว — "
                f"ต้องเป็นวันนี้ ({medium_date(today, thai_digits=False)}) หรือหลังจากนี้",
                "The requested due date is already past: it must be today or later",
            )
        )
    try:
        check_extension(requested_due_on, current_due_on, issued_on, reason)
    except ValidationError as error:
        # one message per field: "already past" says more than "not after the current due date"
        problems += [p for p in error.problems if not (problems and p.field == "requested_due_on")]
    if problems:
        raise ValidationError(problems)


def request_extension(
    db: Database,
    actor: Actor,
    directive_id: int,
    requested_due_on: date | None,
    reason: str,
    today: date | None = None,
) -> DirectiveDetail:
    today = today or date.today()
    try:
        with db.unit_of_work() as session:
            directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
            require_assignee(session, actor, directive.assignments, today, "ขอขยายเวลาข้อสั่งการ")
            require_open(DirectiveState(directive.state), "ขอขยายเวลา")
            current = effective_due(directive.due_on, directive.extended_due_on)
            check_request(requested_due_on, current, directive.issued_on, reason, today)
            if _pending(session, directive.id) is not None:
                raise _one_pending_only()
            assert requested_due_on is not None  # check_request refused None
            row = ExtensionRequest(
                directive_id=directive.id,
                requested_by_id=actor.user_id,
                original_due_on=current,
                requested_due_on=requested_due_on,
                reason=clean_required(reason),
                status=RequestStatus.PENDING.value,
            )
            add_row(session, actor, row)
            return build_detail(session, directive, today)
    except ConflictError as error:
        # another office asked at the same moment: the partial unique index refused the second row
        if isinstance(error.__cause__, IntegrityError):
            raise _one_pending_only() from error
        raise


def _decide(
    db: Database,
    actor: Actor,
    request_id: int,
    approve: bool,
    note: str | None,
    expected_version: int | None,
    today: date,
) -> DirectiveDetail:
    require(actor, ISSUER_SIDE, "อนุมัติหรือไม่อนุมัติการขยายเวลา")
    with db.unit_of_work() as session:
        row = get_as_seen(session, ExtensionRequest, request_id, expected_version, "คำขอขยายเวลา")
        require_pending(RequestStatus(row.status), "คำขอขยายเวลา")
        directive = get_or_raise(session, Directive, row.directive_id, "ข้อสั่งการ")
        before = snapshot(row)
        record_decision(row, actor, RequestStatus.APPROVED if approve else RequestStatus.REJECTED, note)
        audit(session, actor, "update", row, before)
        if approve:
            require_open(DirectiveState(directive.state), "ขยายเวลา")
            change_row(
                session,
                actor,
                directive,
                extended_due_on=row.requested_due_on,  # due_on stays the original
            )
        return build_detail(session, directive, today)


def approve_extension(
    db: Database,
    actor: Actor,
    request_id: int,
    note: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """Secretary/admin only; the new date becomes the effective due date at once."""
    return _decide(db, actor, request_id, True, note, expected_version, today or date.today())


def reject_extension(
    db: Database,
    actor: Actor,
    request_id: int,
    note: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """A rejection says why, so the office knows what to do next."""
    require(actor, ISSUER_SIDE, "อนุมัติหรือไม่อนุมัติการขยายเวลา")
    check_reason(note, "decision_note", "เหตุผลที่ไม่อนุมัติ", "Reason for the rejection")
    return _decide(db, actor, request_id, False, note, expected_version, today or date.today())
