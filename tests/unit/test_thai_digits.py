"""Thai/Arabic digit conversion (docs/CONVENTIONS.md §6.2: store Arabic, print Thai)."""

from hypothesis import given
from hypothesis import strategies as st

from sbpac_desktop.thai import apply_digits, to_arabic_digits, to_thai_digits

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def test_meeting_number_to_thai_digits():
    assert to_thai_digits("10/2562") == "๑๐/๒๕๖๒"


def test_all_ten_digits_map_both_ways():
    assert to_thai_digits("0123456789") == THAI_DIGITS
    assert to_arabic_digits(THAI_DIGITS) == "0123456789"


def test_other_text_is_untouched():
    text = "ขส. 001/2563 ร้อยละ 45% abc ٣"  # the last one is an Arabic-Indic digit, not ours
    assert to_arabic_digits(to_thai_digits(text)) == text
    assert to_thai_digits(text) == "ขส. ๐๐๑/๒๕๖๓ ร้อยละ ๔๕% abc ٣"


def test_apply_digits_follows_the_switch():
    assert apply_digits("๑๐/2562", thai=True) == "๑๐/๒๕๖๒"
    assert apply_digits("๑๐/2562", thai=False) == "10/2562"


@given(st.text())
def test_round_trip_through_thai_digits(text):
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)


@given(st.text().filter(lambda s: not any(ch in THAI_DIGITS for ch in s)))
def test_round_trip_is_identity_without_thai_digits(text):
    assert to_arabic_digits(to_thai_digits(text)) == text


@given(st.text())
def test_conversions_keep_the_length_and_leave_no_digit_of_the_other_kind(text):
    thai, arabic = to_thai_digits(text), to_arabic_digits(text)
    assert len(thai) == len(arabic) == len(text)
    assert not any(ch in "0123456789" for ch in thai)
    assert not any(ch in THAI_DIGITS for ch in arabic)
