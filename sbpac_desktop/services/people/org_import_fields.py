"""The columns of the organisation spreadsheet (units, posts, people, terms in office) and
how each of its cells is read.

One sheet, one row per record, the column "ประเภท" says what the row is: a clerk fills one
table top to bottom (and a CSV, which has no sheets, works the same). Columns a row's type
does not use are left blank. Headers are matched like the directive importer's (Thai or
English, spaces and case ignored, a trailing '*' marks a required column in the template).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sbpac_desktop.domain.enums import LabelledEnum, OrgUnitKind, PositionKind
from sbpac_desktop.services.spreadsheets.fields import CellError, header_key, text_value


class RowKind(StrEnum):
    UNIT = "หน่วยงาน"
    POST = "ตำแหน่ง"
    PERSON = "บุคคล"
    TERM = "วาระ"


KIND_NAMES = {
    RowKind.UNIT: ("หน่วยงาน", "unit", "orgunit"),
    RowKind.POST: ("ตำแหน่ง", "post", "position"),
    RowKind.PERSON: ("บุคคล", "person", "people"),
    RowKind.TERM: ("วาระ", "ผู้ดำรงตำแหน่ง", "การดำรงตำแหน่ง", "term", "incumbency"),
}
_KINDS = {header_key(name): kind for kind, names in KIND_NAMES.items() for name in names}

# key: (header as the template writes it, other accepted headers, which row kinds use it, note for the clerk)
COLUMNS: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "kind": ("ประเภท", ("type", "kind"), "ทุกแถว", "หน่วยงาน / ตำแหน่ง / บุคคล / วาระ"),
    "unit_name": ("ชื่อหน่วยงาน", ("หน่วยงาน", "unit", "unitname"), "หน่วยงาน", "ชื่อเต็ม ไม่ซ้ำกัน"),
    "unit_short": ("ชื่อย่อหน่วยงาน", ("unitshortname", "shortname"), "หน่วยงาน", "เช่น กปพ. (ไม่ซ้ำกัน)"),
    "unit_kind": ("ชนิดหน่วยงาน", ("unitkind",), "หน่วยงาน", "กระทรวง / กรม / หน่วยงาน / สำนัก/กอง / อื่น ๆ"),
    "parent": (
        "สังกัด",
        ("หน่วยงานต้นสังกัด", "ต้นสังกัด", "parent", "agency"),
        "หน่วยงาน, ตำแหน่ง",
        "หน่วยงาน: หน่วยงานแม่; ตำแหน่ง: หน่วยงานของตำแหน่งหรือหน่วยงานที่ส่งมาช่วยราชการ (ชื่อหรือชื่อย่อ)",
    ),
    "post_title": ("ชื่อตำแหน่ง", ("post", "position", "title"), "ตำแหน่ง, วาระ", "เช่น ผู้ช่วยเลขาธิการ ศอ.บต."),
    "post_code": (
        "ชื่อย่อตำแหน่ง",
        ("shortcode", "postcode"),
        "ตำแหน่ง, วาระ",
        "เช่น ผช.ลธ.(พณ.) (ไม่ซ้ำกัน) — แถววาระใช้ชื่อย่อนี้ระบุตำแหน่ง",
    ),
    "post_kind": ("ชนิดตำแหน่ง", ("postkind", "positionkind"), "ตำแหน่ง", "เลขาธิการ / รองเลขาธิการ / ..."),
    "prefix": ("คำนำหน้า/ยศ", ("คำนำหน้า", "ยศ", "คำนำหน้าชื่อ", "prefix"), "บุคคล", "นาย / นาง / พ.ต.อ. ..."),
    "first_name": ("ชื่อ", ("firstname", "name"), "บุคคล, วาระ", "ชื่อตัว"),
    "last_name": ("นามสกุล", ("lastname", "surname"), "บุคคล, วาระ", "ชื่อ + นามสกุล ระบุตัวบุคคล"),
    "email": ("อีเมล", ("email", "e-mail"), "บุคคล", ""),
    "phone": ("โทรศัพท์", ("เบอร์โทรศัพท์", "phone", "telephone"), "บุคคล", ""),
    "start": ("วันเริ่มดำรงตำแหน่ง", ("วันที่เริ่ม", "วันเริ่ม", "start", "starton"), "วาระ", "วัน/เดือน/ปี พ.ศ."),
    "end": ("วันสิ้นสุด", ("วันที่สิ้นสุด", "end", "endon"), "วาระ", "เว้นว่าง = ยังดำรงตำแหน่งอยู่"),
    "acting": ("รักษาราชการแทน", ("acting",), "วาระ", "ใช่ / เว้นว่าง"),
}
IGNORED = frozenset(header_key(h) for h in ("ลำดับ", "ลำดับที่", "ที่", "#", "หมายเหตุ", "remarks", "notes"))
_ALIASES = {header_key(head): key for key, (head, more, _u, _n) in COLUMNS.items() for head in (head, *more)}
_YES_WORDS = ("ใช่", "รักษาราชการแทน", "รก.", "✓", "/", "x", "yes", "y", "true", "1")
_NO_WORDS = ("ไม่ใช่", "ไม่", "-", "no", "n", "false", "0")


@functools.cache
def _yes_no_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Keyed when first asked, not at import: "✓" takes the full Thai clean-up, which loads
    pythainlp (0.3-0.8 s), and this module is on the window's start-up path."""
    return frozenset(map(header_key, _YES_WORDS)), frozenset(map(header_key, _NO_WORDS))
FORMULA_START = ("=", "+", "@", "-", "＝", "＋", "＠")


def column_of(text: object) -> str | None:
    return _ALIASES.get(header_key(text.rstrip("* "))) if isinstance(text, str) else None


def looks_like_org_header(values: Sequence[object]) -> bool:
    keys = {column_of(v) for v in values}
    return "kind" in keys and len(keys - {None}) >= 3


@dataclass
class OrgHeader:
    row: int
    titles: dict[int, str]
    columns: dict[str, int] = field(default_factory=dict)
    unknown: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # key, second column


def map_org_header(row: int, values: Sequence[object]) -> OrgHeader:
    header = OrgHeader(row, {i: str(v).strip() for i, v in enumerate(values) if v is not None and str(v).strip()})
    for index, title in header.titles.items():
        key = column_of(title)
        if key is None:
            if header_key(title) not in IGNORED:
                header.unknown.append(index)
        elif key in header.columns:
            header.duplicates.append((key, index))
        else:
            header.columns[key] = index
    return header


def kind_value(value: object) -> RowKind:
    text = text_value(value)
    if text is None:
        raise CellError("กรุณาระบุประเภทของแถว: หน่วยงาน ตำแหน่ง บุคคล หรือ วาระ")
    found = _KINDS.get(header_key(text))
    if found is None:
        raise CellError(f"ไม่รู้จักประเภท '{text}' (ใช้ได้: หน่วยงาน, ตำแหน่ง, บุคคล, วาระ)")
    return found


def name_value(value: object, label_th: str) -> str | None:
    """A name as text; a number or text Excel would run as a formula is refused, never stored."""
    if isinstance(value, bool | int | float):
        raise CellError(f"{label_th}เป็นตัวเลข ({_short_number(value)}) — ต้องเป็นข้อความ")
    text = text_value(value)
    if text is not None and text.startswith(FORMULA_START):
        raise CellError(f"{label_th}ขึ้นต้นด้วย '{text[0]}' ซึ่ง Excel ถือเป็นสูตร — ไม่รับค่านี้ โปรดแก้ข้อความ")
    return text


def phone_value(value: object) -> str | None:
    """'+66 73 ...' is a phone number; '=...' or '@...' is not."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**15:
        # Excel dropped the leading 0 of a Thai number typed into a number cell (0 + 8 or 9 digits)
        return f"0{value}" if len(str(value)) in (8, 9) else str(value)
    text = text_value(value) if isinstance(value, str) else name_value(value, "โทรศัพท์")
    if text and text.startswith(FORMULA_START) and not (text[0] == "+" and text[1:2].isdigit()):
        raise CellError(f"โทรศัพท์ขึ้นต้นด้วย '{text[0]}' ซึ่ง Excel ถือเป็นสูตร — ไม่รับค่านี้")
    return text


def _short_number(value: object) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 20 else text[:17] + "..."


def choice_value(value: object, enum: type[LabelledEnum], label_th: str) -> LabelledEnum | None:
    text = text_value(value)
    if text is None:
        return None
    for member in enum:
        if header_key(text) in (header_key(member.label), header_key(member.value)):
            return member
    allowed = ", ".join(m.label for m in enum)
    raise CellError(f"ไม่รู้จัก{label_th} '{text}' (ใช้ได้: {allowed})")


def unit_kind_value(value: object) -> OrgUnitKind | None:
    found = choice_value(value, OrgUnitKind, "ชนิดหน่วยงาน")
    return None if found is None else OrgUnitKind(found)


def post_kind_value(value: object) -> PositionKind | None:
    found = choice_value(value, PositionKind, "ชนิดตำแหน่ง")
    return None if found is None else PositionKind(found)


def acting_value(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    key = header_key(text_value(value) or "")
    yes, no = _yes_no_keys()
    if not key or key in no:
        return False
    if key in yes:
        return True
    raise CellError(f"ช่องรักษาราชการแทนต้องเป็น 'ใช่' หรือเว้นว่าง (ได้รับ '{text_value(value)}')")
