"""The command line starts cheap (issue #16): `--version` imports no database, document or
Thai-language library at all, and listing directives on an up-to-date database imports
SQLAlchemy's Core but not its ORM (nor our models: the listing reads the Core tables; nor do the
agenda, the minutes, the invitation letters, the follow-up report and the dossier, with or without
a signed-in account), Alembic, ReportLab, python-docx, the spreadsheet writers, pythainlp or
geothai (those load inside the commands that need them); writing a Word file loads python-docx but
not ReportLab and the PDF engine. Checked in a real process."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import cast

import pytest

from sbpac_desktop.cli.main import COMMAND_MODULES
from sbpac_desktop.reporting.writers import DOCUMENTS
from sbpac_desktop.services import auth
from sbpac_desktop.services.app import open_app, open_unsigned
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.store import migrate

ROOT = Path(__file__).resolve().parents[2]


def _probe(tmp_path: Path, *args: str, signed_in_as: dict[str, str] | None = None) -> dict[str, object]:
    out = tmp_path / "probe.json"
    env = {**os.environ, "HOME": str(tmp_path), **(signed_in_as or {})}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-m", "tests.scale.cli_probe", str(out), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    state = json.loads(out.read_text(encoding="utf-8"))
    state["stdout"] = done.stdout
    return state


def test_version_imports_no_heavy_library(tmp_path: Path) -> None:
    state = _probe(tmp_path, "--version")
    assert state["exit_code"] == 0
    assert "sbpac-desktop" in str(state["stdout"])
    assert state["imported"] == []


def test_directives_json_imports_only_sqlalchemy(tmp_path: Path, demo_database: Path) -> None:
    """...and of SQLAlchemy neither the ORM nor the PostgreSQL dialect; of the command modules only
    its own (and what that imports), not the models, the meetings service (only `--meeting` needs
    it) nor reporting."""
    state = _probe(tmp_path, "--db", str(demo_database), "directives", "--json")
    assert state["exit_code"] == 0
    assert len(json.loads(str(state["stdout"]))) == 9  # the demo's directives: the command really ran
    assert state["imported"] == ["sqlalchemy"]
    own = set(cast(list[str], state["own"]))
    other_commands = {f"sbpac_desktop.cli.{name}" for name, _commands in COMMAND_MODULES} - {
        "sbpac_desktop.cli.commands",
        "sbpac_desktop.cli.users",  # commands.py's `init --admin` uses its first-admin helper
    }
    assert sorted(own & other_commands) == []
    assert "sbpac_desktop.services.meetings.meetings" not in own
    assert not any(name.startswith("sbpac_desktop.reporting") for name in own)
    assert not any(name.startswith("sbpac_desktop.store.models") for name in own)
    assert "sbpac_desktop.store.tables" in own


def test_meetings_list_imports_no_orm(tmp_path: Path, demo_database: Path) -> None:
    """`meetings` (the list) reads over the Core tables as the window's first page does: the
    ORM, the models and the meetings' write service stay out."""
    state = _probe(tmp_path, "--db", str(demo_database), "meetings", "--json")
    assert state["exit_code"] == 0
    listed = json.loads(str(state["stdout"]))
    assert len(listed) == 2 and {row["number_text"] for row in listed} == {"10/2562", "9/2562"}
    assert state["imported"] == ["sqlalchemy"]
    own = set(cast(list[str], state["own"]))
    assert "sbpac_desktop.services.meetings.meetings" not in own
    assert not any(name.startswith("sbpac_desktop.store.models") for name in own)


ORM_ERA = ROOT / "tests" / "fixtures" / "directives_json_orm_era.json"


def test_directives_json_is_what_the_orm_era_printed(tmp_path: Path) -> None:
    """Field by field, with each filter, the listing over the Core tables prints what the last ORM
    version (main at c15988e) printed on the same demo (the story's own dates, FY2563): the fixture
    holds that output. Only `--meeting` loads the ORM (the meetings service finds the meeting)."""
    database = tmp_path / "story.db"
    ctx = open_app(str(database), create=True)
    load_demo(ctx.db, ctx.actor)  # no as_of: the story's own dates, so the output is fixed
    ctx.close()
    expected = json.loads(ORM_ERA.read_text(encoding="utf-8"))
    for case, rows in expected.items():
        state = _probe(tmp_path, "--db", str(database), "directives", "--json", *case.split(" "))
        assert state["exit_code"] == 0, case
        printed = json.loads(str(state["stdout"]))
        assert [row["id"] for row in printed] == [row["id"] for row in rows], case
        for got, want in zip(printed, rows, strict=True):
            assert sorted(got) == sorted(want), case
            for field in want:
                assert got[field] == want[field], (case, got["number_text"], field)
        assert ("sqlalchemy.orm" in cast(list[str], state["imported"])) == ("--meeting" in case), case


def test_an_old_schema_still_goes_through_alembic(tmp_path: Path) -> None:
    """The cheap head check is only a shortcut: a released older schema is backed up and
    upgraded by alembic exactly as before, and the listing then runs on it."""
    database = tmp_path / "old.db"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "revisions" / "0006_office_setup.sqlite", database)
    state = _probe(tmp_path, "--db", str(database), "directives", "--json")
    assert state["exit_code"] == 0, state
    assert "alembic" in state["imported"]
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD_REVISION
    conn.close()


@pytest.mark.parametrize(
    "command",
    [("minutes", "10/2562"), ("letters", "memo", "10/2562"), ("dossier", "10/2562")],
    ids=["minutes", "letters-memo", "dossier"],
)
def test_a_word_file_loads_no_pdf_engine(tmp_path: Path, demo_database: Path, command: tuple[str, ...]) -> None:
    """The Word writer takes the page, the widths and the text it shares with the PDF from
    ReportLab-free modules, so a .docx is written without importing ReportLab at all."""
    target = tmp_path / "out.docx"
    state = _probe(tmp_path, "--db", str(demo_database), *command, "-o", str(target))
    assert state["exit_code"] == 0, state
    assert "docx" in state["imported"]
    assert "reportlab" not in state["imported"]
    with zipfile.ZipFile(target) as document:  # a whole Word file, with the meeting in it
        body = document.read("word/document.xml").decode("utf-8")
    assert "10/2562" in body or "๑๐/๒๕๖๒" in body


def test_a_minutes_pdf_loads_only_its_own_writer(tmp_path: Path, demo_database: Path) -> None:
    """Writing the minutes as PDF imports ReportLab and nlpo3 (the text is shaped and broken
    into Thai words) but of the document writers only the minutes' own: not the agenda, dossier,
    letters, follow-up, plan or visit writers, nor any Word writer (issue #16: each document
    command from process start to file). Once nlpo3's word list is cached (the first run writes
    it from pythainlp's), pythainlp is not imported at all: its stored text needs no clean-up."""
    target = tmp_path / "out.pdf"
    _probe(tmp_path, "--db", str(demo_database), "minutes", "10/2562", "-o", str(target))
    state = _probe(tmp_path, "--db", str(demo_database), "minutes", "10/2562", "-o", str(target))
    assert state["exit_code"] == 0, state
    assert {"reportlab", "nlpo3"} <= set(cast(list[str], state["imported"]))
    assert "pythainlp" not in state["imported"]
    assert "docx" not in state["imported"]
    own = set(cast(list[str], state["own"]))
    writers = {f"sbpac_desktop.reporting.{name}" for name in DOCUMENTS}
    assert sorted(own & writers) == ["sbpac_desktop.reporting.minutes"]
    assert not any(name.startswith("sbpac_desktop.reporting.word") for name in own)
    assert target.read_bytes().startswith(b"%PDF")


DOCUMENT_COMMANDS = [
    ("minutes", "10/2562"),
    ("agenda", "10/2562"),
    ("letters", "invitation", "10/2562", "--per-post"),
    ("followup-report",),
    ("followup-report", "--meeting", "10/2562", "--group-by", "dimension"),
    ("dossier", "10/2562"),
]
DOCUMENT_IDS = ["minutes", "agenda", "letters-invitation", "followup-report", "followup-report-meeting", "dossier"]
PASSWORD = "รหัสผ่าน-2563"
CLERK = {"SBPAC_USER": "clerk", "SBPAC_PASSWORD": PASSWORD}


def _with_account(database: Path) -> None:
    db = open_unsigned(str(database))
    try:
        auth.create_first_admin(db, "clerk", "เสมียน", PASSWORD)
    finally:
        db.close()


@pytest.mark.parametrize("signed_in", [False, True], ids=["setup-account", "signed-in"])
@pytest.mark.parametrize("command", DOCUMENT_COMMANDS, ids=DOCUMENT_IDS)
def test_document_commands_read_without_the_orm(
    tmp_path: Path, demo_database: Path, command: tuple[str, ...], signed_in: bool
) -> None:
    """The document commands read the meeting, its agenda, attendance, speeches, closures,
    directives, the office and the audit head over the Core tables, and the follow-up report and
    the dossier also the directives' extension and closure requests, the reporter's post and
    holder and the default series: neither `sqlalchemy.orm` nor our models are imported, on a
    database without accounts and with a password sign-in that has nothing to record
    (services/passwords.check_quietly)."""
    if signed_in:
        _with_account(demo_database)
    target = tmp_path / "out.pdf"
    state = _probe(tmp_path, "--db", str(demo_database), *command, "-o", str(target), signed_in_as=CLERK)
    assert state["exit_code"] == 0, state
    assert "sqlalchemy.orm" not in cast(list[str], state["imported"])
    own = set(cast(list[str], state["own"]))
    assert not any(name.startswith("sbpac_desktop.store.models") for name in own)
    assert {"sbpac_desktop.services.auth", "sbpac_desktop.services.meetings.meetings"}.isdisjoint(own)
    assert target.read_bytes().startswith(b"%PDF")


def _failed_logins(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        count = int(conn.execute("SELECT failed_logins FROM app_user WHERE login = 'clerk'").fetchone()[0])
    conn.close()
    return count


def test_a_sign_in_with_something_to_record_still_records_it(tmp_path: Path, demo_database: Path) -> None:
    """A sign-in that has something to write goes on to services/auth.py (the ORM), as before: a
    wrong password is refused and counted, and the right one then resets the count and the
    document is written."""
    _with_account(demo_database)
    target = tmp_path / "out.pdf"
    wrong = {**CLERK, "SBPAC_PASSWORD": "ไม่ใช่รหัสผ่าน"}
    state = _probe(tmp_path, "--db", str(demo_database), "minutes", "10/2562", "-o", str(target), signed_in_as=wrong)
    assert state["exit_code"] != 0
    assert not target.exists()
    assert _failed_logins(demo_database) == 1
    state = _probe(tmp_path, "--db", str(demo_database), "minutes", "10/2562", "-o", str(target), signed_in_as=CLERK)
    assert state["exit_code"] == 0, state
    assert "sqlalchemy.orm" in cast(list[str], state["imported"])  # the reset is an audited ORM write
    assert _failed_logins(demo_database) == 0
    assert target.read_bytes().startswith(b"%PDF")
