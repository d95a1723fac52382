"""The frame the one-sheet importers share (network reports, the integrated plan).

Each importer names its columns (a template header and other accepted headers per key) and says
how to apply one row; this module finds the header row, maps the columns, refuses a file without
the required ones with a Thai message, and applies every data row in one transaction that is
rolled back for a dry run or when any row is refused — so nothing is written unless every row is
valid, and a refused row's message names the column as the template does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from sbpac_desktop.services.spreadsheets.fields import CellError, header_key
from sbpac_desktop.services.spreadsheets.read import HEADER_SCAN_ROWS, UnreadableFile, read_grid
from sbpac_desktop.services.spreadsheets.row_plan import RowProblem
from sbpac_desktop.store.database import Database

T = TypeVar("T")


class RowOutcome(Protocol):
    @property
    def action(self) -> str: ...  # "refused" for a row that stops the whole import


R = TypeVar("R", bound=RowOutcome)


@dataclass(frozen=True)
class SheetColumns:
    titles: Mapping[str, tuple[str, tuple[str, ...]]]  # key: (header in the template, other accepted headers)
    required: tuple[str, ...]
    header_marks: frozenset[str]  # keys that must all be present for a row to be the header...
    header_minimum: int  # ...among at least this many known columns
    missing_header_hint: str = ""  # said after the list of required columns
    aliases: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        every = {header_key(h): key for key, (head, more) in self.titles.items() for h in (head, *more)}
        object.__setattr__(self, "aliases", every)

    def title(self, key: str) -> str:
        return self.titles[key][0]

    def key_of(self, value: object) -> str | None:
        return self.aliases.get(header_key(value.rstrip("* "))) if isinstance(value, str) else None

    def is_header(self, values: Iterable[object]) -> bool:
        keys = {self.key_of(v) for v in values}
        return self.header_marks <= keys and len(keys - {None}) >= self.header_minimum

    def cell(
        self, errors: list[RowProblem], row: int, key: str, parse: Callable[[object], T], value: object
    ) -> T | None:
        """`parse(value)`, or None with the cell's refusal added to `errors` under the column's title."""
        try:
            return parse(value)
        except CellError as exc:
            errors.append(RowProblem(row, self.title(key), str(exc)))
            return None

    def require_filled(self, errors: list[RowProblem], row: int, values: Iterable[tuple[str, object]]) -> None:
        """'กรุณากรอก…' for each empty required value whose column has no message yet."""
        for key, value in values:
            if value is None and not any(p.column == self.title(key) for p in errors):
                errors.append(RowProblem(row, self.title(key), f"กรุณากรอก{self.title(key)}"))


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel shows it
    cells: dict[str, object]  # by column key; None where the row is short
    notes: tuple[RowProblem, ...]  # the reader's refusals of this row's cells (a formula, a damaged value)


@dataclass(frozen=True)
class Sheet:
    source_th: str
    rows: tuple[SheetRow, ...]  # empty when `problems` refuse the file
    problems: tuple[RowProblem, ...]  # about the file or its header


def read_sheet(path: Path | str, columns: SheetColumns) -> Sheet:
    """The data rows under the header, or the Thai reasons the file cannot be imported."""
    try:
        grid = read_grid(Path(path), columns.is_header)
    except UnreadableFile as exc:
        return Sheet("-", (), (RowProblem(None, None, str(exc)),))
    problems = [RowProblem(None, None, n.message_th) for n in grid.notes if n.row is None and n.is_error]
    found = next(((n, v) for n, v in grid.rows[:HEADER_SCAN_ROWS] if columns.is_header(v)), None)
    if grid.too_many_rows:
        problems.append(RowProblem(None, None, "ไฟล์มีข้อมูลมากเกินไป — โปรดแบ่งไฟล์ก่อนนำเข้า"))
    if found is None:
        wanted = ", ".join(columns.title(k) for k in columns.required)
        hint = f" {columns.missing_header_hint}" if columns.missing_header_hint else ""
        problems.append(RowProblem(None, None, f"ไม่พบแถวหัวตาราง — ต้องมีคอลัมน์ {wanted}{hint}"))
    if problems or found is None:
        return Sheet(grid.source_th, (), tuple(problems))
    header_row, titles = found
    positions: dict[str, int] = {}
    for index, title in enumerate(titles):
        key = columns.key_of(title)
        if key is not None and key not in positions:
            positions[key] = index
    missing = [columns.title(k) for k in columns.required if k not in positions]
    data = [(n, v) for n, v in grid.rows if n > header_row]
    if missing or not data:
        message = (
            f"ไม่พบคอลัมน์ {', '.join(missing)} ในแถวหัวตาราง (แถว {header_row})"
            if missing
            else "ไม่มีข้อมูลใต้แถวหัวตาราง — ไม่มีรายการให้นำเข้า"
        )
        return Sheet(grid.source_th, (), (RowProblem(header_row, None, message),))
    notes = {(n.row, n.column): n.message_th for n in grid.notes if n.row is not None and n.is_error}
    rows = tuple(
        SheetRow(
            number,
            {k: values[i] if i < len(values) else None for k, i in positions.items()},
            tuple(RowProblem(number, None, notes[number, i]) for i in positions.values() if (number, i) in notes),
        )
        for number, values in data
    )
    return Sheet(grid.source_th, rows, ())


class _Discard(Exception):
    """Raised inside the unit of work to roll back a dry run or a file with a refused row."""


def apply_all_or_nothing(
    db: Database, rows: Iterable[SheetRow], apply: Callable[[Session, SheetRow], R], *, dry_run: bool
) -> tuple[list[R], bool]:
    """Every row's outcome, and whether they were committed (never for a dry run or a refusal)."""
    results: list[R] = []
    try:
        with db.unit_of_work() as session:
            results.extend(apply(session, row) for row in rows)
            if dry_run or any(r.action == "refused" for r in results):
                raise _Discard
        return results, True
    except _Discard:
        return results, False
