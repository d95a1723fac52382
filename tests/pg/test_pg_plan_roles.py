"""The integrated plan on an enforced server: an officer's own database login enters actuals and
disbursements only for projects whose owner post they hold, as themselves, and nothing else of the
plan; a viewer writes nothing; the app works on those logins (store/pg_plan_roles.py)."""

from __future__ import annotations

import pytest

from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.field import plan, plan_actuals, plan_views
from sbpac_desktop.services.field.plan import IndicatorInput, ProjectInput
from tests.pg import test_pg_roles
from tests.pg.test_pg_roles import Office, _app, connected, refused
from tests.services.plan_helpers import IN_Q2

pytestmark = pytest.mark.pg

office_fixture = pytest.fixture(name="office")(test_pg_roles.office.__wrapped__)

ACTUAL = (
    "INSERT INTO plan_actual (indicator_id, quarter, value, entered_by_id, version, created_at, updated_at)"
    " VALUES (%s, 1, 10, %s, 1, now(), now())"
)


def _plan(office: Office) -> dict[str, int]:
    """Two projects (the officer's post and another), one indicator each, written as the admin."""
    with connected(office.url, office.admin) as conn:
        posts = [
            conn.execute("SELECT position_id FROM assignment WHERE id = %s", (a,)).fetchone()[0]
            for a in (office.own_assignment, office.other_assignment)
        ]
        officer_id = conn.execute("SELECT id FROM app_user WHERE login = %s", (office.officer,)).fetchone()[0]
    admin = _app(office, office.admin)
    try:
        dims = dimensions.seed_dimension_ids(admin.db, admin.actor)
        plan_id = plan.create_plan(admin.db, admin.actor, 2563)
        ids = {"officer_user": officer_id}
        for key, post_id in zip(("own", "other"), posts, strict=True):
            project = plan.add_project(
                admin.db, admin.actor, plan_id, ProjectInput(f"โครงการ {key}", dims["สังคม"], post_id, (100_00,) * 4)
            )
            ids[key] = project
            ids[f"{key}_indicator"] = plan.add_indicator(admin.db, admin.actor, project, IndicatorInput("ผล", "คน", 8))
    finally:
        admin.close()
    return ids


def test_officer_login_writes_only_actuals_and_disbursements_of_own_projects(office):
    ids = _plan(office)
    with connected(office.url, office.officer) as conn:
        conn.execute(ACTUAL, (ids["own_indicator"], ids["officer_user"]))
        assert refused(conn, ACTUAL, ids["other_indicator"], ids["officer_user"])
        # as someone else: refused even on their own project
        conn.execute("DELETE FROM plan_actual WHERE indicator_id = %s", (ids["own_indicator"],))
        assert refused(conn, ACTUAL, ids["own_indicator"], None)
        own = conn.execute("UPDATE plan_budget SET disbursed_satang = 50 WHERE project_id = %s", (ids["own"],))
        assert own.rowcount == 4
        other = conn.execute("UPDATE plan_budget SET disbursed_satang = 50 WHERE project_id = %s", (ids["other"],))
        assert other.rowcount == 0  # not theirs: invisible to the update
        cells = [
            refused(conn, "UPDATE plan_budget SET allocated_satang = 1 WHERE project_id = %s", ids["own"]),
            refused(conn, "UPDATE plan_indicator SET target = 1"),
            refused(conn, "UPDATE plan_project SET name = 'x'"),
            refused(conn, "DELETE FROM plan_project"),
            refused(conn, "UPDATE integrated_plan SET title = 'x'"),
        ]
        assert conn.execute("SELECT count(*) FROM plan_project").fetchone() == (2,)  # reads all
    assert all(cells), cells
    with connected(office.url, office.viewer) as conn:
        assert refused(conn, ACTUAL, ids["own_indicator"], ids["officer_user"])
        assert refused(conn, "UPDATE plan_budget SET disbursed_satang = 0")
    with connected(office.url, office.admin) as conn:
        budgets = conn.execute(
            "SELECT project_id, sum(disbursed_satang) FROM plan_budget GROUP BY project_id ORDER BY project_id"
        ).fetchall()
    assert budgets == [(ids["own"], 200), (ids["other"], 0)]


def test_the_app_on_the_officer_login(office):
    ids = _plan(office)
    officer = _app(office, office.officer)
    try:
        plan_actuals.record_actual(officer.db, officer.actor, ids["own_indicator"], 1, 6, "ครบ", today=IN_Q2)
        plan_actuals.record_disbursement(officer.db, officer.actor, ids["own"], 1, 80_00, today=IN_Q2)
        with pytest.raises(PermissionDenied):
            plan_actuals.record_actual(officer.db, officer.actor, ids["other_indicator"], 1, 6, today=IN_Q2)
        with pytest.raises(PermissionDenied):
            plan.add_indicator(officer.db, officer.actor, ids["own"], IndicatorInput("อื่น", "คน", 1))
        tree = plan_views.plan_tree(officer.db, officer.actor, 2563, today=IN_Q2)
        own = next(p for p in tree.projects if p.id == ids["own"])
        assert own.indicators[0].actuals == {1: 6.0} and own.disbursed[0] == 80_00
    finally:
        officer.close()
