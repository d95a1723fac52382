"""`sbpac-desktop directive ACTION NUMBER …`: the directive workflow from the command line —
block / unblock, ask for an extension and decide on it, ask for closure and close
(optionally as acknowledged at a meeting). The same services and rules as the window."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from sbpac_desktop.cli.args import date_arg, directive_ref_arg, meeting_ref_arg
from sbpac_desktop.cli.directive_entry import add_create_command
from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.errors import ConflictError

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.directives.directives import DirectiveDetail

    Action = Callable[[AppContext, int, argparse.Namespace], DirectiveDetail]


def _pending_extension(ctx: AppContext, directive_id: int) -> int:
    from sbpac_desktop.services.directives.workflow import get_workflow

    pending = get_workflow(ctx.db, ctx.actor, directive_id).pending_extension
    if pending is None:
        raise ConflictError("ข้อสั่งการนี้ไม่มีคำขอขยายเวลาที่รอพิจารณา", "No pending extension request")
    return pending.id


def _block(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import blocking

    return blocking.block(ctx.db, ctx.actor, directive_id, args.reason, today=args.as_of)


def _unblock(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import blocking

    return blocking.unblock(ctx.db, ctx.actor, directive_id, today=args.as_of)


def _extend(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import extensions

    return extensions.request_extension(ctx.db, ctx.actor, directive_id, args.to, args.reason, today=args.as_of)


def _approve(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import extensions

    request_id = _pending_extension(ctx, directive_id)
    return extensions.approve_extension(ctx.db, ctx.actor, request_id, args.note, today=args.as_of)


def _reject(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import extensions

    request_id = _pending_extension(ctx, directive_id)
    return extensions.reject_extension(ctx.db, ctx.actor, request_id, args.note, today=args.as_of)


def _request_close(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import closure

    return closure.request_closure(ctx.db, ctx.actor, directive_id, args.note, today=args.as_of)


def _close(ctx: AppContext, directive_id: int, args: argparse.Namespace) -> DirectiveDetail:
    from sbpac_desktop.services.directives import closure
    from sbpac_desktop.services.meetings import meetings

    meeting_id = meetings.find_meeting(ctx.db, ctx.actor, args.meeting).id if args.meeting else None
    return closure.acknowledge_closure(
        ctx.db, ctx.actor, directive_id, on=args.on, meeting_id=meeting_id, note=args.note, today=args.as_of
    )


DONE = {
    "block": "แจ้งติดขัดแล้ว",
    "unblock": "ยกเลิกสถานะติดขัดแล้ว",
    "extend": "ส่งคำขอขยายเวลาแล้ว (รอฝ่ายเลขานุการอนุมัติ)",
    "approve-extension": "อนุมัติการขยายเวลาแล้ว",
    "reject-extension": "บันทึกว่าไม่อนุมัติการขยายเวลาแล้ว",
    "request-close": "ส่งคำขอปิดเรื่องแล้ว (รอฝ่ายเลขานุการรับทราบ)",
    "close": "ปิดข้อสั่งการแล้ว",
}


def _handler(name: str, action: Action) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from sbpac_desktop.services.directives.workflow import find_directive

        with signed_in(args) as ctx:
            directive_id = find_directive(ctx.db, ctx.actor, args.number)
            detail = action(ctx, directive_id, args)
        row = detail.row
        emit(f"{DONE[name]}: {row.number_text(args.thai_digits)} — สถานะ: {row.status.label}")
        return 0

    return run


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("directive", help="ติดขัด ขยายเวลา และปิดข้อสั่งการ (directive workflow)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    add_create_command(actions)
    specs: list[tuple[str, str, Action]] = [
        ("block", "แจ้งว่าข้อสั่งการติดขัด (ต้องระบุ --reason)", _block),
        ("unblock", "ยกเลิกสถานะติดขัด", _unblock),
        ("extend", "ขอขยายเวลา (--to วันที่ใหม่ --reason เหตุผล)", _extend),
        ("approve-extension", "อนุมัติคำขอขยายเวลาที่รออยู่ (ฝ่ายเลขานุการ)", _approve),
        ("reject-extension", "ไม่อนุมัติคำขอขยายเวลา (ต้องระบุ --note)", _reject),
        ("request-close", "ขอปิดเรื่อง (ผู้รับผิดชอบ)", _request_close),
        ("close", "รับทราบและปิดข้อสั่งการ (ฝ่ายเลขานุการ) [--meeting 11/2562]", _close),
    ]
    for name, help_text, action in specs:
        command = actions.add_parser(name, help=help_text)
        command.add_argument("number", type=directive_ref_arg, help="เลขที่ข้อสั่งการ เช่น 003/2563 หรือ ขส. 003/2563 หรือรหัส")
        command.add_argument("--as-of", type=date_arg, default=None, help="วันที่ใช้คำนวณสถานะ (พ.ศ.)")
        command.add_argument("--thai-digits", action="store_true", help="พิมพ์เลขไทย")
        if name == "block":
            command.add_argument("--reason", required=True, help="เหตุที่ติดขัด")
        if name == "extend":
            command.add_argument("--to", type=date_arg, required=True, help="ขอขยายเวลาถึง (พ.ศ. เช่น 31/03/2563)")
            command.add_argument("--reason", required=True, help="เหตุผลที่ขอขยายเวลา")
        if name in ("approve-extension", "request-close", "close"):
            command.add_argument("--note", default=None, help="หมายเหตุ")
        if name == "reject-extension":
            command.add_argument("--note", required=True, help="เหตุผลที่ไม่อนุมัติ")
        if name == "close":
            command.add_argument("--on", type=date_arg, default=None, help="วันที่ปิดเรื่อง (พ.ศ.)")
            command.add_argument(
                "--meeting", type=meeting_ref_arg, default=None, help="รับทราบในที่ประชุม (รหัส หรือครั้งที่ เช่น 11/2562)"
            )
        command.set_defaults(handler=_handler(name, action))
