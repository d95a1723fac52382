"""Closing a directive (issue #5): an assignee cannot close it alone.

An officer asks for closure (typically after reporting 100 %); the directive is closed only
when the issuer's side (secretary, admin) acknowledges it, directly or as recorded at a
meeting. A closure acknowledged at a meeting prints in that meeting's minutes under the
follow-up item: 'ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. 003/2563' (closure_lines.py,
read over the Core tables).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ConflictError
from sbpac_desktop.domain.workflow import (
    RequestStatus,
    check_closing_date,
    check_reason,
    require_open,
    require_pending,
)
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.closure_lines import MEETING_CLOSURE_TEXT as MEETING_CLOSURE_TEXT  # re-exported
from sbpac_desktop.services.directives.closure_lines import attach_closures as attach_closures
from sbpac_desktop.services.directives.closure_lines import meeting_closure_lines as meeting_closure_lines
from sbpac_desktop.services.directives.directive_views import DirectiveDetail, build_detail
from sbpac_desktop.services.directives.request_views import ClosureView as ClosureView  # re-exported
from sbpac_desktop.services.directives.request_views import closure_views as closure_views
from sbpac_desktop.services.directives.requests import record_decision
from sbpac_desktop.services.permissions import ISSUER_SIDE, require, require_assignee
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import ClosureRequest, Directive, Meeting
from sbpac_desktop.thai.normalize import clean


def _pending(session: Session, directive_id: int) -> ClosureRequest | None:
    query = select(ClosureRequest).where(
        ClosureRequest.directive_id == directive_id, ClosureRequest.status == RequestStatus.PENDING.value
    )
    return session.scalar(query.order_by(ClosureRequest.id.desc()).limit(1))


def request_closure(
    db: Database, actor: Actor, directive_id: int, note: str | None = None, today: date | None = None
) -> DirectiveDetail:
    """An assignee reports the work finished and asks the issuer's side to close the directive."""
    today = today or date.today()
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        require_assignee(session, actor, directive.assignments, today, "ขอปิดข้อสั่งการ")
        require_open(DirectiveState(directive.state), "ขอปิดเรื่อง")
        if _pending(session, directive.id) is not None:
            raise ConflictError(
                "ข้อสั่งการนี้มีคำขอปิดเรื่องที่รอรับทราบอยู่แล้ว",
                "A closure request is already pending for this directive",
            )
        row = ClosureRequest(
            directive_id=directive.id,
            requested_by_id=actor.user_id,
            note=clean(note),
            status=RequestStatus.PENDING.value,
        )
        add_row(session, actor, row)
        return build_detail(session, directive, today)


def acknowledge_closure(
    db: Database,
    actor: Actor,
    directive_id: int,
    *,
    on: date | None = None,
    meeting_id: int | None = None,
    note: str | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """Secretary/admin closes the directive, answering a pending request if there is one.
    With `meeting_id` the acknowledgement is recorded as made at that meeting (closing date =
    the meeting's date unless `on` says otherwise) and prints in its minutes."""
    require(actor, ISSUER_SIDE, "รับทราบและปิดข้อสั่งการ")
    today = today or date.today()
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        require_open(DirectiveState(directive.state), "ปิดเรื่อง")
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม") if meeting_id is not None else None
        if meeting is not None:
            ensure_meeting_editable(meeting)  # the line goes into its minutes
        closed_on = on or (meeting.meeting_date if meeting else today)
        check_closing_date(closed_on, directive.issued_on)
        row = _pending(session, directive.id)
        before_row = snapshot(row) if row is not None else None
        if row is None:  # the secretariat closes without a request: the record still says who and when
            row = ClosureRequest(directive_id=directive.id, requested_by_id=actor.user_id)
            session.add(row)
        record_decision(row, actor, RequestStatus.APPROVED, note)
        row.decided_on = closed_on
        row.meeting_id = meeting.id if meeting else None
        audit(session, actor, "update" if before_row else "create", row, before_row)
        change_row(
            session,
            actor,
            directive,
            state=DirectiveState.CLOSED.value,
            closed_on=closed_on,
            blocked_reason=None,
            blocked_on=None,
        )
        return build_detail(session, directive, today)


def decline_closure(
    db: Database,
    actor: Actor,
    request_id: int,
    note: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """The issuer's side does not close yet and says why; the directive stays open."""
    require(actor, ISSUER_SIDE, "พิจารณาคำขอปิดเรื่อง")
    check_reason(note, "decision_note", "เหตุผลที่ยังไม่ให้ปิดเรื่อง", "Reason")
    with db.unit_of_work() as session:
        row = get_or_raise(session, ClosureRequest, request_id, "คำขอปิดเรื่อง")
        require_pending(RequestStatus(row.status), "คำขอปิดเรื่อง")
        if expected_version is not None and row.version != expected_version:
            raise ConflictError("คำขอปิดเรื่องนี้ถูกแก้ไขแล้ว — โปรดโหลดใหม่", "Closure request changed; reload it")
        before = snapshot(row)
        record_decision(row, actor, RequestStatus.REJECTED, note)
        audit(session, actor, "update", row, before)
        directive = get_or_raise(session, Directive, row.directive_id, "ข้อสั่งการ")
        return build_detail(session, directive, today or date.today())
