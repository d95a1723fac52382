"""A realistic data set of N directives for scale tests and benchmarks (issue 7).

Scaled from N = 100,000: 10 fiscal years ending with the fiscal year of `as_of`, 2 % as
many meetings (2,000), 30 % agenda items (30,000), two assignments per directive
(200,000) and five progress reports per directive (500,000), with Thai text of the lengths
real minutes have (generate_text). Dates are laid out relative to `as_of`, so the derived
statuses spread over every status: old work is mostly done or overdue, recent work in
progress, not started or due soon; a few are cancelled or blocked.

Master data (units, posts, people, dimensions, the meeting series) comes from the demo
loader through the ordinary services. Everything else goes in with bulk inserts in one
transaction (store.bulk), and the audit trail gets ONE entry, action "generate", that
records the counts and the seed instead of an entry per row: a 100k set would otherwise
carry 830,000 audit entries nobody typed. The search index is rebuilt once at the end.

The field follow-up tables (places on directives, field visits, the network's reports, the
integrated plan) follow in proportion, in the same transaction (services.demo.generate_field).

Only an empty database is accepted (no meeting, no directive): the generator numbers
meetings and directives from 1 and must never mix invented records into real ones.
"""

from __future__ import annotations

import random
import time as clock
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from sbpac_desktop.domain.errors import ConflictError, ValidationError
from sbpac_desktop.services import lookups, places
from sbpac_desktop.services.audit_trail import audit_many
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo import demo_data as demo
from sbpac_desktop.services.demo import generate_field
from sbpac_desktop.services.demo.demo import _Loader
from sbpac_desktop.services.demo.generate_plan import TABLES, Plan, PlanContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.permissions import MANAGE_USERS, require
from sbpac_desktop.store import bulk, directive_summary
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive, Meeting
from sbpac_desktop.thai import fiscal_year

GENERATOR_VERSION = 2  # bump when the data set changes shape (benchmark caches key on it); 2: field tables
MAX_DIRECTIVES = 1_000_000
MEETINGS_PER_BATCH = 50  # rows are generated and written a batch of meetings at a time


@dataclass(frozen=True)
class GenerateResult:
    directives: int
    meetings: int
    agenda_items: int
    assignments: int
    progress_reports: int
    seed: int
    as_of: date
    seconds: float
    field_rows: dict[str, int] = field(default_factory=dict)  # rows of each field follow-up table


def _check(n: int) -> None:
    if not 10 <= n <= MAX_DIRECTIVES:
        raise ValidationError.single(
            "directives",
            f"จำนวนข้อสั่งการต้องอยู่ระหว่าง 10 ถึง {MAX_DIRECTIVES:,}",
            f"The number of directives must be between 10 and {MAX_DIRECTIVES:,}",
        )


def generate(db: Database, actor: Actor, n: int, seed: int = 1, as_of: date | None = None) -> GenerateResult:
    """Fill an empty database with a generated data set of `n` directives."""
    require(actor, MANAGE_USERS, "สร้างชุดข้อมูลทดสอบ")  # administrators only
    _check(n)
    started = clock.perf_counter()
    day = as_of or date.today()
    with db.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Meeting)) or session.scalar(
            select(func.count()).select_from(Directive)
        ):
            raise ConflictError(
                "ฐานข้อมูลนี้มีการประชุมหรือข้อสั่งการอยู่แล้ว — สร้างชุดข้อมูลทดสอบได้เฉพาะในฐานข้อมูลใหม่ (ใช้ --db กับไฟล์ใหม่)",
                "This database already holds meetings or directives; generate into a new database",
            )
    context = _master_data(db, actor, day)
    plan = Plan(random.Random(seed), n, day, context)
    with db.unit_of_work() as session:
        connection = session.connection()
        first = bulk.next_ids(connection, TABLES)
        plan.start_ids(first)
        # no per-row search or summary triggers: the index rebuilt, the summaries computed once at the end
        with bulk.search_index_suspended(connection), directive_summary.sqlite_triggers_suspended(connection):
            for batch in plan.batches(MEETINGS_PER_BATCH):
                for table, rows in batch:
                    bulk.insert_rows(connection, table, rows)
            bulk.reset_sequences(connection, TABLES)
            counts = plan.counts()
            # a random source of its own: the field tables do not shift the directives of a seed
            field_rng = random.Random(f"field-{seed}")
            field_counts = generate_field.write_field(connection, field_rng, n, day, context, actor.user_id)
            counts |= field_counts
            details = {**counts, "seed": seed, "as_of": day.isoformat(), "generator_version": GENERATOR_VERSION}
            # Inside the block: PostgreSQL's deferred audit checks fire before the indexes are rebuilt
            # and find this one entry standing for every generated row.
            audit_many(session, actor, [("generate", "dataset", None, None, details)])
    return GenerateResult(
        counts["directive"],
        counts["meeting"],
        counts["agenda_item"],
        counts["assignment"],
        counts["progress_report"],
        seed,
        day,
        clock.perf_counter() - started,
        field_counts,
    )


def _master_data(db: Database, actor: Actor, day: date) -> PlanContext:
    """Units, posts, people and dimensions of the demo, through the services (audited)."""
    loader = _Loader(db, actor)
    loader.units_and_people()
    places.sync_places(db, actor)  # the real places (geothai) the field tables refer to; idempotent
    dimensions = [d.id for d in lookups.ensure_seed_dimensions(db, actor)]
    series = next((s for s in meetings.list_series(db, actor) if s.name == demo.SERIES), None)
    series_id = series.id if series else meetings.create_series(db, actor, demo.SERIES).id
    assistants = [loader.posts[k] for k in loader.posts if k.startswith("A")]
    units = sorted(set(loader.units.values()))
    return PlanContext(
        series_id=series_id,
        chair_id=loader.people["P0"],
        recorder_id=loader.people["R1"],
        posts=[*assistants, loader.posts["D1"], loader.posts["X1"]],
        units=units,
        reporters=[loader.people[k] for k in loader.people if k.startswith("A")],
        dimensions=dimensions,
        last_fiscal_year=fiscal_year(day),
    )
