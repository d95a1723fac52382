"""The agenda timetable: planned starts from the meeting's start time and each item's minutes."""

from datetime import time

from sbpac_desktop.domain.agenda import TimedItem, plan_timetable
from sbpac_desktop.thai import duration_text


def test_each_item_starts_when_the_one_before_is_planned_to_end():
    table = plan_timetable(time(9, 0), [TimedItem(1, 15), TimedItem(2, 30), TimedItem(3, 90)])
    assert table.starts == {1: time(9, 0), 2: time(9, 15), 3: time(9, 45)}
    assert (table.total_minutes, table.ends_at, table.unplanned_count) == (135, time(11, 15), 0)


def test_an_item_without_minutes_still_gets_a_start_and_takes_no_time():
    table = plan_timetable(time(9, 30), [TimedItem(1, None), TimedItem(2, 20), TimedItem(3, None), TimedItem(4, 10)])
    assert table.starts == {1: time(9, 30), 2: time(9, 30), 3: time(9, 50), 4: time(9, 50)}
    assert (table.total_minutes, table.ends_at, table.unplanned_count) == (30, time(10, 0), 2)


def test_sub_items_follow_their_main_item_in_agenda_order():
    # 4.1 (10 min of its own), 4.1.1 (20), 4.1.2 (5), 4.2 (none)
    table = plan_timetable(time(13, 0), [TimedItem(41, 10), TimedItem(411, 20), TimedItem(412, 5), TimedItem(42, None)])
    assert [table.start_of(i) for i in (41, 411, 412, 42)] == [time(13, 0), time(13, 10), time(13, 30), time(13, 35)]


def test_no_start_time_means_no_clock_times_but_a_total():
    table = plan_timetable(None, [TimedItem(1, 45), TimedItem(2, 30)])
    assert table.starts == {} and table.start_of(1) is None
    assert (table.total_minutes, table.ends_at) == (75, None)


def test_nothing_planned_and_an_empty_agenda():
    assert plan_timetable(time(9, 0), [TimedItem(1, None)]).ends_at is None
    empty = plan_timetable(time(9, 0), [])
    assert (empty.starts, empty.total_minutes, empty.ends_at) == ({}, 0, None)


def test_zero_minutes_is_planned_and_times_past_midnight_are_not_shown():
    table = plan_timetable(time(22, 0), [TimedItem(1, 0), TimedItem(2, 120), TimedItem(3, 30)])
    assert table.unplanned_count == 0
    assert table.starts == {1: time(22, 0), 2: time(22, 0), 3: None}
    assert table.total_minutes == 150 and table.ends_at is None


def test_duration_text():
    assert duration_text(135) == "๒ ชั่วโมง ๑๕ นาที"
    assert duration_text(45, thai_digits=False) == "45 นาที"
    assert duration_text(120, thai_digits=False) == "2 ชั่วโมง"
    assert duration_text(0, thai_digits=False) == "0 นาที"
