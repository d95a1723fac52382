"""`users …`, `init --admin` and sign-in on the command line: one Thai line and an exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop.cli.main import main

PASSWORD = "ผู้ดูแล-รหัสยาว1"
CLERK_PASSWORD = "เสมียน-รหัสยาว2"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    for name in ("SBPAC_USER", "SBPAC_PASSWORD", "SBPAC_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = str(tmp_path / "x.db")
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", PASSWORD)
    assert main(["--db", path, "init", "--admin", "somchai", "--name", "นายสมชาย ใจดี"]) == 0
    assert "สร้างบัญชีผู้ดูแลระบบ somchai แล้ว" in capsys.readouterr().out
    monkeypatch.delenv("SBPAC_NEW_PASSWORD")
    return path


def as_user(monkeypatch: pytest.MonkeyPatch, login: str, password: str) -> None:
    monkeypatch.setenv("SBPAC_USER", login)
    monkeypatch.setenv("SBPAC_PASSWORD", password)


def one_thai_error(capsys: pytest.CaptureFixture[str], fragment: str) -> None:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("ข้อผิดพลาด: ") and fragment in lines[0], lines[0]
    assert "Traceback" not in captured.err + captured.out


def test_init_admin_then_every_command_needs_sign_in(db, capsys, monkeypatch):
    assert main(["--db", db, "meetings"]) == 5
    one_thai_error(capsys, "ต้องลงชื่อเข้าใช้ก่อน")
    assert main(["--db", db, "demo"]) == 5
    one_thai_error(capsys, "--user")
    as_user(monkeypatch, "somchai", PASSWORD)
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "meetings"]) == 0
    assert "รวม 2 การประชุม" in capsys.readouterr().out


def test_init_admin_twice_is_refused(db, capsys, monkeypatch):
    capsys.readouterr()
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", PASSWORD)
    assert main(["--db", db, "init", "--admin", "other"]) == 5
    one_thai_error(capsys, "มีบัญชีผู้ใช้แล้ว")


def test_init_admin_weak_password(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", "1234")
    assert main(["--db", str(tmp_path / "y.db"), "init", "--admin", "somchai"]) == 2
    one_thai_error(capsys, "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร")
    assert list(tmp_path.iterdir()) == []  # refused before the database was made: nothing half-done


def _no_terminal(db: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """A real process with no password in the environment and stdin already at its end (a cron job)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SBPAC_")}
    command = [sys.executable, "-m", "sbpac_desktop", "--db", db, *argv]
    return subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120)


def test_init_admin_with_no_terminal_to_ask_names_the_variable(tmp_path):
    result = _no_terminal(str(tmp_path / "new.db"), "init", "--admin", "somchai")
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("ข้อผิดพลาด")]
    assert len(lines) == 1 and "SBPAC_NEW_PASSWORD" in lines[0], result.stderr
    assert "Traceback" not in result.stderr and "ไม่คาดคิด" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_sign_in_with_no_terminal_to_ask_names_the_variable(db):
    result = _no_terminal(db, "--user", "somchai", "meetings")
    assert result.returncode == 2, result.stderr
    assert "SBPAC_PASSWORD" in result.stderr and "ไม่ได้ป้อนรหัสผ่าน" in result.stderr
    assert "Traceback" not in result.stderr and "ไม่คาดคิด" not in result.stderr


def test_users_add_list_set_role(db, capsys, monkeypatch):
    as_user(monkeypatch, "somchai", PASSWORD)
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", db, "users", "add", "malee", "--role", "ฝ่ายเลขานุการ", "--name", "นางมาลี"]) == 0
    assert "เพิ่มบัญชี malee (ฝ่ายเลขานุการ) แล้ว" in capsys.readouterr().out
    assert main(["--db", db, "users", "set-role", "malee", "viewer"]) == 0
    assert main(["--db", db, "users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [(u["login"], u["role"]) for u in listed] == [("malee", "viewer"), ("somchai", "admin")]
    as_user(monkeypatch, "malee", CLERK_PASSWORD)
    assert main(["--db", db, "meetings"]) == 0  # a viewer reads
    assert main(["--db", db, "demo"]) == 5  # ... and changes nothing
    one_thai_error(capsys, "ไม่มีสิทธิ์")
    assert main(["--db", db, "users", "list"]) == 5
    one_thai_error(capsys, "ไม่มีสิทธิ์ดูรายชื่อบัญชีผู้ใช้")


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["users", "add", "malee", "--role", "boss"], 2, "ไม่รู้จักบทบาท 'boss'"),
        (["users", "set-role", "somchai", "chief"], 2, "ไม่รู้จักบทบาท 'chief'"),
        (["users", "unlock", "ghost"], 3, "ไม่พบบัญชีผู้ใช้ 'ghost'"),
        (["users", "set-role", "somchai", "viewer"], 2, "บัญชีของตนเอง"),
        (["users", "deactivate", "somchai"], 2, "บัญชีของตนเอง"),
    ],
)
def test_bad_users_input(db, capsys, monkeypatch, argv, code, fragment):
    as_user(monkeypatch, "somchai", PASSWORD)
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", CLERK_PASSWORD)
    capsys.readouterr()
    assert main(["--db", db, *argv]) == code
    one_thai_error(capsys, fragment)


def test_weak_new_password(db, capsys, monkeypatch):
    as_user(monkeypatch, "somchai", PASSWORD)
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", "short")
    capsys.readouterr()
    assert main(["--db", db, "users", "add", "malee", "--role", "viewer"]) == 2
    one_thai_error(capsys, "อย่างน้อย 8 ตัวอักษร")


def test_wrong_password_unknown_user_and_lockout(db, capsys, monkeypatch):
    capsys.readouterr()
    as_user(monkeypatch, "nobody", PASSWORD)
    assert main(["--db", db, "meetings"]) == 5
    one_thai_error(capsys, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", CLERK_PASSWORD)
    as_user(monkeypatch, "somchai", PASSWORD)
    assert main(["--db", db, "users", "add", "malee", "--role", "officer"]) == 0
    as_user(monkeypatch, "malee", "wrong-password")
    for _ in range(4):
        assert main(["--db", db, "meetings"]) == 5
        one_thai_error(capsys, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    assert main(["--db", db, "meetings"]) == 5
    one_thai_error(capsys, "ถูกล็อก")
    as_user(monkeypatch, "malee", CLERK_PASSWORD)
    assert main(["--db", db, "meetings"]) == 5
    one_thai_error(capsys, "โปรดให้ผู้ดูแลระบบปลดล็อก")
    as_user(monkeypatch, "somchai", PASSWORD)
    assert main(["--db", db, "users", "unlock", "malee"]) == 0
    as_user(monkeypatch, "malee", CLERK_PASSWORD)
    assert main(["--db", db, "meetings"]) == 0


def test_user_flag_and_password_prompt_in_a_real_process(db):
    """--user with the password typed at the prompt (getpass reads stdin when there is no tty)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SBPAC_")}
    command = [sys.executable, "-m", "sbpac_desktop", "--db", db, "--user", "somchai", "meetings"]
    result = subprocess.run(command, input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "ยังไม่มีการประชุม" in result.stdout
    wrong = subprocess.run(command, input="nope\n", capture_output=True, text=True, env=env, timeout=120)
    assert wrong.returncode == 5 and "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in wrong.stderr
    assert "Traceback" not in wrong.stderr


@pytest.mark.pg
def test_postgresql_init_applies_the_roles_and_accounts_use_their_own_logins(pg_url, capsys, monkeypatch):
    import psycopg
    from sqlalchemy.engine import make_url

    tag = f"{os.getpid()}c"
    admin, viewer = f"adm{tag}", f"vw{tag}"
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", PASSWORD)
    assert main(["--db", pg_url, "init", "--admin", admin]) == 0
    assert "ตั้งสิทธิ์ในฐานข้อมูลตามบทบาทแล้ว" in capsys.readouterr().out
    assert main(["--db", pg_url, "init"]) == 0  # again after an upgrade: same grants, no error

    def as_login(login: str) -> str:
        return make_url(pg_url).set(username=login).render_as_string(hide_password=False)

    try:
        as_user(monkeypatch, admin, PASSWORD)
        monkeypatch.setenv("SBPAC_NEW_PASSWORD", CLERK_PASSWORD)
        assert main(["--db", as_login(admin), "users", "add", viewer, "--role", "viewer"]) == 0
        as_user(monkeypatch, viewer, CLERK_PASSWORD)
        assert main(["--db", as_login(viewer), "meetings"]) == 0
        capsys.readouterr()
        assert main(["--db", as_login(viewer), "demo"]) == 5
        one_thai_error(capsys, "ไม่มีสิทธิ์")
    finally:
        conninfo = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            for login in (admin, viewer):
                conn.execute(f'DROP OWNED BY "{login}"; DROP ROLE IF EXISTS "{login}"')
