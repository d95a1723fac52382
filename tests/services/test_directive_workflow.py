"""Blocked needs a reason; extensions take effect on approval; closure needs the issuer's side."""

from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.directives import blocking, closure, directives, extensions, progress
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.directives.workflow import get_workflow
from sbpac_desktop.store.models import AuditEntry, ExtensionRequest
from tests.services.helpers import meeting, series
from tests.services.workflow_helpers import AS_OF, DUE, directive, officer_with_post


def _audit_count(ctx, entity: str) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == entity))


def test_block_needs_a_reason_and_shows_everywhere(ctx):
    officer, pid, _secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    with pytest.raises(ValidationError, match="กรุณากรอกเหตุที่ติดขัด") as caught:
        blocking.block(ctx.db, officer, d.row.id, "   ", today=AS_OF)
    assert caught.value.problems[0].field == "reason"
    before = _audit_count(ctx, "directive")
    blocked = blocking.block(ctx.db, officer, d.row.id, "รอการจัดสรรงบประมาณ", today=date(2020, 1, 1))
    assert blocked.row.status.key == "blocked"
    assert blocked.row.status.label == "ติดขัด: รอการจัดสรรงบประมาณ (เหลือ 30 วัน)"
    assert _audit_count(ctx, "directive") == before + 1
    rows = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(status="blocked"), today=date(2020, 1, 1))
    assert [r.id for r in rows] == [d.row.id]
    # once late, overdue wins the key (escalation still sees it) but the label keeps the reason
    late = directives.get_directive(ctx.db, ctx.actor, d.row.id, today=date(2020, 2, 5))
    assert late.row.status.key == "overdue"
    assert late.row.status.label == "เกินกำหนด (ล่าช้า 5 วัน) — ติดขัด: รอการจัดสรรงบประมาณ"
    view = get_workflow(ctx.db, officer, d.row.id, today=AS_OF)
    assert (view.blocked_reason, view.blocked_on, view.can_act, view.can_decide) == (
        "รอการจัดสรรงบประมาณ",
        date(2020, 1, 1),
        True,
        False,
    )
    cleared = blocking.unblock(ctx.db, officer, d.row.id, today=AS_OF)
    assert cleared.row.status.key == "not_started"
    assert get_workflow(ctx.db, officer, d.row.id).blocked_reason is None


def test_stale_block_is_a_conflict(ctx):
    officer, pid, _ = officer_with_post(ctx)
    d = directive(ctx, pid)
    blocking.block(ctx.db, officer, d.row.id, "รอผลการประชุมจังหวัด", expected_version=d.row.version, today=AS_OF)
    with pytest.raises(ConflictError):
        blocking.unblock(ctx.db, officer, d.row.id, expected_version=d.row.version, today=AS_OF)


def test_extension_takes_effect_only_when_approved(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    asked = extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 3, 31), "รอผลการจัดซื้อ", today=AS_OF)
    assert asked.row.effective_due == DUE  # nothing changes while pending
    pending = get_workflow(ctx.db, officer, d.row.id).pending_extension
    assert pending is not None and pending.original_due_on == DUE
    assert pending.change_text() == "ขยายเวลาจาก 31 ม.ค. 2563 เป็น 31 มี.ค. 2563"
    with pytest.raises(PermissionDenied):
        extensions.approve_extension(ctx.db, officer, pending.id, today=AS_OF)
    approved = extensions.approve_extension(ctx.db, secretary, pending.id, "อนุมัติตามเสนอ", today=date(2020, 2, 5))
    assert (approved.row.due_on, approved.row.extended_due_on) == (DUE, date(2020, 3, 31))
    assert approved.row.status.key == "in_progress" or approved.row.status.key == "not_started"
    assert approved.row.status.deadline.value == "on_track"
    view = get_workflow(ctx.db, secretary, d.row.id)
    assert [e.status for e in view.extensions] == [RequestStatus.APPROVED]
    assert view.extensions[0].decided_by == "ผู้ใช้ sec_somchai"
    # a second extension starts from the extended date, and must go beyond it
    with pytest.raises(ValidationError, match="ต้องหลังกำหนดแล้วเสร็จปัจจุบัน"):
        extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 3, 31), "ขออีกครั้ง", today=AS_OF)
    extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 4, 30), "ขออีกครั้ง", today=AS_OF)
    second = get_workflow(ctx.db, officer, d.row.id).pending_extension
    assert second.change_text() == "ขยายเวลาจาก 31 มี.ค. 2563 เป็น 30 เม.ย. 2563"


def test_extension_bad_input(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    with pytest.raises(ValidationError) as caught:
        extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 1, 31), "", today=AS_OF)
    assert {p.field for p in caught.value.problems} == {"requested_due_on", "reason"}
    with pytest.raises(ValidationError, match="กรุณาระบุวันที่ขอขยายเวลาถึง"):
        extensions.request_extension(ctx.db, officer, d.row.id, None, "เหตุผล", today=AS_OF)
    extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 2, 29), "เหตุผล", today=AS_OF)
    with pytest.raises(ConflictError, match="มีคำขอขยายเวลาที่รอพิจารณาอยู่แล้ว"):
        extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 3, 29), "อีกเรื่อง", today=AS_OF)
    pending = get_workflow(ctx.db, officer, d.row.id).pending_extension
    with pytest.raises(ValidationError, match="กรุณากรอกเหตุผลที่ไม่อนุมัติ"):
        extensions.reject_extension(ctx.db, secretary, pending.id, " ", today=AS_OF)
    rejected = extensions.reject_extension(ctx.db, secretary, pending.id, "ให้เร่งรัดภายในกำหนดเดิม", today=AS_OF)
    assert rejected.row.extended_due_on is None
    with pytest.raises(ConflictError, match="ได้รับการพิจารณาแล้ว"):
        extensions.approve_extension(ctx.db, secretary, pending.id, today=AS_OF)
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(ExtensionRequest)) == 1


def test_one_pending_extension_enforced_by_the_database(ctx):
    """Two offices asking at once: the partial unique index refuses the second pending row."""
    officer, pid, _ = officer_with_post(ctx)
    d = directive(ctx, pid)
    extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 2, 29), "เหตุผล", today=AS_OF)
    with pytest.raises(ConflictError), ctx.db.unit_of_work() as session:
        session.add(
            ExtensionRequest(directive_id=d.row.id, requested_due_on=date(2020, 3, 1), reason="ซ้ำ", status="pending")
        )
        session.flush()


def test_closed_directive_takes_no_requests(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    closure.acknowledge_closure(ctx.db, secretary, d.row.id, on=date(2020, 1, 15), today=AS_OF)
    with pytest.raises(ConflictError, match="ปิดเรื่องแล้ว จึงขอขยายเวลาไม่ได้"):
        extensions.request_extension(ctx.db, officer, d.row.id, date(2020, 3, 1), "เหตุผล", today=AS_OF)
    with pytest.raises(ConflictError, match="จึงแจ้งติดขัดไม่ได้"):
        blocking.block(ctx.db, officer, d.row.id, "เหตุผล", today=AS_OF)
    with pytest.raises(ConflictError, match="จึงขอปิดเรื่องไม่ได้"):
        closure.request_closure(ctx.db, officer, d.row.id, today=AS_OF)


def test_officer_cannot_close_alone(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    progress.add_progress(
        ctx.db, officer, progress.ProgressInput(d.assignments[0].id, date(2020, 1, 10), 100, "แล้วเสร็จ"), AS_OF
    )
    with pytest.raises(PermissionDenied):
        directives.set_state(ctx.db, officer, d.row.id, DirectiveState.CLOSED, today=AS_OF)
    with pytest.raises(PermissionDenied):
        closure.acknowledge_closure(ctx.db, officer, d.row.id, today=AS_OF)
    asked = closure.request_closure(ctx.db, officer, d.row.id, "รายงานผลครบถ้วนแล้ว", today=AS_OF)
    assert asked.row.state is DirectiveState.OPEN
    with pytest.raises(ConflictError, match="มีคำขอปิดเรื่องที่รอรับทราบอยู่แล้ว"):
        closure.request_closure(ctx.db, officer, d.row.id, today=AS_OF)
    pending = get_workflow(ctx.db, secretary, d.row.id).pending_closure
    assert pending is not None and pending.note == "รายงานผลครบถ้วนแล้ว"
    closed = closure.acknowledge_closure(ctx.db, secretary, d.row.id, on=date(2020, 1, 18), today=AS_OF)
    assert (closed.row.state, closed.closed_on) == (DirectiveState.CLOSED, date(2020, 1, 18))
    view = get_workflow(ctx.db, secretary, d.row.id)
    assert [c.status for c in view.closures] == [RequestStatus.APPROVED]
    assert view.closures[0].id == pending.id  # the request itself was answered


def test_decline_closure_keeps_it_open(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    closure.request_closure(ctx.db, officer, d.row.id, today=AS_OF)
    pending = get_workflow(ctx.db, secretary, d.row.id).pending_closure
    with pytest.raises(ValidationError, match="กรุณากรอกเหตุผลที่ยังไม่ให้ปิดเรื่อง"):
        closure.decline_closure(ctx.db, secretary, pending.id, "")
    declined = closure.decline_closure(ctx.db, secretary, pending.id, "ขอหลักฐานการเบิกจ่ายเพิ่มเติม", today=AS_OF)
    assert declined.row.state is DirectiveState.OPEN
    assert get_workflow(ctx.db, officer, d.row.id).pending_closure is None
    closure.request_closure(ctx.db, officer, d.row.id, today=AS_OF)  # may ask again


def test_closure_at_a_meeting_is_recorded_with_the_meeting(ctx):
    officer, pid, secretary = officer_with_post(ctx)
    sid = series(ctx)
    later = meeting(ctx, sid, date(2020, 1, 28))
    d = directive(ctx, pid)
    closure.request_closure(ctx.db, officer, d.row.id, today=AS_OF)
    closed = closure.acknowledge_closure(ctx.db, secretary, d.row.id, meeting_id=later.id, today=AS_OF)
    assert closed.closed_on == date(2020, 1, 28)
    view = get_workflow(ctx.db, secretary, d.row.id)
    assert view.closures[-1].meeting_id == later.id
    assert view.closures[-1].status_label == f"รับทราบและปิดเรื่องแล้ว (ที่ประชุมครั้งที่ {later.number_text(False)})"
    with ctx.db.unit_of_work() as session:
        lines = closure.meeting_closure_lines(session, later.id)
    assert lines == ((d.row.id, "ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. 001/2563"),)


def test_closing_before_issue_is_refused_and_nothing_written(ctx):
    _officer, pid, secretary = officer_with_post(ctx)
    d = directive(ctx, pid)
    with pytest.raises(ValidationError, match="วันที่ปิดเรื่องต้องไม่ก่อนวันที่สั่งการ"):
        closure.acknowledge_closure(ctx.db, secretary, d.row.id, on=date(2019, 1, 1), today=AS_OF)
    assert directives.get_directive(ctx.db, secretary, d.row.id).row.state is DirectiveState.OPEN
    assert get_workflow(ctx.db, secretary, d.row.id).closures == ()
