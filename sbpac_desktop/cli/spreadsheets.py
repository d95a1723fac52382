"""`export directives -o FILE.xlsx|.csv` and `import directives FILE [--dry-run]`.

Export writes the tracker view (the same filters as `directives`) (csv module or xlsxwriter); import
prints a per-row report (row as Excel shows it, column, problem) and exits 2 when the file
has invalid data, in which case nothing was written.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sbpac_desktop.cli.args import add_tracker_filters
from sbpac_desktop.cli.imports import add_import_command, problem_line, refused
from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.thai import apply_digits, medium_date

if TYPE_CHECKING:
    from sbpac_desktop.services.spreadsheets.directive_import import ImportReport, RowOutcome

MAX_PROBLEM_LINES = 200
IMPORT_HELP = """นำเข้าข้อสั่งการจากไฟล์ .xlsx หรือ .csv (UTF-8 หรือ Windows-874) หนึ่งแถวต่อหนึ่งข้อสั่งการ

คอลัมน์จับคู่ตามชื่อหัวตาราง (ไทยหรืออังกฤษ): ข้อสั่งการ/directive และ วันที่สั่งการ/issued ต้องมี;
เลขที่/number, ผู้รับผิดชอบหลัก/lead, หน่วยงานสนับสนุน/support, กำหนดแล้วเสร็จ/due, การประชุม/meeting,
มิติการพัฒนา, ความเร่งด่วน, สถานะ, ร้อยละ/percent, ผลการดำเนินการ/result, วันที่รายงาน ... ไม่บังคับ

เลขที่: "ขส. 005/2563" = ปีงบประมาณ 2563 ลำดับ 5 (ต้องตรงกับปีงบประมาณของวันที่สั่งการ);
"5" = ลำดับ 5 ของปีงบประมาณของวันที่สั่งการ; เว้นว่าง = เลขถัดไปของปีงบประมาณนั้น
เลขที่ซ้ำกันในไฟล์เป็นข้อผิดพลาด; เลขที่ที่มีอยู่แล้วในฐานข้อมูล = ปรับปรุงข้อสั่งการนั้น (ส่งออก → แก้ใน Excel → นำเข้า):
ข้อความ, กำหนดแล้วเสร็จ/ขยายเวลาถึง (บันทึกเป็นการอนุมัติขยายเวลา เฉพาะฝ่ายเลขานุการ), ผู้รับผิดชอบ,
และรายงานผลใหม่จากคอลัมน์ร้อยละ/ผลการดำเนินการ (ไม่ซ้ำกับรายงานเดิม)

ถ้ามีข้อผิดพลาดแม้แถวเดียว จะไม่บันทึกข้อมูลใด ๆ และจบด้วยรหัส 2"""


def output_arg(text: str) -> Path:
    from sbpac_desktop.reporting.spreadsheets import SUPPORTED_SUFFIXES

    path = Path(text)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise argparse.ArgumentTypeError(f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx หรือ .csv (ได้รับ '{text}')")
    return path


def cmd_export_directives(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.spreadsheets import check_target, write_table
    from sbpac_desktop.services.directives.directive_views import DirectiveFilter
    from sbpac_desktop.services.meetings import meetings
    from sbpac_desktop.services.spreadsheets.export import tracker_table

    check_target(args.output)  # a missing or read-only folder fails before any work
    as_of = args.as_of or date.today()
    with signed_in(args) as ctx:
        meeting_id = meetings.find_meeting(ctx.db, ctx.actor, args.meeting).id if args.meeting else None
        filters = DirectiveFilter(
            status=args.status, fiscal_year=args.fiscal_year, assignee=args.assignee, meeting_id=meeting_id
        )
        labels = (("การประชุม", args.meeting),) if args.meeting else ()
        table = tracker_table(ctx.db, ctx.actor, filters, as_of, thai_digits=args.thai_digits, filter_labels=labels)
    written = write_table(args.output, table.headers, table.rows, sheet_name=table.sheet_name, info=table.info)
    count = apply_digits(f"{written.rows:,}", args.thai_digits)
    emit(f"ส่งออกข้อสั่งการ {count} รายการ ไปยัง {written.path}")
    emit(f"สถานะ ณ วันที่ {medium_date(as_of, thai_digits=args.thai_digits)}")
    return 0


def cmd_import_directives(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.spreadsheets.directive_import import import_directives

    with signed_in(args) as ctx:
        report = import_directives(ctx.db, ctx.actor, args.file, dry_run=args.dry_run)
    for line in report_lines(report):
        emit(line)
    return 0 if report.ok else refused(len(report.errors))


OUTCOME_TH = {"new": "เพิ่มใหม่", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยนแปลง", "refused": "ไม่รับ"}


def outcome_line(outcome: RowOutcome) -> str:
    line = f"แถว {outcome.row}" + (f" {outcome.number}" if outcome.number else "") + f": {OUTCOME_TH[outcome.action]}"
    detail = outcome.detail_th if outcome.action != "new" else ("พร้อมรายงานผล" if outcome.progress_added else "")
    return line + (f" — {detail}" if detail else "")


def report_lines(report: ImportReport) -> list[str]:
    lines = [f"ไฟล์: {report.path} ({report.source_th})"]
    shown = report.problems[:MAX_PROBLEM_LINES]
    lines += [problem_line(p) for p in shown]
    if len(report.problems) > len(shown):
        lines.append(f"... และอีก {len(report.problems) - len(shown):,} รายการ")
    rows = report.outcomes[:MAX_PROBLEM_LINES]  # what each row does: new / updated (fields) / unchanged / refused
    lines += [outcome_line(o) for o in rows]
    if len(report.outcomes) > len(rows):
        lines.append(f"... และอีก {len(report.outcomes) - len(rows):,} แถว")
    lines += [report.summary_th(), f"ใช้เวลา {report.seconds:.2f} วินาที"]
    return lines


def _export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("export", help="ส่งออกเป็นไฟล์ Excel หรือ CSV (export to .xlsx/.csv)")
    what = group.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(group))
    parser = what.add_parser("directives", help="ตารางติดตามข้อสั่งการ (the directive tracker)")
    parser.add_argument("-o", "--output", required=True, type=output_arg, metavar="FILE", help="ไฟล์ .xlsx หรือ .csv")
    add_tracker_filters(parser)
    parser.add_argument("--thai-digits", action="store_true", help="เลขที่ วันที่ และสถานะเป็นเลขไทย")
    parser.set_defaults(handler=cmd_export_directives)


def _import_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("import", help="นำเข้าจากไฟล์ Excel หรือ CSV (import from .xlsx/.csv)")
    what = group.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(group))
    help_text = "ข้อสั่งการและรายงานผลล่าสุด (directives with latest progress)"
    add_import_command(what, "directives", help_text, cmd_import_directives, description=IMPORT_HELP)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _export_parser(sub)
    _import_parser(sub)
