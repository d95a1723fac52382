"""Turn a read grid into directives ready to insert, or into a per-row list of problems.

No database access here (the look-ups are loaded beforehand), so the same checks run for
a dry run and a real import, and can be property-tested without a server. The rules of the
directive and progress services are reused as they are (their `_validate`), so a row is
accepted exactly when the editor would accept the same values.

Directive numbers: "ขส. 005/2563" (or "005/2563", "๕/๒๕๖๓") is fiscal year 2563, number 5 and
must agree with the fiscal year of the issue date; a bare "5" takes the fiscal year of the
issue date; an empty cell gets the next number of that fiscal year after every number
already used in the database or given in the file. A number that appears twice in the file
is an error; nothing is renumbered silently. A number that exists in the database makes the
row an update of that directive (PlannedUpdate, compared and written by spreadsheets.update):
an exported tracker edited in Excel imports back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import directive_number_text, next_sequence
from sbpac_desktop.services.directives import directives as directive_rules
from sbpac_desktop.services.directives import progress as progress_rules
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.directives.progress import ProgressInput
from sbpac_desktop.services.spreadsheets.fields import (
    FIELDS,
    REQUIRED,
    CellError,
    HeaderMap,
    date_value,
    looks_like_header,
    map_headers,
    names_value,
    number_value,
    percent_value,
    priority_value,
    report_cycle_value,
    state_value,
    text_value,
)
from sbpac_desktop.services.spreadsheets.lookups import Lookups
from sbpac_desktop.services.spreadsheets.read import HEADER_SCAN_ROWS, MAX_DATA_ROWS, Grid, is_blank
from sbpac_desktop.thai import fiscal_year, long_date

PROGRESS_FIELDS = ("percent", "result", "report_date", "problems", "suggestions", "next_step")
# Field names in the services' ValidationError -> spreadsheet column.
_SERVICE_FIELDS = {"text": "text", "due_on": "due", "extended_due_on": "extended", "seq": "number"}
_SERVICE_FIELDS |= {"result": "result", "percent": "percent", "report_date": "report_date"}
_PLAIN_CELLS = (str, date, type(None))  # values equal only to their own kind (not 1 == True, not datetime)


@dataclass(frozen=True)
class RowProblem:
    row: int | None  # as Excel shows it; None: the whole file
    column: str | None  # "F (ผู้รับผิดชอบหลัก)"
    message_th: str
    is_error: bool = True


@dataclass
class PlannedDirective:
    row: int
    data: DirectiveInput
    fiscal_year: int
    state: DirectiveState
    progress: ProgressInput | None  # assignment_id is filled in once the lead assignment exists
    no_due_reason: str | None = None  # why a directive without a due date has none


@dataclass
class PlannedUpdate:
    """A row whose number is already in the database: what the file says about that directive."""

    row: int
    fiscal_year: int
    seq: int
    data: DirectiveInput
    progress: ProgressInput | None
    columns: frozenset[str]  # the fields the file has a column for: a missing column changes nothing
    report_date_given: bool
    state: DirectiveState = DirectiveState.OPEN  # what the status cell decides (cancelled, done), else open


@dataclass
class Plan:
    source_th: str
    directives: list[PlannedDirective] = field(default_factory=list)
    updates: list[PlannedUpdate] = field(default_factory=list)
    column_labels: dict[str, str] = field(default_factory=dict)  # field -> "A (เลขที่)", for later checks
    numbers_given: dict[int, str] = field(default_factory=dict)  # row -> its number cell as typed, for the report
    problems: list[RowProblem] = field(default_factory=list)
    data_rows: int = 0
    blank_rows: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def column_letter(index: int) -> str:
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def build_plan(grid: Grid, lookups: Lookups, today: date) -> Plan:
    plan = Plan(grid.source_th)
    header = _find_header(grid, plan)
    if header is None:
        return plan
    reader = _RowReader(header, lookups, today, plan.problems)
    if not _check_header(header, reader, plan):
        return plan
    _cell_problems(header, grid, reader, plan)
    plan.column_labels = {name: reader.label(c) for name in FIELDS if (c := header.column_of(name)) is not None}
    for number, values in grid.rows:
        if number > header.row:
            plan.data_rows += 1
            planned = reader.read(number, values)
            if given := text_value(reader.cell("number")):
                plan.numbers_given[number] = given
            if isinstance(planned, PlannedUpdate):
                plan.updates.append(planned)
            elif planned is not None:
                plan.directives.append(planned)
    plan.blank_rows = sum(1 for n in grid.blank_rows if n > header.row)
    if plan.data_rows == 0:
        plan.problems.append(RowProblem(header.row, None, "ไม่มีข้อมูลใต้แถวหัวตาราง — ไม่มีข้อสั่งการให้นำเข้า"))
    _number_blanks(plan.directives, lookups, reader.seen)
    reader.warn_defaults()
    plan.problems.sort(key=_problem_order)
    return plan


def _problem_order(problem: RowProblem) -> tuple[int, bool, int, str]:
    letters = (problem.column or "").split(" ")[0]
    return problem.row or 0, not problem.is_error, len(letters), letters


def _find_header(grid: Grid, plan: Plan) -> HeaderMap | None:
    if grid.too_many_rows:
        plan.problems.append(RowProblem(None, None, f"ไฟล์มีข้อมูลเกิน {MAX_DATA_ROWS:,} แถว — โปรดแบ่งไฟล์ก่อนนำเข้า"))
        return None
    for number, values in grid.rows[:HEADER_SCAN_ROWS]:
        if looks_like_header(values):
            return map_headers(number, values)
    wanted = " และ ".join(f"'{FIELDS[name][0]}'" for name in REQUIRED)
    message = f"ไม่พบแถวหัวตาราง — ต้องมีคอลัมน์ {wanted} (หรือ directive, issued) ใน {HEADER_SCAN_ROWS} แถวแรก"
    plan.problems.append(RowProblem(None, None, message))
    return None


def _check_header(header: HeaderMap, reader: _RowReader, plan: Plan) -> bool:
    """False when the columns themselves are wrong: rows cannot be read then."""
    start = len(plan.problems)
    missing = [FIELDS[name][0] for name in REQUIRED if header.column_of(name) is None]
    if missing:
        plan.problems.append(RowProblem(header.row, None, f"ไม่พบคอลัมน์ที่จำเป็น: {', '.join(missing)}"))
    for name, first, second in header.duplicates:
        plan.problems.append(
            RowProblem(header.row, reader.label(second), f"คอลัมน์{FIELDS[name][0]}ซ้ำกับคอลัมน์ {reader.label(first)}")
        )
    if header.unknown:
        unused = ", ".join(reader.label(i) for i in header.unknown)
        plan.problems.append(RowProblem(header.row, None, f"ไม่ได้ใช้คอลัมน์: {unused}", is_error=False))
    return not any(p.is_error for p in plan.problems[start:])


def _cell_problems(header: HeaderMap, grid: Grid, reader: _RowReader, plan: Plan) -> None:
    """Merged cells and formula notes from the reader, below the title rows."""
    for min_row, min_col, max_row, max_col in grid.merged:
        if max_row >= header.row:
            ref = f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"
            message = f"เซลล์ผสาน (merged) {ref} — ยกเลิกการผสานเซลล์ก่อนนำเข้า เพราะค่าจะอยู่เฉพาะเซลล์แรก"
            plan.problems.append(RowProblem(min_row, reader.label(min_col), message))
    for note in grid.notes:
        if note.row is None or note.row >= header.row:
            column = None if note.column is None else reader.label(note.column)
            plan.problems.append(RowProblem(note.row, column, note.message_th, note.is_error))
            if note.is_error:
                reader.reported.add((note.row, column))


class _RowReader:
    def __init__(self, header: HeaderMap, lookups: Lookups, today: date, problems: list[RowProblem]) -> None:
        self.header, self.lookups, self.today, self.problems = header, lookups, today, problems
        self.seen: dict[tuple[int, int], int] = {}  # (fiscal year, seq) -> row that gave it
        self.defaulted_report_dates: list[int] = []
        self.undated: list[int] = []  # new directives with neither a due date nor the reason for none
        self.reported: set[tuple[int | None, str | None]] = set()  # cells the reader already faulted
        self.row, self.failed, self.existing = 0, False, False
        self.cells: dict[str, object] = {}  # this row's value of each column the header has (short rows: fewer)
        self.iso_cells: dict[str, object] = {}
        self.assigned: dict[tuple[str | None, ...], tuple[AssignmentInput, ...]] = {}  # names that resolved
        self.dates: dict[tuple[object, object], date | None] = {}  # (cell, ISO twin) that read cleanly

    def label(self, column: int) -> str:
        title = self.header.titles.get(column)
        return f"{column_letter(column)} ({title})" if title else column_letter(column)

    def problem(self, name: str | None, message: str) -> None:
        column = self.header.column_of(name) if name else None
        label = None if column is None else self.label(column)
        if (self.row, label) not in self.reported:  # one message per cell: the reader's says why
            self.problems.append(RowProblem(self.row, label, message))
        self.failed = True

    def cell(self, name: str, iso: bool = False) -> object:
        return (self.iso_cells if iso else self.cells).get(name)

    def take(self, name: str, parse: Callable[[object], object]) -> object:
        try:
            return parse(self.cell(name))
        except CellError as exc:
            self.problem(name, str(exc))
            return None

    def date_of(self, name: str) -> date | None:
        """The date of a BE text column, checked against its ISO twin when the file has both;
        remembered for a pair of text or date cells that gave no problem (dates repeat)."""
        key = (self.cell(name), self.cell(name, iso=True))
        if key in self.dates:
            return self.dates[key]
        failed, self.failed = self.failed, False
        found = self._date_of(name)
        if not self.failed and all(type(value) in _PLAIN_CELLS for value in key):
            self.dates[key] = found
        self.failed = self.failed or failed
        return found

    def _date_of(self, name: str) -> date | None:
        shown = self.take(name, date_value)
        assert shown is None or isinstance(shown, date)
        try:
            iso = date_value(self.cell(name, iso=True))
        except CellError as exc:
            self.problem(name, str(exc))
            return None
        if shown and iso and shown != iso:
            shown_text = long_date(shown, weekday=False, thai_digits=False)
            fix = "แก้ให้ตรงกัน หรือลบคอลัมน์ (ISO) ออกก่อนนำเข้า"
            self.problem(name, f"วันที่ไม่ตรงกับคอลัมน์ ISO ({shown_text} กับ {iso}) — {fix}")
        return shown or iso

    def read(self, row: int, values: Sequence[object]) -> PlannedDirective | PlannedUpdate | None:
        self.row, self.failed, self.existing = row, False, False
        self.cells, self.iso_cells = _cells(self.header.columns, values), _cells(self.header.iso_columns, values)
        issued = self.date_of("issued")
        if issued is None and is_blank(self.cell("issued")) and is_blank(self.cell("issued", iso=True)):
            self.problem("issued", "กรุณากรอกวันที่สั่งการ")
        numbered = self.take("number", number_value)
        data = self._directive(issued, numbered[0] if isinstance(numbered, tuple) else None)
        report = self._progress(data)
        year = fiscal_year(issued) if issued else None
        if year is not None and isinstance(numbered, tuple):
            self._check_number(year, *numbered)
        self._validate(lambda: directive_rules.validate_directive(data))
        if report is not None and issued is not None:
            self._validate(lambda: progress_rules.validate_report(report, issued))
        if self.failed or year is None:
            return None
        if self.existing and isinstance(numbered, tuple):
            columns = frozenset(self.header.columns) | frozenset(self.header.iso_columns)
            given = not (is_blank(self.cell("report_date")) and is_blank(self.cell("report_date", iso=True)))
            return PlannedUpdate(row, year, numbered[0], data, report, columns, given, self._state(report))
        reason = text_value(self.cell("no_due_reason"))
        if data.due_on is None and reason is None:
            self.undated.append(row)
        return PlannedDirective(row, data, year, self._state(report), report, reason)

    def _directive(self, issued: date | None, seq: int | None) -> DirectiveInput:
        return DirectiveInput(
            text=text_value(self.cell("text")) or "",
            issued_on=issued or date.min,
            assignments=self._assignments(),
            meeting_id=self.take("meeting", self.lookups.meeting),  # type: ignore[arg-type]
            dimension_id=self.take("dimension", self.lookups.dimension),  # type: ignore[arg-type]
            priority=self.take("priority", priority_value) or priority_value(None),  # type: ignore[arg-type]
            report_cycle=self.take("report_cycle", report_cycle_value) or report_cycle_value(None),  # type: ignore[arg-type]
            due_on=self.date_of("due"),
            extended_due_on=self.date_of("extended"),
            remarks=text_value(self.cell("remarks")),
            seq=seq,
        )

    def _assignments(self) -> tuple[AssignmentInput, ...]:
        """The row's assignees; a sheet repeats the same few names, so each set that resolved
        without a problem is remembered (a failing one is looked up again: its row is reported)."""
        agency, lead, support = (text_value(self.cell(name)) for name in ("agency", "lead", "support"))
        known = self.assigned.get((agency, lead, support))
        if known is not None:
            return known
        found: list[AssignmentInput] = []
        names = [(lead, "lead", AssignmentRole.LEAD)] if lead else []
        names += [(n, "support", AssignmentRole.SUPPORT) for n in names_value(self.cell("support"))]
        failed = False
        for name, column, role in names:
            try:
                target = self.lookups.assignee(name, agency if role is AssignmentRole.LEAD else None)
            except CellError as exc:
                self.problem(column, str(exc))
                failed = True
                continue
            found.append(AssignmentInput(target.position_id, target.org_unit_id, role))
        if not failed:
            self.assigned[(agency, lead, support)] = tuple(found)
        return tuple(found)

    def _progress(self, data: DirectiveInput) -> ProgressInput | None:
        if all(is_blank(self.cell(name)) for name in PROGRESS_FIELDS):
            return None
        percent = self.take("percent", percent_value)
        if is_blank(self.cell("percent")):
            self.problem("percent", "มีผลการดำเนินการแต่ไม่ได้ระบุร้อยละ")
        reported = self.date_of("report_date")
        if reported is None and is_blank(self.cell("report_date")) and is_blank(self.cell("report_date", iso=True)):
            reported = self.today
            self.defaulted_report_dates.append(self.row)
        if is_blank(self.cell("lead")) and is_blank(self.cell("support")):
            self.problem("lead", "มีรายงานผลการดำเนินการแต่ไม่ได้ระบุผู้รับผิดชอบหลัก")
        return ProgressInput(
            assignment_id=0,
            report_date=reported or self.today,
            percent=percent if isinstance(percent, int) else 0,
            result=text_value(self.cell("result")) or "",
            problems=text_value(self.cell("problems")),
            suggestions=text_value(self.cell("suggestions")),
            next_step=text_value(self.cell("next_step")),
        )

    def _validate(self, check: Callable[[], None]) -> None:
        try:
            check()
        except ValidationError as error:
            for problem in error.problems:
                name = _SERVICE_FIELDS.get(problem.field)
                if problem.field.startswith("assignments"):
                    name = "support" if self.header.column_of("support") is not None else "lead"
                self.problem(name, problem.message_th)

    def _check_number(self, year: int, seq: int, given_year: int | None) -> None:
        label = directive_number_text(seq, given_year or year, thai_digits=False)
        if given_year is not None and given_year != year:
            self.problem("number", f"เลขที่ {label} เป็นของปีงบประมาณ {given_year} แต่วันที่สั่งการอยู่ในปีงบประมาณ {year}")
        elif (year, seq) in self.seen:
            self.problem("number", f"เลขที่ {label} ซ้ำกับแถว {self.seen[(year, seq)]}")
        elif seq >= 1:
            self.seen[(year, seq)] = self.row
            self.existing = seq in self.lookups.used_numbers.get(year, ())

    def _state(self, report: ProgressInput | None) -> DirectiveState:
        state = state_value(self.cell("status"))
        if state is DirectiveState.CLOSED and report is not None and report.percent == 100:
            return DirectiveState.OPEN  # "done" already follows from the 100 % report
        return state

    def warn_defaults(self) -> None:
        day = long_date(self.today, weekday=False, thai_digits=False)
        if self.defaulted_report_dates:
            message = f"{len(self.defaulted_report_dates):,} แถวไม่มีวันที่รายงาน ใช้วันที่นำเข้า ({day}) แทน: แถว "
            self.problems.append(RowProblem(None, None, message + _rows_text(self.defaulted_report_dates), False))
        if self.undated:
            message = (
                f"{len(self.undated):,} แถวไม่มีกำหนดแล้วเสร็จและไม่ได้ระบุเหตุผลที่ไม่กำหนด "
                f"(คอลัมน์ '{FIELDS['no_due_reason'][0]}') — ข้อสั่งการเหล่านี้จะไม่เกินกำหนด: แถว "
            )
            self.problems.append(RowProblem(None, None, message + _rows_text(self.undated), False))


def _cells(columns: dict[str, int], values: Sequence[object]) -> dict[str, object]:
    width = len(values)
    return {name: values[index] for name, index in columns.items() if index < width}


def _rows_text(rows: list[int]) -> str:
    return ", ".join(str(r) for r in rows[:10]) + (" ..." if len(rows) > 10 else "")


def _number_blanks(planned: list[PlannedDirective], lookups: Lookups, seen: dict[tuple[int, int], int]) -> None:
    """Rows without a number get the next numbers of their fiscal year, in file order, after
    every number used in the database or given in the file (gaps are never filled)."""
    taken: dict[int, list[int]] = defaultdict(list)
    for year, seq in seen:
        taken[year].append(seq)
    last: dict[int, int] = {}
    for item in planned:
        if item.data.seq is None:
            year = item.fiscal_year
            if year not in last:
                last[year] = next_sequence([*lookups.used_numbers.get(year, ()), *taken[year]]) - 1
            last[year] += 1
            item.data = replace(item.data, seq=last[year])
