"""ข้อสั่งการของฉัน: the tracker narrowed to the directives assigned to a post the account's person
holds (or its unit) — the same rule by which an officer may report — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives, tracker
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.people import org


def _account(ctx, login: str, first_name: str | None) -> int:
    person = next((p.id for p in org.list_people(ctx.db, ctx.actor) if p.first_name == first_name), None)
    data = users.UserInput(login, f"บัญชี {login}", UserRole.OFFICER, "รหัสผ่านยาวพอ-2563", person_id=person)
    return users.create_user(ctx.db, ctx.actor, data).id


def test_mine_is_what_the_officers_posts_are_assigned(ctx):
    load_demo(ctx.db, ctx.actor)
    budget = _account(ctx, "bancha", "บัญชา")  # ผช.ลธ.(บก.): lead of ขส. 002 and 006
    local = _account(ctx, "thongthin", "ท้องถิ่น")  # ผช.ลธ.(สถ.): lead of 007, support of 003 and 008
    mine = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(held_by_user=budget), REFERENCE_DATE)
    assert [r.seq for r in mine] == [2, 6]
    theirs = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(held_by_user=local), REFERENCE_DATE)
    assert [r.seq for r in theirs] == [3, 7, 8]
    narrowed = DirectiveFilter(held_by_user=local, status="in_progress")
    assert [r.seq for r in directives.list_directives(ctx.db, ctx.actor, narrowed, REFERENCE_DATE)] == [7]
    page = tracker.tracker_page(
        ctx.db, ctx.actor, tracker.TrackerQuery(filters=DirectiveFilter(held_by_user=budget)), 0, 50
    )
    assert [r.seq for r in page.rows] == [2, 6]


def test_an_account_holding_no_post_has_nothing_of_its_own(ctx):
    load_demo(ctx.db, ctx.actor)
    nobody = _account(ctx, "nobody", None)
    assert directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(held_by_user=nobody), REFERENCE_DATE) == []
    assert len(directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(), REFERENCE_DATE)) == 9


def test_a_term_that_ended_takes_the_directives_away(ctx):
    load_demo(ctx.db, ctx.actor)
    budget = _account(ctx, "bancha", "บัญชา")
    later = date(2031, 1, 1)
    for term in org.list_incumbencies(ctx.db, ctx.actor):
        if term.person_name.endswith("คลังดี"):
            org.end_incumbency(ctx.db, ctx.actor, term.id, term.version, date(2030, 12, 31))
    assert directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(held_by_user=budget), later) == []
