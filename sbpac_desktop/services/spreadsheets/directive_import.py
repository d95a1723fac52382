"""Import directives (and each one's latest progress report) from an office spreadsheet.

One call, one unit of work: the file is read, every row is checked against the same rules
as the directive editor, and only when no row has an error is anything written, all in
the one transaction (spreadsheets.write: Core INSERTs a batch at a time, with an audit entry
per directive and per progress report, chained as usual, in one executemany per batch). A dry
run does the same checks and writes nothing. Problems never raise: they come back in the
report with the row number Excel shows, the column and a Thai message.

A row is one directive. Its columns (see spreadsheets.fields.FIELDS) are the tracker
export's, so an exported file imports back; progress columns (ร้อยละ, ผลการดำเนินการ,
วันที่รายงาน, ...) add one progress report on the lead assignment. The status column
is read only for what a person decides: "ยกเลิก" cancels, "ดำเนินการแล้วเสร็จ" without a
100 % report closes; overdue and the rest are derived from the dates as always.
Numbering rules: see spreadsheets.row_plan. A row whose number is already in the database
updates that directive (text, due date as an approved extension, assignees, new progress;
spreadsheets.update), so an exported tracker edited in Excel imports back; the report's
`outcomes` say per row: new / updated (which fields) / unchanged / refused (why).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_DIRECTIVES, require
from sbpac_desktop.services.spreadsheets.fields import looks_like_header
from sbpac_desktop.services.spreadsheets.lookups import load_lookups
from sbpac_desktop.services.spreadsheets.read import UnreadableFile, read_grid
from sbpac_desktop.services.spreadsheets.row_plan import Plan, RowProblem, _problem_order, build_plan
from sbpac_desktop.services.spreadsheets.update import CheckedUpdates, RowOutcome, check_updates, write_updates
from sbpac_desktop.services.spreadsheets.write import write_plan
from sbpac_desktop.store.backup import backup_engine
from sbpac_desktop.store.database import Database

__all__ = ["ImportReport", "RowOutcome", "RowProblem", "import_directives"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportReport:
    path: str
    source_th: str
    dry_run: bool
    data_rows: int  # non-blank rows under the header
    blank_rows: int  # skipped
    directives: int  # created, or that a real import would create
    progress_reports: int  # on new directives and on updated ones
    problems: tuple[RowProblem, ...]
    committed: bool
    seconds: float
    first_number: str | None = None
    last_number: str | None = None
    updated: int = 0  # existing directives (by number) the file changes
    unchanged: int = 0  # existing directives the file leaves as they are
    outcomes: tuple[RowOutcome, ...] = ()  # per row: new / updated (which fields) / unchanged / refused

    @property
    def errors(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_rows(self) -> int:
        return len({p.row for p in self.errors if p.row is not None})

    def summary_th(self) -> str:
        """'อ่าน 9 แถว: นำเข้าแล้ว ข้อสั่งการ 2 รายการ ...' — the last line of the CLI and the preview dialog."""
        read = f"อ่าน {self.data_rows:,} แถว"
        if self.blank_rows:
            read += f" (ข้ามแถวว่าง {self.blank_rows:,} แถว)"
        if not self.ok:
            rows = f" ใน {self.error_rows:,} แถว" if self.error_rows else ""
            return f"{read}: พบข้อผิดพลาด {len(self.errors):,} รายการ{rows} — ไม่ได้บันทึกข้อมูลใด ๆ"
        numbers = f" ({self.first_number} ถึง {self.last_number})" if self.first_number else ""
        counts = f"ข้อสั่งการ {self.directives:,} รายการ{numbers}"
        counts += f" ปรับปรุง {self.updated:,} รายการ" if self.updated else ""
        counts += f" ไม่เปลี่ยนแปลง {self.unchanged:,} รายการ" if self.unchanged else ""
        counts += f" รายงานผล {self.progress_reports:,} รายการ"
        if self.dry_run:
            return f"{read}: ไม่พบข้อผิดพลาด — ถ้านำเข้าจริงจะเพิ่ม{counts} (ทดลองนำเข้า ยังไม่ได้บันทึก)"
        if not self.committed:
            return f"{read}: ข้อมูลตรงกับในโปรแกรมแล้ว ไม่มีการเปลี่ยนแปลง ({counts})"
        return f"{read}: นำเข้าแล้ว {counts}"


def import_directives(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportReport:
    """Check `path` and, unless `dry_run` or any row has an error, create its directives."""
    started = time.perf_counter()
    if not dry_run:
        require(actor, EDIT_DIRECTIVES, "นำเข้าข้อสั่งการ")
    day = today or date.today()
    try:
        grid = read_grid(Path(path), looks_like_header)
    except UnreadableFile as exc:
        plan = Plan("-", problems=[RowProblem(None, None, str(exc))])
        return _report(str(path), plan, CheckedUpdates(), dry_run, False, started)
    with db.unit_of_work() as session:
        plan = build_plan(grid, load_lookups(session, day), day)
        checked = check_updates(session, actor, plan.updates, plan.column_labels, Path(path).name)
        plan.problems = sorted([*plan.problems, *checked.problems], key=_problem_order)
        write = plan.ok and not dry_run and bool(plan.directives or checked.changes)
        if write:
            _backup_before_import(db)
            write_plan(session, actor, plan.directives, day)
            write_updates(session, actor, checked.changes)
    return _report(str(path), plan, checked, dry_run, write, started)


def _backup_before_import(db: Database) -> None:
    """A verified, rotated copy of the SQLite file before a bulk write (the data is checked by then,
    so refused files cost no backup). Read through another pooled connection: WAL lets it read
    while this transaction waits to write."""
    path = db.location.sqlite_path
    if path is not None:
        saved = backup_engine(db.engine, path, "pre-import")
        log.info("backup before import: %s", saved)


def _outcomes(plan: Plan, checked: CheckedUpdates) -> tuple[RowOutcome, ...]:
    rows = [
        RowOutcome(d.row, directive_number_text(d.data.seq or 0, d.fiscal_year, thai_digits=False), "new",
                   progress_added=d.progress is not None)
        for d in plan.directives
    ]  # fmt: skip
    rows += checked.outcomes
    refused: dict[int, list[str]] = {}
    for problem in plan.problems:
        if problem.is_error and problem.row is not None:
            where = f"{problem.column}: " if problem.column else ""
            refused.setdefault(problem.row, []).append(where + problem.message_th)
    rows = [r for r in rows if r.row not in refused]
    rows += [
        RowOutcome(row, plan.numbers_given.get(row, ""), "refused", reason="; ".join(texts))
        for row, texts in refused.items()
    ]
    return tuple(sorted(rows, key=lambda r: r.row))


def _progress_count(plan: Plan, checked: CheckedUpdates) -> int:
    new = sum(1 for d in plan.directives if d.progress is not None)
    return new + sum(1 for c in checked.changes if c.progress is not None)


def _report(
    path: str, plan: Plan, checked: CheckedUpdates, dry_run: bool, committed: bool, started: float
) -> ImportReport:
    numbers = sorted((d.fiscal_year, d.data.seq or 0) for d in plan.directives) if plan.ok else []
    first = directive_number_text(numbers[0][1], numbers[0][0], thai_digits=False) if numbers else None
    last = directive_number_text(numbers[-1][1], numbers[-1][0], thai_digits=False) if numbers else None
    return ImportReport(
        path=path,
        source_th=plan.source_th,
        dry_run=dry_run,
        data_rows=plan.data_rows,
        blank_rows=plan.blank_rows,
        directives=len(plan.directives) if plan.ok else 0,
        progress_reports=_progress_count(plan, checked) if plan.ok else 0,
        problems=tuple(plan.problems),
        committed=committed,
        seconds=time.perf_counter() - started,
        first_number=first,
        last_number=last,
        updated=len(checked.changes) if plan.ok else 0,
        unchanged=sum(1 for o in checked.outcomes if o.action == "unchanged") if plan.ok else 0,
        outcomes=_outcomes(plan, checked),
    )
