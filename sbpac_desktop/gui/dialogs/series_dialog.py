"""Add or edit a meeting series: name and short name, the posts that chair it and act as its
secretary (whoever holds them on the meeting day), the usual venue, the agenda template and the
standing members (posts with their role, in printing order). One save stores it all."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from sbpac_desktop.domain.enums import AgendaTemplate
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.widgets.pickers import EnumCombo, IdCombo, post_label
from sbpac_desktop.gui.widgets.series_members import SeriesMembersEditor
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import series
from sbpac_desktop.services.meetings.series import SeriesInput, SeriesView
from sbpac_desktop.services.people.org import PositionView
from sbpac_desktop.thai import thai_sort_key

WIDTH = 860
MEMBERS_HEIGHT = 260


class SeriesDialog(FormDialog[SeriesInput, SeriesView]):
    def __init__(
        self,
        ctx: AppContext,
        positions: Sequence[PositionView],
        parent: QWidget | None = None,
        *,
        series: SeriesView | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.series = series  # None: a new series
        self.setObjectName("seriesDialog")
        self.setWindowTitle(self.tr("แก้ไขชุดการประชุม") if series else self.tr("เพิ่มชุดการประชุม"))
        chosen = {m.position_id for m in series.members} if series else set()
        if series:
            chosen |= {p for p in (series.chair_position_id, series.secretary_position_id) if p is not None}
        # active posts, plus whatever this series already names even if deactivated since
        self.positions = [p for p in positions if p.active or p.id in chosen]
        self._build()
        if series is not None:
            self._show(series)
        self.resize(WIDTH, self.sizeHint().height())

    def _build(self) -> None:
        self.name_edit = self._line("seriesName", self.tr("เช่น การประชุมผู้บริหาร ศอ.บต."))
        self.short_edit = self._line("seriesShortName", self.tr("เช่น ประชุม ศอ.บต. (ไม่บังคับ)"))
        items = sorted(((post_label(p), p.id) for p in self.positions), key=lambda pair: thai_sort_key(pair[0]))
        self.chair = self._post_combo("chairPost", items)
        self.secretary = self._post_combo("secretaryPost", items)
        self.venue = self._line("defaultVenue", self.tr("เช่น ห้องประชุมเจริญจิตต์ ชั้น ๓ ศอ.บต."))
        self.template = EnumCombo(AgendaTemplate, self)
        self.template.setObjectName("agendaTemplate")
        self.members = SeriesMembersEditor(self.positions, self)
        self.members.setObjectName("seriesMembers")
        self.members.setMinimumHeight(MEMBERS_HEIGHT)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (self.tr("ชื่อชุดการประชุม"), "name", self.name_edit),
            (self.tr("ชื่อย่อ"), "short_name", self.short_edit),
            (self.tr("ตำแหน่งประธาน"), "chair_position_id", self.chair),
            (self.tr("ตำแหน่งเลขานุการ"), "secretary_position_id", self.secretary),
            (self.tr("สถานที่ประชุมประจำ"), "default_venue", self.venue),
            (self.tr("รูปแบบระเบียบวาระ"), "agenda_template", self.template),
        )
        for label, field, widget in rows:
            form.addRow(label, self.errors.bind(field, widget))
        self.body.addLayout(form)
        hint = QLabel(self.tr("กรรมการประจำ: ตำแหน่ง (ผู้ดำรงตำแหน่งในวันประชุมจะถูกเติมในรายชื่อผู้เข้าประชุม) และบทบาท"), self)
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.body.addWidget(self.errors.bind("members", self.members), 1)
        editor = self.members
        fields = (self.name_edit, self.short_edit, self.chair, self.secretary, self.venue, self.template)
        set_tab_order((*fields, editor.post_picker, editor.role_picker, editor.add_button, self.save_button))

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _post_combo(self, name: str, items: list[tuple[str, int]]) -> IdCombo:
        combo = IdCombo(self, none_label=self.tr("— ไม่ระบุ —"), editable=True)
        combo.setObjectName(name)
        combo.set_items(items)
        return combo

    def _show(self, view: SeriesView) -> None:
        self.name_edit.setText(view.name)
        self.name_edit.setCursorPosition(0)
        self.short_edit.setText(view.short_name or "")
        self.chair.set_value(view.chair_position_id)
        self.secretary.set_value(view.secretary_position_id)
        self.venue.setText(view.default_venue or "")
        self.venue.setCursorPosition(0)
        self.template.set_value(view.agenda_template)
        self.members.set_members(view.to_input().members or ())

    # --- save ------------------------------------------------------------------------
    def collect(self, problems: list[FieldProblem]) -> SeriesInput | None:
        if not self.name_edit.text().strip():
            self.errors.add(problems, "name", self.tr("กรุณากรอกชื่อชุดการประชุม"))
        for combo, field in ((self.chair, "chair_position_id"), (self.secretary, "secretary_position_id")):
            text = combo.currentText().strip()
            if text and text != combo.none_label and combo.value() is None:
                self.errors.add(problems, field, self.tr("ไม่พบตำแหน่งนี้ — โปรดเลือกจากรายการ"))
        if problems:
            return None
        return SeriesInput(
            name=self.name_edit.text(),
            short_name=self.short_edit.text(),
            chair_position_id=self.chair.value(),
            secretary_position_id=self.secretary.value(),
            default_venue=self.venue.text(),
            agenda_template=self.template.value(),
            members=self.members.members(),
        )

    def save_call(self, data: SeriesInput) -> Callable[[], SeriesView]:
        db, actor, view = self.ctx.db, self.ctx.actor, self.series
        if view is not None:
            return lambda: series.update_series(db, actor, view.id, view.version, data)
        return lambda: series.create_series(db, actor, data)
