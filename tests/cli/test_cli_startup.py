"""What a command loads (issue #16): a command line that names its command builds only its own
module's parsers, and `directives --json` loads no document engine, no migration tool, no
PostgreSQL dialect and none of the other command modules. Checked on the modules a real process
has imported (no timing: the figures are in tests/benchmarks/test_bench_cli.py)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop.cli.main import COMMAND_MODULES, build_parser, command_module, parser_for
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo

# Loaded by nothing a listing needs: the document engines, the spreadsheet readers, Thai word
# segmentation, alembic (the schema is checked without it), the PostgreSQL dialect (an SQLite file).
NOT_FOR_A_LISTING = (
    "reportlab",
    "docx",
    "xlsxwriter",
    "pandas",
    "openpyxl",
    "pythainlp",
    "alembic",
    "sqlalchemy.dialects.postgresql",
    "sbpac_desktop.reporting",
    "sbpac_desktop.services.meetings.meetings",
    "PySide6",
)
# Runs the console script's entry in a fresh interpreter, its output kept aside, then prints the
# exit code and every module it imported.
PROBE = (
    "import contextlib, io, json, sys\n"
    "from sbpac_desktop.launcher import main\n"
    "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
    "    code = main(sys.argv[1:])\n"
    "print(json.dumps({'code': code, 'out': out.getvalue(), 'modules': sorted(sys.modules)}))\n"
)


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(subs[0].choices)


def _registered_by(name: str) -> list[str]:
    parser = argparse.ArgumentParser()
    command_module(name).register(parser.add_subparsers())
    return _commands(parser)


@pytest.mark.parametrize(("module", "commands"), COMMAND_MODULES)
def test_each_module_registers_the_commands_named_for_it(module: str, commands: tuple[str, ...]) -> None:
    assert _registered_by(module) == list(commands)


def test_the_whole_parser_lists_every_command_in_order() -> None:
    named = [command for _module, commands in COMMAND_MODULES for command in commands]
    assert _commands(build_parser()) == ["gui", *named]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["directives", "--json"], "directives"),
        (["--db", "x.db", "directives"], "directives"),
        (["--user", "somchai", "--db", "x.db", "meetings", "list"], "meetings"),
        (["--db", "x.db", "sign", "--help"], "sign"),
        (["--db", "directives", "verify"], "verify"),  # a file named like a command
    ],
)
def test_a_named_command_builds_only_its_module(argv: list[str], command: str) -> None:
    module_commands = next(commands for _module, commands in COMMAND_MODULES if command in commands)
    assert _commands(parser_for(argv)) == ["gui", *module_commands]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["-h", "directives"],
        ["--version"],
        ["--self-test"],
        ["direc"],  # no such command: the error lists them all
        ["--d", "x.db", "directives"],  # an abbreviated option: argparse decides
        ["--db"],
        ["--db", "--user", "directives"],
        ["--db=x.db", "directives"],
    ],
)
def test_anything_else_gets_the_whole_parser(argv: list[str]) -> None:
    assert _commands(parser_for(argv)) == _commands(build_parser())


def test_same_parse_as_the_whole_parser() -> None:
    argv = ["--db", "x.db", "directives", "--json", "--status", "overdue", "--fiscal-year", "2569"]
    assert vars(parser_for(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "demo.db"
    ctx = open_app(str(path), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    return path


def test_directives_json_loads_only_what_a_listing_needs(demo_db: Path) -> None:
    argv = ["--db", str(demo_db), "directives", "--json"]
    result = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe["code"] == 0 and len(json.loads(probe["out"])) == 9
    modules = set(probe["modules"])
    loaded = sorted(m for m in modules for heavy in NOT_FOR_A_LISTING if m == heavy or m.startswith(heavy + "."))
    assert loaded == []
    others = {f"sbpac_desktop.cli.{name}" for name, _commands in COMMAND_MODULES} - {
        "sbpac_desktop.cli.commands",
        "sbpac_desktop.cli.users",  # commands.py's create_first_admin (init --admin)
    }
    assert sorted(modules & others) == []
