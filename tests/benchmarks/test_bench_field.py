"""Issue #15 "100k-scale" figures on the generated set (SQLite 100k; PostgreSQL at
SBPAC_BENCH_PG_DIRECTIVES, 10k in the reported run): the dashboard over every directive, one
fiscal year and one province, each against one raw GROUP BY of the same directives by status
through the bare driver; the M&E tab's service call against the raw SELECT of the plan's rows;
and the quarterly M&E report PDF against plain ReportLab laying out the same rows."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from sqlalchemy import func, select

from sbpac_desktop.reporting.engine import REGULAR, register_fonts
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import dashboard, dashboard_sql
from sbpac_desktop.services.field import plan_report, plan_views
from sbpac_desktop.services.status_sql import status_case
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.models_plan import IntegratedPlan, PlanActual, PlanBudget, PlanIndicator, PlanProject
from sbpac_desktop.thai import segment
from tests.benchmarks.conftest import AS_OF
from tests.benchmarks.results import bench_median, median_of, raw_sql_median, record

PLAN_YEAR, PLAN_QUARTER = 2569, 4  # the last fiscal year with all four quarters reported by AS_OF
PROVINCE = "จ.ปัตตานี"


def _raw(ctx: AppContext, statement: Any, rounds: int = 5) -> float:
    """Median time of `statement` (compiled with its literals) through the bare DB-API cursor."""
    sql = str(statement.compile(ctx.db.engine, compile_kwargs={"literal_binds": True}))
    return raw_sql_median(ctx.db.engine, sql, rounds)


def _status_baseline(ctx: AppContext, place_id: int | None, fiscal_year: int | None) -> float:
    """One GROUP BY status over the same directives: the least a dashboard must read."""
    scope = dashboard_sql.Scope(fiscal_year=fiscal_year, place_id=place_id)
    with ctx.db.unit_of_work() as session:
        where = dashboard_sql.conditions(session, scope, AS_OF)
    status = status_case(AS_OF).label("status")
    return _raw(ctx, select(status, func.count()).where(*where).group_by(status))


DASHBOARD_CASES = {
    # name: (province?, fiscal year, target seconds on the 100k SQLite set)
    "dashboard, all directives": (False, None, 2.0),
    "dashboard, one fiscal year": (False, 2566, 1.0),
    "dashboard, one province": (True, None, 1.0),
}


@pytest.mark.parametrize("case", list(DASHBOARD_CASES))
def test_dashboard(benchmark, dataset, case: str) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    by_place, year, target = DASHBOARD_CASES[case]
    place_id = places.resolve_place(ctx.db, ctx.actor, PROVINCE).id if by_place else None
    view = benchmark.pedantic(
        dashboard.dashboard,
        args=(ctx.db, ctx.actor, year, None, None, AS_OF),
        kwargs={"place_id": place_id},
        rounds=3,
        iterations=1,
    )
    assert view.total > 0 and len(view.overdue) == view.count("overdue")
    benchmark.extra_info["directives"] = view.total
    record(
        f"{case} ({view.total:,})",
        backend,
        bench_median(benchmark),
        target=target if backend == "sqlite" else None,
        baseline=_status_baseline(ctx, place_id, year),
    )


def _me_tab(ctx: AppContext) -> plan_views.PlanSummary:
    """What the M&E tab asks for: the year's plan tree, then its quarter's summary."""
    tree = plan_views.plan_tree(ctx.db, ctx.actor, PLAN_YEAR, AS_OF)
    assert tree is not None
    return plan_views.summarize(tree, PLAN_QUARTER)


def test_me_tab(benchmark, dataset) -> None:  # type: ignore[no-untyped-def]
    backend, ctx, _many = dataset
    summary = benchmark.pedantic(_me_tab, args=(ctx,), rounds=5, iterations=1)
    assert summary.total.projects > 0
    benchmark.extra_info["projects"] = summary.total.projects
    plan = select(IntegratedPlan.id).where(IntegratedPlan.fiscal_year == PLAN_YEAR).scalar_subquery()
    rows = (
        select(PlanProject, PlanIndicator, PlanActual)
        .join(PlanIndicator, PlanIndicator.project_id == PlanProject.id)
        .outerjoin(PlanActual, PlanActual.indicator_id == PlanIndicator.id)
        .where(PlanProject.plan_id == plan)
    )
    budgets = (
        select(PlanBudget).join(PlanProject, PlanProject.id == PlanBudget.project_id).where(PlanProject.plan_id == plan)
    )
    baseline = _raw(ctx, rows) + _raw(ctx, budgets)
    record(
        f"M&E tab: plan tree + summary ({summary.total.projects} projects)",
        backend,
        bench_median(benchmark),
        target=0.5,
        baseline=baseline,
    )


def _plain_reportlab(path, report) -> None:  # type: ignore[no-untyped-def]
    """The report's paragraphs and tables through stock ReportLab: no shaping, no Thai line breaking."""
    register_fonts()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=10.6, leading=13.8)

    def table(rows) -> Table:  # type: ignore[no-untyped-def]
        return Table([[Paragraph(cell, style) for cell in row] for row in rows], repeatRows=1)

    story: list[Any] = [Paragraph(report.subtitle, style), Paragraph(report.overview, style), Spacer(1, 6)]
    for rows in (report.by_dimension, report.by_agency, report.directives):
        if rows:
            story.append(table(rows))
    for section in report.dimensions:
        story += [Paragraph(section.heading, style), table(section.rows)] if section.rows else []
    SimpleDocTemplate(str(path)).build(story)


def test_me_report_pdf(benchmark, dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from sbpac_desktop.reporting.plan_report import render_plan_report

    backend, ctx, _many = dataset
    segment("ที่ประชุมพิจารณาแผนบูรณาการ")  # the dictionary loads once per process, as in the app

    def build() -> None:
        render_plan_report(
            plan_report.plan_report(ctx.db, ctx.actor, PLAN_YEAR, PLAN_QUARTER, AS_OF), tmp_path / "r.pdf"
        )

    benchmark.pedantic(build, rounds=3, iterations=1)
    pages = len(PdfReader(tmp_path / "r.pdf").pages)
    report = plan_report.plan_report(ctx.db, ctx.actor, PLAN_YEAR, PLAN_QUARTER, AS_OF)
    plain = median_of(lambda: _plain_reportlab(tmp_path / "p.pdf", report), 3)
    with ctx.db.unit_of_work() as session:
        total = session.scalar(select(func.count()).select_from(Directive))
    record(
        f"M&E report PDF, FY{PLAN_YEAR} Q{PLAN_QUARTER} ({pages} pages, {total:,} directives)",
        backend,
        bench_median(benchmark),
        baseline=plain,
        ratio_target=2,
    )
