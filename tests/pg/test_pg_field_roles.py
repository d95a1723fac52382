"""Field follow-up tables on an enforced server (issue #15): the secretariat's own database login
records visits, findings and network reports through the app; officer and viewer logins read them
but write none of them (the grants of store/pg_roles.py cover every table: staff write, all read),
and an officer may not file evidence on a visit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services import places
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.field import field_visits, network
from sbpac_desktop.services.field.field_visits import VisitInput
from sbpac_desktop.services.field.network import MemberInput, ReportInput
from tests.pg import test_pg_roles
from tests.pg.test_pg_roles import Office, _app, connected, refused

pytestmark = pytest.mark.pg

FINDING = (
    "INSERT INTO visit_finding (visit_id, sort_order, text, version, created_at, updated_at)"
    " VALUES (%s, 1, 'x', 1, now(), now())"
)
VISIT_FILE = (
    "INSERT INTO attachment (field_visit_id, original_name, media_type, size, sha256, content, created_at)"
    " VALUES (%s, 'a.jpg', 'image/jpeg', 1, 'x', 'x', now())"
)
office_fixture = pytest.fixture(name="office")(test_pg_roles.office.__wrapped__)


def test_secretariat_records_others_only_read(office: Office) -> None:
    secretary = _app(office, office.secretary)
    try:
        places.sync_places(secretary.db, secretary.actor)
        tambon = places.resolve_place(secretary.db, secretary.actor, "940101").id
        visit = field_visits.create_visit(
            secretary.db, secretary.actor, VisitInput("ลงพื้นที่", date(2020, 1, 14), "ติดตาม", (tambon,))
        )
        member = network.add_member(secretary.db, secretary.actor, MemberInput("volunteer", "นางสาวก", tambon))
        network.add_report(
            secretary.db, secretary.actor, ReportInput(member.id, date(2020, 1, 15), "effective", "ดี", place_id=tambon)
        )
    finally:
        secretary.close()
    for login in (office.officer, office.viewer):
        with connected(office.url, login) as conn:
            assert conn.execute("SELECT count(*) FROM field_visit").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM external_report").fetchone() == (1,)
            cells = [
                refused(conn, "UPDATE field_visit SET title = 'x'"),
                refused(conn, "DELETE FROM external_report"),
                refused(conn, "UPDATE network_member SET full_name = 'x'"),
                refused(conn, "UPDATE place SET name_th = 'x'"),
                refused(conn, "DELETE FROM field_visit_place"),
                refused(conn, FINDING, visit.row.id),
                refused(conn, VISIT_FILE, visit.row.id),
            ]
            assert all(cells), (login, cells)


def test_a_directive_and_its_places_in_one_transaction_on_a_secretariat_login(office: Office) -> None:
    """The secretariat's own login edits a directive with its places in one save (the server's grants
    allow both tables); an unknown place refuses it whole; officer and viewer logins cannot touch them."""
    secretary = _app(office, office.secretary)
    try:
        places.sync_places(secretary.db, secretary.actor)
        tambon = places.resolve_place(secretary.db, secretary.actor, "940101").id
        detail = directives.get_directive(secretary.db, secretary.actor, office.directive_id)
        assignees = tuple(AssignmentInput(a.position_id, a.org_unit_id, a.role) for a in detail.assignments)
        row = detail.row
        data = DirectiveInput(
            row.text,
            row.issued_on,
            assignees,
            due_on=row.due_on,
            no_due_reason=detail.no_due_reason,
            place_ids=(tambon,),
        )
        saved = directives.update_directive(secretary.db, secretary.actor, detail.row.id, detail.row.version, data)
        with pytest.raises(ValidationError, match="ไม่พบพื้นที่รหัส 999999"):
            directives.update_directive(
                secretary.db, secretary.actor, detail.row.id, saved.row.version,
                replace(data, text="ไม่ควรถูกบันทึก", place_ids=(999_999,)),
            )  # fmt: skip
        stored = directives.get_directive(secretary.db, secretary.actor, detail.row.id)
        assert stored.row.version == saved.row.version and stored.row.text == saved.row.text
        assert [p.code for p in places.directive_places(secretary.db, secretary.actor, detail.row.id)] == ["940101"]
    finally:
        secretary.close()
    for login in (office.officer, office.viewer):
        with connected(office.url, login) as conn:
            assert conn.execute("SELECT count(*) FROM directive_place").fetchone() == (1,)
            cells = [
                refused(conn, "DELETE FROM directive_place"),
                refused(conn, "INSERT INTO directive_place (directive_id, place_id) VALUES (%s, %s)",
                        office.directive_id, tambon + 1),
            ]  # fmt: skip
            assert all(cells), (login, cells)
