"""An officer acts only for the posts their person holds today (or those posts' units)."""

from datetime import date

import pytest

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services.directives import blocking, closure, extensions, progress
from sbpac_desktop.services.directives.reminders import reminders
from sbpac_desktop.services.directives.workflow import get_workflow
from sbpac_desktop.services.permissions import held_posts
from tests.services.helpers import person
from tests.services.workflow_helpers import AS_OF, directive, hold, officer_with_post, post, user


def _report(ctx, actor, assignment_id, percent=40):
    data = progress.ProgressInput(assignment_id, date(2020, 1, 10), percent, "ดำเนินการแล้วบางส่วน")
    return progress.add_progress(ctx.db, actor, data, today=AS_OF)


def test_officer_acts_on_own_post_only(ctx):
    officer, own_post, _ = officer_with_post(ctx)
    other_post = post(ctx, "กรมบัญชีกลาง", "ผช.(บก.)")
    mine, theirs = directive(ctx, own_post), directive(ctx, other_post)
    assert _report(ctx, officer, mine.assignments[0].id).row.latest_percent == 40
    actions = (
        lambda: _report(ctx, officer, theirs.assignments[0].id),
        lambda: blocking.block(ctx.db, officer, theirs.row.id, "ติดขัด", today=AS_OF),
        lambda: extensions.request_extension(ctx.db, officer, theirs.row.id, date(2020, 3, 1), "เหตุผล", today=AS_OF),
        lambda: closure.request_closure(ctx.db, officer, theirs.row.id, today=AS_OF),
    )
    for action in actions:
        with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่งที่รับผิดชอบข้อสั่งการนี้"):
            action()
    assert get_workflow(ctx.db, officer, theirs.row.id).can_act is False
    assert get_workflow(ctx.db, officer, mine.row.id).can_act is True


def test_term_that_ended_gives_no_rights(ctx):
    position_id = post(ctx)
    someone = person(ctx, "วิชัย", "เคยดำรง")
    hold(ctx, someone, position_id, start=date(2018, 1, 1), end=date(2019, 12, 31))
    former = user(ctx, "wichai", UserRole.OFFICER, someone)
    d = directive(ctx, position_id)
    with ctx.db.unit_of_work() as session:
        assert held_posts(session, former.user_id, date(2019, 12, 1))[0] == {position_id}
        assert held_posts(session, former.user_id, AS_OF) == (frozenset(), frozenset())
    with pytest.raises(PermissionDenied):
        _report(ctx, former, d.assignments[0].id)


def test_unit_assignment_reaches_the_holders_of_its_posts(ctx):
    officer, _post, _ = officer_with_post(ctx)
    with ctx.db.unit_of_work() as session:
        unit_id = held_posts(session, officer.user_id, AS_OF)[1]
    (unit,) = unit_id
    d = directive(ctx, org_unit_id=unit)
    blocked = blocking.block(ctx.db, officer, d.row.id, "รอข้อมูลจากจังหวัด", today=AS_OF)
    assert blocked.row.status.blocked


def test_user_without_person_and_viewer_are_refused(ctx):
    _officer, own_post, _ = officer_with_post(ctx)
    d = directive(ctx, own_post)
    loose = user(ctx, "noperson", UserRole.OFFICER)
    viewer = user(ctx, "reader", UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        closure.request_closure(ctx.db, loose, d.row.id, today=AS_OF)
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์"):
        _report(ctx, viewer, d.assignments[0].id)


def test_secretary_acts_on_every_directive(ctx):
    _officer, own_post, secretary = officer_with_post(ctx)
    d = directive(ctx, own_post)
    assert _report(ctx, secretary, d.assignments[0].id, 60).row.latest_percent == 60
    assert get_workflow(ctx.db, secretary, d.row.id).can_decide


def test_reminders_for_own_posts_and_for_the_secretariat(ctx):
    officer, own_post, secretary = officer_with_post(ctx)
    other_post = post(ctx, "กรมบัญชีกลาง", "ผช.(บก.)")
    late_mine = directive(ctx, own_post, due=date(2020, 1, 10))
    soon_mine = directive(ctx, own_post, due=date(2020, 1, 25))
    directive(ctx, own_post, due=date(2020, 6, 30))  # on track: no reminder
    late_theirs = directive(ctx, other_post, due=date(2020, 1, 5))
    mine = reminders(ctx.db, officer, AS_OF)
    assert [r.id for r in mine.overdue] == [late_mine.row.id]
    assert [r.id for r in mine.due_soon] == [soon_mine.row.id]
    assert mine.summary() == "เกินกำหนด 1 ข้อ ใกล้ครบกำหนด 1 ข้อ"
    everything = reminders(ctx.db, secretary, AS_OF)
    assert [r.id for r in everything.overdue] == [late_theirs.row.id, late_mine.row.id]  # most days late first
    viewer = user(ctx, "reader", UserRole.VIEWER)
    assert reminders(ctx.db, viewer, AS_OF).total == 0
    nobody = user(ctx, "noperson", UserRole.OFFICER)
    empty = reminders(ctx.db, nobody, AS_OF)
    assert empty.total == 0 and empty.summary() == "ไม่มีข้อสั่งการที่ใกล้ครบกำหนดหรือเกินกำหนด"


def test_reminders_follow_extensions_and_finished_work(ctx):
    officer, own_post, secretary = officer_with_post(ctx)
    late = directive(ctx, own_post, due=date(2020, 1, 10))
    done = directive(ctx, own_post, due=date(2020, 1, 12))
    _report(ctx, officer, done.assignments[0].id, percent=100)  # finished, waiting for closure: no reminder
    assert [r.id for r in reminders(ctx.db, officer, AS_OF).overdue] == [late.row.id]
    extensions.request_extension(ctx.db, officer, late.row.id, date(2020, 1, 25), "รอผลการประชุม", today=AS_OF)
    assert [r.id for r in reminders(ctx.db, officer, AS_OF).overdue] == [late.row.id]  # pending changes nothing
    pending = get_workflow(ctx.db, secretary, late.row.id).pending_extension
    extensions.approve_extension(ctx.db, secretary, pending.id, today=AS_OF)
    after = reminders(ctx.db, officer, AS_OF)
    assert after.overdue == () and [r.id for r in after.due_soon] == [late.row.id]
