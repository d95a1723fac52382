"""Run the real console entry point (`sbpac_desktop.launcher.main`) with the given arguments in
this process, then write as JSON which heavy libraries and which of our own modules it had
imported by the end. Used by
test_cli_imports.py: the command line must stay cheap to start.

    python -m tests.scale.cli_probe OUT.json ARGS...
"""

from __future__ import annotations

import json
import sys

# Libraries that cost a command line tens to hundreds of milliseconds to import.
HEAVY = (
    "sqlalchemy",
    "sqlalchemy.orm",  # the mapped classes' machinery: a read over the Core tables needs none of it
    "alembic",
    "reportlab",
    "docx",
    "openpyxl",
    "xlsxwriter",
    "pandas",
    "pythainlp",
    "nlpo3",
    "geothai",
    "PySide6",
    "sqlalchemy.dialects.postgresql",  # with its drivers; an SQLite file needs none of it
)


def main() -> int:
    out, argv = sys.argv[1], sys.argv[2:]
    from sbpac_desktop.launcher import main as console_main

    try:
        code = console_main(argv)
    except SystemExit as done:  # argparse ends --version and --help this way
        code = done.code
    imported = [name for name in HEAVY if name in sys.modules]
    with open(out, "w", encoding="utf-8") as handle:
        own = sorted(name for name in sys.modules if name.startswith("sbpac_desktop."))
        json.dump({"exit_code": code, "imported": imported, "own": own}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
