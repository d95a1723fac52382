"""Typed ORM models of the data model (ARCHITECTURE.md, "Packages"); the field follow-up and the
integrated plan's tables are in models_field and models_plan, imported at the end. Text columns hold
normalized Thai (services normalize first); dates are ISO Gregorian, Buddhist Era only when shown."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    true,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from sbpac_desktop.store.base import Base, Versioned, utcnow

_db = FetchedValue  # a column value the database writes (triggers)
NAME = 300
SHORT = 60


class OrgUnit(Versioned, Base):
    __tablename__ = "org_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(SHORT))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Position(Versioned, Base):
    """A post such as ผู้ช่วยเลขาธิการ ศอ.บต. (slot 3); work is assigned to posts, not people."""

    __tablename__ = "position"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(NAME))
    kind: Mapped[str] = mapped_column(String(30))
    short_code: Mapped[str | None] = mapped_column(String(SHORT), unique=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    org_unit: Mapped[OrgUnit | None] = relationship()
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Versioned, Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str | None] = mapped_column(String(SHORT))
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Incumbency(Versioned, Base):
    """Person holds position from start_on to end_on (open-ended while end_on is NULL)."""

    __tablename__ = "incumbency"
    __table_args__ = (CheckConstraint("end_on IS NULL OR end_on >= start_on", name="dates"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"), index=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    acting: Mapped[bool] = mapped_column(Boolean, default=False)


class MeetingSeries(Versioned, Base):
    __tablename__ = "meeting_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME), unique=True)
    agenda_template: Mapped[str] = mapped_column(String(20))
    short_name: Mapped[str | None] = mapped_column(String(SHORT))
    chair_position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id", ondelete="SET NULL"))
    secretary_position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id", ondelete="SET NULL"))
    default_venue: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class SeriesMember(Versioned, Base):
    """A standing member of a series: a post (whoever holds it on the day) with its default role."""

    __tablename__ = "series_member"
    __table_args__ = (UniqueConstraint("series_id", "position_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"))
    meeting_role: Mapped[str | None] = mapped_column(String(60))  # ประธาน, รองประธาน, กรรมการ, เลขานุการ...
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Meeting(Versioned, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        UniqueConstraint("series_id", "be_year", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        Index("ix_meeting_date", "meeting_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    be_year: Mapped[int] = mapped_column(Integer)  # calendar BE year: numbering restarts every January
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    meeting_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(Text)
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    recorder_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    checker_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    recording_style: Mapped[str] = mapped_column(String(20))
    agenda_template: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(30))
    previous_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    opening_text: Mapped[str | None] = mapped_column(Text)

    series: Mapped[MeetingSeries] = relationship()


class Attendance(Versioned, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    position_text: Mapped[str | None] = mapped_column(Text)  # as printed, e.g. "ผู้ช่วยเลขาธิการ ศอ.บต."
    meeting_role: Mapped[str | None] = mapped_column(String(60))  # ประธาน, เลขานุการ, ...
    absence_reason: Mapped[str | None] = mapped_column(String(200))
    substitute_for_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    substitute_for_text: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AgendaItem(Versioned, Base):
    """Section (ระเบียบวาระที่ 1..6) holds items; items may hold sub-items (๔.๑.๑)."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("section BETWEEN 1 AND 6", name="section_range"),
        Index("ix_agenda_item_meeting_order", "meeting_id", "section", "sort_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    section: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)  # 1-based among siblings
    number: Mapped[str] = mapped_column(String(20))  # "4.1.1", recomputed on every reorder
    sort_key: Mapped[str] = mapped_column(String(40))  # zero-padded path for ordering in SQL
    title: Mapped[str] = mapped_column(Text)
    presenter_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    presenter_text: Mapped[str | None] = mapped_column(Text)
    background: Mapped[str | None] = mapped_column(Text)
    proposal: Mapped[str | None] = mapped_column(Text)
    discussion: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    planned_minutes: Mapped[int | None] = mapped_column(Integer)  # agenda timetable; None = not planned


class SpeakerEntry(Versioned, Base):
    """Verbatim minutes (แบบจดละเอียด): who said what under an agenda item, in order. The speaker is
    a person, a post, both (name and post printed), or a free-text name (a guest, "ที่ประชุม")."""

    __tablename__ = "speaker_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 1-based order under the item
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id", ondelete="SET NULL"))
    speaker_text: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class DevelopmentDimension(Versioned, Base):
    __tablename__ = "development_dimension"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    short_name: Mapped[str | None] = mapped_column(String(SHORT))


class Directive(Versioned, Base):
    __tablename__ = "directive"
    __table_args__ = (
        UniqueConstraint("fiscal_year", "seq"),
        CheckConstraint("due_on IS NULL OR due_on >= issued_on", name="due_after_issue"),
        Index("ix_directive_due", "state", "due_on"),
        # the tracker filters and sorts on these in SQL (store.directive_summary keeps them)
        Index("ix_directive_state_effective_due", "state", "effective_due_on"),
        Index("ix_directive_effective_due", "effective_due_on"),
        Index("ix_directive_latest_percent", "latest_percent"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    issued_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    issued_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    dimension_id: Mapped[int | None] = mapped_column(
        ForeignKey("development_dimension.id", ondelete="RESTRICT"), index=True
    )
    priority: Mapped[str] = mapped_column(String(20))
    report_cycle: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[date | None] = mapped_column(Date)
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20))
    closed_on: Mapped[date | None] = mapped_column(Date)
    remarks: Mapped[str | None] = mapped_column(Text)
    # Summaries of other rows for status in SQL, written by triggers (store.directive_summary): read back
    effective_due_on: Mapped[date | None] = mapped_column(Date, server_default=_db(), server_onupdate=_db())
    latest_percent: Mapped[int | None] = mapped_column(Integer, server_default=_db(), server_onupdate=_db())
    latest_report_on: Mapped[date | None] = mapped_column(Date, server_default=_db(), server_onupdate=_db())
    latest_result: Mapped[str | None] = mapped_column(Text, server_default=_db(), server_onupdate=_db())
    assignee_key: Mapped[str | None] = mapped_column(Text, server_default=_db(), server_onupdate=_db())
    blocked_reason: Mapped[str | None] = mapped_column(Text)  # set while the work is stuck (ติดขัด)
    blocked_on: Mapped[date | None] = mapped_column(Date)
    # "ไม่กำหนด" chosen on purpose: why this directive has no due date (None while a due date is set)
    no_due_reason: Mapped[str | None] = mapped_column(Text)

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="directive", cascade="all, delete-orphan", order_by="Assignment.id"
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy passes the class
        # no INSERT … RETURNING: SQLite returns the row before the AFTER trigger filled the summary
        return {"version_id_col": cls.__table__.c.version, "eager_defaults": False}


class Assignment(Versioned, Base):
    """Directive -> exactly one post or one unit, as lead or supporting."""

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint("(position_id IS NULL) <> (org_unit_id IS NULL)", name="one_assignee"),
        UniqueConstraint("directive_id", "position_id", "org_unit_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"), index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    directive: Mapped[Directive] = relationship(back_populates="assignments")


class ProgressReport(Versioned, Base):
    __tablename__ = "progress_report"
    __table_args__ = (
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
        Index("ix_progress_report_assignment_date", "assignment_id", "report_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    report_date: Mapped[date] = mapped_column(Date)
    period_text: Mapped[str | None] = mapped_column(Text)
    reporter_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    percent: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    suggestions: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)


# One pending request per directive (migration 0005). A `postgresql_where` here makes SQLAlchemy
# import its PostgreSQL dialect and drivers on every SQLite start: add_postgresql_predicates adds it.
PENDING_ONLY = sql_text("status = 'pending'")
PENDING_EXTENSION_INDEX = Index("ux_extension_request_pending", "directive_id", unique=True, sqlite_where=PENDING_ONLY)


def add_postgresql_predicates() -> None:  # when a server database opens, and in alembic's env.py
    PENDING_EXTENSION_INDEX.dialect_kwargs["postgresql_where"] = PENDING_ONLY


class ExtensionRequest(Versioned, Base):
    """An assignee asks for a later due date; it counts only once the issuer's side approves."""

    __tablename__ = "extension_request"
    __table_args__ = (PENDING_EXTENSION_INDEX,)
    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    original_due_on: Mapped[date | None] = mapped_column(Date)  # the effective due date when asked
    requested_due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)


class ClosureRequest(Versioned, Base):
    """Closing a directive: asked by an assignee, acknowledged by the issuer's side or at a meeting."""

    __tablename__ = "closure_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_on: Mapped[date | None] = mapped_column(Date)  # the closing date recorded on the directive
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    decision_note: Mapped[str | None] = mapped_column(Text)


class CarryOverLine(Versioned, Base):
    """Which directive an accepted item-3 line (agenda sub-item 3.1.n) reports on."""

    __tablename__ = "carryover_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)


class Attachment(Base):
    """File content kept inside the database (never a path), so a backup holds everything."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(
            "CAST(agenda_item_id IS NOT NULL AS INTEGER) + CAST(progress_report_id IS NOT NULL AS INTEGER)"
            " + CAST(meeting_id IS NOT NULL AS INTEGER) + CAST(field_visit_id IS NOT NULL AS INTEGER) = 1",
            name="one_owner",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    progress_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("progress_report.id", ondelete="CASCADE"), index=True
    )
    field_visit_id: Mapped[int | None] = mapped_column(ForeignKey("field_visit.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Versioned, Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    is_system: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Append-only: who did what to which record, with values before and after."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Versioned, Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


from sbpac_desktop.store import models_field, models_plan  # noqa: E402, F401
