"""No module registers a listener on every Session (issue 17 step 3): work at flush or commit is
written where it happens (database triggers in migrations, store.database's commit steps, named
service calls), not hidden in global Session events."""

from __future__ import annotations

import ast
from pathlib import Path

import sbpac_desktop

PACKAGE = Path(sbpac_desktop.__file__).parent
GLOBAL_TARGETS = frozenset({"Session", "sessionmaker", "scoped_session", "ORMSession"})


def _target_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def session_listeners(source: str) -> list[int]:
    """Lines of `event.listen(Session, …)` / `@event.listens_for(sessionmaker, …)` and alike."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        if _target_name(node.func) in ("listen", "listens_for") and _target_name(node.args[0]) in GLOBAL_TARGETS:
            found.append(node.lineno)
    return found


def test_no_module_listens_on_every_session() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in session_listeners(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_scan_finds_the_listeners_it_forbids() -> None:
    planted = (
        "from sqlalchemy import event\nfrom sqlalchemy.orm import Session, sessionmaker\n"
        "@event.listens_for(Session, 'before_flush')\ndef a(session, context, instances): pass\n"
        "event.listen(sessionmaker, 'after_commit', a)\n"
        "event.listen(engine, 'connect', a)\n"  # an engine's own events are not a Session's
    )
    assert session_listeners(planted) == [3, 5]
