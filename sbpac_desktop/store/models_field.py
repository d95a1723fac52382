"""Field follow-up models (issue #15): places, field visits, the civil-society network's reports.

Places come from the `geothai` package (services/places.py), keyed by the official DOPA code
so a later release can add or rename an area without touching the links. The tables are
declared in store/tables_field.py; imported by store/models.py, so these classes are mapped with every other.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Mapped

from sbpac_desktop.store import tables_field
from sbpac_desktop.store.base import Base, Versioned


class Place(Versioned, Base):
    """A province (2-digit code), district/อำเภอ (4) or subdistrict/ตำบล (6)."""

    __table__ = tables_field.place
    id: Mapped[int]
    code: Mapped[str]
    level: Mapped[str]
    name_th: Mapped[str]
    name_en: Mapped[str | None]
    parent_id: Mapped[int | None]
    province_id: Mapped[int | None]
    district_id: Mapped[int | None]
    active: Mapped[bool]


class DirectivePlace(Base):
    __table__ = tables_field.directive_place
    id: Mapped[int]
    directive_id: Mapped[int]
    place_id: Mapped[int]


class FieldVisit(Versioned, Base):
    """การลงพื้นที่: planned (date, places, purpose, posts), then carried out (who went, findings)."""

    __table__ = tables_field.field_visit
    id: Mapped[int]
    title: Mapped[str]
    visit_on: Mapped[date]
    end_on: Mapped[date | None]
    purpose: Mapped[str]
    lead_position_id: Mapped[int | None]
    status: Mapped[str]
    participants: Mapped[str | None]
    summary: Mapped[str | None]
    issues: Mapped[str | None]


class FieldVisitPlace(Base):
    __table__ = tables_field.field_visit_place
    id: Mapped[int]
    visit_id: Mapped[int]
    place_id: Mapped[int]


class FieldVisitPosition(Base):
    """A ministry's (or SBPAC's) post joining the visit."""

    __table__ = tables_field.field_visit_position
    id: Mapped[int]
    visit_id: Mapped[int]
    position_id: Mapped[int]


class FieldVisitDirective(Base):
    __table__ = tables_field.field_visit_directive
    id: Mapped[int]
    visit_id: Mapped[int]
    directive_id: Mapped[int]


class VisitFinding(Versioned, Base):
    """One finding of a visit; it may become a progress report on a directive, or a proposal
    for a later meeting's agenda (item 4/5) that the carry-over dialog accepts or drops."""

    __table__ = tables_field.visit_finding
    id: Mapped[int]
    visit_id: Mapped[int]
    sort_order: Mapped[int]
    text: Mapped[str]
    place_id: Mapped[int | None]
    directive_id: Mapped[int | None]
    progress_report_id: Mapped[int | None]
    proposal_state: Mapped[str | None]
    proposal_title: Mapped[str | None]
    agenda_item_id: Mapped[int | None]


class NetworkMember(Versioned, Base):
    """เครือข่ายภาคประชาชน or บัณฑิตอาสาพัฒนามาตุภูมิ who report what they see in their area."""

    __table__ = tables_field.network_member
    id: Mapped[int]
    kind: Mapped[str]
    full_name: Mapped[str]
    organisation: Mapped[str | None]
    place_id: Mapped[int | None]
    phone: Mapped[str | None]
    email: Mapped[str | None]
    active_from: Mapped[date | None]
    active_to: Mapped[date | None]


class ExternalReport(Versioned, Base):
    """รายงานจากภาคประชาชน: shown beside officers' progress reports; never changes a directive."""

    __table__ = tables_field.external_report
    id: Mapped[int]
    member_id: Mapped[int]
    report_on: Mapped[date]
    directive_id: Mapped[int | None]
    place_id: Mapped[int | None]
    rating: Mapped[str]
    text: Mapped[str]
