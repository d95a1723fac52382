"""Deny by default: each action names the roles that may do it."""

from __future__ import annotations

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services.context import Actor

EDIT_MEETINGS = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
EDIT_DIRECTIVES = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
EDIT_MASTER_DATA = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
REPORT_PROGRESS = frozenset({UserRole.ADMIN, UserRole.SECRETARY, UserRole.OFFICER})
# Every role reads today; the check is here so narrower rules (an officer's own posts) slot in.
READ_DATA = frozenset(UserRole)


def require(actor: Actor, allowed: frozenset[UserRole], action_th: str) -> None:
    if actor.role not in allowed:
        raise PermissionDenied(
            f"บัญชี {actor.login} ({actor.role.label}) ไม่มีสิทธิ์{action_th}",
            f"User {actor.login} ({actor.role.value}) may not do this",
        )
