"""เติมรายชื่อ on the attendance tab: add the series' standing members (whoever holds each post
on the meeting day) or copy the last meeting's people and roles, through
series_attendance.prefill_attendance in the background. People already listed keep their line;
what was added, which posts were vacant and who was left out is put in words for the tab."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import attendance
from sbpac_desktop.services.meetings.attendance import AttendanceView
from sbpac_desktop.services.meetings.series_attendance import LAST_MEETING, MEMBERS, PrefillResult, prefill_attendance

Filled = tuple[PrefillResult, list[AttendanceView]]


class PrefillButton(QPushButton):
    filled = Signal(object, object)  # PrefillResult, the meeting's whole list after it

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("เติมรายชื่อ"), parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.operation: Operation[Filled] | None = None
        self.setObjectName("prefillButton")
        self.setToolTip(self.tr("เติมรายชื่อจากกรรมการประจำของชุดการประชุม หรือคัดลอกจากการประชุมครั้งก่อน"))
        menu = QMenu(self)
        self.members_action = menu.addAction(self.tr("จากกรรมการประจำของชุดการประชุม"))
        self.last_action = menu.addAction(self.tr("คัดลอกจากการประชุมครั้งก่อน (รายชื่อและบทบาท)"))
        self.members_action.triggered.connect(lambda: self.fill(MEMBERS))
        self.last_action.triggered.connect(lambda: self.fill(LAST_MEETING))
        self.setMenu(menu)

    def fill(self, source: str) -> Operation[Filled]:
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.meeting_id

        def call() -> Filled:
            result = prefill_attendance(db, actor, meeting_id, source)
            return result, attendance.list_attendance(db, actor, meeting_id)

        self.operation = Operation(self, call, busy=[self])
        self.operation.success(self._done)  # a refusal (no earlier meeting...) goes to the error dialog
        return self.operation.run()

    def _done(self, answer: Filled) -> None:
        self.operation = None
        self.filled.emit(*answer)

    def note_text(self, result: PrefillResult) -> str:
        if result.source == MEMBERS and not (result.added or result.vacant or result.already_listed or result.skipped):
            return self.tr("ชุดการประชุมนี้ยังไม่ได้กำหนดกรรมการประจำ (กำหนดได้ที่หน้า “ชุดการประชุม”)")
        if result.from_meeting:
            number = digits(result.from_meeting)
            parts = [self.tr("คัดลอกจากครั้งที่ {number}: เพิ่ม {count} คน").format(
                number=number, count=digits(str(len(result.added))))]  # fmt: skip
        else:
            parts = [self.tr("จากกรรมการประจำ: เพิ่ม {count} คน").format(count=digits(str(len(result.added))))]
        if result.vacant:
            posts = ", ".join(v.position_label for v in result.vacant)
            parts.append(self.tr("ตำแหน่งว่างในวันประชุม (ไม่มีในรายชื่อ): {posts}").format(posts=posts))
        if result.already_listed:
            parts.append(self.tr("มีชื่ออยู่แล้ว {count} คน").format(count=digits(str(len(result.already_listed)))))
        if result.skipped:
            parts.append(self.tr("ไม่ได้เพิ่ม: {people}").format(people=", ".join(result.skipped)))
        return " · ".join(parts)
