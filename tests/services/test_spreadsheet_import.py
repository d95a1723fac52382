"""Importing office spreadsheets on SQLite and PostgreSQL: the round trip of the demo tracker,
all-or-nothing writes, numbering, and every kind of bad input giving a report, never a crash."""

import time
from datetime import date

import openpyxl
import pytest
import xlsxwriter

from sbpac_desktop.domain.enums import DirectiveState, UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.spreadsheets.directive_import import import_directives
from sbpac_desktop.services.spreadsheets.export import tracker_table
from tests.services.test_spreadsheet_helpers import HEADER, counts, demo_without_directives, good_row, write_csv

TODAY = date(2020, 2, 15)


def comparable(row):
    return (
        row.number_text(False), row.text, row.meeting_label, row.dimension, row.priority, row.lead_label,
        row.lead_agency, tuple(sorted(row.supporting)), row.issued_on, row.due_on, row.extended_due_on,
        row.latest_percent, row.latest_result, row.status.label,
    )  # fmt: skip


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The demo tracker exported from its own SQLite database, and what that database shows."""
    folder = tmp_path_factory.mktemp("export")
    source = open_app(str(folder / "source.db"), create=True, upgrade=True)
    try:
        load_demo(source.db, source.actor)
        table = tracker_table(source.db, source.actor, None, REFERENCE_DATE)
        expected = [comparable(r) for r in directives.list_directives(source.db, source.actor, today=REFERENCE_DATE)]
    finally:
        source.close()
    for suffix in (".xlsx", ".csv"):
        write_table(folder / f"tracker{suffix}", table.headers, table.rows, info=table.info)
    return folder, expected


def imported(ctx, path, **kw):
    return import_directives(ctx.db, ctx.actor, path, today=TODAY, **kw)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_of_the_demo_tracker(ctx, exported, suffix):
    folder, expected = exported
    demo_without_directives(ctx)
    dry = imported(ctx, folder / f"tracker{suffix}", dry_run=True)
    assert dry.ok and not dry.committed and counts(ctx)[0] == 0
    report = imported(ctx, folder / f"tracker{suffix}")
    assert report.ok and report.committed, report.problems
    assert (report.data_rows, report.directives, report.progress_reports) == (9, 9, 7)
    assert (report.first_number, report.last_number) == ("ขส. 001/2562", "ขส. 008/2563")
    rows = directives.list_directives(ctx.db, ctx.actor, today=REFERENCE_DATE)
    assert [comparable(r) for r in rows] == expected


def test_import_writes_one_audit_entry_per_record_and_reimport_changes_nothing(ctx, exported):
    folder, _ = exported
    demo_without_directives(ctx)
    before = counts(ctx)
    imported(ctx, folder / "tracker.xlsx")
    after = counts(ctx)
    assert after == (9, 7, before[2] + 16)
    again = imported(ctx, folder / "tracker.csv")  # the same numbers: updates, of nothing
    assert again.ok and not again.committed and counts(ctx) == after
    assert (again.directives, again.updated, again.unchanged) == (0, 0, 9)
    assert not again.warnings, again.warnings  # an untouched export raises nothing (derived "done" is not a decision)
    assert [o.action for o in again.outcomes] == ["unchanged"] * 9 and again.outcomes[0].number == "ขส. 001/2562"


def test_one_bad_row_writes_nothing(ctx, tmp_path):
    demo_without_directives(ctx)
    rows = [good_row(i) for i in range(1, 6)] + [good_row(6, {"ร้อยละ": "120", "ผลการดำเนินการ": "เกิน"})]
    report = imported(ctx, write_csv(tmp_path / "in.csv", rows))
    assert [(p.row, p.column) for p in report.errors] == [(7, "F (ร้อยละ)")]
    assert "ระหว่าง 0 ถึง 100 (ได้รับ 120)" in report.errors[0].message_th
    assert counts(ctx)[:2] == (0, 0) and not report.committed


def test_numbers_continue_after_the_database_and_progress_is_attached(ctx, tmp_path):
    demo_without_directives(ctx)
    imported(ctx, write_csv(tmp_path / "a.csv", [good_row("ขส. 004/2563")]))
    rows = [good_row(""), good_row("9", {"ร้อยละ": "๕๐", "ผลการดำเนินการ": "ดำเนินการแล้วครึ่งหนึ่ง"}), good_row("")]
    report = imported(ctx, write_csv(tmp_path / "b.csv", rows))
    assert report.ok and report.directives == 3 and report.progress_reports == 1
    listed = directives.list_directives(ctx.db, ctx.actor, today=TODAY)
    assert [r.seq for r in listed] == [4, 9, 10, 11]
    nine = next(r for r in listed if r.seq == 9)
    assert nine.latest_percent == 50 and nine.lead_label == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"
    assert any("ไม่มีวันที่รายงาน" in w.message_th for w in report.warnings)


def test_duplicate_numbers_within_the_file(ctx, tmp_path):
    demo_without_directives(ctx)
    report = imported(ctx, write_csv(tmp_path / "d.csv", [good_row("ขส. 005/2563"), good_row("๐๐๕/๒๕๖๓")]))
    assert [(p.row, p.message_th) for p in report.errors] == [(3, "เลขที่ ขส. 005/2563 ซ้ำกับแถว 2")]
    assert counts(ctx)[0] == 0


def test_windows_874_csv_with_english_headers(ctx, tmp_path):
    demo_without_directives(ctx)
    header = ["No", "Directive", "Lead", "Issued", "Due", "Percent", "Result"]
    rows = [good_row(1, {"ผู้รับผิดชอบหลัก": "กปพ."}), good_row(2, {"ผู้รับผิดชอบหลัก": "นายกิตติ พาณิชย์ดี"})]
    report = imported(ctx, write_csv(tmp_path / "tis.csv", rows, header=header, encoding="cp874"))
    assert report.ok and report.source_th == "CSV (Windows-874 / TIS-620)" and report.directives == 2
    listed = directives.list_directives(ctx.db, ctx.actor, today=TODAY)
    assert [r.lead_label for r in listed] == [
        "กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้",
        "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)",
    ]
    assert listed[0].text == "ให้ดำเนินการเรื่องทดสอบที่ 1"


def test_unknown_post_bad_date_and_missing_headers(ctx, tmp_path):
    demo_without_directives(ctx)
    rows = [good_row(1, {"ผู้รับผิดชอบหลัก": "ผช.ลธ.(ไม่มี)"}), good_row(2, {"วันที่สั่งการ": "31/02/2563"})]
    report = imported(ctx, write_csv(tmp_path / "bad.csv", rows))
    assert [(p.row, p.column) for p in report.errors] == [(2, "C (ผู้รับผิดชอบหลัก)"), (3, "D (วันที่สั่งการ)")]
    assert "วันที่ไม่ถูกต้อง: 31/02/2563" in report.errors[1].message_th
    headerless = imported(ctx, write_csv(tmp_path / "h.csv", [["ก", "ข"]], header=["ชื่อ", "ที่อยู่"]))
    assert headerless.errors[0].row is None and "ไม่พบแถวหัวตาราง" in headerless.errors[0].message_th
    assert counts(ctx)[0] == 0


@pytest.mark.parametrize(
    ("data", "fragment"),
    [(b"", "ไฟล์ว่างเปล่า"), (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"), (bytes(range(256)) * 8, "ไม่ใช่ตารางคำนวณ")],
)
def test_files_that_are_not_spreadsheets_are_reported(ctx, tmp_path, data, fragment):
    path = tmp_path / "in.xlsx"
    path.write_bytes(data)
    report = imported(ctx, path)
    assert not report.ok and report.errors[0].row is None and fragment in report.errors[0].message_th
    assert counts(ctx)[0] == 0


def office_workbook(path, merged: bool):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("ติดตาม")
    sheet.merge_range("A1:D1", "ผลการดำเนินการตามข้อสั่งการ")
    sheet.write_row(1, 0, ["ข้อสั่งการ", "ผู้รับผิดชอบหลัก", "วันที่สั่งการ", "ร้อยละ", "ผลการดำเนินการ"])
    sheet.write_row(2, 0, ["ให้จัดทำแผน", "ผช.ลธ.(พณ.)"])
    sheet.write_datetime(2, 2, date(2562, 10, 22), book.add_format({"num_format": "d/m/yyyy"}))  # BE typed as CE
    sheet.write_formula(2, 3, "=20*3", None, 60)
    sheet.write(2, 4, "ยกร่างแล้ว")
    if merged:
        sheet.merge_range("A4:B4", "ให้รายงานผล")
    book.close()
    return path


def test_office_workbook_with_a_title_banner_formulas_and_excel_dates(ctx, tmp_path):
    demo_without_directives(ctx)
    report = imported(ctx, office_workbook(tmp_path / "office.xlsx", merged=False))
    assert report.ok and report.directives == 1, report.problems
    assert any("ใช้ค่าที่คำนวณไว้" in w.message_th and w.row == 3 for w in report.warnings)
    (row,) = directives.list_directives(ctx.db, ctx.actor, today=TODAY)
    assert row.issued_on == date(2019, 10, 22) and row.latest_percent == 60 and row.number_text(False) == "ขส. 001/2563"


def test_merged_cells_in_the_table_are_refused(ctx, tmp_path):
    demo_without_directives(ctx)
    report = imported(ctx, office_workbook(tmp_path / "merged.xlsx", merged=True))
    assert [(p.row, p.column) for p in report.errors if "เซลล์ผสาน" in p.message_th] == [(4, "A (ข้อสั่งการ)")]
    assert counts(ctx)[0] == 0


def test_formula_without_saved_value_is_reported(ctx, tmp_path):
    demo_without_directives(ctx)
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(good_row(1, {"วันที่สั่งการ": "=DATE(2019,10,22)"}))
    book.save(tmp_path / "calc.xlsx")
    report = imported(ctx, tmp_path / "calc.xlsx")
    assert [(p.row, p.column) for p in report.errors] == [(2, "D (วันที่สั่งการ)")]
    assert "ไม่มีค่าที่คำนวณไว้" in report.errors[0].message_th


def test_closed_and_cancelled_status_are_kept(ctx, tmp_path):
    demo_without_directives(ctx)
    header = [*HEADER, "สถานะ"]
    rows = [
        [*good_row(1, {"ร้อยละ": "80", "ผลการดำเนินการ": "พอแล้ว"}), "ดำเนินการแล้วเสร็จ"],
        [*good_row(2), "ยกเลิก"],
        [*good_row(3), "เกินกำหนด (ล่าช้า 46 วัน)"],
    ]
    assert imported(ctx, write_csv(tmp_path / "s.csv", rows, header=header)).ok
    listed = directives.list_directives(ctx.db, ctx.actor, today=TODAY)
    assert [r.state for r in listed] == [DirectiveState.CLOSED, DirectiveState.CANCELLED, DirectiveState.OPEN]
    assert [r.status.key for r in listed] == ["done", "cancelled", "overdue"]


def test_a_viewer_may_check_but_not_import(ctx, tmp_path):
    demo_without_directives(ctx)
    viewer = Actor(ctx.actor.user_id, "viewer", UserRole.VIEWER, "ผู้อ่าน")
    path = write_csv(tmp_path / "v.csv", [good_row(1)])
    assert import_directives(ctx.db, viewer, path, dry_run=True, today=TODAY).ok
    with pytest.raises(PermissionDenied):
        import_directives(ctx.db, viewer, path, today=TODAY)
    assert counts(ctx)[0] == 0


def test_batches_commit_together(ctx, tmp_path):
    demo_without_directives(ctx)
    rows = [good_row("", {"ร้อยละ": str(i % 101), "ผลการดำเนินการ": f"ผลที่ {i}"}) for i in range(1500)]
    started = time.perf_counter()
    report = imported(ctx, write_csv(tmp_path / "many.csv", rows))
    print(f"\nimport 1,500 rows with progress: {time.perf_counter() - started:.2f} s")
    assert report.ok and report.directives == 1500 and report.last_number == "ขส. 1500/2563"
    assert counts(ctx)[:2] == (1500, 1500)


@pytest.fixture(scope="module")
def fifty_thousand(tmp_path_factory):
    rows = [good_row("", {"กำหนดแล้วเสร็จ": date(2019, 12, 31)}) for _ in range(50_000)]
    for broken in (10_000, 20_000, 30_000):
        rows[broken] = good_row("", {"ร้อยละ": "120", "ผลการดำเนินการ": "เกิน"})
    path = tmp_path_factory.mktemp("big") / "fifty.xlsx"
    write_table(path, HEADER, rows)
    return path


def test_fifty_thousand_rows_dry_run(ctx, fifty_thousand):
    demo_without_directives(ctx)
    report = imported(ctx, fifty_thousand, dry_run=True)
    print(f"\ndry run of 50,000 xlsx rows: {report.seconds:.2f} s")
    assert report.data_rows == 50_000 and not report.ok
    assert [p.row for p in report.errors] == [10_002, 20_002, 30_002]
    assert counts(ctx)[0] == 0


def test_imported_rows_are_audited_searchable_and_summarised(ctx, exported):
    """The bulk writer goes around the ORM: the audit chain must still verify, each entry must
    hold what common.snapshot gives for the stored row, search must find the new text and
    the tracker's summary columns must be right."""
    import json

    from sqlalchemy import select

    from sbpac_desktop.services import search
    from sbpac_desktop.services.admin.maintenance import verify_audit_chain
    from sbpac_desktop.services.audit_trail import snapshot
    from sbpac_desktop.store import directive_summary
    from sbpac_desktop.store.models import AuditEntry, Directive, ProgressReport

    folder, _ = exported
    demo_without_directives(ctx)
    report = imported(ctx, folder / "tracker.xlsx")
    assert report.committed
    with ctx.db.unit_of_work() as session:
        chain = verify_audit_chain(session)
        assert not chain.broken and not chain.forks
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity.in_(["directive", "progress_report"])))
        logged = {(e.entity, e.entity_id): json.loads(e.after_json) for e in entries}
        stored = [*session.scalars(select(Directive)), *session.scalars(select(ProgressReport))]
        assert len(logged) == len(stored) == 16

        def plain(values):  # SQLite gives timestamps back without their UTC offset
            return {k: v.removesuffix("+00:00") if isinstance(v, str) else v for k, v in values.items()}

        for row in stored:
            assert plain(logged[(type(row).__tablename__, row.id)]) == plain(snapshot(row))
        summary = {d.id: (d.effective_due_on, d.latest_percent, d.latest_report_on) for d in stored[:9]}
        directive_summary.refresh(session.connection(), None)
        session.expire_all()
        assert {d.id: (d.effective_due_on, d.latest_percent, d.latest_report_on) for d in
                session.scalars(select(Directive))} == summary  # fmt: skip
        some = session.scalars(select(Directive).order_by(Directive.id)).first()
    words = some.text.split()[0][:12]
    hits = search.search(ctx.db, ctx.actor, words)
    assert some.id in {h.directive_id for h in hits if h.kind == "directive"}


def test_a_real_import_on_sqlite_backs_up_first(ctx, tmp_path):
    """Issue #6: a verified backup before every import — taken once the file is known good, so a
    refused file or a dry run costs none; the copy holds the data as it was before the import."""
    import sqlite3

    from sbpac_desktop.store.backup import list_backups

    demo_without_directives(ctx)
    db_path = ctx.db.location.sqlite_path
    if db_path is None:
        pytest.skip("a server database is backed up by its administrator (pg_dump), not by the app")
    before = {b.path for b in list_backups(db_path)}
    bad = [good_row(1, {"ร้อยละ": "120", "ผลการดำเนินการ": "เกิน"})]
    imported(ctx, write_csv(tmp_path / "bad.csv", bad))
    imported(ctx, write_csv(tmp_path / "dry.csv", [good_row(1)]), dry_run=True)
    assert {b.path for b in list_backups(db_path)} == before
    report = imported(ctx, write_csv(tmp_path / "good.csv", [good_row(i) for i in range(1, 4)]))
    assert report.committed and counts(ctx)[0] == 3
    new = [b for b in list_backups(db_path) if b.path not in before]
    assert [b.reason for b in new] == ["pre-import"]
    with sqlite3.connect(new[0].path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT COUNT(*) FROM directive").fetchone() == (0,)
