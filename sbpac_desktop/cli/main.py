"""`sbpac-desktop COMMAND`: argument parsing, error handling and exit codes."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from sbpac_desktop import __version__
from sbpac_desktop.domain.errors import (
    EXIT_CANCELLED,
    EXIT_OUTPUT,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    AppError,
    exit_codes_text,
)
from sbpac_desktop.logs import log_path, setup_logging

log = logging.getLogger(__name__)


class ThaiArgumentParser(argparse.ArgumentParser):
    """argparse with a Thai first line on usage errors and exit code 2, never a traceback."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: คำสั่งไม่ถูกต้อง — {message}\n")


# Each module adds its subcommands with `register(subparsers)`; the order is the order in --help.
# The commands each one registers are named here too (a test checks them), so a command line that
# names its command imports and builds that module's parsers only (`parser_for`).
COMMAND_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("commands", ("init", "demo", "directives")),
    ("series", ("series",)),
    ("meetings", ("meetings",)),
    ("agenda_items", ("agenda-item", "minutes-text")),
    ("attendance", ("attendance",)),
    ("progress", ("progress",)),
    ("dimensions", ("dimensions",)),
    ("documents", ("agenda", "minutes", "followup-report", "dossier")),
    ("letters", ("letters",)),
    ("spreadsheets", ("export", "import")),
    ("org", ("org",)),
    ("maintenance", ("backup", "restore", "check")),
    ("search", ("search",)),
    ("users", ("users",)),
    ("generate", ("generate",)),
    ("workflow", ("directive",)),
    ("field", ("places", "visits")),  # places and visits (issue #15)
    ("network", ("network",)),  # the civil-society network's reports (issue #15)
    ("plan", ("plan",)),  # the integrated plan's M&E (issue #15)
    ("sign", ("sign", "verify")),  # PAdES sign and verify (issue #13 item 6)
)
_GLOBAL_VALUE_OPTIONS = ("--db", "--user")


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"sbpac_desktop.cli.{name}")


def _modules_named_by(argv: Sequence[str]) -> tuple[str, ...] | None:
    """The module of the command this line names, none for the window (no command, or `gui`);
    None when the whole parser must answer: a word that is no command, help, --version, or any
    option other than --db/--user with a value (an abbreviated one among them)."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word.startswith("-"):
            if word not in _GLOBAL_VALUE_OPTIONS or not rest or rest[0].startswith("-"):
                return None
            rest.pop(0)
            continue
        if word == "gui":
            return ()
        return next(((module,) for module, commands in COMMAND_MODULES if word in commands), None)
    return ()


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """What parses this command line: the same answer as `build_parser()`'s, built faster."""
    return build_parser(_modules_named_by(argv))


def build_parser(only: tuple[str, ...] | None = None) -> argparse.ArgumentParser:
    """Every command, or only those of the modules named in `only`."""
    parser = ThaiArgumentParser(
        prog="sbpac-desktop",
        description="ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต. (SBPAC Desktop). ไม่ระบุคำสั่งจะเปิดหน้าต่างโปรแกรม",
        epilog=exit_codes_text(),
    )
    parser.add_argument("--version", action="version", version=f"sbpac-desktop {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="ตรวจสอบว่าโปรแกรมที่ติดตั้งทำงานครบ (ฐานข้อมูลชั่วคราว, PDF, Excel) แล้วออก (check the installation)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="ไฟล์ฐานข้อมูล SQLite หรือ URL เช่น postgresql+psycopg://user@host/sbpac (แทนค่า SBPAC_DB)",
    )
    parser.add_argument(
        "--user",
        metavar="LOGIN",
        help="ลงชื่อเข้าใช้เป็นบัญชีนี้ (แทนค่า SBPAC_USER); รหัสผ่านจาก SBPAC_PASSWORD หรือพิมพ์เมื่อถูกถาม",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ThaiArgumentParser)
    sub.add_parser("gui", help="เปิดหน้าต่างโปรแกรม (open the main window)")
    for name, _commands in COMMAND_MODULES:
        if only is None or name in only:
            command_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry used by tests and scripts; the console script goes through the launcher."""
    argv = sys.argv[1:] if argv is None else argv
    args = parser_for(argv).parse_args(argv)
    if args.command in (None, "gui"):
        build_parser().print_help()
        return EXIT_USAGE
    return run(args)


def run(args: argparse.Namespace) -> int:
    setup_logging()
    try:
        return args.handler(args)
    except AppError as error:
        print(f"ข้อผิดพลาด: {error.message_th}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error for the user.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว", file=sys.stderr)
        return EXIT_CANCELLED
    except OSError as error:
        if _is_output_path_error(error):  # a document command without its own OutputError wrapper
            print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
            return EXIT_OUTPUT
        if error.errno != errno.ENAMETOOLONG:
            return _unexpected(args)
        # A file name over 255 bytes makes pathlib's is_file()/exists() raise instead of answering
        # False; each command's own check should say so, this is the net under the ones that do not.
        log.warning("file name too long in command %s", args.command, exc_info=True)
        print(f"ข้อผิดพลาด: ชื่อไฟล์หรือโฟลเดอร์ยาวเกินไป ({error.strerror}) — โปรดใช้ชื่อที่สั้นลง", file=sys.stderr)
        return EXIT_USAGE
    except Exception:
        return _unexpected(args)


def _is_output_path_error(error: OSError) -> bool:
    """The renderers' own refusal (missing folder, a name too long, a folder named like the file):
    its message is already Thai. Imported here only, so a command that writes no document never
    loads the reporting package."""
    from sbpac_desktop.reporting.output_file import OutputPathError

    return isinstance(error, OutputPathError)


def _unexpected(args: argparse.Namespace) -> int:
    """Called inside an except block: the traceback goes to the log file, one Thai line to the screen."""
    log.exception("unexpected error in command %s", args.command)
    print(
        f"เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์บันทึก {log_path()}",
        file=sys.stderr,
    )
    return EXIT_UNEXPECTED
