"""Fast .xlsx body: the sheet rows as OOXML text, spliced into a workbook xlsxwriter made.

xlsxwriter builds everything around the data (styles, column widths, frozen header,
autofilter, the second sheet) through its public API and writes the header row and the last
data row itself. The rows in between, 100,000 x 19 cells for a full export, cost ~12 µs a cell
through its per-cell API on this hardware; here each column's distinct values are made into
the XML xlsxwriter writes (inline strings, the same escapes) once, each row is one join, and
the rows are streamed into the copied zip, in the styles the written sheet gives its columns.
"""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import count, repeat
from pathlib import Path

from sbpac_desktop.domain.column_table import columns_of
from sbpac_desktop.reporting import table_columns

MAX_TEXT = 32_767  # Excel's cell limit; xlsxwriter truncates the same way
_CHUNK_ROWS = 5_000
ROW_MARK = "\x00"  # stands for the row number in a cell's XML (never in the XML itself)
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
    """The XML of one column's cells with the row number left as `ROW_MARK` (each row fills
    its own in at once), every cell in the column's own style: the style xlsxwriter gave the
    column (`column_styles`), so the spliced rows wrap and align like the rows it wrote itself;
    a date in the date format's style (`cell_style`). Text is written inline, as xlsxwriter's
    constant_memory mode does."""

    def __init__(self, column: int, style: int | None, date_style: int | None, clean: Callable[[str], str]) -> None:
        cell = f'<c r="{column_name(column)}{ROW_MARK}"'
        self.ref = f'{cell} s="{style}"' if style is not None else cell
        self.date_ref = f'{cell} s="{date_style}"' if date_style is not None else cell
        self.clean = clean

    def __call__(self, value: object) -> str:
        ref, kind = self.ref, value.__class__
        if value is None:
            return ""
        if isinstance(value, str):
            return self.text(self.clean(value))
        if kind is int:
            return f"{ref}><v>{value}</v></c>"
        if kind is bool:
            return f'{ref} t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
        if isinstance(value, date):
            serial = repr(excel_serial(value)).removesuffix(".0")
            return f"{self.date_ref}><v>{serial}</v></c>"
        if isinstance(value, int | float):
            number = float(value)
            return f"{ref}><v>{number!r}</v></c>" if math.isfinite(number) else ""
        return self.text(str(value))

    def text(self, value: str) -> str:
        value = value[:MAX_TEXT]  # xlsxwriter truncates its own cells the same way
        space = ' xml:space="preserve"' if value and (value[0].isspace() or value[-1].isspace()) else ""
        return f'{self.ref} t="inlineStr"><is><t{space}>{escape_text(value)}</t></is></c>'

    def table(self, uses: Mapping[object, int]) -> dict[object, str]:
        return {value: self(value) for value in uses}


_COLUMN = re.compile(rb'<col min="(\d+)" max="(\d+)"[^>]*?\sstyle="(\d+)"')


def column_styles(sheet_xml: bytes) -> dict[int, int]:
    """Column index -> the style xlsxwriter wrote for it (`set_column` with a format), read from
    the sheet's <cols> (OOXML): a style's index is known only once the workbook is written."""
    head = sheet_xml[: sheet_xml.find(b"<sheetData")]
    styles: dict[int, int] = {}
    for first, last, style in _COLUMN.findall(head):
        for column in range(int(first) - 1, int(last)):
            styles[column] = int(style)
    return styles


def cell_style(sheet_xml: bytes, ref: str) -> int:
    """The style of the written cell `ref` ("C101"), or of the row `ref` ("102") when it is a row
    number: the row's own format."""
    if ref.isdigit():
        pattern = rb'<row r="' + ref.encode() + rb'"[^>]*? s="(\d+)"'
    else:
        pattern = rb'<c r="' + ref.encode() + rb'" s="(\d+)"'
    found = re.search(pattern, sheet_xml)
    if found is None:
        raise ValueError(f"no style for {ref} in the written sheet")
    return int(found.group(1))


def sheet_xml(book_path: Path, sheet_part: str) -> bytes:
    with zipfile.ZipFile(book_path) as book:
        return book.read(sheet_part)


def row_chunks(
    rows: Sequence[Sequence[object]],
    first: int,
    styles: Mapping[int, int],
    date_style: int | None,
    clean: Callable[[str], str],
) -> Iterator[bytes]:
    """UTF-8 XML of `rows` (padded to one width), the first one being spreadsheet row `first`,
    each column's cells in `styles[column]`, dates in `date_style` (None: there are none). The
    XML is made as the chunks are read."""
    if not table_columns.same_width(rows):
        width = max(map(len, rows), default=0)
        rows = [(*r, *(None,) * (width - len(r))) for r in rows]
    columns = [
        list(table_columns.encoded(column, _CellXml(c, styles.get(c), date_style, clean)))
        for c, column in enumerate(columns_of(rows))
    ]
    templates = map("".join, zip(repeat(f'<row r="{ROW_MARK}">'), *columns, repeat("</row>")))
    numbered = map(str.replace, templates, repeat(ROW_MARK), map(str, count(first)))
    return (("".join(batch)).encode("utf-8") for batch in table_columns.batches(numbered, _CHUNK_ROWS))


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
                # an empty last row has no <row> of its own: the rows then go before the end
                at = data.find(marker) if marker in data else data.index(b"</sheetData>")
                with target.open(item.filename, "w", force_zip64=True) as part:
                    part.write(data[:at])
                    for chunk in chunks:
                        part.write(chunk)
                    part.write(data[at:])
        shutil.move(spliced, book_path)
    finally:
        spliced.unlink(missing_ok=True)
