"""The directive import suspends the SQLite search index's insert triggers and indexes the new
rows once: afterwards the index equals a full rebuild and every trigger is back; a refused
file, and a bulk load that fails half way, leave triggers and index exactly as they were."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert

from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.spreadsheets.directive_import import import_directives
from sbpac_desktop.store import search_index
from sbpac_desktop.store.models import Directive
from tests.services.test_spreadsheet_helpers import demo_without_directives, good_row, write_csv

TODAY = date(2020, 2, 15)


@pytest.fixture
def app(sqlite_url: str):  # type: ignore[no-untyped-def]
    context = open_app(sqlite_url, create=True, upgrade=True)
    demo_without_directives(context)
    yield context
    context.close()


def _triggers(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_search_%' ORDER BY name"
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def _index(ctx: AppContext) -> list[tuple[object, ...]]:
    with ctx.db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT rowid, title, body FROM search_fts ORDER BY rowid")]


def _rebuilt(ctx: AppContext) -> list[tuple[object, ...]]:
    """What a full rebuild gives (inside a transaction that is rolled back)."""
    with ctx.db.engine.connect() as conn:
        search_index.rebuild_sqlite(conn)
        rows = [tuple(r) for r in conn.exec_driver_sql("SELECT rowid, title, body FROM search_fts ORDER BY rowid")]
        conn.rollback()
    return rows


def test_import_indexes_new_rows_once_and_restores_triggers(app: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    triggers = _triggers(app)
    assert len(triggers) == 3 * len(search_index.KINDS)
    rows = [good_row(changes={"ข้อสั่งการ": f"ให้สำรวจปอเนาะแห่งที่ {k}", "ผลการดำเนินการ": f"สำรวจแล้ว {k} แห่ง", "ร้อยละ": 50})
            for k in range(1, 6)]  # fmt: skip
    report = import_directives(app.db, app.actor, write_csv(tmp_path / "new.csv", rows), today=TODAY)
    assert report.ok and report.committed and report.directives == 5, report.problems
    assert _triggers(app) == triggers
    index = _index(app)
    assert index == _rebuilt(app)
    assert sum(1 for _rowid, title, _body in index if str(title).startswith("ให้สำรวจปอเนาะ")) == 5
    assert sum(1 for _rowid, title, _body in index if str(title).startswith("สำรวจแล้ว")) == 5


def test_refused_file_leaves_triggers_and_index(app: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = (_triggers(app), _index(app))
    rows = [good_row(), good_row(changes={"วันที่สั่งการ": "ไม่ใช่วันที่"})]
    report = import_directives(app.db, app.actor, write_csv(tmp_path / "bad.csv", rows), today=TODAY)
    assert not report.ok and not report.committed
    assert (_triggers(app), _index(app)) == before


def test_failure_inside_the_bulk_load_rolls_back_rows_triggers_and_index(app: AppContext) -> None:
    before = (_triggers(app), _index(app))
    values = {"fiscal_year": 2563, "seq": 1, "issued_on": TODAY, "text": "ข้อความทดสอบ", "priority": "normal",
              "report_cycle": "monthly", "state": "open"}  # fmt: skip
    with (
        pytest.raises(RuntimeError),
        app.db.engine.begin() as conn,
        search_index.sqlite_insert_triggers_suspended(conn, ("directive",)),
    ):
        conn.execute(insert(Directive.__table__), [values])
        raise RuntimeError("crash half way")
    assert (_triggers(app), _index(app)) == before
    # The exception caught and the transaction committed anyway: the triggers still come back
    with app.db.engine.begin() as conn:
        try:
            with search_index.sqlite_insert_triggers_suspended(conn, ("directive",)):
                raise RuntimeError("caught by the caller")
        except RuntimeError:
            pass
    assert (_triggers(app), _index(app)) == before


def _automerge(ctx: AppContext) -> list[tuple[object, ...]]:
    with ctx.db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT v FROM search_fts_config WHERE k = 'automerge'")]


@pytest.mark.parametrize("preset", [None, 8])
def test_import_puts_back_the_fts_automerge_option_and_leaves_a_sound_index(  # type: ignore[no-untyped-def]
    app: AppContext, tmp_path, preset: int | None
) -> None:
    """The catch-up indexing runs with FTS5's automerge off: afterwards the option is what it was
    (FTS5's default 4 when never set) and FTS5's own integrity check passes."""
    if preset is not None:
        with app.db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)", (preset,))
    rows = [good_row(changes={"ข้อสั่งการ": f"ให้ติดตามโครงการที่ {k}", "ผลการดำเนินการ": f"ติดตามแล้ว {k}", "ร้อยละ": 20})
            for k in range(1, 4)]  # fmt: skip
    report = import_directives(app.db, app.actor, write_csv(tmp_path / "new.csv", rows), today=TODAY)
    assert report.ok and report.committed, report.problems
    assert _automerge(app) == [(preset if preset is not None else search_index.FTS_DEFAULT_AUTOMERGE,)]
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    assert _index(app) == _rebuilt(app)
