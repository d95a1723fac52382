"""domain.column_table: a table held as columns reads as the row tuples it stands for."""

from __future__ import annotations

import pytest

from sbpac_desktop.domain.column_table import ColumnTable, columns_of

ROWS = [("a", 1, None), ("b", 2, "x"), ("c", 3, "y")]


def test_reads_as_its_rows():
    table = ColumnTable([("a", "b", "c"), (1, 2, 3), (None, "x", "y")])
    assert len(table) == 3 and list(table) == ROWS and table == tuple(ROWS) and table == ROWS
    assert table[0] == ("a", 1, None) and table[-1] == ("c", 3, "y")
    assert list(table[1:]) == ROWS[1:] and isinstance(table[:-1], ColumnTable) and list(table[-1:]) == ROWS[-1:]
    assert table != ROWS[:2] and table != [("a", 1, None), ("b", 2, "x"), ("c", 3, "z")]
    with pytest.raises(IndexError):
        table[3]
    with pytest.raises(IndexError):
        table[-4]


def test_columns_are_handed_over_as_they_are():
    columns = [("a", "b", "c"), (1, 2, 3), (None, "x", "y")]
    table = ColumnTable(columns)
    assert list(columns_of(table)) == columns and columns_of(table)[0] is columns[0]
    assert [tuple(c) for c in columns_of(ROWS)] == columns


def test_empty_and_ragged():
    empty = ColumnTable([(), ()])
    assert len(empty) == 0 and list(empty) == [] and empty == () and list(empty[:-1]) == []
    with pytest.raises(ValueError):
        ColumnTable([(1, 2), (1,)])
