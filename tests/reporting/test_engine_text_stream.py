"""The text objects text_stream writes are the ones ReportLab's own text object writes for the
same shaped glyphs (ShapedStr through PDFTextObject.textOut), byte for byte."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas

from sbpac_desktop.reporting.engine import register_fonts, shaping
from sbpac_desktop.reporting.engine.fonts import thai_font
from sbpac_desktop.reporting.engine.shaping import Shaped, join, shape
from sbpac_desktop.reporting.engine.text_stream import text_object

FONTS = ["Sarabun", "Sarabun-Bold", "Sarabun-Italic"]
WORDS = ["ที่ประชุม", "น้ำ", "กำหนด", "ปั้น", "ญี่ปุ่น", "ปฏิบัติ", "ฐู", "สั่ง", "office", "ศอ.บต.", "๒๕๖๓", " ", "(ก)"]


def _shaped_str(texts: list[str], font_name: str) -> ShapedStr:
    """The run as the engine drew it before text_stream: a ShapedStr with one ShapeData per glyph."""
    font = thai_font(font_name)
    result = ShapedStr("", [])
    for text in texts:
        codes = shape(text, font_name).text
        data = [
            ShapeData(glyph.cluster, glyph.advance, 0, glyph.x_offset, 0, font.face.charWidths[ord(code)])
            for glyph, code in zip(shaping._glyph_plan(font_name, text), codes, strict=True)
        ]
        result = result + ShapedStr(codes, data)
    return result


def _reportlab_code(canvas: Canvas, texts: list[str], font_name: str, size: float, x: float, y: float) -> str:
    text = canvas.beginText(x, y)
    text.setFont(font_name, size)
    text.textOut(_shaped_str(texts, font_name))
    return text.getCode()


def _ours(canvas: Canvas, run: Shaped, font_name: str, size: float, x: float, y: float) -> str:
    return text_object(canvas, run.text, run.kerns, font_name, size, x, y)


@pytest.fixture(scope="module")
def canvas() -> Canvas:
    register_fonts()
    return Canvas(io.BytesIO())


@pytest.mark.parametrize("font_name", FONTS)
@pytest.mark.parametrize("word", WORDS)
def test_a_word_is_written_as_reportlab_writes_it(canvas, font_name, word):
    expected = _reportlab_code(canvas, [word], font_name, 10.6, 85.03937, 700.5)
    assert _ours(canvas, shape(word, font_name), font_name, 10.6, 85.03937, 700.5) == expected


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), font_name=st.sampled_from(FONTS))
def test_joined_runs_are_written_as_reportlab_writes_them(canvas, words, font_name):
    expected = _reportlab_code(canvas, words, font_name, 9.28, 12.5, 3.25)
    assert _ours(canvas, join(shape(word, font_name) for word in words), font_name, 9.28, 12.5, 3.25) == expected


def test_runs_across_font_subsets_are_written_as_reportlab_writes_them():
    """More than 256 codes in one document: a run's glyphs fall in several subsets (one Tf each)."""
    canvas = Canvas(io.BytesIO())
    marks = ("", "\u0e48", "\u0e49", "\u0e34\u0e4a", "\u0e31\u0e49", "\u0e38\u0e48", "\u0e35\u0e4b")
    latin = [chr(code) for code in [*range(0x21, 0x7F), *range(0xC0, 0x100)] if chr(code) not in "()\\"]
    syllables = latin + [chr(code) + mark for code in range(0x0E01, 0x0E2F) for mark in marks]
    lines = [syllables[start : start + 40] for start in range(0, len(syllables), 40)]
    spanning = 0
    for line in lines:
        expected = _reportlab_code(canvas, line, "Sarabun-Bold", 10.6, 1.0, 2.0)
        assert (
            _ours(canvas, join(shape(word, "Sarabun-Bold") for word in line), "Sarabun-Bold", 10.6, 1.0, 2.0)
            == expected
        )
        spanning += expected.count(" Tf ") > 1
    assert spanning  # some line's glyphs did fall in two subsets
