"""The `sbpac-desktop` console script: a command runs the CLI, no command opens the window.

It sits above both front ends so the CLI never imports Qt and the GUI never parses
command-line subcommands itself.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sbpac_desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    """The program (argv None: the console script, `python -m sbpac_desktop`); callers that pass
    argv (tests, probes) go on running in the same process afterwards."""
    whole_process = argv is None
    # A frozen (PyInstaller) copy re-runs this entry point in each 'spawn' worker process of
    # gui/process_operations.py; freeze_support turns that run into the worker, not a 2nd app.
    # It does nothing unless frozen, so a plain install does not import multiprocessing for it.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    args = cli.parser_for(argv).parse_args(argv)
    if args.self_test:
        from sbpac_desktop.selftest import run_self_test  # Qt-free: proves an installed copy is complete

        return run_self_test()
    if args.command in (None, "gui"):
        from sbpac_desktop.gui.app import run_gui  # Qt loads only when a window is wanted

        return run_gui(args.db)
    code = cli.run(args)
    if whole_process:
        from sbpac_desktop.cli.heap import leave_to_exit

        leave_to_exit()
    return code
