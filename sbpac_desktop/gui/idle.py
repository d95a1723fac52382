"""When the window is idle: no operation running, no key or mouse input for a short while.

Work that nobody waits for (importing the pages not yet opened) is done only then, so it
never lands in the middle of what a clerk does wait for: a filter's query and the table
filling after it, or a click and what follows it."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from sbpac_desktop.gui import database_layer, operations

QUIET_SECONDS = 0.3  # after the last input or operation; a table has filled and painted by then

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatch(QObject):
    """Remembers the last moment the user or an operation was active. Installed on the
    application as an event filter (it only looks, never consumes an event); `stop` takes it off
    again, since the filter sees every event of the application while it is on."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last_active = time.monotonic()
        self.watching = True
        tracker = operations.busy_tracker()
        tracker.busy_changed.connect(self._operation_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS:
            self.last_active = time.monotonic()
        return False

    def _operation_changed(self, _busy: bool) -> None:
        self.last_active = time.monotonic()  # its start, and again its end (the results arrive)

    def stop(self) -> None:
        if not self.watching:
            return
        self.watching = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        operations.busy_tracker().busy_changed.disconnect(self._operation_changed)

    def is_idle(self) -> bool:
        quiet_for = time.monotonic() - self.last_active
        # not while the ORM loads after the first page: a page module imported now would wait for it
        return operations.is_idle() and quiet_for >= QUIET_SECONDS and not database_layer.is_loading()
