"""PostgreSQL rules of the integrated plan's M&E (issue #15 item 4), run by pg_roles.install.

Staff (admin, secretary) write every plan table through the general grants; everyone reads.
Officers enter, on the server too, only what services/field/plan_actuals.py lets them: the quarterly actuals of
indicators, and the disbursed amount of the budget, of projects whose owner post they hold today
(current_user -> app_user.login -> person -> incumbency -> plan_project.owner_position_id, the
rule of services/permissions.py holds_post). An actual is entered as themselves. Nothing else of
the plan is theirs: no project, indicator, target or allocation.

Skipped while the plan tables do not exist yet (install also runs from migration 0008, before 0009).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

STAFF = "sbpac_admins, sbpac_secretaries"
FUNCTIONS = ("sbpac_holds_project(integer)", "sbpac_holds_indicator(integer)")

# $1, not the parameter's name: plan_indicator has a column named `target`, which would win
_FUNCTIONS = """
CREATE OR REPLACE FUNCTION sbpac_holds_project(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM plan_project pp, incumbency i, app_user u
    WHERE pp.id = $1 AND u.login = current_user AND NOT u.locked
      AND i.person_id = u.person_id AND i.position_id = pp.owner_position_id
      AND i.start_on <= current_date AND (i.end_on IS NULL OR i.end_on >= current_date))
$$;
CREATE OR REPLACE FUNCTION sbpac_holds_indicator(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM plan_indicator ind WHERE ind.id = $1 AND sbpac_holds_project(ind.project_id))
$$;
"""

_OWN_USER = "(SELECT u.id FROM app_user u WHERE u.login = current_user)"


def _policies(table: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS everyone_reads ON {table}",
        f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)",
        f"DROP POLICY IF EXISTS staff_writes ON {table}",
        f"CREATE POLICY staff_writes ON {table} TO {STAFF} USING (true) WITH CHECK (true)",
    ]


def statements() -> list[str]:
    return [
        # actuals: an officer inserts and corrects the actuals of indicators of their own projects
        "GRANT INSERT, UPDATE, DELETE ON plan_actual TO sbpac_officers",
        *_policies("plan_actual"),
        "DROP POLICY IF EXISTS officer_enters_own ON plan_actual",
        "CREATE POLICY officer_enters_own ON plan_actual FOR INSERT TO sbpac_officers "
        f"WITH CHECK (sbpac_holds_indicator(indicator_id) AND entered_by_id IS NOT DISTINCT FROM {_OWN_USER})",
        "DROP POLICY IF EXISTS officer_updates_own ON plan_actual",
        "CREATE POLICY officer_updates_own ON plan_actual FOR UPDATE TO sbpac_officers "
        "USING (sbpac_holds_indicator(indicator_id)) "
        f"WITH CHECK (sbpac_holds_indicator(indicator_id) AND entered_by_id IS NOT DISTINCT FROM {_OWN_USER})",
        # clearing a quarter typed by mistake (the service checks first, so no row is skipped silently)
        "DROP POLICY IF EXISTS officer_removes_own ON plan_actual",
        "CREATE POLICY officer_removes_own ON plan_actual FOR DELETE TO sbpac_officers "
        "USING (sbpac_holds_indicator(indicator_id))",
        # budget: the disbursed amount only (the allocation is the plan, the secretariat's)
        "GRANT UPDATE (disbursed_satang, version, updated_at) ON plan_budget TO sbpac_officers",
        *_policies("plan_budget"),
        "DROP POLICY IF EXISTS officer_updates_own ON plan_budget",
        "CREATE POLICY officer_updates_own ON plan_budget FOR UPDATE TO sbpac_officers "
        "USING (sbpac_holds_project(project_id)) WITH CHECK (sbpac_holds_project(project_id))",
    ]


def install(connection: Connection, everyone: str) -> None:
    """Functions, grants and policies; nothing while the plan tables are not there yet."""
    if connection.execute(text("SELECT to_regclass('plan_actual')")).scalar() is None:
        return
    with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(_FUNCTIONS)
    for statement in statements():
        connection.execute(text(statement))
    for function in FUNCTIONS:
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
