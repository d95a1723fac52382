"""Build the Debian package from the PyInstaller one-folder build, offline, with dpkg-deb.

    python installer/linux/build_deb.py [--bundle dist/sbpac-desktop] [--out dist] [--version 0.1.0]

Layout of the package:
    /opt/sbpac-desktop/                        the one-folder build (read-only for users)
    /usr/bin/sbpac-desktop                     -> /opt/sbpac-desktop/sbpac-desktop
    /usr/share/applications/sbpac-desktop.desktop
    /usr/share/icons/hicolor/*/apps/sbpac-desktop.{png,svg}
    /usr/share/doc/sbpac-desktop/copyright

User data never lives here: the database, its backups, settings and logs are in the user's
own folders (~/.local/share/sbpac-desktop, ~/.local/state/sbpac-desktop, ~/.config/SBPAC),
so `apt-get remove`/`purge` never touches them and an upgrade finds them where they were.
Depends is derived from the ELF files of the bundle through shlibs.map.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "pyinstaller"))

import bundle  # noqa: E402

PACKAGE = "sbpac-desktop"
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = "SBPAC Desktop team <sbpac-desktop@localhost>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
RECOMMENDS = ["xdg-utils", "fonts-thai-tlwg"]  # opening saved files/folders; Thai fallback fonts in Qt
DESCRIPTION = """\
Meetings, minutes and directive follow-up for SBPAC (ศอ.บต.)
 SBPAC Desktop prepares agendas in the official Thai structure, records
 attendance, discussion, resolutions and the Secretary-General's directives,
 follows each directive up, and prints minutes, agendas and follow-up reports
 as PDF with correct Thai text. Data stays in one SQLite file in the user's
 own folder (or on a shared PostgreSQL server).
"""


def read_shlibs_map(path: Path = HERE / "shlibs.map") -> dict[str, str]:
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            soname, packages = line.split(None, 1)
            mapping[soname] = " ".join(packages.split())
    return mapping


def system_sonames(bundle_dir: Path) -> dict[str, list[str]]:
    """Libraries needed by an ELF file of the bundle and not provided inside it -> who needs them."""
    provided, needed = set(), {}
    for path in sorted(bundle_dir.rglob("*")):
        provided.add(path.name)
        if path.is_symlink() or not path.is_file():
            continue
        info = bundle.elf_dynamic(path)
        if info:
            for name in info[0]:
                needed.setdefault(name, []).append(str(path.relative_to(bundle_dir)))
    return {name: users for name, users in sorted(needed.items()) if name not in provided}


def glibc_version() -> str:
    name, version = platform.libc_ver()
    return version if name == "glibc" and version else "2.36"


def depends(bundle_dir: Path) -> list[str]:
    mapping = read_shlibs_map()
    needed = system_sonames(bundle_dir)
    unknown = {name: users[0] for name, users in needed.items() if name not in mapping}
    if unknown:
        lines = "\n".join(f"  {name} (needed by {user})" for name, user in unknown.items())
        raise SystemExit(f"build_deb: add these libraries to {HERE / 'shlibs.map'}:\n{lines}")
    packages = sorted({mapping[name] for name in needed})
    # The bootloader and Python were linked on this machine: never install on an older C library.
    return [f"libc6 (>= {glibc_version()})" if p == "libc6" else p for p in packages]


def deb_version(version: str, revision: str) -> str:
    return f"{version}-{revision}"


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


def stage(bundle_dir: Path, staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    copy_tree(bundle_dir, staging / INSTALL_DIR)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    applications = staging / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(HERE / f"{PACKAGE}.desktop", applications / f"{PACKAGE}.desktop")
    icons = staging / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(bundle.ICONS / f"{PACKAGE}-{size}.png", folder / f"{PACKAGE}.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(bundle.ICONS / f"{PACKAGE}.svg", icons / "scalable" / "apps" / f"{PACKAGE}.svg")
    doc = staging / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")


def copyright_text() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: sbpac-desktop\n\n"
        "Files: *\nCopyright: SBPAC Desktop authors\nLicense: proprietary\n"
        " Licensed to the Southern Border Provinces Administrative Centre (ศอ.บต.).\n\n"
        "Files: opt/sbpac-desktop/_internal/fontpkg_sarabun/*\n"
        "Copyright: 2015 Cadson Demak <info@cadsondemak.com>\nLicense: OFL-1.1\n\n"
        "Files: opt/sbpac-desktop/_internal/PySide6/*\nCopyright: The Qt Company Ltd.\nLicense: LGPL-3\n"
        " The Qt libraries are used unmodified as shared libraries; see https://www.qt.io/licensing.\n\n"
        "Files: opt/sbpac-desktop/_internal/*\n"
        "Copyright: the authors of Python, SQLAlchemy, Alembic, ReportLab, HarfBuzz, pythainlp,\n"
        " python-docx, pikepdf, pyHanko, geothai, pathvalidate, openpyxl, python-calamine (calamine), XlsxWriter,\n"
        " psycopg, argon2-cffi, platformdirs, filelock and pypdf\n"
        "License: various free software licences (PSF, MIT, BSD, Apache-2.0, LGPL-3, Unlicense)\n"
        " Each package's licence file is in its *.dist-info folder where the wheel ships one.\n"
    )


MAINTAINER_SCRIPTS = {
    # The app never writes into /opt (sys.dont_write_bytecode in the runtime hook); this only
    # clears Python caches someone may have created by hand, so that removal leaves no folder.
    "prerm": """#!/bin/sh
set -e
if [ -d /opt/sbpac-desktop ]; then
    find /opt/sbpac-desktop -depth -type d -name __pycache__ -exec rm -rf {} + 2>/dev/null || true
fi
exit 0
""",
    # Nothing of the user's is ever removed: the database, backups, settings and logs live in
    # each user's home folder, which no package script touches (not even on purge).
    "postrm": """#!/bin/sh
set -e
exit 0
""",
}


def normalize(staging: Path, epoch: int) -> None:
    """root-owned modes a user can read and run but not change; fixed mtimes (reproducible builds)."""
    for path in [staging, *staging.rglob("*")]:
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        mode = path.stat().st_mode
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if mode & stat.S_IXUSR else 0o644)
        os.utime(path, (epoch, epoch))


def installed_size_kib(staging: Path) -> int:
    total = 0
    for path in staging.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1024 if path.is_dir() and not path.is_symlink() else 1
        elif path.is_file():
            total += path.stat().st_size
    return (total + 1023) // 1024


def write_control(staging: Path, version: str, depends_list: list[str]) -> None:
    debian = staging / "DEBIAN"
    debian.mkdir()
    control = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        "Architecture: amd64",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_size_kib(staging)}",
        f"Depends: {', '.join(depends_list)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: office",
        "Priority: optional",
        "Homepage: https://www.sbpac.go.th/",
        f"Description: {DESCRIPTION}",
    ]
    (debian / "control").write_text("\n".join(control).rstrip("\n") + "\n", encoding="utf-8")
    for name, text in MAINTAINER_SCRIPTS.items():
        script = debian / name
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
    sums = []
    for path in sorted(staging.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(staging).parts:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's md5sums format
            sums.append(f"{digest}  {path.relative_to(staging).as_posix()}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def build(bundle_dir: Path, out_dir: Path, version: str, revision: str, compression: str) -> Path:
    if not (bundle_dir / PACKAGE).is_file():
        raise SystemExit(f"build_deb: no PyInstaller build at {bundle_dir} (run `make installer`)")
    full_version = deb_version(version, revision)
    staging = ROOT / "build" / "deb" / f"{PACKAGE}_{full_version}"
    depends_list = depends(bundle_dir)
    stage(bundle_dir, staging)
    write_control(staging, full_version, depends_list)
    normalize(staging, source_date_epoch())
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{full_version}_amd64.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            f"-Z{compression}",
            f"--threads-max={os.cpu_count() or 1}",
            "--build",
            str(staging),
            str(target),
        ],
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch())},
    )
    shutil.rmtree(staging)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=bundle.version(), help="upstream version (default: the app's)")
    parser.add_argument("--revision", default="1", help="Debian revision (default 1)")
    parser.add_argument(
        "--compression",
        default=os.environ.get("DEB_COMPRESSION", "xz"),
        choices=["xz", "gzip", "zstd", "none"],
        help="xz: smallest (default); zstd: several times faster to build, about 20%% larger",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    target = build(args.bundle, args.out, args.version, args.revision, args.compression)
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
