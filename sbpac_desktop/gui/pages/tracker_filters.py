"""The tracker's filter boxes that need more than a line: the status combo with its Thai labels and
the place filter (province, then district) filled from the places of the area. Kept apart from
gui/pages/directives.py, which holds the page itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext


def status_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("statusFilter")
    combo.addItem(QCoreApplication.translate("DirectivesPage", "ทุกสถานะ"), None)
    labels = {
        "not_started": QCoreApplication.translate("DirectivesPage", "ยังไม่ดำเนินการ"),
        "in_progress": QCoreApplication.translate("DirectivesPage", "อยู่ระหว่างดำเนินการ"),
        "blocked": QCoreApplication.translate("DirectivesPage", "ติดขัด"),
        "due_soon": QCoreApplication.translate("DirectivesPage", "ใกล้ครบกำหนด"),
        "overdue": QCoreApplication.translate("DirectivesPage", "เกินกำหนด"),
        "done": QCoreApplication.translate("DirectivesPage", "ดำเนินการแล้วเสร็จ"),
        "cancelled": QCoreApplication.translate("DirectivesPage", "ยกเลิก"),
    }
    for key in STATUS_KEYS:
        combo.addItem(labels.get(key, key), key)
    return combo


def fill_places(place_filter: PlaceFilter, ctx: AppContext) -> None:
    """Provinces and districts of the area (a few dozen rows; tambons are not offered as a filter).
    Raises AppError like any service call; the page shows it."""
    rows = places.list_places(ctx.db, ctx.actor, level="province")
    rows += places.list_places(ctx.db, ctx.actor, level="district")
    place_filter.set_places(rows)
