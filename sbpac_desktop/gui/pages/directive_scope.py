"""The tracker's scope for an officer: "ข้อสั่งการของฉัน" (directives assigned to a post the
officer holds, or to its unit — the posts they report for) or every directive. An officer opens
the tracker on their own work; the choice is remembered per account on this machine. Other roles
see every directive and no scope box (the secretariat issues and follows everything)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QWidget

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.services.app import AppContext

MINE, EVERYTHING = "mine", "all"


def _settings() -> QSettings:
    from sbpac_desktop.gui.main_window import app_settings  # the window's own settings file

    return app_settings()


def _key(ctx: AppContext) -> str:
    return f"directives/scope/{ctx.actor.login}"


def scope_combo(parent: QWidget, ctx: AppContext, changed: Callable[[], None]) -> QComboBox:
    """The scope box: for an officer on the remembered choice (first time: their own work); for
    anyone else hidden on "every directive". `changed` runs when the officer switches."""
    combo = QComboBox(parent)
    combo.setObjectName("scopeFilter")
    combo.addItem(QCoreApplication.translate("DirectiveScope", "ข้อสั่งการของฉัน"), MINE)
    combo.addItem(QCoreApplication.translate("DirectiveScope", "ทุกข้อสั่งการ"), EVERYTHING)
    combo.setToolTip(QCoreApplication.translate("DirectiveScope", "ข้อสั่งการของตำแหน่งที่ท่านดำรงอยู่ หรือทุกข้อสั่งการ"))
    officer = ctx.actor.role is UserRole.OFFICER
    remembered = str(_settings().value(_key(ctx), MINE)) if officer else EVERYTHING
    combo.setCurrentIndex(max(combo.findData(remembered), 0))
    combo.setVisible(officer)
    combo.currentIndexChanged.connect(lambda _index: _settings().setValue(_key(ctx), combo.currentData()))
    combo.currentIndexChanged.connect(lambda _index: changed())
    return combo


def held_by(combo: QComboBox, ctx: AppContext) -> int | None:
    """The user whose posts narrow the tracker (DirectiveFilter.held_by_user), or None: all."""
    return ctx.actor.user_id if combo.currentData() == MINE else None


def show_everything(combo: QComboBox) -> None:
    """A drill-down from the dashboard counts every directive: show them all, silently."""
    if combo.currentData() != EVERYTHING:
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(EVERYTHING))
        combo.blockSignals(False)
