"""Shared office mode: the server database is never upgraded silently."""

from __future__ import annotations

import pytest

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.meetings.meetings import list_meetings

pytestmark = pytest.mark.pg


def test_empty_server_database_needs_init(pg_template):
    from tests.conftest import _create_db

    url = _create_db(pg_template, "sbpac_empty_for_init")
    with pytest.raises(DatabaseError, match="โปรดแจ้งผู้ดูแลระบบให้รันคำสั่ง sbpac-desktop init"):
        open_app(url)
    open_app(url, upgrade=True).close()  # what `init` does
    ctx = open_app(url)
    load_demo(ctx.db, ctx.actor)
    assert [m.number_text(False) for m in list_meetings(ctx.db, ctx.actor)] == ["10/2562", "9/2562"]
    ctx.close()


def test_newer_server_schema_is_refused(pg_url):
    ctx = open_app(pg_url)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    ctx.close()
    for upgrade in (False, True):
        with pytest.raises(DatabaseError, match="โปรแกรมรุ่นใหม่กว่า"):
            open_app(pg_url, upgrade=upgrade)


def test_connections_run_without_jit_and_keep_the_urls_own_options(pg_url):
    """JIT compiling took 0.3 s of a 0.7 s dashboard query at 100k (store/engine.py); the app turns
    it off for its connections, and server options given in the URL still apply beside it."""
    from sqlalchemy import text

    from sbpac_desktop.store.engine import create_app_engine
    from sbpac_desktop.store.location import resolve_location

    def settings(url: str) -> tuple[str, str]:
        engine = create_app_engine(resolve_location(url))
        try:
            with engine.connect() as connection:
                jit = connection.execute(text("SHOW jit")).scalar_one()
                timeout = connection.execute(text("SHOW statement_timeout")).scalar_one()
        finally:
            engine.dispose()
        return str(jit), str(timeout)

    assert settings(pg_url) == ("off", "0")
    separator = "&" if "?" in pg_url else "?"
    assert settings(f"{pg_url}{separator}options=-c%20statement_timeout%3D7s") == ("off", "7s")
    assert settings(f"{pg_url}{separator}options=-c%20jit%3Don")[0] == "on"  # a DBA's choice wins
