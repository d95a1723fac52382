"""Pick lists read off the GUI thread: a dialog shows at once with its inputs held, and is filled
and released when the lists arrive (issue 17: the window never waits on a query)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.operations import BusyWidgets, Operation
from sbpac_desktop.gui.text import wrappable

T = TypeVar("T")


def read_choices(
    owner: QWidget,
    fetch: Callable[[], T],
    then: Callable[[T], None],
    *,
    hold: Iterable[QWidget] = (),
    message: str,
    failed: Callable[[BaseException], object] | None = None,
) -> Operation[T]:
    """Run `fetch` on the database thread, hand its answer to `then` here, then release `hold`.

    The held widgets (Save, the inputs the lists fill) stay disabled if the read fails: the error
    is presented (or handed to `failed`) and only Cancel is left, so nothing is saved from
    half-filled lists."""
    held = BusyWidgets(hold)
    held.disable()

    def arrived(choices: T) -> None:
        held.enable()  # first: `then` may keep some disabled (a field that cannot change)
        then(choices)

    operation = Operation(owner, fetch, message=message).success(arrived)
    if failed is not None:
        operation.failure(failed)
    return operation.run()


def loading_message() -> str:
    """The status bar's text while a view reads, the list pages' own (one translation)."""
    return QCoreApplication.translate("TablePage", "กำลังโหลด…")


def refusal_to(owner: QWidget, show: Callable[[AppError], object]) -> Callable[[BaseException], None]:
    """An Operation's failure callback for a view's read: a refusal (AppError) goes to `show`, the
    view's own error line; anything else is a bug and goes to the one error presenter."""

    def failed(error: BaseException) -> None:
        if isinstance(error, AppError):
            show(error)
            return
        from sbpac_desktop.gui.errors import present_error  # errors imports widgets: keep this light

        present_error(owner, error)

    return failed


def refusal_on_line(owner: QWidget, line: QLabel, template: str) -> Callable[[BaseException], None]:
    """`refusal_to` with the pages' usual showing: `template` ({message}) on the view's error line."""

    def show(error: AppError) -> None:
        line.setText(wrappable(template.format(message=error_text(error))))
        line.show()

    return refusal_to(owner, show)
