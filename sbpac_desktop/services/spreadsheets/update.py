"""The round trip of the tracker: rows of an imported spreadsheet whose number is already in
the database update that directive instead of being refused (spreadsheets.row_plan.PlannedUpdate).

What a row may change, each only when the file has the column:
- the text (ข้อสั่งการ);
- the due date: a different effective due date (ขยายเวลาถึง, else กำหนดแล้วเสร็จ) is recorded
  the way services.directives.extensions records an approved extension — an approved ExtensionRequest
  (from the stored date to the file's, the file and row as the reason) and the new date in
  `extended_due_on` — so it follows the same rules: the issuer's side only (secretary/admin),
  open directives only, a later date than the current one, no request pending;
- the assignees (ผู้รับผิดชอบหลัก, หน่วยงานสนับสนุน): synced like the editor does
  (directives.sync_assignments), except that an assignee with progress reports is never
  dropped (the reports would go with it);
- progress: the row's progress columns add a report on the lead unless an identical one
  (same percent and result, and same date when the file gives one) is already there, so an
  exported file imports back without doubling its reports.
Other columns that differ (issue date, meeting, dimension, priority) are left as stored, with
a warning. Every problem is a RowProblem; nothing is written here unless the caller decides
the whole file is valid (`write_updates`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.domain.status import effective_due
from sbpac_desktop.domain.workflow import RequestStatus, check_extension
from sbpac_desktop.services.audit_trail import add_row, audit, snapshot
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives as directive_rules
from sbpac_desktop.services.directives import progress as progress_rules
from sbpac_desktop.services.directives.directives import AssignmentInput
from sbpac_desktop.services.directives.progress import ProgressInput
from sbpac_desktop.services.permissions import ISSUER_SIDE
from sbpac_desktop.services.spreadsheets.fields import FIELDS
from sbpac_desktop.services.spreadsheets.row_plan import PlannedUpdate, RowProblem
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import Assignment, Directive, ExtensionRequest, OrgUnit, Position, ProgressReport
from sbpac_desktop.thai import medium_date
from sbpac_desktop.thai.normalize import clean

CHUNK = 1_000  # numbers per query (PostgreSQL caps parameters)
_KEPT = {"issued": ("issued_on", "issued_on"), "priority": ("priority", "priority"),
         "dimension": ("dimension_id", "dimension_id"), "meeting": ("meeting_id", "meeting_id")}  # fmt: skip


@dataclass(frozen=True)
class RowOutcome:
    """What a row did (or would do) to the database, for the per-row report."""

    row: int
    number: str  # "ขส. 006/2563"; "" when the row could not be read
    action: str  # new | updated | unchanged | refused
    changes: tuple[str, ...] = ()  # Thai names of the changed fields
    progress_added: bool = False
    reason: str = ""  # why a refused row is refused

    @property
    def detail_th(self) -> str:
        parts = list(self.changes) + (["เพิ่มรายงานผล"] if self.progress_added else [])
        return self.reason or ", ".join(parts)


@dataclass
class DirectiveChange:
    update: PlannedUpdate
    directive: Directive
    labels: list[str] = field(default_factory=list)
    text: str | None = None
    assignments: tuple[AssignmentInput, ...] | None = None
    new_due: date | None = None
    old_due: date | None = None
    reason: str = ""  # of the extension: the file and row it came from
    progress: ProgressInput | None = None


@dataclass
class CheckedUpdates:
    changes: list[DirectiveChange] = field(default_factory=list)  # rows that change something
    problems: list[RowProblem] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)  # rows without an error


def check_updates(
    session: Session, actor: Actor, updates: list[PlannedUpdate], columns: dict[str, str], source: str
) -> CheckedUpdates:
    """Compare each row with its stored directive; `columns` maps field -> "A (เลขที่)"."""
    found = CheckedUpdates()
    stored = _load(session, updates)
    for update in updates:
        directive, reports, pending = stored[(update.fiscal_year, update.seq)]
        check = _RowCheck(session, actor, update, directive, columns, found.problems)
        change = check.run(reports, pending, source)
        if check.failed:
            continue
        number = directive_number_text(update.seq, update.fiscal_year, thai_digits=False)
        if change.labels or change.progress is not None:
            found.changes.append(change)
            found.outcomes.append(
                RowOutcome(update.row, number, "updated", tuple(change.labels), change.progress is not None)
            )
        else:
            found.outcomes.append(RowOutcome(update.row, number, "unchanged"))
    return found


@dataclass(frozen=True, slots=True)
class StoredReport:
    """What a row is compared with: a stored report's assignee, date, percent and result. Read
    as plain columns, not ORM objects: a year's round trip holds ~50,000 reports, and building
    them as mapped objects took most of a 10,000-row check (3 s of 4)."""

    assignment_id: int
    report_date: date
    percent: int
    result: str | None


_Stored = tuple[Directive, list[StoredReport], bool]


def _load(session: Session, updates: list[PlannedUpdate]) -> dict[tuple[int, int], _Stored]:
    wanted = {(u.fiscal_year, u.seq) for u in updates}
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, seq in wanted:
        by_year[year].append(seq)
    found: dict[tuple[int, int], _Stored] = {}
    for year, seqs in by_year.items():
        for start in range(0, len(seqs), CHUNK):
            query = (
                select(Directive)
                .where(Directive.fiscal_year == year, Directive.seq.in_(seqs[start : start + CHUNK]))
                .options(selectinload(Directive.assignments))
            )
            for directive in session.scalars(query):
                found[(year, directive.seq)] = (directive, [], False)
    ids = {d.id: key for key, (d, _r, _p) in found.items()}
    id_list = list(ids)
    for start in range(0, len(id_list), CHUNK):
        chunk = id_list[start : start + CHUNK]
        reports = (
            select(
                ProgressReport.assignment_id,
                ProgressReport.report_date,
                ProgressReport.percent,
                ProgressReport.result,
                Assignment.directive_id,
            )
            .join(Assignment)
            .where(Assignment.directive_id.in_(chunk))
        )
        for assignment_id, report_date, percent, result, directive_id in session.execute(reports):
            found[ids[directive_id]][1].append(StoredReport(assignment_id, report_date, percent, result))
        pending = select(ExtensionRequest.directive_id).where(
            ExtensionRequest.directive_id.in_(chunk), ExtensionRequest.status == RequestStatus.PENDING.value
        )
        for directive_id in session.scalars(pending):
            directive, reports_of, _ = found[ids[directive_id]]
            found[ids[directive_id]] = (directive, reports_of, True)
    return found


class _RowCheck:
    def __init__(
        self, session: Session, actor: Actor, update: PlannedUpdate, directive: Directive, columns: dict[str, str],
        problems: list[RowProblem],
    ) -> None:  # fmt: skip
        self.session, self.actor, self.update, self.directive = session, actor, update, directive
        self.columns, self.problems, self.failed = columns, problems, False
        self.change = DirectiveChange(update, directive)

    def problem(self, name: str, message: str, is_error: bool = True) -> None:
        self.problems.append(RowProblem(self.update.row, self.columns.get(name), message, is_error))
        self.failed = self.failed or is_error

    def run(self, reports: list[StoredReport], pending: bool, source: str) -> DirectiveChange:
        given, data = self.update.columns, self.update.data
        if "text" in given and clean(data.text) != self.directive.text:
            self.change.text = clean(data.text)
            self.change.labels.append("ข้อความ")
        if given & {"due", "extended"}:
            self._due(pending, source)
        if given & {"lead", "support"}:
            self._assignees(reports)
        if self.update.progress is not None:
            self._progress(reports)
        if self.update.state is not DirectiveState.OPEN and self.directive.state == DirectiveState.OPEN.value:
            message = f"สถานะ '{self.update.state.label}' ไม่ถูกนำเข้า — ปิดหรือยกเลิกข้อสั่งการในหน้าต่างข้อสั่งการ"
            self.problem("status", message, is_error=False)
        for name, (mine, stored) in _KEPT.items():
            if name in given and _plain(getattr(data, mine)) != _plain(getattr(self.directive, stored)):
                message = f"{FIELDS[name][0]}ต่างจากในโปรแกรม — การนำเข้าไม่แก้ไขค่านี้ (แก้ไขในหน้าต่างข้อสั่งการ)"
                self.problem(name, message, is_error=False)
        return self.change

    def _due(self, pending: bool, source: str) -> None:
        data, directive = self.update.data, self.directive
        wanted = effective_due(data.due_on, data.extended_due_on)
        current = effective_due(directive.due_on, directive.extended_due_on)
        if wanted == current:
            if "due" in self.update.columns and data.due_on != directive.due_on and directive.extended_due_on:
                message = "กำหนดแล้วเสร็จเดิม (ก่อนขยายเวลา) แก้จากไฟล์ไม่ได้ — การนำเข้าคงค่าเดิมไว้ ใช้คอลัมน์ขยายเวลาถึงแทน"
                self.problem("due", message, is_error=False)
            return
        column = "extended" if "extended" in self.update.columns and data.extended_due_on else "due"
        shown = f"{_day(current)} เป็น {_day(wanted)}"
        if wanted is None:
            self.problem(column, f"ลบกำหนดแล้วเสร็จ ({_day(current)}) ด้วยการนำเข้าไม่ได้ — แก้ไขในหน้าต่างข้อสั่งการ")
        elif self.actor.role not in ISSUER_SIDE:
            message = f"เปลี่ยนกำหนดแล้วเสร็จจาก {shown} คือการอนุมัติขยายเวลา ซึ่งทำได้เฉพาะฝ่ายเลขานุการหรือผู้ดูแลระบบ"
            self.problem(column, message)
        elif directive.state != DirectiveState.OPEN.value:
            self.problem(column, f"ข้อสั่งการนี้{DirectiveState(directive.state).label} จึงขยายเวลาไม่ได้")
        elif pending:
            self.problem(column, "มีคำขอขยายเวลารอพิจารณาอยู่ — อนุมัติหรือไม่อนุมัติคำขอนั้นก่อน แล้วจึงนำเข้าใหม่")
        else:
            try:
                check_extension(wanted, current, directive.issued_on, _reason(source, self.update.row))
            except ValidationError as error:
                for item in error.problems:
                    self.problem(column, f"{item.message_th} (ในโปรแกรม {_day(current)}, ในไฟล์ {_day(wanted)})")
                return
            self.change.new_due, self.change.old_due = wanted, current
            self.change.reason = _reason(source, self.update.row)
            self.change.labels.append(f"กำหนดแล้วเสร็จ ({shown})")

    def _assignees(self, reports: list[StoredReport]) -> None:
        stored = {(a.position_id, a.org_unit_id): AssignmentRole(a.role) for a in self.directive.assignments}
        given = self.update.columns
        wanted: dict[tuple[int | None, int | None], AssignmentRole] = {}
        for key, role in stored.items():  # a column the file lacks keeps what is stored
            if (role is AssignmentRole.LEAD and "lead" not in given) or (
                role is AssignmentRole.SUPPORT and "support" not in given
            ):
                wanted[key] = role
        for item in self.update.data.assignments:
            key = (item.position_id, item.org_unit_id)
            wanted[key] = AssignmentRole.LEAD if AssignmentRole.LEAD in (item.role, wanted.get(key)) else item.role
        if wanted == stored:
            return
        with_reports = {r.assignment_id for r in reports}
        for assignment in self.directive.assignments:
            if (assignment.position_id, assignment.org_unit_id) not in wanted and assignment.id in with_reports:
                name = "lead" if assignment.role == AssignmentRole.LEAD.value else "support"
                self.problem(name, f"ถอด {self._name(assignment)} ออกไม่ได้ เพราะมีรายงานผลแล้ว — แก้ไขในหน้าต่างข้อสั่งการ")
        leads = [AssignmentInput(p, u, r) for (p, u), r in wanted.items() if r is AssignmentRole.LEAD]
        self.change.assignments = (
            *leads,
            *(AssignmentInput(p, u, r) for (p, u), r in wanted.items() if r is not AssignmentRole.LEAD),
        )
        self.change.labels.append("ผู้รับผิดชอบ")

    def _name(self, assignment: Assignment) -> str:
        if assignment.position_id is not None:
            post = self.session.get(Position, assignment.position_id)
            return post.short_code or post.title if post else "ตำแหน่งเดิม"
        unit = self.session.get(OrgUnit, assignment.org_unit_id)
        return unit.short_name or unit.name if unit else "หน่วยงานเดิม"

    def _progress(self, reports: list[StoredReport]) -> None:
        report = self.update.progress
        assert report is not None
        result = clean(report.result) or ""
        for stored in reports:
            same_day = not self.update.report_date_given or stored.report_date == report.report_date
            if stored.percent == report.percent and (stored.result or "") == result and same_day:
                return
        self.change.progress = report


def _plain(value: object) -> object:
    return getattr(value, "value", value)


def _day(day: date | None) -> str:
    return medium_date(day, thai_digits=False) if day else "ไม่กำหนด"


def _reason(source: str, row: int) -> str:
    return f"ขยายเวลาตามไฟล์นำเข้า {source} แถว {row}"


def write_updates(session: Session, actor: Actor, changes: list[DirectiveChange]) -> None:
    """Apply checked changes (the caller's transaction), each audited like the editor's save."""
    now = utcnow()
    for change in changes:
        directive = change.directive
        before = snapshot(directive)
        if change.text is not None:
            directive.text = change.text
        if change.assignments is not None:
            directive_rules.sync_assignments(session, directive, change.assignments)
        extension = _extend(session, actor, change, now) if change.new_due is not None else None
        if change.labels:
            audit(session, actor, "update", directive, before)
        if extension is not None:
            audit(session, actor, "create", extension)
        if change.progress is not None:
            session.flush()
            lead = min(directive.assignments, key=lambda a: (a.role != AssignmentRole.LEAD.value, a.id))
            report = ProgressReport(assignment_id=lead.id)
            progress_rules.fill_report(report, replace(change.progress, assignment_id=lead.id))
            add_row(session, actor, report)


def _extend(session: Session, actor: Actor, change: DirectiveChange, now: datetime) -> ExtensionRequest:
    """An approved extension, as extensions.approve_extension leaves it."""
    directive = change.directive
    row = ExtensionRequest(
        directive_id=directive.id,
        requested_by_id=actor.user_id,
        original_due_on=change.old_due,
        requested_due_on=change.new_due,
        reason=change.reason,
        status=RequestStatus.APPROVED.value,
        decided_by_id=actor.user_id,
        decided_at=now,
        decision_note="นำเข้าจากไฟล์ตารางคำนวณ",
    )
    session.add(row)
    if directive.due_on is None:  # a first due date, not an extension of one
        directive.due_on, directive.no_due_reason = change.new_due, None
    else:
        directive.extended_due_on = change.new_due
    return row
