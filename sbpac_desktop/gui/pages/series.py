"""ชุดการประชุม: the bodies that meet (name, short name, chair and secretary posts, venue, agenda
template) and, below, the standing members of the selected one with today's holders. Adding and
editing go through SeriesDialog; deactivating runs in the background and the page reads again.
A deactivated series stays listed (greyed, with its meetings) when "show deactivated" is ticked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from sbpac_desktop.gui.dialogs.series_dialog import SeriesDialog
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.models.series import MembersModel, SeriesModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import TablePage, details_below
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.table import DtoTableView
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import series
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import PositionView


class SeriesPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, SeriesModel(), parent)
        self.heading.setText(self.tr("ชุดการประชุม"))
        self.table.setObjectName("seriesTable")
        self.rows: list[SeriesView] = []
        self.positions: list[PositionView] = []
        self._select_after: int | None = None
        self.dialog: SeriesDialog | None = None
        self.operation: Operation[Any] | None = None
        self.add_button = self._button(self.tr("เพิ่มชุดการประชุม"), self.tr("ชุดการประชุมใหม่ (Ctrl+N)"), "addSeries")
        self.add_button.clicked.connect(self.new_record)
        self.add_button.setEnabled(False)  # until the posts the dialog offers have been read
        self.edit_button = self._button(self.tr("แก้ไข"), self.tr("แก้ไขชุดการประชุมที่เลือก (F2)"), "editSeries")
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button = self._button(self.tr("ระงับการใช้งาน"),
                                          self.tr("ชุดที่ระงับแล้วจะไม่ให้เลือกเมื่อสร้างการประชุมใหม่ การประชุมเดิมยังอยู่"),
                                          "toggleSeries")  # fmt: skip
        self.active_button.clicked.connect(self.toggle_active)
        self.show_inactive = QCheckBox(self.tr("แสดงชุดที่ระงับแล้ว"), self)
        self.show_inactive.setObjectName("showInactiveSeries")
        self.show_inactive.toggled.connect(self._show)
        for widget in (self.show_inactive, self.add_button, self.edit_button, self.active_button):
            self.tools.addWidget(widget)
        self.members_heading = QLabel(self)
        self.members_model = MembersModel(self)
        self.members_table = DtoTableView(self.members_model, self)
        self.members_table.setObjectName("seriesMembersTable")
        self._split_members()
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        # the posts the dialog offers were read when the page first showed: a post added since
        # on the people page must be offered too (a new office visits this page before it has any)
        app_events().org_changed.connect(self._org_changed)  # bound method: disconnected on delete

    def _button(self, text: str, tip: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setObjectName(name)
        return button

    def _split_members(self) -> None:
        """The series list above, the selected series' standing members below."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.table)
        splitter = details_below(self, self.table, self.members_heading, self.members_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[list[SeriesView], list[PositionView]]:
            every = series.list_series(db, actor, include_inactive=True)
            return every, org.list_positions(db, actor, include_inactive=True)

        def shown(found: tuple[list[SeriesView], list[PositionView]]) -> None:
            self.rows, self.positions = found
            self.add_button.setEnabled(True)
            self._show()

        self.read_then(read, shown)

    def _org_changed(self) -> None:
        if self.loaded:
            self.reload()

    def _show(self, *_: object) -> None:
        current = self.selected()
        every = self.show_inactive.isChecked()
        self.show_rows([s for s in self.rows if every or s.active])
        wanted, self._select_after = self._select_after, None
        self.select(wanted or (current.id if current else None))
        self._selection_changed()

    def summary_text(self, rows: Sequence[object]) -> str:
        if not self.rows:
            return self.tr("ยังไม่มีชุดการประชุม — กด “เพิ่มชุดการประชุม” เพื่อเริ่ม (ต้องมีก่อนสร้างการประชุมครั้งแรก)")
        inactive = sum(1 for s in self.rows if not s.active)
        return self.tr("ใช้งาน {active} ชุด · ระงับแล้ว {inactive} ชุด").format(
            active=digits(str(len(self.rows) - inactive)), inactive=digits(str(inactive))
        )

    # --- selection ----------------------------------------------------------------
    def selected(self) -> SeriesView | None:
        index = self.table.currentIndex()
        view = index.data(ITEM_ROLE) if index.isValid() else None
        return view if isinstance(view, SeriesView) else None

    def select(self, series_id: int | None) -> None:
        row = self.table.row_of(lambda v: isinstance(v, SeriesView) and v.id == series_id)
        self.table.selectRow(row if row is not None else 0)

    def _selection_changed(self, *_: object) -> None:
        view = self.selected()
        self.members_model.set_rows(view.members if view else [])
        for button in (self.edit_button, self.active_button):
            button.setEnabled(view is not None)
        if view is None:
            self.members_heading.setText(self.tr("กรรมการประจำ"))
            return
        self.active_button.setText(self.tr("ระงับการใช้งาน") if view.active else self.tr("เปิดใช้งาน"))
        vacant = sum(1 for m in view.members if not m.holder_name)
        self.members_heading.setText(
            self.tr("กรรมการประจำของ “{name}”: {count} ตำแหน่ง (ว่าง {vacant})").format(
                name=view.short_name or view.name, count=digits(str(len(view.members))), vacant=digits(str(vacant))
            )
        )

    # --- actions ------------------------------------------------------------------
    def _open(self, view: SeriesView | None) -> SeriesDialog:
        return self.open_dialog(SeriesDialog(self.ctx, self.positions, self, series=view), self._saved)

    def new_record(self) -> SeriesDialog | None:
        """Ctrl+N as well: only once the posts are read, so the dialog never offers an empty list."""
        return self._open(None) if self.add_button.isEnabled() else None

    def edit_selected(self, *_: object) -> SeriesDialog | None:
        view = self.selected()
        return self._open(view) if view is not None else None

    def toggle_active(self) -> Operation[SeriesView] | None:
        view = self.selected()
        if view is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        call = lambda: series.set_series_active(db, actor, view.id, view.version, not view.active)  # noqa: E731
        self.operation = Operation(self, call, message=self.tr("กำลังบันทึก…"))
        self.operation.success(self._saved).run()  # a refusal (stale version...) goes to the error dialog
        return self.operation

    def _saved(self, view: SeriesView) -> None:
        self.operation = None
        self._select_after = view.id  # selected once the list has been read again
        self.reload()
        app_events().series_changed.emit()  # the settings page offers the active series as the default
