"""`sbpac-desktop --self-test`: prove that an installed copy has everything it needs at run time.

Run on a frozen (PyInstaller) build it is the check that nothing was left out of the bundle:
every step below loads files that only exist when they were packaged —

- the Alembic migration scripts (create and migrate a database),
- the demo data path through the services (SQLAlchemy, argon2, the audit chain),
- the Sarabun font files (fontpkg entry points + TTFs), HarfBuzz (uharfbuzz), pythainlp's
  word list and the organisation's dictionary (the minutes PDF; its text layer is read back),
- xlsxwriter + openpyxl + python-calamine (an .xlsx export, read back by both readers),
- the integrity check of the maintenance service.

Everything happens in a temporary folder that is deleted afterwards: the user's own database,
settings and `SBPAC_DB` are never looked at. No Qt here: the window has its own smoke run
(`SBPAC_GUI_SMOKE=1`). Exit code 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from sbpac_desktop import __version__

EXIT_OK = 0
EXIT_FAILED = 1
AS_OF = date(2020, 2, 15)  # 15 ก.พ. 2563: a fixed day so the demo's statuses never drift
PRIVATE_USE_PLANE_15 = range(0xF0000, 0x100000)  # our shaped-glyph codes: must never reach the text layer


class SelfTestFailure(Exception):
    """A step ran but its result is wrong (as opposed to crashing)."""


@dataclass
class _State:
    folder: Path
    db_path: Path
    meeting_id: int | None = None
    notes: dict[str, str] = field(default_factory=dict)


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def _step_segmenter(state: _State) -> str:
    from sbpac_desktop.thai.segment import org_words, segment

    words = segment("ศอ.บต.ติดตามข้อสั่งการของเลขาธิการ")
    if "ศอ.บต." not in words:
        raise SelfTestFailure(f"organisation dictionary not used: {words}")
    if len(words) < 4:
        raise SelfTestFailure(f"pythainlp word list missing, text not split: {words}")
    return f"{len(org_words())} org words; {'|'.join(words)}"


def _step_database(state: _State) -> str:
    from sbpac_desktop.services.app import open_app, schema_revision

    ctx = open_app(str(state.db_path), environ={}, create=True)
    ctx.close()
    if not state.db_path.is_file():
        raise SelfTestFailure(f"{state.db_path} was not created")
    return f"migrated to schema {schema_revision()}"


def _step_demo(state: _State) -> str:
    from sbpac_desktop.services.app import open_app
    from sbpac_desktop.services.demo.demo import load_demo

    ctx = open_app(str(state.db_path), environ={})
    try:
        result = load_demo(ctx.db, ctx.actor)
    finally:
        ctx.close()
    if not result.created or result.directive_count < 1:
        raise SelfTestFailure(f"demo data not loaded: {result}")
    state.meeting_id = result.meeting_id
    return f"{result.directive_count} directives"


def _step_minutes_pdf(state: _State) -> str:
    from sbpac_desktop.reporting import minutes
    from sbpac_desktop.services.app import open_app
    from sbpac_desktop.services.meetings import documents
    from sbpac_desktop.thai import apply_digits

    if state.meeting_id is None:
        raise SelfTestFailure("no demo meeting (the previous step failed)")
    ctx = open_app(str(state.db_path), environ={})
    try:
        doc = documents.minutes_document(ctx.db, ctx.actor, state.meeting_id, AS_OF)
    finally:
        ctx.close()
    path = minutes.render(doc, state.folder / "minutes.pdf", thai_digits=True)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"Sarabun" not in data:
        raise SelfTestFailure("the PDF does not embed Sarabun")
    pages, text = _pdf_text(path)
    expected = ["รายงานการประชุม", doc.header.body_name, doc.header.venue, "ศอ.บต."]
    missing = [phrase for phrase in expected if _squeeze(apply_digits(phrase, True)) not in text]
    if missing:
        raise SelfTestFailure(f"text layer lacks {missing!r}")
    leaked = sorted({f"U+{ord(ch):X}" for ch in text if ord(ch) in PRIVATE_USE_PLANE_15})
    if leaked:
        raise SelfTestFailure(f"text layer shows private glyph codes {leaked[:5]}")
    return f"{pages} pages, {len(data):,} bytes, text layer reads back"


def _pdf_text(path: Path) -> tuple[int, str]:
    """All the text a PDF reader extracts, whitespace removed (line breaks fall between words)."""
    try:
        import pypdf
    except ImportError as exc:  # a bundle built without it cannot check the text layer
        raise SelfTestFailure("pypdf is not available to read the text layer") from exc
    reader = pypdf.PdfReader(path)
    return len(reader.pages), _squeeze("".join(page.extract_text() or "" for page in reader.pages))


def _step_xlsx(state: _State) -> str:
    import openpyxl

    from sbpac_desktop.reporting.spreadsheets import write_table
    from sbpac_desktop.services.app import open_app
    from sbpac_desktop.services.spreadsheets.export import tracker_table

    ctx = open_app(str(state.db_path), environ={})
    try:
        table = tracker_table(ctx.db, ctx.actor, as_of=AS_OF)
    finally:
        ctx.close()
    written = write_table(
        state.folder / "directives.xlsx", table.headers, table.rows, sheet_name=table.sheet_name, info=table.info
    )
    book = openpyxl.load_workbook(written.path, read_only=True)
    try:
        sheet = book[table.sheet_name]
        cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    finally:
        book.close()
    if table.headers[1] not in cells or written.rows != len(table.rows) or not table.rows:
        raise SelfTestFailure(f"{written.path.name} does not read back ({written.rows} rows)")
    _check_calamine(written.path, table.sheet_name, len(table.rows))
    return f"{written.rows} rows, {written.size:,} bytes"


def _check_calamine(path: Path, sheet_name: str, rows: int) -> None:
    """The importers' fast reader (a compiled module) is in the bundle and reads the export back."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        read = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    finally:
        book.close()
    if len(read) < rows:
        raise SelfTestFailure(f"python-calamine reads {len(read)} rows of {path.name}, expected at least {rows}")


def _step_integrity(state: _State) -> str:
    from sbpac_desktop.services.admin.maintenance import check_database

    report = check_database(str(state.db_path), environ={})
    failed = [f"{item.label_th}: {item.detail_th}" for item in report.items if not item.ok]
    if failed:
        raise SelfTestFailure("; ".join(failed))
    return ", ".join(item.label_th.split(" (")[-1].rstrip(")") for item in report.items)


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("ตัดคำภาษาไทย (word segmenter data)", _step_segmenter),
    ("สร้างและปรับรุ่นฐานข้อมูล (database + migrations)", _step_database),
    ("ข้อมูลตัวอย่าง (demo data)", _step_demo),
    ("รายงานการประชุม PDF (fonts, shaping, text layer)", _step_minutes_pdf),
    ("ส่งออก Excel (XLSX export)", _step_xlsx),
    ("ตรวจความสมบูรณ์ (integrity check)", _step_integrity),
)


def _run_step(title: str, step: Callable[[_State], str], state: _State, out: TextIO) -> int:
    """Print the step's line; 1 when it failed (a crash or a wrong result), else 0."""
    step_started = time.perf_counter()
    try:
        detail, ok = step(state), True
    except Exception as exc:  # report every step, never stop at the first traceback
        detail, ok = f"{type(exc).__name__}: {exc}", False
        if not isinstance(exc, SelfTestFailure):
            traceback.print_exc(file=sys.stderr)
    seconds = time.perf_counter() - step_started
    print(f"  [{'ผ่าน ok' if ok else 'ไม่ผ่าน FAILED'}] {title} — {detail} ({seconds:.2f} s)", file=out)
    return 0 if ok else 1


def run_self_test(out: TextIO | None = None, folder: Path | None = None) -> int:
    """Run every step, print one line each, return 0 when all passed. `folder`: keep the files there."""
    out = out or sys.stdout
    frozen = bool(getattr(sys, "frozen", False))
    where = getattr(sys, "_MEIPASS", None) if frozen else Path(__file__).resolve().parent
    print(f"sbpac-desktop {__version__} self-test ({'frozen' if frozen else 'source'}: {where})", file=out)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sbpac-selftest-") as tmp:
        base = Path(folder) if folder is not None else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        state = _State(base, base / "selftest.db")
        failures = 0
        from sbpac_desktop.services.audit_anchors import anchor_file_at  # after the version line: imports take time

        with anchor_file_at(base / "audit-anchors.json"):  # the user's own anchor file stays untouched
            for title, step in STEPS:
                failures += _run_step(title, step, state, out)
    total = time.perf_counter() - started
    if failures:
        print(f"ไม่ผ่าน {failures} ขั้นตอน / self-test FAILED ({failures} of {len(STEPS)} steps, {total:.1f} s)", file=out)
        return EXIT_FAILED
    print(f"ผ่านทุกขั้นตอน / self-test passed ({len(STEPS)} steps, {total:.1f} s)", file=out)
    return EXIT_OK
