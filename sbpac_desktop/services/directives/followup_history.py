"""What happened to each directive besides its reports, as short Thai lines for documents:
extensions ('ขยายเวลาจาก 31 ม.ค. 2563 เป็น 31 มี.ค. 2563'), pending requests and closure. Read over
the Core tables on a Connection or a Session (request_views), so the follow-up report and the
dossier load no ORM (issue #16)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.directives.directive_views import id_chunks
from sbpac_desktop.services.directives.request_views import ClosureView, ExtensionView, closure_views, extension_views
from sbpac_desktop.thai import medium_date

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader


def _extension_line(view: ExtensionView) -> str | None:
    if view.status is RequestStatus.APPROVED:
        return view.change_text()
    if view.status is RequestStatus.PENDING:
        return f"ขอขยายเวลาเป็น {medium_date(view.requested_due_on, thai_digits=False)} (รออนุมัติ)"
    return None  # a rejected request changed nothing on the directive


def _closure_line(view: ClosureView) -> str | None:
    if view.status is RequestStatus.PENDING:
        return "ขอปิดเรื่อง (รอรับทราบ)"
    if view.status is RequestStatus.APPROVED and view.decided_on is not None:
        where = f" ที่ประชุมครั้งที่ {view.meeting_label}" if view.meeting_label else ""
        return f"ปิดเรื่องเมื่อ {medium_date(view.decided_on, thai_digits=False)}{where}"
    return None


def directive_history(reader: Reader, directive_ids: list[int]) -> dict[int, tuple[str, ...]]:
    history: dict[int, list[str]] = {}
    for chunk in id_chunks(directive_ids):
        for directive_id, views in extension_views(reader, chunk).items():
            history.setdefault(directive_id, []).extend(filter(None, map(_extension_line, views)))
        for directive_id, closures in closure_views(reader, chunk).items():
            history.setdefault(directive_id, []).extend(filter(None, map(_closure_line, closures)))
    return {key: tuple(lines) for key, lines in history.items() if lines}
