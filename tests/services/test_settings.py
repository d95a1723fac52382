"""Organisation settings in the database: defaults, save with audit, conflicts, bad input."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.services import settings
from sbpac_desktop.services.settings import SettingsInput
from sbpac_desktop.store.models import AuditEntry, Setting
from tests.services.helpers import series


def _audits(ctx) -> list[AuditEntry]:
    with ctx.db.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")))


def _rows(ctx) -> dict[str, str]:
    with ctx.db.unit_of_work() as session:
        return {row.key: row.value_json for row in session.scalars(select(Setting))}


def test_defaults_without_rows(ctx):
    current = settings.get_settings(ctx.db, ctx.actor)
    assert current.thai_digits is True
    assert current.default_series_id is None
    assert settings.document_thai_digits(ctx.db, ctx.actor) is True


def test_save_is_stored_audited_and_read_back(ctx):
    series_id = series(ctx)
    before = settings.get_settings(ctx.db, ctx.actor)
    saved = settings.update_settings(ctx.db, ctx.actor, SettingsInput(False, series_id), before.version)
    assert (saved.thai_digits, saved.default_series_id) == (False, series_id)
    assert saved.version > before.version
    assert settings.get_settings(ctx.db, ctx.actor) == saved
    assert _rows(ctx) == {settings.THAI_DIGITS: "false", settings.DEFAULT_SERIES: str(series_id)}
    assert [entry.action for entry in _audits(ctx)] == ["create", "create"]
    # Saving the same values again writes nothing.
    again = settings.update_settings(ctx.db, ctx.actor, SettingsInput(False, series_id), saved.version)
    assert again.version == saved.version
    assert len(_audits(ctx)) == 2
    back = settings.update_settings(ctx.db, ctx.actor, SettingsInput(True, None), saved.version)
    assert (back.thai_digits, back.default_series_id) == (True, None)
    assert [entry.action for entry in _audits(ctx)] == ["create", "create", "update", "update"]


def test_stale_version_is_a_conflict_and_changes_nothing(ctx):
    seen = settings.get_settings(ctx.db, ctx.actor)
    settings.update_settings(ctx.db, ctx.actor, SettingsInput(False, None), seen.version)
    with pytest.raises(ConflictError) as caught:
        settings.update_settings(ctx.db, ctx.actor, SettingsInput(True, None), seen.version)
    assert "มีผู้อื่นเปลี่ยนการตั้งค่า" in caught.value.message_th
    assert settings.get_settings(ctx.db, ctx.actor).thai_digits is False


def test_unknown_series_is_named_next_to_the_field(ctx):
    with pytest.raises(ValidationError) as caught:
        settings.update_settings(ctx.db, ctx.actor, SettingsInput(False, 999_999), None)
    assert caught.value.problems[0].field == "default_series"
    assert "ไม่พบชุดการประชุม" in caught.value.problems[0].message_th
    assert _rows(ctx) == {}  # nothing partial: the digits choice was not saved either


@pytest.mark.parametrize("bad", [SettingsInput("yes", None), SettingsInput(True, "3"), SettingsInput(True, True)])  # type: ignore[arg-type]
def test_wrong_types_are_refused(ctx, bad):
    with pytest.raises(ValidationError):
        settings.update_settings(ctx.db, ctx.actor, bad, None)
    assert _rows(ctx) == {}


def test_viewer_reads_but_cannot_change(ctx):
    viewer = replace(ctx.actor, role=UserRole.VIEWER)
    assert settings.get_settings(ctx.db, viewer).thai_digits is True
    with pytest.raises(PermissionDenied):
        settings.update_settings(ctx.db, viewer, SettingsInput(False, None), None)
    assert _rows(ctx) == {}


def test_a_default_series_gone_since_reads_as_none(ctx):
    """The settings are read over the Core tables (setting_values): a stored default series that no
    longer exists reads as none, in the settings and for the follow-up report's signer."""
    from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document
    from sbpac_desktop.store.tables import meeting_series, setting

    series_id = series(ctx)
    current = settings.get_settings(ctx.db, ctx.actor)
    settings.update_settings(ctx.db, ctx.actor, SettingsInput(True, series_id), current.version)
    assert settings.get_settings(ctx.db, ctx.actor).default_series_id == series_id
    with ctx.db.connect() as connection:  # gone by a way that bypasses the settings' check
        connection.execute(meeting_series.delete().where(meeting_series.c.id == series_id))
        assert connection.execute(select(setting.c.value_json).where(setting.c.key == settings.DEFAULT_SERIES)).scalar()
    assert settings.get_settings(ctx.db, ctx.actor).default_series_id is None
    assert followup_document(ctx.db, ctx.actor, FollowUpScope(fiscal_year=2563)).reporter is None
