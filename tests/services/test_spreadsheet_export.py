"""The tracker view to .xlsx and .csv on SQLite and PostgreSQL: Thai headers, BE text and ISO date
cells, widths, and no live formula whatever the stored text is."""

import csv
import io
from datetime import date

import openpyxl

from sbpac_desktop.reporting.spreadsheets import FORMULA_TRIGGERS, write_table
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.spreadsheets.export import HEADERS, tracker_table
from tests.services.helpers import post


def export(ctx, tmp_path, name, filters=None, **kw):
    table = tracker_table(ctx.db, ctx.actor, filters, REFERENCE_DATE, **kw)
    write_table(tmp_path / name, table.headers, table.rows, sheet_name=table.sheet_name, info=table.info)
    return table, tmp_path / name


def test_demo_tracker_to_xlsx(ctx, tmp_path):
    load_demo(ctx.db, ctx.actor)
    _, path = export(ctx, tmp_path, "tracker.xlsx")
    expected = directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE)
    book = openpyxl.load_workbook(path)
    sheet = book["ข้อสั่งการ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS and len(rows) == 1 + len(expected) == 10
    assert HEADERS[:14] == (
        "เลขที่", "ข้อสั่งการ", "การประชุม", "มิติการพัฒนา", "ความเร่งด่วน", "ผู้รับผิดชอบหลัก", "หน่วยงานต้นสังกัด",
        "หน่วยงานสนับสนุน", "วันที่สั่งการ", "กำหนดแล้วเสร็จ", "ขยายเวลาถึง", "สถานะ", "ร้อยละ", "ผลการดำเนินการล่าสุด",
    )  # fmt: skip
    column = {h: i for i, h in enumerate(HEADERS)}
    fourth = next(r for r in rows if r[0] == "ขส. 004/2563")
    assert fourth[column["สถานะ"]] == "เกินกำหนด (ล่าช้า 46 วัน)" and fourth[column["ร้อยละ"]] == 60
    assert fourth[column["วันที่สั่งการ"]] == "22 ต.ค. 2562" and fourth[column["กำหนดแล้วเสร็จ"]] == "31 ธ.ค. 2562"
    assert fourth[column["วันที่สั่งการ (ISO)"]].date() == date(2019, 10, 22)
    assert fourth[column["วันที่รายงานล่าสุด (ISO)"]].date() == date(2020, 1, 10)
    supporting = "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงวัฒนธรรม); ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงสาธารณสุข)"
    assert fourth[column["หน่วยงานสนับสนุน"]] == supporting
    assert [r[column["สถานะ"]] for r in rows[1:]] == [r.status.label for r in expected]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert all(c.is_date for c in cells[column["กำหนดแล้วเสร็จ (ISO)"] :: len(HEADERS)][1:])
    assert all((sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width or 0) >= 6 for i in range(19))
    info = dict(book["ข้อมูลการส่งออก"].iter_rows(min_row=2, values_only=True))
    assert info["สถานะ ณ วันที่"] == "15 ก.พ. 2563" and info["จำนวนข้อสั่งการ"] == "9"


def test_demo_tracker_to_csv_with_bom(ctx, tmp_path):
    load_demo(ctx.db, ctx.actor)
    _, path = export(ctx, tmp_path, "tracker.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADERS and len(rows) == 10
    second = rows[2]
    assert second[0] == "ขส. 001/2563" and second[HEADERS.index("วันที่สั่งการ (ISO)")] == "2019-10-22"
    assert second[HEADERS.index("ร้อยละ")] == "100" and second[HEADERS.index("ขยายเวลาถึง")] == ""


def test_filters_of_the_view(ctx, tmp_path):
    load_demo(ctx.db, ctx.actor)
    overdue, _ = export(ctx, tmp_path, "o.csv", DirectiveFilter(status="overdue"))
    assert [r[0] for r in overdue.rows] == ["ขส. 004/2563", "ขส. 005/2563"]
    assert ("สถานะ", "เกินกำหนด") in overdue.info
    by_unit, _ = export(ctx, tmp_path, "b.csv", DirectiveFilter(assignee="บก."))
    assert [r[0] for r in by_unit.rows] == ["ขส. 002/2563", "ขส. 006/2563"]
    previous_year, _ = export(ctx, tmp_path, "p.xlsx", DirectiveFilter(fiscal_year=2562))
    assert [r[0] for r in previous_year.rows] == ["ขส. 001/2562"] and ("ปีงบประมาณ", "2562") in previous_year.info
    thai, _ = export(ctx, tmp_path, "t.csv", DirectiveFilter(fiscal_year=2562), thai_digits=True)
    assert thai.rows[0][0] == "ขส. ๐๐๑/๒๕๖๒" and thai.rows[0][8] == "๒๔ ก.ย. ๒๕๖๒"


def test_nothing_matches_gives_headers_only(ctx, tmp_path):
    table, path = export(ctx, tmp_path, "empty.xlsx")
    assert table.rows == () and list(openpyxl.load_workbook(path).active.iter_rows(values_only=True)) == [HEADERS]


def test_stored_text_that_looks_like_a_formula_is_never_live(ctx, tmp_path):
    pid = post(ctx)
    tricky = ['=HYPERLINK("http://evil.example","คลิก")', "+66 81 234 5678", "-5 หน่วย", "@SUM(A1:A9)", "＝1+1"]
    for text in tricky:
        detail = directives.create_directive(
            ctx.db,
            ctx.actor,
            DirectiveInput(text, date(2019, 10, 22), (AssignmentInput(position_id=pid),), due_on=date(2019, 12, 31)),
        )
        progress.add_progress(
            ctx.db, ctx.actor, progress.ProgressInput(detail.assignments[0].id, date(2019, 11, 1), 10, text)
        )
    _, xlsx = export(ctx, tmp_path, "x.xlsx")
    _, csv_path = export(ctx, tmp_path, "x.csv")
    cells = [c for ws in openpyxl.load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    first = openpyxl.load_workbook(xlsx)["ข้อสั่งการ"]
    texts = [c.value for row in first.iter_rows(min_row=2) for c in row if c.column in (2, 14)]
    assert sorted(texts) == sorted("'" + t for t in tricky * 2)
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert all(not cell or cell[0] not in FORMULA_TRIGGERS for row in rows for cell in row)
