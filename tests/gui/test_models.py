"""Table models tested without any window: columns, display text, sort values, colours."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import ITEM_ROLE, SORT_ROLE, SortProxyModel, sort_key
from sbpac_desktop.gui.models.directives import STATUS_COLOURS, DirectivesModel
from sbpac_desktop.gui.models.meetings import MeetingsModel
from sbpac_desktop.gui.models.positions import PositionsModel
from sbpac_desktop.gui.text import BLANK
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from sbpac_desktop.thai import to_thai_digits

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def meetings_model(ctx: AppContext) -> MeetingsModel:
    model = MeetingsModel()
    model.set_rows(meetings.list_meetings(ctx.db, ctx.actor))
    return model


@pytest.fixture
def directives_model(ctx: AppContext) -> DirectivesModel:
    model = DirectivesModel()
    model.set_rows(directives.list_directives(ctx.db, ctx.actor))
    return model


def cell(model, row: int, column: int, role: int = DISPLAY):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


def test_meetings_rows_and_columns(meetings_model: MeetingsModel) -> None:
    assert meetings_model.rowCount() == 2
    assert meetings_model.columnCount() == 5
    headers = [meetings_model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["ครั้งที่", "วันที่", "ชื่อการประชุม", "สถานที่", "สถานะ"]


def test_meetings_cells_in_thai(meetings_model: MeetingsModel) -> None:
    newest = 0  # the service lists newest first
    assert cell(meetings_model, newest, MeetingsModel.COL_NUMBER) == "๑๐/๒๕๖๒"
    assert cell(meetings_model, newest, MeetingsModel.COL_DATE) == "๒๒ ต.ค. ๒๕๖๒"
    assert cell(meetings_model, 1, MeetingsModel.COL_NUMBER) == "๙/๒๕๖๒"
    meeting = meetings_model.row_at(newest)
    assert cell(meetings_model, newest, MeetingsModel.COL_STATUS) == meeting.status.label


def test_display_has_break_marks_but_plain_text_is_the_stored_title(meetings_model: MeetingsModel) -> None:
    shown = cell(meetings_model, 0, MeetingsModel.COL_TITLE)
    assert "\u200b" in shown
    assert meetings_model.plain_text(0, MeetingsModel.COL_TITLE) == meetings_model.row_at(0).title


def test_sort_role_gives_raw_values(meetings_model: MeetingsModel) -> None:
    assert cell(meetings_model, 0, MeetingsModel.COL_DATE, SORT_ROLE) == date(2019, 10, 22)
    assert cell(meetings_model, 0, MeetingsModel.COL_NUMBER, SORT_ROLE) == 2562 * 10_000 + 10
    assert cell(meetings_model, 0, MeetingsModel.COL_TITLE, ITEM_ROLE) is meetings_model.row_at(0)


def test_invalid_index_and_header_out_of_range(meetings_model: MeetingsModel) -> None:
    assert meetings_model.data(QModelIndex()) is None
    assert meetings_model.headerData(99, Qt.Orientation.Horizontal) is None
    assert meetings_model.rowCount(meetings_model.index(0, 0)) == 0


def test_models_are_read_only(meetings_model: MeetingsModel) -> None:
    flags = meetings_model.flags(meetings_model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert flags & Qt.ItemFlag.ItemIsSelectable


def test_set_rows_resets(meetings_model: MeetingsModel) -> None:
    meetings_model.set_rows([])
    assert meetings_model.rowCount() == 0


def test_directives_rows_and_cells(directives_model: DirectivesModel) -> None:
    assert directives_model.rowCount() == 9
    assert directives_model.columnCount() == 6
    numbers = [cell(directives_model, r, DirectivesModel.COL_NUMBER) for r in range(9)]
    assert "ขส. ๐๐๑/๒๕๖๓" in numbers
    for row in range(9):
        dto = directives_model.row_at(row)
        assert directives_model.plain_text(row, DirectivesModel.COL_TEXT) == dto.text
        due = cell(directives_model, row, DirectivesModel.COL_DUE)
        assert due == BLANK or "๒๕๖" in due  # BE year in Thai digits


def test_directive_status_colours_follow_the_status_key(directives_model: DirectivesModel) -> None:
    keys = set()
    for row in range(directives_model.rowCount()):
        key = directives_model.row_at(row).status.key
        keys.add(key)
        colour = cell(directives_model, row, DirectivesModel.COL_STATUS, Qt.ItemDataRole.BackgroundRole)
        assert isinstance(colour, QColor)
        assert colour.name() == STATUS_COLOURS[key]
        assert cell(directives_model, row, DirectivesModel.COL_TEXT, Qt.ItemDataRole.BackgroundRole) is None
    assert {"overdue", "done"} <= keys  # the demo has both


def test_directive_percent_column(directives_model: DirectivesModel) -> None:
    for row in range(directives_model.rowCount()):
        percent = directives_model.row_at(row).latest_percent
        shown = cell(directives_model, row, DirectivesModel.COL_PERCENT)
        assert cell(directives_model, row, DirectivesModel.COL_PERCENT, SORT_ROLE) == percent
        assert shown == (BLANK if percent is None else to_thai_digits(str(percent)))
    assert "๑๐๐" in {cell(directives_model, r, DirectivesModel.COL_PERCENT) for r in range(9)}


def test_positions_model(ctx: AppContext) -> None:
    model = PositionsModel()
    model.set_rows(org.list_positions(ctx.db, ctx.actor))
    assert model.rowCount() == 12
    holders = {cell(model, r, PositionsModel.COL_HOLDER) for r in range(model.rowCount())}
    assert "นายสมชาย ตัวอย่าง" in holders


def test_proxy_sorts_by_raw_date(meetings_model: MeetingsModel) -> None:
    proxy = SortProxyModel()
    proxy.setSourceModel(meetings_model)
    proxy.sort(MeetingsModel.COL_DATE, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, MeetingsModel.COL_NUMBER)) == "๙/๒๕๖๒"
    proxy.sort(MeetingsModel.COL_DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, MeetingsModel.COL_NUMBER)) == "๑๐/๒๕๖๒"


def test_sort_key_puts_blanks_first_and_uses_thai_order() -> None:
    values = ["ไก่", None, "กา", "ขวด"]
    assert sorted(values, key=sort_key) == [None, "กา", "ไก่", "ขวด"]  # ไก่ sorts under ก
    assert sort_key(date(2020, 1, 1)) < sort_key(date(2020, 1, 2))
    assert sort_key(None) < sort_key(0)
