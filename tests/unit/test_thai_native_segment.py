"""nlpo3 (the documents' engine) cuts text as pythainlp's newmm (the window's engine) does, its
word list is cached privately and rebuilt when it cannot be, and the window keeps pythainlp."""

from __future__ import annotations

import importlib
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sbpac_desktop.services.demo import demo_data, generate_text
from sbpac_desktop.thai.native_segment import NativeSegmenter

segment_module = importlib.import_module("sbpac_desktop.thai.segment")  # the package re-exports segment()
ROOT = Path(__file__).resolve().parents[2]


def _python(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=segment_module.word_dictionary(), engine="newmm", keep_whitespace=True)


def _native(text: str) -> list[str]:
    return segment_module._native().segment(text)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


def _real_texts() -> list[str]:
    """Every text of the demo meeting and of the generator behind the 10k/100k bench sets."""
    modules = (demo_data, generate_text)
    texts = {text for module in modules for value in vars(module).values() for text in _strings(value)}
    rng = random.Random(16)
    for _ in range(400):
        texts |= {generate_text.directive_text(rng), generate_text.discussion_text(rng)}
        texts |= {generate_text.agenda_title(rng), generate_text.result_text(rng, rng.randrange(101))}
    return sorted(text for text in texts if any("\u0e01" <= char <= "\u0e4e" for char in text))


def test_both_engines_cut_every_real_text_alike() -> None:
    texts = _real_texts()
    assert len(texts) > 1000
    differing = [text for text in texts if _native(text) != _python(text)]
    assert differing == []


MINUTES_LINES = (
    "ระเบียบวาระที่ 2 เรื่องรับรองรายงานการประชุม ครั้งที่ 9/2562 เมื่อวันที่ 24 กันยายน 2562",
    'ให้ ศอ.บต. (กปพ.) ประสาน "กระทรวงมหาดไทย" ภายใน ๓๑ ต.ค. ๒๕๖๒; งบประมาณ 1,234,567.50 บาท (ร้อยละ 12.5%)',
    "ขส. 006/2563 ให้ผู้ช่วยเลขาธิการ ศอ.บต.รายงานผล e-mail: saraban@sbpac.go.th",
    "แล้ว ๆ เล่า ๆ  \t ฯลฯ\nบรรทัดใหม่\r\nอีกบรรทัด",
)


@pytest.mark.parametrize("text", MINUTES_LINES)
def test_signs_digits_and_latin_among_thai_cut_as_pythainlp_cuts_them(text: str) -> None:
    """nlpo3 alone gives 9|/|2562, ";ผล" and (ก) as one token; the tidy-up gives newmm's tokens."""
    assert _native(text) == _python(text)


THAI_AND_SIGNS = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
        st.sampled_from(list(' \n\t\r.,;:()[]"“”/%-…ๆฯ0123456789abcXYZ\u200b\u3000')),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(THAI_AND_SIGNS, st.text(max_size=40)))
def test_native_tokens_join_back_to_any_text(text: str) -> None:
    tokens = _native(text)
    assert "".join(tokens) == text
    assert all(tokens)


def test_lone_surrogates_stay_tokens_of_their_own() -> None:
    assert _native("ศอ.บต.\ud800ประชุม") == ["ศอ.บต.", "\ud800", "ประชุม"]


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _segmenter(key: str, calls: list[int]) -> NativeSegmenter:
    def words() -> frozenset[str]:
        calls.append(1)
        return frozenset({"ประชุม", "ศอ.บต.", "การ", "แล้ว ๆ"})

    return NativeSegmenter(key, words)


def test_the_word_list_is_written_once_and_read_after(private_temp: Path) -> None:
    calls: list[int] = []
    assert _segmenter("k1", calls).segment("การประชุมศอ.บต.") == ["การ", "ประชุม", "ศอ.บต."]
    assert _segmenter("k1", calls).segment("การประชุม") == ["การ", "ประชุม"]
    assert calls == [1]  # the second process-like segmenter found the file
    folder = next(private_temp.glob("sbpac-desktop-*"))
    assert sorted(path.name.split("-")[0] for path in folder.iterdir()) == ["mixed", "words"]
    if hasattr(os, "getuid"):
        assert folder.stat().st_mode & 0o777 == 0o700
    mixed = next(folder.glob("mixed-*")).read_text(encoding="utf-8").split("\n")
    assert sorted(filter(None, mixed)) == ["ศอ.บต.", "แล้ว ๆ"]


def test_a_new_key_writes_a_new_list(private_temp: Path) -> None:
    calls: list[int] = []
    _segmenter("k1", calls).load()
    _segmenter("k2", calls).load()
    assert calls == [1, 1]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_is_not_trusted(private_temp: Path) -> None:
    """Another account could plant the list there: this process writes its own elsewhere."""
    shared = private_temp / f"sbpac-desktop-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    calls: list[int] = []
    assert _segmenter("k1", calls).segment("การประชุม") == ["การ", "ประชุม"]
    assert list(shared.iterdir()) == []
    assert calls == [1]
    assert list(private_temp.glob("sbpac-words-*")) == []  # its own list went once loaded


def test_the_window_keeps_pythainlp_and_never_loads_nlpo3() -> None:
    """run_gui turns the Python engine on before anything segments (checked in a real process:
    the switch is process-wide)."""
    script = (
        "import sys\n"
        "from sbpac_desktop.thai import segment as cut\n"
        "module = sys.modules['sbpac_desktop.thai.segment']\n"
        "module.use_python_engine()\n"
        "module.warm()\n"
        "print(cut('ศอ.บต.ประชุม'), module._native.cache_info().currsize, module._dictionary.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['ศอ.บต.',", "'ประชุม']", "0", "1"]
    app_source = (ROOT / "sbpac_desktop" / "gui" / "app.py").read_text(encoding="utf-8")
    run_gui = app_source[app_source.index("def run_gui") : app_source.index("def _run(")]
    assert "thai.use_python_engine()" in run_gui


def test_no_word_list_means_pythainlp_not_a_failed_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A temp "folder" that is a file: the list can be neither written nor found, so this process
    segments with pythainlp, says so in the log, and the text is cut all the same."""
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    monkeypatch.setattr(segment_module._engine, "native", True)
    segment_module._native.cache_clear()
    try:
        assert segment_module.segment("ศอ.บต.ประชุม") == ["ศอ.บต.", "ประชุม"]
    finally:
        segment_module._native.cache_clear()
    assert segment_module._engine.native is False
    assert "pythainlp segments in this process" in caplog.text
