"""คำกล่าวในที่ประชุม: the verbatim record (แบบจดละเอียด) of the selected agenda item — who said
what, in order — with add, edit, up, down and delete. Shown only for meetings recorded verbatim;
every change is one service call in a background operation, then the list is read again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from sbpac_desktop.gui.dialogs.speaker_dialog import SpeakerDialog
from sbpac_desktop.gui.errors import confirm, present_error
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import speakers
from sbpac_desktop.services.meetings.speakers import SpeakerView
from sbpac_desktop.services.people.org import PersonView

PREVIEW = 160  # characters of a turn shown in the list; the dialog has the whole text


class SpeakersPanel(QWidget):
    def __init__(self, ctx: AppContext, people: Sequence[PersonView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.people = list(people)
        self.item_id: int | None = None
        self.entries: list[SpeakerView] = []
        self.read_only = False
        self.dialog: SpeakerDialog | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("speakerList")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(90)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.buttons = {
            "add": QPushButton(self.tr("เพิ่มคำกล่าว…"), self),
            "edit": QPushButton(self.tr("แก้ไข…"), self),
            "up": QPushButton(self.tr("ขึ้น"), self),
            "down": QPushButton(self.tr("ลง"), self),
            "delete": QPushButton(self.tr("ลบ"), self),
        }
        actions: dict[str, Callable[[], Any]] = {
            "add": self.add,
            "edit": self.edit_selected,
            "up": lambda: self.move_selected(-1),
            "down": lambda: self.move_selected(1),
            "delete": self.delete_selected,
        }
        row = QHBoxLayout()
        for name, button in self.buttons.items():
            button.setObjectName(f"speaker_{name}")
            button.clicked.connect(actions[name])
            row.addWidget(button)
        row.addStretch(1)
        layout = flush(QVBoxLayout(self))
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------
    def set_item(self, item_id: int | None) -> None:
        if item_id == self.item_id and item_id is not None:
            return
        self.item_id = item_id
        self.show_entries([])
        if item_id is not None:
            self.reload()

    def reload(self, select_id: int | None = None) -> Operation[Any] | None:
        item_id = self.item_id
        if item_id is None:
            return None
        ctx = self.ctx
        op = Operation(self, lambda: speakers.list_entries(ctx.db, ctx.actor, item_id))
        return op.success(lambda entries: self._loaded(item_id, entries, select_id)).failure(self._failed).run()

    def _loaded(self, item_id: int, entries: list[SpeakerView], select_id: int | None) -> None:
        if item_id == self.item_id:  # not an answer for an item left meanwhile
            self.show_entries(entries, select_id)

    def show_entries(self, entries: Sequence[SpeakerView], select_id: int | None = None) -> None:
        self.entries = list(entries)
        self.list.clear()
        for entry in self.entries:
            text = entry.text if len(entry.text) <= PREVIEW else entry.text[:PREVIEW] + "…"
            line = QListWidgetItem(self.tr("{speaker}: {text}").format(speaker=entry.speaker, text=text))
            line.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(line)
        rows = [i for i, e in enumerate(self.entries) if e.id == select_id]
        if rows:
            self.list.setCurrentRow(rows[0])
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def selected(self) -> SpeakerView | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self) -> None:
        editable = self.item_id is not None and not self.read_only
        row, chosen = self.list.currentRow(), self.selected() is not None
        self.buttons["add"].setEnabled(editable)
        for name in ("edit", "delete"):
            self.buttons[name].setEnabled(editable and chosen)
        self.buttons["up"].setEnabled(editable and chosen and row > 0)
        self.buttons["down"].setEnabled(editable and chosen and row < len(self.entries) - 1)

    # --- changing ------------------------------------------------------------------
    def add(self) -> SpeakerDialog | None:
        return self._open(None)

    def edit_selected(self) -> SpeakerDialog | None:
        entry = self.selected()
        return self._open(entry) if entry is not None else None

    def _open(self, entry: SpeakerView | None) -> SpeakerDialog | None:
        if self.item_id is None or self.read_only:
            return None
        dialog = SpeakerDialog(self.ctx, self.item_id, self.people, self, entry=entry)  # it reads the posts itself
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved: self.reload(saved.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def move_selected(self, delta: int) -> Operation[Any] | None:
        entry = self.selected()
        if entry is None or self.read_only:
            return None
        ctx, target = self.ctx, entry.seq + delta
        op = Operation(self, lambda: speakers.move_entry(ctx.db, ctx.actor, entry.id, target))
        return op.success(lambda entries: self.show_entries(entries, entry.id)).failure(self._failed).run()

    def delete_selected(self, *, ask: bool = True) -> Operation[Any] | None:
        entry = self.selected()
        if entry is None or self.read_only:
            return None
        if ask and not confirm(self, self.tr("ลบคำกล่าว"), self.tr("ลบคำกล่าวของ {who} ?").format(who=entry.speaker)):
            return None
        ctx = self.ctx
        op = Operation(self, lambda: speakers.delete_entry(ctx.db, ctx.actor, entry.id))
        return op.success(lambda _none: self.reload()).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        present_error(self, error)
        self.reload()
