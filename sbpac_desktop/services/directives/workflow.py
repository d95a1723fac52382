"""What the detail pane shows beside a directive's reports: blocked reason, extension and
closure history, and which workflow actions the signed-in user may take on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.domain.numbering import DIRECTIVE_PREFIX
from sbpac_desktop.domain.workflow import RequestStatus
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.closure import ClosureView, closure_views
from sbpac_desktop.services.directives.extensions import ExtensionView, extension_views
from sbpac_desktop.services.permissions import ISSUER_SIDE, READ_DATA, holds_any, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive
from sbpac_desktop.thai import to_arabic_digits


@dataclass(frozen=True)
class WorkflowView:
    directive_id: int
    version: int
    state: DirectiveState
    blocked_reason: str | None
    blocked_on: date | None
    extensions: tuple[ExtensionView, ...]  # oldest first
    closures: tuple[ClosureView, ...]
    can_act: bool  # report, block, ask for extension or closure (assignee or secretariat)
    can_decide: bool  # approve extensions, acknowledge closure (secretariat)

    @property
    def is_open(self) -> bool:
        return self.state is DirectiveState.OPEN

    @property
    def pending_extension(self) -> ExtensionView | None:
        return next((e for e in self.extensions if e.status is RequestStatus.PENDING), None)

    @property
    def pending_closure(self) -> ClosureView | None:
        return next((c for c in self.closures if c.status is RequestStatus.PENDING), None)

    @property
    def approved_extensions(self) -> tuple[ExtensionView, ...]:
        return tuple(e for e in self.extensions if e.status is RequestStatus.APPROVED)


def get_workflow(db: Database, actor: Actor, directive_id: int, today: date | None = None) -> WorkflowView:
    require(actor, READ_DATA, "ดูข้อมูล")
    today = today or date.today()
    with db.unit_of_work() as session:
        directive = get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        return WorkflowView(
            directive.id,
            directive.version,
            DirectiveState(directive.state),
            directive.blocked_reason,
            directive.blocked_on,
            extension_views(session, [directive.id]).get(directive.id, ()),
            closure_views(session, [directive.id]).get(directive.id, ()),
            holds_any(session, actor, directive.assignments, today),
            actor.role in ISSUER_SIDE,
        )


def find_directive(db: Database, actor: Actor, reference: str) -> int:
    """A directive's id from its id ('12') or its number ('ขส. 003/2563', '003/2563', '๓/๒๕๖๓')."""
    require(actor, READ_DATA, "ดูข้อมูล")
    text = to_arabic_digits(reference).strip().removeprefix(DIRECTIVE_PREFIX).strip()
    with db.unit_of_work() as session:
        if text.isdigit():
            if session.get(Directive, int(text)) is not None:
                return int(text)
        else:
            seq, _slash, year = text.partition("/")
            if seq.strip().isdigit() and year.strip().isdigit():
                query = select(Directive.id).where(Directive.seq == int(seq), Directive.fiscal_year == int(year))
                found = session.scalar(query)
                if found is not None:
                    return found
    raise NotFound(
        f"ไม่พบข้อสั่งการ {reference} (ระบุรหัส หรือเลขที่ เช่น ขส. 003/2563)",
        f"No directive {reference} (give an id or a number such as 003/2563)",
    )
