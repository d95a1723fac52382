"""Normalization of text before it is stored (design: 'Store text normalized')."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sbpac_desktop.thai import has_lone_combining_mark, normalize_optional, normalize_text

# Thai block plus the whitespace, control and invisible characters that users paste in.
THAI_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
    | st.sampled_from(list(" \t\n\r\x00\x1b\x85\u200b\u200c\u200d\u2060\ufeff.a1")),
    max_size=60,
)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def test_tone_mark_typed_before_the_vowel_is_reordered():
    misordered = "\u0e17\u0e48\u0e35"  # ท + ่ + ี : looks like ที่ on screen
    canonical = "\u0e17\u0e35\u0e48"  # ท + ี + ่ : ที่
    assert normalize_text(misordered) == canonical


def test_nikhahit_plus_sara_aa_becomes_sara_am():
    typed = "\u0e19\u0e4d\u0e49\u0e32"  # น + ํ + ้ + า : นํ้า
    canonical = "\u0e19\u0e49\u0e33"  # น + ้ + ำ : น้ำ
    assert normalize_text(typed) == canonical


def test_canonical_text_is_unchanged():
    text = "ผู้ช่วยเลขาธิการ ศอ.บต. มอบหมายให้ปฏิบัติ\nครั้งที่ ๑๐/๒๕๖๒\tเวลา ๐๙.๓๐ น."
    assert normalize_text(text) == text


def test_control_characters_are_removed_but_tab_and_newline_kept():
    assert normalize_text("ประชุม\x00\x07\x1b\x7f\x85\x9fครั้ง\tที่\nหนึ่ง") == "ประชุมครั้ง\tที่\nหนึ่ง"


@pytest.mark.parametrize("char", list(INVISIBLE))
def test_zero_width_characters_are_removed(char):
    assert normalize_text(f"ศอ.บต.{char}ประชุม{char}") == "ศอ.บต.ประชุม"


def test_line_endings_become_newlines_and_ends_are_stripped():
    assert normalize_text("  \r\nวาระที่ ๑\r\nวาระที่ ๒\rวาระที่ ๓ \n\t") == "วาระที่ ๑\nวาระที่ ๒\nวาระที่ ๓"


def test_paragraphs_survive_but_space_runs_collapse():
    """Minutes keep their paragraphs (one blank line between them); double spaces in a line collapse."""
    assert normalize_text("ย่อหน้าแรก\n\n\nย่อหน้าสอง  คำ") == "ย่อหน้าแรก\n\nย่อหน้าสอง คำ"
    assert normalize_text("บรรทัดหนึ่ง \nบรรทัดสอง") == "บรรทัดหนึ่ง\nบรรทัดสอง"


def test_result_is_nfc():
    assert normalize_text("e\u0301") == "\u00e9"


def test_normalize_optional_keeps_none():
    assert normalize_optional(None) is None
    assert normalize_optional("") == ""
    assert normalize_optional("   ") == ""
    assert normalize_optional(" ท\u0e48\u0e35 ") == "ที่"


@given(st.text())
def test_idempotent_on_any_text(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=500)
@given(THAI_TEXT)
def test_idempotent_on_thai_text(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300)
@given(st.one_of(THAI_TEXT, st.text()))
def test_result_has_no_invisible_or_control_characters(text):
    result = normalize_text(text)
    assert result == result.strip()
    assert unicodedata.is_normalized("NFC", result)
    assert "\r" not in result
    for char in result:
        assert char not in INVISIBLE
        assert char in "\t\n" or unicodedata.category(char) != "Cc"


@pytest.mark.parametrize("text", ["", "abc", "ที่ประชุม", "น้ำ", "ผู้ช่วยเลขาธิการ", "ปั้น", "ญี่ปุ่น", "ศอ.บต."])
def test_no_lone_mark_in_well_formed_text(text):
    assert not has_lone_combining_mark(text)


@pytest.mark.parametrize(
    "text",
    ["\u0e48ก", "ก \u0e48", "ประชุม\n\u0e35", "a\u0e34", "\u0e38", "๑\u0e49", "ะ\u0e48", "ก\u0e4c \u0e4c"],
)
def test_lone_mark_is_detected(text):
    assert has_lone_combining_mark(text)


def test_combining_marks_spelled_out_equal_pythainlp():
    """normalize.py spells out pythainlp's mark lists so importing it stays cheap; they must not drift."""
    import pythainlp

    from sbpac_desktop.thai import normalize

    assert pythainlp.thai_above_vowels == normalize.THAI_ABOVE_VOWELS
    assert pythainlp.thai_below_vowels == normalize.THAI_BELOW_VOWELS
    assert pythainlp.thai_tonemarks == normalize.THAI_TONEMARKS
