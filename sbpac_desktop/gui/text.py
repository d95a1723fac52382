"""How service values become screen text: Thai digits, dashes for blanks, wrap points.

Display only: the U+200B break marks that `wrappable` inserts are never written back.
Editors are filled from the DTOs (raw text), ThaiLabel hands Python callers the raw text,
services normalise U+200B away before storing, and `install_clipboard_scrubber` removes
the marks from anything this program puts on the clipboard (Ctrl+C in a table, a selected
label or text view, the context menu's Copy).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QClipboard, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from sbpac_desktop.gui.i18n import THAI, current_language
from sbpac_desktop.thai import (
    english_medium_date,
    insert_break_opportunities,
    medium_date,
    strip_break_opportunities,
    time_text,
    to_thai_digits,
)

BLANK = "—"
THAI_DIGITS = True  # Thai digits on screen while the interface is Thai; documents follow Settings
# Platforms whose clipboard lives inside this process only (tests, headless checks): whatever
# is on it was put there by us.
IN_PROCESS_CLIPBOARD_PLATFORMS = ("offscreen", "minimal")
CELL_PADDING = 6  # Thai stacks marks above and below the line: wrapped cells get some air
BREAK_MARK = "\u200b"  # what insert_break_opportunities puts between words


def thai_digits() -> bool:
    """๐–๙ on screen for the Thai interface; the English one reads 0–9."""
    return THAI_DIGITS and current_language() == THAI


def digits(text: str) -> str:
    return to_thai_digits(text) if thai_digits() else text


def or_blank(text: str | None) -> str:
    return text if text else BLANK


def date_text(value: date | None) -> str:
    """Every date on screen: "๒๒ ต.ค. ๒๕๖๒" in Thai, "22 Oct 2562 BE" in English."""
    if not value:
        return BLANK
    if current_language() != THAI:
        return english_medium_date(value)
    return medium_date(value, thai_digits=thai_digits())


def datetime_text(value: datetime) -> str:
    """A moment (history, conflicts) in local time: "๓๐ ก.ย. ๒๕๖๒ ๑๔.๐๕ น." / "30 Sep 2562 BE 14:05"."""
    local = value.astimezone() if value.tzinfo else value
    if current_language() != THAI:
        return f"{date_text(local.date())} {local:%H:%M}"
    return f"{date_text(local.date())} {time_text(local.time(), thai_digits=thai_digits())}"


def percent_text(value: int | None) -> str:
    """A bare number: the column header already says ร้อยละ (percent)."""
    return BLANK if value is None else digits(str(value))


@lru_cache(maxsize=4096)
def wrappable(text: str | None) -> str:
    """Insert invisible line-break points between Thai words.

    Qt breaks Thai lines only when libthai is present (never on Windows); without the
    marks a long directive would not wrap at all in a table cell.
    """
    if not text:
        return BLANK
    return insert_break_opportunities(text)


def breakable(text: str) -> str:
    """Like wrappable, but an empty piece stays empty (for parts of a larger text)."""
    return wrappable(text) if text else ""


def plain(text: str) -> str:
    """The stored form of displayed text: the break marks removed."""
    return strip_break_opportunities(text)


class ThaiLabel(QLabel):
    """A word-wrapping label for long Thai text: Qt lays out the marked text, while Python
    code (and tests) reading `text()` get exactly the text that was set."""

    def __init__(self, text: str | QWidget | None = None, parent: QWidget | None = None) -> None:
        if isinstance(text, QWidget):  # QLabel(parent), as Designer's compiled forms call it
            text, parent = None, text
        super().__init__(parent)
        self._raw = ""
        self.setWordWrap(True)
        self.setText(text or "")

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._raw = text
        super().setText(breakable(text))

    def text(self) -> str:
        return self._raw

    # QLabel sizes a wrapped text for a narrow default width, so a layout that does not pass
    # the real width down (a page in a QStackedWidget) reserves several empty lines. Once the
    # label knows its width, its hints follow the height the text really needs there.
    def _fitted(self, hint: QSize) -> QSize:
        if self.wordWrap() and self.width() > hint.width():
            return QSize(hint.width(), max(self.heightForWidth(self.width()), 0))
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._fitted(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._fitted(super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        width_changed = event.size().width() != event.oldSize().width()
        super().resizeEvent(event)
        if width_changed and self.wordWrap():
            self.updateGeometry()


class WrapDelegate(QStyledItemDelegate):
    """For item views whose cells hold plain Thai (a tree of agenda titles): the break marks are
    added only while painting and measuring, so the model's data, a copy and a test all see
    the stored text."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if option.text:
            option.text = wrappable(option.text)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        """A tree asks without a width; measure at the column's width so a long title gets its lines."""
        view = self.parent()
        if not option.rect.isValid() and isinstance(view, QTreeView):
            width = view.columnWidth(index.column())
            if index.column() == 0:
                depth, parent = 0, index.parent()
                while parent.isValid():
                    depth, parent = depth + 1, parent.parent()
                width -= view.indentation() * (depth + int(view.rootIsDecorated()))
            option = QStyleOptionViewItem(option)
            option.rect.setRect(0, 0, max(width, 1), max(option.rect.height(), 1))  # valid: the style wraps
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + CELL_PADDING)


class ClipboardScrubber(QObject):
    """Takes the break marks out of whatever this program copies (text and HTML alike)."""

    def __init__(self, clipboard: QClipboard) -> None:
        super().__init__(clipboard)
        self.clipboard = clipboard
        clipboard.dataChanged.connect(lambda: self.scrub(QClipboard.Mode.Clipboard))
        clipboard.selectionChanged.connect(lambda: self.scrub(QClipboard.Mode.Selection))

    def _ours(self, mode: QClipboard.Mode) -> bool:
        if QGuiApplication.platformName() in IN_PROCESS_CLIPBOARD_PLATFORMS:
            return True
        owns = self.clipboard.ownsSelection() if mode is QClipboard.Mode.Selection else self.clipboard.ownsClipboard()
        return owns  # another program's copy is left exactly as it was

    def scrub(self, mode: QClipboard.Mode) -> None:
        data = self.clipboard.mimeData(mode)
        if data is None or not self._ours(mode):
            return
        text = data.text() if data.hasText() else ""
        markup = data.html() if data.hasHtml() else ""
        if BREAK_MARK not in text and BREAK_MARK not in markup:
            return
        clean = QMimeData()
        for fmt in data.formats():  # keep every other format (e.g. an image) as it was
            if fmt not in ("text/plain", "text/html") and not fmt.startswith("text/plain;"):
                clean.setData(fmt, data.data(fmt))
        if data.hasText():
            clean.setText(plain(text))
        if data.hasHtml():
            clean.setHtml(plain(markup))
        self.clipboard.setMimeData(clean, mode)  # fires the signal again; nothing left to scrub


_scrubber: ClipboardScrubber | None = None


def install_clipboard_scrubber() -> ClipboardScrubber:
    """Once per application (start-up and tests); later calls return the same scrubber."""
    global _scrubber
    if _scrubber is None:
        _scrubber = ClipboardScrubber(QGuiApplication.clipboard())
    return _scrubber
