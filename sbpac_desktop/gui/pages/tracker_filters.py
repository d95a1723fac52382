"""The tracker's filter boxes that need more than a line: the status combo with its Thai labels and
the place filter (province, then district) filled from the places of the area. Kept apart from
gui/pages/directives.py, which holds the page itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.loading import loading_message, read_choices
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import tracker
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.places import PlaceView


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


@dataclass(frozen=True)
class FilterChoices:
    years: list[int]
    places: list[PlaceView]


def _read(ctx: AppContext) -> FilterChoices:
    """Worker thread: the fiscal years in use, the provinces and districts of the area (a few dozen
    rows; tambons are not offered as a filter). Raises AppError like any service call."""
    rows = places.list_places(ctx.db, ctx.actor, level="province")
    rows += places.list_places(ctx.db, ctx.actor, level="district")
    return FilterChoices(tracker.tracker_years(ctx.db, ctx.actor), rows)


def load_choices(
    page: QWidget,
    ctx: AppContext,
    year_filter: QComboBox,
    place_filter: PlaceFilter,
    then: Callable[[], None],
    failed: Callable[[BaseException], object],
) -> None:
    """Fill the year and place filters from the database thread, then `then`; both boxes are held
    until their lists are here, so no one filters on a list that is not there yet."""

    def filled(choices: FilterChoices) -> None:
        fill_years(year_filter, choices.years)
        place_filter.set_places(choices.places)
        then()

    hold = (year_filter, place_filter)
    read_choices(page, lambda: _read(ctx), filled, hold=hold, message=loading_message(), failed=failed)


def fill_years(year_filter: QComboBox, years: list[int]) -> bool:
    """The fiscal years after "ทุกปีงบประมาณ"; False when the chosen one is no longer offered."""
    chosen = year_filter.currentData()
    year_filter.blockSignals(True)
    while year_filter.count() > 1:
        year_filter.removeItem(1)
    for year in years:
        label = QCoreApplication.translate("DirectivesPage", "ปีงบประมาณ {year}")
        year_filter.addItem(label.format(year=digits(str(year))), year)
    index = year_filter.findData(chosen) if chosen is not None else 0
    year_filter.setCurrentIndex(max(index, 0))
    year_filter.blockSignals(False)
    return index >= 0


def refresh_years(page: QWidget, ctx: AppContext, year_filter: QComboBox, dropped: Callable[[], object]) -> None:
    """The years were read when the page first showed: a directive saved since may open a fiscal
    year they lack (on a new office, the first directive's). `dropped`: the chosen year went."""

    def filled(years: list[int]) -> None:
        if not fill_years(year_filter, years):
            dropped()

    Operation(page, lambda: tracker.tracker_years(ctx.db, ctx.actor)).success(filled).run()


def empty_text(filters: DirectiveFilter) -> str:
    """An empty tracker: on a new office, where directives come from; else, that the filters left none."""
    if filters != DirectiveFilter():
        return QCoreApplication.translate("DirectivesPage", "ไม่พบข้อสั่งการตามเงื่อนไขที่กรอง")
    return QCoreApplication.translate(
        "DirectivesPage", "ยังไม่มีข้อสั่งการ — กด “ข้อสั่งการใหม่” หรือเพิ่มจากเรื่องในระเบียบวาระของการประชุม"
    )
