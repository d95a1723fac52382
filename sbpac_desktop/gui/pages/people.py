"""บุคคลและหน่วยงาน: posts and who holds them from when, the org unit tree, people.

Everything is read in one go (four service calls) and handed to the tabs; edits go
through the Designer-form dialogs and deactivation through a background operation,
after which the page reads again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QTabWidget, QWidget

from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from sbpac_desktop.gui.dialogs.import_previews import org_preview
from sbpac_desktop.gui.dialogs.person_dialog import PersonDialog
from sbpac_desktop.gui.dialogs.person_term_dialog import TermDialog
from sbpac_desktop.gui.dialogs.position_dialog import PositionDialog
from sbpac_desktop.gui.dialogs.unit_dialog import OrgUnitDialog
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export, people_import
from sbpac_desktop.gui.pages.base import Page, heading_label, page_column
from sbpac_desktop.gui.pages.people_tabs import PersonsTab, PostsTab, UnitsTab
from sbpac_desktop.gui.pages.spreadsheet_import import open_preview
from sbpac_desktop.gui.pages.top_row import FoldingFilters, filter_bar
from sbpac_desktop.gui.text import ThaiLabel, digits
from sbpac_desktop.gui.widgets.loading import refusal_on_line
from sbpac_desktop.gui.widgets.pickers import post_label
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import IncumbencyView, OrgUnitView, PersonView, PositionView
from sbpac_desktop.services.people.org_import import import_org
from sbpac_desktop.thai import normalize_text


@dataclass
class OrgData:
    units: list[OrgUnitView] = field(default_factory=list)
    positions: list[PositionView] = field(default_factory=list)
    people: list[PersonView] = field(default_factory=list)
    terms: list[IncumbencyView] = field(default_factory=list)


def matcher(text: str) -> Callable[..., bool]:
    """Every word typed must occur in one of the fields; typed Thai is normalized like stored text
    (a tone mark typed before a vowel still matches)."""
    words = [w.casefold() for w in normalize_text(text).split()]

    def matches(*fields: str | None) -> bool:
        haystack = " ".join(f for f in fields if f).casefold()
        return all(w in haystack for w in words)

    return matches


class PeoplePage(Page):
    POSTS, UNITS, PEOPLE = range(3)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today()
        self.data = OrgData()
        self.dialog: FormDialog | None = None
        self.operation: Operation[Any] | None = None
        self.heading = heading_label(self.tr("บุคคลและหน่วยงาน"), self)
        self.summary = ThaiLabel(self)  # wraps: a new office's hint is longer than 960 px
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.search = QLineEdit(self)
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("ค้นหาชื่อ ตำแหน่ง หน่วยงาน หรือชื่อย่อ (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._show)
        self.show_inactive = QCheckBox(self.tr("แสดงรายการที่ระงับแล้ว"), self)
        self.show_inactive.setObjectName("showInactive")
        self.show_inactive.toggled.connect(self._show)
        self.template_button = QPushButton(self.tr("ดาวน์โหลดแบบฟอร์ม"), self)
        self.template_button.setObjectName("orgTemplateButton")
        self.template_button.setToolTip(self.tr("แบบฟอร์ม Excel สำหรับกรอกหน่วยงาน ตำแหน่ง บุคคล และวาระ แล้วนำเข้า"))
        self.template_button.clicked.connect(lambda: self.download_template())
        self.import_button = QPushButton(self.tr("นำเข้าจากไฟล์…"), self)
        self.import_button.setObjectName("orgImportButton")
        self.import_button.clicked.connect(lambda: self.import_from_file())
        self.import_dialog: ImportPreviewDialog | None = None
        self.notice = file_export.notice_label(self)
        self.tabs = QTabWidget(self)
        self.posts_tab, self.units_tab, self.persons_tab = PostsTab(self), UnitsTab(self), PersonsTab(self)
        self.tabs.addTab(self.posts_tab, self.tr("ตำแหน่งและผู้ดำรงตำแหน่ง"))
        self.tabs.addTab(self.units_tab, self.tr("หน่วยงาน"))
        self.tabs.addTab(self.persons_tab, self.tr("บุคคล"))
        self.model = self.posts_tab.model  # the main list of the page (posts)
        self._lay_out()
        QShortcut(
            QKeySequence(Qt.Key.Key_F2), self, self.edit_current, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    def _lay_out(self) -> None:
        layout, top = page_column(self, self.heading)
        bar = filter_bar(self, (self.search, self.show_inactive), "peopleFilters")
        for widget in (bar, self.template_button, self.import_button):
            top.addWidget(widget)
        self.folding = FoldingFilters(self, layout, top, bar)  # under the heading on a narrow window
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        """Read the org chart on the database thread; `_read` shows it here when it arrives."""
        self.loaded = True  # a second show while the answer is on its way must not ask again
        db, actor, today = self.ctx.db, self.ctx.actor, self.today

        def read() -> OrgData:
            return OrgData(
                org.list_org_units(db, actor, include_inactive=True),
                org.list_positions(db, actor, today, include_inactive=True),
                org.list_people(db, actor, include_inactive=True),
                org.list_incumbencies(db, actor),
            )

        Operation(self, read, message=self.tr("กำลังโหลด…")).success(self._read).failure(
            refusal_on_line(self, self.error, self.tr("โหลดข้อมูลไม่สำเร็จ: {message}"))
        ).run()

    def _read(self, data: OrgData) -> None:
        self.data = data
        self.error.hide()
        self._show()

    def _show(self, *_: object) -> None:
        every = self.show_inactive.isChecked()
        data = self.data
        found = matcher(self.search.text())
        units = [u for u in data.units if (every or u.active) and found(u.name, u.short_name)]
        positions = [
            p for p in data.positions
            if (every or p.active)
            and found(p.title, p.short_code, p.org_unit_name, p.org_unit_short_name, p.holder_name)
        ]  # fmt: skip
        people = [p for p in data.people if (every or p.active) and found(p.full_name, p.email, p.phone)]
        self.units_tab.show_data(units)
        self.posts_tab.show_data(positions, data.terms)
        labels = {p.id: post_label(p) for p in data.positions}
        self.persons_tab.show_data(people, data.terms, labels, self.today)
        vacant = sum(1 for p in positions if p.active and not p.holder_name)
        if not (data.units or data.positions or data.people):  # a new office: where to start
            self.summary.setText(
                self.tr(
                    "ยังไม่มีหน่วยงานและบุคคล — กด “นำเข้าจากไฟล์…” (แบบฟอร์มจาก “ดาวน์โหลดแบบฟอร์ม”) "
                    "หรือเพิ่มทีละรายการ: หน่วยงาน ตำแหน่ง บุคคล แล้วกำหนดผู้ดำรงตำแหน่ง"
                )
            )
            return
        self.summary.setText(
            self.tr("ตำแหน่ง {posts} ตำแหน่ง (ว่าง {vacant}) · หน่วยงาน {units} แห่ง · บุคคล {people} คน").format(
                posts=digits(str(len(positions))), vacant=digits(str(vacant)),
                units=digits(str(len(units))), people=digits(str(len(people))),
            )
        )  # fmt: skip

    # --- dialogs (the tabs call these) ---------------------------------------------
    def edit_unit(self, unit: OrgUnitView | None, parent_id: int | None = None) -> None:
        self.open_dialog(OrgUnitDialog(self.ctx, self.data.units, self, unit=unit, parent_id=parent_id), self._changed)

    def edit_position(self, position: PositionView | None) -> None:
        self.open_dialog(PositionDialog(self.ctx, self.data.units, self, position=position), self._changed)

    def edit_person(self, person: PersonView | None) -> None:
        self.open_dialog(PersonDialog(self.ctx, self, person=person), self._changed)

    def edit_term(self, position_id: int | None, term: IncumbencyView | None = None) -> None:
        positions = [p for p in self.data.positions if p.active or (term and p.id == term.position_id)]
        people = [p for p in self.data.people if p.active or (term and p.id == term.person_id)]
        dialog = TermDialog(self.ctx, positions, people, self, position_id=position_id, term=term, today=self.today)
        self.open_dialog(dialog, self._changed)

    def set_active(self, row: OrgUnitView | PositionView | PersonView, active: bool) -> None:
        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        call: Callable[[], object]
        if isinstance(row, OrgUnitView):
            call = lambda: org.set_org_unit_active(db, actor, row.id, row.version, active)  # noqa: E731
        elif isinstance(row, PositionView):
            call = lambda: org.set_position_active(db, actor, row.id, row.version, active, today)  # noqa: E731
        else:
            call = lambda: org.set_person_active(db, actor, row.id, row.version, active, today)  # noqa: E731
        self.operation = Operation(self, call, message=self.tr("กำลังบันทึก…"))
        self.operation.success(self._changed).run()  # a refusal (still holds a post...) goes to the error dialog

    def _changed(self, _result: object = None) -> None:
        self.operation = None
        self.reload()
        app_events().org_changed.emit()

    # --- spreadsheet template and import ----------------------------------------------
    def download_template(self, path: Path | None = None) -> None:
        self.operation = people_import.download_template(self, self.notice, path)

    def import_from_file(self, path: Path | None = None) -> ImportPreviewDialog | None:
        titles = (self.tr("เลือกไฟล์หน่วยงานและบุคคล"), self.tr("นำเข้าหน่วยงาน ตำแหน่ง บุคคล และวาระจากไฟล์"))
        self.import_dialog = open_preview(self.ctx, self, path, titles, import_org, org_preview, self._changed)
        return self.import_dialog

    # --- keyboard -----------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        """Ctrl+N adds to the tab on show."""
        index = self.tabs.currentIndex()
        if index == self.UNITS:
            self.edit_unit(None)
        elif index == self.PEOPLE:
            self.edit_person(None)
        else:
            self.edit_position(None)

    def edit_current(self) -> None:
        index = self.tabs.currentIndex()
        tab = (self.posts_tab, self.units_tab, self.persons_tab)[index]
        tab.edit_selected()
