"""Integrated plan M&E on SQLite and PostgreSQL: the plan tree, validation in Thai with nothing
written, officers entering actuals and disbursements only for projects of posts they hold, the
quarter rules, the summary per dimension and agency with the linked directives' status, audit."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.errors import PermissionDenied, ValidationError
from sbpac_desktop.domain.plan import IndicatorState
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.field import plan, plan_actuals, plan_views
from sbpac_desktop.services.field.plan import IndicatorInput, ProjectInput
from sbpac_desktop.services.field.plan_actuals import ActualInput
from sbpac_desktop.store.models import AuditEntry
from sbpac_desktop.store.models_plan import PlanActual, PlanIndicator, PlanProject
from tests.services.plan_helpers import FY, IN_Q2, baht, world


def _count(ctx, model) -> int:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model))


def _audited(ctx, entity: str) -> list[str]:
    with ctx.db.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == entity)))


def test_tree_summary_and_audit(ctx):
    w = world(ctx)
    plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, 1, 120, "เปิดตลาด 3 แห่ง", today=IN_Q2)
    plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 1, baht(90_000), today=IN_Q2)
    plan_actuals.record_actual(ctx.db, w.secretary, w.other_indicator, 1, 30, today=IN_Q2)  # 30 > 25: behind
    tree = plan_views.plan_tree(ctx.db, w.viewer, FY, today=IN_Q2)
    assert tree.title == "แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ ประจำปีงบประมาณ พ.ศ. 2563"
    assert [name for _id, name in tree.dimensions] == ["ความมั่นคง", "เศรษฐกิจ"]  # the office's order
    own = next(p for p in tree.projects if p.id == w.own_project)
    assert (own.owner_label, own.agency_name, own.allocated[0], own.disbursed[0]) == (
        "ผช.(พณ.)",
        "กระทรวงพาณิชย์",
        baht(100_000),
        baht(90_000),
    )
    assert own.indicators[0].notes == {1: "เปิดตลาด 3 แห่ง"} and own.indicators[0].state_at(1) is IndicatorState.ON_TRACK
    assert [(d.number, d.status_key) for d in own.directives] == [("ขส. 001/2563", "not_started")]
    summary = plan_views.plan_summary(ctx.db, w.viewer, FY, 1, today=IN_Q2)
    rows = {g.label: g for g in summary.by_dimension}
    assert rows["เศรษฐกิจ"].count(IndicatorState.ON_TRACK) == 1 and rows["ความมั่นคง"].count(IndicatorState.BEHIND) == 1
    assert rows["เศรษฐกิจ"].budget.percent_of_plan == 90.0
    assert rows["เศรษฐกิจ"].directive_states == {"not_started": 1}
    assert [g.label for g in summary.by_agency] == ["กระทรวงพาณิชย์", "กระทรวงมหาดไทย"]
    assert (summary.total.projects, summary.total.indicators) == (2, 2)
    q2 = plan_views.plan_summary(ctx.db, w.viewer, FY, 2, today=IN_Q2)
    assert q2.total.count(IndicatorState.NO_DATA) == 2
    assert _audited(ctx, "plan_actual") == ["create", "create"]
    assert "update" in _audited(ctx, "plan_budget")
    assert plan_views.plan_tree(ctx.db, w.viewer, 2570) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "กรุณากรอกชื่อโครงการ"),
        ({"allocated": (-100, 0, 0, 0)}, "งบประมาณที่ได้รับจัดสรรต้องไม่ติดลบ"),
        ({"dimension_id": 98765}, "ไม่พบมิติการพัฒนา"),
        ({"owner_position_id": 98765}, "ไม่พบตำแหน่งเจ้าของโครงการ"),
        ({"directive_ids": (98765,)}, "ไม่พบข้อสั่งการ"),
        ({"place_ids": (98765,)}, "ไม่พบพื้นที่"),
        ({"name": "ส่งเสริมตลาดชุมชน"}, "มีโครงการชื่อ 'ส่งเสริมตลาดชุมชน' ในแผนนี้อยู่แล้ว"),
    ],
)
def test_bad_projects_are_refused_and_nothing_is_written(ctx, changes, message):
    w = world(ctx)
    data = {"name": "โครงการใหม่", "dimension_id": w.dims["สังคม"], "owner_position_id": w.own_post, **changes}
    before = _count(ctx, PlanProject)
    with pytest.raises(ValidationError, match=message):
        plan.add_project(ctx.db, w.secretary, w.plan_id, ProjectInput(**data))
    assert _count(ctx, PlanProject) == before


def test_inactive_dimension_and_bad_fiscal_year(ctx):
    w = world(ctx)
    dim = next(d for d in dimensions.list_dimensions(ctx.db, ctx.actor) if d.name == "สังคม")
    dimensions.set_dimension_active(ctx.db, ctx.actor, dim.id, dim.version, False)
    with pytest.raises(ValidationError, match="ถูกปิดใช้งานแล้ว"):
        plan.add_project(ctx.db, w.secretary, w.plan_id, ProjectInput("ใหม่", dim.id, w.own_post))
    with pytest.raises(ValidationError, match=r"ปีงบประมาณต้องเป็นปี พ\.ศ\."):
        plan.create_plan(ctx.db, w.secretary, 2020)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"unit": ""}, "กรุณากรอกหน่วยนับ"),
        ({"direction": "up"}, "ทิศทางต้องเป็น"),
        ({"target": math.nan}, "ต้องเป็นตัวเลข"),
        ({"target": -1}, "เป้าหมายแบบสะสมต้องไม่ติดลบ"),
        ({"name": "ผู้ค้ารายใหม่"}, "มีตัวชี้วัด 'ผู้ค้ารายใหม่' อยู่แล้ว"),
    ],
)
def test_bad_indicators_are_refused(ctx, changes, message):
    w = world(ctx)
    data = {"name": "ตัวชี้วัดใหม่", "unit": "คน", "target": 10, **changes}
    with pytest.raises(ValidationError, match=message):
        plan.add_indicator(ctx.db, w.secretary, w.own_project, IndicatorInput(**data))
    assert _count(ctx, PlanIndicator) == 2


def test_only_the_secretariat_edits_the_plan(ctx):
    w = world(ctx)
    for actor in (w.officer, w.viewer):
        with pytest.raises(PermissionDenied):
            plan.add_indicator(ctx.db, actor, w.own_project, IndicatorInput("อื่น", "คน", 1))
        with pytest.raises(PermissionDenied):
            plan.remove_project(ctx.db, actor, w.own_project)


def test_officer_enters_actuals_only_for_projects_of_posts_they_hold(ctx):
    w = world(ctx)
    with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่งเจ้าของโครงการนี้"):
        plan_actuals.record_actual(ctx.db, w.officer, w.other_indicator, 1, 5, today=IN_Q2)
    with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่งเจ้าของโครงการนี้"):
        plan_actuals.record_disbursement(ctx.db, w.officer, w.other_project, 1, 100, today=IN_Q2)
    with pytest.raises(PermissionDenied):
        plan_actuals.record_actual(ctx.db, w.viewer, w.own_indicator, 1, 5, today=IN_Q2)
    # one refused line keeps the whole batch unwritten
    with pytest.raises(PermissionDenied):
        plan_actuals.record_actuals(
            ctx.db, w.officer, 1, [ActualInput(w.own_indicator, 10), ActualInput(w.other_indicator, 3)], today=IN_Q2
        )
    assert _count(ctx, PlanActual) == 0
    plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, 1, 10, today=IN_Q2)
    plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, 1, 12, "แก้ไข", today=IN_Q2)
    plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, 1, None, today=IN_Q2)  # cleared
    assert _count(ctx, PlanActual) == 0
    assert _audited(ctx, "plan_actual") == ["create", "update", "delete"]


@pytest.mark.parametrize(
    ("quarter", "value", "message"),
    [
        (3, 10, "ไตรมาส 3 ปีงบประมาณ 2563 ยังไม่เริ่ม"),
        (5, 10, "ไตรมาสต้องเป็น 1 ถึง 4"),
        (1, -4, "ต้องไม่ติดลบ"),
        (1, math.inf, "ต้องเป็นตัวเลข"),
    ],
)
def test_bad_actuals_are_refused(ctx, quarter, value, message):
    w = world(ctx)
    with pytest.raises(ValidationError, match=message):
        plan_actuals.record_actual(ctx.db, w.officer, w.own_indicator, quarter, value, today=IN_Q2)
    assert _count(ctx, PlanActual) == 0


def test_disbursement_above_the_allocation_is_refused_a_quarter_may_catch_up(ctx):
    w = world(ctx)
    plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 1, baht(150_000), today=IN_Q2)  # > Q1 plan
    with pytest.raises(ValidationError, match="เกินงบประมาณที่ได้รับจัดสรร 1,000,000 บาท"):
        plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 2, baht(850_001), today=IN_Q2)
    with pytest.raises(ValidationError, match="ไม่ติดลบ"):
        plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 2, -1, today=IN_Q2)
    with pytest.raises(ValidationError, match="ยังไม่เริ่ม"):
        plan_actuals.record_disbursement(ctx.db, w.officer, w.own_project, 4, 1, today=IN_Q2)
    # the allocation cannot be cut below what was already disbursed
    tree = plan_views.plan_tree(ctx.db, w.secretary, FY, today=IN_Q2)
    own = next(p for p in tree.projects if p.id == w.own_project)
    data = ProjectInput(own.name, own.dimension_id, own.owner_position_id, (baht(100_000), 0, 0, 0))
    with pytest.raises(ValidationError, match="ผลการเบิกจ่ายรวม 150,000 บาท เกินงบประมาณ"):
        plan.update_project(ctx.db, w.secretary, own.id, own.version, data)
    assert own.budget_at(1).percent_of_plan == 150.0


def test_removing_a_project_takes_its_indicators_and_actuals(ctx):
    w = world(ctx)
    plan_actuals.record_actual(ctx.db, w.secretary, w.own_indicator, 1, 50, today=date(2020, 1, 2))
    plan.remove_project(ctx.db, w.secretary, w.own_project)
    assert (_count(ctx, PlanProject), _count(ctx, PlanIndicator), _count(ctx, PlanActual)) == (1, 1, 0)
    assert _audited(ctx, "plan_project").count("delete") == 1
