"""Write a table (Thai headers, plain Python values) to .xlsx (xlsxwriter) or .csv (csv module).

Safety rules that hold for every file written here:
- No live formula ever reaches a file: a text cell that a spreadsheet would run as a
  formula (it starts with = + - @, a tab or a carriage return, or their full-width forms)
  gets a leading apostrophe, and xlsxwriter is told never to turn strings into formulas.
- The file appears whole or not at all: it is written to a temporary file in the target
  folder, flushed to disk and renamed over the target.
- CSV is UTF-8 with a byte-order mark, so Excel on Thai Windows opens it correctly.

Values: `date` becomes a real date cell in .xlsx (ISO text in .csv), `int` a number,
`str` text, None an empty cell.
"""

from __future__ import annotations

import csv
import gc
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sbpac_desktop.domain.errors import EXIT_OUTPUT, AppError
from sbpac_desktop.reporting import table_columns, xlsx_rows

FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")
ESCAPE = "'"
_NEEDS_ESCAPE = FORMULA_TRIGGERS | {ESCAPE}  # the first characters neutralize() changes
SUPPORTED_SUFFIXES = (".xlsx", ".csv")
CSV_ENCODING = "utf-8-sig"
DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH, DATE_WIDTH = 6, 60, 12
_CSV_BATCH = 2_000  # rows per write
_WIDTH_SAMPLE = 2000  # rows looked at to size a column; enough for a stable width, fast on 50k rows


class OutputFileError(AppError):
    """The output file cannot be written where the user asked (folder missing, read-only, ...)."""

    exit_code = EXIT_OUTPUT  # was 1, which `check` also uses; same code as an unwritable PDF


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    rows: int
    size: int


def neutralize(text: str) -> str:
    """'=1+1' -> "'=1+1": shown as typed, never run. An existing leading apostrophe is doubled
    so that the importer's single-apostrophe strip gives back exactly the stored text."""
    if text and (text[0] in FORMULA_TRIGGERS or text[0] == ESCAPE):
        return ESCAPE + text
    return text


def _safe(value: object) -> object:
    return neutralize(value) if isinstance(value, str) else value


def display_width(text: str) -> int:
    """Characters that take horizontal room: Thai vowel and tone marks above/below take none."""
    longest = max(text.split("\n"), key=len, default="")
    return sum(1 for ch in longest if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn")


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[int]:
    widths = []
    for index, header in enumerate(headers):
        sample = [row[index] for row in rows[:_WIDTH_SAMPLE] if row[index] is not None]
        if sample and all(isinstance(v, date) for v in sample):
            content = DATE_WIDTH
        else:
            content = 0
            for value in sample:  # stop at the widest a column gets: long texts wrap anyway
                content = max(content, _capped_width(str(value), MAX_WIDTH))
                if content >= MAX_WIDTH:
                    break
        wanted = max(display_width(header), content) + 2
        widths.append(min(max(wanted, MIN_WIDTH), MAX_WIDTH))
    return widths


def _capped_width(text: str, cap: int) -> int:
    """min(display_width(text), cap) without measuring all of a long text: a prefix of
    the longest line that is already `cap` wide settles it."""
    longest = max(text.split("\n"), key=len, default="")
    if len(longest) > 4 * cap and display_width(longest[: 4 * cap]) >= cap:
        return cap
    return min(display_width(longest), cap)


def safe_rows(rows: Sequence[Sequence[object]]) -> Sequence[Sequence[object]]:
    """`rows` with every text cell neutralised. Only the first character matters and it is
    rarely a trigger, so the cells are checked column by column (a transpose costs little)
    and only the rows holding such a cell are copied."""
    flagged: set[int] = set()
    for column in zip(*rows, strict=True):
        flagged.update(i for i, v in enumerate(column) if v.__class__ is str and v[:1] in _NEEDS_ESCAPE)
    if not flagged:
        return rows
    fixed = list(rows)
    for i in flagged:
        fixed[i] = tuple(_safe(v) for v in rows[i])
    return fixed


def write_table(
    path: Path | str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    sheet_name: str = "ข้อมูล",
    info: Sequence[tuple[str, str]] = (),
) -> WrittenFile:
    """Write `rows` under `headers` to `path` (.xlsx or .csv, chosen by the suffix).

    `info` (label, value) pairs go to a second sheet of an .xlsx (the view's filters and
    as-of date); a CSV holds the table only.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise OutputFileError(
            f"นามสกุลไฟล์ต้องเป็น .xlsx หรือ .csv (ได้รับ '{target.name}')",
            f"The output file must end in .xlsx or .csv (got '{target.name}')",
        )
    with _without_cycle_collection():
        if suffix == ".csv":
            _atomic_write(target, lambda tmp: _write_csv(headers, rows, tmp))
        else:
            titles = [neutralize(h) for h in headers]
            widths = column_widths(headers, rows)
            _atomic_write(target, lambda tmp: _write_xlsx(titles, rows, widths, tmp, sheet_name, info))
    return WrittenFile(target, len(rows), target.stat().st_size)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A large table's cell texts and row strings hold no reference cycles: Python's cycle
    collector would only walk them, several times per 100,000 rows."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _write_csv(headers: Sequence[str], rows: Sequence[Sequence[object]], tmp: Path) -> None:
    """None is an empty field, a date its ISO text, a number its digits; every text neutralised.
    The bytes are the csv module's (table_columns asks it for each distinct value once)."""
    with open(tmp, "w", encoding=CSV_ENCODING, newline="") as stream:
        writer = csv.writer(stream, lineterminator=table_columns.CSV_LINE_END)
        writer.writerow([neutralize(h) for h in headers])
        if len(headers) < 2 or not table_columns.same_width(rows):
            # one column (a row of one empty field is '""' there) or rows of several widths
            writer.writerows([[_safe(v) for v in row] for row in rows])
            return
        for text in table_columns.csv_lines(rows, table_columns.CsvField(neutralize, _NEEDS_ESCAPE), _CSV_BATCH):
            stream.write(text)


_XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
_HEADER_STYLE = {"bold": True, "border": 1, "align": "center", "valign": "top"}


def _write_xlsx(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: list[int],
    tmp: Path,
    sheet_name: str,
    info: Sequence[tuple[str, str]],
) -> None:
    """xlsxwriter writes the workbook with the header and the last data row (every row when the
    other rows hold a date and that row has neither a date nor an empty cell to name the date
    style); the rows in between are spliced in as XML afterwards (xlsx_rows: each distinct value of a column
    made into XML once, not one API call per cell), each cell in its column's style as the
    written sheet names it, so they wrap like xlsxwriter's own rows. Only xlsxwriter's public
    API is used. Dates are serial numbers under the date column's format: real date cells."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp), _XLSX_OPTIONS)
    splice, date_cell = len(rows) > 1, None
    try:
        sheet, date_format = _sheet(book, sheet_name, headers, len(rows), widths, freeze=True)
        if splice and any(isinstance(value, date) for row in rows[:-1] for value in row):
            date_cell = _date_cell(sheet, date_format, rows[-1], len(rows))
            splice = date_cell is not None  # else xlsxwriter writes every row itself
        if not splice:  # the rows the splice would have written, the same way
            _cells(sheet, date_format, safe_rows(rows[:-1]), 1, spliced_like=True)
        _cells(sheet, date_format, safe_rows(rows[-1:]), len(rows))
        if info:
            details = [("รายการ", "ค่า"), *info]
            extra = safe_rows(info)
            info_sheet, info_dates = _sheet(
                book, "ข้อมูลการส่งออก", details[0], len(extra), column_widths(details[0], list(info))
            )
            _cells(info_sheet, info_dates, extra, 1)
    finally:
        book.close()
    if splice:
        part = "xl/worksheets/sheet1.xml"
        written = xlsx_rows.sheet_xml(tmp, part)
        styles = xlsx_rows.column_styles(written)
        date_style = xlsx_rows.cell_style(written, date_cell) if date_cell else None
        del written
        chunks = xlsx_rows.row_chunks(rows[:-1], 2, styles, date_style, neutralize)
        xlsx_rows.splice_rows(tmp, part, len(rows) + 1, chunks)


def _sheet(
    book: Any,
    name: str,
    headers: Sequence[str],
    row_count: int,
    widths: list[int],
    *,
    freeze: bool = False,
) -> tuple[Any, Any]:
    """A sheet with its header, column widths and styles (wrapped when wide) for `row_count`
    rows; returns it with the date format its date cells use."""
    sheet = book.add_worksheet(name)
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width, wrap if width >= MAX_WIDTH else plain)
    if freeze:
        sheet.freeze_panes(1, 0)
    if widths:
        sheet.autofilter(0, 0, row_count, len(widths) - 1)
    header = book.add_format(_HEADER_STYLE)
    for col, title in enumerate(headers):
        sheet.write_string(0, col, title, header)
    return sheet, book.add_format({"num_format": DATE_FORMAT, "valign": "top"})


def _date_cell(sheet: Any, date_format: Any, last: Sequence[object], row: int) -> str | None:
    """A cell of the last row (`row`, 0-based) that will carry the date format, so the written
    sheet names the format's style for the spliced rows' dates: a date of that row, else one of
    its empty cells given the format (still empty, so the table keeps its size). A format gets
    its style index only when a written cell uses it. None when the row has neither, or nothing."""
    for column, value in enumerate(last):
        if isinstance(value, date):
            return f"{xlsx_rows.column_name(column)}{row + 1}"
    if all(value is None or value == "" for value in last):
        # written by write(), '' stays a blank too: a formatted blank would make this empty
        # last row a row of the sheet
        return None
    for column, value in enumerate(last):
        if value is None:
            sheet.write_blank(row, column, None, date_format)
            return f"{xlsx_rows.column_name(column)}{row + 1}"
    return None


def _cells(
    sheet: Any, date_format: Any, rows: Sequence[Sequence[object]], first: int, *, spliced_like: bool = False
) -> None:
    """`spliced_like`: text as the spliced rows have it (an empty text stays an empty text;
    `write` would leave the cell blank), for rows written here only when no splice is possible."""
    for r, row in enumerate(rows, start=first):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_number(r, c, xlsx_rows.excel_serial(value), date_format)
            elif spliced_like and isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write(r, c, value)


def _atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    folder = check_target(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f".tmp{target.suffix}", dir=folder)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        _flush_to_disk(tmp)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputFileError(
            f"เขียนไฟล์ {target} ไม่สำเร็จ ({exc.strerror or exc}) — ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือพื้นที่ดิสก์เต็ม",
            f"Could not write {target}: {exc}",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def check_target(target: Path) -> Path:
    """The folder `target` will be written in; a Thai OutputFileError when that cannot work."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFileError(
            f"ไม่พบโฟลเดอร์ {folder} — โปรดสร้างโฟลเดอร์ก่อน หรือเลือกที่บันทึกอื่น",
            f"Folder {folder} does not exist",
        )
    if target.is_dir():
        raise OutputFileError(f"{target} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{target} is a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _folder_error(folder, PermissionError())
    return folder


def _folder_error(folder: Path, exc: OSError) -> OutputFileError:
    if isinstance(exc, PermissionError):
        return OutputFileError(
            f"ไม่มีสิทธิ์เขียนไฟล์ในโฟลเดอร์ {folder} — โปรดเลือกโฟลเดอร์อื่น",
            f"No permission to write in {folder}",
        )
    return OutputFileError(f"สร้างไฟล์ในโฟลเดอร์ {folder} ไม่ได้ ({exc.strerror or exc})", f"Cannot write in {folder}")


def _flush_to_disk(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _mode_for(target: Path) -> int:
    """Keep the permissions of a file being replaced; a new file gets the usual rw-r--r--."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644
