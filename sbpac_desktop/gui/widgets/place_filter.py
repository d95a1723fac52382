"""The place filter of the tracker and the dashboard: a province ("ทุกจังหวัด"), then a district of
that province ("ทุกอำเภอ"). It gives one place id — the district when one is chosen, else the
province, else None — and the services count what is tied to that place or anything under it
(services/places.py `directives_in_place`). The places are given (provinces and districts from
`list_places`, read by the page); the widget never reads the database."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.places import PlaceView


class PlaceFilter(QWidget):
    """Two combos side by side; `changed` fires when the user picks either (not on set_places)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeFilter")
        self.province = QComboBox(self)
        self.province.setObjectName("provinceFilter")
        self.province.setToolTip(self.tr("เฉพาะข้อสั่งการที่เกี่ยวกับพื้นที่ในจังหวัดนี้"))
        self.district = QComboBox(self)
        self.district.setObjectName("districtFilter")
        self.district.setToolTip(self.tr("เฉพาะข้อสั่งการที่เกี่ยวกับพื้นที่ในอำเภอนี้"))
        for combo in (self.province, self.district):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = flush(QHBoxLayout(self), spacing=4)
        layout.addWidget(self.province)
        layout.addWidget(self.district)
        self.districts: dict[int, list[PlaceView]] = {}
        self.set_places([])
        self.province.activated.connect(self._province_picked)
        self.district.activated.connect(lambda _index: self.changed.emit())

    def set_places(self, places: Sequence[PlaceView]) -> None:
        """Provinces and districts (other levels are ignored); the current choice is kept if still there."""
        kept = self.province.currentData(), self.district.currentData()
        self.districts = {}
        for place in places:
            if place.level == "district" and place.parent_id is not None:
                self.districts.setdefault(place.parent_id, []).append(place)
        self.province.blockSignals(True)
        self.province.clear()
        self.province.addItem(self.tr("ทุกจังหวัด"), None)
        for place in places:
            if place.level == "province":
                self.province.addItem(place.long_label, place.id)
        self.province.blockSignals(False)
        self.choose(*kept)

    def choose(self, province_id: int | None, district_id: int | None = None) -> None:
        """Show a choice without firing `changed` (a drill-down, or places reloaded)."""
        self.province.setCurrentIndex(max(self.province.findData(province_id), 0))
        self._fill_districts()
        self.district.setCurrentIndex(max(self.district.findData(district_id), 0))

    def choose_place(self, place_id: int | None) -> None:
        """A place id as `place_id()` gives it: a province, or a district (its province found here)."""
        for province_id, districts in self.districts.items():
            if any(d.id == place_id for d in districts):
                self.choose(province_id, place_id)
                return
        self.choose(place_id)

    def place_id(self) -> int | None:
        district = self.district.currentData()
        return district if district is not None else self.province.currentData()

    def _province_picked(self, _index: int) -> None:
        self._fill_districts()
        self.changed.emit()

    def _fill_districts(self) -> None:
        province_id = self.province.currentData()
        self.district.clear()
        self.district.addItem(self.tr("ทุกอำเภอ"), None)
        for place in self.districts.get(province_id, []) if province_id is not None else []:
            self.district.addItem(place.long_label, place.id)
        self.district.setEnabled(province_id is not None)
