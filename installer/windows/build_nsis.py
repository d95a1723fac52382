"""Compile the Windows installer script with makensis (Debian's nsis package runs it on Linux).

    python installer/windows/build_nsis.py --stand-in            # CI: a fake payload, catches script errors
    python installer/windows/build_nsis.py --payload dist\\sbpac-desktop   # on Windows, after PyInstaller

The stand-in payload has the layout of the real PyInstaller build (sbpac-desktop.exe,
sbpac-desktop-cli.exe, _internal/ with our package data and a Thai file name), so the File,
shortcut and uninstaller commands are all exercised by the compiler. Warnings are errors (-WX).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "pyinstaller"))

import bundle  # noqa: E402

SCRIPT = HERE / "sbpac-desktop.nsi"


def numeric_version(version: str) -> str:
    """'0.1.0' / '0.1.0+local' -> '0.1.0.0' (Windows file versions are four numbers)."""
    return ".".join(str(n) for n in bundle.windows_version(version))


def make_stand_in(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    for name in ("sbpac-desktop.exe", "sbpac-desktop-cli.exe"):
        (folder / name).write_bytes(b"MZ stand-in for the PyInstaller executable\n")
    for source, destination in bundle.package_datas() + bundle.icon_datas():
        target = internal / destination / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (internal / "python311.dll").write_bytes(b"stand-in\n")
    (internal / "ทดสอบชื่อไฟล์ภาษาไทย.txt").write_text("ชื่อไฟล์ภาษาไทย\n", encoding="utf-8")
    return folder


def find_makensis() -> str | None:
    """PATH first, then NSIS's default folders on Windows (its installer does not add itself to PATH)."""
    candidates = [os.environ.get("MAKENSIS"), shutil.which("makensis")]
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        if os.environ.get(variable):
            candidates.append(str(Path(os.environ[variable]) / "NSIS" / "makensis.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def compile_installer(payload: Path, out: Path, version: str) -> Path:
    makensis = find_makensis()
    if makensis is None:
        raise SystemExit("makensis not found: apt-get install nsis (Linux) or install NSIS 3 (Windows)")
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [
        makensis,
        "-V2",
        "-WX",
        "-INPUTCHARSET",
        "UTF8",
        f"-DVERSION={version}",
        f"-DVERSION_NUMERIC={numeric_version(version)}",
        f"-DPAYLOAD={payload.resolve()}",
        f"-DOUTFILE={out.resolve()}",
        f"-DICON={(bundle.ICONS / 'sbpac-desktop.ico').resolve()}",
        str(SCRIPT),
    ]
    subprocess.run(command, check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--stand-in", action="store_true", help="compile with a fake payload (CI check)")
    source.add_argument("--payload", type=Path, help="the PyInstaller folder built on Windows")
    parser.add_argument("--version", default=bundle.version())
    parser.add_argument("--out", type=Path, help="setup .exe to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.stand_in:
        payload = make_stand_in(ROOT / "build" / "nsis" / "stand-in" / "sbpac-desktop")
        out = args.out or ROOT / "build" / "nsis" / f"sbpac-desktop-{args.version}-setup-standin.exe"
    else:
        payload = args.payload
        out = args.out or ROOT / "dist" / f"sbpac-desktop-{args.version}-setup.exe"
    written = compile_installer(payload, out, args.version)
    print(f"{written} ({written.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
