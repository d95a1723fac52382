"""A migration that fails leaves the SQLite file exactly as it was, and the backup exists.

No monkeypatching: each test builds a real migrations folder (a copy of the app's, plus
one extra revision) and runs the app's own upgrade code on it against a real file.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store import backup as backups
from sbpac_desktop.store import migrate
from sbpac_desktop.store.database import open_database
from tests.unit.test_backup import demo_database

EXTRA_REVISION = """\
import sqlalchemy as sa
from alembic import op

revision = "0002_test_extra"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
{body}


def downgrade():
    pass
"""

FAILING_BODY = """\
op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True), sa.Column("note", sa.Text))
op.execute("INSERT INTO scratch (note) VALUES ('half-way')")
op.execute("UPDATE meeting SET title = 'changed by a broken migration'")
op.execute("DELETE FROM progress_report")
# as a real migration must (ARCHITECTURE.md): the summary triggers on other tables name directive
from sbpac_desktop.store import directive_summary
directive_summary.drop_sqlite_triggers(op.get_bind())
with op.batch_alter_table("directive", recreate="always") as batch:
    batch.add_column(sa.Column("extra", sa.Text))
op.create_index("ix_scratch_note", "scratch", ["note"])
raise RuntimeError("migration 0002 fails midway")
"""

# Copy-and-drop of a parent table: with foreign keys on, the DROP would cascade into
# attendance and agenda items (ON DELETE CASCADE) or fail on directives (RESTRICT).
PARENT_REBUILD_BODY = """\
with op.batch_alter_table("meeting", recreate="always") as batch:
    batch.add_column(sa.Column("summary", sa.Text))
"""


def scripts_with(tmp_path: Path, body: str) -> Path:
    target = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    text = EXTRA_REVISION.format(head=migrate.head_revision(), body=textwrap.indent(body, "    "))
    (target / "versions" / "0002_test_extra.py").write_text(text, encoding="utf-8")
    return target


def snapshot(path: Path) -> dict[str, object]:
    """Schema (sqlite_master) and, per table, row count and a hash of every row."""
    conn = sqlite3.connect(path)
    try:
        schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [name for (kind, name, _t, _s) in schema if kind == "table"]
        data = {}
        for table in tables:
            try:
                content = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID (the search index's FTS5 shadow tables)
                content = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            data[table] = (len(content), hashlib.sha256(repr(content).encode()).hexdigest())
    finally:
        conn.close()
    return {"schema": schema, "data": data}


def test_a_failing_migration_changes_nothing_and_leaves_a_backup(tmp_path):
    db_path = demo_database(tmp_path)
    before = snapshot(db_path)
    assert before["data"]["progress_report"][0] > 0
    scripts = scripts_with(tmp_path, FAILING_BODY)
    db = open_database(str(db_path))
    try:
        with pytest.raises(RuntimeError, match="fails midway"):
            migrate.upgrade_with_scripts(db.engine, db.location, scripts)
        with db.engine.connect() as conn:  # the pooled connection got its foreign keys back
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
    assert snapshot(db_path) == before
    made = backups.list_backups(db_path)
    assert [b.reason for b in made] == ["pre-migration"]
    assert snapshot(made[0].path)["data"] == before["data"]
    # and the app still opens it as a current database
    open_database(str(db_path)).close()


def test_rebuilding_a_parent_table_keeps_its_children(tmp_path):
    db_path = demo_database(tmp_path)
    before = snapshot(db_path)["data"]
    scripts = scripts_with(tmp_path, PARENT_REBUILD_BODY)
    db = open_database(str(db_path))
    try:
        backup = migrate.upgrade_with_scripts(db.engine, db.location, scripts)
    finally:
        db.close()
    assert backup is not None and backup.exists()
    after = snapshot(db_path)["data"]
    for child in ("attendance", "agenda_item", "directive", "attachment"):
        assert after[child] == before[child], child
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002_test_extra",)]
        assert "summary" in [row[1] for row in conn.execute("PRAGMA table_info(meeting)")]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_a_migration_that_leaves_dangling_references_is_rolled_back(tmp_path):
    db_path = demo_database(tmp_path)
    before = snapshot(db_path)
    body = 'op.execute("UPDATE assignment SET directive_id = 99999 WHERE id = 1")\n'
    db = open_database(str(db_path))
    try:
        with pytest.raises(DatabaseError, match="ข้อมูลอ้างอิงไม่ครบ"):
            migrate.upgrade_with_scripts(db.engine, db.location, scripts_with(tmp_path, body))
    finally:
        db.close()
    assert snapshot(db_path) == before
