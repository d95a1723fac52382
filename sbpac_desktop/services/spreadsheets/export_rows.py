"""The export's rows straight from SQL, as plain tuples (no DirectiveRow objects in between).

One SELECT reads every directive of the view with its meeting, dimension, the summary
columns store.directive_summary keeps (effective due date, latest percent, report date and
result) and its assignees as one short key (worked out into labels once per key). The
filters are tracker_sql's, applied to that SELECT. The values agree with
services.directives.directive_views (lead's newest report, else the newest of any assignee);
tests compare the two.

Formatting repeats a lot (the same dates, statuses and labels on thousands of rows), so
each distinct value is formatted once and the columns are mapped through those tables (map
and zip run in C: calling a Python function per cell cost a third of the 100k export).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from datetime import date
from itertools import count
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, String, select, type_coerce
from sqlalchemy.orm import Session

from sbpac_desktop.domain.column_table import ColumnTable
from sbpac_desktop.domain.enums import DirectiveState, Priority
from sbpac_desktop.domain.numbering import directive_number_texts, meeting_number_text
from sbpac_desktop.domain.status import effective_due, status_label
from sbpac_desktop.domain.status_rule import percent_class
from sbpac_desktop.services.directives import tracker_sql
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, _post_label
from sbpac_desktop.store.models import DevelopmentDimension, Directive, Meeting, OrgUnit, Position
from sbpac_desktop.thai import apply_digits, medium_date

SUPPORT_SEPARATOR = "; "
_Key = TypeVar("_Key", bound=Hashable)


def _raw(column: Any) -> Any:
    """A date column as the driver gives it (SQLite: ISO text): each distinct value is turned
    into a `date` once in export_rows instead of once per row by SQLAlchemy's processor."""
    return type_coerce(column, String)


def _as_date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def _directives_query(conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """The export's one SELECT; `conditions` are tracker_sql's filters over `directive`
    (applied to it directly: with none, the rows come in the order of the number's index)."""
    d = Directive
    return (
        select(
            d.fiscal_year,
            d.seq,
            d.text,
            Meeting.number,
            Meeting.be_year,
            DevelopmentDimension.name,
            d.priority,
            d.state,
            _raw(d.issued_on),
            _raw(d.due_on),
            _raw(d.extended_due_on),
            d.blocked_reason,
            d.latest_percent,
            d.latest_result,
            _raw(d.latest_report_on),
            d.assignee_key,
        )
        .outerjoin(Meeting, Meeting.id == d.meeting_id)
        .outerjoin(DevelopmentDimension, DevelopmentDimension.id == d.dimension_id)
        .where(*conditions)
        .order_by(d.fiscal_year, d.seq)
    )


def _assignee_labels(session: Session) -> tuple[dict[int, tuple[str, str | None]], dict[int, str]]:
    """(label, parent agency) per post, and name per unit (small tables, read whole)."""
    units = {u.id: u.name for u in session.execute(select(OrgUnit.id, OrgUnit.name))}
    posts = {}
    for post_id, title, unit_id in session.execute(select(Position.id, Position.title, Position.org_unit_id)):
        agency = units.get(unit_id) if unit_id is not None else None
        posts[post_id] = (_post_label(title, agency), agency)
    return posts, units


class _Assignees:
    """(lead label, lead agency, supporting labels joined) for a directive's assignee key.
    Directives share few combinations of assignees (a few thousand keys for 100,000
    directives), so each key is worked out once."""

    def __init__(self, session: Session) -> None:
        self.posts, self.units = _assignee_labels(session)
        self.found: dict[str | None, tuple[str | None, str | None, str | None]] = {None: (None, None, None)}

    def __call__(self, key: str | None) -> tuple[str | None, str | None, str | None]:
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = self._columns(key or "")
        return found

    def _columns(self, key: str) -> tuple[str | None, str | None, str | None]:
        entries = []
        for token in key.split(","):  # 'Lp12' = lead, post 12; 'Su5' = supporting, unit 5
            number = int(token[2:])
            label = self.posts[number] if token[1] == "p" else (self.units[number], self.units[number])
            entries.append((label[0], label[1], token[0] == "L"))
        if not entries:
            return (None, None, None)
        lead = next((i for i, e in enumerate(entries) if e[2]), 0)
        others = SUPPORT_SEPARATOR.join(e[0] for i, e in enumerate(entries) if i != lead) or None
        return (entries[lead][0], entries[lead][1], others)


def export_rows(session: Session, filters: DirectiveFilter, today: date, thai: bool) -> ColumnTable:
    """The rows of spreadsheets.export.HEADERS for every directive matching `filters`, by number,
    held as columns (a writer encodes them a column at a time: no row tuples in between)."""
    connection = session.connection()
    conditions = tracker_sql.conditions(session, filters, today)
    assignees = _Assignees(session)
    rows = connection.execute(_directives_query(conditions)).all()
    if not rows:
        return ColumnTable([()] * _WIDTH)
    (year, seq, body, m_number, m_year, dimension, prio, state, raw_issued, raw_due, raw_extended, blocked,
     percent, result, raw_reported, assignee_key) = zip(*rows, strict=True)  # fmt: skip
    del rows
    as_date = {v: _as_date(v) for v in {*raw_issued, *raw_due, *raw_extended, *raw_reported}}
    issued, due, extended, reported = (
        tuple(map(as_date.__getitem__, raw)) for raw in (raw_issued, raw_due, raw_extended, raw_reported)
    )
    # Column at a time: each distinct value formatted once, then looked up with map() (C speed)
    be = {d: medium_date(d, thai_digits=thai) if d else None for d in as_date.values()}
    meetings, meeting_codes = _coded(zip(m_number, m_year, strict=True))
    meeting = {
        code: apply_digits(meeting_number_text(key[0], key[1], thai_digits=False), thai) if key[0] is not None else None
        for key, code in meeting_codes.items()
    }
    priority = {value: Priority(value).label for value in set(prio)}
    keys = {key: assignees(key) for key in set(assignee_key)}
    lead, agency, supporting = zip(*map(keys.__getitem__, assignee_key), strict=True)
    columns = (
        tuple(directive_number_texts(seq, year, thai_digits=thai)),
        body,
        _mapped(meeting, meetings),
        dimension,
        _mapped(priority, prio),
        lead,
        agency,
        supporting,
        _mapped(be, issued),
        _mapped(be, due),
        _mapped(be, extended),
        _statuses(state, percent, due, extended, blocked, today, thai),
        percent,
        result,
        _mapped(be, reported),
        issued,
        due,
        extended,
        reported,
    )
    return ColumnTable(columns)


_WIDTH = 19  # the columns of spreadsheets.export.HEADERS


def _mapped(table: dict[Any, Any], column: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(map(table.__getitem__, column))


def _statuses(
    state: Sequence[str],
    percent: Sequence[int | None],
    due: Sequence[date | None],
    extended: Sequence[date | None],
    blocked: Sequence[str | None],
    today: date,
    thai: bool,
) -> tuple[str, ...]:
    """The status label of each row, worked out once per distinct (state, percent's class under
    the status rule, effective due date, block)."""
    progress = {value: percent_class(value) for value in set(percent)}
    rows, codes = _coded(
        zip(state, map(progress.__getitem__, percent), map(effective_due, due, extended), blocked, strict=True)
    )
    labels = {key: status_label(DirectiveState(key[0]), key[1], key[2], today, key[3]) for key in codes}
    digits = {label: apply_digits(label, thai) for label in set(labels.values())}  # far fewer labels than keys
    return _mapped({code: digits[labels[key]] for key, code in codes.items()}, rows)


def _coded(keys: Iterable[_Key]) -> tuple[tuple[int, ...], dict[_Key, int]]:
    """Each row's key as a number (the index of its first row) and the distinct keys with their
    numbers. Each key is hashed once: a tuple does not keep its hash as a str does, and a set of
    the keys, then a dict lookup per row, would hash every row's tuple twice."""
    codes: dict[_Key, int] = {}
    return tuple(map(codes.setdefault, keys, count())), codes
