"""verbatim minutes (issue #13 item 5): who said what under each agenda item (speaker_entry)

Revision ID: 0010_speaker_entries
Revises: 0009_integrated_plan

On an office database (groups present) the grants are re-run, so the new table follows the rules
at once: staff write, everyone reads (store/pg_roles.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import pg_roles

revision = "0010_speaker_entries"
down_revision = "0009_integrated_plan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "speaker_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("position_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_speaker_entry_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_speaker_entry_person_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["position_id"], ["position.id"], name=op.f("fk_speaker_entry_position_id_position"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_entry")),
    )
    with op.batch_alter_table("speaker_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speaker_entry_agenda_item_id"), ["agenda_item_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    groups_exist = bind.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname = 'sbpac_officers'")).scalar()
    if groups_exist:
        pg_roles.install(bind)


def downgrade() -> None:
    op.drop_table("speaker_entry")
