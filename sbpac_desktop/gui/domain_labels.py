"""English for the Thai labels the domain gives its enums (statuses, kinds, priorities …).

The domain speaks Thai only (documents and the command line print these labels); the
window shows them through `domain_label`, which looks them up in the Qt Linguist catalogue
under the context "domain". The list below exists so that lupdate sees every label;
tests/gui/test_i18n.py fails when the domain gains a label that is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sbpac_desktop.domain.escalation import Escalation, Tier
from sbpac_desktop.domain.status import Deadline, DerivedStatus

CONTEXT = "domain"

LABELS = (
    QT_TRANSLATE_NOOP("domain", "กระทรวง"),  # OrgUnitKind.MINISTRY
    QT_TRANSLATE_NOOP("domain", "กรม"),  # OrgUnitKind.DEPARTMENT
    QT_TRANSLATE_NOOP("domain", "หน่วยงาน"),  # OrgUnitKind.AGENCY
    QT_TRANSLATE_NOOP("domain", "สำนัก/กอง"),  # OrgUnitKind.DIVISION
    QT_TRANSLATE_NOOP("domain", "อื่น ๆ"),  # OrgUnitKind.OTHER
    QT_TRANSLATE_NOOP("domain", "เลขาธิการ"),  # PositionKind.SECRETARY_GENERAL
    QT_TRANSLATE_NOOP("domain", "รองเลขาธิการ"),  # PositionKind.DEPUTY
    QT_TRANSLATE_NOOP("domain", "ผู้ช่วยเลขาธิการ"),  # PositionKind.ASSISTANT
    QT_TRANSLATE_NOOP("domain", "ผู้อำนวยการ"),  # PositionKind.DIRECTOR
    QT_TRANSLATE_NOOP("domain", "เจ้าหน้าที่ติดตาม"),  # PositionKind.OFFICER
    QT_TRANSLATE_NOOP("domain", "จดละเอียดทุกคำพูด"),  # RecordingStyle.VERBATIM
    QT_TRANSLATE_NOOP("domain", "จดย่อประเด็นพร้อมมติ"),  # RecordingStyle.SUMMARY
    QT_TRANSLATE_NOOP("domain", "จดเฉพาะเหตุผลและมติ"),  # RecordingStyle.RESOLUTIONS
    QT_TRANSLATE_NOOP("domain", "ร่าง"),  # MeetingStatus.DRAFT
    QT_TRANSLATE_NOOP("domain", "แจ้งระเบียบวาระแล้ว"),  # MeetingStatus.AGENDA_PUBLISHED
    QT_TRANSLATE_NOOP("domain", "ประชุมแล้ว"),  # MeetingStatus.HELD
    QT_TRANSLATE_NOOP("domain", "ร่างรายงานการประชุมแล้ว"),  # MeetingStatus.MINUTES_DRAFTED
    QT_TRANSLATE_NOOP("domain", "ตรวจรายงานการประชุมแล้ว"),  # MeetingStatus.MINUTES_CHECKED
    QT_TRANSLATE_NOOP("domain", "รับรองรายงานการประชุมแล้ว"),  # MeetingStatus.MINUTES_CERTIFIED
    QT_TRANSLATE_NOOP("domain", "มาตรฐาน ๕ ระเบียบวาระ"),  # AgendaTemplate.STANDARD_5
    QT_TRANSLATE_NOOP("domain", "๖ ระเบียบวาระ (มีเรื่องเพื่อทราบ)"),  # AgendaTemplate.WITH_INFORMATION_6
    QT_TRANSLATE_NOOP("domain", "มาประชุม"),  # AttendanceKind.PRESENT
    QT_TRANSLATE_NOOP("domain", "ไม่มาประชุม"),  # AttendanceKind.ABSENT
    QT_TRANSLATE_NOOP("domain", "มาประชุมแทน"),  # AttendanceKind.SUBSTITUTE
    QT_TRANSLATE_NOOP("domain", "ผู้เข้าร่วมประชุม"),  # AttendanceKind.INVITED
    QT_TRANSLATE_NOOP("domain", "ปกติ"),  # Priority.NORMAL
    QT_TRANSLATE_NOOP("domain", "ด่วน"),  # Priority.URGENT
    QT_TRANSLATE_NOOP("domain", "ด่วนมาก"),  # Priority.VERY_URGENT
    QT_TRANSLATE_NOOP("domain", "ด่วนที่สุด"),  # Priority.MOST_URGENT
    QT_TRANSLATE_NOOP("domain", "รายสัปดาห์"),  # ReportCycle.WEEKLY
    QT_TRANSLATE_NOOP("domain", "รายเดือน"),  # ReportCycle.MONTHLY
    QT_TRANSLATE_NOOP("domain", "รายไตรมาส"),  # ReportCycle.QUARTERLY
    QT_TRANSLATE_NOOP("domain", "ทุกการประชุม"),  # ReportCycle.EVERY_MEETING
    QT_TRANSLATE_NOOP("domain", "เปิดอยู่"),  # DirectiveState.OPEN
    QT_TRANSLATE_NOOP("domain", "ปิดเรื่องแล้ว"),  # DirectiveState.CLOSED
    QT_TRANSLATE_NOOP("domain", "ยกเลิก"),  # DirectiveState.CANCELLED
    QT_TRANSLATE_NOOP("domain", "ผู้รับผิดชอบหลัก"),  # AssignmentRole.LEAD
    QT_TRANSLATE_NOOP("domain", "หน่วยงานสนับสนุน"),  # AssignmentRole.SUPPORT
    QT_TRANSLATE_NOOP("domain", "ผู้ดูแลระบบ"),  # UserRole.ADMIN
    QT_TRANSLATE_NOOP("domain", "ฝ่ายเลขานุการ"),  # UserRole.SECRETARY
    QT_TRANSLATE_NOOP("domain", "ผู้อ่านอย่างเดียว"),  # UserRole.VIEWER
    QT_TRANSLATE_NOOP("domain", "ไม่ล่าช้า"),  # Tier.NONE
    QT_TRANSLATE_NOOP("domain", "ล่าช้า — ติดตามตามรอบปกติ"),  # Tier.LATE
    QT_TRANSLATE_NOOP("domain", "ล่าช้า — เร่งรัดการดำเนินการ"),  # Tier.EXPEDITE
    QT_TRANSLATE_NOOP("domain", "ล่าช้ามาก — รายงานผู้บังคับบัญชา"),  # Tier.REPORT_UP
    QT_TRANSLATE_NOOP("domain", "ยังไม่ดำเนินการ"),  # Progress.NOT_STARTED
    QT_TRANSLATE_NOOP("domain", "อยู่ระหว่างดำเนินการ"),  # Progress.IN_PROGRESS
    QT_TRANSLATE_NOOP("domain", "ดำเนินการแล้วเสร็จ"),  # Progress.DONE
)


def domain_label(text: str) -> str:
    """The label in the interface language (Thai: unchanged)."""
    return QCoreApplication.translate(CONTEXT, text)


def status_text(status: DerivedStatus) -> str:
    """DerivedStatus.label in the interface language (in Thai exactly the domain's text; a test
    compares the two for every kind of status, so they cannot drift apart)."""
    blocked = (
        QCoreApplication.translate("domain", "ติดขัด: {reason}").format(reason=status.blocked_reason)
        if status.blocked
        else None
    )
    if status.deadline is Deadline.OVERDUE:
        late = QCoreApplication.translate("domain", "เกินกำหนด (ล่าช้า {days} วัน)").format(days=status.days)
        return f"{late} — {blocked}" if blocked else late
    progress = domain_label(status.progress.label)
    if status.deadline in (Deadline.DUE_SOON, Deadline.ON_TRACK):
        left = QCoreApplication.translate("domain", "{status} (เหลือ {days} วัน)")
        return left.format(status=blocked or progress, days=status.days)
    return blocked or progress


def escalation_text(escalation: Escalation) -> str:
    """Escalation.label in the interface language (Thai: the domain's own text)."""
    if escalation.tier is Tier.NONE:
        return domain_label(Tier.NONE.label)
    if escalation.tier is Tier.LATE:
        late = QCoreApplication.translate("domain", "ล่าช้า {days} วัน — ติดตามตามรอบปกติ")
        return late.format(days=escalation.days_late)
    limit = escalation.thresholds[escalation.tier - 1]
    if escalation.tier is Tier.EXPEDITE:
        return QCoreApplication.translate("domain", "ล่าช้าตั้งแต่ {limit} วัน — เร่งรัดการดำเนินการ").format(limit=limit)
    return QCoreApplication.translate("domain", "ล่าช้าตั้งแต่ {limit} วัน — รายงานผู้บังคับบัญชา").format(limit=limit)
