"""Sign-in for one command: `with signed_in(args) as ctx:` opens the database, signs in, and closes it after.

Once the database has an account, a command signs in as `--user LOGIN` (or SBPAC_USER) with the password
from SBPAC_PASSWORD or a prompt — never an argument, which `ps` would show.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sbpac_desktop.cli.prompts import ask_secret

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.context import Credentials


def credentials_for(args: argparse.Namespace) -> Callable[[], Credentials | None]:
    """Asked only when the database has accounts, so a new database never prompts."""

    from sbpac_desktop.services.app import PASSWORD_ENV, USER_ENV
    from sbpac_desktop.services.context import Credentials

    def source() -> Credentials | None:
        login = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
        if not login:
            return None
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = ask_secret(f"รหัสผ่านของ {login}: ", PASSWORD_ENV)
        return Credentials(login, password)

    return source


def open_signed_in(args: argparse.Namespace, *, create: bool = False, upgrade: bool = False) -> AppContext:
    """The one way commands open the database: the setup account on a new one, else sign-in."""
    from sbpac_desktop.services.app import open_app

    return open_app(args.db, credentials=credentials_for(args), create=create, upgrade=upgrade)


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[AppContext]:
    ctx = open_signed_in(args)
    try:
        yield ctx
    finally:
        ctx.close()
