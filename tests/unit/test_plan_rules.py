"""The integrated plan's pure M&E rules (domain/plan.py): expected values, on track / behind /
no data by direction and kind, budget progress and its validation."""

from __future__ import annotations

import pytest

from sbpac_desktop.domain.plan import (
    IndicatorRule,
    IndicatorState,
    baht_text,
    budget_at,
    budget_problems,
    expected_at,
    indicator_problems,
    indicator_state,
    value_text,
)

TRAINEES = IndicatorRule(target=400)  # cumulative, higher is better
INCIDENTS = IndicatorRule(target=100, direction="lower")  # cumulative count, fewer is better
EMPLOYMENT = IndicatorRule(target=80, baseline=60, cumulative=False)  # a level, percent
POVERTY = IndicatorRule(target=10, baseline=30, direction="lower", cumulative=False)


def test_expected_is_linear_from_zero_or_the_baseline_unless_stated():
    assert [expected_at(TRAINEES, q) for q in (1, 2, 3, 4)] == [100, 200, 300, 400]
    assert [expected_at(EMPLOYMENT, q) for q in (1, 2, 3, 4)] == [65, 70, 75, 80]
    assert [expected_at(POVERTY, q) for q in (1, 2, 3, 4)] == [25, 20, 15, 10]
    stated = IndicatorRule(target=400, stated=(0, 50, None))
    assert [expected_at(stated, q) for q in (1, 2, 3, 4)] == [0, 50, 300, 400]


@pytest.mark.parametrize(
    ("rule", "actuals", "quarter", "state"),
    [
        (TRAINEES, {}, 1, IndicatorState.NO_DATA),
        (TRAINEES, {1: 100}, 1, IndicatorState.ON_TRACK),
        (TRAINEES, {1: 99}, 1, IndicatorState.BEHIND),
        (TRAINEES, {1: 150, 2: 60}, 2, IndicatorState.ON_TRACK),  # 210 >= 200: quarters add up
        (TRAINEES, {1: 150}, 2, IndicatorState.NO_DATA),  # Q2 not reported
        (INCIDENTS, {1: 20}, 1, IndicatorState.ON_TRACK),
        (INCIDENTS, {1: 30}, 1, IndicatorState.BEHIND),  # 30 > 25
        (EMPLOYMENT, {1: 66}, 1, IndicatorState.ON_TRACK),
        (EMPLOYMENT, {1: 90, 2: 69}, 2, IndicatorState.BEHIND),  # a level: Q2 alone, 69 < 70
        (POVERTY, {1: 24}, 1, IndicatorState.ON_TRACK),
        (POVERTY, {1: 26}, 1, IndicatorState.BEHIND),
    ],
)
def test_state_by_direction_and_kind(rule, actuals, quarter, state):
    assert indicator_state(rule, actuals, quarter) is state


def test_quarter_out_of_range_is_a_programming_error():
    with pytest.raises(ValueError, match=r"1\.\.4"):
        expected_at(TRAINEES, 5)


def test_budget_progress_against_the_quarterly_plan():
    progress = budget_at([100_00, 200_00, 300_00, 400_00], [50_00, 250_00, 0, 0], 2)
    assert (progress.allocated_year, progress.planned, progress.disbursed) == (1000_00, 300_00, 300_00)
    assert progress.percent_of_plan == 100.0 and progress.percent_of_year == 30.0
    empty = budget_at([0, 0, 0, 0], [0, 0, 0, 0], 1)
    assert empty.percent_of_plan is None and empty.percent_of_year is None


def test_budget_rules():
    assert budget_problems([-1, 0, 0, 0], [0])[0][1] == "งบประมาณที่ได้รับจัดสรรต้องไม่ติดลบ"
    assert budget_problems([10, 0, 0, 0], [-1])[0][1] == "ผลการเบิกจ่ายต้องไม่ติดลบ"
    over = budget_problems([1000_00, 0, 0, 0], [600_00, 400_01, 0, 0])
    assert over[0][1] == "ผลการเบิกจ่ายรวม 1,000.01 บาท เกินงบประมาณที่ได้รับจัดสรร 1,000 บาท"
    assert budget_problems([100, 0, 0, 0], [0, 100, 0, 0]) == []  # a later quarter catches up: allowed


def test_indicator_rules():
    assert [p[0] for p in indicator_problems(TRAINEES, " ")] == ["unit"]
    assert [p[0] for p in indicator_problems(IndicatorRule(5, direction="up"), "คน")] == ["direction"]
    assert [p[0] for p in indicator_problems(IndicatorRule(-5), "คน")] == ["target"]
    against = IndicatorRule(target=50, baseline=60, cumulative=False)
    assert indicator_problems(against, "ร้อยละ")[0][1].startswith("เป้าหมายสวนทาง")
    assert indicator_problems(POVERTY, "ร้อยละ") == []


def test_texts():
    assert (baht_text(12_345_678), baht_text(1_000_000), baht_text(-150)) == ("123,456.78", "10,000", "-1.50")
    assert (value_text(1250.0), value_text(87.5), value_text(None), value_text(2.125)) == ("1,250", "87.5", "-", "2.12")
