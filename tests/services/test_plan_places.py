"""The integrated plan's M&E by place and by agency (issue #15), on SQLite and PostgreSQL.

A small plan whose figures are worked out by hand below:

    project  dimension      owner (agency)              places             allocated (baht, Q1..Q4)       Q1 disbursed
    A        เศรษฐกิจ        ผช.(พณ.) (กระทรวงพาณิชย์)    ต.สะบารัง (ปัตตานี)   100,000 200,000 300,000 400,000  90,000
    B        ความมั่นคง      ผช.(มท.) (กระทรวงมหาดไทย)    อ.เมืองยะลา          50,000 ×4                      20,000
    C        สังคม          ผอ.กอง (กระทรวงมหาดไทย)     จ.ยะลา               1,000,000 0 0 0                0
    D        การบริหารฯ     ผช.(พณ.) (กระทรวงพาณิชย์)    none                 10,000 ×4                      10,000

Indicators at ไตรมาส 1: A 120 of a cumulative 400 (expected 100: on track), B 30 incidents where
fewer is better and 25 were expected (behind), C not reported, D 30 of 100 (expected 25: on track).
Directives: d1 (due 31 Jan 2020, not started on 20 Jan) linked to A; d2 (due 10 Jan, overdue) linked
to B and to C — counted once for กระทรวงมหาดไทย, whose two projects both link it.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sbpac_desktop.domain.enums import PositionKind
from sbpac_desktop.domain.plan import IndicatorState
from sbpac_desktop.services import dimensions, places
from sbpac_desktop.services.field import plan, plan_actuals, plan_views
from sbpac_desktop.services.field.plan import IndicatorInput, ProjectInput
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import Position
from sbpac_desktop.store.models_field import Place
from tests.services.plan_helpers import FY, IN_Q2, baht
from tests.services.workflow_helpers import directive, officer_with_post, post

ON, BEHIND, NO_DATA = IndicatorState.ON_TRACK, IndicatorState.BEHIND, IndicatorState.NO_DATA


@pytest.fixture
def small_plan(ctx):
    places.sync_places(ctx.db, ctx.actor)
    with ctx.db.unit_of_work() as session:
        area = {p.code: p.id for p in session.scalars(select(Place))}
        yala_district = session.scalar(select(Place.id).where(Place.level == "district", Place.name_th == "เมืองยะลา"))
    dims = dimensions.seed_dimension_ids(ctx.db, ctx.actor)
    _officer, commerce, secretary = officer_with_post(ctx)
    interior = post(ctx, "กระทรวงมหาดไทย", "ผช.(มท.)")
    with ctx.db.unit_of_work() as session:
        interior_unit = session.get(Position, interior).org_unit_id
    director = org.create_position(
        ctx.db, ctx.actor, org.PositionInput("ผู้อำนวยการกอง", PositionKind.DIRECTOR, "ผอ.กอง", interior_unit)
    ).id
    d1 = directive(ctx, commerce).row.id
    d2 = directive(ctx, interior, due=date(2020, 1, 10)).row.id
    plan_id = plan.create_plan(ctx.db, secretary, FY)

    def project(name, dimension, owner, allocated, place_ids, directive_ids, indicator, q1, disbursed) -> int:
        data = ProjectInput(name, dims[dimension], owner, tuple(map(baht, allocated)), place_ids, directive_ids)
        project_id = plan.add_project(ctx.db, secretary, plan_id, data)
        indicator_id = plan.add_indicator(ctx.db, secretary, project_id, indicator)
        if q1 is not None:
            plan_actuals.record_actual(ctx.db, secretary, indicator_id, 1, q1, today=IN_Q2)
        if disbursed:
            plan_actuals.record_disbursement(ctx.db, secretary, project_id, 1, baht(disbursed), today=IN_Q2)
        return project_id

    project(
        "A",
        "เศรษฐกิจ",
        commerce,
        (100_000, 200_000, 300_000, 400_000),
        (area["940101"],),
        (d1,),
        IndicatorInput("ผู้ค้ารายใหม่", "ราย", 400),
        120,
        90_000,
    )
    project(
        "B",
        "ความมั่นคง",
        interior,
        (50_000,) * 4,
        (yala_district,),
        (d2,),
        IndicatorInput("เหตุการณ์", "ครั้ง", 100, direction="lower"),
        30,
        20_000,
    )
    project(
        "C",
        "สังคม",
        director,
        (1_000_000, 0, 0, 0),
        (area["95"],),
        (d2,),
        IndicatorInput("ครัวเรือนที่ได้รับการซ่อมแซม", "ครัวเรือน", 600),
        None,
        0,
    )
    project("D", "การบริหารจัดการภาครัฐ", commerce, (10_000,) * 4, (), (),
            IndicatorInput("ตำบลที่มีข้อมูล", "ตำบล", 100), 30, 10_000)  # fmt: skip
    return area | {"9501": yala_district}


def _names(ctx, place_id=None) -> list[str]:
    tree = plan_views.plan_tree(ctx.db, ctx.actor, FY, IN_Q2, place_id=place_id)
    return [p.name for p in tree.projects]


def _figures(group) -> tuple:
    budget = group.budget
    return (
        group.projects,
        group.count(ON),
        group.count(BEHIND),
        group.count(NO_DATA),
        budget.allocated_year // 100,
        budget.planned // 100,
        budget.disbursed // 100,
        dict(group.directive_states),
    )


def test_the_place_filter_takes_the_place_and_what_lies_under_it(ctx, small_plan):
    area = small_plan
    assert _names(ctx) == ["B", "A", "C", "D"]  # the office's order of dimensions
    assert _names(ctx, area["95"]) == ["B", "C"]  # จ.ยะลา: its own project and its district's
    assert _names(ctx, area["9501"]) == ["B"]  # อ.เมืองยะลา: not the province-wide project above it
    assert _names(ctx, area["94"]) == ["A"]  # จ.ปัตตานี through its tambon
    assert _names(ctx, area["9401"]) == ["A"]  # อ.เมืองปัตตานี
    assert _names(ctx, area["940101"]) == ["A"]  # ต.สะบารัง itself
    empty = plan_views.plan_tree(ctx.db, ctx.actor, FY, IN_Q2, place_id=area["91"])  # สตูล: nothing there
    assert empty is not None and empty.projects == () and empty.dimensions == ()
    yala = plan_views.plan_tree(ctx.db, ctx.actor, FY, IN_Q2, place_id=area["95"])
    assert [name for _id, name in yala.dimensions] == ["ความมั่นคง", "สังคม"]
    assert plan_views.plan_tree(ctx.db, ctx.actor, 2570, place_id=area["95"]) is None  # no plan that year


def test_figures_per_agency_whole_plan_and_by_place(ctx, small_plan):
    area = small_plan
    summary = plan_views.plan_summary(ctx.db, ctx.actor, FY, 1, IN_Q2)
    agencies = {g.label: g for g in summary.by_agency}
    assert list(agencies) == ["กระทรวงพาณิชย์", "กระทรวงมหาดไทย"]
    # พณ.: A + D. Year 1,000,000 + 40,000; Q1 plan 100,000 + 10,000; disbursed 90,000 + 10,000.
    assert _figures(agencies["กระทรวงพาณิชย์"]) == (2, 2, 0, 0, 1_040_000, 110_000, 100_000, {"not_started": 1})
    assert round(agencies["กระทรวงพาณิชย์"].budget.percent_of_plan, 2) == 90.91  # 100,000 / 110,000
    # มท.: B + C. Year 200,000 + 1,000,000; Q1 plan 50,000 + 1,000,000; disbursed 20,000; d2 once.
    assert _figures(agencies["กระทรวงมหาดไทย"]) == (2, 0, 1, 1, 1_200_000, 1_050_000, 20_000, {"overdue": 1})
    assert agencies["กระทรวงมหาดไทย"].owners == ["ผช.(มท.)", "ผอ.กอง"]
    assert agencies["กระทรวงพาณิชย์"].owners == ["ผช.(พณ.)"]
    assert _figures(summary.total) == (4, 2, 1, 1, 2_240_000, 1_160_000, 120_000, {"not_started": 1, "overdue": 1})
    # ไตรมาส 2: plans add the second quarter's allocation; nothing is reported for it yet.
    q2 = {g.label: g for g in plan_views.plan_summary(ctx.db, ctx.actor, FY, 2, IN_Q2).by_agency}
    assert _figures(q2["กระทรวงพาณิชย์"])[3:7] == (2, 1_040_000, 320_000, 100_000)
    # จ.ยะลา: only มท.'s two projects; อ.เมืองยะลา: B alone.
    yala = plan_views.plan_summary(ctx.db, ctx.actor, FY, 1, IN_Q2, place_id=area["95"])
    assert [_figures(g) for g in yala.by_agency] == [(2, 0, 1, 1, 1_200_000, 1_050_000, 20_000, {"overdue": 1})]
    district = plan_views.plan_summary(ctx.db, ctx.actor, FY, 1, IN_Q2, place_id=area["9501"])
    assert [(g.label, _figures(g)) for g in district.by_agency] == [
        ("กระทรวงมหาดไทย", (1, 0, 1, 0, 200_000, 50_000, 20_000, {"overdue": 1}))
    ]
    assert [g.label for g in district.by_dimension] == ["ความมั่นคง"]
    pattani = plan_views.plan_summary(ctx.db, ctx.actor, FY, 1, IN_Q2, place_id=area["94"])
    assert [(g.label, _figures(g)) for g in pattani.by_agency] == [
        ("กระทรวงพาณิชย์", (1, 1, 0, 0, 1_000_000, 100_000, 90_000, {"not_started": 1}))
    ]
    satun = plan_views.plan_summary(ctx.db, ctx.actor, FY, 1, IN_Q2, place_id=area["91"])
    assert satun.by_agency == () and satun.total.projects == 0
