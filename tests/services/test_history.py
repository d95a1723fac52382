"""A record's history from the audit trail: who, when, what, before → after in Thai."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.directives.history import record_history
from sbpac_desktop.services.meetings import agenda, meetings
from tests.services.helpers import meeting, post, series


def test_directive_history_with_assignees_and_progress(ctx):
    lead = post(ctx)
    data = DirectiveInput(
        "ให้จัดทำแผน", date(2019, 10, 22), (AssignmentInput(position_id=lead),), due_on=date(2019, 12, 31)
    )
    created = directives.create_directive(ctx.db, ctx.actor, data)
    directives.update_directive(
        ctx.db, ctx.actor, created.row.id, 1, replace(data, text="ให้จัดทำแผนปฏิบัติการ", due_on=date(2020, 1, 31))
    )
    progress.add_progress(
        ctx.db, ctx.actor, progress.ProgressInput(created.assignments[0].id, date(2019, 11, 5), 40, "ยกร่างแล้ว")
    )
    history = record_history(ctx.db, ctx.actor, "directive", created.row.id)
    kinds = [(h.entity, h.action) for h in history]
    assert kinds[0] == ("progress_report", "create")
    assert kinds[1:] == [("directive", "update"), ("directive", "create")]
    update = next(h for h in history if h.entity == "directive" and h.action == "update")
    changes = {c.field: c for c in update.changes}
    assert set(changes) == {"text", "due_on"}  # housekeeping and derived columns left out
    assert changes["text"].label == "ข้อความ"
    assert (changes["text"].before, changes["text"].after) == ("ให้จัดทำแผน", "ให้จัดทำแผนปฏิบัติการ")
    assert (changes["due_on"].before, changes["due_on"].after) == ("31 ธ.ค. 2562", "31 ม.ค. 2563")
    assert update.user_name == ctx.actor.display_name and update.action_label == "แก้ไข"
    assert update.at.tzinfo is not None
    report = history[0]
    assert {c.label: c.after for c in report.changes}["ร้อยละความก้าวหน้า"] == "40"
    only_own = record_history(ctx.db, ctx.actor, "directive", created.row.id, include_related=False)
    assert {h.entity for h in only_own} == {"directive"}


def test_meeting_history_includes_agenda_items(ctx):
    m = meeting(ctx, series(ctx), date(2019, 10, 22))
    agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "โครงการพัฒนา"))
    data = meetings.MeetingInput(m.series_id, m.title, m.meeting_date, m.venue, m.start_time, m.end_time)
    meetings.update_meeting(ctx.db, ctx.actor, m.id, m.version, replace(data, venue="ห้องประชุมใหม่"))
    history = record_history(ctx.db, ctx.actor, "meeting", m.id)
    assert history[0].entity == "meeting" and history[0].action == "update"
    venue = {c.field: c for c in history[0].changes}["venue"]
    assert (venue.label, venue.before, venue.after) == ("สถานที่", "ห้องประชุมเจริญจิตต์", "ห้องประชุมใหม่")
    item = next(h for h in history if h.entity == "agenda_item")
    assert item.entity_label == "เรื่องในระเบียบวาระ"
    assert {c.label: c.after for c in item.changes}["ชื่อเรื่อง"] == "โครงการพัฒนา"
    created = history[-1]
    assert created.action == "create" and {c.label: c.after for c in created.changes}["วันที่ประชุม"] == "22 ต.ค. 2562"


def test_unknown_record(ctx):
    with pytest.raises(NotFound, match="ไม่พบประวัติของข้อสั่งการ"):
        record_history(ctx.db, ctx.actor, "directive", 999)
