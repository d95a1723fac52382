"""When the demo story happens. The story (demo_data.py, docs/CONVENTIONS.md §7) is told as of 15 Feb 2020;
loaded today as it is, every open directive would be years late. A `DemoClock` moves every date of
the story by the same number of whole weeks, so that "today" falls on the story's reference date
(or up to six days after it): the statuses stay those of docs/CONVENTIONS.md §7 (done / in progress / 46 days
late / due in 13 days / not started), and the meetings stay on a Tuesday.

The texts follow the dates: the fiscal year in titles and directive texts is the fiscal year of the
moved meeting (directive numbers ขส. nnn/FY come from the same date), the previous meeting's number
and date are those of the moved previous meeting. Without a date to move to (tests, self-test) the
clock does not move and the story reads exactly as in docs/CONVENTIONS.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sbpac_desktop.services.demo import demo_data as data
from sbpac_desktop.thai.dates import be_year, fiscal_year, long_date, medium_date

WEEK = 7


@dataclass(frozen=True)
class DemoClock:
    shift: timedelta

    def on(self, story_date: date) -> date:
        """The day a date of the story falls on."""
        return story_date + self.shift

    @property
    def as_of(self) -> date:
        """The day the statuses of docs/CONVENTIONS.md §7 hold exactly (46 days late, 13 days left)."""
        return self.on(data.REFERENCE_DATE)

    @property
    def fiscal_year(self) -> int:
        """The fiscal year of the main meeting: its title, its policy and its directive numbers."""
        return fiscal_year(self.on(data.MEETING["date"]))

    @property
    def previous_fiscal_year(self) -> int:
        return fiscal_year(self.on(data.PREVIOUS["date"]))

    @property
    def main_seq_offset(self) -> int:
        """The story's previous meeting ends fiscal year 2562 and its directive is ขส. 001/2562.
        Moved, both meetings may fall in one fiscal year: the main meeting's directives then follow
        it (002 to 009) instead of taking its number."""
        return 1 if self.previous_fiscal_year == self.fiscal_year else 0

    def text(self, template: str) -> str:
        """A story text with its years and dates filled in ({fy}, {fy_next}, {previous_number}, ...)."""
        previous = self.on(data.PREVIOUS["date"])
        return template.format(
            fy=self.fiscal_year,
            fy_next=self.fiscal_year + 1,
            previous_number=f"{data.PREVIOUS['number']}/{be_year(previous)}",
            previous_date=long_date(previous, weekday=False, thai_digits=False),
            extension_to=medium_date(self.on(data.EXTENSION_TO), thai_digits=False),
        )


def story_clock() -> DemoClock:
    """The story on its own dates (FY2563), as docs/CONVENTIONS.md tells it."""
    return DemoClock(timedelta(0))


def clock_for(as_of: date | None) -> DemoClock:
    """The story moved by whole weeks so that `as_of` is its reference date or up to 6 days after."""
    if as_of is None:
        return story_clock()
    days = (as_of - data.REFERENCE_DATE).days
    return DemoClock(timedelta(days=days - days % WEEK))


def clock_of_meeting(stored_meeting_date: date) -> DemoClock:
    """The clock a demo loaded earlier used: read back from its main meeting's date."""
    return DemoClock(stored_meeting_date - data.MEETING["date"])
