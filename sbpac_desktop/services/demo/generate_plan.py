"""The rows of the generated data set, a batch of meetings at a time (see services.demo.generate).

Ids are assigned here, so a directive's assignments and reports can refer to it before
anything is written, and the directive's summary columns (effective due date, latest
percent and report date: store.directive_summary) are filled in by the same rule.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import Table

from sbpac_desktop.domain.agenda import sort_key
from sbpac_desktop.domain.enums import (
    AgendaTemplate,
    AssignmentRole,
    DirectiveState,
    MeetingStatus,
    Priority,
    RecordingStyle,
    ReportCycle,
)
from sbpac_desktop.services.demo import generate_text as words
from sbpac_desktop.services.demo.demo_data import VENUE
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import AgendaItem, Assignment, Directive, Meeting, ProgressReport
from sbpac_desktop.thai import be_year, fiscal_year_bounds

TABLES = ("meeting", "agenda_item", "directive", "assignment", "progress_report")
YEARS = 10
MEETING_SHARE, AGENDA_SHARE = 0.02, 0.30  # per directive, as in 2,000 / 30,000 per 100,000
RECENT_DAYS = 20
HAS_BLOCKED = "blocked_reason" in Directive.__table__.c


@dataclass(frozen=True)
class PlanContext:
    series_id: int
    chair_id: int
    recorder_id: int
    posts: list[int]
    units: list[int]
    reporters: list[int]
    dimensions: list[int]
    last_fiscal_year: int


Batch = list[tuple[Table, list[dict[str, Any]]]]


class Plan:
    def __init__(self, rng: random.Random, n: int, as_of: date, context: PlanContext) -> None:
        self.rng, self.n, self.as_of, self.ctx = rng, n, as_of, context
        self.ids: dict[str, int] = dict.fromkeys(TABLES, 1)
        self.written: Counter[str] = Counter()
        self.meeting_numbers: Counter[int] = Counter()
        self.seqs: Counter[int] = Counter()
        self.now = utcnow()

    def start_ids(self, first: dict[str, int]) -> None:
        self.ids.update(first)

    def counts(self) -> dict[str, int]:
        return {table: self.written[table] for table in TABLES}

    def _next(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] += 1
        self.written[table] += 1
        return value

    def _stamps(self) -> dict[str, Any]:
        return {"version": 1, "created_at": self.now, "updated_at": self.now}

    # --- layout ------------------------------------------------------------------------
    def meeting_dates(self) -> list[date]:
        total = max(YEARS, round(self.n * MEETING_SHARE))
        dates: list[date] = []
        for k in range(YEARS):
            start, end = fiscal_year_bounds(self.ctx.last_fiscal_year - YEARS + 1 + k)
            # the newest meeting a few weeks back: its directives are not started or due soon
            end = max(start, min(end, self.as_of - timedelta(days=RECENT_DAYS)))
            count = total // YEARS + (1 if k < total % YEARS else 0)
            span = (end - start).days
            dates += [start + timedelta(days=span * (i + 1) // count) for i in range(count)]
        return dates

    def batches(self, size: int) -> Iterator[Batch]:
        dates = self.meeting_dates()
        per_meeting = [self.n // len(dates) + (1 if i < self.n % len(dates) else 0) for i in range(len(dates))]
        agenda_total = max(len(dates), round(self.n * AGENDA_SHARE))
        per_agenda = [
            agenda_total // len(dates) + (1 if i < agenda_total % len(dates) else 0) for i in range(len(dates))
        ]
        for start in range(0, len(dates), size):
            rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
            for i in range(start, min(start + size, len(dates))):
                self._meeting(rows, dates[i], per_agenda[i], per_meeting[i])
            yield [(_table(name), rows[name]) for name in TABLES]

    # --- rows --------------------------------------------------------------------------
    def _meeting(self, rows: dict[str, list[dict[str, Any]]], on: date, items: int, count: int) -> None:
        meeting_id = self._next("meeting")
        year = be_year(on)
        self.meeting_numbers[year] += 1
        fy = on.year + 543 + (1 if on.month >= 10 else 0)
        held = on < self.as_of
        rows["meeting"].append(
            {
                "id": meeting_id,
                "series_id": self.ctx.series_id,
                "number": self.meeting_numbers[year],
                "be_year": year,
                "fiscal_year": fy,
                "title": "การประชุมผู้บริหารศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้",
                "meeting_date": on,
                "start_time": time(9, 30),
                "end_time": time(12, 0),
                "venue": VENUE,
                "chair_person_id": self.ctx.chair_id,
                "recorder_person_id": self.ctx.recorder_id,
                "checker_person_id": None,
                "recording_style": RecordingStyle.SUMMARY.value,
                "agenda_template": AgendaTemplate.STANDARD_5.value,
                "status": (MeetingStatus.MINUTES_CERTIFIED if held else MeetingStatus.DRAFT).value,
                "previous_meeting_id": meeting_id - 1 if self.written["meeting"] > 1 else None,
                "opening_text": "ประธานกล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ",
                **self._stamps(),
            }
        )
        section_four = self._agenda(rows, meeting_id, items)
        for k in range(count):
            self._directive(rows, meeting_id, section_four[k % len(section_four)], on, fy)

    def _agenda(self, rows: dict[str, list[dict[str, Any]]], meeting_id: int, count: int) -> list[int]:
        """Sections 1, 2 and 5 one item each, the rest split 1 : 3 between sections 3 and 4."""
        middle = max(count - 3, 1)
        layout = [1, 1, middle // 4, middle - middle // 4, 1] if count >= 5 else [0, 0, 0, count, 0]
        section_four: list[int] = []
        for section, many in enumerate(layout, start=1):
            for position in range(1, many + 1):
                item_id = self._next("agenda_item")
                detailed = section in (3, 4)
                rows["agenda_item"].append(
                    {
                        "id": item_id,
                        "meeting_id": meeting_id,
                        "parent_id": None,
                        "section": section,
                        "position": position,
                        "number": f"{section}.{position}",
                        "sort_key": sort_key((section, position)),
                        "title": words.agenda_title(self.rng),
                        "presenter_person_id": None,
                        "presenter_text": None,
                        "background": words.discussion_text(self.rng) if detailed else None,
                        "proposal": None,
                        "discussion": words.discussion_text(self.rng) if detailed else None,
                        "resolution": "ที่ประชุมรับทราบและมอบหมายตามข้อสั่งการ" if detailed else "ที่ประชุมรับทราบ",
                        **self._stamps(),
                    }
                )
                if section == 4:
                    section_four.append(item_id)
        return section_four

    def _directive(
        self, rows: dict[str, list[dict[str, Any]]], meeting_id: int, item_id: int, on: date, fy: int
    ) -> None:
        rng = self.rng
        directive_id = self._next("directive")
        self.seqs[fy] += 1
        urgent = rng.random() < 0.2  # a short deadline, as for urgent directives
        days = rng.randint(7, 30) if urgent else rng.randint(14, 180)
        due = on + timedelta(days=days) if rng.random() < 0.9 else None
        extended = due + timedelta(days=rng.randint(30, 90)) if due and rng.random() < 0.08 else None
        effective = extended or due
        state = DirectiveState.CANCELLED if rng.random() < 0.02 else DirectiveState.OPEN
        assignments = self._assignments(rows, directive_id)
        final = self._reports(rows, assignments, on, effective, state)
        if state is DirectiveState.OPEN and final is not None and final[0] == 100 and rng.random() < 0.3:
            state = DirectiveState.CLOSED
        row = {
            "id": directive_id,
            "fiscal_year": fy,
            "seq": self.seqs[fy],
            "meeting_id": meeting_id,
            "agenda_item_id": item_id,
            "issued_by_person_id": self.ctx.chair_id,
            "issued_on": on,
            "text": words.directive_text(rng),
            "dimension_id": rng.choice(self.ctx.dimensions),
            "priority": rng.choice((Priority.NORMAL, Priority.NORMAL, Priority.URGENT, Priority.VERY_URGENT)).value,
            "report_cycle": rng.choice(list(ReportCycle)).value,
            "due_on": due,
            "extended_due_on": extended,
            "state": state.value,
            "closed_on": final[1] if state is DirectiveState.CLOSED and final else None,
            "remarks": "ติดตามต่อเนื่องจากปีงบประมาณก่อน" if rng.random() < 0.1 else None,
            "effective_due_on": effective,
            "latest_percent": final[0] if final else None,
            "latest_report_on": final[1] if final else None,
            **self._stamps(),
        }
        if HAS_BLOCKED:
            unfinished = state is DirectiveState.OPEN and (final is None or final[0] < 100)
            blocked = unfinished and rng.random() < 0.05
            row["blocked_reason"] = rng.choice(words.BLOCKED_REASONS) if blocked else None
            row["blocked_on"] = on if blocked else None
        rows["directive"].append(row)

    def _assignments(self, rows: dict[str, list[dict[str, Any]]], directive_id: int) -> list[int]:
        """A lead and 0–2 supporting posts or units (one on average): ids, lead first."""
        rng = self.rng
        supports = rng.choice((0, 1, 1, 2))
        targets = [("position", p) for p in self.ctx.posts] + [("unit", u) for u in self.ctx.units[:4]]
        chosen = rng.sample(targets, 1 + supports)
        ids = []
        for k, (kind, target) in enumerate(chosen):
            assignment_id = self._next("assignment")
            ids.append(assignment_id)
            rows["assignment"].append(
                {
                    "id": assignment_id,
                    "directive_id": directive_id,
                    "position_id": target if kind == "position" else None,
                    "org_unit_id": target if kind == "unit" else None,
                    "role": (AssignmentRole.LEAD if k == 0 else AssignmentRole.SUPPORT).value,
                    **self._stamps(),
                }
            )
        return ids

    def _reports(
        self,
        rows: dict[str, list[dict[str, Any]]],
        assignments: list[int],
        issued: date,
        due: date | None,
        state: DirectiveState,
    ) -> tuple[int, date] | None:
        """Reports from issue to today (or a little past the due date), percent rising; the
        last one is the lead's. Returns (percent, date) of that last report."""
        rng = self.rng
        age = (self.as_of - issued).days
        if age <= 0 or (age < 45 and rng.random() < 0.5) or (state is DirectiveState.CANCELLED and rng.random() < 0.5):
            return None
        finishes = rng.random() < min(0.85, age / 300)
        count = rng.randint(4, 8) if finishes else rng.randint(2, 5)
        last_day = min(self.as_of, (due or issued + timedelta(days=120)) + timedelta(days=rng.randint(-20, 40)))
        span = max((last_day - issued).days, 1)
        final = 100 if finishes else rng.randint(5, 95)
        percents = [*sorted(rng.randint(0, final) for _ in range(count - 1)), final]
        for k, percent in enumerate(percents):
            on = issued + timedelta(days=max(1, span * (k + 1) // count))
            on = min(on, self.as_of)
            last = k == count - 1
            rows["progress_report"].append(
                {
                    "id": self._next("progress_report"),
                    "assignment_id": assignments[0] if last or len(assignments) == 1 else rng.choice(assignments),
                    "report_date": on,
                    "period_text": None,
                    "reporter_person_id": rng.choice(self.ctx.reporters),
                    "percent": percent,
                    "result": words.result_text(rng, percent),
                    "problems": words.maybe(rng, 0.25, words.PROBLEMS),
                    "suggestions": words.maybe(rng, 0.1, words.SUGGESTIONS),
                    "next_step": words.maybe(rng, 0.3, words.NEXT_STEPS),
                    **self._stamps(),
                }
            )
        return final, on


def _table(name: str) -> Table:
    models = {"meeting": Meeting, "agenda_item": AgendaItem, "directive": Directive}
    models |= {"assignment": Assignment, "progress_report": ProgressReport}
    table = models[name].__table__
    assert isinstance(table, Table)
    return table
