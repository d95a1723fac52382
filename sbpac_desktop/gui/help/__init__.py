"""Help → คู่มือการใช้งาน: the bundled Thai user guide (guide_th.html, package data, so the
installed and the frozen app carry it) in a browser window with working in-page links."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE_FILE = "guide_th.html"


def guide_path() -> Path:
    return Path(str(resources.files("sbpac_desktop.gui.help").joinpath(GUIDE_FILE)))


class GuideWindow(QDialog):
    """Not modal: the guide stays open beside the main window while the user follows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(self.tr("คู่มือการใช้งาน SBPAC Desktop"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def headings(self) -> list[str]:
        """The guide's section headings as shown (for tests and a quick look)."""
        document = self.browser.document()
        found = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() in (1, 2):
                found.append(block.text())
            block = block.next()
        return found
