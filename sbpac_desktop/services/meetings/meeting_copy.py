"""คัดลอกการประชุม: a new meeting of the same series made from an earlier one.

What is copied is the plan of the meeting, not its record: the agenda (sections, items and
sub-items with titles, presenters and planned minutes; optionally the background and
proposal texts), the venue, times, chair, recorder and recording style. Never copied: the
discussion and resolution texts, attendance, directives and attachments — they belong to
the meeting that was held. Sections 2 (certifying the previous minutes) and 3 (follow-up of
directives) are not copied either: the carry-over writes them from the previous meeting
(services.meetings.carryover), and it refuses sections that already hold items.

The new meeting gets the next free number of its calendar year, the new date, and the
title with its fiscal year moved to the new date's (domain.meeting_title)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.agenda import CERTIFY_SECTION, FOLLOW_UP_SECTION
from sbpac_desktop.domain.enums import MeetingStatus, RecordingStyle
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.meeting_title import title_for_fiscal_year
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, audit
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings.agenda import renumber

# The numbering, previous-meeting and field rules of a new meeting are the ones create_meeting uses.
from sbpac_desktop.services.meetings.meetings import (
    MeetingInput,
    MeetingView,
    _apply,
    _number_for,
    _previous_meeting,
    _validate,
)
from sbpac_desktop.services.meetings.meetings import _view as meeting_view
from sbpac_desktop.services.permissions import EDIT_MEETINGS, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Meeting, MeetingSeries
from sbpac_desktop.thai import be_year, fiscal_year

LEFT_TO_CARRYOVER = (CERTIFY_SECTION, FOLLOW_UP_SECTION)


@dataclass(frozen=True)
class CopyResult:
    meeting: MeetingView
    items_copied: int
    source_id: int


def copied_title(title: str, source_date: date, new_date: date) -> str:
    """The title the copy gets when the user does not type one (shown in the copy dialog)."""
    return title_for_fiscal_year(title, fiscal_year(source_date), fiscal_year(new_date))


def _check_request(new_date: date | None) -> date:
    check = Checker()
    if new_date is None:
        check.add("meeting_date", "กรุณาระบุวันที่ประชุมครั้งใหม่", "The new meeting's date is required")
    check.raise_if_any()
    assert new_date is not None
    return new_date


def _ensure_series_active(series: MeetingSeries) -> None:
    """The same rule and words as create_meeting: a deactivated series takes no new meeting."""
    if not series.active:
        raise ValidationError.single(
            "series_id",
            f"ชุดการประชุม “{series.name}” ถูกระงับการใช้งานแล้ว จึงคัดลอกการประชุมเข้าชุดนี้ไม่ได้",
            f"The series '{series.name}' is deactivated: no new meeting can be copied into it",
        )


def _input_for(source: Meeting, new_date: date, title: str | None) -> MeetingInput:
    return MeetingInput(
        series_id=source.series_id,
        title=title if title is not None else copied_title(source.title, source.meeting_date, new_date),
        meeting_date=new_date,
        venue=source.venue,
        start_time=source.start_time,
        end_time=source.end_time,
        chair_person_id=source.chair_person_id,
        recorder_person_id=source.recorder_person_id,
        checker_person_id=source.checker_person_id,
        recording_style=RecordingStyle(source.recording_style),
    )


def _copy_items(session: Session, actor: Actor, source: Meeting, target: Meeting, include_texts: bool) -> int:
    """Parents come before their sub-items in sort-key order, so each parent's copy exists first."""
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == source.id, AgendaItem.section.not_in(LEFT_TO_CARRYOVER))
        .order_by(AgendaItem.sort_key)
    )
    copies: dict[int, AgendaItem] = {}
    for item in items:
        parent = copies.get(item.parent_id) if item.parent_id is not None else None
        if item.parent_id is not None and parent is None:
            continue  # its parent was not copied (cannot happen across sections; kept safe)
        copy = AgendaItem(
            meeting_id=target.id,
            section=item.section,
            parent_id=parent.id if parent is not None else None,
            position=item.position,
            number=item.number,
            sort_key=item.sort_key,
            title=item.title,
            presenter_person_id=item.presenter_person_id,
            presenter_text=item.presenter_text,
            background=item.background if include_texts else None,
            proposal=item.proposal if include_texts else None,
            planned_minutes=item.planned_minutes,
        )
        session.add(copy)
        session.flush()
        copies[item.id] = copy
    renumber(session, target.id)
    for copy in copies.values():
        audit(session, actor, "create", copy)
    return len(copies)


def copy_meeting(
    db: Database,
    actor: Actor,
    source_id: int,
    new_date: date | None,
    *,
    title: str | None = None,
    include_texts: bool = False,
) -> CopyResult:
    """One unit of work: the new meeting and its agenda are written together or not at all.

    `title` None: the source's title with its fiscal year moved to the new date's.
    `include_texts`: copy each item's background (ความเป็นมา) and proposal (ข้อเสนอ) too."""
    require(actor, EDIT_MEETINGS, "คัดลอกการประชุม")
    on = _check_request(new_date)
    with db.unit_of_work() as session:
        source = get_or_raise(session, Meeting, source_id, "การประชุมที่จะคัดลอก")
        series = get_or_raise(session, MeetingSeries, source.series_id, "ชุดการประชุม")
        _ensure_series_active(series)
        data = _input_for(source, on, title)
        _validate(data)
        year = be_year(on)
        meeting = Meeting(
            series_id=series.id,
            number=_number_for(session, data, year),
            status=MeetingStatus.DRAFT.value,
            agenda_template=source.agenda_template,
            previous_meeting_id=_previous_meeting(session, series.id, on, None),
        )
        _apply(meeting, data, year)
        add_row(session, actor, meeting)
        copied = _copy_items(session, actor, source, meeting, include_texts)
        return CopyResult(meeting_view(session, meeting), copied, source.id)
