"""Progress reports on an assignment (percent, result, problems, suggestions, next step)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, audit, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveDetail, build_detail
from sbpac_desktop.services.permissions import REPORT_PROGRESS, require, require_assignee
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Assignment, Directive, Person, ProgressReport
from sbpac_desktop.thai.normalize import clean, clean_required


@dataclass(frozen=True)
class ProgressInput:
    assignment_id: int
    report_date: date
    percent: int
    result: str
    problems: str | None = None
    suggestions: str | None = None
    next_step: str | None = None
    period_text: str | None = None
    reporter_person_id: int | None = None


def validate_report(data: ProgressInput, issued_on: date) -> None:
    check = Checker()
    check.required("result", data.result, "ผลการดำเนินการ", "Result")
    check.percent("percent", data.percent)
    check.not_before(
        "report_date",
        data.report_date,
        issued_on,
        "วันที่รายงานต้องไม่ก่อนวันที่สั่งการ",
        "The report date is before the directive was issued",
    )
    check.raise_if_any()


def add_progress(db: Database, actor: Actor, data: ProgressInput, today: date | None = None) -> DirectiveDetail:
    require(actor, REPORT_PROGRESS, "รายงานผลการดำเนินการ")
    with db.unit_of_work() as session:
        assignment = get_or_raise(session, Assignment, data.assignment_id, "การมอบหมาย")
        require_assignee(session, actor, [assignment], today or date.today(), "รายงานผลการดำเนินการ")
        directive = get_or_raise(session, Directive, assignment.directive_id, "ข้อสั่งการ")
        insert_progress(session, actor, directive, assignment, data)
        return build_detail(session, directive, today or date.today())


def insert_progress(
    session: Session, actor: Actor, directive: Directive, assignment: Assignment, data: ProgressInput
) -> ProgressReport:
    """Validate, write and audit one report inside the caller's unit of work (the caller checked
    who may report): a field-visit finding becomes a report in the same transaction as its link."""
    validate_report(data, directive.issued_on)
    if data.reporter_person_id is not None:
        get_or_raise(session, Person, data.reporter_person_id, "ผู้รายงาน")
    report = ProgressReport(assignment_id=assignment.id)
    fill_report(report, data)
    add_row(session, actor, report)
    return report


def update_progress(
    db: Database,
    actor: Actor,
    report_id: int,
    expected_version: int,
    data: ProgressInput,
    today: date | None = None,
) -> DirectiveDetail:
    require(actor, REPORT_PROGRESS, "แก้ไขรายงานผลการดำเนินการ")
    with db.unit_of_work() as session:
        report = get_as_seen(session, ProgressReport, report_id, expected_version, "รายงานผลการดำเนินการ")
        assignment = get_or_raise(session, Assignment, data.assignment_id, "การมอบหมาย")
        previous = get_or_raise(session, Assignment, report.assignment_id, "การมอบหมาย")
        require_assignee(session, actor, [assignment], today or date.today(), "แก้ไขรายงานผลการดำเนินการ")
        require_assignee(session, actor, [previous], today or date.today(), "แก้ไขรายงานผลการดำเนินการ")
        directive = get_or_raise(session, Directive, assignment.directive_id, "ข้อสั่งการ")
        validate_report(data, directive.issued_on)
        before = snapshot(report)
        fill_report(report, data)
        audit(session, actor, "update", report, before)
        return build_detail(session, directive, today or date.today())


def fill_report(report: ProgressReport, data: ProgressInput) -> None:
    report.assignment_id = data.assignment_id
    report.report_date = data.report_date
    report.percent = data.percent
    report.result = clean_required(data.result)
    report.problems = clean(data.problems)
    report.suggestions = clean(data.suggestions)
    report.next_step = clean(data.next_step)
    report.period_text = clean(data.period_text)
    report.reporter_person_id = data.reporter_person_id
