"""directive.latest_result (migration 0012) is the result of the report the other summary columns
describe, on SQLite and PostgreSQL: after a generated data set, after plain SQL writes of a
report's result, and after a downgrade to 0011 and the upgrade back (the column refilled)."""

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from sbpac_desktop.services.demo import generate
from sbpac_desktop.store import migrate

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


def _rows(engine, sql: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_latest_result_follows_writes_and_survives_a_round_trip_of_the_migration(ctx):
    generate.generate(ctx.db, ctx.actor, 80, seed=7, as_of=AS_OF)
    engine = ctx.db.engine
    stored = _rows(engine, STORED)
    assert stored == _rows(engine, LOOKUP)
    assert sum(1 for _id, result in stored if result) > 40  # most generated directives have reports

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
    after = dict(_rows(engine, STORED))
    assert after[directive_id] == "แก้ผลตรงในฐานข้อมูล" and list(after.items()) == _rows(engine, LOOKUP)

    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0011_summary_triggers")
    assert "latest_result" not in {c["name"] for c in inspect(engine).get_columns("directive")}
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert _rows(engine, STORED) == list(after.items())
