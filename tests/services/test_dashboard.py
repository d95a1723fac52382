"""Dashboard figures over the demo data as of 15 Feb 2020 (docs/CONVENTIONS.md §7)."""

from dataclasses import replace
from datetime import date

import pytest

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.escalation import Tier
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.dashboard import MATRIX_KEYS, dashboard
from sbpac_desktop.services.meetings import meetings
from tests.services.helpers import series


@pytest.fixture
def demo(ctx):
    return load_demo(ctx.db, ctx.actor)


def test_fy2563_counts_matrix_dimensions_and_overdue(ctx, demo):
    view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    assert view.total == 8 and view.fiscal_years == (2563, 2562)
    assert dict(view.status_counts) == {
        "not_started": 1, "in_progress": 2, "blocked": 0, "due_soon": 0, "overdue": 2, "done": 3, "cancelled": 0,
    }  # fmt: skip
    assert view.matrix_keys == MATRIX_KEYS
    matrix = {row.label: dict(zip(MATRIX_KEYS, row.counts, strict=True)) for row in view.matrix}
    assert matrix["ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"]["done"] == 2
    assert matrix["ผู้ช่วยเลขาธิการ ศอ.บต. (กรมประชาสัมพันธ์)"]["overdue"] == 1
    assert sum(row.total for row in view.matrix) == 8
    dims = {d.name: d.total for d in view.dimensions}
    assert dims["การบริหารจัดการภาครัฐ"] == 3 and sum(dims.values()) == 8
    assert [(o.row.number_text(False), o.days_late) for o in view.overdue] == [
        ("ขส. 004/2563", 46),
        ("ขส. 005/2563", 15),
    ]
    assert all(o.escalation.tier is Tier.REPORT_UP for o in view.overdue)
    strict = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE, thresholds=(1, 20, 50))
    assert [o.escalation.tier for o in strict.overdue] == [Tier.EXPEDITE, Tier.LATE]


def test_on_time_completion_rate_per_year_and_quarter(ctx, demo):
    view = dashboard(ctx.db, ctx.actor, today=REFERENCE_DATE)
    rates = {(c.fiscal_year, c.quarter): (c.on_time, c.due) for c in view.completion}
    # Q1 FY2563: 001 and 003 done on time, 004 late; Q2: 006 on time, 005 late; 002/007/008 not yet due.
    assert rates[(2563, None)] == (3, 5) and rates[(2563, 1)] == (2, 3) and rates[(2563, 2)] == (1, 2)
    assert rates[(2562, 4)] == (1, 1)
    assert view.completion[0].fiscal_year == 2563 and view.completion[0].rate == pytest.approx(0.6)


def test_quarter_series_and_extension_filters(ctx, demo):
    q2 = dashboard(ctx.db, ctx.actor, fiscal_year=2563, quarter=2, today=REFERENCE_DATE)
    assert q2.total == 4 and q2.count("overdue") == 1  # 002, 005, 006, 007 fall due in Jan-Mar 2020
    other = series(ctx, "ชุดอื่น")
    assert dashboard(ctx.db, ctx.actor, series_id=other, today=REFERENCE_DATE).total == 0
    main_series = meetings.get_meeting(ctx.db, ctx.actor, demo.meeting_id).series_id
    assert dashboard(ctx.db, ctx.actor, series_id=main_series, today=REFERENCE_DATE).total == 9
    # An approved extension of 004 to 28 Feb takes it out of the overdue list and the Q1 rate.
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.seq == 4 and r.fiscal_year == 2563)
    detail = directives.get_directive(ctx.db, ctx.actor, row.id)
    data = directives.DirectiveInput(
        text=row.text, issued_on=row.issued_on, due_on=row.due_on, extended_due_on=date(2020, 2, 28),
        assignments=tuple(directives.AssignmentInput(a.position_id, a.org_unit_id, a.role) for a in detail.assignments),
        meeting_id=detail.meeting_id, dimension_id=detail.dimension_id,
    )  # fmt: skip
    directives.update_directive(ctx.db, ctx.actor, row.id, row.version, data)
    view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    assert [o.row.seq for o in view.overdue] == [5] and view.count("in_progress") == 3
    assert {(c.fiscal_year, c.quarter): c.due for c in view.completion}[(2563, 1)] == 2


def test_closing_late_counts_late_and_cancelled_is_left_out(ctx, demo):
    rows = {
        r.seq: r for r in directives.list_directives(ctx.db, ctx.actor, directives.DirectiveFilter(fiscal_year=2563))
    }
    directives.set_state(ctx.db, ctx.actor, rows[5].id, DirectiveState.CLOSED, on=date(2020, 2, 10))
    directives.set_state(ctx.db, ctx.actor, rows[4].id, DirectiveState.CANCELLED)
    view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    assert view.count("cancelled") == 1 and view.overdue == ()
    assert sum(row.total for row in view.matrix) == 7  # the matrix has no cancelled column
    rates = {(c.fiscal_year, c.quarter): (c.on_time, c.due) for c in view.completion}
    assert rates[(2563, 1)] == (2, 2) and rates[(2563, 2)] == (1, 2)  # 005 closed 10 days after its due date


def test_quarter_needs_a_fiscal_year(ctx):
    with pytest.raises(ValidationError):
        dashboard(ctx.db, ctx.actor, quarter=2)
    with pytest.raises(ValidationError):
        dashboard(ctx.db, ctx.actor, fiscal_year=2563, quarter=5)
    empty = dashboard(ctx.db, ctx.actor, today=REFERENCE_DATE)
    assert empty.total == 0 and empty.completion == () and empty.matrix == ()


def test_viewer_may_read(ctx, demo):
    from sbpac_desktop.domain.enums import UserRole

    viewer = replace(ctx.actor, role=UserRole.VIEWER)
    assert dashboard(ctx.db, viewer, today=REFERENCE_DATE).total == 9


def test_place_filter_narrows_to_directives_tied_to_places_in_it(ctx, demo):
    """The demo ties ขส. 003 (tambons in ปัตตานี and ยะลา), 005 (จ.ปัตตานี), 007 (อ.ยะหริ่ง, a tambon
    in นราธิวาส) and 008 (จ.สตูล) to places: a province counts what is tied to it or anything under it."""
    from sbpac_desktop.services import places

    def seqs(written: str) -> list[int]:
        place = places.resolve_place(ctx.db, ctx.actor, written)
        view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE, place_id=place.id)
        assert view.total == sum(row.total for row in view.matrix) + view.count("cancelled")
        return sorted(line.row.seq for line in view.overdue), view.total

    assert seqs("จ.ปัตตานี") == ([5], 3)  # 003 done, 005 overdue, 007 in progress
    assert seqs("อ.เมืองปัตตานี จ.ปัตตานี") == ([], 1)  # only 003's tambon is in the district
    assert seqs("จ.ยะลา") == ([], 1) and seqs("จ.สงขลา") == ([], 0)
    pattani = places.resolve_place(ctx.db, ctx.actor, "จ.ปัตตานี").id
    view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, quarter=2, today=REFERENCE_DATE, place_id=pattani)
    assert view.total == 2  # 005 and 007 fall due in Jan-Mar 2020; 003 in Nov 2019
    assert sum(d.total for d in view.dimensions) == 2
