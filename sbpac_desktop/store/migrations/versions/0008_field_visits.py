"""field follow-up (issue #15): places from geothai (province, district, subdistrict) and their links
to directives and visits, field visits with their posts, directives and findings, visit files in the
attachment store, the civil-society network and volunteer graduates with their reports, and search
over visits, findings and network reports

Revision ID: 0008_field_visits
Revises: 0007_audit_chain

The search index rowids change from id * 4 + kind to id * 8 + kind: the SQLite triggers are dropped,
re-created and the index refilled. On an office database (groups present) the grants are re-run so
the new tables follow the same rules at once (staff write, everyone reads).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sbpac_desktop.store import pg_roles, search_index

revision = "0008_field_visits"
down_revision = "0007_audit_chain"
branch_labels = None
depends_on = None

_ONE_OWNER_BEFORE = (
    "CAST(agenda_item_id IS NOT NULL AS INTEGER) + CAST(progress_report_id IS NOT NULL AS INTEGER)"
    " + CAST(meeting_id IS NOT NULL AS INTEGER) = 1"
)
_ONE_OWNER_AFTER = _ONE_OWNER_BEFORE[:-4] + " + CAST(field_visit_id IS NOT NULL AS INTEGER) = 1"
_NEW_TABLES = (
    "visit_finding",
    "field_visit_directive",
    "external_report",
    "directive_place",
    "field_visit_position",
    "field_visit_place",
    "field_visit",
    "network_member",
    "place",
)
_NEW_KINDS = ("field_visit", "visit_finding", "external_report")


def upgrade() -> None:
    _create_tables()
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("field_visit_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_attachment_field_visit_id"), ["field_visit_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_attachment_field_visit_id_field_visit"),
            "field_visit",
            ["field_visit_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.drop_constraint("one_owner", type_="check")
        batch.create_check_constraint("one_owner", sa.text(_ONE_OWNER_AFTER))
    _reindex()


def _reindex() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if search_index.sqlite_has_index(bind):
            search_index.drop_sqlite_triggers(bind)
            search_index.rebuild_sqlite(bind)
            search_index.install_sqlite_triggers(bind)
        return
    if bind.dialect.name != "postgresql":
        return
    search_index.install_postgresql(bind)
    groups_exist = bind.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname = 'sbpac_officers'")).scalar()
    if groups_exist:
        pg_roles.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and search_index.sqlite_has_index(bind):
        search_index.drop_sqlite_triggers(bind)
    if bind.dialect.name == "postgresql":
        search_index.drop_postgresql(bind, [search_index.INDEX_PREFIX + t for t in _NEW_KINDS])
    op.execute("DELETE FROM attachment WHERE field_visit_id IS NOT NULL")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_constraint("one_owner", type_="check")
        batch.create_check_constraint("one_owner", sa.text(_ONE_OWNER_BEFORE))
        batch.drop_constraint(batch.f("fk_attachment_field_visit_id_field_visit"), type_="foreignkey")
        batch.drop_index(batch.f("ix_attachment_field_visit_id"))
        batch.drop_column("field_visit_id")
    for table in _NEW_TABLES:
        op.drop_table(table)
    # the rowids of the remaining kinds still use the current KIND_CODES: refill once the tables are gone
    if bind.dialect.name == "sqlite" and search_index.sqlite_has_index(bind):
        search_index.rebuild_sqlite(bind)
        search_index.install_sqlite_triggers(bind)


def _create_tables() -> None:
    _create_tables_place()
    _create_tables_network_member()
    _create_tables_field_visit_to_field_visit_place()
    _create_tables_field_visit_position_to_directive_place()
    _create_tables_external_report()
    _create_tables_field_visit_directive()
    _create_tables_visit_finding()


def _create_tables_place() -> None:
    op.create_table(
        "place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("province_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("level IN ('province', 'district', 'subdistrict')", name=op.f("ck_place_level_known")),
        sa.ForeignKeyConstraint(
            ["district_id"], ["place.id"], name=op.f("fk_place_district_id_place"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["place.id"], name=op.f("fk_place_parent_id_place"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["province_id"], ["place.id"], name=op.f("fk_place_province_id_place"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
        sa.UniqueConstraint("code", name=op.f("uq_place_code")),
    )
    with op.batch_alter_table("place", schema=None) as batch:
        batch.create_index(batch.f("ix_place_district_id"), ["district_id"], unique=False)
        batch.create_index("ix_place_parent_name", ["parent_id", "name_th"], unique=False)
        batch.create_index(batch.f("ix_place_province_id"), ["province_id"], unique=False)


def _create_tables_network_member() -> None:

    op.create_table(
        "network_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("active_from", sa.Date(), nullable=True),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('network', 'volunteer')", name=op.f("ck_network_member_kind_known")),
        sa.CheckConstraint(
            "active_to IS NULL OR active_from IS NULL OR active_to >= active_from", name=op.f("ck_network_member_dates")
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_network_member_place_id_place"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_member")),
        sa.UniqueConstraint("kind", "full_name", "place_id", name=op.f("uq_network_member_kind_full_name_place_id")),
    )
    with op.batch_alter_table("network_member", schema=None) as batch:
        batch.create_index(batch.f("ix_network_member_place_id"), ["place_id"], unique=False)


def _create_tables_field_visit_to_field_visit_place() -> None:

    op.create_table(
        "field_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("visit_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("lead_position_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("issues", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('planned', 'done', 'cancelled')", name=op.f("ck_field_visit_status_known")),
        sa.CheckConstraint("end_on IS NULL OR end_on >= visit_on", name=op.f("ck_field_visit_dates")),
        sa.ForeignKeyConstraint(
            ["lead_position_id"],
            ["position.id"],
            name=op.f("fk_field_visit_lead_position_id_position"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit")),
    )
    with op.batch_alter_table("field_visit", schema=None) as batch:
        batch.create_index("ix_field_visit_visit_on", ["visit_on"], unique=False)

    op.create_table(
        "field_visit_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_field_visit_place_place_id_place"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["field_visit.id"], name=op.f("fk_field_visit_place_visit_id_field_visit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit_place")),
        sa.UniqueConstraint("visit_id", "place_id", name=op.f("uq_field_visit_place_visit_id_place_id")),
    )
    with op.batch_alter_table("field_visit_place", schema=None) as batch:
        batch.create_index(batch.f("ix_field_visit_place_place_id"), ["place_id"], unique=False)
        batch.create_index(batch.f("ix_field_visit_place_visit_id"), ["visit_id"], unique=False)


def _create_tables_field_visit_position_to_directive_place() -> None:

    op.create_table(
        "field_visit_position",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["position_id"],
            ["position.id"],
            name=op.f("fk_field_visit_position_position_id_position"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["field_visit.id"],
            name=op.f("fk_field_visit_position_visit_id_field_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit_position")),
        sa.UniqueConstraint("visit_id", "position_id", name=op.f("uq_field_visit_position_visit_id_position_id")),
    )
    with op.batch_alter_table("field_visit_position", schema=None) as batch:
        batch.create_index(batch.f("ix_field_visit_position_position_id"), ["position_id"], unique=False)
        batch.create_index(batch.f("ix_field_visit_position_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "directive_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name=op.f("fk_directive_place_directive_id_directive"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_directive_place_place_id_place"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directive_place")),
        sa.UniqueConstraint("directive_id", "place_id", name=op.f("uq_directive_place_directive_id_place_id")),
    )
    with op.batch_alter_table("directive_place", schema=None) as batch:
        batch.create_index(batch.f("ix_directive_place_directive_id"), ["directive_id"], unique=False)
        batch.create_index(batch.f("ix_directive_place_place_id"), ["place_id"], unique=False)


def _create_tables_external_report() -> None:

    op.create_table(
        "external_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("report_on", sa.Date(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "rating IN ('effective', 'partial', 'not_effective')", name=op.f("ck_external_report_rating_known")
        ),
        sa.CheckConstraint(
            "directive_id IS NOT NULL OR place_id IS NOT NULL", name=op.f("ck_external_report_has_subject")
        ),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name=op.f("fk_external_report_directive_id_directive"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["network_member.id"],
            name=op.f("fk_external_report_member_id_network_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_external_report_place_id_place"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_report")),
    )
    with op.batch_alter_table("external_report", schema=None) as batch:
        batch.create_index(batch.f("ix_external_report_directive_id"), ["directive_id"], unique=False)
        batch.create_index(batch.f("ix_external_report_member_id"), ["member_id"], unique=False)
        batch.create_index(batch.f("ix_external_report_place_id"), ["place_id"], unique=False)
        batch.create_index("ix_external_report_report_on", ["report_on"], unique=False)


def _create_tables_field_visit_directive() -> None:

    op.create_table(
        "field_visit_directive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name=op.f("fk_field_visit_directive_directive_id_directive"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["field_visit.id"],
            name=op.f("fk_field_visit_directive_visit_id_field_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit_directive")),
        sa.UniqueConstraint("visit_id", "directive_id", name=op.f("uq_field_visit_directive_visit_id_directive_id")),
    )
    with op.batch_alter_table("field_visit_directive", schema=None) as batch:
        batch.create_index(batch.f("ix_field_visit_directive_directive_id"), ["directive_id"], unique=False)
        batch.create_index(batch.f("ix_field_visit_directive_visit_id"), ["visit_id"], unique=False)


def _create_tables_visit_finding() -> None:

    op.create_table(
        "visit_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("directive_id", sa.Integer(), nullable=True),
        sa.Column("progress_report_id", sa.Integer(), nullable=True),
        sa.Column("proposal_state", sa.String(length=20), nullable=True),
        sa.Column("proposal_title", sa.Text(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "proposal_state IS NULL OR proposal_state IN ('proposed', 'accepted', 'dropped')",
            name=op.f("ck_visit_finding_proposal_known"),
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_visit_finding_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name=op.f("fk_visit_finding_directive_id_directive"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_visit_finding_place_id_place"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["progress_report_id"],
            ["progress_report.id"],
            name=op.f("fk_visit_finding_progress_report_id_progress_report"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["field_visit.id"], name=op.f("fk_visit_finding_visit_id_field_visit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_finding")),
    )
    with op.batch_alter_table("visit_finding", schema=None) as batch:
        batch.create_index(batch.f("ix_visit_finding_directive_id"), ["directive_id"], unique=False)
        batch.create_index("ix_visit_finding_proposal_state", ["proposal_state"], unique=False)
        batch.create_index(batch.f("ix_visit_finding_visit_id"), ["visit_id"], unique=False)
