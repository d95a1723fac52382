"""A table's cells turned into file text column by column, each distinct value once.

An export repeats itself: 100,000 directives share a few thousand dates, statuses, units and
results. Writing them cell by cell (the csv module's per-character scan, or a Python call
per cell for .xlsx XML) cost most of a full export. Here each column's distinct values are
encoded once into a dict and the column is mapped through it with map(), which runs in C;
the rows are then put back together with str.join, in C too.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import chain, islice, repeat
from typing import Protocol, cast

from sbpac_desktop.domain.column_table import ColumnTable, columns_of

CSV_LINE_END = "\r\n"
_CSV_SPECIAL = re.compile('[,"\r\n]')  # what makes the csv module quote a field (QUOTE_MINIMAL)
_NONE = type(None)
# kinds of value no other kind equals (as numbers of different types can): a dict of a column's
# distinct values stands for every cell
_NON_NUMERIC = frozenset({str, _NONE, date, datetime})


def same_width(rows: Sequence[Sequence[object]]) -> bool:
    """Every row has as many cells as the first (a column transpose loses nothing)."""
    return isinstance(rows, ColumnTable) or len(set(map(len, rows))) <= 1


class Encoder(Protocol):
    def __call__(self, value: object) -> str: ...

    def table(self, uses: Mapping[object, int]) -> dict[object, str]:
        """The text of each value of `uses` (a column's distinct values, each with the number
        of its cells when the caller asked for it, else 1)."""
        ...


def encoded(column: Sequence[object], encoder: Encoder, *, counted: bool = False) -> Iterator[str]:
    """The text of every cell of `column`, each distinct value encoded once. Values of two
    numeric kinds in one column (1, 1.0 and True are one dict key) are encoded cell by cell."""
    kinds = set(map(type, column)) - {str, _NONE}
    if len(kinds) > 1:
        return map(encoder, column)
    uses = Counter(column) if counted else dict.fromkeys(column, 1)
    return map(encoder.table(uses).__getitem__, column)


def batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class CsvField:
    """A value as the csv module writes it inside a row (comma, double quote, CRLF, minimal
    quoting): plain text is itself, anything else is asked of the csv module, so the bytes
    are its own. `clean` runs first on text whose first character is in `clean_first` (the
    formula guard)."""

    def __init__(self, clean: Callable[[str], str], clean_first: frozenset[str]) -> None:
        self.clean, self.clean_first = clean, clean_first
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator=CSV_LINE_END)

    def __call__(self, value: object) -> str:
        if isinstance(value, str):
            value = self.clean(value)
            if _CSV_SPECIAL.search(value) is None:
                return value
        elif value is None:
            return ""
        elif value.__class__ is date:
            return value.isoformat()  # str(), as the csv module writes it: digits and '-' only
        self.buffer.seek(0)
        self.buffer.truncate()
        # a second, empty field: a row of one empty field would be written as '""'
        self.writer.writerow((value, None))
        return self.buffer.getvalue()[: -len("," + CSV_LINE_END)]

    def column(self, cells: Sequence[object]) -> Iterable[str]:
        """The text of every cell of a column. Most texts are written as they are: only the
        other distinct values are encoded (by __call__), and the column is mapped through those
        alone (`changed.get(cell, cell)`); a column of plain texts is its own text."""
        distinct = dict.fromkeys(cells)
        if not _NON_NUMERIC.issuperset(map(type, distinct)) and len(set(map(type, cells)) - {str, _NONE}) > 1:
            return map(self, cells)  # 1, 1.0 and True are one dict key: encoded cell by cell
        first, special = self.clean_first, _CSV_SPECIAL.search
        changed = {v: self(v) for v in distinct if v.__class__ is not str or v[:1] in first or special(v)}
        # texts left out of `changed` are their own text: the column is all str and None (-> '')
        return cast("Iterable[str]", map(changed.get, cells, cells) if changed else cells)


def csv_lines(rows: Sequence[Sequence[object]], field: CsvField, size: int) -> Iterator[str]:
    """The csv module's text of `rows` (all of one width), `size` rows per string: the cells
    and their separators as one stream, joined once per batch (no string per row)."""
    parts: list[Iterable[str]] = []
    for column in columns_of(rows):
        parts += (field.column(column), repeat(","))
    if not parts:
        return
    parts[-1] = repeat(CSV_LINE_END)
    stream = chain.from_iterable(zip(*parts, strict=False))  # the separators repeat without end
    while text := "".join(islice(stream, size * len(parts))):
        yield text
