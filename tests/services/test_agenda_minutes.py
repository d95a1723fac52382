"""Planned minutes per agenda item (the agenda timetable): stored, listed, validated in Thai."""

from datetime import date

import pytest

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.meetings import agenda, documents
from sbpac_desktop.services.meetings.agenda import AgendaItemInput
from tests.services.helpers import meeting, series


@pytest.fixture
def meeting_id(ctx):
    return meeting(ctx, series(ctx), date(2019, 10, 22)).id  # starts 09.30


def test_minutes_are_stored_edited_and_cleared(ctx, meeting_id):
    item = agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน", planned_minutes=45))
    assert item.planned_minutes == 45
    zero = AgendaItemInput(4, "แผนงาน", planned_minutes=0)
    edited = agenda.update_item(ctx.db, ctx.actor, item.id, item.version, zero)
    assert edited.planned_minutes == 0
    cleared = agenda.update_item(ctx.db, ctx.actor, item.id, edited.version, AgendaItemInput(4, "แผนงาน"))
    assert agenda.list_items(ctx.db, ctx.actor, meeting_id)[0].planned_minutes is None is cleared.planned_minutes


@pytest.mark.parametrize(
    ("minutes", "message"), [(-1, "ต้องไม่ติดลบ"), (1441, "ต้องไม่เกิน 1440 นาที"), (10**9, "ต้องไม่เกิน 1440 นาที")]
)
def test_wrong_minutes_are_refused_and_nothing_is_written(ctx, meeting_id, minutes, message):
    with pytest.raises(ValidationError, match=message) as info:
        agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน", planned_minutes=minutes))
    assert [p.field for p in info.value.problems] == ["planned_minutes"]
    assert agenda.list_items(ctx.db, ctx.actor, meeting_id) == []
    ok = agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน", planned_minutes=1440))
    with pytest.raises(ValidationError, match=message):
        agenda.update_item(ctx.db, ctx.actor, ok.id, ok.version, AgendaItemInput(4, "แผนงาน", planned_minutes=minutes))
    assert agenda.list_items(ctx.db, ctx.actor, meeting_id)[0].planned_minutes == 1440


def test_agenda_document_carries_the_timetable(ctx, meeting_id):
    top = agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(1, "ประธานแจ้ง", planned_minutes=15))
    agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน", planned_minutes=90))
    agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "ตัวชี้วัด"))
    agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(1, "ย่อย", parent_id=top.id, planned_minutes=30))
    doc = documents.agenda_document(ctx.db, ctx.actor, meeting_id)
    entries = [e for s in doc.sections for e in s.entries]
    assert [(e.number, e.planned_minutes, e.start_time and e.start_time.strftime("%H:%M")) for e in entries] == [
        ("1.1", 15, "09:30"),
        ("1.1.1", 30, "09:45"),
        ("4.1", 90, "10:15"),
        ("4.2", None, "11:45"),
    ]
    assert (doc.planned_minutes, doc.planned_end.strftime("%H:%M"), doc.unplanned_count) == (135, "11:45", 1)


def test_history_names_the_planned_minutes_in_thai(ctx, meeting_id):
    from sbpac_desktop.services.directives.history import record_history

    item = agenda.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน", planned_minutes=45))
    agenda.update_item(ctx.db, ctx.actor, item.id, item.version, agenda.input_of(item, planned_minutes=60))
    latest = record_history(ctx.db, ctx.actor, "agenda_item", item.id)[0]
    assert [(c.label, c.before, c.after) for c in latest.changes] == [("เวลาที่วางแผน (นาที)", "45", "60")]
