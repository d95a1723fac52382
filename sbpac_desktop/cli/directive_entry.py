"""`sbpac-desktop directive add …`: record a directive (ข้อสั่งการ) from the command line.

The same service and rules as the directive dialog: the dimension is an explicit choice
(an id or "ไม่ระบุ"), and a directive has a due date or an explicit "ไม่กำหนด" with its reason.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from sbpac_desktop.cli.args import date_arg, id_arg, meeting_ref_arg
from sbpac_desktop.cli.output import directive_json, emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.enums import AssignmentRole, Priority, ReportCycle
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.thai import to_arabic_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.directives import directives

UNSPECIFIED_WORDS = ("ไม่ระบุ", "none")


def dimension_choice_arg(text: str) -> int | None:
    """--dimension: a dimension id, or the deliberate "ไม่ระบุ" (none) — never left out."""
    if text.strip().lower() in UNSPECIFIED_WORDS:
        return None
    return id_arg(text)


def _item_id(ctx: AppContext, meeting_id: int, number: str | None) -> int | None:
    """The agenda item printed as '4.1' (or '๔.๑') in this meeting."""
    from sbpac_desktop.services.meetings import agenda

    if number is None:
        return None
    wanted = to_arabic_digits(number.strip())
    for item in agenda.list_items(ctx.db, ctx.actor, meeting_id):
        if item.number == wanted:
            return item.id
    raise ValidationError.single(
        "agenda_item_id",
        f"ไม่พบเรื่อง {number} ในระเบียบวาระของการประชุมนี้",
        f"No agenda item {number} in this meeting",
    )


def _assignments(args: argparse.Namespace) -> tuple[directives.AssignmentInput, ...]:
    from sbpac_desktop.services.directives import directives

    lead = args.lead_post, args.lead_unit
    found: list[directives.AssignmentInput] = []
    if lead[0] is not None or lead[1] is not None:
        found.append(directives.AssignmentInput(position_id=lead[0], org_unit_id=lead[1]))
    for post in args.support_post:
        found.append(directives.AssignmentInput(position_id=post, role=AssignmentRole.SUPPORT))
    for unit in args.support_unit:
        found.append(directives.AssignmentInput(org_unit_id=unit, role=AssignmentRole.SUPPORT))
    return tuple(found)


def _input(ctx: AppContext, args: argparse.Namespace) -> directives.DirectiveInput:
    from sbpac_desktop.services.directives import directives
    from sbpac_desktop.services.meetings import meetings

    meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting) if args.meeting else None
    issued_on: date | None = args.issued_on or (meeting.meeting_date if meeting else None)
    if issued_on is None:
        raise ValidationError.single(
            "issued_on", "ระบุ --issued-on (วันที่สั่งการ) หรือ --meeting", "Give --issued-on or --meeting"
        )
    return directives.DirectiveInput(
        text=args.text,
        issued_on=issued_on,
        assignments=_assignments(args),
        meeting_id=meeting.id if meeting else None,
        agenda_item_id=_item_id(ctx, meeting.id, args.item) if meeting else None,
        issued_by_person_id=meeting.chair_person_id if meeting else None,
        dimension_id=args.dimension,
        priority=Priority(args.priority),
        report_cycle=ReportCycle(args.cycle),
        due_on=args.due,
        no_due_reason=args.no_due_reason,
    )


def _add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.directives import directives

    with signed_in(args) as ctx:
        detail = directives.create_directive(ctx.db, ctx.actor, _input(ctx, args))
    if args.json:
        emit_json(directive_json(detail.row))
    else:
        emit(f"บันทึกข้อสั่งการแล้ว: {detail.row.number_text(args.thai_digits)} (รหัส {detail.row.id})")
    return 0


def add_create_command(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = actions.add_parser("add", help="บันทึกข้อสั่งการใหม่ (ฝ่ายเลขานุการ)")
    command.add_argument("--text", required=True, help="ข้อความข้อสั่งการ")
    command.add_argument(
        "--dimension", required=True, type=dimension_choice_arg, help="รหัสมิติการพัฒนา หรือ ไม่ระบุ (ต้องเลือก)"
    )
    due = command.add_mutually_exclusive_group(required=True)
    due.add_argument("--due", type=date_arg, help="กำหนดแล้วเสร็จ (พ.ศ. เช่น 31/03/2563)")
    due.add_argument("--no-due-reason", help="ไม่กำหนดวันแล้วเสร็จ เพราะ … (ต้องระบุเหตุผล)")
    command.add_argument("--meeting", type=meeting_ref_arg, help="การประชุม (รหัส หรือครั้งที่ เช่น 1/2563)")
    command.add_argument("--item", help="เรื่องในระเบียบวาระ เช่น 4.1 (ต้องระบุ --meeting)")
    command.add_argument("--issued-on", type=date_arg, help="วันที่สั่งการ (ค่าเริ่มต้น: วันประชุม)")
    lead = command.add_mutually_exclusive_group()
    lead.add_argument("--lead-post", type=id_arg, help="รหัสตำแหน่งผู้รับผิดชอบหลัก")
    lead.add_argument("--lead-unit", type=id_arg, help="รหัสหน่วยงานผู้รับผิดชอบหลัก")
    command.add_argument("--support-post", type=id_arg, action="append", default=[], help="ตำแหน่งผู้สนับสนุน")
    command.add_argument("--support-unit", type=id_arg, action="append", default=[], help="หน่วยงานผู้สนับสนุน")
    command.add_argument("--priority", choices=[p.value for p in Priority], default=Priority.NORMAL.value)
    command.add_argument("--cycle", choices=[c.value for c in ReportCycle], default=ReportCycle.MONTHLY.value)
    command.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    command.add_argument("--thai-digits", action="store_true", help="พิมพ์เลขไทย")
    command.set_defaults(handler=_add)
