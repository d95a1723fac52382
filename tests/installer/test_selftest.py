"""`sbpac-desktop --self-test` from the source tree, and the installer's bundle lists.

The same self-test runs in the frozen build (`make installer-check`); here it proves that the
steps pass before anything is packaged, and that a failing step is reported, not hidden.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop import selftest
from sbpac_desktop.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER / "pyinstaller"))

import bundle  # noqa: E402


def test_self_test_passes_from_the_console_entry_point(tmp_path):
    """The launcher routes --self-test; every step passes; the user's folders stay empty."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "SBPAC_DB": str(tmp_path / "must-not-be-used.db"), "QT_QPA_PLATFORM": "offscreen"}
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".data")}
    env["XDG_STATE_HOME"] = str(home / ".state")
    done = subprocess.run(
        [sys.executable, "-m", "sbpac_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed (6 steps" in done.stdout
    assert done.stdout.count("[ผ่าน ok]") == len(selftest.STEPS)
    assert "text layer reads back" in done.stdout
    assert not (tmp_path / "must-not-be-used.db").exists()
    assert "PySide6" not in done.stderr
    # Not even an audit anchor. (pythainlp makes ~/pythainlp-data on import from a source tree;
    # the frozen build sets PYTHAINLP_READ_ONLY and installer-check proves that home stays empty.)
    written = [p.relative_to(home).as_posix() for p in home.rglob("*")]
    assert [name for name in written if not name.startswith("pythainlp-data")] == []


def test_a_failing_step_is_reported_and_the_others_still_run(monkeypatch, tmp_path):
    ran = []

    def ok(state):
        ran.append("ok")
        return "fine"

    def broken(state):
        raise selftest.SelfTestFailure("Sarabun missing")

    monkeypatch.setattr(selftest, "STEPS", (("first", ok), ("fonts", broken), ("last", ok)))
    out = io.StringIO()
    assert selftest.run_self_test(out, folder=tmp_path) == selftest.EXIT_FAILED
    text = out.getvalue()
    assert "[ไม่ผ่าน FAILED] fonts — SelfTestFailure: Sarabun missing" in text
    assert "self-test FAILED (1 of 3 steps" in text
    assert ran == ["ok", "ok"]


def test_self_test_flag_is_a_top_level_option():
    assert build_parser().parse_args(["--self-test"]).self_test is True
    assert build_parser().parse_args(["meetings"]).self_test is False


def test_everything_the_spec_bundles_exists():
    datas = bundle.package_datas() + bundle.icon_datas() + bundle.pythainlp_datas()
    missing = [source for source, _ in datas if not Path(source).is_file()]
    assert not missing
    destinations = {f"{dest}/{Path(source).name}" for source, dest in datas}
    assert "sbpac_desktop/store/migrations/env.py" in destinations
    assert "sbpac_desktop/store/migrations/script.py.mako" in destinations
    assert "sbpac_desktop/thai/data/org_words.txt" in destinations
    assert "pythainlp/corpus/words_th.txt" in destinations
    assert any(d.startswith("sbpac_desktop/store/migrations/versions/") for d in destinations)
    assert not any("__pycache__" in d for d in destinations)


def test_nothing_the_app_imports_is_excluded_from_the_bundle():
    used = bundle.app_imports()
    assert "PySide6.QtWidgets" in used
    assert not set(bundle.excludes()) & used
    assert "PySide6.QtWebEngineCore" in bundle.excludes()


def test_migration_imports_are_declared_for_the_frozen_build():
    imports = bundle.migration_imports()
    assert {"alembic.op", "alembic.context", "sqlalchemy", "sbpac_desktop.store.models"} <= set(imports)


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ],
)
def test_qt_plugin_selection(destination, kept):
    assert bundle.keep_qt_binary(destination) is kept


def test_only_thai_and_english_qt_translations_are_kept():
    assert bundle.keep_qt_data("PySide6/Qt/translations/qtbase_th.qm")
    assert bundle.keep_qt_data("PySide6/translations/qt_en.qm")
    assert not bundle.keep_qt_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle.keep_qt_data("sbpac_desktop/gui/translations/sbpac_de.qm")  # ours: always kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_elf_reader_finds_needed_libraries_and_soname():
    qt_core = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib" / "libQt6Core.so.6"
    needed, soname = bundle.elf_dynamic(qt_core)
    assert soname == "libQt6Core.so.6"
    assert "libc.so.6" in needed and "libglib-2.0.so.0" in needed
    assert bundle.elf_dynamic(__file__) is None


def test_every_needed_system_library_has_a_package():
    sys.path.insert(0, str(INSTALLER / "linux"))
    import build_deb

    mapping = build_deb.read_shlibs_map()
    assert mapping["libxcb-cursor.so.0"] == "libxcb-cursor0"
    assert mapping["libssl.so.3"] == "libssl3 | libssl3t64"
    assert all(packages and "," not in packages for packages in mapping.values())


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_is_valid():
    entry = INSTALLER / "linux" / "sbpac-desktop.desktop"
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Exec=sbpac-desktop\n" in entry.read_text(encoding="utf-8")


def test_windows_version_numbers():
    sys.path.insert(0, str(INSTALLER / "windows"))
    import build_nsis

    assert build_nsis.numeric_version("0.1.0") == "0.1.0.0"
    assert build_nsis.numeric_version("1.2.3+upgradecheck1") == "1.2.3.0"
