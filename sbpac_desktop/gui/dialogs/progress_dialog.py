"""Add a progress report (รายงานผลการดำเนินการ) to one assignment of a directive:
percent 0–100, result, problems, suggestions, next step, report date (BE)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, scrolled, set_tab_order
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.text import ThaiLabel, thai_digits
from sbpac_desktop.gui.widgets.attachments import AttachFailure, AttachmentsWidget, attach_all, report_failures
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import IdCombo, PersonCombo
from sbpac_desktop.gui.widgets.text_box import text_box
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachments import OwnerKind
from sbpac_desktop.services.directives import progress
from sbpac_desktop.services.directives.directive_views import AssignmentView
from sbpac_desktop.services.directives.directives import DirectiveDetail
from sbpac_desktop.services.directives.progress import ProgressInput
from sbpac_desktop.services.people import org


def _assignment_label(assignment: AssignmentView) -> str:
    if assignment.role is AssignmentRole.SUPPORT:
        return f"{assignment.label} ({assignment.role.label})"
    return assignment.label


class ProgressDialog(FormDialog[ProgressInput, DirectiveDetail]):
    def __init__(
        self, ctx: AppContext, detail: DirectiveDetail, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("รายงานความก้าวหน้า {number}").format(number=detail.row.number_text(thai_digits())))
        heading = ThaiLabel(f"{detail.row.number_text(thai_digits())}  {detail.row.text}", self)  # wraps between words
        heading.setObjectName("directiveText")
        self.assignment = IdCombo(self)
        self.assignment.setObjectName("assignment")
        self.assignment.set_items([(_assignment_label(a), a.id) for a in detail.assignments])
        self.report_date = BeDateEdit(self)
        self.report_date.setObjectName("reportDate")
        self.report_date.setDate(today or date.today())
        self.percent = QSpinBox(self)
        self.percent.setObjectName("percent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(detail.row.latest_percent or 0)
        self.period = QLineEdit(self)
        self.period.setObjectName("period")
        self.period.setPlaceholderText(self.tr("เช่น ไตรมาสที่ ๑ (๑ ต.ค. ๖๒ – ๓๑ ธ.ค. ๖๒) — ไม่บังคับ"))
        self.reporter = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.reporter.setObjectName("reporter")
        self.result_edit = text_box(self, "result", self.tr("ผลการดำเนินการ"), 80, compact=True)
        self.problems = text_box(self, "problems", self.tr("ปัญหา/อุปสรรค (ถ้ามี)"), 64, compact=True)
        self.suggestions = text_box(
            self, "suggestions", self.tr("ข้อเสนอแนะ / ความต้องการสนับสนุน (ถ้ามี)"), 64, compact=True
        )
        self.next_step = text_box(self, "nextStep", self.tr("การดำเนินการต่อไป (ถ้ามี)"), 64, compact=True)
        bind = self.errors.bind
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow(self.tr("ผู้รับผิดชอบ"), bind("assignment_id", self.assignment))
        form.addRow(self.tr("วันที่รายงาน (พ.ศ.)"), bind("report_date", self.report_date))
        form.addRow(self.tr("ร้อยละความก้าวหน้า"), bind("percent", self.percent))
        form.addRow(self.tr("ห้วงการรายงาน"), bind("period_text", self.period))
        form.addRow(self.tr("ผู้รายงาน"), bind("reporter_person_id", self.reporter))
        form.addRow(self.tr("ผลการดำเนินการ"), bind("result", self.result_edit))
        form.addRow(self.tr("ปัญหา/อุปสรรค"), bind("problems", self.problems))
        form.addRow(self.tr("ข้อเสนอแนะ"), bind("suggestions", self.suggestions))
        form.addRow(self.tr("การดำเนินการต่อไป"), bind("next_step", self.next_step))
        self.attachments = AttachmentsWidget(ctx, OwnerKind.PROGRESS_REPORT, None, self)
        self.attach_failures: list[AttachFailure] = []
        form.addRow(self.tr("ไฟล์แนบ"), bind("file", self.attachments))
        self.body.addWidget(heading)
        self.body.addWidget(scrolled(self, form), 1)  # Save stays on a 768 px screen
        set_tab_order(
            [
                self.assignment, self.report_date.line_edit, self.percent, self.period, self.reporter,
                self.result_edit, self.problems, self.suggestions, self.next_step, self.save_button,
            ]
        )  # fmt: skip
        self.result_edit.setFocus()
        self.resize(760, 690)
        db, actor = ctx.db, ctx.actor
        self.read_choices(lambda: org.list_people(db, actor), self.reporter.set_people, hold=[self.reporter])

    def collect(self, problems: list[FieldProblem]) -> ProgressInput | None:
        self.errors.add(problems, "report_date", self.report_date.problem())
        if not self.result_edit.toPlainText().strip():
            self.errors.add(problems, "result", self.tr("กรุณากรอกผลการดำเนินการ"))
        if self.reporter.free_text():
            self.errors.add(problems, "reporter_person_id", self.tr("ไม่พบชื่อนี้ในรายชื่อบุคคล — โปรดเลือกจากรายการ"))
        assignment_id = self.assignment.value()
        report_date = self.report_date.date()
        if problems or assignment_id is None or report_date is None:
            return None
        return ProgressInput(
            assignment_id=assignment_id,
            report_date=report_date,
            percent=self.percent.value(),
            result=self.result_edit.toPlainText(),
            problems=self.problems.toPlainText(),
            suggestions=self.suggestions.toPlainText(),
            next_step=self.next_step.toPlainText(),
            period_text=self.period.text(),
            reporter_person_id=self.reporter.value(),
        )

    def save_call(self, data: ProgressInput) -> Callable[[], DirectiveDetail]:
        ctx, files = self.ctx, self.attachments.pending_paths()

        def call() -> DirectiveDetail:
            detail = progress.add_progress(ctx.db, ctx.actor, data)
            if files:  # the new report is the newest row of its directive
                report_id = max(report.id for report in detail.reports)
                self.attach_failures = attach_all(ctx, OwnerKind.PROGRESS_REPORT, report_id, files)
            return detail

        return call

    def after_save(self, result: DirectiveDetail) -> None:
        app_events().directives_changed.emit()
        report_failures(self.parentWidget(), self.attach_failures)
