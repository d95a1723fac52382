"""The selected directive: its facts, who is responsible, its extension and closure history,
the workflow actions the signed-in user may take, and the progress history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.gui.dialogs.history_dialog import HistoryDialog, open_history
from sbpac_desktop.gui.domain_labels import status_text
from sbpac_desktop.gui.models.directives import STATUS_COLOURS
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import BLANK, date_text, digits, or_blank, percent_text, thai_digits, wrappable
from sbpac_desktop.gui.widgets.directive_actions import DirectiveActions
from sbpac_desktop.gui.widgets.external_reports import read_external, reports_html
from sbpac_desktop.gui.widgets.loading import loading_message
from sbpac_desktop.gui.widgets.scrolling import ScrollBody, scrolling
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives.directive_views import ProgressView
from sbpac_desktop.services.directives.directives import DirectiveDetail, get_directive
from sbpac_desktop.services.directives.workflow import WorkflowView, get_workflow
from sbpac_desktop.services.field.network import ExternalReportView
from sbpac_desktop.services.places import PlaceView

PROGRESS_LINES = 6  # the progress history keeps room for a report or two; the pane scrolls below
NAMES_SHARE = 2.5  # the values go under their names when these would take more than 1/2.5 of the pane


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


@dataclass(frozen=True)
class Extras:
    """What the pane shows beside the directive itself, read together on the database thread."""

    workflow: WorkflowView | None
    places: list[PlaceView]
    external: list[ExternalReportView]


def read_extras(ctx: AppContext, directive_id: int, today: date | None) -> Extras:
    """Worker thread. Each part may be refused on its own: the facts still show without it."""
    try:
        workflow: WorkflowView | None = get_workflow(ctx.db, ctx.actor, directive_id, today)
    except AppError:
        workflow = None  # the actions stay hidden
    try:
        tied = places.directive_places(ctx.db, ctx.actor, directive_id)
    except AppError:
        tied = []
    return Extras(workflow, tied, read_external(ctx, directive_id))


class DirectiveDetailPane(QFrame):
    shown = Signal()  # a directive (or none) is shown: the page's buttons follow `detail`

    def __init__(
        self, parent: QWidget | None = None, *, ctx: AppContext | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directiveDetail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx: AppContext | None = ctx or getattr(parent, "ctx", None)  # the page that hosts the pane
        self.today = today
        self.detail: DirectiveDetail | None = None
        self.workflow: WorkflowView | None = None
        self._asked = 0  # the latest read; an older answer arriving late is dropped
        self.title = _value_label(self, "detailTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.status = _value_label(self, "detailStatus")
        self.text = _value_label(self, "detailText")
        self.issued = _value_label(self, "detailIssued")
        self.due = _value_label(self, "detailDue")
        self.source = _value_label(self, "detailSource")
        self.facts = _value_label(self, "detailFacts")
        self.lead = _value_label(self, "detailLead")
        self.supporting = _value_label(self, "detailSupporting")
        self.places = _value_label(self, "detailPlaces")
        self.history = _value_label(self, "detailWorkflow")
        self.action_bar = DirectiveActions(self.ctx, self, today=today)
        self.action_bar.setObjectName("directiveActions")
        self.action_bar.changed.connect(self.show_detail)
        self.history_button = QPushButton(self.tr("ประวัติการแก้ไข"), self)
        self.history_button.setObjectName("directiveHistory")
        self.history_button.clicked.connect(self.show_history)
        self.progress = QTextBrowser(self)  # one block per report: reads well in a narrow pane
        self.progress.setObjectName("progressHistory")
        self.progress.setOpenLinks(False)
        self.empty = QLabel(self.tr("เลือกข้อสั่งการในตารางเพื่อดูรายละเอียดและความก้าวหน้า"), self)
        self.empty.setWordWrap(True)
        self._lay_out()
        self.show_detail(None)

    def _lay_out(self) -> None:
        form = self.form = QFormLayout()
        form.setVerticalSpacing(4)
        form.addRow(self.tr("สถานะ"), self.status)
        form.addRow(self.tr("สั่งการเมื่อ"), self.issued)
        form.addRow(self.tr("กำหนดแล้วเสร็จ"), self.due)
        form.addRow(self.tr("ที่มา"), self.source)
        form.addRow(self.tr("มิติการพัฒนา / ความเร่งด่วน"), self.facts)
        form.addRow(self.tr("ผู้รับผิดชอบหลัก"), self.lead)
        form.addRow(self.tr("ผู้รับผิดชอบร่วม"), self.supporting)
        form.addRow(self.tr("พื้นที่"), self.places)
        form.addRow(self.tr("ขยายเวลา / ปิดเรื่อง"), self.history)
        self.form_host = QWidget(self)
        self.form_host.setLayout(form)
        self.history_label = QLabel(self.tr("ความก้าวหน้า (ล่าสุดอยู่บน)"), self)
        # On a short window (960x560) the facts keep the height their wrapped text needs and the
        # pane scrolls: squeezed into the pane's height, the rows were drawn over each other.
        self.body = ScrollBody(self)
        self.body.setObjectName("directiveDetailBody")
        self.progress.setMinimumHeight(self.fontMetrics().lineSpacing() * PROGRESS_LINES)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.form_host)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.history_label)
        layout.addWidget(self.progress, 1)
        self.scroll_area = scrolling(self, self.body, "directiveDetailScroll")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """In a narrow pane (the window's least width) each value goes under its name, at the
        pane's whole width, rather than in a column a few words wide beside the names."""
        names = [self.form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(self.form.rowCount())]
        widest = max((item.sizeHint().width() for item in names if item is not None), default=0)
        narrow = event.size().width() < widest * NAMES_SHARE
        wrap = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.DontWrapRows
        if self.form.rowWrapPolicy() != wrap:
            self.form.setRowWrapPolicy(wrap)
        super().resizeEvent(event)

    def show_history(self) -> HistoryDialog | None:
        """ประวัติการแก้ไข of the shown directive, with its assignees, reports and files."""
        if self.detail is None or self.ctx is None:
            return None
        return open_history(self.ctx, "directive", self.detail.row.id, self.detail.row.number_text(thai_digits()), self)

    def show_directive(self, directive_id: int, failed: Callable[[AppError], None]) -> None:
        """Read the directive on the database thread and show it; a refusal empties the pane and
        goes to `failed` (the page's error line)."""
        if self.ctx is None:
            return
        ctx, today = self.ctx, self.today
        self._asked += 1
        asked = self._asked
        self.detail = None  # nothing may act on the directive shown before until the new one is here
        self.action_bar.set_directive(None, None)
        self.setEnabled(False)
        self.shown.emit()

        def read() -> tuple[DirectiveDetail, Extras]:
            return get_directive(ctx.db, ctx.actor, directive_id), read_extras(ctx, directive_id, today)

        def arrived(answer: tuple[DirectiveDetail, Extras]) -> None:
            if asked == self._asked:
                self._show(answer[0], answer[1])

        def refused(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error  # programming errors reach the global handler
            if asked == self._asked:
                self.show_detail(None)
                failed(error)

        Operation(self, read, message=loading_message()).success(arrived).failure(refused).run()

    def show_detail(self, detail: DirectiveDetail | None) -> None:
        """Show `detail` at once; its workflow, places and the network's reports follow from the
        database thread, and the actions stay hidden until the workflow they depend on is here."""
        self._asked += 1
        self._show(detail, None)
        if detail is None or self.ctx is None:
            return
        ctx, today, asked = self.ctx, self.today, self._asked

        def arrived(extras: Extras) -> None:
            if asked == self._asked:
                self._show(detail, extras)

        Operation(self, lambda: read_extras(ctx, detail.row.id, today), message=loading_message()).success(
            arrived
        ).run()

    def _show(self, detail: DirectiveDetail | None, extras: Extras | None) -> None:
        self.detail = detail
        self.setEnabled(True)
        parts = (self.title, self.text, self.form_host, self.history_label, self.progress, self.history_button)
        for widget in parts:
            widget.setVisible(detail is not None)
        self.empty.setVisible(detail is None)
        self.workflow = extras.workflow if extras else None
        self.action_bar.set_directive(detail, self.workflow)
        self.shown.emit()
        if detail is None:
            self.progress.clear()
            return
        self._show_facts(detail)
        self.places.setText(self._places_text(extras.places if extras else []))
        self.history.setText(self.workflow_text(self.workflow))
        # the civil-society network's reports follow, marked as external (issue #15)
        self.progress.setHtml(self.history_html(detail.reports) + reports_html(extras.external if extras else []))

    def _show_facts(self, detail: DirectiveDetail) -> None:
        row = detail.row
        self.title.setText(row.number_text(thai_digits()))
        self.text.setText(wrappable(row.text))
        self.status.setText(digits(status_text(row.status)))
        tint = STATUS_COLOURS.get(row.status.key)
        self.status.setStyleSheet(f"background: {tint}; color: #1f1f1f; padding: 2px 6px;" if tint else "")
        issued = date_text(row.issued_on)
        if detail.issued_by_name:
            issued += self.tr(" โดย {name}").format(name=detail.issued_by_name)
        self.issued.setText(issued)
        due = date_text(row.due_on)
        if row.extended_due_on:
            due += self.tr(" (ขยายถึง {date})").format(date=date_text(row.extended_due_on))
        self.due.setText(due)
        if row.meeting_label:
            self.source.setText(self.tr("การประชุมครั้งที่ {number}").format(number=digits(row.meeting_label)))
        else:
            self.source.setText(BLANK)
        self.facts.setText(
            self.tr("{dimension} · {priority} · รายงาน{cycle}").format(
                dimension=or_blank(row.dimension), priority=row.priority.label, cycle=detail.report_cycle.label
            )
        )
        leads = [a.label for a in detail.assignments if a.role is AssignmentRole.LEAD]
        supports = [a.label for a in detail.assignments if a.role is AssignmentRole.SUPPORT]
        self.lead.setText(wrappable("\n".join(leads)) if leads else BLANK)
        self.supporting.setText(wrappable("\n".join(supports)) if supports else BLANK)

    def _places_text(self, tied: list[PlaceView]) -> str:
        """'ต.สะบารัง (ปัตตานี), จ.สตูล' — short, the pane has little height; the full names as the tooltip."""
        self.places.setToolTip("\n".join(p.label for p in tied))
        shown = [p.short_label + (f" ({p.province_name})" if p.province_name else "") for p in tied]
        return wrappable(", ".join(shown)) if tied else BLANK

    def workflow_text(self, workflow: WorkflowView | None) -> str:
        """'ขยายเวลาจาก ๓๑ ธ.ค. ๒๕๖๒ เป็น ๓๑ มี.ค. ๒๕๖๓ (อนุมัติ)', 'ขอปิดเรื่อง (รอรับทราบการปิดเรื่อง)'."""
        if workflow is None:
            return BLANK
        lines = []
        if workflow.blocked_reason and workflow.blocked_on:
            lines.append(self.tr("แจ้งติดขัดเมื่อ {date}").format(date=date_text(workflow.blocked_on)))
        for request in workflow.extensions:
            line = f"{request.change_text(thai_digits=thai_digits())} ({request.status_label})"
            if request.status is not RequestStatus.PENDING and request.decision_note:
                line += f" — {request.decision_note}"
            lines.append(line)
        for closure in workflow.closures:
            prefix = self.tr("ขอปิดเรื่อง") if closure.status is RequestStatus.PENDING else self.tr("การปิดเรื่อง")
            line = f"{prefix}: {closure.status_label}"
            if closure.decision_note:
                line += f" — {closure.decision_note}"
            lines.append(digits(line))
        return wrappable("\n".join(lines)) if lines else BLANK

    def history_html(self, reports: tuple[ProgressView, ...]) -> str:
        if not reports:
            return f"<p>{escape(self.tr('ยังไม่มีรายงานผลการดำเนินการ'))}</p>"
        blocks = []
        for report in reports:
            head = self.tr("{date} · ร้อยละ {percent} · {assignee}").format(
                date=date_text(report.report_date), percent=percent_text(report.percent), assignee=report.assignee_label
            )
            lines = [f"<b>{escape(wrappable(head))}</b>", escape(wrappable(report.result))]
            for label, text in (
                (self.tr("ปัญหา/อุปสรรค"), report.problems),
                (self.tr("ข้อเสนอแนะ"), report.suggestions),
                (self.tr("การดำเนินการต่อไป"), report.next_step),
            ):
                if text:
                    lines.append(f"<i>{escape(label)}:</i> {escape(wrappable(text))}")
            blocks.append("<p>" + "<br>".join(lines) + "</p>")
        return "<hr>".join(blocks)
