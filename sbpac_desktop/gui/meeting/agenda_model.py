"""The agenda as a tree: sections (ระเบียบวาระที่ ๔ …) with items ๔.๑ and sub-items ๔.๑.๑.

Drag and drop never rearranges the rows itself: a drop is turned into one request
"put item X at position P under parent Y in section S" (`move_requested`); the tab asks
the service, and the tree is rebuilt from the numbers the service computed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from sbpac_desktop.domain.agenda import TimedItem, Timetable, plan_timetable
from sbpac_desktop.gui.text import BLANK, digits, thai_digits
from sbpac_desktop.services.meetings.agenda import AgendaItemView
from sbpac_desktop.thai import time_text

MIME_TYPE = "application/x-sbpac-agenda-item"
KIND_ROLE = Qt.ItemDataRole.UserRole + 10  # "section" or "item"
SECTION_ROLE = Qt.ItemDataRole.UserRole + 11
VIEW_ROLE = Qt.ItemDataRole.UserRole + 12  # the AgendaItemView of an item row
MAX_ITEM_DEPTH = 2  # ๔.๑ is depth 1, ๔.๑.๑ depth 2 (domain.agenda.MAX_DEPTH levels in all)

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MoveTarget:
    item_id: int
    section: int
    parent_id: int | None
    position: int  # 1-based among the new siblings, the item itself not counted


class AgendaTreeModel(QStandardItemModel):
    move_requested = Signal(object)  # MoveTarget

    COL_TITLE = 0
    COL_PRESENTER = 1
    COL_TIME = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: dict[int, AgendaItemView] = {}
        self._rows: dict[int, QStandardItem] = {}
        self.read_only = False
        self.timetable: Timetable = plan_timetable(None, [])
        self.setHorizontalHeaderLabels([self.tr("เรื่อง"), self.tr("ผู้นำเสนอ"), self.tr("เวลา")])

    # --- content ---------------------------------------------------------------------
    def set_agenda(
        self, sections: Mapping[int, str], items: Sequence[AgendaItemView], start: time | None = None
    ) -> None:
        """`items` in number order; `start` (the meeting's start time) gives each item its planned start."""
        self.removeRows(0, self.rowCount())
        self.timetable = plan_timetable(start, [TimedItem(item.id, item.planned_minutes) for item in items])
        self._views = {item.id: item for item in items}
        self._rows = {}
        section_rows: dict[int, QStandardItem] = {}
        for number, title in sections.items():
            row = self._section_row(number, title)
            section_rows[number] = row
            self.appendRow([row, self._cell(""), self._cell("")])
        for item in items:  # services list items in number order, parents before children
            parent = self._rows.get(item.parent_id) if item.parent_id else section_rows.get(item.section)
            if parent is None:
                continue
            row = self._item_row(item)
            self._rows[item.id] = row
            parent.appendRow([row, self._cell(item.presenter_name or BLANK), self._cell(self.time_text(item))])

    def time_text(self, item: AgendaItemView) -> str:
        """The time column: the planned start over the length ('๐๙.๓๐ น.' / '๑๕ นาที'), either, or ''."""
        start = self.timetable.start_of(item.id)
        parts = [time_text(start, thai_digits=thai_digits())] if start is not None else []
        if item.planned_minutes is not None:
            parts.append(self.tr("{n} นาที").format(n=digits(str(item.planned_minutes))))
        return "\n".join(parts)

    def _section_row(self, number: int, title: str) -> QStandardItem:
        label = self.tr("ระเบียบวาระที่ {number}  {title}").format(number=digits(str(number)), title=title)
        row = QStandardItem(label)
        font = QFont(row.font())
        font.setBold(True)
        row.setFont(font)
        row.setData("section", KIND_ROLE)
        row.setData(number, SECTION_ROLE)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled)
        return row

    def _item_row(self, item: AgendaItemView) -> QStandardItem:
        row = QStandardItem(f"{item.number_text(thai_digits())}  {item.title}")
        row.setData("item", KIND_ROLE)
        row.setData(item.section, SECTION_ROLE)
        row.setData(item, VIEW_ROLE)
        row.setToolTip(item.title)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if item.depth < MAX_ITEM_DEPTH:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        row.setFlags(flags | Qt.ItemFlag.ItemIsDragEnabled)
        return row

    def _cell(self, text: str) -> QStandardItem:
        cell = QStandardItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return cell

    # --- lookups ---------------------------------------------------------------------
    def views(self) -> list[AgendaItemView]:
        return list(self._views.values())

    def view(self, item_id: int) -> AgendaItemView | None:
        return self._views.get(item_id)

    def index_of_item(self, item_id: int) -> QModelIndex:
        row = self._rows.get(item_id)
        return row.index() if row is not None else QModelIndex()

    def index_of_section(self, section: int) -> QModelIndex:
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(SECTION_ROLE) == section:
                return index
        return QModelIndex()

    def children_of(self, parent_id: int | None, section: int) -> list[AgendaItemView]:
        found = [v for v in self._views.values() if v.parent_id == parent_id and v.section == section]
        return sorted(found, key=lambda v: v.position)

    def has_children(self, item_id: int) -> bool:
        return any(v.parent_id == item_id for v in self._views.values())

    def _descends_from(self, item_id: int | None, ancestor_id: int) -> bool:
        while item_id is not None:
            if item_id == ancestor_id:
                return True
            view = self._views.get(item_id)
            item_id = view.parent_id if view else None
        return False

    # --- drag and drop ---------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        for index in indexes:
            view = index.siblingAtColumn(0).data(VIEW_ROLE)
            if isinstance(view, AgendaItemView):
                data.setData(MIME_TYPE, QByteArray(str(view.id).encode()))
                break
        return data

    @staticmethod
    def item_id_in(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        return int(raw) if raw.isdigit() else None

    def target_for(self, item_id: int, row: int, parent: AnyIndex) -> MoveTarget | None:
        """Where a drop at (row, parent) puts the item; None when it cannot go there."""
        view = self._views.get(item_id)
        parent = parent.sibling(parent.row(), 0) if parent.isValid() else parent
        if view is None or not parent.isValid():
            return None
        section = parent.data(SECTION_ROLE)
        if parent.data(KIND_ROLE) == "section":
            parent_id, depth = None, 1
        else:
            target_view = parent.data(VIEW_ROLE)
            if not isinstance(target_view, AgendaItemView) or self._descends_from(target_view.id, item_id):
                return None
            parent_id, depth = target_view.id, target_view.depth + 1
        if depth + (1 if self.has_children(item_id) else 0) > MAX_ITEM_DEPTH:
            return None
        siblings = [s for s in self.children_of(parent_id, section) if s.id != item_id]
        if row < 0:
            return MoveTarget(item_id, section, parent_id, len(siblings) + 1)
        current = self.children_of(parent_id, section)
        before = [s for s in current[:row] if s.id != item_id]
        return MoveTarget(item_id, section, parent_id, len(before) + 1)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        item_id = self.item_id_in(data)
        if self.read_only or item_id is None or action != Qt.DropAction.MoveAction:
            return False
        return self.target_for(item_id, row, parent) is not None

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Ask for the move; return False so the view never removes the dragged row itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = self.item_id_in(data)
        assert item_id is not None
        target = self.target_for(item_id, row, parent)
        view = self._views[item_id]
        if target is not None and (target.section, target.parent_id, target.position) != (
            view.section,
            view.parent_id,
            view.position,
        ):
            self.move_requested.emit(target)
        return False
