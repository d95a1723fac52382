"""One meeting in its own window: a header (number, date, venue, status, the หนังสือ menu for
the invitation letter and the directive memos) and three tabs —
ระเบียบวาระ (agenda builder), ผู้เข้าประชุม (attendance), รายงานการประชุม (minutes)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.gui.dialogs.history_dialog import HistoryDialog, open_history
from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.meeting.agenda_tab import AgendaTab
from sbpac_desktop.gui.meeting.attendance_tab import AttendanceTab
from sbpac_desktop.gui.meeting.documents_menu import DocumentsMenu
from sbpac_desktop.gui.meeting.letters_menu import LettersMenu
from sbpac_desktop.gui.meeting.minutes_tab import MinutesTab
from sbpac_desktop.gui.operations import wait_for_idle
from sbpac_desktop.gui.pages.base import heading_label
from sbpac_desktop.gui.process_operations import warm_worker
from sbpac_desktop.gui.text import ThaiLabel, or_blank, thai_digits
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.meetings.meetings import MeetingView
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import PersonView, PositionView
from sbpac_desktop.thai import long_date, time_text


@dataclass(frozen=True)
class OpenedMeeting:
    """What the window is built from, read together on the database thread (`read_meeting`)."""

    meeting: MeetingView
    people: list[PersonView]
    posts: list[PositionView]


def read_meeting(ctx: AppContext, meeting_id: int) -> OpenedMeeting:  # worker thread
    return OpenedMeeting(
        meetings.get_meeting(ctx.db, ctx.actor, meeting_id),
        org.list_people(ctx.db, ctx.actor),
        org.list_positions(ctx.db, ctx.actor),
    )


class MeetingWindow(QWidget):
    def __init__(self, ctx: AppContext, opened: OpenedMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("meetingWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.meeting = opened.meeting
        meeting_id, people = opened.meeting.id, opened.people
        self.heading = heading_label("", self)
        self.heading.setWordWrap(True)
        self.details = ThaiLabel(self)  # venue and chair can be long: wrap between Thai words
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meetingTabs")
        self.agenda_tab = AgendaTab(ctx, self.meeting, people, self)
        self.attendance_tab = AttendanceTab(ctx, meeting_id, people, opened.posts, self)
        self.minutes_tab = MinutesTab(ctx, self.meeting, self)
        self.tabs.addTab(self.agenda_tab, self.tr("ระเบียบวาระ"))
        self.tabs.addTab(self.attendance_tab, self.tr("ผู้เข้าประชุม"))
        self.tabs.addTab(self.minutes_tab, self.tr("รายงานการประชุม"))
        self.history_button = QPushButton(self.tr("ประวัติการแก้ไข"), self)
        self.history_button.setObjectName("meetingHistory")
        self.history_button.clicked.connect(self.show_history)
        top = QHBoxLayout()
        self.letters = LettersMenu(ctx, meeting_id, self.meeting.number_text(False), self)
        top.addWidget(self.heading, 1)
        self.documents = DocumentsMenu(ctx, meeting_id, self.meeting.number_text(False), self)
        top.addWidget(self.documents, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.letters, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.letters.notice)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.minutes_tab.status_changed.connect(self.show_meeting)
        app_events().meeting_changed.connect(self._meeting_changed)
        self.show_meeting(self.meeting)
        self.resize(1280, 720)
        warm_worker(render_jobs.job(ctx.db, ctx.actor, render_jobs.READY))  # the documents come next

    def show_meeting(self, meeting: MeetingView) -> None:
        self.meeting = meeting
        title = self.tr("{title} ครั้งที่ {number}").format(title=meeting.title, number=meeting.number_text(thai_digits()))
        self.setWindowTitle(title)
        self.heading.setText(title)
        when = long_date(meeting.meeting_date)
        if meeting.start_time:
            when += self.tr(" เวลา {time}").format(time=time_text(meeting.start_time))
        self.details.setText(
            self.tr("{when} ณ {venue} · ประธาน: {chair} · สถานะ: {status}").format(
                when=when,
                venue=meeting.venue,
                chair=or_blank(meeting.chair_name),
                status=domain_label(meeting.status.label),
            )
        )
        if meeting.status is MeetingStatus.MINUTES_CERTIFIED:
            self.details.setText(self.details.text() + self.tr(" — รับรองแล้ว แก้ไขไม่ได้"))
        self.agenda_tab.set_meeting(meeting)
        self.minutes_tab.set_meeting(meeting)
        read_only = meeting.status is MeetingStatus.MINUTES_CERTIFIED
        self.agenda_tab.set_read_only(read_only)
        self.attendance_tab.set_read_only(read_only)

    def show_history(self) -> HistoryDialog:
        """The meeting's audit trail with its agenda items, attendance and attachments."""
        return open_history(self.ctx, "meeting", self.meeting.id, self.windowTitle(), self)

    def _meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting.id:
            self.minutes_tab.mark_stale()  # the next look at the minutes tab renders again

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.agenda_tab.save_pending(then=self.close):
            event.ignore()  # typing is never dropped: save first, close when it is saved
            return
        wait_for_idle()
        self.minutes_tab.cleanup()
        super().closeEvent(event)
