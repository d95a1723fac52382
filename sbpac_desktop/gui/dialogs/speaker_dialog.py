"""One turn of a verbatim record (แบบจดละเอียด): who spoke — a person from the list, a name typed
in, and/or a post — and what was said. Adds a new turn or edits a stored one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.widgets.pickers import IdCombo, PersonCombo, post_label
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import speakers
from sbpac_desktop.services.meetings.speakers import MAX_SPEECH, SpeakerInput, SpeakerView
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import PersonView, PositionView


class SpeakerDialog(FormDialog[SpeakerInput, SpeakerView]):
    def __init__(
        self,
        ctx: AppContext,
        item_id: int,
        people: Sequence[PersonView],
        parent: QWidget | None = None,
        *,
        entry: SpeakerView | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.item_id = item_id
        self.entry = entry
        self.setObjectName("speakerDialog")
        self.setWindowTitle(self.tr("แก้ไขคำกล่าว") if entry else self.tr("เพิ่มคำกล่าว"))
        self.person = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.person.setObjectName("speakerPerson")
        self.person.set_people(people)
        self.person.setToolTip(self.tr("เลือกจากรายชื่อ หรือพิมพ์ชื่อผู้กล่าวเอง เช่น ผู้แทนกรมบัญชีกลาง"))
        self.post = IdCombo(self, none_label=self.tr("— ไม่ระบุตำแหน่ง —"), editable=True)
        self.post.setObjectName("speakerPost")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("speakerText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("ข้อความที่กล่าว เหตุการณ์อื่นให้เขียนในวงเล็บ เช่น (ที่ประชุมปรบมือ)"))
        hint = QLabel(self.tr("รายงานการประชุมแบบจดละเอียดพิมพ์เป็น \"ผู้กล่าว (ตำแหน่ง) กล่าวว่า …\""), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("ผู้กล่าว"), self.errors.bind("speaker", self.person))
        form.addRow(self.tr("ตำแหน่ง"), self.errors.bind("position_id", self.post))
        form.addRow(self.tr("ข้อความ"), self.errors.bind("text", self.text))
        self.body.addLayout(form, 1)
        self.body.addWidget(hint)
        if entry is not None:
            self._show(entry)
        self.person.setFocus()
        self.resize(640, 420)
        self.read_choices(lambda: org.list_positions(ctx.db, ctx.actor), self._fill_posts, hold=[self.post])

    def _fill_posts(self, posts: Sequence[PositionView]) -> None:
        """The posts arrive from the database thread; the stored turn's post is shown once they are here."""
        self.post.set_items([(post_label(p), p.id) for p in posts])
        if self.entry is not None:
            self.post.set_value(self.entry.position_id)

    def _show(self, entry: SpeakerView) -> None:
        if entry.person_id is not None:
            self.person.set_value(entry.person_id)
        else:
            self.person.set_value(None)
            self.person.setEditText(entry.speaker_text or "")
        self.post.set_value(entry.position_id)
        self.text.setPlainText(entry.text)

    def collect(self, problems: list[FieldProblem]) -> SpeakerInput | None:
        person_id, typed = self.person.value(), self.person.free_text()
        if person_id is None and typed is None and self.post.value() is None and self._typed_post() is None:
            self.errors.add(problems, "speaker", self.tr("กรุณาระบุผู้กล่าว (บุคคล ตำแหน่ง หรือชื่อ)"))
        text = self.text.toPlainText()
        if not text.strip():
            self.errors.add(problems, "text", self.tr("กรุณากรอกข้อความที่กล่าว"))
        elif len(text) > MAX_SPEECH:
            self.errors.add(problems, "text", self.tr("ข้อความที่กล่าวยาวเกิน {n} ตัวอักษร").format(n=MAX_SPEECH))
        if problems:
            return None
        return SpeakerInput(text, person_id, self.post.value(), _free_speaker(person_id, typed, self._typed_post()))

    def _typed_post(self) -> str | None:
        """A post typed in that is not in the list (a guest's post): printed in brackets."""
        text = self.post.currentText().strip()
        if self.post.value() is not None or not text or text == self.post.none_label:
            return None
        return text

    def save_call(self, data: SpeakerInput) -> Callable[[], SpeakerView]:
        ctx, item_id, entry = self.ctx, self.item_id, self.entry
        if entry is None:
            return lambda: speakers.add_entry(ctx.db, ctx.actor, item_id, data)
        return lambda: speakers.update_entry(ctx.db, ctx.actor, entry.id, entry.version, data)


def _free_speaker(person_id: int | None, typed_name: str | None, typed_post: str | None) -> str | None:
    """The free-text part: a listed person's post typed in, or a typed name with its typed post."""
    if person_id is not None:
        return typed_post
    if typed_name and typed_post:
        return f"{typed_name} ({typed_post})"
    return typed_name or typed_post
