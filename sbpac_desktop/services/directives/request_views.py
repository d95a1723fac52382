"""The extension and closure requests of directives as views, read over the Core tables
(store.tables) on a Connection or a Session (store.reader): the directive's workflow panel reads
them inside its unit of work, the follow-up report and the dossier on a Connection without
loading the ORM (issue #16). Both requests record who asked and when, and who decided, when and
why, in the same columns; their views start with the same fields (RequestView). Writing a request
is extensions.py's and closure.py's, which re-export these names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from sbpac_desktop.domain.numbering import meeting_number_text
from sbpac_desktop.domain.workflow import RequestStatus, closure_status_label, extension_status_label
from sbpac_desktop.services.names import user_names
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import closure_request, extension_request, meeting
from sbpac_desktop.thai import medium_date

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader


@dataclass(frozen=True)
class RequestView:
    """The head of a request's view; ExtensionView and ClosureView add their own fields after it."""

    id: int
    version: int
    directive_id: int
    requested_by: str | None
    requested_at: datetime


@dataclass(frozen=True)
class ExtensionView(RequestView):
    original_due_on: date | None
    requested_due_on: date
    reason: str
    status: RequestStatus
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None

    @property
    def status_label(self) -> str:
        return extension_status_label(self.status)

    def change_text(self, thai_digits: bool = False) -> str:
        """'ขยายเวลาจาก 31 ม.ค. 2563 เป็น 31 มี.ค. 2563'."""
        new = medium_date(self.requested_due_on, thai_digits=thai_digits)
        if self.original_due_on is None:
            return f"กำหนดแล้วเสร็จเป็น {new}"
        return f"ขยายเวลาจาก {medium_date(self.original_due_on, thai_digits=thai_digits)} เป็น {new}"


@dataclass(frozen=True)
class ClosureView(RequestView):
    note: str | None
    status: RequestStatus
    decided_by: str | None
    decided_on: date | None
    meeting_id: int | None
    meeting_label: str | None  # "11/2562" when acknowledged at a meeting
    decision_note: str | None

    @property
    def status_label(self) -> str:
        label = closure_status_label(self.status)
        if self.status is RequestStatus.APPROVED and self.meeting_label:
            return f"{label} (ที่ประชุมครั้งที่ {self.meeting_label})"
        return label


def request_head(row: Any, users: dict[int, str]) -> tuple[int, int, int, str | None, datetime]:
    """RequestView's fields for `row` (a request's row or mapped object; `users`:
    services.names.user_names), in their order."""
    return row.id, row.version, row.directive_id, users.get(row.requested_by_id or -1), row.requested_at


V = TypeVar("V", bound=RequestView)


def by_directive(views: Iterable[V]) -> dict[int, tuple[V, ...]]:
    """The requests of each directive, in the order given (the callers read them oldest first)."""
    found: dict[int, list[V]] = {}
    for view in views:
        found.setdefault(view.directive_id, []).append(view)
    return {key: tuple(value) for key, value in found.items()}


def extension_views(reader: Reader, directive_ids: list[int]) -> dict[int, tuple[ExtensionView, ...]]:
    """Every request of each directive, oldest first."""
    if not directive_ids:
        return {}
    users = user_names(reader)
    asked = extension_request.c
    query = (
        select(extension_request)
        .where(asked.directive_id.in_(directive_ids))
        .order_by(asked.requested_at, asked.id)
    )
    return by_directive(
        ExtensionView(
            *request_head(r, users),
            r.original_due_on,
            r.requested_due_on,
            r.reason,
            RequestStatus(r.status),
            users.get(r.decided_by_id or -1),
            r.decided_at,
            r.decision_note,
        )
        for r in settled(reader).execute(query)
    )


def closure_views(reader: Reader, directive_ids: list[int]) -> dict[int, tuple[ClosureView, ...]]:
    if not directive_ids:
        return {}
    users = user_names(reader)
    asked = closure_request.c
    query = (
        select(closure_request, meeting.c.number.label("meeting_number"), meeting.c.be_year.label("meeting_year"))
        .outerjoin(meeting, meeting.c.id == asked.meeting_id)
        .where(asked.directive_id.in_(directive_ids))
        .order_by(asked.requested_at, asked.id)
    )
    return by_directive(
        ClosureView(
            *request_head(r, users),
            r.note,
            RequestStatus(r.status),
            users.get(r.decided_by_id or -1),
            r.decided_on,
            r.meeting_id,
            _meeting_label(r.meeting_number, r.meeting_year),
            r.decision_note,
        )
        for r in settled(reader).execute(query)
    )


def _meeting_label(number: int | None, be_year: int | None) -> str | None:
    if number is None or be_year is None:
        return None
    return meeting_number_text(number, be_year, thai_digits=False)
