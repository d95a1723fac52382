"""After the visit: who went, the result and the issues raised (with the photos and evidence,
attached straight to the visit), and one finding at a time — which may be proposed for the next
meeting's agenda or, once the outcome is recorded, become a progress report on a directive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.widgets.attachments import AttachmentsWidget
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.gui.widgets.place_picker import PlaceCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachments import OwnerKind
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.field import field_findings, field_visits
from sbpac_desktop.services.field.field_choices import directive_choices
from sbpac_desktop.services.field.field_findings import FindingInput
from sbpac_desktop.services.field.field_visits import FindingView, OutcomeInput, VisitDetail


class OutcomeDialog(FormDialog[OutcomeInput, VisitDetail]):
    def __init__(self, ctx: AppContext, visit: VisitDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.visit = visit
        self.setObjectName("visitOutcomeDialog")
        self.setWindowTitle(self.tr("บันทึกผลการลงพื้นที่"))
        self.participants = QPlainTextEdit(visit.participants or "", self)
        self.participants.setObjectName("participants")
        self.participants.setFixedHeight(70)
        self.summary = QPlainTextEdit(visit.summary or "", self)
        self.summary.setObjectName("summary")
        self.issues = QPlainTextEdit(visit.issues or "", self)
        self.issues.setObjectName("issues")
        self.issues.setFixedHeight(80)
        self.files = AttachmentsWidget(ctx, OwnerKind.FIELD_VISIT, visit.row.id, self)
        form = QFormLayout()
        form.addRow(self.tr("ผู้ร่วมลงพื้นที่"), self.errors.bind("participants", self.participants))
        form.addRow(self.tr("ผลการลงพื้นที่"), self.errors.bind("summary", self.summary))
        form.addRow(self.tr("ประเด็นที่ประชาชนเสนอ"), self.issues)
        form.addRow(self.tr("ภาพถ่าย/หลักฐาน"), self.files)
        self.body.addLayout(form)
        self.body.addWidget(self.errors.bind("status", QWidget(self)))
        self.resize(820, 600)

    def collect(self, problems: list[FieldProblem]) -> OutcomeInput:
        return OutcomeInput(self.participants.toPlainText(), self.summary.toPlainText(), self.issues.toPlainText())

    def save_call(self, data: OutcomeInput) -> Callable[[], VisitDetail]:
        db, actor, visit = self.ctx.db, self.ctx.actor, self.visit
        return lambda: field_visits.record_outcome(db, actor, visit.row.id, visit.row.version, data)


class FindingDialog(FormDialog[FindingInput, FindingView]):
    """A new finding: the text, where, which directive, and optionally proposed for the agenda."""

    def __init__(self, ctx: AppContext, visit: VisitDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.visit = visit
        self.setObjectName("findingDialog")
        self.setWindowTitle(self.tr("เพิ่มข้อค้นพบจากการลงพื้นที่"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("findingText")
        self.text.setFixedHeight(90)
        self.place = PlaceCombo(self)
        self.place.set_places(visit.places)
        self.directive = IdCombo(self, none_label=self.tr("— ไม่เกี่ยวกับข้อสั่งการใด —"), editable=True)
        self.directive.setObjectName("findingDirective")
        self.propose = QCheckBox(self.tr("เสนอเข้าระเบียบวาระการประชุมครั้งต่อไป (เรื่องเพื่อพิจารณา)"), self)
        self.propose.setObjectName("proposeFinding")
        self.proposal_title = QLineEdit(self)
        self.proposal_title.setObjectName("proposalTitle")
        self.proposal_title.setPlaceholderText(self.tr("ชื่อเรื่องในระเบียบวาระ (เว้นว่าง = ใช้ข้อความข้อค้นพบ)"))
        self.proposal_title.setEnabled(False)
        self.propose.toggled.connect(self.proposal_title.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("ข้อค้นพบ"), self.errors.bind("text", self.text))
        form.addRow(self.tr("พื้นที่"), self.errors.bind("places", self.place))
        form.addRow(self.tr("ข้อสั่งการ"), self.errors.bind("directive", self.directive))
        form.addRow(self.propose)
        form.addRow(self.tr("ชื่อเรื่องที่เสนอ"), self.proposal_title)
        self.body.addLayout(form)
        self.resize(760, self.sizeHint().height())
        db, actor = ctx.db, ctx.actor
        self.read_choices(lambda: directive_choices(db, actor), self.directive.set_items, hold=[self.directive])

    def collect(self, problems: list[FieldProblem]) -> FindingInput:
        return FindingInput(self.text.toPlainText(), self.place.value(), self.directive.value())

    def save_call(self, data: FindingInput) -> Callable[[], FindingView]:
        db, actor, visit_id = self.ctx.db, self.ctx.actor, self.visit.row.id
        propose, title = self.propose.isChecked(), self.proposal_title.text()

        def save() -> FindingView:
            finding = field_findings.add_finding(db, actor, visit_id, data)
            if propose:  # a second call: the finding stands even if proposing is refused
                finding = field_findings.propose_finding(db, actor, finding.id, finding.version, title or None)
            return finding

        return save


class ToProgressDialog(FormDialog[tuple[int, int], FindingView]):
    """A finding becomes a progress report on one assignment of its directive."""

    def __init__(self, ctx: AppContext, finding: FindingView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.finding = finding
        self.setObjectName("findingToProgressDialog")
        self.setWindowTitle(self.tr("นำข้อค้นพบไปเป็นรายงานผลการดำเนินการ"))
        self.assignment = IdCombo(self)
        self.assignment.setObjectName("findingAssignment")
        self.percent = QSpinBox(self)
        self.percent.setObjectName("findingPercent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        form = QFormLayout()
        form.addRow(self.tr("ข้อค้นพบ"), QLineEdit(finding.text, self, readOnly=True))
        form.addRow(self.tr("ผู้รับผิดชอบ"), self.errors.bind("assignment", self.assignment))
        form.addRow(self.tr("ร้อยละความก้าวหน้า"), self.errors.bind("percent", self.percent))
        self.body.addLayout(form)
        self.resize(700, self.sizeHint().height())
        directive_id, db, actor = finding.directive_id, ctx.db, ctx.actor
        if directive_id is not None:  # without one, collect says the finding has no one to report to
            self.read_choices(
                lambda: [(a.label, a.id) for a in directives.get_directive(db, actor, directive_id).assignments],
                self.assignment.set_items,
                hold=[self.assignment],
            )

    def collect(self, problems: list[FieldProblem]) -> tuple[int, int]:
        if self.assignment.value() is None:
            self.errors.add(problems, "assignment", self.tr("ข้อค้นพบนี้ไม่ได้ผูกกับข้อสั่งการที่มีผู้รับผิดชอบ"))
        return self.assignment.value(), self.percent.value()

    def save_call(self, data: tuple[int, int]) -> Callable[[], FindingView]:
        db, actor, finding_id = self.ctx.db, self.ctx.actor, self.finding.id
        return lambda: field_findings.finding_to_progress(db, actor, finding_id, data[0], data[1])
