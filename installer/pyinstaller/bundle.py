"""What goes into the frozen one-folder build, and what is left out. Used by installer/sbpac-desktop.spec
and by tests/installer (which check that every file named here exists in the source tree).

Kept free of PyInstaller imports so the test suite can read it without PyInstaller installed.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "sbpac_desktop"
ICONS = ROOT / "resources" / "icons"
APP_NAME = "sbpac-desktop"

# pythainlp ships 63 MB of corpora and models; the app uses its word list (newmm with our
# own dictionary on top) and the stop words. Anything else would be a new feature: add it here,
# and the self-test's segmenter step shows at once if a needed file is missing.
PYTHAINLP_CORPUS_FILES = ("words_th.txt", "stopwords_th.txt", "default_db.json", "corpus_license.md")

# Modules the app never imports, left out for size (the one-folder budget is 350 MB) and so that
# an optional import inside a library cannot drag them in. Qt modules the app itself imports are
# never excluded (see excludes()): a colleague adding `from PySide6.QtCharts import …` just works.
BASE_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "lib2to3",
    "IPython",
    "matplotlib",
    "scipy",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "cryptography",  # only pypdf's optional provider for encrypted PDFs
    "pygments",  # only mako's optional syntax highlighting
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtHttpServer",
)


def app_imports() -> set[str]:
    """Every module named in an import statement of our package (absolute imports)."""
    modules: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
                modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def excludes() -> list[str]:
    used = app_imports()
    return [name for name in BASE_EXCLUDES if name not in used]


# Qt's own translations (standard dialogs, print dialog): Thai, and English as the fallback.
QT_TRANSLATIONS_KEPT = ("*_th.qm", "*_en.qm")

# Qt plugins with no use on a clerk's desktop (embedded/VNC platforms, extra image formats,
# network information backends, ...). Patterns match the path below the Qt plugins folder
# (PySide6/Qt/plugins on Linux, PySide6/plugins on Windows), for libqtiff.so and qtiff.dll alike.
QT_PLUGINS_DROPPED = (
    "platforms/*qeglfs*",
    "platforms/*qlinuxfb*",
    "platforms/*qminimal*",
    "platforms/*qminimalegl*",
    "platforms/*qvnc*",
    "platforms/*qvkkhrdisplay*",
    "platforms/*qdirect2d*",
    "egldeviceintegrations/*",
    "generic/*",
    "networkinformation/*",
    "tls/*",
    "imageformats/*qtiff*",
    "imageformats/*qwebp*",
    "imageformats/*qicns*",
    "imageformats/*qtga*",
    "imageformats/*qwbmp*",
    "imageformats/*qpdf*",
    "platforminputcontexts/*qtvirtualkeyboardplugin*",  # pulls in QtQml + QtQuick
    "platformthemes/*qgtk3*",  # needs GTK 3; Qt's own dialogs (and the portal theme) are used instead
    "qmltooling/*",
)
_QT_PLUGIN_PATH = re.compile(r"PySide6/(?:Qt/)?plugins/(.+)$")


def migrations_dir() -> Path:
    return PACKAGE / "store" / "migrations"


def package_datas() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for our own package.

    Alembic reads env.py, script.py.mako and versions/*.py from disk, so the migrations folder
    is copied as files, .py included. Every other non-Python file in the package (thai/data
    dictionaries, gui translations .qm, and whatever colleagues add later) is copied too.
    """
    datas: list[tuple[str, str]] = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
            continue
        relative = path.relative_to(ROOT)
        in_migrations = migrations_dir() in path.parents
        if path.suffix == ".py" and not in_migrations:
            continue  # Python code goes into the archive through the import analysis
        datas.append((str(path), str(PurePosixPath(*relative.parent.parts))))
    return datas


def icon_datas() -> list[tuple[str, str]]:
    """The application icon for the window (SVG and a 256 px PNG) under resources/icons."""
    return [(str(ICONS / name), "resources/icons") for name in (f"{APP_NAME}.svg", f"{APP_NAME}-256.png")]


def pythainlp_datas() -> list[tuple[str, str]]:
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or spec.origin is None:
        raise RuntimeError("pythainlp is not installed in the build environment")
    corpus = Path(spec.origin).parent / "corpus"
    return [(str(corpus / name), "pythainlp/corpus") for name in PYTHAINLP_CORPUS_FILES]


def migration_imports() -> list[str]:
    """Modules imported by env.py and the revision scripts: Alembic loads them at run time, so
    PyInstaller's analysis never sees their imports; they are declared as hidden imports."""
    modules = {"alembic.op", "alembic.context", "alembic.ddl.sqlite", "alembic.ddl.postgresql"}
    for path in sorted(migrations_dir().rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
    modules.discard("__future__")
    return sorted(modules)


def keep_qt_data(destination: str) -> bool:
    """False for Qt translations we do not ship (everything but Thai and English)."""
    parts = PurePosixPath(destination.replace("\\", "/"))
    if "translations" in parts.parts and parts.suffix == ".qm" and "PySide6" in parts.parts:
        return any(fnmatch.fnmatch(parts.name, pattern) for pattern in QT_TRANSLATIONS_KEPT)
    return True


def keep_qt_binary(destination: str) -> bool:
    """False for the Qt plugins listed in QT_PLUGINS_DROPPED."""
    match = _QT_PLUGIN_PATH.search(destination.replace("\\", "/"))
    if match is None:
        return True
    return not any(fnmatch.fnmatch(match.group(1), pattern) for pattern in QT_PLUGINS_DROPPED)


def version() -> str:
    """The app's version string, read without importing the package (no side effects in the spec)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "__version__":
            return str(ast.literal_eval(node.value))
    raise RuntimeError("sbpac_desktop.__version__ not found")


def windows_version(text: str | None = None) -> tuple[int, int, int, int]:
    """'0.1.0' / '0.1.0rc1+local' -> (0, 1, 0, 0): Windows file versions are four numbers."""
    parts = (text or version()).split("+")[0].split(".")
    numbers = [int(match.group()) if (match := re.match(r"\d+", part)) else 0 for part in parts]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def is_windows() -> bool:
    return sys.platform.startswith("win")


# --- Linux: system libraries come from Debian packages, not from the build machine --------------

# Libraries installed from /lib or /usr/lib on the build machine are left out of the bundle and
# become package dependencies (installer/linux/shlibs.map): the X11/xcb/EGL/fontconfig/CUPS stack
# must match the clerk's desktop, and the bundle must not depend on what happened to be
# installed where it was built.
SYSTEM_LIBRARY_DIRS = ("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/")
QT_LIB_MARKER = "PySide6/Qt/lib/"

_DT_NEEDED, _DT_STRTAB, _DT_SONAME = 1, 5, 14
_SHT_DYNAMIC = 6


def elf_dynamic(path: str | Path) -> tuple[list[str], str | None] | None:
    """(DT_NEEDED names, DT_SONAME) of a 64-bit little-endian ELF file; None if it is not one."""
    import struct

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != _SHT_DYNAMIC:
            continue
        strtab_offset = sections[link][4]

        def string(at: int, base: int = strtab_offset) -> str:
            end = data.index(b"\x00", base + at)
            return data[base + at : end].decode()

        needed, soname = [], None
        for index in range(size // (entsize or 16)):
            tag, value = struct.unpack_from("<qQ", data, offset + index * 16)
            if tag == 0:
                break
            if tag == _DT_NEEDED:
                needed.append(string(value))
            elif tag == _DT_SONAME:
                soname = string(value)
        return needed, soname
    return [], None


def is_system_library(entry: tuple[str, str, str]) -> bool:
    """A shared library from a Debian package (Python's own extension modules and libpython stay)."""
    destination, source, kind = entry
    return (
        kind == "BINARY"
        and source.replace("\\", "/").startswith(SYSTEM_LIBRARY_DIRS)
        and not Path(destination).name.startswith("libpython")
    )


def linux_binaries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The spec's filter for a.binaries on Linux.

    1. Qt plugins we do not ship are dropped (QT_PLUGINS_DROPPED).
    2. Libraries from the build machine's system folders are dropped (they are dependencies).
    3. Qt libraries that nothing kept needs any more (QtQml/QtQuick/VirtualKeyboard behind the
       virtual-keyboard plugin, the EGLFS integration libraries) are dropped.
    """
    kept = [entry for entry in binaries if keep_qt_binary(entry[0]) and not is_system_library(entry)]
    qt_libs = [entry for entry in kept if QT_LIB_MARKER in entry[0].replace("\\", "/")]
    others = [entry for entry in kept if entry not in qt_libs]
    needed: set[str] = set()
    pending = list(others)
    reached: list[tuple[str, str, str]] = []
    while pending:
        for entry in pending:
            info = elf_dynamic(entry[1])
            if info:
                needed.update(info[0])
        pending = [entry for entry in qt_libs if entry not in reached and Path(entry[0]).name in needed]
        reached += pending
    return others + reached


def drop_dangling_symlinks(
    datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """PyInstaller puts top-level symlinks to libraries in subfolders (SYMLINK entries in datas):
    drop those whose target was filtered out above."""
    import posixpath

    present = {entry[0].replace("\\", "/") for entry in [*binaries, *datas] if entry[2] != "SYMLINK"}
    kept = []
    for entry in datas:
        if entry[2] == "SYMLINK":
            destination = entry[0].replace("\\", "/")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(destination), entry[1].replace("\\", "/")))
            if target not in present:
                continue
        kept.append(entry)
    return kept
