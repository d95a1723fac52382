"""The committed compiled forms match ui/*.ui: a form edited in Designer but not recompiled fails here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "sbpac_desktop" / "gui" / "forms"
UI_FILES = sorted(UI_DIR.glob("*.ui"))


def uic() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside_python) if beside_python.exists() else shutil.which("pyside6-uic")
    assert found, "pyside6-uic is not installed"
    return found


def significant(text: str) -> list[str]:
    """Drop uic's banner: the encoding line and the '##' block naming the file and uic version."""
    return [line for line in text.splitlines() if not line.startswith(("##", "# -*-"))]


def test_there_are_forms() -> None:
    assert {p.stem for p in UI_FILES} >= {"meeting_form", "org_unit_form", "position_form", "person_form", "term_form"}
    assert (FORMS_DIR / "__init__.py").exists()


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_is_fresh(ui_file: Path, tmp_path: Path) -> None:
    committed = FORMS_DIR / f"ui_{ui_file.stem}.py"
    assert committed.exists(), f"{committed.relative_to(ROOT)} is missing — run make forms"
    fresh = tmp_path / committed.name
    subprocess.run([uic(), str(ui_file), "-o", str(fresh)], check=True, capture_output=True)
    assert significant(committed.read_text(encoding="utf-8")) == significant(fresh.read_text(encoding="utf-8")), (
        f"{committed.relative_to(ROOT)} is stale compared with {ui_file.relative_to(ROOT)} — run make forms"
    )


def test_no_compiled_form_without_its_source() -> None:
    orphans = [p.name for p in FORMS_DIR.glob("ui_*.py") if not (UI_DIR / f"{p.stem[3:]}.ui").exists()]
    assert orphans == [], f"compiled forms without a ui/*.ui source: {orphans} — delete them or run make forms"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_designer_reads_the_form(ui_file: Path, qapp: object) -> None:
    """QUiLoader is Designer's own reader: promoted widgets fall back to their base class, as in Designer."""
    from PySide6.QtCore import QFile
    from PySide6.QtUiTools import QUiLoader

    source = QFile(str(ui_file))
    assert source.open(QFile.OpenModeFlag.ReadOnly)
    loader = QUiLoader()
    form = loader.load(source)
    source.close()
    assert form is not None, loader.errorString()
    assert form.objectName() and form.layout() is not None
    form.deleteLater()
