"""Write Qt's own strings in Thai (sbpac_desktop/gui/qt_thai.py TABLE) as
resources/translations/qtbase_th.ts and compile sbpac_desktop/gui/translations/qtbase_th.qm.
Run by `make translations`; tests/gui/test_qt_thai.py fails when the .qm is stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sbpac_desktop.gui.qt_thai import ts_text  # noqa: E402 - after the path is set

TS_FILE = ROOT / "resources" / "translations" / "qtbase_th.ts"
QM_FILE = ROOT / "sbpac_desktop" / "gui" / "translations" / "qtbase_th.qm"


def main() -> int:
    TS_FILE.write_text(ts_text(), encoding="utf-8")
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    subprocess.run([tool, "-silent", str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    print(f"{QM_FILE.relative_to(ROOT)} written from {TS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
