"""One search box over meetings, agenda items (minutes text), directives and progress reports.

Every query is answered in two steps. First the candidates: the newest `WINDOW` matching
records of each kind (store/search_query.py), so a common word such as งบประมาณ costs no
more than a rare one — ranking every one of its 400,000 matches on the 100k set took up to
1.6 s. Then the ranking here, the same on both databases: title hits first, then more and
earlier hits, then the newest; `limit` are kept and `SearchResults.more` says whether
matching records were left out. How the candidates are found (`search_plan`):
- trigram (SQLite, 3+ characters) and pair (SQLite, 2 characters): the FTS5 trigram index;
  a pair goes through every indexed trigram that contains it (a pair that ends a field and
  is not preceded by a Thai or ASCII character cannot be found this way).
- scan (PostgreSQL 3+ characters, SQLite without the trigram tokenizer): the newest records
  tested directly, older ones through the pg_trgm index.
- newest (PostgreSQL, 2 characters) and titles (1 character, titles only): the newest
  `search_query.RECENT_ROWS` records of each kind; no index can serve so short a text.
`snippet_parts` splits a snippet for display.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.numbering import directive_number_text, meeting_number_text
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.services.search_field import FIELD_KIND_LABELS, field_labels
from sbpac_desktop.store import search_index as index
from sbpac_desktop.store import search_query
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Assignment, Directive, Meeting, ProgressReport
from sbpac_desktop.thai import medium_date, normalize_text

MIN_TRIGRAM_CHARS = 3
MAX_LIMIT = 500
WINDOW = 200  # candidates per kind: the newest matches are ranked, older ones left out
CONTEXT_BEFORE, CONTEXT_AFTER = 24, 48
TITLE_CHARS = 90

KIND_LABELS = {
    "meeting": "การประชุม",
    "agenda_item": "ระเบียบวาระ",
    "directive": "ข้อสั่งการ",
    "progress_report": "รายงานความก้าวหน้า",
    **FIELD_KIND_LABELS,
}


@dataclass(frozen=True)
class SearchHit:
    kind: str  # meeting | agenda_item | directive | progress_report | field_visit | visit_finding | external_report
    ref_id: int
    title: str
    snippet: str  # the match between « and »
    number_text: str  # meeting n/BE or directive ขส. nnn/BE (Arabic digits), "" if none
    rank: float  # higher is better
    meeting_id: int | None = None  # what to open: the meeting window...
    directive_id: int | None = None  # ...or the directive on the directives page
    visit_id: int | None = None  # ...or a field visit (its page)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """'a «b» c' -> [('a ', False), ('b', True), (' c', False)] for highlighting."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while index.MARK_OPEN in rest:
        before, _, after = rest.partition(index.MARK_OPEN)
        inside, closed, tail = after.partition(index.MARK_CLOSE)
        if before:
            parts.append((before, False))
        if not closed:  # an unbalanced marker: show it as plain text
            parts.append((index.MARK_OPEN + inside, False))
            return parts
        parts.append((inside, True))
        rest = tail
    if rest:
        parts.append((rest, False))
    return parts


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    more: bool  # some matching records are not among the hits (past the limit or the window)


def search(db: Database, actor: Actor, text: str, limit: int = 50) -> list[SearchHit]:
    return search_results(db, actor, text, limit).hits


def search_results(db: Database, actor: Actor, text: str, limit: int = 50) -> SearchResults:
    require(actor, READ_DATA, "ค้นหาข้อมูล")
    query = normalize_text(text or "").strip()
    if not query:
        return SearchResults([], False)
    limit = max(1, min(limit, MAX_LIMIT))
    with db.unit_of_work() as session:
        connection = session.connection()
        candidates = _candidates(connection, _plan(connection, query), query, max(WINDOW, limit), limit)
        found = _ranked(candidates.found, query)
        return SearchResults(_describe(session, found[:limit]), candidates.cut or len(found) > limit)


def _candidates(connection: Connection, plan: str, query: str, window: int, limit: int) -> search_query.Candidates:
    if plan == "trigram":
        return search_query.sqlite_newest(connection, index.fts_phrase(query), window)
    if plan == "pair":
        expression = search_query.sqlite_pair_expression(connection, query)
        return search_query.sqlite_newest(connection, expression, window) if expression else _NONE
    # a kind whose newest records already hold more than `limit` matches needs no older ones
    return search_query.scan_newest(
        connection, query, window, titles_only=plan == "titles", complete=plan == "scan", enough=limit + 1
    )


_NONE = search_query.Candidates([], cut=False)


def search_plan(db: Database, text: str) -> str:
    """How `search` answers this text: trigram | pair | titles | newest | scan (module docstring)."""
    with db.unit_of_work() as session:
        return _plan(session.connection(), normalize_text(text or "").strip())


def uses_trigram_index(db: Database, text: str) -> bool:
    """Whether `search` answers this text from the FTS5 index (for logs, tests and benchmarks)."""
    return search_plan(db, text) in ("trigram", "pair")


def _plan(connection: Connection, query: str) -> str:
    if len(query) == 1:
        return "titles"
    sqlite_index = connection.dialect.name == "sqlite" and index.sqlite_has_index(connection)
    if len(query) >= MIN_TRIGRAM_CHARS:
        return "trigram" if sqlite_index else "scan"
    return "pair" if sqlite_index else "newest"


def _ranked(found: list[tuple[str, int, search_query.Texts]], query: str) -> list[tuple[str, int, str, float]]:
    """Best first; equal ranks newest first."""
    ranked = []
    for kind, ref_id, texts in found:
        snippet, rank = _snippet_and_rank(texts, query)
        ranked.append((kind, ref_id, snippet, rank))
    ranked.sort(key=lambda hit: (-hit[3], -hit[1]))
    return ranked


def _snippet_and_rank(texts: tuple[str | None, ...], query: str) -> tuple[str, float]:
    """Snippet around the first hit (title first); rank: title hits, then more and earlier hits."""
    needle = query.casefold()
    for position, value in enumerate(texts):
        if not value:
            continue
        folded = value.casefold()
        start = folded.find(needle)
        if start < 0 or len(folded) != len(value):
            start = value.find(query)  # casefold changed lengths: fall back to an exact find
            folded, needle_here = value, query
        else:
            needle_here = needle
        if start < 0:
            continue
        count = folded.count(needle_here)
        rank = (2.0 if position == 0 else 1.0) + min(count, 10) / 20 + 1 / (10 + start)
        return _cut(value, folded, needle_here, start), rank
    return "", 0.0


def _cut(value: str, folded: str, needle: str, start: int) -> str:
    begin = max(0, start - CONTEXT_BEFORE)
    end = min(len(value), start + len(needle) + CONTEXT_AFTER)
    pieces, at = [], begin
    while True:
        hit = folded.find(needle, at, end)
        if hit < 0 or hit + len(needle) > end:
            break
        pieces += [value[at:hit], index.MARK_OPEN, value[hit : hit + len(needle)], index.MARK_CLOSE]
        at = hit + len(needle)
    pieces.append(value[at:end])
    body = "".join(pieces).replace("\n", " ")
    return (index.ELLIPSIS if begin > 0 else "") + body + (index.ELLIPSIS if end < len(value) else "")


# --- what each hit is called and what it opens ----------------------------------------
def _short(text: str | None) -> str:
    one_line = " ".join((text or "").split())
    return one_line if len(one_line) <= TITLE_CHARS else one_line[: TITLE_CHARS - 1] + index.ELLIPSIS


def _ids(found: Iterable[tuple[str, int, str, float]], kind: str) -> list[int]:
    return [ref_id for hit_kind, ref_id, _s, _r in found if hit_kind == kind]


def _meeting_numbers(session: Session, ids: Iterable[int]) -> dict[int, str]:
    rows = session.execute(select(Meeting.id, Meeting.number, Meeting.be_year).where(Meeting.id.in_(set(ids))))
    return {mid: meeting_number_text(number, year, thai_digits=False) for mid, number, year in rows}


def _describe(session: Session, found: list[tuple[str, int, str, float]]) -> list[SearchHit]:
    labels: dict[tuple[str, int], tuple[str, str, int | None, int | None]] = {}
    meetings = {m.id: m for m in session.scalars(select(Meeting).where(Meeting.id.in_(_ids(found, "meeting"))))}
    items = {i.id: i for i in session.scalars(select(AgendaItem).where(AgendaItem.id.in_(_ids(found, "agenda_item"))))}
    directives = {d.id: d for d in session.scalars(select(Directive).where(Directive.id.in_(_ids(found, "directive"))))}
    reports = session.execute(
        select(ProgressReport.id, ProgressReport.report_date, ProgressReport.percent, Directive)
        .join(Assignment, Assignment.id == ProgressReport.assignment_id)
        .join(Directive, Directive.id == Assignment.directive_id)
        .where(ProgressReport.id.in_(_ids(found, "progress_report")))
    ).all()
    numbers = _meeting_numbers(session, [i.meeting_id for i in items.values()])
    for m in meetings.values():
        number = meeting_number_text(m.number, m.be_year, thai_digits=False)
        labels["meeting", m.id] = (_short(m.title), number, m.id, None)
    for i in items.values():
        title = _short(f"ระเบียบวาระที่ {i.number} {i.title}")
        labels["agenda_item", i.id] = (title, numbers.get(i.meeting_id, ""), i.meeting_id, None)
    for d in directives.values():
        labels["directive", d.id] = (_short(d.text), _directive_number(d), d.meeting_id, d.id)
    for report_id, report_date, percent, d in reports:
        title = f"รายงานความก้าวหน้า ณ {medium_date(report_date, thai_digits=False)} (ร้อยละ {percent})"
        labels["progress_report", report_id] = (title, _directive_number(d), d.meeting_id, d.id)
    field = field_labels(session, found, _short)
    hits = []
    for kind, ref_id, snippet, rank in found:
        if (kind, ref_id) in field:
            title, number, meeting_id, directive_id, visit_id = field[kind, ref_id]
            hits.append(SearchHit(kind, ref_id, title, snippet, number, rank, meeting_id, directive_id, visit_id))
            continue
        if (kind, ref_id) not in labels:  # deleted between the index look-up and now
            continue
        title, number, meeting_id, directive_id = labels[kind, ref_id]
        hits.append(SearchHit(kind, ref_id, title, snippet, number, rank, meeting_id, directive_id))
    return hits


def _directive_number(directive: Directive) -> str:
    return directive_number_text(directive.seq, directive.fiscal_year, thai_digits=False)


__all__ = [
    "KIND_LABELS",
    "SearchHit",
    "SearchResults",
    "search",
    "search_plan",
    "search_results",
    "snippet_parts",
    "uses_trigram_index",
]
