"""The `office` fixture (four accounts, two posts, a directive; tests/pg/test_pg_roles.py) for every
PostgreSQL test module."""

from tests.pg.test_pg_roles import office  # noqa: F401
