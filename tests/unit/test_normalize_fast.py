"""thai.normalize's fast path: a text it lets through unchanged is a fixed point of the full
clean-up (hypothesis searches texts built from the characters the rules care about), and it
does take real stored text (the generator's directives and reports) without the slow path."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.thai.normalize import full_normalize_text, is_plain, normalize_text

THAI_BLOCK = [chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable()]
# Consonants and marks weighted up: the rules fire on runs of marks, spaces and newlines
ALPHABET = st.sampled_from(
    [*THAI_BLOCK, *"กขคนมรสอ", *"\u0e31\u0e34\u0e35\u0e38\u0e48\u0e49\u0e4c\u0e32\u0e33\u0e40",
     " ", " ", "\n", "a", "Z", "1", "\u2013", "\u201c", "\t", "\u200b", "e\u0301"]
)  # fmt: skip
TEXTS = st.lists(ALPHABET, max_size=24).map("".join)
# Near-plain texts: syllables (consonant, optional vowel and tone, optional spacing vowel) with
# spaces and newlines, so most pass the fast test and the fixed-point claim is really exercised
SYLLABLES = st.tuples(
    st.sampled_from([*"กขฃคฅฆงจฉชซญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"]),
    st.sampled_from(["", *"\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e38\u0e39"]),
    st.sampled_from(["", *"\u0e48\u0e49\u0e4a\u0e4b\u0e4c"]),
    st.sampled_from(["", "", *"\u0e30\u0e32\u0e33\u0e40\u0e41\u0e42\u0e43\u0e44\u0e46\u0e2f", " ", "\n", "1", "a"]),
).map("".join)
NEAR_PLAIN = st.lists(SYLLABLES, max_size=12).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_plain_text_is_a_fixed_point(text: str) -> None:
    if is_plain(text):
        assert full_normalize_text(text) == text
    assert normalize_text(text) == full_normalize_text(text)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEAR_PLAIN)
def test_near_plain_text(text: str) -> None:
    if is_plain(text):
        assert full_normalize_text(text) == text
    assert normalize_text(text) == full_normalize_text(text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_normalized_text_stays(text: str) -> None:
    stored = full_normalize_text(text)
    assert normalize_text(stored) == stored


def test_real_texts_take_the_fast_path() -> None:
    samples = [
        "ให้ผู้ช่วยเลขาธิการ ศอ.บต. ประสานกระทรวงต้นสังกัด สำรวจความต้องการของชุมชนในพื้นที่อำเภอชายแดน",
        "จัดเวทีรับฟังความคิดเห็นของผู้นำศาสนาและผู้นำชุมชน คิดเป็นร้อยละ 100 ของแผน",
        "ดำเนินการแล้วเสร็จ",
        "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
        "ปอเนาะ (สถาบันศึกษา) \u2013 ครั้งที่ 2/2566\nบรรทัดที่สอง",
    ]
    for text in samples:
        assert is_plain(text), text
        assert full_normalize_text(text) == text


def test_texts_the_rules_change_take_the_slow_path() -> None:
    changed = [
        "ท\u0e48\u0e35",
        "  ก",
        "ก  ข",
        "นานาาา",
        "\u0e40\u0e40ปลก",
        "ก\r\nข",
        "a\u200bb",
        " \u0e48ก",
        "ก\n\n\nข",
    ]
    for text in changed:
        assert not is_plain(text), text
        assert normalize_text(text) == full_normalize_text(text)
