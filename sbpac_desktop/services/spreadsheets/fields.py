"""Columns an office spreadsheet may have, and how each cell is read.

Headers are matched by name, Thai or English, ignoring spaces, case and a trailing
"(ISO)" / "(ค.ศ.)" (which marks the ISO twin of a BE date column). Cells are read
with Thai or Arabic digits and BE or Gregorian dates; a problem raises CellError
with a Thai message for the per-row report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache

from sbpac_desktop.domain.enums import DirectiveState, LabelledEnum, Priority, ReportCycle
from sbpac_desktop.thai import normalize_text, parse_thai_date, to_arabic_digits

FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")  # the same set the writer neutralises
ESCAPE = "'"
BE_THRESHOLD = 2400
MAX_SEQ = 999_999


class CellError(ValueError):
    """A cell that cannot be used; str() is the Thai message."""


# field key: (Thai label used in messages, accepted header names)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "number": ("เลขที่", ("เลขที่", "เลขที่ข้อสั่งการ", "เลขข้อสั่งการ", "number", "no", "no.", "directivenumber")),
    "text": ("ข้อสั่งการ", ("ข้อสั่งการ", "เรื่อง", "ข้อสั่งการ/เรื่อง", "directive", "text", "directivetext")),
    "meeting": ("การประชุม", ("การประชุม", "การประชุมครั้งที่", "ครั้งที่", "meeting")),
    "dimension": ("มิติการพัฒนา", ("มิติการพัฒนา", "มิติ", "ด้าน", "dimension", "category")),
    "priority": ("ความเร่งด่วน", ("ความเร่งด่วน", "ชั้นความเร็ว", "priority", "urgency")),
    "lead": ("ผู้รับผิดชอบหลัก", ("ผู้รับผิดชอบหลัก", "ผู้รับผิดชอบ", "lead", "assignee", "leadassignee")),
    "agency": ("หน่วยงานต้นสังกัด", ("หน่วยงานต้นสังกัด", "หน่วยงานรับผิดชอบ", "agency", "leadagency")),
    "support": (
        "หน่วยงานสนับสนุน",
        ("หน่วยงานสนับสนุน", "ผู้รับผิดชอบร่วม", "support", "supporting", "coassignees", "co-assignees"),
    ),
    "issued": ("วันที่สั่งการ", ("วันที่สั่งการ", "วันสั่งการ", "issued", "issuedon", "issuedate", "date")),
    "due": ("กำหนดแล้วเสร็จ", ("กำหนดแล้วเสร็จ", "กำหนดเสร็จ", "วันครบกำหนด", "due", "dueon", "duedate", "deadline")),
    "extended": ("ขยายเวลาถึง", ("ขยายเวลาถึง", "ขยายเวลา", "กำหนดใหม่", "extended", "extendeddue", "extendedto")),
    "status": ("สถานะ", ("สถานะ", "status")),
    "percent": ("ร้อยละ", ("ร้อยละ", "ร้อยละความก้าวหน้า", "ความก้าวหน้า", "percent", "progress", "%")),
    "result": (
        "ผลการดำเนินการ",
        ("ผลการดำเนินการ", "ผลการดำเนินการล่าสุด", "ผลการดำเนินงาน", "result", "latestresult"),
    ),
    "report_date": ("วันที่รายงาน", ("วันที่รายงาน", "วันที่รายงานล่าสุด", "reportdate", "reportedon")),
    "problems": ("ปัญหา/อุปสรรค", ("ปัญหา/อุปสรรค", "ปัญหาอุปสรรค", "ปัญหา", "problems")),
    "suggestions": ("ข้อเสนอแนะ", ("ข้อเสนอแนะ", "suggestions")),
    "next_step": ("การดำเนินการต่อไป", ("การดำเนินการต่อไป", "nextstep")),
    "remarks": ("หมายเหตุ", ("หมายเหตุ", "remarks", "notes")),
    "report_cycle": ("รอบการรายงาน", ("รอบการรายงาน", "reportcycle")),
    "no_due_reason": (
        "เหตุผลที่ไม่กำหนดวันแล้วเสร็จ",
        ("เหตุผลที่ไม่กำหนดวันแล้วเสร็จ", "เหตุผลที่ไม่กำหนด", "ไม่กำหนดเพราะ", "noduereason"),
    ),
}
REQUIRED = ("text", "issued")
DATE_FIELDS = frozenset({"issued", "due", "extended", "report_date"})
# Known columns that are derived or informational: read past without a warning.
IGNORED = frozenset({"ลำดับ", "ลำดับที่", "ที่", "#", "ปีงบประมาณ", "ล่าช้า(วัน)", "id", "fiscalyear", "daylate", "dayslate"})
_ISO_SUFFIX = re.compile(r"\((?:iso|ค\.ศ\.?)\)$")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    key = normalize_text(text).casefold()
    return re.sub(r"[\s_*:]+", "", key)


def header_key(text: object) -> str:
    """'  Due Date ' -> 'duedate'; 'ร้อยละ *' -> 'ร้อยละ' (cached: cells repeat a lot)."""
    return _key(str(text))


_ALIASES = {header_key(alias): name for name, (_, aliases) in FIELDS.items() for alias in aliases}


def header_field(text: object) -> tuple[str | None, bool]:
    """(field, is_iso_twin) for a header cell; (None, False) when it is not a known column."""
    key = header_key(text)
    iso = bool(_ISO_SUFFIX.search(key))
    key = _ISO_SUFFIX.sub("", key)
    name = _ALIASES.get(key)
    return (name, iso) if name and (not iso or name in DATE_FIELDS) else (None, False)


@dataclass
class HeaderMap:
    row: int  # Excel row of the header
    titles: dict[int, str]  # column -> header text as written
    columns: dict[str, int] = field(default_factory=dict)
    iso_columns: dict[str, int] = field(default_factory=dict)
    unknown: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # field, first column, second column

    def column_of(self, name: str) -> int | None:
        return self.columns.get(name, self.iso_columns.get(name))


def map_headers(row: int, values: Sequence[object]) -> HeaderMap:
    mapping = HeaderMap(row, {i: str(v).strip() for i, v in enumerate(values) if v is not None and str(v).strip()})
    for index, title in mapping.titles.items():
        name, iso = header_field(title)
        if name is None:
            if header_key(title) not in IGNORED:
                mapping.unknown.append(index)
            continue
        target = mapping.iso_columns if iso else mapping.columns
        if name in target:
            mapping.duplicates.append((name, target[name], index))
        else:
            target[name] = index
    return mapping


def looks_like_header(values: Sequence[object]) -> bool:
    names = {header_field(v)[0] for v in values if isinstance(v, str) and v.strip()}
    return "text" in names and len(names - {None}) >= 2


# --- cells ---------------------------------------------------------------------------------


def unescape(text: str) -> str:
    """Undo the writer's apostrophe: "'=1+1" -> "=1+1", "''x" -> "'x"."""
    if len(text) >= 2 and text[0] == ESCAPE and (text[1] in FORMULA_TRIGGERS or text[1] == ESCAPE):
        return text[1:]
    return text


def text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unescape(str(value)).strip()
    return text or None


def date_value(value: object) -> date | None:
    """A real date cell (a BE year typed into Excel as 2562 is taken back by 543) or typed text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return _gregorian(value)
    if isinstance(value, bool | int | float):
        raise CellError(f"เป็นตัวเลข ({value:g}) ไม่ใช่วันที่ — ใช้รูปแบบ 22/10/2562 หรือเซลล์ชนิดวันที่")
    parsed = _text_date(unescape(str(value)))
    if isinstance(parsed, str):
        raise CellError(parsed)
    return parsed


@lru_cache(maxsize=8192)
def _text_date(text: str) -> date | str:
    """parse_thai_date (pure: no clock) remembered, or its Thai message: a sheet repeats its dates."""
    try:
        return parse_thai_date(text)
    except ValueError as exc:
        return str(exc)


def _gregorian(value: date) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if value.year < BE_THRESHOLD:
        return value
    try:
        return value.replace(year=value.year - 543)
    except ValueError as exc:
        raise CellError(f"วันที่ไม่ถูกต้อง: {value.day}/{value.month}/{value.year}") from exc


_PERCENT_NOISE = re.compile(r"ร้อยละ|%|％|\s")


def percent_value(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None if value is None else _bad_percent(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else _bad_percent(value)
    text = _PERCENT_NOISE.sub("", to_arabic_digits(unescape(str(value))))
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return _bad_percent(value)
    return int(number) if number.is_integer() else _bad_percent(value)


def _bad_percent(value: object) -> int:
    raise CellError(f"ร้อยละต้องเป็นจำนวนเต็ม 0 ถึง 100 (ได้รับ '{value}')")


_NUMBER = re.compile(r"(?:ขส\.?)?(?:ที่)?0*([0-9]{1,6})(?:/([0-9]{2}|[0-9]{4}))?")


def number_value(value: object) -> tuple[int, int | None] | None:
    """'ขส. 005/2563' -> (5, 2563); '5' -> (5, None): the fiscal year then comes from the issue date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        if not 0 <= value <= MAX_SEQ:
            raise CellError(f"เลขที่ต้องอยู่ระหว่าง 1 ถึง {MAX_SEQ:,} (ได้รับ {value:g})")
        return int(value), None
    text = re.sub(r"\s+", "", to_arabic_digits(unescape(str(value))))
    if not text:
        return None
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellError(f"อ่านเลขที่ไม่ได้: '{value}' (ตัวอย่าง: ขส. 005/2563 หรือ 5)")
    seq, year = int(match[1]), match[2]
    if year is None:
        return seq, None
    fiscal = 2500 + int(year) if len(year) == 2 else int(year)
    if not BE_THRESHOLD <= fiscal <= 2700:
        raise CellError(f"ปีในเลขที่ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2563 (ได้รับ '{value}')")
    return seq, fiscal


@cache
def _members(enum: type[LabelledEnum]) -> dict[str, LabelledEnum]:
    return {header_key(name): member for member in enum for name in (member.label, member.value)}


def _choice(value: object, enum: type[LabelledEnum], default: LabelledEnum, label_th: str) -> LabelledEnum:
    text = text_value(value)
    if text is None:
        return default
    found = _members(enum).get(header_key(text))
    if found is not None:
        return found
    allowed = ", ".join(m.label for m in enum)
    raise CellError(f"ไม่รู้จัก{label_th} '{text}' (ใช้ได้: {allowed})")


def priority_value(value: object) -> Priority:
    return Priority(_choice(value, Priority, Priority.NORMAL, "ความเร่งด่วน"))


def report_cycle_value(value: object) -> ReportCycle:
    return ReportCycle(_choice(value, ReportCycle, ReportCycle.MONTHLY, "รอบการรายงาน"))


_CANCELLED = tuple(header_key(w) for w in ("ยกเลิก", "ระงับ", "cancelled", "canceled"))
_DONE = tuple(header_key(w) for w in ("ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "เสร็จสิ้น", "ปิดเรื่องแล้ว", "done", "closed"))


def state_value(value: object) -> DirectiveState:
    """Only what a person decides is read back (cancelled, done); other statuses are derived."""
    key = header_key(text_value(value) or "")
    if key.startswith(_CANCELLED):
        return DirectiveState.CANCELLED
    if key.startswith(_DONE):
        return DirectiveState.CLOSED
    return DirectiveState.OPEN


def names_value(value: object) -> list[str]:
    """'กปพ.; ผช.ลธ.(สถ.)' or one name per line -> ['กปพ.', 'ผช.ลธ.(สถ.)']."""
    text = text_value(value)
    if text is None:
        return []
    return [part.strip() for part in re.split(r"[;\n,]", text) if part.strip()]
