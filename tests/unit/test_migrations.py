"""Models and migrations must not drift, and there is exactly one head."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from sbpac_desktop.services.app import open_app
from sbpac_desktop.store import migrate
from sbpac_desktop.store.models import Base
from sbpac_desktop.store.search_index import include_name, include_object


def test_one_head():
    assert len(migrate.script_directory().get_heads()) == 1


def test_head_constant_is_alembic_head():
    """HEAD_REVISION lets an up-to-date database open without importing alembic: a new
    migration must move it, or every database would take (and pass) the slow path only."""
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_a_newer_script_beside_the_constant_takes_the_upgrade_path(tmp_path, monkeypatch):
    """An update laid over an installed copy adds a versions/*.py newer than the copy's constant
    (the installer's upgrade check does exactly that): the database must be seen as outdated."""
    path = tmp_path / "m.db"
    open_app(str(path), create=True).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert migrate.schema_state(conn) is migrate.SchemaState.CURRENT
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0009_integrated_plan'")
        monkeypatch.setattr(migrate, "HEAD_REVISION", "0009_integrated_plan")  # the older copy's constant
        assert migrate.schema_state(conn) is migrate.SchemaState.OUTDATED
    engine.dispose()


def _diff(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as conn:
        # the search index (FTS5 tables, pg_trgm indexes) lives outside the models, as in env.py
        opts = {"compare_type": True, "include_name": include_name, "include_object": include_object}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    engine.dispose()
    return diff


def test_sqlite_migrations_match_models(tmp_path):
    path = tmp_path / "m.db"
    open_app(str(path), create=True).close()
    assert _diff(f"sqlite:///{path}") == []


@pytest.mark.pg
def test_postgres_migrations_match_models(pg_url):
    assert _diff(pg_url) == []


def test_sqlite_is_at_head_with_durable_settings(tmp_path):
    ctx = open_app(str(tmp_path / "p.db"), create=True)
    with ctx.db.engine.connect() as conn:
        assert migrate.schema_state(conn) is migrate.SchemaState.CURRENT
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    ctx.close()
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 15000}


def test_the_pending_extension_index_is_partial_on_both_back_ends():
    """Its PostgreSQL predicate is added when a server is opened (store/tables.py says why)."""
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.schema import CreateIndex

    from sbpac_desktop.store import tables

    tables.add_postgresql_predicates()
    for dialect in (sqlite.dialect(), postgresql.dialect()):
        ddl = str(CreateIndex(tables.PENDING_EXTENSION_INDEX).compile(dialect=dialect))
        assert ddl.startswith("CREATE UNIQUE INDEX") and ddl.endswith("WHERE status = 'pending'")
