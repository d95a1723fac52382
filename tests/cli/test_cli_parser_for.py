"""Start-up of a command (issue #16): a command line that names its command imports and builds
only its own module's parsers, and answers exactly as the whole parser would; anything else
(help, --version, a wrong word, an unexpected option) gets the whole parser. What a real process
imports is checked in tests/scale/test_cli_imports.py; the figures are in
tests/benchmarks/test_bench_cli.py."""

from __future__ import annotations

import argparse

import pytest

from sbpac_desktop.cli.main import COMMAND_MODULES, build_parser, command_module, parser_for


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


@pytest.mark.parametrize("argv", [[], ["--db", "x.db"], ["gui"], ["--user", "somchai", "gui"]])
def test_the_window_needs_no_command_module(argv: list[str]) -> None:
    assert _commands(parser_for(argv)) == ["gui"]
    assert vars(parser_for(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_same_parse_as_the_whole_parser() -> None:
    argv = ["--db", "x.db", "directives", "--json", "--status", "overdue", "--fiscal-year", "2569"]
    assert vars(parser_for(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))
