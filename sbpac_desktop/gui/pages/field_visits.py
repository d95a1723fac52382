"""การลงพื้นที่: a month calendar of field visits (Buddhist Era), the month's list, and the chosen
visit with its places, posts, findings and what became of them. The secretariat plans visits,
records their outcome, findings and files, and prints the visit report (PDF or Word); everyone
else reads. Services do the work (services/field/field_visits.py, field_findings.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.dialogs.visit_dialog import VisitDialog
from sbpac_desktop.gui.dialogs.visit_outcome_dialog import FindingDialog, OutcomeDialog, ToProgressDialog
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import Page, heading_label
from sbpac_desktop.gui.pages.field_visits_calendar import VISIT_TINT, VisitCalendar
from sbpac_desktop.gui.pages.file_export import announce, ask_save_path, notice_label
from sbpac_desktop.gui.pages.top_row import FoldingFilters, filter_bar
from sbpac_desktop.gui.text import date_text, digits, wrappable
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.loading import loading_message, refusal_to
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import field_visits
from sbpac_desktop.services.field.field_visits import EDIT_FIELD_WORK, FindingView, VisitDetail, VisitRow
from sbpac_desktop.thai import THAI_MONTHS

ResultT = TypeVar("ResultT")  # what the background call answers

DATA = Qt.ItemDataRole.UserRole


def can_record_visits(ctx: AppContext) -> bool:
    return ctx.actor.role in EDIT_FIELD_WORK


class FieldVisitsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("fieldVisitsPage")
        self.today = today or date.today()
        self.year, self.month = self.today.year, self.today.month
        self.rows: list[VisitRow] = []
        self.detail: VisitDetail | None = None
        self.operation: Operation[Any] | None = None
        self.dialog: Any = None
        self._listing = self._asked = 0  # the latest month and visit asked for: older answers are dropped
        self.heading = heading_label(self.tr("การลงพื้นที่"), self)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("visitMonth")
        self.month_label.setMinimumWidth(150)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.notice = notice_label(self)
        self.calendar = VisitCalendar(self)  # the month grid (gui/pages/field_visits_calendar.py)
        self.calendar.day_clicked.connect(self._day_clicked)
        self.list = QListWidget(self)
        self.list.setObjectName("visitList")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.detail_view = QTextBrowser(self)
        self.detail_view.setObjectName("visitDetail")
        self.buttons: dict[str, QPushButton] = {}
        self._lay_out()
        self._update_buttons()

    # --- building -------------------------------------------------------------------------------
    def _button(self, key: str, text: str, slot: Callable[[], object], staff_only: bool = True) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(key)
        button.clicked.connect(lambda: slot())
        button.setVisible(can_record_visits(self.ctx) or not staff_only)
        self.buttons[key] = button
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self._button("prevMonth", self.tr("◀ เดือนก่อน"), lambda: self.move_month(-1), False))
        top.addWidget(self.month_label)
        top.addWidget(self._button("nextMonth", self.tr("เดือนถัดไป ▶"), lambda: self.move_month(+1), False))
        top.addWidget(self._button("planVisit", self.tr("วางแผนลงพื้นที่…"), self.new_record))
        actions = QHBoxLayout()
        for key, text, slot, staff in (
            ("editVisit", self.tr("แก้ไขแผน…"), self.edit_selected, True),
            ("recordOutcome", self.tr("บันทึกผล/แนบภาพ…"), self.record_outcome, True),
            ("addFinding", self.tr("เพิ่มข้อค้นพบ…"), self.add_finding, True),
            ("findingToProgress", self.tr("ข้อค้นพบ → รายงานผล…"), self.finding_to_progress, True),
            ("cancelVisit", self.tr("ยกเลิกการลงพื้นที่"), self.cancel_selected, True),
        ):
            actions.addWidget(self._button(key, text, slot, staff))
        pdf = self._button("printPdf", self.tr("พิมพ์รายงาน (PDF)…"), lambda: self.print_report(".pdf"), False)
        word = self._button("printWord", self.tr("Word…"), lambda: self.print_report(".docx"), False)
        printing = filter_bar(self, (pdf, word), "printButtons")
        actions.addWidget(printing)
        at = actions.indexOf(printing)
        actions.addStretch(1)
        right = QWidget(self)
        column = flush(QVBoxLayout(right))
        column.addWidget(QLabel(self.tr("การลงพื้นที่ในเดือนนี้"), self))
        column.addWidget(self.list, 1)
        column.addWidget(self.detail_view, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.calendar)
        split.addWidget(right)
        split.setSizes([680, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self.folding = FoldingFilters(self, layout, actions, printing, at)  # on a row of their own when narrow

    # --- loading --------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Read the month's visits on the database thread; the actions wait for the chosen visit."""
        self.loaded = True
        self.month_label.setText(digits(f"{THAI_MONTHS[self.month - 1]} {self.year + 543}"))
        self._listing, self._asked = self._listing + 1, self._asked + 1  # what is on its way is outdated
        listing = self._listing
        self.detail = None
        self._update_buttons()

        def listed(rows: list[VisitRow]) -> None:
            if listing == self._listing:
                self._show_rows(rows, select_id)

        def refused(error: AppError) -> None:
            if listing == self._listing:
                self._say(self.tr("โหลดข้อมูลไม่สำเร็จ: {message}").format(message=error_text(error)))
                self._show_rows([], None)

        read = partial(field_visits.list_visits, self.ctx.db, self.ctx.actor, year=self.year, month=self.month)
        Operation(self, read, message=loading_message()).success(listed).failure(refusal_to(self, refused)).run()

    def _show_rows(self, rows: list[VisitRow], select_id: int | None) -> None:
        self.rows = rows
        self.calendar.show_month(self.year, self.month, self.rows, self.today)
        self.list.blockSignals(True)  # the chosen visit is read once, below
        self.list.clear()
        for row in self.rows:
            text = f"{date_text(row.visit_on)} · {row.title} ({row.status_th})\n{' '.join(row.place_labels)}"
            item = QListWidgetItem(wrappable(digits(text)), self.list)
            item.setData(DATA, row.id)
            item.setBackground(QColor(VISIT_TINT[row.status]))
        if not self.rows:
            QListWidgetItem(self.tr("ยังไม่มีการลงพื้นที่ในเดือนนี้"), self.list).setFlags(Qt.ItemFlag.NoItemFlags)
        target = next((i for i, r in enumerate(self.rows) if r.id == select_id), 0 if self.rows else -1)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self._show_selected()

    def move_month(self, step: int) -> None:
        month = self.month - 1 + step
        self.year, self.month = self.year + month // 12, month % 12 + 1
        self.reload()

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.reload()

    def _day_clicked(self, day: date) -> None:
        for index, visit in enumerate(self.rows):
            if day and visit.visit_on <= day <= (visit.end_on or visit.visit_on):
                self.list.setCurrentRow(index)
                return

    def open_visit(self, visit_id: int) -> None:
        """From search: show the visit's month and select it."""
        db, actor = self.ctx.db, self.ctx.actor

        def found(detail: VisitDetail) -> None:
            self.year, self.month = detail.row.visit_on.year, detail.row.visit_on.month
            self.reload(select_id=visit_id)

        Operation(self, lambda: field_visits.get_visit(db, actor, visit_id), message=loading_message()).success(
            found
        ).run()  # a refusal goes to the error presenter, as before

    # --- the chosen visit -----------------------------------------------------------------------
    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(DATA) if item is not None else None
        return value if isinstance(value, int) else None

    def _show_selected(self) -> None:
        """Read the chosen visit on the database thread; its actions stay off until it is here."""
        visit_id = self.selected_id()
        self.detail = None
        self._asked += 1
        asked = self._asked
        self._update_buttons()
        if visit_id is None:
            self.detail_view.setHtml("")
            return

        def arrived(detail: VisitDetail) -> None:
            if asked == self._asked:
                self.detail = detail
                self.detail_view.setHtml(detail_html(detail))
                self._update_buttons()

        def refused(error: AppError) -> None:
            if asked == self._asked:
                self.detail_view.setHtml("")
                self._say(error_text(error))

        read = partial(field_visits.get_visit, self.ctx.db, self.ctx.actor, visit_id)
        Operation(self, read, message=loading_message()).success(arrived).failure(refusal_to(self, refused)).run()

    def _update_buttons(self) -> None:
        detail = self.detail
        status = detail.row.status if detail else None
        enabled = {
            "editVisit": status == "planned",
            "recordOutcome": status in ("planned", "done"),
            "addFinding": status in ("planned", "done"),
            "findingToProgress": status == "done" and self._convertible() is not None,
            "cancelVisit": status == "planned",
            "printPdf": detail is not None,
            "printWord": detail is not None,
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)

    def _convertible(self) -> FindingView | None:
        """The first finding tied to a directive and not yet a progress report."""
        if self.detail is None:
            return None
        return next((f for f in self.detail.findings if f.directive_id and f.progress_report_id is None), None)

    # --- actions --------------------------------------------------------------------------------
    def new_record(self) -> VisitDialog | None:
        if not can_record_visits(self.ctx):
            return None
        return self.open_dialog(VisitDialog(self.ctx, self, day=date(self.year, self.month, 1)), self._changed)

    def edit_selected(self) -> VisitDialog | None:
        return self.open_dialog(VisitDialog(self.ctx, self, visit=self.detail), self._changed) if self.detail else None

    def record_outcome(self) -> OutcomeDialog | None:
        return self.open_dialog(OutcomeDialog(self.ctx, self.detail, self), self._changed) if self.detail else None

    def add_finding(self) -> FindingDialog | None:
        return self.open_dialog(FindingDialog(self.ctx, self.detail, self), self._changed) if self.detail else None

    def finding_to_progress(self) -> ToProgressDialog | None:
        finding = self._convertible()
        return self.open_dialog(ToProgressDialog(self.ctx, finding, self), self._changed) if finding else None

    def cancel_selected(self) -> None:
        if self.detail is not None:
            db, actor, row = self.ctx.db, self.ctx.actor, self.detail.row
            self._run(lambda: field_visits.cancel_visit(db, actor, row.id, row.version))

    def print_report(self, suffix: str) -> None:
        if self.detail is None:
            return
        offered = [(self.tr("PDF (*.pdf)"), ".pdf")] if suffix == ".pdf" else [(self.tr("Word (*.docx)"), ".docx")]
        try:
            path = ask_save_path(self, self.tr("บันทึกรายงานการลงพื้นที่"), self.tr("รายงานการลงพื้นที่") + suffix, offered)
        except AppError as error:
            present_error(self, error)
            return
        if path is not None:
            self.write_report(path)

    def write_report(self, path: Path) -> None:
        db, actor, visit_id = self.ctx.db, self.ctx.actor, self.detail.row.id if self.detail else 0
        as_pdf = path.suffix.lower() == ".pdf"

        def work() -> Path:
            # imported here, off the GUI thread: ReportLab and python-docx stay out of start-up
            from sbpac_desktop.reporting.visit_report import render_visit_report
            from sbpac_desktop.reporting.word.visit_report import render_visit_report_docx
            from sbpac_desktop.services.field.field_report import build_visit_report

            render = render_visit_report if as_pdf else render_visit_report_docx
            return render(build_visit_report(db, actor, visit_id), path)

        done = self.tr("บันทึกแล้ว: {path}")
        self._run(work, saved=lambda written: announce(self, self.notice, done.format(path=written)))

    def _run(self, call: Callable[[], ResultT], saved: Callable[[ResultT], object] | None = None) -> None:
        if self.operation is not None:
            return
        self.error.hide()
        self.operation = Operation(self, call, message=self.tr("กำลังทำรายการ…"), busy=list(self.buttons.values()))
        self.operation.success(lambda result: self._done(result, saved)).failure(self._refused).run()

    def _done(self, result: ResultT, saved: Callable[[ResultT], object] | None) -> None:
        self.operation = None
        if saved is not None:
            saved(result)
        else:
            self._changed(result)

    def _changed(self, result: object) -> None:
        self.operation = None
        visit_id = getattr(getattr(result, "row", None), "id", None) or self.selected_id()
        if isinstance(result, VisitDetail):
            self.year, self.month = result.row.visit_on.year, result.row.visit_on.month
        self.reload(select_id=visit_id)

    def _refused(self, error: BaseException) -> None:
        self.operation = None
        if not isinstance(error, AppError):
            present_error(self, error)
            return
        self._say(self.tr("ทำรายการไม่ได้: {message}").format(message=error_text(error)))

    def _say(self, text: str) -> None:
        self.error.setText(wrappable(text))
        self.error.show()


def detail_html(detail: VisitDetail) -> str:
    row = detail.row
    when = date_text(row.visit_on) + (f" – {date_text(row.end_on)}" if row.end_on else "")
    parts = [f"<h3>{escape(row.title)}</h3>", f"<p><b>{escape(when)}</b> · {escape(row.status_th)}</p>"]
    facts = [
        (QCoreApplication.translate("FieldVisitsPage", "พื้นที่"), " ".join(p.label for p in detail.places)),
        (QCoreApplication.translate("FieldVisitsPage", "วัตถุประสงค์"), detail.purpose),
        (QCoreApplication.translate("FieldVisitsPage", "หัวหน้าคณะ"), row.lead_label or "-"),
        (
            QCoreApplication.translate("FieldVisitsPage", "ส่วนราชการที่ร่วม"),
            ", ".join(label for _id, label in detail.joining) or "-",
        ),
        (
            QCoreApplication.translate("FieldVisitsPage", "ข้อสั่งการ"),
            ", ".join(number for _id, number, _t in detail.directives) or "-",
        ),
        (QCoreApplication.translate("FieldVisitsPage", "ผู้ร่วมลงพื้นที่"), detail.participants or "-"),
        (
            QCoreApplication.translate("FieldVisitsPage", "ผลการลงพื้นที่"),
            detail.summary or QCoreApplication.translate("FieldVisitsPage", "ยังไม่บันทึกผล"),
        ),
        (QCoreApplication.translate("FieldVisitsPage", "ประเด็นที่ประชาชนเสนอ"), detail.issues or "-"),
        (
            QCoreApplication.translate("FieldVisitsPage", "ภาพ/หลักฐาน"),
            QCoreApplication.translate("FieldVisitsPage", "{count} ไฟล์").format(count=detail.attachment_count),
        ),
    ]
    parts += [f"<p><b>{escape(label)}:</b> {escape(wrappable(value))}</p>" for label, value in facts]
    if detail.findings:
        items = []
        for finding in detail.findings:
            fate = ""
            if finding.progress_report_id:
                fate = QCoreApplication.translate("FieldVisitsPage", " → รายงานผล {number}").format(
                    number=finding.directive_number
                )
            elif finding.proposal_state:
                fate = {
                    "proposed": QCoreApplication.translate("FieldVisitsPage", " → เสนอเข้าระเบียบวาระ"),
                    "accepted": QCoreApplication.translate("FieldVisitsPage", " → บรรจุในระเบียบวาระแล้ว"),
                    "dropped": QCoreApplication.translate("FieldVisitsPage", " → ไม่นำเข้าระเบียบวาระ"),
                }[finding.proposal_state]
            items.append(f"<li>{escape(wrappable(finding.text))}<i>{escape(fate)}</i></li>")
        parts.append(
            f"<p><b>{escape(QCoreApplication.translate('FieldVisitsPage', 'ข้อค้นพบ'))}</b></p><ol>"
            + "".join(items)
            + "</ol>"
        )
    return digits("".join(parts))
