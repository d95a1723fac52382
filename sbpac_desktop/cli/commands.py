"""Core subcommands: init, demo, directives (meetings are in cli/meetings.py). Each opens the
database, calls services, prints, and returns an exit code."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from sbpac_desktop.cli.args import (
    add_list_options,
    add_tracker_filters,
    date_arg,
)
from sbpac_desktop.cli.output import NO_DIRECTIVES, directive_entry, directive_json, emit, emit_listing
from sbpac_desktop.cli.session import open_signed_in
from sbpac_desktop.cli.users import create_first_admin, first_admin_password

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext


def _open(args: argparse.Namespace) -> AppContext:
    return open_signed_in(args)


def cmd_init(args: argparse.Namespace) -> int:
    """Schema upgrade and (PostgreSQL) database roles: the connection's own rights (file access,
    table owner) are what counts here, so init does not sign in; --admin makes the first account."""
    from sbpac_desktop.services import dimensions, places
    from sbpac_desktop.services.admin import users as user_service
    from sbpac_desktop.services.app import open_unsigned

    password = first_admin_password(args.admin, args.name) if args.admin else ""
    db = open_unsigned(args.db, create=True, upgrade=True)
    try:
        if user_service.install_server_roles(db):
            emit("ตั้งสิทธิ์ในฐานข้อมูลตามบทบาทแล้ว (sbpac_admins, sbpac_secretaries, sbpac_officers, sbpac_viewers)")
        if dimensions.seed_new_database(db):
            emit("เพิ่มมิติการพัฒนาตั้งต้น 6 มิติแล้ว (แก้ไขได้ด้วยคำสั่ง dimensions)")
        synced = places.sync_places(db)  # idempotent: a newer geothai adds or renames areas by code
        if synced.added or synced.renamed or synced.deactivated:
            emit(f"ปรับรายชื่อพื้นที่ จชต. แล้ว: เพิ่ม {synced.added:,} เปลี่ยนชื่อ {synced.renamed:,} ระงับ {synced.deactivated:,}")
        if args.admin:
            emit(create_first_admin(db, args.admin, args.name, password))
        emit(f"ฐานข้อมูลพร้อมใช้งาน: {db.location.display}")
    finally:
        db.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.demo.demo import load_demo

    ctx = _open(args)
    try:
        result = load_demo(ctx.db, ctx.actor, as_of=args.as_of or date.today())
    finally:
        ctx.close()
    if result.created:
        emit(f"เพิ่มข้อมูลตัวอย่างแล้ว: การประชุม 2 ครั้ง ข้อสั่งการ {result.directive_count} รายการ")
    else:
        emit("มีข้อมูลตัวอย่างอยู่แล้ว ไม่ได้เพิ่มซ้ำ")
    return 0


def cmd_directives(args: argparse.Namespace) -> int:
    # the read side alone: Core statements on a connection, so a listing loads no ORM (issue #16)
    from sbpac_desktop.services.directives import directive_views

    ctx = _open(args)
    try:
        meeting_id = _meeting_id(ctx, args.meeting) if args.meeting else None
        filters = directive_views.DirectiveFilter(
            status=args.status, fiscal_year=args.fiscal_year, assignee=args.assignee, meeting_id=meeting_id
        )
        rows = directive_views.list_directives(ctx.db, ctx.actor, filters, today=args.as_of or date.today())
    finally:
        ctx.close()
    return emit_listing(args, rows, directive_json, directive_entry, NO_DIRECTIVES, "ข้อสั่งการ")


def _meeting_id(ctx: AppContext, reference: str) -> int:
    from sbpac_desktop.services.meetings import meetings  # only for --meeting: a listing needs none of it

    return meetings.find_meeting(ctx.db, ctx.actor, reference).id


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="สร้างหรือปรับรุ่นฐานข้อมูล (create or upgrade the database)")
    init.add_argument("--admin", metavar="LOGIN", help="สร้างบัญชีผู้ดูแลระบบคนแรก (ฐานข้อมูลใหม่เท่านั้น)")
    init.add_argument("--name", help="ชื่อที่แสดงของผู้ดูแลระบบคนแรก")
    init.set_defaults(handler=cmd_init)
    demo = sub.add_parser("demo", help="เพิ่มข้อมูลตัวอย่าง (load the demo data; safe to repeat)")
    demo.add_argument(
        "--as-of",
        type=date_arg,
        metavar="DATE",
        help="วันที่ที่สถานะเป็นตามเรื่องตัวอย่าง (ค่าปริยายคือวันนี้; 15/02/2563 = วันที่เดิมของเรื่อง ปีงบประมาณ 2563)",
    )
    demo.set_defaults(handler=cmd_demo)
    parser = sub.add_parser("directives", help="รายการข้อสั่งการและสถานะ (list directives)")
    add_tracker_filters(parser)
    add_list_options(parser)
    parser.set_defaults(handler=cmd_directives)
