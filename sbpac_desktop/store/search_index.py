"""The full-text search index: what is indexed and how it is kept in step (the queries that
read it: search_query.py).

SQLite: one FTS5 table with the `trigram` tokenizer (exact substring matching, which
is what unspaced Thai needs; docs/CONVENTIONS.md §6.5) filled by triggers on the
base tables, so every writer — services, imports, the demo loader — keeps it current
without knowing it exists. Each row's rowid encodes its source: ref_id * KIND_CODES + kind code.
PostgreSQL: no index table; pg_trgm GIN indexes on the same text columns let
`ILIKE '%…%'` use an index.

Text is stored normalized by the services, so the index holds normalized text too.
A later migration that rebuilds one of the indexed tables (batch mode copies and
drops it, which drops its triggers) must call `install_sqlite_triggers` again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect

log = logging.getLogger(__name__)

FTS_TABLE = "search_fts"
INDEX_PREFIX = "ix_search_"
TRIGGER_PREFIX = "trg_search_"
KIND_CODES = 8  # rowid = ref_id * KIND_CODES + code (4 until migration 0008 added the field kinds)
MIN_TRIGRAM_VERSION = (3, 34, 0)
MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"


@dataclass(frozen=True)
class IndexedKind:
    kind: str
    code: int
    table: str
    title_column: str
    body_columns: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.title_column, *self.body_columns)


KINDS: tuple[IndexedKind, ...] = (
    IndexedKind("meeting", 0, "meeting", "title", ("venue", "opening_text")),
    IndexedKind("agenda_item", 1, "agenda_item", "title", ("background", "proposal", "discussion", "resolution")),
    IndexedKind("directive", 2, "directive", "text", ("remarks",)),
    IndexedKind("progress_report", 3, "progress_report", "result", ("problems", "suggestions", "next_step")),
    # migration 0008 (issue #15): what was seen in the field and what the network reported
    IndexedKind("field_visit", 4, "field_visit", "title", ("purpose", "summary", "issues")),
    IndexedKind("visit_finding", 5, "visit_finding", "text", ("proposal_title",)),
    IndexedKind("external_report", 6, "external_report", "text", ()),
)
KIND_BY_CODE = {k.code: k for k in KINDS}
KIND_BY_NAME = {k.kind: k for k in KINDS}


# --- what autogenerate and the drift test must not see ------------------------------
def is_search_object(name: str | None, type_: str) -> bool:
    if not name:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")
    if type_ == "index":
        return name.startswith(INDEX_PREFIX)
    return False


def include_name(name: str | None, type_: str, _parent_names: Any = None) -> bool:
    """Alembic `include_name`: hide the search index from autogenerate and drift checks."""
    return not is_search_object(name, type_)


def include_object(_obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    return not is_search_object(name, type_)


# --- SQLite ------------------------------------------------------------------------
def sqlite_supports_trigram(connection: Connection) -> bool:
    version_text = connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    version = tuple(int(part) for part in str(version_text).split("."))
    options = {row[0] for row in connection.exec_driver_sql("PRAGMA compile_options")}
    return version >= MIN_TRIGRAM_VERSION and "ENABLE_FTS5" in options


def sqlite_has_index(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    return found is not None


def _body_sql(kind: IndexedKind, row: str) -> str:
    if not kind.body_columns:
        return "''"
    return " || char(10) || ".join(f"coalesce({row}.{column}, '')" for column in kind.body_columns)


def _insert_sql(kind: IndexedKind, row: str) -> str:
    return (
        f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES "
        f"({row}.id * {KIND_CODES} + {kind.code}, {row}.{kind.title_column}, {_body_sql(kind, row)});"
    )


def _delete_sql(kind: IndexedKind, row: str) -> str:
    return f"DELETE FROM {FTS_TABLE} WHERE rowid = {row}.id * {KIND_CODES} + {kind.code};"


def _trigger_sql(kind: IndexedKind) -> list[str]:
    name = TRIGGER_PREFIX + kind.table
    columns = ", ".join(kind.columns)
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {kind.table} BEGIN {_insert_sql(kind, 'NEW')} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_ad AFTER DELETE ON {kind.table} BEGIN {_delete_sql(kind, 'OLD')} END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE OF id, {columns} ON {kind.table} BEGIN "
        f"{_delete_sql(kind, 'OLD')} {_insert_sql(kind, 'NEW')} END",
    ]


def present_kinds(connection: Connection) -> tuple[IndexedKind, ...]:
    """The kinds whose table exists: an early migration (0002, 0004, 0005) runs before the
    tables of a later one (0008) are there."""
    inspector = inspect(connection)
    return tuple(kind for kind in KINDS if inspector.has_table(kind.table))


def install_sqlite_triggers(connection: Connection) -> None:
    """Idempotent: (re)create the triggers that keep the index in step with the base tables."""
    for kind in present_kinds(connection):
        for statement in _trigger_sql(kind):
            connection.exec_driver_sql(statement)


def install_sqlite(connection: Connection) -> bool:
    """Create, fill and wire the FTS5 index; False (and a log line) when SQLite is too old."""
    if not sqlite_supports_trigram(connection):
        log.warning(
            "SQLite %s has no FTS5 trigram tokenizer (needs 3.34+ with FTS5): search falls back to a LIKE scan",
            connection.exec_driver_sql("SELECT sqlite_version()").scalar_one(),
        )
        return False
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, tokenize='trigram')"
    )
    rebuild_sqlite(connection)
    install_sqlite_triggers(connection)
    return True


def rebuild_sqlite(connection: Connection) -> None:
    """Refill the index from the base tables (backfill, or repair after a bulk change)."""
    connection.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    for kind in present_kinds(connection):
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) SELECT t.id * {KIND_CODES} + {kind.code}, "
            f"t.{kind.title_column}, {_body_sql(kind, 't')} FROM {kind.table} AS t"
        )


def drop_sqlite_triggers(connection: Connection) -> None:
    for kind in KINDS:
        for suffix in ("ai", "ad", "au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{kind.table}_{suffix}")


@contextmanager
def sqlite_insert_triggers_suspended(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """For a bulk INSERT into `tables` in the caller's transaction: drop their per-row insert
    triggers, and after the block index the new rows (ids above the maxima before it) with
    one INSERT … SELECT per table and create the triggers again. Only the inserts: updates
    and deletes inside the block still reach the index through their triggers. On an
    exception the triggers are put back as they were (CREATE … IF NOT EXISTS) and the error
    propagates; the caller's rollback also undoes the DROP (SQLite DDL is transactional).
    Nothing to do on PostgreSQL or without the FTS table."""
    kinds = [k for k in KINDS if k.table in tables]
    if connection.dialect.name != "sqlite" or not kinds or not sqlite_has_index(connection):
        yield
        return
    before = {
        k.table: connection.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {k.table}").scalar_one() for k in kinds
    }
    for kind in kinds:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{kind.table}_ai")
    try:
        yield
        with _automerge_paused(connection):
            for kind in kinds:
                connection.exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body) SELECT t.id * {KIND_CODES} + {kind.code}, "
                    f"t.{kind.title_column}, {_body_sql(kind, 't')} FROM {kind.table} AS t WHERE t.id > ?",
                    (before[kind.table],),
                )
    finally:
        install_sqlite_triggers(connection)


FTS_DEFAULT_AUTOMERGE = 4  # FTS5's own default for the 'automerge' option
FTS_MERGE_PAGES = 500  # the merge work (pages written) done once after a bulk insert


@contextmanager
def _automerge_paused(connection: Connection) -> Iterator[None]:
    """FTS5's 'automerge' option off for a bulk INSERT … SELECT into the index, then one
    'merge' command and the option set back (both FTS5 special INSERT commands, in the
    caller's transaction). With automerge on, FTS5 merges its segments incrementally as the
    rows go in, which doubled the cost of indexing 10,000 imported directives and their
    reports; one bounded merge afterwards leaves the index as compact for queries. The option
    lives in the index's config table: the value found there (else FTS5's default) is put back."""
    found = connection.exec_driver_sql(f"SELECT v FROM {FTS_TABLE}_config WHERE k = 'automerge'").first()
    previous = int(found[0]) if found is not None else FTS_DEFAULT_AUTOMERGE
    command = f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES (?, ?)"
    connection.exec_driver_sql(command, ("automerge", 0))
    try:
        yield
        connection.exec_driver_sql(command, ("merge", FTS_MERGE_PAGES))
    finally:
        connection.exec_driver_sql(command, ("automerge", previous))


def drop_sqlite(connection: Connection) -> None:
    drop_sqlite_triggers(connection)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


# --- query text (the queries themselves: search_query.py) ---------------------------
def fts_phrase(query: str) -> str:
    """The whole query as one quoted FTS5 string: quotes, *, OR, NEAR are just characters."""
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def document_sql(kind: IndexedKind) -> str:
    """Every indexed column in one text, lines apart (a query typed in one line never spans two
    columns). PostgreSQL indexes exactly this expression, so scans must use it verbatim."""
    return " || '\n' || ".join(f"coalesce({column}, '')" for column in kind.columns)


# --- PostgreSQL ----------------------------------------------------------------------
def postgres_index_names() -> list[tuple[str, IndexedKind]]:
    return [(f"{INDEX_PREFIX}{kind.table}", kind) for kind in KINDS]


def install_postgresql(connection: Connection) -> bool:
    """pg_trgm and one GIN expression index per table (the text `scan` searches); without the
    extension ILIKE still works, only slower. One index per column was measured slower: the
    planner adds up the bitmap costs of every column and falls back to a sequential scan."""
    if not _ensure_pg_trgm(connection):
        return False
    present = present_kinds(connection)
    for name, kind in postgres_index_names():
        if kind not in present:
            continue
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON {kind.table} USING gin (({document_sql(kind)}) gin_trgm_ops)"
        )
    return True


def _ensure_pg_trgm(connection: Connection) -> bool:
    if connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return True
    if not connection.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first():
        log.warning("pg_trgm is not installed on this server: search scans without trigram indexes")
        return False
    savepoint = connection.begin_nested()
    try:
        connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as exc:  # no privilege: keep the upgrade, lose only the speed-up
        savepoint.rollback()
        log.warning("cannot create extension pg_trgm (%s): search scans without trigram indexes", exc)
        return False
    savepoint.commit()
    return True


def drop_postgresql(connection: Connection, names: Sequence[str] | None = None) -> None:
    for name in names or [name for name, _kind in postgres_index_names()]:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
