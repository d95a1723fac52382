"""The directive status rule (domain/status_rule.py) compiled to SQL over the directive row.

store.directive_summary keeps the effective due date and the latest percent on the directive,
so both the CASE that names a row's status and the per-key filter are plain column
comparisons. The filter for a key is the rule's own partition — "this condition and none of
the earlier ones" — with negations already pushed into the atoms, so it reads as
`state = 'open' AND effective_due_on < :today …`, which the planner matches to
ix_directive_state_effective_due instead of evaluating a CASE on every row.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, false, or_, true

from sbpac_desktop.domain.status_rule import (
    STATUS_RULE,
    AnyOf,
    Blocked,
    Condition,
    Conjunction,
    DueBefore,
    PercentIs,
    StateIn,
    partition,
)
from sbpac_desktop.store.tables import directive

D = directive.c  # the Core columns: the same expressions serve ORM queries and Core reads


def _percent(atom: PercentIs, others: tuple[object, ...]) -> ColumnElement[bool]:
    column = D.latest_percent
    if atom.value is None:
        return column.is_not(None) if atom.negated else column.is_(None)
    if not atom.negated:
        return column == atom.value
    # NULL counts as "not this value"; a sibling atom on NULL settles the question already
    if PercentIs(None) in others:
        return true()
    if PercentIs(None, True) in others:
        return column != atom.value
    return or_(column.is_(None), column != atom.value)


def _due(atom: DueBefore, today: date, others: tuple[object, ...]) -> ColumnElement[bool]:
    column = D.effective_due_on
    limit = today + timedelta(days=atom.days)
    if not atom.negated:
        return and_(column.is_not(None), column < limit)
    # "not late": an unset date qualifies, unless a sibling atom already requires a date
    if any(isinstance(o, DueBefore) and not o.negated for o in others):
        return column >= limit
    return or_(column.is_(None), column >= limit)


def _atom(atom: Condition, today: date, others: tuple[object, ...] = ()) -> ColumnElement[bool]:
    if isinstance(atom, StateIn):
        states = sorted(state.value for state in atom.states)
        return D.state == states[0] if len(states) == 1 else D.state.in_(states)
    if isinstance(atom, PercentIs):
        return _percent(atom, others)
    if isinstance(atom, DueBefore):
        return _due(atom, today, others)
    if isinstance(atom, Blocked):
        return D.blocked_reason.is_(None) if atom.negated else D.blocked_reason.is_not(None)
    if isinstance(atom, AnyOf):
        return or_(*(_atom(part, today) for part in atom.parts))
    return true()


def _conjunction(conjunction: Conjunction, today: date) -> ColumnElement[bool]:
    parts = [_atom(StateIn(conjunction.states), today)]
    parts += [_atom(atom, today, conjunction.atoms) for atom in conjunction.atoms]
    return and_(*parts)


def status_case(today: date) -> ColumnElement[str]:
    """The row's status key (domain.status.DerivedStatus.key) as one CASE expression."""
    *ruled, (last_key, _always) = STATUS_RULE
    return case(*((_atom(condition, today), key) for key, condition in ruled), else_=last_key)


def status_filter(key: str, today: date) -> ColumnElement[bool]:
    """Exactly the rows whose status is `key`, as index-friendly comparisons; an unknown key matches nothing."""
    branches = [_conjunction(c, today) for c in partition(key)]
    if not branches:
        return false()
    return branches[0] if len(branches) == 1 else or_(*branches)
