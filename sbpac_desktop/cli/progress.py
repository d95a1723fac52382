"""`sbpac-desktop progress ACTION DIRECTIVE …`: progress reports (รายงานผลการดำเนินการ) on a
directive's assignment — add and list. The same service and rules as the window's report
dialog (an officer reports only on posts they hold; percent 0–100; not before issue)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import date_arg, directive_ref_arg, id_arg, whole_number
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.cli.text_files import read_utf8
from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.domain.errors import ValidationError

if TYPE_CHECKING:
    from sbpac_desktop.services.directives.directive_views import DirectiveDetail, ProgressView

percent_arg = whole_number(0, 100, "ร้อยละความก้าวหน้า", "50")


def report_json(view: ProgressView) -> dict[str, Any]:
    return {
        "id": view.id,
        "assignment_id": view.assignment_id,
        "assignee": view.assignee_label,
        "report_date": view.report_date.isoformat(),
        "percent": view.percent,
        "result": view.result,
        "problems": view.problems,
        "suggestions": view.suggestions,
        "next_step": view.next_step,
        "period": view.period_text,
        "reporter": view.reporter_name,
    }


def _assignment(detail: DirectiveDetail, post_id: int | None, assignment_id: int | None) -> int:
    """--assignment, else the assignment of --post, else the lead (ผู้รับผิดชอบหลัก)."""
    chosen = [
        a
        for a in detail.assignments
        if (assignment_id is not None and a.id == assignment_id)
        or (assignment_id is None and post_id is not None and a.position_id == post_id)
        or (assignment_id is None and post_id is None and a.role is AssignmentRole.LEAD)
    ]
    if not chosen:
        which = "ที่ระบุ" if assignment_id is not None or post_id is not None else "หลัก"
        raise ValidationError.single(
            "assignment_id",
            f"ข้อสั่งการ {detail.row.number_text(False)} ไม่มีผู้รับผิดชอบ{which} — ดูรายการด้วย progress list",
            "No such assignment on this directive",
        )
    return chosen[0].id


def cmd_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.directives import directives, progress
    from sbpac_desktop.services.directives.workflow import find_directive

    if (args.result is None) == (args.result_file is None):
        raise ValidationError.single("result", "ระบุ --result หรือ --result-file อย่างใดอย่างหนึ่ง", "Give one result")
    today = args.as_of or date.today()
    with signed_in(args) as ctx:
        directive_id = find_directive(ctx.db, ctx.actor, args.directive)
        detail = directives.get_directive(ctx.db, ctx.actor, directive_id, today)
        data = progress.ProgressInput(
            assignment_id=_assignment(detail, args.post, args.assignment),
            report_date=args.date or today,
            percent=args.percent,
            result=args.result if args.result is not None else args.result_file,
            problems=args.problems,
            suggestions=args.suggestions,
            next_step=args.next_step,
            period_text=args.period,
            reporter_person_id=args.reporter,
        )
        detail = progress.add_progress(ctx.db, ctx.actor, data, today=today)
    if args.json:
        emit_json(report_json(detail.reports[0]))
    else:
        emit(
            f"บันทึกรายงานผลแล้ว: {detail.row.number_text(False)} ร้อยละ {args.percent} — สถานะ: {detail.row.status.label}"
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.directives import directives
    from sbpac_desktop.services.directives.workflow import find_directive

    with signed_in(args) as ctx:
        directive_id = find_directive(ctx.db, ctx.actor, args.directive)
        detail = directives.get_directive(ctx.db, ctx.actor, directive_id, args.as_of or date.today())
    if args.json:
        emit_json(
            {
                "directive": detail.row.number_text(False),
                "assignments": [
                    {"id": a.id, "role": a.role.value, "position_id": a.position_id, "assignee": a.label}
                    for a in detail.assignments
                ],
                "reports": [report_json(r) for r in detail.reports],
            }
        )
        return 0
    emit(f"{detail.row.number_text(False)} {detail.row.text}")
    for a in detail.assignments:
        emit(f"  ผู้รับผิดชอบ [{a.id}] {a.label} ({a.role.label})")
    for r in detail.reports:
        emit(f"  {r.report_date.isoformat()} ร้อยละ {r.percent} — {r.assignee_label}: {r.result}")
    if not detail.reports:
        emit("  ยังไม่มีรายงานผล")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("progress", help="รายงานผลการดำเนินการตามข้อสั่งการ: add, list")
    actions = parser.add_subparsers(dest="progress_action", metavar="ACTION", required=True, parser_class=type(parser))
    add = actions.add_parser("add", help="บันทึกรายงานผล (ค่าปริยาย: ของผู้รับผิดชอบหลัก)")
    add.add_argument("directive", type=directive_ref_arg, metavar="DIRECTIVE", help="เลขที่ เช่น ขส. 003/2563 หรือรหัส")
    add.add_argument("--percent", type=percent_arg, required=True, help="ร้อยละความก้าวหน้า 0-100")
    add.add_argument("--result", help="ผลการดำเนินการ")
    add.add_argument("--result-file", type=read_utf8, metavar="FILE", help="ผลการดำเนินการจากไฟล์ข้อความ UTF-8")
    add.add_argument("--date", type=date_arg, help="วันที่รายงาน (ค่าปริยาย วันนี้)")
    add.add_argument("--post", type=id_arg, metavar="POSITION_ID", help="รายงานในนามตำแหน่งที่ได้รับมอบหมายนี้")
    add.add_argument("--assignment", type=id_arg, metavar="ASSIGNMENT_ID", help="รหัสการมอบหมาย (จาก progress list)")
    add.add_argument("--problems", help="ปัญหาอุปสรรค")
    add.add_argument("--suggestions", help="ข้อเสนอแนะ")
    add.add_argument("--next-step", help="การดำเนินการต่อไป")
    add.add_argument("--period", help="รอบการรายงาน เช่น ไตรมาสที่ 1")
    add.add_argument("--reporter", type=id_arg, metavar="PERSON_ID", help="ผู้รายงาน: รหัสบุคคล")
    add.add_argument("--as-of", type=date_arg, default=None, help="วันที่ใช้คำนวณสถานะ (ค่าปริยาย วันนี้)")
    add.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    add.set_defaults(handler=cmd_add)
    listing = actions.add_parser("list", help="ผู้รับผิดชอบและรายงานผลของข้อสั่งการ")
    listing.add_argument("directive", type=directive_ref_arg, metavar="DIRECTIVE")
    listing.add_argument("--as-of", type=date_arg, default=None, help="วันที่ใช้คำนวณสถานะ")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    listing.set_defaults(handler=cmd_list)
