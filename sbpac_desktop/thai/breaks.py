"""Where a Thai line must NOT break although the segmenter sees two words.

A proofreader rejects a line that ends in a title with the name on the next line
("นาย|สมชาย", "พล.ต.อ.|สมศักดิ์"), a ผู้ cut from its verb ("ผู้|นำเสนอ"), an abbreviation cut
from its number ("พ.ศ.|๒๕๖๓", "ขส.|๐๐๖/๒๕๖๓") or a count cut from its noun or unit
("ล่าช้า|๑๒ วัน", "๑๒|วัน"). newmm also cuts unknown personal names into syllables
("สม|ชาย"), so a name after a title is kept whole up to the next space.

`glue_tokens` merges such tokens (spaces included) into one token; both the PDF line breaker
(reporting/engine/breaking.py) and the window's break marks (segment.insert_break_opportunities)
use it, so paper and screen agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sbpac_desktop.thai.dates import THAI_MONTH_ABBR, THAI_MONTHS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a name: courtesy, academic, medical, and the usual ranks (full and short).
TITLE_PREFIXES = _words(
    """
    นาย นาง นางสาว น.ส. ด.ช. ด.ญ. ดร. ศ. รศ. ผศ.
    ศ.ดร. รศ.ดร. ผศ.ดร. นายแพทย์ แพทย์หญิง นพ. พญ. ทพ. ทพญ. พระ
    พระครู ว่าที่ร้อยตรี ว่าที่ ร.ต. พลเอก พลโท พลตรี พันเอก พันโท พันตรี
    ร้อยเอก ร้อยโท ร้อยตรี จ่าสิบเอก จ่าสิบโท จ่าสิบตรี สิบเอก สิบโท สิบตรี พล.อ.
    พล.ท. พล.ต. พ.อ. พ.ท. พ.ต. ร.อ. ร.ท. จ.ส.อ. จ.ส.ท. จ.ส.ต.
    ส.อ. ส.ท. ส.ต. พลเรือเอก พลเรือโท พลเรือตรี นาวาเอก นาวาโท นาวาตรี เรือเอก
    เรือโท เรือตรี พล.ร.อ. พล.ร.ท. พล.ร.ต. น.อ. น.ท. น.ต. ร.ต. พลอากาศเอก
    พลอากาศโท พลอากาศตรี นาวาอากาศเอก นาวาอากาศโท นาวาอากาศตรี เรืออากาศเอก เรืออากาศโท เรืออากาศตรี พล.อ.อ. พล.อ.ท.
    พล.อ.ต. น.อ. น.ท. น.ต. ร.อ.อ. พลตำรวจเอก พลตำรวจโท พลตำรวจตรี พันตำรวจเอก พันตำรวจโท
    พันตำรวจตรี ร้อยตำรวจเอก ร้อยตำรวจโท ร้อยตำรวจตรี พล.ต.อ. พล.ต.ท. พล.ต.ต. พ.ต.อ. พ.ต.ท. พ.ต.ต.
    ร.ต.อ. ร.ต.ท. ร.ต.ต. ด.ต. จ.ส.ต. ส.ต.อ. ส.ต.ท. ส.ต.ต.
    """
)
# Bound words that never end a line: ผู้ is always followed by the noun it makes (ผู้นำเสนอ).
BOUND_BEFORE = frozenset({"ผู้", "นัก", "ผู้ช่วย"})
# Words that follow a count and stay with it ("๑๒ วัน", "๓ ราย"; "ร้อยละ ๑๒" is the other side),
# and the months, so that "๓๑ มี.ค. ๒๕๖๓" stays one date.
UNIT_WORDS = (
    _words(
        """
        วัน เดือน ปี สัปดาห์ ชั่วโมง นาที วินาที น. ครั้ง ราย
        คน ท่าน แห่ง เรื่อง ข้อ ฉบับ โครงการ หน่วยงาน บาท ล้าน
        ล้านบาท พันบาท กิโลเมตร กม. เมตร ไร่ ตำบล อำเภอ จังหวัด หมู่บ้าน
        ร้อยละ เปอร์เซ็นต์ %
        """
    )
    | frozenset(THAI_MONTHS)
    | frozenset(THAI_MONTH_ABBR)
)


def _is_space(token: str) -> bool:
    return bool(token) and token.isspace()


_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")  # letters, vowels and marks; not Thai digits (U+0E50-59)


def has_thai_letter(token: str) -> bool:
    """Whether `token` holds a Thai letter, vowel or mark (Thai digits alone do not count)."""
    return _THAI_LETTER.search(token) is not None


def _is_number(token: str) -> bool:
    return bool(token) and token[0].isdigit()


def _is_abbreviation(token: str) -> bool:
    """'พ.ศ.', 'ขส.', 'มี.ค.': Thai letters ending in a full stop."""
    return len(token) > 1 and token.endswith(".") and has_thai_letter(token)


def _joins_over_space(before: str, after: str) -> bool:
    """May the space between `before` and `after` not break the line?"""
    if before in TITLE_PREFIXES and has_thai_letter(after):
        return True  # "พล.ต.อ. สมศักดิ์"
    if _is_number(after) and (_is_abbreviation(before) or has_thai_letter(before)):
        return True  # "พ.ศ. ๒๕๖๓", "ขส. ๐๐๖/๒๕๖๓", "ล่าช้า ๑๒", "ร้อยละ ๑๒"
    return _is_number(before) and after in UNIT_WORDS  # "๑๒ วัน"


def _merge_abbreviation_stops(tokens: Sequence[str]) -> list[str]:
    """newmm gives 'ขส' '.' for an abbreviation it does not know: make it 'ขส.' again."""
    merged: list[str] = []
    for token in tokens:
        if token == "." and merged and has_thai_letter(merged[-1]) and not _is_space(merged[-1]):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def glue_tokens(tokens: Sequence[str]) -> list[str]:
    """Tokens with no line break allowed between them merged into one; "".join() is unchanged."""
    tokens = _merge_abbreviation_stops(tokens)
    stops = _stops(tokens)
    out: list[str] = []
    for index, token in enumerate(tokens):
        if out and _glued_to_previous(tokens, stops, index):
            out[-1] += token
        else:
            out.append(token)
    return out


def _stops(tokens: Sequence[str]) -> list[int]:
    """For each token, the nearest one at or before it that may end a name's run of Thai
    tokens: a title, a space or a token without Thai letters (-1: none)."""
    stops: list[int] = []
    last = -1
    for index, token in enumerate(tokens):
        if token in TITLE_PREFIXES or _is_space(token) or not has_thai_letter(token):
            last = index
        stops.append(last)
    return stops


def _glued_to_previous(tokens: Sequence[str], stops: list[int], index: int) -> bool:
    token, previous = tokens[index], tokens[index - 1]
    if _is_space(token):
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        return _joins_over_space(previous, after)
    if _is_space(previous):
        before = tokens[index - 2] if index >= 2 else ""
        return _joins_over_space(before, token)
    if previous in BOUND_BEFORE and has_thai_letter(token):
        return True
    return has_thai_letter(token) and _in_name(tokens, stops, index)


def _in_name(tokens: Sequence[str], stops: list[int], index: int, surname: bool = True) -> bool:
    """Is tokens[index] part of a name a title started ("นายสม|ชาย", "พล.ต.อ. สม|ศักดิ์"), or of the
    surname right after such a name ("นายสมชาย รัก|ชาติ")? Only the nearest title, space or
    non-Thai token before it decides (stops), so a long run of Thai words is not read again
    for each of its words."""
    back = stops[index - 1] if index >= 1 else -1
    if back < 0:
        return False
    earlier = tokens[back]
    if earlier in TITLE_PREFIXES:
        return True
    if _is_space(earlier):
        if back >= 1 and tokens[back - 1] in TITLE_PREFIXES:
            return True
        return surname and back >= 1 and has_thai_letter(tokens[back - 1]) and _in_name(tokens, stops, back - 1, False)
    return False
