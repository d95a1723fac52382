"""Plain trees for official letters (งานสารบรรณ): services fill them, reporting draws them
(PDF and Word). Text is stored text (Arabic digits); the renderer decides the digits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sbpac_desktop.domain.documents import AgendaDoc


@dataclass(frozen=True)
class Letterhead:
    office_name: str
    address: str  # lines separated by newlines
    phone: str
    letter_prefix: str  # "นร 5207"
    emblem: bytes | None  # the user's PNG/JPEG; None prints no image


@dataclass(frozen=True)
class Signer:
    name: str | None  # None: a dotted line for the name
    position: str


@dataclass(frozen=True)
class InvitationLetter:
    """หนังสือเชิญประชุม (หนังสือภายนอก, a circular 'ว' number)."""

    head: Letterhead
    number: str  # "นร 5207/ว 123" or "นร 5207/ว" with the running number left to the registry
    issued_on: date
    subject: str
    addressee: str  # one post, or "ผู้เข้าร่วมประชุม (ตามบัญชีแจกจ่าย)"
    enclosures: tuple[str, ...]
    body: tuple[str, ...]  # paragraphs
    signer: Signer
    distribution: tuple[str, ...] = ()  # บัญชีแจกจ่าย: printed on its own page when not per post
    agenda: AgendaDoc | None = None  # attached after the letter


@dataclass(frozen=True)
class MemoItem:
    number: str  # "ขส. 001/2563"
    text: str
    role: str  # "ผู้รับผิดชอบหลัก" / "หน่วยงานสนับสนุน"
    due_on: date | None


@dataclass(frozen=True)
class DirectiveMemo:
    """บันทึกข้อความ to one unit: the directives it was given at a meeting."""

    head: Letterhead
    number: str
    issued_on: date
    subject: str
    addressee: str
    opening: str
    items: tuple[MemoItem, ...]
    closing: str
    signer: Signer
