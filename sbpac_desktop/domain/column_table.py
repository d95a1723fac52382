"""A table held column by column that reads as a sequence of row tuples.

A service that builds a large table a column at a time (the tracker export maps each column
through a small dict of formatted values) and a writer that encodes it a column at a time
(reporting.table_columns) would otherwise meet in the middle as 100,000 row tuples: built by
one side only to be taken apart by the other. A ColumnTable lets the writer take the columns
as they are; anything else sees ordinary rows, made when it asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

__all__ = ["ColumnTable", "columns_of"]


class ColumnTable(Sequence[tuple[object, ...]]):
    """Rows as columns: `columns[c][r]` is the cell of row r, column c. All columns have
    the same length (the number of rows)."""

    __slots__ = ("columns", "length")

    def __init__(self, columns: Sequence[Sequence[object]]) -> None:
        self.columns: tuple[Sequence[object], ...] = tuple(columns)
        lengths = set(map(len, self.columns))
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self.length = lengths.pop() if lengths else 0

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        return zip(*self.columns, strict=True)

    @overload
    def __getitem__(self, index: int) -> tuple[object, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> ColumnTable: ...

    def __getitem__(self, index: int | slice) -> tuple[object, ...] | ColumnTable:
        if isinstance(index, slice):
            return ColumnTable([column[index] for column in self.columns])
        if not -self.length <= index < self.length:
            raise IndexError("row index out of range")
        return tuple(column[index] for column in self.columns)

    def __eq__(self, other: object) -> bool:
        """Equal to any table or tuple of the same rows (a tuple of row tuples compares as it)."""
        if isinstance(other, ColumnTable | tuple | list):
            return len(self) == len(other) and all(map(tuple.__eq__, self, map(tuple, other)))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ColumnTable({len(self.columns)} columns, {self.length} rows)"


def columns_of(rows: Sequence[Sequence[object]]) -> Sequence[Sequence[object]]:
    """The columns of `rows` (all of one width): a ColumnTable's own, else a transpose."""
    if isinstance(rows, ColumnTable):
        return rows.columns
    return list(zip(*rows, strict=True))
