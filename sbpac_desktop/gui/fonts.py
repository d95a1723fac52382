"""The UI font: Sarabun (OFL, from fontpkg-sarabun), the same family the PDFs use."""

from __future__ import annotations

import logging

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


def register_fonts() -> str | None:
    """Register the Sarabun files with Qt; return the family name, or None if none loaded."""
    for path in _font_paths():
        if path in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            _loaded[path] = families[0]
        else:
            log.warning("Qt could not load the font file %s", path)
    return next(iter(_loaded.values()), None)


def apply_ui_font(app: QApplication) -> str | None:
    """Make Sarabun the application font; keep the system font if it cannot be loaded."""
    family = register_fonts()
    if family is None:
        return None
    font = QFont(family)
    font.setPointSizeF(UI_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family
