"""Mark a directive blocked (ติดขัด) with a reason, or clear it. The derived status then reads
'ติดขัด: <reason>' on every screen and in every document until someone unblocks it."""

from __future__ import annotations

from datetime import date

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.workflow import check_reason, require_open
from sbpac_desktop.services.audit_trail import change_row
from sbpac_desktop.services.common import check_version, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveDetail, build_detail
from sbpac_desktop.services.permissions import require_assignee
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive
from sbpac_desktop.thai.normalize import clean


def block(
    db: Database,
    actor: Actor,
    directive_id: int,
    reason: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    """Officer (for a post they hold) or the secretariat; an empty reason is refused."""
    today = today or date.today()
    check_reason(reason, "reason", "เหตุที่ติดขัด", "Reason for the blockage")
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        require_assignee(session, actor, directive.assignments, today, "แจ้งว่าข้อสั่งการติดขัด")
        check_version(directive, expected_version, "ข้อสั่งการ")
        require_open(DirectiveState(directive.state), "แจ้งติดขัด")
        change_row(session, actor, directive, blocked_reason=clean(reason), blocked_on=today)
        return build_detail(session, directive, today)


def unblock(
    db: Database,
    actor: Actor,
    directive_id: int,
    expected_version: int | None = None,
    today: date | None = None,
) -> DirectiveDetail:
    today = today or date.today()
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        require_assignee(session, actor, directive.assignments, today, "ยกเลิกสถานะติดขัด")
        check_version(directive, expected_version, "ข้อสั่งการ")
        if directive.blocked_reason is not None:
            change_row(session, actor, directive, blocked_reason=None, blocked_on=None)
        return build_detail(session, directive, today)
