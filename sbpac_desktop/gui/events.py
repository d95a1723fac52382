"""Application-wide change notices: a save anywhere refreshes every view that shows the data.

Emitted on the main thread only (from an Operation's success callback).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    meetings_changed = Signal()
    meeting_changed = Signal(int)  # meeting id: agenda, attendance or status of one meeting
    directives_changed = Signal()
    org_changed = Signal()  # a unit, post, person or term saved: pages holding posts read them again
    series_changed = Signal()  # a meeting series saved, activated or deactivated: lists of series read again


_events: AppEvents | None = None


def app_events() -> AppEvents:
    global _events
    if _events is None:
        _events = AppEvents()
    return _events
