"""The directive status rule, written once as data.

A directive's status key (overdue, blocked, due soon, …) is the first entry of `STATUS_RULE`
whose condition holds. The condition is a small expression tree over five facts — the
directive's state, its latest reported percent, its effective due date, whether it is marked
blocked, and today — so the same definition can be evaluated here, in Python, and compiled to
SQL by services/status_sql.py (a CASE for the column, and for each key a conjunction of plain
comparisons the planner can match to an index). Nothing else decides a status.

`partition(key)` gives, for one key, "its own condition and none of the earlier ones" in a
normal form: a set of allowed states plus a list of atoms on the other facts. Negations are
pushed down to the atoms (NOT state ∈ S becomes state ∈ complement of S), so the SQL never
needs a NOT around a nullable comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from sbpac_desktop.domain.enums import DirectiveState

DUE_SOON_DAYS = 7
ALL_STATES = frozenset(DirectiveState)


@dataclass(frozen=True)
class Facts:
    """What the rule reads of one directive on one day."""

    state: DirectiveState
    percent: int | None
    due: date | None
    blocked: bool
    today: date


# --- atoms: each is NULL-safe, and each has an exact negation that is again an atom --------------
@dataclass(frozen=True)
class StateIn:
    states: frozenset[DirectiveState]


@dataclass(frozen=True)
class PercentIs:
    """latest percent == value (value None: no report yet); `negated` flips it (NULL-safe)."""

    value: int | None
    negated: bool = False


@dataclass(frozen=True)
class DueBefore:
    """due is set and due < today + days; `negated`: due is unset or due >= today + days."""

    days: int
    negated: bool = False


@dataclass(frozen=True)
class Blocked:
    negated: bool = False


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class Always:
    pass


Atom = StateIn | PercentIs | DueBefore | Blocked
Condition = Atom | AnyOf | Always

# The rule, in order of precedence. Overdue wins over blocked so escalation still sees late work.
STATUS_RULE: tuple[tuple[str, Condition], ...] = (
    ("cancelled", StateIn(frozenset({DirectiveState.CANCELLED}))),
    ("done", AnyOf((StateIn(frozenset({DirectiveState.CLOSED})), PercentIs(100)))),
    ("overdue", DueBefore(0)),
    ("blocked", Blocked()),
    ("due_soon", DueBefore(DUE_SOON_DAYS + 1)),
    ("not_started", PercentIs(None)),
    ("in_progress", Always()),
)
RULE_KEYS = tuple(key for key, _ in STATUS_RULE)


def holds(condition: Condition, facts: Facts) -> bool:
    if isinstance(condition, Always):
        return True
    if isinstance(condition, AnyOf):
        return any(holds(part, facts) for part in condition.parts)
    if isinstance(condition, StateIn):
        return facts.state in condition.states
    if isinstance(condition, PercentIs):
        return (facts.percent == condition.value) != condition.negated
    if isinstance(condition, DueBefore):
        late = facts.due is not None and facts.due < facts.today + timedelta(days=condition.days)
        return late != condition.negated
    return facts.blocked != condition.negated


def status_key(facts: Facts) -> str:
    """The key of the first rule that holds (the last rule always does)."""
    return next(key for key, condition in STATUS_RULE if holds(condition, facts))


def _percents(condition: Condition) -> set[int | None]:
    if isinstance(condition, AnyOf):
        return {value for part in condition.parts for value in _percents(part)}
    return {condition.value} if isinstance(condition, PercentIs) else set()


# The percents the rule compares with; any other percent gives the same status as every other.
COMPARED_PERCENTS = frozenset(value for _key, condition in STATUS_RULE for value in _percents(condition))
_OTHER_PERCENT = next(value for value in range(101) if value not in COMPARED_PERCENTS)


def percent_class(percent: int | None) -> int | None:
    """One percent standing for all those the rule cannot tell apart from `percent`: itself
    where the rule compares with it, else one shared stand-in. Lets a caller derive a status
    once per distinct class instead of once per distinct percent (the spreadsheet export)."""
    return percent if percent in COMPARED_PERCENTS else _OTHER_PERCENT


# --- normal form for filters ------------------------------------------------------------------
@dataclass(frozen=True)
class Conjunction:
    """state ∈ states AND every atom; an empty `states` means nothing matches."""

    states: frozenset[DirectiveState]
    atoms: tuple[PercentIs | DueBefore | Blocked, ...]


def _negate(condition: Condition) -> list[list[Condition]]:
    """NOT condition, as a disjunction (outer list) of conjunctions (inner lists) of atoms."""
    if isinstance(condition, Always):
        return []
    if isinstance(condition, AnyOf):  # NOT (a OR b) = NOT a AND NOT b
        negated = [_negate(part) for part in condition.parts]
        return [[atom for conjunct in choice for atom in conjunct] for choice in product(*negated)]
    if isinstance(condition, StateIn):
        return [[StateIn(ALL_STATES - condition.states)]]
    if isinstance(condition, PercentIs):
        return [[PercentIs(condition.value, not condition.negated)]]
    if isinstance(condition, DueBefore):
        return [[DueBefore(condition.days, not condition.negated)]]
    return [[Blocked(not condition.negated)]]


def _positive(condition: Condition) -> list[list[Condition]]:
    if isinstance(condition, Always):
        return [[]]
    if isinstance(condition, AnyOf):
        return [branch for part in condition.parts for branch in _positive(part)]
    return [[condition]]


def _simplify(parts: list[Condition]) -> Conjunction | None:
    states = ALL_STATES
    atoms: list[PercentIs | DueBefore | Blocked] = []
    for part in parts:
        if isinstance(part, StateIn):
            states = states & part.states
        elif isinstance(part, PercentIs | DueBefore | Blocked) and part not in atoms:
            atoms.append(part)
    # "percent is 100" and "percent is not 100" cannot both hold: drop the branch
    if any(_flipped(atom) in atoms for atom in atoms):
        return None
    return Conjunction(states, _tightest_dates(atoms)) if states else None


def _tightest_dates(atoms: list[PercentIs | DueBefore | Blocked]) -> tuple[PercentIs | DueBefore | Blocked, ...]:
    """"due ≥ today and due ≥ today + 8" is "due ≥ today + 8": keep one bound of each direction."""
    bounds = [a for a in atoms if isinstance(a, DueBefore)]
    upper = min((a for a in bounds if not a.negated), key=lambda a: a.days, default=None)
    lower = max((a for a in bounds if a.negated), key=lambda a: a.days, default=None)
    kept = [a for a in atoms if not isinstance(a, DueBefore)]
    return tuple(kept + [a for a in (lower, upper) if a is not None])


def _flipped(atom: PercentIs | DueBefore | Blocked) -> PercentIs | DueBefore | Blocked:
    if isinstance(atom, PercentIs):
        return PercentIs(atom.value, not atom.negated)
    if isinstance(atom, DueBefore):
        return DueBefore(atom.days, not atom.negated)
    return Blocked(not atom.negated)


def partition(key: str) -> tuple[Conjunction, ...]:
    """The directives whose status is `key`, as OR of conjunctions (usually one)."""
    if key not in RULE_KEYS:
        return ()
    branches: list[list[Condition]] = [[]]
    for name, condition in STATUS_RULE:
        if name == key:
            branches = [branch + extra for branch in branches for extra in _positive(condition)]
            break
        branches = [branch + extra for branch in branches for extra in _negate(condition)]
    found = [_simplify(branch) for branch in branches]
    return tuple(dict.fromkeys(c for c in found if c is not None))


def conjunction_holds(conjunction: Conjunction, facts: Facts) -> bool:
    return facts.state in conjunction.states and all(holds(atom, facts) for atom in conjunction.atoms)
