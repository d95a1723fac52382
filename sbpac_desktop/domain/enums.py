"""Closed vocabularies of the data model, with the Thai labels users see.

Values are stored as short English strings so the database stays readable and
stable when a Thai label is reworded.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members know their Thai label."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class OrgUnitKind(LabelledEnum):
    MINISTRY = "ministry"
    DEPARTMENT = "department"
    AGENCY = "agency"
    DIVISION = "division"
    OTHER = "other"


class PositionKind(LabelledEnum):
    SECRETARY_GENERAL = "secretary_general"
    DEPUTY = "deputy"
    ASSISTANT = "assistant"
    DIRECTOR = "director"
    OFFICER = "officer"
    OTHER = "other"


class RecordingStyle(LabelledEnum):
    VERBATIM = "verbatim"
    SUMMARY = "summary"
    RESOLUTIONS = "resolutions"


class MeetingStatus(LabelledEnum):
    DRAFT = "draft"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    MINUTES_DRAFTED = "minutes_drafted"
    MINUTES_CHECKED = "minutes_checked"
    MINUTES_CERTIFIED = "minutes_certified"


class AgendaTemplate(LabelledEnum):
    STANDARD_5 = "standard5"
    WITH_INFORMATION_6 = "information6"


class AttendanceKind(LabelledEnum):
    PRESENT = "present"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    INVITED = "invited"


class Priority(LabelledEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    VERY_URGENT = "very_urgent"
    MOST_URGENT = "most_urgent"


class ReportCycle(LabelledEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    EVERY_MEETING = "every_meeting"


class DirectiveState(LabelledEnum):
    """What a person decides about a directive; progress is derived from reports."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class AssignmentRole(LabelledEnum):
    LEAD = "lead"
    SUPPORT = "support"


class UserRole(LabelledEnum):
    ADMIN = "admin"
    SECRETARY = "secretary"
    OFFICER = "officer"
    VIEWER = "viewer"


_LABELS: dict[LabelledEnum, str] = {
    OrgUnitKind.MINISTRY: "กระทรวง",
    OrgUnitKind.DEPARTMENT: "กรม",
    OrgUnitKind.AGENCY: "หน่วยงาน",
    OrgUnitKind.DIVISION: "สำนัก/กอง",
    OrgUnitKind.OTHER: "อื่น ๆ",
    PositionKind.SECRETARY_GENERAL: "เลขาธิการ",
    PositionKind.DEPUTY: "รองเลขาธิการ",
    PositionKind.ASSISTANT: "ผู้ช่วยเลขาธิการ",
    PositionKind.DIRECTOR: "ผู้อำนวยการ",
    PositionKind.OFFICER: "เจ้าหน้าที่",
    PositionKind.OTHER: "อื่น ๆ",
    RecordingStyle.VERBATIM: "จดละเอียดทุกคำพูด",
    RecordingStyle.SUMMARY: "จดย่อประเด็นพร้อมมติ",
    RecordingStyle.RESOLUTIONS: "จดเฉพาะเหตุผลและมติ",
    MeetingStatus.DRAFT: "ร่าง",
    MeetingStatus.AGENDA_PUBLISHED: "แจ้งระเบียบวาระแล้ว",
    MeetingStatus.HELD: "ประชุมแล้ว",
    MeetingStatus.MINUTES_DRAFTED: "ร่างรายงานการประชุมแล้ว",
    MeetingStatus.MINUTES_CHECKED: "ตรวจรายงานการประชุมแล้ว",
    MeetingStatus.MINUTES_CERTIFIED: "รับรองรายงานการประชุมแล้ว",
    AgendaTemplate.STANDARD_5: "มาตรฐาน ๕ ระเบียบวาระ",
    AgendaTemplate.WITH_INFORMATION_6: "๖ ระเบียบวาระ (มีเรื่องเพื่อทราบ)",
    AttendanceKind.PRESENT: "มาประชุม",
    AttendanceKind.ABSENT: "ไม่มาประชุม",
    AttendanceKind.SUBSTITUTE: "มาประชุมแทน",
    AttendanceKind.INVITED: "ผู้เข้าร่วมประชุม",
    Priority.NORMAL: "ปกติ",
    Priority.URGENT: "ด่วน",
    Priority.VERY_URGENT: "ด่วนมาก",
    Priority.MOST_URGENT: "ด่วนที่สุด",
    ReportCycle.WEEKLY: "รายสัปดาห์",
    ReportCycle.MONTHLY: "รายเดือน",
    ReportCycle.QUARTERLY: "รายไตรมาส",
    ReportCycle.EVERY_MEETING: "ทุกการประชุม",
    DirectiveState.OPEN: "เปิดอยู่",
    DirectiveState.CLOSED: "ปิดเรื่องแล้ว",
    DirectiveState.CANCELLED: "ยกเลิก",
    AssignmentRole.LEAD: "ผู้รับผิดชอบหลัก",
    AssignmentRole.SUPPORT: "หน่วยงานสนับสนุน",
    UserRole.ADMIN: "ผู้ดูแลระบบ",
    UserRole.SECRETARY: "ฝ่ายเลขานุการ",
    UserRole.OFFICER: "เจ้าหน้าที่ติดตาม",
    UserRole.VIEWER: "ผู้อ่านอย่างเดียว",
}
