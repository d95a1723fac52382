"""A date field in the Buddhist Era: shows and accepts dd/mm/BE (22/10/2562).

Qt has no Buddhist calendar, so the text is read with `thai.parse_thai_date` (which
also takes Thai digits, "22 ต.ค. 62" and ISO) and the popup calendar has its own
navigation bar whose year box counts in BE. The value is a Gregorian `date`.
"""

from __future__ import annotations

import datetime
from datetime import date

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.gui.i18n import THAI, current_language
from sbpac_desktop.gui.text import date_text
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.thai import THAI_MONTHS, DateTextError, be_year, long_date, parse_thai_date

BE_OFFSET = 543
MIN_YEAR, MAX_YEAR = 1900, 2200


def calendar_icon(size: int = 32) -> QIcon:
    """A small calendar page drawn in code (no image file, no font glyph needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    page = QRectF(2 * unit, 3 * unit, 12 * unit, 11 * unit)
    painter.setPen(QPen(QColor("#4a5568"), unit))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(page, unit, unit)
    painter.fillRect(QRectF(2.5 * unit, 3.5 * unit, 11 * unit, 2.5 * unit), QColor("#c53030"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#4a5568"))
    for row in range(3):
        for column in range(4):
            painter.drawRect(QRectF((3.6 + column * 2.4) * unit, (7.2 + row * 2.1) * unit, 1.4 * unit, 1.2 * unit))
    painter.end()
    return QIcon(pixmap)


def be_text(value: date) -> str:
    """22/10/2562 — the form the field shows and the clerk types."""
    return f"{value.day:02d}/{value.month:02d}/{be_year(value)}"


class BeCalendarPopup(QFrame):
    """A month calendar with Thai month names and a BE year box; emits `picked`."""

    picked = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("beCalendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(MAX_YEAR, 12, 31))
        self.month = QComboBox(self)
        self.month.addItems(list(THAI_MONTHS))
        self.year = QSpinBox(self)
        self.year.setRange(MIN_YEAR + BE_OFFSET, MAX_YEAR + BE_OFFSET)
        self.year.setPrefix(self.tr("พ.ศ. "))
        self.year.setAccelerated(True)
        style = self.style()
        self.previous = QToolButton(self)
        self.previous.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowLeft))
        self.previous.setToolTip(self.tr("เดือนก่อน"))
        self.next = QToolButton(self)
        self.next.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
        self.next.setToolTip(self.tr("เดือนถัดไป"))
        self.today = QPushButton(self.tr("วันนี้"), self)
        self._layout()
        self.previous.clicked.connect(self.calendar.showPreviousMonth)
        self.next.clicked.connect(self.calendar.showNextMonth)
        self.month.currentIndexChanged.connect(self._page_from_boxes)
        self.year.valueChanged.connect(self._page_from_boxes)
        self.calendar.currentPageChanged.connect(self._boxes_from_page)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.today.clicked.connect(lambda: self._pick(QDate.currentDate()))
        self._boxes_from_page(self.calendar.yearShown(), self.calendar.monthShown())

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.month, 1)
        bar.addWidget(self.year)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.calendar)
        layout.addWidget(self.today, 0, Qt.AlignmentFlag.AlignRight)

    def show_date(self, value: date) -> None:
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self.calendar.setCurrentPage(value.year, value.month)

    def _page_from_boxes(self, *_: object) -> None:
        self.calendar.setCurrentPage(self.year.value() - BE_OFFSET, self.month.currentIndex() + 1)

    def _boxes_from_page(self, year: int, month: int) -> None:
        for box in (self.month, self.year):
            box.blockSignals(True)
        self.month.setCurrentIndex(month - 1)
        self.year.setValue(year + BE_OFFSET)
        for box in (self.month, self.year):
            box.blockSignals(False)

    def _pick(self, value: QDate) -> None:
        self.picked.emit(date(value.year(), value.month(), value.day()))
        self.hide()


class BeDateEdit(QWidget):
    """Text field plus calendar button. `date()` is None when blank or unreadable;
    `problem()` says in Thai what is wrong (None when the text is fine)."""

    dateChanged = Signal(object)  # noqa: N815 — Qt naming, like QDateEdit.dateChanged

    def __init__(self, parent: QWidget | None = None, *, required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("beDateText")
        self.line_edit.setPlaceholderText(self.tr("วว/ดด/ปปปป เช่น 22/10/2562"))
        self.line_edit.setClearButtonEnabled(not required)
        self.button = QToolButton(self)
        self.button.setObjectName("beDateButton")
        self.button.setIcon(calendar_icon())
        self.button.setToolTip(self.tr("เลือกจากปฏิทิน"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup: BeCalendarPopup | None = None
        layout = flush(QHBoxLayout(self), spacing=2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line_edit)
        self.button.clicked.connect(self.open_calendar)
        self.line_edit.editingFinished.connect(self._tidy)
        self.line_edit.textChanged.connect(self._text_changed)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.line_edit.fontMetrics().horizontalAdvance("00/00/00000") + 60
        return QSize(max(width, 150), super().sizeHint().height())

    # --- value ---------------------------------------------------------------------
    def text(self) -> str:
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        self.line_edit.setText(text)

    def date(self) -> date | None:
        try:
            return parse_thai_date(self.line_edit.text())
        except ValueError:
            return None

    def setDate(self, value: datetime.date | None) -> None:  # noqa: N802 — mirrors QDateEdit
        self.line_edit.setText(be_text(value) if value else "")

    def problem(self) -> str | None:
        """None when the field is fine; else a message in the interface language."""
        text = self.line_edit.text().strip()
        if not text:
            return self.tr("กรุณาระบุวันที่") if self.required else None
        try:
            parse_thai_date(text)
        except DateTextError as error:
            return self._message(error)
        return None

    def _message(self, error: DateTextError) -> str:
        if current_language() == THAI:
            return str(error)  # parse_thai_date's own wording, with the weekday it really was
        if error.kind == "unreadable":
            wording = self.tr("อ่านวันที่ไม่ได้: {text} (ตัวอย่าง: 22/10/2562 หรือ 22 ต.ค. 2562)")
        elif error.kind == "weekday":
            wording = self.tr("วันในสัปดาห์ไม่ตรงกับวันที่: {text}")
        else:
            wording = self.tr("วันที่ไม่ถูกต้อง: {text}")
        return wording.format(text=error.shown)

    # --- behaviour -----------------------------------------------------------------
    def _text_changed(self, _text: str) -> None:
        value = self.date()
        if value is None:
            self.line_edit.setToolTip("")
        else:
            self.line_edit.setToolTip(long_date(value) if current_language() == THAI else date_text(value))
        self.dateChanged.emit(value)

    def _tidy(self) -> None:
        """After typing "22 ต.ค. 62" or "๒๒/๑๐/๒๕๖๒", show the canonical 22/10/2562."""
        value = self.date()
        if value is not None and self.line_edit.text() != be_text(value):
            self.setDate(value)

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = BeCalendarPopup(self)
            self.popup.picked.connect(self._picked)
        self.popup.show_date(self.date() or date.today())
        self.popup.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        self.popup.move(below)
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, value: datetime.date) -> None:
        self.setDate(value)
        self.line_edit.setFocus()
