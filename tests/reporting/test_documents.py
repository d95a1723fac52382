"""The official documents built from real data: text layer, order, margins, page numbers."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import cm

from sbpac_desktop.domain.enums import AssignmentRole, AttendanceKind
from sbpac_desktop.reporting import agenda, dossier, followup, minutes
from sbpac_desktop.reporting.followup import WIDTHS as FOLLOWUP_WIDTHS
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_clock import story_clock
from sbpac_desktop.services.demo.demo_data import AGENDA, DIRECTIVES, REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import agenda as agenda_service
from sbpac_desktop.services.meetings import attendance, documents, meetings
from sbpac_desktop.services.meetings.followup import FollowUpScope, GroupBy, followup_document
from sbpac_desktop.services.people import org
from tests.reporting.conftest import LEFT_EDGE, RIGHT_EDGE, squeeze, text_lines

STACKED = "ที่ประชุม น้ำ ปั้น ญี่ปุ่น ฐ ฎ ฏ ปฏิบัติ ผู้ช่วยเลขาธิการ"
UNSPACED = ("การประชุมครั้งนี้ที่ประชุมได้พิจารณาแนวทางการขับเคลื่อนการพัฒนาจังหวัดชายแดนภาคใต้ในทุกมิติ" * 8)[:600]
MIXED = "ประชุม ครั้งที่ 10/2562 at 09.30 น. ร่วมกับ UNDP Thailand ดูรายละเอียดที่ https://www.sbpac.go.th/news/2562/10"

# The follow-up table's status column, from the left margin (a little slack on the left).
STATUS_COLUMN = (sum(FOLLOWUP_WIDTHS[:4]) - 0.2 * cm, sum(FOLLOWUP_WIDTHS[:5]) - 0.2 * cm)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = open_app(str(tmp_path_factory.mktemp("docs") / "demo.db"), create=True)
    result = load_demo(ctx.db, ctx.actor)
    yield ctx, result.meeting_id
    ctx.close()


def pdf_text(path: Path) -> tuple[list[list[str]], str]:
    with pdfplumber.open(path) as pdf:
        pages = [text_lines(page) for page in pdf.pages]
    return pages, squeeze("".join(line for page in pages for line in page))


def column_text(path: Path, left: float, right: float) -> str:
    """Squeezed text of one table column (x measured from the left margin), all pages."""
    lines = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            box = (LEFT_EDGE + left, 0, min(LEFT_EDGE + right, page.width), page.height)
            lines += text_lines(page.crop(box, strict=False))
    return squeeze("".join(lines))


def assert_inside_margins(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for char in page.chars:
                assert char["x0"] >= LEFT_EDGE - 0.5, (number, char["text"], char["x0"])
                assert char["x1"] <= RIGHT_EDGE + 0.5, (number, char["text"], char["x1"])


def test_minutes_text_layer_gives_back_what_was_stored(demo, tmp_path):
    ctx, meeting_id = demo
    doc = documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    path = minutes.render(doc, tmp_path / "m.pdf", thai_digits=False)
    _pages, text = pdf_text(path)
    stored = [title for _k, _s, title, *_ in AGENDA] + [d[4] for d in AGENDA] + [d[5] for d in AGENDA]
    stored += [d[2] for d in DIRECTIVES] + [doc.opening_text, doc.header.venue]
    for paragraph in map(story_clock().text, stored):  # the story's years in the templates
        assert squeeze(paragraph) in text, paragraph
    for phrase in ("ที่ประชุม", "ผู้ช่วยเลขาธิการ", "มติที่ประชุม", "ข้อสั่งการ"):
        assert phrase in text
    assert_inside_margins(path)


def test_minutes_follow_the_eleven_parts_in_order(demo, tmp_path):
    ctx, meeting_id = demo
    path = minutes.render(documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE), tmp_path / "m.pdf")
    pages, text = pdf_text(path)
    parts = [
        "รายงานการประชุมผู้บริหาร",
        "ครั้งที่๑๐/๒๕๖๒",
        "เมื่อวันอังคารที่๒๒ตุลาคม๒๕๖๒",
        "ณห้องประชุมเจริญจิตต์",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา๐๙.๓๐น.",
        "ระเบียบวาระที่๑",
        "ระเบียบวาระที่๕",
        "เลิกประชุมเวลา๑๒.๐๐น.",
        "ผู้จดรายงานการประชุม",
        "(นางสาวจดจำถ้อยคำ)",
    ]
    position = 0
    for part in parts:  # each part after the one before it
        position = text.index(part, position) + len(part)
    assert "ติดราชการ" in text and "บันทึกการประชุม" not in text and "เปิดประชุมเวลา" not in text
    with pdfplumber.open(path) as pdf:
        assert "- ๒ -" in (pdf.pages[1].extract_text() or "")
        assert "- ๑ -" not in (pdf.pages[0].extract_text() or "")
    assert len(pages) >= 2


def test_resolutions_only_style_leaves_out_the_discussion(demo, tmp_path):
    ctx, meeting_id = demo
    doc = documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    from dataclasses import replace

    short = minutes.render(replace(doc, recording_style="resolutions"), tmp_path / "r.pdf", thai_digits=False)
    _pages, text = pdf_text(short)
    assert squeeze(AGENDA[0][4]) not in text and squeeze(AGENDA[0][5]) in text


def test_agenda_lists_sections_items_and_presenters(demo, tmp_path):
    ctx, meeting_id = demo
    path = agenda.render(documents.agenda_document(ctx.db, ctx.actor, meeting_id), tmp_path / "a.pdf")
    _pages, text = pdf_text(path)
    assert text.startswith("ระเบียบวาระการประชุม")
    assert "เรื่องรับรองรายงานการประชุมครั้งที่๙/๒๕๖๒เมื่อวันที่๒๔กันยายน๒๕๖๒" in text
    assert "๔.๒ประเด็นการพัฒนา๖มิติ" in text and "(ผู้นำเสนอ:นางสาวสังคมเกื้อกูล)" in text
    assert "ตั้งแต่เวลา๐๙.๓๐น.เป็นต้นไป" in text
    assert_inside_margins(path)


def test_followup_report_counts_and_groups(demo, tmp_path):
    ctx, _meeting_id = demo
    doc = followup_document(
        ctx.db, ctx.actor, FollowUpScope(fiscal_year=2563, group_by=GroupBy.DIMENSION), REFERENCE_DATE
    )
    path = followup.render(doc, tmp_path / "f.pdf", thai_digits=False)
    _pages, text = pdf_text(path)
    assert "เกินกำหนด2" in text and "ดำเนินการแล้วเสร็จ3" in text and "รวม8" in text
    for name in ("ความมั่นคง", "เศรษฐกิจ", "การเสริมสร้างความเข้าใจ"):
        assert name in text
    assert "เกินกำหนด(ล่าช้า46วัน)" in column_text(path, *STATUS_COLUMN)
    assert_inside_margins(path)


def test_dossier_contents_point_at_the_right_pages(demo, tmp_path):
    ctx, meeting_id = demo
    path = dossier.render(
        documents.dossier_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE), tmp_path / "d.pdf", thai_digits=False
    )
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    contents = pages[0]
    for part in dossier.PARTS:
        line = next(line for line in contents.splitlines() if part in line)
        page_number = int(line.split()[-1])
        assert part in squeeze(pages[page_number - 1]) or squeeze(part) in squeeze(pages[page_number - 1])
        assert f"- {page_number} -" in pages[page_number - 1]
    assert "รายงานการประชุม" in pages[-1] or "ข้อสั่งการ" in pages[-1]


def test_dossier_is_laid_out_once(demo, tmp_path, monkeypatch):
    """The contents' numbers are forms filled in at the end (issue #16): one pass, not a scratch
    PDF first; the numbers read back from the text layer are the parts' pages."""
    ctx, meeting_id = demo
    calls = []
    real = dossier.meeting_pdf

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(dossier, "meeting_pdf", counted)
    doc = documents.dossier_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    path = dossier.render(doc, tmp_path / "d.pdf", thai_digits=True)
    assert calls == [tmp_path / "d.pdf"]
    with pdfplumber.open(path) as pdf:
        contents = pdf.pages[0].extract_text() or ""
    assert [line.split()[-1] for line in contents.splitlines() if line[:2] in {"๑.", "๒.", "๓.", "๔."}] == [
        "๒",
        "๓",
        "๔",
        "๗",
    ]


def _stress_meeting(ctx):
    series = meetings.create_series(ctx.db, ctx.actor, "ชุดทดสอบความทนทาน")
    meeting = meetings.create_meeting(
        ctx.db,
        ctx.actor,
        meetings.MeetingInput(
            series_id=series.id,
            title="การประชุมทดสอบ " + STACKED,
            meeting_date=date(2020, 1, 14),
            venue="ห้องประชุม " + MIXED,
            start_time=time(13, 30),
            end_time=time(16, 0),
        ),
    )
    people = [
        org.create_person(ctx.db, ctx.actor, org.PersonInput(f"ทดสอบ{n}", "ญี่ปุ่นปั้นน้ำ", "นาย")).id for n in range(40)
    ]
    for n, person_id in enumerate(people):
        position = ("ผู้ช่วยเลขาธิการ ศอ.บต. " * 9)[:200] if n == 0 else "ผู้แทนหน่วยงาน"
        attendance.record_attendance(
            ctx.db,
            ctx.actor,
            meeting.id,
            attendance.AttendanceInput(
                person_id, AttendanceKind.PRESENT if n % 7 else AttendanceKind.ABSENT, position, absence_reason="ลาป่วย"
            ),
        )
    for n in range(60):
        discussion = UNSPACED if n == 0 else (MIXED if n == 1 else f"ข้อหารือที่ {n} {STACKED}")
        agenda_service.add_item(
            ctx.db,
            ctx.actor,
            meeting.id,
            agenda_service.AgendaItemInput(
                section=4,
                title=f"เรื่องที่ {n} {STACKED}",
                discussion=discussion,
                resolution="ที่ประชุมรับทราบ\x07 และเห็นชอบ\u0e48",
            ),
        )
    item = agenda_service.list_items(ctx.db, ctx.actor, meeting.id)[0]
    directives.create_directive(
        ctx.db,
        ctx.actor,
        directives.DirectiveInput(
            "ให้ดำเนินการโดยไม่มีผู้รับผิดชอบ",
            date(2020, 1, 14),
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            no_due_reason="ดำเนินการต่อเนื่องตลอดปี",
        ),
    )
    return meeting.id


def test_stress_meeting_renders_inside_the_margins(demo, tmp_path):
    ctx, _ = demo
    meeting_id = _stress_meeting(ctx)
    path = minutes.render(
        documents.minutes_document(ctx.db, ctx.actor, meeting_id), tmp_path / "s.pdf", thai_digits=False
    )
    pages, text = pdf_text(path)
    assert len(pages) >= 5
    assert squeeze(UNSPACED) in text and squeeze(MIXED) in text
    assert "ยังไม่มอบหมายผู้รับผิดชอบ" in text
    assert "\x07" not in text and "ไม่มีเรื่องสืบเนื่อง" in text
    assert squeeze(("ผู้ช่วยเลขาธิการ ศอ.บต. " * 9)[:200]) in column_text(path, 5.8 * cm, 12.8 * cm)
    assert_inside_margins(path)


def test_empty_meeting_renders_every_section_as_none(demo, tmp_path):
    ctx, _ = demo
    series = meetings.create_series(ctx.db, ctx.actor, "ชุดว่าง")
    meeting = meetings.create_meeting(
        ctx.db,
        ctx.actor,
        meetings.MeetingInput(series_id=series.id, title="การประชุมว่าง", meeting_date=date(2020, 2, 1), venue="ห้อง ๑"),
    )
    path = minutes.render(documents.minutes_document(ctx.db, ctx.actor, meeting.id), tmp_path / "e.pdf")
    _pages, text = pdf_text(path)
    assert text.count("ไม่มี") >= 5 and "ระเบียบวาระที่๕" in text


def test_support_assignments_are_printed(demo, tmp_path):
    ctx, meeting_id = demo
    doc = documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE)
    first = doc.sections[0].entries[0].directives[0]
    assert first.supporting and first.responsible
    assert AssignmentRole.SUPPORT.label == "หน่วยงานสนับสนุน"
