from pathlib import Path

import pytest

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store.location import default_database_path, resolve_location


def test_argument_wins_over_environment(tmp_path):
    loc = resolve_location(str(tmp_path / "a.db"), {"SBPAC_DB": str(tmp_path / "b.db")})
    assert loc.sqlite_path == tmp_path / "a.db"


def test_environment_wins_over_default(tmp_path):
    assert resolve_location(None, {"SBPAC_DB": str(tmp_path / "b.db")}).sqlite_path == tmp_path / "b.db"


def test_default_is_in_the_user_data_dir():
    loc = resolve_location(None, {})
    assert loc.is_default and loc.sqlite_path == default_database_path()
    assert "sbpac-desktop" in str(loc.sqlite_path)


def test_postgres_url_gets_the_psycopg_driver_and_hides_the_password():
    loc = resolve_location("postgresql://clerk:secret@db.office/sbpac", {})
    assert loc.url.drivername == "postgresql+psycopg"
    assert not loc.is_sqlite
    assert "secret" not in loc.display


def test_sqlite_url_is_a_file(tmp_path):
    assert resolve_location(f"sqlite:///{tmp_path}/c.db", {}).sqlite_path == Path(f"{tmp_path}/c.db")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://a@b/c", "ไม่รองรับฐานข้อมูลชนิด mysql"),
        ("postgresql://", "ต้องมีชื่อเครื่องและชื่อฐานข้อมูล"),
        ("postgresql+psycopg://host-only", "ต้องมีชื่อเครื่องและชื่อฐานข้อมูล"),
        ("sqlite://", "ต้องระบุไฟล์ฐานข้อมูล"),
        ("not a url://x", "ที่อยู่ฐานข้อมูลไม่ถูกต้อง"),
    ],
)
def test_bad_urls_get_thai_messages(url, fragment):
    with pytest.raises(DatabaseError) as info:
        resolve_location(url, {})
    assert fragment in str(info.value)
    assert info.value.message_en
