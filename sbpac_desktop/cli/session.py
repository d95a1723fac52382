"""`with signed_in(args) as ctx:` — the database opened and signed in for one command, closed after."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sbpac_desktop.cli.users import open_signed_in

if TYPE_CHECKING:
    from sbpac_desktop.services.app import AppContext


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[AppContext]:
    ctx = open_signed_in(args)
    try:
        yield ctx
    finally:
        ctx.close()
