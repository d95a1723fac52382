"""Read a spreadsheet file an office keeps into a grid of raw cell values.

The format is decided by the bytes, not the file name: an .xlsx is a ZIP, an old .xls
or a PDF is recognised and refused with a clear message, anything else must decode as
text (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text", else Windows-874 /
TIS-620) and is read as CSV. Problems a clerk must fix in the file (a merged cell, a
formula with no saved value) are returned as notes with the row number Excel shows.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from sbpac_desktop.services.spreadsheets.calamine import read_plain_sheet
from sbpac_desktop.services.spreadsheets.xlsx_parts import sheet_parts
from sbpac_desktop.services.spreadsheets.xlsx_scan import NotPlain, shared_strings, sheet_values

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_SHEET_XML_BYTES = 1024 * 1024 * 1024  # guards against a ZIP bomb posing as a workbook
MAX_DATA_ROWS = 100_000
EMPTY_RUN_LIMIT = 10_000  # stop after this many blank rows in a row (formatting down to row 1,048,576)
HEADER_SCAN_ROWS = 30
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"})

Values = tuple[object, ...]
HeaderTest = Callable[[Sequence[object]], bool]


class UnreadableFile(Exception):
    """The file is not a spreadsheet this importer can read; the message is Thai."""


@dataclass(frozen=True)
class CellNote:
    row: int | None  # as Excel shows it (1-based); None for the whole file
    column: int | None  # 0-based
    message_th: str
    is_error: bool = True


@dataclass
class Grid:
    source_th: str  # "Excel (.xlsx) แผ่นงาน 'ข้อสั่งการ'" / "CSV (UTF-8)" ...
    rows: list[tuple[int, Values]] = field(default_factory=list)  # (row number, values), blank rows left out
    blank_rows: list[int] = field(default_factory=list)
    notes: list[CellNote] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col0, max_row, max_col0
    too_many_rows: bool = False


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_grid(path: Path, looks_like_header: HeaderTest) -> Grid:
    """Read the first sheet whose top rows hold a recognisable header (else the first sheet)."""
    head = _head(path)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, looks_like_header)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile(
            "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือเอกสาร Office รุ่นเก่า — โปรดเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv"
        )
    if head.startswith(b"%PDF"):
        raise UnreadableFile("ไฟล์นี้เป็น PDF ไม่ใช่ตารางคำนวณ — โปรดใช้ไฟล์ .xlsx หรือ .csv")
    text, encoding = _decode(path.read_bytes())
    grid = _read_csv(text, encoding)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        # Renamed or saved as text: read as the CSV it is, but say so (its rows look odd otherwise)
        note = f"ไฟล์นามสกุล {path.suffix} แต่เนื้อในเป็นข้อความ ไม่ใช่ Excel — อ่านเป็น CSV"
        grid.notes.insert(0, CellNote(None, None, note, is_error=False))
    return grid


def _head(path: Path) -> bytes:
    try:
        found, folder = path.exists(), path.is_dir()
        size = path.stat().st_size if found else 0
    except OSError as exc:  # a name over 255 bytes raises (ENAMETOOLONG) instead of answering False
        raise UnreadableFile(f"เปิดไฟล์ {path.name[:60]}… ไม่ได้ ({exc.strerror or exc})") from exc
    if not found:
        raise UnreadableFile(f"ไม่พบไฟล์ {path}")
    if folder:
        raise UnreadableFile(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์")
    if size == 0:
        raise UnreadableFile("ไฟล์ว่างเปล่า (0 ไบต์) — ไม่มีข้อมูลให้นำเข้า")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB — โปรดแบ่งไฟล์ก่อนนำเข้า")
    try:
        with path.open("rb") as stream:
            return stream.read(8)
    except OSError as exc:
        raise UnreadableFile(f"เปิดไฟล์ไม่ได้ ({exc.strerror or exc})") from exc


# --- CSV ---------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-16 (BOM), UTF-8 (BOM optional), then Windows-874, the Thai Windows code page.

    A closed list on purpose, not a detector: a Thai office's CSV is one of these three, and
    charset-normalizer 3.5, tried on a two-line Windows-874 file (ชื่อ,หน่วย / นายสมชาย,กอง), answered
    cp932 (Japanese) and would have imported mojibake; the order here cannot guess wrong that way."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "UTF-16")]
    else:
        candidates = [("utf-8-sig", "UTF-8"), ("cp874", "Windows-874 / TIS-620")]
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, label
        break
    raise UnreadableFile("ไฟล์นี้ไม่ใช่ตารางคำนวณ (.xlsx หรือ .csv) — อ่านเป็นข้อความไม่ได้")


def _looks_like_text(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    return "\x00" not in sample and controls <= len(sample) // 100


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon (Excel in a Thai or European locale), by csv.Sniffer over the first
    lines — quoted Thai text with commas inside does not fool it; a one-column file is a comma.
    The sniff is checked on the header line: apostrophes in a cell ("''") can make the Sniffer
    take ' for the quote and guess a delimiter that leaves the header in one piece, while another
    one splits it (Excel always quotes with ")."""
    sample = text.lstrip("\ufeff")[:16384]
    widths = _header_widths(sample)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:  # nothing consistent to go on: the header line decides
        sniffed = None
    if sniffed is not None and (widths[sniffed] > 1 or max(widths.values()) == 1):
        return sniffed
    best = max(widths, key=lambda sep: widths[sep])  # ties: the comma, listed first
    return best if widths[best] > 1 else ","


def _header_widths(sample: str) -> dict[str, int]:
    """How many columns the first record has with each delimiter, read with Excel's quoting."""
    widths = {}
    for sep in (",", "\t", ";"):
        try:
            widths[sep] = len(next(csv.reader(io.StringIO(sample, newline=""), delimiter=sep), []))
        except csv.Error:
            widths[sep] = 0
    return widths


def _read_csv(text: str, encoding: str) -> Grid:
    grid = Grid(f"CSV ({encoding})")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_delimiter(text))
    try:
        _collect(grid, enumerate(((tuple(r), ()) for r in reader), start=1))
    except csv.Error as exc:
        raise UnreadableFile(f"อ่านไฟล์ CSV ไม่ได้ ({exc})") from exc
    return grid


_STOPPED = "หยุดอ่านที่แถว {row:,} เพราะพบแถวว่างติดต่อกัน {limit:,} แถว — ข้อมูลหลังจากนั้น (ถ้ามี) ไม่ถูกอ่าน"


def _collect(grid: Grid, numbered: Iterable[tuple[int, tuple[Values, Sequence[CellNote]]]]) -> None:
    """Keep non-blank rows with their notes; stop at the row cap or after a long blank run."""
    blanks: list[int] = []
    for number, (values, notes) in numbered:
        if all(is_blank(v) for v in values):
            blanks.append(number)
            if len(blanks) >= EMPTY_RUN_LIMIT:
                grid.notes.append(CellNote(None, None, _STOPPED.format(row=number, limit=EMPTY_RUN_LIMIT), False))
                return
            continue
        if len(grid.rows) >= MAX_DATA_ROWS:
            grid.too_many_rows = True
            return
        grid.blank_rows += blanks
        blanks = []
        grid.rows.append((number, values))
        grid.notes.extend(notes)


# --- XLSX --------------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _read_xlsx(path: Path, looks_like_header: HeaderTest) -> Grid:
    plain = read_plain_sheet(path, looks_like_header, MAX_SHEET_XML_BYTES, HEADER_SCAN_ROWS)
    if plain is not None:  # no formulas, no percent formats: calamine's values are the whole story
        grid = Grid(f"Excel (.xlsx) แผ่นงาน '{plain.title}'", merged=plain.merged)
        _collect(grid, ((number, (row, ())) for number, row in enumerate(plain.rows, start=1)))
        return grid
    return read_xlsx_full(path, looks_like_header)


_DAMAGED = "อ่านไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์อาจเสียหาย"


def read_xlsx_full(path: Path, looks_like_header: HeaderTest) -> Grid:
    """openpyxl opens the workbook (formula cells, number formats, the messages for a damaged
    file) and picks the sheet; the values come from spreadsheets.xlsx_scan, or openpyxl itself
    for unusual sheets. The sheet's XML is found with spreadsheets.xlsx_parts (openpyxl keeps
    its location private)."""
    try:
        import openpyxl  # imported on use: the CLI and GUI start faster without it

        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign ZIP
        raise UnreadableFile("เปิดไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์อาจเสียหาย หรือเป็นไฟล์ ZIP/Word ที่ไม่ใช่ตารางคำนวณ") from exc
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_sheet(path, book, archive, _pick_sheet(book, looks_like_header))
    except UnreadableFile:
        raise
    except Exception as exc:
        raise UnreadableFile(_DAMAGED) from exc
    finally:
        book.close()


def _read_sheet(path: Path, book, archive: zipfile.ZipFile, sheet) -> Grid:  # type: ignore[no-untyped-def]
    member = _sheet_member(archive, sheet.title)
    xml = _sheet_xml(archive, member)
    grid = Grid(f"Excel (.xlsx) แผ่นงาน '{sheet.title}'")
    grid.merged = [_bounds(ref) for ref in _MERGE.findall(xml) if b":" in ref]
    formulas = _formula_cells(path, sheet.title) if _FORMULA.search(xml) else set()
    del xml
    try:
        values = enumerate(sheet_values(archive, member, book.epoch, shared_strings(archive)), start=1)
        _collect(grid, ((number, (row, _notes(number, row, formulas))) for number, row in values))
    except (NotPlain, ValueError, KeyError, IndexError):
        grid.rows, grid.blank_rows, grid.notes, grid.too_many_rows = [], [], [], False
        sheet.reset_dimensions()  # openpyxl reads what the fast path leaves to it
        rows = enumerate(sheet.iter_rows(), start=1)
        _collect(grid, ((number, _row(number, cells, formulas)) for number, cells in rows))
    return grid


def _pick_sheet(book, looks_like_header: HeaderTest):  # type: ignore[no-untyped-def]
    sheets = [s for s in book.worksheets if hasattr(s, "iter_rows")]
    if not sheets:
        raise UnreadableFile("ไฟล์ Excel นี้ไม่มีแผ่นงานที่เป็นตาราง")
    for sheet in sheets:
        top = sheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True)
        if any(looks_like_header(values) for values in top):
            return sheet
    return sheets[0]


def _sheet_member(archive: zipfile.ZipFile, title: str) -> str:
    """The ZIP member of the sheet openpyxl opened as `title`: openpyxl opens every sheet of the
    workbook but a chartsheet, when its member exists, and takes its name as the title."""
    names = set(archive.namelist())
    for part in sheet_parts(archive):
        if part.name == title and part.kind != "chartsheet" and part.member in names:
            return part.member
    raise UnreadableFile(_DAMAGED)  # openpyxl read the same parts: only a file changed meanwhile gets here


def _sheet_xml(archive: zipfile.ZipFile, member: str) -> bytes:
    """The worksheet's XML, for what read-only openpyxl does not report (merged cells, formulas)."""
    if archive.getinfo(member).file_size > MAX_SHEET_XML_BYTES:
        raise UnreadableFile("แผ่นงานในไฟล์ Excel ใหญ่เกินไป — โปรดแบ่งไฟล์ก่อนนำเข้า")
    return archive.read(member)


def _bounds(ref: bytes) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
    if min_col is None or min_row is None or max_col is None or max_row is None:  # "A:A" or "1:1"
        raise UnreadableFile("ขอบเขตของแผ่นงานในไฟล์ Excel ไม่ถูกต้อง — โปรดเปิดใน Excel แล้วบันทึกใหม่")
    return min_row, min_col - 1, max_row, max_col - 1


def _formula_cells(path: Path, title: str) -> set[tuple[int, int]]:
    """(row, col0) of formula cells: a second pass, taken only when the sheet has formulas."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        sheet = book[title]
        sheet.reset_dimensions()
        return {
            (number, index)
            for number, cells in enumerate(sheet.iter_rows(), start=1)
            for index, cell in enumerate(cells)
            if getattr(cell, "data_type", None) == "f"
        }
    finally:
        book.close()


def _row(number: int, cells: Sequence, formulas: set[tuple[int, int]]) -> tuple[Values, list[CellNote]]:  # type: ignore[type-arg]
    values = tuple(_value(cell) for cell in cells)
    return values, list(_formula_notes(number, values, formulas)) if formulas else []


def _notes(number: int, values: Values, formulas: set[tuple[int, int]]) -> list[CellNote]:
    return list(_formula_notes(number, values, formulas)) if formulas else []


def _formula_notes(number: int, values: Values, formulas: set[tuple[int, int]]) -> Iterator[CellNote]:
    for index, value in enumerate(values):
        if (number, index) not in formulas:
            continue
        if value is None:
            yield CellNote(
                number,
                index,
                "เซลล์นี้เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ — เปิดไฟล์ใน Excel แล้วบันทึกใหม่ หรือคัดลอกแล้ววางแบบค่า (Paste Values)",
            )
        elif isinstance(value, str) and value.strip() in EXCEL_ERRORS:
            yield CellNote(number, index, f"สูตรในเซลล์นี้ให้ผลเป็นข้อผิดพลาด {value.strip()}")
        else:
            yield CellNote(number, index, "เซลล์นี้เป็นสูตร — ใช้ค่าที่คำนวณไว้ในไฟล์", is_error=False)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape_ooxml(text: str) -> str:
    """'a_x000D_b' -> 'a\rb': control characters as Excel stores them (openpyxl leaves them escaped)."""
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text) if "_x" in text else text


def _value(cell) -> object:  # type: ignore[no-untyped-def]
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return _unescape_ooxml(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return f"{value * 100:g}%"  # a percent-formatted 0.6 is what the clerk sees: 60%
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, time):
        return value.isoformat()
    return value
