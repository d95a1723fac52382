"""Who signs the follow-up report (ผู้รายงาน): the secretary post of the meeting's series, or of the
default series (Settings) for a report over a fiscal year or an assignee, and the person holding
that post on the report's date. None when no series names a secretary post: the printed block
then has dotted lines to fill in by hand. Read over the Core tables on a Connection or a Session
(store.reader), so the report loads no ORM (issue #16)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from sbpac_desktop.domain.documents import PersonLine
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.setting_values import default_series_id
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import meeting, meeting_series, position

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader

UNNAMED = "." * 38  # the holder's name written in by hand under the signature


def reporter_line(reader: Reader, meeting_id: int | None, today: date) -> PersonLine | None:
    if meeting_id is not None:
        series_id = settled(reader).execute(select(meeting.c.series_id).where(meeting.c.id == meeting_id)).scalar()
    else:
        series_id = default_series_id(reader)
    if series_id is None:
        return None
    query = (
        select(position.c.id, position.c.title)
        .join(meeting_series, meeting_series.c.secretary_position_id == position.c.id)
        .where(meeting_series.c.id == series_id)
    )
    post = settled(reader).execute(query).first()
    if post is None:  # no such series, no secretary post named, or the post is gone
        return None
    holder = current_holders(reader, today, [post.id]).get(post.id)
    return PersonLine(holder or UNNAMED, post.title)
