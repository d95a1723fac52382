"""Keep PySide6 from aborting CPython 3.11 after about 100,000 calls into Qt.

PySide6 6.12.0 hands back None from every void method (QWidget.hide(), QLabel.setText(),
QApplication.processEvents()...) without taking a reference to it, so each such call made from
Python lowers None's reference count by one; a Python override whose result Qt drops does the
same. Around 100,000 calls into a session the count reaches zero and CPython aborts the whole
program ("Fatal Python error: none_dealloc: deallocating None") — a clerk loses the window, a test
run loses every test after it. CPython 3.12 made None, True and False immortal (PEP 683) so the
lost references no longer matter; on 3.11 we do the same by hand, giving the three singletons a
count no session can use up. They are never freed anyway (freeing one is itself a fatal error),
so nothing else changes. Drop this once the minimum Python is 3.12 or PySide6 is fixed.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # a million Qt calls a second would take 35 years to use this up
_pinned = False


def pin_singletons() -> bool:
    """Raise the reference counts of None, True and False once; True when it was needed here."""
    global _pinned
    if _pinned or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build lays objects out differently: leave it be
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM  # ob_refcnt, the first field
    _pinned = True
    return True
