"""Typed ORM models of the data model (ARCHITECTURE.md, "Packages"), mapped onto the Core tables of
store/tables.py ("declarative with imperative table": the columns, constraints and indexes are declared
there once; the annotations here are for typing). The field follow-up's and the integrated plan's
models are in models_field and models_plan, imported at the end. Text columns hold
normalized Thai (services normalize first); dates are ISO Gregorian, Buddhist Era only when shown."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Mapped, declared_attr, relationship

from sbpac_desktop.store import tables
from sbpac_desktop.store.base import Base, Versioned


class OrgUnit(Versioned, Base):
    __table__ = tables.org_unit
    id: Mapped[int]
    name: Mapped[str]
    short_name: Mapped[str | None]
    kind: Mapped[str]
    parent_id: Mapped[int | None]
    active: Mapped[bool]


class Position(Versioned, Base):
    """A post such as ผู้ช่วยเลขาธิการ ศอ.บต. (slot 3); work is assigned to posts, not people."""

    __table__ = tables.position
    id: Mapped[int]
    title: Mapped[str]
    kind: Mapped[str]
    short_code: Mapped[str | None]
    org_unit_id: Mapped[int | None]
    org_unit: Mapped[OrgUnit | None] = relationship()
    active: Mapped[bool]


class Person(Versioned, Base):
    __table__ = tables.person
    id: Mapped[int]
    prefix: Mapped[str | None]
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    active: Mapped[bool]


class Incumbency(Versioned, Base):
    """Person holds position from start_on to end_on (open-ended while end_on is NULL)."""

    __table__ = tables.incumbency
    id: Mapped[int]
    person_id: Mapped[int]
    position_id: Mapped[int]
    start_on: Mapped[date]
    end_on: Mapped[date | None]
    acting: Mapped[bool]


class MeetingSeries(Versioned, Base):
    __table__ = tables.meeting_series
    id: Mapped[int]
    name: Mapped[str]
    agenda_template: Mapped[str]
    short_name: Mapped[str | None]
    chair_position_id: Mapped[int | None]
    secretary_position_id: Mapped[int | None]
    default_venue: Mapped[str | None]
    active: Mapped[bool]


class SeriesMember(Versioned, Base):
    """A standing member of a series: a post (whoever holds it on the day) with its default role."""

    __table__ = tables.series_member
    id: Mapped[int]
    series_id: Mapped[int]
    position_id: Mapped[int]
    meeting_role: Mapped[str | None]
    sort_order: Mapped[int]


class Meeting(Versioned, Base):
    __table__ = tables.meeting
    id: Mapped[int]
    series_id: Mapped[int]
    number: Mapped[int]
    be_year: Mapped[int]
    fiscal_year: Mapped[int]
    title: Mapped[str]
    meeting_date: Mapped[date]
    start_time: Mapped[time | None]
    end_time: Mapped[time | None]
    venue: Mapped[str]
    chair_person_id: Mapped[int | None]
    recorder_person_id: Mapped[int | None]
    checker_person_id: Mapped[int | None]
    recording_style: Mapped[str]
    agenda_template: Mapped[str]
    status: Mapped[str]
    previous_meeting_id: Mapped[int | None]
    opening_text: Mapped[str | None]

    series: Mapped[MeetingSeries] = relationship()


class Attendance(Versioned, Base):
    __table__ = tables.attendance
    id: Mapped[int]
    meeting_id: Mapped[int]
    person_id: Mapped[int]
    kind: Mapped[str]
    position_text: Mapped[str | None]
    meeting_role: Mapped[str | None]
    absence_reason: Mapped[str | None]
    substitute_for_person_id: Mapped[int | None]
    substitute_for_text: Mapped[str | None]
    sort_order: Mapped[int]


class AgendaItem(Versioned, Base):
    """Section (ระเบียบวาระที่ 1..6) holds items; items may hold sub-items (๔.๑.๑)."""

    __table__ = tables.agenda_item
    id: Mapped[int]
    meeting_id: Mapped[int]
    parent_id: Mapped[int | None]
    section: Mapped[int]
    position: Mapped[int]
    number: Mapped[str]
    sort_key: Mapped[str]
    title: Mapped[str]
    presenter_person_id: Mapped[int | None]
    presenter_text: Mapped[str | None]
    background: Mapped[str | None]
    proposal: Mapped[str | None]
    discussion: Mapped[str | None]
    resolution: Mapped[str | None]
    planned_minutes: Mapped[int | None]


class SpeakerEntry(Versioned, Base):
    """Verbatim minutes (แบบจดละเอียด): who said what under an agenda item, in order. The speaker is
    a person, a post, both (name and post printed), or a free-text name (a guest, "ที่ประชุม")."""

    __table__ = tables.speaker_entry
    id: Mapped[int]
    agenda_item_id: Mapped[int]
    seq: Mapped[int]
    person_id: Mapped[int | None]
    position_id: Mapped[int | None]
    speaker_text: Mapped[str | None]
    text: Mapped[str]


class DevelopmentDimension(Versioned, Base):
    __table__ = tables.development_dimension
    id: Mapped[int]
    name: Mapped[str]
    sort_order: Mapped[int]
    active: Mapped[bool]
    short_name: Mapped[str | None]


class Directive(Versioned, Base):
    __table__ = tables.directive
    id: Mapped[int]
    fiscal_year: Mapped[int]
    seq: Mapped[int]
    meeting_id: Mapped[int | None]
    agenda_item_id: Mapped[int | None]
    issued_by_person_id: Mapped[int | None]
    issued_on: Mapped[date]
    text: Mapped[str]
    dimension_id: Mapped[int | None]
    priority: Mapped[str]
    report_cycle: Mapped[str]
    due_on: Mapped[date | None]
    extended_due_on: Mapped[date | None]
    state: Mapped[str]
    closed_on: Mapped[date | None]
    remarks: Mapped[str | None]
    effective_due_on: Mapped[date | None]
    latest_percent: Mapped[int | None]
    latest_report_on: Mapped[date | None]
    latest_result: Mapped[str | None]
    assignee_key: Mapped[str | None]
    blocked_reason: Mapped[str | None]
    blocked_on: Mapped[date | None]
    no_due_reason: Mapped[str | None]

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="directive", cascade="all, delete-orphan", order_by="Assignment.id"
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy passes the class
        # no INSERT … RETURNING: SQLite returns the row before the AFTER trigger filled the summary
        return {"version_id_col": cls.__table__.c.version, "eager_defaults": False}


class Assignment(Versioned, Base):
    """Directive -> exactly one post or one unit, as lead or supporting."""

    __table__ = tables.assignment
    id: Mapped[int]
    directive_id: Mapped[int]
    position_id: Mapped[int | None]
    org_unit_id: Mapped[int | None]
    role: Mapped[str]

    directive: Mapped[Directive] = relationship(back_populates="assignments")


class ProgressReport(Versioned, Base):
    __table__ = tables.progress_report
    id: Mapped[int]
    assignment_id: Mapped[int]
    report_date: Mapped[date]
    period_text: Mapped[str | None]
    reporter_person_id: Mapped[int | None]
    percent: Mapped[int]
    result: Mapped[str]
    problems: Mapped[str | None]
    suggestions: Mapped[str | None]
    next_step: Mapped[str | None]


class ExtensionRequest(Versioned, Base):
    """An assignee asks for a later due date; it counts only once the issuer's side approves."""

    __table__ = tables.extension_request
    id: Mapped[int]
    directive_id: Mapped[int]
    requested_by_id: Mapped[int | None]
    requested_at: Mapped[datetime]
    original_due_on: Mapped[date | None]
    requested_due_on: Mapped[date]
    reason: Mapped[str]
    status: Mapped[str]
    decided_by_id: Mapped[int | None]
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str | None]


class ClosureRequest(Versioned, Base):
    """Closing a directive: asked by an assignee, acknowledged by the issuer's side or at a meeting."""

    __table__ = tables.closure_request
    id: Mapped[int]
    directive_id: Mapped[int]
    requested_by_id: Mapped[int | None]
    requested_at: Mapped[datetime]
    note: Mapped[str | None]
    status: Mapped[str]
    decided_by_id: Mapped[int | None]
    decided_at: Mapped[datetime | None]
    decided_on: Mapped[date | None]
    meeting_id: Mapped[int | None]
    decision_note: Mapped[str | None]


class CarryOverLine(Versioned, Base):
    """Which directive an accepted item-3 line (agenda sub-item 3.1.n) reports on."""

    __table__ = tables.carryover_line
    id: Mapped[int]
    meeting_id: Mapped[int]
    agenda_item_id: Mapped[int]
    directive_id: Mapped[int]


class Attachment(Base):
    """File content kept inside the database (never a path), so a backup holds everything."""

    __table__ = tables.attachment
    id: Mapped[int]
    meeting_id: Mapped[int | None]
    agenda_item_id: Mapped[int | None]
    progress_report_id: Mapped[int | None]
    field_visit_id: Mapped[int | None]
    original_name: Mapped[str]
    media_type: Mapped[str]
    size: Mapped[int]
    sha256: Mapped[str]
    content: Mapped[bytes]
    created_at: Mapped[datetime]


class User(Versioned, Base):
    __table__ = tables.app_user
    id: Mapped[int]
    login: Mapped[str]
    display_name: Mapped[str]
    role: Mapped[str]
    person_id: Mapped[int | None]
    password_hash: Mapped[str | None]
    failed_logins: Mapped[int]
    locked: Mapped[bool]
    is_system: Mapped[bool]


class AuditEntry(Base):
    """Append-only: who did what to which record, with values before and after."""

    __table__ = tables.audit_entry
    id: Mapped[int]
    at: Mapped[datetime]
    user_id: Mapped[int | None]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[int | None]
    before_json: Mapped[str | None]
    after_json: Mapped[str | None]
    prev_hash: Mapped[str | None]
    hash: Mapped[str]


class Setting(Versioned, Base):
    __table__ = tables.setting
    key: Mapped[str]
    value_json: Mapped[str]


from sbpac_desktop.store import models_field, models_plan  # noqa: E402, F401
