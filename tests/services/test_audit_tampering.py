"""Issue 14, defect 4: tampering with the audit trail by someone who can write the database
directly (the SQLite file, or PostgreSQL as a superuser with the guard trigger switched off).
Every kind is detected by `check`, which names the row; the figures are printed.

Anchors in play: the chain itself (rule 2 hashes every column, the time included), this
computer's anchor file (heads of the app's own commits), and on SQLite a verified backup."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text

from sbpac_desktop.services import audit_anchors
from sbpac_desktop.services.admin import maintenance
from sbpac_desktop.services.app import open_app
from sbpac_desktop.store.audit_chain import entry_hash
from sbpac_desktop.store.database import open_database
from tests.services.helpers import meeting, person, post, series

Tamper = Callable[[Connection, list[int]], None]


def _rehash_from(conn: Connection, first_id: int) -> None:
    """What a careful forger does after a change: recompute every hash and link from first_id on."""
    rows = conn.execute(text("SELECT * FROM audit_entry ORDER BY id")).mappings().all()
    previous = None
    for row in rows:
        if row["id"] >= first_id:
            entry = dict(row, prev_hash=previous)
            new = entry_hash(_Row(entry))
            conn.execute(text("UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": previous, "h": new, "i": row["id"]})  # fmt: skip
            previous = new
        else:
            previous = row["hash"]


class _Row:
    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def _append_forged(conn: Connection, ids: list[int], new_id: int | None = None) -> None:
    last = conn.execute(text("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")).scalar()
    row = {"id": new_id or (max(ids) + 1 if ids else 1), "at": "2026-01-01 10:00:00.000001", "user_id": None,
           "action": "update", "entity": "directive", "entity_id": 1, "before_json": None,
           "after_json": '{"text": "แก้โดยไม่ผ่านโปรแกรม"}', "prev_hash": last}  # fmt: skip
    row["hash"] = entry_hash(_Row(row))
    conn.execute(
        text("INSERT INTO audit_entry (id, at, user_id, action, entity, entity_id, before_json, after_json,"
             " prev_hash, hash) VALUES (:id, :at, :user_id, :action, :entity, :entity_id, :before_json,"
             " :after_json, :prev_hash, :hash)"), row)  # fmt: skip


def _set(column_sql: str) -> Tamper:
    def tamper(conn: Connection, ids: list[int]) -> None:
        conn.execute(text(f"UPDATE audit_entry SET {column_sql} WHERE id = :m"), {"m": _mid(ids)})

    return tamper


def _mid(ids: list[int]) -> int:
    return ids[len(ids) // 2]


def _swap(conn: Connection, ids: list[int]) -> None:
    m, n = _mid(ids), _mid(ids) + 1
    for old, new in ((m, -1), (n, m), (-1, n)):
        conn.execute(text("UPDATE audit_entry SET id = :new WHERE id = :old"), {"new": new, "old": old})


def _rewrite_and_rehash(conn: Connection, ids: list[int]) -> None:
    conn.execute(text("UPDATE audit_entry SET after_json = '{}' WHERE id = :m"), {"m": _mid(ids)})
    _rehash_from(conn, _mid(ids))


def _new_chain(conn: Connection, ids: list[int]) -> None:
    conn.execute(text("DELETE FROM audit_entry"))
    for new_id in (1, 2, 3):
        _append_forged(conn, [new_id - 1] if new_id > 1 else [], new_id)


def _delete_first_and_rehash(conn: Connection, ids: list[int]) -> None:
    conn.execute(text("DELETE FROM audit_entry WHERE id = :f"), {"f": ids[0]})
    _rehash_from(conn, ids[1])


def _replace_last(conn: Connection, ids: list[int]) -> None:
    conn.execute(text("DELETE FROM audit_entry WHERE id = :l"), {"l": ids[-1]})
    _append_forged(conn, ids[:-1], ids[-1])


def _last_hash(conn: Connection, ids: list[int]) -> None:
    conn.execute(text("UPDATE audit_entry SET hash = :h WHERE id = :l"), {"h": "0" * 64, "l": ids[-1]})


def _delete(where: str) -> Tamper:
    def tamper(conn: Connection, ids: list[int]) -> None:
        conn.execute(text(f"DELETE FROM audit_entry {where}"), {"l": ids[-1], "l3": ids[-3], "m": _mid(ids)})

    return tamper


def _truncate(conn: Connection, ids: list[int]) -> None:
    is_pg = conn.dialect.name == "postgresql"
    conn.execute(text("TRUNCATE audit_entry" if is_pg else "DELETE FROM audit_entry"))


# kind -> (tampering, row named on SQLite, row named on PostgreSQL); rows as functions of the ids
KINDS: dict[str, tuple[Tamper, Callable[[list[int]], int], Callable[[list[int]], int]]] = {
    "delete the last entry": (_delete("WHERE id = :l"), lambda i: i[-1], lambda i: i[-1]),
    "delete the last 3 entries": (_delete("WHERE id >= :l3"), lambda i: i[-3], lambda i: i[-1]),
    "delete every entry": (_delete(""), lambda i: i[0], lambda i: i[-1]),
    "truncate the table": (_truncate, lambda i: i[0], lambda i: i[-1]),
    "delete an entry in the middle": (_delete("WHERE id = :m"), lambda i: _mid(i) + 1, lambda i: _mid(i) + 1),
    "change after_json": (_set("after_json = '{}'"), _mid, _mid),
    "change the timestamp by 1 s": (_set("at = :t"), _mid, _mid),
    "change user_id": (_set("user_id = NULL"), _mid, _mid),
    "change the action": (_set("action = 'sign_in_failed'"), _mid, _mid),
    "change entity_id": (_set("entity_id = 999"), _mid, _mid),
    "change prev_hash": (_set("prev_hash = hash"), _mid, _mid),
    "change the last hash": (_last_hash, lambda i: i[-1], lambda i: i[-1]),
    "swap the ids of two entries": (_swap, _mid, _mid),
    "rewrite an entry and recompute the rest": (_rewrite_and_rehash, _mid, lambda i: i[-1]),
    "delete the first entry and recompute the rest": (_delete_first_and_rehash, lambda i: i[1], lambda i: i[-1]),
    "replace the last entry by a forged one": (_replace_last, lambda i: i[-1], lambda i: i[-1]),
    "append a forged entry with a valid hash": (_append_forged, lambda i: i[-1] + 1, lambda i: i[-1] + 1),
    "replace everything by a new valid chain": (_new_chain, lambda i: 1, lambda i: i[-1]),
}


@pytest.fixture
def trail(db_url: str) -> tuple[str, list[int]]:
    """A database with a real audit trail written through the services (and, on SQLite, a backup)."""
    ctx = open_app(db_url, create=True, upgrade=True)
    try:
        sid = series(ctx)
        for week in range(5):
            meeting(ctx, sid, date(2019, 10, 1) + timedelta(days=7 * week))
        person(ctx)
        post(ctx)
    finally:
        ctx.close()
    if "://" not in db_url:
        maintenance.backup_to_file(db_url, None)
    engine = create_engine(_sa_url(db_url))
    with engine.connect() as conn:
        ids = [row[0] for row in conn.execute(text("SELECT id FROM audit_entry ORDER BY id"))]
    engine.dispose()
    assert len(ids) >= 8
    return db_url, ids


def _sa_url(db_url: str) -> str:
    return db_url if "://" in db_url else f"sqlite:///{Path(db_url)}"


def _tamper(db_url: str, kind: Tamper, ids: list[int]) -> None:
    engine = create_engine(_sa_url(db_url))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # a superuser switching the guard trigger off
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        if kind is KINDS["change the timestamp by 1 s"][0]:
            at = conn.execute(text("SELECT at FROM audit_entry WHERE id = :m"), {"m": _mid(ids)}).scalar()
            at = datetime.fromisoformat(at) if isinstance(at, str) else at
            conn.execute(text("UPDATE audit_entry SET at = :t WHERE id = :m"),
                         {"t": at + timedelta(seconds=1), "m": _mid(ids)})  # fmt: skip
        else:
            kind(conn, ids)
    engine.dispose()


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_tampering_is_detected_and_the_row_named(trail, kind):
    db_url, ids = trail
    before = maintenance.check_database(db_url)
    assert before.ok, [i.detail_th for i in before.items]
    tamper, sqlite_row, pg_row = KINDS[kind]
    _tamper(db_url, tamper, ids)
    report = maintenance.check_database(db_url)
    (chain,) = [item for item in report.items if "audit hash chain" in item.label_th]
    is_pg = "://" in db_url
    row = (pg_row if is_pg else sqlite_row)(ids)
    if is_pg and kind == "append a forged entry with a valid hash":
        # other computers append too: on a server an entry beyond this computer's anchors is a remark
        assert any(_names(remark, row) for remark in chain.warnings_th), chain
        print(f"\n{kind} (postgresql): remark names entry {row}")
        return
    assert not chain.ok, (kind, chain)
    assert _names(chain.detail_th, row), (kind, row, chain.detail_th)
    print(f"\n{kind} ({'postgresql' if is_pg else 'sqlite'}): check fails, names entry {row}")


def _names(text_th: str, row: int) -> bool:
    return re.search(rf"รายการที่ {row}(\D|$)", text_th) is not None


def test_paper_alone_catches_a_rewrite_when_every_other_anchor_is_gone(trail):
    """The forger also deleted this computer's anchor file and the backups: the head printed on a
    certified minutes ('ตรวจสอบ: count · hash') still shows the chain was rewritten."""
    db_url, ids = trail
    db = open_database(db_url)
    try:
        with db.unit_of_work() as session:
            printed = audit_anchors.head_for_paper(session)
    finally:
        db.close()
    assert re.fullmatch(r"ตรวจสอบ: \d+ · [0-9a-f]{8}", printed)
    _tamper(db_url, _rewrite_and_rehash, ids)
    audit_anchors.anchor_file().unlink()
    if "://" not in db_url:
        shutil.rmtree(Path(db_url).parent / "backups")
    without_paper = maintenance.check_database(db_url)
    assert without_paper.ok  # nothing left to compare with: the honest limit of a self-contained chain
    report = maintenance.check_database(db_url, paper=[printed])
    (chain,) = [item for item in report.items if "audit hash chain" in item.label_th]
    assert not chain.ok and _names(chain.detail_th, ids[-1]), chain
    assert "เอกสารพิมพ์" in chain.detail_th
