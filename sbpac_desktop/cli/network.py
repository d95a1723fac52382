"""`sbpac-desktop network …`: the civil-society network and volunteer graduates (issue #15).

    network template FILE.xlsx                    the form members fill in offline
    network import FILE [--dry-run] [--json]      all or nothing; one line per row; exit 2 if refused
    network members [--place PLACE] [--json]      the register
    network reports [--directive REF] [--place PLACE] [--json]

Only admin and secretary accounts import; the reports never change a directive.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sbpac_desktop.cli.args import directive_ref_arg
from sbpac_desktop.cli.imports import add_import_command, problem_line, refused
from sbpac_desktop.cli.org import xlsx_arg
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.thai import medium_date

if TYPE_CHECKING:
    from sbpac_desktop.services.field.network_import import NetworkImportReport


def cmd_template(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.spreadsheets import check_target
    from sbpac_desktop.services import places
    from sbpac_desktop.services.field.network_import import write_template

    check_target(args.file)
    with signed_in(args) as ctx:
        labels = [p.label for p in places.all_places(ctx.db, ctx.actor) if p.level == "subdistrict"]
    emit(f"บันทึกแบบรายงานจากภาคประชาชนที่ {write_template(args.file, labels)}")
    return 0


def report_lines(report: NetworkImportReport) -> list[str]:
    lines = [f"ไฟล์: {report.path} ({report.source_th})"]
    lines += [problem_line(problem) for problem in report.problems]
    for row in report.rows:
        state = "ไม่รับ" if row.action == "refused" else "รับ"
        lines.append(f"แถว {row.row} [{state}] {row.label} — {row.detail_th}")
    lines.append(report.summary_th())
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field.network_import import import_network_reports

    with signed_in(args) as ctx:
        report = import_network_reports(ctx.db, ctx.actor, args.file, dry_run=args.dry_run)
    if args.json:
        rows = [{"row": r.row, "label": r.label, "action": r.action, "new_member": r.new_member,
                 "problems": [p.message_th for p in r.problems]} for r in report.rows]  # fmt: skip
        emit_json({"ok": report.ok, "committed": report.committed, "problems": [p.message_th for p in report.problems],
                   "rows": rows})  # fmt: skip
    else:
        for line in report_lines(report):
            emit(line)
    return 0 if report.ok else refused()


def cmd_members(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places
    from sbpac_desktop.services.field import network

    with signed_in(args) as ctx:
        place_id = places.resolve_place(ctx.db, ctx.actor, args.place).id if args.place else None
        rows = network.list_members(ctx.db, ctx.actor, place_id=place_id)
    if args.json:
        emit_json([{"id": m.id, "kind": m.kind, "name": m.full_name, "organisation": m.organisation,
                    "place": m.place_label, "phone": m.phone} for m in rows])  # fmt: skip
        return 0
    for m in rows:
        emit(f"[{m.id}] {m.kind_th}: {m.full_name} {m.organisation or ''} — {m.place_label or '-'}")
    emit(f"รวม {len(rows):,} คน")
    return 0


def cmd_reports(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places
    from sbpac_desktop.services.directives.workflow import find_directive
    from sbpac_desktop.services.field import network

    with signed_in(args) as ctx:
        if args.directive:
            rows = network.reports_on_directive(ctx.db, ctx.actor, find_directive(ctx.db, ctx.actor, args.directive))
        else:
            place_id = places.resolve_place(ctx.db, ctx.actor, args.place).id if args.place else None
            rows = network.list_reports(ctx.db, ctx.actor, place_id=place_id)
    if args.json:
        emit_json([{"id": r.id, "report_on": r.report_on.isoformat(), "member": r.member_name,
                    "rating": r.rating, "text": r.text, "directive": r.directive_number, "place": r.place_label}
                   for r in rows])  # fmt: skip
        return 0
    for r in rows:
        about = r.directive_number or r.place_label or ""
        emit(f"{medium_date(r.report_on, thai_digits=False)} [{r.rating_th}] {about} — {r.text} ({r.source_th})")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("network", help="เครือข่ายภาคประชาชนและบัณฑิตอาสา: แบบฟอร์ม นำเข้า รายงาน")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    template = actions.add_parser("template", help="สร้างแบบรายงาน (.xlsx) ให้เครือข่ายกรอก")
    template.add_argument("file", type=xlsx_arg, metavar="FILE.xlsx")
    template.set_defaults(handler=cmd_template)
    add_import_command(actions, "import", "นำเข้ารายงานจากไฟล์ .xlsx หรือ .csv (ทั้งหมดหรือไม่เลย)", cmd_import, json=True)
    members = actions.add_parser("members", help="ทะเบียนเครือข่ายและบัณฑิตอาสา")
    members.add_argument("--place", default=None, metavar="PLACE")
    members.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    members.set_defaults(handler=cmd_members)
    reports = actions.add_parser("reports", help="รายงานจากภาคประชาชน")
    reports.add_argument("--directive", type=directive_ref_arg, default=None, metavar="REF")
    reports.add_argument("--place", default=None, metavar="PLACE")
    reports.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    reports.set_defaults(handler=cmd_reports)
