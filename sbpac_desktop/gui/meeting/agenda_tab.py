"""ระเบียบวาระ: the agenda builder — tree on the left (drag to reorder), the selected
item's texts on the right. Every change is one service call in a background operation;
the tree is then rebuilt from the numbers the service computed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.agenda import section_titles
from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.gui.dialogs.agenda_item_dialog import AgendaItemDialog
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.errors import confirm, present_error
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.meeting.agenda_editor import AgendaItemEditor
from sbpac_desktop.gui.meeting.agenda_model import KIND_ROLE, SECTION_ROLE, VIEW_ROLE, AgendaTreeModel, MoveTarget
from sbpac_desktop.gui.meeting.agenda_moves import relocate, step
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import ThaiLabel, WrapDelegate, digits, thai_digits
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.loading import loading_message
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.services.meetings.agenda import AgendaItemInput, AgendaItemView
from sbpac_desktop.services.meetings.meetings import MeetingView
from sbpac_desktop.services.people.org import PersonView
from sbpac_desktop.thai import duration_text, time_text


class AgendaTab(QWidget):
    def __init__(
        self, ctx: AppContext, meeting: MeetingView, people: Sequence[PersonView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.people = list(people)
        self.read_only = False
        self.dialog: QWidget | None = None
        self.model = AgendaTreeModel(self)
        self.tree = self._build_tree()
        self.editor = AgendaItemEditor(self)
        self.editor.enable_attachments(ctx)
        self.editor.enable_speakers(ctx, self.people)
        self.editor.set_verbatim(meeting.recording_style is RecordingStyle.VERBATIM)
        self.editor.set_people(self.people)
        self.total_label = ThaiLabel(self)
        self.total_label.setObjectName("agendaTotal")
        self.total_label.setWordWrap(True)
        self._build_buttons()
        self._lay_out()
        self.model.move_requested.connect(self.move_item)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor.save_requested.connect(self.save_item)
        self.editor.directive_requested.connect(self.new_directive)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.editor.request_save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only while on this tab
        self.reload()

    # --- construction ------------------------------------------------------------
    def _build_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("agendaTree")
        tree.setModel(self.model)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setWordWrap(True)
        tree.setItemDelegate(WrapDelegate(tree))  # long Thai titles wrap between words
        tree.setUniformRowHeights(False)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaTreeModel.COL_PRESENTER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AgendaTreeModel.COL_PRESENTER, 150)
        header.setSectionResizeMode(AgendaTreeModel.COL_TIME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AgendaTreeModel.COL_TIME, 105)
        # Row heights follow the title column's width, so long titles wrap instead of being cut.
        relayout = QTimer(tree, singleShot=True, interval=0)
        relayout.timeout.connect(tree.doItemsLayout)
        header.sectionResized.connect(lambda *_: relayout.start())
        return tree

    def _button(self, text: str, name: str, tip: str, icon: QStyle.StandardPixmap | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
        return button

    def _build_buttons(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_button = self._button(self.tr("เพิ่มเรื่อง"), "addItemButton", self.tr("เพิ่มเรื่องในระเบียบวาระที่เลือก"))
        self.add_sub_button = self._button(self.tr("เพิ่มเรื่องย่อย"), "addSubItemButton", self.tr("เพิ่มเรื่องย่อยใต้เรื่องที่เลือก"))
        self.delete_button = self._button(self.tr("ลบ"), "deleteItemButton", self.tr("ลบเรื่องที่เลือก"), sp.SP_TrashIcon)
        self.up_button = self._button("", "moveUpButton", self.tr("เลื่อนขึ้น (Alt+↑)"), sp.SP_ArrowUp)
        self.down_button = self._button("", "moveDownButton", self.tr("เลื่อนลง (Alt+↓)"), sp.SP_ArrowDown)
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.add_button.clicked.connect(lambda: self.add_item(sub=False))
        self.add_sub_button.clicked.connect(lambda: self.add_item(sub=True))
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.step_selected(-1))
        self.down_button.clicked.connect(lambda: self.step_selected(+1))

    def _lay_out(self) -> None:
        left = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.add_sub_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        left_layout = flush(QVBoxLayout(left))
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.total_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    # --- data ----------------------------------------------------------------------
    def sections(self) -> dict[int, str]:
        return section_titles(self.meeting.agenda_template)

    def reload(self, select_id: int | None = None) -> None:
        """Read the agenda on the database thread; the tab is held until it is here, so nothing is
        edited or moved on a tree that is about to change (typing in the editor is kept)."""
        self.setEnabled(False)

        def arrived(items: list[AgendaItemView]) -> None:
            self.setEnabled(True)
            self.show_items(items, select_id)

        read = partial(agenda.list_items, self.ctx.db, self.ctx.actor, self.meeting.id)
        # a refusal goes to the error presenter and the tab stays held: its tree is not what the database holds
        Operation(self, read, message=loading_message()).success(arrived).run()

    def show_items(self, items: Sequence[AgendaItemView], select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.editor.view.id if self.editor.view else None)
        dirty_view, dirty_input = (self.editor.view, self.editor.current_input()) if self.editor.dirty else (None, None)
        self.editor.dirty = False  # re-selecting below must not save the stale copy
        self.tree.selectionModel().blockSignals(True)
        self.model.set_agenda(self.sections(), items, self.meeting.start_time)
        self.total_label.setText(self.total_text())
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(False)
        index = self.model.index_of_item(keep) if keep is not None else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)  # fills the editor from the fresh view
        else:
            self.editor.show_item(None)
        fresh = self.model.view(dirty_view.id) if dirty_view else None
        if fresh is not None and dirty_input is not None and self.editor.view and self.editor.view.id == fresh.id:
            self.editor.restore(fresh, dirty_input)  # never throw away unsaved typing
        self._update_buttons()

    def set_meeting(self, meeting: MeetingView) -> None:
        moved = meeting.start_time != self.meeting.start_time
        self.meeting = meeting
        self.editor.set_verbatim(meeting.recording_style is RecordingStyle.VERBATIM)
        if moved:  # the planned start of every item follows the meeting's start time
            self.show_items(self.model.views())

    def total_text(self) -> str:
        """'รวมเวลาที่วางแผน ๒ ชั่วโมง ๑๕ นาที · เลิกประมาณ ๑๑.๑๕ น.' under the tree."""
        table = self.model.timetable
        if not table.total_minutes and all(v.planned_minutes is None for v in self.model.views()):
            return self.tr("ยังไม่ได้วางแผนเวลา (กำหนดเวลาที่วางแผนของแต่ละเรื่องทางขวา)")
        text = self.tr("รวมเวลาที่วางแผน {duration}").format(
            duration=duration_text(table.total_minutes, thai_digits=thai_digits())
        )
        if table.ends_at is not None:
            text += self.tr(" · เลิกประมาณ {time}").format(time=time_text(table.ends_at, thai_digits=thai_digits()))
        if table.unplanned_count:
            text += self.tr(" (ยังไม่กำหนดเวลา {n} เรื่อง)").format(n=digits(str(table.unplanned_count)))
        return text

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.model.read_only = read_only
        self.editor.set_read_only(read_only)
        self.tree.setDragEnabled(not read_only)
        self._update_buttons()

    def selected_index(self) -> QModelIndex:
        return self.tree.currentIndex().siblingAtColumn(0)

    def selected_view(self) -> AgendaItemView | None:
        view = self.selected_index().data(VIEW_ROLE)
        return view if isinstance(view, AgendaItemView) else None

    def _update_buttons(self) -> None:
        view = self.selected_view()
        editable = not self.read_only
        self.add_button.setEnabled(editable)
        self.add_sub_button.setEnabled(editable and view is not None and view.depth < 2)
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(editable and view is not None)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        new_view = self.selected_view()
        if self.editor.dirty and self.editor.view is not None and not self.read_only:
            view, data = self.editor.view, self.editor.current_input()
            if data is not None:  # switching items saves the one left behind
                self.save_item(view, data, select_id=new_view.id if new_view else None)
        self.editor.show_item(new_view)
        self._update_buttons()

    # --- actions -------------------------------------------------------------------
    def _done(self, items: list[AgendaItemView], select_id: int | None) -> None:
        self.show_items(items, select_id)
        app_events().meeting_changed.emit(self.meeting.id)

    def move_item(self, target: MoveTarget) -> Operation[list[AgendaItemView]]:
        """The drop handler's request (also used by tests): move, then show the new numbers."""
        view = self.model.view(target.item_id)
        assert view is not None
        op = Operation(self, lambda: relocate(self.ctx, view, target), message=self.tr("กำลังจัดลำดับระเบียบวาระ…"))
        op.success(lambda items: self._done(items, target.item_id)).failure(self._failed)
        return op.run()

    def step_selected(self, delta: int) -> None:
        view = self.selected_view()
        if view is None or self.read_only:
            return
        op = Operation(self, lambda: step(self.ctx, view, delta), message=self.tr("กำลังจัดลำดับระเบียบวาระ…"))
        op.success(lambda items: self._done(items, view.id)).failure(self._failed).run()

    def save_item(
        self,
        view: AgendaItemView,
        data: AgendaItemInput,
        *,
        select_id: int | None = -1,
        then: Callable[[], object] | None = None,
    ) -> Operation[list[AgendaItemView]]:
        """Save one item; on failure select it again with the user's text (nothing is lost)."""
        db, actor = self.ctx.db, self.ctx.actor
        self.editor.dirty = False

        def call() -> list[AgendaItemView]:
            agenda.update_item(db, actor, view.id, view.version, data)
            return agenda.list_items(db, actor, view.meeting_id)

        def failed(error: BaseException) -> None:
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(self.model.index_of_item(view.id))
            self.tree.selectionModel().blockSignals(False)
            self.editor.restore(view, data)
            self._update_buttons()
            if isinstance(error, ValidationError):
                self.editor.errors.show_error(error)
            else:
                present_error(self, error)

        def saved(items: list[AgendaItemView]) -> None:
            self._done(items, view.id if select_id == -1 else select_id)
            if then is not None:
                then()

        op = Operation(self, call, busy=[self.editor.save_button])
        return op.success(saved).failure(failed).run()

    def save_pending(self, then: Callable[[], object]) -> bool:
        """Save unsaved typing, then call `then`; False when there was nothing to save."""
        editor = self.editor
        data = editor.current_input()
        if not editor.dirty or editor.view is None or data is None or self.read_only:
            return False
        self.save_item(editor.view, data, then=then)
        return True

    def add_item(self, *, sub: bool = False) -> AgendaItemDialog | None:
        if self.read_only:
            return None
        index = self.selected_index()
        view = self.selected_view()
        section = index.data(SECTION_ROLE) if index.isValid() else None
        parent_id = view.id if sub and view is not None else (view.parent_id if view else None)
        dialog = AgendaItemDialog(
            self.ctx, self.meeting.id, self.sections(), self.model.views(), self.people, self,
            section=section, parent_id=parent_id,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda item: self.reload(item.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        view = self.selected_view()
        if view is None or self.read_only:
            return
        question = self.tr("ลบเรื่อง {number} {title} ออกจากระเบียบวาระ?").format(
            number=view.number_text(thai_digits()), title=view.title
        )
        if self.model.has_children(view.id):
            question += "\n" + self.tr("เรื่องย่อยทั้งหมดของเรื่องนี้จะถูกลบด้วย")
        if not confirm(self, self.tr("ลบเรื่อง"), question):
            return
        db, actor = self.ctx.db, self.ctx.actor

        def call() -> list[AgendaItemView]:
            agenda.delete_item(db, actor, view.id)
            return agenda.list_items(db, actor, view.meeting_id)

        self.editor.dirty = False
        Operation(self, call).success(lambda items: self._done(items, None)).failure(self._failed).run()

    def new_directive(self, view: AgendaItemView) -> DirectiveDialog:
        dialog = DirectiveDialog(self.ctx, self, meeting=self.meeting, agenda_item=view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, error: BaseException) -> None:
        present_error(self, error)
        self.reload()  # the tree shows what the database holds


def is_section(index: QModelIndex) -> bool:
    return index.data(KIND_ROLE) == "section"
