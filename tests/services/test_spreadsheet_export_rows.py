"""The export reads its rows straight from SQL; they must be exactly what the tracker view
(services.directive_views) shows for the same directives, on SQLite and PostgreSQL."""

from datetime import date

import pytest

from sbpac_desktop.services.demo import generate
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, DirectiveRow, build_rows
from sbpac_desktop.services.spreadsheets.export import SUPPORT_SEPARATOR, tracker_table
from sbpac_desktop.thai import apply_digits, medium_date

AS_OF = date(2026, 11, 25)


def _be(value: date | None, thai: bool) -> str | None:
    return medium_date(value, thai_digits=thai) if value else None


def _expected(row: DirectiveRow, reported_on: date | None, thai: bool) -> tuple[object, ...]:
    """The columns as the view's DirectiveRow gives them (the export before it read SQL rows)."""
    return (
        row.number_text(thai),
        row.text,
        apply_digits(row.meeting_label, thai) if row.meeting_label else None,
        row.dimension,
        row.priority.label,
        row.lead_label,
        row.lead_agency,
        SUPPORT_SEPARATOR.join(row.supporting) or None,
        _be(row.issued_on, thai),
        _be(row.due_on, thai),
        _be(row.extended_due_on, thai),
        apply_digits(row.status.label, thai),
        row.latest_percent,
        row.latest_result,
        _be(reported_on, thai),
        row.issued_on,
        row.due_on,
        row.extended_due_on,
        reported_on,
    )


def _report_dates(ctx, ids: set[int]) -> dict[int, date]:
    """Date of the report the view shows (detail view: newest first, lead's first)."""
    from sbpac_desktop.services.directives.directives import get_directive

    found = {}
    for directive_id in ids:
        detail = get_directive(ctx.db, ctx.actor, directive_id, today=AS_OF)
        lead = detail.assignments[0].id if detail.assignments else None
        mine = [r for r in detail.reports if r.assignment_id == lead]
        chosen = (mine or list(detail.reports) or [None])[0]
        if chosen is not None:
            found[directive_id] = chosen.report_date
    return found


@pytest.mark.parametrize(
    "filters", [DirectiveFilter(), DirectiveFilter(status="overdue"), DirectiveFilter(fiscal_year=2568)]
)
def test_sql_rows_match_the_tracker_view(ctx, filters):
    generate.generate(ctx.db, ctx.actor, 120, seed=3, as_of=AS_OF)
    with ctx.db.unit_of_work() as session:
        view = build_rows(session, filters, AS_OF)
    dates = _report_dates(ctx, {r.id for r in view})
    assert view, "the generated set must have rows for this filter"
    for thai in (False, True):
        table = tracker_table(ctx.db, ctx.actor, filters, AS_OF, thai_digits=thai)
        assert list(table.rows) == [_expected(r, dates.get(r.id), thai) for r in view]


def test_csv_bytes_match_the_view_on_generated_data(ctx, tmp_path):
    """Byte for byte: the csv of the SQL rows (dates read as the driver's text, converted once per
    value) against the csv of the view's rows, the export's output before it read SQL rows."""
    from sbpac_desktop.reporting.spreadsheets import write_table

    generate.generate(ctx.db, ctx.actor, 300, seed=5, as_of=AS_OF)
    with ctx.db.unit_of_work() as session:
        view = build_rows(session, DirectiveFilter(), AS_OF)
    dates = _report_dates(ctx, {r.id for r in view})
    table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(), AS_OF)
    write_table(tmp_path / "sql.csv", table.headers, table.rows)
    write_table(tmp_path / "view.csv", table.headers, [_expected(r, dates.get(r.id), False) for r in view])
    assert (tmp_path / "sql.csv").read_bytes() == (tmp_path / "view.csv").read_bytes()
    assert len(table.rows) == 300


def test_formatted_once_values_where_a_wrong_key_would_show(ctx):
    """The export formats each distinct value once (BE text per date, status label per (state,
    percent's class, effective due date, block)) and maps the columns through those tables; the
    view formats row by row. Compared on a set that holds the rows where a wrong table key would
    show: extended due dates, blocked open directives, due dates
    on both sides of a year's end (BE year), overdue and due-soon days."""
    generate.generate(ctx.db, ctx.actor, 400, seed=11, as_of=AS_OF)
    with ctx.db.unit_of_work() as session:
        view = build_rows(session, DirectiveFilter(), AS_OF)
    dates = _report_dates(ctx, {r.id for r in view})
    for thai in (False, True):
        table = tracker_table(ctx.db, ctx.actor, DirectiveFilter(), AS_OF, thai_digits=thai)
        assert list(table.rows) == [_expected(r, dates.get(r.id), thai) for r in view]
    assert any(r.extended_due_on and r.extended_due_on != r.due_on for r in view)
    assert any(r.status.blocked for r in view)
    assert {r.status.deadline.value for r in view} >= {"overdue", "due_soon", "on_track", "none"}
    due_months = {(d.year, d.month) for r in view for d in (r.due_on, r.extended_due_on) if d}
    assert any((year, 12) in due_months and (year + 1, 1) in due_months for year, _ in due_months)
