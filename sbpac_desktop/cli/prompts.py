"""Secrets asked on the terminal: passwords and certificate passphrases, never command arguments.

getpass reads the terminal, or stdin when there is none (a script piping the password). With
neither (stdin closed or at its end: a cron job, a captured stdin) it raises EOFError or OSError;
the clerk gets one line naming the variable that would have supplied the secret instead.
"""

from __future__ import annotations

import getpass
import sys
import warnings

from sbpac_desktop.domain.errors import ValidationError


def ask_secret(
    prompt: str, env_name: str, field: str = "password", what: tuple[str, str] = ("รหัสผ่าน", "password")
) -> str:
    """`what`: the secret's name in Thai and English, for the refusal."""
    try:
        with warnings.catch_warnings():
            # With no terminal getpass reads the piped line and warns that it cannot hide it:
            # Python's warning in English, noise for a clerk whose script pipes the password on purpose.
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(prompt)
    except (EOFError, OSError) as error:
        sys.stderr.write("\n")  # the prompt is still on the line: the refusal gets a line of its own
        raise ValidationError.single(
            field,
            f"ไม่ได้ป้อน{what[0]} (ไม่มีหน้าจอเทอร์มินัลให้ถาม) — กำหนดตัวแปร {env_name} หรือรันคำสั่งในหน้าจอเทอร์มินัล",
            f"No {what[1]} was typed (no terminal to ask on): set {env_name} or run the command in a terminal",
        ) from error
