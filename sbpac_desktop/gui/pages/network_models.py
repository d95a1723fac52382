"""Table models of the เครือข่ายภาคประชาชน page: the register of network members and volunteer
graduates, and one member's reports (DTOs from services/field/network.py only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.models.positions import INACTIVE_COLOUR
from sbpac_desktop.gui.text import date_text, digits, or_blank, wrappable
from sbpac_desktop.services.field.network import ExternalReportView, MemberView

RATING_TINT = {"effective": "#e4f4e4", "partial": "#fff4ce", "not_effective": "#fbe1de"}


def kind_text(kind: str, *, short: bool = False) -> str:
    """The kinds in the interface's language (the services keep the Thai for documents)."""
    if short:
        return (
            QCoreApplication.translate("NetworkPage", "บัณฑิตอาสา")
            if kind == "volunteer"
            else QCoreApplication.translate("NetworkPage", "เครือข่าย")
        )
    return (
        QCoreApplication.translate("NetworkPage", "บัณฑิตอาสาพัฒนามาตุภูมิ")
        if kind == "volunteer"
        else QCoreApplication.translate("NetworkPage", "เครือข่ายภาคประชาชน")
    )


def rating_text(rating: str) -> str:
    return {
        "effective": QCoreApplication.translate("NetworkPage", "เห็นผล"),
        "partial": QCoreApplication.translate("NetworkPage", "เห็นผลบางส่วน"),
        "not_effective": QCoreApplication.translate("NetworkPage", "ไม่เห็นผล"),
    }[rating]


def period_text(member: MemberView) -> str:
    """'1 ต.ค. 2562 – ปัจจุบัน'; blank when no period was given (active throughout)."""
    if member.active_from is None and member.active_to is None:
        return or_blank(None)
    start = date_text(member.active_from) if member.active_from else QCoreApplication.translate("NetworkPage", "ไม่ระบุ")
    end = date_text(member.active_to) if member.active_to else QCoreApplication.translate("NetworkPage", "ปัจจุบัน")
    return f"{start} – {end}"


def contact_text(member: MemberView) -> str:
    return or_blank("\n".join(part for part in (member.phone, member.email) if part))


class MembersModel(DtoTableModel[MemberView]):
    COL_KIND, COL_NAME, COL_ORG, COL_PLACE, COL_CONTACT, COL_PERIOD = range(6)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_NAME: 2, COL_ORG: 3, COL_PLACE: 3}

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()

    def headers(self) -> Sequence[str]:
        return (self.tr("ประเภท"), self.tr("ชื่อ-นามสกุล"), self.tr("องค์กร"), self.tr("พื้นที่ (ตำบล)"),
                self.tr("ติดต่อ"), self.tr("ช่วงปฏิบัติงาน"))  # fmt: skip

    def display(self, row: MemberView, column: int) -> str:
        if column == self.COL_KIND:
            return kind_text(row.kind, short=True)
        if column == self.COL_NAME:
            return wrappable(row.full_name)
        if column == self.COL_ORG:
            return wrappable(row.organisation)
        if column == self.COL_PLACE:
            return wrappable(row.place_label)
        if column == self.COL_CONTACT:
            return contact_text(row)
        return period_text(row)

    def sort_value(self, row: MemberView, column: int) -> Any:
        values = (row.kind, row.full_name, row.organisation, row.place_label, row.phone or row.email,
                  row.active_from)  # fmt: skip
        return values[column]

    def tooltip(self, row: MemberView, column: int) -> str | None:
        return kind_text(row.kind) if column == self.COL_KIND else None

    def foreground(self, row: MemberView, column: int) -> QColor | None:
        return None if row.active_on(self.today) else INACTIVE_COLOUR


class ReportsModel(DtoTableModel[ExternalReportView]):
    COL_DATE, COL_ABOUT, COL_RATING, COL_TEXT = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_ABOUT: 2, COL_TEXT: 5}

    def headers(self) -> Sequence[str]:
        return (self.tr("วันที่รายงาน"), self.tr("ข้อสั่งการ / พื้นที่"), self.tr("ผลที่เห็น"), self.tr("รายละเอียด"))

    def display(self, row: ExternalReportView, column: int) -> str:
        if column == self.COL_DATE:
            return date_text(row.report_on)
        if column == self.COL_ABOUT:
            about = "\n".join(part for part in (row.directive_number, row.place_label) if part)
            return wrappable(digits(about)) if about else or_blank(None)
        if column == self.COL_RATING:
            return rating_text(row.rating)
        return wrappable(row.text)

    def sort_value(self, row: ExternalReportView, column: int) -> Any:
        rank = {"effective": 0, "partial": 1, "not_effective": 2}
        return (row.report_on, row.directive_number or row.place_label, rank[row.rating], row.text)[column]

    def background(self, row: ExternalReportView, column: int) -> QColor | None:
        return QColor(RATING_TINT[row.rating]) if column == self.COL_RATING else None
