"""Every id and number argument of every command refuses a wrong value with a Thai usage error
(exit 2), before any database is opened: huge, negative, zero, words, superscripts, other
scripts' digits. The parser is walked, so a command added later is covered by the same test,
and an id-like argument without a validating type fails it."""

from __future__ import annotations

import argparse
import inspect
import subprocess
import sys

import pytest

from sbpac_desktop.cli import args as cli_args
from sbpac_desktop.cli.main import build_parser, main
from sbpac_desktop.domain import errors
from sbpac_desktop.domain.errors import EXIT_CODES, AppError

HUGE = "99999999999999999999999"
BAD_NUMBERS = [HUGE, "-1", "0", "2147483648", "abc", "1e5", "²", "١٢", "12 3", "", " ", "1.5", "9" * 5000]
BAD_REFERENCES = [*BAD_NUMBERS, "0/2562", "10/99999999999999999999", "99999999999999999999/2562", "10/1999", "10/"]
# Words in a dest or metavar that say "this names a record or is a count".
ID_WORDS = ("meeting", "number", "person", "id", "directive", "series", "position", "agency", "limit", "count", "seed")

SAMPLES = {
    "date_arg": "15/02/2563",
    "document_path": "x.pdf",
    "output_arg": "x.xlsx",
    "fiscal_year_arg": "2563",
    "status_arg": "overdue",
}


def _subcommands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(('directive', 'block'), parser) for every leaf command."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, child in subs[0].choices.items():
        yield from _subcommands(child, (*prefix, name))


def _valid_value(action: argparse.Action) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    name = getattr(action.type, "__name__", "")
    return SAMPLES.get(name, "1")


def _argv_for(path: tuple[str, ...], parser: argparse.ArgumentParser, target: argparse.Action, value: str):
    """A command line valid in everything but `target`, which gets `value`."""
    argv = list(path)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.nargs == 0:
            continue
        if action.option_strings and not action.required and action is not target:
            continue
        text = value if action is target else _valid_value(action)
        argv += [action.option_strings[0], text] if action.option_strings else [text]  # positionals in order
    return argv


def _numeric_arguments():
    found = []
    for path, parser in _subcommands(build_parser()):
        for action in parser._actions:
            label = f"{action.dest} {action.metavar or ''}".lower()
            if action.nargs == 0 or action.choices or not any(w in label for w in ID_WORDS):
                continue
            found.append(pytest.param(path, parser, action, id=f"{' '.join(path)}:{action.dest}"))
    return found


NUMERIC = _numeric_arguments()


def test_the_walk_finds_the_id_arguments():
    names = {p.id for p in NUMERIC}
    assert {"directives:meeting", "minutes:meeting", "directive block:number", "users add:person"} <= names
    assert len(NUMERIC) >= 12, names


@pytest.mark.parametrize(("path", "parser", "action"), NUMERIC)
def test_every_id_argument_has_a_validating_type(path, parser, action):
    assert action.type is not None and action.type is not str, (
        f"{' '.join(path)} {action.dest}: use a type from sbpac_desktop/cli/args.py (id_arg, meeting_ref_arg, ...)"
    )


@pytest.mark.parametrize(("path", "parser", "action"), NUMERIC)
def test_every_id_argument_refuses_wrong_numbers_in_thai(path, parser, action, capsys):
    bad = BAD_REFERENCES if "ref" in getattr(action.type, "__name__", "") else BAD_NUMBERS
    for value in bad:
        with pytest.raises(SystemExit) as stop:
            build_parser().parse_args(_argv_for(path, parser, action, value))
        err = capsys.readouterr().err
        assert stop.value.code == 2, (path, value)
        assert "คำสั่งไม่ถูกต้อง" in err and "Traceback" not in err, (path, value, err)
        assert "invalid" not in err, err  # argparse's English fallback means a type raised ValueError
        assert len(err) < 2000, "the message quotes a cut-down value, not 5000 digits"


@pytest.mark.parametrize(
    "value", ["12", "๑๒", " 12 ", "2147483647", "10/2562", "๑๐/๒๕๖๒"], ids=lambda v: v.strip() or "blank"
)
def test_meeting_references_that_are_fine_pass_unchanged(value):
    assert cli_args.meeting_ref_arg(value) == value


@pytest.mark.parametrize("value", ["12", "ขส. 003/2563", "003/2563", "๓/๒๕๖๓", "ขส.3/2563"])
def test_directive_references_that_are_fine_pass_unchanged(value):
    assert cli_args.directive_ref_arg(value) == value


def test_the_reported_overflow_is_a_usage_error_from_a_real_process(tmp_path):
    """The report: `directives --meeting 999…` ended in OverflowError / 'เกิดข้อผิดพลาดที่ไม่คาดคิด'."""
    db = tmp_path / "x.db"
    command = [sys.executable, "-m", "sbpac_desktop", "--db", str(db)]
    assert subprocess.run([*command, "init"], capture_output=True, timeout=120).returncode == 0
    result = subprocess.run([*command, "directives", "--meeting", HUGE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "การประชุมต้องเป็นรหัส" in result.stderr and "ไม่คาดคิด" not in result.stderr
    largest = subprocess.run(
        [*command, "directives", "--meeting", "2147483647"], capture_output=True, text=True, timeout=120
    )
    assert largest.returncode == 3 and "ไม่พบการประชุม" in largest.stderr and "2147483647" in largest.stderr


def _app_error_classes():
    seen, todo = set(), [AppError]
    while todo:
        cls = todo.pop()
        seen.add(cls)
        todo += cls.__subclasses__()
    return seen


def test_every_exit_code_is_documented(capsys):
    # every module that defines an error class is loaded: the CLI parser imports them all
    codes = {cls.exit_code for cls in _app_error_classes()}
    codes |= {
        value for name, value in inspect.getmembers(errors) if name.startswith("EXIT_") and isinstance(value, int)
    }
    assert codes <= set(EXIT_CODES), codes - set(EXIT_CODES)
    assert {1, 7, 70, 130} <= set(EXIT_CODES)
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for code, (thai, _english) in EXIT_CODES.items():
        assert f"{code} {thai}" in help_text
