"""Write a table (Thai headers, plain Python values) to .xlsx or .csv through pandas.

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

import os
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas costs ~0.7 s to import: load it only when a file is written
    import pandas as pd

from sbpac_desktop.domain.errors import AppError

FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")
ESCAPE = "'"
SUPPORTED_SUFFIXES = (".xlsx", ".csv")
CSV_ENCODING = "utf-8-sig"
DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH, DATE_WIDTH = 6, 60, 12
_WIDTH_SAMPLE = 2000  # rows looked at to size a column; enough for a stable width, fast on 50k rows


class OutputFileError(AppError):
    """The output file cannot be written where the user asked (folder missing, read-only, ...)."""

    exit_code = 1


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
            content = max((display_width(str(v)) for v in sample), default=0)
        wanted = max(display_width(header), content) + 2
        widths.append(min(max(wanted, MIN_WIDTH), MAX_WIDTH))
    return widths


def frame(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    """An object-typed frame: ints stay ints, dates stay dates, None stays empty."""
    safe_rows = [[_safe(v) for v in row] for row in rows]
    import pandas as pd

    return pd.DataFrame(safe_rows, columns=[neutralize(h) for h in headers], dtype=object)


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
    data = frame(headers, rows)
    if suffix == ".csv":
        _atomic_write(target, lambda tmp: _write_csv(data, tmp))
    else:
        widths = column_widths(headers, rows)
        _atomic_write(target, lambda tmp: _write_xlsx(data, widths, tmp, sheet_name, info))
    return WrittenFile(target, len(rows), target.stat().st_size)


def _write_csv(data: pd.DataFrame, tmp: Path) -> None:
    data.to_csv(tmp, index=False, encoding=CSV_ENCODING, lineterminator="\r\n")


_XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def _write_xlsx(
    data: pd.DataFrame, widths: list[int], tmp: Path, sheet_name: str, info: Sequence[tuple[str, str]]
) -> None:
    import pandas as pd

    with pd.ExcelWriter(
        tmp, engine="xlsxwriter", date_format=DATE_FORMAT, engine_kwargs={"options": _XLSX_OPTIONS}
    ) as writer:
        data.to_excel(writer, sheet_name=sheet_name, index=False, freeze_panes=(1, 0))
        _format_table(writer, sheet_name, widths, len(data))
        if info:
            details = frame(["รายการ", "ค่า"], [list(pair) for pair in info])
            details.to_excel(writer, sheet_name="ข้อมูลการส่งออก", index=False)
            _format_table(writer, "ข้อมูลการส่งออก", column_widths(["รายการ", "ค่า"], list(info)), len(details))


def _format_table(writer: pd.ExcelWriter, sheet_name: str, widths: list[int], row_count: int) -> None:
    book, sheet = writer.book, writer.sheets[sheet_name]
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width, wrap if width >= MAX_WIDTH else plain)
    if widths:
        sheet.autofilter(0, 0, row_count, len(widths) - 1)


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
