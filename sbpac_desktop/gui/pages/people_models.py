"""Table models of the People & units page: terms in office and people (DTOs only); the posts
model is gui/models/positions.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.models.positions import INACTIVE_COLOUR
from sbpac_desktop.gui.text import date_text, or_blank, wrappable
from sbpac_desktop.services.people.org import IncumbencyView, PersonView


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
