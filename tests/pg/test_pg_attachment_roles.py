"""Attachments on an enforced server: officers add and remove files only of progress reports on
posts they hold (the progress_report rule), staff any meeting, agenda or report file, viewers none;
straight through each role's database login and through the service on the officer's login."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg.errors import InsufficientPrivilege

from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services import attachments
from sbpac_desktop.services.attachments import OwnerKind
from tests.pg import test_pg_roles
from tests.pg.test_pg_roles import REPORT_INSERT, Office, _app, connected

pytestmark = pytest.mark.pg

# the same office as the role tests (an admin, a secretary, an officer holding one of two posts, a viewer)
office_fixture = pytest.fixture(name="office")(test_pg_roles.office.__wrapped__)

ATTACH = (
    "INSERT INTO attachment ({owner}, original_name, media_type, size, sha256, content, created_at)"
    " VALUES (%s, 'หลักฐาน.pdf', 'application/pdf', 3, repeat('0', 64), '\\x414243', now()) RETURNING id"
)


def _reports(office: Office) -> tuple[int, int]:
    """One progress report on the officer's post and one on the other post (written as the admin)."""
    with connected(office.url, office.admin) as conn:
        ids = []
        for assignment in (office.own_assignment, office.other_assignment):
            conn.execute(REPORT_INSERT, (assignment,))
            ids.append(conn.execute("SELECT max(id) FROM progress_report").fetchone()[0])
    return ids[0], ids[1]


def _attach(conn: psycopg.Connection, owner: str, owner_id: int) -> int:
    return conn.execute(ATTACH.format(owner=owner), (owner_id,)).fetchone()[0]


def _count(office: Office) -> int:
    with connected(office.url, office.admin) as conn:
        return conn.execute("SELECT count(*) FROM attachment").fetchone()[0]


def test_officer_attaches_only_to_reports_on_own_posts(office):
    own, other = _reports(office)
    with connected(office.url, office.admin) as conn:
        theirs = _attach(conn, "progress_report_id", other)
        meeting_file = _attach(conn, "meeting_id", office.meeting_id)
    with connected(office.url, office.officer) as conn:
        mine = _attach(conn, "progress_report_id", own)
        with pytest.raises(InsufficientPrivilege, match="row-level security"):
            _attach(conn, "progress_report_id", other)
        with pytest.raises(InsufficientPrivilege, match="row-level security"):
            _attach(conn, "meeting_id", office.meeting_id)
        # reading stays open, content included (as for every record)
        assert conn.execute("SELECT content FROM attachment WHERE id = %s", (theirs,)).fetchone() == (b"ABC",)
        for refused_id in (theirs, meeting_file):
            with pytest.raises(InsufficientPrivilege, match="not of a progress report on a post you hold"):
                conn.execute("DELETE FROM attachment WHERE id = %s", (refused_id,))
        with pytest.raises(InsufficientPrivilege):
            conn.execute("UPDATE attachment SET original_name = 'x' WHERE id = %s", (mine,))
        assert conn.execute("DELETE FROM attachment WHERE id = %s", (mine,)).rowcount == 1
    assert _count(office) == 2


def test_viewer_reads_attachments_but_cannot_add_or_remove(office):
    own, _other = _reports(office)
    with connected(office.url, office.admin) as conn:
        _attach(conn, "progress_report_id", own)
    with connected(office.url, office.viewer) as conn:
        assert conn.execute("SELECT count(*), sum(length(content)) FROM attachment").fetchone() == (1, 3)
        with pytest.raises(InsufficientPrivilege):
            _attach(conn, "progress_report_id", own)
        with pytest.raises(InsufficientPrivilege):
            conn.execute("DELETE FROM attachment")
    assert _count(office) == 1


def test_secretary_attaches_to_meetings_and_any_report(office):
    own, other = _reports(office)
    with connected(office.url, office.secretary) as conn:
        ids = [_attach(conn, "meeting_id", office.meeting_id), _attach(conn, "progress_report_id", other)]
        agenda = conn.execute("SELECT id FROM agenda_item WHERE meeting_id = %s LIMIT 1", (office.meeting_id,))
        row = agenda.fetchone()
        if row is not None:  # the standard agenda's first item
            ids.append(_attach(conn, "agenda_item_id", row[0]))
        ids.append(_attach(conn, "progress_report_id", own))
        assert conn.execute("DELETE FROM attachment WHERE id = ANY(%s)", (ids,)).rowcount == len(ids)


def test_officer_through_the_service_on_their_own_login(office, tmp_path: Path):
    own, other = _reports(office)
    evidence = tmp_path / "ภาพการประชุมชี้แจง.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    admin = _app(office, office.admin)
    try:
        theirs = attachments.add_attachment(admin.db, admin.actor, OwnerKind.PROGRESS_REPORT, other, evidence)
    finally:
        admin.close()
    officer = _app(office, office.officer)
    try:
        mine = attachments.add_attachment(officer.db, officer.actor, OwnerKind.PROGRESS_REPORT, own, evidence)
        listed = attachments.list_attachments(officer.db, officer.actor, OwnerKind.PROGRESS_REPORT, own)
        assert [a.id for a in listed] == [mine.id]
        assert attachments.open_copy(officer.db, officer.actor, mine.id).read_bytes() == b"%PDF-1.4 evidence"
        # The service refuses first (same rule as on SQLite); the direct-login tests above show the
        # server refuses too when the app is bypassed.
        with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่ง"):
            attachments.add_attachment(officer.db, officer.actor, OwnerKind.PROGRESS_REPORT, other, evidence)
        with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่ง"):
            attachments.remove_attachment(officer.db, officer.actor, theirs.id)
        attachments.remove_attachment(officer.db, officer.actor, mine.id)
    finally:
        officer.close()
    with connected(office.url, office.admin) as conn:
        left = conn.execute("SELECT id FROM attachment").fetchall()
        removals = conn.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'delete' AND entity = 'attachment'"
        ).fetchone()[0]
    assert left == [(theirs.id,)]
    assert removals == 1  # the refused removal left no audit entry behind


@pytest.mark.parametrize("kind", ("meeting", "report"))
def test_staff_service_calls_still_work_when_enforced(office, tmp_path: Path, kind):
    own, _other = _reports(office)
    source = tmp_path / "ระเบียบวาระ.docx"
    source.write_bytes(b"docx")
    secretary = _app(office, office.secretary)
    try:
        owner = (OwnerKind.MEETING, office.meeting_id) if kind == "meeting" else (OwnerKind.PROGRESS_REPORT, own)
        view = attachments.add_attachment(secretary.db, secretary.actor, *owner, source)
        attachments.remove_attachment(secretary.db, secretary.actor, view.id)
    finally:
        secretary.close()
    assert _count(office) == 0
