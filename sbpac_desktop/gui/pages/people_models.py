"""Table models of the People & units page: posts, terms in office, people (DTOs only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.text import date_text, or_blank, wrappable
from sbpac_desktop.services.org import IncumbencyView, PersonView, PositionView

INACTIVE_COLOUR = QColor("#8a8a8a")


class PostsModel(DtoTableModel[PositionView]):
    COL_CODE, COL_TITLE, COL_UNIT, COL_HOLDER = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_TITLE: 3, COL_UNIT: 3, COL_HOLDER: 2}

    def headers(self) -> Sequence[str]:
        return (self.tr("ชื่อย่อ"), self.tr("ตำแหน่ง"), self.tr("หน่วยงานต้นสังกัด"), self.tr("ผู้ดำรงตำแหน่งปัจจุบัน"))

    def display(self, row: PositionView, column: int) -> str:
        if column == self.COL_CODE:
            return or_blank(row.short_code)
        if column == self.COL_TITLE:
            title = row.title if row.active else self.tr("{title} (ระงับแล้ว)").format(title=row.title)
            return wrappable(title)
        if column == self.COL_UNIT:
            return wrappable(row.org_unit_name) if row.org_unit_name else or_blank(None)
        return or_blank(row.holder_name) if row.active or row.holder_name else or_blank(None)

    def sort_value(self, row: PositionView, column: int) -> Any:
        return (row.short_code, row.title, row.org_unit_name, row.holder_name)[column]

    def foreground(self, row: PositionView, column: int) -> QColor | None:
        return None if row.active else INACTIVE_COLOUR


class TermsModel(DtoTableModel[IncumbencyView]):
    COL_PERSON, COL_START, COL_END, COL_KIND = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_PERSON: 3}

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()

    def headers(self) -> Sequence[str]:
        return (self.tr("ผู้ดำรงตำแหน่ง"), self.tr("ตั้งแต่"), self.tr("ถึง"), self.tr("ลักษณะ"))

    def display(self, row: IncumbencyView, column: int) -> str:
        if column == self.COL_PERSON:
            return row.person_name
        if column == self.COL_START:
            return date_text(row.start_on)
        if column == self.COL_END:
            return date_text(row.end_on) if row.end_on else self.tr("ปัจจุบัน")
        kind = self.tr("รักษาราชการแทน") if row.acting else self.tr("ดำรงตำแหน่ง")
        return self.tr("{kind} (ปัจจุบัน)").format(kind=kind) if row.current_on(self.today) else kind

    def sort_value(self, row: IncumbencyView, column: int) -> Any:
        return (row.person_name, row.start_on, row.end_on or date.max, row.acting)[column]

    def foreground(self, row: IncumbencyView, column: int) -> QColor | None:
        return None if row.current_on(self.today) else INACTIVE_COLOUR


class PeopleModel(DtoTableModel[PersonView]):
    COL_NAME, COL_POSTS, COL_EMAIL, COL_PHONE = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_NAME: 2, COL_POSTS: 3}

    def __init__(self) -> None:
        super().__init__()
        self.posts: dict[int, str] = {}  # person id -> the posts held today, joined

    def headers(self) -> Sequence[str]:
        return (self.tr("ชื่อ-นามสกุล"), self.tr("ตำแหน่งปัจจุบัน"), self.tr("อีเมล"), self.tr("โทรศัพท์"))

    def set_people(self, people: Sequence[PersonView], posts: dict[int, str]) -> None:
        self.posts = posts
        self.set_rows(people)

    def display(self, row: PersonView, column: int) -> str:
        if column == self.COL_NAME:
            return row.full_name if row.active else self.tr("{name} (ระงับแล้ว)").format(name=row.full_name)
        if column == self.COL_POSTS:
            return wrappable(self.posts.get(row.id)) if row.id in self.posts else or_blank(None)
        return or_blank(row.email if column == self.COL_EMAIL else row.phone)

    def sort_value(self, row: PersonView, column: int) -> Any:
        if column == self.COL_NAME:
            return f"{row.first_name} {row.last_name}"  # Thai order is by given name, not by title
        return (None, self.posts.get(row.id), row.email, row.phone)[column]

    def foreground(self, row: PersonView, column: int) -> QColor | None:
        return None if row.active else INACTIVE_COLOUR
