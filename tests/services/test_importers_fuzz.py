"""The four importers (directives, organisation, network reports, integrated plan) fed spreadsheets
hypothesis makes up: real .xlsx (openpyxl) and CSV files in UTF-8, UTF-8 with BOM, UTF-16 and
Windows-874, headers drawn from each importer's own columns mixed with random ones, cells of
Thai and random text, numbers, dates, formula-like strings, Excel errors, blank rows and
junk rows above the header, on a demo SQLite database.

Each file is imported as a dry run, then for real. Nothing may raise; a refused file says why in
Thai and leaves every table exactly as it was; a dry run never writes; and the real import agrees
with its dry run. The number of files tried is printed at the end (-s to see it)."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import sqlite3
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.cli.main import main
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.field import network_import, plan_import
from sbpac_desktop.services.people import org_import, org_import_fields
from sbpac_desktop.services.spreadsheets import fields as spreadsheet_fields
from sbpac_desktop.services.spreadsheets.directive_import import import_directives
from tests.services import test_network, test_org_import, test_plan_import
from tests.services.test_spreadsheet_helpers import HEADER as DIRECTIVE_HEAD
from tests.services.test_spreadsheet_helpers import good_row

EXAMPLES = 100  # per importer: 4 x 100 files, each imported twice
TODAY = date(2020, 2, 15)  # the demo story's day (docs/CONVENTIONS.md §7)
THAI = re.compile("[\u0e01-\u0e5b]")
FILES: Counter[str] = Counter()  # "importer outcome" -> files

HEADERS = {
    "directives": [h for _, (head, more) in spreadsheet_fields.FIELDS.items() for h in (head, *more[:2])],
    "org": [h for _, (head, more, _u, _n) in org_import_fields.COLUMNS.items() for h in (head, *more[:1])],
    "network": [h for _, (head, more) in network_import.COLUMNS.items() for h in (head, *more[:1])],
    "plan": [h for _, (head, more) in plan_import.COLUMNS.items() for h in (head, *more[:1])],
}
IMPORTERS = {
    "directives": lambda ctx, path, dry: import_directives(ctx.db, ctx.actor, path, dry_run=dry, today=TODAY),
    "org": lambda ctx, path, dry: org_import.import_org(ctx.db, ctx.actor, path, dry_run=dry),
    "network": lambda ctx, path, dry: network_import.import_network_reports(
        ctx.db, ctx.actor, path, dry_run=dry, today=TODAY
    ),
    "plan": lambda ctx, path, dry: plan_import.import_plan(ctx.db, ctx.actor, path, dry_run=dry, today=TODAY),
}
# Files the importers' own tests accept, which the fuzz then damages a few cells at a time.
GOOD_FILES = {
    "directives": [DIRECTIVE_HEAD, *(good_row(n) for n in ("", "", 40, 41))],
    "org": [test_org_import.HEAD, *test_org_import.GOOD],
    "network": [
        [network_import.COLUMNS[k][0] for k in network_import.COLUMNS],
        test_network._row(),
        test_network._row(full_name="นางมารีนา", kind="เครือข่ายภาคประชาชน", rating="บางส่วน"),
    ],
    "plan": [
        test_plan_import.HEAD,
        *([c if c != "ผช.(พณ.)" else "ผช.ลธ.(พณ.)" for c in r] for r in test_plan_import.GOOD),
    ],
}
# Values a clerk would type in these columns, so that some files get through and write.
PLAUSIBLE = [
    "ให้ทุกหน่วยงานรายงานผล", "เศรษฐกิจ", "ความมั่นคง", "ขส. 001/2563", "ขส. 012/2563", "10/2562", "15/02/2563",
    "๑๕/๐๒/๒๕๖๓", "31/03/2563", "ด่วนที่สุด", "ปกติ", "กปพ.", "ผช.ลธ.(พณ.)", "50", "100", "๕๐", "ดำเนินการแล้วเสร็จ",
    "ยกเลิก", "หน่วยงาน", "ตำแหน่ง", "บุคคล", "วาระ", "กระทรวง", "นาย", "สมชาย", "ใจดี", "ใช่", "เครือข่ายภาคประชาชน",
    "บัณฑิตอาสา", "ดี", "บางส่วน", "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี", "ปัตตานี", "2563", "ราย", "400", "1,000.50",
    "ส่งเสริมตลาดชุมชน", "ผู้ค้ารายใหม่", "เพิ่มขึ้น", "081-234-5678",
]  # fmt: skip
FORMULAS = ["=1+1", '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "'=1+1", "=A1"]
EXCEL_ERRORS = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!"]


def _cells() -> st.SearchStrategy[object]:
    text = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
    return st.one_of(
        st.none(),
        st.sampled_from(PLAUSIBLE),
        st.text(text, max_size=40),
        st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=30),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)),
        st.datetimes(min_value=datetime(1900, 1, 1)),
        st.booleans(),
        st.sampled_from(FORMULAS + EXCEL_ERRORS),
    )


@st.composite
def sheets(draw, importer: str) -> tuple[str, list[list[object]]]:
    """(format, rows): a good file with a few cells damaged, or junk rows, a header of known and
    random titles and random data rows (some blank)."""
    kind = draw(st.sampled_from(["xlsx", "xlsx", "utf-8", "utf-8-sig", "utf-16", "cp874"]))
    if draw(st.booleans()):
        rows = [list(r) for r in GOOD_FILES[importer]]
        rows = [rows[0], *draw(st.lists(st.sampled_from(rows[1:]), max_size=len(rows) + 1)).copy()]
        rows = [list(r) for r in rows]
        for _ in range(draw(st.integers(0, 3))):
            line = rows[draw(st.integers(0, len(rows) - 1))]
            line[draw(st.integers(0, len(line) - 1))] = draw(_cells())
        return kind, rows
    known = st.sampled_from(HEADERS[importer])
    header = draw(st.lists(st.one_of(known, known, st.text(max_size=15), st.none()), min_size=1, max_size=12))
    row = st.lists(_cells(), min_size=0, max_size=len(header) + 2)
    junk = draw(st.lists(st.lists(_cells(), max_size=3), max_size=2))
    body = draw(st.lists(st.one_of(row, row, row, st.just([])), max_size=8))
    return kind, [*junk, header, *body]


def _write(folder: Path, kind: str, rows: list[list[object]]) -> Path:
    if kind == "xlsx":
        path = folder / "fuzz.xlsx"
        book = openpyxl.Workbook()
        sheet = book.active
        for values in rows:
            sheet.append([_xlsx_value(v) for v in values])
        book.save(path)
        return path
    path = folder / "fuzz.csv"
    with path.open("w", encoding=kind, errors="replace", newline="") as handle:
        csv.writer(handle).writerows([["" if v is None else str(v) for v in values] for values in rows])
    return path


def _xlsx_value(value: object) -> object:
    if isinstance(value, str):  # openpyxl refuses control characters in a cell; keep the rest
        return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value


def _table_digests(db: Path) -> dict[str, str]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: hashlib.sha256(
                "\n".join(sorted(repr(r) for r in connection.execute(f'SELECT * FROM "{t}"'))).encode()
            ).hexdigest()
            for t in tables
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("import-fuzz") / "demo.db"
    assert main(["--db", str(db), "init"]) == 0 and main(["--db", str(db), "demo", "--as-of", "15/02/2563"]) == 0
    return db


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path):
    db = tmp_path / "w.db"
    shutil.copyfile(demo_file, db)
    for suffix in ("-wal", "-shm"):
        if Path(f"{demo_file}{suffix}").exists():
            shutil.copyfile(f"{demo_file}{suffix}", f"{db}{suffix}")
    ctx = open_app(str(db))
    yield ctx, db
    ctx.close()


def _errors(report) -> list[str]:  # type: ignore[no-untyped-def]
    problems = list(report.problems)
    for row in getattr(report, "rows", ()):
        problems += list(row.problems)
    return [p.message_th for p in problems if getattr(p, "is_error", True)]


def _import_checked(importer: str, ctx, db: Path, path: Path) -> str:  # type: ignore[no-untyped-def]
    before = _table_digests(db)
    try:
        dry = IMPORTERS[importer](ctx, path, True)
    except AppError as refusal:  # a refusal the service raises (none expected for the setup account)
        assert THAI.search(str(refusal)) and _table_digests(db) == before
        return "raised"
    assert _table_digests(db) == before, "a dry run wrote"
    for message in _errors(dry):
        assert THAI.search(message), message
    real = IMPORTERS[importer](ctx, path, False)
    after = _table_digests(db)
    assert real.ok == dry.ok, (_errors(dry), _errors(real))
    if not real.ok:
        assert after == before, [t for t in after if after[t] != before.get(t)]
        return "refused"
    assert real.committed or after == before
    return "written" if real.committed else "unchanged"


@pytest.mark.parametrize("importer", list(IMPORTERS))
def test_fuzzed_files(importer, demo, tmp_path):
    ctx, db = demo

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(sheet=sheets(importer))
    def one_file(sheet: tuple[str, list[list[object]]]) -> None:
        kind, rows = sheet
        path = _write(tmp_path, kind, rows)
        FILES[f"{importer} {_import_checked(importer, ctx, db, path)}"] += 1

    one_file()


@pytest.mark.parametrize("amount", [1e26, "1E26", -1e300, 1e15])
def test_a_budget_too_large_for_the_decimal_check_is_refused(demo, tmp_path, amount):
    """Found by the CLI fuzz in the same rule: Decimal.quantize() of 1E26 raised InvalidOperation."""
    ctx, db = demo
    head, *rows = GOOD_FILES["plan"]
    rows = [list(r) for r in rows]
    rows[0][head.index(plan_import.COLUMNS["budget_q1"][0])] = amount
    path = _write(tmp_path, "xlsx", [head, *rows])
    assert _import_checked("plan", ctx, db, path) == "refused"
    report = plan_import.import_plan(ctx.db, ctx.actor, path, dry_run=True, today=TODAY)
    assert any("จำนวนเงิน" in message for message in _errors(report)), _errors(report)


def test_zz_the_files_counted(capsys):
    with capsys.disabled():
        print(f"\nimporter fuzz: {sum(FILES.values()):,} files; outcomes: {dict(sorted(FILES.items()))}")
    assert sum(FILES.values()) >= 4 * EXAMPLES, FILES
