"""services/process_jobs.py in a real 'spawn' child, on SQLite and PostgreSQL: the child opens
the same database itself (next to the parent's instance lock), acts as the same Actor, and its
typed errors come back as the same class with the same Thai message."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import pytest

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import NotFound, PermissionDenied
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.process_jobs import Job, JobFailure, rebuild_failure, run_job
from tests.services import helpers


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


def in_child(pool: ProcessPoolExecutor, job: Job) -> tuple[bool, object]:
    return pool.submit(run_job, job).result(timeout=120)


def test_child_reads_the_parents_database_as_the_same_user(ctx, pool):
    series_id = helpers.series(ctx)
    created = helpers.meeting(ctx, series_id, date(2020, 1, 10), title="ประชุมทดสอบกระบวนการลูก")
    ok, view = in_child(
        pool, Job(ctx.db.location, ctx.actor, meetings.get_meeting, (created.id,))
    )
    assert ok and view.id == created.id and view.title == "ประชุมทดสอบกระบวนการลูก"


def test_child_errors_come_back_typed_and_in_thai(ctx, pool):
    ok, failure = in_child(
        pool, Job(ctx.db.location, ctx.actor, meetings.get_meeting, (999_999,))
    )
    assert not ok and isinstance(failure, JobFailure)
    error = rebuild_failure(failure)
    with pytest.raises(NotFound) as in_parent:
        meetings.get_meeting(ctx.db, ctx.actor, 999_999)
    assert type(error) is NotFound and str(error) == str(in_parent.value)
    assert error.message_en == in_parent.value.message_en  # type: ignore[attr-defined]


def test_the_actor_is_the_one_passed_not_a_stronger_one(ctx, pool):
    viewer = Actor(ctx.actor.user_id, "viewer", UserRole.VIEWER, "ผู้อ่าน")
    series = Job(ctx.db.location, viewer, meetings.create_series, ("ชุดที่ผู้อ่านสร้างไม่ได้",))
    ok, failure = in_child(pool, series)
    assert not ok and isinstance(rebuild_failure(failure), PermissionDenied)  # type: ignore[arg-type]


def test_a_job_that_fails_outside_our_errors_is_a_failure_not_a_crash(ctx, pool):
    ok, failure = in_child(pool, Job(ctx.db.location, ctx.actor, divmod))  # divmod(db, actor): TypeError
    assert not ok and isinstance(failure, JobFailure) and failure.name == "TypeError"
    assert isinstance(rebuild_failure(failure), RuntimeError)
