"""`sbpac-desktop plan …`: the integrated plan's M&E (แผนบูรณาการ, issue #15) from the command line.

    plan list --year 2563 [--quarter Q] [--json]       projects and indicators with their state
    plan add-project NAME --year Y --dimension ID --owner POST_ID [--budget B1,B2,B3,B4] [--directive ID]…
    plan add-indicator PROJECT_ID NAME --unit U --target T [--baseline B] [--lower] [--level]
    plan actual INDICATOR_ID --quarter Q VALUE [--note TEXT]     ("-" as VALUE clears the quarter)
    plan disbursed PROJECT_ID --quarter Q BAHT
    plan report --year Y --quarter Q -o FILE.pdf|FILE.docx
    plan import FILE.xlsx|FILE.csv [--dry-run]                 all or nothing (services/field/plan_import.py)

The same services and rules as the window: the secretariat keeps the plan, officers enter actuals
and disbursements of projects of posts they hold. Budgets are typed in baht (1,500,000.50).
"""

from __future__ import annotations

import argparse
import math
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sbpac_desktop.cli.args import add_list_options, fiscal_year_arg, id_arg, whole_number
from sbpac_desktop.cli.imports import add_import_command
from sbpac_desktop.cli.output import emit, emit_json
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.plan import baht_text, value_text
from sbpac_desktop.thai import apply_digits, to_arabic_digits

if TYPE_CHECKING:
    from sbpac_desktop.services.field import plan_views

quarter_arg = whole_number(1, 4, "ไตรมาส", "1")


def number_arg(text: str) -> float:
    try:
        value = float(to_arabic_digits(text.strip()).replace(",", ""))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"ต้องเป็นตัวเลข เช่น 120 หรือ 87.5 (ได้รับ '{text[:40]}')")
    return value


def baht_arg(text: str) -> int:
    """'1,500,000.50' baht -> satang; negative or more than two decimals refused."""
    try:
        amount = Decimal(to_arabic_digits(text.strip()).replace(",", ""))
    except InvalidOperation:
        amount = Decimal("NaN")
    # the bound first: quantize() of 1E26 and larger raises InvalidOperation (past 28 digits of precision)
    if not amount.is_finite() or amount < 0 or amount > 10**13 or amount != amount.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(f"จำนวนเงินต้องเป็นบาท ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง (ได้รับ '{text[:40]}')")
    return int(amount * 100)


def budget_arg(text: str) -> tuple[int, int, int, int]:
    parts = text.split("/") if "/" in text else text.split(";")
    if len(parts) != 4:
        raise argparse.ArgumentTypeError(f"งบประมาณต้องมี 4 ไตรมาส คั่นด้วย / เช่น 100000/200000/0/0 (ได้รับ '{text[:40]}')")
    first, second, third, fourth = (baht_arg(p) for p in parts)
    return first, second, third, fourth


def _json(project: plan_views.ProjectView, quarter: int) -> dict[str, Any]:
    budget = project.budget_at(quarter)
    return {
        "id": project.id, "name": project.name, "dimension": project.dimension_name, "owner": project.owner_label,
        "agency": project.agency_name, "allocated_satang": list(project.allocated),
        "disbursed_satang": list(project.disbursed), "percent_of_plan": budget.percent_of_plan,
        "directives": [{"number": d.number, "status": d.status_key} for d in project.directives],
        "indicators": [
            {"id": i.id, "name": i.name, "unit": i.unit, "target": i.target, "baseline": i.baseline,
             "direction": i.direction, "cumulative": i.cumulative, "actuals": {str(q): v for q, v in i.actuals.items()},
             "expected": i.expected_at(quarter), "achieved": i.achieved_at(quarter), "state": i.state_at(quarter).value}
            for i in project.indicators
        ],
    }  # fmt: skip


def cmd_list(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan_views

    with signed_in(args) as ctx:
        tree = plan_views.plan_tree(ctx.db, ctx.actor, args.year)
    projects = tree.projects if tree else ()
    if args.json:
        emit_json([_json(p, args.quarter) for p in projects])
        return 0
    if tree is None:
        emit(f"ยังไม่มีแผนบูรณาการปีงบประมาณ พ.ศ. {args.year} (เพิ่มด้วย plan add-project)")
        return 0
    emit(f"{tree.title} — ไตรมาส {args.quarter}")
    for p in projects:
        budget = p.budget_at(args.quarter)
        line = f"[{p.id}] ด้าน{p.dimension_name}: {p.name} ({p.owner_label}) เบิกจ่าย {baht_text(budget.disbursed)}"
        emit(apply_digits(line + f"/{baht_text(budget.planned)} บาท", args.thai_digits))
        for i in p.indicators:
            achieved, state = value_text(i.achieved_at(args.quarter)), i.state_at(args.quarter).label
            text = f"    [{i.id}] {i.name}: {achieved}/{value_text(i.expected_at(args.quarter))} {i.unit} — {state}"
            emit(apply_digits(text, args.thai_digits))
    return 0


def cmd_add_project(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan
    from sbpac_desktop.services.field.plan import ProjectInput

    with signed_in(args) as ctx:
        data = ProjectInput(args.name, args.dimension, args.owner, args.budget, (), tuple(args.directive))
        project_id = plan.add_project_to_year(ctx.db, ctx.actor, args.year, data)
    emit(f"เพิ่มโครงการแล้ว (รหัส {project_id}): {args.name}")
    return 0


def cmd_add_indicator(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan
    from sbpac_desktop.services.field.plan import IndicatorInput

    data = IndicatorInput(args.name, args.unit, args.target, args.baseline, "lower" if args.lower else "higher",
                          not args.level)  # fmt: skip
    with signed_in(args) as ctx:
        indicator_id = plan.add_indicator(ctx.db, ctx.actor, args.project, data)
    emit(f"เพิ่มตัวชี้วัดแล้ว (รหัส {indicator_id}): {args.name}")
    return 0


def cmd_actual(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan_actuals

    try:
        value = None if args.value.strip() == "-" else number_arg(args.value)
    except argparse.ArgumentTypeError as exc:  # VALUE may be "-", so it is parsed here, not by argparse
        raise ValidationError.single("value", f"ผลของไตรมาส{exc}", "The value must be a number") from exc
    with signed_in(args) as ctx:
        plan_actuals.record_actual(ctx.db, ctx.actor, args.indicator, args.quarter, value, args.note)
    emit(f"บันทึกผลไตรมาส {args.quarter} แล้ว" if value is not None else f"ลบผลไตรมาส {args.quarter} แล้ว")
    return 0


def cmd_disbursed(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan_actuals

    with signed_in(args) as ctx:
        plan_actuals.record_disbursement(ctx.db, ctx.actor, args.project, args.quarter, args.amount)
    emit(f"บันทึกผลการเบิกจ่ายไตรมาส {args.quarter} แล้ว: {baht_text(args.amount)} บาท")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field import plan_report

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ValidationError.single("output", "ไฟล์รายงานต้องลงท้ายด้วย .pdf หรือ .docx", "Output must be .pdf or .docx")
    with signed_in(args) as ctx:
        report = plan_report.plan_report(ctx.db, ctx.actor, args.year, args.quarter)
    if suffix == ".pdf":  # only the writer it uses: a Word file never loads ReportLab
        from sbpac_desktop.reporting.plan_report import render_plan_report as writer
    else:
        from sbpac_desktop.reporting.word.plan_report import render_plan_report_docx as writer
    emit(f"บันทึกรายงานแล้ว: {writer(report, args.output)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.field.plan_import import import_plan

    with signed_in(args) as ctx:
        report = import_plan(ctx.db, ctx.actor, args.file, dry_run=args.dry_run)
    for problem in report.problems:
        emit(f"ไฟล์: {problem.message_th}")
    for row in report.rows:
        details = "; ".join(f"{p.column}: {p.message_th}" if p.column else p.message_th for p in row.problems)
        emit(f"แถว {row.row} {row.label}: " + (details or ("ผ่าน" if report.dry_run else "นำเข้าแล้ว")))
    emit(report.summary_th())
    return 0 if report.ok else 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("plan", help="แผนบูรณาการ: โครงการ ตัวชี้วัด ผลรายไตรมาส รายงาน (integrated plan M&E)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="โครงการและตัวชี้วัดพร้อมสถานะ ณ ไตรมาส")
    listing.add_argument("--year", type=fiscal_year_arg, required=True, help="ปีงบประมาณ พ.ศ.")
    listing.add_argument("--quarter", type=quarter_arg, default=1, help="ไตรมาส 1-4 (ค่าเริ่มต้น 1)")
    add_list_options(listing)
    listing.set_defaults(handler=cmd_list)
    project = actions.add_parser("add-project", help="เพิ่มโครงการในแผนของปีงบประมาณ")
    project.add_argument("name", metavar="NAME", help="ชื่อโครงการ")
    project.add_argument("--year", type=fiscal_year_arg, required=True, help="ปีงบประมาณ พ.ศ.")
    project.add_argument("--dimension", type=id_arg, required=True, help="รหัสมิติการพัฒนา (dimensions list)")
    project.add_argument("--owner", type=id_arg, required=True, help="รหัสตำแหน่งเจ้าของโครงการ (org list)")
    project.add_argument(
        "--budget", type=budget_arg, default=(0, 0, 0, 0), help="งบรายไตรมาส (บาท) เช่น 100000/200000/0/0"
    )
    project.add_argument("--directive", type=id_arg, action="append", default=[], help="รหัสข้อสั่งการที่เกี่ยวข้อง")
    project.set_defaults(handler=cmd_add_project)
    indicator = actions.add_parser("add-indicator", help="เพิ่มตัวชี้วัดของโครงการ")
    indicator.add_argument("project", type=id_arg, metavar="PROJECT_ID")
    indicator.add_argument("name", metavar="NAME", help="ชื่อตัวชี้วัด")
    indicator.add_argument("--unit", required=True, help="หน่วยนับ เช่น คน ราย ร้อยละ")
    indicator.add_argument("--target", type=number_arg, required=True, help="เป้าหมายทั้งปี")
    indicator.add_argument("--baseline", type=number_arg, default=None, help="ค่าฐาน")
    indicator.add_argument("--lower", action="store_true", help="ยิ่งน้อยยิ่งดี (ค่าเริ่มต้น: ยิ่งมากยิ่งดี)")
    indicator.add_argument("--level", action="store_true", help="ผลแต่ละไตรมาสเป็นระดับ ไม่นำมาบวกสะสม")
    indicator.set_defaults(handler=cmd_add_indicator)
    actual = actions.add_parser("actual", help="บันทึกผลตัวชี้วัดของไตรมาส")
    actual.add_argument("indicator", type=id_arg, metavar="INDICATOR_ID")
    actual.add_argument("value", metavar="VALUE", help='ผลของไตรมาส ("-" = ลบผลของไตรมาสนี้)')
    actual.add_argument("--quarter", type=quarter_arg, required=True, help="ไตรมาส 1-4")
    actual.add_argument("--note", default=None, help="หมายเหตุ")
    actual.set_defaults(handler=cmd_actual)
    disbursed = actions.add_parser("disbursed", help="บันทึกผลการเบิกจ่ายของไตรมาส (บาท)")
    disbursed.add_argument("project", type=id_arg, metavar="PROJECT_ID")
    disbursed.add_argument("amount", type=baht_arg, metavar="BAHT")
    disbursed.add_argument("--quarter", type=quarter_arg, required=True, help="ไตรมาส 1-4")
    disbursed.set_defaults(handler=cmd_disbursed)
    report = actions.add_parser("report", help="รายงานผลการติดตามแผนบูรณาการรายไตรมาส (PDF หรือ Word)")
    report.add_argument("--year", type=fiscal_year_arg, required=True)
    report.add_argument("--quarter", type=quarter_arg, required=True)
    report.add_argument("-o", "--output", required=True, help="ไฟล์ .pdf หรือ .docx")
    report.set_defaults(handler=cmd_report)
    add_import_command(actions, "import", "นำเข้าโครงการ ตัวชี้วัด และผลรายไตรมาสจากไฟล์ (ทั้งหมดหรือไม่นำเข้าเลย)", cmd_import)
