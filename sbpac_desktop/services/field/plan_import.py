"""Projects, indicators and quarterly actuals of the integrated plan from a spreadsheet, all or nothing.

One row is one indicator of one project: the project (fiscal year, dimension, name, owner post by
its short code, budget by quarter in baht) is made on first sight and reused by the next rows of
the same name (its budget is read from its first row); the indicator (name, unit, baseline,
target, direction) is made if the project does not have it yet; the quarters' actuals in the row
are entered. The file is read by the directive importer's reader (xlsx, CSV in UTF-8/UTF-16/
Windows-874; formulas never run) and every row goes through the plan services' rules (plan.py,
plan_actuals.py) in one transaction that is rolled back for a dry run or when any row is refused.
Only the secretariat imports (permissions.EDIT_PLAN).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.plan import (
    IndicatorInput,
    ProjectInput,
    ensure_plan_row,
    insert_indicator,
    insert_project,
)
from sbpac_desktop.services.field.plan_actuals import ActualInput, write_actual
from sbpac_desktop.services.permissions import EDIT_PLAN, require
from sbpac_desktop.services.spreadsheets.fields import CellError, header_key, text_value
from sbpac_desktop.services.spreadsheets.row_plan import RowProblem
from sbpac_desktop.services.spreadsheets.sheet_import import SheetColumns, SheetRow, apply_all_or_nothing, read_sheet
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import DevelopmentDimension, Position
from sbpac_desktop.store.models_plan import PlanIndicator, PlanProject
from sbpac_desktop.thai import to_arabic_digits

QUARTER_KEYS = ("q1", "q2", "q3", "q4")
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "year": ("ปีงบประมาณ", ("fiscalyear", "year")),
    "dimension": ("มิติการพัฒนา", ("มิติ", "ด้าน", "dimension")),
    "project": ("โครงการ", ("ชื่อโครงการ", "project")),
    "owner": ("ตำแหน่งเจ้าของโครงการ", ("เจ้าของโครงการ", "ตำแหน่ง", "owner")),
    **{f"budget_{q}": (f"งบประมาณไตรมาส {n} (บาท)", (f"งบไตรมาส {n}",)) for n, q in enumerate(QUARTER_KEYS, 1)},
    "indicator": ("ตัวชี้วัด", ("indicator",)),
    "unit": ("หน่วยนับ", ("หน่วย", "unit")),
    "baseline": ("ค่าฐาน", ("baseline",)),
    "target": ("เป้าหมาย", ("เป้าหมายทั้งปี", "target")),
    "direction": ("ทิศทาง", ("direction",)),
    **{f"actual_{q}": (f"ผลไตรมาส {n}", (f"ผลการดำเนินงานไตรมาส {n}",)) for n, q in enumerate(QUARTER_KEYS, 1)},
}  # fmt: skip
REQUIRED = ("year", "dimension", "project", "owner", "indicator", "unit", "target")
SHEET = SheetColumns(COLUMNS, REQUIRED, frozenset({"project", "indicator"}), 5)
_DIRECTION_WORDS = (("ยิ่งมากยิ่งดี", "higher"), ("มาก", "higher"), ("higher", "higher"),
                    ("ยิ่งน้อยยิ่งดี", "lower"), ("น้อย", "lower"), ("lower", "lower"))  # fmt: skip
_DIRECTIONS = {header_key(t): v for t, v in _DIRECTION_WORDS}
TEXT_KEYS = ("dimension", "project", "owner", "indicator", "unit", "direction")


@dataclass(frozen=True)
class PlanRowResult:
    row: int
    label: str
    action: str  # create | refused
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class PlanImportReport:
    path: str
    dry_run: bool
    rows: tuple[PlanRowResult, ...]
    problems: tuple[RowProblem, ...]
    committed: bool

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.action != "refused" for r in self.rows)

    def summary_th(self) -> str:
        read = f"อ่าน {len(self.rows):,} แถว"
        if not self.ok:
            return f"{read} — มีข้อผิดพลาด ไม่ได้บันทึกข้อมูลใด ๆ"
        return f"{read} — ทดลองนำเข้า ยังไม่ได้บันทึก" if self.dry_run else f"{read} — นำเข้าแล้ว"


def number_cell(value: object) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ต้องเป็นตัวเลข")
    if isinstance(value, int | float):
        result = float(value)
    else:
        try:
            result = float(to_arabic_digits(str(value).strip()).replace(",", ""))
        except ValueError:
            raise CellError(f"ต้องเป็นตัวเลข (ได้รับ '{str(value)[:30]}')") from None
    if not math.isfinite(result):
        raise CellError("ต้องเป็นตัวเลข")
    return result


def baht_cell(value: object) -> int:
    number = number_cell(value)
    if number is None:
        return 0
    amount = Decimal(str(number))
    if abs(amount) > 10**13:  # before quantize(), which raises InvalidOperation from 1E26 on
        raise CellError("จำนวนเงินสูงเกินจริง")
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError("จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง")
    try:
        return int(amount * 100)
    except (InvalidOperation, OverflowError):
        raise CellError("จำนวนเงินไม่ถูกต้อง") from None


def import_plan(
    db: Database, actor: Actor, path: Path | str, *, dry_run: bool = False, today: date | None = None
) -> PlanImportReport:
    require(actor, EDIT_PLAN, "นำเข้าแผนบูรณาการ")
    sheet = read_sheet(path, SHEET)
    if sheet.problems:
        return PlanImportReport(str(path), dry_run, (), sheet.problems, False)
    day = today or date.today()
    results, committed = apply_all_or_nothing(
        db, sheet.rows, lambda session, row: _apply_row(session, actor, row, day), dry_run=dry_run
    )
    return PlanImportReport(str(path), dry_run, tuple(results), (), committed)


def _apply_row(session: Session, actor: Actor, row: SheetRow, today: date) -> PlanRowResult:
    """Read and apply one row inside a savepoint, so a refused row leaves nothing behind."""
    number, cells = row.number, row.cells
    errors: list[RowProblem] = list(row.notes)
    parsed = _parse(session, number, cells, errors)
    label = f"{cells.get('project') or '-'} / {cells.get('indicator') or '-'}"
    if errors or parsed is None:
        return PlanRowResult(number, label, "refused", tuple(errors))
    year, project_data, indicator_data, actuals = parsed
    savepoint = session.begin_nested()
    try:
        plan_row = ensure_plan_row(session, actor, year)
        query = select(PlanProject).where(PlanProject.plan_id == plan_row.id, PlanProject.name == project_data.name)
        project = session.scalar(query) or insert_project(session, actor, plan_row.id, project_data)
        indicator_query = select(PlanIndicator).where(PlanIndicator.project_id == project.id,
                                                      PlanIndicator.name == indicator_data.name)  # fmt: skip
        indicator = session.scalar(indicator_query) or insert_indicator(session, actor, project.id, indicator_data)
        for quarter, value in actuals:
            write_actual(session, actor, quarter, ActualInput(indicator.id, value), today)
    except AppError as exc:
        savepoint.rollback()
        return PlanRowResult(number, label, "refused", (RowProblem(number, None, exc.message_th),))
    savepoint.commit()
    return PlanRowResult(number, label, "create", ())


Parsed = tuple[int, ProjectInput, IndicatorInput, list[tuple[int, float]]]


def _parse(session: Session, number: int, cells: dict[str, object], errors: list[RowProblem]) -> Parsed | None:
    text = {k: SHEET.cell(errors, number, k, text_value, cells.get(k)) for k in TEXT_KEYS}
    year = SHEET.cell(errors, number, "year", number_cell, cells.get("year"))
    target = SHEET.cell(errors, number, "target", number_cell, cells.get("target"))
    baseline = SHEET.cell(errors, number, "baseline", number_cell, cells.get("baseline"))
    q1, q2, q3, q4 = (SHEET.cell(errors, number, f"budget_{q}", baht_cell, cells.get(f"budget_{q}")) or 0
                      for q in QUARTER_KEYS)  # fmt: skip
    actuals = [(n, SHEET.cell(errors, number, f"actual_{q}", number_cell, cells.get(f"actual_{q}")))
               for n, q in enumerate(QUARTER_KEYS, 1)]  # fmt: skip
    needed = [("year", year), ("target", target), *((k, text[k]) for k in TEXT_KEYS[:-1])]
    SHEET.require_filled(errors, number, needed)
    direction = _DIRECTIONS.get(header_key(text["direction"] or "ยิ่งมากยิ่งดี"))
    if direction is None:
        errors.append(RowProblem(number, COLUMNS["direction"][0], "ทิศทางต้องเป็น ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี"))
    dimension_id = _lookup(session, DevelopmentDimension.id, DevelopmentDimension.name, text["dimension"])
    owner_id = _lookup(session, Position.id, Position.short_code, text["owner"])
    if text["dimension"] and dimension_id is None:
        errors.append(RowProblem(number, COLUMNS["dimension"][0], f"ไม่พบมิติการพัฒนา '{text['dimension']}'"))
    if text["owner"] and owner_id is None:
        errors.append(RowProblem(number, COLUMNS["owner"][0], f"ไม่พบตำแหน่งชื่อย่อ '{text['owner']}'"))
    name, indicator_name, unit = text["project"], text["indicator"], text["unit"]
    if (errors or year is None or target is None or name is None or indicator_name is None or unit is None
            or dimension_id is None or owner_id is None or direction is None):  # fmt: skip
        return None  # each missing value has its message in `errors`
    project = ProjectInput(name, dimension_id, owner_id, (q1, q2, q3, q4))
    indicator = IndicatorInput(indicator_name, unit, target, baseline, direction)
    return int(year), project, indicator, [(q, v) for q, v in actuals if v is not None]


def _lookup(
    session: Session,
    id_column: InstrumentedAttribute[int],
    name_column: InstrumentedAttribute[str | None],
    wanted: str | None,
) -> int | None:
    if not wanted:
        return None
    wanted = wanted.removeprefix("ด้าน") if name_column.key == "name" else wanted
    return session.scalar(select(id_column).where(name_column == wanted))
