"""A document command and the cyclic collector (cli/heap.py, issue #16): the command runs with the
collector paused, and the program freezes everything before it exits so the interpreter's last
full pass has nothing to walk. A caller that goes on in the same process (the tests call the
commands in-process) gets the collector back as it was, its heap unfrozen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop.cli import heap
from sbpac_desktop.cli import main as cli_main
from sbpac_desktop.domain.errors import EXIT_NOT_FOUND

ROOT = Path(__file__).resolve().parents[2]
# Prints, from the program's last atexit handler, whether its heap was frozen.
PROGRAM = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))\n"
    "from sbpac_desktop.launcher import main\n"
    "sys.argv = ['sbpac-desktop', *sys.argv[1:]]\n"
    "sys.exit(main())\n"
)


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


@pytest.mark.parametrize(
    "command",
    [("minutes", "10/2562"), ("letters", "invitation", "10/2562", "--per-post")],
    ids=["minutes", "letters-invitation"],
)
def test_in_process_command_leaves_the_heap_unfrozen(
    tmp_path: Path, demo_database: Path, command: tuple[str, ...]
) -> None:
    target = tmp_path / "out.pdf"
    assert cli_main(["--db", str(demo_database), *command, "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_program_freezes_its_heap_before_exit(tmp_path: Path, demo_database: Path) -> None:
    target = tmp_path / "out.pdf"
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, "--db", str(demo_database), "minutes", "10/2562", "-o", str(target)],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "frozen at exit: True" in done.stdout
    assert target.read_bytes().startswith(b"%PDF")


def test_a_failing_command_still_exits_with_its_code(tmp_path: Path, demo_database: Path) -> None:
    """No meeting 99/2562: the Thai error and its exit code, as before."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROGRAM,
            "--db",
            str(demo_database),
            "minutes",
            "99/2562",
            "-o",
            str(tmp_path / "x.pdf"),
        ],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == EXIT_NOT_FOUND, done.stderr
    assert "ข้อผิดพลาด" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_paused_hands_the_collector_back_without_a_pass_due() -> None:
    """What was made while paused is not left in the young generation: the first allocation
    after would walk all of it at once (about 0.1 s after the demo minutes)."""
    with heap.paused():
        assert not gc.isenabled()
        made = [[index] for index in range(50_000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < 100
    assert gc.get_freeze_count() == 0
    assert len(made) == 50_000


def test_paused_keeps_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with heap.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
