"""Any name at all becomes one harmless file name: hypothesis throws the worst at it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.services.attachment_names import (
    FALLBACK_NAME,
    SAFE_NAME_MAX_BYTES,
    STORED_NAME_MAX,
    safe_file_name,
    stored_name,
)

RESERVED = ["CON", "PRN", "AUX", "NUL", "COM1", "LPT9", "con", "Nul", "COM¹"]
NASTY_PARTS = ["../", "..\\", "/", "\\", "\x00", "\n", "\r", "\t", "\u202e", "\u200b", "..", ".", " ", ":", "*", "?"]
names = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(NASTY_PARTS + RESERVED + ["รายงาน", "a", ".pdf", ".txt"]), max_size=40).map("".join),
)


def _check_safe(result: str) -> None:
    assert result and result not in (".", "..")
    assert "/" not in result and "\\" not in result
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in result)
    assert len(result.encode("utf-8")) <= SAFE_NAME_MAX_BYTES
    assert result == result.strip(" .")
    assert result.split(".")[0].upper().rstrip() not in {r.upper() for r in RESERVED}


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(names)
def test_any_name_becomes_one_safe_component(name: str) -> None:
    _check_safe(safe_file_name(name))
    stored = stored_name(name)
    assert 0 < len(stored) <= STORED_NAME_MAX and "\x00" not in stored


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names)
def test_the_name_creates_a_file_inside_its_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "f"
    folder.mkdir(exist_ok=True)
    target = folder / safe_file_name(name)
    target.write_bytes(b"x")
    assert target.resolve().parent == folder.resolve()
    target.unlink()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..\\..\\Windows\\system32.dll", "_.._Windows_system32.dll"),
        ("รายงาน\x00.pdf", "รายงาน.pdf"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("LPT1.tar", "_LPT1.tar"),
        ("..", FALLBACK_NAME),
        ("", FALLBACK_NAME),
        ("\u202egpj.exe", "gpj.exe"),
        ("  บันทึก ข้อความ.docx  ", "บันทึก ข้อความ.docx"),
    ],
)
def test_examples(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_300_characters_keep_their_extension() -> None:
    result = safe_file_name("ก" * 300 + ".pdf")
    assert result.endswith(".pdf") and len(result.encode()) <= SAFE_NAME_MAX_BYTES
    assert len(stored_name("ก" * 300)) == STORED_NAME_MAX
