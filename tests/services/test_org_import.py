"""Importing the organisation (units, posts, people, terms) from one spreadsheet, on SQLite and
PostgreSQL: the template imports as it is, a second import changes nothing, existing records are
updated, and every hostile file gives a Thai reason on its row with nothing written."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org_import import import_org
from sbpac_desktop.services.people.org_import_fields import COLUMNS
from sbpac_desktop.services.people.org_template import DATA_SHEET, NOTES_SHEET, headers, write_org_template
from sbpac_desktop.store.models import AuditEntry, Incumbency, OrgUnit, Person, Position

HEAD = ["ประเภท", "ชื่อหน่วยงาน", "ชื่อย่อหน่วยงาน", "สังกัด", "ชื่อตำแหน่ง", "ชื่อย่อตำแหน่ง", "คำนำหน้า/ยศ", "ชื่อ",
        "นามสกุล", "อีเมล", "วันเริ่มดำรงตำแหน่ง", "วันสิ้นสุด", "รักษาราชการแทน"]  # fmt: skip


def row(kind: str, **cells: object) -> list[object]:
    names = {"unit": "ชื่อหน่วยงาน", "short": "ชื่อย่อหน่วยงาน", "parent": "สังกัด", "title": "ชื่อตำแหน่ง",
             "code": "ชื่อย่อตำแหน่ง", "prefix": "คำนำหน้า/ยศ", "first": "ชื่อ", "last": "นามสกุล", "email": "อีเมล",
             "start": "วันเริ่มดำรงตำแหน่ง", "end": "วันสิ้นสุด", "acting": "รักษาราชการแทน"}  # fmt: skip
    values = {names[k]: v for k, v in cells.items()}
    return [kind, *(values.get(h, "") for h in HEAD[1:])]


GOOD = [
    row("หน่วยงาน", unit="ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", short="ศอ.บต."),
    row("หน่วยงาน", unit="กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้", short="กปพ.", parent="ศอ.บต."),
    row("หน่วยงาน", unit="กระทรวงพาณิชย์", short="พณ."),
    row("ตำแหน่ง", title="ผู้ช่วยเลขาธิการ ศอ.บต.", code="ผช.ลธ.(พณ.)", parent="กระทรวงพาณิชย์"),
    row("ตำแหน่ง", title="ผู้อำนวยการกองประสาน", code="ผอ.กปพ.", parent="กปพ."),
    row("วาระ", code="ผช.ลธ.(พณ.)", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562"),  # the person comes later
    row("บุคคล", prefix="นาย", first="กิตติ", last="พาณิชย์ดี", email="kitti@example.go.th"),
    row("บุคคล", prefix="นางสาว", first="อรุณี", last="วัฒนธรรม"),
    row("วาระ", code="ผอ.กปพ.", first="อรุณี", last="วัฒนธรรม", start="๑/๑๐/๒๕๖๑", end="30/09/2562"),
    row("วาระ", code="ผอ.กปพ.", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562", acting="ใช่"),
]


def write_csv(path: Path, rows: list[list[object]], header: list[str] = HEAD, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEAD) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = book.add_worksheet("org")
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.close()
    return path


def counts(ctx) -> tuple[int, ...]:
    """Units, posts, people, terms and audit entries: proof that nothing was written."""
    with ctx.db.unit_of_work() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (OrgUnit, Position, Person, Incumbency, AuditEntry)
        )


def by_row(report):
    return {r.row: r for r in report.rows}


def test_template_has_the_importers_headers_examples_and_notes(tmp_path):
    path = write_org_template(tmp_path / "แบบฟอร์ม.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [DATA_SHEET, NOTES_SHEET]
    sheet = book[DATA_SHEET]
    assert [c.value for c in sheet[1]] == headers() == [v[0] for v in COLUMNS.values()]
    assert [sheet.cell(r, 1).value for r in range(2, 8)] == ["หน่วยงาน"] * 3 + ["ตำแหน่ง", "บุคคล", "วาระ"]
    notes = " ".join(str(c.value) for line in book[NOTES_SHEET].iter_rows() for c in line if c.value)
    assert "ชื่อย่อตำแหน่ง" in notes and "ลบแถวตัวอย่าง" in notes and "ไม่บันทึกข้อมูลใด ๆ" in notes


def test_the_template_imports_as_it_is_and_a_second_import_changes_nothing(ctx, tmp_path):
    path = write_org_template(tmp_path / "t.xlsx")
    before = counts(ctx)
    dry = import_org(ctx.db, ctx.actor, path, dry_run=True)
    assert dry.ok and not dry.committed and counts(ctx) == before
    assert [r.action for r in dry.rows] == ["create"] * 6
    done = import_org(ctx.db, ctx.actor, path)
    assert done.ok and done.committed
    assert counts(ctx)[:4] == (before[0] + 3, before[1] + 1, before[2] + 1, before[3] + 1)
    assert counts(ctx)[4] == before[4] + 6  # one audit entry per record
    again = import_org(ctx.db, ctx.actor, path)
    assert again.ok and not again.committed and {r.action for r in again.rows} == {"unchanged"}
    assert "ไม่มีการเปลี่ยนแปลง" in again.summary_th()
    posts = org.list_positions(ctx.db, ctx.actor, date(2020, 1, 1))
    assert [(p.short_code, p.org_unit_name, p.holder_name) for p in posts] == [
        ("ผช.ลธ.(พณ.)", "กระทรวงพาณิชย์", "นายกิตติ พาณิชย์ดี")
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_whole_office_in_any_row_order(ctx, tmp_path, suffix):
    writer = write_csv if suffix == ".csv" else write_xlsx
    report = import_org(ctx.db, ctx.actor, writer(tmp_path / f"org{suffix}", GOOD))
    assert report.ok and report.committed, [r.detail_th for r in report.rows]
    units = {u.short_name: u for u in org.list_org_units(ctx.db, ctx.actor)}
    assert units["กปพ."].parent_id == units["ศอ.บต."].id
    terms = org.list_incumbencies(ctx.db, ctx.actor)
    shown = sorted((t.person_name, t.start_on, t.end_on, t.acting) for t in terms)
    assert shown == [
        ("นางสาวอรุณี วัฒนธรรม", date(2018, 10, 1), date(2019, 9, 30), False),
        ("นายกิตติ พาณิชย์ดี", date(2019, 10, 1), None, False),
        ("นายกิตติ พาณิชย์ดี", date(2019, 10, 1), None, True),
    ]


def test_existing_records_are_updated_field_by_field(ctx, tmp_path):
    import_org(ctx.db, ctx.actor, write_csv(tmp_path / "a.csv", GOOD))
    changed = [
        row("หน่วยงาน", unit="กระทรวงพาณิชย์", short="พณ.", parent="ศอ.บต."),
        row("บุคคล", prefix="ดร.", first="กิตติ", last="พาณิชย์ดี"),  # e-mail blank: kept
        row("วาระ", code="ผอ.กปพ.", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562", end="30/9/2563", acting="ใช่"),
    ]
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, write_csv(tmp_path / "b.csv", changed))
    assert report.ok and report.committed
    assert [(r.action, r.changes) for r in report.rows] == [
        ("update", ("สังกัด",)),
        ("update", ("คำนำหน้า",)),
        ("update", ("วันสิ้นสุด",)),
    ]
    assert counts(ctx)[:4] == before[:4] and counts(ctx)[4] == before[4] + 3
    person = next(p for p in org.list_people(ctx.db, ctx.actor) if p.first_name == "กิตติ")
    assert (person.prefix, person.email) == ("ดร.", "kitti@example.go.th")


def test_one_bad_row_refuses_the_file_and_says_what_the_others_would_do(ctx, tmp_path):
    rows = [*GOOD, row("วาระ", code="ผช.ลธ.(ไม่มี)", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562")]
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, write_csv(tmp_path / "x.csv", rows))
    assert not report.ok and not report.committed and counts(ctx) == before
    rows_by = by_row(report)
    assert rows_by[2].action == "create" and rows_by[12].action == "refused"
    assert rows_by[12].problems[0].column == "F (ชื่อย่อตำแหน่ง)"
    assert "ไม่พบตำแหน่งชื่อย่อ “ผช.ลธ.(ไม่มี)”" in rows_by[12].detail_th
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in report.summary_th()


HOSTILE = {
    "unknown type": ([row("แผนก", unit="ก")], 2, "ไม่รู้จักประเภท 'แผนก'"),
    "missing type": ([row("", unit="ก")], 2, "กรุณาระบุประเภท"),
    "duplicate person in the file": (
        [row("บุคคล", first="สมชาย", last="ใจดี"), row("บุคคล", first="สมชาย ", last="ใจดี")],
        3,
        "ซ้ำกับแถว 2",
    ),
    "31 February": (
        [*GOOD[:4], GOOD[6], row("วาระ", code="ผช.ลธ.(พณ.)", first="กิตติ", last="พาณิชย์ดี", start="31/02/2563")],
        7,
        "วันที่ไม่ถูกต้อง: 31/02/2563",
    ),
    "end before start": (
        [
            *GOOD[:4],
            GOOD[6],
            row("วาระ", code="ผช.ลธ.(พณ.)", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562", end="30/9/2562"),
        ],
        7,
        "วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง",
    ),
    "overlapping regular terms": (
        [
            *GOOD[:4],
            GOOD[6],
            GOOD[7],
            row("วาระ", code="ผช.ลธ.(พณ.)", first="กิตติ", last="พาณิชย์ดี", start="1/10/2562"),
            row("วาระ", code="ผช.ลธ.(พณ.)", first="อรุณี", last="วัฒนธรรม", start="1/1/2563"),
        ],
        9,
        "ซ้อนกับวาระของ",
    ),
    "formula text": ([row("หน่วยงาน", unit='=HYPERLINK("http://x","y")')], 2, "ขึ้นต้นด้วย '=' ซึ่ง Excel ถือเป็นสูตร"),
    "unit cycle": (
        [row("หน่วยงาน", unit="ก", short="ก.", parent="ข."), row("หน่วยงาน", unit="ข", short="ข.", parent="ก.")],
        3,
        "วงวน",
    ),
    "shared unit short name": (
        [row("หน่วยงาน", unit="กระทรวงหนึ่ง", short="กน."), row("หน่วยงาน", unit="กระทรวงสอง", short="กน.")],
        3,
        "ชื่อย่อ “กน.” ซ้ำกับหน่วยงานอื่น",
    ),
    "post code twice": ([row("ตำแหน่ง", title="ก", code="ผช."), row("ตำแหน่ง", title="ข", code="ผช.")], 3, "ซ้ำกับแถว 2"),
    "unknown parent": ([row("หน่วยงาน", unit="ก", parent="ไม่มีหน่วยนี้")], 2, "ไม่พบหน่วยงาน “ไม่มีหน่วยนี้”"),
    "term of nobody": (
        [*GOOD[:4], row("วาระ", code="ผช.ลธ.(พณ.)", first="ไม่มี", last="ตัวตน", start="1/10/2562")],
        6,
        "ไม่พบบุคคล",
    ),
    "huge name": ([row("หน่วยงาน", unit="ก" * 400)], 2, "ชื่อหน่วยงาน"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_rows_are_refused_with_a_thai_reason_and_nothing_written(ctx, tmp_path, case):
    rows, bad_row, message = HOSTILE[case]
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, write_csv(tmp_path / "h.csv", rows))
    assert not report.ok and not report.committed and counts(ctx) == before
    refused = by_row(report)[bad_row]
    assert refused.action == "refused" and message in refused.detail_th, refused.detail_th


def test_a_person_twice_in_the_database_is_refused_not_guessed(ctx, tmp_path):
    for _ in range(2):
        org.create_person(ctx.db, ctx.actor, org.PersonInput("สมชาย", "ใจดี"))
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, write_csv(tmp_path / "p.csv", [row("บุคคล", first="สมชาย", last="ใจดี")]))
    assert not report.ok and counts(ctx) == before
    assert "มีบุคคลชื่อ “สมชาย ใจดี” ในระบบ 2 คน" in report.rows[0].detail_th


def test_huge_numbers_in_xlsx_cells(ctx, tmp_path):
    rows = [row("บุคคล", first=1e300, last="ใจดี"), [*row("วาระ", code="x", first="a", last="b")[:10], 99999999999]]
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, write_xlsx(tmp_path / "n.xlsx", rows))
    assert not report.ok and counts(ctx) == before
    assert "ชื่อเป็นตัวเลข (1e+300) — ต้องเป็นข้อความ" in report.rows[0].detail_th
    assert "ไม่ใช่วันที่" in report.rows[1].detail_th


def test_a_windows_874_csv_is_read_as_thai(ctx, tmp_path):
    path = write_csv(tmp_path / "cp874.csv", GOOD, encoding="cp874")
    report = import_org(ctx.db, ctx.actor, path)
    assert report.ok and report.committed and report.source_th == "CSV (Windows-874 / TIS-620)"
    assert "กระทรวงพาณิชย์" in [u.name for u in org.list_org_units(ctx.db, ctx.actor)]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "ไฟล์ว่างเปล่า"),
        ("สวัสดี นี่ไม่ใช่ตาราง\nบรรทัดที่สอง".encode(), "fake.xlsx", "ไม่พบแถวหัวตาราง"),
        ("ชื่อ,นามสกุล\nสมชาย,ใจดี\n".encode(), "nokind.csv", "ไม่พบแถวหัวตาราง"),
        ("ประเภท,ชื่อหน่วยงาน,ชื่อย่อหน่วยงาน\n".encode(), "norows.csv", "ไม่มีข้อมูลใต้แถวหัวตาราง"),
        ("ประเภท,ชื่อหน่วยงาน,ชื่อย่อหน่วยงาน,ชื่อหน่วยงาน\nหน่วยงาน,ก,ก.,ก\n".encode(), "dup.csv", "ซ้ำกับคอลัมน์ B"),
        (b"%PDF-1.4 not a sheet", "x.pdf", "PDF"),
    ],
)
def test_files_that_are_not_an_org_sheet(ctx, tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(ctx)
    report = import_org(ctx.db, ctx.actor, path)
    assert not report.ok and counts(ctx) == before
    assert any(message in p.message_th for p in report.problems), report.problems


def test_a_text_file_named_xlsx_is_said_to_be_text(ctx, tmp_path):
    path = write_csv(tmp_path / "renamed.xlsx", GOOD)
    report = import_org(ctx.db, ctx.actor, path, dry_run=True)
    assert report.ok and any("เนื้อในเป็นข้อความ" in p.message_th and not p.is_error for p in report.problems)


def test_a_viewer_may_not_import_or_check(ctx, tmp_path):
    viewer = Actor(ctx.actor.user_id, "viewer", UserRole.VIEWER, "ผู้อ่าน")
    path = write_csv(tmp_path / "v.csv", GOOD)
    for dry_run in (True, False):
        with pytest.raises(PermissionDenied):
            import_org(ctx.db, viewer, path, dry_run=dry_run)


def test_a_phone_number_excel_stored_as_a_number_gets_its_leading_zero_back(ctx, tmp_path):
    header = [*HEAD, "โทรศัพท์"]
    rows = [[*row("บุคคล", first="สมชาย", last="ใจดี"), 812345678], [*row("บุคคล", first="สมหญิง", last="ใจดี"), "=1+1"]]
    report = import_org(ctx.db, ctx.actor, write_xlsx(tmp_path / "p.xlsx", rows, header=header), dry_run=True)
    assert [r.action for r in report.rows] == ["create", "refused"]
    assert "ซึ่ง Excel ถือเป็นสูตร" in report.rows[1].detail_th
    import_org(ctx.db, ctx.actor, write_xlsx(tmp_path / "q.xlsx", rows[:1], header=header))
    assert [p.phone for p in org.list_people(ctx.db, ctx.actor)] == ["0812345678"]
