"""The UI font: Sarabun (OFL, from fontpkg-sarabun), the same family the PDFs use."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

UI_FAMILY = "sarabun"
UI_WEIGHTS = (400, 700)
UI_POINT_SIZE = 10.5  # Sarabun ≈ 10.6 pt matches TH Sarabun New 16 pt on the same line

_loaded: dict[str, str] = {}  # font file path -> family; registering twice adds nothing


def _font_paths() -> list[str]:
    try:
        import fontpkg  # optional: a missing font must not stop the app
    except ImportError:
        log.warning("fontpkg is not installed; the system font is used")
        return []
    paths = []
    for weight in UI_WEIGHTS:
        try:
            paths.append(str(fontpkg.path(UI_FAMILY, weight)))
        except Exception:  # the package's own lookup error type is not part of its API
            log.warning("Sarabun weight %s not found", weight, exc_info=True)
    return paths


def register_fonts(known: Sequence[str] = ()) -> str | None:
    """Register the Sarabun files with Qt; return the family name, or None if none loaded.
    `known`: the files found at an earlier start (`font_files`); used when they are all still
    there, which spares fontpkg's look-up through every installed package's entry points
    (about 0.1 s of the time to the first window, issue #16)."""
    paths = list(known) if known and all(os.path.isfile(path) for path in known) else _font_paths()
    for path in paths:
        if path in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            _loaded[path] = families[0]
        else:
            log.warning("Qt could not load the font file %s", path)
    return next(iter(_loaded.values()), None)


def font_files() -> list[str]:
    """The font files registered so far (to hand to `register_fonts` at the next start)."""
    return list(_loaded)


def apply_ui_font(app: QApplication, known: Sequence[str] = ()) -> str | None:
    """Make Sarabun the application font; keep the system font if it cannot be loaded."""
    family = register_fonts(known)
    if family is None:
        return None
    font = QFont(family)
    font.setPointSizeF(UI_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family
