"""An officer signed in opens the tracker on ข้อสั่งการของฉัน (directives of the posts they hold),
switches to every directive, and finds the choice kept the next time; other roles see all."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people import org

_logins = itertools.count(1)


def _officer(ctx: AppContext, first_name: str) -> AppContext:
    """A signed-in officer account of the demo person `first_name` (a fresh login per test: the
    scope is remembered per login in the session's settings)."""
    person = next(p.id for p in org.list_people(ctx.db, ctx.actor) if p.first_name == first_name)
    login = f"officer{next(_logins)}"
    data = users.UserInput(login, f"เจ้าหน้าที่ {first_name}", UserRole.OFFICER, "รหัสผ่านยาวพอ-2563", person_id=person)
    view = users.create_user(ctx.db, ctx.actor, data)
    return AppContext(ctx.db, Actor(view.id, view.login, UserRole.OFFICER, view.display_name))


def _page(qtbot: QtBot, ctx: AppContext, wait_ops: Callable[[], None]) -> DirectivesPage:
    page = DirectivesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.ensure_loaded()
    wait_ops()
    return page


def _numbers(page: DirectivesPage) -> list[int]:
    return [row.seq for row in page.model.rows()]


def test_an_officer_starts_on_their_own_directives(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    officer = _officer(work_ctx, "บัญชา")  # ผช.ลธ.(บก.): lead of ขส. 002 and 006
    page = _page(qtbot, officer, wait_ops)
    assert page.scope_filter.isVisible() and page.scope_filter.currentText() == "ข้อสั่งการของฉัน"
    assert _numbers(page) == [2, 6]
    page.scope_filter.setCurrentIndex(page.scope_filter.findText("ทุกข้อสั่งการ"))
    wait_ops()
    assert len(_numbers(page)) == 9
    again = _page(qtbot, officer, wait_ops)  # the next time (a new page, same account): all, as left
    assert again.scope_filter.currentText() == "ทุกข้อสั่งการ" and len(_numbers(again)) == 9
    again.scope_filter.setCurrentIndex(0)
    wait_ops()
    assert _numbers(again) == [2, 6]


def test_mine_combines_with_the_other_filters(qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]) -> None:
    page = _page(qtbot, _officer(work_ctx, "ท้องถิ่น"), wait_ops)  # lead of 007, support of 003 and 008
    assert _numbers(page) == [3, 7, 8]
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    wait_ops()
    assert _numbers(page) == [3]


def test_a_secretary_sees_every_directive_and_no_scope_box(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    page = _page(qtbot, work_ctx, wait_ops)  # the built-in administrator
    assert not page.scope_filter.isVisible()
    assert len(_numbers(page)) == 9
