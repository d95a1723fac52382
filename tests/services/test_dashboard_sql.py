"""The dashboard as SQL aggregation (issue #15, 100k-scale), on generated data, on SQLite and
PostgreSQL. The figures below are those the former Python algorithm (a pass over every
directive's tracker row) gave on this data set: the SQL version was compared with it for every
scope (all, fiscal year, quarter, province, district, series, thresholds) on both back ends
before it was removed (commit "Dashboard as SQL aggregation"). They are also checked here
against the status every directive's row derives in Python (domain.status)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import delete, select, update

from sbpac_desktop.domain.escalation import Tier
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.directives import dashboard, directives
from sbpac_desktop.store import directive_summary
from sbpac_desktop.store.models import Assignment, Meeting

AS_OF = date(2026, 11, 25)


@pytest.fixture
def generated(ctx: AppContext) -> AppContext:
    generate.generate(ctx.db, ctx.actor, 800, seed=11, as_of=AS_OF)
    return ctx


STATUS = ("not_started", "in_progress", "blocked", "due_soon", "overdue", "done", "cancelled")


def _consistent(view: dashboard.DashboardView) -> None:
    assert view.total == sum(count for _key, count in view.status_counts) == sum(d.total for d in view.dimensions)
    assert view.total == sum(m.total for m in view.matrix) + view.count("cancelled")
    assert len(view.overdue) == view.count("overdue")
    assert [o.days_late for o in view.overdue] == sorted((o.days_late for o in view.overdue), reverse=True)


def test_all_directives(generated: AppContext) -> None:
    view = dashboard.dashboard(generated.db, generated.actor, today=AS_OF)
    _consistent(view)
    assert dict(view.status_counts) == dict(zip(STATUS, (17, 42, 8, 6, 100, 614, 13), strict=True))
    rows = directives.list_directives(generated.db, generated.actor, None, AS_OF)
    assert Counter(row.status.key for row in rows) == +Counter(dict(view.status_counts))  # the Python rule agrees
    matrix = {m.label: m.counts for m in view.matrix}
    assert matrix["กระทรวงพาณิชย์"] == (3, 3, 2, 0, 9, 43)
    assert matrix["กระทรวงวัฒนธรรม"] == (2, 5, 1, 0, 5, 46)
    dims = {d.name: d.counts for d in view.dimensions}
    assert dims["ความมั่นคง"] == (4, 6, 1, 0, 12, 103, 0) and dims["เศรษฐกิจ"] == (1, 5, 1, 2, 14, 111, 3)
    rates = [(c.fiscal_year, c.quarter, c.due, c.on_time) for c in view.completion[:5]]
    assert rates == [(2570, None, 24, 3), (2570, 1, 24, 3), (2569, None, 46, 13), (2569, 1, 25, 7), (2569, 2, 20, 6)]
    first = view.overdue[0]
    assert (first.row.number_text(False), first.days_late, first.row.lead_label) == (
        "ขส. 017/2561",
        3133,
        "ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้",
    )
    assert first.escalation.tier is Tier.REPORT_UP
    assert view.fiscal_years == tuple(range(2570, 2560, -1))


def test_fiscal_year_quarter_and_province(generated: AppContext) -> None:
    db, actor = generated.db, generated.actor
    year = dashboard.dashboard(db, actor, fiscal_year=2566, today=AS_OF)
    _consistent(year)
    assert dict(year.status_counts) == dict(zip(STATUS, (0, 2, 1, 0, 13, 81, 3), strict=True))
    assert [(o.row.number_text(False), o.days_late) for o in year.overdue[:2]] == [
        ("ขส. 041/2566", 1317),
        ("ขส. 044/2566", 1315),
    ]
    quarter = dashboard.dashboard(db, actor, fiscal_year=2570, quarter=1, today=AS_OF)
    _consistent(quarter)
    assert dict(quarter.status_counts) == dict(zip(STATUS, (0, 1, 1, 5, 4, 2, 0), strict=True))
    assert [(c.quarter, c.due, c.on_time) for c in quarter.completion] == [(None, 6, 0), (1, 6, 0)]
    pattani = places.resolve_place(db, actor, "จ.ปัตตานี").id
    province = dashboard.dashboard(db, actor, today=AS_OF, place_id=pattani)
    _consistent(province)
    assert dict(province.status_counts) == dict(zip(STATUS, (3, 5, 3, 0, 16, 106, 3), strict=True))
    assert province.overdue[0].row.number_text(False) == "ขส. 024/2561" and province.overdue[0].days_late == 3070
    with db.unit_of_work() as session:
        series_id = session.scalar(select(Meeting.series_id).limit(1))
    assert dashboard.dashboard(db, actor, series_id=series_id, today=AS_OF).total == 800
    assert dashboard.dashboard(db, actor, series_id=series_id + 1000, today=AS_OF).total == 0


def _python_matrix(generated: AppContext) -> dict[str, Counter[str]]:
    """Lead label x status from every directive's tracker row (the Python rule of directive_views)."""
    found: dict[str, Counter[str]] = {}
    for row in directives.list_directives(generated.db, generated.actor, None, AS_OF):
        if row.status.key != "cancelled":
            found.setdefault(row.lead_label or dashboard.NO_ASSIGNEE, Counter())[row.status.key] += 1
    return found


def _sql_matrix(generated: AppContext) -> dict[str, Counter[str]]:
    view = dashboard.dashboard(generated.db, generated.actor, today=AS_OF)
    _consistent(view)
    return {m.label: +Counter(dict(zip(dashboard.MATRIX_KEYS, m.counts, strict=True))) for m in view.matrix}


def test_lead_rule_without_a_lead_and_with_two(generated: AppContext) -> None:
    """The matrix counts each directive under its lead, else its first assignment, else 'no one':
    the fast join on the lead role and the full rule agree with the Python rows in every case."""
    assert _sql_matrix(generated) == _python_matrix(generated)
    with generated.db.unit_of_work() as session:
        pairs = session.execute(
            select(Assignment.directive_id, Assignment.id, Assignment.role).order_by(
                Assignment.directive_id, Assignment.id
            )
        ).all()
        by_directive: dict[int, list[tuple[int, str]]] = {}
        for directive_id, assignment_id, role in pairs:
            by_directive.setdefault(directive_id, []).append((assignment_id, role))
        several = [d for d, rows in by_directive.items() if len(rows) >= 2]
        leaderless = [d for d, rows in by_directive.items() if len(rows) >= 2 and rows[0][1] == "lead"][:3]
        for directive_id in leaderless:  # a support-only directive: its first assignment speaks for it
            session.execute(update(Assignment).where(Assignment.directive_id == directive_id).values(role="support"))
        nobody = several[-1]  # no assignment at all: counted under "no one"
        session.execute(delete(Assignment).where(Assignment.directive_id == nobody))
        directive_summary.refresh(session.connection(), None)
    assert _sql_matrix(generated) == _python_matrix(generated)  # the fast join, then the full rule for these
    with generated.db.unit_of_work() as session:
        twice = next(d for d in several[:-1] if d not in leaderless)
        session.execute(update(Assignment).where(Assignment.directive_id == twice).values(role="lead"))
        directive_summary.refresh(session.connection(), None)
    assert _sql_matrix(generated) == _python_matrix(generated)  # two leads: the full rule throughout
