"""The demo's integrated plan (issue #15): FY2563 under the six dimensions, a dozen projects with
an indicator each and the first quarter reported — on SQLite and PostgreSQL."""

from __future__ import annotations

from sbpac_desktop.domain.plan import IndicatorState
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.field import plan_views


def test_demo_plan_tells_the_first_quarter(ctx):
    load_demo(ctx.db, ctx.actor)
    tree = plan_views.plan_tree(ctx.db, ctx.actor, 2563)
    assert len(tree.projects) == 12 and len(tree.dimensions) == 6
    assert sum(len(p.indicators) for p in tree.projects) == 12
    summary = plan_views.summarize(tree, 1)
    states = (IndicatorState.ON_TRACK, IndicatorState.BEHIND, IndicatorState.NO_DATA)
    assert [summary.total.count(s) for s in states] == [6, 5, 1]
    assert summary.total.budget.allocated_year == 115 * 100 * 1_000_000
    assert round(summary.total.budget.percent_of_plan, 1) == round(100 * 22.9 / 28.5, 1)
    market = next(p for p in tree.projects if p.name == "ส่งเสริมตลาดชุมชนและสินค้าฮาลาล")
    assert [p for _id, p in market.places] == ["ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี"]
    assert [d.number for d in market.directives] == ["ขส. 001/2563"]
    load_demo(ctx.db, ctx.actor)  # idempotent: the plan is not made twice
    assert len(plan_views.plan_tree(ctx.db, ctx.actor, 2563).projects) == 12
