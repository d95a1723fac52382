"""The field follow-up part of the generated data set (issue #15, "100k-scale"): places on
directives, field visits with their places, posts, directives and findings, the network's
members and their external reports, and the integrated plan of every fiscal year with its
projects, budgets, indicators and quarterly actuals.

Per 100,000 directives: 40 % of directives tied to one or two places, 1,000 field visits,
200 network members with 2,000 reports, 1,000 plan projects with 2,000 indicators (a plan
per fiscal year of the set). Written after the directives, in the generator's transaction
and inside its suspended search index (services/generate), with the same bulk inserts.
Places are the real ones (services.places.sync_places, from geothai).
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Table, select

from sbpac_desktop.services.demo import generate_text as words
from sbpac_desktop.services.demo.generate_plan import PlanContext
from sbpac_desktop.store import bulk
from sbpac_desktop.store.base import utcnow
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.models_field import (
    DirectivePlace,
    ExternalReport,
    FieldVisit,
    FieldVisitDirective,
    FieldVisitPlace,
    FieldVisitPosition,
    NetworkMember,
    Place,
    VisitFinding,
)
from sbpac_desktop.store.models_plan import (
    IntegratedPlan,
    PlanActual,
    PlanBudget,
    PlanIndicator,
    PlanProject,
    PlanProjectDirective,
    PlanProjectPlace,
)
from sbpac_desktop.thai import fiscal_quarter_bounds, fiscal_year

MODELS: dict[str, Any] = {
    "directive_place": DirectivePlace,
    "field_visit": FieldVisit,
    "field_visit_place": FieldVisitPlace,
    "field_visit_position": FieldVisitPosition,
    "field_visit_directive": FieldVisitDirective,
    "visit_finding": VisitFinding,
    "network_member": NetworkMember,
    "external_report": ExternalReport,
    "integrated_plan": IntegratedPlan,
    "plan_project": PlanProject,
    "plan_budget": PlanBudget,
    "plan_project_place": PlanProjectPlace,
    "plan_project_directive": PlanProjectDirective,
    "plan_indicator": PlanIndicator,
    "plan_actual": PlanActual,
}
FIELD_TABLES = tuple(MODELS)
# shares per directive (100,000 directives: 40,000 tied to places, 1,000 visits, ...)
PLACED_SHARE, VISIT_SHARE, MEMBER_SHARE, REPORT_SHARE = 0.40, 0.01, 0.002, 0.02
PROJECT_SHARE, INDICATORS_PER_PROJECT = 0.01, 2
SATANG_PER_MILLION = 100 * 1_000_000
PREFIX = {"province": "จ.", "district": "อ.", "subdistrict": "ต."}

RATINGS = ("effective", "partial", "not_effective")

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class _Directive:
    id: int
    issued_on: date
    fiscal_year: int
    dimension_id: int | None


class FieldPlan:
    """Rows of the field tables for `n` directives already written (ids from `first`)."""

    def __init__(self, rng: random.Random, n: int, as_of: date, ctx: PlanContext, user_id: int) -> None:
        self.rng, self.n, self.as_of, self.ctx, self.user_id = rng, n, as_of, ctx, user_id
        self.ids: dict[str, int] = dict.fromkeys(FIELD_TABLES, 1)
        self.rows: Rows = {t: [] for t in FIELD_TABLES}
        self.now = utcnow()

    def _next(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] += 1
        return value

    def _add(self, table: str, row: dict[str, Any], versioned: bool = True) -> int:
        row = {"id": self._next(table), **row}
        if versioned:
            row |= {"version": 1, "created_at": self.now, "updated_at": self.now}
        self.rows[table].append(row)
        return int(row["id"])

    def build(self, directives: list[_Directive], places: dict[str, list[tuple[int, str]]]) -> None:
        self.directives, self.places = directives, places
        self.by_year: dict[int, list[_Directive]] = {}
        for d in directives:  # in order of issue
            self.by_year.setdefault(d.fiscal_year, []).append(d)
        self.issued = {year: [d.issued_on for d in rows] for year, rows in self.by_year.items()}
        self._directive_places()
        self._visits()
        self._network()
        for year in sorted(self.by_year):
            self._plan(year)

    def counts(self) -> dict[str, int]:
        return {table: len(self.rows[table]) for table in FIELD_TABLES}

    # --- places on directives -----------------------------------------------------------
    def _some_places(self) -> list[int]:
        """One place (four times in five) or two; a tambon mostly, else a district or a province."""
        chosen: list[int] = []
        for _ in range(1 if self.rng.random() < 0.8 else 2):
            level = self.rng.choices(("subdistrict", "district", "province"), (7, 2, 1))[0]
            place = self.rng.choice(self.places[level])[0]
            if place not in chosen:
                chosen.append(place)
        return chosen

    def _directive_places(self) -> None:
        for d in self.directives:
            if self.rng.random() < PLACED_SHARE:
                for place_id in self._some_places():
                    self._add("directive_place", {"directive_id": d.id, "place_id": place_id}, versioned=False)

    # --- field visits -------------------------------------------------------------------
    def _recent(self, before: date, days: int = 365) -> list[_Directive]:
        """Directives issued within `days` before `before` (at most the 200 nearest)."""
        year = fiscal_year(before)
        found, dates = self.by_year.get(year, []), self.issued.get(year, [])
        low = bisect_left(dates, before - timedelta(days=days))
        high = bisect_right(dates, before)
        return found[max(low, high - 200) : high]

    def _visits(self) -> None:
        total = max(1, round(self.n * VISIT_SHARE))
        first = self.directives[0].issued_on
        span = (self.as_of + timedelta(days=60) - first).days
        for k in range(total):
            on = first + timedelta(days=span * (k + 1) // (total + 1))
            self._visit(on)

    def _visit(self, on: date) -> None:
        rng = self.rng
        tambons = rng.sample(self.places["subdistrict"], rng.choice((1, 1, 2)))
        status = "planned" if on > self.as_of else rng.choices(("done", "cancelled", "planned"), (90, 5, 5))[0]
        done = status == "done"
        lead, *joining = rng.sample(self.ctx.posts, 3)
        visit_id = self._add(
            "field_visit",
            {
                "title": f"{rng.choice(words.VISIT_TOPICS)} {tambons[0][1]}",
                "visit_on": on,
                "end_on": on + timedelta(days=1) if rng.random() < 0.2 else None,
                "purpose": words.VISIT_PURPOSE,
                "lead_position_id": lead,
                "status": status,
                "participants": words.PARTICIPANTS if done else None,
                "summary": rng.choice(words.SUMMARIES) if done else None,
                "issues": rng.choice(words.ISSUES) if done and rng.random() < 0.6 else None,
            },
        )
        for place_id, _name in tambons:
            self._add("field_visit_place", {"visit_id": visit_id, "place_id": place_id}, versioned=False)
        for post in joining:
            self._add("field_visit_position", {"visit_id": visit_id, "position_id": post}, versioned=False)
        candidates = self._recent(on)
        related = rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))
        for d in related:
            self._add("field_visit_directive", {"visit_id": visit_id, "directive_id": d.id}, versioned=False)
        if done:
            self._findings(visit_id, on, tambons, related)

    def _findings(self, visit_id: int, on: date, tambons: list[tuple[int, str]], related: list[_Directive]) -> None:
        rng = self.rng
        recent = (self.as_of - on).days <= 90
        for order in range(rng.randint(1, 3)):
            proposed = recent and rng.random() < 0.15
            self._add(
                "visit_finding",
                {
                    "visit_id": visit_id,
                    "sort_order": order,
                    "text": rng.choice(words.FINDINGS),
                    "place_id": rng.choice(tambons)[0],
                    "directive_id": related[0].id if related and order == 0 else None,
                    "progress_report_id": None,
                    "proposal_state": "proposed" if proposed else None,
                    "proposal_title": f"{words.PROPOSAL} {tambons[0][1]}" if proposed else None,
                    "agenda_item_id": None,
                },
            )

    # --- network members and their reports ------------------------------------------------
    def _network(self) -> None:
        rng = self.rng
        members: list[tuple[int, int, date]] = []  # id, place, active from
        used: set[tuple[str, str, int]] = set()
        first = self.directives[0].issued_on
        for k in range(max(1, round(self.n * MEMBER_SHARE))):
            kind = "volunteer" if k % 2 else "network"
            place_id, _name = rng.choice(self.places["subdistrict"])
            name = _member_name(k)
            while (kind, name, place_id) in used:
                place_id = rng.choice(self.places["subdistrict"])[0]
            used.add((kind, name, place_id))
            start = first + timedelta(days=rng.randint(0, max(0, (self.as_of - first).days - 30)))
            member_id = self._add(
                "network_member",
                {
                    "kind": kind,
                    "full_name": name,
                    "organisation": words.ORGANISATIONS[kind].format(k=1 + k % 12),
                    "place_id": place_id,
                    "phone": f"08{k % 10}{k:07d}"[:10],
                    "email": None,
                    "active_from": start,
                    "active_to": None,
                },
            )
            members.append((member_id, place_id, start))
        for _ in range(max(1, round(self.n * REPORT_SHARE))):
            self._report(*rng.choice(members))

    def _report(self, member_id: int, place_id: int, start: date) -> None:
        rng = self.rng
        on = start + timedelta(days=rng.randint(0, max(0, (self.as_of - start).days)))
        candidates = self._recent(on, 180) if rng.random() < 0.7 else []
        self._add(
            "external_report",
            {
                "member_id": member_id,
                "report_on": on,
                "directive_id": rng.choice(candidates).id if candidates else None,
                "place_id": place_id,
                "rating": rng.choice(RATINGS),
                "text": rng.choice(words.REPORT_TEXTS),
            },
        )

    # --- the integrated plan of one fiscal year -----------------------------------------
    def _plan(self, year: int) -> None:
        title = f"แผนบูรณาการแก้ไขปัญหาจังหวัดชายแดนภาคใต้ ปีงบประมาณ {year}"
        plan_id = self._add("integrated_plan", {"fiscal_year": year, "title": title})
        directives = self.by_year[year]
        names: Counter[str] = Counter()
        for _ in range(max(1, round(PROJECT_SHARE * len(directives)))):
            self._project(plan_id, year, directives, names)

    def _project(self, plan_id: int, year: int, directives: list[_Directive], names: Counter[str]) -> None:
        rng = self.rng
        tambon = rng.choice(self.places["subdistrict"])
        base = f"{rng.choice(words.PROJECT_TOPICS)} {tambon[1]}"
        names[base] += 1
        project_id = self._add(
            "plan_project",
            {
                "plan_id": plan_id,
                "dimension_id": rng.choice(self.ctx.dimensions),
                "name": base if names[base] == 1 else f"{base} ระยะที่ {names[base]}",
                "owner_position_id": rng.choice(self.ctx.posts),
            },
        )
        self._add("plan_project_place", {"project_id": project_id, "place_id": tambon[0]}, versioned=False)
        for d in rng.sample(directives, min(len(directives), rng.choice((0, 1, 1, 2)))):
            self._add("plan_project_directive", {"project_id": project_id, "directive_id": d.id}, versioned=False)
        begun = [q for q in (1, 2, 3, 4) if fiscal_quarter_bounds(year, q)[0] <= self.as_of]
        pace = rng.uniform(0.4, 1.1)  # how fast this project spends and achieves
        for quarter in (1, 2, 3, 4):
            allocated = rng.randint(1, 20) * SATANG_PER_MILLION // 4
            spent = round(allocated * min(1.0, pace * rng.uniform(0.8, 1.2))) if quarter in begun else 0
            money = {"allocated_satang": allocated, "disbursed_satang": spent}
            self._add("plan_budget", {"project_id": project_id, "quarter": quarter, **money})
        for spec in rng.sample(words.INDICATORS, INDICATORS_PER_PROJECT):
            self._indicator(project_id, spec, begun, pace)

    def _indicator(self, project_id: int, spec: tuple, begun: list[int], pace: float) -> None:  # type: ignore[type-arg]
        name, unit, baseline, target, direction, cumulative = spec
        indicator_id = self._add(
            "plan_indicator",
            {
                "project_id": project_id,
                "name": name,
                "unit": unit,
                "baseline": baseline,
                "target": target,
                "direction": direction,
                "cumulative": cumulative,
                "target_q1": None,
                "target_q2": None,
                "target_q3": None,
            },
        )
        start = baseline or 0.0
        for quarter in begun:
            if self.rng.random() < 0.1:  # not reported this quarter
                continue
            if cumulative:
                value = round(target / 4 * pace * self.rng.uniform(0.7, 1.3), 1)
            else:
                value = round(start + (target - start) * quarter / 4 * pace, 1)
            row = {"indicator_id": indicator_id, "quarter": quarter, "value": value}
            self._add("plan_actual", row | {"note": f"ผลการดำเนินงานไตรมาส {quarter}", "entered_by_id": self.user_id})


def _member_name(k: int) -> str:
    first = words.FIRST_NAMES[k % len(words.FIRST_NAMES)]
    last = words.LAST_NAMES[(k // len(words.FIRST_NAMES)) % len(words.LAST_NAMES)]
    title = ("นาย", "นางสาว", "นาง")[(k // (len(words.FIRST_NAMES) * len(words.LAST_NAMES))) % 3]
    return f"{title}{first} {last}"


def _table(name: str) -> Table:
    table = MODELS[name].__table__
    assert isinstance(table, Table)
    return table


def write_field(
    connection: Connection, rng: random.Random, n: int, as_of: date, ctx: PlanContext, user_id: int
) -> dict[str, int]:
    """Generate and insert the field tables for the directives already written; the counts."""
    directives = [
        _Directive(*row)
        for row in connection.execute(
            select(Directive.id, Directive.issued_on, Directive.fiscal_year, Directive.dimension_id).order_by(
                Directive.issued_on, Directive.id
            )
        )
    ]
    places: dict[str, list[tuple[int, str]]] = {"province": [], "district": [], "subdistrict": []}
    query = select(Place.id, Place.level, Place.name_th).where(Place.active.is_(True)).order_by(Place.code)
    for place_id, level, name in connection.execute(query):
        places[level].append((place_id, PREFIX[level] + name))
    plan = FieldPlan(rng, n, as_of, ctx, user_id)
    plan.ids.update(bulk.next_ids(connection, FIELD_TABLES))
    plan.build(directives, places)
    for name in FIELD_TABLES:
        bulk.insert_rows(connection, _table(name), plan.rows[name])
    bulk.reset_sequences(connection, FIELD_TABLES)
    return plan.counts()
