"""การประชุม: the meetings list, newest first; Ctrl+N for a new meeting, double-click or Enter
to open one, F2 (or the แก้ไข button, or the row's context menu) to edit its details."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QStyle, QWidget

from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.models.meetings import MeetingsModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.gui.widgets.loading import loading_message
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meeting_list
from sbpac_desktop.services.meetings.meeting_list import MeetingView

# The dialogs and the meeting window load on first use: this is the page the window usually opens
# on, so what it imports at construction is start-up time (issue #16).
if TYPE_CHECKING:
    from sbpac_desktop.gui.dialogs.copy_meeting_dialog import CopyMeetingDialog
    from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
    from sbpac_desktop.gui.meeting.carryover_dialog import CarryOverDialog
    from sbpac_desktop.gui.meeting.window import MeetingWindow, OpenedMeeting
    from sbpac_desktop.services.meetings.meeting_copy import CopyResult


class MeetingsPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, MeetingsModel(), parent)
        self.heading.setText(self.tr("การประชุม"))
        self.windows: dict[int, MeetingWindow] = {}
        self._opening: set[int] = set()  # meetings being read to open their window
        self.dialog: MeetingDialog | CopyMeetingDialog | None = None
        self.carryover: CarryOverDialog | None = None
        self.new_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("ประชุมใหม่"))
        self.new_button.setObjectName("newMeetingButton")
        self.new_button.setToolTip(self.tr("สร้างการประชุมใหม่ (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.open_button = QPushButton(self.tr("เปิดการประชุม"))
        self.open_button.setToolTip(self.tr("ระเบียบวาระ ผู้เข้าประชุม และรายงานการประชุม (ดับเบิลคลิกที่แถว)"))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(self.tr("แก้ไขรายละเอียด"))
        self.edit_button.setObjectName("editMeetingButton")
        self.edit_button.setToolTip(self.tr("แก้ไขชื่อ วันที่ เวลา สถานที่ ประธาน และผู้จดรายงาน (F2)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_action = QAction(self.tr("แก้ไขรายละเอียด…"), self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.addAction(self.edit_action)
        self.copy_button = QPushButton(self.tr("คัดลอกการประชุม"))
        self.copy_button.setObjectName("copyMeetingButton")
        self.copy_button.setToolTip(self.tr("สร้างการประชุมครั้งใหม่ของชุดเดียวกันจากการประชุมที่เลือก พร้อมระเบียบวาระ"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.copy_action = QAction(self.tr("คัดลอกการประชุม…"), self)
        self.copy_action.triggered.connect(self.copy_selected)
        self.open_action = QAction(self.tr("เปิดการประชุม"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.tools.addWidget(self.new_button)
        self.tools.addWidget(self.open_button)
        self.tools.addWidget(self.edit_button)
        self.tools.addWidget(self.copy_button)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated.connect(self._double_clicked)
        self._select_id: int | None = None
        app_events().meetings_changed.connect(self._changed)
        app_events().meeting_changed.connect(self._meeting_changed)  # bound methods: disconnected on delete
        app_events().series_changed.connect(self._changed)  # a renamed series: its meetings' rows say the new name

    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.load_rows(lambda: meeting_list.list_meetings(db, actor), then=self._select_pending)

    def show_rows(self, rows: Sequence[object]) -> None:
        """New rows keep the selected meeting selected (a save elsewhere reloads the list)."""
        current = self.selected_meeting()
        super().show_rows(rows)
        if current is not None and self._select_id is None:
            self.select_meeting(current.id)

    def _select_pending(self) -> None:
        if self._select_id is not None:
            self.select_meeting(self._select_id)
            self._select_id = None

    def summary_text(self, rows: Sequence[object]) -> str:
        """An empty list on a new database says where a first meeting starts (no dead end)."""
        if not rows:
            return self.tr("ยังไม่มีการประชุม — เริ่มจากหน้า “บุคคลและหน่วยงาน” และ “ชุดการประชุม” แล้วกด “ประชุมใหม่”")
        return super().summary_text(rows)

    def _changed(self) -> None:
        if self.loaded:
            self.reload()

    def _meeting_changed(self, _meeting_id: int) -> None:
        self._changed()

    def new_record(self) -> MeetingDialog:
        from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog

        # a new meeting of a series: items 2 and 3 offered from the last meeting
        return self.open_dialog(MeetingDialog(self.ctx, self), self._created, self._offer_carryover)

    def edit_selected(self) -> MeetingDialog | None:
        """Certified meetings open read-only with the reason in Thai (the service refuses too)."""
        from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog

        view = self.selected_meeting()
        if view is None:
            return None
        return self.open_dialog(MeetingDialog(self.ctx, self, meeting=view), self._created)

    def copy_selected(self) -> CopyMeetingDialog | None:
        """คัดลอกการประชุม: ask the new date, copy, then open the new meeting (and its carry-over)."""
        from sbpac_desktop.gui.dialogs.copy_meeting_dialog import CopyMeetingDialog

        view = self.selected_meeting()
        if view is None:
            return None
        return self.open_dialog(CopyMeetingDialog(self.ctx, view, self), self._copied)

    def _copied(self, result: CopyResult) -> None:
        self._created(result.meeting)
        self.open_meeting(result.meeting.id)
        self._offer_carryover(result.meeting)

    def _context_menu(self, point: QPoint) -> None:
        if self.selected_meeting() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.copy_action)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def _offer_carryover(self, view: MeetingView) -> None:
        from sbpac_desktop.gui.meeting.carryover_dialog import offer_carryover

        offer_carryover(self.ctx, view.id, self, opened=self._carryover_opened)

    def _carryover_opened(self, dialog: CarryOverDialog) -> None:
        self.carryover = dialog

    def _created(self, view: MeetingView) -> None:
        self._select_id = view.id
        self.reload()

    def select_meeting(self, meeting_id: int) -> None:
        row = self.table.row_of(lambda view: isinstance(view, MeetingView) and view.id == meeting_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.table.proxy.index(row, 0))

    def selected_meeting(self) -> MeetingView | None:
        index = self.table.currentIndex()
        view = index.data(ITEM_ROLE) if index.isValid() else None
        return view if isinstance(view, MeetingView) else None

    def open_selected(self) -> None:
        view = self.selected_meeting()
        if view is not None:
            self.open_meeting(view.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        view = index.data(ITEM_ROLE)
        if isinstance(view, MeetingView):
            self.open_meeting(view.id)

    def open_meeting(self, meeting_id: int) -> None:
        """One window per meeting, built once the meeting has been read on the database thread;
        opening it again brings the existing one forward."""
        from sbpac_desktop.gui.meeting.window import MeetingWindow, read_meeting

        window = self.windows.get(meeting_id)
        if window is not None and shiboken6.isValid(window):  # closed windows delete themselves
            _bring_forward(window)
            return
        if meeting_id in self._opening:
            return  # asked again while it is being read: one window
        self._opening.add(meeting_id)

        def arrived(opened: OpenedMeeting) -> None:
            self._opening.discard(meeting_id)
            self.windows[meeting_id] = window = MeetingWindow(self.ctx, opened, self)
            _bring_forward(window)

        def failed(error: BaseException) -> None:
            self._opening.discard(meeting_id)
            present_error(self, error)

        read = partial(read_meeting, self.ctx, meeting_id)
        Operation(self, read, message=loading_message()).success(arrived).failure(failed).run()


def _bring_forward(window: MeetingWindow) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
