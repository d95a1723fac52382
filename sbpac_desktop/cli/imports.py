"""What the command line's spreadsheet imports share (`import directives`, `org import`,
`network import`, `plan import`): the FILE and --dry-run arguments, the line that says what is
wrong with the file or a row, and the refusal that exits 2 once a row is refused (the services
write all or nothing, so nothing was written)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sbpac_desktop.services.spreadsheets.row_plan import RowProblem

EXIT_INVALID_DATA = 2


def add_import_command(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: Callable[[argparse.Namespace], int],
    *,
    description: str | None = None,
    json: bool = False,
) -> argparse.ArgumentParser:
    """`name FILE [--dry-run] [--json]`; `description` is printed by --help as written (its lines kept)."""
    parser = actions.add_parser(
        name, help=help_text, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", metavar="FILE", help="ไฟล์ .xlsx หรือ .csv")
    parser.add_argument("--dry-run", action="store_true", help="ตรวจสอบและรายงานทีละแถวเท่านั้น ไม่บันทึก")
    if json:
        parser.add_argument("--json", action="store_true", help="รายงานเป็น JSON (output JSON)")
    parser.set_defaults(handler=handler)
    return parser


def problem_line(problem: RowProblem) -> str:
    """'[ผิดพลาด] แถว 4 คอลัมน์ F (ผู้รับผิดชอบหลัก): …'; a problem of the whole file has no row."""
    where = "ทั้งไฟล์" if problem.row is None else f"แถว {problem.row}"
    if problem.column:
        where += f" คอลัมน์ {problem.column}"
    kind = "ผิดพลาด" if problem.is_error else "คำเตือน"
    return f"[{kind}] {where}: {problem.message_th}"


def refused(errors: int | None = None) -> int:
    """Say on stderr that nothing was written (with the number of errors when the report counts them)."""
    count = "" if errors is None else f" {errors:,} รายการ"
    print(f"ข้อผิดพลาด: ข้อมูลในไฟล์ไม่ถูกต้อง{count} — ไม่ได้บันทึกข้อมูลใด ๆ", file=sys.stderr)
    return EXIT_INVALID_DATA
