"""ข้อสั่งการ: the directive tracker with derived status colours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.models.directives import DirectivesModel
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services import directives
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directive_views import DirectiveRow


class DirectivesPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DirectivesModel(), parent)
        self.heading.setText(self.tr("ข้อสั่งการ"))

    def reload(self) -> None:
        try:
            rows = directives.list_directives(self.ctx.db)
        except AppError as error:
            self.show_error(error)
            return
        self.show_rows(rows)

    def summary_text(self, rows: Sequence[object]) -> str:
        total = super().summary_text(rows)
        counts = Counter(row.status.key for row in rows if isinstance(row, DirectiveRow))
        parts = [
            (self.tr("เกินกำหนด"), counts["overdue"]),
            (self.tr("ใกล้ครบกำหนด"), counts["due_soon"]),
            (self.tr("อยู่ระหว่างดำเนินการ"), counts["in_progress"]),
            (self.tr("ยังไม่ดำเนินการ"), counts["not_started"]),
            (self.tr("แล้วเสร็จ"), counts["done"]),
        ]
        detail = " · ".join(f"{label} {digits(str(count))}" for label, count in parts if count)
        return f"{total} — {detail}" if detail else total
