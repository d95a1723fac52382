"""The Settings page's "test connection": real files, a real server, a port nobody listens on."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.admin.database_check import check_database, hide_password
from sbpac_desktop.services.app import open_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _refused(raw: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        check_database(raw)
    return caught.value


def test_current_sqlite_file_is_usable(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    open_app(str(path), create=True).close()
    result = check_database(str(path))
    assert result.usable and not result.is_server
    assert result.display == str(path)
    assert "เปิดใช้ได้" in result.message_th


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"minutes of the meeting, not a database")
    error = _refused(str(path))
    assert "ไม่ใช่ฐานข้อมูลของโปรแกรม" in error.message_th
    assert path.read_bytes() == b"minutes of the meeting, not a database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal, no lock, no backup


def test_missing_file_and_empty_input(tmp_path: Path) -> None:
    assert "ไม่พบไฟล์ฐานข้อมูล" in _refused(str(tmp_path / "missing.db")).message_th
    assert not (tmp_path / "missing.db").exists()
    assert "กรุณาระบุ" in _refused("   ").message_th


def test_empty_file_is_not_usable(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    result = check_database(str(path))
    assert not result.usable and "ว่างเปล่า" in result.message_th


def test_bad_url_never_shows_the_password() -> None:
    error = _refused("mysql://clerk:S3cret-pw@server/sbpac")
    assert "ไม่รองรับฐานข้อมูลชนิด mysql" in error.message_th
    error = _refused("postgresql+psycopg://clerk:S3cret-pw@/sbpac")  # no host
    assert "ต้องมีชื่อเครื่อง" in error.message_th
    assert "S3cret-pw" not in error.message_th + error.message_en
    assert hide_password("x postgresql://clerk:S3cret-pw@host/db y") == "x postgresql://clerk:***@host/db y"


def test_unreachable_server_is_a_clear_message_without_password() -> None:
    url = f"postgresql+psycopg://clerk:S3cret-pw@127.0.0.1:{_free_port()}/sbpac?connect_timeout=3"
    error = _refused(url)
    assert "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล" in error.message_th
    assert "S3cret-pw" not in error.message_th + error.message_en


@pytest.mark.pg
def test_server_states(pg_url: str, pg_template: str) -> None:
    ready = check_database(pg_url)
    assert ready.usable and ready.is_server and "พร้อมใช้งาน" in ready.message_th
    # An empty database on the same server: reachable, but not an SBPAC database yet.
    from tests.conftest import _create_db

    empty = _create_db(pg_template, "sbpac_check_empty")
    result = check_database(empty)
    assert not result.usable and "sbpac-desktop init" in result.message_th
    # A database name the server does not have.
    missing = make_url(pg_url).set(database="no_such_db").render_as_string(hide_password=False)
    assert "ไม่พบฐานข้อมูลชื่อ no_such_db" in _refused(missing).message_th


@pytest.mark.pg
def test_unknown_account_is_named_without_its_password(pg_url: str) -> None:
    wrong = make_url(pg_url).set(username="nobody_here", password="S3cret-pw").render_as_string(hide_password=False)
    error = _refused(wrong)
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in error.message_th
    assert "S3cret-pw" not in error.message_th + error.message_en
