"""Verbatim minutes (แบบจดละเอียด): who said what per agenda item — stored in order, edited,
moved, deleted, audited, refused with Thai messages, locked once certified, and carried into
the minutes document. Runs on SQLite and PostgreSQL (the ctx fixture)."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import MeetingStatus, UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services.meetings import agenda, documents, meetings, speakers
from sbpac_desktop.services.meetings.speakers import MAX_SPEAKER, MAX_SPEECH, SpeakerInput
from sbpac_desktop.store.models import AuditEntry, SpeakerEntry
from tests.services.helpers import meeting, person, post, series


@pytest.fixture
def item(ctx):
    view = meeting(ctx, series(ctx), date(2019, 10, 22))
    return agenda.add_item(ctx.db, ctx.actor, view.id, agenda.AgendaItemInput(4, "แผนงานบูรณาการ"))


def said(ctx, item_id):
    return [(e.seq, e.speaker, e.text) for e in speakers.list_entries(ctx.db, ctx.actor, item_id)]


def add(ctx, item_id, text, position=None, **speaker):
    return speakers.add_entry(ctx.db, ctx.actor, item_id, SpeakerInput(text, **speaker), position)


def test_speakers_are_kept_in_order_with_their_names_and_posts(ctx, item):
    kitti, post_id = person(ctx), post(ctx)
    add(ctx, item.id, "ขอให้ทุกหน่วยรายงานผลภายในสิ้นเดือน", person_id=kitti, position_id=post_id)
    add(ctx, item.id, "รับทราบและจะดำเนินการ", speaker_text="ผู้แทนกรมบัญชีกลาง")
    add(ctx, item.id, "(ที่ประชุมปรบมือ)", position=1, speaker_text="ที่ประชุม")
    add(ctx, item.id, "เห็นด้วย", person_id=kitti, speaker_text="ผู้อำนวยการกองแผนงาน")
    assert said(ctx, item.id) == [
        (1, "ที่ประชุม", "(ที่ประชุมปรบมือ)"),
        (2, "นายกิตติ พาณิชย์ดี (ผู้ช่วยเลขาธิการ ศอ.บต.)", "ขอให้ทุกหน่วยรายงานผลภายในสิ้นเดือน"),
        (3, "ผู้แทนกรมบัญชีกลาง", "รับทราบและจะดำเนินการ"),
        (4, "นายกิตติ พาณิชย์ดี (ผู้อำนวยการกองแผนงาน)", "เห็นด้วย"),
    ]


def test_edit_move_and_delete_renumber_and_are_audited(ctx, item):
    first = add(ctx, item.id, "หนึ่ง", speaker_text="ก")
    second = add(ctx, item.id, "สอง", speaker_text="ข")
    add(ctx, item.id, "สาม", speaker_text="ค")
    edited = speakers.update_entry(
        ctx.db, ctx.actor, second.id, second.version, SpeakerInput("สองแก้", speaker_text="ข")
    )
    assert (edited.text, edited.version) == ("สองแก้", second.version + 1)
    speakers.move_entry(ctx.db, ctx.actor, first.id, 99)  # clamped to the end
    assert [t for _s, _w, t in said(ctx, item.id)] == ["สองแก้", "สาม", "หนึ่ง"]
    speakers.delete_entry(ctx.db, ctx.actor, second.id)
    assert said(ctx, item.id) == [(1, "ค", "สาม"), (2, "ก", "หนึ่ง")]
    with ctx.db.unit_of_work() as session:
        actions = session.execute(
            select(AuditEntry.action, func.count())
            .where(AuditEntry.entity == "speaker_entry")
            .group_by(AuditEntry.action)
        ).all()
    assert dict(actions) == {"create": 3, "update": 2, "delete": 1}


def test_a_save_based_on_an_older_version_is_a_conflict(ctx, item):
    entry = add(ctx, item.id, "เดิม", speaker_text="ก")
    speakers.update_entry(ctx.db, ctx.actor, entry.id, entry.version, SpeakerInput("ใหม่", speaker_text="ก"))
    with pytest.raises(ConflictError):
        speakers.update_entry(ctx.db, ctx.actor, entry.id, entry.version, SpeakerInput("ทับ", speaker_text="ก"))
    assert said(ctx, item.id) == [(1, "ก", "ใหม่")]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (SpeakerInput("ข้อความ"), "speaker", "กรุณาระบุผู้กล่าว"),
        (SpeakerInput("ข้อความ", speaker_text="   "), "speaker", "กรุณาระบุผู้กล่าว"),
        (SpeakerInput("  ", speaker_text="ก"), "text", "กรุณากรอกข้อความที่กล่าว"),
        (SpeakerInput("ก" * (MAX_SPEECH + 1), speaker_text="ก"), "text", f"ยาวเกิน {MAX_SPEECH} ตัวอักษร"),
        (SpeakerInput("ข้อความ", speaker_text="ข" * (MAX_SPEAKER + 1)), "speaker_text", "ชื่อผู้กล่าวยาวเกิน"),
    ],
)
def test_wrong_input_is_refused_in_thai_and_nothing_is_written(ctx, item, data, field, message):
    with pytest.raises(ValidationError, match=message) as info:
        speakers.add_entry(ctx.db, ctx.actor, item.id, data)
    assert field in [p.field for p in info.value.problems]
    assert all(p.message_en for p in info.value.problems)
    ok = add(ctx, item.id, "เดิม", speaker_text="ก")
    with pytest.raises(ValidationError, match=message):
        speakers.update_entry(ctx.db, ctx.actor, ok.id, ok.version, data)
    assert said(ctx, item.id) == [(1, "ก", "เดิม")]


def test_unknown_person_post_or_item_is_not_found(ctx, item):
    with pytest.raises(NotFound, match="ผู้กล่าว"):
        add(ctx, item.id, "ข้อความ", person_id=999_999)
    with pytest.raises(NotFound, match="ตำแหน่งผู้กล่าว"):
        add(ctx, item.id, "ข้อความ", position_id=999_999)
    with pytest.raises(NotFound, match="เรื่องในระเบียบวาระ"):
        add(ctx, 999_999, "ข้อความ", speaker_text="ก")
    assert said(ctx, item.id) == []


@pytest.mark.parametrize("role", [UserRole.OFFICER, UserRole.VIEWER])
def test_only_the_secretariat_edits_but_everyone_reads(ctx, item, role):
    entry = add(ctx, item.id, "ข้อความ", speaker_text="ก")
    other = replace(ctx.actor, role=role)
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์บันทึกคำกล่าว"):
        speakers.add_entry(ctx.db, other, item.id, SpeakerInput("ใหม่", speaker_text="ข"))
    with pytest.raises(PermissionDenied):
        speakers.delete_entry(ctx.db, other, entry.id)
    assert [e.text for e in speakers.list_entries(ctx.db, other, item.id)] == ["ข้อความ"]


def test_certified_minutes_lock_their_speakers(ctx, item):
    entry = add(ctx, item.id, "ข้อความ", speaker_text="ก")
    meetings.set_status(ctx.db, ctx.actor, item.meeting_id, MeetingStatus.MINUTES_CERTIFIED)
    edits = [
        lambda: add(ctx, item.id, "ใหม่", speaker_text="ข"),
        lambda: speakers.update_entry(ctx.db, ctx.actor, entry.id, entry.version, SpeakerInput("แก้", speaker_text="ก")),
        lambda: speakers.move_entry(ctx.db, ctx.actor, entry.id, 1),
        lambda: speakers.delete_entry(ctx.db, ctx.actor, entry.id),
    ]
    for edit in edits:
        with pytest.raises(ConflictError, match="ได้รับการรับรองแล้ว"):
            edit()
    assert said(ctx, item.id) == [(1, "ก", "ข้อความ")]


def test_minutes_document_carries_the_speeches_and_deleting_the_item_removes_them(ctx, item):
    add(ctx, item.id, "ขอให้เร่งรัด", person_id=person(ctx))
    add(ctx, item.id, "รับทราบ", speaker_text="ผู้แทนกรมบัญชีกลาง")
    doc = documents.minutes_document(ctx.db, ctx.actor, item.meeting_id)
    entry = next(e for s in doc.sections for e in s.entries)
    assert entry.speeches == (("นายกิตติ พาณิชย์ดี", "ขอให้เร่งรัด"), ("ผู้แทนกรมบัญชีกลาง", "รับทราบ"))
    assert all(e.speeches == () for s in documents.agenda_document(ctx.db, ctx.actor, item.meeting_id).sections
               for e in s.entries)  # fmt: skip
    agenda.delete_item(ctx.db, ctx.actor, item.id)
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(SpeakerEntry)) == 0
