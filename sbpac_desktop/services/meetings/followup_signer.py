"""Who signs the follow-up report (ผู้รายงาน): the secretary post of the meeting's series, or of the
default series (Settings) for a report over a fiscal year or an assignee, and the person holding
that post on the report's date. None when no series names a secretary post: the printed block
then has dotted lines to fill in by hand."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.documents import PersonLine
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.settings import default_series_id
from sbpac_desktop.store.models import Meeting, MeetingSeries, Position

UNNAMED = "." * 38  # the holder's name written in by hand under the signature


def reporter_line(session: Session, meeting_id: int | None, today: date) -> PersonLine | None:
    if meeting_id is not None:
        series_id = session.scalar(select(Meeting.series_id).where(Meeting.id == meeting_id))
    else:
        series_id = default_series_id(session)
    series = session.get(MeetingSeries, series_id) if series_id is not None else None
    if series is None or series.secretary_position_id is None:
        return None
    post = session.get(Position, series.secretary_position_id)
    if post is None:
        return None
    holder = current_holders(session, today, [post.id]).get(post.id)
    return PersonLine(holder or UNNAMED, post.title)
