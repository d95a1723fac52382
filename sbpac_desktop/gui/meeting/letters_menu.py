"""หนังสือ ▾ in the meeting window: the invitation letter (one with the distribution list, or
one per invited post) and the directive memos, saved as PDF or Word. Written in the worker
process by sbpac_desktop/render_jobs.py (INVITATION, MEMOS), the same letters as `sbpac letters`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QMenu, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import ThaiLabel
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.menu_button import MenuToolButton
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.process_jobs import Job


class LettersMenu(QWidget):
    """A 'หนังสือ' button with its menu, and `notice`: where the last letter was saved."""

    def __init__(self, ctx: AppContext, meeting_id: int, number_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.meeting_id, self.number_text = ctx, meeting_id, number_text
        self.saved_path: Path | None = None
        self.button = MenuToolButton(self)
        self.button.setObjectName("lettersButton")
        self.button.setText(self.tr("หนังสือ"))
        menu = QMenu(self.button)
        self.invitation_action = menu.addAction(self.tr("หนังสือเชิญประชุม (ฉบับเดียว พร้อมบัญชีแจกจ่าย)…"))
        self.per_post_action = menu.addAction(self.tr("หนังสือเชิญประชุม (แยกฉบับละตำแหน่ง)…"))
        self.memo_action = menu.addAction(self.tr("บันทึกข้อความแจ้งข้อสั่งการถึงหน่วยงาน…"))
        self.invitation_action.triggered.connect(lambda: self.save_invitation(per_post=False))
        self.per_post_action.triggered.connect(lambda: self.save_invitation(per_post=True))
        self.memo_action.triggered.connect(self.save_memos)
        self.button.setMenu(menu)
        self.notice = ThaiLabel(self)  # the window places it on its own line (a path is long)
        self.notice.setObjectName("lettersNotice")
        self.notice.hide()
        layout = flush(QHBoxLayout(self))
        layout.addWidget(self.button)

    def _ask(self, title: str, name: str) -> Path | None:
        offered = [(self.tr("เอกสาร PDF (*.pdf)"), ".pdf"), (self.tr("เอกสาร Word (*.docx)"), ".docx")]
        try:
            return file_export.ask_save_path(self, title, name, offered)
        except AppError as error:
            self._say(error_text(error))
            return None

    def save_invitation(self, per_post: bool) -> ProcessOperation[Path] | None:
        name = self.tr("หนังสือเชิญประชุม ครั้งที่ {number}").format(number=self.number_text.replace("/", "-"))
        target = self._ask(self.tr("บันทึกหนังสือเชิญประชุม"), name)
        if target is None:
            return None
        job = render_jobs.job(self.ctx.db, self.ctx.actor, render_jobs.INVITATION, self.meeting_id, per_post, target)
        return self._run(job, self.tr("กำลังสร้างหนังสือเชิญประชุม…"))

    def save_memos(self) -> ProcessOperation[Path] | None:
        name = self.tr("บันทึกข้อความแจ้งข้อสั่งการ ครั้งที่ {number}").format(number=self.number_text.replace("/", "-"))
        target = self._ask(self.tr("บันทึกข้อความแจ้งข้อสั่งการ"), name)
        if target is None:
            return None
        job = render_jobs.job(self.ctx.db, self.ctx.actor, render_jobs.MEMOS, self.meeting_id, target)
        return self._run(job, self.tr("กำลังสร้างบันทึกข้อความ…"))

    def _run(self, job: Job, message: str) -> ProcessOperation[Path]:
        op: ProcessOperation[Path] = ProcessOperation(self, job, message=message, busy=[self.button])
        op.success(self._saved).failure(lambda error: present_error(self, error))
        return op.run()

    def _saved(self, path: Path) -> None:
        self.saved_path = Path(path)
        self._say(self.tr("บันทึกไว้ที่ {path} แล้ว").format(path=self.saved_path))

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
