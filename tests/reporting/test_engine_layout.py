"""Line breaking and geometry, checked on the built PDF with pdfplumber."""

from __future__ import annotations

import itertools
import unicodedata

import pdfplumber
import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Spacer

from sbpac_desktop.reporting.engine import LEADING, ThaiParagraph, styles, thai_table
from sbpac_desktop.thai import segment
from tests.reporting.conftest import LEFT_EDGE, PAGE_HEIGHT, RIGHT_EDGE, squeeze, text_lines
from tests.reporting.test_engine_text_layer import STORED

TOLERANCE = 0.5  # points
# 600 characters of Thai letters and marks that form no dictionary word: newmm
# returns it as a single token, so only the over-long-word fallback can break it.
UNSPACED = ("ฃฅฆฌฎฑฒฬฮฏฐฆ็ฌึ๋ฎุ่" * 40)[:600]
NAME_200 = ("นางสาวกาญจนาภรณ์ ศรีสุวรรณวิจิตรพงศ์ ผู้อำนวยการกองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษ" * 3)[:200]
LONG_URL = "https://www.sbpac.go.th/index.php/" + "very-long-path/" * 12 + "?q=" + "1234567890" * 8
PARAGRAPHS = [*STORED, " ".join(STORED), LONG_URL]


def _segment_boundaries(text: str) -> set[int]:
    """Offsets in the squeezed text where segment() puts a word boundary (spaces included)."""
    lengths = [len(squeeze(token)) for token in segment(text)]
    return set(itertools.accumulate(lengths))


def _line_boundaries(lines: list[str]) -> list[int]:
    return list(itertools.accumulate(len(squeeze(line)) for line in lines))[:-1]


@pytest.fixture(scope="module")
def paragraphs_pdf(tmp_path_factory):
    from sbpac_desktop.reporting.engine import build_pdf

    story = []
    for text in PARAGRAPHS:
        story += [ThaiParagraph(text, styles()["body_indent"]), PageBreak()]
    story.append(ThaiParagraph(UNSPACED, styles()["body"]))
    path = tmp_path_factory.mktemp("layout") / "paragraphs.pdf"
    return build_pdf(path, story, title="ตัดบรรทัด", author="ทดสอบ")


@pytest.mark.parametrize("index", range(len(PARAGRAPHS)))
def test_lines_end_only_at_word_boundaries(paragraphs_pdf, index):
    text = PARAGRAPHS[index]
    with pdfplumber.open(paragraphs_pdf) as pdf:
        lines = text_lines(pdf.pages[index])
    assert squeeze("".join(lines)) == squeeze(text)
    if index < len(PARAGRAPHS) - 1:  # the URL alone is wider than a line and must be cut
        assert len(lines) >= 1
        assert set(_line_boundaries(lines)) <= _segment_boundaries(text)


def test_long_paragraphs_really_wrap(paragraphs_pdf):
    with pdfplumber.open(paragraphs_pdf) as pdf:
        assert len(text_lines(pdf.pages[len(STORED)])) >= 6


def test_every_character_stays_inside_the_margins(paragraphs_pdf):
    with pdfplumber.open(paragraphs_pdf) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= LEFT_EDGE - TOLERANCE, char
                assert char["x1"] <= RIGHT_EDGE + TOLERANCE, char


def test_unspaced_run_is_cut_between_clusters_only(paragraphs_pdf):
    assert len(segment(UNSPACED)) == 1
    with pdfplumber.open(paragraphs_pdf) as pdf:
        lines = text_lines(pdf.pages[-1])
    assert len(lines) >= 4
    assert squeeze("".join(lines)) == UNSPACED
    for line in lines[1:]:
        assert unicodedata.category(line[0]) != "Mn", line  # no mark torn from its letter
    for line in lines[:-1]:
        assert line[-1] not in "เแโใไ", line


def test_a_200_character_name_wraps_inside_a_narrow_cell(build):
    widths = [1.5 * cm, 3 * cm, 6.5 * cm, 5 * cm]  # 16 cm: the full text width
    rows = [["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หมายเหตุ"], ["1", NAME_200, "ผู้ช่วยเลขาธิการ ศอ.บต.", "มาประชุมแทน"]]
    path = build([thai_table(rows, widths)])
    edges = list(itertools.accumulate([LEFT_EDGE, *widths]))
    columns = list(itertools.pairwise(edges))
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
        name_chars = [c for c in chars if columns[1][0] <= c["x0"] < columns[1][1]]
        name_text = "".join(c["text"] for c in name_chars if c["top"] > chars[0]["top"] + LEADING)
    assert squeeze(name_text) == squeeze(NAME_200)
    for char in chars:
        assert any(left - TOLERANCE <= char["x0"] and char["x1"] <= right + TOLERANCE for left, right in columns), char


def test_table_header_repeats_on_every_page(build):
    rows = [["ลำดับ", "ชื่อ-สกุล"]] + [[str(n), f"ผู้ช่วยเลขาธิการ ศอ.บต. คนที่ {n}"] for n in range(1, 80)]
    path = build([thai_table(rows, [2 * cm, 14 * cm])])
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert text_lines(page)[0].replace(" ", "") == "ลำดับชื่อ-สกุล"


def test_a_cell_taller_than_a_page_is_split_between_lines(build):
    rows = [["หัวข้อ"], [" ".join([STORED[1]] * 40)]]
    path = build([thai_table(rows, [8 * cm])])
    with pdfplumber.open(path) as pdf:
        pages = [text_lines(page) for page in pdf.pages]
    assert len(pages) >= 2
    assert all(lines[0] == "หัวข้อ" for lines in pages)  # the header row repeats
    assert squeeze("".join(line for lines in pages for line in lines[1:])) == squeeze(" ".join([STORED[1]] * 40))


def test_justified_lines_reach_the_right_margin(build):
    style = ParagraphStyle("justified", parent=styles()["body"], alignment=TA_JUSTIFY)
    text = " ".join(["ที่ประชุมรับทราบ และมอบหมาย ให้ดำเนินการ"] * 12)
    with pdfplumber.open(build([ThaiParagraph(text, style)])) as pdf:
        chars = pdf.pages[0].chars
    rows: dict[float, float] = {}
    for char in chars:
        rows[round(char["top"], 1)] = max(rows.get(round(char["top"], 1), 0.0), char["x1"])
    line_ends = [end for _top, end in sorted(rows.items())]
    assert len(line_ends) >= 3
    assert all(abs(end - RIGHT_EDGE) <= 1.0 for end in line_ends[:-1])
    assert line_ends[-1] < RIGHT_EDGE - 5  # the last line is not stretched


@pytest.mark.parametrize(("alignment", "expected"), [("title", "centre"), ("body", "left")])
def test_alignment(build, alignment, expected):
    with pdfplumber.open(build([ThaiParagraph("รายงานการประชุม", styles()[alignment])])) as pdf:
        chars = pdf.pages[0].chars
    left, right = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
    if expected == "centre":
        assert abs((left + right) / 2 - (LEFT_EDGE + RIGHT_EDGE) / 2) <= TOLERANCE
    else:
        assert abs(left - LEFT_EDGE) <= TOLERANCE


def test_heading_is_kept_with_the_next_paragraph(build):
    story = [Spacer(1, PAGE_HEIGHT - 2.5 * cm - 2 * cm - 1.5 * LEADING)]
    story += [ThaiParagraph("ระเบียบวาระที่ 2", styles()["heading"]), ThaiParagraph("ที่ประชุมรับทราบ")]
    with pdfplumber.open(build(story)) as pdf:
        assert len(pdf.pages) == 2
        assert "".join(text_lines(pdf.pages[0])) == ""
        assert squeeze("".join(text_lines(pdf.pages[1]))) == "ระเบียบวาระที่2ที่ประชุมรับทราบ"


def test_first_line_indent_is_2_5_cm(build):
    with pdfplumber.open(build([ThaiParagraph(STORED[1], styles()["body_indent"])])) as pdf:
        chars = pdf.pages[0].chars
    first_top = chars[0]["top"]
    first_x = min(c["x0"] for c in chars if c["top"] == first_top)
    other_x = min(c["x0"] for c in chars if c["top"] != first_top)
    assert abs(first_x - (LEFT_EDGE + 2.5 * cm)) <= TOLERANCE
    assert abs(other_x - LEFT_EDGE) <= TOLERANCE
