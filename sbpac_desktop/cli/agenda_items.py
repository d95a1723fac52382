"""`sbpac-desktop agenda-item ACTION …` (list, add, edit, move, remove) and
`sbpac-desktop minutes-text ITEM …` (the discussion and resolution of one item, from an
argument or a UTF-8 file). The same services and rules as the agenda tab of the window."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import id_arg, meeting_ref_arg, whole_number
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.cli.text_files import read_utf8
from sbpac_desktop.domain.agenda import MAX_PLANNED_MINUTES, TimedItem, plan_timetable
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.thai import apply_digits, duration_text, time_text

if TYPE_CHECKING:
    from sbpac_desktop.services.meetings.agenda import AgendaItemView

UNSET: Any = object()  # `edit`: an option not given leaves the field as stored
NONE_WORDS = ("-", "none", "ไม่ระบุ", "ไม่กำหนด")
section_arg = whole_number(1, 6, "ระเบียบวาระที่", "4")
position_arg = whole_number(1, 9_999, "ลำดับ", "1")
_minutes = whole_number(0, MAX_PLANNED_MINUTES, "เวลาที่วางแผน (นาที)", "30")


def minutes_arg(text: str) -> int | None:
    """--minutes 30, or '-' for not planned."""
    return None if text.strip().lower() in NONE_WORDS else _minutes(text)


def optional_id_arg(text: str) -> int | None:
    return None if text.strip().lower() in NONE_WORDS else id_arg(text)


def item_json(view: AgendaItemView, start: str | None = None) -> dict[str, Any]:
    return {
        "id": view.id,
        "version": view.version,
        "meeting_id": view.meeting_id,
        "number": view.number,
        "section": view.section,
        "parent_id": view.parent_id,
        "position": view.position,
        "title": view.title,
        "presenter_person_id": view.presenter_person_id,
        "presenter": view.presenter_name,
        "planned_minutes": view.planned_minutes,
        "planned_start": start,
        "background": view.background,
        "proposal": view.proposal,
        "discussion": view.discussion,
        "resolution": view.resolution,
    }


def _done(args: argparse.Namespace, view: AgendaItemView, what: str) -> int:
    if getattr(args, "json", False):
        emit_json(item_json(view))
    else:
        emit(f"{what}: [{view.id}] {view.number} {view.title}")
    return 0


# --- commands ----------------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda, meetings

    with signed_in(args) as ctx:
        meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting)
        items = agenda.list_items(ctx.db, ctx.actor, meeting.id)
    table = plan_timetable(meeting.start_time, [TimedItem(i.id, i.planned_minutes) for i in items])
    starts = {i.id: (t.strftime("%H:%M") if (t := table.start_of(i.id)) else None) for i in items}
    if args.json:
        emit_json([item_json(i, starts[i.id]) for i in items])
        return 0
    digits = args.thai_digits
    for item in items:
        indent = "    " * (item.depth - 1)
        when = table.start_of(item.id)
        timing = [time_text(when, thai_digits=digits)] if when else []
        if item.planned_minutes is not None:
            timing.append(duration_text(item.planned_minutes, thai_digits=digits))
        extra = f"  ({item.presenter_name})" if item.presenter_name else ""
        extra += f"  [{' · '.join(timing)}]" if timing else ""
        emit(apply_digits(f"[{item.id}] {indent}{item.number} ", digits) + item.title + extra)
    summary = f"รวม {len(items)} เรื่อง"
    if table.total_minutes or any(i.planned_minutes is not None for i in items):
        summary += f" · เวลาที่วางแผน {duration_text(table.total_minutes, thai_digits=False)}"
        if table.ends_at:
            summary += f" · เลิกประมาณ {time_text(table.ends_at, thai_digits=False)}"
    emit(apply_digits(summary, digits))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda, meetings
    from sbpac_desktop.services.meetings.agenda import AgendaItemInput

    with signed_in(args) as ctx:
        meeting = meetings.find_meeting(ctx.db, ctx.actor, args.meeting)
        data = AgendaItemInput(
            section=args.section,
            title=args.title,
            parent_id=args.parent,
            presenter_person_id=args.presenter_person,
            presenter_text=args.presenter,
            background=args.background,
            proposal=args.proposal,
            planned_minutes=args.minutes,
        )
        view = agenda.add_item(ctx.db, ctx.actor, meeting.id, data, args.position)
    return _done(args, view, "เพิ่มเรื่องแล้ว")


EDITABLE = {
    "title": "title", "parent": "parent_id", "presenter_person": "presenter_person_id", "presenter": "presenter_text",
    "background": "background", "proposal": "proposal", "minutes": "planned_minutes", "section": "section",
}  # fmt: skip


def cmd_edit(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda

    with signed_in(args) as ctx:
        view = agenda.get_item(ctx.db, ctx.actor, args.item)
        changes = {field: getattr(args, option) for option, field in EDITABLE.items()}
        changes = {k: v for k, v in changes.items() if v is not UNSET}
        if "presenter_text" in changes and "presenter_person_id" not in changes:
            changes["presenter_person_id"] = None  # a typed presenter replaces the linked person
        saved = agenda.update_item(ctx.db, ctx.actor, view.id, view.version, agenda.input_of(view, **changes))
    return _done(args, saved, "แก้ไขเรื่องแล้ว")


def cmd_move(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda

    with signed_in(args) as ctx:
        items = agenda.move_item(ctx.db, ctx.actor, args.item, args.position, new_section=args.section)
    moved = next(i for i in items if i.id == args.item)
    return _done(args, moved, "ย้ายเรื่องแล้ว")


def cmd_remove(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda

    with signed_in(args) as ctx:
        view = agenda.get_item(ctx.db, ctx.actor, args.item)
        agenda.delete_item(ctx.db, ctx.actor, view.id)
    emit(f"ลบเรื่อง {view.number} {view.title} แล้ว (พร้อมเรื่องย่อย)")
    return 0


def cmd_minutes_text(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import agenda

    changes: dict[str, str | None] = {}
    for field in ("discussion", "resolution"):
        given, from_file = getattr(args, field), getattr(args, f"{field}_file")
        if given is not None and from_file is not None:
            raise ValidationError.single(
                field, f"ระบุ --{field} หรือ --{field}-file อย่างใดอย่างหนึ่ง", f"Give --{field} or --{field}-file"
            )
        if given is not None or from_file is not None:
            changes[field] = given if given is not None else from_file
    if not changes:
        raise ValidationError.single("discussion", "ระบุ --discussion, --resolution หรือไฟล์ของข้อความนั้น", "Nothing to set")
    with signed_in(args) as ctx:
        view = agenda.get_item(ctx.db, ctx.actor, args.item)
        saved = agenda.update_item(ctx.db, ctx.actor, view.id, view.version, agenda.input_of(view, **changes))
    return _done(args, saved, "บันทึกรายงานการประชุมของเรื่องแล้ว")


# --- parser ------------------------------------------------------------------------------
def _fields(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    keep: dict[str, Any] = {"default": UNSET} if editing else {}
    if editing:
        parser.add_argument("--title", default=UNSET, help="ชื่อเรื่อง")
        parser.add_argument("--section", type=section_arg, default=UNSET, help="ย้ายไประเบียบวาระที่ (ต่อท้าย)")
    parser.add_argument(
        "--parent", type=optional_id_arg, **keep, metavar="ITEM_ID", help="เป็นเรื่องย่อยของ (รหัสเรื่อง; '-' = เรื่องหลัก)"
    )
    parser.add_argument("--presenter", **keep, help="ผู้นำเสนอ (ชื่อหรือหน่วยงาน)")
    parser.add_argument(
        "--presenter-person", type=optional_id_arg, **keep, metavar="PERSON_ID", help="ผู้นำเสนอ: รหัสบุคคล"
    )
    parser.add_argument("--minutes", type=minutes_arg, **keep, help="เวลาที่วางแผน (นาที 0-1440; '-' = ไม่กำหนด)")
    parser.add_argument("--background", **keep, help="ความเป็นมา")
    parser.add_argument("--proposal", **keep, help="ข้อเสนอ")
    parser.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("agenda-item", help="เรื่องในระเบียบวาระ: list, add, edit, move, remove")
    actions = parser.add_subparsers(dest="agenda_action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="เรื่องในระเบียบวาระของการประชุม พร้อมเวลาที่วางแผน")
    listing.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่ เช่น 10/2562")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    listing.add_argument("--thai-digits", action="store_true", help="แสดงเลขไทย")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser("add", help="เพิ่มเรื่อง (ต่อท้าย หรือที่ --position)")
    add.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่ เช่น 10/2562")
    add.add_argument("--section", type=section_arg, required=True, help="ระเบียบวาระที่ 1-6")
    add.add_argument("--title", required=True, help="ชื่อเรื่อง")
    add.add_argument("--position", type=position_arg, help="ลำดับในระเบียบวาระ (ค่าปริยาย: ต่อท้าย)")
    _fields(add, editing=False)
    add.set_defaults(handler=cmd_add)
    edit = actions.add_parser("edit", help="แก้ไขเรื่อง (เฉพาะที่ระบุ)")
    edit.add_argument("item", type=id_arg, metavar="ITEM_ID", help="รหัสเรื่อง (จาก agenda-item list)")
    _fields(edit, editing=True)
    edit.set_defaults(handler=cmd_edit)
    move = actions.add_parser("move", help="ย้ายเรื่องไปลำดับใหม่ (หรือไประเบียบวาระอื่น)")
    move.add_argument("item", type=id_arg, metavar="ITEM_ID")
    move.add_argument("--position", type=position_arg, required=True, help="ลำดับใหม่ 1, 2, ...")
    move.add_argument("--section", type=section_arg, default=None, help="ย้ายไประเบียบวาระที่")
    move.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    move.set_defaults(handler=cmd_move)
    remove = actions.add_parser("remove", help="ลบเรื่อง (และเรื่องย่อย)")
    remove.add_argument("item", type=id_arg, metavar="ITEM_ID")
    remove.set_defaults(handler=cmd_remove)
    text = sub.add_parser("minutes-text", help="บันทึกการอภิปรายและมติของเรื่องในระเบียบวาระ (ข้อความหรือไฟล์ UTF-8)")
    text.add_argument("item", type=id_arg, metavar="ITEM_ID", help="รหัสเรื่อง (จาก agenda-item list)")
    text.add_argument("--discussion", help="การอภิปราย / สรุปสาระ ('' = ลบ)")
    text.add_argument("--discussion-file", type=read_utf8, metavar="FILE", help="การอภิปรายจากไฟล์ข้อความ UTF-8")
    text.add_argument("--resolution", help="มติที่ประชุม")
    text.add_argument("--resolution-file", type=read_utf8, metavar="FILE", help="มติที่ประชุมจากไฟล์ข้อความ UTF-8")
    text.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    text.set_defaults(handler=cmd_minutes_text)
