"""Sign-in for every command, and `users list|add|set-role|reset-password|unlock|deactivate`.

Once the database has an account, a command signs in as `--user LOGIN` (or SBPAC_USER) with
the password from SBPAC_PASSWORD or a prompt — never an argument, which `ps` would show. New
passwords (users add, reset-password, init --admin) come from SBPAC_NEW_PASSWORD or a prompt
asked twice.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import id_arg
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.prompts import ask_secret
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.errors import ValidationError

if TYPE_CHECKING:
    from sbpac_desktop.services.admin import users
    from sbpac_desktop.services.app import AppContext

NEW_PASSWORD_ENV = "SBPAC_NEW_PASSWORD"


def new_password(login: str) -> str:
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    first = ask_secret(f"รหัสผ่านใหม่ของ {login}: ", NEW_PASSWORD_ENV)
    if ask_secret("พิมพ์รหัสผ่านใหม่อีกครั้ง: ", NEW_PASSWORD_ENV) != first:
        raise ValidationError.single("password", "รหัสผ่านสองครั้งไม่ตรงกัน", "The two passwords differ")
    return first


def _line(view: users.UserView) -> str:
    state = "ปิดใช้งาน" if not view.active else "ล็อกอยู่" if view.locked else "ใช้งานได้"
    return f"{view.login:<20} {view.role.label:<18} {state:<10} {view.display_name}"


def _json(view: users.UserView) -> dict[str, object]:
    return {
        "id": view.id,
        "login": view.login,
        "display_name": view.display_name,
        "role": view.role.value,
        "locked": view.locked,
        "active": view.active,
        "failed_logins": view.failed_logins,
    }


def _with_admin(args: argparse.Namespace, action: Callable[[AppContext], users.UserView | None]) -> None:
    with signed_in(args) as ctx:
        result = action(ctx)
    if result is not None:
        emit(_line(result))


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    with signed_in(args) as ctx:
        rows = users.list_users(ctx.db, ctx.actor)
    if args.json:
        emit_json([_json(v) for v in rows])
        return 0
    for view in rows:
        emit(_line(view))
    emit(f"รวม {len(rows)} บัญชี")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    role = users.parse_role(args.role)  # a wrong role fails before any prompt
    with signed_in(args) as ctx:
        data = users.UserInput(args.login, args.name or args.login, role, new_password(args.login), args.person)
        view = users.create_user(ctx.db, ctx.actor, data)
    emit(f"เพิ่มบัญชี {view.login} ({view.role.label}) แล้ว")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    role = users.parse_role(args.role)
    _with_admin(args, lambda ctx: users.change_role(ctx.db, ctx.actor, args.login, role))
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    with signed_in(args) as ctx:
        view = users.reset_password(ctx.db, ctx.actor, args.login, new_password(args.login))
    emit(f"ตั้งรหัสผ่านใหม่ของ {view.login} แล้ว (ปลดล็อกด้วย)")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    _with_admin(args, lambda ctx: users.unlock(ctx.db, ctx.actor, args.login))
    return 0


def cmd_deactivate(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import users

    _with_admin(args, lambda ctx: users.deactivate(ctx.db, ctx.actor, args.login))
    return 0


def first_admin_password(login: str, name: str | None) -> str:
    """`init --admin LOGIN`: the new password, asked and checked before the database is touched, so
    a refused one (too short, not typed) leaves no half-made database behind."""
    from sbpac_desktop.services import auth

    password = new_password(login)
    auth.check_first_admin(login, name or login, password)
    return password


def create_first_admin(db: Any, login: str, name: str | None, password: str) -> str:
    """The first account of a new database (db from services.app.open_unsigned)."""
    from sbpac_desktop.services import auth

    actor = auth.create_first_admin(db, login, name or login, password)
    return f"สร้างบัญชีผู้ดูแลระบบ {actor.login} แล้ว — คำสั่งที่ใช้ข้อมูลต่อจากนี้ต้องลงชื่อเข้าใช้ (--user {actor.login})"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "users", help="จัดการบัญชีผู้ใช้ (ผู้ดูแลระบบเท่านั้น): list, add, set-role, reset-password, unlock, deactivate"
    )
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="รายชื่อบัญชีผู้ใช้")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    listing.set_defaults(handler=cmd_list)
    add = actions.add_parser("add", help="เพิ่มบัญชี (รหัสผ่านจาก SBPAC_NEW_PASSWORD หรือพิมพ์เมื่อถูกถาม)")
    add.add_argument("login", metavar="LOGIN", help="ชื่อผู้ใช้ อักษรอังกฤษตัวเล็ก เช่น somchai")
    add.add_argument("--role", required=True, help="admin, secretary, officer, viewer (หรือชื่อภาษาไทย)")
    add.add_argument("--name", help="ชื่อที่แสดง เช่น นายสมชาย ใจดี")
    add.add_argument("--person", type=id_arg, metavar="ID", help="รหัสบุคคล (เจ้าหน้าที่: ตำแหน่งที่ดำรงอยู่)")
    add.set_defaults(handler=cmd_add)
    role = actions.add_parser("set-role", help="เปลี่ยนบทบาท")
    role.add_argument("login", metavar="LOGIN")
    role.add_argument("role", metavar="ROLE", help="admin, secretary, officer, viewer")
    role.set_defaults(handler=cmd_set_role)
    for name, handler, help_th in (
        ("reset-password", cmd_reset_password, "ตั้งรหัสผ่านใหม่ (และปลดล็อก)"),
        ("unlock", cmd_unlock, "ปลดล็อกบัญชีที่ใส่รหัสผ่านผิดเกินกำหนด"),
        ("deactivate", cmd_deactivate, "ปิดใช้งานบัญชี (ไม่ลบ ชื่อยังอยู่ในประวัติการแก้ไข)"),
    ):
        action = actions.add_parser(name, help=help_th)
        action.add_argument("login", metavar="LOGIN")
        action.set_defaults(handler=handler)
