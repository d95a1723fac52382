"""The Word writers use python-docx's public API only (issue #17): no private member (`run._r`,
`section._sectPr`, `row._tr`), no private class (`_Cell`), and none of the generated helpers of
its oxml element classes (`get_or_add_rPr`, `tc_lst`, `insert_element_before`), which may change
in any release; what python-docx has no setting for is written with plain lxml calls
(reporting/word/ooxml.py)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sbpac_desktop"
OWN = {"self", "cls"}  # a class's own private members are its business
OXML_HELPERS = ("get_or_add_", "_add_", "_insert_", "_remove_", "_new_")
OXML_METHODS = {"insert_element_before", "first_child_found_in", "remove_all"}


def internals(source: str) -> list[str]:
    """Each use of a python-docx internal in `source`, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "docx":
            found += [f"{node.lineno}: import {alias.name}" for alias in node.names if alias.name.startswith("_")]
        elif isinstance(node, ast.Attribute):
            name = node.attr
            private = name.startswith("_") and not (isinstance(node.value, ast.Name) and node.value.id in OWN)
            helper = name.startswith(OXML_HELPERS) or name in OXML_METHODS or name.endswith("_lst")
            if private or helper:
                found.append(f"{node.lineno}: .{name}")
    return sorted(found)


def _docx_modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "import docx" in (text := path.read_text("utf-8"))
                  or "from docx" in text)  # fmt: skip


def test_the_scan_finds_what_the_writers_used_before():
    before = """
from docx.table import Table, _Cell
def row_cells(row):
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]
def bold(run):
    run._r.get_or_add_rPr().get_or_add_bCs()
def numbering(section, element):
    section._sectPr.insert_element_before(element, "w:cols")
"""
    assert internals(before) == ["2: import _Cell", "4: ._tr", "4: .tc_lst", "6: ._r", "6: .get_or_add_bCs",
                                 "6: .get_or_add_rPr", "8: ._sectPr", "8: .insert_element_before"]  # fmt: skip
    assert internals("class W:\n    def f(self):\n        return self._body.find('w:p').getprevious()\n") == []


def test_no_python_docx_internals_in_the_word_writers():
    modules = _docx_modules()
    assert any(path.parent.name == "word" for path in modules)  # the scan reaches the writers
    found = [f"{path.relative_to(PACKAGE)}:{use}" for path in modules for use in internals(path.read_text("utf-8"))]
    assert found == []
