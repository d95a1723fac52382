"""เครือข่ายภาคประชาชน: the register of the civil-society network and the volunteer graduates
(บัณฑิตอาสาพัฒนามาตุภูมิ), filtered by kind and by who is active today, and below it the chosen
member's reports (date, directive or place, rating, text). The secretariat registers members,
enters reports, hands out the xlsx form and imports it back (all or nothing, with a dry-run
preview); officers and viewers read. Every database call runs off the GUI thread (Operation);
the services (services/field/network.py, network_import.py) enforce the same rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from sbpac_desktop.gui.dialogs.import_previews import network_preview
from sbpac_desktop.gui.dialogs.network_dialogs import MemberDialog, NetworkReportDialog
from sbpac_desktop.gui.errors import confirm, present_error
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export, network_import
from sbpac_desktop.gui.pages.base import Page, details_below, heading_label
from sbpac_desktop.gui.pages.network_models import MembersModel, ReportsModel, kind_text
from sbpac_desktop.gui.pages.spreadsheet_import import open_preview
from sbpac_desktop.gui.pages.top_row import FoldingFilters, filter_bar
from sbpac_desktop.gui.text import ThaiLabel, date_text, digits
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.gui.widgets.table import DtoTableView
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import network
from sbpac_desktop.services.field.field_choices import directive_choices
from sbpac_desktop.services.field.field_visits import EDIT_FIELD_WORK
from sbpac_desktop.services.field.network import ExternalReportView, MemberView
from sbpac_desktop.services.field.network_import import import_network_reports
from sbpac_desktop.services.places import PlaceView

ResultT = TypeVar("ResultT")  # what the background call answers


def can_record_network(ctx: AppContext) -> bool:
    """Admin and secretary (the services' EDIT_FIELD_WORK); officers and viewers only read."""
    return ctx.actor.role in EDIT_FIELD_WORK


@dataclass
class NetworkData:
    """What one reload reads: the whole register, and the lists the dialogs offer."""

    members: list[MemberView] = field(default_factory=list)
    places: list[PlaceView] = field(default_factory=list)
    directives: list[tuple[str, int]] = field(default_factory=list)


class NetworkPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("networkPage")
        self.today = today or date.today()
        self.data = NetworkData()
        self.operation: Operation[Any] | None = None
        self.reports_for: int | None = None  # the member whose reports are shown (or being read)
        self.wanted_report: int | None = None  # a search hit to select once its member's reports arrive
        self.dialog: FormDialog | None = None
        self.import_dialog: ImportPreviewDialog | None = None
        self.heading = heading_label(self.tr("เครือข่ายภาคประชาชน"), self)
        self.summary = ThaiLabel(self)  # wraps: a new office's hint is longer than 960 px
        self.summary.setObjectName("networkSummary")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.notice = file_export.notice_label(self)
        self.kind_filter = IdCombo(self, none_label=self.tr("ทุกประเภท"))
        self.kind_filter.setObjectName("networkKindFilter")
        self.kind_filter.set_items([(kind_text(k), k) for k in ("network", "volunteer")])
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._show())
        self.active_only = QCheckBox(self.tr("เฉพาะผู้ที่ยังปฏิบัติงาน"), self)
        self.active_only.setObjectName("networkActiveOnly")
        self.active_only.toggled.connect(lambda _on: self._show())
        self.members_model = MembersModel(self.today)
        self.model = self.members_model  # the page's main list
        self.members = DtoTableView(self.members_model, self)
        self.members.setObjectName("networkMembers")
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._member_changed())
        self.members.doubleClicked.connect(lambda _index: self.edit_selected())
        self.reports_model = ReportsModel()
        self.reports = DtoTableView(self.reports_model, self)
        self.reports.setObjectName("networkReports")
        self.reports.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reports_title = QLabel(self)
        self.reports_title.setObjectName("networkReportsTitle")
        self.reports_title.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self._lay_out()
        self._update_buttons()

    # --- building -------------------------------------------------------------------------------
    def _button(self, key: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(key)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        self.buttons[key] = button
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        filters = filter_bar(self, (self.kind_filter, self.active_only), "networkFilters")
        top.addWidget(filters)
        top.addWidget(self._button("networkTemplate", self.tr("ดาวน์โหลดแบบฟอร์ม…"),
                                   self.tr("แบบรายงาน Excel ให้เครือข่ายและบัณฑิตอาสากรอก แล้วนำเข้ากลับ"),
                                   lambda: self.download_template()))  # fmt: skip
        top.addWidget(self._button("networkImport", self.tr("นำเข้าจากไฟล์…"),
                                   self.tr("นำเข้ารายงานจากแบบฟอร์มที่กรอกแล้ว (ตรวจทุกแถวก่อน บันทึกทั้งหมดหรือไม่บันทึกเลย)"),
                                   lambda: self.import_from_file()))  # fmt: skip
        member_bar = QHBoxLayout()
        for key, text, tip, slot in (
            ("addMember", self.tr("ลงทะเบียนสมาชิก…"), self.tr("เครือข่ายภาคประชาชนหรือบัณฑิตอาสาคนใหม่ (Ctrl+N)"),
             self.new_record),
            ("editMember", self.tr("แก้ไขข้อมูลสมาชิก…"), self.tr("แก้ไขสมาชิกที่เลือก"), self.edit_selected),
            ("addReport", self.tr("เพิ่มรายงาน…"), self.tr("รายงานของสมาชิกที่เลือก"), self.add_report),
            ("removeReport", self.tr("ลบรายงาน…"), self.tr("ลบรายงานที่เลือก (เช่น บันทึกซ้ำหรือผิดคน)"),
             self.remove_selected_report),
        ):  # fmt: skip
            member_bar.addWidget(self._button(key, text, tip, slot))
        member_bar.addStretch(1)
        split = details_below(self, self.members, self.reports_title, self.reports)
        split.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        self.folding = FoldingFilters(self, layout, top, filters)  # under the heading when narrow
        for widget in (self.summary, self.notice, self.error):
            layout.addWidget(widget)
        layout.addWidget(split, 1)
        layout.addLayout(member_bar)

    # --- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.loaded = True
        db, actor = self.ctx.db, self.ctx.actor

        def load() -> NetworkData:
            return NetworkData(
                network.list_members(db, actor), places.all_places(db, actor), directive_choices(db, actor)
            )

        self._run(load, self._loaded, self.tr("กำลังโหลดทะเบียนเครือข่าย…"))

    def _loaded(self, data: NetworkData) -> None:
        self.data = data
        self._show()

    def visible_members(self) -> list[MemberView]:
        kind, active = self.kind_filter.value(), self.active_only.isChecked()
        return [
            m for m in self.data.members
            if (kind is None or m.kind == kind) and (not active or m.active_on(self.today))
        ]  # fmt: skip

    def _show(self) -> None:
        keep = self.reports_for
        rows = self.visible_members()
        self.members_model.set_rows(rows)
        volunteers = sum(1 for m in rows if m.kind == "volunteer")
        text = self.tr("ทั้งหมด {count} คน: เครือข่ายภาคประชาชน {network} คน บัณฑิตอาสาพัฒนามาตุภูมิ {volunteer} คน")
        self.summary.setText(digits(text.format(count=len(rows), network=len(rows) - volunteers, volunteer=volunteers)))
        if not rows:
            self.summary.setText(self.tr("ยังไม่มีสมาชิกที่ตรงกับตัวกรอง"))
        found = self.members.row_of(lambda m: getattr(m, "id", None) == keep)
        self.reports_for = None  # the reports are read again: a save or an import may have added some
        self.members.selectRow(found if found is not None else 0)
        if self.reports_for is None:  # no row to select, so no selection signal
            self._member_changed()

    def selected_member(self) -> MemberView | None:
        index = self.members.currentIndex()
        value = index.data(ITEM_ROLE) if index.isValid() else None
        return value if isinstance(value, MemberView) else None

    def selected_report(self) -> ExternalReportView | None:
        index = self.reports.currentIndex()
        value = index.data(ITEM_ROLE) if index.isValid() else None
        return value if isinstance(value, ExternalReportView) else None

    def _member_changed(self) -> None:
        member = self.selected_member()
        self._update_buttons()
        if member is None:
            self.reports_for = None
            self.reports_model.set_rows([])
            self.reports_title.setText(self.tr("เลือกสมาชิกเพื่อดูรายงาน"))
            return
        self.reports_title.setText(self.tr("รายงานของ {name} ({kind})").format(
            name=member.full_name, kind=kind_text(member.kind)))  # fmt: skip
        if member.id != self.reports_for:
            self.reports_for = member.id
            self._load_reports(member.id)

    def _load_reports(self, member_id: int) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[int, list[ExternalReportView]]:
            return member_id, network.list_reports(db, actor, member_id=member_id)

        op = Operation(self, read, message=self.tr("กำลังโหลดรายงาน…"))
        op.success(self._reports_loaded).failure(lambda error: present_error(self, error)).run()

    def _reports_loaded(self, result: tuple[int, list[ExternalReportView]]) -> None:
        member_id, rows = result
        if member_id != self.reports_for:
            return  # the clerk moved on to another member meanwhile; that answer follows
        index = self.reports.currentIndex()
        shown = index.data(ITEM_ROLE) if index.isValid() else None
        wanted = self.wanted_report or getattr(shown, "id", None)  # a search hit, or the row already chosen
        self.reports_model.set_rows(rows)
        found = self.reports.row_of(lambda r: getattr(r, "id", None) == wanted)
        if found is not None:
            self.reports.selectRow(found)
            self.wanted_report = None
        if not rows:
            self.reports_title.setText(self.reports_title.text() + self.tr(" — ยังไม่มีรายงาน"))

    def open_report(self, report_id: int) -> None:
        """From search: every member shown, the report's member chosen and the report selected."""
        self.ensure_loaded()  # queued first: the single worker answers in order
        db, actor = self.ctx.db, self.ctx.actor
        op = Operation(self, lambda: network.get_report(db, actor, report_id), message=self.tr("กำลังเปิดรายงาน…"))
        op.success(self._show_report).failure(lambda error: present_error(self, error)).run()

    def _show_report(self, report: ExternalReportView) -> None:
        for widget in (self.kind_filter, self.active_only):
            widget.blockSignals(True)
        self.kind_filter.set_value(None)
        self.active_only.setChecked(False)
        for widget in (self.kind_filter, self.active_only):
            widget.blockSignals(False)
        self.reports_for, self.wanted_report = report.member_id, report.id
        self._show()

    def _update_buttons(self) -> None:
        staff, chosen = can_record_network(self.ctx), self.selected_member() is not None
        report = self.selected_report() is not None
        for key, on in (("addMember", staff), ("editMember", staff and chosen), ("addReport", staff and chosen),
                        ("removeReport", staff and report), ("networkImport", staff),
                        ("networkTemplate", True)):  # fmt: skip
            self.buttons[key].setEnabled(on)
            if not staff and key != "networkTemplate":
                self.buttons[key].setToolTip(self.tr("บัญชีนี้ดูข้อมูลได้อย่างเดียว (บันทึกได้เฉพาะผู้ดูแลระบบและเลขานุการ)"))

    # --- actions --------------------------------------------------------------------------------
    def new_record(self) -> MemberDialog | None:
        if not can_record_network(self.ctx):
            return None
        dialog = MemberDialog(self.ctx, self.data.places, self, kind=self.kind_filter.value())
        return self.open_dialog(dialog, self._saved)

    def edit_selected(self) -> MemberDialog | None:
        member = self.selected_member()
        if member is None or not can_record_network(self.ctx):
            return None
        return self.open_dialog(MemberDialog(self.ctx, self.data.places, self, member=member), self._saved)

    def add_report(self) -> NetworkReportDialog | None:
        member = self.selected_member()
        if member is None or not can_record_network(self.ctx):
            return None
        dialog = NetworkReportDialog(self.ctx, member, self.data.places, self.data.directives, self, today=self.today)
        return self.open_dialog(dialog, self._saved)

    def remove_selected_report(self) -> None:
        """A report entered twice or under the wrong member; asked first, audited by the service."""
        report = self.selected_report()
        if report is None or not can_record_network(self.ctx):
            return
        question = self.tr("ลบรายงานวันที่ {date} ของ {name} ใช่หรือไม่?").format(
            date=date_text(report.report_on), name=report.member_name)  # fmt: skip
        if not confirm(self, self.tr("ลบรายงานจากภาคประชาชน"), question):
            return
        db, actor, member_id = self.ctx.db, self.ctx.actor, report.member_id
        self.reports_for = member_id
        self._run(lambda: network.remove_report(db, actor, report.id), lambda _r: self._reload_keeping(member_id),
                  self.tr("กำลังลบรายงาน…"))  # fmt: skip

    def _reload_keeping(self, member_id: int) -> None:
        self.reports_for = member_id
        self.reload()

    def _saved(self, result: object) -> None:
        member_id = result.id if isinstance(result, MemberView) else getattr(result, "member_id", None)
        self.reports_for = member_id
        self.reload()

    def download_template(self, path: Path | None = None) -> None:
        network_import.download_template(self.ctx, self, self.notice, path)

    def import_from_file(self, path: Path | None = None) -> ImportPreviewDialog | None:
        if not can_record_network(self.ctx):
            return None
        titles = (
            self.tr("เลือกไฟล์รายงานจากเครือข่ายภาคประชาชน"),
            self.tr("นำเข้ารายงานจากเครือข่ายภาคประชาชนและบัณฑิตอาสา"),
        )
        service = partial(import_network_reports, today=self.today)
        self.import_dialog = open_preview(self.ctx, self, path, titles, service, network_preview, self.reload)
        return self.import_dialog

    def _run(self, call: Callable[[], ResultT], done: Callable[[ResultT], object], message: str) -> None:
        if self.operation is not None:
            return
        self.error.hide()
        self.operation = Operation(self, call, message=message, busy=list(self.buttons.values()))
        self.operation.success(lambda result: self._finish(done, result)).failure(self._refused).run()

    def _finish(self, done: Callable[[ResultT], object], result: ResultT) -> None:
        self.operation = None
        done(result)
        self._update_buttons()  # the busy state re-enabled every button; put the rules back

    def _refused(self, error: BaseException) -> None:
        self.operation = None
        self._update_buttons()
        present_error(self, error)
