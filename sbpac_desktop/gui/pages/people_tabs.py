"""The three tabs of the People & units page. Each shows DTOs the page loaded and asks the
page (`host`) to open dialogs or run a change; none reads the database itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.models.positions import INACTIVE_COLOUR, PositionsModel
from sbpac_desktop.gui.pages.people_models import PeopleModel, TermsModel
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.items import tree_items
from sbpac_desktop.gui.widgets.pickers import post_label
from sbpac_desktop.gui.widgets.table import DtoTableView
from sbpac_desktop.services.people.org import IncumbencyView, OrgUnitView, PersonView, PositionView
from sbpac_desktop.thai import thai_sort_key

UNIT_ROLE = Qt.ItemDataRole.UserRole


class Host(Protocol):
    """What the tabs need from the page."""

    def edit_unit(self, unit: OrgUnitView | None, parent_id: int | None = None) -> None: ...
    def edit_position(self, position: PositionView | None) -> None: ...
    def edit_person(self, person: PersonView | None) -> None: ...
    def edit_term(self, position_id: int | None, term: IncumbencyView | None = None) -> None: ...
    def set_active(self, row: OrgUnitView | PositionView | PersonView, active: bool) -> None: ...


def button(text: str, tip: str, slot: Callable[[], object], name: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setToolTip(tip)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


def bar(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def selected(table: DtoTableView) -> object:
    """The row's view as the model holds it; each tab checks it is its own kind."""
    index = table.currentIndex()
    return index.data(ITEM_ROLE) if index.isValid() else None


class PostsTab(QWidget):
    """Posts, and below them the terms in office of the selected post."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.terms: list[IncumbencyView] = []
        self.model = PositionsModel()
        self.table = DtoTableView(self.model, self)
        self.table.setObjectName("postsTable")
        self.term_model = TermsModel()
        self.term_table = DtoTableView(self.term_model, self)
        self.term_table.setObjectName("termsTable")
        self.terms_heading = QLabel(self.tr("วาระการดำรงตำแหน่ง"), self)
        self.add_button = button(self.tr("เพิ่มตำแหน่ง"), self.tr("เพิ่มตำแหน่งใหม่ (Ctrl+N)"),
                                 lambda: host.edit_position(None), "addPosition")  # fmt: skip
        self.edit_button = button(self.tr("แก้ไข"), self.tr("แก้ไขตำแหน่งที่เลือก (F2)"), self.edit_selected, "editPosition")
        self.assign_button = button(self.tr("กำหนดผู้ดำรงตำแหน่ง…"), self.tr("ผู้ดำรงตำแหน่งคนใหม่ หรือรักษาราชการแทน"),
                                    self.assign, "assignHolder")  # fmt: skip
        self.active_button = button(self.tr("ระงับการใช้งาน"), self.tr("ระงับหรือเปิดใช้ตำแหน่งที่เลือก"),
                                    self.toggle_active, "togglePosition")  # fmt: skip
        self.term_button = button(self.tr("แก้ไข/สิ้นสุดวาระ…"), self.tr("แก้ไขวันที่ หรือบันทึกวันสิ้นสุดวาระที่เลือก"),
                                  self.edit_term, "editTerm")  # fmt: skip
        self._lay_out()
        self.table.selectionModel().currentRowChanged.connect(self._post_changed)
        self.table.doubleClicked.connect(self.edit_selected)
        self.term_table.doubleClicked.connect(self.edit_term)

    def _lay_out(self) -> None:
        top = QWidget(self)
        upper = flush(QVBoxLayout(top))
        upper.addLayout(bar(self.add_button, self.edit_button, self.assign_button, self.active_button))
        upper.addWidget(self.table, 1)
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 4, 0, 0)
        heading = bar(self.terms_heading, self.term_button)
        lower.addLayout(heading)
        lower.addWidget(self.term_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    def show_data(self, positions: Sequence[PositionView], terms: Sequence[IncumbencyView]) -> None:
        current = self.selected()
        self.terms = list(terms)
        self.model.set_rows(positions)
        self.select(current.id if current else None)
        self._post_changed()

    def select(self, position_id: int | None) -> None:
        row = self.table.row_of(lambda v: isinstance(v, PositionView) and v.id == position_id)
        self.table.selectRow(row if row is not None else 0)

    def selected(self) -> PositionView | None:
        view = selected(self.table)
        return view if isinstance(view, PositionView) else None

    def selected_term(self) -> IncumbencyView | None:
        view = selected(self.term_table)
        return view if isinstance(view, IncumbencyView) else None

    def _post_changed(self, *_: object) -> None:
        post = self.selected()
        self.term_model.set_rows([t for t in self.terms if post and t.position_id == post.id])
        if post is not None:
            self.terms_heading.setText(self.tr("วาระการดำรงตำแหน่ง: {post}").format(post=post_label(post)))
            self.active_button.setText(self.tr("ระงับการใช้งาน") if post.active else self.tr("เปิดใช้งาน"))
        for widget in (self.edit_button, self.assign_button, self.active_button):
            widget.setEnabled(post is not None)
        self.assign_button.setEnabled(bool(post and post.active))
        if self.term_model.rowCount():
            self.term_table.selectRow(0)

    def edit_selected(self, *_: object) -> None:
        if (post := self.selected()) is not None:
            self.host.edit_position(post)

    def assign(self) -> None:
        if (post := self.selected()) is not None:
            self.host.edit_term(post.id)

    def edit_term(self, *_: object) -> None:
        if (term := self.selected_term()) is not None:
            self.host.edit_term(term.position_id, term)

    def toggle_active(self) -> None:
        if (post := self.selected()) is not None:
            self.host.set_active(post, not post.active)


class UnitsTab(QWidget):
    """The unit tree: ศอ.บต. with its divisions; ministries and departments at the top level."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("unitsTree")
        self.tree.setHeaderLabels([self.tr("หน่วยงาน"), self.tr("ชื่อย่อ"), self.tr("ประเภท")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")  # room for Thai marks, like the tables
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = button(self.tr("เพิ่มหน่วยงาน"), self.tr("หน่วยงานระดับบนสุด (Ctrl+N)"),
                                 lambda: host.edit_unit(None), "addUnit")  # fmt: skip
        self.add_child_button = button(self.tr("เพิ่มหน่วยงานย่อย"), self.tr("หน่วยงานภายใต้หน่วยงานที่เลือก"),
                                       self.add_child, "addChildUnit")  # fmt: skip
        self.edit_button = button(self.tr("แก้ไข"), self.tr("แก้ไขหน่วยงานที่เลือก (F2)"), self.edit_selected, "editUnit")
        self.active_button = button(self.tr("ระงับการใช้งาน"), self.tr("ระงับหรือเปิดใช้หน่วยงานที่เลือก"),
                                    self.toggle_active, "toggleUnit")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar(self.add_button, self.add_child_button, self.edit_button, self.active_button))
        layout.addWidget(self.tree, 1)
        self.tree.currentItemChanged.connect(self._unit_changed)
        self.tree.itemDoubleClicked.connect(self.edit_selected)

    def show_data(self, units: Sequence[OrgUnitView]) -> None:
        current = self.selected()
        self.tree.clear()
        children: dict[int | None, list[OrgUnitView]] = {}
        known = {u.id for u in units}
        for unit in units:
            parent = unit.parent_id if unit.parent_id in known else None
            children.setdefault(parent, []).append(unit)
        self._add_level(self.tree.invisibleRootItem(), children, None)
        self.tree.expandAll()
        self.select(current.id if current else None)
        self._unit_changed()

    def _add_level(
        self, parent: QTreeWidgetItem, children: dict[int | None, list[OrgUnitView]], key: int | None
    ) -> None:
        # the agency itself (ศอ.บต.) first, then the rest in Thai order
        ordered = sorted(children.get(key, []), key=lambda u: (u.kind.value != "agency", thai_sort_key(u.name)))
        for unit in ordered:
            name = unit.name if unit.active else self.tr("{name} (ระงับแล้ว)").format(name=unit.name)
            item = QTreeWidgetItem(parent, [name, unit.short_name or "", domain_label(unit.kind.label)])
            item.setData(0, UNIT_ROLE, unit)
            item.setToolTip(0, unit.name)
            if not unit.active:
                for column in range(3):
                    item.setForeground(column, INACTIVE_COLOUR)
            self._add_level(item, children, unit.id)

    def select(self, unit_id: int | None) -> None:
        items = self._items()
        match = next((i for i in items if unit_id is not None and i.data(0, UNIT_ROLE).id == unit_id), None)
        chosen = match or (items[0] if items else None)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def _items(self) -> list[QTreeWidgetItem]:
        return tree_items(self.tree)

    def selected(self) -> OrgUnitView | None:
        item = self.tree.currentItem()
        return item.data(0, UNIT_ROLE) if item is not None else None

    def _unit_changed(self, *_: object) -> None:
        unit = self.selected()
        for widget in (self.add_child_button, self.edit_button, self.active_button):
            widget.setEnabled(unit is not None)
        if unit is not None:
            self.active_button.setText(self.tr("ระงับการใช้งาน") if unit.active else self.tr("เปิดใช้งาน"))
            self.add_child_button.setEnabled(unit.active)

    def add_child(self) -> None:
        if (unit := self.selected()) is not None:
            self.host.edit_unit(None, unit.id)

    def edit_selected(self, *_: object) -> None:
        if (unit := self.selected()) is not None:
            self.host.edit_unit(unit)

    def toggle_active(self) -> None:
        if (unit := self.selected()) is not None:
            self.host.set_active(unit, not unit.active)


class PersonsTab(QWidget):
    """People in Thai order of their given names, with the posts they hold today."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.model = PeopleModel()
        self.table = DtoTableView(self.model, self)
        self.table.setObjectName("peopleTable")
        self.add_button = button(self.tr("เพิ่มบุคคล"), self.tr("เพิ่มบุคคลใหม่ (Ctrl+N)"),
                                 lambda: host.edit_person(None), "addPerson")  # fmt: skip
        self.edit_button = button(self.tr("แก้ไข"), self.tr("แก้ไขข้อมูลบุคคลที่เลือก (F2)"), self.edit_selected, "editPerson")
        self.active_button = button(self.tr("ระงับการใช้งาน"), self.tr("ระงับหรือเปิดใช้ข้อมูลบุคคลที่เลือก"),
                                    self.toggle_active, "togglePerson")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar(self.add_button, self.edit_button, self.active_button))
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._person_changed)
        self.table.doubleClicked.connect(self.edit_selected)

    def show_data(
        self, people: Sequence[PersonView], terms: Sequence[IncumbencyView], labels: dict[int, str], today: date
    ) -> None:
        """`labels`: post id -> its name with the agency (several posts share one title)."""
        current = self.selected()
        posts: dict[int, list[str]] = {}
        for term in terms:
            if term.current_on(today):
                suffix = self.tr(" (รักษาราชการแทน)") if term.acting else ""
                label = labels.get(term.position_id, term.position_title)
                posts.setdefault(term.person_id, []).append(label + suffix)
        self.model.set_people(people, {pid: ", ".join(titles) for pid, titles in posts.items()})
        self.table.sortByColumn(PeopleModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        row = self.table.row_of(lambda v: isinstance(v, PersonView) and current is not None and v.id == current.id)
        self.table.selectRow(row if row is not None else 0)
        self._person_changed()

    def selected(self) -> PersonView | None:
        view = selected(self.table)
        return view if isinstance(view, PersonView) else None

    def _person_changed(self, *_: object) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.active_button.setEnabled(person is not None)
        if person is not None:
            self.active_button.setText(self.tr("ระงับการใช้งาน") if person.active else self.tr("เปิดใช้งาน"))

    def edit_selected(self, *_: object) -> None:
        if (person := self.selected()) is not None:
            self.host.edit_person(person)

    def toggle_active(self) -> None:
        if (person := self.selected()) is not None:
            self.host.set_active(person, not person.active)
