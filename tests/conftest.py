"""Shared fixtures: every service test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is a throwaway cluster started here (or SBPAC_TEST_PG_URL). One
migrated template database is made per session; each test gets a copy of it, which
costs a few milliseconds instead of a full migration.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from sbpac_desktop.services.app import AppContext, open_app
from tests.support.pgcluster import PgCluster, external_pg_url, pg_available, require_pg_or_skip

TEMPLATE_DB = "sbpac_template"
_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's real per-user database, settings or logs."""
    home = tmp_path_factory.getbasetemp() / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("SBPAC_DB", raising=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """URL of a migrated template database on a running server."""
    ok, reason = pg_available()
    if not ok:
        require_pg_or_skip(f"PostgreSQL tests skipped: {reason}")
    external = external_pg_url()
    if external:
        yield from _template_on(external, None)
        return
    with PgCluster() as cluster:
        yield from _template_on(cluster.url(), cluster)


def _template_on(server_url: str, cluster: PgCluster | None) -> Iterator[str]:
    url = cluster.create_database(TEMPLATE_DB) if cluster else _create_db(server_url, TEMPLATE_DB)
    ctx = open_app(url, create=True, upgrade=True)
    ctx.close()
    yield url


def _admin_conninfo(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql", database="postgres")
    return parsed.render_as_string(hide_password=False)


def _create_db(server_url: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(_admin_conninfo(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        suffix = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'{suffix}")
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def pg_url(pg_template: str) -> str:
    """A fresh, migrated, empty PostgreSQL database for one test."""
    return _create_db(pg_template, f"sbpac_t{os.getpid()}_{next(_counter)}", template=TEMPLATE_DB)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "sbpac.db")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "sbpac.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def ctx(db_url: str) -> Iterator[AppContext]:
    context = open_app(db_url, create=True, upgrade=True)
    yield context
    context.close()
