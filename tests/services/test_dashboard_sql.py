"""The dashboard as SQL aggregation (issue #15, 100k-scale) gives what the former Python
algorithm gave, on generated data, on SQLite and PostgreSQL, for every scope."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sbpac_desktop.services import dashboard, generate, places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.store.models import Meeting

AS_OF = date(2026, 11, 25)


@pytest.fixture
def generated(ctx: AppContext) -> AppContext:
    generate.generate(ctx.db, ctx.actor, 800, seed=11, as_of=AS_OF)
    return ctx


def _comparable(view: dashboard.DashboardView) -> tuple:  # type: ignore[type-arg]
    overdue = tuple(
        (o.row.id, o.row.number_text(), o.row.text, o.row.lead_label, o.days_late, o.escalation) for o in view.overdue
    )
    fields = [getattr(view, name) for name in view.__dataclass_fields__ if name != "overdue"]
    return (*fields, overdue)


def test_sql_dashboard_equals_the_former_algorithm(generated: AppContext) -> None:
    db, actor = generated.db, generated.actor
    province = places.resolve_place(db, actor, "จ.ปัตตานี").id
    district = places.resolve_place(db, actor, "อ.จะนะ จ.สงขลา").id
    with db.unit_of_work() as session:
        series_id = session.scalar(select(Meeting.series_id).limit(1))
    scopes = [
        {},
        {"fiscal_year": 2566},
        {"fiscal_year": 2570, "quarter": 1},
        {"fiscal_year": 2569, "quarter": 4},
        {"place_id": province},
        {"place_id": district, "fiscal_year": 2569},
        {"series_id": series_id},
        {"series_id": series_id + 1000},
        {"thresholds": (3, 10, 20)},
    ]
    for scope in scopes:
        new = dashboard.dashboard(db, actor, today=AS_OF, **scope)
        old = dashboard.dashboard_python(db, actor, today=AS_OF, **scope)
        assert _comparable(new) == _comparable(old), scope
        assert new.total > 0 or "quarter" in scope or scope.get("series_id") == series_id + 1000
