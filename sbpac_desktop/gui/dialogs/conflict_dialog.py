"""Someone saved the record while this user was editing it (ConflictError with details).

The dialog lists each differing field as yours / theirs / what you saw, says who saved
and when, and offers three ways on: reload and re-apply my edits (the form shows the
newest record with every field this user changed put back, to check and save again),
keep theirs (close without saving), or overwrite (secretary or admin only; audited as an
overwrite). The edit dialog stays open behind it, so nothing typed is lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import ConflictDetails, ConflictError, FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, ResultT
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import datetime_text  # the UI's digits and language
from sbpac_desktop.services.conflicts import OVERWRITE_ROLES
from sbpac_desktop.services.field_text import ENTITY_LABELS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

RecordT = TypeVar("RecordT", bound="DataclassInstance")  # the form's service input: a dataclass
ViewT = TypeVar("ViewT")  # the stored record as read again


class Choice(Enum):
    REAPPLY = "reapply"
    KEEP_THEIRS = "keep_theirs"
    OVERWRITE = "overwrite"


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    return item


class ConflictDialog(QDialog):
    chosen = Signal(object)  # Choice

    def __init__(self, details: ConflictDetails, *, can_overwrite: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.choice: Choice | None = None
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("มีผู้อื่นแก้ไขข้อมูลนี้ระหว่างที่คุณแก้ไข"))
        what = ENTITY_LABELS.get(details.entity, details.entity)
        who = details.changed_by or self.tr("ผู้ใช้อื่น")
        when = datetime_text(details.changed_at) if details.changed_at else self.tr("ไม่ทราบเวลา")
        self.summary = QLabel(
            self.tr("{what}นี้ถูกแก้ไขโดย {who} เมื่อ {when} หลังจากที่คุณเปิดไว้ ข้อมูลที่คุณพิมพ์ยังไม่ได้บันทึก").format(
                what=what, who=who, when=when
            ),
            self,
        )
        self.summary.setObjectName("conflictSummary")
        self.summary.setWordWrap(True)
        self.table = self._table(details)
        self.reapply_button = QPushButton(self.tr("โหลดใหม่และใส่การแก้ไขของฉันกลับไป"), self)
        self.reapply_button.setObjectName("reapplyButton")
        self.keep_button = QPushButton(self.tr("ใช้ข้อมูลของเขา (ไม่บันทึกของฉัน)"), self)
        self.keep_button.setObjectName("keepTheirsButton")
        self.overwrite_button = QPushButton(self.tr("บันทึกทับข้อมูลของเขา"), self)
        self.overwrite_button.setObjectName("overwriteButton")
        self.overwrite_button.setEnabled(can_overwrite)
        self.overwrite_button.setToolTip(
            self.tr("การบันทึกทับจะถูกบันทึกไว้ในประวัติการแก้ไข")
            if can_overwrite
            else self.tr("เฉพาะเลขานุการและผู้ดูแลระบบเท่านั้นที่บันทึกทับได้")
        )
        self.reapply_button.setDefault(True)
        for button, choice in (
            (self.reapply_button, Choice.REAPPLY),
            (self.keep_button, Choice.KEEP_THEIRS),
            (self.overwrite_button, Choice.OVERWRITE),
        ):
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        buttons.addWidget(self.overwrite_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 360)

    def _table(self, details: ConflictDetails) -> QTableWidget:
        headers = [self.tr("รายการ"), self.tr("ของคุณ (ยังไม่บันทึก)"), self.tr("ของเขา (บันทึกแล้ว)"), self.tr("ก่อนแก้ไข")]
        table = QTableWidget(len(details.fields), len(headers), self)
        table.setObjectName("conflictFields")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        # A comparison to read, not to pick from: no cell may look selected or current
        # (the first one did, from the table taking focus when the dialog opened).
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, field in enumerate(details.fields):
            values = (field.label_th, field.yours, field.theirs, field.base if field.base is not None else "—")
            for column, text in enumerate(values):
                table.setItem(row, column, _cell(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        table.setCurrentIndex(table.model().index(-1, -1))
        if not details.fields:
            table.hide()  # e.g. only the assignees' progress changed: nothing of yours differs
        return table

    def choose(self, choice: Choice) -> None:
        self.choice = choice
        self.chosen.emit(choice)
        self.accept()


def _comparable(value: object) -> object:
    """Tuples of assignees compare as sets: the form lists the lead first, the database by id."""
    if isinstance(value, tuple):
        return sorted(repr(v) for v in value)
    return value


def merge_edits(base: RecordT, mine: RecordT, theirs: RecordT) -> RecordT:
    """Field by field: what this user changed (mine differs from what they loaded) wins;
    every other field takes the newest stored value."""
    values: dict[str, object] = {}
    for field in dataclasses.fields(mine):
        own, seen = getattr(mine, field.name), getattr(base, field.name)
        values[field.name] = own if _comparable(own) != _comparable(seen) else getattr(theirs, field.name)
    return dataclasses.replace(mine, **values)


class ConflictFlow(Generic[RecordT, ResultT, ViewT]):
    """Wires a form dialog to the conflict dialog. The form supplies how to read its
    record again (a ViewT), turn it into the service input (its RecordT), show an input, and
    save over (the form's own save, answering its ResultT)."""

    def __init__(
        self,
        form: FormDialog[RecordT, ResultT],
        *,
        base: RecordT,
        load: Callable[[], ViewT],
        input_of: Callable[[ViewT], RecordT],
        show: Callable[[RecordT, ViewT], None],
        overwrite_call: Callable[[RecordT, int], Callable[[], ResultT]],
        after_keep: Callable[[], None],
    ) -> None:
        self.form = form
        self.base = base
        self.load, self.input_of, self.show = load, input_of, show
        self.overwrite_call, self.after_keep = overwrite_call, after_keep
        self.dialog: ConflictDialog | None = None
        self.mine: RecordT | None = None

    def start(self, error: ConflictError) -> ConflictDialog:
        assert error.details is not None
        self.mine = self.form.collect([])  # the save ran, so the fields are valid
        can_overwrite = self.form.ctx.actor.role in OVERWRITE_ROLES
        dialog = ConflictDialog(error.details, can_overwrite=can_overwrite, parent=self.form)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda choice: self._chosen(choice, error.details))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, choice: Choice, details: ConflictDetails) -> None:
        if choice is Choice.KEEP_THEIRS:
            self.after_keep()
            self.form.reject()
        elif choice is Choice.OVERWRITE:
            if self.mine is not None:
                self.form.run_save(self.overwrite_call(self.mine, details.current_version))
        else:
            Operation(self.form, self.load, message=self.form.tr("กำลังโหลดข้อมูลล่าสุด…")).success(self._reapply).run()

    def _reapply(self, fresh: ViewT) -> None:
        theirs = self.input_of(fresh)
        if self.mine is None:  # nothing collected: show theirs as they are
            self.base = theirs
            self.show(theirs, fresh)
            return
        merged = merge_edits(self.base, self.mine, theirs)
        self.base = theirs  # the next conflict compares with what is now on screen
        self.show(merged, fresh)
        note = self.form.tr("โหลดข้อมูลล่าสุดแล้ว และใส่สิ่งที่คุณแก้ไขกลับไป — โปรดตรวจสอบแล้วกดบันทึกอีกครั้ง")
        self.form.errors.show([FieldProblem("", note, "Reloaded; your edits were re-applied. Check and save again.")])
