"""Fills the quarterly M&E report (domain/plan_report.py) from the plan of a fiscal year; the
writers (reporting/plan_report.py, reporting/word/plan_report.py) only lay it out."""

from __future__ import annotations

from datetime import date

from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.domain.plan import IndicatorState, baht_text, million_text, percent_text, value_text
from sbpac_desktop.domain.plan_report import PlanReport, ReportSection
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.plan_views import GroupSummary, PlanTree, ProjectView, plan_tree, summarize
from sbpac_desktop.services.people.office import get_office
from sbpac_desktop.store.database import Database
from sbpac_desktop.thai.dates import THAI_MONTHS, be_year, fiscal_quarter_bounds, long_date


def quarter_text(fiscal_year: int, quarter: int) -> str:
    """'ไตรมาสที่ 1 (ตุลาคม - ธันวาคม 2562)'."""
    start, end = fiscal_quarter_bounds(fiscal_year, quarter)
    return f"ไตรมาสที่ {quarter} ({THAI_MONTHS[start.month - 1]} - {THAI_MONTHS[end.month - 1]} {be_year(end)})"


def _group_row(group: GroupSummary) -> tuple[str, ...]:
    budget = group.budget
    return (
        group.label, str(group.projects), str(group.indicators),
        *(str(group.count(s)) for s in (IndicatorState.ON_TRACK, IndicatorState.BEHIND, IndicatorState.NO_DATA)),
        million_text(budget.allocated_year), million_text(budget.planned), million_text(budget.disbursed),
        percent_text(budget.percent_of_plan),
    )  # fmt: skip


def _indicator_rows(projects: list[ProjectView], quarter: int) -> ReportSection:
    rows, keys = [], []
    for project in projects:
        owner = f"{project.name}\n({project.owner_label} {project.agency_name})"
        for indicator in project.indicators or ():
            state = indicator.state_at(quarter)
            rows.append((owner, indicator.name, indicator.unit, value_text(indicator.target),
                         value_text(indicator.expected_at(quarter)), value_text(indicator.achieved_at(quarter)),
                         state.label))  # fmt: skip
            keys.append(state.value)
            owner = ""
    return ReportSection("", tuple(rows), tuple(keys))


def build_report(tree: PlanTree, quarter: int, office: str, as_of: date) -> PlanReport:
    summary = summarize(tree, quarter)
    total = summary.total
    overview = (
        f"แผนบูรณาการปีงบประมาณ พ.ศ. {tree.fiscal_year} มีโครงการ {total.projects} โครงการ ตัวชี้วัด {total.indicators} ตัว"
        f" ณ สิ้นไตรมาสที่ {quarter} ผลเป็นไปตามแผน {total.count(IndicatorState.ON_TRACK)} ตัว"
        f" ต่ำกว่าแผน {total.count(IndicatorState.BEHIND)} ตัว ยังไม่รายงานผล {total.count(IndicatorState.NO_DATA)} ตัว"
        f" เบิกจ่ายงบประมาณสะสม {baht_text(total.budget.disbursed)} บาท"
        f" คิดเป็นร้อยละ {percent_text(total.budget.percent_of_plan)} ของแผนการเบิกจ่าย"
        f" (ร้อยละ {percent_text(total.budget.percent_of_year)} ของงบประมาณทั้งปี)"
    )
    sections = []
    for dimension_id, name in tree.dimensions:
        section = _indicator_rows(tree.projects_of(dimension_id), quarter)
        sections.append(ReportSection(f"ด้าน{name}", section.rows, section.state_keys))
    directives = tuple((p.name, f"{d.number} {d.text}", d.status_label) for p in tree.projects for d in p.directives)
    return PlanReport(
        office, tree.fiscal_year, quarter,
        f"ประจำปีงบประมาณ พ.ศ. {tree.fiscal_year} {quarter_text(tree.fiscal_year, quarter)}",
        f"ข้อมูล ณ วันที่ {long_date(as_of, weekday=False, thai_digits=False)}", overview,
        tuple(_group_row(g) for g in (*summary.by_dimension, total)),
        tuple(_group_row(g) for g in (*summary.by_agency, total)),
        tuple(sections), directives,
    )  # fmt: skip


def plan_report(db: Database, actor: Actor, fiscal_year: int, quarter: int, today: date | None = None) -> PlanReport:
    if quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", f"ไตรมาสต้องเป็น 1 ถึง 4 (ได้รับ {quarter})", "Quarter must be 1..4")
    today = today or date.today()
    tree = plan_tree(db, actor, fiscal_year, today)
    if tree is None:
        raise NotFound(f"ยังไม่มีแผนบูรณาการปีงบประมาณ พ.ศ. {fiscal_year}", f"No integrated plan for FY {fiscal_year}")
    return build_report(tree, quarter, get_office(db, actor).name, today)
