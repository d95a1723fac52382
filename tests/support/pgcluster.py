"""Throwaway PostgreSQL clusters for the test suite.

Usage: ``with PgCluster() as pg: url = pg.create_database("sbpac_test")`` gives
``postgresql+psycopg://sbpac_admin@127.0.0.1:PORT/sbpac_test``. If ``SBPAC_TEST_PG_URL`` is set (e.g. a
CI service container) no cluster is started: PgCluster hands out URLs on that server, with its credentials.

initdb refuses to run as root, so as root every server command runs as the ``postgres`` system user via
``runuser`` and the temp dir is chown'ed to it; as a normal user the commands run directly.
"""

from __future__ import annotations

import atexit
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path
from typing import Self
from urllib.parse import quote

try:
    import pwd
except ImportError:  # Windows: importable, but pg_available() will report no binaries
    pwd = None  # type: ignore[assignment]

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

ADMIN_USER = "sbpac_admin"
ENV_EXTERNAL_URL = "SBPAC_TEST_PG_URL"
_IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
_ports_lock = threading.Lock()
_ports_handed_out: set[int] = set()  # never hand the same port to two clusters of this process


def external_pg_url() -> str | None:
    """The server URL from ``SBPAC_TEST_PG_URL``, or None when unset/empty."""
    return os.environ.get(ENV_EXTERNAL_URL, "").strip() or None


def find_pg_binaries() -> Path | None:
    """Directory holding initdb + pg_ctl: PATH first, then /usr/lib/postgresql/<ver>/bin, newest first."""
    on_path = shutil.which("initdb")
    candidates = [Path(on_path).parent] if on_path else []
    versions = Path("/usr/lib/postgresql").glob("*/bin")  # e.g. 15/bin, 9.6/bin: sort numerically
    candidates += sorted(versions, key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.name)])[::-1]
    for bindir in candidates:
        if all(os.access(bindir / exe, os.X_OK) for exe in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def pg_available() -> tuple[bool, str]:
    """(True, "") if tests can get a server; otherwise (False, human-readable reason)."""
    if external_pg_url():
        return True, ""
    if find_pg_binaries() is None:
        return False, "PostgreSQL server binaries (initdb, pg_ctl) not on PATH nor in /usr/lib/postgresql"
    if _IS_ROOT and "postgres" not in {u.pw_name for u in pwd.getpwall()}:
        return False, "running as root (initdb refuses root) but there is no 'postgres' system user"
    if _IS_ROOT and shutil.which("runuser") is None:
        return False, "running as root but 'runuser' (util-linux) is not available"
    return True, ""


def require_pg_or_skip(reason: str) -> None:
    """Skip the test with ``reason``; on CI (env CI set, not false/0) fail instead, so it is noticed."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"PostgreSQL required on CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    """A currently free loopback port not yet handed out by this process (the OS may reuse a port)."""
    with _ports_lock:
        for _ in range(50):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind(("127.0.0.1", 0))
                port: int = s.getsockname()[1]
            if port not in _ports_handed_out:
                _ports_handed_out.add(port)
                return port
    raise RuntimeError("could not find a free loopback port")


class PgCluster:
    """Context manager owning one throwaway cluster (or a view on ``SBPAC_TEST_PG_URL``)."""

    def __init__(self, server_options: tuple[str, ...] | list[str] = ()) -> None:
        self.server_options = list(server_options)  # extra postgres args, e.g. ["-c", "log_statement=all"]
        self.port: int = 0
        self.tmpdir: Path | None = None
        self.start_seconds = 0.0  # wall time of initdb + start, for diagnostics
        self._external = external_pg_url()
        self._bindir: Path | None = None  # set while a server may be running

    def __enter__(self) -> Self:
        if self._external:
            self.port = make_url(self._external).port or 5432
            return self
        if (bindir := find_pg_binaries()) is None:
            raise RuntimeError(pg_available()[1])
        t0 = time.monotonic()
        # Short path (unix socket paths are limited to ~100 bytes). As root use /tmp: $TMPDIR may not be
        # traversable by the postgres user. mkdtemp makes it 0700, so chown it to postgres when root.
        self.tmpdir = Path(tempfile.mkdtemp(prefix="sbpac-pg-", dir="/tmp" if _IS_ROOT else None))
        atexit.register(self._cleanup)  # in case the process exits without __exit__ running
        try:
            if _IS_ROOT:
                shutil.chown(self.tmpdir, "postgres", "postgres")
            self._initdb(bindir, self.tmpdir / "data")
            self._start(bindir, self.tmpdir)
        except BaseException:
            self._cleanup()
            raise
        self.start_seconds = time.monotonic() - t0
        return self

    def __exit__(self, *exc: object) -> None:
        self._cleanup()

    def _run(self, *cmd: object) -> subprocess.CompletedProcess[str]:
        argv = [str(c) for c in cmd]
        if _IS_ROOT:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        # Drop PG* vars (PGPORT, PGDATA, ...) so the caller's environment can't redirect us; English messages.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")} | {"LC_ALL": "C"}
        # cwd=tmpdir: the postgres user may not be able to read the caller's cwd (e.g. /root/...).
        return subprocess.run(argv, check=False, cwd=self.tmpdir, env=env, capture_output=True, text=True,
                              timeout=120)  # fmt: skip

    def _initdb(self, bindir: Path, data: Path) -> None:
        base = [bindir / "initdb", "-D", data, "-A", "trust", "-U", ADMIN_USER, "--encoding=UTF8", "-N"]
        res = self._run(*base, "--locale=C.UTF-8")
        if res.returncode != 0 and "locale" in res.stderr.lower():
            shutil.rmtree(data, ignore_errors=True)  # e.g. macOS has no C.UTF-8 locale
            res = self._run(*base, "--locale=C")
        if res.returncode != 0:
            raise RuntimeError(f"initdb failed ({res.returncode}):\n{res.stdout}\n{res.stderr}")

    def _start(self, bindir: Path, tmp: Path) -> None:
        sock, log = tmp / "sock", tmp / "server.log"
        sock.mkdir()
        if _IS_ROOT:
            shutil.chown(sock, "postgres", "postgres")
        for _attempt in range(3):  # retry only if someone grabbed our port between probe and bind
            self.port = _free_port()
            # pg_ctl runs the -o string through /bin/sh, hence the shell quoting.
            opts = " ".join([f"-F -k {shlex.quote(str(sock))} -p {self.port} -c listen_addresses=127.0.0.1",
                             "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                             shlex.join(self.server_options)])  # fmt: skip
            self._bindir = bindir  # from here on, cleanup must try to stop a server
            res = self._run(bindir / "pg_ctl", "-D", tmp / "data", "-w", "-t", "60", "-o", opts,
                            "-l", log, "start")  # fmt: skip
            if res.returncode == 0:
                return
            tail = log.read_text(errors="replace").splitlines()[-30:] if log.exists() else []
            if not any("could not bind" in line or "already in use" in line for line in tail):
                break
        raise RuntimeError(
            f"PostgreSQL failed to start on port {self.port} (pg_ctl rc={res.returncode}):\n"
            f"{res.stdout}{res.stderr}\n--- last 30 lines of {log} ---\n" + "\n".join(tail)
        )

    def _cleanup(self) -> None:
        """Idempotent, never raises: immediate stop (also of a half-started server), delete the directory."""
        atexit.unregister(self._cleanup)
        if self._bindir is not None and self.tmpdir is not None:
            with suppress(OSError, subprocess.SubprocessError):
                self._run(self._bindir / "pg_ctl", "-D", self.tmpdir / "data", "-m", "immediate", "stop")
        self._bindir = None
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None

    def url(self, dbname: str = "postgres", user: str = ADMIN_USER) -> str:
        """SQLAlchemy URL for ``dbname``. With SBPAC_TEST_PG_URL, that URL's user/password/host are used."""
        if self._external:
            ext = make_url(self._external).set(drivername="postgresql+psycopg", database=dbname)
            return ext.render_as_string(hide_password=False)
        return f"postgresql+psycopg://{quote(user, safe='')}@127.0.0.1:{self.port}/{quote(dbname, safe='')}"

    def create_database(self, name: str) -> str:
        """(Re)create database ``name`` (UTF8) and return its URL."""
        u = make_url(self.url("postgres"))
        with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                             dbname=u.database, autocommit=True, connect_timeout=10) as conn:  # fmt: skip
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            create = "CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0"
            conn.execute(sql.SQL(create).format(sql.Identifier(name)))
        return self.url(name)
