"""The words both formats print for a meeting's documents: dates, times, numbered person rows,
the directive sentence of the minutes, and the file's title and author. Free of ReportLab: the
PDF pieces (reporting.common) and the Word writer (reporting.word) take them from here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from sbpac_desktop.domain.documents import DirectiveLine, MeetingHeader, PersonLine
from sbpac_desktop.thai import long_date, medium_date, time_text

NO_ASSIGNEE = "ยังไม่มอบหมายผู้รับผิดชอบ"
SECRETARIAT = "ฝ่ายเลขานุการ ศอ.บต."  # the author in the properties of the files the secretariat prints


def meeting_file_title(kind: str, header: MeetingHeader) -> str:
    """The title in a meeting document's file properties: 'รายงานการประชุม ครั้งที่ 11/2562'."""
    return f"{kind} ครั้งที่ {header.number}/{header.be_year}"


def long_date_text(day: date) -> str:
    """Arabic digits here; the paragraph converts them when the document uses Thai digits."""
    return long_date(day, thai_digits=False)


def date_text(day: date | None) -> str:
    return medium_date(day, thai_digits=False) if day else "ไม่กำหนด"


UNKNOWN_TIME = "........ น."  # a time not recorded yet: a dotted blank the secretary fills in by hand


def clock(value: time | None) -> str:
    return time_text(value, thai_digits=False) if value else UNKNOWN_TIME


def person_rows(people: Sequence[PersonLine]) -> list[list[str]]:
    return [[f"{index}.", p.name, p.position or "", p.note or ""] for index, p in enumerate(people, start=1)]


def thai_list(names: Sequence[str]) -> str:
    """'ก', 'ก และ ข', 'ก ข และ ค' — Thai lists take spaces and และ, not commas."""
    if len(names) <= 1:
        return "".join(names)
    return f"{' '.join(names[:-1])} และ{_lead_space(names[-1])}{names[-1]}"  # 'และ กปพ.' as 'ให้ กปพ.'


def directive_sentence(line: DirectiveLine) -> str:
    """The directive as the minutes print it, in plain Thai with no doubled words:
    '<text> โดยมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. (กรมบัญชีกลาง) เป็นผู้รับผิดชอบหลัก ร่วมกับ… ให้แล้วเสร็จภายใน
    31 มี.ค. 2563 (ขส. 002/2563)'. A post the text already names is not named again."""
    text = line.text.strip()
    sentence = text
    if line.responsible is None:
        sentence += f" ({NO_ASSIGNEE})"
    elif line.responsible not in text:
        sentence += f" โดยมอบหมายให้{joined(line.responsible)}เป็นผู้รับผิดชอบหลัก"
    helpers = [name.strip() for name in line.supporting if name not in text]
    if helpers:
        sentence += f" ร่วมกับ{_lead_space(helpers[0])}{thai_list(helpers)}"
    if line.due_on:
        sentence += f" ให้แล้วเสร็จภายใน {date_text(line.due_on)}"
    return f"{sentence} ({line.number})"


def _is_abbreviation(word: str) -> bool:
    """'กปพ.', 'ศอ.บต.', 'จ.ปัตตานี': Thai abbreviations end their letters with a full stop."""
    return "." in word


def _lead_space(name: str) -> str:
    """A name that opens with an abbreviation stands apart from the word before it ('ให้ กปพ.'),
    a name that opens with a full word joins it ('ให้ผู้ช่วยเลขาธิการ …', never 'ให้ ผู้ช่วย…')."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return " " if _is_abbreviation(first) else ""


def joined(name: str) -> str:
    """The name as it sits between 'ให้' and 'เป็น…': set apart only where Thai sets it apart — before
    an opening abbreviation, after a closing bracket or abbreviation ('… (กรมบัญชีกลาง) เป็น', 'กปพ. เป็น')."""
    name = " ".join(name.split())
    after = " " if name.endswith((")", ".")) else ""
    return f"{_lead_space(name)}{name}{after}"
