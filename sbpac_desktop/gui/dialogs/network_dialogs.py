"""Register or edit a member of the civil-society network or a volunteer graduate, and enter one
of their reports (date, directive or place, rating, what they saw). The page reads the places
and the open directives off the GUI thread and hands them in; the save runs in the background
(FormDialog) and the services refuse wrong input in Thai, so nothing is written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.pages.network_models import kind_text, rating_text
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.gui.widgets.place_picker import PlaceCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import network
from sbpac_desktop.services.field.network import ExternalReportView, MemberInput, MemberView, ReportInput
from sbpac_desktop.services.places import PlaceView

KINDS = ("network", "volunteer")
RATINGS = ("effective", "partial", "not_effective")


def typed_but_unknown(combo: IdCombo) -> bool:
    """Text typed into a searchable combo that names none of its entries."""
    text = combo.currentText().strip()
    return bool(text) and text != combo.none_label and combo.value() is None


class MemberDialog(FormDialog[MemberInput, MemberView]):
    def __init__(
        self, ctx: AppContext, places: Sequence[PlaceView], parent: QWidget | None = None, *,
        member: MemberView | None = None, kind: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.member = member
        self.setObjectName("networkMemberDialog")
        self.setWindowTitle(self.tr("แก้ไขข้อมูลสมาชิกเครือข่าย") if member else self.tr("ลงทะเบียนสมาชิกเครือข่าย"))
        self.kind = IdCombo(self, none_label=self.tr("— เลือกประเภท —"))
        self.kind.setObjectName("memberKind")
        self.kind.set_items([(kind_text(k), k) for k in KINDS])
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("memberName")
        self.name_edit.setPlaceholderText(self.tr("เช่น นางสาวฟาตีมะห์ ดอเลาะ"))
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("memberOrganisation")
        self.organisation.setPlaceholderText(self.tr("เช่น บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 3"))
        self.place = PlaceCombo(self)
        self.place.set_places(places)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("memberPhone")
        self.email = QLineEdit(self)
        self.email.setObjectName("memberEmail")
        self.active_from = BeDateEdit(self, required=False)
        self.active_from.setObjectName("memberFrom")
        self.active_to = BeDateEdit(self, required=False)
        self.active_to.setObjectName("memberTo")
        form = QFormLayout()
        form.addRow(self.tr("ประเภท"), self.errors.bind("kind", self.kind))
        form.addRow(self.tr("ชื่อ-นามสกุล"), self.errors.bind("full_name", self.name_edit))
        form.addRow(self.tr("องค์กร"), self.errors.bind("organisation", self.organisation))
        form.addRow(self.tr("พื้นที่ (ตำบล)"), self.errors.bind("places", self.place))
        form.addRow(self.tr("โทรศัพท์"), self.errors.bind("phone", self.phone))
        form.addRow(self.tr("อีเมล"), self.errors.bind("email", self.email))
        form.addRow(self.tr("เริ่มปฏิบัติงาน"), self.errors.bind("active_from", self.active_from))
        form.addRow(self.tr("สิ้นสุดการปฏิบัติงาน"), self.errors.bind("active_to", self.active_to))
        hint = QLabel(self.tr("เว้นวันที่ว่างไว้ได้ หากยังปฏิบัติงานอยู่"), self)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)
        self.body.addLayout(form)
        self._fill(member, kind)
        self.resize(640, self.sizeHint().height())

    def _fill(self, member: MemberView | None, kind: str | None) -> None:
        if member is None:
            self.kind.set_value(kind)
            return
        self.kind.set_value(member.kind)
        self.name_edit.setText(member.full_name)
        self.organisation.setText(member.organisation or "")
        self.place.set_value(member.place_id)
        self.phone.setText(member.phone or "")
        self.email.setText(member.email or "")
        self.active_from.setDate(member.active_from)
        self.active_to.setDate(member.active_to)

    def collect(self, problems: list[FieldProblem]) -> MemberInput:
        if self.kind.value() is None:
            self.errors.add(problems, "kind", self.tr("กรุณาเลือกประเภท: เครือข่ายภาคประชาชน หรือ บัณฑิตอาสาพัฒนามาตุภูมิ"))
        if typed_but_unknown(self.place):
            self.errors.add(
                problems, "places", self.tr("ไม่พบพื้นที่ที่พิมพ์ — เลือกจากรายการ (เช่น ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี)")
            )
        email = self.email.text().strip()
        if email and ("@" not in email or " " in email):
            self.errors.add(problems, "email", self.tr("อีเมลไม่ถูกต้อง (ตัวอย่าง: name@example.com)"))
        for field, edit in (("active_from", self.active_from), ("active_to", self.active_to)):
            self.errors.add(problems, field, edit.problem())
        return MemberInput(
            kind=self.kind.value() or "",
            full_name=self.name_edit.text(),
            place_id=self.place.value(),
            organisation=self.organisation.text(),
            phone=self.phone.text(),
            email=email,
            active_from=self.active_from.date(),
            active_to=self.active_to.date(),
        )

    def save_call(self, data: MemberInput) -> Callable[[], MemberView]:
        db, actor, member = self.ctx.db, self.ctx.actor, self.member
        if member is not None:
            return lambda: network.update_member(db, actor, member.id, member.version, data)
        return lambda: network.add_member(db, actor, data)


class NetworkReportDialog(FormDialog[ReportInput, ExternalReportView]):
    """One report by `member`: on a directive, a place, or both; never changes the directive."""

    def __init__(
        self, ctx: AppContext, member: MemberView, places: Sequence[PlaceView],
        directives: Sequence[tuple[str, int]], parent: QWidget | None = None, *, today: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.member = member
        self.today = today or date.today()
        self.setObjectName("networkReportDialog")
        self.setWindowTitle(self.tr("เพิ่มรายงานจากภาคประชาชน"))
        who = QLabel(f"{kind_text(member.kind)} — {member.full_name}", self)
        who.setObjectName("reportMember")
        who.setWordWrap(True)
        self.report_on = BeDateEdit(self)
        self.report_on.setObjectName("reportDate")
        self.report_on.setDate(self.today)
        self.rating = IdCombo(self, none_label=self.tr("— เลือกผลที่เห็น —"))
        self.rating.setObjectName("reportRating")
        self.rating.set_items([(rating_text(r), r) for r in RATINGS])
        self.directive = IdCombo(self, none_label=self.tr("— ไม่เกี่ยวกับข้อสั่งการใด —"), editable=True)
        self.directive.setObjectName("reportDirective")
        self.directive.set_items(list(directives))
        self.place = PlaceCombo(self)
        self.place.set_places(places)
        self.place.set_value(member.place_id)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reportText")
        self.text.setPlaceholderText(self.tr("สิ่งที่พบในพื้นที่ เช่น ความคืบหน้าของโครงการ ปัญหา ข้อเสนอของชาวบ้าน"))
        self.text.setFixedHeight(130)
        external = self.tr("แสดงคู่กับรายงานผลของเจ้าหน้าที่ ระบุว่าเป็นข้อมูลจากภาคประชาชน ไม่เปลี่ยนสถานะข้อสั่งการ")
        note = QLabel(external, self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        form.addRow(self.tr("ผู้รายงาน"), who)
        form.addRow(self.tr("วันที่รายงาน"), self.errors.bind("report_on", self.report_on))
        form.addRow(self.tr("ผลที่เห็น"), self.errors.bind("rating", self.rating))
        form.addRow(self.tr("ข้อสั่งการ"), self.errors.bind("directive", self.directive))
        form.addRow(self.tr("พื้นที่"), self.errors.bind("places", self.place))
        form.addRow(self.tr("รายละเอียด"), self.errors.bind("text", self.text))
        form.addRow("", note)
        self.body.addLayout(form)
        self.resize(760, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> ReportInput:
        self.errors.add(problems, "report_on", self.report_on.problem())
        if self.rating.value() is None:
            self.errors.add(problems, "rating", self.tr("กรุณาเลือกผลที่เห็น: เห็นผล เห็นผลบางส่วน หรือ ไม่เห็นผล"))
        if typed_but_unknown(self.directive):
            self.errors.add(problems, "directive", self.tr("ไม่พบข้อสั่งการที่พิมพ์ — เลือกจากรายการ"))
        if typed_but_unknown(self.place):
            self.errors.add(problems, "places", self.tr("ไม่พบพื้นที่ที่พิมพ์ — เลือกจากรายการ"))
        elif self.directive.value() is None and self.place.value() is None and not typed_but_unknown(self.directive):
            self.errors.add(problems, "places", self.tr("กรุณาระบุข้อสั่งการหรือพื้นที่ที่รายงาน"))
        return ReportInput(
            member_id=self.member.id,
            report_on=self.report_on.date() or self.today,
            rating=self.rating.value() or "",
            text=self.text.toPlainText(),
            directive_id=self.directive.value(),
            place_id=self.place.value(),
        )

    def save_call(self, data: ReportInput) -> Callable[[], ExternalReportView]:
        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        return lambda: network.add_report(db, actor, data, today=today)
