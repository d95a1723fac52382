"""The cyclic garbage collector in a command-line process (issue #16: a document command, from the
process start to the file written).

A command that writes a document imports SQLAlchemy's ORM and the mapped models, ReportLab,
HarfBuzz and pythainlp: about 100,000 objects that live until the process ends. The collector
walks them again in every full pass, and once more when the interpreter shuts down. Profiled on
the demo minutes: about 0.15 s of passes while the command ran and 0.1–0.2 s of shutdown after
the file was written. So a document command runs with the collector paused (`one_document`), and
the program freezes its heap before it exits (`leave_to_exit`). Reference counting frees
everything else as before, and atexit handlers still run. Measured on a 6,000-directive data set,
the 1,245-page follow-up report peaked at the same memory with the collector paused (445 MB
against 444 MB): a document holds what it builds until it is written, and little of it is
cyclic garbage.
"""

from __future__ import annotations

import argparse
import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Handler = Callable[[argparse.Namespace], int]


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside; the collector is as it was afterwards (the tests call the
    commands in-process and go on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What was made meanwhile moves to the oldest generation (freeze, then unfreeze), as if
            # it had survived young passes; enabled as it was, the first allocation would otherwise
            # walk all of it at once, ~0.1 s after the demo minutes.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def one_document(handler: Handler) -> Handler:
    """A command handler that builds one document (or one batch of letters) and returns."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        with paused():
            return handler(args)

    return run


def leave_to_exit() -> None:
    """The process ends now: its last full collection would only walk objects whose memory the
    system takes back with the process. (A frozen cycle's __del__ does not run at shutdown;
    Python does not promise it does, and the commands close their files and database first.)"""
    gc.freeze()
