"""The cell values of one worksheet, read straight from its XML (the full reader's values).

openpyxl's read-only reader builds a dict and a cell object per cell; for a 10,000-row sheet
that was most of the import's reading time. This reads the same values with one ElementTree
pass over the sheet's ZIP member, giving what spreadsheets.read._value gives for openpyxl's
cells: text with Excel's _xHHHH_ escapes undone, percent-formatted numbers as "60%", dates as
`date`, times as ISO text. The number formats come from the workbook's styles part
(spreadsheets.xlsx_parts) and are classed by openpyxl's public format tests; the shared strings
are read as openpyxl's string-table reader reads them, the epoch is openpyxl's public `epoch` (no
private attribute of openpyxl, issue #17). Anything it does not expect (another XML namespace,
a rich-text layout it does not know) raises NotPlain and the caller reads the sheet with openpyxl
instead.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime, time
from typing import Any
from xml.etree.ElementTree import iterparse

from sbpac_desktop.services.spreadsheets.xlsx_parts import MAIN, cell_formats, shared_strings_part

_ROW, _CELL, _VALUE, _INLINE, _TEXT, _RUN, _SHARED = (MAIN + t for t in ("row", "c", "v", "is", "t", "r", "si"))
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class NotPlain(Exception):
    """The sheet uses something this reader leaves to openpyxl."""


def _column(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text) if "_x" in text else text


def _number(text: str) -> int | float:
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


class _Styles:
    """Which cell styles show dates, durations and percents, as openpyxl decides it for a cell
    (its public format tests on the same format codes), and the workbook's date epoch.

    A number in a style the workbook does not have, or whose custom format it does not define,
    is left to openpyxl (NotPlain): openpyxl refuses some of those and reads others its own way,
    and the fallback gives exactly that."""

    def __init__(self, archive: zipfile.ZipFile, epoch: datetime) -> None:
        from openpyxl.styles.numbers import (
            BUILTIN_FORMATS,
            BUILTIN_FORMATS_MAX_SIZE,
            is_date_format,
            is_timedelta_format,
        )

        self.epoch = epoch
        self.dates: set[int] = set()
        self.durations: set[int] = set()
        self.percents: set[int] = set()
        self.undefined: set[int] = set()
        formats = cell_formats(archive)
        self.count = len(formats) or 1  # without styles openpyxl keeps its one default style
        for index, (fid, code) in enumerate(formats):
            if code is None and fid >= BUILTIN_FORMATS_MAX_SIZE:
                self.undefined.add(index)
            fmt = code if code is not None else BUILTIN_FORMATS.get(fid)
            if is_date_format(fmt):
                self.dates.add(index)
            if is_timedelta_format(fmt):
                self.durations.add(index)
            if "%" in (fmt or ""):
                self.percents.add(index)


def shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The workbook's shared strings as openpyxl's string-table reader gives them to its cells: a
    string's plain text then its runs' texts (phonetic guides left out), with the _x005F_ escape
    dropped as openpyxl drops it. Read here in one ElementTree pass: that reader builds an object
    per string (0.13-0.18 s against 0.03-0.04 s for the 10,118 strings of a 10,000-row sheet),
    and a read-only openpyxl workbook keeps its strings on each sheet, privately (its public
    `shared_strings` stays empty)."""
    part = shared_strings_part(archive)
    if part is None:
        return []
    strings = []
    with archive.open(part) as source:
        for _event, element in iterparse(source):
            if element.tag != _SHARED:
                continue
            plain, runs = None, []
            for child in element:
                if child.tag == _TEXT:
                    plain = child.text  # openpyxl keeps the last
                elif child.tag == _RUN:
                    texts = child.findall(_TEXT)
                    if texts and texts[-1].text is not None:
                        runs.append(texts[-1].text)
            strings.append(((plain or "") + "".join(runs)).replace("x005F_", ""))
            element.clear()
    return strings


def sheet_values(
    archive: zipfile.ZipFile, member: str, epoch: datetime, strings: Sequence[object]
) -> Iterator[tuple[object, ...]]:
    """Row 1, 2, … of the sheet whose XML is `member` as value tuples (a missing row is an empty
    tuple); `epoch` is the workbook's (openpyxl's public `epoch`), `strings` its shared_strings()."""
    styles = _Styles(archive, epoch)
    expected = 1
    with archive.open(member) as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if expected == 1 and tag.endswith("worksheet") and tag != MAIN + "worksheet":
                    raise NotPlain(tag)  # strict OOXML or another dialect
                continue
            if tag == _ROW:
                number = int(element.get("r") or expected)
                while expected < number:
                    expected += 1
                    yield ()
                yield _row_values(element, styles, strings)
                expected = number + 1
                element.clear()


def _row_values(row: Any, styles: _Styles, strings: Any) -> tuple[object, ...]:
    found: dict[int, object] = {}
    column = 0
    for cell in row:
        if cell.tag != _CELL:
            continue
        ref = cell.get("r")
        if ref:
            match = _REF.match(ref)
            if match is None:
                raise NotPlain(ref)
            column = _column(match[1])
        else:
            column += 1
        found[column] = _cell_value(cell, styles, strings)
    if not found:
        return ()
    values: list[object] = [None] * max(found)
    for index, value in found.items():
        values[index - 1] = value
    return tuple(values)


def _cell_value(cell: Any, styles: _Styles, strings: Any) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        holder = cell.find(_INLINE)
        if holder is None:
            return None
        parts = [t.text or "" for t in holder.findall(_TEXT)]
        parts += [t.text or "" for run in holder.findall(_RUN) for t in run.findall(_TEXT)]
        return _unescape("".join(parts))
    raw = cell.findtext(_VALUE) or None
    if raw is None:
        return None
    if kind == "n":
        style = int(cell.get("s") or 0)
        value = _number(raw)
        if style in styles.dates:
            return _date(value, style, styles)
        if style in styles.percents:
            return f"{value * 100:g}%"
        if style >= styles.count or style in styles.undefined:
            raise NotPlain(f"style {style}")
        return value
    if kind == "s":
        text = strings[int(raw)]
        return _unescape(text) if isinstance(text, str) else text
    if kind == "b":
        return bool(int(raw))
    if kind in ("str", "e"):
        return _unescape(raw)
    raise NotPlain(kind)  # 'd' (ISO dates) and anything newer: openpyxl knows them


def _date(value: float, style: int, styles: _Styles) -> object:
    from openpyxl.utils.datetime import from_excel

    try:
        converted = from_excel(value, styles.epoch, timedelta=style in styles.durations)
    except (OverflowError, ValueError):
        return "#VALUE!"
    if isinstance(converted, datetime):
        return converted.date()
    if isinstance(converted, time):
        return converted.isoformat()
    return converted
