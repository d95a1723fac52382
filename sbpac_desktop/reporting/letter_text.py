"""The wording of the letters' fixed lines and their layout, shared by the PDF (letters.py) and
Word (word/letters.py) writers so both print the same text at the same places; free of ReportLab.
Arabic digits here; the writers convert when the document uses Thai digits."""

from __future__ import annotations

from sbpac_desktop.domain.letters import DirectiveMemo, InvitationLetter, Letterhead, MemoItem, Signer
from sbpac_desktop.reporting.document_text import date_text
from sbpac_desktop.reporting.layout import CM, TEXT_WIDTH
from sbpac_desktop.thai import long_date

CLOSING = "ขอแสดงความนับถือ"
DISTRIBUTION_TITLE = "บัญชีแจกจ่าย"
MEMO_TITLE = "บันทึกข้อความ"
DOTTED_NAME = "(......................................)"

HALF = TEXT_WIDTH / 2  # the date, the closing and the signature start at the centre of the text
LABEL_INDENT = 2.2 * CM  # wrapped lines of เรื่อง / เรียน hang under the text, not the label
LETTER_EMBLEM = 3 * CM
MEMO_EMBLEM = 1.5 * CM


def number_line(number: str) -> str:
    return f"ที่ {number}"


def letter_date(letter: InvitationLetter | DirectiveMemo) -> str:
    """Letters carry the date without the weekday: '15 ตุลาคม 2562'."""
    return long_date(letter.issued_on, weekday=False, thai_digits=False)


def office_lines(head: Letterhead) -> list[str]:
    """The issuing office's block at the top right of an external letter."""
    return [head.office_name, *[line.strip() for line in head.address.splitlines() if line.strip()]]


def heading_lines(letter: InvitationLetter) -> list[tuple[str, str]]:
    """(label, text) lines under the date, in the order of the Regulation: เรื่อง, เรียน, สิ่งที่ส่งมาด้วย."""
    lines = [("เรื่อง", letter.subject), ("เรียน", letter.addressee)]
    for index, enclosure in enumerate(letter.enclosures, start=1):
        label = "สิ่งที่ส่งมาด้วย"
        text = enclosure if len(letter.enclosures) == 1 else f"{index}. {enclosure}"
        lines.append((label if index == 1 else "", text))
    return lines


def signer_lines(signer: Signer) -> list[str]:
    """'(name)' or a dotted line for the name, then the post."""
    return [f"({signer.name})" if signer.name else DOTTED_NAME, signer.position]


def contact_lines(head: Letterhead) -> list[str]:
    """Bottom-left of an external letter: who to contact."""
    lines = [head.office_name]
    if head.phone:
        lines.append(f"โทร. {head.phone}")
    return lines


def memo_office_line(head: Letterhead) -> str:
    return f"{head.office_name} โทร. {head.phone}" if head.phone else head.office_name


def memo_item(index: int, item: MemoItem) -> str:
    due = date_text(item.due_on) if item.due_on else "ไม่กำหนด"
    return f"{index}) {item.text} ({item.number}) ในฐานะ{item.role} กำหนดแล้วเสร็จ {due}"


def distribution_lines(letter: InvitationLetter) -> list[str]:
    return [f"{index}. {post}" for index, post in enumerate(letter.distribution, start=1)]
