"""One function per subcommand; each opens the database, calls services, prints, returns an exit code."""

from __future__ import annotations

import argparse
from datetime import date

from sbpac_desktop.cli.output import (
    directive_json,
    directive_lines,
    emit,
    emit_json,
    meeting_json,
    meeting_lines,
)
from sbpac_desktop.domain.status import STATUS_KEYS, Progress
from sbpac_desktop.services import directives, meetings
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.demo import load_demo
from sbpac_desktop.thai import parse_thai_date, to_arabic_digits

STATUS_WORDS = STATUS_KEYS
_THAI_STATUS = {
    Progress.NOT_STARTED.label: "not_started",
    Progress.IN_PROGRESS.label: "in_progress",
    Progress.DONE.label: "done",
    Progress.CANCELLED.label: "cancelled",
    "ใกล้ครบกำหนด": "due_soon",
    "เกินกำหนด": "overdue",
    "ล่าช้า": "overdue",
}


def status_arg(text: str) -> str:
    word = text.strip()
    if word in STATUS_KEYS:
        return word
    if word in _THAI_STATUS:
        return _THAI_STATUS[word]
    raise argparse.ArgumentTypeError(f"ไม่รู้จักสถานะ '{text}' (ใช้ได้: {', '.join(STATUS_KEYS)})")


def fiscal_year_arg(text: str) -> int:
    digits = to_arabic_digits(text.strip())
    if not digits.isdigit() or not 2400 <= int(digits) <= 2700:
        raise argparse.ArgumentTypeError(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2563 (ได้รับ '{text}')")
    return int(digits)


def date_arg(text: str) -> date:
    try:
        return parse_thai_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _open(args: argparse.Namespace, **kwargs: bool) -> AppContext:
    return open_app(args.db, **kwargs)


def cmd_init(args: argparse.Namespace) -> int:
    ctx = open_app(args.db, create=True, upgrade=True)
    try:
        emit(f"ฐานข้อมูลพร้อมใช้งาน: {ctx.database_display}")
    finally:
        ctx.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    ctx = _open(args)
    try:
        result = load_demo(ctx.db, ctx.actor)
    finally:
        ctx.close()
    if result.created:
        emit(f"เพิ่มข้อมูลตัวอย่างแล้ว: การประชุม 2 ครั้ง ข้อสั่งการ {result.directive_count} รายการ")
    else:
        emit("มีข้อมูลตัวอย่างอยู่แล้ว ไม่ได้เพิ่มซ้ำ")
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    ctx = _open(args)
    try:
        rows = meetings.list_meetings(ctx.db, fiscal_year_be=args.fiscal_year)
    finally:
        ctx.close()
    if args.json:
        emit_json([meeting_json(m) for m in rows])
    else:
        for line in meeting_lines(rows, args.thai_digits):
            emit(line)
    return 0


def cmd_directives(args: argparse.Namespace) -> int:
    ctx = _open(args)
    try:
        meeting_id = meetings.find_meeting(ctx.db, args.meeting).id if args.meeting else None
        filters = directives.DirectiveFilter(
            status=args.status, fiscal_year=args.fiscal_year, assignee=args.assignee, meeting_id=meeting_id
        )
        rows = directives.list_directives(ctx.db, filters, today=args.as_of or date.today())
    finally:
        ctx.close()
    if args.json:
        emit_json([directive_json(r) for r in rows])
    else:
        for line in directive_lines(rows, args.thai_digits):
            emit(line)
    return 0
