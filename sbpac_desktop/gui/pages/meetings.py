"""การประชุม: the meetings list, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.models.meetings import MeetingsModel
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.services import meetings
from sbpac_desktop.services.app import AppContext


class MeetingsPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, MeetingsModel(), parent)
        self.heading.setText(self.tr("การประชุม"))

    def reload(self) -> None:
        try:
            rows = meetings.list_meetings(self.ctx.db)
        except AppError as error:
            self.show_error(error)
            return
        self.show_rows(rows)
