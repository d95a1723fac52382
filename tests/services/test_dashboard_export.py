"""The dashboard's tables as one spreadsheet table (services/directives/dashboard_export.py), on SQLite
and PostgreSQL, over the demo data as of 15 Feb 2020; written and read back as .xlsx."""

import openpyxl
import pytest

from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives.dashboard import dashboard
from sbpac_desktop.services.directives.dashboard_export import HEADERS, TABLES, dashboard_table


@pytest.fixture
def demo(ctx):
    return load_demo(ctx.db, ctx.actor)


def test_fy2563_tables_match_the_dashboard(ctx, demo, tmp_path):
    table = dashboard_table(ctx.db, ctx.actor, 2563, None, None, REFERENCE_DATE)
    view = dashboard(ctx.db, ctx.actor, fiscal_year=2563, today=REFERENCE_DATE)
    assert table.headers == HEADERS and all(len(row) == len(HEADERS) for row in table.rows)
    first = table.rows[0]
    assert first[0] == TABLES[0] and first[2 : 2 + len(STATUS_KEYS)] == (1, 2, 0, 0, 2, 3, 0) and first[9] == 8
    matrix = [row for row in table.rows if row[0] == TABLES[1]]
    assert sum(row[9] for row in matrix) == 8 and len(matrix) == len(view.matrix)
    dimensions = {row[1]: row[9] for row in table.rows if row[0] == TABLES[2]}
    assert dimensions["การบริหารจัดการภาครัฐ"] == 3
    overdue = [(row[1].split(" ", 2)[:2], row[11]) for row in table.rows if row[0] == TABLES[3]]
    assert overdue == [(["ขส.", "004/2563"], 46), (["ขส.", "005/2563"], 15)]
    assert ("ปีงบประมาณ", "2563") in table.info
    written = write_table(tmp_path / "d.xlsx", table.headers, table.rows, sheet_name=table.sheet_name, info=table.info)
    book = openpyxl.load_workbook(written.path, read_only=True)
    assert book.sheetnames[0] == "ภาพรวม"
    back = list(book.worksheets[0].iter_rows(values_only=True))
    assert back[0] == HEADERS and len(back) == len(table.rows) + 1 and back[1][9] == 8


def test_quarter_without_fiscal_year_is_refused(ctx, demo):
    from sbpac_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        dashboard_table(ctx.db, ctx.actor, None, 2, None, REFERENCE_DATE)


def test_place_narrows_the_tables_and_is_named_in_the_sheet(ctx, demo):
    from sbpac_desktop.services import places

    pattani = places.resolve_place(ctx.db, ctx.actor, "จ.ปัตตานี").id
    table = dashboard_table(ctx.db, ctx.actor, 2563, None, None, REFERENCE_DATE, pattani)
    assert table.rows[0][9] == 3 and ("พื้นที่", "จังหวัดปัตตานี") in table.info
    overdue = [row[1] for row in table.rows if row[0] == TABLES[3]]
    assert len(overdue) == 1 and "005/2563" in overdue[0]
    everywhere = dashboard_table(ctx.db, ctx.actor, 2563, None, None, REFERENCE_DATE)
    assert everywhere.rows[0][9] == 8 and not any(key == "พื้นที่" for key, _value in everywhere.info)
