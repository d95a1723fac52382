"""The log file follows the current profile folder and is attached once per path."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sbpac_desktop import logs


@pytest.fixture
def clean_root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _file_handlers(root: logging.Logger) -> list[str]:
    return [h.baseFilename for h in root.handlers if isinstance(h, logging.FileHandler)]


def test_same_folder_twice_adds_one_handler(clean_root, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "a"))
    first = logs.setup_logging()
    count = len(_file_handlers(clean_root))
    assert logs.setup_logging() == first
    assert len(_file_handlers(clean_root)) == count


def test_a_new_folder_gets_its_own_file(clean_root, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "a"))
    logs.setup_logging()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "b"))
    second = logs.setup_logging()
    logging.getLogger("sbpac_desktop.test").warning("ข้อความทดสอบ")
    for handler in clean_root.handlers:
        handler.flush()
    assert second is not None and "ข้อความทดสอบ" in second.read_text(encoding="utf-8")


def test_an_unwritable_folder_is_not_fatal(clean_root, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert logs.setup_logging() is None
