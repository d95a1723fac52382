"""A directive and its places are saved in one transaction (issue #15), on SQLite and PostgreSQL:
`DirectiveInput.place_ids` is written by create and update with the directive, audited; None leaves
an edited directive's places alone; an unknown or inactive place refuses the whole save in Thai and
nothing at all is written (no directive, no places, no audit entry, no new version)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import func, select, update

from sbpac_desktop.domain.errors import PermissionDenied, ValidationError
from sbpac_desktop.services import places
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.store.models import AuditEntry, Directive
from sbpac_desktop.store.models_field import DirectivePlace, Place
from tests.services.workflow_helpers import AS_OF, DUE, ISSUED, officer_with_post


@pytest.fixture
def area(ctx):
    places.sync_places(ctx.db, ctx.actor)
    with ctx.db.unit_of_work() as session:
        return {p.code: p.id for p in session.scalars(select(Place))}


def _input(position_id: int, **changes) -> DirectiveInput:
    data = {
        "text": "ให้สำรวจความต้องการตลาดชุมชนในพื้นที่นำร่อง",
        "issued_on": ISSUED,
        "assignments": (AssignmentInput(position_id=position_id),),
        "due_on": DUE,
        **changes,
    }
    return DirectiveInput(**data)


def _codes(ctx, directive_id: int) -> list[str]:
    return [p.code for p in places.directive_places(ctx.db, ctx.actor, directive_id)]


def _counts(ctx) -> tuple[int, int, int]:
    with ctx.db.unit_of_work() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) for model in (Directive, DirectivePlace, AuditEntry)
        )


def _place_entries(ctx, directive_id: int) -> list[tuple[list, list]]:
    import json

    with ctx.db.unit_of_work() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "directive_place", AuditEntry.entity_id == directive_id)
            .order_by(AuditEntry.id)
        )
        return [(json.loads(r.before_json)["places"], json.loads(r.after_json)["places"]) for r in rows]


def test_create_writes_the_places_with_the_directive_audited(ctx, area):
    _officer, position_id, secretary = officer_with_post(ctx)
    wanted = (area["940101"], area["91"], area["940101"])  # a repeat is kept once
    saved = directives.create_directive(ctx.db, secretary, _input(position_id, place_ids=wanted), today=AS_OF)
    assert _codes(ctx, saved.row.id) == ["91", "940101"]
    assert _place_entries(ctx, saved.row.id) == [([], ["91", "940101"])]
    in_pattani = directives.DirectiveFilter(place_id=area["94"])
    assert [r.id for r in directives.list_directives(ctx.db, ctx.actor, in_pattani, today=AS_OF)] == [saved.row.id]
    bare = directives.create_directive(ctx.db, secretary, _input(position_id, text="ไม่มีพื้นที่"), today=AS_OF)
    assert _codes(ctx, bare.row.id) == [] and _place_entries(ctx, bare.row.id) == []


def test_update_replaces_keeps_or_clears_the_places(ctx, area):
    _officer, position_id, secretary = officer_with_post(ctx)
    saved = directives.create_directive(ctx.db, secretary, _input(position_id, place_ids=(area["95"],)), today=AS_OF)
    changed = directives.update_directive(
        ctx.db, secretary, saved.row.id, saved.row.version, _input(position_id, place_ids=(area["9601"],))
    )
    assert _codes(ctx, saved.row.id) == ["9601"] and changed.row.version > saved.row.version
    kept = directives.update_directive(
        ctx.db, secretary, saved.row.id, changed.row.version, _input(position_id, text="แก้ข้อความเท่านั้น")
    )  # place_ids None: the places stay as they are, no places entry
    assert _codes(ctx, saved.row.id) == ["9601"] and kept.row.text == "แก้ข้อความเท่านั้น"
    same = directives.update_directive(
        ctx.db, secretary, saved.row.id, kept.row.version, _input(position_id, place_ids=(area["9601"],))
    )  # the same places again: nothing to audit for them
    directives.update_directive(ctx.db, secretary, saved.row.id, same.row.version, _input(position_id, place_ids=()))
    assert _codes(ctx, saved.row.id) == []
    assert _place_entries(ctx, saved.row.id) == [([], ["95"]), (["95"], ["9601"]), (["9601"], [])]


@pytest.mark.parametrize("bad", ["unknown", "inactive"])
def test_a_bad_place_refuses_the_whole_create(ctx, area, bad):
    _officer, position_id, secretary = officer_with_post(ctx)
    place_id, message = 999_999, "ไม่พบพื้นที่รหัส 999999 ในรายการพื้นที่ จชต."
    if bad == "inactive":  # geothai dropped it after the form was filled
        place_id, message = area["940101"], "พื้นที่ ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี (รหัส 940101) ถูกระงับการใช้งานแล้ว"
        with ctx.db.unit_of_work() as session:
            session.execute(update(Place).where(Place.id == place_id).values(active=False))
    before = _counts(ctx)
    with pytest.raises(ValidationError, match=re.escape(message)) as refused:
        directives.create_directive(
            ctx.db, secretary, _input(position_id, place_ids=(area["91"], place_id)), today=AS_OF
        )
    assert refused.value.problems[0].field == "places"  # the form shows it under the place picker
    assert _counts(ctx) == before  # no directive, no place, no audit entry


def test_a_bad_place_refuses_the_whole_update(ctx, area):
    _officer, position_id, secretary = officer_with_post(ctx)
    saved = directives.create_directive(ctx.db, secretary, _input(position_id, place_ids=(area["95"],)), today=AS_OF)
    before = _counts(ctx)
    data = _input(position_id, text="ข้อความใหม่ที่ไม่ควรถูกบันทึก", place_ids=(area["96"], 999_999))
    with pytest.raises(ValidationError, match="ไม่พบพื้นที่รหัส 999999"):
        directives.update_directive(ctx.db, secretary, saved.row.id, saved.row.version, data)
    assert _counts(ctx) == before
    stored = directives.get_directive(ctx.db, ctx.actor, saved.row.id, today=AS_OF)
    assert (stored.row.text, stored.row.version) == (saved.row.text, saved.row.version)
    assert _codes(ctx, saved.row.id) == ["95"]


def test_only_directive_editors_set_places_and_the_old_call_still_works(ctx, area):
    officer, position_id, secretary = officer_with_post(ctx)
    saved = directives.create_directive(ctx.db, secretary, _input(position_id), today=AS_OF)
    data = dataclasses.replace(_input(position_id), place_ids=(area["94"],))
    with pytest.raises(PermissionDenied):
        directives.update_directive(ctx.db, officer, saved.row.id, saved.row.version, data)
    assert _codes(ctx, saved.row.id) == []
    views = places.set_directive_places(ctx.db, secretary, saved.row.id, [area["94"]])  # the demo's field story
    assert [v.code for v in views] == ["94"] and _place_entries(ctx, saved.row.id) == [([], ["94"])]
