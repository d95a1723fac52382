"""PostgreSQL rules that hold whoever connects (migration 0007), beside the grants of pg_roles:

- directive's summary columns (effective_due_on, latest_percent, latest_report_on; latest_result
  and assignee_key since 0012) are computed by a BEFORE trigger from the rows they summarise: no
  one can store a false value, and `sbpac_refresh_directive_summary` (SECURITY DEFINER)
  recomputes them after a progress report for a login that may not write those columns itself;
- every change of a directive leaves an audit entry: a deferred trigger looks, at commit, for an
  entry the transaction wrote on that directive and writes one itself (before/after as stored)
  when a statement outside the app changed it. A change of the derived columns alone is not a
  change of the directive (the audited report or extension that caused it is);
- extension and closure requests: a status of pending / approved / rejected, and a decision
  time exactly when decided (CHECK), so a request cannot be born decided without a decider.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sbpac_desktop.store.summary_rule import assignee_key, latest_report

# latest_result and assignee_key since migration 0012; migration 0007 derived the first three
DERIVED_0007 = ("effective_due_on", "latest_percent", "latest_report_on")
DERIVED = (*DERIVED_0007, "latest_result", "assignee_key")
_REPORT_COLUMN = {"latest_percent": "percent", "latest_report_on": "report_date", "latest_result": "result"}


def _not_content(derived: tuple[str, ...]) -> str:
    """Not the directive's content: bumped by every save, or recomputed from other rows."""
    return "ARRAY[" + ", ".join(f"'{c}'" for c in (*derived, "version", "updated_at")) + "]"


def _derive_function(derived: tuple[str, ...]) -> str:
    assigned = "".join(
        f"  NEW.{c} := {latest_report(_REPORT_COLUMN[c], 'NEW.id')};\n" for c in derived if c in _REPORT_COLUMN
    )
    if "assignee_key" in derived:
        assigned += f"  NEW.assignee_key := {assignee_key('NEW.id', 'postgresql')};\n"
    return f"""
CREATE OR REPLACE FUNCTION sbpac_directive_derive() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.effective_due_on := COALESCE(NEW.extended_due_on, NEW.due_on);
{assigned}  RETURN NEW;
END
$$;"""


FUNCTIONS = """
CREATE OR REPLACE FUNCTION sbpac_refresh_directive_summary(ids integer[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  -- the BEFORE trigger computes the values; this only makes it run for these directives
  UPDATE directive SET latest_percent = latest_percent WHERE id = ANY(ids)
$$;
-- A report or an assignment written by any path (the ORM, a bulk import's Core INSERT, direct
-- SQL) re-derives its directive's summary in the same statement.
CREATE OR REPLACE FUNCTION sbpac_summary_after_reports() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE directive SET latest_percent = latest_percent WHERE id IN (
    SELECT a.directive_id FROM assignment a WHERE a.id IN (SELECT assignment_id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sbpac_summary_after_assignments() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE directive SET latest_percent = latest_percent WHERE id IN (SELECT directive_id FROM changed_rows);
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sbpac_directive_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_id integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
  -- The app (or an earlier event of this transaction) recorded it; or the data-set generator's one
  -- 'generate' entry of this transaction stands for every row it wrote (services/demo/generate.py). Not a
  -- session setting: any login could set that one and write unaudited.
  IF EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'directive' AND a.entity_id = v_id AND a.at >= now())
     OR EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'dataset' AND a.action = 'generate'
                AND a.at >= now()) THEN
    RETURN NULL;
  END IF;
  PERFORM sbpac_audit_append(
    CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
    'directive', v_id,
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD)::text END,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW)::text END,
    NULL);
  RETURN NULL;
END
$$;
"""

DROP_SUMMARY_TRIGGERS: list[str] = []
_DIRECTIVE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS sbpac_directive_derive ON directive",
    "CREATE TRIGGER sbpac_directive_derive BEFORE INSERT OR UPDATE ON directive"
    " FOR EACH ROW EXECUTE FUNCTION sbpac_directive_derive()",
    "DROP TRIGGER IF EXISTS sbpac_directive_audited ON directive",
    "DROP TRIGGER IF EXISTS sbpac_directive_audited_write ON directive",
    "CREATE CONSTRAINT TRIGGER sbpac_directive_audited AFTER INSERT OR DELETE ON directive"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sbpac_directive_audited()",
    "CREATE CONSTRAINT TRIGGER sbpac_directive_audited_write AFTER UPDATE ON directive"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " WHEN ((to_jsonb(OLD) - {not_content}) IS DISTINCT FROM (to_jsonb(NEW) - {not_content}))"
    " EXECUTE FUNCTION sbpac_directive_audited()",
]
_SUMMARY_TRIGGERS: list[str] = []

for _table, _function in (("progress_report", "reports"), ("assignment", "assignments")):
    for _event, _transition in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        _name = f"sbpac_summary_{_table}_{_event.lower()}"
        _SUMMARY_TRIGGERS += [
            f"DROP TRIGGER IF EXISTS {_name} ON {_table}",
            f"CREATE TRIGGER {_name} AFTER {_event} ON {_table} REFERENCING {_transition} TABLE AS changed_rows"
            f" FOR EACH STATEMENT EXECUTE FUNCTION sbpac_summary_after_{_function}()",
        ]
        DROP_SUMMARY_TRIGGERS.append(f"DROP TRIGGER IF EXISTS {_name} ON {_table}")


def triggers(derived: tuple[str, ...] = DERIVED) -> list[str]:
    """The directive's and the summary's triggers; the audit skips a change of `derived` alone."""
    not_content = _not_content(derived)
    return [*(t.format(not_content=not_content) for t in _DIRECTIVE_TRIGGERS), *_SUMMARY_TRIGGERS]


TRIGGERS = triggers()

_DECIDED = "(status = 'pending') = (decided_at IS NULL)"
CHECKS = [
    (table, f"ck_{table}_decision", f"status IN ('pending', 'approved', 'rejected') AND {_DECIDED}")
    for table in ("extension_request", "closure_request")
]

DROP = [
    *DROP_SUMMARY_TRIGGERS,
    "DROP FUNCTION IF EXISTS sbpac_summary_after_reports()",
    "DROP FUNCTION IF EXISTS sbpac_summary_after_assignments()",
    "DROP TRIGGER IF EXISTS sbpac_directive_derive ON directive",
    "DROP TRIGGER IF EXISTS sbpac_directive_audited ON directive",
    "DROP TRIGGER IF EXISTS sbpac_directive_audited_write ON directive",
    "DROP FUNCTION IF EXISTS sbpac_directive_derive()",
    "DROP FUNCTION IF EXISTS sbpac_refresh_directive_summary(integer[])",
    "DROP FUNCTION IF EXISTS sbpac_directive_audited()",
]


def install(connection: Connection, derived: tuple[str, ...] = DERIVED) -> None:
    """Functions, triggers and CHECKs (run by migration 0007, after the audit functions, with the
    summary columns of its time)."""
    install_summary(connection, derived)
    for table, name, condition in CHECKS:
        connection.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition})"))


def install_summary(connection: Connection, derived: tuple[str, ...] = DERIVED) -> None:
    """The functions and triggers that derive `derived` (again, when a migration adds a column)."""
    with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(_derive_function(derived) + FUNCTIONS)  # plpgsql bodies: no bind parameters
    for statement in triggers(derived):
        connection.execute(text(statement))


def uninstall(connection: Connection) -> None:
    for table, name, _condition in CHECKS:
        connection.execute(text(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"))
    for statement in DROP:
        connection.execute(text(statement))


def refresh_summary(connection: Connection, directive_ids: list[int]) -> None:
    """On PostgreSQL the summary is recomputed by the server (an officer may not write it)."""
    connection.execute(text("SELECT sbpac_refresh_directive_summary(:ids)"), {"ids": directive_ids})
