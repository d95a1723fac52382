"""Files attached to a meeting, an agenda item, a progress report or a field visit.

The content lives in the database with its SHA-256 (so a backup holds everything and a
damaged blob is noticed); the original name is only a label. Opening an attachment writes
a read-only temporary copy under this process's private folder — never anywhere else —
after checking the SHA-256 again.
"""

from __future__ import annotations

import atexit
import hashlib
import mimetypes
import os
import shutil
import stat
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import DatabaseError, ValidationError
from sbpac_desktop.services.attachment_names import safe_file_name, stored_name
from sbpac_desktop.services.audit_trail import add_row, erase_row
from sbpac_desktop.services.common import ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, REPORT_PROGRESS, require, require_assignee
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Assignment, Attachment, Meeting, ProgressReport
from sbpac_desktop.store.models_field import FieldVisit

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
_MB = 1024 * 1024


class OwnerKind(StrEnum):
    MEETING = "meeting"
    AGENDA_ITEM = "agenda_item"
    PROGRESS_REPORT = "progress_report"
    FIELD_VISIT = "field_visit"  # photos and evidence of a visit (services/field/field_visits.py)


_OWNER_LABEL = {
    OwnerKind.MEETING: "การประชุม",
    OwnerKind.AGENDA_ITEM: "เรื่องในระเบียบวาระ",
    OwnerKind.PROGRESS_REPORT: "รายงานผลการดำเนินการ",
    OwnerKind.FIELD_VISIT: "การลงพื้นที่",
}
_OWNER_MODEL = {
    OwnerKind.MEETING: Meeting,
    OwnerKind.AGENDA_ITEM: AgendaItem,
    OwnerKind.PROGRESS_REPORT: ProgressReport,
    OwnerKind.FIELD_VISIT: FieldVisit,
}
_OWNER_COLUMN = {
    OwnerKind.MEETING: Attachment.meeting_id,
    OwnerKind.AGENDA_ITEM: Attachment.agenda_item_id,
    OwnerKind.PROGRESS_REPORT: Attachment.progress_report_id,
    OwnerKind.FIELD_VISIT: Attachment.field_visit_id,
}


@dataclass(frozen=True)
class AttachmentView:
    id: int
    owner_kind: OwnerKind
    owner_id: int
    name: str  # safe to show and to use as a file name
    media_type: str
    size: int
    sha256: str
    created_at: datetime

    def size_text(self) -> str:
        if self.size >= _MB:
            return f"{self.size / _MB:.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB" if self.size else "0 KB"


def _owner_of(row: Attachment) -> tuple[OwnerKind, int]:
    for kind, column in _OWNER_COLUMN.items():
        value = getattr(row, column.key)
        if value is not None:
            return kind, value
    raise AssertionError("an attachment always has exactly one owner (database constraint)")


def _view(row: Attachment) -> AttachmentView:
    kind, owner_id = _owner_of(row)
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)  # SQLite drops it
    return AttachmentView(
        row.id, kind, owner_id, safe_file_name(row.original_name), row.media_type, row.size, row.sha256, created
    )


def _check_owner(session: Session, actor: Actor, kind: OwnerKind, owner_id: int, action_th: str) -> None:
    """Meetings and agenda items: secretariat roles, not once certified; progress reports: reporters;
    field visits: the secretariat (EDIT_MEETINGS) files a visit's evidence at any time."""
    require(actor, REPORT_PROGRESS if kind is OwnerKind.PROGRESS_REPORT else EDIT_MEETINGS, action_th)
    owner = get_or_raise(session, _OWNER_MODEL[kind], owner_id, _OWNER_LABEL[kind])
    if isinstance(owner, Meeting):
        ensure_meeting_editable(owner)
    elif isinstance(owner, AgendaItem):
        ensure_meeting_editable(get_or_raise(session, Meeting, owner.meeting_id, "การประชุม"))
    elif isinstance(owner, ProgressReport):
        # The same rule as the report itself: an officer only on a post (or its unit) they hold.
        assignment = get_or_raise(session, Assignment, owner.assignment_id, "การมอบหมาย")
        require_assignee(session, actor, [assignment], date.today(), action_th)


def read_source(path: Path, limit: int = MAX_ATTACHMENT_BYTES) -> bytes:
    """The file's bytes, or a sentence a clerk understands (missing, a folder, unreadable, too big,
    empty, or changed while it was read — a download or a save still running)."""
    shown = safe_file_name(path.name)
    problem = _source_problem(path, shown, limit)
    if problem is not None:
        raise ValidationError.single("file", *problem)
    try:
        content, problem = _read_checked(path, shown, limit)
    except OSError as exc:
        raise ValidationError.single(
            "file", f"อ่านไฟล์ {shown} ไม่ได้ ({exc.strerror or exc})", f"Cannot read {shown}: {exc}"
        ) from exc
    if problem is not None:
        raise ValidationError.single("file", *problem)
    return content


def _read_checked(path: Path, shown: str, limit: int) -> tuple[bytes, tuple[str, str] | None]:
    """Read through one open handle and compare it with its own fstat before and after, so a
    file swapped for a pipe after the check never blocks, and one cut short or grown while it
    was read is refused instead of being stored half."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        before = os.fstat(handle.fileno())
        if not stat.S_ISREG(before.st_mode):  # replaced since the check (a pipe would block a read)
            return b"", _not_a_file(shown)
        content = handle.read(limit + 1)  # the file may have grown since stat()
        after = os.fstat(handle.fileno())
    if len(content) > limit:
        return b"", _too_big(shown, len(content), limit)
    if len(content) != before.st_size or (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        return b"", (
            f"ไฟล์ {shown} เปลี่ยนไประหว่างที่อ่าน (ขนาด {before.st_size:,} ไบต์ แต่อ่านได้ {len(content):,} ไบต์)"
            " — อาจกำลังบันทึกหรือดาวน์โหลดอยู่ โปรดรอให้เสร็จแล้วแนบใหม่",
            f"{shown} changed while it was read ({before.st_size} bytes by stat, {len(content)} read)",
        )
    if not content:
        return b"", (
            f"ไฟล์ {shown} ว่างเปล่า (0 ไบต์) — ไม่มีเนื้อหาให้แนบ โปรดตรวจสอบไฟล์ต้นฉบับ",
            f"{shown} is empty (0 bytes)",
        )
    return content, None


def _source_problem(path: Path, shown: str, limit: int) -> tuple[str, str] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"ไม่พบไฟล์ {shown} — อาจถูกย้ายหรือลบไปแล้ว", f"File {shown} not found"
    except OSError as exc:
        return f"เปิดไฟล์ {shown} ไม่ได้ ({exc.strerror or exc})", f"Cannot open {shown}: {exc}"
    except ValueError:  # a NUL in the path: no file system can hold that name
        return f"ชื่อไฟล์ {shown} มีอักขระที่ใช้ไม่ได้ — โปรดเลือกไฟล์ใหม่", f"The path of {shown} holds a NUL character"
    if not stat.S_ISREG(info.st_mode):
        return _not_a_file(shown)
    if not os.access(path, os.R_OK):
        return f"ไม่มีสิทธิ์อ่านไฟล์ {shown}", f"No permission to read {shown}"
    if info.st_size > limit:
        return _too_big(shown, info.st_size, limit)
    return None


def _not_a_file(shown: str) -> tuple[str, str]:
    return f"{shown} ไม่ใช่ไฟล์ (อาจเป็นโฟลเดอร์) — โปรดเลือกไฟล์", f"{shown} is not a regular file"


def _too_big(shown: str, size: int, limit: int) -> tuple[str, str]:
    return (
        f"ไฟล์ {shown} มีขนาด {size / _MB:.1f} MB เกินขนาดที่แนบได้ ({limit / _MB:.0f} MB) — โปรดย่อหรือแบ่งไฟล์",
        f"{shown} is {size} bytes; the limit is {limit} bytes",
    )


def add_attachment(
    db: Database,
    actor: Actor,
    owner_kind: OwnerKind,
    owner_id: int,
    source: Path | str,
    *,
    name: str | None = None,
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Store the file at `source` (read before the transaction starts); `name` overrides its label."""
    kind = OwnerKind(owner_kind)
    require(actor, REPORT_PROGRESS if kind is OwnerKind.PROGRESS_REPORT else EDIT_MEETINGS, "แนบไฟล์")
    path = Path(source)
    content = read_source(path, limit)
    label = stored_name(name if name is not None else path.name)
    with db.unit_of_work() as session:
        _check_owner(session, actor, kind, owner_id, "แนบไฟล์")
        row = Attachment(
            original_name=label,
            media_type=mimetypes.guess_type(safe_file_name(label))[0] or "application/octet-stream",
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
        setattr(row, _OWNER_COLUMN[kind].key, owner_id)
        add_row(session, actor, row)
        return _view(row)


def list_attachments(db: Database, actor: Actor, owner_kind: OwnerKind, owner_id: int) -> list[AttachmentView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    kind = OwnerKind(owner_kind)
    columns = [c for c in Attachment.__table__.c if c.key != "content"]  # never load the blobs for a list
    with db.unit_of_work() as session:
        query = select(*columns).where(_OWNER_COLUMN[kind] == owner_id).order_by(Attachment.id)
        return [_view(Attachment(**row)) for row in session.execute(query).mappings()]


def remove_attachment(db: Database, actor: Actor, attachment_id: int) -> None:
    with db.unit_of_work() as session:
        row = get_or_raise(session, Attachment, attachment_id, "ไฟล์แนบ")
        kind, owner_id = _owner_of(row)
        _check_owner(session, actor, kind, owner_id, "ลบไฟล์แนบ")
        erase_row(session, actor, row)


# --- temporary copies ---------------------------------------------------------------
_temp_lock = threading.Lock()
_temp_root: Path | None = None


def temp_root() -> Path:
    """This process's private folder (mode 0700) for opened copies; removed at exit."""
    global _temp_root
    with _temp_lock:
        if _temp_root is None or not _temp_root.is_dir():
            _temp_root = Path(tempfile.mkdtemp(prefix="sbpac-attachments-")).resolve()
            atexit.register(shutil.rmtree, _temp_root, True)
        return _temp_root


def open_copy(db: Database, actor: Actor, attachment_id: int) -> Path:
    """Verify the SHA-256, then write a read-only copy under `temp_root()` and return its path."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        row = get_or_raise(session, Attachment, attachment_id, "ไฟล์แนบ")
        name, content, expected = safe_file_name(row.original_name), bytes(row.content), row.sha256
    if hashlib.sha256(content).hexdigest() != expected or len(content) != row.size:
        raise DatabaseError(
            f"ไฟล์แนบ {name} เสียหาย (รหัสตรวจสอบ SHA-256 ไม่ตรงกับที่บันทึกไว้) — ไม่ได้เปิดไฟล์ โปรดแจ้งผู้ดูแลระบบเพื่อกู้คืนจากข้อมูลสำรอง",
            f"Attachment {attachment_id} ({name}) failed its SHA-256 check; not opened",
        )
    return _write_copy(name, content)


def _write_copy(name: str, content: bytes) -> Path:
    root = temp_root()
    folder = Path(tempfile.mkdtemp(dir=root))  # one folder per copy: same names never collide
    target = (folder / name).resolve()
    if target.parent != folder.resolve() or not target.is_relative_to(root):
        raise AssertionError(f"unsafe attachment path {target!r}")  # safe_file_name guarantees this
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        target.chmod(0o400)  # a copy: edits belong in a new attachment, not in a temp file
    except OSError as exc:
        raise DatabaseError(
            f"สร้างสำเนาไฟล์ {name} ในโฟลเดอร์ชั่วคราวไม่ได้ ({exc.strerror or exc}) — พื้นที่ดิสก์อาจเต็ม",
            f"Cannot write the temporary copy of {name}: {exc}",
        ) from exc
    return target
