"""The house rules a newcomer relies on (CONTRIBUTING.md): modules of at most 400 lines and
functions of at most 60, in the application's own code. Generated Designer forms and frozen
Alembic migrations are not written by hand and are left out."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "sbpac_desktop"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _hand_written() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "forms" not in path.relative_to(PACKAGE).parts and "versions" not in path.relative_to(PACKAGE).parts
    )


def long_modules(paths: list[Path]) -> list[str]:
    return [
        f"{path.name}: {count} lines"
        for path in paths
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]


def long_functions(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{name}:{node.lineno} {node.name}() {length} lines")
    return found


def test_the_walk_sees_the_whole_package() -> None:
    paths = _hand_written()
    assert len(paths) > 200
    assert PACKAGE / "services" / "app.py" in paths
    assert not any("versions" in p.parts for p in paths)


def test_no_module_is_longer_than_400_lines() -> None:
    assert long_modules(_hand_written()) == []


def test_no_function_is_longer_than_60_lines() -> None:
    offenders = [
        line
        for path in _hand_written()
        for line in long_functions(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert offenders == []


@pytest.mark.parametrize("body_lines, expected", [(58, 0), (59, 0), (60, 1)])
def test_the_function_rule_counts_def_line_and_body(body_lines: int, expected: int) -> None:
    """A def line plus 59 body lines is 60 lines (allowed); plus 60 is 61 (refused)."""
    source = "def f():\n" + "    x = 1\n" * body_lines
    assert len(long_functions(source, "sample.py")) == expected


def test_the_module_rule_refuses_401_lines(tmp_path: Path) -> None:
    fine, long = tmp_path / "fine.py", tmp_path / "long.py"
    fine.write_text("x = 1\n" * 400, encoding="utf-8")
    long.write_text("x = 1\n" * 401, encoding="utf-8")
    assert long_modules([fine]) == []
    assert long_modules([long]) == ["long.py: 401 lines"]
