"""audit chain rule 2 and server-side guards: every audit hash re-computed over every column (the
time and id included); on PostgreSQL the server alone appends audit entries (sbpac_audit_append),
derives the directive summary columns, audits any directive change made outside the app, and
CHECKs extension/closure request decisions

Revision ID: 0007_audit_chain
Revises: 0006_office_setup

The re-hash keeps every entry and value; only prev_hash/hash change. It also re-seals whatever
the old chain held: `sbpac-desktop check` before upgrading tells whether that was intact.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import audit_chain, pg_guards, pg_roles

revision = "0007_audit_chain"
down_revision = "0006_office_setup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    audit_chain.rehash(bind)
    if bind.dialect.name != "postgresql":
        return
    with bind.connection.driver_connection.cursor() as cursor:  # plpgsql bodies: no bind parameters
        cursor.execute(audit_chain.PG_FUNCTIONS)
    for statement in audit_chain.PG_TRIGGERS:
        op.execute(statement)
    pg_guards.install(bind, pg_guards.DERIVED_0007)
    groups_exist = bind.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname = 'sbpac_officers'")).scalar()
    if groups_exist:  # an office database: its grants follow the new rules at once, not at the next init
        pg_roles.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        pg_guards.uninstall(bind)
        for statement in audit_chain.PG_DROP:
            op.execute(statement)
    _rehash_rule_1(bind)


def _rehash_rule_1(bind: sa.Connection) -> None:
    """Rule 1 (0001-0006): prev_hash, user_id, action, entity, entity_id, before, after."""
    rows = bind.execute(
        sa.text("SELECT id, user_id, action, entity, entity_id, before_json, after_json FROM audit_entry ORDER BY id")
    ).all()
    previous = None
    updates = []
    for row in rows:
        payload = "|".join(str(p) for p in (previous, *row[1:]))
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        updates.append({"id": row[0], "prev": previous, "hash": digest})
        previous = digest
    if updates:
        bind.execute(sa.text("UPDATE audit_entry SET prev_hash = :prev, hash = :hash WHERE id = :id"), updates)
