"""Carry-over into the next meeting of a series (docs/CONVENTIONS.md §3.3, ระเบียบวาระที่ ๒ และ ๓).

`propose_carryover` suggests item 2.1, certifying the previous meeting's minutes
('รับรองรายงานการประชุม ครั้งที่ 10/2562 เมื่อวันที่ 22 ตุลาคม 2562'), and item 3.1,
'ผลการดำเนินการตามข้อสั่งการ', with one line per directive still open (not done or
cancelled) from earlier meetings of the series and its latest progress. "Still open" follows
the closure rule (services.directives.closure): a directive reported 100 % stays on the list until the
issuer's side acknowledges its closure, and its line asks the meeting to do so.
`apply_carryover` writes what the secretary accepted (possibly edited) in one unit of
work: item 2.1, item 3.1 with the lines in its discussion text, and one sub-item
3.1.n per line (title = the line, presenter = the responsible post) so the printed
agenda shows the same lines as the follow-up report. Each sub-item is linked to its
directive (`carryover_line`), so the follow-up report of that meeting prints the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.agenda import CERTIFY_SECTION, FOLLOW_UP_SECTION
from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import meeting_number_text
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.audit_trail import add_row, audit
from sbpac_desktop.services.common import ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveRow, rows_for_ids
from sbpac_desktop.services.meetings.agenda import renumber
from sbpac_desktop.services.meetings.field_proposals import (
    ProposalChoice,
    ProposalLine,
    apply_proposals,
    pending_proposals,
)
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, CarryOverLine, ClosureRequest, Directive, Meeting
from sbpac_desktop.thai import long_date
from sbpac_desktop.thai.normalize import clean, clean_required

FOLLOW_UP_TITLE = "ผลการดำเนินการตามข้อสั่งการ"
CERTIFY_PREFIX = "รับรองรายงานการประชุม"
ASK_TO_CLOSE = "เสนอที่ประชุมรับทราบเพื่อปิดเรื่อง"


@dataclass(frozen=True)
class FollowUpLine:
    directive_id: int
    number: str  # "ขส. 004/2563" (Arabic digits; printing converts)
    text: str
    responsible: str | None
    percent: int | None
    result: str | None
    status_label: str  # derived as of `today`: 'เกินกำหนด (ล่าช้า 46 วัน)'
    status_key: str
    source_meeting: str | None  # "10/2562"
    closure_requested: bool = False  # an assignee asked to close it; the meeting may acknowledge

    @property
    def ready_to_close(self) -> bool:
        return self.closure_requested or self.percent == 100

    def agenda_text(self) -> str:
        """The one line printed under 3.1: number, directive, status and latest progress."""
        parts = [f"{self.number} {self.text}", f"สถานะ: {self.status_label}"]
        if self.percent is not None:
            parts.append(f"ความก้าวหน้าร้อยละ {self.percent}")
        if self.result:
            parts.append(f"ผลล่าสุด: {self.result}")
        if self.ready_to_close:
            parts.append(ASK_TO_CLOSE)
        return " — ".join(parts)


@dataclass(frozen=True)
class CarryOverProposal:
    meeting_id: int
    previous_meeting_id: int | None
    certify_title: str | None  # None when there is no earlier meeting to certify
    follow_up_title: str
    lines: tuple[FollowUpLine, ...]
    has_certify_item: bool  # section 2 already holds items
    has_follow_up_item: bool  # section 3 already holds items
    proposals: tuple[ProposalLine, ...] = ()  # field-visit findings proposed for item 4/5 (field_findings)


@dataclass(frozen=True)
class AcceptedLine:
    directive_id: int
    title: str  # the line as (possibly) edited by the secretary
    presenter: str | None = None


@dataclass(frozen=True)
class CarryOverChoice:
    """What to write; None/empty drops the item."""

    certify_title: str | None
    follow_up_title: str | None
    lines: tuple[AcceptedLine, ...] = ()
    certify_presenter: str | None = None
    follow_up_presenter: str | None = None
    proposals: tuple[ProposalChoice, ...] = ()  # a blank title drops the proposal

    @classmethod
    def accept_all(cls, proposal: CarryOverProposal) -> CarryOverChoice:
        return cls(
            proposal.certify_title,
            proposal.follow_up_title,
            tuple(AcceptedLine(line.directive_id, line.agenda_text(), line.responsible) for line in proposal.lines),
            proposals=tuple(ProposalChoice(p.finding_id, p.title) for p in proposal.proposals),
        )


@dataclass(frozen=True)
class CarryOverResult:
    certify_item_id: int | None
    follow_up_item_id: int | None
    line_item_ids: tuple[int, ...]
    proposal_item_ids: tuple[int, ...] = ()


def certify_title(previous: Meeting) -> str:
    number = meeting_number_text(previous.number, previous.be_year, thai_digits=False)
    when = long_date(previous.meeting_date, weekday=False, thai_digits=False)
    return f"{CERTIFY_PREFIX} ครั้งที่ {number} เมื่อวันที่ {when}"


def open_lines(session: Session, meeting: Meeting, today: date) -> tuple[FollowUpLine, ...]:
    """Directives from earlier meetings of the series that are not yet closed or cancelled."""
    earlier = set(
        session.scalars(
            select(Meeting.id).where(
                Meeting.series_id == meeting.series_id,
                Meeting.id != meeting.id,
                Meeting.meeting_date <= meeting.meeting_date,
            )
        )
    )
    if not earlier:
        return ()
    still_open = (
        select(Directive.id)
        .where(Directive.meeting_id.in_(earlier), Directive.state == DirectiveState.OPEN.value)
        .order_by(Directive.fiscal_year, Directive.seq)
    )
    rows = rows_for_ids(session, list(session.scalars(still_open)), today)
    asking = set(
        session.scalars(select(ClosureRequest.directive_id).where(ClosureRequest.status == RequestStatus.PENDING.value))
    )
    return tuple(_line(r, r.id in asking) for r in rows if r.state is DirectiveState.OPEN)


def _line(row: DirectiveRow, closure_requested: bool = False) -> FollowUpLine:
    return FollowUpLine(
        row.id,
        row.number_text(thai_digits=False),
        row.text,
        row.lead_label,
        row.latest_percent,
        row.latest_result,
        row.status.label,
        row.status.key,
        row.meeting_label,
        closure_requested,
    )


def _section_has_items(session: Session, meeting_id: int, section: int) -> bool:
    query = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.section == section)
    return session.scalar(query.limit(1)) is not None


def _follow_up_title(lines: tuple[FollowUpLine, ...]) -> str:
    sources = {line.source_meeting for line in lines if line.source_meeting}
    if len(sources) == 1:
        return f"{FOLLOW_UP_TITLE} ครั้งที่ {sources.pop()}"
    return FOLLOW_UP_TITLE


def propose_carryover(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> CarryOverProposal:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        previous = session.get(Meeting, meeting.previous_meeting_id) if meeting.previous_meeting_id else None
        lines = open_lines(session, meeting, today or date.today())
        return CarryOverProposal(
            meeting.id,
            previous.id if previous else None,
            certify_title(previous) if previous else None,
            _follow_up_title(lines),
            lines,
            _section_has_items(session, meeting.id, CERTIFY_SECTION),
            _section_has_items(session, meeting.id, FOLLOW_UP_SECTION),
            pending_proposals(session, meeting),
        )


def _add(
    session: Session,
    meeting_id: int,
    section: int,
    title: str,
    *,
    parent_id: int | None = None,
    position: int = 1,
    presenter: str | None = None,
    discussion: str | None = None,
) -> AgendaItem:
    item = AgendaItem(
        meeting_id=meeting_id,
        section=section,
        parent_id=parent_id,
        position=position,
        number="",
        sort_key="",
        title=clean_required(title),
        presenter_text=clean(presenter),
        discussion=clean(discussion),
    )
    session.add(item)
    session.flush()
    return item


def _refuse_if_filled(session: Session, meeting_id: int, section: int) -> None:
    if _section_has_items(session, meeting_id, section):
        raise ValidationError.single(
            f"section{section}",
            f"ระเบียบวาระที่ {section} มีเรื่องอยู่แล้ว — ลบหรือแก้ไขเรื่องเดิมในแท็บระเบียบวาระแทน",
            f"Section {section} already has items",
        )


def apply_carryover(db: Database, actor: Actor, meeting_id: int, accepted: CarryOverChoice) -> CarryOverResult:
    """Write item 2.1, item 3.1 and its sub-items in one unit of work (all or nothing)."""
    require(actor, EDIT_MEETINGS, "เพิ่มเรื่องในระเบียบวาระ")
    certify = (accepted.certify_title or "").strip()
    follow_up = (accepted.follow_up_title or "").strip()
    lines = tuple(line for line in accepted.lines if line.title.strip())
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        ensure_meeting_editable(meeting)
        certify_item = follow_item = None
        line_items: list[AgendaItem] = []
        if certify:
            _refuse_if_filled(session, meeting.id, CERTIFY_SECTION)
            certify_item = _add(session, meeting.id, CERTIFY_SECTION, certify, presenter=accepted.certify_presenter)
        if follow_up:
            _refuse_if_filled(session, meeting.id, FOLLOW_UP_SECTION)
            for line in lines:
                get_or_raise(session, Directive, line.directive_id, "ข้อสั่งการ")
            discussion = "\n".join(f"{n}. {line.title.strip()}" for n, line in enumerate(lines, start=1)) or None
            follow_item = _add(
                session,
                meeting.id,
                FOLLOW_UP_SECTION,
                follow_up,
                presenter=accepted.follow_up_presenter,
                discussion=discussion,
            )
            for position, line in enumerate(lines, start=1):
                line_items.append(
                    _add(
                        session,
                        meeting.id,
                        FOLLOW_UP_SECTION,
                        line.title,
                        parent_id=follow_item.id,
                        position=position,
                        presenter=line.presenter,
                    )
                )
        proposal_items = apply_proposals(session, actor, meeting, accepted.proposals)
        renumber(session, meeting.id)
        for item in (certify_item, follow_item, *line_items):
            if item is not None:
                audit(session, actor, "create", item)
        for item, line in zip(line_items, lines, strict=True):
            link = CarryOverLine(meeting_id=meeting.id, agenda_item_id=item.id, directive_id=line.directive_id)
            add_row(session, actor, link)
        return CarryOverResult(
            certify_item.id if certify_item else None,
            follow_item.id if follow_item else None,
            tuple(item.id for item in line_items),
            tuple(proposal_items),
        )
