"""Plan or edit a field visit (แผนการลงพื้นที่): title, dates, purpose, places, the lead post, the
ministries' posts that join, and the directives it follows up. Lists are read once through the
services when the dialog opens; the save runs in the background (FormDialog)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, scrolled
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import CheckList, IdCombo, post_label
from sbpac_desktop.gui.widgets.place_picker import PlacePicker
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import field_visits
from sbpac_desktop.services.field.field_choices import directive_choices
from sbpac_desktop.services.field.field_visits import VisitDetail, VisitInput
from sbpac_desktop.services.people import org
from sbpac_desktop.services.places import PlaceView
from sbpac_desktop.thai import thai_sort_key

_Lists = tuple[list[tuple[str, int]], list[PlaceView], list[tuple[str, int]]]  # active posts, places, open directives


class VisitDialog(FormDialog[VisitInput, VisitDetail]):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, visit: VisitDetail | None = None,
        day: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.visit = visit
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("แก้ไขแผนการลงพื้นที่") if visit else self.tr("วางแผนการลงพื้นที่"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("visitTitle")
        self.title_edit.setPlaceholderText(self.tr("เช่น ติดตามโครงการส่งเสริมอาชีพ ต.สะบารัง"))
        self.date_edit = BeDateEdit(self)
        self.date_edit.setObjectName("visitDate")
        self.end_edit = BeDateEdit(self, required=False)
        self.end_edit.setObjectName("visitEnd")
        self.purpose_edit = QPlainTextEdit(self)
        self.purpose_edit.setObjectName("visitPurpose")
        self.purpose_edit.setFixedHeight(70)
        self.lead_combo = IdCombo(self, none_label=self.tr("— ไม่ระบุ —"), editable=True)
        self.lead_combo.setObjectName("visitLead")
        self.places = PlacePicker(self)
        self.joining = CheckList(self, placeholder=self.tr("กรองตำแหน่ง/หน่วยงาน…"))
        self.joining.setObjectName("visitJoining")
        self.directives = CheckList(self, placeholder=self.tr("กรองเลขที่หรือข้อความข้อสั่งการ…"))
        self.directives.setObjectName("visitDirectives")
        self._lay_out()
        self._fill(visit, day)
        held = [self.lead_combo, self.joining, self.places, self.directives]
        self.read_choices(self._read_lists, self._lists_read, hold=held)
        self.resize(1180, 680)

    def _read_lists(self) -> _Lists:  # database thread
        db, actor = self.ctx.db, self.ctx.actor
        posts = org.list_positions(db, actor)
        items = sorted(((post_label(p), p.id) for p in posts if p.active), key=lambda pair: thai_sort_key(pair[0]))
        return items, places.all_places(db, actor), directive_choices(db, actor)

    def _lists_read(self, lists: _Lists) -> None:
        posts, every_place, directive_items = lists
        self.lead_combo.set_items(posts)
        self.joining.set_items(posts)
        self.places.set_places(every_place)
        self.directives.set_items(directive_items)
        visit = self.visit
        if visit is None:
            return
        self.lead_combo.set_value(visit.lead_position_id)
        self.places.set_checked(p.id for p in visit.places)
        for post_id, _label in visit.joining:
            self.joining.set_checked(post_id)
        for directive_id, _number, _text in visit.directives:
            self.directives.set_checked(directive_id)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("ชื่อเรื่อง"), self.errors.bind("title", self.title_edit))
        form.addRow(self.tr("วันลงพื้นที่"), self.errors.bind("visit_on", self.date_edit))
        form.addRow(self.tr("ถึงวันที่ (ถ้าหลายวัน)"), self.errors.bind("end_on", self.end_edit))
        form.addRow(self.tr("วัตถุประสงค์"), self.errors.bind("purpose", self.purpose_edit))
        form.addRow(self.tr("หัวหน้าคณะ"), self.lead_combo)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("พื้นที่ที่ลงพื้นที่"), self))
        left.addWidget(self.errors.bind("places", self.places), 1)
        right.addWidget(QLabel(self.tr("ส่วนราชการที่ร่วมลงพื้นที่ (ตำแหน่ง)"), self))
        right.addWidget(self.errors.bind("joining", self.joining), 1)
        right.addWidget(QLabel(self.tr("ข้อสั่งการที่เกี่ยวข้อง"), self))
        right.addWidget(self.errors.bind("directives", self.directives), 1)
        grid = QHBoxLayout()
        grid.setSpacing(14)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        host = QWidget(self)
        host.setLayout(grid)
        self.body.addWidget(scrolled(self, host, name="visitScroll"), 1)

    def _fill(self, visit: VisitDetail | None, day: date | None) -> None:
        if visit is None:
            self.date_edit.setDate(day or date.today())
            return
        self.title_edit.setText(visit.row.title)
        self.date_edit.setDate(visit.row.visit_on)
        self.end_edit.setDate(visit.row.end_on)
        self.purpose_edit.setPlainText(visit.purpose)  # its lead, places, posts and directives: _lists_read

    def collect(self, problems: list[FieldProblem]) -> VisitInput:
        for field, edit in (("visit_on", self.date_edit), ("end_on", self.end_edit)):
            problem = edit.problem()
            if problem:
                self.errors.add(problems, field, problem)
        return VisitInput(
            title=self.title_edit.text(),
            visit_on=self.date_edit.date() or date.today(),
            purpose=self.purpose_edit.toPlainText(),
            place_ids=tuple(self.places.checked_ids()),
            lead_position_id=self.lead_combo.value(),
            joining_position_ids=tuple(self.joining.checked()),
            directive_ids=tuple(self.directives.checked()),
            end_on=self.end_edit.date(),
        )

    def save_call(self, data: VisitInput) -> Callable[[], VisitDetail]:
        db, actor, visit = self.ctx.db, self.ctx.actor, self.visit
        if visit is not None:
            return lambda: field_visits.update_visit(db, actor, visit.row.id, visit.row.version, data)
        return lambda: field_visits.create_visit(db, actor, data)
