"""The part of the database layer the window's first page does not need — SQLAlchemy's ORM, the
mapped models, the mappers' set-up, the reminders' and the maintenance services — imported on a
helper thread right after that page has filled (issue #16).

The meetings page reads its list over the Core tables (services/meetings/meeting_list.py), and
who acts with no account is Core too (services/context.py): on such a start the window shows its
first page before `sqlalchemy.orm` is imported, and this module loads the rest meanwhile the clerk
reads it. `is_loading` tells the idle work (page_registry.preload_later) to wait for it: the page
modules import the ORM's services, and on the window's thread they would wait for this import."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sbpac_desktop.gui import operations

log = logging.getLogger(__name__)

# Loaded after the first page filled (or before the database opens when the first page, or a
# password sign-in, needs the ORM): services.auth, services.common and the models come with them.
LATER_LAYER = (
    "sbpac_desktop.services.admin.maintenance",
    "sbpac_desktop.services.directives.reminders",
    "sbpac_desktop.services.auth",
)
THREAD_NAME = "sbpac-orm-import"

_loading = threading.Event()  # set from the window's attach until LATER_LAYER has imported
_loaded = threading.Event()  # set once LATER_LAYER has imported and the mappers are set up


def is_loading() -> bool:
    """True while the rest of the layer waits for the first page or imports."""
    return _loading.is_set()


def load_later_layer() -> None:
    """Import LATER_LAYER and set up the mapped classes (no Qt: runs on a helper thread). Mapping
    here, not at the first query: SQLAlchemy otherwise does it on whichever thread asks first."""
    for name in LATER_LAYER:
        importlib.import_module(name)
    from sbpac_desktop.services.app import prepare_mappers

    prepare_mappers()
    _loaded.set()


class _Loaded(QObject):
    """Brings the helper thread's end (and its error, if any) to the window's thread."""

    done = Signal(object)  # None, or the exception the import raised


def load_after_first_fill(owner: QObject, then: Callable[[], None] | None = None) -> None:
    """Once the operations asked at attach (the first page's read) have answered and the page has
    shown its rows, load LATER_LAYER on a helper thread; then `then()` on the window's thread
    (the reminders' start-up check, which reads with the ORM). An import error is raised there,
    to the window's error hook. Loaded already (before the database opened): `then()` at once."""
    if _loaded.is_set():
        if then is not None:
            then()
        return
    loaded = _Loaded(owner)
    _loading.set()

    def finished(error: object) -> None:
        if isinstance(error, BaseException):
            raise error
        if then is not None:
            then()

    loaded.done.connect(finished, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        failure: BaseException | None = None
        try:
            load_later_layer()
        except BaseException as error:  # handed to the window's thread
            log.exception("Loading the database layer after the first page failed")
            failure = error
        finally:
            _loading.clear()
            loaded.done.emit(failure)

    started: list[threading.Thread] = []

    def start() -> None:
        started.append(threading.Thread(target=run, name=THREAD_NAME, daemon=True))
        started[0].start()

    def gone() -> None:  # the window closed before the page filled: nothing will load
        if not started:
            _loading.clear()

    owner.destroyed.connect(gone)
    _when_idle(owner, start)


def _when_idle(owner: QObject, action: Callable[[], None]) -> None:
    """`action` once no operation runs, two event-loop turns on: the last answer (the first page's
    rows) is shown in the turn its operation ends, and painted in the next."""

    def after_paint() -> None:
        QTimer.singleShot(0, owner, lambda: QTimer.singleShot(0, owner, action))

    if operations.is_idle():
        after_paint()
        return
    tracker = operations.busy_tracker()

    def changed(busy: bool) -> None:
        if not busy:
            tracker.busy_changed.disconnect(changed)
            after_paint()

    tracker.busy_changed.connect(changed)
