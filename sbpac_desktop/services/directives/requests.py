"""What extension and closure requests share: both rows record who decided, when and why in the
same columns (store/models.py), so a decision on either is written by one function."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.common import clean
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import ClosureRequest, ExtensionRequest


class _OfDirective(Protocol):
    @property
    def directive_id(self) -> int: ...


V = TypeVar("V", bound=_OfDirective)


def by_directive(views: Iterable[V]) -> dict[int, tuple[V, ...]]:
    """The requests of each directive, in the order given (the callers read them oldest first)."""
    found: dict[int, list[V]] = {}
    for view in views:
        found.setdefault(view.directive_id, []).append(view)
    return {key: tuple(value) for key, value in found.items()}


def record_decision(
    row: ExtensionRequest | ClosureRequest, actor: Actor, status: RequestStatus, note: str | None
) -> None:
    """The caller writes the audit entry: only it knows the row as it was before (or that it is new)."""
    row.status = status.value
    row.decided_by_id = actor.user_id
    row.decided_at = utcnow()
    row.decision_note = clean(note)
