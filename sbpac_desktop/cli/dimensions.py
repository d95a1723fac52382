"""`sbpac-desktop dimensions …`: the development dimensions (มิติการพัฒนา) from the command line.

    dimensions list [--all] [--json]          active ones in order (--all: the inactive too)
    dimensions add NAME [--short SHORT]       a new one at the end of the list
    dimensions edit ID [--name N] [--short S] rename (--short "" removes the short name)
    dimensions deactivate ID | activate ID    no longer offered for new directives / again
    dimensions move ID --to N                 put it at place N (1 = first)

Only admin and secretary accounts change the list (the same services as the window).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import id_arg, whole_number
from sbpac_desktop.cli.output import emit, emit_listing
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.thai import apply_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.dimensions import DimensionView

position_arg = whole_number(1, 9_999, "ลำดับ", "1")


def _line(view: DimensionView, thai_digits: bool) -> str:
    state = "" if view.active else "  [ระงับการใช้งาน]"
    short = f" ({view.short_name})" if view.short_name and view.short_name != view.name else ""
    count = apply_digits(str(view.directive_count), thai_digits)
    ident = apply_digits(f"{view.id:>3}", thai_digits)
    order = apply_digits(f"{view.sort_order:>2}", thai_digits)
    return f"[{ident}] {order}. {view.name}{short}  ข้อสั่งการ {count} รายการ{state}"


def _json(view: DimensionView) -> dict[str, Any]:
    return {
        "id": view.id,
        "version": view.version,
        "order": view.sort_order,
        "name": view.name,
        "short_name": view.short_name,
        "active": view.active,
        "directive_count": view.directive_count,
    }


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import dimensions

    with signed_in(args) as ctx:
        rows = dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=args.all)
    empty = "ยังไม่มีมิติการพัฒนา (เพิ่มด้วยคำสั่ง dimensions add ชื่อมิติ --short ชื่อย่อ)"
    return emit_listing(args, rows, _json, lambda view, thai_digits: [_line(view, thai_digits)], empty, "มิติ")


def _current(ctx: Any, dimension_id: int) -> DimensionView:
    from sbpac_desktop.services import dimensions

    for view in dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=True):
        if view.id == dimension_id:
            return view
    raise NotFound(f"ไม่พบมิติการพัฒนา (รหัส {dimension_id})", f"Dimension {dimension_id} not found")


def cmd_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import dimensions
    from sbpac_desktop.services.dimensions import DimensionInput

    with signed_in(args) as ctx:
        view = dimensions.create_dimension(ctx.db, ctx.actor, DimensionInput(args.name, args.short))
    emit(f"เพิ่มมิติการพัฒนาแล้ว: {_line(view, False)}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import dimensions
    from sbpac_desktop.services.dimensions import DimensionInput

    if args.name is None and args.short is None:
        raise ValidationError.single(
            "name", "กรุณาระบุ --name หรือ --short อย่างน้อยหนึ่งอย่าง", "Give --name or --short (or both)"
        )
    with signed_in(args) as ctx:
        old = _current(ctx, args.id)
        data = DimensionInput(
            old.name if args.name is None else args.name, old.short_name if args.short is None else args.short
        )
        view = dimensions.update_dimension(ctx.db, ctx.actor, old.id, old.version, data)
    emit(f"แก้ไขมิติการพัฒนาแล้ว: {_line(view, False)}")
    return 0


def _set_active(active: bool) -> Any:
    def run(args: argparse.Namespace) -> int:
        from sbpac_desktop.services import dimensions

        with signed_in(args) as ctx:
            old = _current(ctx, args.id)
            view = dimensions.set_dimension_active(ctx.db, ctx.actor, old.id, old.version, active)
        done = "เปิดใช้" if active else "ระงับการใช้"
        emit(f"{done}มิติการพัฒนาแล้ว: {_line(view, False)}")
        return 0

    return run


def cmd_move(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import dimensions

    with signed_in(args) as ctx:
        rows = dimensions.move_dimension(ctx.db, ctx.actor, args.id, args.to)
    emit("ลำดับมิติการพัฒนาใหม่:")
    for view in rows:
        emit(_line(view, False))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("dimensions", help="มิติการพัฒนา: ดู เพิ่ม แก้ไข จัดลำดับ ระงับ (development dimensions)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="รายการมิติการพัฒนาตามลำดับ")
    listing.add_argument("--all", action="store_true", help="รวมมิติที่ระงับการใช้งานแล้ว")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    listing.add_argument("--thai-digits", action="store_true", help="แสดงตัวเลขเป็นเลขไทย")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser("add", help="เพิ่มมิติการพัฒนา (ต่อท้ายรายการ)")
    add.add_argument("name", metavar="NAME", help="ชื่อมิติ เช่น ความมั่นคง")
    add.add_argument("--short", default=None, help="ชื่อย่อ (ใช้ในกราฟและตาราง)")
    add.set_defaults(handler=cmd_add)
    edit = actions.add_parser("edit", help="แก้ไขชื่อหรือชื่อย่อ")
    edit.add_argument("id", type=id_arg, metavar="ID", help="รหัสมิติ (ดูจาก dimensions list)")
    edit.add_argument("--name", default=None, help="ชื่อใหม่")
    edit.add_argument("--short", default=None, help='ชื่อย่อใหม่ ("" = ไม่มีชื่อย่อ)')
    edit.set_defaults(handler=cmd_edit)
    for name, active, help_text in (
        ("deactivate", False, "ระงับการใช้งาน (ข้อสั่งการเดิมยังคงมิตินี้ไว้)"),
        ("activate", True, "เปิดใช้งานอีกครั้ง"),
    ):
        command = actions.add_parser(name, help=help_text)
        command.add_argument("id", type=id_arg, metavar="ID", help="รหัสมิติ")
        command.set_defaults(handler=_set_active(active))
    move = actions.add_parser("move", help="ย้ายไปอยู่ลำดับที่ N (1 = แรกสุด)")
    move.add_argument("id", type=id_arg, metavar="ID", help="รหัสมิติ")
    move.add_argument("--to", type=position_arg, required=True, metavar="N", help="ลำดับใหม่")
    move.set_defaults(handler=cmd_move)
