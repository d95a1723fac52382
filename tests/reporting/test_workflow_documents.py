"""The workflow in print: the next meeting's carry-over lines in the agenda and in the follow-up
report (the same lines), extensions in the follow-up report, and a closure acknowledged at the
meeting in its minutes under the follow-up item."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pdfplumber
import pytest
from reportlab.lib.units import cm

from sbpac_desktop.reporting import agenda, followup, minutes
from sbpac_desktop.reporting.followup import WIDTHS as FOLLOWUP_WIDTHS
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import closure, extensions
from sbpac_desktop.services.directives.directives import DirectiveFilter, list_directives
from sbpac_desktop.services.directives.workflow import get_workflow
from sbpac_desktop.services.meetings import documents, meetings
from sbpac_desktop.services.meetings.carryover import CarryOverChoice, apply_carryover, propose_carryover
from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document
from sbpac_desktop.thai import to_thai_digits
from tests.reporting.conftest import squeeze
from tests.reporting.test_documents import column_text
from tests.services.helpers import meeting as make_meeting

CLOSED_LINE = "ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. ๐๐๓/๒๕๖๓"

# The follow-up table's status column, from the left margin (a little slack on the left).
STATUS_COLUMN = (sum(FOLLOWUP_WIDTHS[:4]) - 0.2 * cm, sum(FOLLOWUP_WIDTHS[:5]) - 0.2 * cm)


@pytest.fixture(scope="module")
def next_meeting(tmp_path_factory):
    ctx = open_app(str(tmp_path_factory.mktemp("wf") / "demo.db"), create=True, upgrade=True)
    demo = load_demo(ctx.db, ctx.actor)
    series_id = meetings.get_meeting(ctx.db, ctx.actor, demo.meeting_id).series_id
    new = make_meeting(ctx, series_id, date(2020, 1, 14))
    proposal = propose_carryover(ctx.db, ctx.actor, new.id, REFERENCE_DATE)
    choice = CarryOverChoice.accept_all(proposal)
    lines = list(choice.lines)
    lines[2] = replace(lines[2], title="ขส. 002/2563 ติดตามการจัดทำแผน — เร่งรัดให้แล้วเสร็จภายในไตรมาสที่ 2")
    apply_carryover(ctx.db, ctx.actor, new.id, replace(choice, lines=tuple(lines)))
    by_number = {r.number_text(False): r for r in list_directives(ctx.db, ctx.actor, DirectiveFilter())}
    d004 = by_number["ขส. 004/2563"]
    extensions.request_extension(ctx.db, ctx.actor, d004.id, date(2020, 3, 31), "รอผลการจัดซื้อ", REFERENCE_DATE)
    pending = get_workflow(ctx.db, ctx.actor, d004.id).pending_extension
    extensions.approve_extension(ctx.db, ctx.actor, pending.id, today=REFERENCE_DATE)
    closure.request_closure(ctx.db, ctx.actor, by_number["ขส. 003/2563"].id, "รายงานผลครบถ้วน", REFERENCE_DATE)
    closure.acknowledge_closure(ctx.db, ctx.actor, by_number["ขส. 003/2563"].id, meeting_id=new.id)
    yield ctx, new.id, tuple(line.title for line in lines), demo.meeting_id
    ctx.close()


def _pages(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_followup_report_prints_the_same_lines_as_the_agenda(next_meeting, tmp_path):
    ctx, meeting_id, titles, _issued_at = next_meeting
    report = followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), REFERENCE_DATE)
    assert [title for _number, title in report.presented] == list(titles)
    assert report.presented[2][0] == "3.1.3" and report.presented[2][1].endswith("ภายในไตรมาสที่ 2")
    agenda_doc = documents.agenda_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    follow = next(s for s in agenda_doc.sections if s.number == 3)
    assert [(e.number, e.title) for e in follow.entries if e.depth == 2] == list(report.presented)
    assert sum(len(g.rows) for g in report.groups) == len(titles)  # the directives followed up
    agenda_text = squeeze("".join(_pages(agenda.render(agenda_doc, tmp_path / "a.pdf"))))
    report_text = squeeze("".join(_pages(followup.render(report, tmp_path / "f.pdf"))))
    for title in titles:
        printed = squeeze(to_thai_digits(title))
        assert printed[:40] in agenda_text and printed[:40] in report_text


def test_followup_report_shows_extension_and_closure_history(next_meeting, tmp_path):
    ctx, _meeting_id, _titles, _issued_at = next_meeting
    report = followup_document(ctx.db, ctx.actor, FollowUpScope(fiscal_year=2563), REFERENCE_DATE)
    rows = {line.number: line for group in report.groups for line in group.rows}
    assert rows["ขส. 004/2563"].history == ("ขยายเวลาจาก 31 ธ.ค. 2562 เป็น 31 มี.ค. 2563",)
    assert rows["ขส. 004/2563"].due_on == date(2020, 3, 31)
    assert rows["ขส. 003/2563"].history == ("ปิดเรื่องเมื่อ 14 ม.ค. 2563 ที่ประชุมครั้งที่ 1/2563",)
    path = followup.render(report, tmp_path / "f.pdf", thai_digits=False)
    assert squeeze("ขยายเวลาจาก 31 ธ.ค. 2562 เป็น 31 มี.ค. 2563") in column_text(path, *STATUS_COLUMN)


def test_minutes_of_the_meeting_record_the_closure_under_the_follow_up_item(next_meeting, tmp_path):
    ctx, meeting_id, _titles, issued_at = next_meeting
    doc = documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    follow = next(s for s in doc.sections if s.number == 3)
    holder = next(e for e in follow.entries if e.closures)
    assert holder.title.startswith("ขส. 003/2563")  # its own carry-over line
    assert holder.closures == ("ที่ประชุมรับทราบผลการดำเนินการและให้ปิดข้อสั่งการ ขส. 003/2563",)
    text = squeeze("".join(_pages(minutes.render(doc, tmp_path / "m.pdf"))))
    assert squeeze(CLOSED_LINE) in text
    # the meeting that issued the directive does not print it
    other = documents.minutes_document(ctx.db, ctx.actor, issued_at, REFERENCE_DATE)
    assert not any(e.closures for s in other.sections for e in s.entries)
