"""kill -9 of a process writing directives at random moments, many runs on one file.

The child creates directives with three assignees and rewrites existing ones (new text
and a different set of supporting posts: several rows in one transaction), printing
each id only after its commit returned. After every kill: PRAGMA integrity_check is
"ok", every acknowledged commit is there, and no directive is half saved (its text
always names the exact set of assignees stored with it). The next run opens the file
through the app, which notices the unclean shutdown and checks it again.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.services.admin.maintenance import check_database
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.people import org

RUNS = 24
ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from datetime import date
    from sbpac_desktop.domain.enums import AssignmentRole
    from sbpac_desktop.services.directives import directives
    from sbpac_desktop.services.people import org
    from sbpac_desktop.services.app import open_app
    from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput

    ctx = open_app(sys.argv[1])
    p = sorted(pos.id for pos in org.list_positions(ctx.db, ctx.actor))
    SETS = {"A": (p[1], p[2]), "B": (p[2], p[3])}

    def data(text, mark):
        support = tuple(AssignmentInput(position_id=i, role=AssignmentRole.SUPPORT) for i in SETS[mark])
        assignees = (AssignmentInput(position_id=p[0]), *support)
        return DirectiveInput(f"{text} ชุด{mark}", date(2019, 10, 22), assignees, due_on=date(2019, 12, 31))

    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        made = directives.create_directive(ctx.db, ctx.actor, data(f"ข้อสั่งการ {n} " + "ก" * 400, "A"))
        print(f"c {made.row.id}", flush=True)
        rows = directives.list_directives(ctx.db, ctx.actor)
        target = rows[n % len(rows)]
        mark = "A" if target.text.endswith("ชุดB") else "B"
        base = target.text.rsplit(" ชุด", 1)[0]
        done = directives.update_directive(ctx.db, ctx.actor, target.id, target.version, data(base, mark))
        print(f"u {done.row.id} {done.row.version}", flush=True)
    """
)


def _setup(path: Path) -> None:
    ctx = open_app(str(path), create=True)
    try:
        for i in range(4):
            unit = org.create_org_unit(
                ctx.db, ctx.actor, org.OrgUnitInput(f"หน่วยงาน {i}", OrgUnitKind.DIVISION, f"น{i}")
            )
            org.create_position(
                ctx.db, ctx.actor, org.PositionInput(f"ผู้อำนวยการ {i}", PositionKind.DIRECTOR, f"ผอ.{i}", unit.id)
            )
    finally:
        ctx.close()


def _run_once(script: Path, db: Path, rng: random.Random) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first == "ready\n", child.stderr.read() if child.stderr else first
    time.sleep(rng.uniform(0.02, 0.45))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    return [line for line in out.splitlines(keepends=True) if line.endswith("\n")]


def _check_file(db: Path, created: set[int], versions: dict[int, int]) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = dict(conn.execute("SELECT id, version FROM directive"))
        assert created <= set(stored), f"acknowledged commits lost: {sorted(created - set(stored))}"
        for directive_id, version in versions.items():
            assert stored[directive_id] >= version, f"acknowledged update of {directive_id} lost"
        positions = [row[0] for row in conn.execute("SELECT id FROM position ORDER BY id")]
        expected = {"A": {positions[0], positions[1], positions[2]}, "B": {positions[0], positions[2], positions[3]}}
        for directive_id, text in conn.execute("SELECT id, text FROM directive"):
            held = {
                row[0]
                for row in conn.execute("SELECT position_id FROM assignment WHERE directive_id = ?", (directive_id,))
            }
            assert held == expected[text[-1]], f"directive {directive_id} half saved: {text[-4:]} with {held}"
    finally:
        conn.close()


def test_kill_9_never_loses_or_half_saves(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    _setup(db)
    script = tmp_path / "writer.py"
    script.write_text(CHILD, encoding="utf-8")
    rng = random.Random(6)
    created: set[int] = set()
    versions: dict[int, int] = {}
    acknowledged = 0
    for _ in range(RUNS):
        for line in _run_once(script, db, rng):
            kind, *values = line.split()
            acknowledged += 1
            if kind == "c":
                created.add(int(values[0]))
            else:
                versions[int(values[0])] = max(versions.get(int(values[0]), 0), int(values[1]))
        _check_file(db, created, versions)
    report = check_database(str(db))  # integrity, foreign keys and the audit hash chain
    assert report.ok, [item.detail_th for item in report.items if not item.ok]
    print(f"\nkill -9 runs: {RUNS}, acknowledged commits: {acknowledged}, all present, integrity ok every run")
    assert acknowledged > RUNS  # the kills did land while writing
