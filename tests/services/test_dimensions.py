"""Development dimensions (มิติการพัฒนา) as a managed list, on SQLite and PostgreSQL: Thai
validation with nothing written, version checks, order, deactivation, who may edit, the audit
trail, and the six of the seed on a new database only (init, first administrator, demo reuse)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services import auth, dimensions
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.dimensions import DimensionInput
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveInput
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import AuditEntry, DevelopmentDimension
from tests.services.workflow_helpers import user


def _add(ctx, name: str, short: str | None = None):
    return dimensions.create_dimension(ctx.db, ctx.actor, DimensionInput(name, short))


def _names(ctx, every: bool = False) -> list[str]:
    return [d.name for d in dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=every)]


def _audit_count(ctx) -> int:
    with ctx.db.unit_of_work() as session:
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "development_dimension")
        return session.scalar(query) or 0


def test_add_edit_in_order_and_audited(ctx):
    first = _add(ctx, "  ความมั่นคง ", "มั่นคง")
    second = _add(ctx, "เศรษฐกิจ")
    assert (first.name, first.short_name, first.sort_order, first.active) == ("ความมั่นคง", "มั่นคง", 1, True)
    assert (second.sort_order, second.short_name, second.label) == (2, None, "เศรษฐกิจ")
    renamed = dimensions.update_dimension(
        ctx.db, ctx.actor, second.id, second.version, DimensionInput("ด้านเศรษฐกิจ", "ศก.")
    )
    assert (renamed.name, renamed.short_name, renamed.label) == ("ด้านเศรษฐกิจ", "ศก.", "ศก.")
    assert _names(ctx) == ["ความมั่นคง", "ด้านเศรษฐกิจ"]
    assert _audit_count(ctx) == 3


@pytest.mark.parametrize(
    ("name", "short", "field", "message"),
    [
        ("", None, "name", "กรุณากรอกชื่อมิติการพัฒนา"),
        ("   ", "x", "name", "กรุณากรอกชื่อมิติการพัฒนา"),
        ("ก" * 201, None, "name", "ชื่อมิติการพัฒนายาวเกิน 200 ตัวอักษร"),
        ("ด้านใหม่", "ข" * 61, "short_name", "ชื่อย่อมิติการพัฒนายาวเกิน 60 ตัวอักษร"),
        ("สังคม", None, "name", "มีมิติการพัฒนาชื่อ “สังคม” อยู่แล้ว"),
        (" สัง คม ", None, "name", "มีมิติการพัฒนาชื่อ “สังคม” อยู่แล้ว"),  # spacing does not make it new
        ("ด้านใหม่", "สค.", "short_name", "ชื่อย่อ “สค.” ซ้ำกับมิติ “สังคม”"),
    ],
)
def test_wrong_input_is_refused_in_thai_and_nothing_written(ctx, name, short, field, message):
    _add(ctx, "สังคม", "สค.")
    before = _audit_count(ctx)
    with pytest.raises(ValidationError) as caught:
        _add(ctx, name, short)
    assert field in {p.field for p in caught.value.problems}
    assert message in caught.value.message_th
    assert _names(ctx, every=True) == ["สังคม"] and _audit_count(ctx) == before


def test_edit_checks_duplicates_against_others_only_and_the_version(ctx):
    a, b = _add(ctx, "สังคม", "สค."), _add(ctx, "เศรษฐกิจ", "ศก.")
    same = dimensions.update_dimension(ctx.db, ctx.actor, a.id, a.version, DimensionInput("สังคม", "สค."))
    assert same.name == "สังคม"  # its own name is not a duplicate
    with pytest.raises(ValidationError, match="ซ้ำกับมิติ “เศรษฐกิจ”"):
        dimensions.update_dimension(ctx.db, ctx.actor, a.id, same.version, DimensionInput("สังคม", "ศก."))
    with pytest.raises(ConflictError):  # a.version is older than the save above
        dimensions.update_dimension(ctx.db, ctx.actor, a.id, a.version - 1, DimensionInput("ด้านสังคม"))
    with pytest.raises(NotFound, match="ไม่พบมิติการพัฒนา"):
        dimensions.update_dimension(ctx.db, ctx.actor, 9_999, 1, DimensionInput("ด้านสังคม"))
    assert _names(ctx) == ["สังคม", "เศรษฐกิจ"] and b.name == "เศรษฐกิจ"


def test_move_renumbers_the_whole_list(ctx):
    views = [_add(ctx, name) for name in ("ก", "ข", "ค", "ง")]
    after = dimensions.move_dimension(ctx.db, ctx.actor, views[3].id, 1, views[3].version)
    assert [(d.name, d.sort_order) for d in after] == [("ง", 1), ("ก", 2), ("ข", 3), ("ค", 4)]
    after = dimensions.move_dimension(ctx.db, ctx.actor, views[0].id, 4)
    assert [d.name for d in after] == ["ง", "ข", "ค", "ก"]
    for wrong in (0, 5):
        with pytest.raises(ValidationError, match="ลำดับต้องอยู่ระหว่าง 1 ถึง 4"):
            dimensions.move_dimension(ctx.db, ctx.actor, views[1].id, wrong)
    with pytest.raises(ConflictError):
        dimensions.move_dimension(ctx.db, ctx.actor, views[0].id, 1, views[0].version)  # moved since
    assert _names(ctx) == ["ง", "ข", "ค", "ก"]


def test_deactivated_dimension_stays_on_its_directives(ctx):
    kept = _add(ctx, "ความมั่นคง")
    made = directives.create_directive(
        ctx.db,
        ctx.actor,
        DirectiveInput("ให้ประสานงาน", date(2019, 10, 22), dimension_id=kept.id, due_on=date(2019, 12, 31)),
    )
    off = dimensions.set_dimension_active(ctx.db, ctx.actor, kept.id, kept.version, False)
    assert not off.active and _names(ctx) == [] and _names(ctx, every=True) == ["ความมั่นคง"]
    listed = dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=True)[0]
    assert listed.directive_count == 1
    assert directives.get_directive(ctx.db, ctx.actor, made.row.id).dimension_id == kept.id
    on = dimensions.set_dimension_active(ctx.db, ctx.actor, kept.id, off.version, True)
    assert on.active and _names(ctx) == ["ความมั่นคง"]
    with pytest.raises(ConflictError):
        dimensions.set_dimension_active(ctx.db, ctx.actor, kept.id, off.version, False)


@pytest.mark.parametrize("role", [UserRole.OFFICER, UserRole.VIEWER])
def test_officer_and_viewer_read_but_cannot_change_the_list(ctx, role):
    view = _add(ctx, "สังคม")
    actor = user(ctx, f"u_{role.value}", role)
    assert [d.name for d in dimensions.list_dimensions(ctx.db, actor)] == ["สังคม"]
    calls = (
        lambda: dimensions.create_dimension(ctx.db, actor, DimensionInput("ใหม่")),
        lambda: dimensions.update_dimension(ctx.db, actor, view.id, view.version, DimensionInput("ใหม่")),
        lambda: dimensions.move_dimension(ctx.db, actor, view.id, 1),
        lambda: dimensions.set_dimension_active(ctx.db, actor, view.id, view.version, False),
        lambda: dimensions.seed_dimension_ids(ctx.db, actor),
    )
    for call in calls:
        with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์"):
            call()
    assert _names(ctx, every=True) == ["สังคม"]


@pytest.mark.parametrize("role", [UserRole.ADMIN, UserRole.SECRETARY])
def test_admin_and_secretary_change_the_list(ctx, role):
    actor = user(ctx, f"u_{role.value}", role)
    view = dimensions.create_dimension(ctx.db, actor, DimensionInput("สังคม"))
    view = dimensions.update_dimension(ctx.db, actor, view.id, view.version, DimensionInput("ด้านสังคม", "สังคม"))
    view = dimensions.set_dimension_active(ctx.db, actor, view.id, view.version, False)
    assert dimensions.move_dimension(ctx.db, actor, view.id, 1)[0].name == "ด้านสังคม"
    with ctx.db.unit_of_work() as session:
        who = set(session.scalars(select(AuditEntry.user_id).where(AuditEntry.entity == "development_dimension")))
    assert who == {actor.user_id}


# --- the six of the seed -------------------------------------------------------------------
SEED = [
    ("ความมั่นคง", "ความมั่นคง"),
    ("เศรษฐกิจ", "เศรษฐกิจ"),
    ("สังคม", "สังคม"),
    ("การบริหารจัดการภาครัฐ", "บริหารภาครัฐ"),
    ("การพัฒนาทรัพยากรมนุษย์", "ทรัพยากรมนุษย์"),
    ("การเสริมสร้างความเข้าใจ", "สร้างความเข้าใจ"),
]


def _seeded(ctx) -> list[tuple[str, str | None]]:
    return [(d.name, d.short_name) for d in dimensions.list_dimensions(ctx.db, ctx.actor, include_inactive=True)]


def test_a_new_database_gets_the_six_once(ctx):
    assert dimensions.seed_new_database(ctx.db) is True
    assert _seeded(ctx) == SEED
    assert dimensions.seed_new_database(ctx.db) is False  # idempotent
    assert _seeded(ctx) == SEED


def test_a_used_database_is_left_as_it_is(ctx):
    org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กระทรวงพาณิชย์"))  # work done before the upgrade
    assert dimensions.seed_new_database(ctx.db) is False
    assert _seeded(ctx) == []


def test_first_administrator_of_a_new_database_gets_the_six(ctx):
    auth.create_first_admin(ctx.db, "somchai", "สมชาย ใจดี", "รหัสผ่านยาวพอ-1")
    assert _seeded(ctx) == SEED


def test_demo_reuses_the_seeded_dimensions_even_renamed(ctx):
    dimensions.seed_new_database(ctx.db)
    security = dimensions.list_dimensions(ctx.db, ctx.actor)[0]
    renamed = DimensionInput("ด้านความมั่นคง", "ความมั่นคง")
    dimensions.update_dimension(ctx.db, ctx.actor, security.id, security.version, renamed)
    load_demo(ctx.db, ctx.actor, as_of=date(2020, 2, 15))
    load_demo(ctx.db, ctx.actor, as_of=date(2020, 2, 15))
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(DevelopmentDimension)) == 6
    counts = {d.name: d.directive_count for d in dimensions.list_dimensions(ctx.db, ctx.actor)}
    assert counts["ด้านความมั่นคง"] >= 1 and sum(counts.values()) == len(directives.list_directives(ctx.db, ctx.actor))
