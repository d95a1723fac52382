"""A directive is tied to places from its editor (a tree จังหวัด → อำเภอ → ตำบล with a search box),
so the tracker's and the dashboard's place filters find it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.dialogs.directive_dialog import NO_DIMENSION, DirectiveDialog
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, type_text

SHOTS = Path("/tmp")


def _codes(ctx: AppContext, directive_id: int) -> list[str]:
    return sorted(p.code for p in places.directive_places(ctx.db, ctx.actor, directive_id))


def _show(qtbot: QtBot, dialog: DirectiveDialog) -> DirectiveDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.frameGeometry().height() <= 720 and dialog.frameGeometry().width() <= 1366
    return dialog


def test_new_directive_saved_with_the_places_typed(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    ctx = work_ctx
    dialog = _show(qtbot, DirectiveDialog(ctx, today=date(2020, 2, 15)))
    assert dialog.places.checked_ids() == [] and dialog.places.chosen.text() == "ยังไม่ได้เลือกพื้นที่"
    dialog.text_edit.setPlainText("ให้สำรวจความต้องการตลาดชุมชนในพื้นที่นำร่อง")
    dialog.lead.set_value(("unit", next(u for u in org.list_org_units(ctx.db, ctx.actor) if u.short_name == "กปส.").id))
    dialog.dimension.set_value(NO_DIMENSION)
    dialog.due_on.set_text("31/03/2563")
    type_text(qtbot, dialog.places.search, "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี")
    dialog.places.pick_typed()
    type_text(qtbot, dialog.places.search, "ไม่มีตำบลนี้")  # an unknown name ticks nothing
    dialog.places.pick_typed()
    stul = places.resolve_place(ctx.db, ctx.actor, "จ.สตูล").id
    dialog.places.pick(stul)
    assert "ต.สะบารัง" in dialog.places.chosen.text() and len(dialog.places.checked_ids()) == 2
    dialog.grab().save(str(SHOTS / "directive_places.png"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait_ops()
    (saved,) = directives.list_directives(ctx.db, ctx.actor, DirectiveFilter(text="ตลาดชุมชนในพื้นที่นำร่อง"))
    assert _codes(ctx, saved.id) == ["91", "940101"]
    in_pattani = DirectiveFilter(
        text="ตลาดชุมชนในพื้นที่นำร่อง", place_id=places.resolve_place(ctx.db, ctx.actor, "ปัตตานี").id
    )
    assert [r.id for r in directives.list_directives(ctx.db, ctx.actor, in_pattani)] == [saved.id]


def test_edit_shows_and_changes_the_stored_places(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    ctx = work_ctx
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.fiscal_year == 2563 and r.seq == 3)
    before = _codes(ctx, row.id)
    assert len(before) == 2  # ต.สะบารัง (ปัตตานี) and ต.สะเตง (ยะลา), from the demo
    dialog = _show(qtbot, DirectiveDialog(ctx, detail=directives.get_directive(ctx.db, ctx.actor, row.id)))
    assert sorted(dialog.places.checked_ids()) == sorted(
        p.id for p in places.directive_places(ctx.db, ctx.actor, row.id)
    )
    yala_tambon = places.resolve_place(ctx.db, ctx.actor, before[1]).id
    assert dialog.places.items[yala_tambon].parent().isExpanded(), "a ticked tambon is shown in its district"
    dialog.places.set_checked([p for p in dialog.places.checked_ids() if p != yala_tambon])
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    wait_ops()
    assert _codes(ctx, row.id) == [before[0]]
    again = _show(qtbot, DirectiveDialog(ctx, detail=directives.get_directive(ctx.db, ctx.actor, row.id)))
    with qtbot.waitSignal(again.accepted):  # places unchanged: only the directive is saved
        again.submit()
    wait_ops()
    assert _codes(ctx, row.id) == [before[0]]


def test_a_place_gone_meanwhile_refuses_the_whole_save(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:
    """The directive and its places are one save: a tambon deactivated after the form was opened is
    refused under the place picker, and neither the new text nor any place is written."""
    from sqlalchemy import update

    from sbpac_desktop.store.models_field import Place

    ctx = work_ctx
    row = next(r for r in directives.list_directives(ctx.db, ctx.actor) if r.fiscal_year == 2563 and r.seq == 3)
    before = _codes(ctx, row.id)
    dialog = _show(qtbot, DirectiveDialog(ctx, detail=directives.get_directive(ctx.db, ctx.actor, row.id)))
    gone = places.resolve_place(ctx.db, ctx.actor, "ต.พิมาน อ.เมืองสตูล").id
    dialog.places.pick(gone)
    dialog.text_edit.setPlainText("ข้อความที่ต้องไม่ถูกบันทึก")
    with ctx.db.unit_of_work() as session:  # geothai dropped the tambon while the form was open
        session.execute(update(Place).where(Place.id == gone).values(active=False))
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and dialog.errors.marked() == ["places"]
    assert dialog.errors.message("places") == (
        "พื้นที่ ต.พิมาน อ.เมืองสตูล จ.สตูล (รหัส 910101) ถูกระงับการใช้งานแล้ว — เอาออกแล้วบันทึกอีกครั้ง"
    )
    stored = directives.get_directive(ctx.db, ctx.actor, row.id)
    assert stored.row.text == row.text and stored.row.version == row.version
    assert _codes(ctx, row.id) == before
    dialog.grab().save(str(SHOTS / "directive_place_refused.png"))
