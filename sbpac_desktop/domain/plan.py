"""Rules of the integrated plan's M&E (issue #15 item 4), pure: no database, no dates.

Indicator at the end of fiscal quarter q (1..4):

* achieved: for a *cumulative* indicator (the quarters add up: people trained, villages reached)
  the sum of the actuals of quarters 1..q; for a *level* indicator (a percentage, a rate) the
  actual of quarter q itself.
* expected: the stated target for quarter q when the plan gives one (targets are cumulative, the
  fourth quarter's is the year's target), else the linear share of the way from the start to the
  target: start + (target - start) * q / 4, where the start is 0 for a cumulative indicator and
  the baseline (0 when none) for a level one.
* state: NO_DATA when quarter q has no actual (the owner has not reported the quarter);
  otherwise ON_TRACK when achieved >= expected ("higher is better") or achieved <= expected
  ("lower is better"), else BEHIND. There is no tolerance band: an indicator short of its
  expected value by any amount is behind, as the SG meeting reads the table.

Budget at quarter q: the quarters' allocations are the disbursement plan. planned = allocations of
quarters 1..q, disbursed = disbursements of quarters 1..q; percent of plan = disbursed / planned,
percent of year = disbursed / the year's allocation. Money is in satang (int).
Validation (decided for this office, see `budget_problems`): a negative allocation or
disbursement is refused; the year's total disbursement above the year's allocation is refused
(no project spends more than it was given); one quarter's disbursement above that quarter's
allocation is allowed (catching up an earlier quarter) and shows as ahead of plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

QUARTERS = (1, 2, 3, 4)
HIGHER, LOWER = "higher", "lower"
DIRECTION_TH = {HIGHER: "ยิ่งมากยิ่งดี", LOWER: "ยิ่งน้อยยิ่งดี"}


class IndicatorState(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {"on_track": "เป็นไปตามแผน", "behind": "ต่ำกว่าแผน", "no_data": "ยังไม่รายงาน"}[self.value]


@dataclass(frozen=True)
class IndicatorRule:
    target: float
    baseline: float | None = None
    direction: str = HIGHER
    cumulative: bool = True
    stated: tuple[float | None, float | None, float | None] = (None, None, None)  # cumulative Q1..Q3


def check_quarter(quarter: int) -> None:
    if quarter not in QUARTERS:
        raise ValueError(f"fiscal quarter must be 1..4, got {quarter!r}")


def expected_at(rule: IndicatorRule, quarter: int) -> float:
    check_quarter(quarter)
    if quarter == 4:
        return rule.target
    stated = rule.stated[quarter - 1]
    if stated is not None:
        return stated
    start = 0.0 if rule.cumulative else (rule.baseline or 0.0)
    return start + (rule.target - start) * quarter / 4


def achieved_at(rule: IndicatorRule, actuals: Mapping[int, float], quarter: int) -> float | None:
    """None when quarter `quarter` has no actual."""
    check_quarter(quarter)
    if quarter not in actuals:
        return None
    if rule.cumulative:
        return sum(value for q, value in actuals.items() if q <= quarter)
    return actuals[quarter]


def indicator_state(rule: IndicatorRule, actuals: Mapping[int, float], quarter: int) -> IndicatorState:
    achieved = achieved_at(rule, actuals, quarter)
    if achieved is None:
        return IndicatorState.NO_DATA
    expected = expected_at(rule, quarter)
    good = achieved >= expected if rule.direction == HIGHER else achieved <= expected
    return IndicatorState.ON_TRACK if good else IndicatorState.BEHIND


def indicator_problems(rule: IndicatorRule, unit: str | None) -> list[tuple[str, str, str]]:
    """(field, Thai, English) for an indicator that cannot be judged."""
    problems = []
    if not (unit or "").strip():
        problems.append(("unit", "กรุณากรอกหน่วยนับของตัวชี้วัด (เป้าหมายต้องมีหน่วย)", "A target needs a unit"))
    if rule.direction not in DIRECTION_TH:
        problems.append(("direction", "ทิศทางต้องเป็น ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี", "Unknown direction"))
    if rule.cumulative and rule.target < 0:
        problems.append(("target", "เป้าหมายแบบสะสมต้องไม่ติดลบ", "A cumulative target cannot be negative"))
    if rule.direction in DIRECTION_TH and rule.baseline is not None and not rule.cumulative:
        wrong_way = rule.target < rule.baseline if rule.direction == HIGHER else rule.target > rule.baseline
        if wrong_way:
            problems.append(
                ("target", "เป้าหมายสวนทางกับทิศทางของตัวชี้วัดเมื่อเทียบกับค่าฐาน", "Target moves against the direction")
            )
    return problems


@dataclass(frozen=True)
class BudgetProgress:
    allocated_year: int  # satang
    planned: int  # allocations of quarters 1..q
    disbursed: int  # disbursements of quarters 1..q

    @property
    def percent_of_plan(self) -> float | None:
        return None if self.planned == 0 else 100.0 * self.disbursed / self.planned

    @property
    def percent_of_year(self) -> float | None:
        return None if self.allocated_year == 0 else 100.0 * self.disbursed / self.allocated_year

    def __add__(self, other: BudgetProgress) -> BudgetProgress:
        return BudgetProgress(
            self.allocated_year + other.allocated_year, self.planned + other.planned, self.disbursed + other.disbursed
        )


NO_BUDGET = BudgetProgress(0, 0, 0)


def budget_at(allocated: Sequence[int], disbursed: Sequence[int], quarter: int) -> BudgetProgress:
    """`allocated` and `disbursed` by quarter (index 0 = ไตรมาส 1)."""
    check_quarter(quarter)
    return BudgetProgress(sum(allocated), sum(allocated[:quarter]), sum(disbursed[:quarter]))


def budget_problems(allocated: Sequence[int], disbursed: Sequence[int]) -> list[tuple[str, str, str]]:
    problems = []
    if any(a < 0 for a in allocated):
        problems.append(("allocated", "งบประมาณที่ได้รับจัดสรรต้องไม่ติดลบ", "An allocation cannot be negative"))
    if any(d < 0 for d in disbursed):
        problems.append(("disbursed", "ผลการเบิกจ่ายต้องไม่ติดลบ", "A disbursement cannot be negative"))
    if sum(disbursed) > sum(allocated) >= 0 and not problems:
        problems.append(
            (
                "disbursed",
                f"ผลการเบิกจ่ายรวม {baht_text(sum(disbursed))} บาท เกินงบประมาณที่ได้รับจัดสรร {baht_text(sum(allocated))} บาท",
                "Total disbursement exceeds the allocation",
            )
        )
    return problems


def baht_text(satang: int) -> str:
    """12345678 -> '123,456.78'; whole baht without decimals: 1000000 -> '10,000'."""
    baht, rest = divmod(abs(satang), 100)
    sign = "-" if satang < 0 else ""
    return f"{sign}{baht:,}" + (f".{rest:02d}" if rest else "")


def million_text(satang: int) -> str:
    """Satang as millions of baht for the report's tables: 1_825_000_000 -> '18.25'."""
    return f"{satang / 100_000_000:,.2f}"


def value_text(value: float | None) -> str:
    """An indicator value as a person writes it: 1250 -> '1,250', 87.5 -> '87.5', None -> '-'."""
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
