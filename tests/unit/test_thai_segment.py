"""Word segmentation with the organisation's dictionary, and line-break marks for Qt."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sbpac_desktop.thai import (
    insert_break_opportunities,
    normalize_text,
    org_words,
    segment,
    strip_break_opportunities,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
ZWSP = "\u200b"
THAI_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B) | st.sampled_from(list(" \n\t.1/a")),
    max_size=60,
)


def test_sbpac_abbreviation_is_one_token():
    assert segment("ศอ.บต.ประชุม") == ["ศอ.บต.", "ประชุม"]


def test_minutes_sentence():
    tokens = segment("ผู้ช่วยเลขาธิการ ศอ.บต. ประสานกับ กอ.รมน. ในพื้นที่ จชต. ภายใน ๓๑ ต.ค. ๖๒")
    for word in ["ผู้ช่วยเลขาธิการ", "ศอ.บต.", "กอ.รมน.", "จชต.", "ต.ค."]:
        assert word in tokens
    assert tokens.count(" ") == 9


@pytest.mark.parametrize("word", sorted(org_words()))
def test_every_org_word_is_a_single_token(word):
    assert segment(word) == [word]


def test_org_words_file_is_clean():
    words = org_words()
    assert isinstance(words, frozenset)
    assert {"ศอ.บต.", "จชต.", "กปพ.", "ผู้ช่วยเลขาธิการ", "ข้อสั่งการ", "พ.ศ.", "ต.ค.", "ธ.ค."} <= words
    for word in words:
        assert not word.startswith("#")
        assert word == normalize_text(word) and not any(char.isspace() for char in word)


def test_whitespace_is_kept_as_tokens():
    assert segment("ประชุม  ครั้งที่\n๑") == ["ประชุม", "  ", "ครั้ง", "ที่", "\n", "๑"]
    assert segment("") == []


@settings(max_examples=300)
@given(st.one_of(THAI_TEXT, st.text()))
def test_segments_join_back_to_the_text(text):
    tokens = segment(text)
    assert "".join(tokens) == text
    assert all(tokens)


def test_break_marks_go_only_between_thai_words():
    assert insert_break_opportunities("ศอ.บต.ประชุม") == f"ศอ.บต.{ZWSP}ประชุม"
    assert insert_break_opportunities("การประชุม ครั้งที่ ๑๐") == f"การประชุม ครั้ง{ZWSP}ที่ ๑๐"
    assert insert_break_opportunities("SBPAC meeting 10/2562") == "SBPAC meeting 10/2562"


def test_break_mark_can_be_chosen():
    assert insert_break_opportunities("ศอ.บต.ประชุม", mark="|") == "ศอ.บต.|ประชุม"


@settings(max_examples=200)
@given(st.one_of(THAI_TEXT, st.text()))
def test_break_marks_strip_back_to_the_text(text):
    marked = insert_break_opportunities(text)
    assert strip_break_opportunities(marked) == strip_break_opportunities(text)
    assert insert_break_opportunities(marked) == marked


def test_importing_the_package_does_not_build_the_dictionary():
    """App start-up must not pay the dictionary's load; it happens on the first segment() call
    (nlpo3's in a command line process, pythainlp's in the window's)."""
    script = (
        "import sys, sbpac_desktop.thai\n"
        "module = sys.modules['sbpac_desktop.thai.segment']\n"
        "print(module._native.cache_info().currsize, 'nlpo3' in sys.modules)\n"
        "sbpac_desktop.thai.segment('ศอ.บต.')\n"
        "print(module._native.cache_info().currsize, 'nlpo3' in sys.modules)\n"
        "module.use_python_engine()\n"
        "print(module._dictionary.cache_info().currsize)\n"
        "sbpac_desktop.thai.segment('ศอ.บต.')\n"
        "print(module._dictionary.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "False", "1", "True", "0", "1"]
