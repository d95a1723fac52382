"""Builders shared by the spreadsheet tests (no tests here).

`demo_without_directives` gives a database the demo's units, posts, people, dimensions and
meetings but none of its directives: the target of a round trip.
"""

from __future__ import annotations

import csv
from datetime import date, time
from pathlib import Path

from sqlalchemy import func, select

from sbpac_desktop.domain.enums import AgendaTemplate, OrgUnitKind, PositionKind
from sbpac_desktop.services import lookups
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo import demo_data as data
from sbpac_desktop.services.demo.demo_clock import story_clock
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import AuditEntry, Directive, ProgressReport

HEADER = ["เลขที่", "ข้อสั่งการ", "ผู้รับผิดชอบหลัก", "วันที่สั่งการ", "กำหนดแล้วเสร็จ", "ร้อยละ", "ผลการดำเนินการ"]


def demo_without_directives(ctx: AppContext) -> None:
    units: dict[str, int] = {}
    for name, short, kind, parent in data.UNITS:
        units[name] = org.create_org_unit(
            ctx.db, ctx.actor, org.OrgUnitInput(name, OrgUnitKind(kind), short, units.get(parent) if parent else None)
        ).id
    for prefix, first, last, title, kind, code, unit in data.PEOPLE.values():
        post = org.create_position(ctx.db, ctx.actor, org.PositionInput(title, PositionKind(kind), code, units[unit]))
        person = org.create_person(ctx.db, ctx.actor, org.PersonInput(first, last, prefix))
        org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(person.id, post.id, data.POSTS_FROM))
    lookups.ensure_seed_dimensions(ctx.db, ctx.actor)
    series = meetings.create_series(ctx.db, ctx.actor, data.SERIES, AgendaTemplate.STANDARD_5).id
    for spec in (data.PREVIOUS, data.MEETING):
        meetings.create_meeting(
            ctx.db,
            ctx.actor,
            meetings.MeetingInput(
                series_id=series,
                title=story_clock().text(spec["title"]),
                meeting_date=spec["date"],
                venue=data.VENUE,
                start_time=time(9, 30),
                number=spec["number"],
            ),
        )


def counts(ctx: AppContext) -> tuple[int, int, int]:
    """Directives, progress reports and audit entries: proof that nothing was written."""
    with ctx.db.unit_of_work() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) for model in (Directive, ProgressReport, AuditEntry)
        )


def write_csv(
    path: Path, rows: list[list[object]], header: list[str] | None = None, encoding: str = "utf-8-sig"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header or HEADER)
        writer.writerows(rows)
    return path


def good_row(seq: int | str = "", changes: dict[str, object] | None = None) -> list[object]:
    """A valid row under HEADER; `changes` replaces cells by header."""
    row: dict[str, object] = {
        "เลขที่": seq,
        "ข้อสั่งการ": f"ให้ดำเนินการเรื่องทดสอบที่ {seq}",
        "ผู้รับผิดชอบหลัก": "ผช.ลธ.(พณ.)",
        "วันที่สั่งการ": "22/10/2562",
        "กำหนดแล้วเสร็จ": "31 ธ.ค. 2562",
        "ร้อยละ": "",
        "ผลการดำเนินการ": "",
    }
    row.update(changes or {})
    return [row[h] for h in HEADER]


ISSUED = date(2019, 10, 22)
