"""`sbpac-desktop generate --directives N [--seed S] [--as-of DATE]`: a generated data set
for scale tests (issue 7), written only into an empty database."""

from __future__ import annotations

import argparse

from sbpac_desktop.cli.args import MAX_ID, date_arg, whole_number
from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.session import open_signed_in

_seed_arg = whole_number(0, MAX_ID, "seed", "1")


def _count_arg(text: str) -> int:
    from sbpac_desktop.services.demo.generate import MAX_DIRECTIVES  # the service's own bound, loaded when used

    count = whole_number(10, MAX_DIRECTIVES, "จำนวนข้อสั่งการ", "100000")
    return count(text.replace(",", "").replace("_", ""))


def cmd_generate(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.demo import generate as generator

    ctx = open_signed_in(args, create=True)
    try:
        result = generator.generate(ctx.db, ctx.actor, args.directives, seed=args.seed, as_of=args.as_of)
    finally:
        ctx.close()
    emit(
        f"สร้างชุดข้อมูลทดสอบแล้วใน {result.seconds:.1f} วินาที: การประชุม {result.meetings:,} ครั้ง "
        f"ระเบียบวาระ {result.agenda_items:,} เรื่อง ข้อสั่งการ {result.directives:,} รายการ "
        f"การมอบหมาย {result.assignments:,} รายการ รายงานความก้าวหน้า {result.progress_reports:,} ฉบับ"
    )
    field = result.field_rows
    emit(
        f"งานติดตามในพื้นที่: พื้นที่ของข้อสั่งการ {field.get('directive_place', 0):,} รายการ "
        f"การลงพื้นที่ {field.get('field_visit', 0):,} ครั้ง สมาชิกเครือข่าย {field.get('network_member', 0):,} คน "
        f"รายงานจากภาคประชาชน {field.get('external_report', 0):,} ฉบับ โครงการตามแผนบูรณาการ "
        f"{field.get('plan_project', 0):,} โครงการ ตัวชี้วัด {field.get('plan_indicator', 0):,} ตัว"
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "generate",
        help="สร้างชุดข้อมูลทดสอบขนาดใหญ่ในฐานข้อมูลใหม่ (generate a scale-test data set into an empty database)",
    )
    parser.add_argument("--directives", type=_count_arg, required=True, metavar="N", help="จำนวนข้อสั่งการ เช่น 100000")
    parser.add_argument("--seed", type=_seed_arg, default=1, help="ค่าเริ่มต้นของตัวสุ่ม (ค่าปริยาย 1)")
    parser.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="วันที่อ้างอิงของชุดข้อมูล (เช่น 15/02/2563); ค่าปริยายคือวันนี้"
    )
    parser.set_defaults(handler=cmd_generate)
