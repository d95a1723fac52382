"""`make screenshots`: every screen of SBPAC Desktop on the demo data, as PNGs for the README.

Runs under Xvfb (the Makefile wraps it in `xvfb-run -s "-screen 0 1366x768x24"`) on a fresh
temporary database loaded with the demo meeting, with settings, logs and backups in a temp
folder so the developer's own ones are never touched. The main window is 1366x768; dialogs
are captured at the size they open with. Each screen is opened the way a user opens it
(the page's own new/edit methods), so a broken screen shows up here as a failed shot.

    python tools/screenshots.py docs/images [--only people]

Writes docs/images/gui-<name>.png and prints one line per shot; exits 1 if any shot failed
(the others are still written).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 1366, 768
ADMIN_PASSWORD = "screenshots-only-2563"  # a throwaway database, deleted afterwards


@dataclass(frozen=True)
class Shot:
    name: str
    caption: str
    take: Callable[[], object]  # returns the widget to grab


def isolate(folder: Path) -> None:
    """Before Qt or the app are imported: user folders and the default database in `folder`."""
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(folder / name.lower())
    os.environ.pop("SBPAC_DB", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")


class Studio:
    """The application, its window and the helpers to settle and save each screen."""

    def __init__(self, folder: Path, out: Path) -> None:
        from PySide6.QtCore import QCoreApplication, QLocale, QSettings
        from PySide6.QtWidgets import QApplication

        from sbpac_desktop.gui import fonts, i18n
        from sbpac_desktop.gui.main_window import MainWindow
        from sbpac_desktop.services import auth
        from sbpac_desktop.services.app import open_app
        from sbpac_desktop.services.demo.demo import load_demo

        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "qsettings"))
        QCoreApplication.setOrganizationName("SBPAC-screenshots")
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        fonts.apply_ui_font(self.app)
        i18n.install_language("th")
        self.out = out
        setup = open_app(str(folder / "demo.db"), create=True)
        load_demo(setup.db, setup.actor)
        # Work as a signed-in administrator, as after a real sign-in (the accounts page needs one).
        admin = auth.create_first_admin(setup.db, "admin", "ผู้ดูแลระบบ ศอ.บต.", ADMIN_PASSWORD)
        self.ctx = dataclasses.replace(setup, actor=admin)
        self.window = MainWindow(self.ctx, QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
        self.window.resize(WIDTH, HEIGHT)
        self.window.move(0, 0)
        self.window.show()
        self.settle()

    def settle(self, rounds: int = 6) -> None:
        """Let background operations answer and layouts (row heights, wrapping) finish."""
        from sbpac_desktop.gui import operations

        for _ in range(rounds):
            operations.wait_for_idle()
            self.app.processEvents()
        from PySide6.QtTest import QTest

        QTest.qWait(120)
        self.app.processEvents()

    def save(self, shot: Shot, widget: object) -> Path:
        self.settle()
        path = self.out / f"gui-{shot.name}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise OSError(f"could not write {path}")
        return path

    def close_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.settle(2)


def run(shots: list[Shot], studio: Studio) -> list[str]:
    failed: list[str] = []
    for shot in shots:
        try:
            path = studio.save(shot, shot.take())
            print(f"ok    {path}  — {shot.caption}")
        except Exception:
            failed.append(shot.name)
            print(f"FAIL  gui-{shot.name}.png\n{traceback.format_exc()}", file=sys.stderr)
        finally:
            studio.close_dialogs()
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs (docs/images)")
    parser.add_argument("--only", action="append", default=[], help="take only shots whose name contains this")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # A fixed folder name, so the status bar in the pictures shows the same path every run.
    temp = Path(tempfile.gettempdir()) / "sbpac-screenshots"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    try:
        isolate(temp)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from screens import all_shots  # after isolate(): imports Qt and the app

        studio = Studio(temp, args.out.resolve())
        shots = [s for s in all_shots(studio) if not args.only or any(o in s.name for o in args.only)]
        failed = run(shots, studio)
        studio.window.close()
        studio.settle(2)
        studio.ctx.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    print(f"{len(shots) - len(failed)} of {len(shots)} screenshots written to {args.out}")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
