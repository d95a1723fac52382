"""Bulk loading for large generated data sets: rows go in with one executemany per chunk
(SQLite) or PostgreSQL COPY through psycopg, inside the caller's transaction, each COPY followed
by an ANALYZE of its table (see `_copy`).

The search index is suspended while loading and rebuilt once at the end (`search_index_
suspended`): per-row FTS triggers or GIN index updates cost several times more than one
rebuild. Because it all happens in one transaction, a failure leaves neither rows nor a
missing trigger behind.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, Table, insert, text

from sbpac_desktop.store import search_index

SQLITE_CHUNK = 20_000


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, explicit ids included)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
        return
    statement = insert(table)
    for start in range(0, len(rows), SQLITE_CHUNK):
        connection.execute(statement, list(rows[start : start + SQLITE_CHUNK]))


def execute_many(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One INSERT executemany of `rows` (dicts with the same keys) in the caller's transaction,
    storing exactly what `connection.execute(insert(table), rows)` stores.

    SQLite: straight to the driver's executemany. SQLAlchemy's own path spends two thirds of a
    10,000-row import's INSERT time building and converting a parameter dict per row; here each
    column's bind processor (the same the Core INSERT uses: dates as SQLAlchemy's text) runs once
    per distinct value (dates repeat, a batch shares its timestamps). Core keeps the statement
    when a column with a Python-side default is left out (only Core computes it), and on other
    back ends (PostgreSQL: insertmanyvalues)."""
    if not rows:
        return
    keys = list(rows[0])
    dialect = connection.dialect
    left_out = [c for c in table.columns if c.key not in keys and c.default is not None]
    if dialect.name != "sqlite" or left_out:
        connection.execute(insert(table), list(rows))
        return
    columns = [table.c[key] for key in keys]
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(c) for c in columns)
    sql = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({', '.join('?' * len(keys))})"
    values = [[row[key] for row in rows] for key in keys]  # column by column
    for index, column in enumerate(columns):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            values[index] = _processed(values[index], process)
    connection.exec_driver_sql(sql, list(zip(*values, strict=True)))


def _processed(values: list[Any], process: Callable[[Any], Any]) -> list[Any]:
    """One column's values through its bind processor, each distinct value once when that is
    safe: one type besides None (1 == True == 1.0 must not share a result), hashable."""
    if len({type(value) for value in values} - {type(None)}) <= 1:
        try:
            converted = {value: process(value) for value in set(values)}
        except TypeError:  # unhashable
            return [process(value) for value in values]
        return [converted[value] for value in values]
    return [process(value) for value in values]


def _copy(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = list(rows[0])
    raw = connection.connection.driver_connection  # psycopg 3, same transaction
    assert raw is not None
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        buffer = io.StringIO()
        for row in rows:
            buffer.write("\t".join(_copy_text(row[c]) for c in columns))
            buffer.write("\n")
            if buffer.tell() > 1 << 20:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())
    # The row triggers' lookups (store/pg_guards.py: the summary of each directive a batch of
    # reports touches) are planned from table statistics, and a table that grew inside this one
    # transaction has none: the planner took the 10,000-directive set for empty and scanned
    # progress_report whole for every directive (170 s). Fresh statistics after each batch keep
    # those lookups on their indexes (25 s); ANALYZE samples at most 30,000 rows, so it stays cheap.
    connection.exec_driver_sql(f'ANALYZE "{table.name}"')


def _copy_text(value: Any) -> str:
    """COPY text format: \\N for NULL, backslash escapes for tab, newline and backslash."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def next_ids(connection: Connection, tables: Sequence[str]) -> dict[str, int]:
    """The first free id of each table (explicit ids let child rows refer to parents)."""
    return {t: int(connection.execute(text(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {t}")).scalar_one()) for t in tables}


def reset_sequences(connection: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL: explicit ids do not advance the serial sequences; move them past MAX(id)."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
        )


@contextmanager
def search_index_suspended(connection: Connection) -> Iterator[None]:
    """Drop the triggers (SQLite) or trigram indexes (PostgreSQL), load, rebuild once."""
    dialect = connection.dialect.name
    fts = dialect == "sqlite" and search_index.sqlite_has_index(connection)
    pg_names = _pg_search_indexes(connection) if dialect == "postgresql" else []
    if fts:
        for kind in search_index.KINDS:
            for suffix in ("ai", "ad", "au"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {search_index.TRIGGER_PREFIX}{kind.table}_{suffix}")
    if pg_names:
        search_index.drop_postgresql(connection, pg_names)
    yield
    if fts:
        search_index.rebuild_sqlite(connection)
        search_index.install_sqlite_triggers(connection)
    if pg_names:
        # PostgreSQL refuses CREATE INDEX on a table with deferred trigger events still pending
        # (the directive audit checks of store/pg_guards.py): run them now.
        connection.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")
        search_index.install_postgresql(connection)


def _pg_search_indexes(connection: Connection) -> list[str]:
    rows = connection.execute(
        text("SELECT indexname FROM pg_indexes WHERE indexname LIKE :prefix"),
        {"prefix": search_index.INDEX_PREFIX + "%"},
    )
    return [row[0] for row in rows]
