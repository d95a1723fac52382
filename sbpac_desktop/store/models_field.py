"""Field follow-up models (issue #15): places, field visits, the civil-society network's reports.

Places come from the `geothai` package (services/places.py), keyed by the official DOPA code
so a later release can add or rename an area without touching the links. Everything here is
imported by store/models.py, so it is part of `Base.metadata` like every other table.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sbpac_desktop.store.base import Base, Versioned

NAME = 300
SHORT = 60


class Place(Versioned, Base):
    """A province (2-digit code), district/อำเภอ (4) or subdistrict/ตำบล (6)."""

    __tablename__ = "place"
    __table_args__ = (
        CheckConstraint("level IN ('province', 'district', 'subdistrict')", name="level_known"),
        Index("ix_place_parent_name", "parent_id", "name_th"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    level: Mapped[str] = mapped_column(String(12))
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"))
    province_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DirectivePlace(Base):
    __tablename__ = "directive_place"
    __table_args__ = (UniqueConstraint("directive_id", "place_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)


class FieldVisit(Versioned, Base):
    """การลงพื้นที่: planned (date, places, purpose, posts), then carried out (who went, findings)."""

    __tablename__ = "field_visit"
    __table_args__ = (
        CheckConstraint("end_on IS NULL OR end_on >= visit_on", name="dates"),
        CheckConstraint("status IN ('planned', 'done', 'cancelled')", name="status_known"),
        Index("ix_field_visit_visit_on", "visit_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    visit_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    lead_position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(20))
    participants: Mapped[str | None] = mapped_column(Text)  # who actually went, as written in the report
    summary: Mapped[str | None] = mapped_column(Text)  # overall result of the visit
    issues: Mapped[str | None] = mapped_column(Text)  # issues raised by people in the area


class FieldVisitPlace(Base):
    __tablename__ = "field_visit_place"
    __table_args__ = (UniqueConstraint("visit_id", "place_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("field_visit.id", ondelete="CASCADE"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)


class FieldVisitPosition(Base):
    """A ministry's (or SBPAC's) post joining the visit."""

    __tablename__ = "field_visit_position"
    __table_args__ = (UniqueConstraint("visit_id", "position_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("field_visit.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("position.id", ondelete="RESTRICT"), index=True)


class FieldVisitDirective(Base):
    __tablename__ = "field_visit_directive"
    __table_args__ = (UniqueConstraint("visit_id", "directive_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("field_visit.id", ondelete="CASCADE"), index=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)


class VisitFinding(Versioned, Base):
    """One finding of a visit; it may become a progress report on a directive, or a proposal
    for a later meeting's agenda (item 4/5) that the carry-over dialog accepts or drops."""

    __tablename__ = "visit_finding"
    __table_args__ = (
        CheckConstraint(
            "proposal_state IS NULL OR proposal_state IN ('proposed', 'accepted', 'dropped')", name="proposal_known"
        ),
        Index("ix_visit_finding_proposal_state", "proposal_state"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("field_visit.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"))
    directive_id: Mapped[int | None] = mapped_column(ForeignKey("directive.id", ondelete="SET NULL"), index=True)
    progress_report_id: Mapped[int | None] = mapped_column(ForeignKey("progress_report.id", ondelete="SET NULL"))
    proposal_state: Mapped[str | None] = mapped_column(String(20))
    proposal_title: Mapped[str | None] = mapped_column(Text)  # the agenda line as proposed
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))


class NetworkMember(Versioned, Base):
    """เครือข่ายภาคประชาชน or บัณฑิตอาสาพัฒนามาตุภูมิ who report what they see in their area."""

    __tablename__ = "network_member"
    __table_args__ = (
        CheckConstraint("kind IN ('network', 'volunteer')", name="kind_known"),
        CheckConstraint("active_to IS NULL OR active_from IS NULL OR active_to >= active_from", name="dates"),
        UniqueConstraint("kind", "full_name", "place_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    full_name: Mapped[str] = mapped_column(String(NAME))
    organisation: Mapped[str | None] = mapped_column(String(NAME))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)
    phone: Mapped[str | None] = mapped_column(String(SHORT))
    email: Mapped[str | None] = mapped_column(String(200))
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)


class ExternalReport(Versioned, Base):
    """รายงานจากภาคประชาชน: shown beside officers' progress reports; never changes a directive."""

    __tablename__ = "external_report"
    __table_args__ = (
        CheckConstraint("directive_id IS NOT NULL OR place_id IS NOT NULL", name="has_subject"),
        CheckConstraint("rating IN ('effective', 'partial', 'not_effective')", name="rating_known"),
        Index("ix_external_report_report_on", "report_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("network_member.id", ondelete="RESTRICT"), index=True)
    report_on: Mapped[date] = mapped_column(Date)
    directive_id: Mapped[int | None] = mapped_column(ForeignKey("directive.id", ondelete="CASCADE"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="RESTRICT"), index=True)
    rating: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
