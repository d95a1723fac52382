"""Core tables of the data model (ARCHITECTURE.md, "Store"): people and posts, meetings and their
agendas, directives and their follow-up, accounts, the audit trail and settings; the field follow-up's
and the integrated plan's tables are in tables_field and tables_plan, imported at the end, so importing
this module declares the whole schema on `tables_base.metadata`. The ORM classes in store/models*.py
map these tables; a read that needs no entity selects from them directly. Text columns hold normalized
Thai (services normalize first); dates are ISO Gregorian, Buddhist Era only when shown."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    true,
)
from sqlalchemy import text as sql_text

from sbpac_desktop.store.tables_base import NAME, SHORT, db_written, metadata, utcnow, versioned

org_unit = Table(
    "org_unit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME), nullable=False, unique=True),
    Column("short_name", String(SHORT)),
    Column("kind", String(20), nullable=False),
    Column("parent_id", Integer, ForeignKey("org_unit.id", ondelete="RESTRICT")),
    Column("active", Boolean, nullable=False, default=True),
    *versioned(),
)

position = Table(
    "position",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(NAME), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("short_code", String(SHORT), unique=True),
    Column("org_unit_id", Integer, ForeignKey("org_unit.id", ondelete="RESTRICT")),
    Column("active", Boolean, nullable=False, default=True),
    *versioned(),
)

person = Table(
    "person",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prefix", String(SHORT)),
    Column("first_name", String(120), nullable=False),
    Column("last_name", String(120), nullable=False),
    Column("email", String(200)),
    Column("phone", String(60)),
    Column("active", Boolean, nullable=False, default=True),
    *versioned(),
)

incumbency = Table(
    "incumbency",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("position_id", Integer, ForeignKey("position.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("start_on", Date, nullable=False),
    Column("end_on", Date),
    Column("acting", Boolean, nullable=False, default=False),
    *versioned(),
    CheckConstraint("end_on IS NULL OR end_on >= start_on", name="dates"),
)

meeting_series = Table(
    "meeting_series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME), nullable=False, unique=True),
    Column("agenda_template", String(20), nullable=False),
    Column("short_name", String(SHORT)),
    Column("chair_position_id", Integer, ForeignKey("position.id", ondelete="SET NULL")),
    Column("secretary_position_id", Integer, ForeignKey("position.id", ondelete="SET NULL")),
    Column("default_venue", Text),
    Column("active", Boolean, nullable=False, default=True, server_default=true()),
    *versioned(),
)

series_member = Table(
    "series_member",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_id", Integer, ForeignKey("meeting_series.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position_id", Integer, ForeignKey("position.id", ondelete="RESTRICT"), nullable=False),
    Column("meeting_role", String(60)),  # ประธาน, รองประธาน, กรรมการ, เลขานุการ...
    Column("sort_order", Integer, nullable=False, default=0),
    *versioned(),
    UniqueConstraint("series_id", "position_id"),
)

meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_id", Integer, ForeignKey("meeting_series.id", ondelete="RESTRICT"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("be_year", Integer, nullable=False),  # calendar BE year: numbering restarts every January
    Column("fiscal_year", Integer, nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("meeting_date", Date, nullable=False),
    Column("start_time", Time),
    Column("end_time", Time),
    Column("venue", Text, nullable=False),
    Column("chair_person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT")),
    Column("recorder_person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT")),
    Column("checker_person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT")),
    Column("recording_style", String(20), nullable=False),
    Column("agenda_template", String(20), nullable=False),
    Column("status", String(30), nullable=False),
    Column("previous_meeting_id", Integer, ForeignKey("meeting.id", ondelete="SET NULL")),
    Column("opening_text", Text),
    *versioned(),
    UniqueConstraint("series_id", "be_year", "number"),
    CheckConstraint("number >= 1", name="number_positive"),
    Index("ix_meeting_date", "meeting_date"),
)

attendance = Table(
    "attendance",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("position_text", Text),  # as printed, e.g. "ผู้ช่วยเลขาธิการ ศอ.บต."
    Column("meeting_role", String(60)),  # ประธาน, เลขานุการ, ...
    Column("absence_reason", String(200)),
    Column("substitute_for_person_id", Integer, ForeignKey("person.id", ondelete="SET NULL")),
    Column("substitute_for_text", Text),
    Column("sort_order", Integer, nullable=False, default=0),
    *versioned(),
    UniqueConstraint("meeting_id", "person_id"),
)

agenda_item = Table(
    "agenda_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
    Column("parent_id", Integer, ForeignKey("agenda_item.id", ondelete="CASCADE")),
    Column("section", Integer, nullable=False),
    Column("position", Integer, nullable=False),  # 1-based among siblings
    Column("number", String(20), nullable=False),  # "4.1.1", recomputed on every reorder
    Column("sort_key", String(40), nullable=False),  # zero-padded path for ordering in SQL
    Column("title", Text, nullable=False),
    Column("presenter_person_id", Integer, ForeignKey("person.id", ondelete="SET NULL")),
    Column("presenter_text", Text),
    Column("background", Text),
    Column("proposal", Text),
    Column("discussion", Text),
    Column("resolution", Text),
    Column("planned_minutes", Integer),  # agenda timetable; None = not planned
    *versioned(),
    CheckConstraint("section BETWEEN 1 AND 6", name="section_range"),
    Index("ix_agenda_item_meeting_order", "meeting_id", "section", "sort_key"),
)

speaker_entry = Table(
    "speaker_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agenda_item_id", Integer, ForeignKey("agenda_item.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),  # 1-based order under the item
    Column("person_id", Integer, ForeignKey("person.id", ondelete="SET NULL")),
    Column("position_id", Integer, ForeignKey("position.id", ondelete="SET NULL")),
    Column("speaker_text", Text),
    Column("text", Text, nullable=False),
    *versioned(),
)

development_dimension = Table(
    "development_dimension",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("sort_order", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("short_name", String(SHORT)),
    *versioned(),
)

directive = Table(
    "directive",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fiscal_year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="RESTRICT"), index=True),
    Column("agenda_item_id", Integer, ForeignKey("agenda_item.id", ondelete="SET NULL")),
    Column("issued_by_person_id", Integer, ForeignKey("person.id", ondelete="RESTRICT")),
    Column("issued_on", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("dimension_id", Integer, ForeignKey("development_dimension.id", ondelete="RESTRICT"), index=True),
    Column("priority", String(20), nullable=False),
    Column("report_cycle", String(20), nullable=False),
    Column("due_on", Date),
    Column("extended_due_on", Date),
    Column("state", String(20), nullable=False),
    Column("closed_on", Date),
    Column("remarks", Text),
    # Summaries of other rows for status in SQL, written by triggers (store.directive_summary): read back
    Column("effective_due_on", Date, server_default=db_written(), server_onupdate=db_written()),
    Column("latest_percent", Integer, server_default=db_written(), server_onupdate=db_written()),
    Column("latest_report_on", Date, server_default=db_written(), server_onupdate=db_written()),
    Column("latest_result", Text, server_default=db_written(), server_onupdate=db_written()),
    Column("assignee_key", Text, server_default=db_written(), server_onupdate=db_written()),
    Column("blocked_reason", Text),  # set while the work is stuck (ติดขัด)
    Column("blocked_on", Date),
    # "ไม่กำหนด" chosen on purpose: why this directive has no due date (None while a due date is set)
    Column("no_due_reason", Text),
    *versioned(),
    UniqueConstraint("fiscal_year", "seq"),
    CheckConstraint("due_on IS NULL OR due_on >= issued_on", name="due_after_issue"),
    Index("ix_directive_due", "state", "due_on"),
    Index("ix_directive_state_effective_due", "state", "effective_due_on"),
    Index("ix_directive_effective_due", "effective_due_on"),
    Index("ix_directive_latest_percent", "latest_percent"),
    # the tracker filters and sorts on these in SQL (store.directive_summary keeps them)
)

assignment = Table(
    "assignment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position_id", Integer, ForeignKey("position.id", ondelete="RESTRICT"), index=True),
    Column("org_unit_id", Integer, ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True),
    Column("role", String(20), nullable=False),
    *versioned(),
    CheckConstraint("(position_id IS NULL) <> (org_unit_id IS NULL)", name="one_assignee"),
    UniqueConstraint("directive_id", "position_id", "org_unit_id"),
)

progress_report = Table(
    "progress_report",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("assignment_id", Integer, ForeignKey("assignment.id", ondelete="CASCADE"), nullable=False),
    Column("report_date", Date, nullable=False),
    Column("period_text", Text),
    Column("reporter_person_id", Integer, ForeignKey("person.id", ondelete="SET NULL")),
    Column("percent", Integer, nullable=False),
    Column("result", Text, nullable=False),
    Column("problems", Text),
    Column("suggestions", Text),
    Column("next_step", Text),
    *versioned(),
    CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
    Index("ix_progress_report_assignment_date", "assignment_id", "report_date"),
)

# One pending request per directive (migration 0005). A `postgresql_where` here makes SQLAlchemy
# import its PostgreSQL dialect and drivers on every SQLite start: add_postgresql_predicates adds it.
PENDING_ONLY = sql_text("status = 'pending'")
PENDING_EXTENSION_INDEX = Index("ux_extension_request_pending", "directive_id", unique=True, sqlite_where=PENDING_ONLY)


def add_postgresql_predicates() -> None:  # when a server database opens, and in alembic's env.py
    PENDING_EXTENSION_INDEX.dialect_kwargs["postgresql_where"] = PENDING_ONLY


extension_request = Table(
    "extension_request",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("requested_by_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    Column("requested_at", DateTime(timezone=True), nullable=False, default=utcnow),
    Column("original_due_on", Date),  # the effective due date when asked
    Column("requested_due_on", Date, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("decided_by_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    Column("decided_at", DateTime(timezone=True)),
    Column("decision_note", Text),
    *versioned(),
    PENDING_EXTENSION_INDEX,
)

closure_request = Table(
    "closure_request",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("requested_by_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    Column("requested_at", DateTime(timezone=True), nullable=False, default=utcnow),
    Column("note", Text),
    Column("status", String(20), nullable=False),
    Column("decided_by_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    Column("decided_at", DateTime(timezone=True)),
    Column("decided_on", Date),  # the closing date recorded on the directive
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="SET NULL"), index=True),
    Column("decision_note", Text),
    *versioned(),
)

carryover_line = Table(
    "carryover_line",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("agenda_item_id", Integer, ForeignKey("agenda_item.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="CASCADE"), nullable=False, index=True),
    *versioned(),
)

attachment = Table(
    "attachment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), index=True),
    Column("agenda_item_id", Integer, ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True),
    Column("progress_report_id", Integer, ForeignKey("progress_report.id", ondelete="CASCADE"), index=True),
    Column("field_visit_id", Integer, ForeignKey("field_visit.id", ondelete="CASCADE"), index=True),
    Column("original_name", String(255), nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, default=utcnow),
    CheckConstraint(
        "CAST(agenda_item_id IS NOT NULL AS INTEGER) + CAST(progress_report_id IS NOT NULL AS INTEGER)"
        " + CAST(meeting_id IS NOT NULL AS INTEGER) + CAST(field_visit_id IS NOT NULL AS INTEGER) = 1",
        name="one_owner",
    ),
)

app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(80), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("person_id", Integer, ForeignKey("person.id", ondelete="SET NULL")),
    Column("password_hash", String(255)),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked", Boolean, nullable=False, default=False),
    Column("is_system", Boolean, nullable=False, default=False),
    *versioned(),
)

audit_entry = Table(
    "audit_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, default=utcnow),
    Column("user_id", Integer, ForeignKey("app_user.id", ondelete="SET NULL")),
    Column("action", String(20), nullable=False),
    Column("entity", String(60), nullable=False),
    Column("entity_id", Integer),
    Column("before_json", Text),
    Column("after_json", Text),
    Column("prev_hash", String(64)),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_entry_entity", "entity", "entity_id"),
)

setting = Table(
    "setting",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value_json", Text, nullable=False),
    *versioned(),
)

from sbpac_desktop.store import tables_field, tables_plan  # noqa: E402, F401
