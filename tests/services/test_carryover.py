"""Carry-over into meeting 1/2563 of the demo series (docs/CONVENTIONS.md §7 'Next meeting')."""

from dataclasses import replace
from datetime import date

import pypdf
import pytest

from sbpac_desktop.domain.enums import MeetingStatus, UserRole
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.reporting import agenda as agenda_pdf
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.meetings import agenda, documents, meetings
from sbpac_desktop.services.meetings.carryover import (
    AcceptedLine,
    CarryOverChoice,
    apply_carryover,
    propose_carryover,
)
from tests.services.helpers import meeting as make_meeting

CERTIFY = "รับรองรายงานการประชุม ครั้งที่ 10/2562 เมื่อวันที่ 22 ตุลาคม 2562"
# Still open = not closed or cancelled: the ones reported 100 % wait for the meeting to acknowledge closure.
OPEN = [
    "ขส. 001/2562", "ขส. 001/2563", "ขส. 002/2563", "ขส. 003/2563", "ขส. 004/2563",
    "ขส. 005/2563", "ขส. 006/2563", "ขส. 007/2563", "ขส. 008/2563",
]  # fmt: skip
READY = {"ขส. 001/2562", "ขส. 001/2563", "ขส. 003/2563", "ขส. 006/2563"}


@pytest.fixture
def next_meeting(ctx):
    demo = load_demo(ctx.db, ctx.actor)
    series_id = meetings.get_meeting(ctx.db, ctx.actor, demo.meeting_id).series_id
    new = make_meeting(ctx, series_id, date(2020, 1, 14))
    assert new.number_text(False) == "1/2563" and new.previous_meeting_id == demo.meeting_id
    return new


def test_proposal_names_previous_minutes_and_open_directives(ctx, next_meeting):
    proposal = propose_carryover(ctx.db, ctx.actor, next_meeting.id, REFERENCE_DATE)
    assert proposal.certify_title == CERTIFY
    assert proposal.follow_up_title == "ผลการดำเนินการตามข้อสั่งการ"  # lines from meetings 9 and 10/2562
    assert [line.number for line in proposal.lines] == OPEN
    assert {line.number for line in proposal.lines if line.ready_to_close} == READY
    assert proposal.lines[3].agenda_text().endswith("เสนอที่ประชุมรับทราบเพื่อปิดเรื่อง")
    d004 = proposal.lines[4]
    assert d004.percent == 60 and d004.status_key == "overdue"
    assert d004.status_label == "เกินกำหนด (ล่าช้า 46 วัน)"
    assert d004.responsible and "กระทรวงการพัฒนาสังคม" in d004.responsible
    assert "ขส. 004/2563" in d004.agenda_text() and "ร้อยละ 60" in d004.agenda_text()
    assert not proposal.has_certify_item and not proposal.has_follow_up_item


def test_apply_writes_items_2_1_and_3_1_and_the_agenda_shows_them(ctx, next_meeting, tmp_path):
    proposal = propose_carryover(ctx.db, ctx.actor, next_meeting.id, REFERENCE_DATE)
    choice = CarryOverChoice.accept_all(proposal)
    # The secretary drops 008 and rewords 005.
    edited = [line for line in choice.lines if not line.title.startswith("ขส. 008")]
    edited[5] = replace(edited[5], title="ขส. 005/2563 เครือข่ายภาคประชาสังคม — ยังไม่มีรายงาน")
    result = apply_carryover(ctx.db, ctx.actor, next_meeting.id, replace(choice, lines=tuple(edited)))
    assert result.certify_item_id and result.follow_up_item_id and len(result.line_item_ids) == 8
    items = agenda.list_items(ctx.db, ctx.actor, next_meeting.id)
    by_number = {i.number: i for i in items}
    assert by_number["2.1"].title == CERTIFY
    assert by_number["3.1"].title.startswith("ผลการดำเนินการตามข้อสั่งการ")
    assert [by_number[f"3.1.{n}"].title[:12] for n in range(1, 9)] == OPEN[:8]
    assert by_number["3.1.6"].title.endswith("ยังไม่มีรายงาน")
    assert "กรมประชาสัมพันธ์" in (by_number["3.1.6"].presenter_name or "")
    assert "1. ขส. 001/2562" in (by_number["3.1"].discussion or "")
    doc = documents.agenda_document(ctx.db, ctx.actor, next_meeting.id, REFERENCE_DATE)
    follow = next(s for s in doc.sections if s.number == 3)
    assert [e.number for e in follow.entries] == ["3.1", *(f"3.1.{n}" for n in range(1, 9))]
    path = agenda_pdf.render(doc, tmp_path / "agenda.pdf", thai_digits=False)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages).replace("\n", "")
    assert "ขส. 004/2563" in text and "ครั้งที่ 10/2562" in text
    again = propose_carryover(ctx.db, ctx.actor, next_meeting.id, REFERENCE_DATE)
    assert again.has_certify_item and again.has_follow_up_item


def test_apply_is_one_unit_of_work(ctx, next_meeting):
    bad = CarryOverChoice(CERTIFY, "ผลการดำเนินการตามข้อสั่งการ", (AcceptedLine(999_999, "ไม่มีจริง"),))
    with pytest.raises(Exception):  # noqa: B017 - NotFound; nothing may be left behind
        apply_carryover(ctx.db, ctx.actor, next_meeting.id, bad)
    assert agenda.list_items(ctx.db, ctx.actor, next_meeting.id) == []


def test_drop_everything_and_refuse_twice(ctx, next_meeting):
    empty = apply_carryover(ctx.db, ctx.actor, next_meeting.id, CarryOverChoice(None, None))
    assert empty.certify_item_id is None and agenda.list_items(ctx.db, ctx.actor, next_meeting.id) == []
    only_certify = CarryOverChoice(CERTIFY, None)
    apply_carryover(ctx.db, ctx.actor, next_meeting.id, only_certify)
    with pytest.raises(ValidationError):
        apply_carryover(ctx.db, ctx.actor, next_meeting.id, only_certify)


def test_refused_on_certified_meeting_and_for_viewers(ctx, next_meeting):
    choice = CarryOverChoice(CERTIFY, None)
    viewer = replace(ctx.actor, role=UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        apply_carryover(ctx.db, viewer, next_meeting.id, choice)
    meetings.set_status(ctx.db, ctx.actor, next_meeting.id, MeetingStatus.MINUTES_CERTIFIED)
    with pytest.raises(ConflictError):
        apply_carryover(ctx.db, ctx.actor, next_meeting.id, choice)


def test_first_meeting_of_a_series_has_nothing_to_carry(ctx):
    from tests.services.helpers import series

    first = make_meeting(ctx, series(ctx), date(2020, 1, 14))
    proposal = propose_carryover(ctx.db, ctx.actor, first.id, REFERENCE_DATE)
    assert proposal.certify_title is None and proposal.lines == ()
