"""`org import FILE [--dry-run] [--json]` and `org template FILE.xlsx`: the organisation
(units, posts, people, terms in office) from one office spreadsheet.

The import prints one line per row (row as Excel shows it, type, what is or would be done,
or why it is refused) and exits 2 when any row is refused, in which case nothing was written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.imports import add_import_command, problem_line, refused
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in

if TYPE_CHECKING:
    from sbpac_desktop.services.people.org_import import OrgImportReport, OrgRowResult
    from sbpac_desktop.services.spreadsheets.row_plan import RowProblem

IMPORT_HELP = """นำเข้าหน่วยงาน ตำแหน่ง บุคคล และวาระการดำรงตำแหน่ง จากไฟล์ .xlsx หรือ .csv (UTF-8 หรือ Windows-874)

หนึ่งแถวต่อหนึ่งรายการ คอลัมน์ 'ประเภท' = หน่วยงาน / ตำแหน่ง / บุคคล / วาระ
ใช้แบบฟอร์มจาก `sbpac-desktop org template แบบฟอร์ม.xlsx` (แผ่นงาน 'คำอธิบาย' บอกวิธีกรอก)
รายการที่มีอยู่แล้วจะถูกปรับปรุง (หน่วยงานตามชื่อ ตำแหน่งตามชื่อย่อ บุคคลตามชื่อและนามสกุล)
ถ้ามีแถวใดไม่ถูกต้อง จะไม่บันทึกข้อมูลใด ๆ และจบด้วยรหัส 2"""


def xlsx_arg(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".xlsx":
        raise argparse.ArgumentTypeError(f"แบบฟอร์มต้องเป็นไฟล์ .xlsx (ได้รับ '{text}')")
    return path


def cmd_org_template(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.spreadsheets import check_target
    from sbpac_desktop.services.people.org_template import write_org_template

    check_target(args.file)  # a missing or read-only folder fails with a Thai message, before any work
    written = write_org_template(args.file)
    emit(f"บันทึกแบบฟอร์มนำเข้าหน่วยงานและบุคคลที่ {written}")
    return 0


def cmd_org_import(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.people.org_import import import_org

    with signed_in(args) as ctx:
        report = import_org(ctx.db, ctx.actor, args.file, dry_run=args.dry_run)
    if args.json:
        emit_json(report_json(report))
    else:
        for line in report_lines(report):
            emit(line)
    return 0 if report.ok else refused(len(report.errors))


def row_line(row: OrgRowResult) -> str:
    from sbpac_desktop.services.people.org_import import ACTION_TH

    head = f"แถว {row.row} [{row.kind_th or '?'}] {ACTION_TH[row.action]}"
    if row.label:
        head += f": {row.label}"
    return head + (f" — {row.detail_th}" if row.detail_th else "")


def report_lines(report: OrgImportReport) -> list[str]:
    lines = [f"ไฟล์: {report.path} ({report.source_th})"]
    lines += [problem_line(problem) for problem in report.problems]
    lines += [row_line(row) for row in report.rows]
    lines.append(report.summary_th())
    return lines


def _problem_json(problem: RowProblem) -> dict[str, Any]:
    return {"row": problem.row, "column": problem.column, "message": problem.message_th, "error": problem.is_error}


def report_json(report: OrgImportReport) -> dict[str, Any]:
    return {
        "file": report.path,
        "source": report.source_th,
        "dry_run": report.dry_run,
        "ok": report.ok,
        "committed": report.committed,
        "summary": report.summary_th(),
        "problems": [_problem_json(p) for p in report.problems],
        "rows": [
            {
                "row": r.row,
                "type": r.kind_th,
                "label": r.label,
                "action": r.action,
                "changes": list(r.changes),
                "problems": [_problem_json(p) for p in r.problems],
            }
            for r in report.rows
        ],
    }


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("org", help="หน่วยงาน ตำแหน่ง บุคคล: นำเข้าจากไฟล์และแบบฟอร์ม (organisation import)")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(group))
    add_import_command(
        actions, "import", "นำเข้าจากไฟล์ .xlsx หรือ .csv", cmd_org_import, description=IMPORT_HELP, json=True
    )
    template = actions.add_parser("template", help="บันทึกแบบฟอร์มนำเข้า (.xlsx) พร้อมคำอธิบาย")
    template.add_argument("file", metavar="FILE", type=xlsx_arg, help="ไฟล์ .xlsx ที่จะบันทึก")
    template.set_defaults(handler=cmd_org_template)
