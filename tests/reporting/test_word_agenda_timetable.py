"""The Word agenda as a timetable, like its PDF: a เวลา column with each item's start and
length, the planned total under the table; same text in the same order as the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pdfplumber
from docx import Document

from sbpac_desktop.reporting import agenda as agenda_pdf
from sbpac_desktop.reporting.word import agenda
from sbpac_desktop.services.meetings import documents
from tests.reporting.conftest import squeeze, text_lines
from tests.reporting.test_agenda_timetable_pdf import _meeting, ctx  # noqa: F401 - the fixture
from tests.reporting.word_support import blocks, in_order


def test_word_agenda_prints_the_timetable_like_the_pdf(ctx, tmp_path):  # noqa: F811 - the fixture
    doc = documents.agenda_document(ctx.db, ctx.actor, _meeting(ctx, time(9, 30)))
    path = agenda.render(doc, tmp_path / "a.docx", thai_digits=False)
    table = Document(str(path)).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["", "", "เวลา"]
    times = [row.cells[2].text for row in table.rows[1:] if row.cells[2].text]
    assert times == ["09.30 น. (15 นาที)", "09.45 น. (90 นาที)", "11.15 น. (30 นาที)", "11.45 น."]
    paragraphs = [b for b in blocks(path) if isinstance(b, str)]
    assert paragraphs[-1] == agenda_pdf.total_text(doc) and "เลิกประมาณ 11.45 น." in paragraphs[-1]
    pdf = agenda_pdf.render(doc, tmp_path / "a.pdf", thai_digits=False)
    with pdfplumber.open(pdf) as opened:
        pdf_text = squeeze("".join(line for page in opened.pages for line in text_lines(page)))
    assert in_order([squeeze(p) for p in paragraphs if squeeze(p)], pdf_text) == []


def test_word_agenda_without_planned_minutes_has_no_time_column(ctx, tmp_path):  # noqa: F811
    doc = documents.agenda_document(ctx.db, ctx.actor, _meeting(ctx, None))
    unplanned = tuple(
        replace(s, entries=tuple(replace(e, planned_minutes=None, start_time=None) for e in s.entries))
        for s in doc.sections
    )
    doc = replace(doc, sections=unplanned)
    assert not doc.has_timetable
    table = Document(str(agenda.render(doc, tmp_path / "a.docx"))).tables[0]
    assert len(table.columns) == 2
