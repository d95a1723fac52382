"""Printed documents: agenda, minutes, follow-up report and session dossier as PDF or as an
editable Word file (.docx), chosen by the output file's suffix."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sbpac_desktop.cli import heap
from sbpac_desktop.cli.args import date_arg, fiscal_year_arg, meeting_ref_arg
from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.session import open_signed_in
from sbpac_desktop.domain.documents import GroupBy
from sbpac_desktop.domain.errors import EXIT_OUTPUT, AppError, NotFound, ValidationError
from sbpac_desktop.reporting.writers import writer

if TYPE_CHECKING:
    from sbpac_desktop.domain.documents import AgendaDoc
    from sbpac_desktop.services.app import AppContext


class OutputError(AppError):
    exit_code = EXIT_OUTPUT


OUTPUT_SUFFIXES = (".pdf", ".docx")


def document_path(text: str) -> Path:
    path = Path(text).expanduser()
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise argparse.ArgumentTypeError(f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .pdf หรือ .docx (ได้รับ '{text}')")
    return path


def renderer(document: str, path: Path) -> Callable[..., Path]:
    """reporting.<document>.render for a PDF, reporting.word.<document>.render for Word;
    imported only now so a command loads only the writer it uses."""
    render: Callable[..., Path] = writer(document, path).render
    return render


def _quarter(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "๑", "๒", "๓", "๔"}:
        raise argparse.ArgumentTypeError(f"ไตรมาสต้องเป็น 1 ถึง 4 (ได้รับ '{text}')")
    return int(text.strip().translate(str.maketrans("๑๒๓๔", "1234")))


def _write(document: str, doc: object, args: argparse.Namespace, what: str) -> int:
    from sbpac_desktop.reporting.output_file import OutputPathError

    path = args.output
    if getattr(args, "pdfa", False) and path.suffix.lower() != ".pdf":
        raise ValidationError.single("pdfa", "--pdfa ใช้ได้กับไฟล์ .pdf เท่านั้น", "--pdfa needs a .pdf output")
    try:
        written = renderer(document, path)(doc, path, thai_digits=not args.arabic_digits)
    except OutputPathError as error:
        raise OutputError(str(error), f"Cannot write {path}") from error
    if getattr(args, "pdfa", False):
        _archive(written)
    emit(f"บันทึก{what}แล้ว: {written}")
    return 0


def _archive(written: Path) -> None:
    """Rewrite the PDF as PDF/A-2u; a file that cannot be converted is not left half-archived."""
    from sbpac_desktop.reporting.pdfa import PdfaError, make_pdfa

    try:
        make_pdfa(written)
    except PdfaError as error:
        written.unlink(missing_ok=True)
        raise OutputError(str(error), f"Cannot write PDF/A {written}") from error


def _meeting_id(ctx: AppContext, reference: str) -> int:
    from sbpac_desktop.services.meetings.meeting_list import find_meeting  # Core: no ORM (issue #16)

    return find_meeting(ctx.db, ctx.actor, reference).id


def _require_agenda(doc: AgendaDoc, reference: str) -> None:
    if not any(section.entries for section in doc.sections):
        raise NotFound(
            f"การประชุม {reference} ยังไม่มีเรื่องในระเบียบวาระ — เพิ่มเรื่องก่อนพิมพ์",
            f"Meeting {reference} has no agenda items yet",
        )


@heap.one_document
def cmd_agenda(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import documents

    with _session(args) as ctx:
        doc = documents.agenda_document(ctx.db, ctx.actor, _meeting_id(ctx, args.meeting))
    _require_agenda(doc, args.meeting)
    return _write("agenda", doc, args, "ระเบียบวาระการประชุม")


@heap.one_document
def cmd_minutes(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import documents

    with _session(args) as ctx:
        doc = documents.minutes_document(ctx.db, ctx.actor, _meeting_id(ctx, args.meeting), args.as_of)
    return _write("minutes", doc, args, "รายงานการประชุม")


@heap.one_document
def cmd_followup(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document

    with _session(args) as ctx:
        meeting_id = _meeting_id(ctx, args.meeting) if args.meeting else None
        scope = FollowUpScope(args.fiscal_year, args.quarter, meeting_id, args.assignee, GroupBy(args.group_by))
        doc = followup_document(ctx.db, ctx.actor, scope, args.as_of)
    return _write("followup", doc, args, "รายงานผลการติดตามข้อสั่งการ")


@heap.one_document
def cmd_dossier(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.meetings import documents

    with _session(args) as ctx:
        doc = documents.dossier_document(ctx.db, ctx.actor, _meeting_id(ctx, args.meeting), args.as_of)
    return _write("dossier", doc, args, "เอกสารประกอบการประชุม")


class _session:  # noqa: N801 - reads as a statement: `with _session(args) as ctx`
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    def __enter__(self) -> AppContext:
        self.ctx = open_signed_in(self.args)
        return self.ctx

    def __exit__(self, *exc: object) -> None:
        self.ctx.close()


def _common(parser: argparse.ArgumentParser, with_meeting: bool = True) -> None:
    if with_meeting:
        parser.add_argument(
            "meeting", metavar="MEETING", type=meeting_ref_arg, help="รหัส หรือครั้งที่ของการประชุม เช่น 10/2562"
        )
    parser.add_argument("-o", "--output", type=document_path, required=True, metavar="FILE.pdf|FILE.docx",
                        help="ไฟล์ PDF หรือ Word (.docx)")  # fmt: skip
    parser.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิกแทนเลขไทย")
    parser.add_argument("--as-of", type=date_arg, default=None, metavar="DATE", help="สถานะ ณ วันที่ (ค่าปริยาย วันนี้)")


def _pdfa_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdfa", action="store_true", help="บันทึกเป็น PDF/A-2u สำหรับเก็บถาวร (เฉพาะไฟล์ .pdf)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agenda = sub.add_parser("agenda", help="พิมพ์ระเบียบวาระการประชุมเป็น PDF หรือ Word")
    _common(agenda)
    agenda.set_defaults(handler=cmd_agenda)
    minutes = sub.add_parser("minutes", help="พิมพ์รายงานการประชุม (แบบที่ ๑๑) เป็น PDF หรือ Word")
    _common(minutes)
    _pdfa_option(minutes)
    minutes.set_defaults(handler=cmd_minutes)
    report = sub.add_parser("followup-report", help="พิมพ์รายงานผลการติดตามข้อสั่งการเป็น PDF หรือ Word")
    _common(report, with_meeting=False)
    report.add_argument("--fiscal-year", type=fiscal_year_arg, help="ปีงบประมาณ พ.ศ. เช่น 2563")
    report.add_argument("--quarter", type=_quarter, help="ไตรมาส 1-4 (ต้องระบุปีงบประมาณ)")
    report.add_argument("--assignee", help="ตำแหน่ง หน่วยงาน หรือชื่อย่อ")
    report.add_argument("--meeting", type=meeting_ref_arg, help="เฉพาะข้อสั่งการจากการประชุมนี้ เช่น 10/2562")
    report.add_argument(
        "--group-by",
        choices=[g.value for g in GroupBy],
        default=GroupBy.ASSIGNEE.value,
        help="จัดกลุ่มตามผู้รับผิดชอบ (assignee) หรือมิติการพัฒนา (dimension)",
    )
    report.set_defaults(handler=cmd_followup)
    dossier = sub.add_parser("dossier", help="พิมพ์เอกสารประกอบการประชุมทั้งชุดเป็น PDF หรือ Word")
    _common(dossier)
    _pdfa_option(dossier)
    dossier.set_defaults(handler=cmd_dossier)
