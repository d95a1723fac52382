"""เอกสาร ▾ in the meeting window: preview, print and save (PDF or Word) the agenda, the session
dossier, the invitation letter and the directive memos (the minutes have their own tab). The
preview dialog, and with it QtPdf, is imported only when one is opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.gui.widgets.menu_button import MenuToolButton
from sbpac_desktop.services.app import AppContext


class DocumentsMenu(MenuToolButton):
    def __init__(self, ctx: AppContext, meeting_id: int, number_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.meeting_id, self.number_text = ctx, meeting_id, number_text
        self.setObjectName("documentsButton")
        self.setText(self.tr("ดูตัวอย่างและพิมพ์"))
        menu = QMenu(self)
        number = number_text.replace("/", "-")
        # action text -> (job, extra arguments, file name without suffix)
        self.entries: dict[str, tuple[Callable[..., Any], tuple[Any, ...], str]] = {
            self.tr("ระเบียบวาระการประชุม"): (render_jobs.AGENDA, (), self.tr("ระเบียบวาระการประชุม ครั้งที่ {n}")),
            self.tr("เอกสารประกอบการประชุม (ทั้งชุด)"): (render_jobs.DOSSIER, (), self.tr("เอกสารประกอบการประชุม ครั้งที่ {n}")),
            self.tr("หนังสือเชิญประชุม"): (render_jobs.INVITATION, (False,), self.tr("หนังสือเชิญประชุม ครั้งที่ {n}")),
            self.tr("บันทึกข้อความแจ้งข้อสั่งการ"): (render_jobs.MEMOS, (), self.tr("บันทึกข้อความ ครั้งที่ {n}")),
        }
        for text in self.entries:
            menu.addAction(text).triggered.connect(lambda _checked=False, t=text: self.preview(t))
        self.setMenu(menu)
        self._number = number

    def preview(self, text: str):
        from sbpac_desktop.gui.dialogs.document_preview import open_preview  # QtPdf only when asked

        function, extra, stem = self.entries[text]
        title = self.tr("{what} ครั้งที่ {number}").format(what=text, number=self.number_text)
        return open_preview(self.window(), self.ctx, title, function, (self.meeting_id, *extra),
                            stem.format(n=self._number))  # fmt: skip
