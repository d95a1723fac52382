"""`sbpac-desktop meetings [ACTION] …`: meetings from the command line — list (the default,
as before), create, edit, copy (คัดลอกการประชุม) and carry-over (items 2 and 3 from the
previous meeting, accepted as proposed). The same services and rules as the window."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import add_list_options, date_arg, fiscal_year_arg, id_arg, meeting_ref_arg, whole_number
from sbpac_desktop.cli.output import NO_MEETINGS, emit, emit_json, emit_listing, meeting_entry, meeting_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.enums import AgendaTemplate, RecordingStyle
from sbpac_desktop.thai import parse_thai_time, to_arabic_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.meetings.meetings import MeetingView

UNSET: Any = object()  # `meetings edit`: an option not given leaves the field as stored
NONE_WORDS = ("-", "none", "ไม่ระบุ")
TEMPLATES = {"5": AgendaTemplate.STANDARD_5, "6": AgendaTemplate.WITH_INFORMATION_6}
number_arg = whole_number(1, 99_999, "ครั้งที่", "10")


def time_arg(text: str) -> time | None:
    """--start / --end: '09.30', '9:30', '๐๙.๓๐ น.'; '-' for no time."""
    if text.strip().lower() in NONE_WORDS:
        return None
    try:
        return parse_thai_time(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def person_arg(text: str) -> int | None:
    """--chair / --recorder: a person id, or '-' for nobody."""
    return None if text.strip().lower() in NONE_WORDS else id_arg(text)


def style_arg(text: str) -> RecordingStyle:
    word = text.strip().lower()
    for style in RecordingStyle:
        if word in (style.value, style.label):
            return style
    names = ", ".join(style.value for style in RecordingStyle)
    raise argparse.ArgumentTypeError(f"รูปแบบการจดรายงานต้องเป็น {names} (ได้รับ '{text[:40]}')")


def template_arg(text: str) -> AgendaTemplate:
    word = to_arabic_digits(text.strip())
    if word in TEMPLATES:
        return TEMPLATES[word]
    raise argparse.ArgumentTypeError(f"รูปแบบระเบียบวาระต้องเป็น 5 หรือ 6 (ได้รับ '{text[:40]}')")


def full_json(view: MeetingView) -> dict[str, Any]:
    """The list's JSON plus what a script needs to go on (ids and version)."""
    return {
        **meeting_json(view),
        "version": view.version,
        "series_id": view.series_id,
        "previous_meeting_id": view.previous_meeting_id,
        "chair_person_id": view.chair_person_id,
        "recorder_person_id": view.recorder_person_id,
        "recording_style": view.recording_style.value,
        "agenda_template": view.agenda_template.value,
    }


def _show(view: MeetingView, args: argparse.Namespace, done: str) -> int:
    if getattr(args, "json", False):
        emit_json(full_json(view))
    else:
        emit(f"{done}: [{view.id}] {view.title} ครั้งที่ {view.number_text(False)} ({view.meeting_date.isoformat()})")
    return 0


def find(ctx: AppContext, reference: str) -> MeetingView:
    from sbpac_desktop.services.meetings import meetings

    return meetings.find_meeting(ctx.db, ctx.actor, reference)


# --- commands ----------------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings.meeting_list import list_meetings  # Core: no ORM for a listing

    with signed_in(args) as ctx:
        rows = list_meetings(ctx.db, ctx.actor, series_id=args.series, fiscal_year_be=args.fiscal_year)
    return emit_listing(args, rows, full_json, meeting_entry, NO_MEETINGS, "การประชุม")


def cmd_create(args: argparse.Namespace) -> int:
    """Fields not given come from the series (its name, venue, template, the chair on the day)."""
    from sbpac_desktop.services.meetings import meetings
    from sbpac_desktop.services.meetings.meetings import MeetingInput
    from sbpac_desktop.services.meetings.series_attendance import meeting_defaults

    with signed_in(args) as ctx:
        defaults = meeting_defaults(ctx.db, ctx.actor, args.series, args.date)
        data = MeetingInput(
            series_id=args.series,
            title=args.title if args.title is not None else defaults.title,
            meeting_date=args.date,
            venue=args.venue if args.venue is not None else (defaults.venue or ""),
            start_time=args.start,
            end_time=args.end,
            chair_person_id=args.chair if args.chair is not UNSET else defaults.chair_person_id,
            recorder_person_id=args.recorder,
            recording_style=args.style,
            agenda_template=args.template,
            number=args.number,
        )
        view = meetings.create_meeting(ctx.db, ctx.actor, data)
    return _show(view, args, "สร้างการประชุมแล้ว")


EDITABLE = {
    "title": "title", "date": "meeting_date", "venue": "venue", "start": "start_time", "end": "end_time",
    "chair": "chair_person_id", "recorder": "recorder_person_id", "style": "recording_style", "number": "number",
}  # fmt: skip


def cmd_edit(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import meetings

    with signed_in(args) as ctx:
        view = find(ctx, args.meeting)
        changes = {field: getattr(args, option) for option, field in EDITABLE.items()}
        data = replace(view.as_input(), **{k: v for k, v in changes.items() if v is not UNSET})
        saved = meetings.update_meeting(ctx.db, ctx.actor, view.id, view.version, data)
    return _show(saved, args, "แก้ไขการประชุมแล้ว")


def cmd_copy(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings.meeting_copy import copy_meeting

    with signed_in(args) as ctx:
        source = find(ctx, args.meeting)
        result = copy_meeting(ctx.db, ctx.actor, source.id, args.date, title=args.title, include_texts=args.with_texts)
    if args.json:
        emit_json({**full_json(result.meeting), "source_id": result.source_id, "items_copied": result.items_copied})
        return 0
    _show(result.meeting, args, "คัดลอกการประชุมแล้ว")
    emit(
        f"คัดลอกเรื่องในระเบียบวาระ {result.items_copied} เรื่อง "
        f"(ระเบียบวาระที่ 2 และ 3: ใช้คำสั่ง meetings carry-over {result.meeting.id})"
    )
    return 0


def cmd_carry_over(args: argparse.Namespace) -> int:
    """Write item 2.1 and the item-3 lines as proposed (the window lets the secretary edit them)."""
    from sbpac_desktop.services.meetings import carryover

    with signed_in(args) as ctx:
        view = find(ctx, args.meeting)
        proposal = carryover.propose_carryover(ctx.db, ctx.actor, view.id, args.as_of)
        choice = carryover.CarryOverChoice.accept_all(proposal)
        if proposal.has_certify_item:
            choice = replace(choice, certify_title=None)
        if proposal.has_follow_up_item or not proposal.lines:
            choice = replace(choice, follow_up_title=None, lines=())
        result = carryover.apply_carryover(ctx.db, ctx.actor, view.id, choice)
    written = [result.certify_item_id, result.follow_up_item_id, *result.line_item_ids]
    count = sum(1 for item in written if item is not None)
    emit(f"เพิ่มเรื่องจากการประชุมครั้งก่อน {count} เรื่อง (ข้อสั่งการที่ยังไม่ปิด {len(result.line_item_ids)} เรื่อง)")
    return 0


# --- parser ------------------------------------------------------------------------------
def _meeting_fields(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    keep = {"default": UNSET} if editing else {}
    parser.add_argument("--title", **({"default": UNSET} if editing else {}), help="ชื่อการประชุม")
    parser.add_argument("--venue", **keep, help="สถานที่ประชุม")
    parser.add_argument("--start", type=time_arg, **keep, metavar="HH.MM", help="เวลาเริ่ม เช่น 09.30 ('-' = ไม่ระบุ)")
    parser.add_argument("--end", type=time_arg, **keep, metavar="HH.MM", help="เวลาเลิก เช่น 12.00 ('-' = ไม่ระบุ)")
    parser.add_argument(
        "--chair", type=person_arg, default=UNSET, metavar="PERSON_ID", help="ประธาน: รหัสบุคคล ('-' = ไม่ระบุ)"
    )
    parser.add_argument("--recorder", type=person_arg, **keep, metavar="PERSON_ID", help="ผู้จดรายงานการประชุม: รหัสบุคคล")
    parser.add_argument("--number", type=number_arg, **keep, help="ครั้งที่ (ค่าปริยาย: ครั้งถัดไปของปี)")
    style_default = keep or {"default": RecordingStyle.SUMMARY}
    parser.add_argument("--style", type=style_arg, **style_default, help="การจดรายงาน: summary, verbatim, resolutions")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("meetings", help="การประชุม: list (ค่าปริยาย), create, edit, copy, carry-over")
    # `meetings [--fiscal-year Y] [--json]` lists, as before there were actions.
    parser.add_argument("--fiscal-year", type=fiscal_year_arg, help="ปีงบประมาณ พ.ศ. เช่น 2563")
    parser.add_argument("--series", type=id_arg, metavar="SERIES_ID", help="เฉพาะชุดการประชุมนี้")
    add_list_options(parser)
    parser.set_defaults(handler=cmd_list)
    actions = parser.add_subparsers(dest="meetings_action", metavar="ACTION", parser_class=type(parser))
    listing = actions.add_parser("list", help="รายการการประชุม ใหม่สุดก่อน")
    listing.add_argument("--fiscal-year", type=fiscal_year_arg, default=argparse.SUPPRESS, help="ปีงบประมาณ พ.ศ.")
    listing.add_argument("--series", type=id_arg, default=argparse.SUPPRESS, metavar="SERIES_ID")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="แสดงผลเป็น JSON")
    listing.add_argument("--thai-digits", action="store_true", default=argparse.SUPPRESS, help="แสดงเลขไทย")
    listing.set_defaults(handler=cmd_list)
    create = actions.add_parser("create", help="สร้างการประชุม (ค่าที่ไม่ระบุมาจากชุดการประชุม)")
    create.add_argument("--series", type=id_arg, required=True, metavar="SERIES_ID", help="ชุดการประชุม (รหัส)")
    create.add_argument("--date", type=date_arg, required=True, help="วันที่ประชุม เช่น 05/10/2563 หรือ 2020-10-05")
    _meeting_fields(create, editing=False)
    create.add_argument("--template", type=template_arg, help="ระเบียบวาระ 5 หรือ 6 วาระ (ค่าปริยาย: ของชุดการประชุม)")
    edit = actions.add_parser("edit", help="แก้ไขรายละเอียดการประชุม (เฉพาะที่ระบุ)")
    edit.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่ เช่น 10/2562")
    edit.add_argument("--date", type=date_arg, default=UNSET, help="วันที่ประชุม")
    _meeting_fields(edit, editing=True)
    copy = actions.add_parser("copy", help="คัดลอกการประชุมพร้อมระเบียบวาระไปเป็นครั้งใหม่ (ไม่คัดลอกการอภิปราย มติ ผู้เข้าประชุม)")
    copy.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="การประชุมต้นแบบ: รหัส หรือครั้งที่")
    copy.add_argument("--date", type=date_arg, required=True, help="วันที่ประชุมครั้งใหม่ เช่น 05/10/2563 หรือ 2020-10-05")
    copy.add_argument("--title", help="ชื่อการประชุม (ค่าปริยาย: ชื่อเดิมที่ปีงบประมาณตามวันที่ใหม่)")
    copy.add_argument("--with-texts", action="store_true", help="คัดลอกความเป็นมาและข้อเสนอของแต่ละเรื่องด้วย")
    carry = actions.add_parser("carry-over", help="เพิ่มระเบียบวาระที่ 2 และ 3 จากการประชุมครั้งก่อนตามที่เสนอ")
    carry.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="รหัส หรือครั้งที่")
    carry.add_argument("--as-of", type=date_arg, default=None, help="สถานะข้อสั่งการ ณ วันที่ (ค่าปริยาย วันนี้)")
    for command, handler in ((create, cmd_create), (edit, cmd_edit), (copy, cmd_copy), (carry, cmd_carry_over)):
        if command is not carry:
            command.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="แสดงผลเป็น JSON")
        command.set_defaults(handler=handler)
