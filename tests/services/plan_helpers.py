"""Builders for the integrated plan tests: the six dimensions, an officer who owns one project and
another post's project, each with indicators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field import plan
from sbpac_desktop.services.field.plan import IndicatorInput, ProjectInput
from tests.services.workflow_helpers import directive, officer_with_post, post, user

FY = 2563
IN_Q2 = date(2020, 1, 20)  # ไตรมาส 2 of FY2563 has begun; ไตรมาส 3 has not


@dataclass
class PlanWorld:
    plan_id: int
    dims: dict[str, int]
    officer: Actor
    secretary: Actor
    viewer: Actor
    own_post: int
    other_post: int
    own_project: int
    other_project: int
    own_indicator: int
    other_indicator: int
    directive_id: int


def baht(amount: int) -> int:
    return amount * 100


def world(ctx) -> PlanWorld:
    dims = dimensions.seed_dimension_ids(ctx.db, ctx.actor)
    officer, own_post, secretary = officer_with_post(ctx)
    other_post = post(ctx, "กระทรวงมหาดไทย", "ผช.(มท.)")
    viewer = user(ctx, "viewer1", UserRole.VIEWER)
    d = directive(ctx, own_post)
    plan_id = plan.create_plan(ctx.db, secretary, FY)
    own = plan.add_project(
        ctx.db, secretary, plan_id,
        ProjectInput("ส่งเสริมตลาดชุมชน", dims["เศรษฐกิจ"], own_post,
                     (baht(100_000), baht(200_000), baht(300_000), baht(400_000)), directive_ids=(d.row.id,)),
    )  # fmt: skip
    other = plan.add_project(
        ctx.db,
        secretary,
        plan_id,
        ProjectInput("หมู่บ้านปลอดภัย", dims["ความมั่นคง"], other_post, (baht(50_000),) * 4),
    )
    own_ind = plan.add_indicator(ctx.db, secretary, own, IndicatorInput("ผู้ค้ารายใหม่", "ราย", 400))
    other_ind = plan.add_indicator(
        ctx.db, secretary, other, IndicatorInput("เหตุการณ์ความไม่สงบ", "ครั้ง", 100, direction="lower")
    )
    return PlanWorld(plan_id, dims, officer, secretary, viewer, own_post, other_post, own, other, own_ind,
                     other_ind, d.row.id)  # fmt: skip
