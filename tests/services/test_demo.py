from sqlalchemy import func, select

from sbpac_desktop.services import attendance, directives, meetings
from sbpac_desktop.services.demo import load_demo
from sbpac_desktop.services.demo_data import REFERENCE_DATE
from sbpac_desktop.store.models import AuditEntry, Person, Position


def counts(ctx):
    with ctx.db.unit_of_work() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Person, Position, AuditEntry))


def test_demo_is_the_seed_meeting_and_idempotent(ctx):
    first = load_demo(ctx.db, ctx.actor)
    before = counts(ctx)
    again = load_demo(ctx.db, ctx.actor)
    assert first.created and not again.created
    assert counts(ctx) == before
    main = meetings.get_meeting(ctx.db, ctx.actor, first.meeting_id)
    assert main.number_text(False) == "10/2562" and main.fiscal_year == 2563
    assert "เจริญจิตต์" in main.venue and "สงขลา" in main.venue
    assert main.previous_meeting_id == first.previous_meeting_id
    lines = attendance.list_attendance(ctx.db, ctx.actor, main.id)
    assert len(lines) == 12 and sum(1 for a in lines if a.absence_reason == "ติดราชการ") == 1


def test_demo_statuses_as_of_the_reference_date(ctx):
    load_demo(ctx.db, ctx.actor)
    rows = directives.list_directives(
        ctx.db, ctx.actor, directives.DirectiveFilter(fiscal_year=2563), today=REFERENCE_DATE
    )
    assert [r.status.key for r in rows] == [
        "done",
        "in_progress",
        "done",
        "overdue",
        "overdue",
        "done",
        "in_progress",
        "not_started",
    ]
    assert rows[3].status.days == 46 and rows[6].status.days == 13
    assert {r.lead_agency for r in rows} >= {"กรมบัญชีกลาง", "กระทรวงพาณิชย์", "กรมป้องกันและบรรเทาสาธารณภัย"}


def test_tracker_and_dashboard_read_in_chunks_with_the_same_result(ctx, monkeypatch):
    """Ids are sent in bounded chunks (servers cap parameters per statement); tiny chunks must
    give exactly what one chunk gives."""
    from sbpac_desktop.services import dashboard, directive_views

    load_demo(ctx.db, ctx.actor)
    whole = directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE)
    board = dashboard.dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    monkeypatch.setattr(directive_views, "ID_CHUNK", 2)
    assert directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE) == whole
    assert dashboard.dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE) == board
