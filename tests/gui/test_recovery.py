"""Start-up on a file found damaged after an unclean shutdown: the guided restore from the newest
good backup (asked first; the damaged file kept), or a refusal that leaves everything as it was."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.gui import app as gui_app
from sbpac_desktop.gui import recovery
from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog
from sbpac_desktop.gui.errors import ThaiMessageBox
from sbpac_desktop.services.admin import maintenance
from sbpac_desktop.services.app import open_app
from tests.unit.test_backup import corrupt_index, demo_database, rows

CRASHING_HOLDER = """
import os, sys
from sbpac_desktop.services.app import open_app
open_app(sys.argv[1])
os._exit(9)
"""


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """(database damaged after a crash, its newest good backup)."""
    db = demo_database(tmp_path)
    good = maintenance.backup_to_file(str(db), None).path
    subprocess.run([sys.executable, "-c", CRASHING_HOLDER, str(db)], check=False, timeout=60)
    corrupt_index(db)
    return db, good


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(ThaiMessageBox, "exec", record)
    return texts


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def answer(parent: object, title: str, question: str) -> bool:
        asked.append(question)
        return yes

    monkeypatch.setattr(recovery, "confirm", answer)
    return asked


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_yes_restores_the_newest_good_backup_and_opens_it(
    qapp: QApplication, damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, boxes: list[str]
) -> None:
    db, good = damaged
    asked = _answer(monkeypatch, yes=True)
    # After the restore the demo file (no accounts yet) asks for the first administrator: leave it.
    monkeypatch.setattr(FirstAdminDialog, "exec", lambda dialog: 0)
    assert gui_app._open_with_recovery(str(db), dict(os.environ), smoke=False) is None
    open_app(str(db)).close()  # opens again: no damage, no unclean-shutdown mark left
    assert len(asked) == 1 and "เสียหาย" in asked[0] and good.name in asked[0]
    assert len(boxes) == 1 and "กู้คืนฐานข้อมูลจากสำเนาสำรอง" in boxes[0]
    kept = list((db.parent / "backups").glob("*-damaged.db"))
    assert kept, "the damaged file is kept in backups/"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT COUNT(*) FROM directive") == [(9,)]


def test_no_leaves_the_damaged_file_untouched(
    qapp: QApplication, damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, boxes: list[str]
) -> None:
    db, _good = damaged
    before = _digest(db)
    _answer(monkeypatch, yes=False)
    with pytest.raises(DatabaseError):
        gui_app._open_with_recovery(str(db), dict(os.environ), smoke=False)
    assert _digest(db) == before and boxes == []


def test_smoke_runs_never_ask(qapp: QApplication, damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _good = damaged
    asked = _answer(monkeypatch, yes=True)
    with pytest.raises(DatabaseError):
        gui_app._open_with_recovery(str(db), dict(os.environ), smoke=True)
    assert asked == []


def test_other_failures_offer_no_restore(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: list[str]
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    asked = _answer(monkeypatch, yes=True)
    with pytest.raises(DatabaseError):
        gui_app._open_with_recovery(str(bogus), dict(os.environ), smoke=False)
    assert asked == []
