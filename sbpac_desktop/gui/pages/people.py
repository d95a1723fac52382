"""บุคคลและหน่วยงาน: posts, their units and current holders."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.models.positions import PositionsModel
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.services import org
from sbpac_desktop.services.app import AppContext


class PeoplePage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PositionsModel(), parent)
        self.heading.setText(self.tr("บุคคลและหน่วยงาน"))

    def reload(self) -> None:
        try:
            rows = org.list_positions(self.ctx.db, self.ctx.actor)
        except AppError as error:
            self.show_error(error)
            return
        self.show_rows(rows)
