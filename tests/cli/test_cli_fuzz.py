"""Every argument of every command, fed values hypothesis makes up (text with Thai and control
characters, huge and negative numbers, other scripts' digits, dates in odd formats, file names
that cannot be written), in process on a copy of a demo SQLite database.

Each run must end in a documented exit code other than 70 (a bug), print no traceback, and when
it refuses, say why in Thai and leave the database exactly as it was (every table's rows, the
audit trail included). The parser is walked as in test_cli_arguments, so a command added later
is fuzzed too. The number of runs and their exit codes are printed at the end (-s to see them)."""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbpac_desktop.cli.main import build_parser, main
from sbpac_desktop.domain.errors import EXIT_CODES, EXIT_OK, EXIT_OUTPUT, EXIT_UNEXPECTED
from sbpac_desktop.thai import to_thai_digits
from tests.cli.test_cli_arguments import SAMPLES, _argv_for, _subcommands

EXAMPLES_PER_ARGUMENT = 3  # ~200 arguments: about 600 runs
RUNS: Counter[str] = Counter()  # "exit N" -> runs, printed by the last test
_FOLDERS = itertools.count()
PATH_TYPES = {"document_path", "output_arg", "_output", "xlsx_arg", "read_utf8"}
PATH_DESTS = {"output", "file", "out", "paper", "discussion_file", "resolution_file", "result_file"}
VALID = {**SAMPLES, "directives": "10"}  # generate refuses fewer than 10
SUFFIXES = ["", ".pdf", ".docx", ".xlsx", ".csv", ".txt", ".PDF", ".xls", ".db"]
THAI = re.compile("[\u0e01-\u0e5b]")


def _is_path(action: argparse.Action) -> bool:
    return getattr(action.type, "__name__", "") in PATH_TYPES or action.dest in PATH_DESTS


def _targets() -> Iterator[object]:
    for path, parser in _subcommands(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction) or action.nargs == 0:
                continue
            yield pytest.param(path, parser, action, id=f"{' '.join(path)}:{action.dest}")


TARGETS = list(_targets())


def _odd_date(day: date, style: int) -> str:
    be = day.year + 543
    return [
        f"{day.day:02d}/{day.month:02d}/{be}",
        f"{day.day}/{day.month}/{day.year}",  # Christian-era year where a BE one is expected
        day.isoformat(),
        f"{day.day}-{day.month}-{be % 100:02d}",
        to_thai_digits(f"{day.day}/{day.month}/{be}"),
        f"{day.month:02d}/{day.day:02d}/{be}",  # US order
        f" {day.day:02d}/{day.month:02d}/{be} ",
        f"{day.day:02d}.{day.month:02d}.{be}",
    ][style]


def _values() -> st.SearchStrategy[str]:
    no_nul = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
    numbers = st.integers(min_value=-(10**30), max_value=10**30)
    return st.one_of(
        st.text(no_nul, max_size=40),
        st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), min_size=1, max_size=30),
        st.text(st.characters(min_codepoint=1, max_codepoint=31), min_size=1, max_size=5),  # control chars
        numbers.map(str),
        numbers.map(lambda n: to_thai_digits(str(n))),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.builds(_odd_date, st.dates(), st.integers(0, 7)),
        st.sampled_from(["", " ", "0", "-1", "2147483647", "2147483648", "9" * 400, "31/02/2563", "29/02/2564",
                         "00/00/0000", "15/13/2563", "15 ก.พ. 2563", "1/2562", "ขส. 001/2563", "admin", "-", "--"]),
    )  # fmt: skip


def _paths() -> st.SearchStrategy[str]:
    """File names inside the run's own folder only (the fuzz must not write over the machine)."""
    named = st.builds(
        lambda text, suffix: text.replace("/", "_") + suffix,
        st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=100),
        st.sampled_from(SUFFIXES),
    )
    prepared = st.sampled_from(["missing.xlsx", "empty.csv", "folder", "folder/", "ไฟล์ ไทย.pdf", "x" * 300 + ".pdf"])
    return st.one_of(named, prepared)


def _table_digests(db: Path) -> dict[str, str]:
    """Every table's rows (all columns) as one hash per table."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        digests = {}
        for table in tables:  # sorted rows: some FTS shadow tables have no rowid to order by
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            digests[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return digests
    finally:
        connection.close()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("fuzz-demo")
    db = folder / "demo.db"
    assert main(["--db", str(db), "init"]) == 0 and main(["--db", str(db), "demo"]) == 0
    with sqlite3.connect(db) as connection:  # one self-contained file to copy
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db, _table_digests(db)


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SBPAC_USER", "SBPAC_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SBPAC_NEW_PASSWORD", "Fuzz-รหัส-2563!")  # users add / reset-password never prompt
    monkeypatch.chdir(os.getcwd())  # each run changes into its own folder; restored after the test


def run_once(pristine: tuple[Path, dict[str, str]], root: Path, capsys, argv: list[str]) -> int:
    """Run one command line on a fresh copy of the demo database, in its own folder; check the rules."""
    source, before = pristine
    folder = root / f"run{next(_FOLDERS)}"
    folder.mkdir()
    (folder / "empty.csv").touch()
    (folder / "folder").mkdir()
    db = folder / "w.db"
    shutil.copyfile(source, db)
    os.chdir(folder)  # relative output paths land in the run's folder
    capsys.readouterr()
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as stop:  # argparse: usage errors (2)
        code = stop.code if isinstance(stop.code, int) else 0
    out = capsys.readouterr()
    os.chdir(root)
    RUNS[f"exit {code}"] += 1
    shown = out.out + out.err
    assert code in EXIT_CODES and code != EXIT_UNEXPECTED, (argv, code, shown[-2000:])
    assert "Traceback" not in shown, (argv, shown[-2000:])
    if code != EXIT_OK:
        assert THAI.search(out.err) or THAI.search(out.out), (argv, code, shown[-2000:])
        changed = [t for t, d in _table_digests(db).items() if before.get(t) != d]
        assert not changed, (argv, code, changed, shown[-2000:])
    shutil.rmtree(folder)
    return code


def test_every_command_with_its_sample_values(pristine, tmp_path, capsys):
    """Each leaf command once with plausible values: the baseline the fuzz varies."""
    codes = {}
    for path, parser in _subcommands(build_parser()):
        if path == ("gui",):
            continue
        argv = list(path)
        for action in parser._actions:
            if action.required or (not action.option_strings and action.nargs != 0):
                value = VALID.get(action.dest) or VALID.get(getattr(action.type, "__name__", ""), "1")
                value = str(next(iter(action.choices))) if action.choices else value
                argv += [action.option_strings[0], value] if action.option_strings else [value]
        codes[" ".join(path)] = run_once(pristine, tmp_path, capsys, argv)
    assert len(codes) >= 80 and list(codes.values()).count(EXIT_OK) >= 20, codes


@pytest.mark.parametrize(("path", "parser", "action"), TARGETS)
@settings(
    max_examples=EXAMPLES_PER_ARGUMENT,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzzed_argument(pristine, tmp_path, capsys, path, parser, action, data):
    value = data.draw(_paths() if _is_path(action) else _values(), label=action.dest)
    if action.dest == "directives" and path == ("generate",):
        value = value[:2]  # a real count would fill the database for minutes; the parser bounds are tested
    argv = _argv_for(path, parser, action, value)
    argv = [VALID["directives"] if a == "1" and argv[i - 1] == "--directives" else a for i, a in enumerate(argv)]
    run_once(pristine, tmp_path, capsys, argv)


def test_zz_the_runs_counted(capsys):
    total = sum(RUNS.values())
    with capsys.disabled():
        print(f"\nCLI fuzz: {total:,} runs over {len(TARGETS)} arguments; exit codes: {dict(sorted(RUNS.items()))}")
    assert total >= len(TARGETS), RUNS


LONG = "x" * 300 + ".pdf"  # over NAME_MAX (255 bytes): is_dir()/exists() raise instead of answering
FOUND = {
    # refused (empty name) after the year's plan had been made in its own transaction: a plan row
    # and its audit entry were left behind
    "plan-add-project-empty-name": ["plan", "add-project", "", "--year", "2563", "--dimension", "1", "--owner", "1"],
    # the rest ended in a traceback (argparse type) or exit 70 (OSError ENAMETOOLONG)
    "resolution-file-too-long": ["minutes-text", "1", "--resolution-file", "x" * 300 + ".txt"],
    "discussion-file-thai-too-long": ["minutes-text", "1", "--discussion-file", "ก" * 100],
    "letters-invitation-output-too-long": ["letters", "invitation", "1", "-o", LONG],
    "agenda-output-too-long": ["agenda", "1", "-o", LONG],
    "backup-output-too-long": ["backup", "-o", LONG],
    "network-import-too-long": ["network", "import", LONG],
    "org-import-too-long": ["org", "import", LONG],
    "plan-import-too-long": ["plan", "import", LONG],
    "import-directives-too-long": ["import", "directives", LONG],
    "restore-too-long": ["restore", LONG],
    # the visit and plan reports had no wrapper for the renderers' refusal (OutputPathError): exit 70
    "visits-report-too-long-pdf": ["visits", "report", "1", "--out", "x" * 300 + ".pdf"],
    "visits-report-too-long-docx": ["visits", "report", "1", "--out", "x" * 300 + ".docx"],
    "visits-report-no-folder": ["visits", "report", "1", "--out", "missing/visit.pdf"],
    "plan-report-too-long": ["plan", "report", "--year", "2563", "--quarter", "1", "-o", "x" * 300 + ".pdf"],
    # decimal.InvalidOperation (quantize past 28 digits) escaped the argparse type as a traceback
    "plan-disbursed-1E26": ["plan", "disbursed", "1", "1E26", "--quarter", "1"],
    "plan-budget-1E26": [
        "plan",
        "add-project",
        "x",
        "--year",
        "2563",
        "--dimension",
        "1",
        "--owner",
        "1",
        "--budget",
        "1E26/0/0/0",
    ],
}


@pytest.mark.parametrize("argv", list(FOUND.values()), ids=list(FOUND))
def test_inputs_the_fuzz_found(pristine, tmp_path, capsys, argv):
    assert run_once(pristine, tmp_path, capsys, argv) != EXIT_OK  # and the rules of run_once hold


@pytest.mark.parametrize("out", ["x" * 300 + ".pdf", "x" * 300 + ".docx", "missing/visit.pdf"])
def test_a_visit_report_that_cannot_be_written_is_an_output_error(pristine, tmp_path, capsys, out):
    """The renderers refuse the path in Thai; the command says so with the documented exit code 7."""
    assert run_once(pristine, tmp_path, capsys, ["visits", "report", "1", "--out", out]) == EXIT_OUTPUT
