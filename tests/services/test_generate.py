"""The scale-test generator: counts and ratios, every derived status present, summaries
consistent with the reports, search index and audit chain intact, refusal on real data."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy import table as sql_table

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.services import search
from sbpac_desktop.services.admin.maintenance import verify_audit_chain
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.directives import directives
from sbpac_desktop.store import directive_summary
from sbpac_desktop.store.models import AuditEntry, Directive

AS_OF = date(2026, 11, 25)
N = 500


@pytest.fixture
def generated(ctx: AppContext) -> AppContext:
    result = generate.generate(ctx.db, ctx.actor, N, seed=3, as_of=AS_OF)
    assert result.directives == N
    return ctx


def test_counts_and_ratios(generated: AppContext) -> None:
    with generated.db.unit_of_work() as session:
        counts = {
            table: session.execute(select(func.count()).select_from(sql_table(table))).scalar_one()
            for table in ("meeting", "agenda_item", "directive", "assignment", "progress_report")
        }
        years = session.scalars(select(Directive.fiscal_year).distinct()).all()
    assert counts["directive"] == N
    assert counts["meeting"] == 10  # 2 % of N, at least one a fiscal year
    assert counts["agenda_item"] == 150  # 30 % of N
    assert 1.7 * N <= counts["assignment"] <= 2.3 * N
    assert 4 * N <= counts["progress_report"] <= 6 * N
    assert sorted(years) == list(range(2561, 2571))  # ten fiscal years up to the one of AS_OF


def test_every_status_occurs_and_sql_agrees_with_python(generated: AppContext) -> None:
    rows = directives.list_directives(generated.db, generated.actor, None, AS_OF)
    spread = Counter(row.status.key for row in rows)
    assert set(spread) == set(STATUS_KEYS), spread
    with generated.db.unit_of_work() as session:
        stored = {d.id: (d.latest_percent, d.effective_due_on) for d in session.scalars(select(Directive))}
    for row in rows:
        assert stored[row.id] == (row.latest_percent, row.effective_due), row.number_text(False)


def test_summaries_match_a_full_refresh(generated: AppContext) -> None:
    """What the generator wrote equals what the listener's SQL rule computes."""
    columns = (Directive.id, Directive.effective_due_on, Directive.latest_percent, Directive.latest_report_on)
    with generated.db.unit_of_work() as session:
        before = session.execute(select(*columns).order_by(Directive.id)).all()
        directive_summary.refresh(session.connection(), None)
        after = session.execute(select(*columns).order_by(Directive.id)).all()
    assert before == after


def test_search_index_and_audit_chain(generated: AppContext) -> None:
    hits = search.search(generated.db, generated.actor, "ปอเนาะ", limit=5)
    assert hits and all("ปอเนาะ" in hit.snippet for hit in hits)
    assert search.search(generated.db, generated.actor, "มรสุม", limit=3)  # progress report text
    with generated.db.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "generate")).all()
        chain = verify_audit_chain(session)
    assert len(entries) == 1 and '"directive": 500' in (entries[0].after_json or "")
    assert chain.broken is None


def test_refuses_a_database_with_meetings(ctx: AppContext) -> None:
    load_demo(ctx.db, ctx.actor)
    with pytest.raises(ConflictError) as caught:
        generate.generate(ctx.db, ctx.actor, 50, as_of=AS_OF)
    assert "ฐานข้อมูลใหม่" in caught.value.message_th
    assert len(directives.list_directives(ctx.db, ctx.actor)) == 9  # nothing added


def test_bad_count_and_role(ctx: AppContext) -> None:
    with pytest.raises(ValidationError):
        generate.generate(ctx.db, ctx.actor, 5)
    viewer = Actor(ctx.actor.user_id, "viewer", UserRole.VIEWER, "viewer")
    with pytest.raises(PermissionDenied):
        generate.generate(ctx.db, viewer, 100)


@pytest.mark.pg
def test_postgresql_tables_leave_the_load_with_statistics(pg_url: str) -> None:
    """The summary triggers' lookups are planned from statistics; a table filled inside the one
    load transaction has none unless the loader analyses it (store/bulk.py), and the planner then
    scans every report for each directive (the 10k set took 170 s instead of 25 s)."""
    from sbpac_desktop.services.app import open_app

    ctx = open_app(pg_url, create=True, upgrade=True)
    try:
        generate.generate(ctx.db, ctx.actor, N, seed=3, as_of=AS_OF)
        with ctx.db.unit_of_work() as session:
            estimated = dict(
                session.execute(
                    text(
                        "SELECT relname, reltuples FROM pg_class WHERE relname IN "
                        "('directive', 'assignment', 'progress_report') AND relkind = 'r'"
                    )
                ).all()
            )
            counted = {
                name: session.execute(select(func.count()).select_from(sql_table(name))).scalar_one()
                for name in estimated
            }
    finally:
        ctx.close()
    assert set(estimated) == {"directive", "assignment", "progress_report"}
    assert estimated == {name: float(count) for name, count in counted.items()}
