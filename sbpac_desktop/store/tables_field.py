"""Core tables of the field follow-up (issue #15): places, field visits, the civil-society network's reports.

Places come from the `geothai` package (services/places.py), keyed by the official DOPA code
so a later release can add or rename an area without touching the links. Imported by store/tables.py,
so these tables are part of `tables_base.metadata` like every other table; store/models_field.py maps them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sbpac_desktop.store.tables_base import NAME, SHORT, link_table, metadata, versioned

place = Table(
    "place",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(6), nullable=False, unique=True),
    Column("level", String(12), nullable=False),
    Column("name_th", String(200), nullable=False),
    Column("name_en", String(200)),
    Column("parent_id", Integer, ForeignKey("place.id", ondelete="RESTRICT")),
    Column("province_id", Integer, ForeignKey("place.id", ondelete="RESTRICT"), index=True),
    Column("district_id", Integer, ForeignKey("place.id", ondelete="RESTRICT"), index=True),
    Column("active", Boolean, nullable=False, default=True),
    *versioned(),
    CheckConstraint("level IN ('province', 'district', 'subdistrict')", name="level_known"),
    Index("ix_place_parent_name", "parent_id", "name_th"),
)

directive_place = link_table(
    "directive_place", ("directive_id", "directive.id", "CASCADE"), ("place_id", "place.id", "RESTRICT")
)

field_visit = Table(
    "field_visit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("visit_on", Date, nullable=False),
    Column("end_on", Date),
    Column("purpose", Text, nullable=False),
    Column("lead_position_id", Integer, ForeignKey("position.id", ondelete="RESTRICT")),
    Column("status", String(20), nullable=False),
    Column("participants", Text),  # who actually went, as written in the report
    Column("summary", Text),  # overall result of the visit
    Column("issues", Text),  # issues raised by people in the area
    *versioned(),
    CheckConstraint("end_on IS NULL OR end_on >= visit_on", name="dates"),
    CheckConstraint("status IN ('planned', 'done', 'cancelled')", name="status_known"),
    Index("ix_field_visit_visit_on", "visit_on"),
)

field_visit_place = link_table(
    "field_visit_place", ("visit_id", "field_visit.id", "CASCADE"), ("place_id", "place.id", "RESTRICT")
)

field_visit_position = link_table(
    "field_visit_position", ("visit_id", "field_visit.id", "CASCADE"), ("position_id", "position.id", "RESTRICT")
)

field_visit_directive = link_table(
    "field_visit_directive", ("visit_id", "field_visit.id", "CASCADE"), ("directive_id", "directive.id", "CASCADE")
)

visit_finding = Table(
    "visit_finding",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("visit_id", Integer, ForeignKey("field_visit.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sort_order", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("place_id", Integer, ForeignKey("place.id", ondelete="RESTRICT")),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="SET NULL"), index=True),
    Column("progress_report_id", Integer, ForeignKey("progress_report.id", ondelete="SET NULL")),
    Column("proposal_state", String(20)),
    Column("proposal_title", Text),  # the agenda line as proposed
    Column("agenda_item_id", Integer, ForeignKey("agenda_item.id", ondelete="SET NULL")),
    *versioned(),
    CheckConstraint(
        "proposal_state IS NULL OR proposal_state IN ('proposed', 'accepted', 'dropped')", name="proposal_known"
    ),
    Index("ix_visit_finding_proposal_state", "proposal_state"),
)

network_member = Table(
    "network_member",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("full_name", String(NAME), nullable=False),
    Column("organisation", String(NAME)),
    Column("place_id", Integer, ForeignKey("place.id", ondelete="RESTRICT"), index=True),
    Column("phone", String(SHORT)),
    Column("email", String(200)),
    Column("active_from", Date),
    Column("active_to", Date),
    *versioned(),
    CheckConstraint("kind IN ('network', 'volunteer')", name="kind_known"),
    CheckConstraint("active_to IS NULL OR active_from IS NULL OR active_to >= active_from", name="dates"),
    UniqueConstraint("kind", "full_name", "place_id"),
)

external_report = Table(
    "external_report",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("network_member.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("report_on", Date, nullable=False),
    Column("directive_id", Integer, ForeignKey("directive.id", ondelete="CASCADE"), index=True),
    Column("place_id", Integer, ForeignKey("place.id", ondelete="RESTRICT"), index=True),
    Column("rating", String(20), nullable=False),
    Column("text", Text, nullable=False),
    *versioned(),
    CheckConstraint("directive_id IS NOT NULL OR place_id IS NOT NULL", name="has_subject"),
    CheckConstraint("rating IN ('effective', 'partial', 'not_effective')", name="rating_known"),
    Index("ix_external_report_report_on", "report_on"),
)
