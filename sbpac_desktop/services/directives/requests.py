"""What extension and closure requests share: both rows record who asked and when, and who
decided, when and why, in the same columns (store/models.py); their views start with the same
fields (request_views.py, over the Core tables, re-exported here) and a decision on either is
written by one function."""

from __future__ import annotations

from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.request_views import RequestView as RequestView  # re-exported
from sbpac_desktop.services.directives.request_views import by_directive as by_directive
from sbpac_desktop.services.directives.request_views import request_head as request_head
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import ClosureRequest, ExtensionRequest
from sbpac_desktop.thai.normalize import clean


def record_decision(
    row: ExtensionRequest | ClosureRequest, actor: Actor, status: RequestStatus, note: str | None
) -> None:
    """The caller writes the audit entry: only it knows the row as it was before (or that it is new)."""
    row.status = status.value
    row.decided_by_id = actor.user_id
    row.decided_at = utcnow()
    row.decision_note = clean(note)
