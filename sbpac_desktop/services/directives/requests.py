"""What extension and closure requests share: both rows record who asked and when, and who
decided, when and why, in the same columns (store/models.py); their views start with the same
fields and a decision on either is written by one function."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import ClosureRequest, ExtensionRequest
from sbpac_desktop.thai.normalize import clean


@dataclass(frozen=True)
class RequestView:
    """The head of a request's view; ExtensionView and ClosureView add their own fields after it."""

    id: int
    version: int
    directive_id: int
    requested_by: str | None
    requested_at: datetime


def request_head(
    row: ExtensionRequest | ClosureRequest, users: dict[int, str]
) -> tuple[int, int, int, str | None, datetime]:
    """RequestView's fields for `row` (`users`: services.names.user_names), in their order."""
    return row.id, row.version, row.directive_id, users.get(row.requested_by_id or -1), row.requested_at


V = TypeVar("V", bound=RequestView)


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
