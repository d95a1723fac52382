"""Small builders for service tests: a series, a person, a post, a meeting."""

from __future__ import annotations

from datetime import date, time

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org


def series(ctx: AppContext, name: str = "การประชุมผู้บริหาร ศอ.บต.") -> int:
    return meetings.create_series(ctx.db, ctx.actor, name).id


def meeting(ctx: AppContext, series_id: int, on: date, number: int | None = None, title: str = "ประชุมผู้บริหาร"):
    return meetings.create_meeting(
        ctx.db,
        ctx.actor,
        meetings.MeetingInput(
            series_id=series_id,
            title=title,
            meeting_date=on,
            venue="ห้องประชุมเจริญจิตต์",
            start_time=time(9, 30),
            end_time=time(12, 0),
            number=number,
        ),
    )


def post(ctx: AppContext, unit_name: str = "กระทรวงพาณิชย์", code: str = "ผช.(พณ.)") -> int:
    # Unit short codes are unique: take the unit's from the post code, "ผช.(บก.)" -> "บก.".
    unit_code = code[code.find("(") + 1 : code.rfind(")")] if "(" in code else code
    unit = org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput(unit_name, OrgUnitKind.MINISTRY, unit_code))
    return org.create_position(
        ctx.db, ctx.actor, org.PositionInput("ผู้ช่วยเลขาธิการ ศอ.บต.", PositionKind.ASSISTANT, code, unit.id)
    ).id


def person(ctx: AppContext, first: str = "กิตติ", last: str = "พาณิชย์ดี") -> int:
    return org.create_person(ctx.db, ctx.actor, org.PersonInput(first, last, "นาย")).id
