"""`sbpac-desktop places …` and `visits …`: places of the area and field visits (การลงพื้นที่).

    places list [--parent PLACE] [--search TEXT] [--json]   provinces, or what is under PLACE
    places sync                                             (re)read the area from geothai
    visits list [--month M/YYYY] [--place PLACE] [--json]   visits by date (BE year)
    visits add TITLE --date D --purpose P --place PLACE... [--lead POST] [--join POST...] [--directive REF...]
    visits edit ID [same options]                           replace what is given
    visits done ID --participants P --summary S [--issues I]
    visits finding ID TEXT [--place PLACE] [--directive REF] [--propose [TITLE]]
    visits cancel ID
    visits report ID --out FILE.pdf|FILE.docx [--arabic-digits]

PLACE is a DOPA code (94, 9401, 940101) or a name ('ต.สะบารัง อ.เมืองปัตตานี'); POST an id.
Only admin and secretary accounts record visits; everyone lists them and prints reports.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import date_arg, directive_ref_arg, id_arg
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.thai import medium_date, to_arabic_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.field.field_visits import VisitInput, VisitRow


def month_arg(text: str) -> tuple[int, int]:
    """'1/2563' (BE) or '2020-01' -> (2020, 1)."""
    plain = to_arabic_digits(text).strip()
    try:
        if "-" in plain:
            year, month = (int(p) for p in plain.split("-"))
        else:
            month, year = (int(p) for p in plain.split("/"))
            year -= 543
        if 1 <= month <= 12 and 1900 <= year <= 2200:
            return year, month
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"เดือนต้องเป็น เดือน/ปี พ.ศ. เช่น 1/2563 (ได้รับ '{text}')")


def cmd_places_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places

    with signed_in(args) as ctx:
        if args.search:
            rows = places.search_places(ctx.db, ctx.actor, args.search, limit=200)
        elif args.parent:
            parent = places.resolve_place(ctx.db, ctx.actor, args.parent)
            rows = places.list_places(ctx.db, ctx.actor, parent_id=parent.id)
        else:
            rows = places.list_places(ctx.db, ctx.actor)
    if args.json:
        emit_json(
            [{"id": p.id, "code": p.code, "level": p.level, "name_th": p.name_th, "label": p.label} for p in rows]
        )
        return 0
    if not rows:
        emit("ไม่พบพื้นที่ (ฐานข้อมูลใหม่: รัน init หรือ places sync)")
    for p in rows:
        emit(f"{p.code:<6}  {p.label}")
    return 0


def cmd_places_sync(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places

    with signed_in(args) as ctx:
        result = places.sync_places(ctx.db, ctx.actor)
    emit(
        f"พื้นที่ จชต. {result.total:,} แห่ง (geothai {result.source_version}): เพิ่ม {result.added:,} "
        f"เปลี่ยนชื่อ {result.renamed:,} ระงับ {result.deactivated:,}"
    )
    return 0


def _row_json(v: VisitRow) -> dict[str, Any]:
    return {"id": v.id, "version": v.version, "title": v.title, "visit_on": v.visit_on.isoformat(),
            "end_on": v.end_on.isoformat() if v.end_on else None, "status": v.status, "places": list(v.place_labels),
            "lead": v.lead_label}  # fmt: skip


def cmd_visits_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places
    from sbpac_desktop.services.field import field_visits

    with signed_in(args) as ctx:
        place_id = places.resolve_place(ctx.db, ctx.actor, args.place).id if args.place else None
        year, month = args.month or (None, None)
        rows = field_visits.list_visits(ctx.db, ctx.actor, year=year, month=month, place_id=place_id)
    if args.json:
        emit_json([_row_json(v) for v in rows])
        return 0
    if not rows:
        emit("ไม่มีการลงพื้นที่ตามเงื่อนไข")
    for v in rows:
        day = medium_date(v.visit_on, thai_digits=False)
        emit(f"[{v.id}] {day}  {v.title}  ({v.status_th})  {' '.join(v.place_labels)}")
    return 0


def _visit_input(ctx: Any, args: argparse.Namespace, current: Any = None) -> VisitInput:
    from sbpac_desktop.services import places
    from sbpac_desktop.services.directives.workflow import find_directive
    from sbpac_desktop.services.field.field_visits import VisitInput

    def pick(name: str, fallback: Any) -> Any:
        value = getattr(args, name, None)
        return fallback if value is None else value

    place_ids = tuple(places.resolve_place(ctx.db, ctx.actor, p).id for p in args.place) if args.place else None
    directive_ids = tuple(find_directive(ctx.db, ctx.actor, d) for d in args.directive) if args.directive else None
    return VisitInput(
        title=pick("title", current.row.title if current else None),
        visit_on=pick("date", current.row.visit_on if current else None),
        purpose=pick("purpose", current.purpose if current else None),
        place_ids=place_ids if place_ids is not None else tuple(p.id for p in current.places) if current else (),
        lead_position_id=pick("lead", current.lead_position_id if current else None),
        joining_position_ids=tuple(args.join) if args.join else tuple(j[0] for j in current.joining) if current else (),
        directive_ids=directive_ids
        if directive_ids is not None
        else tuple(d[0] for d in current.directives)
        if current
        else (),
        end_on=pick("end", current.row.end_on if current else None),
    )


def cmd_visits_add(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import field_visits

    with signed_in(args) as ctx:
        detail = field_visits.create_visit(ctx.db, ctx.actor, _visit_input(ctx, args))
    emit(f"บันทึกแผนการลงพื้นที่แล้ว [{detail.row.id}] {detail.row.title} — {' '.join(detail.row.place_labels)}")
    return 0


def cmd_visits_edit(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import field_visits

    with signed_in(args) as ctx:
        current = field_visits.get_visit(ctx.db, ctx.actor, args.id)
        detail = field_visits.update_visit(
            ctx.db, ctx.actor, args.id, current.row.version, _visit_input(ctx, args, current)
        )
    emit(f"แก้ไขการลงพื้นที่แล้ว [{detail.row.id}] {detail.row.title}")
    return 0


def cmd_visits_done(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import field_visits
    from sbpac_desktop.services.field.field_visits import OutcomeInput

    with signed_in(args) as ctx:
        current = field_visits.get_visit(ctx.db, ctx.actor, args.id)
        outcome = OutcomeInput(args.participants, args.summary, args.issues)
        detail = field_visits.record_outcome(ctx.db, ctx.actor, args.id, current.row.version, outcome)
    emit(f"บันทึกผลการลงพื้นที่แล้ว [{detail.row.id}] {detail.row.title} ({detail.row.status_th})")
    return 0


def cmd_visits_finding(args: argparse.Namespace) -> int:
    from sbpac_desktop.services import places
    from sbpac_desktop.services.directives.workflow import find_directive
    from sbpac_desktop.services.field import field_findings

    with signed_in(args) as ctx:
        place_id = places.resolve_place(ctx.db, ctx.actor, args.place).id if args.place else None
        directive_id = find_directive(ctx.db, ctx.actor, args.directive) if args.directive else None
        finding = field_findings.add_finding(
            ctx.db, ctx.actor, args.id, field_findings.FindingInput(args.text, place_id, directive_id)
        )
        if args.propose is not None:
            title = args.propose or None
            finding = field_findings.propose_finding(ctx.db, ctx.actor, finding.id, finding.version, title)
    proposed = " — เสนอเข้าระเบียบวาระการประชุมครั้งต่อไป" if finding.proposal_state == "proposed" else ""
    emit(f"บันทึกข้อค้นพบแล้ว [{finding.id}] {finding.text}{proposed}")
    return 0


def cmd_visits_cancel(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import field_visits

    with signed_in(args) as ctx:
        current = field_visits.get_visit(ctx.db, ctx.actor, args.id)
        detail = field_visits.cancel_visit(ctx.db, ctx.actor, args.id, current.row.version)
    emit(f"ยกเลิกการลงพื้นที่แล้ว [{detail.row.id}] {detail.row.title}")
    return 0


def cmd_visits_report(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field.field_report import build_visit_report

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise ValidationError.single("out", "ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .pdf หรือ .docx", "--out must end in .pdf or .docx")
    with signed_in(args) as ctx:
        report = build_visit_report(ctx.db, ctx.actor, args.id)
    if out.suffix.lower() == ".pdf":  # only the writer it uses: a Word file never loads ReportLab
        from sbpac_desktop.reporting.visit_report import render_visit_report as render
    else:
        from sbpac_desktop.reporting.word.visit_report import render_visit_report_docx as render
    emit(f"บันทึกรายงานการลงพื้นที่แล้ว: {render(report, out, thai_digits=not args.arabic_digits)}")
    return 0


def _visit_options(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--date", type=date_arg, required=required, help="วันลงพื้นที่ (วัน/เดือน/ปี พ.ศ.)")
    parser.add_argument("--end", type=date_arg, default=None, help="วันสุดท้าย (ลงพื้นที่หลายวัน)")
    parser.add_argument("--purpose", required=required, default=None, help="วัตถุประสงค์")
    parser.add_argument("--place", action="append", required=required, metavar="PLACE", help="พื้นที่ (ซ้ำได้)")
    parser.add_argument("--lead", type=id_arg, default=None, metavar="POST", help="รหัสตำแหน่งหัวหน้าคณะ")
    parser.add_argument("--join", type=id_arg, action="append", metavar="POST", help="รหัสตำแหน่งที่ร่วม (ซ้ำได้)")
    parser.add_argument(
        "--directive", action="append", type=directive_ref_arg, metavar="REF", help="ข้อสั่งการที่เกี่ยวข้อง (ซ้ำได้)"
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("places", help="พื้นที่ จชต.: จังหวัด อำเภอ ตำบล (places)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="รายการพื้นที่")
    listing.add_argument("--parent", default=None, metavar="PLACE", help="พื้นที่ที่อยู่ใต้ PLACE")
    listing.add_argument("--search", default=None, help="ค้นหาตามชื่อ")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    listing.set_defaults(handler=cmd_places_list)
    actions.add_parser("sync", help="อ่านรายชื่อพื้นที่จาก geothai อีกครั้ง").set_defaults(handler=cmd_places_sync)

    parser = sub.add_parser("visits", help="การลงพื้นที่: แผน ผล ข้อค้นพบ รายงาน (field visits)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="รายการการลงพื้นที่")
    listing.add_argument("--month", type=month_arg, default=None, metavar="M/YYYY", help="เดือน/ปี พ.ศ. เช่น 1/2563")
    listing.add_argument("--place", default=None, metavar="PLACE", help="เฉพาะพื้นที่นี้และพื้นที่ย่อย")
    listing.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON (output JSON)")
    listing.set_defaults(handler=cmd_visits_list)
    add = actions.add_parser("add", help="บันทึกแผนการลงพื้นที่")
    add.add_argument("title", metavar="TITLE", help="ชื่อเรื่อง")
    _visit_options(add, required=True)
    add.set_defaults(handler=cmd_visits_add)
    edit = actions.add_parser("edit", help="แก้ไขแผนการลงพื้นที่ (เฉพาะที่ระบุ)")
    edit.add_argument("id", type=id_arg, metavar="ID")
    edit.add_argument("--title", default=None, help="ชื่อเรื่องใหม่")
    _visit_options(edit, required=False)
    edit.set_defaults(handler=cmd_visits_edit)
    done = actions.add_parser("done", help="บันทึกผลการลงพื้นที่")
    done.add_argument("id", type=id_arg, metavar="ID")
    done.add_argument("--participants", required=True, help="ผู้ร่วมลงพื้นที่")
    done.add_argument("--summary", required=True, help="ผลการลงพื้นที่")
    done.add_argument("--issues", default=None, help="ประเด็นที่ประชาชนเสนอ")
    done.set_defaults(handler=cmd_visits_done)
    finding = actions.add_parser("finding", help="เพิ่มข้อค้นพบ (เสนอเข้าระเบียบวาระได้ด้วย --propose)")
    finding.add_argument("id", type=id_arg, metavar="ID", help="รหัสการลงพื้นที่")
    finding.add_argument("text", metavar="TEXT")
    finding.add_argument("--place", default=None, metavar="PLACE")
    finding.add_argument("--directive", type=directive_ref_arg, default=None, metavar="REF")
    finding.add_argument("--propose", nargs="?", const="", default=None, metavar="TITLE", help="เสนอเข้าระเบียบวาระ")
    finding.set_defaults(handler=cmd_visits_finding)
    cancel = actions.add_parser("cancel", help="ยกเลิกการลงพื้นที่ที่ยังไม่ได้ไป")
    cancel.add_argument("id", type=id_arg, metavar="ID")
    cancel.set_defaults(handler=cmd_visits_cancel)
    report = actions.add_parser("report", help="พิมพ์รายงานผลการลงพื้นที่ (PDF หรือ Word)")
    report.add_argument("id", type=id_arg, metavar="ID")
    report.add_argument("--out", required=True, metavar="FILE", help="ไฟล์ .pdf หรือ .docx")
    report.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิก")
    report.set_defaults(handler=cmd_visits_report)


__all__ = ["register"]
