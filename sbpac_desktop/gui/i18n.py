"""The interface language: Thai (the language of the source strings) or English (Qt Linguist).

Strings in the code are Thai; `resources/translations/sbpac_desktop_en.ts` translates them and
`make translations` compiles it to `gui/translations/sbpac_desktop_en.qm` (package data, so the
installed and the frozen app find it). Choosing English installs ours plus Qt's own `qtbase_en.qm`
for the standard buttons. Choosing Thai installs Qt's `qtbase_th.qm` when the Qt build has one
(PySide6 ships none), else our `gui/translations/qtbase_th.qm` for Qt's buttons, message boxes
and file dialog (compiled from gui/qt_thai.py). Installing or removing a translator makes Qt
send LanguageChange to every widget, which is how open windows retranslate.

The choice is per machine (QSettings `ui/language`), not per database.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from sbpac_desktop.domain.errors import AppError, FieldProblem

log = logging.getLogger(__name__)

THAI = "th"
ENGLISH = "en"
LANGUAGES = (THAI, ENGLISH)
DEFAULT_LANGUAGE = THAI
SETTINGS_KEY = "ui/language"
CATALOGUE = "sbpac_desktop"  # sbpac_desktop_<lang>.qm

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def language_names() -> dict[str, str]:
    """Each language in its own script, so a user who cannot read the current one finds theirs."""
    return {THAI: "ไทย (Thai)", ENGLISH: "English (อังกฤษ)"}


def translations_dir() -> Path:
    return Path(str(resources.files("sbpac_desktop.gui").joinpath("translations")))


def catalogue_path(language: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{language}.qm"


def saved_language(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Make `language` the interface language now; False (Thai kept) when its catalogue is missing."""
    global _current
    if QCoreApplication.instance() is None:
        raise RuntimeError("install_language needs a QApplication")
    wanted = language if language in LANGUAGES else DEFAULT_LANGUAGE
    translators = [] if wanted == THAI else _load(wanted)
    if wanted != THAI and not translators:
        log.warning("No translation catalogue for %s; the interface stays Thai", wanted)
    _current = wanted if translators else THAI
    if _current == THAI:
        translators = _thai_for_qt()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for translator in translators:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    log.info("Interface language: %s", _current)
    return _current == wanted


def _thai_for_qt() -> list[QTranslator]:
    """Qt's own strings in Thai: Qt's catalogue if this Qt build has one (PySide6 has none), else
    ours, compiled from gui/qt_thai.py; the interface then needs no catalogue (its source is Thai)."""
    qtbase = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qtbase.load(f"qtbase_{THAI}", qt_folder) or qtbase.load(f"qtbase_{THAI}", str(translations_dir())):
        return [qtbase]
    log.warning("No Thai catalogue for Qt's own dialogs; their buttons stay English")
    return []


def _load(language: str) -> list[QTranslator]:
    ours = QTranslator()
    if not ours.load(str(catalogue_path(language))):
        return []
    loaded = [ours]
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if qtbase.load(f"qtbase_{language}", qt_folder):  # standard buttons and dialogs; optional
        loaded.append(qtbase)
    return loaded


def error_text(error: AppError) -> str:
    """Service errors carry both languages: show the one the interface speaks."""
    return error.message(current_language())


def problem_text(problem: FieldProblem) -> str:
    return problem.message_en if current_language() == ENGLISH else problem.message_th
