"""Field-visit findings proposed for a meeting's agenda (services/field/field_findings.py
`propose_finding`), as the carry-over dialog offers them and as it writes the accepted ones:
items of the consideration section (ระเบียบวาระที่ ๔ เรื่องเพื่อพิจารณา, or ๕ in the six-section
template). The meeting's side of a proposal: it writes agenda items, so it belongs with the
agenda and carry-over, while field work only marks a finding as proposed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AgendaTemplate
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.audit_trail import audit, snapshot
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.field_findings import FINDING_TH
from sbpac_desktop.services.meetings.agenda import renumber
from sbpac_desktop.store.models import AgendaItem, Meeting
from sbpac_desktop.store.models_field import FieldVisit, VisitFinding
from sbpac_desktop.thai.normalize import clean_required


@dataclass(frozen=True)
class ProposalLine:
    """A proposed finding as the carry-over dialog offers it."""

    finding_id: int
    title: str
    visit_title: str
    visit_on: date
    section: int  # the consideration section of this meeting's template


def consideration_section(template: str) -> int:
    return 5 if template == AgendaTemplate.WITH_INFORMATION_6.value else 4


def pending_proposals(session: Session, meeting: Meeting) -> tuple[ProposalLine, ...]:
    """Proposals from visits on or before the meeting's day, oldest visit first."""
    query = (
        select(VisitFinding, FieldVisit.title, FieldVisit.visit_on)
        .join(FieldVisit, FieldVisit.id == VisitFinding.visit_id)
        .where(VisitFinding.proposal_state == "proposed", FieldVisit.visit_on <= meeting.meeting_date)
        .order_by(FieldVisit.visit_on, VisitFinding.visit_id, VisitFinding.sort_order, VisitFinding.id)
    )
    section = consideration_section(meeting.agenda_template)
    return tuple(
        ProposalLine(f.id, f.proposal_title or f.text, title, on, section) for f, title, on in session.execute(query)
    )


@dataclass(frozen=True)
class ProposalChoice:
    finding_id: int
    title: str | None  # None or blank: drop it (no longer proposed)


def apply_proposals(session: Session, actor: Actor, meeting: Meeting, choices: tuple[ProposalChoice, ...]) -> list[int]:
    """Inside apply_carryover's unit of work: accepted lines become items of the consideration
    section after what is there; dropped ones leave the queue. Returns the new items' ids."""
    section = consideration_section(meeting.agenda_template)
    top = select(func.count()).where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.section == section, AgendaItem.parent_id.is_(None)
    )
    position = session.scalar(top) or 0
    created: list[tuple[AgendaItem, VisitFinding, dict[str, Any]]] = []
    for choice in choices:
        row = get_or_raise(session, VisitFinding, choice.finding_id, FINDING_TH)
        if row.proposal_state != "proposed":
            raise ValidationError.single(
                "proposal", "ข้อเสนอจากการลงพื้นที่นี้ถูกพิจารณาไปแล้ว", "This proposal was already handled"
            )
        before = snapshot(row)
        title = (choice.title or "").strip()
        if not title:
            row.proposal_state = "dropped"
            audit(session, actor, "update", row, before)
            continue
        position += 1
        item = AgendaItem(
            meeting_id=meeting.id,
            section=section,
            position=position,
            number="",
            sort_key="",
            title=clean_required(title),
            background=f"จากการลงพื้นที่: {row.text}",
        )
        session.add(item)
        session.flush()
        row.proposal_state, row.agenda_item_id = "accepted", item.id
        created.append((item, row, before))
    renumber(session, meeting.id)  # numbers first, so the trail records "4.2" and not a blank
    return _audit_created(session, actor, created)


def _audit_created(
    session: Session, actor: Actor, created: list[tuple[AgendaItem, VisitFinding, dict[str, Any]]]
) -> list[int]:
    for item, row, before in created:
        audit(session, actor, "create", item)
        audit(session, actor, "update", row, before)
    return [item.id for item, _row, _before in created]
