"""Service calls behind a drop in the agenda tree (run inside one background operation).

agenda.move_item reorders among siblings and moves an item to the top level of another
section. Putting an item under a different parent item also needs update_item (which
changes the parent and appends), followed by move_item for the exact position.
"""

from __future__ import annotations

from sbpac_desktop.gui.meeting.agenda_model import MoveTarget
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.services.meetings.agenda import AgendaItemInput, AgendaItemView


def item_input(view: AgendaItemView, **changes: object) -> AgendaItemInput:
    """The item as it is, with `changes` (services.meetings.agenda.input_of)."""
    return agenda.input_of(view, **changes)


def _find(views: list[AgendaItemView], item_id: int) -> AgendaItemView:
    return next(v for v in views if v.id == item_id)


def relocate(ctx: AppContext, view: AgendaItemView, target: MoveTarget) -> list[AgendaItemView]:
    db, actor = ctx.db, ctx.actor
    if target.parent_id == view.parent_id and target.section == view.section:
        return agenda.move_item(db, actor, view.id, target.position)
    if target.parent_id is None:
        return agenda.move_item(db, actor, view.id, target.position, new_section=target.section)
    current = view
    if target.section != view.section:
        current = _find(agenda.move_item(db, actor, view.id, 1, new_section=target.section), view.id)
    agenda.update_item(db, actor, view.id, current.version, item_input(current, parent_id=target.parent_id))
    return agenda.move_item(db, actor, view.id, target.position)


def step(ctx: AppContext, view: AgendaItemView, delta: int) -> list[AgendaItemView]:
    """Move up (-1) or down (+1) among its siblings (the keyboard way to reorder)."""
    return agenda.move_item(ctx.db, ctx.actor, view.id, max(1, view.position + delta))
