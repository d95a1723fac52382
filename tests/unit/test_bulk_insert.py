"""store.bulk.execute_many (the import's INSERTs and the audit trail's, straight to the SQLite
driver) must store exactly what SQLAlchemy's Core INSERT stores; audit_chain.link must chain
exactly as the verifier's entry_hash recomputes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from types import SimpleNamespace

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, MetaData, Table, Text, create_engine, insert, text

from sbpac_desktop.store import audit_chain, bulk


def _tables() -> tuple[MetaData, Table, Table]:
    metadata = MetaData()

    def table(name: str) -> Table:
        return Table(
            name,
            metadata,
            Column("id", Integer, primary_key=True),
            Column("day", Date),
            Column("at", DateTime(timezone=True)),
            Column("flag", Boolean),
            Column("number", Integer),
            Column("words", Text),
        )

    return metadata, table("by_core"), table("by_driver")


def _rows() -> list[dict[str, object]]:
    now = datetime(2026, 12, 6, 23, 0, 0, 123456, tzinfo=UTC)
    bangkok = timezone(timedelta(hours=7))
    rows: list[dict[str, object]] = []
    for i in range(1, 201):  # repeated dates and times (remembered) and unique ones (converted each time)
        rows.append(
            {
                "id": i,
                "day": date(2022, 10, 1 + i % 3) if i % 5 else None,
                "at": now if i < 150 else datetime(2026, 1, 1, 7, i % 60, tzinfo=bangkok) + timedelta(microseconds=i),
                "flag": (True, False, None, 1, 0)[i % 5],  # 1 == True: remembered apart
                "number": (1, True, 0, None)[i % 4],
                "words": f"ข้อสั่งการที่ {i % 7}" if i % 11 else None,
            }
        )
    return rows


def _stored(connection, name: str) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    columns = ", ".join(f"quote({c}), typeof({c})" for c in ("id", "day", "at", "flag", "number", "words"))
    return list(connection.execute(text(f"SELECT {columns} FROM {name} ORDER BY id")))


def test_execute_many_stores_what_the_core_insert_stores() -> None:
    metadata, by_core, by_driver = _tables()
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        metadata.create_all(connection)
        connection.execute(insert(by_core), _rows())
        bulk.execute_many(connection, by_driver, _rows())
        assert _stored(connection, "by_driver") == _stored(connection, "by_core")
        assert len(_stored(connection, "by_driver")) == 200


def test_a_left_out_python_default_is_still_applied() -> None:
    metadata = MetaData()
    table = Table("t", metadata, Column("id", Integer, primary_key=True), Column("version", Integer, default=1))
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        metadata.create_all(connection)
        bulk.execute_many(connection, table, [{"id": 1}, {"id": 2}])
        assert list(connection.execute(text("SELECT id, version FROM t ORDER BY id"))) == [(1, 1), (2, 1)]


def test_link_chains_as_the_verifier_recomputes() -> None:
    rows = [
        {"action": "create", "entity": "directive", "entity_id": 7, "before_json": None,
         "after_json": '{"text": "ให้ | รายงาน 3:x ~"}', "user_id": 1},
        {"action": "update", "entity": "directive", "entity_id": None, "before_json": "{}",
         "after_json": None, "user_id": None},
        {"action": "delete", "entity": "progress_report", "entity_id": 12, "before_json": '{"a": 1}',
         "after_json": None, "user_id": 3},
    ]  # fmt: skip
    last_id, head = audit_chain.link(rows, 41, "ab" * 32)
    previous = "ab" * 32
    for number, row in enumerate(rows, start=42):
        assert (row["id"], row["prev_hash"]) == (number, previous)
        assert row["hash"] == audit_chain.entry_hash(SimpleNamespace(**row))
        previous = row["hash"]
    assert (last_id, head) == (44, previous)


def test_at_text_is_the_stored_utc_time_to_the_microsecond() -> None:
    def by_strftime(at: datetime) -> str:  # the formula's original wording
        if at.tzinfo is not None:
            at = at.astimezone(UTC).replace(tzinfo=None)
        return at.strftime("%Y-%m-%d %H:%M:%S.%f")

    bangkok = timezone(timedelta(hours=7))
    for at in (
        datetime(2026, 12, 6, 23, 0, 0, tzinfo=UTC),
        datetime(2026, 1, 1, 6, 59, 59, 999999, tzinfo=bangkok),
        datetime(2019, 3, 4, 5, 6, 7, 8),
        datetime(999, 1, 2, 3, 4, 5, 6),
    ):
        assert audit_chain.at_text(at) == by_strftime(at)
    assert audit_chain.at_text("2026-01-01 10:00:00.000001") == "2026-01-01 10:00:00.000001"
