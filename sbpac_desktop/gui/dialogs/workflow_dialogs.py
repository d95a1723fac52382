"""Dialogs for the directive workflow (issue #5): mark blocked, ask for an extension, decide on
it, ask for closure, acknowledge (or decline) closure. Each shows the directive it is about,
sends one service call in the background and shows the service's Thai messages next to the
field they are about (reason, new due date, closing date, note)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QRadioButton, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, InputT
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.text import date_text, digits, thai_digits, wrappable
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.gui.widgets.text_box import text_box
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import blocking, closure, extensions
from sbpac_desktop.services.directives.directives import DirectiveDetail
from sbpac_desktop.services.directives.extensions import ExtensionView
from sbpac_desktop.services.directives.workflow import WorkflowView
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.meetings.meetings import MeetingView


class WorkflowDialog(FormDialog[InputT, DirectiveDetail]):
    """The directive's number and text on top, a form below; `today` fixes dates in tests."""

    def __init__(
        self, ctx: AppContext, detail: DirectiveDetail, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.today = today
        heading = QLabel(wrappable(f"{detail.row.number_text(thai_digits())}  {detail.row.text}"), self)
        heading.setWordWrap(True)
        heading.setObjectName("directiveText")
        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.body.addWidget(heading)
        self.body.addLayout(self.form, 1)
        self.resize(640, 360)

    def after_save(self, result: DirectiveDetail) -> None:
        app_events().directives_changed.emit()


class BlockDialog(WorkflowDialog[str]):
    """แจ้งติดขัด: the reason is mandatory and shows in the status everywhere."""

    def __init__(self, ctx: AppContext, detail: DirectiveDetail, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(ctx, detail, parent, **kw)
        self.setObjectName("blockDialog")
        self.setWindowTitle(self.tr("แจ้งติดขัด {number}").format(number=detail.row.number_text(thai_digits())))
        self.reason = text_box(self, "reason", self.tr("เช่น รอการจัดสรรงบประมาณ / รอผลการพิจารณาของจังหวัด"), 72)
        self.form.addRow(self.tr("เหตุที่ติดขัด"), self.errors.bind("reason", self.reason))
        self.save_button.setText(self.tr("แจ้งติดขัด"))
        self.reason.setFocus()

    def collect(self, problems: list[FieldProblem]) -> str:
        return self.reason.toPlainText()

    def save_call(self, data: str) -> Callable[[], DirectiveDetail]:
        db, actor, row = self.ctx.db, self.ctx.actor, self.detail.row
        return lambda: blocking.block(db, actor, row.id, data, expected_version=row.version, today=self.today)


class ExtensionRequestDialog(WorkflowDialog[tuple[date | None, str]]):
    """ขอขยายเวลา: a later date than the current effective due date, and why."""

    def __init__(self, ctx: AppContext, detail: DirectiveDetail, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(ctx, detail, parent, **kw)
        self.setObjectName("extensionRequestDialog")
        self.setWindowTitle(self.tr("ขอขยายเวลา {number}").format(number=detail.row.number_text(thai_digits())))
        current = QLabel(date_text(detail.row.effective_due), self)
        current.setObjectName("currentDue")
        self.new_due = BeDateEdit(self)
        self.new_due.setObjectName("requestedDue")
        self.reason = text_box(self, "reason", self.tr("เหตุผลและความจำเป็นที่ต้องขยายเวลา"), 72)
        self.form.addRow(self.tr("กำหนดแล้วเสร็จปัจจุบัน"), current)
        self.form.addRow(self.tr("ขอขยายเวลาถึง (พ.ศ.)"), self.errors.bind("requested_due_on", self.new_due))
        self.form.addRow(self.tr("เหตุผล"), self.errors.bind("reason", self.reason))
        self.save_button.setText(self.tr("ส่งคำขอ"))
        self.new_due.line_edit.setFocus()

    def collect(self, problems: list[FieldProblem]) -> tuple[date | None, str]:
        self.errors.add(problems, "requested_due_on", self.new_due.problem())
        return self.new_due.date(), self.reason.toPlainText()

    def save_call(self, data: tuple[date | None, str]) -> Callable[[], DirectiveDetail]:
        db, actor, directive_id = self.ctx.db, self.ctx.actor, self.detail.row.id
        new_due, reason = data
        return lambda: extensions.request_extension(db, actor, directive_id, new_due, reason, today=self.today)


class ExtensionDecisionDialog(WorkflowDialog[tuple[bool, str]]):
    """พิจารณาขยายเวลา (secretariat): approve, or reject with a reason."""

    def __init__(
        self,
        ctx: AppContext,
        detail: DirectiveDetail,
        request: ExtensionView,
        parent: QWidget | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(ctx, detail, parent, **kw)
        self.request = request
        self.setObjectName("extensionDecisionDialog")
        self.setWindowTitle(self.tr("พิจารณาการขยายเวลา {number}").format(number=detail.row.number_text(thai_digits())))
        asked = QLabel(digits(request.change_text(thai_digits=thai_digits())), self)
        asked.setObjectName("requestedChange")
        why = QLabel(wrappable(request.reason), self)
        why.setWordWrap(True)
        self.approve = QRadioButton(self.tr("อนุมัติ"), self)
        self.approve.setObjectName("approve")
        self.reject_choice = QRadioButton(self.tr("ไม่อนุมัติ"), self)
        self.reject_choice.setObjectName("rejectChoice")
        self.approve.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.approve)
        group.addButton(self.reject_choice)
        choice = QWidget(self)
        row = flush(QFormLayout(choice))
        row.addRow(self.approve, self.reject_choice)
        self.note = text_box(self, "decisionNote", self.tr("หมายเหตุ (ต้องระบุเหตุผลเมื่อไม่อนุมัติ)"), 56)
        self.form.addRow(self.tr("คำขอ"), asked)
        self.form.addRow(self.tr("ผู้ขอ"), QLabel(request.requested_by or "-", self))
        self.form.addRow(self.tr("เหตุผลของผู้ขอ"), why)
        self.form.addRow(self.tr("ผลการพิจารณา"), choice)
        self.form.addRow(self.tr("หมายเหตุ"), self.errors.bind("decision_note", self.note))
        self.save_button.setText(self.tr("บันทึกผลการพิจารณา"))

    def collect(self, problems: list[FieldProblem]) -> tuple[bool, str]:
        return self.approve.isChecked(), self.note.toPlainText()

    def save_call(self, data: tuple[bool, str]) -> Callable[[], DirectiveDetail]:
        db, actor, request = self.ctx.db, self.ctx.actor, self.request
        approve, note = data
        if approve:
            return lambda: extensions.approve_extension(db, actor, request.id, note, request.version, self.today)
        return lambda: extensions.reject_extension(db, actor, request.id, note, request.version, self.today)


class ClosureRequestDialog(WorkflowDialog[str]):
    """ขอปิดเรื่อง: the assignee reports the work done; the secretariat acknowledges it."""

    def __init__(self, ctx: AppContext, detail: DirectiveDetail, parent: QWidget | None = None, **kw: Any) -> None:
        super().__init__(ctx, detail, parent, **kw)
        self.setObjectName("closureRequestDialog")
        self.setWindowTitle(self.tr("ขอปิดเรื่อง {number}").format(number=detail.row.number_text(thai_digits())))
        percent = detail.row.latest_percent
        latest = QLabel(self.tr("ร้อยละ {p}").format(p=digits(str(percent))) if percent is not None else "-", self)
        self.note = text_box(self, "note", self.tr("สรุปผลการดำเนินการที่แล้วเสร็จ (ไม่บังคับ)"), 72)
        self.form.addRow(self.tr("ความก้าวหน้าล่าสุด"), latest)
        self.form.addRow(self.tr("สรุปผล"), self.errors.bind("note", self.note))
        hint = QLabel(self.tr("ข้อสั่งการจะปิดเมื่อฝ่ายเลขานุการหรือที่ประชุมรับทราบแล้ว"), self)
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.save_button.setText(self.tr("ส่งคำขอปิดเรื่อง"))

    def collect(self, problems: list[FieldProblem]) -> str:
        return self.note.toPlainText()

    def save_call(self, data: str) -> Callable[[], DirectiveDetail]:
        db, actor, directive_id = self.ctx.db, self.ctx.actor, self.detail.row.id
        return lambda: closure.request_closure(db, actor, directive_id, data, today=self.today)


class ClosureDecisionDialog(WorkflowDialog[tuple[bool, date | None, int | None, str]]):
    """รับทราบและปิดเรื่อง (secretariat), optionally as acknowledged at a meeting; or, when an
    assignee asked, decline with a reason so the directive stays open."""

    def __init__(
        self,
        ctx: AppContext,
        detail: DirectiveDetail,
        workflow: WorkflowView,
        parent: QWidget | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(ctx, detail, parent, **kw)
        self.pending = workflow.pending_closure
        self.setObjectName("closureDecisionDialog")
        self.setWindowTitle(self.tr("รับทราบการปิดเรื่อง {number}").format(number=detail.row.number_text(thai_digits())))
        self.acknowledge = QRadioButton(self.tr("รับทราบและปิดเรื่อง"), self)
        self.acknowledge.setObjectName("acknowledge")
        self.decline = QRadioButton(self.tr("ยังไม่ให้ปิดเรื่อง"), self)
        self.decline.setObjectName("decline")
        self.acknowledge.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.acknowledge)
        group.addButton(self.decline)
        self.decline.setEnabled(self.pending is not None)  # there is nothing to decline otherwise
        choice = QWidget(self)
        choice_row = flush(QFormLayout(choice))
        choice_row.addRow(self.acknowledge, self.decline)
        self.closed_on = BeDateEdit(self)
        self.closed_on.setObjectName("closedOn")
        self.closed_on.setDate(today_or(self.today))
        self.meeting = IdCombo(self)
        self.meeting.setObjectName("meeting")
        self.meeting_dates: dict[int, date] = {}  # the meetings offered, read off the GUI thread
        db, actor = ctx.db, ctx.actor
        self.read_choices(lambda: meetings.list_meetings(db, actor), self._meetings_read, hold=[self.meeting])
        self.note = text_box(self, "decisionNote", self.tr("หมายเหตุ (ต้องระบุเหตุผลเมื่อยังไม่ให้ปิดเรื่อง)"), 56)
        if self.pending is not None:
            asked = self.tr("{who} ขอปิดเรื่อง: {note}").format(
                who=self.pending.requested_by or "-", note=self.pending.note or "-"
            )
            label = QLabel(wrappable(asked), self)
            label.setWordWrap(True)
            self.form.addRow(self.tr("คำขอ"), label)
        self.form.addRow(self.tr("ผลการพิจารณา"), choice)
        self.form.addRow(self.tr("รับทราบในที่ประชุม"), self.errors.bind("meeting_id", self.meeting))
        self.form.addRow(self.tr("วันที่ปิดเรื่อง (พ.ศ.)"), self.errors.bind("closed_on", self.closed_on))
        self.form.addRow(self.tr("หมายเหตุ"), self.errors.bind("decision_note", self.note))
        self.save_button.setText(self.tr("บันทึก"))

    def _meetings_read(self, found: list[MeetingView]) -> None:
        items: list[tuple[str, int | None]] = [(self.tr("— ฝ่ายเลขานุการรับทราบ (ไม่ผ่านที่ประชุม) —"), None)]
        for m in found:
            text = self.tr("ครั้งที่ {number} ({date}) {title}")
            items.append(
                (digits(text.format(number=m.number_text(False), date=date_text(m.meeting_date), title=m.title)), m.id)
            )
        self.meeting_dates = {m.id: m.meeting_date for m in found}
        self.meeting.set_items(items)
        self.meeting.currentIndexChanged.connect(self._meeting_picked)

    def _meeting_picked(self) -> None:
        """A closure at a meeting dates from the meeting, as its minutes will say."""
        meeting_id = self.meeting.value()
        if meeting_id is not None:
            self.closed_on.setDate(self.meeting_dates[meeting_id])

    def collect(self, problems: list[FieldProblem]) -> tuple[bool, date | None, int | None, str]:
        if self.acknowledge.isChecked():
            self.errors.add(problems, "closed_on", self.closed_on.problem())
        return self.acknowledge.isChecked(), self.closed_on.date(), self.meeting.value(), self.note.toPlainText()

    def save_call(self, data: tuple[bool, date | None, int | None, str]) -> Callable[[], DirectiveDetail]:
        db, actor, directive_id = self.ctx.db, self.ctx.actor, self.detail.row.id
        acknowledge, closed_on, meeting_id, note = data
        if acknowledge:
            return lambda: closure.acknowledge_closure(
                db, actor, directive_id, on=closed_on, meeting_id=meeting_id, note=note, today=self.today
            )
        assert self.pending is not None
        pending = self.pending
        return lambda: closure.decline_closure(db, actor, pending.id, note, pending.version, self.today)


def today_or(value: date | None) -> date:
    return value or date.today()
