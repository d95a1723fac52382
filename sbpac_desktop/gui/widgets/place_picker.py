"""Picking places of the southern border area: a tree (จังหวัด → อำเภอ → ตำบล) with check boxes
and a type-to-search box, or a single-place combo. The places are given (services/places.py
`all_places`, read once by the dialog); the widgets never read the database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.services.places import PlaceView

DATA = Qt.ItemDataRole.UserRole


class PlacePicker(QWidget):
    """Several places: tick them in the tree, or type a name and press Enter to tick and show it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placePicker")
        self.search = QLineEdit(self)
        self.search.setObjectName("placeSearch")
        self.search.setPlaceholderText(self.tr("พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด แล้วกด Enter เพื่อเลือก"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("placeTree")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(140)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("placeChosen")
        self.chosen.setWordWrap(True)
        layout = flush(QVBoxLayout(self), spacing=4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.chosen)
        self.items: dict[int, QTreeWidgetItem] = {}
        self.labels: dict[str, int] = {}
        self.tree.itemChanged.connect(lambda *_: self._changed())
        self.search.returnPressed.connect(self.pick_typed)
        self._changed()

    def set_places(self, places: Sequence[PlaceView], checked: Iterable[int] = ()) -> None:
        """Parents come before children (code order), so each item finds its parent already made."""
        ticked = set(checked)
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items.clear()
        for place in places:
            parent = self.items.get(place.parent_id) if place.parent_id else None
            item = QTreeWidgetItem(parent or self.tree, [place.long_label])
            item.setData(0, DATA, place.id)
            item.setToolTip(0, f"{place.label} ({place.code})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if place.id in ticked else Qt.CheckState.Unchecked)
            self.items[place.id] = item
        self.labels = {p.label: p.id for p in places}
        completer = QCompleter(sorted(self.labels), self.search)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(lambda text: self.pick(self.labels.get(text)))
        self.search.setCompleter(completer)
        for place_id in ticked:
            self._reveal(place_id)
        self.tree.blockSignals(False)
        self._changed()

    def pick_typed(self) -> None:
        text = self.search.text().strip()
        exact = self.labels.get(text)
        if exact is None:
            found = [pid for label, pid in self.labels.items() if text and text in label]
            exact = found[0] if len(found) == 1 else None
        self.pick(exact)

    def pick(self, place_id: int | None) -> None:
        if place_id is None or place_id not in self.items:
            return
        self.items[place_id].setCheckState(0, Qt.CheckState.Checked)
        self._reveal(place_id)
        self.tree.setCurrentItem(self.items[place_id])
        self.search.clear()

    def _reveal(self, place_id: int) -> None:
        parent = self.items[place_id].parent() if place_id in self.items else None
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()

    def checked_ids(self) -> list[int]:
        return [pid for pid, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, place_ids: Iterable[int]) -> None:
        wanted = set(place_ids)
        for pid, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if pid in wanted else Qt.CheckState.Unchecked)
            if pid in wanted:
                self._reveal(pid)

    def _changed(self) -> None:
        names = [self.items[pid].toolTip(0).rsplit(" (", 1)[0] for pid in self.checked_ids()]
        if names:
            self.chosen.setText(self.tr("เลือกแล้ว {count} แห่ง: {names}").format(
                count=digits(str(len(names))), names=", ".join(names)))  # fmt: skip
        else:
            self.chosen.setText(self.tr("ยังไม่ได้เลือกพื้นที่"))
        self.changed.emit()


class PlaceCombo(IdCombo):
    """One place (or none), typed to search: 'ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี'."""

    def __init__(self, parent: QWidget | None = None, *, none_label: str | None = None) -> None:
        super().__init__(parent, none_label=none_label or self.tr("— ไม่ระบุพื้นที่ —"), editable=True)
        self.setObjectName("placeCombo")

    def set_places(self, places: Sequence[PlaceView]) -> None:
        self.set_items([(p.label, p.id) for p in places])
