"""The issuing office set once (services/people/office.py) and the letters filled from the demo meeting
(services/meetings/letters.py), on SQLite and PostgreSQL: stored, audited, conflicts, bad input."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.meetings import letters, meetings
from sbpac_desktop.services.meetings import series as series_service
from sbpac_desktop.services.people import office
from sbpac_desktop.services.people.office import OfficeInput
from sbpac_desktop.store.models import AuditEntry
from tests.services.helpers import meeting, series


def png(width: int = 60, height: int = 80) -> bytes:
    """A generated emblem (the app ships none)."""
    image = Image.new("RGB", (width, height), (160, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


GOOD = OfficeInput("ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", "ถนนรามวิถี\nจังหวัดยะลา ๙๕๐๐๐", "๐ ๗๓๒๐ ๓๘๘๑", "นร ๕๒๐๗", png())


def test_defaults_then_saved_audited_and_read_back(ctx):
    before = office.get_office(ctx.db, ctx.actor)
    assert before.name == office.DEFAULT_NAME and before.emblem is None and before.letter_prefix == ""
    saved = office.update_office(ctx.db, ctx.actor, GOOD, before.version)
    assert saved.letter_prefix == "นร 5207" and saved.phone == "0 7320 3881"  # stored with Arabic digits
    assert saved.address == "ถนนรามวิถี\nจังหวัดยะลา ๙๕๐๐๐"  # free text stays as typed
    assert saved.emblem == GOOD.emblem and saved.version > before.version
    assert office.get_office(ctx.db, ctx.actor) == saved
    with ctx.db.unit_of_work() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")))
    assert len(entries) == len(office.KEYS) and {e.action for e in entries} == {"create"}
    cleared = office.update_office(ctx.db, ctx.actor, replace(GOOD, emblem=None), saved.version)
    assert cleared.emblem is None


def test_stale_version_is_a_conflict(ctx):
    first = office.get_office(ctx.db, ctx.actor)
    office.update_office(ctx.db, ctx.actor, GOOD, first.version)
    with pytest.raises(ConflictError):
        office.update_office(ctx.db, ctx.actor, replace(GOOD, phone="1"), first.version)


@pytest.mark.parametrize(
    ("data", "field", "thai"),
    [
        (replace(GOOD, name="  "), "office_name", "กรุณากรอกชื่อส่วนราชการ"),
        (replace(GOOD, name="ก" * 201), "office_name", "ยาวเกิน 200"),
        (replace(GOOD, letter_prefix="นร 5207/ว"), "letter_prefix", "ไม่ต้องมี /"),
        (replace(GOOD, emblem=b"GIF89a...."), "emblem", "PNG หรือ JPEG"),
        (replace(GOOD, emblem=b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024)), "emblem", "ใหญ่เกิน 512 KB"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(ctx, data, field, thai):
    before = office.get_office(ctx.db, ctx.actor)
    with pytest.raises(ValidationError) as caught:
        office.update_office(ctx.db, ctx.actor, data, before.version)
    problem = next(p for p in caught.value.problems if p.field == field)
    assert thai in problem.message_th and problem.message_en
    assert office.get_office(ctx.db, ctx.actor) == before


def test_viewer_reads_but_cannot_change(ctx):
    viewer = replace(ctx.actor, role=UserRole.VIEWER)
    assert office.get_office(ctx.db, viewer).name == office.DEFAULT_NAME
    with pytest.raises(PermissionDenied):
        office.update_office(ctx.db, viewer, GOOD, None)


@pytest.fixture
def demo_meeting(ctx):
    load_demo(ctx.db, ctx.actor)
    office.update_office(ctx.db, ctx.actor, GOOD, office.get_office(ctx.db, ctx.actor).version)
    return meetings.find_meeting(ctx.db, ctx.actor, "10/2562").id


def test_invitation_with_distribution_list_or_one_per_post(ctx, demo_meeting):
    (letter,) = letters.invitation_letters(ctx.db, ctx.actor, demo_meeting, issued_on=date(2019, 10, 15))
    assert letter.number == "นร 5207/ว ........" and letter.issued_on == date(2019, 10, 15)
    assert letter.addressee == letters.DISTRIBUTION_ADDRESSEE and len(letter.distribution) >= 5
    # the series' eleven standing posts, each on its own line: the eight assistant secretaries-general
    # share one title and are told apart by the ministry each is seconded from
    assert len(letter.distribution) == 11
    assert "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)" in letter.distribution
    assert "ผู้ช่วยเลขาธิการ ศอ.บต. (กรมบัญชีกลาง)" in letter.distribution
    assert "เลขาธิการ ศอ.บต." in letter.distribution  # a title held once stays bare
    assert letter.subject.startswith("ขอเชิญประชุม") and "10/2562" in letter.subject
    assert "ห้องประชุม" in letter.body[0] and "22 ตุลาคม 2562" in letter.body[0]
    assert letter.signer.name and letter.agenda is not None and letter.head.emblem == GOOD.emblem
    per_post = letters.invitation_letters(ctx.db, ctx.actor, demo_meeting, per_post=True, running_number="12")
    assert [one.addressee for one in per_post] == list(letter.distribution)
    assert all(one.number == "นร 5207/ว 12" and not one.distribution for one in per_post)


def test_without_standing_members_the_attendance_list_is_the_distribution(ctx, demo_meeting):
    """A series with no standing posts: the attendance list, each assistant secretary-general by name."""
    meeting = meetings.get_meeting(ctx.db, ctx.actor, demo_meeting)
    current = series_service.get_series(ctx.db, ctx.actor, meeting.series_id)
    no_members = replace(current.to_input(), members=())
    series_service.update_series(ctx.db, ctx.actor, current.id, current.version, no_members)
    (letter,) = letters.invitation_letters(ctx.db, ctx.actor, demo_meeting, issued_on=date(2019, 10, 15))
    assistants = [line for line in letter.distribution if line.startswith("ผู้ช่วยเลขาธิการ ศอ.บต. (")]
    assert len(assistants) == len(set(assistants)) >= 2, letter.distribution
    assert "ผู้ช่วยเลขาธิการ ศอ.บต." not in letter.distribution  # never one line for all of them


def test_one_memo_per_unit_with_its_directives(ctx, demo_meeting):
    memos = letters.directive_memos(ctx.db, ctx.actor, demo_meeting, issued_on=date(2019, 10, 25))
    units = [memo.addressee for memo in memos]
    assert len(units) == len(set(units)) >= 2
    for memo in memos:
        assert memo.items and all(item.role in (letters.LEAD, letters.SUPPORT) for item in memo.items)
        assert "ทราบ" in memo.closing and memo.number.startswith("นร 5207/")
    numbers = {item.number for memo in memos for item in memo.items if item.role == letters.LEAD}
    assert all(number.startswith("ขส.") for number in numbers)


def test_memos_for_a_meeting_without_directives(ctx, demo_meeting):
    other = meeting(ctx, series(ctx, "คณะทำงานใหม่"), date(2020, 3, 2)).id
    with pytest.raises(NotFound, match="ยังไม่มีข้อสั่งการ"):
        letters.directive_memos(ctx.db, ctx.actor, other)
    with pytest.raises(NotFound):
        letters.invitation_letters(ctx.db, ctx.actor, 999_999)
