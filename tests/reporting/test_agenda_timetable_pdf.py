"""The agenda PDF as a timetable: a เวลา column with each item's start and length, and the total."""

from __future__ import annotations

from datetime import date, time

import pdfplumber
import pytest

from sbpac_desktop.reporting import agenda
from sbpac_desktop.reporting.agenda import TEXT_WIDTH, TIME_WIDTH
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.meetings import agenda as agenda_service
from sbpac_desktop.services.meetings import documents, meetings
from sbpac_desktop.services.meetings.agenda import AgendaItemInput
from tests.reporting.conftest import LEFT_EDGE, squeeze, text_lines
from tests.services.helpers import series


@pytest.fixture
def ctx(tmp_path):
    context = open_app(str(tmp_path / "t.db"), create=True)
    yield context
    context.close()


def _meeting(ctx, start: time | None) -> int:
    data = meetings.MeetingInput(series(ctx), "การประชุมผู้บริหาร ศอ.บต.", date(2020, 10, 5), "ห้องประชุม", start)
    meeting_id = meetings.create_meeting(ctx.db, ctx.actor, data).id
    for section, title, minutes in [
        (1, "ประธานแจ้งที่ประชุมทราบ", 15),
        (4, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2564", 90),
        (4, "การเบิกจ่ายงบประมาณ", 30),
        (5, "เรื่องอื่น ๆ", None),
    ]:
        agenda_service.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(section, title, planned_minutes=minutes))
    return meeting_id


def _read(path):
    with pdfplumber.open(path) as pdf:
        pages = [text_lines(page) for page in pdf.pages]
        page = pdf.pages[0]
        time_column = text_lines(page.crop((LEFT_EDGE + TEXT_WIDTH - TIME_WIDTH, 0, page.width, page.height)))
    return squeeze("".join(line for lines in pages for line in lines)), squeeze("".join(time_column))


def test_agenda_pdf_prints_start_times_lengths_and_total(ctx, tmp_path):
    doc = documents.agenda_document(ctx.db, ctx.actor, _meeting(ctx, time(9, 30)))
    text, column = _read(agenda.render(doc, tmp_path / "agenda.pdf"))
    assert "เวลา" in column
    for cell in ("๐๙.๓๐น.(๑๕นาที)", "๐๙.๔๕น.(๙๐นาที)", "๑๑.๑๕น.(๓๐นาที)", "๑๑.๔๕น."):
        assert cell in column, (cell, column)
    assert "รวมเวลาที่วางแผน๒ชั่วโมง๑๕นาที·เลิกประมาณ๑๑.๔๕น.(ยังไม่กำหนดเวลา๑เรื่อง)" in text
    assert "๔.๑แผนปฏิบัติการประจำปีงบประมาณพ.ศ.๒๕๖๔" in text  # the item text keeps its column


def test_arabic_digits_and_no_start_time(ctx, tmp_path):
    doc = documents.agenda_document(ctx.db, ctx.actor, _meeting(ctx, None))
    text, column = _read(agenda.render(doc, tmp_path / "agenda.pdf", thai_digits=False))
    assert "15นาที" in column and "90นาที" in column and "น." not in column
    assert "รวมเวลาที่วางแผน2ชั่วโมง15นาที(ยังไม่กำหนดเวลา1เรื่อง)" in text and "เลิกประมาณ" not in text


def test_an_agenda_without_planned_minutes_prints_as_before(ctx, tmp_path):
    data = meetings.MeetingInput(series(ctx), "การประชุม", date(2020, 10, 5), "ห้องประชุม", time(9, 30))
    meeting_id = meetings.create_meeting(ctx.db, ctx.actor, data).id
    agenda_service.add_item(ctx.db, ctx.actor, meeting_id, AgendaItemInput(4, "แผนงาน"))
    text, _column = _read(agenda.render(documents.agenda_document(ctx.db, ctx.actor, meeting_id), tmp_path / "a.pdf"))
    assert "รวมเวลาที่วางแผน" not in text and "๔.๑แผนงาน" in text
