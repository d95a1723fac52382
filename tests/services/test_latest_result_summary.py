"""directive.latest_result and assignee_key (migration 0012), on SQLite and PostgreSQL: the result
of the report the other summary columns describe and the assignees' key, after a generated data
set, after plain SQL writes of a report's result and of an assignment, and after a downgrade to
0011 and the upgrade back (the columns refilled)."""

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from sbpac_desktop.services.demo import generate
from sbpac_desktop.store import migrate, summary_rule

AS_OF = date(2026, 11, 25)
# The lookup the export used before the column: of the reports dated latest_report_on, the
# lead's (first lead by id, else first assignment), else the newest id.
LOOKUP = (
    "SELECT d.id, (SELECT pr.result FROM progress_report AS pr JOIN assignment AS a ON a.id = pr.assignment_id "
    "WHERE a.directive_id = d.id AND pr.report_date = d.latest_report_on "
    "ORDER BY CASE WHEN a.id = (SELECT l.id FROM assignment AS l WHERE l.directive_id = a.directive_id "
    "ORDER BY CASE WHEN l.role = 'lead' THEN 0 ELSE 1 END, l.id LIMIT 1) THEN 0 ELSE 1 END, pr.id DESC LIMIT 1) "
    "FROM directive AS d ORDER BY d.id"
)
STORED = "SELECT id, latest_result FROM directive ORDER BY id"
KEYS = "SELECT id, assignee_key FROM directive ORDER BY id"


def _keys_in_python(engine) -> list[tuple]:
    """The assignee key of every directive, built from its assignments in id order."""
    found: dict[int, list[str]] = {}
    rows = _rows(engine, "SELECT directive_id, role, position_id, org_unit_id FROM assignment ORDER BY id")
    for directive_id, role, post, unit in rows:
        found.setdefault(directive_id, []).append(summary_rule.assignee_token(role, post, unit))
    ids = _rows(engine, "SELECT id FROM directive ORDER BY id")
    return [(i, ",".join(found[i]) if i in found else None) for (i,) in ids]


def _rows(engine, sql: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_latest_result_follows_writes_and_survives_a_round_trip_of_the_migration(ctx):
    generate.generate(ctx.db, ctx.actor, 80, seed=7, as_of=AS_OF)
    engine = ctx.db.engine
    stored = _rows(engine, STORED)
    assert stored == _rows(engine, LOOKUP)
    assert sum(1 for _id, result in stored if result) > 40  # most generated directives have reports
    keys = _rows(engine, KEYS)
    assert keys == _keys_in_python(engine) and all(key for _id, key in keys)

    with engine.begin() as connection:  # plain SQL, no app code: the triggers keep the column
        directive_id, report_id = connection.execute(
            text(
                "SELECT a.directive_id, pr.id FROM progress_report AS pr JOIN assignment AS a "
                "ON a.id = pr.assignment_id JOIN directive AS d ON d.id = a.directive_id "
                "WHERE d.latest_result = pr.result AND pr.report_date = d.latest_report_on ORDER BY pr.id LIMIT 1"
            )
        ).one()
        edit = text("UPDATE progress_report SET result = 'แก้ผลตรงในฐานข้อมูล' WHERE id = :r")
        connection.execute(edit, {"r": report_id})
        connection.execute(text("UPDATE assignment SET role = 'lead' WHERE role <> 'lead'"))
        post = connection.execute(text("SELECT min(id) FROM position")).scalar()
        connection.execute(text("UPDATE assignment SET position_id = :p WHERE id = (SELECT max(id) FROM assignment "
                                "WHERE position_id IS NOT NULL AND directive_id NOT IN (SELECT directive_id FROM "
                                "assignment WHERE position_id = :p))"), {"p": post})  # fmt: skip
    after = dict(_rows(engine, STORED))
    assert after[directive_id] == "แก้ผลตรงในฐานข้อมูล" and list(after.items()) == _rows(engine, LOOKUP)
    keys = _rows(engine, KEYS)
    assert keys == _keys_in_python(engine) and not any("S" in (key or "") for _id, key in keys)

    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0011_summary_triggers")
    assert "latest_result" not in {c["name"] for c in inspect(engine).get_columns("directive")}
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert _rows(engine, STORED) == list(after.items()) and _rows(engine, KEYS) == keys
