"""Meetings list: number n/BE, date, title, venue, status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.text import date_text, thai_digits, wrappable
from sbpac_desktop.services.meetings.meeting_list import MeetingView


class MeetingsModel(DtoTableModel[MeetingView]):
    COL_NUMBER = 0
    COL_DATE = 1
    COL_TITLE = 2
    COL_VENUE = 3
    COL_STATUS = 4
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_TITLE: 3, COL_VENUE: 2}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("ครั้งที่"),
            self.tr("วันที่"),
            self.tr("ชื่อการประชุม"),
            self.tr("สถานที่"),
            self.tr("สถานะ"),
        )

    def display(self, row: MeetingView, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number_text(thai_digits())
        if column == self.COL_DATE:
            return date_text(row.meeting_date)
        if column == self.COL_TITLE:
            return wrappable(row.title)
        if column == self.COL_VENUE:
            return wrappable(row.venue)
        return domain_label(row.status.label)

    def sort_value(self, row: MeetingView, column: int) -> Any:
        if column == self.COL_NUMBER:
            return row.be_year * 10_000 + row.number
        if column == self.COL_DATE:
            return row.meeting_date
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_VENUE:
            return row.venue
        return row.status.label

    def tooltip(self, row: MeetingView, column: int) -> str | None:
        return row.series_name if column == self.COL_TITLE else None
