"""Plain trees for printed documents: services fill them, reporting draws them.

Text is stored text (Arabic digits, normalized Thai); dates stay `date` objects.
The renderer decides Thai or Arabic digits and BE formatting, so one tree can be
printed either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import StrEnum

from sbpac_desktop.domain.agenda import TimedItem, plan_timetable


@dataclass(frozen=True)
class PersonLine:
    name: str
    position: str | None = None
    note: str | None = None  # ประธาน / เลขานุการ / reason for absence / "มาประชุมแทน ..."


@dataclass(frozen=True)
class DirectiveLine:
    number: str  # "ขส. 001/2563" (Arabic digits; the renderer converts)
    text: str
    responsible: str | None
    supporting: tuple[str, ...] = ()
    parent_agency: str | None = None
    due_on: date | None = None
    status_label: str | None = None
    status_key: str | None = None
    percent: int | None = None
    progress_text: str | None = None
    dimension: str | None = None
    history: tuple[str, ...] = ()  # 'ขยายเวลาจาก 31 ม.ค. 2563 เป็น 31 มี.ค. 2563', 'ขอปิดเรื่อง …'
    problems: str | None = None  # from the newest progress report (ปัญหา/อุปสรรค)
    suggestions: str | None = None  # ข้อเสนอแนะ
    next_step: str | None = None  # การดำเนินการต่อไป


@dataclass(frozen=True)
class AgendaEntry:
    number: str  # "4.1" or "4.1.1"
    depth: int  # 1 for 4.1, 2 for 4.1.1
    title: str
    presenter: str | None = None
    background: str | None = None
    proposal: str | None = None
    discussion: str | None = None
    resolution: str | None = None
    directives: tuple[DirectiveLine, ...] = ()
    closures: tuple[str, ...] = ()  # 'ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. 003/2563'
    speeches: tuple[tuple[str, str], ...] = ()  # verbatim style: (speaker as printed, what was said)
    planned_minutes: int | None = None  # agenda timetable: None = not planned
    start_time: time | None = None  # planned start (agenda_with_timetable); None without a meeting start


@dataclass(frozen=True)
class AgendaSection:
    number: int
    title: str
    entries: tuple[AgendaEntry, ...] = ()
    empty_text: str = "ไม่มี"
    closures: tuple[str, ...] = ()  # closures acknowledged at the meeting with no follow-up item to hold them


@dataclass(frozen=True)
class MeetingHeader:
    body_name: str  # what follows "รายงานการประชุม" / the meeting's title
    number: int
    be_year: int
    meeting_date: date
    venue: str
    start_time: time | None = None
    end_time: time | None = None
    chair_name: str | None = None


@dataclass(frozen=True)
class MinutesDoc:
    header: MeetingHeader
    recording_style: str  # domain.enums.RecordingStyle value
    present: tuple[PersonLine, ...]
    absent: tuple[PersonLine, ...]
    others: tuple[PersonLine, ...]
    opening_text: str
    sections: tuple[AgendaSection, ...]
    recorder: PersonLine | None = None
    checker: PersonLine | None = None
    # "ตรวจสอบ: 1234 · a1b2c3d4": the audit chain head when printed (certified minutes), so paper
    # carries an anchor of the trail (services/audit_anchors.py)
    audit_anchor: str = ""


@dataclass(frozen=True)
class AgendaDoc:
    header: MeetingHeader
    sections: tuple[AgendaSection, ...]
    planned_minutes: int = 0  # sum of the items' planned minutes
    planned_end: time | None = None  # meeting start + planned_minutes (None: no start or nothing planned)
    unplanned_count: int = 0  # items without planned minutes

    @property
    def has_timetable(self) -> bool:
        """True when at least one item has planned minutes: then print the time column."""
        return any(e.planned_minutes is not None for s in self.sections for e in s.entries)


def agenda_with_timetable(header: MeetingHeader, sections: tuple[AgendaSection, ...]) -> AgendaDoc:
    """The agenda with each entry's planned start and the planned total and end
    (domain.agenda.plan_timetable over every entry in printed order)."""
    entries = [e for section in sections for e in section.entries]
    table = plan_timetable(header.start_time, [TimedItem(i, e.planned_minutes) for i, e in enumerate(entries)])
    timed: list[AgendaSection] = []
    index = 0
    for section in sections:
        timed_entries = []
        for entry in section.entries:
            timed_entries.append(replace(entry, start_time=table.start_of(index)))
            index += 1
        timed.append(replace(section, entries=tuple(timed_entries)))
    return AgendaDoc(header, tuple(timed), table.total_minutes, table.ends_at, table.unplanned_count)


class GroupBy(StrEnum):
    """How the follow-up report groups its directives (a plain value: the CLI offers it as choices)."""

    ASSIGNEE = "assignee"
    DIMENSION = "dimension"


@dataclass(frozen=True)
class FollowUpGroup:
    name: str
    rows: tuple[DirectiveLine, ...]


@dataclass(frozen=True)
class FollowUpDoc:
    title: str
    scope: str  # e.g. "ปีงบประมาณ 2563 ไตรมาสที่ 2"
    as_of: date
    counts: tuple[tuple[str, int], ...]  # (Thai status label, count) in a fixed order
    groups: tuple[FollowUpGroup, ...] = field(default_factory=tuple)
    grouped_by: str = "assignee"  # or "dimension": decides what the responsible column repeats
    presented_heading: str | None = None  # the meeting's item-3 lines, when the scope is one meeting
    presented: tuple[tuple[str, str], ...] = ()  # (agenda number "3.1.2", line) as in the agenda
    signed: bool = False  # a report on its own ends with the reporter's signature block (not in the dossier)
    reporter: PersonLine | None = None  # the series' secretary post and its holder; None: lines to fill in


@dataclass(frozen=True)
class DossierDoc:
    agenda: AgendaDoc
    minutes: MinutesDoc
    directives: FollowUpDoc
    audit_anchor: str = ""
