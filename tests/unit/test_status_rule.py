"""The one directive-status rule: Python evaluation, its per-key partition, and the SQL compiled
from it agree on every combination of facts — on SQLite and on PostgreSQL.

The reference below is the rule as the secretariat states it (docs/CONVENTIONS.md), written independently
of domain/status_rule.py so that a change to the rule's data shows up here as a failure.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine, make_url

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.status import STATUS_KEYS, derive_status
from sbpac_desktop.domain.status_rule import RULE_KEYS, Facts, conjunction_holds, partition, status_key
from sbpac_desktop.services.status_sql import status_case, status_filter
from sbpac_desktop.store.models import Directive

TODAY = date(2026, 12, 6)
PERCENTS = (None, 0, 1, 50, 99, 100)
DUE_OFFSETS = (None, -400, -8, -1, 0, 1, 6, 7, 8, 9, 400)


def reference(state: DirectiveState, percent: int | None, due: date | None, blocked: bool) -> str:
    """Cancelled; done (closed or 100 %); overdue; blocked; due within 7 days; not started; in progress."""
    if state is DirectiveState.CANCELLED:
        return "cancelled"
    if state is DirectiveState.CLOSED or percent == 100:
        return "done"
    if due is not None and due < TODAY:
        return "overdue"
    if blocked:
        return "blocked"
    if due is not None and (due - TODAY).days <= 7:
        return "due_soon"
    return "not_started" if percent is None else "in_progress"


def every_case() -> list[Facts]:
    return [
        Facts(state, percent, None if offset is None else TODAY + timedelta(days=offset), blocked, TODAY)
        for state, percent, offset, blocked in product(DirectiveState, PERCENTS, DUE_OFFSETS, (False, True))
    ]


def test_the_rule_names_every_status_the_screens_know() -> None:
    assert set(RULE_KEYS) == set(STATUS_KEYS)


@pytest.mark.parametrize("facts", every_case(), ids=str)
def test_python_evaluation_matches_the_stated_rule(facts: Facts) -> None:
    expected = reference(facts.state, facts.percent, facts.due, facts.blocked)
    assert status_key(facts) == expected
    reason = "รองบประมาณ" if facts.blocked else None
    assert derive_status(facts.state, facts.percent, facts.due, TODAY, reason).key == expected


def test_each_case_falls_in_exactly_one_partition() -> None:
    for facts in every_case():
        owners = [key for key in RULE_KEYS if any(conjunction_holds(c, facts) for c in partition(key))]
        assert owners == [status_key(facts)], facts
    assert partition("no-such-status") == ()


# --- the SQL compiled from the rule, on both back ends ----------------------------------------
def _engine(url: str) -> Engine:
    if not url.startswith("postgresql"):
        return create_engine(f"sqlite:///{url}")  # the suite's SQLite "URL" is a file path
    return create_engine(make_url(url).set(drivername="postgresql+psycopg"))


def _load(connection: object, rows: list[tuple[int, Facts]], sqlite: bool) -> None:
    # A temporary table named like the real one shadows it (temp schema first on both back ends),
    # so the compiled expressions run unchanged against rows no trigger or check constrains.
    schema = "temp" if sqlite else "pg_temp"
    connection.execute(text(f"DROP TABLE IF EXISTS {schema}.directive"))
    connection.execute(
        text(
            "CREATE TEMP TABLE directive (id INTEGER PRIMARY KEY, state VARCHAR(16) NOT NULL, "
            "latest_percent INTEGER, effective_due_on DATE, blocked_reason VARCHAR(200))"
        )
    )
    connection.execute(
        text("INSERT INTO directive VALUES (:id, :state, :percent, :due, :reason)"),
        [
            {
                "id": row_id,
                "state": f.state.value,
                "percent": f.percent,
                "due": (f.due.isoformat() if sqlite else f.due) if f.due else None,
                "reason": "รองบประมาณ" if f.blocked else None,
            }
            for row_id, f in rows
        ],
    )


def _check_sql_agrees(url: str, cases: list[Facts]) -> None:
    engine = _engine(url)
    sqlite = engine.dialect.name == "sqlite"
    rows = list(enumerate(cases, start=1))
    expected = {row_id: status_key(f) for row_id, f in rows}
    try:
        with engine.connect() as connection:
            _load(connection, rows, sqlite)
            named = dict(connection.execute(select(Directive.id, status_case(TODAY))).all())
            assert named == expected
            for key in RULE_KEYS:
                found = set(connection.execute(select(Directive.id).where(status_filter(key, TODAY))).scalars())
                assert found == {i for i, k in expected.items() if k == key}, key
            connection.rollback()
    finally:
        engine.dispose()


def test_sql_agrees_with_python_on_every_combination(db_url: str) -> None:
    _check_sql_agrees(db_url, every_case())


facts_strategy = st.builds(
    Facts,
    state=st.sampled_from(list(DirectiveState)),
    percent=st.one_of(st.none(), st.integers(0, 100)),
    due=st.one_of(st.none(), st.dates(TODAY - timedelta(days=3000), TODAY + timedelta(days=3000))),
    blocked=st.booleans(),
    today=st.just(TODAY),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(facts_strategy, min_size=1, max_size=40))
def test_sql_agrees_with_python_on_random_directives(db_url: str, cases: list[Facts]) -> None:
    _check_sql_agrees(db_url, cases)


def test_a_percent_and_its_class_give_the_same_status() -> None:
    """percent_class may stand for a percent wherever only the status is wanted (the export
    derives one label per class): for every percent, state, due date and block it agrees."""
    from sbpac_desktop.domain.status_rule import COMPARED_PERCENTS, percent_class

    today = date(2026, 11, 25)
    assert {None, 100} == COMPARED_PERCENTS
    dues = (None, today - timedelta(days=3), today + timedelta(days=3), today + timedelta(days=60))
    for percent, state, due, blocked in product([None, *range(101)], DirectiveState, dues, (False, True)):
        facts = Facts(state, percent, due, blocked, today)
        same = Facts(state, percent_class(percent), due, blocked, today)
        assert status_key(facts) == status_key(same), (percent, state, due, blocked)
        assert derive_status(state, percent, due, today).label == derive_status(
            state, percent_class(percent), due, today
        ).label
