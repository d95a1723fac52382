from datetime import date

import pytest

from sbpac_desktop.domain.agenda import Slot, compute_numbers, sort_key
from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.numbering import (
    agenda_number_text,
    directive_number_text,
    meeting_number_text,
    parse_meeting_number,
)
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.domain.status import Deadline, Progress, derive_status, effective_due, status_label

AS_OF = date(2020, 2, 15)  # the reference date of docs/CONVENTIONS.md §7


def test_numbers_print_in_thai_digits_by_default():
    assert meeting_number_text(10, 2562) == "๑๐/๒๕๖๒"
    assert meeting_number_text(10, 2562, thai_digits=False) == "10/2562"
    assert directive_number_text(1, 2563) == "ขส. ๐๐๑/๒๕๖๓"
    assert agenda_number_text((4, 1, 1)) == "๔.๑.๑"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/2562", (10, 2562)),
        ("๑๐/๒๕๖๒", (10, 2562)),
        (" 1/2563 ", (1, 2563)),
        ("10-2562", None),
        ("0/2562", None),
        ("10/2019", None),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_meeting_number(text, expected):
    assert parse_meeting_number(text) == expected


@pytest.mark.parametrize(
    ("state", "percent", "due", "key", "days"),
    [
        (DirectiveState.OPEN, 100, date(2019, 11, 20), "done", None),  # ขส. 001
        (DirectiveState.OPEN, 45, date(2020, 3, 31), "in_progress", 45),  # ขส. 002
        (DirectiveState.OPEN, 60, date(2019, 12, 31), "overdue", 46),  # ขส. 004: 46 days late
        (DirectiveState.OPEN, None, date(2020, 1, 31), "overdue", 15),  # ขส. 005: no report
        (DirectiveState.OPEN, 70, date(2020, 2, 28), "in_progress", 13),  # ขส. 007: 13 days left
        (DirectiveState.OPEN, None, date(2020, 9, 30), "not_started", 228),  # ขส. 008
        (DirectiveState.OPEN, 20, date(2020, 2, 22), "due_soon", 7),  # exactly 7 days: due soon
        (DirectiveState.OPEN, 20, date(2020, 2, 15), "due_soon", 0),  # due today is not late
        (DirectiveState.CLOSED, 50, date(2019, 1, 1), "done", None),
        (DirectiveState.CANCELLED, None, date(2019, 1, 1), "cancelled", None),
        (DirectiveState.OPEN, None, None, "not_started", None),
    ],
)
def test_derived_status_matches_domain_examples(state, percent, due, key, days):
    status = derive_status(state, percent, due, AS_OF)
    assert status.key == key
    assert status.days == days


def test_status_labels_are_thai():
    assert derive_status(DirectiveState.OPEN, 60, date(2019, 12, 31), AS_OF).label == "เกินกำหนด (ล่าช้า 46 วัน)"
    soon = derive_status(DirectiveState.OPEN, 20, date(2020, 2, 20), AS_OF)
    assert soon.deadline is Deadline.DUE_SOON and soon.label == "อยู่ระหว่างดำเนินการ (เหลือ 5 วัน)"
    assert Progress.NOT_STARTED.label == "ยังไม่ดำเนินการ"
    later = derive_status(DirectiveState.OPEN, None, date(2020, 9, 30), AS_OF)
    assert later.label == "ยังไม่ดำเนินการ (เหลือ 228 วัน)"
    assert derive_status(DirectiveState.OPEN, 100, date(2020, 9, 30), AS_OF).label == "ดำเนินการแล้วเสร็จ"


def test_status_label_is_derive_statuss_label():
    """The export's label without the status key: the same text on every kind of input."""
    today = date(2026, 11, 25)
    dues = [None, *(date.fromordinal(today.toordinal() + days) for days in (-400, -1, 0, 1, 7, 8, 30))]
    for state in DirectiveState:
        for percent in (None, 0, 40, 99, 100):
            for due in dues:
                for blocked in (None, "รองบประมาณ"):
                    expected = derive_status(state, percent, due, today, blocked).label
                    assert status_label(state, percent, due, today, blocked) == expected


def test_extension_replaces_the_due_date():
    assert effective_due(date(2019, 12, 31), date(2020, 2, 28)) == date(2020, 2, 28)
    assert effective_due(date(2019, 12, 31), None) == date(2019, 12, 31)


def test_agenda_numbers_follow_positions_not_ids():
    slots = [
        Slot(10, 4, None, 2),
        Slot(11, 4, None, 1),
        Slot(12, 4, 10, 1),
        Slot(13, 1, None, 1),
        Slot(14, 4, 10, 2),
    ]
    assert compute_numbers(slots) == {11: (4, 1), 10: (4, 2), 12: (4, 2, 1), 14: (4, 2, 2), 13: (1, 1)}
    assert sort_key((4, 2, 1)) == "04.002.001"
    assert sort_key((4, 10)) > sort_key((4, 9))


def test_agenda_numbers_close_gaps():
    assert compute_numbers([Slot(1, 4, None, 3), Slot(2, 4, None, 7)]) == {1: (4, 1), 2: (4, 2)}


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("นาย", "นายสมชาย ตัวอย่าง"),
        ("พลเรือตรี", "พลเรือตรี สมชาย ตัวอย่าง"),
        (None, "สมชาย ตัวอย่าง"),
        ("นายแพทย์", "นายแพทย์สมชาย ตัวอย่าง"),
    ],
)
def test_full_name_joins_thai_prefixes(prefix, expected):
    assert full_name(prefix, "สมชาย", "ตัวอย่าง") == expected
