"""The generator's field follow-up tables (issue #15, 100k-scale): proportions per directive,
every row consistent with the rules the services keep, the database check passing, and the
services reading what was generated — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy import table as sql_table

from sbpac_desktop.services import search
from sbpac_desktop.services.admin.maintenance import check_database
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.demo.generate_field import FIELD_TABLES
from sbpac_desktop.services.field import field_visits, network, plan_views
from sbpac_desktop.store.models import AuditEntry
from sbpac_desktop.store.models_field import (
    DirectivePlace,
    ExternalReport,
    FieldVisit,
    FieldVisitPlace,
    FieldVisitPosition,
    VisitFinding,
)
from sbpac_desktop.store.models_plan import IntegratedPlan, PlanActual, PlanBudget, PlanIndicator, PlanProject
from sbpac_desktop.thai import fiscal_quarter_bounds

AS_OF = date(2026, 11, 25)
N = 2000


@pytest.fixture
def generated(ctx: AppContext) -> AppContext:
    result = generate.generate(ctx.db, ctx.actor, N, seed=5, as_of=AS_OF)
    assert set(result.field_rows) == set(FIELD_TABLES)
    return ctx


def _count(session, name: str) -> int:  # type: ignore[no-untyped-def]
    return int(session.execute(select(func.count()).select_from(sql_table(name))).scalar_one())


def test_proportions_per_directive(generated: AppContext) -> None:
    with generated.db.unit_of_work() as session:
        counts = {name: _count(session, name) for name in FIELD_TABLES}
        placed = session.scalar(select(func.count(func.distinct(DirectivePlace.directive_id))))
        plans = session.scalars(select(IntegratedPlan.fiscal_year)).all()
    assert 0.35 * N <= placed <= 0.45 * N  # 40 % of directives tied to places
    assert counts["directive_place"] < 1.3 * placed  # one place mostly, sometimes two
    assert counts["field_visit"] == N // 100  # 1,000 per 100,000
    assert counts["network_member"] == N // 500  # 200 per 100,000
    assert counts["external_report"] == N // 50  # 2,000 per 100,000
    assert sorted(plans) == list(range(2561, 2571))  # a plan for every fiscal year of the set
    assert 0.9 * N // 100 <= counts["plan_project"] <= 1.1 * N // 100  # 1,000 per 100,000
    assert counts["plan_indicator"] == 2 * counts["plan_project"]  # 2,000 per 100,000
    assert counts["plan_budget"] == 4 * counts["plan_project"]
    assert counts["field_visit_position"] == 2 * counts["field_visit"]  # two ministries join each visit


def test_rows_keep_the_services_rules(generated: AppContext) -> None:
    with generated.db.unit_of_work() as session:
        visits = session.scalars(select(FieldVisit)).all()
        with_places = set(session.scalars(select(FieldVisitPlace.visit_id)))
        found_on = set(session.scalars(select(VisitFinding.visit_id)))
        joining = session.execute(select(FieldVisitPosition.visit_id, FieldVisitPosition.position_id)).all()
        reports = session.scalars(select(ExternalReport)).all()
        actuals = session.execute(
            select(IntegratedPlan.fiscal_year, PlanActual.quarter)
            .join(PlanIndicator, PlanIndicator.id == PlanActual.indicator_id)
            .join(PlanProject, PlanProject.id == PlanIndicator.project_id)
            .join(IntegratedPlan, IntegratedPlan.id == PlanProject.plan_id)
        ).all()
        money = session.execute(select(PlanBudget.allocated_satang, PlanBudget.disbursed_satang)).all()
    assert {v.id for v in visits} == with_places  # every visit is somewhere
    assert all(v.status == "planned" for v in visits if v.visit_on > AS_OF)  # the future is not carried out
    assert found_on <= {v.id for v in visits if v.status == "done"}  # findings only of visits carried out
    lead = {v.id: v.lead_position_id for v in visits}
    assert all(lead[visit] != post for visit, post in joining)  # the lead is not also a joining post
    assert all(r.report_on <= AS_OF and r.place_id is not None for r in reports)
    assert all(fiscal_quarter_bounds(year, quarter)[0] <= AS_OF for year, quarter in actuals)  # begun quarters only
    assert all(0 <= spent <= allocated for allocated, spent in money)


def test_check_passes_and_one_audit_entry(generated: AppContext, db_url: str) -> None:
    report = check_database(db_url)
    assert report.ok, [item.detail_th for item in report.items if not item.ok]
    with generated.db.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "generate")).all()
    assert len(entries) == 1 and '"field_visit": 20' in (entries[0].after_json or "")


def test_services_read_the_generated_rows(generated: AppContext) -> None:
    db, actor = generated.db, generated.actor
    assert len(field_visits.list_visits(db, actor)) == N // 100
    assert len(network.list_reports(db, actor)) == N // 50
    tree = plan_views.plan_tree(db, actor, 2569, AS_OF)
    assert tree is not None and tree.projects and all(p.indicators for p in tree.projects)
    summary = plan_views.plan_summary(db, actor, 2569, 4, AS_OF)
    assert summary.by_dimension
    hits = search.search(db, actor, "แผนเผชิญเหตุ", limit=50)  # a visit finding or an external report
    assert {hit.kind for hit in hits} & {"visit_finding", "external_report"}
