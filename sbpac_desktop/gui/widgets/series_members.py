"""The standing members of a series while it is edited: posts in printing order, each with its
role in the meeting (picked from the usual roles or typed) and today's holder for reference.
Add a post from the searchable list, remove it, move it up or down; `members()` gives the
list back as the service's input."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.pickers import IdCombo, post_label
from sbpac_desktop.services.meetings.series import DEFAULT_MEMBER_ROLE, MEETING_ROLES, SeriesMemberInput
from sbpac_desktop.services.people.org import PositionView
from sbpac_desktop.thai import thai_sort_key


class SeriesMembersEditor(QWidget):
    changed = Signal()

    def __init__(self, positions: Sequence[PositionView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.positions = {p.id: p for p in positions}
        self.rows: list[SeriesMemberInput] = []
        self.post_picker = IdCombo(self, editable=True)
        self.post_picker.setObjectName("memberPostPicker")
        editor = self.post_picker.lineEdit()
        if editor is not None:  # editable above, so it has one
            editor.setPlaceholderText(self.tr("พิมพ์เพื่อค้นหาตำแหน่ง"))
        self.role_picker = self._role_combo(DEFAULT_MEMBER_ROLE)  # data stored as typed, not interface text
        self.role_picker.setObjectName("memberRolePicker")
        self.add_button = self._button(self.tr("เพิ่มตำแหน่ง"), "addMember", self.add_picked)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("membersTable")
        self.table.setHorizontalHeaderLabels([self.tr("ตำแหน่ง"), self.tr("บทบาทในที่ประชุม"), self.tr("ผู้ดำรงตำแหน่งวันนี้")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.role_picker.sizeHint().height() + 6)
        self.table.verticalHeader().hide()  # the order is the row order; numbers would only repeat it
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 190)
        header.resizeSection(2, 190)
        self.remove_button = self._button(self.tr("ลบ"), "removeMember", self.remove_selected)
        self.up_button = self._button(self.tr("เลื่อนขึ้น"), "memberUp", lambda: self.move_selected(-1))
        self.down_button = self._button(self.tr("เลื่อนลง"), "memberDown", lambda: self.move_selected(1))
        self._lay_out()
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self._refill_picker()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _role_combo(self, role: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItems(MEETING_ROLES)
        combo.setEditText(role or "")
        combo.setMinimumContentsLength(12)
        return combo

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.post_picker, 3)
        adding.addWidget(self.role_picker, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moving.addWidget(button)
        moving.addStretch(1)
        layout = flush(QVBoxLayout(self), spacing=4)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(moving)

    # --- data ---------------------------------------------------------------------
    def set_members(self, members: Sequence[SeriesMemberInput]) -> None:
        self.rows = list(members)
        self._rebuild(0 if self.rows else -1)

    def members(self) -> tuple[SeriesMemberInput, ...]:
        return tuple(self.rows)

    def _label(self, position_id: int) -> str:
        post = self.positions.get(position_id)
        return post_label(post) if post else self.tr("ตำแหน่งรหัส {id}").format(id=digits(str(position_id)))

    def _refill_picker(self) -> None:
        """Active posts not yet listed, in Thai order."""
        listed = {m.position_id for m in self.rows}
        offered = [p for p in self.positions.values() if p.active and p.id not in listed]
        items = sorted(((post_label(p), p.id) for p in offered), key=lambda pair: thai_sort_key(pair[0]))
        self.post_picker.set_items(items)
        self.post_picker.setEditText("")

    def _rebuild(self, current: int) -> None:
        self.table.setRowCount(len(self.rows))
        for row, member in enumerate(self.rows):
            post = self.positions.get(member.position_id)
            self.table.setItem(row, 0, QTableWidgetItem(self._label(member.position_id)))
            role = self._role_combo(member.meeting_role)
            role.editTextChanged.connect(
                lambda text, position_id=member.position_id: self._role_changed(position_id, text)
            )
            self.table.setCellWidget(row, 1, role)
            holder = post.holder_name if post and post.holder_name else self.tr("ว่าง")
            self.table.setItem(row, 2, QTableWidgetItem(holder))
        if 0 <= current < len(self.rows):
            self.table.setCurrentCell(current, 0)
        self._refill_picker()
        self._update_buttons()
        self.changed.emit()

    def _role_changed(self, position_id: int, text: str) -> None:
        self.rows = [SeriesMemberInput(m.position_id, text if m.position_id == position_id else m.meeting_role)
                     for m in self.rows]  # fmt: skip

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.rows) - 1)

    # --- actions ------------------------------------------------------------------
    def add_picked(self) -> bool:
        position_id = self.post_picker.value()
        if position_id is None:
            return False
        self.rows.append(SeriesMemberInput(position_id, self.role_picker.currentText().strip() or None))
        self._rebuild(len(self.rows) - 1)
        return True

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            del self.rows[row]
            self._rebuild(min(row, len(self.rows) - 1))

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if 0 <= row < len(self.rows) and 0 <= target < len(self.rows):
            self.rows[row], self.rows[target] = self.rows[target], self.rows[row]
            self._rebuild(target)
