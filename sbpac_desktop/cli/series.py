"""`sbpac-desktop series ACTION …`: meeting series from the command line — list, show, add, edit,
deactivate/activate, standing members (member-add, member-remove), and filling a meeting's
attendance list from its series (fill-attendance). The same services and rules as the window."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import id_arg, meeting_ref_arg
from sbpac_desktop.cli.output import emit, emit_json, emit_listing, total_line
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.enums import AgendaTemplate
from sbpac_desktop.thai import apply_digits, to_arabic_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.meetings.series import SeriesInput, SeriesView
    from sbpac_desktop.services.meetings.series_attendance import PrefillResult

TEMPLATES = {"5": AgendaTemplate.STANDARD_5, "6": AgendaTemplate.WITH_INFORMATION_6}
NO_POST = ("-", "none", "ไม่ระบุ")
UNSET: Any = object()  # `series edit`: an option not given leaves the field as stored


def template_arg(text: str) -> AgendaTemplate:
    word = to_arabic_digits(text.strip())
    if word in TEMPLATES:
        return TEMPLATES[word]
    for template in AgendaTemplate:
        if word == template.value:
            return template
    raise argparse.ArgumentTypeError(f"รูปแบบระเบียบวาระต้องเป็น 5 หรือ 6 (ได้รับ '{text[:40]}')")


def optional_post_arg(text: str) -> int | None:
    """A post id, or '-' to leave the series without that post."""
    return None if text.strip().lower() in NO_POST else id_arg(text)


def source_arg(text: str) -> str:
    from sbpac_desktop.services.meetings.series_attendance import LAST_MEETING, MEMBERS

    word = text.strip().replace("-", "_")
    if word in (MEMBERS, LAST_MEETING):
        return word
    raise argparse.ArgumentTypeError(f"แหล่งรายชื่อต้องเป็น members หรือ last-meeting (ได้รับ '{text[:40]}')")


# --- output ------------------------------------------------------------------------------
def series_json(view: SeriesView) -> dict[str, Any]:
    return {
        "id": view.id,
        "version": view.version,
        "name": view.name,
        "short_name": view.short_name,
        "active": view.active,
        "agenda_template": view.agenda_template.value,
        "agenda_template_th": view.agenda_template.label,
        "chair_position_id": view.chair_position_id,
        "chair_post": view.chair_label,
        "secretary_position_id": view.secretary_position_id,
        "secretary_post": view.secretary_label,
        "default_venue": view.default_venue,
        "members": [
            {"position_id": m.position_id, "post": m.position_label, "role": m.meeting_role,
             "order": m.sort_order, "holder": m.holder_name}
            for m in view.members
        ],
    }  # fmt: skip


def series_lines(view: SeriesView, thai_digits: bool, *, members: bool = False) -> list[str]:
    state = "" if view.active else "  [ระงับการใช้งาน]"
    short = f" ({view.short_name})" if view.short_name else ""
    lines = [
        f"[{apply_digits(str(view.id), thai_digits)}] {view.name}{short}{state}",
        f"    ระเบียบวาระ: {view.agenda_template.label}  สถานที่: {view.default_venue or '-'}",
        f"    ประธาน: {view.chair_label or '-'}  เลขานุการ: {view.secretary_label or '-'}"
        f"  กรรมการประจำ {apply_digits(str(len(view.members)), thai_digits)} ตำแหน่ง",
    ]
    if members:
        for m in view.members:
            order, post_id = (apply_digits(str(n), thai_digits) for n in (m.sort_order, m.position_id))
            role, holder = m.meeting_role or "-", m.holder_name or "ว่าง"
            lines.append(f"      {order}. {m.position_label} [{post_id}] — {role} — {holder}")
    return lines


def prefill_lines(result: PrefillResult) -> list[str]:
    source = f"การประชุมครั้งที่ {result.from_meeting}" if result.from_meeting else "กรรมการประจำของชุดการประชุม"
    lines = [f"เพิ่มผู้เข้าประชุม {len(result.added)} คน จาก{source}"]
    lines += [f"    {a.person_name} — {a.position_text or '-'} — {a.meeting_role or '-'}" for a in result.added]
    lines += [f"ตำแหน่งว่าง (ไม่มีผู้ดำรงตำแหน่งในวันประชุม): {v.position_label}" for v in result.vacant]
    if result.already_listed:
        lines.append("มีชื่ออยู่แล้ว ไม่ได้เพิ่มซ้ำ: " + ", ".join(result.already_listed))
    lines += [f"ไม่ได้เพิ่ม: {note}" for note in result.skipped]
    return lines


def prefill_json(result: PrefillResult) -> dict[str, Any]:
    return {
        "source": result.source,
        "from_meeting": result.from_meeting,
        "added": [{"person_id": a.person_id, "name": a.person_name, "position_text": a.position_text,
                   "role": a.meeting_role, "kind": a.kind.value} for a in result.added],
        "vacant": [{"position_id": v.position_id, "post": v.position_label, "role": v.meeting_role}
                   for v in result.vacant],
        "already_listed": list(result.already_listed),
        "skipped": list(result.skipped),
    }  # fmt: skip


# --- commands ----------------------------------------------------------------------------
def _with_context(args: argparse.Namespace, action: Callable[[AppContext], Any]) -> Any:
    with signed_in(args) as ctx:
        return action(ctx)


def _show_one(args: argparse.Namespace, view: SeriesView, done: str | None = None) -> int:
    if getattr(args, "json", False):
        emit_json(series_json(view))
        return 0
    if done:
        emit(done)
    for line in series_lines(view, args.thai_digits, members=True):
        emit(line)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series

    rows = _with_context(args, lambda ctx: series.list_series(ctx.db, ctx.actor, include_inactive=args.all))
    empty = 'ยังไม่มีชุดการประชุม (เพิ่มด้วยคำสั่ง series add "ชื่อชุดการประชุม")'
    return emit_listing(args, rows, series_json, series_lines, empty, "ชุดการประชุม")


def cmd_posts(args: argparse.Namespace) -> int:
    """The posts a series can name, with their ids (the command line has no other place to find them)."""
    from sbpac_desktop.services.people import org

    rows = _with_context(args, lambda ctx: org.list_positions(ctx.db, ctx.actor, include_inactive=args.all))
    if args.json:
        emit_json([{"id": p.id, "short_code": p.short_code, "post": p.label, "holder": p.holder_name,
                    "active": p.active} for p in rows])  # fmt: skip
        return 0
    for p in rows:
        state = "" if p.active else "  [ระงับการใช้งาน]"
        ident = apply_digits(str(p.id), args.thai_digits)
        emit(f"[{ident}] {p.short_code or '-'}  {p.label} — {p.holder_name or 'ว่าง'}{state}")
    emit(total_line(len(rows), "ตำแหน่ง", args.thai_digits))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series

    return _show_one(args, _with_context(args, lambda ctx: series.get_series(ctx.db, ctx.actor, args.id)))


def cmd_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series
    from sbpac_desktop.services.meetings.series import SeriesInput

    data = SeriesInput(args.name, args.short, args.chair_post, args.secretary_post, args.venue,
                       args.template or AgendaTemplate.STANDARD_5)  # fmt: skip
    view = _with_context(args, lambda ctx: series.create_series(ctx.db, ctx.actor, data))
    return _show_one(args, view, "เพิ่มชุดการประชุมแล้ว")


def _edited(args: argparse.Namespace, current: SeriesView) -> SeriesInput:
    """Only the options given change; `members=None` keeps the standing members as stored."""
    changes: dict[str, Any] = {"members": None}
    for option, field in (("name", "name"), ("short", "short_name"), ("venue", "default_venue"),
                          ("template", "agenda_template"), ("chair_post", "chair_position_id"),
                          ("secretary_post", "secretary_position_id")):  # fmt: skip
        value = getattr(args, option)
        if value is not UNSET:
            changes[field] = value
    return replace(current.to_input(), **changes)


def cmd_edit(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series

    def edit(ctx: AppContext) -> SeriesView:
        current = series.get_series(ctx.db, ctx.actor, args.id)
        return series.update_series(ctx.db, ctx.actor, args.id, current.version, _edited(args, current))

    return _show_one(args, _with_context(args, edit), "แก้ไขชุดการประชุมแล้ว")


def _set_active(active: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from sbpac_desktop.services.meetings import series

        view = _with_context(args, lambda ctx: series.set_series_active(ctx.db, ctx.actor, args.id, None, active))
        emit(f"{'เปิดใช้' if active else 'ระงับการใช้งาน'}ชุดการประชุม “{view.name}” แล้ว")
        return 0

    return run


def cmd_member_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series
    from sbpac_desktop.services.meetings.series import DEFAULT_MEMBER_ROLE  # the default here: registering stays light

    role = DEFAULT_MEMBER_ROLE if args.role is None else args.role
    call = lambda ctx: series.add_member(ctx.db, ctx.actor, args.series, args.post, role)  # noqa: E731
    return _show_one(args, _with_context(args, call), "เพิ่มกรรมการประจำแล้ว")


def cmd_member_remove(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import series

    call = lambda ctx: series.remove_member(ctx.db, ctx.actor, args.series, args.post)  # noqa: E731
    return _show_one(args, _with_context(args, call), "ลบกรรมการประจำแล้ว")


def cmd_fill_attendance(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import meetings
    from sbpac_desktop.services.meetings.series_attendance import MEMBERS, prefill_attendance

    source = MEMBERS if args.source is None else args.source  # the default here: registering stays light

    def fill(ctx: AppContext) -> PrefillResult:
        meeting_id = meetings.find_meeting(ctx.db, ctx.actor, args.meeting).id
        return prefill_attendance(ctx.db, ctx.actor, meeting_id, source)

    result = _with_context(args, fill)
    if args.json:
        emit_json(prefill_json(result))
    else:
        for line in prefill_lines(result):
            emit(line)
    return 0


def _series_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    default = UNSET if editing else None
    if editing:
        parser.add_argument("--name", default=UNSET, help="ชื่อชุดการประชุมใหม่")
    parser.add_argument("--short", default=default, metavar="TEXT", help='ชื่อย่อ เช่น "ประชุม ศอ.บต."')
    parser.add_argument("--chair-post", type=optional_post_arg, default=default, metavar="ID",
                        help="รหัสตำแหน่งประธาน (ผู้ดำรงตำแหน่งในวันประชุมเป็นประธาน; '-' = ไม่ระบุ)")  # fmt: skip
    parser.add_argument("--secretary-post", type=optional_post_arg, default=default, metavar="ID",
                        help="รหัสตำแหน่งเลขานุการ ('-' = ไม่ระบุ)")  # fmt: skip
    parser.add_argument("--venue", default=default, help="สถานที่ประชุมประจำ")
    parser.add_argument("--template", type=template_arg, default=default, metavar="5|6",
                        help="ระเบียบวาระ 5 = มาตรฐาน ๕ ระเบียบวาระ, 6 = มีเรื่องเพื่อทราบ (๖ ระเบียบวาระ)")  # fmt: skip


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    parser.add_argument("--thai-digits", action="store_true", help="แสดงตัวเลขเป็นเลขไทย")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("series", help="ชุดการประชุม: list, posts, show, add, edit, deactivate, activate, "
                                           "member-add, member-remove, fill-attendance")  # fmt: skip
    actions = parser.add_subparsers(dest="series_command", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="รายการชุดการประชุมที่ใช้งานอยู่ (--all รวมที่ระงับแล้ว)")
    listing.add_argument("--all", action="store_true", help="รวมชุดการประชุมที่ระงับการใช้งานแล้ว")
    _output_options(listing)
    listing.set_defaults(handler=cmd_list)
    posts = actions.add_parser("posts", help="รหัสตำแหน่งที่ใช้กับ --chair-post, --secretary-post และ member-add")
    posts.add_argument("--all", action="store_true", help="รวมตำแหน่งที่ระงับแล้ว")
    _output_options(posts)
    posts.set_defaults(handler=cmd_posts)
    show = actions.add_parser("show", help="รายละเอียดและกรรมการประจำของชุดการประชุม")
    show.add_argument("id", type=id_arg, metavar="ID")
    _output_options(show)
    show.set_defaults(handler=cmd_show)
    add = actions.add_parser("add", help="เพิ่มชุดการประชุม")
    add.add_argument("name", metavar="NAME", help='ชื่อชุดการประชุม เช่น "การประชุมผู้บริหาร ศอ.บต."')
    _series_options(add, editing=False)
    _output_options(add)
    add.set_defaults(handler=cmd_add)
    edit = actions.add_parser("edit", help="แก้ไขชุดการประชุม (เฉพาะตัวเลือกที่ระบุ)")
    edit.add_argument("id", type=id_arg, metavar="ID")
    _series_options(edit, editing=True)
    _output_options(edit)
    edit.set_defaults(handler=cmd_edit)
    for name, active, help_th in (("deactivate", False, "ระงับการใช้งาน (ไม่เสนอให้สร้างการประชุมใหม่ การประชุมเดิมยังอยู่)"),
                                  ("activate", True, "เปิดใช้งานอีกครั้ง")):  # fmt: skip
        action = actions.add_parser(name, help=help_th)
        action.add_argument("id", type=id_arg, metavar="ID")
        action.set_defaults(handler=_set_active(active))
    member_add = actions.add_parser("member-add", help="เพิ่มตำแหน่งเป็นกรรมการประจำ (ต่อท้ายรายชื่อ)")
    member_remove = actions.add_parser("member-remove", help="ลบตำแหน่งออกจากกรรมการประจำ")
    for action in (member_add, member_remove):
        action.add_argument("series", type=id_arg, metavar="SERIES", help="รหัสชุดการประชุม")
        action.add_argument("post", type=id_arg, metavar="POST", help="รหัสตำแหน่ง")
        _output_options(action)
    member_add.add_argument("--role", help="บทบาทในที่ประชุม เช่น ประธาน รองประธาน กรรมการ "
                                                              "เลขานุการ (ค่าปริยาย: กรรมการ)")  # fmt: skip
    member_add.set_defaults(handler=cmd_member_add)
    member_remove.set_defaults(handler=cmd_member_remove)
    fill = actions.add_parser("fill-attendance", help="เติมรายชื่อผู้เข้าประชุมจากกรรมการประจำ หรือจากการประชุมครั้งก่อน")
    fill.add_argument("meeting", type=meeting_ref_arg, metavar="MEETING", help="การประชุม: รหัส หรือครั้งที่ เช่น 10/2562")
    fill.add_argument("--from", dest="source", type=source_arg, metavar="members|last-meeting",
                      help="members = ผู้ดำรงตำแหน่งกรรมการประจำในวันประชุม (ค่าปริยาย); "
                           "last-meeting = คัดลอกรายชื่อและบทบาทจากการประชุมครั้งก่อน")  # fmt: skip
    fill.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    fill.set_defaults(handler=cmd_fill_attendance)
