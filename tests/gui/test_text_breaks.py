"""Display-only word breaks: Thai wraps between the segmenter's words, the U+200B marks never
reach the clipboard or the database, and Python code reading a label gets the plain text."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTextBoundaryFinder
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QTextLayout, QTextOption
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import text as text_module
from sbpac_desktop.gui.fonts import apply_ui_font
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.text import ThaiLabel, install_clipboard_scrubber, wrappable
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.thai import segment
from tests.services.helpers import meeting, series

MARK = "\u200b"
DIRECTIVE = (
    "ให้ศอ.บต.ประสานกระทรวงพาณิชย์และหน่วยงานที่เกี่ยวข้องจัดทำแผนส่งเสริมการตลาดผลิตภัณฑ์ชุมชน"
    "ในจังหวัดชายแดนภาคใต้ให้แล้วเสร็จภายในไตรมาสที่สองของปีงบประมาณ"
)
AGENDA = "เรื่องการขับเคลื่อนนโยบายการบริหารและการพัฒนาจังหวัดชายแดนภาคใต้ประจำปีงบประมาณพ.ศ.๒๕๖๓"
Wait = Callable[[], None]


@pytest.fixture(autouse=True)
def _font_and_scrubber(qapp: object) -> None:
    apply_ui_font(qapp)  # type: ignore[arg-type]  # Sarabun, as in the app
    install_clipboard_scrubber()


def _word_ends(text: str) -> set[int]:
    """Offsets in `text` where one segment ends and the next begins (plus both ends)."""
    return {0, *itertools.accumulate(len(token) for token in segment(text))}


def _raw_offset(marked: str, position: int) -> int:
    return position - marked.count(MARK, 0, position)


def _break_opportunities(text: str) -> set[int]:
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    found = set()
    position = finder.toNextBoundary()
    while position != -1:
        found.add(position)
        position = finder.toNextBoundary()
    return found


def _line_starts(marked: str, width: float, qapp: object) -> list[tuple[int, float]]:
    layout = QTextLayout(marked, qapp.font())  # type: ignore[attr-defined]
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # what a word-wrapping QLabel asks for
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append((line.textStart(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


@pytest.mark.parametrize("thai", [DIRECTIVE, AGENDA])
def test_every_word_boundary_becomes_a_break_opportunity(thai: str) -> None:
    """What makes Thai wrap where Qt has no libthai (Windows): each word end is an opportunity."""
    marked = wrappable(thai)
    opportunities = _break_opportunities(marked)
    positions = {i + 1 for i, char in enumerate(marked) if char == MARK}
    assert positions and positions <= opportunities
    assert {_raw_offset(marked, p) for p in positions} <= _word_ends(thai)


@pytest.mark.parametrize("width", [140, 220, 320])
@pytest.mark.parametrize("thai", [DIRECTIVE, AGENDA])
def test_wrapped_lines_start_between_words_and_fit(qapp: object, thai: str, width: int) -> None:
    marked = wrappable(thai)
    # Qt may also break where libthai (if the system has it) finds a boundary in the plain text.
    allowed = _word_ends(thai) | _break_opportunities(thai)
    lines = _line_starts(marked, width, qapp)
    assert len(lines) > 1
    for start, natural in lines:
        assert _raw_offset(marked, start) in allowed, f"line starts inside a word at {start}"
        assert natural <= width + 0.5  # nothing sticks out of the label


def test_thai_label_wraps_but_reads_back_plain(qtbot: QtBot) -> None:
    label = ThaiLabel(DIRECTIVE)
    qtbot.addWidget(label)
    label.setFixedWidth(260)
    label.show()
    qtbot.waitExposed(label)
    assert label.text() == DIRECTIVE and MARK not in label.text()
    assert label.wordWrap()
    one_line = QFontMetricsF(label.font()).horizontalAdvance(DIRECTIVE)
    assert one_line > 260 and label.heightForWidth(260) > 2 * label.fontMetrics().height()


def test_copying_a_selected_label_gives_the_plain_text(qtbot: QtBot) -> None:
    label = ThaiLabel(AGENDA)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    qtbot.addWidget(label)
    label.show()
    label.setSelection(0, len(wrappable(AGENDA)))
    assert MARK in label.selectedText()  # what Qt holds for layout…
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == AGENDA  # …is not what the user copies


def test_copying_from_a_text_view_removes_the_marks(qtbot: QtBot) -> None:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setHtml(f"<b>{wrappable('ความก้าวหน้า')}</b><br>{wrappable(DIRECTIVE)}")
    view.selectAll()
    view.copy()
    data = QGuiApplication.clipboard().mimeData()
    assert MARK not in data.text() and MARK not in data.html()
    assert DIRECTIVE in data.text()


def test_another_programs_clipboard_is_left_alone(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what this program copied is cleaned: offscreen pretends the copy came from elsewhere."""
    monkeypatch.setattr(text_module, "IN_PROCESS_CLIPBOARD_PLATFORMS", ())
    QGuiApplication.clipboard().setText(f"จาก{MARK}โปรแกรมอื่น")
    assert QGuiApplication.clipboard().text() == f"จาก{MARK}โปรแกรมอื่น"


def test_ctrl_c_in_a_table_and_saved_records_have_no_marks(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings, wait_ops: Wait
) -> None:
    # A title pasted from elsewhere with marks in it is stored without them…
    saved = meeting(work_ctx, series(work_ctx, "ชุดทดสอบการตัดคำ"), date(2020, 3, 3), title=wrappable(AGENDA))
    assert meetings.get_meeting(work_ctx.db, work_ctx.actor, saved.id).title == AGENDA
    window = MainWindow(work_ctx, settings)
    window.close_context = lambda ctx: None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_ops()
    page = window.page("meetings")
    table = page.table  # type: ignore[attr-defined]
    row = table.row_of(lambda dto: dto.id == saved.id)
    assert row is not None
    title_column = 2
    index = table.model().index(row, title_column)
    assert MARK in index.data()  # …the table cell shows it with break marks…
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == AGENDA  # …and Ctrl+C copies it plain


def test_a_long_message_takes_only_the_lines_it_needs(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    """A wrapped label on a stacked page used to reserve room for a narrow default width."""
    window = MainWindow(ctx, settings)
    window.close_context = lambda old: None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("settings")
    page = window.settings_page
    assert page is not None
    label = page.ui.databaseMessage
    page._say(label, DIRECTIVE + " " + AGENDA, ok=False)
    qtbot.waitUntil(lambda: label.height() == label.heightForWidth(label.width()), timeout=3000)
    assert label.height() <= 3 * label.fontMetrics().lineSpacing()


def test_wrap_delegate_wraps_cells_but_keeps_the_data_plain(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

    from sbpac_desktop.gui.text import WrapDelegate

    model = QStandardItemModel()
    model.appendRow(QStandardItem(AGENDA))
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    tree.setWordWrap(True)
    delegate = WrapDelegate(tree)
    tree.setItemDelegate(delegate)
    tree.setColumnWidth(0, 200)
    tree.resize(220, 300)
    tree.show()
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect.setWidth(200)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    delegate.initStyleOption(option, index)
    assert MARK in option.text  # what is painted and measured…
    assert index.data() == AGENDA  # …is not what the model holds
    assert delegate.sizeHint(option, index).height() > 2 * tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.visualRect(index).height() > 2 * tree.fontMetrics().height(), timeout=3000)
    tree.setCurrentIndex(index)
    qtbot.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == AGENDA


def test_search_results_wrap_titles_and_snippets(qtbot: QtBot, ctx: AppContext) -> None:
    from sbpac_desktop.gui.search.results import COL_SNIPPET, COL_TITLE, SearchResultsDialog

    dialog = SearchResultsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.run("งบประมาณ")
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=10_000)
    one_line = dialog.tree.fontMetrics().height()
    heights = [dialog.tree.visualItemRect(dialog.tree.topLevelItem(i)).height() for i in range(3)]
    assert max(heights) > 2 * one_line  # long directive titles take two lines instead of one cut line
    item = dialog.tree.topLevelItem(0)
    assert MARK not in item.text(COL_TITLE) + item.text(COL_SNIPPET)  # the data stays plain
