"""The cyclic garbage collector in a command-line process (issue #16: a document command, from the
process start to the file written).

A command that writes a document has by then imported SQLAlchemy's ORM and the mapped models,
ReportLab, HarfBuzz and pythainlp: about 100,000 objects that live until the process ends. The
collector walks all of them in each full pass, and once more when the interpreter shuts down:
profiled on the demo minutes, about 0.1 s in passes while the PDF was built and 0.1–0.2 s of
shutdown after the file was written. gc.freeze() leaves the objects alive at that moment out of
later passes; reference counting frees everything else as before, and atexit handlers still run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settled() -> Iterator[None]:
    """Build a document with the objects alive now (modules, the document read) left out of the
    collector's passes; they rejoin the oldest generation afterwards, so a process that goes on
    (the tests, which call the commands in-process) collects them as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def leave_to_exit() -> None:
    """The process ends now: its last full collection would only walk objects whose memory the
    system takes back with the process. (A frozen cycle's __del__ does not run at shutdown;
    Python does not promise it does, and the commands close their files and database first.)"""
    gc.freeze()
