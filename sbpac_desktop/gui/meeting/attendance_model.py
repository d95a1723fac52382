"""The attendance grid's model and editors: one row per person, edited in place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyleOptionViewItem, QWidget

from sbpac_desktop.domain.enums import AttendanceKind
from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.gui.widgets.table import PaddedDelegate
from sbpac_desktop.services.meetings.attendance import AttendanceInput, AttendanceView

VIEW_ROLE = Qt.ItemDataRole.UserRole + 20  # the AttendanceView of the row (column 0)
KIND_ROLE = Qt.ItemDataRole.UserRole + 21  # the AttendanceKind (column COL_KIND)
ERROR_TINT = "#f8d0cc"

AnyIndex = QModelIndex | QPersistentModelIndex


class AttendanceModel(QStandardItemModel):
    COL_NAME = 0
    COL_POSITION = 1
    COL_KIND = 2
    COL_REASON = 3
    COL_SUBSTITUTE = 4
    COL_ROLE = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loading = False
        self.people_by_name: dict[str, int] = {}
        self.names_by_id: dict[int, str] = {}
        self.setHorizontalHeaderLabels(
            [
                self.tr("ชื่อ-สกุล"),
                self.tr("ตำแหน่ง"),
                self.tr("การเข้าประชุม"),
                self.tr("เหตุผลที่ไม่มา"),
                self.tr("มาประชุมแทน"),
                self.tr("บทบาทในที่ประชุม"),
            ]
        )

    def set_people(self, names_by_id: dict[int, str]) -> None:
        self.names_by_id = dict(names_by_id)
        self.people_by_name = {name: person_id for person_id, name in names_by_id.items()}

    def set_rows(self, rows: Sequence[AttendanceView]) -> None:
        self.loading = True
        self.removeRows(0, self.rowCount())
        for view in rows:
            self.appendRow(self._cells(view))
        self.loading = False

    def _cells(self, view: AttendanceView) -> list[QStandardItem]:
        name = QStandardItem(view.person_name)
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        name.setData(view, VIEW_ROLE)
        kind = QStandardItem(domain_label(view.kind.label))
        kind.setData(view.kind, KIND_ROLE)
        substitute = view.substitute_for_text or self.names_by_id.get(view.substitute_for_person_id or -1, "")
        cells = [
            name,
            QStandardItem(view.position_text or ""),
            kind,
            QStandardItem(view.absence_reason or ""),
            QStandardItem(substitute),
            QStandardItem(view.meeting_role or ""),
        ]
        return cells

    def update_row(self, row: int, view: AttendanceView) -> None:
        """After a save: the fresh version, cells as the service normalized them."""
        self.loading = True
        for column, cell in enumerate(self._cells(view)):
            self.setItem(row, column, cell)
        self.loading = False

    def view_at(self, row: int) -> AttendanceView:
        view = self.item(row, self.COL_NAME).data(VIEW_ROLE)
        assert isinstance(view, AttendanceView)
        return view

    def row_of_person(self, person_id: int) -> int:
        for row in range(self.rowCount()):
            if self.view_at(row).person_id == person_id:
                return row
        return -1

    def kind_at(self, row: int) -> AttendanceKind:
        """Qt hands a StrEnum back as its plain str value: turn it into the member again."""
        value = self.item(row, self.COL_KIND).data(KIND_ROLE)
        return AttendanceKind(value) if value else AttendanceKind.PRESENT

    def input_at(self, row: int) -> AttendanceInput:
        def text(column: int) -> str | None:
            value = self.item(row, column).text().strip()
            return value or None

        kind = self.kind_at(row)
        substitute = text(self.COL_SUBSTITUTE)
        substitute_id = self.people_by_name.get(substitute or "")
        return AttendanceInput(
            person_id=self.view_at(row).person_id,
            kind=kind,
            position_text=text(self.COL_POSITION),
            meeting_role=text(self.COL_ROLE),
            absence_reason=text(self.COL_REASON),
            substitute_for_person_id=substitute_id,
            substitute_for_text=None if substitute_id is not None else substitute,
        )

    def mark_row(self, row: int, message: str | None) -> None:
        """Tint a row that could not be saved (and say why in the tooltip); clear it again."""
        self.loading = True
        for column in range(self.columnCount()):
            cell = self.item(row, column)
            cell.setBackground(QBrush(QColor(ERROR_TINT)) if message else QBrush())
            cell.setToolTip(message or "")
        self.loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.loading = True  # flag changes emit itemChanged too: they are not edits
        for row in range(self.rowCount()):
            for column in range(1, self.columnCount()):
                cell = self.item(row, column)
                editable = Qt.ItemFlag.ItemIsEditable
                cell.setFlags(cell.flags() & ~editable if read_only else cell.flags() | editable)
        self.loading = False


class KindDelegate(PaddedDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        editor = EnumCombo(AttendanceKind, parent)
        editor.activated.connect(lambda _index: self.commitData.emit(editor))  # picking a kind saves it
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        kind = index.data(KIND_ROLE)
        if isinstance(editor, EnumCombo) and kind:
            editor.set_value(AttendanceKind(kind))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, EnumCombo):
            kind = editor.value()
            model.setData(index, kind, KIND_ROLE)
            model.setData(index, domain_label(kind.label), Qt.ItemDataRole.DisplayRole)


class ChoiceDelegate(PaddedDelegate):
    """Free text with suggestions (meeting roles, people's names)."""

    def __init__(self, choices: Sequence[str], parent: QObject | None = None, *, combo: bool = True) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.combo = combo

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        if self.combo:
            box = QComboBox(parent)
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(self.choices)
            return box
        edit = QLineEdit(parent)
        completer = QCompleter(self.choices, edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)
        return edit

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if isinstance(editor, QComboBox):
            editor.setEditText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QLineEdit):
            text = editor.text()
        else:
            return
        model.setData(index, text.strip(), Qt.ItemDataRole.DisplayRole)
