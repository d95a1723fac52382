"""The tracker in SQL: pages, sorts and filters agree with the Python-derived rows, and the
queries use indexes (EXPLAIN QUERY PLAN on SQLite, EXPLAIN with sequential scans off on
PostgreSQL) instead of reading every directive."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, text

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.directives import directives, tracker, tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter

AS_OF = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def generated(ctx: AppContext) -> AppContext:
    generate.generate(ctx.db, ctx.actor, 400, seed=5, as_of=AS_OF)
    return ctx


def _all_pages(ctx: AppContext, query: tracker.TrackerQuery, size: int = 70) -> list[directives.DirectiveRow]:
    rows: list[directives.DirectiveRow] = []
    offset, more = 0, True
    while more:
        page = tracker.tracker_page(ctx.db, ctx.actor, query, offset, size, AS_OF)
        rows += page.rows
        offset, more = offset + size, page.has_more
    return rows


def test_pages_cover_every_row_once_in_every_sort(generated: AppContext) -> None:
    everything = directives.list_directives(generated.db, generated.actor, None, AS_OF)
    for sort in tracker.SORT_KEYS:
        for descending in (False, True):
            rows = _all_pages(generated, tracker.TrackerQuery(sort=sort, descending=descending))
            assert sorted(r.id for r in rows) == sorted(r.id for r in everything), (sort, descending)
    by_number = _all_pages(generated, tracker.TrackerQuery())
    assert [r.id for r in by_number] == [r.id for r in everything]  # the service's own order


def test_sort_orders(generated: AppContext) -> None:
    due = [r.effective_due for r in _all_pages(generated, tracker.TrackerQuery(sort="due")) if r.effective_due]
    assert due == sorted(due)
    percent = [r.latest_percent for r in _all_pages(generated, tracker.TrackerQuery(sort="percent", descending=True))]
    known = [p for p in percent if p is not None]
    assert known == sorted(known, reverse=True)
    by_status = _all_pages(generated, tracker.TrackerQuery(sort="status"))
    ranks = [tracker_sql.STATUS_RANK.index(r.status.key) for r in by_status]
    assert ranks == sorted(ranks)
    late = [r.status.days for r in by_status if r.status.key == "overdue"]
    assert late == sorted(late, reverse=True)  # the most days late first


def test_filters_match_python(generated: AppContext) -> None:
    everything = directives.list_directives(generated.db, generated.actor, None, AS_OF)
    counts = tracker.tracker_counts(generated.db, generated.actor, DirectiveFilter(), AS_OF)
    assert counts.total == len(everything)
    for key in STATUS_KEYS:
        flt = DirectiveFilter(status=key)
        expected = sorted(r.id for r in everything if r.status.key == key)
        assert sorted(r.id for r in _all_pages(generated, tracker.TrackerQuery(flt))) == expected, key
        assert counts.count(key) == len(expected)
    year = DirectiveFilter(fiscal_year=2565, status="done")
    rows = _all_pages(generated, tracker.TrackerQuery(year, sort="due"))
    assert rows and all(r.fiscal_year == 2565 and r.status.key == "done" for r in rows)
    who = _all_pages(generated, tracker.TrackerQuery(DirectiveFilter(assignee="กรมบัญชีกลาง")))
    assert who and all(
        "กรมบัญชีกลาง" in " ".join((r.lead_label or "", *r.supporting)) or r.lead_agency == "กรมบัญชีกลาง" for r in who
    )
    words = _all_pages(generated, tracker.TrackerQuery(DirectiveFilter(text="ปอเนาะ")))
    assert words and all("ปอเนาะ" in r.text for r in words)
    assert len(words) == sum("ปอเนาะ" in r.text for r in everything)
    short = _all_pages(generated, tracker.TrackerQuery(DirectiveFilter(text="ปอ")))  # 2 characters: LIKE
    assert len(short) == sum("ปอ" in r.text for r in everything)
    nobody = tracker.tracker_page(
        generated.db, generated.actor, tracker.TrackerQuery(DirectiveFilter(assignee="ไม่มีใคร"))
    )
    assert nobody.rows == () and not nobody.has_more


def test_bad_sort_or_page_is_a_validation_error(ctx: AppContext) -> None:
    with pytest.raises(ValidationError):
        tracker.tracker_page(ctx.db, ctx.actor, tracker.TrackerQuery(sort="text"))
    with pytest.raises(ValidationError):
        tracker.tracker_page(ctx.db, ctx.actor, tracker.TrackerQuery(), offset=-1)


def test_progress_writes_keep_the_summary_columns(ctx: AppContext) -> None:
    from sbpac_desktop.services.demo.demo import load_demo
    from sbpac_desktop.services.directives import progress

    load_demo(ctx.db, ctx.actor)
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.number_text(False) == "ขส. 002/2563")
    detail = directives.get_directive(ctx.db, ctx.actor, row.id)
    lead = detail.assignments[0]
    progress.add_progress(
        ctx.db, ctx.actor, progress.ProgressInput(lead.id, date(2020, 2, 1), 100, "แล้วเสร็จ"), today=date(2020, 2, 2)
    )
    done = tracker.tracker_page(
        ctx.db, ctx.actor, tracker.TrackerQuery(DirectiveFilter(status="done")), today=date(2020, 2, 2)
    )
    assert row.id in [r.id for r in done.rows]


# --- plans -------------------------------------------------------------------------------
PLAN_CASES = {
    "overdue by days late": (DirectiveFilter(status="overdue"), "status"),
    "overdue by due": (DirectiveFilter(status="overdue"), "due"),
    "due soon": (DirectiveFilter(status="due_soon"), "number"),
    "one fiscal year": (DirectiveFilter(fiscal_year=2566), "number"),
    "fiscal year by due": (DirectiveFilter(fiscal_year=2566), "due"),
    "dimension": (DirectiveFilter(dimension_id=1), "number"),
    "assignee": (DirectiveFilter(assignee="กรมบัญชีกลาง"), "number"),
    "text": (DirectiveFilter(text="ปอเนาะ"), "number"),
}


def _page_sql(ctx: AppContext, flt: DirectiveFilter, sort: str) -> str:
    with ctx.db.unit_of_work() as session:
        query = tracker_sql.filtered(session, flt, AS_OF).order_by(*tracker_sql.order_by(sort, False, AS_OF)).limit(200)
        return str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))


@pytest.mark.parametrize("case", list(PLAN_CASES))
def test_filtered_pages_use_indexes(generated: AppContext, case: str) -> None:
    flt, sort = PLAN_CASES[case]
    sql = _page_sql(generated, flt, sort)
    with generated.db.unit_of_work() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            plan = [row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
            full_scans = [line for line in plan if re.fullmatch(r"SCAN (directive|assignment)", line)]
        else:
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            plan = [row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql)]
            full_scans = [line for line in plan if re.search(r"Seq Scan on (directive|assignment)\b", line)]
    assert not full_scans, "\n".join(plan)
    assert any("directive" in line for line in plan)


def test_a_page_is_read_in_few_statements_with_its_ids_as_one_parameter(generated: AppContext) -> None:
    """Issue #16: the page's directive rows come with the page (no second read by id), the assignees'
    labels with the assignments (posts and units joined), and on PostgreSQL an id list is one array
    parameter, not hundreds of placeholders the driver has to parse."""
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        seen.append((statement, parameters))

    engine = generated.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        page = tracker.tracker_page(generated.db, generated.actor, tracker.TrackerQuery(), 0, 200, AS_OF)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    reads = [(s, p) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(page.rows) == 200 and page.has_more
    # the page, its assignments with their labels, the newest reports, the dimensions, the meetings
    assert len(reads) <= 5, [s[:60] for s, _ in reads]
    if engine.dialect.name == "postgresql":
        assert max(len(p or ()) for _s, p in reads) <= 5  # type: ignore[arg-type]


def test_showing_the_tracker_configures_no_orm_mappers(generated: AppContext) -> None:
    """Issue #16: the window's tracker reads its filter lists, first page and counts on Core
    connections; configuring the mappers (~45 ms on the database thread) is not on that path.
    Checked in a fresh process (this one has configured them long ago)."""
    if generated.db.engine.dialect.name != "sqlite":
        pytest.skip("the fresh process opens the SQLite file")
    path = generated.db.engine.url.database
    probe = (
        "from datetime import date\n"
        "from sqlalchemy import event\n"
        "from sqlalchemy.orm import Mapper\n"
        "from sbpac_desktop.services import places\n"
        "from sbpac_desktop.services.app import open_unsigned\n"
        "from sbpac_desktop.services.context import system_actor\n"
        "from sbpac_desktop.services.directives import tracker\n"
        "from sbpac_desktop.services.directives.directive_views import DirectiveFilter\n"
        "configured = []\n"
        "event.listen(Mapper, 'before_configured', lambda: configured.append(True))\n"
        f"db = open_unsigned({path!r})\n"
        "actor, day = system_actor(db), date(2026, 11, 25)\n"
        "shown = [places.list_places(db, actor, level=level) for level in ('province', 'district')]\n"
        "years = tracker.tracker_years(db, actor)\n"
        "page = tracker.tracker_page(db, actor, tracker.TrackerQuery(), 0, 200, day)\n"
        "counts = tracker.tracker_counts(db, actor, DirectiveFilter(), day)\n"
        "db.close()\n"
        "print(len(page.rows), counts.total, bool(years), configured)\n"
    )
    generated.close()
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "200 400 True []"


def test_fiscal_years_are_looked_up_one_per_year(ctx: AppContext) -> None:
    """The year filter's list: the years in use, newest first, gaps kept out, an empty list on an empty
    database; on SQLite the plan searches the index a year at a time, it never scans every directive."""
    assert tracker.tracker_years(ctx.db, ctx.actor) == []
    generate.generate(ctx.db, ctx.actor, 60, seed=5, as_of=AS_OF)
    with ctx.db.connect() as connection:
        connection.execute(text("DELETE FROM directive WHERE fiscal_year = :gone"), {"gone": 2566})
        expected = list(connection.scalars(text("SELECT DISTINCT fiscal_year FROM directive ORDER BY 1 DESC")))
        assert len(expected) >= 3 and 2566 not in expected
        assert list(connection.scalars(tracker.years_query())) == expected  # the gap stays out
        if connection.dialect.name == "sqlite":
            sql = str(tracker.years_query().compile(connection, compile_kwargs={"literal_binds": True}))
            plan = [row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
            assert not [line for line in plan if line.startswith("SCAN directive")], "\n".join(plan)
            assert any(line.startswith("SEARCH directive") for line in plan), "\n".join(plan)
        connection.rollback()
    assert tracker.tracker_years(ctx.db, ctx.actor) == list(reversed(sorted({*expected, 2566})))
