"""Tests that really start a throwaway PostgreSQL cluster (see tests/support/pgcluster.py)."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

# Make ``tests.support`` importable however pytest is launched (``pytest`` does not put the repo root on
# sys.path, ``python -m pytest`` does). Harmless if the project config already adds it.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.pgcluster import (
    ENV_EXTERNAL_URL,
    PgCluster,
    external_pg_url,
    find_pg_binaries,
    pg_available,
    require_pg_or_skip,
)

THAI = "ที่ประชุม ผู้ช่วยเลขาธิการ ศอ.บต."


def _require_pg() -> None:
    ok, reason = pg_available()
    if not ok:
        require_pg_or_skip(reason)


def _require_local_cluster() -> None:
    if external_pg_url():
        pytest.skip(f"{ENV_EXTERNAL_URL} is set: no local clusters are started")
    _require_pg()


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    _require_pg()
    with PgCluster() as pg:
        yield pg


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# -- no server needed ----------------------------------------------------------------------------------------


def test_require_pg_or_skip_skips_locally_and_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no binaries"):
        require_pg_or_skip("no binaries")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        require_pg_or_skip("no binaries")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no binaries"):
        require_pg_or_skip("no binaries")


def test_external_url_mode_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_EXTERNAL_URL, "postgresql://ci:s3cret@db.example:6543/whatever")
    assert external_pg_url() == "postgresql://ci:s3cret@db.example:6543/whatever"
    assert pg_available() == (True, "")
    with PgCluster() as pg:
        assert pg.tmpdir is None
        assert pg.port == 6543
        assert pg.url("sbpac_x") == "postgresql+psycopg://ci:s3cret@db.example:6543/sbpac_x"
    monkeypatch.setenv(ENV_EXTERNAL_URL, "  ")
    assert external_pg_url() is None


def test_pg_available_reports_reason() -> None:
    ok, reason = pg_available()
    assert isinstance(ok, bool)
    assert isinstance(reason, str)
    assert ok or reason
    if find_pg_binaries() is not None and not external_pg_url():
        assert (find_pg_binaries() or Path("/nonexistent")).joinpath("initdb").exists()


# -- real server ---------------------------------------------------------------------------------------------


def test_url_shape(cluster: PgCluster) -> None:
    if not external_pg_url():
        assert cluster.url() == f"postgresql+psycopg://sbpac_admin@127.0.0.1:{cluster.port}/postgres"
        assert cluster.start_seconds < 30, f"cluster startup took {cluster.start_seconds:.1f}s"


def test_select_version(cluster: PgCluster) -> None:
    engine = create_engine(cluster.create_database("sbpac_smoke"))
    try:
        with engine.connect() as conn:
            version = conn.execute(text("select version()")).scalar_one()
            assert version.startswith("PostgreSQL ")
            assert conn.execute(text("select current_database()")).scalar_one() == "sbpac_smoke"
    finally:
        engine.dispose()


def test_thai_utf8_round_trip(cluster: PgCluster) -> None:
    engine = create_engine(cluster.create_database("sbpac_thai"))
    try:
        with engine.begin() as conn:
            assert conn.execute(text("show server_encoding")).scalar_one() == "UTF8"
            conn.execute(text("create table meeting (id serial primary key, title text not null)"))
            conn.execute(text("insert into meeting (title) values (:t)"), {"t": THAI})
        with engine.connect() as conn:
            sel = text("select title, char_length(title), octet_length(title) from meeting")
            row = conn.execute(sel).one()
        assert row.title == THAI
        assert row[1] == len(THAI)  # characters, not bytes: no double encoding on the way
        assert row[2] == len(THAI.encode("utf-8"))
    finally:
        engine.dispose()


def test_second_cluster_gets_own_port_and_is_cleaned_up_on_error(cluster: PgCluster) -> None:
    _require_local_cluster()
    seen: dict[str, Any] = {}

    def failing_body() -> None:
        with PgCluster() as other:
            seen.update(port=other.port, tmpdir=other.tmpdir, was_open=_port_open(other.port))
            raise ZeroDivisionError("simulated failure in a test body")

    with pytest.raises(ZeroDivisionError):
        failing_body()
    assert seen["port"] != cluster.port
    assert seen["was_open"]
    assert isinstance(seen["tmpdir"], Path)
    assert not seen["tmpdir"].exists()
    assert not _port_open(seen["port"])
    assert _port_open(cluster.port)  # the module cluster is untouched


def test_startup_failure_raises_with_server_log() -> None:
    _require_local_cluster()
    pg = PgCluster(server_options=["-c", "sbpac_no_such_setting=1"])
    with pytest.raises(RuntimeError, match="sbpac_no_such_setting") as excinfo:
        pg.__enter__()
    assert "last 30 lines" in str(excinfo.value)
    assert pg.tmpdir is None  # temp dir removed even though __exit__ never ran
