"""The directive editor (ข้อสั่งการ): text, dimension, priority, report cycle, BE issue and
due dates, one lead post or unit and any supporting ones. New or edit; an edit sends the
version it loaded, so a save over someone else's change is refused, not silent.

Nothing is left out by accident (issue #12): the dimension starts on "— เลือกมิติ —", which is
refused, and "ไม่ระบุ" is an item of its own; a directive has a due date or an explicit
"ไม่กำหนด" with the reason. Enter in the text inserts a new line (QPlainTextEdit keeps it);
Enter elsewhere saves only a complete form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.enums import AssignmentRole, Priority, ReportCycle
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.conflict_dialog import ConflictFlow
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.text import ThaiLabel, thai_digits
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import DATA, Assignee, CheckList, EnumCombo, IdCombo, assignee_items
from sbpac_desktop.gui.widgets.place_picker import PlacePicker
from sbpac_desktop.services import dimensions, places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directive_views import AssignmentView
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveDetail, DirectiveInput
from sbpac_desktop.services.meetings.agenda import AgendaItemView
from sbpac_desktop.services.meetings.meetings import MeetingView
from sbpac_desktop.services.people import org
from sbpac_desktop.services.places import PlaceView

NO_DIMENSION = 0  # the deliberate "ไม่ระบุ" item; ids start at 1, the placeholder is None


class _Lists(NamedTuple):
    """The pick lists, read on the database thread."""

    dimension_views: list[dimensions.DimensionView]
    assignees: list[tuple[str, Assignee]]
    stored_places: list[int]
    places: list[PlaceView]


def _key(assignment: AssignmentView) -> Assignee:
    return ("position", assignment.position_id) if assignment.position_id else ("unit", assignment.org_unit_id or 0)


def _assignment(key: Assignee, role: AssignmentRole) -> AssignmentInput:
    kind, ident = key
    if kind == "position":
        return AssignmentInput(position_id=ident, role=role)
    return AssignmentInput(org_unit_id=ident, role=role)


def directive_input(detail: DirectiveDetail) -> DirectiveInput:
    """The stored directive as the service input an edit would send unchanged."""
    return DirectiveInput(
        text=detail.row.text,
        issued_on=detail.row.issued_on,
        assignments=tuple(_assignment(_key(a), a.role) for a in detail.assignments),
        meeting_id=detail.meeting_id,
        agenda_item_id=detail.agenda_item_id,
        issued_by_person_id=detail.issued_by_person_id,
        dimension_id=detail.dimension_id,
        priority=detail.row.priority,
        report_cycle=detail.report_cycle,
        due_on=detail.row.due_on,
        extended_due_on=detail.row.extended_due_on,
        remarks=detail.remarks,
        no_due_reason=detail.no_due_reason,
    )


class DirectiveDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        detail: DirectiveDetail | None = None,
        meeting: MeetingView | None = None,
        agenda_item: AgendaItemView | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.meeting = meeting
        self.agenda_item = agenda_item
        self.setObjectName("directiveDialog")
        self.setWindowTitle(self.tr("แก้ไขข้อสั่งการ") if detail else self.tr("ข้อสั่งการใหม่"))
        self._build()
        if detail is not None:
            self._handle_conflicts(detail)
        else:
            self._defaults(today or date.today())
        self.read_choices(self._read_lists, self._fill_lists, hold=[self.lead, self.supporting, self.places])
        self.resize(1000, 600)

    # --- construction ------------------------------------------------------------
    def _build(self) -> None:
        self.source = ThaiLabel(self)  # meeting and agenda title: wraps between Thai words
        self.source.setObjectName("source")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("ข้อความข้อสั่งการ เช่น ให้ … ดำเนินการ … ภายใน …"))
        self.dimension = IdCombo(self, none_label=self.tr("— เลือกมิติ —"))
        self.dimension.setObjectName("dimension")
        self.priority = EnumCombo(Priority, self)
        self.priority.setObjectName("priority")
        self.cycle = EnumCombo(ReportCycle, self)
        self.cycle.setObjectName("reportCycle")
        self.issued_on = BeDateEdit(self)
        self.issued_on.setObjectName("issuedOn")
        self.due_on = BeDateEdit(self, required=False)
        self.due_on.setObjectName("dueOn")
        self.no_due = QCheckBox(self.tr("ไม่กำหนด"), self)
        self.no_due.setObjectName("noDue")
        self.no_due.setToolTip(self.tr("ข้อสั่งการที่ไม่มีกำหนดแล้วเสร็จ ต้องระบุเหตุผล"))
        self.no_due_reason = QLineEdit(self)
        self.no_due_reason.setObjectName("noDueReason")
        self.no_due_reason.setPlaceholderText(self.tr("เช่น ดำเนินการต่อเนื่องตลอดปีงบประมาณ"))
        self.no_due_reason.setMaxLength(directives.NO_DUE_REASON_LIMIT)
        self.lead = IdCombo(self, none_label=self.tr("— เลือกผู้รับผิดชอบหลัก —"), editable=True)
        self.lead.setObjectName("lead")
        # Post names are long: the combo keeps the column's width instead of growing to the
        # longest name, and shows the beginning of the chosen one (see _lead_changed).
        self.lead.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lead.setMinimumContentsLength(24)
        self.supporting = CheckList(self, placeholder=self.tr("กรองตำแหน่งหรือหน่วยงาน…"))
        self.supporting.setObjectName("supporting")
        self.places = PlacePicker(self)  # the places it concerns: the tracker and dashboard filter by them
        self.stored_places: list[int] = []
        self._lay_out()
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.no_due.toggled.connect(self._no_due_toggled)

    def _lay_out(self) -> None:
        bind = self.errors.bind
        left = QFormLayout()
        left.setVerticalSpacing(8)
        left.setHorizontalSpacing(12)  # the longest label, "กำหนดแล้วเสร็จ (พ.ศ.)", touched its field
        left.addRow(self.tr("ข้อสั่งการ"), bind("text", self.text_edit))
        left.addRow(self.tr("มิติการพัฒนา"), bind("dimension_id", self.dimension))
        left.addRow(self.tr("ความเร่งด่วน"), bind("priority", self.priority))
        left.addRow(self.tr("รอบการรายงาน"), bind("report_cycle", self.cycle))
        left.addRow(self.tr("วันที่สั่งการ (พ.ศ.)"), bind("issued_on", self.issued_on))
        # Only the date is framed red and has the message under it; "ไม่กำหนด" stands apart,
        # level with the date (the whole row was framed, the box touching the date's frame).
        due_row = QHBoxLayout()
        due_row.setSpacing(12)
        due_row.addWidget(bind("due_on", self.due_on), 1)
        self.no_due.setMinimumHeight(self.due_on.sizeHint().height())  # its box centred on the date's line
        due_row.addWidget(self.no_due, 0, Qt.AlignmentFlag.AlignTop)
        left.addRow(self.tr("กำหนดแล้วเสร็จ (พ.ศ.)"), due_row)
        self.reason_row = bind("no_due_reason", self.no_due_reason)
        left.addRow(self.tr("เหตุผลที่ไม่กำหนด"), self.reason_row)
        self.seq_row = bind("seq", QLabel(self.tr("ออกให้อัตโนมัติเมื่อบันทึก"), self))
        left.addRow(self.tr("เลขที่"), self.seq_row)
        self.left_form = left
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(QLabel(self.tr("ผู้รับผิดชอบหลัก"), self))
        right.addWidget(bind("assignments", self.lead))
        right.addSpacing(6)
        right.addWidget(QLabel(self.tr("ผู้รับผิดชอบร่วม / หน่วยงานสนับสนุน (เลือกได้หลายราย)"), self))
        right.addWidget(self.supporting, 1)
        right.addSpacing(6)
        right.addWidget(QLabel(self.tr("พื้นที่ที่เกี่ยวข้อง (จังหวัด อำเภอ ตำบล)"), self))
        right.addWidget(bind("places", self.places), 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.body.addWidget(self.source)
        self.body.addLayout(grid, 1)
        order = (
            self.text_edit, self.dimension, self.priority, self.cycle, self.issued_on.line_edit,
            self.due_on.line_edit, self.no_due, self.no_due_reason, self.lead, self.supporting.filter,
            self.supporting.list, self.places.search, self.places.tree, self.save_button,
        )  # fmt: skip
        set_tab_order(order)

    def _read_lists(self) -> _Lists:  # database thread
        db, actor = self.ctx.db, self.ctx.actor
        tied = places.directive_places(db, actor, self.detail.row.id) if self.detail is not None else []
        return _Lists(
            dimensions.list_dimensions(db, actor, include_inactive=True),
            assignee_items(org.list_positions(db, actor), org.list_org_units(db, actor)),
            [p.id for p in tied],
            places.all_places(db, actor),
        )

    def _fill_lists(self, lists: _Lists) -> None:
        current = self.detail.dimension_id if self.detail else None
        shown = [d for d in lists.dimension_views if d.active or d.id == current]
        dimension_items = [(self._dimension_label(d), d.id) for d in shown]
        self.dimension.set_items([*dimension_items, (self.tr("ไม่ระบุ"), NO_DIMENSION)])
        self.lead.set_items(lists.assignees)
        self.supporting.set_items(lists.assignees)
        self.stored_places = lists.stored_places
        self.places.set_places(lists.places, self.stored_places)
        if self.detail is not None:
            self._show_detail(self.detail)

    def _dimension_label(self, view: dimensions.DimensionView) -> str:
        return view.name if view.active else self.tr("{name} (ระงับการใช้งานแล้ว)").format(name=view.name)

    def _show_due(self, due_on: date | None, reason: str | None) -> None:
        """A stored directive: its date, or "ไม่กำหนด" (ticked when it has no date)."""
        self.due_on.setDate(due_on)
        self.no_due.setChecked(due_on is None)
        self.no_due_reason.setText(reason or "")
        self._no_due_toggled(due_on is None)

    def _no_due_toggled(self, checked: bool) -> None:
        self.due_on.setEnabled(not checked)
        self.left_form.setRowVisible(self.reason_row, checked)
        if checked:  # the date typed stays (greyed, not saved) in case the tick was a slip
            self.no_due_reason.setFocus()

    def _defaults(self, today: date) -> None:
        self.priority.set_value(Priority.NORMAL)
        self.cycle.set_value(ReportCycle.MONTHLY)
        self.issued_on.setDate(self.meeting.meeting_date if self.meeting else today)
        self._no_due_toggled(False)
        if self.meeting is not None:
            source = self.tr("จากการประชุมครั้งที่ {number}").format(number=self.meeting.number_text(thai_digits()))
            if self.agenda_item is not None:
                source += self.tr(" ระเบียบวาระ {number} {title}").format(
                    number=self.agenda_item.number_text(thai_digits()), title=self.agenda_item.title
                )
            self.source.setText(source)
        else:
            self.source.hide()

    def _show_detail(self, detail: DirectiveDetail) -> None:
        row = detail.row
        self.source.setText(self.tr("เลขที่ {number}").format(number=row.number_text(thai_digits())))
        self.left_form.setRowVisible(self.seq_row, False)  # the number is already shown at the top
        self.show_input(directive_input(detail), detail)

    # --- conflicts (someone saved this directive meanwhile) ------------------------------
    def _handle_conflicts(self, detail: DirectiveDetail) -> None:
        db, actor, directive_id = self.ctx.db, self.ctx.actor, detail.row.id
        self.conflict_flow = ConflictFlow(
            self,
            base=directive_input(detail),
            load=lambda: directives.get_directive(db, actor, directive_id),
            input_of=directive_input,
            show=self.show_input,
            overwrite_call=lambda data, version: (
                lambda: directives.update_directive(db, actor, directive_id, version, data, overwrite=True)
            ),
            after_keep=app_events().directives_changed.emit,
        )

    def show_input(self, data: DirectiveInput, fresh: DirectiveDetail) -> None:
        """Fill the form from `data`; later saves are based on `fresh` (its version)."""
        self.detail = fresh
        self.text_edit.setPlainText(data.text)
        self.dimension.set_value(NO_DIMENSION if data.dimension_id is None else data.dimension_id)
        self.priority.set_value(data.priority)
        self.cycle.set_value(data.report_cycle)
        self.issued_on.setDate(data.issued_on)
        self._show_due(data.due_on, data.no_due_reason)
        keys = {(a.position_id, a.org_unit_id): a.role for a in data.assignments}
        for (position_id, unit_id), role in keys.items():
            if role is AssignmentRole.LEAD:
                self.lead.set_value(("position", position_id) if position_id else ("unit", unit_id or 0))
        for row in range(self.supporting.list.count()):
            kind, ident = self.supporting.list.item(row).data(DATA)
            wanted = (ident, None) if kind == "position" else (None, ident)
            self.supporting.set_checked((kind, ident), keys.get(wanted) is AssignmentRole.SUPPORT)
        self._lead_changed()

    def _lead_changed(self, *_: object) -> None:
        """The lead cannot also be ticked as supporting."""
        lead = self.lead.value()
        for row in range(self.supporting.list.count()):
            key = self.supporting.list.item(row).data(DATA)
            self.supporting.set_enabled_key(key, key != lead)
        line = self.lead.lineEdit()
        if line is not None and not line.hasFocus():
            line.setCursorPosition(0)  # the start of a long post name, not its end
        self.lead.setToolTip(self.lead.currentText() if lead is not None else "")

    # --- save ------------------------------------------------------------------------
    def collect(self, problems: list[FieldProblem]) -> DirectiveInput | None:
        if not self.text_edit.toPlainText().strip():
            self.errors.add(problems, "text", self.tr("กรุณากรอกข้อความข้อสั่งการ"))
        self.errors.add(problems, "issued_on", self.issued_on.problem())
        if self.dimension.value() is None:
            self.errors.add(problems, "dimension_id", self.tr("กรุณาเลือกมิติการพัฒนา หรือเลือก “ไม่ระบุ”"))
        self._check_due(problems)
        lead = self.lead.value()
        if lead is None:
            self.errors.add(problems, "assignments", self.tr("กรุณาเลือกผู้รับผิดชอบหลักจากรายการ"))
        issued_on = self.issued_on.date()
        if problems or issued_on is None or lead is None:
            return None
        assignments = (
            _assignment(lead, AssignmentRole.LEAD),
            *(_assignment(key, AssignmentRole.SUPPORT) for key in self.supporting.checked() if key != lead),
        )
        detail = self.detail
        return DirectiveInput(
            text=self.text_edit.toPlainText(),
            issued_on=issued_on,
            assignments=assignments,
            meeting_id=detail.meeting_id if detail else (self.meeting.id if self.meeting else None),
            agenda_item_id=detail.agenda_item_id if detail else (self.agenda_item.id if self.agenda_item else None),
            issued_by_person_id=detail.issued_by_person_id if detail else self._issuer(),
            dimension_id=self.dimension.value() or None,  # NO_DIMENSION: stored as none
            priority=self.priority.value(),
            report_cycle=self.cycle.value(),
            due_on=None if self.no_due.isChecked() else self.due_on.date(),
            extended_due_on=detail.row.extended_due_on if detail else None,
            remarks=detail.remarks if detail else None,
            no_due_reason=self.no_due_reason.text() if self.no_due.isChecked() else None,
            place_ids=self._place_ids(),
        )

    def _check_due(self, problems: list[FieldProblem]) -> None:
        if self.no_due.isChecked():
            if not self.no_due_reason.text().strip():
                self.errors.add(problems, "no_due_reason", self.tr("กรุณาระบุเหตุผลที่ไม่กำหนดวันแล้วเสร็จ"))
            return
        problem = self.due_on.problem()
        if problem is None and self.due_on.date() is None:
            problem = self.tr("กรุณากรอกกำหนดแล้วเสร็จ หรือเลือก “ไม่กำหนด” พร้อมระบุเหตุผล")
        self.errors.add(problems, "due_on", problem)

    def _issuer(self) -> int | None:
        return self.meeting.chair_person_id if self.meeting else None

    def save_call(self, data: DirectiveInput) -> Callable[[], Any]:
        db, actor, detail = self.ctx.db, self.ctx.actor, self.detail
        if detail is None:
            return lambda: directives.create_directive(db, actor, data)
        return lambda: directives.update_directive(db, actor, detail.row.id, detail.row.version, data)

    def _place_ids(self) -> tuple[int, ...] | None:
        """The ticked places, saved with the directive in one transaction; None (leave them as stored)
        when an edit did not change them, so a save never undoes places someone else set meanwhile."""
        wanted = tuple(self.places.checked_ids())
        if self.detail is not None and set(wanted) == set(self.stored_places):
            return None
        return wanted

    def after_save(self, result: Any) -> None:
        app_events().directives_changed.emit()
        if self.meeting is not None:
            app_events().meeting_changed.emit(self.meeting.id)
