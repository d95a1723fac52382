"""The main window's pages: what the navigation lists (key, label, icon) and how each page is
built. A page's module is imported and its widget constructed only when the page is first shown
or asked for (`MainWindow.page`), so start-up loads the one page it opens on, not all eleven
(issue #16: most of the start-up time was importing pages nobody had opened yet)."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle

from sbpac_desktop.gui.idle import IdleWatch

if TYPE_CHECKING:  # the window's frame shows before the database layer (SQLAlchemy, models) is imported
    from sbpac_desktop.gui.main_window import MainWindow
    from sbpac_desktop.gui.pages.base import Page
    from sbpac_desktop.services.app import AppContext

SP = QStyle.StandardPixmap


@dataclass
class PageEntry:
    key: str
    label: str
    icon: QIcon
    build: Callable[[], Page]  # imports the page's module: called once, on first use
    page: Page | None = None  # None until the page is first shown or asked for


def can_manage_users(ctx: AppContext | None) -> bool:
    """A signed-in administrator (not the built-in setup account, which adds only the first admin);
    None while the database is still opening."""
    if ctx is None:
        return False
    from sbpac_desktop.services.context import SYSTEM_LOGIN
    from sbpac_desktop.services.permissions import MANAGE_USERS

    return ctx.actor.role in MANAGE_USERS and ctx.actor.login != SYSTEM_LOGIN


def _plain(module: str, class_name: str) -> Callable[[MainWindow], Page]:
    """A page built from the open database alone, its module `gui.pages.<module>` imported on first use."""

    def build(window: MainWindow) -> Page:
        from sbpac_desktop.gui.pages.base import Page

        page = getattr(importlib.import_module(f"sbpac_desktop.gui.pages.{module}"), class_name)(window.ctx)
        if not isinstance(page, Page):
            raise TypeError(f"{module}.{class_name} is not a Page")
        return page

    return build


def _dashboard(window: MainWindow) -> Page:
    from sbpac_desktop.gui.pages.dashboard import DashboardPage, DrillDown
    from sbpac_desktop.gui.pages.dashboard_plan import PlanTarget
    from sbpac_desktop.gui.pages.directives import DirectivesPage
    from sbpac_desktop.gui.pages.plan import PlanPage

    page = DashboardPage(window.ctx)

    def drill(target: DrillDown) -> None:  # a number on the dashboard opens the tracker filtered to it
        window.page_as("directives", DirectivesPage).apply_filter(target.filter, target.select_id)
        window.show_page("directives")

    def open_plan(target: PlanTarget) -> None:  # a dimension card of the M&E panel opens the plan page on it
        window.page_as("plan", PlanPage).show_dimension(target.fiscal_year, target.quarter, target.dimension)
        window.show_page("plan")

    page.drill_down.connect(drill)
    page.open_plan.connect(open_plan)
    return page


def _settings(window: MainWindow) -> Page:
    """One Settings page for the window's life: it is the page that switches language and database."""
    from sbpac_desktop.gui.pages.settings import SettingsPage

    if window.settings_page is None:
        window.settings_page = SettingsPage(window.ctx, window.settings)
        window.settings_page.database_opened.connect(window.switch_context)
    return window.settings_page


# The navigation in its order: key, icon, builder (users is added for an administrator only).
PAGES: list[tuple[str, QStyle.StandardPixmap, Callable[[MainWindow], Page]]] = [
    ("meetings", SP.SP_FileDialogDetailedView, _plain("meetings", "MeetingsPage")),
    ("directives", SP.SP_DialogApplyButton, _plain("directives", "DirectivesPage")),
    ("dashboard", SP.SP_ComputerIcon, _dashboard),
    ("field_visits", SP.SP_DriveNetIcon, _plain("field_visits", "FieldVisitsPage")),
    ("network", SP.SP_DirLinkIcon, _plain("network", "NetworkPage")),
    ("plan", SP.SP_FileDialogInfoView, _plain("plan", "PlanPage")),
    ("people", SP.SP_DirHomeIcon, _plain("people", "PeoplePage")),
    ("series", SP.SP_FileDialogListView, _plain("series", "SeriesPage")),
    ("dimensions", SP.SP_FileDialogContentsView, _plain("dimensions", "DimensionsPage")),
    ("settings", SP.SP_FileDialogInfoView, _settings),
]
USERS_PAGE = ("users", SP.SP_DialogYesButton, _plain("users", "UsersPage"))


# Every page module, the tracker first: what a clerk opens most is ready soonest.
PAGE_MODULES = (
    "directives",
    "dashboard",
    "meetings",
    "field_visits",
    "network",
    "plan",
    "people",
    "series",
    "dimensions",
    "settings",
    "users",
)
# What each page's module imports from below the window (services; no Qt in them), enough modules
# named to cover all of it. Imported ahead for the page the window opens on, on the helper thread
# that loads the database layer (gui/app.py `_load_database_layer`), so the page's first show
# imports only its widgets on the window's thread (opening on the tracker paid 0.2 s there).
# tests/scale/test_startup_imports.py checks each list leaves no service to the first show.
PAGE_SERVICES: dict[str, tuple[str, ...]] = {
    "meetings": ("services.meetings.meeting_list",),
    "directives": (
        "render_jobs",
        "services.people.org_import",
        "services.field.network_import",
        "services.directives.workflow",
        "services.directives.blocking",
        "services.directives.history",
        "services.directives.tracker",
        "services.attachments",
        "services.meetings.agenda",
        "services.meetings.meetings",  # the meeting pick lists of the directive and follow-up dialogs
    ),
    "field_visits": (
        "services.attachments",
        "services.directives.directives",
        "services.field.field_choices",
        "services.field.field_findings",
        "services.people.org",
    ),
    "network": ("services.field.field_choices", "services.field.network_import", "services.people.org_import"),
    "plan": ("services.field.plan_actuals", "services.field.plan_report"),
    "people": ("services.field.network_import", "services.people.org_import", "services.people.org_template"),
    "series": ("services.meetings.series", "services.people.org"),
    "dimensions": (),
    "settings": (
        "services.admin.database_check",
        "services.meetings.series",
        "services.people.office",
        "services.settings",
    ),
    "users": ("services.admin.users", "services.people.org"),
}
PAGE_SERVICES["dashboard"] = (
    *PAGE_SERVICES["directives"],  # a number on the dashboard opens the tracker, the M&E panel the plan
    *PAGE_SERVICES["plan"],
)


# The pages whose first read is Core (services over store.tables on Database.connect): the window opening
# on one fills it before the ORM loads, which then loads on a helper thread (gui/database_layer.py).
FILLED_WITHOUT_ORM = frozenset({"meetings"})


def services_of(key: str) -> tuple[str, ...]:
    """The modules to import ahead for opening on page `key` (none for a key no longer listed)."""
    return tuple(f"sbpac_desktop.{name}" for name in PAGE_SERVICES.get(key, ()))


PRELOAD_DELAY_MS = 600  # after the window is usable; a clerk's first click rarely comes sooner
PRELOAD_RETRY_MS = 100  # how soon to look again while the window is not idle


def import_while_opening(owner: QObject, key: str) -> None:
    """The window-side modules `MainWindow.attach` needs (the reminders' controller, page `key`'s
    module), each at its own event-loop turn while the database opens on its helper thread: the
    attach then only builds, and no turn between the frame and the first page filled pays for
    them all at once (issue #16: these imports were most of the longest frozen moment)."""
    pending = ["sbpac_desktop.gui.reminders", *([f"sbpac_desktop.gui.pages.{key}"] if key in PAGE_MODULES else [])]

    def next_module() -> None:
        importlib.import_module(pending.pop(0))
        if pending:
            QTimer.singleShot(0, owner, next_module)

    QTimer.singleShot(0, owner, next_module)


def preload_later(owner: QObject) -> None:
    """Import the page modules not yet imported, one at a time while the window is idle,
    starting a moment after start-up. Why: pages are built on first show (start-up stays
    short), but a first click on the tracker then paid for importing it (0.2-0.3 s); done here
    in idle time, the first click only builds the widgets. Idle (gui/idle.py) means no
    operation running and no input for a moment: an import never delays a query the clerk just
    asked for. On the window's thread on purpose: a module may create Qt objects when imported,
    and one import at a time keeps each pause short. Stops with `owner`."""
    pending = [f"sbpac_desktop.gui.pages.{name}" for name in PAGE_MODULES]
    watch = IdleWatch(owner)

    def next_module() -> None:
        if not pending:
            watch.stop()
        elif watch.is_idle():
            importlib.import_module(pending.pop(0))
            QTimer.singleShot(0, owner, next_module)
        else:
            QTimer.singleShot(PRELOAD_RETRY_MS, owner, next_module)

    QTimer.singleShot(PRELOAD_DELAY_MS, owner, next_module)


def page_labels() -> dict[str, str]:
    """In the current language; the window's translation context, where the catalogue has them."""
    return {
        "meetings": QCoreApplication.translate("MainWindow", "การประชุม"),
        "directives": QCoreApplication.translate("MainWindow", "ข้อสั่งการ"),
        "dashboard": QCoreApplication.translate("MainWindow", "ภาพรวม"),
        "field_visits": QCoreApplication.translate("MainWindow", "การลงพื้นที่"),
        "network": QCoreApplication.translate("MainWindow", "เครือข่ายภาคประชาชน"),
        "plan": QCoreApplication.translate("MainWindow", "แผนบูรณาการ"),
        "people": QCoreApplication.translate("MainWindow", "บุคคลและหน่วยงาน"),
        "series": QCoreApplication.translate("MainWindow", "ชุดการประชุม"),
        "dimensions": QCoreApplication.translate("MainWindow", "มิติการพัฒนา"),
        "settings": QCoreApplication.translate("MainWindow", "ตั้งค่า"),
        "users": QCoreApplication.translate("MainWindow", "บัญชีผู้ใช้"),
    }


def page_entries(window: MainWindow) -> list[PageEntry]:
    """Nothing is built here; each builder reads `window.ctx` when it runs, so a page built after
    a database switch reads the new database, and is built in the language chosen by then. While
    the database is still opening the list has no users page (no one has signed in yet)."""
    pages = [*PAGES, USERS_PAGE] if can_manage_users(window.ctx if window.is_ready() else None) else PAGES
    labels, style = page_labels(), window.style()
    return [
        PageEntry(key, labels[key], style.standardIcon(pixmap), functools.partial(build, window))
        for key, pixmap, build in pages
    ]
