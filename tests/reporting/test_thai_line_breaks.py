"""Line breaks a Thai proofreader accepts (issue #13 item 4), measured on the PDF engine's own
layout at many column widths: no break between a title and a name, after ผู้, between an
abbreviation or a count and its number, inside a syllable; URLs only after / . @ - _ ? & =."""

from __future__ import annotations

import itertools

import pytest

from sbpac_desktop.reporting.engine.breaking import Space, items_of
from sbpac_desktop.reporting.engine.layout import layout
from sbpac_desktop.thai.breaks import glue_tokens
from sbpac_desktop.thai.segment import segment, syllables

SIZE = 16
STRESS = (
    "ที่ประชุมมอบหมายให้นายสมชาย รักชาติ ผู้อำนวยการกองยุทธศาสตร์ และนางสาวกาญจนาภรณ์ ศรีสุวรรณ "
    "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์) เป็นผู้นำเสนอรายงานต่อที่ประชุม ตามหนังสือที่ ขส. ๐๐๖/๒๕๖๓ "
    "ลงวันที่ ๓๑ มีนาคม พ.ศ. ๒๕๖๓ โดยข้อสั่งการนี้ล่าช้า ๑๒ วัน และพล.ต.อ. สมศักดิ์ มั่นคง "
    "ผู้ประสานงานกระทรวงสาธารณสุขและกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ ได้รายงานผลร้อยละ ๖๐ "
    "ของโครงการ ๑๒ โครงการ ใน ๓ จังหวัด ติดต่อได้ที่ saraban@sbpac.go.th หรือ "
    "https://www.sbpac.go.th/index.php/meeting-minutes/2563?id=12&lang=th "
) * 3
# (left, right): a line may never end exactly between these two
NEVER_SPLIT = [
    ("นาย", "สมชาย"),
    ("นางสาว", "กาญจนาภรณ์"),
    ("ผู้", "อำนวยการ"),
    ("ผู้", "นำเสนอ"),
    ("ผู้", "ประสานงาน"),
    ("ขส.", "๐๐๖"),
    ("พ.ศ.", "๒๕๖๓"),
    ("ล่าช้า", "๑๒"),
    ("๑๒", "วัน"),
    ("พล.ต.อ.", "สมศักดิ์"),
    ("ร้อยละ", "๖๐"),
    ("๓๑", "มีนาคม"),
    ("สาธารณสุ", "ข"),
    ("saraban", "@"),
]
WIDTHS = [60 + 7 * step for step in range(60)]  # 60 pt (a narrow table cell) to 473 pt (a text column)


def _lines(text: str, width: float) -> list[str]:
    lines = layout(items_of([(text, "Sarabun")]), SIZE, width, width)
    return ["".join(getattr(item, "text", "") if not isinstance(item, Space) else " " for item in line.items)
            for line in lines]  # fmt: skip


def _break_offsets(text: str, width: float) -> list[int]:
    """Offsets in `text` (spaces removed) where a line ends."""
    ends = itertools.accumulate(len(line.replace(" ", "")) for line in _lines(text, width))
    return list(ends)[:-1]


def _squeezed(text: str) -> str:
    return text.replace(" ", "")


def test_no_line_ever_ends_inside_a_no_break_pair() -> None:
    """...whenever the engine's word holding the pair fits on one line at all (a 60 pt cell cannot
    hold "นางสาวกาญจนาภรณ์"; "ล่าช้า ๑๒ วัน" wider than the line must break at one of its spaces)."""
    squeezed = _squeezed(STRESS)
    # the engine's words (thai.breaks glue and its own number rules applied)
    tokens = [item.text for item in items_of([(STRESS, "Sarabun")]) if not isinstance(item, Space)]
    holder = {
        (left, right): next((token for token in tokens if left + right in _squeezed(token)), left + right)
        for left, right in NEVER_SPLIT
    }
    bad, checked = [], 0
    for width in WIDTHS:
        fitting = [pair for pair in NEVER_SPLIT if len(_lines(holder[pair], width)) == 1]
        for offset in _break_offsets(STRESS, width):
            checked += 1
            for left, right in fitting:
                if squeezed[:offset].endswith(left) and squeezed[offset:].startswith(right):
                    bad.append((width, left, right))
    assert checked > 1500 and bad == []


def test_breaks_fall_on_word_or_syllable_boundaries() -> None:
    """The measure of the issue: of all line ends over 60 widths, at least 99.5 % sit where
    newmm puts a word boundary or, inside a word wider than the line, between its syllables."""
    squeezed = _squeezed(STRESS)
    words = [_squeezed(token) for token in segment(STRESS) if token.strip()]
    allowed = set(itertools.accumulate(len(word) for word in words))
    offset = 0
    for word in words:  # syllable ends inside each word
        allowed |= set(itertools.accumulate((len(s) for s in syllables(word)), initial=offset))
        offset += len(word)
    # addresses: after / . @ - _ ? & =
    allowed |= {index + 1 for index, char in enumerate(squeezed) if char in "/.@-_?&="}
    breaks = [offset for width in WIDTHS for offset in _break_offsets(STRESS, width)]
    good = sum(offset in allowed for offset in breaks)
    assert len(breaks) > 1500
    assert good / len(breaks) >= 0.995, f"{len(breaks) - good} of {len(breaks)} breaks inside a word"


def test_an_over_long_word_breaks_at_a_syllable_not_a_letter() -> None:
    text = "กระทรวงสาธารณสุขกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
    for width in range(60, 200, 5):  # from the narrowest cell that holds its widest syllable
        for line in _lines(text, width)[:-1]:
            assert not line.endswith(("สาธารณสุ", "มนุษ", "สังค")), (width, line)


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("นายสมชาย รักชาติ", "นายสมชาย"),
        ("พล.ต.อ. สมศักดิ์", "พล.ต.อ. สมศักดิ์"),
        ("เป็นผู้นำเสนอ", "ผู้นำเสนอ"),
        ("พ.ศ. ๒๕๖๓", "พ.ศ. ๒๕๖๓"),
        ("ตามหนังสือ ขส. ๐๐๖/๒๕๖๓", "ขส. ๐๐๖"),
        ("ล่าช้า ๑๒ วัน", "ล่าช้า ๑๒ วัน"),
        ("๓๑ มี.ค. ๒๕๖๓", "๓๑ มี.ค."),
    ],
)
def test_glue_tokens_keeps_the_pairs_in_one_token(text: str, glued: str) -> None:
    tokens = glue_tokens(segment(text))
    assert "".join(tokens) == text
    assert any(glued in token for token in tokens), tokens


def test_glue_tokens_leaves_ordinary_thai_words_apart() -> None:
    text = "ที่ประชุมรับทราบการดำเนินงาน"
    assert glue_tokens(segment(text)) == segment(text)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # a name cut into syllables after its title, then its surname, then ordinary words
        (["ให้", "นาย", "สม", "ชาย", " ", "รัก", "ชาติ", " ", "ผู้", "อำนวยการ"],
         ["ให้", "นายสมชาย", " ", "รักชาติ", " ", "ผู้อำนวยการ"]),
        # the title before a space: the name after it, and its surname, stay whole
        (["พล.ต.อ.", " ", "สม", "ศักดิ์", " ", "มั่น", "คง", " ", "และ", "ที่", "ประชุม"],
         ["พล.ต.อ. สมศักดิ์", " ", "มั่นคง", " ", "และ", "ที่", "ประชุม"]),
        # no title: a long run of words before a space and after it stays apart
        (["ที่", "ประชุม", "รับ", "ทราบ", " ", "การ", "ดำเนิน", "งาน"],
         ["ที่", "ประชุม", "รับ", "ทราบ", " ", "การ", "ดำเนิน", "งาน"]),
        # a non-Thai token ends the name
        (["นาย", "สม", "(", "ก", ")", "ชาย"], ["นายสม", "(", "ก", ")", "ชาย"]),
    ],
)  # fmt: skip
def test_glue_tokens_names_and_surnames(tokens: list[str], expected: list[str]) -> None:
    assert glue_tokens(tokens) == expected
