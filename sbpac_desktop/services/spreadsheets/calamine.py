"""Read a plain .xlsx sheet with python-calamine (the importers' fast path).

calamine parses the workbook in Rust, about ten times faster than the ElementTree pass of
spreadsheets.xlsx_scan and without openpyxl's import cost. It does not say which cells hold
a formula or which numbers are shown as percents, and the importers must know both (a
formula without a saved value is an error, a percent-formatted 0.6 is the "60%" the clerk
sees). So this path answers only for a sheet that has neither, checked in the sheet's own
XML and the workbook's styles; for anything else, or any doubt (a damaged ZIP, strict
OOXML, ISO-dated cells), it answers None and spreadsheets.read reads the file the full way,
which also gives the Thai message for a file it cannot open.

Values come out as spreadsheets.read's full reader gives them: empty cells None, whole
numbers int, date cells `date`, time cells ISO text, trailing empty cells dropped. Texts
with _xHHHH_ escapes or empty texts go to the full reader too (calamine reads them otherwise).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from sbpac_desktop.services.spreadsheets.xlsx_parts import cell_formats, relationships, sheet_parts, workbook_part

BUILTIN_PERCENT_FORMATS = frozenset({9, 10})  # 0% and 0.00%
_PREFIXED_ROOT = re.compile(rb"<\w+:worksheet[\s>]")
_EMPTY_TEXT = re.compile(rb"<t(?:\s[^>]*)?(?:/>|></t>)")
_INT_LIMIT = 2**53

Values = tuple[object, ...]
HeaderTest = Callable[[Sequence[object]], bool]


@dataclass
class PlainSheet:
    title: str
    rows: list[Values] = field(default_factory=list)  # row 1, 2, … (a blank row is all None or empty)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col0, max_row, max_col0


def read_plain_sheet(
    path: Path, looks_like_header: HeaderTest, max_xml_bytes: int, scan_rows: int
) -> PlainSheet | None:
    """The first worksheet whose top rows hold a header (else the first worksheet), or None
    when the sheet needs the full reader (see the module's docstring)."""
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum  # imported on use, like openpyxl

        with zipfile.ZipFile(path) as archive:
            members = {p.name: p.member for p in sheet_parts(archive) if p.kind == "worksheet"}
            book = CalamineWorkbook.from_path(str(path))
            try:
                worksheet = SheetTypeEnum.WorkSheet
                return _read(archive, book, members, (looks_like_header, scan_rows, worksheet), max_xml_bytes)
            finally:
                book.close()
    except Exception:  # any doubt: the full reader decides (and words the message)
        return None


def _read(archive, book, members, header, max_xml_bytes) -> PlainSheet | None:  # type: ignore[no-untyped-def]
    looks_like_header, scan_rows, worksheet = header
    names = [m.name for m in book.sheets_metadata if m.typ == worksheet]
    if not names or any(name not in members for name in names):
        return None
    sheets = {}  # calamine parses a sheet each time it is asked for it
    for name in names:
        sheets[name] = book.get_sheet_by_name(name)
        if _has_header(sheets[name], looks_like_header, scan_rows):
            chosen = name
            break
    else:
        chosen = names[0]
    member = members[chosen]
    if archive.getinfo(member).file_size > max_xml_bytes:
        return None  # the full reader refuses it with its message
    xml = archive.read(member)
    if _needs_full_reader(archive, xml):
        return None
    del xml
    sheet = sheets[chosen]
    merged = [(r0 + 1, c0, r1 + 1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or [] if (r0, c0) != (r1, c1)]
    rows = [_values(row) for row in sheet.to_python(skip_empty_area=False)]
    return PlainSheet(chosen, rows, merged)


def _needs_full_reader(archive: zipfile.ZipFile, xml: bytes) -> bool:
    """Formulas (<f>), ISO-dated cells (t="d"), percent-formatted cells, or element names with a
    prefix (which the plain byte tests would miss): plain `in` tests, a pass over the bytes each."""
    if b"<f" in xml or b't="d"' in xml or _PREFIXED_ROOT.search(xml[:4096]) or _odd_text(xml):
        return True
    strings = [m for kind, m in relationships(archive, workbook_part(archive)).values() if kind == "sharedStrings"]
    if strings and _odd_text(archive.read(strings[0])):
        return True
    return any(b' s="%d"' % index in xml for index in _percent_styles(archive))


def _odd_text(xml: bytes) -> bool:
    """Texts calamine reads otherwise than openpyxl: an _xHHHH_ escape (calamine leaves it in
    shared strings) and an empty text (calamine gives it as an empty cell, openpyxl as '')."""
    return b"_x" in xml or _EMPTY_TEXT.search(xml) is not None


def _has_header(sheet, looks_like_header: HeaderTest, scan_rows: int) -> bool:  # type: ignore[no-untyped-def]
    top = sheet.to_python(skip_empty_area=False, nrows=scan_rows)
    return any(looks_like_header(_values(row)) for row in top)


def _value(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < _INT_LIMIT else value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, time):
        return value.isoformat()
    return value


def _values(row: list[object]) -> Values:
    values = [(v or None) if type(v) is str else _value(v) for v in row]  # texts, most cells, inline
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles whose number format shows a percent (the code the workbook
    defines for the id, else the built-in one: 0% and 0.00% are the only built-in percents)."""
    return {
        index
        for index, (fid, code) in enumerate(cell_formats(archive))
        if ("%" in code if code is not None else fid in BUILTIN_PERCENT_FORMATS)
    }


__all__ = ["PlainSheet", "read_plain_sheet"]
