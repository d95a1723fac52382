"""The text layer: what pypdf and pdfplumber read back is the Thai that was stored."""

from __future__ import annotations

import difflib

import pdfplumber
import pypdf
import pytest
from reportlab.platypus import PageBreak

from sbpac_desktop.reporting.engine import ThaiParagraph, styles
from sbpac_desktop.thai import normalize_text
from tests.reporting.conftest import squeeze, text_lines

STORED = [
    "เลขาธิการ ศอ.บต. เป็นประธานในที่ประชุม กล่าวเปิดประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้",
    "ที่ประชุมรับทราบผลการดำเนินงานตามข้อสั่งการของการประชุมครั้งที่แล้ว และมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. "
    "ติดตามเร่งรัดการปฏิบัติงานของหน่วยงานที่เกี่ยวข้องให้แล้วเสร็จภายในไตรมาสที่ 2 ของปีงบประมาณ พ.ศ. 2563",
    "ที่ น้ำ ปั้น ญี่ปุ่น ปฏิบัติ ฐ ฎ ฏ ผู้ช่วยเลขาธิการ ข้อสั่งการ ทั้งนี้ กิ่งก้าน ฝั่งทะเล ฟั่นเฟือน ปู่ย่า กฎุ ฐูป",
    "ประชุม ครั้งที่ 10/2562 at 09.30 น. https://www.sbpac.go.th",
    "ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา 4.1 การขับเคลื่อนแผนงานบูรณาการขับเคลื่อนการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ "
    "มติที่ประชุม เห็นชอบ และมอบหมายให้กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้ (กปพ.) "
    "ประสานกับ กอ.รมน. ภาค 4 สน. เพื่อลงพื้นที่ร่วมกับเครือข่ายภาคประชาสังคม เรื่องอื่น ๆ (ถ้ามี)",
    "ข้อสั่งการ 1) ให้สำนักงานฯ จัดทำรายงานผลการดำเนินงานทุกไตรมาส และนำเสนอต่อที่ประชุมในครั้งต่อไป "
    "ทั้งนี้ ให้ระบุปัญหา/อุปสรรค และข้อเสนอแนะ โดยให้แล้วเสร็จภายในวันที่ 31 มีนาคม 2563 เลิกประชุมเวลา 12.00 น.",
]
# Long enough to be split over three pages: the parts must read back as one text.
LONG = " ".join(STORED[1:3] * 30)
SEARCHED = ["ที่ประชุม", "ผู้ช่วยเลขาธิการ", "น้ำ", "ปฏิบัติ"]


@pytest.fixture(scope="module")
def minutes_pdf(tmp_path_factory):
    from sbpac_desktop.reporting.engine import build_pdf

    style = styles()["body_indent"]
    story = []
    for text in [*STORED, LONG]:
        story += [ThaiParagraph(text, style), PageBreak()]
    path = tmp_path_factory.mktemp("text") / "minutes.pdf"
    return build_pdf(path, story[:-1], title="รายงานการประชุม", author="ฝ่ายเลขานุการ")


def _pypdf_paragraphs(path) -> list[str]:
    """One text per paragraph: each started on a new page; a split paragraph spans several."""
    pages = [page.extract_text() for page in pypdf.PdfReader(path).pages]
    pages = ["\n".join(line for line in text.splitlines() if not line.startswith("- ")) for text in pages]
    return [*pages[: len(STORED)], "".join(pages[len(STORED) :])]


def test_the_stored_text_is_already_normalized():
    assert all(normalize_text(text) == text for text in [*STORED, LONG])


@pytest.mark.parametrize("index", range(len(STORED) + 1))
def test_pypdf_reads_back_each_paragraph(minutes_pdf, index):
    stored = [*STORED, LONG][index]
    extracted = _pypdf_paragraphs(minutes_pdf)[index]
    similarity = difflib.SequenceMatcher(None, squeeze(stored), squeeze(extracted), autojunk=False).ratio()
    assert similarity >= 0.99, (stored, extracted)
    assert squeeze(extracted) == squeeze(stored)  # in fact nothing at all is lost


@pytest.mark.parametrize("index", range(len(STORED)))
def test_pdfplumber_reads_back_each_paragraph(minutes_pdf, index):
    with pdfplumber.open(minutes_pdf) as pdf:
        extracted = "".join(text_lines(pdf.pages[index]))
    similarity = difflib.SequenceMatcher(None, squeeze(STORED[index]), squeeze(extracted), autojunk=False).ratio()
    assert similarity >= 0.99


def test_spaces_inside_a_line_survive(minutes_pdf):
    assert _pypdf_paragraphs(minutes_pdf)[3].strip() == STORED[3]  # one line, mixed Thai/Latin/digits


@pytest.mark.parametrize("word", SEARCHED)
def test_search_finds_stacked_mark_words(minutes_pdf, word):
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(minutes_pdf).pages)
    assert word in text  # lines never break inside these words, so no squeezing is needed
    assert squeeze(text).count(word) >= squeeze(" ".join([*STORED, LONG])).count(word)


def test_inline_bold_runs_read_back_in_order(build):
    runs = [("มติที่ประชุม ", True), ("รับทราบ และมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. ดำเนินการต่อไป", False)]
    path = build([ThaiParagraph(runs, styles()["body"])])
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert squeeze(text) == squeeze("".join(run for run, _bold in runs))
    with pdfplumber.open(path) as pdf:
        fonts = {char["fontname"].split("+")[-1] for char in pdf.pages[0].chars}
    assert fonts == {"Sarabun-Bold", "Sarabun-Regular"}


def test_thai_digits_option_keeps_urls_readable(build):
    paragraph = ThaiParagraph("ครั้งที่ 10/2562 https://www.sbpac.go.th/?p=35043", thai_digits=True)
    text = pypdf.PdfReader(build([paragraph])).pages[0].extract_text()
    assert "ครั้งที่ ๑๐/๒๕๖๒" in text
    assert "?p=35043" in text
