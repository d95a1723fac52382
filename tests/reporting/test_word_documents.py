"""Word (.docx) minutes, agenda and follow-up report from the demo meeting: read back with
python-docx, compared with their PDF twins, and opened in LibreOffice (text and PDF export)."""

from __future__ import annotations

import pdfplumber
import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from sbpac_desktop.reporting import agenda as agenda_pdf
from sbpac_desktop.reporting import followup as followup_pdf
from sbpac_desktop.reporting import minutes as minutes_pdf
from sbpac_desktop.reporting.engine import OutputPathError
from sbpac_desktop.reporting.layout import TEXT_WIDTH
from sbpac_desktop.reporting.word import agenda, followup, minutes
from sbpac_desktop.reporting.word.base import BODY, CELL, FONT, HEADING, TABLE, TITLE, document_digits
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.meetings import documents
from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document
from tests.reporting.conftest import LEFT_EDGE, squeeze, text_lines
from tests.reporting.word_support import blocks, convert, flat_texts, in_order, pdf_flow_text, skeleton

MINUTES_PARTS = ("รายงานการประชุม", "ครั้งที่", "เมื่อวัน", "ณ ", "ผู้มาประชุม", "ผู้ไม่มาประชุม", "เริ่มประชุมเวลา",
                 "ระเบียบวาระที่ 1", "ระเบียบวาระที่ 2", "ระเบียบวาระที่ 3", "ระเบียบวาระที่ 4", "ระเบียบวาระที่ 5",
                 "เลิกประชุมเวลา", "(ลงชื่อ)")  # fmt: skip
WRITERS = {"minutes": (minutes, minutes_pdf), "agenda": (agenda, agenda_pdf), "followup": (followup, followup_pdf)}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    ctx = open_app(str(tmp_path_factory.mktemp("word") / "demo.db"), create=True)
    meeting_id = load_demo(ctx.db, ctx.actor).meeting_id
    trees = {
        "minutes": documents.minutes_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE),
        "agenda": documents.agenda_document(ctx.db, ctx.actor, meeting_id, REFERENCE_DATE),
        "followup": followup_document(ctx.db, ctx.actor, FollowUpScope(meeting_id=meeting_id), REFERENCE_DATE),
    }
    ctx.close()
    return trees


@pytest.fixture(scope="module")
def written(docs, tmp_path_factory):
    """Each document as .docx and .pdf, Arabic digits (so stored text compares as is)."""
    folder = tmp_path_factory.mktemp("out")
    files = {}
    for name, (word, pdf) in WRITERS.items():
        files[name] = (
            word.render(docs[name], folder / f"{name}.docx", thai_digits=False),
            pdf.render(docs[name], folder / f"{name}.pdf", thai_digits=False),
        )
    return files


def stored_minutes_text(doc) -> list[str]:
    """What the database holds for the meeting: item titles, backgrounds, resolutions, directives."""
    texts = [doc.opening_text, doc.header.venue]
    for section in doc.sections:
        for entry in section.entries:
            texts += [entry.title, entry.background or "", entry.resolution or ""]
            texts += [line.text for line in entry.directives]
    return [text for text in texts if text]


def test_minutes_docx_gives_back_stored_thai_in_the_eleven_parts_order(written, docs):
    path = written["minutes"][0]
    text = squeeze("".join(flat_texts(path)))
    for stored in stored_minutes_text(docs["minutes"]):
        assert squeeze(stored) in text, stored
    paragraphs = [b for b in blocks(path) if isinstance(b, str)]
    positions = [next(i for i, p in enumerate(paragraphs) if p.startswith(part)) for part in MINUTES_PARTS]
    assert positions == sorted(positions), positions


def test_attendance_and_followup_rows_stay_tables(written, docs):
    tables = [b for b in blocks(written["minutes"][0]) if isinstance(b, list)]
    present = docs["minutes"].present
    assert [row[1] for row in tables[0]] == [p.name for p in present]  # names, one row each
    assert tables[0][0][0] == "1." and tables[0][0][2] == present[0].position
    follow = [b for b in blocks(written["followup"][0]) if isinstance(b, list)]
    assert follow[0][0] == ["สถานะ", "จำนวน (ข้อ)"] and follow[0][-1][0] == "รวม"
    directive_rows = [row for table in follow[1:] for row in table[1:]]
    numbers = {line.number for group in docs["followup"].groups for line in group.rows}
    assert {row[0] for row in directive_rows} == numbers and len(directive_rows) == len(numbers)
    assert follow[1][0][:2] == ["เลขที่", "ข้อสั่งการ"]
    agenda_rows = next(b for b in blocks(written["agenda"][0]) if isinstance(b, list))
    assert agenda_rows[0][0] == "ระเบียบวาระที่ 1"


def test_named_thai_styles_font_page_and_margins(written):
    document = Document(str(written["minutes"][0]))
    styles = document.styles
    for name in (TITLE, HEADING, BODY, CELL, TABLE):
        style = styles[name]
        assert style.name == name
        fonts = style.element.rPr.rFonts
        for attribute in ("ascii", "hAnsi", "cs"):
            assert fonts.get(f"{{{fonts.nsmap['w']}}}{attribute}") == FONT
        assert style.element.rPr.find(f"{{{fonts.nsmap['w']}}}szCs").get(f"{{{fonts.nsmap['w']}}}val") == "32"
    assert styles[BODY].font.size.pt == 16 and styles[TITLE].font.bold
    used = {p.style.name for p in document.paragraphs}
    assert {TITLE, HEADING, BODY} <= used
    assert {t.style.name for t in document.tables} >= {"ตารางรายชื่อ"}
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    expected = {"left": 3.0, "right": 2.0, "top": 2.5, "bottom": 2.0}
    for side, size in expected.items():
        assert abs(getattr(section, f"{side}_margin") - Cm(size)) < Cm(0.01), side


@pytest.mark.parametrize(("name", "kind"), [("minutes", "รายงานการประชุม"), ("agenda", "ระเบียบวาระการประชุม")])
def test_file_properties_name_the_meeting_and_the_secretariat(written, docs, name, kind):
    header = docs[name].header
    title = f"{kind} ครั้งที่ {header.number}/{header.be_year}"
    word_file, pdf_file = written[name]
    properties = Document(str(word_file)).core_properties
    assert (properties.title, properties.author) == (title, "ฝ่ายเลขานุการ ศอ.บต.")
    with pdfplumber.open(pdf_file) as pdf:
        info = pdf.metadata
    assert (info["Title"], info["Author"], info["Subject"]) == (title, "ฝ่ายเลขานุการ ศอ.บต.", header.body_name)


def test_thai_digits_option(docs, tmp_path):
    thai = "".join(flat_texts(minutes.render(docs["minutes"], tmp_path / "th.docx", thai_digits=True)))
    arabic = "".join(flat_texts(minutes.render(docs["minutes"], tmp_path / "ar.docx", thai_digits=False)))
    assert "ครั้งที่ ๑๐/๒๕๖๒" in thai and "10/2562" not in thai
    assert "ครั้งที่ 10/2562" in arabic and not any("๐" <= c <= "๙" for c in arabic)
    assert document_digits("ข้อ 3 ที่ https://www.sbpac.go.th/2562 ปี 2563", True) == (
        "ข้อ ๓ ที่ https://www.sbpac.go.th/2562 ปี ๒๕๖๓"  # URLs keep their digits, as in the PDF
    )


@pytest.mark.parametrize("name", list(WRITERS))
def test_word_and_pdf_print_the_same_text_in_the_same_order(written, name):
    """The drift guard: every Word paragraph is in the PDF, in order; every table column too."""
    docx_path, pdf_path = written[name]
    with pdfplumber.open(pdf_path) as pdf:
        pdf_text = squeeze("".join(line for page in pdf.pages for line in text_lines(page)))
    paragraphs = [squeeze(b) for b in blocks(docx_path) if isinstance(b, str) and squeeze(b)]
    assert in_order(paragraphs, pdf_text) == []
    for table in Document(str(docx_path)).tables:
        spare = TEXT_WIDTH - sum(column.width.pt for column in table.columns)
        left = LEFT_EDGE - 2 + (spare / 2 if table.alignment == WD_TABLE_ALIGNMENT.CENTER else 0)
        for index, column in enumerate(table.columns):
            right = left + column.width.pt
            cells = [squeeze(row.cells[index].text) for row in table.rows if squeeze(row.cells[index].text)]
            assert in_order(cells, _column_text(pdf_path, left, right + 2)) == [], (name, index)
            left = right


def _column_text(path, left: float, right: float) -> str:
    with pdfplumber.open(path) as pdf:
        return squeeze(
            "".join(line for page in pdf.pages for line in text_lines(page.crop((left, 0, right, page.height))))
        )


def test_libreoffice_reads_the_stored_thai_in_order(written, tmp_path):
    """LibreOffice's own reading of each .docx (its text export): every paragraph and cell, exact."""
    files = [written[name][0] for name in WRITERS]
    for source, text_file in zip(files, convert(files, "txt:Text (encoded):UTF8", tmp_path), strict=True):
        exported = squeeze(text_file.read_text(encoding="utf-8-sig"))
        expected = [squeeze(t) for t in flat_texts(source) if squeeze(t)]
        assert in_order(expected, exported) == [], source.name


def test_libreoffice_pdf_has_the_parts_in_order_on_a4(written, tmp_path):
    files = [written[name][0] for name in WRITERS]
    for source, pdf_path in zip(files, convert(files, "pdf", tmp_path), strict=True):
        pages, text = pdf_flow_text(pdf_path)
        paragraphs = [skeleton(b) for b in blocks(source) if isinstance(b, str) and skeleton(b)]
        assert in_order(paragraphs, skeleton(text)) == [], source.name
        with pdfplumber.open(pdf_path) as pdf:
            assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (595, 842)
        assert pages >= 2
    _pages, minutes_text = pdf_flow_text(tmp_path / "minutes.pdf")
    assert in_order([skeleton(part) for part in MINUTES_PARTS], skeleton(minutes_text)) == []


def test_missing_folder_is_a_thai_error_and_writes_nothing(docs, tmp_path):
    with pytest.raises(OutputPathError, match="ไม่พบโฟลเดอร์"):
        agenda.render(docs["agenda"], tmp_path / "no" / "a.docx")
    assert list(tmp_path.iterdir()) == []


def test_certified_minutes_carry_the_audit_anchor_in_the_footer(docs, tmp_path):
    from dataclasses import replace

    anchored = replace(docs["minutes"], audit_anchor="ตรวจสอบ: 1234 · a1b2c3d4")
    section = Document(str(minutes.render(anchored, tmp_path / "m.docx"))).sections[0]
    assert section.footer.paragraphs[0].text == "ตรวจสอบ: 1234 · a1b2c3d4"
    assert section.first_page_footer.paragraphs[0].text == "ตรวจสอบ: 1234 · a1b2c3d4"
    plain = Document(str(minutes.render(docs["minutes"], tmp_path / "p.docx"))).sections[0]
    assert plain.footer.paragraphs[0].text == ""
