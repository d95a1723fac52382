"""The minutes' opening line when the meeting has no chair person: the series' chair post, or a
dotted line to write the name in by hand — never 'ประธาน ประธานในที่ประชุม'. Read back from the
PDF's text layer, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, time

import pdfplumber
import pytest

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.reporting import minutes
from sbpac_desktop.services.meetings import documents, meetings, series
from sbpac_desktop.services.meetings.documents import CHAIR_TO_FILL_IN
from sbpac_desktop.services.people import org
from tests.reporting.conftest import squeeze

DAY = date(2026, 11, 17)


def _meeting(ctx, chair_position_id: int | None, chair_person_id: int | None = None) -> int:
    made = series.create_series(
        ctx.db, ctx.actor, series.SeriesInput("การประชุมคณะทำงานติดตามข้อสั่งการ", chair_position_id=chair_position_id)
    )
    return meetings.create_meeting(
        ctx.db,
        ctx.actor,
        meetings.MeetingInput(
            made.id,
            "การประชุมคณะทำงานติดตามข้อสั่งการ",
            DAY,
            "ห้องประชุมเจริญจิตต์",
            time(9, 30),
            chair_person_id=chair_person_id,
        ),
    ).id


def _post(ctx) -> int:
    unit = org.create_org_unit(
        ctx.db, ctx.actor, org.OrgUnitInput("ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", OrgUnitKind.AGENCY)
    )
    return org.create_position(
        ctx.db, ctx.actor, org.PositionInput("เลขาธิการ ศอ.บต.", PositionKind.SECRETARY_GENERAL, "ลธ.", unit.id)
    ).id


def _pdf_text(ctx, meeting_id: int, tmp_path) -> str:
    path = minutes.render(documents.minutes_document(ctx.db, ctx.actor, meeting_id, DAY), tmp_path / "m.pdf")
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_no_chair_person_prints_the_series_chair_post(ctx, tmp_path):
    meeting_id = _meeting(ctx, _post(ctx))
    opening = documents.minutes_document(ctx.db, ctx.actor, meeting_id, DAY).opening_text
    assert opening.startswith("เลขาธิการ ศอ.บต. ประธานในที่ประชุม กล่าวเปิดประชุม")
    text = squeeze(_pdf_text(ctx, meeting_id, tmp_path))
    assert squeeze("เลขาธิการ ศอ.บต. ประธานในที่ประชุม กล่าวเปิดประชุม") in text
    assert "ประธานประธานในที่ประชุม" not in text


def test_no_chair_at_all_prints_a_dotted_line_to_fill_in(ctx, tmp_path):
    meeting_id = _meeting(ctx, None)
    opening = documents.minutes_document(ctx.db, ctx.actor, meeting_id, DAY).opening_text
    assert opening == f"{CHAIR_TO_FILL_IN} ประธานในที่ประชุม กล่าวเปิดประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้"
    text = squeeze(_pdf_text(ctx, meeting_id, tmp_path))
    assert squeeze(f"{CHAIR_TO_FILL_IN} ประธานในที่ประชุม") in text
    assert "ประธานประธานในที่ประชุม" not in text


@pytest.mark.parametrize("with_post", [True, False])
def test_a_chair_person_is_printed_by_name_whatever_the_series_says(ctx, with_post):
    person = org.create_person(ctx.db, ctx.actor, org.PersonInput("สมชาย", "ตัวอย่าง", "นาย"))
    meeting_id = _meeting(ctx, _post(ctx) if with_post else None, chair_person_id=person.id)
    opening = documents.minutes_document(ctx.db, ctx.actor, meeting_id, DAY).opening_text
    assert opening.startswith("นายสมชาย ตัวอย่าง ประธานในที่ประชุม")
