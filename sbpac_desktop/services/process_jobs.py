"""Heavy read-and-render jobs (PDF documents, spreadsheet exports) run in a child process.

Why: large SQLite reads, spreadsheet writing and ReportLab hold the GIL for long stretches, so a
worker *thread* still stalls the window for hundreds of milliseconds. A child process
has its own interpreter; the window's event loop only waits for a pickled answer.

What crosses the process boundary is small and picklable: a `Job` names the database
location (the same `DatabaseLocation` the parent opened), the signed-in `Actor` (a frozen
dataclass — never a password) and the job function itself, taking `(db, actor, *args)`.
Pickle sends a function by reference (its module and name), so the child imports that module:
the window's jobs live in sbpac_desktop/render_jobs.py, never in gui, and the child loads no Qt.
A front end passes the function object, so every edge is an import the contracts see.

The instance lock (store/instance_lock.py) belongs to the parent for its whole session
and the child is the parent's own helper: the child therefore does not try to take it
(it could not — flock is per open file) and does not migrate; it opens an engine on the
already-checked file and relies on SQLite's own locking, like `backup` does. The parent
stops its pool before it releases the lock (gui/process_operations.py).

Typed errors (domain/errors.py) do not pickle as they are (their constructors take two
messages), so the child sends class and attributes and the parent rebuilds the same
class: the window shows the same Thai message.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sbpac_desktop.domain import errors as domain_errors
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.engine import create_app_engine
from sbpac_desktop.store.location import DatabaseLocation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    location: DatabaseLocation
    actor: Actor
    function: Callable[..., Any]  # a module-level function, called as function(db, actor, *args)
    args: tuple[Any, ...] = ()


@dataclass(frozen=True)
class JobFailure:
    """An exception in transit: rebuilt in the parent by `raise_failure`."""

    module: str
    name: str
    message: str
    attributes: dict[str, Any]
    details: str  # the child's formatted traceback, for the log


_databases: dict[DatabaseLocation, Database] = {}  # child side: the one database in use


def database_for(location: DatabaseLocation) -> Database:
    """The child's Database for this location, kept between jobs. When the window switched
    to another database, the old engine is closed first: its file is no longer the parent's."""
    db = _databases.get(location)
    if db is None:
        for old in _databases.values():
            old.close()
        _databases.clear()
        db = Database(location, create_app_engine(location))  # no lock: the parent holds it
        _databases[location] = db
    return db


def run_job(job: Job) -> tuple[bool, Any]:
    """Child entry point: (True, result) or (False, JobFailure). Never raises."""
    try:
        result = job.function(database_for(job.location), job.actor, *job.args)
    except BaseException as error:  # every failure must reach the parent
        return False, describe_failure(error)
    return True, result


def describe_failure(error: BaseException) -> JobFailure:
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    attributes = {key: value for key, value in vars(error).items() if _picklable(value)}
    return JobFailure(type(error).__module__, type(error).__qualname__, str(error), attributes, details)


def rebuild_failure(failure: JobFailure) -> BaseException:
    """The child's exception as the same class when it is one of ours, else a RuntimeError."""
    cls = getattr(domain_errors, failure.name, None) if failure.module == domain_errors.__name__ else None
    if isinstance(cls, type) and issubclass(cls, domain_errors.AppError):
        error: BaseException = cls.__new__(cls)
        Exception.__init__(error, failure.message)
        vars(error).update(failure.attributes)
        return error
    return RuntimeError(f"{failure.module}.{failure.name}: {failure.message}")


def _picklable(value: Any) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


__all__ = ["Job", "JobFailure", "database_for", "rebuild_failure", "run_job"]
