"""A directive has a due date or an explicit "ไม่กำหนด" with its reason, on create and on edit;
an extension to a date already past is refused. SQLite and PostgreSQL, nothing written on refusal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.directives import directives, extensions
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.directives.workflow import get_workflow
from tests.services.workflow_helpers import AS_OF, DUE, ISSUED, directive, officer_with_post

NEITHER = "กรุณากำหนดวันแล้วเสร็จ หรือเลือก “ไม่กำหนด” พร้อมระบุเหตุผล"
BOTH = "ข้อสั่งการที่มีกำหนดแล้วเสร็จไม่ต้องระบุเหตุผลที่ไม่กำหนด"


def _input(post_id: int, **kw) -> DirectiveInput:
    return DirectiveInput("ให้ติดตามผลอย่างต่อเนื่อง", ISSUED, (AssignmentInput(position_id=post_id),), **kw)


def _count(ctx) -> int:
    return len(directives.list_directives(ctx.db, ctx.actor, today=AS_OF))


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({}, "due_on", NEITHER),
        ({"no_due_reason": "   "}, "due_on", NEITHER),
        ({"due_on": DUE, "no_due_reason": "ต่อเนื่อง"}, "no_due_reason", BOTH),
        ({"no_due_reason": "ก" * 501}, "no_due_reason", "เหตุผลที่ไม่กำหนดวันแล้วเสร็จยาวเกิน 500 ตัวอักษร"),
    ],
)
def test_create_refuses_a_missing_or_double_due_choice(ctx, kw, field, message):
    _, post_id, _ = officer_with_post(ctx)
    with pytest.raises(ValidationError) as caught:
        directives.create_directive(ctx.db, ctx.actor, _input(post_id, **kw), today=AS_OF)
    assert [p.field for p in caught.value.problems] == [field]
    assert message in caught.value.message_th
    assert _count(ctx) == 0


def test_no_due_date_with_a_reason_is_stored_and_shown(ctx):
    _, post_id, _ = officer_with_post(ctx)
    made = directives.create_directive(
        ctx.db, ctx.actor, _input(post_id, no_due_reason="  ดำเนินการต่อเนื่องตลอดปี "), today=AS_OF
    )
    assert made.row.due_on is None and made.no_due_reason == "ดำเนินการต่อเนื่องตลอดปี"
    # giving it a date later drops the reason (the form sends none; the service keeps them exclusive)
    dated = directives.update_directive(
        ctx.db, ctx.actor, made.row.id, made.row.version, _input(post_id, due_on=DUE), today=AS_OF
    )
    assert (dated.row.due_on, dated.no_due_reason) == (DUE, None)


def test_edit_refuses_removing_the_date_without_a_reason(ctx):
    _, post_id, _ = officer_with_post(ctx)
    made = directive(ctx, post_id)
    data = replace(_input(post_id, due_on=DUE), due_on=None)
    with pytest.raises(ValidationError, match=NEITHER):
        directives.update_directive(ctx.db, ctx.actor, made.row.id, made.row.version, data, today=AS_OF)
    with pytest.raises(ValidationError, match=BOTH):
        directives.update_directive(
            ctx.db, ctx.actor, made.row.id, made.row.version, _input(post_id, due_on=DUE, no_due_reason="x")
        )
    stored = directives.get_directive(ctx.db, ctx.actor, made.row.id, today=AS_OF)
    assert (stored.row.version, stored.row.due_on, stored.no_due_reason) == (made.row.version, DUE, None)


# --- extensions -----------------------------------------------------------------------------
def test_extension_to_a_date_already_past_is_refused(ctx):
    officer, post_id, _ = officer_with_post(ctx)
    made = directive(ctx, post_id, due=date(2020, 1, 10))  # overdue on AS_OF (20 Jan 2020)
    with pytest.raises(ValidationError) as caught:
        extensions.request_extension(ctx.db, officer, made.row.id, date(2020, 1, 15), "รอผลการจัดซื้อ", today=AS_OF)
    assert [p.field for p in caught.value.problems] == ["requested_due_on"]
    assert caught.value.message_th == (
        "วันที่ขอขยายเวลาถึง (15 ม.ค. 2563) ผ่านมาแล้ว — ต้องเป็นวันนี้ (20 ม.ค. 2563) หรือหลังจากนี้"
    )
    assert get_workflow(ctx.db, officer, made.row.id).pending_extension is None
    # today itself is allowed: the work ends today
    extensions.request_extension(ctx.db, officer, made.row.id, AS_OF, "เสร็จวันนี้", today=AS_OF)
    assert get_workflow(ctx.db, officer, made.row.id).pending_extension is not None


def test_past_date_and_missing_reason_are_both_reported(ctx):
    officer, post_id, _ = officer_with_post(ctx)
    made = directive(ctx, post_id, due=date(2020, 1, 10))
    with pytest.raises(ValidationError) as caught:
        extensions.request_extension(ctx.db, officer, made.row.id, date(2019, 12, 1), " ", today=AS_OF)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["requested_due_on", "reason"]  # one message for the date: "already past"
    assert "ผ่านมาแล้ว" in caught.value.message_th


def test_a_future_date_must_still_be_after_the_current_due_date(ctx):
    officer, post_id, _ = officer_with_post(ctx)
    made = directive(ctx, post_id)  # due 31 Jan 2020, not yet past on AS_OF
    with pytest.raises(ValidationError, match="วันที่ขอขยายเวลาต้องหลังกำหนดแล้วเสร็จปัจจุบัน"):
        extensions.request_extension(ctx.db, officer, made.row.id, date(2020, 1, 25), "เหตุผล", today=AS_OF)
    extensions.request_extension(ctx.db, officer, made.row.id, date(2020, 2, 29), "เหตุผล", today=AS_OF)
