"""Workflow rules of a directive after it is issued (issue #5): blocked needs a reason, an
extension counts only once the issuer's side approves it, and an assignee cannot close a
directive alone. Pure rules: the services load the rows and call these checks."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ConflictError
from sbpac_desktop.domain.validation import Checker

REASON_LIMIT = 2_000


class RequestStatus(StrEnum):
    """Extension and closure requests share one life cycle."""

    PENDING = "pending"
    APPROVED = "approved"  # extension approved / closure acknowledged
    REJECTED = "rejected"


_EXTENSION_LABELS = {
    RequestStatus.PENDING: "รออนุมัติ",
    RequestStatus.APPROVED: "อนุมัติ",
    RequestStatus.REJECTED: "ไม่อนุมัติ",
}
_CLOSURE_LABELS = {
    RequestStatus.PENDING: "รอรับทราบการปิดเรื่อง",
    RequestStatus.APPROVED: "รับทราบและปิดเรื่องแล้ว",
    RequestStatus.REJECTED: "ยังไม่ให้ปิดเรื่อง",
}


def extension_status_label(status: RequestStatus) -> str:
    return _EXTENSION_LABELS[status]


def closure_status_label(status: RequestStatus) -> str:
    return _CLOSURE_LABELS[status]


def require_open(state: DirectiveState, action_th: str) -> None:
    """Closed or cancelled directives are history: nothing more to block, extend or close."""
    if state is not DirectiveState.OPEN:
        raise ConflictError(
            f"ข้อสั่งการนี้{state.label} จึง{action_th}ไม่ได้",
            f"The directive is {state.value}; this action needs an open directive",
        )


def check_reason(reason: str | None, field: str, label_th: str, label_en: str) -> None:
    check = Checker()
    check.required(field, reason, label_th, label_en)
    check.max_length(field, reason, REASON_LIMIT, label_th)
    check.raise_if_any()


def check_extension(
    requested_due_on: date | None,
    current_due_on: date | None,
    issued_on: date,
    reason: str | None,
) -> None:
    """The new date must be after the current effective due date (or the issue date when none)."""
    check = Checker()
    if requested_due_on is None:
        check.add("requested_due_on", "กรุณาระบุวันที่ขอขยายเวลาถึง", "The new due date is required")
    elif current_due_on is not None and requested_due_on <= current_due_on:
        check.add(
            "requested_due_on",
            "วันที่ขอขยายเวลาต้องหลังกำหนดแล้วเสร็จปัจจุบัน",
            "The new due date must be after the current due date",
        )
    elif requested_due_on < issued_on:
        check.add(
            "requested_due_on",
            "วันที่ขอขยายเวลาต้องไม่ก่อนวันที่สั่งการ",
            "The new due date is before the issue date",
        )
    check.required("reason", reason, "เหตุผลที่ขอขยายเวลา", "Reason")
    check.max_length("reason", reason, REASON_LIMIT, "เหตุผลที่ขอขยายเวลา")
    check.raise_if_any()


def require_pending(status: RequestStatus, what_th: str) -> None:
    if status is not RequestStatus.PENDING:
        raise ConflictError(
            f"{what_th}นี้ได้รับการพิจารณาแล้ว ({status.value}) — โปรดโหลดใหม่",
            f"This request was already decided ({status.value})",
        )


def check_closing_date(closed_on: date, issued_on: date) -> None:
    check = Checker()
    check.not_before("closed_on", closed_on, issued_on, "วันที่ปิดเรื่องต้องไม่ก่อนวันที่สั่งการ", "Closed before issued")
    check.raise_if_any()
