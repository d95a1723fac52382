"""The engine's parts without building PDFs: shaping readings, break rules, CMaps, styles."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from sbpac_desktop.reporting.engine import BODY_SIZE, LEADING, ThaiParagraph, register_fonts, styles, text_width
from sbpac_desktop.reporting.engine.breaking import LINE_BREAK, Space, Word, clusters, items_of
from sbpac_desktop.reporting.engine.cmap import to_unicode_cmap
from sbpac_desktop.reporting.engine.fonts import ThaiTTFont
from sbpac_desktop.reporting.engine.shaping import shape
from sbpac_desktop.reporting.engine.text_stream import text_object
from sbpac_desktop.thai import segment

FONTS = ["Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic"]
CONSONANTS = [chr(code) for code in range(0x0E01, 0x0E2F)]
UPPER_OR_LOWER = ["", "\u0e31", "\u0e34", "\u0e35", "\u0e36", "\u0e37", "\u0e38", "\u0e39", "\u0e47"]
TONES = ["", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e4c"]


def _read_back(text: str, font_name: str) -> str:
    """What a PDF reader gets for the shaped text: each code through our ToUnicode map."""
    register_fonts()  # do not depend on test order
    font = pdfmetrics.getFont(font_name)
    return "".join(font.text_for_code(ord(char)) or char for char in shape(text, font_name).text)


def _syllable(consonant: str, vowel: str, tone: str, final: str) -> str:
    if vowel == "\u0e47":
        tone = ""  # mai taikhu takes no tone mark
    if (vowel or tone == "\u0e4c") and final in ("\u0e32", "\u0e33", "ะ"):
        final = ""  # a mark (or the silencing thanthakhat) is never followed by these vowels
    return consonant + vowel + tone + final


def _syllables() -> st.SearchStrategy[str]:
    syllable = st.builds(
        _syllable,
        st.sampled_from(CONSONANTS),
        st.sampled_from(UPPER_OR_LOWER),
        st.sampled_from(TONES),
        st.sampled_from(["", "ย", "น", "ง", "\u0e32", "\u0e33", "ะ"]),
    )
    return st.lists(syllable, min_size=1, max_size=8).map("".join)


def test_register_fonts_is_idempotent():
    register_fonts()
    first = pdfmetrics.getFont("Sarabun")
    register_fonts()
    assert pdfmetrics.getFont("Sarabun") is first
    assert all(isinstance(pdfmetrics.getFont(name), ThaiTTFont) for name in FONTS)


def test_body_size_matches_th_sarabun_new_16_pt():
    assert 10.5 <= BODY_SIZE <= 11
    assert abs(LEADING - BODY_SIZE * 1.3) <= 0.01


def test_named_styles():
    named = styles()
    assert set(named) == {"title", "heading", "body", "body_indent", "small", "cell", "cell_bold"}
    assert named["title"].fontName == named["heading"].fontName == named["cell_bold"].fontName == "Sarabun-Bold"
    assert named["body_indent"].firstLineIndent == pytest.approx(2.5 * 72 / 2.54)
    named["body"].fontSize = 99
    assert styles()["body"].fontSize == BODY_SIZE  # every call gives fresh styles


@pytest.mark.parametrize("font_name", FONTS)
@pytest.mark.parametrize("word", ["ที่ประชุม", "น้ำ", "กำหนด", "ปั้น", "ญี่ปุ่น", "ปฏิบัติ", "ฐู", "ข้อสั่งการ", "office"])
def test_every_glyph_reads_back_as_its_source(font_name, word):
    assert _read_back(word, font_name) == word


@settings(max_examples=300, deadline=None)
@given(text=_syllables(), font_name=st.sampled_from(FONTS))
def test_any_well_formed_syllables_read_back(text, font_name):
    expected = re.sub("([\u0e1b\u0e1d\u0e1f])\u0e33", "\\1\u0e4d\u0e32", text)  # see readings.settle_sara_am
    assert _read_back(text, font_name) == expected


def test_raised_and_shifted_marks_are_outlines_not_text_rises():
    run = shape("สั่ง ปั้น", "Sarabun")
    canvas = Canvas(io.BytesIO())
    assert " Ts" not in text_object(canvas, run.text, run.kerns, "Sarabun", BODY_SIZE, 0, 0)  # no text rise
    assert len(run.overlays) == 2


def test_text_width_is_the_shaped_advance():
    assert text_width("น้ำ", "Sarabun", 10) == pytest.approx(shape("น้ำ", "Sarabun").advance / 100)
    assert text_width("น้ำ", "Sarabun", 10) < pdfmetrics.stringWidth("น้ำ", "Sarabun", 10) + 1e-9


def _words(text: str) -> list[str]:
    return [item.text for item in items_of([(text, "Sarabun")]) if isinstance(item, Word)]


@pytest.mark.parametrize(
    ("text", "kept_together"),
    [
        ("ครั้งที่ 10/2562", "10/2562"),
        ("เวลา 09.30 น.", "09.30"),
        ("เรื่องอื่น ๆ (ถ้ามี)", "อื่น ๆ"),
        ("เว็บไซต์ https://www.sbpac.go.th", "https://www.sbpac.go.th"),
        ("ผู้ช่วยเลขาธิการ ศอ.บต.", "ศอ.บต."),
        ("หน่วยงาน (กปพ.) ดำเนินการ", "(กปพ.)"),
    ],
)
def test_no_break_inside(text, kept_together):
    assert any(kept_together in word for word in _words(text))


def test_thai_words_are_separate_break_units():
    text = "ที่ประชุมรับทราบการดำเนินงาน"
    assert _words(text) == segment(text)
    assert len(segment(text)) >= 3


def test_newlines_become_line_breaks_and_spaces_collapse():
    items = items_of([("ก  ข\nค", "Sarabun")])
    assert [type(item).__name__ if item is not LINE_BREAK else "BREAK" for item in items] == [
        "Word",
        "Space",
        "Word",
        "BREAK",
        "Word",
    ]
    assert next(item for item in items if isinstance(item, Space)).piece.text == " "


def test_runs_keep_their_fonts():
    items = items_of([("มติที่", "Sarabun-Bold"), ("ประชุม เห็นชอบ", "Sarabun")])
    pieces = [(piece.text, piece.font) for item in items if isinstance(item, Word) for piece in item.pieces]
    # "ที่ประชุม" is one word in two fonts: one unbreakable unit with two pieces
    assert pieces == [("มติ", "Sarabun-Bold"), ("ที่", "Sarabun-Bold"), ("ประชุม", "Sarabun"), ("เห็นชอบ", "Sarabun")]
    assert [len(item.pieces) for item in items if isinstance(item, Word)] == [1, 2, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ที่", ["ที่"]),
        ("เก", ["เก"]),
        ("กำ", ["กำ"]),
        ("กา", ["กา"]),
        ("ab1", ["a", "b", "1"]),
        ("ปั้นเกล้า", ["ปั้น"[:3], "น", "เก", "ล้า"]),
    ],
)
def test_clusters_never_split_a_letter_from_its_marks(text, expected):
    assert clusters(text) == expected
    assert "".join(clusters(text)) == text


def test_cmap_writes_utf16_and_short_tables():
    cmap = to_unicode_cmap([0, *range(0xF0000, 0xF00FF)], lambda code: "ที่" if code == 0xF0000 else "\U0001d400")
    assert "<01> <0E170E350E48>" in cmap
    assert "<02> <D835DC00>" in cmap  # outside the BMP: a surrogate pair
    assert all(int(count) <= 100 for count in re.findall(r"(\d+) beginbfchar", cmap))
    assert "<00>" not in cmap.split("endcodespacerange")[1]  # code 0 (.notdef) is not mapped


def test_paragraph_min_width_is_its_widest_word():
    paragraph = ThaiParagraph("ก ผู้ช่วยเลขาธิการ")
    assert paragraph.minWidth() == pytest.approx(text_width("ผู้ช่วยเลขาธิการ", "Sarabun", BODY_SIZE))


def test_paragraph_split_keeps_every_word():
    paragraph = ThaiParagraph(" ".join(["ที่ประชุมรับทราบ"] * 60), styles()["body_indent"])
    _width, height = paragraph.wrap(400, 10_000)
    head, tail = paragraph.split(400, height / 2)
    assert head.wrap(400, 10_000)[1] + tail.wrap(400, 10_000)[1] == pytest.approx(height)
    assert (head.text + tail.text).split() == paragraph.text.split()  # the space at the break is kept
    assert tail.wrap(200, 10_000)[1] > tail.wrap(400, 10_000)[1]  # the rest re-wraps on a narrower page
    assert tail.getSpaceBefore() == 0 and head.getSpaceAfter() == 0


def test_registering_the_fonts_never_searches_for_type1_metrics():
    """getFont on a name it does not know searches the disk for AFM files (0.3-0.6 s): asking
    whether Sarabun is registered yet must not go there. In a fresh process, where it is not."""
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "searched = []\n"
        "original = pdfmetrics.findFontAndRegister\n"
        "pdfmetrics.findFontAndRegister = lambda name: searched.append(name) or original(name)\n"
        "from sbpac_desktop.reporting.engine import ThaiParagraph, register_fonts\n"
        "from sbpac_desktop.reporting.engine.fonts import thai_font\n"
        "register_fonts()\n"
        "thai_font('Sarabun-Bold')\n"
        "ThaiParagraph('ที่ประชุม')\n"
        "print(searched)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
