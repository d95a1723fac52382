"""Attachments on SQLite and PostgreSQL: content with its SHA-256 in the database, opened
only as a read-only temporary copy, every bad input refused with a Thai sentence."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sbpac_desktop.domain.enums import MeetingStatus, UserRole
from sbpac_desktop.domain.errors import ConflictError, DatabaseError, PermissionDenied, ValidationError
from sbpac_desktop.services import attachments
from sbpac_desktop.services.attachments import MAX_ATTACHMENT_BYTES, OwnerKind
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.meetings import agenda, meetings
from sbpac_desktop.store.models import Attachment, AuditEntry
from tests.services.helpers import meeting, post, series
from tests.services.workflow_helpers import officer_with_post

BAD_NAMES = [
    "../../../etc/passwd",
    "..\\..\\Windows\\win.ini",
    "รายงาน\x00ลับ.pdf",
    "CON",
    "nul.txt",
    "ก" * 300 + ".pdf",
    "\u202efdp.exe",
    "line\nbreak\r\t.txt",
]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "หนังสือเชิญประชุม.pdf"
    path.write_bytes(b"%PDF-1.4 \xe0\xb8\x81 test content\n" * 50)
    return path


def _agenda_item(ctx) -> int:
    m = meeting(ctx, series(ctx), date(2019, 10, 22))
    return agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "โครงการพัฒนา")).id


def _progress_report(ctx) -> int:
    pid = post(ctx)
    d = directives.create_directive(
        ctx.db,
        ctx.actor,
        DirectiveInput("ให้รายงาน", date(2019, 10, 22), (AssignmentInput(position_id=pid),), due_on=date(2019, 12, 31)),
    )
    detail = progress.add_progress(
        ctx.db, ctx.actor, progress.ProgressInput(d.assignments[0].id, date(2019, 11, 1), 10, "เริ่มแล้ว")
    )
    return detail.reports[0].id


def _as(ctx, role: UserRole):
    return replace(ctx.actor, login=role.value, role=role)


def test_add_list_open_remove_with_audit(ctx, source):
    item_id = _agenda_item(ctx)
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, source)
    content = source.read_bytes()
    assert view.sha256 == hashlib.sha256(content).hexdigest() and view.size == len(content)
    assert view.media_type == "application/pdf" and view.name == source.name
    assert attachments.list_attachments(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id) == [view]
    copy = attachments.open_copy(ctx.db, ctx.actor, view.id)
    assert copy.read_bytes() == content and copy.name == source.name
    assert copy.is_relative_to(attachments.temp_root())
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only
    attachments.remove_attachment(ctx.db, ctx.actor, view.id)
    assert attachments.list_attachments(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id) == []
    with ctx.db.unit_of_work() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "attachment").order_by(AuditEntry.id)
        ).all()
        assert actions == ["create", "delete"]
        # the audit holds the hash, not the blob
        created = session.scalar(select(AuditEntry.after_json).where(AuditEntry.entity == "attachment"))
        assert view.sha256 in created and "test content" not in created


@pytest.mark.parametrize("bad", BAD_NAMES)
def test_hostile_names_are_sanitised_and_copies_stay_in_the_temp_dir(ctx, source, bad):
    item_id = _agenda_item(ctx)
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, source, name=bad)
    assert "/" not in view.name and "\\" not in view.name and "\x00" not in view.name
    assert view.name not in ("", ".", "..") and len(view.name.encode()) <= 180
    root = attachments.temp_root()
    copy = attachments.open_copy(ctx.db, ctx.actor, view.id)
    assert copy.resolve().is_relative_to(root) and copy.read_bytes() == source.read_bytes()
    assert copy.parent.parent == root and list(copy.parent.iterdir()) == [copy]  # one file, one level down


def test_every_owner_kind(ctx, source):
    m = meeting(ctx, series(ctx), date(2019, 10, 22))
    report_id = _progress_report(ctx)
    for kind, owner in ((OwnerKind.MEETING, m.id), (OwnerKind.PROGRESS_REPORT, report_id)):
        view = attachments.add_attachment(ctx.db, ctx.actor, kind, owner, source)
        assert (view.owner_kind, view.owner_id) == (kind, owner)
        assert attachments.list_attachments(ctx.db, ctx.actor, kind, owner) == [view]


def test_over_the_limit_is_refused_in_thai(ctx, tmp_path):
    item_id = _agenda_item(ctx)
    big = tmp_path / "วิดีโอ.mp4"
    with big.open("wb") as handle:  # sparse: no 25 MB written to the disk
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValidationError, match=r"เกินขนาดที่แนบได้ \(25 MB\)"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, big)
    exact = tmp_path / "พอดี.bin"
    exact.write_bytes(b"x" * 2048)
    attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, exact, limit=2048)
    with pytest.raises(ValidationError, match="เกินขนาด"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, exact, limit=2047)
    assert len(attachments.list_attachments(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id)) == 1


def test_missing_folder_and_unreadable_sources(ctx, tmp_path):
    item_id = _agenda_item(ctx)
    with pytest.raises(ValidationError, match=r"ไม่พบไฟล์ ไม่มี\.pdf"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, tmp_path / "ไม่มี.pdf")
    with pytest.raises(ValidationError, match="ไม่ใช่ไฟล์"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, tmp_path)
    mem = Path("/proc/self/mem")  # a regular file whose read fails (EIO), even for root
    if mem.exists():
        with pytest.raises(ValidationError, match="อ่านไฟล์ mem ไม่ได้"):
            attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, mem)
    locked = tmp_path / "ลับ.pdf"
    locked.write_bytes(b"secret")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: permissions do not stop reading")
    with pytest.raises(ValidationError, match=r"ไม่มีสิทธิ์อ่านไฟล์ ลับ\.pdf"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, locked)
    assert attachments.list_attachments(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id) == []


def test_sha_mismatch_is_a_clear_error_and_writes_nothing(ctx, source):
    item_id = _agenda_item(ctx)
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, source)
    with ctx.db.unit_of_work() as session:  # a damaged blob, as a bad disk or a hand edit would leave it
        session.execute(update(Attachment).where(Attachment.id == view.id).values(content=b"tampered"))
    root = attachments.temp_root()
    before = sorted(root.rglob("*"))
    with pytest.raises(DatabaseError, match="SHA-256 ไม่ตรง"):
        attachments.open_copy(ctx.db, ctx.actor, view.id)
    assert sorted(root.rglob("*")) == before


def _report_on(ctx, position_id: int) -> int:
    d = directives.create_directive(
        ctx.db,
        ctx.actor,
        DirectiveInput(
            "ให้รายงาน", date(2019, 10, 22), (AssignmentInput(position_id=position_id),), due_on=date(2019, 12, 31)
        ),
    )
    detail = progress.add_progress(
        ctx.db, ctx.actor, progress.ProgressInput(d.assignments[0].id, date(2019, 11, 1), 10, "เริ่มแล้ว")
    )
    return detail.reports[0].id


def test_roles(ctx, source):
    item_id = _agenda_item(ctx)
    officer, own_post, _secretary = officer_with_post(ctx, code="ผช.(กษ.)", unit="กระทรวงเกษตรและสหกรณ์")
    report_id = _report_on(ctx, own_post)
    viewer = _as(ctx, UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(ctx.db, viewer, OwnerKind.AGENDA_ITEM, item_id, source)
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(ctx.db, officer, OwnerKind.AGENDA_ITEM, item_id, source)
    mine = attachments.add_attachment(ctx.db, officer, OwnerKind.PROGRESS_REPORT, report_id, source)
    with pytest.raises(PermissionDenied):
        attachments.remove_attachment(ctx.db, viewer, mine.id)
    assert attachments.open_copy(ctx.db, viewer, mine.id).read_bytes() == source.read_bytes()
    secretary = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item_id, source)
    with pytest.raises(PermissionDenied):
        attachments.remove_attachment(ctx.db, officer, secretary.id)
    attachments.remove_attachment(ctx.db, officer, mine.id)


def test_officer_attaches_only_to_reports_on_posts_they_hold(ctx, source):
    officer, _own_post, _secretary = officer_with_post(ctx, code="ผช.(กษ.)", unit="กระทรวงเกษตรและสหกรณ์")
    others = _progress_report(ctx)  # on another post (กระทรวงพาณิชย์)
    with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่ง"):
        attachments.add_attachment(ctx.db, officer, OwnerKind.PROGRESS_REPORT, others, source)
    theirs = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.PROGRESS_REPORT, others, source)
    with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่ง"):
        attachments.remove_attachment(ctx.db, officer, theirs.id)
    with ctx.db.unit_of_work() as session:
        assert session.scalar(select(Attachment.id).where(Attachment.id == theirs.id)) == theirs.id


def test_certified_meeting_attachments_are_frozen(ctx, source):
    m = meeting(ctx, series(ctx), date(2019, 10, 22))
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.MEETING, m.id, source)
    meetings.set_status(ctx.db, ctx.actor, m.id, MeetingStatus.MINUTES_CERTIFIED)
    with pytest.raises(ConflictError, match="รับรองแล้ว"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.MEETING, m.id, source)
    with pytest.raises(ConflictError, match="รับรองแล้ว"):
        attachments.remove_attachment(ctx.db, ctx.actor, view.id)


def test_unknown_owner(ctx, source):
    from sbpac_desktop.domain.errors import NotFound

    with pytest.raises(NotFound, match="ไม่พบเรื่องในระเบียบวาระ"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, 9999, source)
