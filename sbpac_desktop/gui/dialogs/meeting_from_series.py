"""The part of the new-meeting dialog that follows the chosen series: the agenda template, where
the attendance list comes from (the standing members, a copy of the last meeting's list, or
nothing), and a note saying what that will give — who chairs on the day, which member posts are
vacant then (they cannot be listed, so the user is told before saving), or which meeting is copied.

Holders on the meeting day come from the terms the dialog loaded once (the same rule as the
service: series_attendance.pick_holder), so changing the date or series reads nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from sbpac_desktop.domain.enums import AgendaTemplate
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.pickers import EnumCombo, IdCombo
from sbpac_desktop.services.meetings.meetings import MeetingView
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.meetings.series_attendance import LAST_MEETING, MEMBERS, pick_holder
from sbpac_desktop.services.people.org import IncumbencyView


class SeriesPrefill(QWidget):
    """Not shown itself: owns the widgets the dialog places in its form (`add_rows`)."""

    def __init__(self, terms: Sequence[IncumbencyView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()
        self.terms = list(terms)
        self.template = EnumCombo(AgendaTemplate, parent)
        self.template.setObjectName("agendaTemplate")
        self.source = IdCombo(parent)
        self.source.setObjectName("attendanceSource")
        self.source.set_items([
            (self.tr("เติมจากกรรมการประจำของชุดการประชุม"), MEMBERS),
            (self.tr("คัดลอกรายชื่อจากการประชุมครั้งก่อน"), LAST_MEETING),
            (self.tr("ไม่เติม — เพิ่มรายชื่อเองภายหลัง"), None),
        ])  # fmt: skip
        self.note = QLabel(parent)
        self.note.setObjectName("attendanceNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #505050;")
        self.series: SeriesView | None = None
        self.latest: MeetingView | None = None
        self.day: date | None = None
        self.source.currentIndexChanged.connect(self._update_note)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("รูปแบบระเบียบวาระ"), self.template)
        form.addRow(self.tr("รายชื่อผู้เข้าประชุม"), self.source)
        form.addRow("", self.note)

    # --- following the series and the date ---------------------------------------------
    def chair_on(self, series: SeriesView | None, day: date | None) -> int | None:
        """Who holds the series' chair post on the day (None: no chair post, or vacant)."""
        if series is None or series.chair_position_id is None or day is None:
            return None
        term = pick_holder(self.terms, series.chair_position_id, day)
        return term.person_id if term else None

    def follow(self, series: SeriesView | None, latest: MeetingView | None, day: date | None) -> None:
        """A series was picked: its template, and the attendance source that has something to give."""
        self.series, self.latest, self.day = series, latest, day
        if series is not None:
            self.template.set_value(series.agenda_template)
        wanted: str | None
        if series is not None and (series.members or series.chair_position_id or series.secretary_position_id):
            wanted = MEMBERS
        else:
            wanted = LAST_MEETING if latest is not None else None
        self.source.setCurrentIndex(self.source.index_of(wanted))  # set_value(None) would mean "first"
        self._update_note()

    def date_changed(self, day: date | None) -> None:
        self.day = day
        self._update_note()

    def _update_note(self, *_: object) -> None:
        self.note.setText(self.note_text())

    def note_text(self) -> str:
        source, series = self.source.value(), self.series
        if source == LAST_MEETING:
            if self.latest is None:
                return self.tr("ชุดนี้ยังไม่มีการประชุมครั้งก่อน — จะไม่มีรายชื่อให้คัดลอก")
            number = self.latest.number_text(thai_digits=True)
            return self.tr("คัดลอกรายชื่อและบทบาทจากครั้งที่ {number} (ไม่คัดลอกการมา/ไม่มา)").format(number=number)
        if source != MEMBERS or series is None:
            return ""
        posts = [(m.position_id, m.position_label) for m in series.members]
        listed = {pid for pid, _ in posts}
        for pid, label in ((series.chair_position_id, series.chair_label),
                           (series.secretary_position_id, series.secretary_label)):  # fmt: skip
            if pid is not None and pid not in listed:
                posts.append((pid, label or ""))
                listed.add(pid)
        if not posts:
            return self.tr("ชุดนี้ยังไม่ได้กำหนดกรรมการประจำ (แก้ไขได้ที่หน้า “ชุดการประชุม”)")
        vacant = [label for pid, label in posts if self.day is None or pick_holder(self.terms, pid, self.day) is None]
        text = self.tr("จะเติม {count} ตำแหน่งตามผู้ดำรงตำแหน่งในวันประชุม").format(
            count=digits(str(len(posts) - len(vacant)))
        )
        if vacant:
            text += self.tr(" — ตำแหน่งว่างในวันนั้น (จะไม่มีในรายชื่อ): {posts}").format(posts=", ".join(vacant))
        return text
