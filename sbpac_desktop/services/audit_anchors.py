"""Anchors of the audit chain kept outside the database, and their comparison with the chain.

A chain that verifies from end to end proves little on its own: whoever can write the table can
cut its tail, or rewrite an entry and recompute every hash after it. So the head of the chain
(last id + hash) is kept where that person would also have to reach:

- this computer's anchor file (audit-anchors.json beside the settings, platformdirs config):
  every transaction that writes audit entries records the head it is about to commit (pending)
  and, once committed, confirms it — the newest few heads per database (a commit step that
  `note_appended` hands to store.database's unit of work, which runs it around the commit);
- every verified backup beside a SQLite file: its own audit chain must be the start of the live one;
- printed documents (certified minutes, the dossier) carry "ตรวจสอบ: count · hash" in small type.

`check` (services/admin/maintenance.py) compares the live chain with each anchor and names the row.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from sbpac_desktop.store import backup as backups
from sbpac_desktop.store.audit_chain import ChainHead, chain_head
from sbpac_desktop.store.database import run_at_commit
from sbpac_desktop.store.integrity import connect_unshared
from sbpac_desktop.store.location import APP_NAME
from sbpac_desktop.thai import to_arabic_digits

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sbpac_desktop.store.reader import Reader

FILE_NAME = "audit-anchors.json"
RULE_1_REVISIONS = frozenset(
    {"0001_initial", "0002_search", "0003_master_data_active", "0004_tracker_columns", "0005_directive_workflow",
     "0006_office_setup"}
)  # fmt: skip
HEADS_KEPT = 8  # per database: enough for writers racing to record their heads
DATABASES_KEPT = 40
_HEAD = "sbpac_audit_head"  # session.info: (last_id, hash) this transaction will commit, or None = ask


_redirected: list[Path] = []  # innermost anchor_file_at() wins


def anchor_file() -> Path:
    if _redirected:
        return _redirected[-1]
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / FILE_NAME


@contextlib.contextmanager
def anchor_file_at(path: Path) -> Iterator[None]:
    """Anchor into `path` meanwhile: the self-test's throwaway database must not touch the user's file."""
    _redirected.append(path)
    try:
        yield
    finally:
        _redirected.pop()


def sqlite_key(path: Path) -> str:
    return str(path.resolve())


def database_key(url: URL) -> str:
    """A file's absolute path, or a server's host:port/database (never the password)."""
    if url.get_backend_name() == "sqlite":
        return sqlite_key(Path(url.database or ""))
    return f"postgresql://{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


# --- recording ---------------------------------------------------------------------------------


def note_appended(session: Session, last_id: int | None, last_hash: str | None) -> None:
    """services/audit_trail.py after each append: the head to anchor at commit (None: read it then)."""
    session.info[_HEAD] = (last_id, last_hash) if last_id is not None else None
    run_at_commit(session, ANCHOR_AT_COMMIT)


class _AnchorAtCommit:
    """The commit step (store.database.run_at_commit) that writes the head into the anchor file."""

    def before_commit(self, session: Session) -> None:
        if _HEAD not in session.info:
            return
        head = session.info[_HEAD]
        if head is None:  # PostgreSQL: the server chose the ids; its lock is held until commit
            row = session.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
            head = None if row is None else (int(row[0]), str(row[1]))
            session.info[_HEAD] = head
        if head is not None:
            session.info[_HEAD + "_key"] = database_key(session.get_bind().engine.url)
            _store(session.info[_HEAD + "_key"], head, confirmed=False)

    def after_commit(self, session: Session) -> None:
        head, key = session.info.pop(_HEAD, None), session.info.pop(_HEAD + "_key", None)
        if head is not None and key is not None:
            _store(key, head, confirmed=True)

    def discard(self, session: Session) -> None:
        session.info.pop(_HEAD, None)
        session.info.pop(_HEAD + "_key", None)


ANCHOR_AT_COMMIT = _AnchorAtCommit()


def _load() -> dict[str, Any]:
    try:
        data = json.loads(anchor_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _store(key: str, head: tuple[int, str], confirmed: bool) -> None:
    """Best effort: an unwritable config folder must not stop the user's save."""
    data = _load()
    entry = _entry(data.pop(key, None))
    heads = [h for h in entry["heads"] if h.get("id") != head[0]]
    heads.append({"id": head[0], "hash": head[1], "confirmed": confirmed})
    entry["heads"] = sorted(heads, key=lambda h: h["id"])[-HEADS_KEPT:]
    data[key] = entry
    _save(dict(list(data.items())[-DATABASES_KEPT:]))  # newest written last


def _entry(found: Any) -> dict[str, Any]:
    if isinstance(found, dict) and isinstance(found.get("heads"), list):
        return found
    return {"heads": [], "restored_at": None}


def forget_after_restore(key: str, restored_at: datetime) -> None:
    """A restore puts an older chain back on purpose: heads and backups from before it no longer bind."""
    data = _load()
    data.pop(key, None)
    data[key] = {"heads": [], "restored_at": restored_at.isoformat()}
    _save(data)


def _save(data: dict[str, Any]) -> None:
    path = anchor_file()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".anchors-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(temp, path)


# --- comparing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    row_id: int | None
    text_th: str
    serious: bool = True  # False: a remark (ข้อสังเกต), the check still passes


@dataclass(frozen=True)
class Anchors:
    """Where to look: this computer's file (by database key), the backups beside a SQLite file,
    and the heads read off paper ("ตรวจสอบ: 1234 · a1b2c3d4") the user typed in."""

    key: str
    sqlite_path: Path | None = None
    paper: Sequence[str] = ()


def compare(chain: list[tuple[int, str]], anchors: Anchors) -> list[Finding]:
    """chain: (id, hash) of every live entry, oldest first, already verified link by link."""
    key, sqlite_path = anchors.key, anchors.sqlite_path
    findings = [f for text_value in anchors.paper for f in _against_paper(chain, text_value)]
    if sqlite_path is not None:  # a backup holds the whole chain: it names the first changed row
        restored = _entry(_load().get(key))["restored_at"]
        since = datetime.fromisoformat(restored) if restored else None
        for backup in backups.list_backups(sqlite_path):
            if since is None or backup.taken_at > since:
                findings += _against_backup(chain, backup.path)
    return findings + _against_file(chain, key, local_writer_only=sqlite_path is not None)


def _against_file(chain: list[tuple[int, str]], key: str, local_writer_only: bool) -> list[Finding]:
    heads = _entry(_load().get(key))["heads"]
    live = dict(chain)
    findings = []
    confirmed = [h for h in heads if h.get("confirmed")]
    if confirmed:
        newest = confirmed[-1]
        where = "ในไฟล์จุดยึดของเครื่องนี้"
        if newest["id"] not in live:
            findings.append(Finding(newest["id"], f"รายการที่ {newest['id']} ที่บันทึกไว้{where} หายไปจากห่วงโซ่ (ถูกลบ)"))
        elif live[newest["id"]] != newest["hash"]:
            findings.append(
                Finding(newest["id"], f"รายการที่ {newest['id']}: ค่า hash ไม่ตรงกับที่บันทึกไว้{where} (ห่วงโซ่ถูกเขียนใหม่)")
            )
    if heads and chain:
        recorded_max = max(h["id"] for h in heads)
        extra = [row_id for row_id, _hash in chain if row_id > recorded_max]
        if extra:
            text_th = f"รายการที่ {extra[0]} และหลังจากนั้น ({len(extra)} รายการ) ไม่ได้บันทึกผ่านโปรแกรมบนเครื่องนี้"
            findings.append(Finding(extra[0], text_th, serious=local_writer_only))
    return findings


_PAPER = re.compile(r"(\d+)\s*[·.:,\s]\s*([0-9a-fA-F]{8,64})")


def paper_head(text_value: str) -> tuple[int, str] | None:
    """'ตรวจสอบ: 1234 · a1b2c3d4' (Thai digits too) -> (1234, 'a1b2c3d4'); None if it is not one."""
    found = _PAPER.search(to_arabic_digits(text_value))
    return None if found is None else (int(found.group(1)), found.group(2).lower())


def _against_paper(chain: list[tuple[int, str]], text_value: str) -> list[Finding]:
    head = paper_head(text_value)
    if head is None:
        return [Finding(None, f"อ่านจุดยึดจากเอกสาร '{text_value}' ไม่ได้ (เช่น ตรวจสอบ: 1234 · a1b2c3d4)")]
    count, prefix = head
    if count == 0:
        return []
    if count > len(chain):
        return [Finding(None, f"เอกสารพิมพ์ระบุ {count} รายการ แต่ห่วงโซ่เหลือ {len(chain)} รายการ (รายการท้ายถูกลบ)")]
    row_id, row_hash = chain[count - 1]
    if not row_hash.startswith(prefix):
        return [Finding(row_id, f"รายการที่ {row_id}: ไม่ตรงกับจุดยึดบนเอกสารพิมพ์ ({text_value.strip()})")]
    return []


def _against_backup(chain: list[tuple[int, str]], path: Path) -> list[Finding]:
    try:
        conn = connect_unshared(path)
        try:
            (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone() or ("",)
            if revision in RULE_1_REVISIONS:
                return []  # a copy taken before migration 0007 re-hashed the chain
            saved = [(int(i), str(h)) for i, h in conn.execute("SELECT id, hash FROM audit_entry ORDER BY id")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # not a readable copy of ours: the backup check reports such files
    for position, (row_id, row_hash) in enumerate(saved):
        if position >= len(chain):
            return [Finding(row_id, f"รายการที่ {row_id} มีในสำเนาสำรอง {path.name} แต่หายไปจากห่วงโซ่ (ถูกลบ)")]
        if chain[position] != (row_id, row_hash):
            live_id = chain[position][0]
            return [Finding(live_id, f"รายการที่ {live_id}: ไม่ตรงกับสำเนาสำรอง {path.name} (ถูกแก้ไข ลบ หรือเขียนใหม่)")]
    return []


def head_for_paper(reader: Reader) -> str:
    """'ตรวจสอบ: 1234 · a1b2c3d4' for the footer of certified minutes and the dossier (on a Core
    connection too: the minutes are read without the ORM, issue #16)."""
    head: ChainHead = chain_head(reader if isinstance(reader, Connection) else reader.connection())
    return f"ตรวจสอบ: {head.short()}"
