"""Foundation figures (run by `make bench`, never by `make test`): start-up paths, the tracker
query on a generated year of directives, Thai segmentation and normalization."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta

import pytest

from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.thai import normalize_text, segment

SENTENCE = (
    "ที่ประชุมรับทราบผลการดำเนินการตามข้อสั่งการของเลขาธิการ ศอ.บต. และมอบหมายให้ผู้ช่วยเลขาธิการ ศอ.บต. "
    "ประสานกระทรวงต้นสังกัดเพื่อเร่งรัดการเบิกจ่ายงบประมาณตามแผนงานบูรณาการขับเคลื่อนการแก้ไขปัญหา จชต. "
)


@pytest.fixture(scope="module")
def year_of_directives(tmp_path_factory):
    """The demo plus 1,000 directives with 2 assignees and 3 reports each (one busy year)."""
    ctx = open_app(str(tmp_path_factory.mktemp("bench") / "b.db"), create=True)
    load_demo(ctx.db, ctx.actor)
    posts = [
        a.position_id
        for d in directives.list_directives(ctx.db, ctx.actor)
        for a in directives.get_directive(ctx.db, ctx.actor, d.id).assignments
        if a.position_id
    ]
    rng = random.Random(7)
    for n in range(1000):
        issued = date(2020, 10, 1) + timedelta(days=n % 300)
        lead, support = rng.sample(sorted(set(posts)), 2)
        detail = directives.create_directive(
            ctx.db,
            ctx.actor,
            directives.DirectiveInput(
                SENTENCE[: rng.randint(60, 200)],
                issued,
                (
                    directives.AssignmentInput(position_id=lead),
                    directives.AssignmentInput(position_id=support, role=AssignmentRole.SUPPORT),
                ),
                due_on=issued + timedelta(days=rng.randint(10, 120)),
            ),
        )
        for k in range(3):
            progress.add_progress(
                ctx.db,
                ctx.actor,
                progress.ProgressInput(
                    detail.assignments[0].id, issued + timedelta(days=k), min(100, 20 * (k + 1)), SENTENCE[:80]
                ),
            )
    yield ctx
    ctx.close()


def test_tracker_all_rows(benchmark, year_of_directives):
    rows = benchmark(
        directives.list_directives, year_of_directives.db, year_of_directives.actor, None, date(2021, 3, 1)
    )
    assert len(rows) == 1009


def test_tracker_overdue_filter(benchmark, year_of_directives):
    flt = directives.DirectiveFilter(status="overdue", fiscal_year=2564)
    rows = benchmark(directives.list_directives, year_of_directives.db, year_of_directives.actor, flt, date(2021, 3, 1))
    assert rows


def test_open_one_directive(benchmark, year_of_directives):
    detail = benchmark(directives.get_directive, year_of_directives.db, year_of_directives.actor, 500)
    assert len(detail.reports) == 3


def test_cli_listing_process(benchmark, tmp_path):
    path = tmp_path / "cli.db"
    ctx = open_app(str(path), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()

    def listing():
        return subprocess.run(
            [sys.executable, "-m", "sbpac_desktop", "--db", str(path), "meetings"], capture_output=True, check=True
        )

    benchmark.pedantic(listing, rounds=5, iterations=1)


def test_segment_10k_characters_warm(benchmark):
    text = (SENTENCE * 60)[:10_000]
    segment(text)  # dictionary loaded once, as in a running app
    tokens = benchmark(segment, text)
    assert "".join(tokens) == text


def test_normalize_10k_characters(benchmark):
    text = (SENTENCE * 60)[:10_000]
    assert benchmark(normalize_text, text)
