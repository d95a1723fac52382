"""Fast .xlsx body: the sheet rows as OOXML text, spliced into a workbook xlsxwriter made.

xlsxwriter builds everything around the data (styles, column widths, frozen header,
autofilter, the second sheet) and writes the header row and the last data row itself.
The rows in between, 100,000 x 19 cells for a full export, cost ~12 µs a cell through
its per-cell API on this hardware; here each row is one f-string join, the same XML
xlsxwriter writes (inline strings, the same escapes), streamed into the copied zip.
"""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

MAX_TEXT = 32_767  # Excel's cell limit; xlsxwriter truncates the same way
_CHUNK_ROWS = 5_000
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 0 for every date from 1900-03-01 on
_BUGGY_UNTIL = date(1900, 3, 1)  # Excel counts a phantom 29 Feb 1900
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


def escape_text(text: str) -> str:
    """XML text the way Excel expects it: & < > escaped, control characters as _xHHHH_,
    and a literal '_xHHHH_' protected by escaping its underscore."""
    if _SPECIAL.search(text) is None:
        return text
    text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def excel_serial(value: date) -> float:
    """Days since Excel's epoch (with a day's fraction for a datetime)."""
    day = value.date() if isinstance(value, datetime) else value
    serial: float = (day - _EXCEL_EPOCH).days if day >= _BUGGY_UNTIL else (day - _EXCEL_EPOCH).days - 1
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        serial += seconds / 86_400
    return serial


def column_name(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class _CellXml:
    """Formats one cell; `date_style` is the xf index of the workbook's date format."""

    def __init__(self, columns: int, date_style: int) -> None:
        self.names = [column_name(c) for c in range(columns)]
        self.date_style = date_style
        self.serials: dict[date, str] = {}

    def text(self, ref: str, value: str, plain: bool = False) -> str:
        """`plain`: the caller knows the text needs no escaping."""
        if len(value) > MAX_TEXT:
            value, plain = value[:MAX_TEXT], False
        space = ' xml:space="preserve"' if value and (value[0].isspace() or value[-1].isspace()) else ""
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{value if plain else escape_text(value)}</t></is></c>'

    def cell(self, ref: str, value: object) -> str:
        kind = value.__class__
        if kind is str:
            return self.text(ref, value)  # type: ignore[arg-type]
        if kind is int:
            return f'<c r="{ref}"><v>{value}</v></c>'
        if kind is bool:
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
        if isinstance(value, date):
            serial = self.serials.get(value)
            if serial is None:
                serial = self.serials[value] = repr(excel_serial(value)).removesuffix(".0")
            return f'<c r="{ref}" s="{self.date_style}"><v>{serial}</v></c>'
        if isinstance(value, int | float):
            number = float(value)
            return f'<c r="{ref}"><v>{number!r}</v></c>' if math.isfinite(number) else ""
        return self.text(ref, str(value))

    def row(self, number: int, values: Sequence[object]) -> str:
        names, cell, text = self.names, self.cell, self.text
        # one search over the row's text joined decides whether any cell needs escaping (a
        # match that only spans two cells merely sends the row through escape_text, which is exact)
        plain = _SPECIAL.search("".join(v for v in values if v.__class__ is str)) is None
        body = "".join(
            (text(f"{names[c]}{number}", v, plain) if v.__class__ is str else cell(f"{names[c]}{number}", v))
            for c, v in enumerate(values)
            if v is not None
        )
        return f'<row r="{number}">{body}</row>'


def row_chunks(rows: Sequence[Sequence[object]], first: int, columns: int, date_style: int) -> Iterator[bytes]:
    """UTF-8 XML of `rows`, the first one being spreadsheet row `first` (1-based)."""
    cells = _CellXml(columns, date_style)
    for start in range(0, len(rows), _CHUNK_ROWS):
        chunk = rows[start : start + _CHUNK_ROWS]
        yield "".join(cells.row(first + start + i, r) for i, r in enumerate(chunk)).encode("utf-8")


def splice_rows(book_path: Path, sheet_part: str, before_row: int, chunks: Iterator[bytes]) -> None:
    """Insert `chunks` into `sheet_part` of the workbook just before `<row r="before_row"`."""
    marker = f'<row r="{before_row}"'.encode()
    spliced = book_path.with_name(book_path.name + ".rows")
    try:
        # level 1: the sheet XML is tens of MB and compresses well even so (level 6 took 3 s)
        packed = zipfile.ZipFile(spliced, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        with zipfile.ZipFile(book_path) as source, packed as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename != sheet_part:
                    target.writestr(item, data)
                    continue
                at = data.index(marker)
                with target.open(item.filename, "w", force_zip64=True) as part:
                    part.write(data[:at])
                    for chunk in chunks:
                        part.write(chunk)
                    part.write(data[at:])
        shutil.move(spliced, book_path)
    finally:
        spliced.unlink(missing_ok=True)
