from datetime import date

import pytest

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.meetings import agenda
from tests.services.helpers import meeting, series


@pytest.fixture
def meeting_id(ctx):
    return meeting(ctx, series(ctx), date(2019, 10, 22)).id


def add(ctx, meeting_id, section, title, parent_id=None, position=None):
    data = agenda.AgendaItemInput(section=section, title=title, parent_id=parent_id)
    return agenda.add_item(ctx.db, ctx.actor, meeting_id, data, position)


def numbers(ctx, meeting_id):
    return [(i.number, i.title) for i in agenda.list_items(ctx.db, ctx.actor, meeting_id)]


def test_numbering_and_reorder(ctx, meeting_id):
    add(ctx, meeting_id, 1, "นโยบาย")
    a = add(ctx, meeting_id, 4, "แผนลงพื้นที่")
    b = add(ctx, meeting_id, 4, "ประเด็น ๖ มิติ")
    sub = add(ctx, meeting_id, 4, "ตัวชี้วัด", parent_id=b.id)
    assert sub.number_text() == "๔.๒.๑"
    agenda.move_item(ctx.db, ctx.actor, b.id, 1)
    assert numbers(ctx, meeting_id) == [
        ("1.1", "นโยบาย"),
        ("4.1", "ประเด็น ๖ มิติ"),
        ("4.1.1", "ตัวชี้วัด"),
        ("4.2", "แผนลงพื้นที่"),
    ]
    agenda.delete_item(ctx.db, ctx.actor, b.id)  # its sub-item goes with it, numbers close up
    assert numbers(ctx, meeting_id) == [("1.1", "นโยบาย"), ("4.1", "แผนลงพื้นที่")]
    assert a.id in [i.id for i in agenda.list_items(ctx.db, ctx.actor, meeting_id)]


def test_insert_at_position_and_move_to_other_section(ctx, meeting_id):
    add(ctx, meeting_id, 4, "ก")
    add(ctx, meeting_id, 4, "ข")
    c = add(ctx, meeting_id, 4, "ค", position=1)
    assert numbers(ctx, meeting_id) == [("4.1", "ค"), ("4.2", "ก"), ("4.3", "ข")]
    agenda.move_item(ctx.db, ctx.actor, c.id, 1, new_section=5)
    assert numbers(ctx, meeting_id) == [("4.1", "ก"), ("4.2", "ข"), ("5.1", "ค")]


def test_section_outside_template_is_refused(ctx, meeting_id):
    with pytest.raises(ValidationError, match="ไม่มีระเบียบวาระที่ 6"):
        add(ctx, meeting_id, 6, "เรื่องอื่น")


def test_three_levels_at_most(ctx, meeting_id):
    top = add(ctx, meeting_id, 4, "ก")
    sub = add(ctx, meeting_id, 4, "ก.๑", parent_id=top.id)
    with pytest.raises(ValidationError, match="ไม่เกินสามระดับ"):
        add(ctx, meeting_id, 4, "ก.๑.๑", parent_id=sub.id)


def test_empty_title_refused(ctx, meeting_id):
    with pytest.raises(ValidationError, match="กรุณากรอกชื่อเรื่อง"):
        add(ctx, meeting_id, 4, "  ")
    assert agenda.list_items(ctx.db, ctx.actor, meeting_id) == []
