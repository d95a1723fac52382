"""Findings of a field visit, and where they go next.

A finding is one thing seen in the field. It can become
- a progress report on a directive (services/directives/progress.py `insert_progress`, same transaction),
  written with the visit's date and title so the tracker shows where the report came from; or
- a proposal for the agenda of a later meeting: it waits as 'proposed' and appears in that
  meeting's carry-over dialog as a line of the consideration section (ระเบียบวาระที่ ๔
  เรื่องเพื่อพิจารณา, or ๕ in the six-section template), where the secretary accepts it (an agenda
  item is written and linked, services/meetings/field_proposals.py) or drops it. Left alone, it waits for
  the next meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, erase_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.progress import ProgressInput, insert_progress
from sbpac_desktop.services.field.field_visits import EDIT_FIELD_WORK, LABEL_TH, FindingView, finding_views
from sbpac_desktop.services.permissions import require, require_assignee
from sbpac_desktop.services.places import checked_place_ids
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Assignment, Directive
from sbpac_desktop.store.models_field import FieldVisit, VisitFinding
from sbpac_desktop.thai import long_date
from sbpac_desktop.thai.normalize import clean, clean_required

FINDING_TH = "ข้อค้นพบจากการลงพื้นที่"


@dataclass(frozen=True)
class FindingInput:
    text: str
    place_id: int | None = None
    directive_id: int | None = None


def _check(session: Session, data: FindingInput) -> None:
    check = Checker()
    check.required("text", data.text, FINDING_TH, "Finding")
    check.raise_if_any()
    if data.place_id is not None:
        checked_place_ids(session, [data.place_id])
    if data.directive_id is not None:
        get_or_raise(session, Directive, data.directive_id, "ข้อสั่งการ")


def add_finding(db: Database, actor: Actor, visit_id: int, data: FindingInput) -> FindingView:
    require(actor, EDIT_FIELD_WORK, "บันทึกข้อค้นพบจากการลงพื้นที่")
    with db.unit_of_work() as session:
        visit = get_or_raise(session, FieldVisit, visit_id, LABEL_TH)
        if visit.status == "cancelled":
            raise ValidationError.single("status", "การลงพื้นที่นี้ถูกยกเลิกแล้ว", "This visit was cancelled")
        _check(session, data)
        last = session.scalar(select(func.max(VisitFinding.sort_order)).where(VisitFinding.visit_id == visit.id))
        row = VisitFinding(
            visit_id=visit.id,
            sort_order=(last or 0) + 1,
            text=clean_required(data.text),
            place_id=data.place_id,
            directive_id=data.directive_id,
        )
        add_row(session, actor, row)
        return _one(session, row)


def update_finding(
    db: Database, actor: Actor, finding_id: int, expected_version: int, data: FindingInput
) -> FindingView:
    require(actor, EDIT_FIELD_WORK, "แก้ไขข้อค้นพบจากการลงพื้นที่")
    with db.unit_of_work() as session:
        row = get_as_seen(session, VisitFinding, finding_id, expected_version, FINDING_TH)
        _check(session, data)
        before = snapshot(row)
        row.text, row.place_id, row.directive_id = clean_required(data.text), data.place_id, data.directive_id
        audit(session, actor, "update", row, before)
        return _one(session, row)


def remove_finding(db: Database, actor: Actor, finding_id: int) -> None:
    """Only while it went nowhere: a report or an agenda item made from it keeps it."""
    require(actor, EDIT_FIELD_WORK, "ลบข้อค้นพบจากการลงพื้นที่")
    with db.unit_of_work() as session:
        row = get_or_raise(session, VisitFinding, finding_id, FINDING_TH)
        if row.progress_report_id is not None or row.proposal_state == "accepted":
            raise ValidationError.single(
                "finding",
                "ข้อค้นพบนี้ถูกนำไปเป็นรายงานผลหรือเรื่องในระเบียบวาระแล้ว จึงลบไม่ได้",
                "This finding became a progress report or an agenda item",
            )
        erase_row(session, actor, row)


def _one(session: Session, row: VisitFinding) -> FindingView:
    session.flush()
    return next(f for f in finding_views(session, row.visit_id) if f.id == row.id)


# --- a finding becomes a progress report ---------------------------------------------------------------
def finding_to_progress(
    db: Database,
    actor: Actor,
    finding_id: int,
    assignment_id: int,
    percent: int,
    today: date | None = None,
) -> FindingView:
    """A progress report on the assignment, dated the visit's day, its result the finding."""
    require(actor, EDIT_FIELD_WORK, "นำข้อค้นพบไปเป็นรายงานผล")
    with db.unit_of_work() as session:
        row = get_or_raise(session, VisitFinding, finding_id, FINDING_TH)
        if row.progress_report_id is not None:
            raise ValidationError.single(
                "finding", "ข้อค้นพบนี้เป็นรายงานผลแล้ว", "This finding is already a progress report"
            )
        visit = get_or_raise(session, FieldVisit, row.visit_id, LABEL_TH)
        if visit.status != "done":
            raise ValidationError.single(
                "status", "บันทึกผลการลงพื้นที่ก่อน จึงนำข้อค้นพบไปเป็นรายงานผลได้", "Record the visit's outcome first"
            )
        assignment = get_or_raise(session, Assignment, assignment_id, "การมอบหมาย")
        require_assignee(session, actor, [assignment], today or date.today(), "นำข้อค้นพบไปเป็นรายงานผล")
        directive = get_or_raise(session, Directive, assignment.directive_id, "ข้อสั่งการ")
        when = long_date(visit.visit_on, weekday=False, thai_digits=False)
        data = ProgressInput(
            assignment.id, visit.visit_on, percent, row.text, period_text=f"จากการลงพื้นที่ {visit.title} ({when})"
        )
        report = insert_progress(session, actor, directive, assignment, data)
        before = snapshot(row)
        row.progress_report_id, row.directive_id = report.id, directive.id
        audit(session, actor, "update", row, before)
        return _one(session, row)


# --- a finding proposed for a later meeting's agenda ------------------------------------------------
def propose_finding(
    db: Database, actor: Actor, finding_id: int, expected_version: int, title: str | None = None
) -> FindingView:
    """Waits for the next meeting's carry-over dialog; the title is the agenda line (default: the finding)."""
    require(actor, EDIT_FIELD_WORK, "เสนอข้อค้นพบเข้าระเบียบวาระ")
    with db.unit_of_work() as session:
        row = get_as_seen(session, VisitFinding, finding_id, expected_version, FINDING_TH)
        if row.proposal_state == "accepted":
            raise ValidationError.single(
                "finding", "ข้อค้นพบนี้บรรจุในระเบียบวาระแล้ว", "This finding is already on an agenda"
            )
        change_row(session, actor, row, proposal_state="proposed", proposal_title=clean(title) or row.text)
        return _one(session, row)
