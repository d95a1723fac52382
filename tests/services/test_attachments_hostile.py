"""Attachments attacked from outside, through the services, on SQLite and PostgreSQL, with real
files (no mocks): traversal, absolute and device names, NUL, very long names, names of dots and
spaces, symlinks pointing out of the folder, the 25 MB limit and one byte more, an empty file, a
pipe, files whose size lies and files deleted or truncated while they are read.

Every case ends in one of two ways: a whole attachment whose only file ever written is its copy
one folder under `temp_root()`, or a refusal with a Thai sentence (ValidationError / NotFound)
that leaves no row, no audit entry and no file behind. Nothing outside the store changes."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from sbpac_desktop.domain.errors import AppError, NotFound, ValidationError
from sbpac_desktop.services import attachments
from sbpac_desktop.services.attachment_names import FALLBACK_NAME
from sbpac_desktop.services.attachments import MAX_ATTACHMENT_BYTES, OwnerKind
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.store.models import Attachment, AuditEntry
from tests.services.helpers import meeting, series

DEVICES = {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\x",
    "/etc/passwd",
    "C:\\Windows\\System32\\drivers\\etc\\hosts",
    "\\\\server\\share\\ลับ.pdf",
    "รายงาน\x00.exe",
    "CON",
    "NUL.txt",
    "COM1",
    "LPT1",
    "con.PDF",
    "aux.tar.gz",
    "ก" * 300 + ".pdf",
    "x" * 255,
    "...",
    ". . .",
    "  ",
    "..",
    ".",
    "",
]


@pytest.fixture
def item(ctx) -> int:
    m = meeting(ctx, series(ctx), date(2019, 10, 22))
    return agenda.add_item(ctx.db, ctx.actor, m.id, agenda.AgendaItemInput(4, "โครงการพัฒนา")).id


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files an attacker would like overwritten or read: they must stay exactly as they are."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "passwd").write_bytes(b"root:x:0:0\n")
    (folder / "ลับ.pdf").write_bytes(b"%PDF secret " * 100)
    return folder


def _tree(root: Path) -> dict[str, tuple[bool, int, int, str]]:
    """Every entry under `root` (links not followed): kind, size, mtime and content hash."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
            found[str(path.relative_to(root))] = (stat.S_ISLNK(info.st_mode), info.st_size, info.st_mtime_ns, digest)
    return found


def _counts(ctx) -> tuple[int, int]:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(func.count(Attachment.id))), session.scalar(select(func.count(AuditEntry.id)))


def _refused(ctx, item: int, source: Path, fragment: str, error: type[AppError] = ValidationError, **kw) -> str:
    """Refused in Thai, and nothing left: no row, no audit entry, no new file in the store."""
    rows, store = _counts(ctx), _tree(attachments.temp_root())
    with pytest.raises(error) as refusal:
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item, source, **kw)
    message = str(refusal.value)
    assert fragment in message and any("\u0e00" <= ch <= "\u0e7f" for ch in message), message
    assert refusal.value.message_en and "Traceback" not in message
    assert _counts(ctx) == rows and _tree(attachments.temp_root()) == store
    return message


def _assert_safe(name: str) -> None:
    assert "/" not in name and "\\" not in name and "\x00" not in name, name
    assert name not in ("", ".", "..") and not name.startswith(".") and name == name.strip(" ."), name
    assert name.split(".")[0].upper() not in DEVICES, name
    assert len(name.encode("utf-8")) <= 180, name


def _attached_whole(ctx, item: int, source: Path, expected: bytes, **kw) -> Path:
    """Attached, the stored bytes are the file's, and its one opened copy sits one folder under the store."""
    rows = _counts(ctx)
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item, source, **kw)
    assert _counts(ctx) == (rows[0] + 1, rows[1] + 1)  # one row, one audit entry
    assert view.size == len(expected) and view.sha256 == hashlib.sha256(expected).hexdigest()
    _assert_safe(view.name)
    root = attachments.temp_root()
    copy = attachments.open_copy(ctx.db, ctx.actor, view.id)
    assert copy.parent.parent == root and list(copy.parent.iterdir()) == [copy] and not copy.is_symlink()
    assert copy.read_bytes() == expected and copy.name == view.name
    return copy


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n[:24]))
def test_hostile_label_becomes_one_safe_component(ctx, item, tmp_path, outside, name):
    source = tmp_path / "ปกติ.pdf"
    source.write_bytes(b"%PDF-1.4 body\n")
    before = _tree(outside)
    _attached_whole(ctx, item, source, source.read_bytes(), name=name)
    assert _tree(outside) == before


@pytest.mark.parametrize(
    "name", [n for n in HOSTILE_NAMES if "/" not in n and "\x00" not in n and n not in ("", ".", "..")],
    ids=lambda n: repr(n[:24]),
)  # fmt: skip
def test_hostile_file_names_on_disk(ctx, item, tmp_path, outside, name):
    """The same names as real files a clerk might be sent (Linux allows all but '/' and NUL)."""
    folder = tmp_path / "src"
    folder.mkdir()
    source = folder / name
    if len(name.encode("utf-8")) > 255:
        _refused(ctx, item, source, "ไม่ได้")  # ENAMETOOLONG: the file cannot even exist
        return
    source.write_bytes(name.encode("utf-8") + b" content")
    before = _tree(outside)
    copy = _attached_whole(ctx, item, source, source.read_bytes())
    assert _tree(outside) == before and _tree(folder) == {name: _tree(folder)[name]}
    if name.strip(" .") == "":
        assert copy.name == FALLBACK_NAME


def test_a_nul_in_the_source_path_is_refused_in_thai(ctx, item, tmp_path):
    message = _refused(ctx, item, tmp_path / "รายงาน\x00.pdf", "มีอักขระที่ใช้ไม่ได้")
    assert "\x00" not in message


def test_very_long_paths_are_refused_in_thai(ctx, item, tmp_path):
    _refused(ctx, item, tmp_path / ("ก" * 200 + ".pdf"), "เปิดไฟล์")  # 600 bytes: over NAME_MAX
    _refused(ctx, item, Path("/".join(["", *["ab"] * 3000, "x.pdf"])), "เปิดไฟล์")  # over PATH_MAX


def test_stored_names_from_elsewhere_still_open_inside_the_store(ctx, item, tmp_path, outside):
    """A row written by hand or by an older version keeps a raw name: the copy still lands inside."""
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF a")
    view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item, source)
    before = _tree(outside)
    for raw in ["../../outside/passwd", str(outside / "passwd"), "CON", "..", "x/../../y", "\u202egpj.exe"]:
        with ctx.db.unit_of_work() as session:
            session.execute(update(Attachment).where(Attachment.id == view.id).values(original_name=raw))
        copy = attachments.open_copy(ctx.db, ctx.actor, view.id)
        assert copy.parent.parent == attachments.temp_root() and copy.read_bytes() == b"%PDF a", raw
        _assert_safe(copy.name)
    assert _tree(outside) == before


def test_symlinks(ctx, item, tmp_path, outside):
    """A link is followed for reading only (a file dialog does the same); what it points at is
    never written, and a link to a folder, a device, nowhere or itself is refused in Thai."""
    links = tmp_path / "links"
    links.mkdir()
    secret = outside / "ลับ.pdf"
    (links / "รายงาน.pdf").symlink_to(secret)
    (links / "folder").symlink_to(outside, target_is_directory=True)
    (links / "zero").symlink_to("/dev/zero")
    (links / "gone.pdf").symlink_to(outside / "ไม่มี.pdf")
    (links / "loop").symlink_to(links / "loop")
    before = _tree(outside)
    copy = _attached_whole(ctx, item, links / "รายงาน.pdf", secret.read_bytes())
    assert copy.name == "รายงาน.pdf"  # the name the clerk chose, not the target's
    _refused(ctx, item, links / "folder", "ไม่ใช่ไฟล์")
    _refused(ctx, item, links / "zero", "ไม่ใช่ไฟล์")
    _refused(ctx, item, links / "gone.pdf", "ไม่พบไฟล์")
    _refused(ctx, item, links / "loop", "เปิดไฟล์ loop ไม่ได้")
    assert _tree(outside) == before and not secret.is_symlink()


def test_the_limit_and_one_byte_more(ctx, item, tmp_path):
    assert MAX_ATTACHMENT_BYTES == 25 * 1024 * 1024  # "25 MB" in the Thai message means MiB
    big = tmp_path / "วิดีโอ.mp4"
    with big.open("wb") as handle:  # written for real (not sparse): the bytes the database receives
        handle.write(os.urandom(1024 * 1024) * 25)
    assert big.stat().st_size == MAX_ATTACHMENT_BYTES
    _attached_whole(ctx, item, big, big.read_bytes())
    with big.open("ab") as handle:
        handle.write(b"!")
    _refused(ctx, item, big, "เกินขนาดที่แนบได้ (25 MB)")


def test_an_empty_file_is_refused(ctx, item, tmp_path):
    empty = tmp_path / "ว่าง.pdf"
    empty.touch()
    _refused(ctx, item, empty, "ว่างเปล่า (0 ไบต์)")


def test_a_pipe_or_a_device_is_refused_without_waiting(ctx, item, tmp_path):
    fifo = tmp_path / "ท่อ.pdf"
    os.mkfifo(fifo)  # no writer: reading it would wait for ever
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(_refused(ctx, item, fifo, "ไม่ใช่ไฟล์")), daemon=True)
    worker.start()
    worker.join(30)
    assert done, "attaching a named pipe blocked"
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        _refused(ctx, item, Path(device), "ไม่ใช่ไฟล์")


def test_deleted_or_replaced_after_the_check(ctx, item, tmp_path, outside):
    """The window checks the file when it is picked (`read_source`) and attaches it later: in between
    it may be deleted, grown past the limit, or swapped for a pipe or a link to a folder."""
    source = tmp_path / "หนังสือ.pdf"
    for replace in ("delete", "grow", "pipe", "folder"):
        source.write_bytes(b"%PDF ok")
        assert attachments.read_source(source) == b"%PDF ok"
        source.unlink()
        if replace == "grow":
            with source.open("wb") as handle:
                handle.truncate(MAX_ATTACHMENT_BYTES + 1)
        elif replace == "pipe":
            os.mkfifo(source)
        elif replace == "folder":
            source.symlink_to(outside, target_is_directory=True)
        fragment = {"delete": "ไม่พบไฟล์", "grow": "เกินขนาด", "pipe": "ไม่ใช่ไฟล์", "folder": "ไม่ใช่ไฟล์"}[replace]
        _refused(ctx, item, source, fragment)
        if source.exists() or source.is_symlink():
            source.unlink()


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/sys/kernel/mm/transparent_hugepage/enabled", "ขนาด 4,096 ไบต์ แต่อ่านได้"),  # says 4096, gives ~40
        ("/proc/self/status", "ขนาด 0 ไบต์ แต่อ่านได้"),  # says 0, gives ~1 KB
    ],
)
def test_a_file_whose_size_changes_under_the_reader_is_refused(ctx, item, path, fragment):
    """Kernel files are regular files whose size is not what a read gives: the same sight as a
    file cut short or still growing while it is read. Storing what was read would keep half a file."""
    if not Path(path).is_file() or not os.access(path, os.R_OK):
        pytest.skip(f"{path} is not readable here")
    _refused(ctx, item, Path(path), fragment)
    _refused(ctx, item, Path(path), "เปลี่ยนไประหว่างที่อ่าน")


def test_a_file_truncated_by_another_thread_is_stored_whole_or_refused(ctx, item, tmp_path):
    """Another program empties the file at a different moment each round: before the check, between
    the check and the read, during the read or after it. Whatever the moment, the attachment is
    the whole file or a Thai refusal; never the first half."""
    whole = os.urandom(1024 * 1024) * 8
    digest = hashlib.sha256(whole).hexdigest()
    source = tmp_path / "กำลังบันทึก.pdf"
    outcomes: dict[str, int] = {}
    for round_no in range(24):
        source.write_bytes(whole)
        delay = round_no * 0.0015
        cutter = threading.Thread(target=lambda: (time.sleep(delay), os.truncate(source, 0)))  # noqa: B023
        rows = _counts(ctx)
        cutter.start()
        try:
            view = attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, item, source)
        except ValidationError as refusal:
            assert "ว่างเปล่า" in str(refusal) or "เปลี่ยนไประหว่างที่อ่าน" in str(refusal), str(refusal)
            assert _counts(ctx) == rows
            outcomes["refused"] = outcomes.get("refused", 0) + 1
        else:
            assert view.size == len(whole) and view.sha256 == digest, f"round {round_no}: {view.size} bytes kept"
            outcomes["whole"] = outcomes.get("whole", 0) + 1
        finally:
            cutter.join()
    assert sum(outcomes.values()) == 24, outcomes


@pytest.mark.parametrize("owner_id", [0, -1, 2**31, 2**63, 10**30])
def test_owner_ids_out_of_any_range_are_not_found(ctx, tmp_path, owner_id):
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF a")
    rows = _counts(ctx)
    with pytest.raises(NotFound, match="ไม่พบเรื่องในระเบียบวาระ"):
        attachments.add_attachment(ctx.db, ctx.actor, OwnerKind.AGENDA_ITEM, owner_id, source)
    with pytest.raises(NotFound, match="ไม่พบไฟล์แนบ"):
        attachments.open_copy(ctx.db, ctx.actor, owner_id)
    assert _counts(ctx) == rows
