"""The command line: the same services as the GUI, output in Thai with BE dates."""

from sbpac_desktop.cli.main import build_parser, main, parser_for, run

__all__ = ["build_parser", "main", "parser_for", "run"]
