"""Carry-over into a new meeting of a series (ระเบียบวาระที่ ๒ และ ๓).

Right after the secretary creates the next meeting, this dialog shows what
services.meetings.carryover proposes: item 2.1 (certify the previous minutes) and item 3.1 with one
line per directive still open. Each part and each line can be accepted, edited or dropped;
Save writes the accepted lines in one unit of work, and the agenda PDF and the follow-up
report of the meeting then print exactly these lines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.meeting.field_proposals import ProposalTable
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import digits, plain, wrappable
from sbpac_desktop.gui.widgets.items import table_item
from sbpac_desktop.gui.widgets.loading import loading_message
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings.carryover import (
    AcceptedLine,
    CarryOverChoice,
    CarryOverProposal,
    CarryOverResult,
    apply_carryover,
    propose_carryover,
)
from sbpac_desktop.thai import to_arabic_digits

TEXT_COLUMN, PRESENTER_COLUMN, STATUS_COLUMN = 0, 1, 2


class CarryOverDialog(FormDialog[CarryOverChoice, CarryOverResult]):
    def __init__(self, ctx: AppContext, proposal: CarryOverProposal, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.proposal = proposal
        self.setObjectName("carryOverDialog")
        self.setWindowTitle(self.tr("นำเรื่องจากการประชุมครั้งก่อนเข้าระเบียบวาระ"))
        intro = QLabel(self.tr("ตรวจสอบเรื่องที่เสนอ แก้ไขข้อความได้ และเอาเครื่องหมายออกสำหรับเรื่องที่ไม่ต้องการ"), self)
        intro.setWordWrap(True)
        self.certify_check = QCheckBox(self.tr("ระเบียบวาระที่ ๒ รับรองรายงานการประชุม"), self)
        self.certify_check.setObjectName("certifyCheck")
        self.certify = QLineEdit(digits(proposal.certify_title or ""), self)
        self.certify.setObjectName("certifyTitle")
        self.follow_check = QCheckBox(self.tr("ระเบียบวาระที่ ๓ เรื่องสืบเนื่อง"), self)
        self.follow_check.setObjectName("followUpCheck")
        self.follow_up = QLineEdit(digits(proposal.follow_up_title), self)
        self.follow_up.setObjectName("followUpTitle")
        self.lines = self._lines_table(proposal)
        self._set_part(self.certify_check, self.certify, bool(proposal.certify_title), proposal.has_certify_item)
        self._set_part(self.follow_check, self.follow_up, bool(proposal.lines), proposal.has_follow_up_item)
        self.follow_check.toggled.connect(self.lines.setEnabled)
        self.lines.setEnabled(self.follow_check.isChecked())
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow(self.certify_check, self.errors.bind("section2", self.certify))
        form.addRow(self.follow_check, self.errors.bind("section3", self.follow_up))
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.body.addWidget(QLabel(self.tr("เรื่องย่อยภายใต้ ๓.๑ (ข้อสั่งการที่ยังไม่ปิด)"), self))
        self.body.addWidget(self.errors.bind("lines", self.lines), 1)
        self.proposals = ProposalTable(proposal.proposals, self)  # from field visits (issue #15)
        if proposal.proposals:
            section = digits(str(proposal.proposals[0].section))
            heading = self.tr("เรื่องเสนอจากการลงพื้นที่ → ระเบียบวาระที่ {section} (เอาเครื่องหมายออก = ไม่นำเข้า)")
            self.body.addWidget(QLabel(heading.format(section=section), self))
            self.body.addWidget(self.proposals)
        else:
            self.proposals.hide()
        self.save_button.setText(self.tr("เพิ่มในระเบียบวาระ"))
        self.cancel_button.setText(self.tr("ข้าม"))
        self.resize(1100, 620)

    def _set_part(self, check: QCheckBox, edit: QLineEdit, proposed: bool, already: bool) -> None:
        """A part is offered when there is something to propose and its section is still empty."""
        check.setChecked(proposed and not already)
        check.setEnabled(proposed and not already)
        edit.setEnabled(proposed and not already)
        check.toggled.connect(edit.setEnabled)
        if already:
            edit.setPlaceholderText(self.tr("มีเรื่องในระเบียบวาระนี้อยู่แล้ว — แก้ไขในแท็บระเบียบวาระ"))
            edit.clear()

    def _lines_table(self, proposal: CarryOverProposal) -> QTableWidget:
        table = QTableWidget(len(proposal.lines), 3, self)
        table.setObjectName("carryOverLines")
        table.setHorizontalHeaderLabels([self.tr("ข้อความที่จะเสนอ"), self.tr("ผู้เสนอ"), self.tr("สถานะ")])
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for row, line in enumerate(proposal.lines):
            text = QTableWidgetItem(wrappable(digits(line.agenda_text())))
            text.setFlags(text.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            text.setCheckState(Qt.CheckState.Checked)
            text.setData(Qt.ItemDataRole.UserRole, line.directive_id)
            text.setToolTip(digits(line.agenda_text()))
            table.setItem(row, TEXT_COLUMN, text)
            table.setItem(row, PRESENTER_COLUMN, QTableWidgetItem(line.responsible or ""))
            status = QTableWidgetItem(digits(line.status_label))
            status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, STATUS_COLUMN, status)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(PRESENTER_COLUMN, 260)
        table.setColumnWidth(STATUS_COLUMN, 190)
        # heights follow the wrapped text at the widths the columns really get once laid out
        header.sectionResized.connect(lambda *_: QTimer.singleShot(0, table, table.resizeRowsToContents))
        return table

    # --- reading the choices --------------------------------------------------------
    def set_line_accepted(self, row: int, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        table_item(self.lines, row, TEXT_COLUMN).setCheckState(state)

    def set_line_text(self, row: int, text: str) -> None:
        table_item(self.lines, row, TEXT_COLUMN).setText(text)

    def accepted_lines(self) -> list[tuple[int, AcceptedLine]]:
        """(row number, line) for every ticked line, as edited."""
        found = []
        for row in range(self.lines.rowCount()):
            item = table_item(self.lines, row, TEXT_COLUMN)
            if item.checkState() is Qt.CheckState.Checked:
                presenter = table_item(self.lines, row, PRESENTER_COLUMN).text().strip() or None
                title = stored(item.text())
                found.append((row, AcceptedLine(item.data(Qt.ItemDataRole.UserRole), title, presenter)))
        return found

    def collect(self, problems: list[FieldProblem]) -> CarryOverChoice:
        certify = stored(self.certify.text()) if self.certify_check.isChecked() else None
        follow_up = stored(self.follow_up.text()) if self.follow_check.isChecked() else None
        if self.certify_check.isChecked() and not certify:
            self.errors.add(problems, "section2", self.tr("กรุณากรอกชื่อเรื่องรับรองรายงานการประชุม หรือเอาเครื่องหมายออก"))
        if self.follow_check.isChecked() and not follow_up:
            self.errors.add(problems, "section3", self.tr("กรุณากรอกชื่อเรื่องสืบเนื่อง หรือเอาเครื่องหมายออก"))
        lines = self.accepted_lines() if follow_up else []
        empty = [str(row + 1) for row, line in lines if not line.title]
        if empty:
            self.errors.add(
                problems,
                "lines",
                digits(
                    self.tr("เรื่องแถวที่ {rows} ไม่มีข้อความ — พิมพ์ข้อความหรือเอาเครื่องหมายออก").format(rows=", ".join(empty))
                ),
            )
        lines_chosen = tuple(line for _row, line in lines)
        return CarryOverChoice(certify or None, follow_up or None, lines_chosen, proposals=self.proposals.choices())

    def save_call(self, data: CarryOverChoice) -> Callable[[], CarryOverResult]:
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.proposal.meeting_id
        return lambda: apply_carryover(db, actor, meeting_id, data)

    def after_save(self, result: CarryOverResult) -> None:
        app_events().meeting_changed.emit(self.proposal.meeting_id)


def offer_carryover(
    ctx: AppContext,
    meeting_id: int,
    parent: QWidget | None = None,
    today: date | None = None,
    opened: Callable[[CarryOverDialog], object] | None = None,
) -> None:
    """Read what could be carried over on the database thread, then open the dialog (and hand it to
    `opened`) when there is something for an empty section 2 or 3. A refusal goes to the error
    presenter, as any failed call."""

    def arrived(proposal: CarryOverProposal) -> None:
        certify = bool(proposal.certify_title) and not proposal.has_certify_item
        follow = bool(proposal.lines) and not proposal.has_follow_up_item
        if not (certify or follow or proposal.proposals):
            return
        dialog = CarryOverDialog(ctx, proposal, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if opened is not None:
            opened(dialog)

    read = partial(propose_carryover, ctx.db, ctx.actor, meeting_id, today)
    Operation(parent, read, message=loading_message()).success(arrived).run()


def stored(text: str) -> str:
    """What a shown line becomes in the agenda: the display-only break marks and Thai digits
    undone, because agenda titles are stored with Arabic digits (documents convert on printing)."""
    return to_arabic_digits(plain(text)).strip()
