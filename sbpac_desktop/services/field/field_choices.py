"""What the field-visit forms offer to pick: open directives (newest first, bounded) and the
assignments of one directive (for turning a finding into its progress report)."""

from __future__ import annotations

from sqlalchemy import select

from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive

CHOICE_LIMIT = 500
TEXT_CHARS = 90


def directive_choices(db: Database, actor: Actor, limit: int = CHOICE_LIMIT) -> list[tuple[str, int]]:
    """('ขส. 004/2563 ให้เร่งรัด…', id) for open directives, newest fiscal year and number first."""
    require(actor, READ_DATA, "ดูข้อมูล")
    query = (
        select(Directive.id, Directive.seq, Directive.fiscal_year, Directive.text)
        .where(Directive.state == DirectiveState.OPEN.value)
        .order_by(Directive.fiscal_year.desc(), Directive.seq.desc())
        .limit(limit)
    )
    with db.unit_of_work() as session:
        rows = session.execute(query).all()
    choices = []
    for directive_id, seq, fiscal_year, text in rows:
        short = " ".join(text.split())
        short = short if len(short) <= TEXT_CHARS else short[: TEXT_CHARS - 1] + "…"
        choices.append((f"{directive_number_text(seq, fiscal_year, thai_digits=False)} {short}", directive_id))
    return choices
