"""Finding the candidates of a search: the newest matching records of each kind.

A common word (งบประมาณ, พื้นที่) matches hundreds of thousands of records on the 100k set;
ranking every one of them before keeping the best 50 took 0.3–0.6 s on SQLite (bm25 alone
counts every match of the phrase) and over a second on PostgreSQL (every matching row
rechecked on the heap). So each query here walks a kind's records newest first and stops
at `window` matches; the service ranks those few. How the newest matches are found:

- SQLite, 2+ characters: the FTS5 index (search_index.py) read backwards along its rowid
  (rowid = ref_id * KIND_CODES + kind code), one kind at a time from that kind's top id;
  every match can be reached, old ones included.
- PostgreSQL, 3+ characters (and SQLite without the trigram tokenizer): the newest
  `RECENT_ROWS` records are tested directly (a common word stops there); if they hold too
  few matches, the pg_trgm index finds the older ones, which are then few.
- 1 character (both) and 2 characters on PostgreSQL: no index can serve them, so only the
  newest `RECENT_ROWS` records of each kind are looked at (1 character: titles only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from sbpac_desktop.store.search_index import (
    FTS_TABLE,
    KIND_CODES,
    KINDS,
    IndexedKind,
    document_sql,
    fts_phrase,
    like_pattern,
)

RECENT_ROWS = 5_000  # records of each kind tested directly, newest first

Texts = tuple[str | None, ...]  # title column first, then the body columns


@dataclass(frozen=True)
class Candidates:
    """The newest matches of each kind, with their texts for ranking and snippets.
    `cut` is True when some kind had more matches than were collected."""

    found: list[tuple[str, int, Texts]]  # (kind, ref_id, texts)
    cut: bool


def _tops(connection: Connection) -> list[tuple[IndexedKind, int]]:
    """Each kind with rows and its highest id (the newest record)."""
    tops = []
    for kind in KINDS:
        top = connection.exec_driver_sql(f"SELECT max(id) FROM {kind.table}").scalar()
        if top is not None:
            tops.append((kind, int(top)))
    return tops


# --- SQLite: the FTS5 index ------------------------------------------------------------
def sqlite_newest(connection: Connection, expression: str, window: int) -> Candidates:
    """The newest `window` records of each kind matching the FTS5 `expression`."""
    keys: list[tuple[str, int]] = []
    cut = False
    for kind, top in _tops(connection):
        rows = connection.exec_driver_sql(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid <= ? AND rowid % {KIND_CODES} = ? "
            "ORDER BY rowid DESC LIMIT ?",
            (expression, top * KIND_CODES + kind.code, kind.code, window + 1),
        ).all()
        cut = cut or len(rows) > window
        keys += [(kind.kind, rowid // KIND_CODES) for (rowid,) in rows[:window]]
    texts = texts_of(connection, keys)
    return Candidates([(kind, ref_id, texts[kind, ref_id]) for kind, ref_id in keys if (kind, ref_id) in texts], cut)


def sqlite_phrase(query: str) -> str:
    """The FTS5 expression for a query of 3+ characters: the whole text as one phrase."""
    return fts_phrase(query)


# 2-character queries: through the trigrams that contain the pair.
VOCAB_TABLE = "search_fts_vocab"  # fts5vocab over the index, in the connection's temp schema
# Characters tried in front of the pair ("xab"): Thai, printable ASCII, line breaks. Every
# trigram "abx" comes from the vocabulary itself, so only a pair that ends its field and
# follows some other character can be missed.
_BEFORE = "".join(chr(c) for c in (*range(0x0E01, 0x0E5C), *range(32, 127))) + "\n\t"


def _vocabulary(connection: Connection) -> str:
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB_TABLE} USING fts5vocab(main, {FTS_TABLE}, 'row')"
    )
    return f"temp.{VOCAB_TABLE}"


def pair_terms(connection: Connection, pair: str) -> list[str]:
    """The indexed trigrams that contain `pair` (2 characters): 'pair?' and '?pair'."""
    vocab, folded = _vocabulary(connection), pair.lower()  # the trigram tokenizer folds case
    after = connection.exec_driver_sql(
        f"SELECT term FROM {vocab} WHERE term >= ? AND term < ?", (folded, folded + "\U0010ffff")
    )
    candidates = [c + folded for c in _BEFORE]
    marks = ", ".join("?" * len(candidates))
    before = connection.exec_driver_sql(f"SELECT term FROM {vocab} WHERE term IN ({marks})", tuple(candidates))
    return sorted({row[0] for row in after} | {row[0] for row in before})


def sqlite_pair_expression(connection: Connection, pair: str) -> str | None:
    """The FTS5 expression for a 2-character query (None: no indexed trigram holds it)."""
    terms = pair_terms(connection, pair)
    return " OR ".join(fts_phrase(term) for term in terms) if terms else None


def texts_of(connection: Connection, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Texts]:
    """The indexed columns (title first) of some records, for ranking and snippets."""
    found: dict[tuple[str, int], Texts] = {}
    for kind in KINDS:
        ids = [ref_id for name, ref_id in keys if name == kind.kind]
        for start in range(0, len(ids), 900):  # under SQLite's limit of bound parameters
            chunk = ids[start : start + 900]
            marks = ", ".join("?" * len(chunk))
            rows = connection.exec_driver_sql(
                f"SELECT id, {', '.join(kind.columns)} FROM {kind.table} WHERE id IN ({marks})", tuple(chunk)
            )
            found.update({(kind.kind, row[0]): tuple(row[1:]) for row in rows})
    return found


# --- scans: PostgreSQL, short queries, and SQLite without trigram ---------------------
def scan_newest(
    connection: Connection,
    query: str,
    window: int,
    *,
    titles_only: bool,
    complete: bool,
    recent: int = RECENT_ROWS,
    enough: int | None = None,
) -> Candidates:
    """The newest `window` records of each kind holding `query` (ILIKE / LIKE). The newest
    `recent` ids are tested directly; `complete`: when they hold fewer than `enough` matches
    (default: more than `window`), the older records are searched too (through the pg_trgm
    index on PostgreSQL). A kind that stops at `enough` has more matches than the caller shows."""
    found: list[tuple[str, int, Texts]] = []
    cut = False
    threshold = min(enough or window + 1, window + 1)
    for kind, top in _tops(connection):
        floor = top - recent
        rows = _recent_matches(connection, kind, query, window + 1, titles_only, (floor, recent))
        if len(rows) < threshold and complete and floor > 0:
            rows += _older_matches(connection, kind, query, window + 1 - len(rows), titles_only, floor)
        cut = cut or len(rows) > window
        found += [(kind.kind, ref_id, texts) for ref_id, texts in rows[:window]]
    return Candidates(found, cut)


def _condition(connection: Connection, kind: IndexedKind, query: str, titles_only: bool) -> tuple[str, str]:
    """(selected columns, substring test) for one kind. PostgreSQL: ILIKE only for a query with
    letters that have case; Thai has none, and LIKE skips lower-casing every row's text (several
    times faster; pg_trgm's index serves both)."""
    cased = query.lower() != query.upper()
    like = "ILIKE" if connection.dialect.name == "postgresql" and cased else "LIKE"
    columns = ", ".join((kind.title_column,) if titles_only else kind.columns)
    target = kind.title_column if titles_only else f"({document_sql(kind)})"
    return columns, f"{target} {like} :pattern ESCAPE '\\'"


def _recent_matches(
    connection: Connection, kind: IndexedKind, query: str, limit: int, titles_only: bool, bounds: tuple[int, int]
) -> list[tuple[int, Texts]]:
    """Matches among the `recent` records with ids above `above` (bounds), newest first, read
    along the primary key: the inner LIMIT keeps PostgreSQL from reading every match of a
    common word off the trigram index."""
    above, recent = bounds
    columns, condition = _condition(connection, kind, query, titles_only)
    newest = f"SELECT id, {columns} FROM {kind.table} WHERE id > :above ORDER BY id DESC LIMIT :recent"
    rows = connection.execute(
        text(f"SELECT id, {columns} FROM ({newest}) AS newest WHERE {condition} ORDER BY id DESC LIMIT :limit"),
        {"pattern": like_pattern(query), "limit": limit, "above": above, "recent": recent},
    )
    return [(row[0], tuple(row[1:])) for row in rows]


def _older_matches(
    connection: Connection, kind: IndexedKind, query: str, limit: int, titles_only: bool, upto: int
) -> list[tuple[int, Texts]]:
    """Matches with ids up to `upto`, newest first. `id + 0` takes the primary key's order away
    so PostgreSQL reads the trigram index: the recent rows held few matches, so the word is
    not common and the index finds its rows quickly."""
    columns, condition = _condition(connection, kind, query, titles_only)
    rows = connection.execute(
        text(
            f"SELECT id, {columns} FROM {kind.table} WHERE id <= :upto AND {condition} "
            "ORDER BY id + 0 DESC LIMIT :limit"
        ),
        {"pattern": like_pattern(query), "limit": limit, "upto": upto},
    )
    return [(row[0], tuple(row[1:])) for row in rows]
