"""Import the organisation — units, posts, people and terms in office — from one office
spreadsheet (.xlsx or .csv), all or nothing.

The file is read by the directive importer's reader (spreadsheets.read: xlsx by its bytes,
CSV in UTF-8, UTF-16 or Windows-874; formulas are never evaluated, only their saved values
read), one sheet whose column "ประเภท" says what each row is (org_import_fields). The rows
are applied in one transaction with the org services' rules (org_import_rows); when any row
is refused, or for a dry run, the transaction is rolled back, so nothing is written unless
every row is valid. The report gives, per row, what was (or would be) created or updated,
or the Thai reason it is refused, with the row number Excel shows.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people.org_import_fields import (
    COLUMNS,
    OrgHeader,
    RowKind,
    kind_value,
    looks_like_org_header,
    map_org_header,
)
from sbpac_desktop.services.people.org_import_rows import OrgRowApplier, RowState
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, require
from sbpac_desktop.services.spreadsheets.directive_import import _backup_before_import
from sbpac_desktop.services.spreadsheets.read import HEADER_SCAN_ROWS, Grid, UnreadableFile, read_grid
from sbpac_desktop.services.spreadsheets.row_plan import RowProblem, column_letter
from sbpac_desktop.store.database import Database

__all__ = ["ACTION_TH", "OrgImportReport", "OrgRowResult", "import_org"]

ACTION_TH = {"create": "เพิ่มใหม่", "update": "ปรับปรุง", "unchanged": "ไม่เปลี่ยนแปลง", "refused": "ไม่รับ"}


@dataclass(frozen=True)
class OrgRowResult:
    row: int  # as Excel shows it
    kind_th: str  # หน่วยงาน / ตำแหน่ง / บุคคล / วาระ, or "" when the type cell is wrong
    label: str  # what the row names
    action: str  # create | update | unchanged | refused
    changes: tuple[str, ...]  # Thai names of the updated fields
    problems: tuple[RowProblem, ...]

    @property
    def detail_th(self) -> str:
        if self.action == "refused":
            return "; ".join(f"{p.column}: {p.message_th}" if p.column else p.message_th for p in self.problems)
        if self.action == "update":
            return "แก้ไข " + ", ".join(self.changes)
        return ""


@dataclass(frozen=True)
class OrgImportReport:
    path: str
    source_th: str
    dry_run: bool
    rows: tuple[OrgRowResult, ...]
    problems: tuple[RowProblem, ...]  # about the file or its header, not one row
    committed: bool
    seconds: float

    @property
    def errors(self) -> tuple[RowProblem, ...]:
        every = [*self.problems, *(p for r in self.rows for p in r.problems)]
        return tuple(p for p in every if p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> Counter[tuple[str, str]]:
        """(kind_th, action) -> rows."""
        return Counter((r.kind_th, r.action) for r in self.rows)

    def summary_th(self) -> str:
        done = Counter(r.action for r in self.rows)
        parts = [f"{ACTION_TH[a]} {done[a]:,} แถว" for a in ("create", "update", "unchanged", "refused") if done[a]]
        read = f"อ่าน {len(self.rows):,} แถว" + (f" ({', '.join(parts)})" if parts else "")
        if not self.ok:
            return f"{read} — พบข้อผิดพลาด {len(self.errors):,} รายการ ไม่ได้บันทึกข้อมูลใด ๆ"
        if self.dry_run:
            return f"{read} — ไม่พบข้อผิดพลาด (ทดลองนำเข้า ยังไม่ได้บันทึก)"
        if not self.committed:
            return f"{read} — ข้อมูลตรงกับในโปรแกรมแล้ว ไม่มีการเปลี่ยนแปลง"
        return f"{read} — นำเข้าแล้ว"


class _Discard(Exception):
    """Raised inside the unit of work to roll back a dry run or a file with errors."""


def import_org(db: Database, actor: Actor, path: Path | str, *, dry_run: bool = False) -> OrgImportReport:
    """Check `path` and, unless `dry_run` or any row is refused, write its units, posts, people and terms.

    A dry run applies the rows in a transaction that is then rolled back (the rules need the
    rows made by earlier rows), so it needs the same permission as the import itself."""
    started = time.perf_counter()
    require(actor, EDIT_MASTER_DATA, "นำเข้าข้อมูลหน่วยงานและบุคคล")
    try:
        grid = read_grid(Path(path), looks_like_org_header)
    except UnreadableFile as exc:
        return OrgImportReport(str(path), "-", dry_run, (), (RowProblem(None, None, str(exc)),), False, 0.0)
    problems = [RowProblem(None, None, n.message_th, n.is_error) for n in grid.notes if n.row is None]
    header = _header(grid, problems)
    rows = _rows(grid, header, problems) if header else []
    committed = False
    if rows and not any(p.is_error for p in problems):
        try:
            with db.unit_of_work() as session:
                OrgRowApplier(session, actor, write_audit=not dry_run).apply(rows)
                if dry_run or any(r.errors for r in rows) or all(r.action == "unchanged" for r in rows):
                    raise _Discard  # nothing to keep: no backup, no empty commit
                _backup_before_import(db)
                committed = True
        except _Discard:
            pass
    results = tuple(_result(r, header) for r in rows) if header else ()
    seconds = time.perf_counter() - started
    return OrgImportReport(str(path), grid.source_th, dry_run, results, tuple(problems), committed, seconds)


def _label(header: OrgHeader, column: int) -> str:
    title = header.titles.get(column)
    return f"{column_letter(column)} ({title})" if title else column_letter(column)


def _header(grid: Grid, problems: list[RowProblem]) -> OrgHeader | None:
    if grid.too_many_rows:
        problems.append(RowProblem(None, None, "ไฟล์มีข้อมูลมากเกินไป — โปรดแบ่งไฟล์ก่อนนำเข้า"))
        return None
    found = next(((n, v) for n, v in grid.rows[:HEADER_SCAN_ROWS] if looks_like_org_header(v)), None)
    if found is None:
        wanted = ", ".join(COLUMNS[k][0] for k in ("kind", "unit_name", "post_title", "first_name", "last_name"))
        message = (
            f"ไม่พบแถวหัวตาราง — ต้องมีคอลัมน์ 'ประเภท' และคอลัมน์อื่นของแบบฟอร์ม ({wanted} ...) ใน {HEADER_SCAN_ROWS} แถวแรก"
        )
        problems.append(RowProblem(None, None, message + " — ดาวน์โหลดแบบฟอร์มจากโปรแกรมแล้วกรอกตามนั้น"))
        return None
    header = map_org_header(*found)
    for key, column in header.duplicates:
        first = _label(header, header.columns[key])
        problems.append(RowProblem(header.row, _label(header, column), f"คอลัมน์{COLUMNS[key][0]}ซ้ำกับคอลัมน์ {first}"))
    if header.unknown:
        unused = ", ".join(_label(header, i) for i in header.unknown)
        problems.append(RowProblem(header.row, None, f"ไม่ได้ใช้คอลัมน์: {unused}", is_error=False))
    for min_row, min_col, max_row, max_col in grid.merged:
        if max_row > header.row:
            ref = f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"
            problems.append(RowProblem(min_row, None, f"เซลล์ผสาน (merged) {ref} — ยกเลิกการผสานเซลล์ก่อนนำเข้า"))
    return header


def _rows(grid: Grid, header: OrgHeader, problems: list[RowProblem]) -> list[RowState]:
    rows: list[RowState] = []
    notes = {(n.row, n.column): n for n in grid.notes if n.row is not None and n.row > header.row}
    for number, values in grid.rows:
        if number <= header.row:
            continue
        cells = {key: values[i] if i < len(values) else None for key, i in header.columns.items()}
        row = RowState(number, cells)
        row.kind = row.take("kind", kind_value)
        for (note_row, column), note in notes.items():
            if note_row == number and note.is_error:
                key = next((k for k, i in header.columns.items() if i == column), None)
                row.fail(key, note.message_th)
        rows.append(row)
    if not rows:
        problems.append(RowProblem(header.row, None, "ไม่มีข้อมูลใต้แถวหัวตาราง — ไม่มีรายการให้นำเข้า"))
    return rows


def _result(row: RowState, header: OrgHeader) -> OrgRowResult:
    problems = []
    for key, message in row.errors:
        column = header.columns.get(key) if key else None
        label = _label(header, column) if column is not None else (COLUMNS[key][0] if key else None)
        problems.append(RowProblem(row.number, label, message))
    action = "refused" if problems else row.action
    kind = row.kind.value if isinstance(row.kind, RowKind) else ""
    return OrgRowResult(row.number, kind, row.label, action, tuple(row.changes), tuple(problems))
