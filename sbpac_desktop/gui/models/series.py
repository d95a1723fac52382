"""Meeting series and, for the selected one, its standing members: deactivated series are
greyed and say so; a vacant member post says ว่าง."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtGui import QColor

from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.models.positions import INACTIVE_COLOUR
from sbpac_desktop.gui.text import digits, or_blank, wrappable
from sbpac_desktop.services.meetings.series import SeriesMemberView, SeriesView

VACANT_COLOUR = QColor("#b3261e")


class SeriesModel(DtoTableModel[SeriesView]):
    COL_NAME, COL_SHORT, COL_CHAIR, COL_VENUE, COL_TEMPLATE, COL_MEMBERS, COL_STATE = range(7)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_NAME: 4, COL_CHAIR: 2, COL_VENUE: 2}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("ชุดการประชุม"), self.tr("ชื่อย่อ"), self.tr("ตำแหน่งประธาน"), self.tr("สถานที่ประชุมประจำ"),
            self.tr("ระเบียบวาระ"), self.tr("กรรมการประจำ"), self.tr("สถานะ"),
        )  # fmt: skip

    def display(self, row: SeriesView, column: int) -> str:
        if column == self.COL_NAME:
            return wrappable(row.name)
        if column == self.COL_SHORT:
            return or_blank(row.short_name)
        if column == self.COL_CHAIR:
            return wrappable(row.chair_label) if row.chair_label else or_blank(None)
        if column == self.COL_VENUE:
            return wrappable(row.default_venue) if row.default_venue else or_blank(None)
        if column == self.COL_TEMPLATE:
            return domain_label(row.agenda_template.label)
        if column == self.COL_MEMBERS:
            return self.tr("{count} ตำแหน่ง").format(count=digits(str(len(row.members))))
        return self.tr("ใช้งาน") if row.active else self.tr("ระงับแล้ว")

    def sort_value(self, row: SeriesView, column: int) -> Any:
        values = (row.name, row.short_name, row.chair_label, row.default_venue, row.agenda_template.value,
                  len(row.members), row.active)  # fmt: skip
        return values[column]

    def foreground(self, row: SeriesView, column: int) -> QColor | None:
        return None if row.active else INACTIVE_COLOUR


class MembersModel(DtoTableModel[SeriesMemberView]):
    COL_ORDER, COL_POST, COL_ROLE, COL_HOLDER = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_POST: 3, COL_HOLDER: 2}

    def headers(self) -> Sequence[str]:
        return (self.tr("ลำดับ"), self.tr("ตำแหน่ง"), self.tr("บทบาทในที่ประชุม"), self.tr("ผู้ดำรงตำแหน่งวันนี้"))

    def display(self, row: SeriesMemberView, column: int) -> str:
        if column == self.COL_ORDER:
            return digits(str(row.sort_order))
        if column == self.COL_POST:
            label = (
                row.position_label
                if row.position_active
                else self.tr("{post} (ระงับแล้ว)").format(post=row.position_label)
            )
            return wrappable(label)
        if column == self.COL_ROLE:
            return or_blank(row.meeting_role)
        return row.holder_name or self.tr("ว่าง")

    def sort_value(self, row: SeriesMemberView, column: int) -> Any:
        return (row.sort_order, row.position_label, row.meeting_role, row.holder_name)[column]

    def foreground(self, row: SeriesMemberView, column: int) -> QColor | None:
        if column == self.COL_HOLDER and not row.holder_name:
            return VACANT_COLOUR
        return None if row.position_active else INACTIVE_COLOUR
