"""Thai dictionary (Royal Institute) order for sorted(..., key=thai_sort_key)."""

import random

from hypothesis import given
from hypothesis import strategies as st

from sbpac_desktop.thai import thai_sort_key


def _sorted(words):
    shuffled = list(words)
    random.Random(2562).shuffle(shuffled)
    return sorted(shuffled, key=thai_sort_key)


def test_royal_institute_order_of_the_brief_example():
    """Expected order, derived from the Royal Institute dictionary's rules.

    1. A word is filed under its first consonant; a leading vowel (เ แ โ ใ ไ) is
       written first but read after that consonant. All seven words but ขาว have ก
       as first consonant, so they come first and ขาว comes last.
    2. Among the ก words, the character after ก decides, in the dictionary's vowel
       order ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ: กา (า) < กิน (ิ) < เกาะ (เ) < แกง (แ)
       < โกง (โ) < ไก่ (ไ).
    3. The tone mark of ไก่ plays no part here; it only breaks ties (see below).
    """
    words = ["ไก่", "กา", "เกาะ", "ขาว", "แกง", "โกง", "กิน"]
    assert _sorted(words) == ["กา", "กิน", "เกาะ", "แกง", "โกง", "ไก่", "ขาว"]


def test_code_point_order_would_be_wrong():
    """Guards the premise: plain sorted() puts every leading-vowel word after ขาว."""
    assert sorted(["ไก่", "ขาว"]) == ["ขาว", "ไก่"]
    assert _sorted(["ไก่", "ขาว"]) == ["ไก่", "ขาว"]


def test_consonant_after_consonant_comes_before_any_vowel():
    """The dictionary lists กง before กะ, and the vowels as ะ ั า ำ."""
    assert _sorted(["กำ", "กา", "กัก", "กะ", "กง"]) == ["กง", "กะ", "กัก", "กา", "กำ"]


def test_tone_marks_only_break_ties():
    """กา, ก่า, ก้า differ only in tone (none < เอก < โท); กาก has one more letter, so it follows all three."""
    assert _sorted(["กาก", "ก้า", "กา", "ก่า"]) == ["กา", "ก่า", "ก้า", "กาก"]


def test_ru_sits_between_ro_and_lo():
    assert _sorted(["ลม", "ฤดู", "รู้"]) == ["รู้", "ฤดู", "ลม"]


def test_words_filed_under_their_consonant_among_others():
    names = ["เลขาธิการ", "ผู้ช่วยเลขาธิการ", "รองเลขาธิการ", "ไพโรจน์", "นายก", "โครงการ"]
    assert _sorted(names) == ["โครงการ", "นายก", "ผู้ช่วยเลขาธิการ", "ไพโรจน์", "รองเลขาธิการ", "เลขาธิการ"]


def test_thai_before_digits_and_latin_and_latin_ignores_case_first():
    assert _sorted(["b", "A", "10", "ฮา", "a", "ก"]) == ["ก", "ฮา", "10", "A", "a", "b"]


def test_thai_digits_sort_like_arabic_digits():
    assert thai_sort_key("๑๒")[0] == thai_sort_key("12")[0]
    assert _sorted(["๓", "2", "๑"]) == ["๑", "2", "๓"]


@given(st.text(), st.text())
def test_keys_are_equal_only_for_equal_strings(a, b):
    assert (thai_sort_key(a) == thai_sort_key(b)) == (a == b)
    assert (thai_sort_key(a) < thai_sort_key(b)) + (thai_sort_key(a) > thai_sort_key(b)) == (a != b)


THAI_WORDS = st.lists(
    st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B) | st.just(" "))
)


@given(THAI_WORDS.flatmap(lambda words: st.tuples(st.just(words), st.permutations(words))))
def test_sorting_does_not_depend_on_input_order(words_and_permutation):
    words, permutation = words_and_permutation
    assert sorted(words, key=thai_sort_key) == sorted(permutation, key=thai_sort_key)
