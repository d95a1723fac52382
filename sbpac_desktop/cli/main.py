"""`sbpac-desktop COMMAND`: argument parsing, error handling and exit codes."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from sbpac_desktop import __version__
from sbpac_desktop.cli import (
    agenda_items,
    attendance,
    commands,
    dimensions,
    documents,
    field,
    generate,
    letters,
    maintenance,
    meetings,
    network,
    org,
    plan,
    progress,
    search,
    series,
    sign,
    spreadsheets,
    users,
    workflow,
)
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
COMMAND_MODULES = (
    commands,
    series,
    meetings,
    agenda_items,
    attendance,
    progress,
    dimensions,
    documents,
    letters,
    spreadsheets,
    org,
    maintenance,
    search,
    users,
    generate,
    workflow,
    field,  # places and visits (issue #15)
    network,  # the civil-society network's reports (issue #15)
    plan,  # the integrated plan's M&E (issue #15)
    sign,  # PAdES sign and verify (issue #13 item 6)
)


def build_parser() -> argparse.ArgumentParser:
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
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry used by tests and scripts; the console script goes through the launcher."""
    args = build_parser().parse_args(argv)
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
