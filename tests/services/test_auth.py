"""Sign-in on SQLite and PostgreSQL: first admin, argon2id hashes, lockout, account admin."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import open_app
from sbpac_desktop.store.models import AuditEntry, User

PASSWORD = "รหัสผ่าน-ยาวพอ1"


@pytest.fixture
def admin(ctx):
    return auth.create_first_admin(ctx.db, "somchai", "สมชาย ใจดี", PASSWORD)


def _user_row(ctx, login: str) -> User:
    with ctx.db.unit_of_work() as session:
        return session.scalar(select(User).where(User.login == login))


def _audit_actions(ctx, user_id: int) -> list[str]:
    with ctx.db.unit_of_work() as session:
        query = select(AuditEntry.action).where(AuditEntry.entity == "app_user", AuditEntry.entity_id == user_id)
        return list(session.scalars(query.order_by(AuditEntry.id)))


def test_new_database_needs_a_first_admin_and_acts_as_setup_account(ctx):
    assert auth.needs_first_admin(ctx.db)
    assert ctx.actor.login == "system" and ctx.actor.role is UserRole.ADMIN


def test_first_admin_is_stored_with_an_argon2id_hash(ctx, admin):
    assert admin.role is UserRole.ADMIN and admin.login == "somchai"
    row = _user_row(ctx, "somchai")
    assert row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash
    assert not auth.needs_first_admin(ctx.db)


def test_password_hash_never_reaches_the_audit_trail(ctx, admin):
    row = _user_row(ctx, "somchai")
    with ctx.db.unit_of_work() as session:
        query = select(AuditEntry.after_json).where(AuditEntry.entity == "app_user", AuditEntry.entity_id == row.id)
        after = session.scalar(query)
    stored = json.loads(after)["password_hash"]
    assert stored.startswith("<hidden") and row.password_hash not in after


def test_second_first_admin_is_refused(ctx, admin):
    with pytest.raises(PermissionDenied, match="มีบัญชีผู้ใช้แล้ว"):
        auth.create_first_admin(ctx.db, "other", "คนอื่น", PASSWORD)


def test_first_admin_field_problems_are_per_field(ctx):
    with pytest.raises(ValidationError) as caught:
        auth.create_first_admin(ctx.db, "ก", "", "short")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"login", "display_name", "password"}
    assert "อย่างน้อย 8 ตัวอักษร" in caught.value.message_th
    assert auth.needs_first_admin(ctx.db)  # nothing written


def test_sign_in_returns_the_actor(ctx, admin):
    actor = auth.sign_in(ctx.db, " SomChai ", PASSWORD)
    assert actor == admin


def test_unknown_user_and_wrong_password_give_the_same_message(ctx, admin):
    with pytest.raises(auth.SignInFailed) as unknown:
        auth.sign_in(ctx.db, "nobody", PASSWORD)
    with pytest.raises(auth.SignInFailed) as wrong:
        auth.sign_in(ctx.db, "somchai", "wrong-password")
    assert str(unknown.value) == str(wrong.value) == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"


def test_setup_account_can_never_sign_in(ctx, admin):
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "system", "")


def test_five_failures_lock_and_every_failure_is_committed_and_audited(ctx, admin):
    for attempt in range(1, 5):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(ctx.db, "somchai", f"wrong-{attempt}")
        assert _user_row(ctx, "somchai").failed_logins == attempt
    with pytest.raises(auth.AccountLocked, match="ถูกล็อก"):
        auth.sign_in(ctx.db, "somchai", "wrong-5")
    row = _user_row(ctx, "somchai")
    assert row.locked and row.failed_logins == 5
    with pytest.raises(auth.AccountLocked, match="ผู้ดูแลระบบปลดล็อก"):
        auth.sign_in(ctx.db, "somchai", PASSWORD)  # even the right password
    actions = _audit_actions(ctx, row.id)
    assert actions.count("sign_in_failed") == 5 and actions.count("lock") == 1
    assert actions[-1] == "sign_in_refused"


def test_a_success_resets_the_failure_count(ctx, admin):
    for _ in range(3):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(ctx.db, "somchai", "nope-nope")
    auth.sign_in(ctx.db, "somchai", PASSWORD)
    assert _user_row(ctx, "somchai").failed_logins == 0


def test_hash_with_old_parameters_is_upgraded_on_sign_in(ctx, admin):
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    with ctx.db.unit_of_work() as session:
        session.scalar(select(User).where(User.login == "somchai")).password_hash = weak
    auth.sign_in(ctx.db, "somchai", PASSWORD)
    upgraded = _user_row(ctx, "somchai").password_hash
    assert upgraded != weak and not PasswordHasher().check_needs_rehash(upgraded)


def test_open_app_signs_in_once_accounts_exist(db_url):
    first = open_app(db_url, create=True, upgrade=True)
    auth.create_first_admin(first.db, "somchai", "สมชาย", PASSWORD)
    first.close()
    with pytest.raises(PermissionDenied, match="ต้องลงชื่อเข้าใช้ก่อน"):
        open_app(db_url, environ={})
    signed = open_app(db_url, environ={"SBPAC_USER": "somchai", "SBPAC_PASSWORD": PASSWORD})
    assert signed.actor.login == "somchai"
    signed.close()
    with pytest.raises(auth.SignInFailed):
        open_app(db_url, environ={}, credentials=auth.Credentials("somchai", "bad-password"))


# --- administration -----------------------------------------------------------------------


def _add(ctx, admin, login: str, role: str = "secretary", password: str = PASSWORD):
    return users.create_user(ctx.db, admin, users.UserInput(login, f"ผู้ใช้ {login}", role, password))


def test_admin_adds_users_who_can_sign_in(ctx, admin):
    view = _add(ctx, admin, "malee", "ฝ่ายเลขานุการ")
    assert view.role is UserRole.SECRETARY and view.active and not view.locked
    assert auth.sign_in(ctx.db, "malee", PASSWORD).role is UserRole.SECRETARY
    assert [u.login for u in users.list_users(ctx.db, admin)] == ["malee", "somchai"]


@pytest.mark.parametrize(
    ("login", "role", "password", "field", "message"),
    [
        ("x", "viewer", PASSWORD, "login", "ชื่อผู้ใช้ 'x' ใช้ไม่ได้"),
        ("สมศรี", "viewer", PASSWORD, "login", "ใช้อักษรอังกฤษตัวเล็ก"),
        ("somsri", "viewer", "1234567", "password", "อย่างน้อย 8 ตัวอักษร"),
        ("somsri", "viewer", "        ", "password", "ช่องว่างล้วน"),
        ("somsri", "boss", PASSWORD, "role", "ไม่รู้จักบทบาท 'boss'"),
    ],
)
def test_bad_account_input(ctx, admin, login, role, password, field, message):
    with pytest.raises(ValidationError, match=message) as caught:
        _add(ctx, admin, login, role, password)
    assert caught.value.problems[0].field == field
    assert [u.login for u in users.list_users(ctx.db, admin)] == ["somchai"]


def test_duplicate_login_is_a_conflict(ctx, admin):
    _add(ctx, admin, "malee")
    with pytest.raises(ConflictError, match="มีบัญชีชื่อ 'malee' อยู่แล้ว"):
        _add(ctx, admin, "Malee")


def test_only_admins_manage_accounts(ctx, admin):
    _add(ctx, admin, "malee")
    secretary = auth.sign_in(ctx.db, "malee", PASSWORD)
    with pytest.raises(PermissionDenied, match="ไม่มีสิทธิ์เพิ่มบัญชีผู้ใช้"):
        _add(ctx, secretary, "other")
    with pytest.raises(PermissionDenied):
        users.list_users(ctx.db, secretary)
    with pytest.raises(PermissionDenied):
        users.change_role(ctx.db, secretary, "malee", "admin")


def test_change_role_and_the_last_admin_is_kept(ctx, admin):
    _add(ctx, admin, "malee", "viewer")
    assert users.change_role(ctx.db, admin, "malee", "officer").role is UserRole.OFFICER
    with pytest.raises(ValidationError, match="บัญชีของตนเอง"):
        users.change_role(ctx.db, admin, "somchai", "viewer")
    users.change_role(ctx.db, admin, "malee", "admin")
    malee = auth.sign_in(ctx.db, "malee", PASSWORD)
    users.deactivate(ctx.db, malee, "somchai")  # another admin remains: allowed
    with pytest.raises(ValidationError, match="บัญชีของตนเอง"):
        users.deactivate(ctx.db, malee, "malee")
    with pytest.raises(NotFound, match="ไม่พบบัญชีผู้ใช้ 'ghost'"):
        users.change_role(ctx.db, malee, "ghost", "viewer")


def test_last_usable_admin_cannot_be_demoted_by_another_admin(ctx, admin):
    _add(ctx, admin, "malee", "admin")
    users.deactivate(ctx.db, admin, "malee")
    malee_back = users.reset_password(ctx.db, admin, "malee", "ใหม่อีกครั้ง99")
    assert malee_back.active and not malee_back.locked
    malee = auth.sign_in(ctx.db, "malee", "ใหม่อีกครั้ง99")
    users.deactivate(ctx.db, malee, "somchai")
    with pytest.raises(ValidationError):  # malee is now the only usable admin, and it is herself
        users.change_role(ctx.db, malee, "malee", "viewer")


def test_deactivated_account_is_refused_and_unlock_does_not_revive_it(ctx, admin):
    _add(ctx, admin, "malee")
    users.deactivate(ctx.db, admin, "malee")
    with pytest.raises(auth.AccountLocked, match="ถูกปิดใช้งานแล้ว"):
        auth.sign_in(ctx.db, "malee", PASSWORD)
    with pytest.raises(ValidationError, match="reset-password"):
        users.unlock(ctx.db, admin, "malee")


def test_unlock_and_reset_password(ctx, admin):
    _add(ctx, admin, "malee")
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            auth.sign_in(ctx.db, "malee", "not-the-password")
    assert users.unlock(ctx.db, admin, "malee").locked is False
    assert auth.sign_in(ctx.db, "malee", PASSWORD).login == "malee"
    with pytest.raises(ValidationError, match="อย่างน้อย 8"):
        users.reset_password(ctx.db, admin, "malee", "short")
    users.reset_password(ctx.db, admin, "malee", "another-long-one")
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "malee", PASSWORD)
    assert "unlock" in _audit_actions(ctx, _user_row(ctx, "malee").id)
