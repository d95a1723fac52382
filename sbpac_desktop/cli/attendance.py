"""`sbpac-desktop attendance ACTION …`: who is on a meeting's list and who came — list, add,
mark (present / absent with its reason / substitute / invited) and remove. The same service
as the attendance tab; the list is filled from a series with `series fill-attendance`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import id_arg, meeting_ref_arg
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.enums import AttendanceKind
from sbpac_desktop.domain.errors import NotFound

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.meetings.attendance import AttendanceView

THAI_KINDS = {"มา": AttendanceKind.PRESENT, "ไม่มา": AttendanceKind.ABSENT, "แทน": AttendanceKind.SUBSTITUTE,
              "เข้าร่วม": AttendanceKind.INVITED}  # fmt: skip


def kind_arg(text: str) -> AttendanceKind:
    word = text.strip().lower()
    for kind in AttendanceKind:
        if word in (kind.value, kind.label):
            return kind
    if word in THAI_KINDS:
        return THAI_KINDS[word]
    names = ", ".join(kind.value for kind in AttendanceKind)
    raise argparse.ArgumentTypeError(f"สถานะการเข้าประชุมต้องเป็น {names} หรือ มา/ไม่มา/แทน/เข้าร่วม (ได้รับ '{text[:40]}')")


def line_json(view: AttendanceView) -> dict[str, Any]:
    return {
        "id": view.id,
        "person_id": view.person_id,
        "name": view.person_name,
        "kind": view.kind.value,
        "kind_th": view.kind.label,
        "position_text": view.position_text,
        "role": view.meeting_role,
        "absence_reason": view.absence_reason,
        "substitute_for_person_id": view.substitute_for_person_id,
        "substitute_for": view.substitute_for_text,
        "order": view.sort_order,
    }


def _line(view: AttendanceView) -> str:
    note = view.absence_reason if view.kind is AttendanceKind.ABSENT else view.meeting_role
    if view.kind is AttendanceKind.SUBSTITUTE:
        note = f"มาแทน {view.substitute_for_text or view.substitute_for_person_id or ''}".strip()
    parts = [f"{view.sort_order}. {view.person_name} [{view.person_id}]", view.kind.label]
    parts += [text for text in (view.position_text, note) if text]
    return " — ".join(parts)


def _current(ctx: AppContext, meeting_id: int, person_id: int) -> AttendanceView | None:
    from sbpac_desktop.services.meetings import attendance

    lines = attendance.list_attendance(ctx.db, ctx.actor, meeting_id)
    return next((line for line in lines if line.person_id == person_id), None)


def _record(args: argparse.Namespace, kind: AttendanceKind, *, keep_existing: bool) -> int:
    """add: the line as given; mark: the stored line with the new kind (and reason)."""
    from sbpac_desktop.services.meetings import attendance, meetings
    from sbpac_desktop.services.meetings.attendance import AttendanceInput

    with signed_in(args) as ctx:
        meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting)
        stored = _current(ctx, meeting.id, args.person) if keep_existing else None
        data = AttendanceInput(
            person_id=args.person,
            kind=kind,
            position_text=args.printed_post
            if args.printed_post is not None
            else (stored.position_text if stored else None),
            meeting_role=args.role if args.role is not None else (stored.meeting_role if stored else None),
            absence_reason=args.reason,
            substitute_for_person_id=args.for_person,
            substitute_for_text=args.for_text,
        )
        view = attendance.record_attendance(ctx.db, ctx.actor, meeting.id, data)
    if args.json:
        emit_json(line_json(view))
    else:
        emit(f"บันทึกแล้ว: {_line(view)}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    return _record(args, args.kind, keep_existing=False)


def cmd_mark(args: argparse.Namespace) -> int:
    return _record(args, args.status, keep_existing=True)


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import attendance, meetings

    with signed_in(args) as ctx:
        meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting)
        lines = attendance.list_attendance(ctx.db, ctx.actor, meeting.id)
    if args.json:
        emit_json([line_json(view) for view in lines])
        return 0
    for view in lines:
        emit(_line(view))
    came = sum(1 for v in lines if v.kind in (AttendanceKind.PRESENT, AttendanceKind.SUBSTITUTE))
    emit(f"รวม {len(lines)} คน มาประชุม {came} คน")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import attendance, meetings

    with signed_in(args) as ctx:
        meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting)
        line = _current(ctx, meeting.id, args.person)
        if line is None:
            raise NotFound(f"บุคคลรหัส {args.person} ไม่อยู่ในรายชื่อผู้เข้าประชุมครั้งนี้", f"Person {args.person} is not listed")
        attendance.remove_attendance(ctx.db, ctx.actor, line.id)
    emit(f"ลบ {line.person_name} ออกจากรายชื่อผู้เข้าประชุมแล้ว")
    return 0


def _person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่ เช่น 10/2562")
    parser.add_argument("person", type=id_arg, metavar="PERSON_ID", help="รหัสบุคคล")
    parser.add_argument("--printed-post", metavar="TEXT", help="ตำแหน่งตามที่พิมพ์ในรายงาน เช่น ผู้อำนวยการกองนโยบาย")
    parser.add_argument("--role", help="บทบาท เช่น ประธาน กรรมการ เลขานุการ")
    parser.add_argument("--reason", help="เหตุที่ไม่มาประชุม (ไม่มา)")
    parser.add_argument("--for-person", type=id_arg, metavar="PERSON_ID", help="มาประชุมแทน: รหัสบุคคล")
    parser.add_argument("--for", dest="for_text", metavar="TEXT", help="มาประชุมแทน: ชื่อหรือตำแหน่ง")
    parser.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("attendance", help="ผู้เข้าประชุม: list, add, mark, remove")
    actions = parser.add_subparsers(
        dest="attendance_action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    listing = actions.add_parser("list", help="รายชื่อผู้เข้าประชุม")
    listing.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่ เช่น 10/2562")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser("add", help="เพิ่มบุคคลในรายชื่อ (หรือแก้บรรทัดเดิมของบุคคลนั้น)")
    _person_options(add)
    add.add_argument(
        "--kind", type=kind_arg, default=AttendanceKind.PRESENT, help="present (ค่าปริยาย), absent, substitute, invited"
    )
    add.set_defaults(handler=cmd_add)
    mark = actions.add_parser("mark", help="บันทึกว่ามาหรือไม่มา (คงตำแหน่งและบทบาทเดิม)")
    _person_options(mark)
    mark.add_argument(
        "status", type=kind_arg, metavar="STATUS", help="present/มา, absent/ไม่มา, substitute/แทน, invited"
    )
    mark.set_defaults(handler=cmd_mark)
    remove = actions.add_parser("remove", help="ลบบุคคลออกจากรายชื่อ")
    remove.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING")
    remove.add_argument("person", type=id_arg, metavar="PERSON_ID")
    remove.set_defaults(handler=cmd_remove)
