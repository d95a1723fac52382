from datetime import date

import pytest

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState
from sbpac_desktop.domain.errors import ConflictError, NotFound, ValidationError
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveFilter, DirectiveInput
from tests.services.helpers import meeting, post, series

ISSUED = date(2019, 10, 22)
AS_OF = date(2020, 2, 15)


def create(ctx, text="ให้จัดทำแผนการปฏิบัติงาน", issued=ISSUED, due=date(2019, 12, 31), assignments=(), **kw):
    return directives.create_directive(
        ctx.db, ctx.actor, DirectiveInput(text, issued, tuple(assignments), due_on=due, **kw), today=AS_OF
    )


def test_numbers_run_per_fiscal_year(ctx):
    pid = post(ctx)
    first = create(ctx, assignments=[AssignmentInput(position_id=pid)])
    second = create(ctx, assignments=[AssignmentInput(position_id=pid)])
    # 30 Sep 2019 is FY2562; 1 Oct 2019 starts FY2563 at 001 again
    earlier = create(ctx, issued=date(2019, 9, 30), due=None, no_due_reason="ดำเนินการต่อเนื่อง")
    assert [d.row.number_text() for d in (first, second, earlier)] == ["ขส. ๐๐๑/๒๕๖๓", "ขส. ๐๐๒/๒๕๖๓", "ขส. ๐๐๑/๒๕๖๒"]


def test_due_before_issue_is_refused(ctx):
    with pytest.raises(ValidationError, match="กำหนดแล้วเสร็จต้องไม่ก่อนวันที่สั่งการ"):
        create(ctx, due=date(2019, 10, 1))
    assert directives.list_directives(ctx.db, ctx.actor) == []


def test_unknown_assignee_is_refused_and_nothing_written(ctx):
    with pytest.raises(ValidationError, match="ไม่พบตำแหน่งผู้รับผิดชอบ"):
        create(ctx, assignments=[AssignmentInput(position_id=9999)])
    with pytest.raises(ValidationError, match="ไม่พบหน่วยงานผู้รับผิดชอบ"):
        create(ctx, assignments=[AssignmentInput(org_unit_id=9999)])
    assert directives.list_directives(ctx.db, ctx.actor) == []


def test_assignment_needs_exactly_one_target_and_one_lead(ctx):
    pid = post(ctx)
    with pytest.raises(ValidationError, match="ตำแหน่งหรือหน่วยงานอย่างใดอย่างหนึ่ง"):
        create(ctx, assignments=[AssignmentInput()])
    other = post(ctx, "กรมบัญชีกลาง", "ผช.(บก.)")
    with pytest.raises(ValidationError, match="ผู้รับผิดชอบหลักมีได้เพียงหนึ่งราย"):
        create(ctx, assignments=[AssignmentInput(position_id=pid), AssignmentInput(position_id=other)])


def test_empty_text_refused(ctx):
    with pytest.raises(ValidationError, match="กรุณากรอกข้อความข้อสั่งการ"):
        create(ctx, text=" \n ")


def test_duplicate_number_refused(ctx):
    create(ctx, seq=5)
    with pytest.raises(ValidationError, match=r"ขส\. 005/2563 มีอยู่แล้ว"):
        create(ctx, seq=5)


def test_derived_status_and_filters(ctx):
    lead, support = post(ctx), post(ctx, "กรมบัญชีกลาง", "ผช.(บก.)")
    late = create(
        ctx,
        assignments=[
            AssignmentInput(position_id=lead),
            AssignmentInput(position_id=support, role=AssignmentRole.SUPPORT),
        ],
    )
    create(ctx, due=date(2020, 9, 30), assignments=[AssignmentInput(position_id=support)])
    progress.add_progress(
        ctx.db,
        ctx.actor,
        progress.ProgressInput(late.assignments[0].id, date(2020, 1, 10), 60, "ยกร่างตัวชี้วัดครบ ๖ มิติ"),
        today=AS_OF,
    )
    rows = directives.list_directives(ctx.db, ctx.actor, today=AS_OF)
    assert [(r.status.key, r.latest_percent) for r in rows] == [("overdue", 60), ("not_started", None)]
    assert rows[0].status.label == "เกินกำหนด (ล่าช้า 46 วัน)"
    assert rows[0].lead_label == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"
    overdue = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(status="overdue"), today=AS_OF)
    assert [r.id for r in overdue] == [late.row.id]
    by_assignee = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(assignee="บัญชีกลาง"), today=AS_OF)
    assert len(by_assignee) == 2  # support on the first, lead on the second
    assert directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(fiscal_year=2562)) == []


def test_extension_changes_derived_status(ctx):
    pid = post(ctx)
    d = create(ctx, assignments=[AssignmentInput(position_id=pid)])
    data = DirectiveInput(
        d.row.text,
        ISSUED,
        (AssignmentInput(position_id=pid),),
        due_on=date(2019, 12, 31),
        extended_due_on=date(2020, 2, 28),
    )
    updated = directives.update_directive(ctx.db, ctx.actor, d.row.id, d.row.version, data, today=AS_OF)
    assert updated.row.status.key == "not_started" and updated.row.status.days == 13
    assert updated.row.due_on == date(2019, 12, 31)  # the original date is kept


def test_stale_version_is_a_conflict_not_an_overwrite(ctx):
    pid = post(ctx)
    d = create(ctx, assignments=[AssignmentInput(position_id=pid)])
    data = DirectiveInput("ข้อความใหม่", ISSUED, (AssignmentInput(position_id=pid),), due_on=date(2019, 12, 31))
    directives.update_directive(ctx.db, ctx.actor, d.row.id, d.row.version, data)
    with pytest.raises(ConflictError, match="ถูกแก้ไขโดยผู้อื่นแล้ว"):
        directives.update_directive(
            ctx.db,
            ctx.actor,
            d.row.id,
            d.row.version,
            DirectiveInput("ข้อความของฉัน", ISSUED, (AssignmentInput(position_id=pid),), due_on=date(2019, 12, 31)),
        )
    assert directives.get_directive(ctx.db, ctx.actor, d.row.id).row.text == "ข้อความใหม่"


def test_assignments_that_stay_keep_their_reports(ctx):
    a, b = post(ctx), post(ctx, "กรมบัญชีกลาง", "ผช.(บก.)")
    d = create(ctx, assignments=[AssignmentInput(position_id=a)])
    progress.add_progress(ctx.db, ctx.actor, progress.ProgressInput(d.assignments[0].id, ISSUED, 30, "เริ่มแล้ว"))
    data = DirectiveInput(
        d.row.text,
        ISSUED,
        (AssignmentInput(position_id=a), AssignmentInput(position_id=b, role=AssignmentRole.SUPPORT)),
        due_on=date(2019, 12, 31),
    )
    updated = directives.update_directive(ctx.db, ctx.actor, d.row.id, d.row.version, data)
    assert len(updated.assignments) == 2 and len(updated.reports) == 1


def test_close_and_cancel(ctx):
    d = create(ctx)
    closed = directives.set_state(ctx.db, ctx.actor, d.row.id, DirectiveState.CLOSED, on=date(2020, 1, 5), today=AS_OF)
    assert closed.row.status.key == "done" and closed.closed_on == date(2020, 1, 5)
    cancelled = directives.set_state(ctx.db, ctx.actor, d.row.id, DirectiveState.CANCELLED, today=AS_OF)
    assert cancelled.row.status.key == "cancelled" and cancelled.closed_on is None


def test_directive_from_an_agenda_item_of_another_meeting_is_refused(ctx):
    from sbpac_desktop.services.meetings import agenda

    sid = series(ctx)
    m1, m2 = meeting(ctx, sid, date(2019, 9, 24)), meeting(ctx, sid, date(2019, 10, 22))
    item = agenda.add_item(ctx.db, ctx.actor, m1.id, agenda.AgendaItemInput(4, "เรื่อง"))
    with pytest.raises(ValidationError, match="ไม่ได้อยู่ในการประชุมนี้"):
        create(ctx, meeting_id=m2.id, agenda_item_id=item.id)


def test_unknown_directive(ctx):
    with pytest.raises(NotFound, match="ไม่พบข้อสั่งการ"):
        directives.get_directive(ctx.db, ctx.actor, 424242)


@pytest.mark.parametrize("percent", [-1, 101, 120])
def test_percent_outside_range(ctx, percent):
    d = create(ctx, assignments=[AssignmentInput(position_id=post(ctx))])
    with pytest.raises(ValidationError, match="ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100"):
        progress.add_progress(ctx.db, ctx.actor, progress.ProgressInput(d.assignments[0].id, ISSUED, percent, "ผล"))
    assert directives.get_directive(ctx.db, ctx.actor, d.row.id).reports == ()


def test_report_before_issue_date_refused(ctx):
    d = create(ctx, assignments=[AssignmentInput(position_id=post(ctx))])
    with pytest.raises(ValidationError, match="วันที่รายงานต้องไม่ก่อนวันที่สั่งการ"):
        progress.add_progress(
            ctx.db, ctx.actor, progress.ProgressInput(d.assignments[0].id, date(2019, 1, 1), 10, "ผล")
        )


def test_unknown_assignment_for_progress(ctx):
    with pytest.raises(NotFound, match="ไม่พบการมอบหมาย"):
        progress.add_progress(ctx.db, ctx.actor, progress.ProgressInput(999, ISSUED, 10, "ผล"))


def test_database_rejects_a_second_lead_target_written_behind_the_services(ctx):
    """The CHECK constraint backs the service rule, so a bad row cannot enter another way."""
    from sqlalchemy import text

    d = create(ctx)
    with pytest.raises(ConflictError), ctx.db.unit_of_work() as session:
        session.execute(
            text(
                "INSERT INTO assignment (directive_id, position_id, org_unit_id, role, version, created_at, updated_at)"
                " VALUES (:d, NULL, NULL, 'lead', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"d": d.row.id},
        )
