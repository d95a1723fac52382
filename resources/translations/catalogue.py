"""Qt Linguist catalogue of the interface: update the .ts from the code, compile the .qm.

    .venv/bin/python resources/translations/catalogue.py     (what `make translations` runs)

The source language is Thai (the strings in the code); sbpac_desktop_en.ts holds the English.
lupdate keeps every existing translation, adds new strings as unfinished and drops strings the
code no longer has (-no-obsolete). Locations are left out so that moving code around does not
churn the file. tests/gui/test_i18n.py uses the same functions to find a stale catalogue.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "sbpac_desktop_en.ts"
QM_FILE = ROOT / "sbpac_desktop" / "gui" / "translations" / "sbpac_desktop_en.qm"
SOURCE_LANGUAGE = "th_TH"
TARGET_LANGUAGE = "en_US"


def _tool(name: str) -> str:
    """The PySide6 wrapper next to the running interpreter (the venv), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    """Every Python module of the interface and every Designer form, relative to the root."""
    gui = ROOT / "sbpac_desktop" / "gui"
    # Compiled forms repeat the .ui strings under the same context: read the .ui files only.
    code = [f for f in sorted(gui.rglob("*.py")) if (gui / "forms") not in f.parents]
    return [str(f.relative_to(ROOT)) for f in [*code, *sorted((ROOT / "ui").glob("*.ui"))]]


def update_ts(ts_file: Path = TS_FILE) -> None:
    command = [
        _tool("pyside6-lupdate"),
        *sources(),
        "-source-language", SOURCE_LANGUAGE,
        "-target-language", TARGET_LANGUAGE,
        "-locations", "none",
        "-no-obsolete",
        "-silent",
        "-ts", str(ts_file),
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)


def compile_qm(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    command = [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True)


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, Thai source) -> (English, the translation's type attribute, e.g. 'unfinished')."""
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = None if translation is None else translation.get("type")
            found[(name, message.findtext("source") or "")] = (text, kind)
    return found


def untranslated(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    return [key for key, (text, kind) in messages(ts_file).items() if kind is not None or not text.strip()]


def main() -> int:
    update_ts()
    compile_qm()
    missing = untranslated()
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{TS_FILE.relative_to(ROOT)}: {len(messages(TS_FILE))} strings, {len(missing)} without English")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
