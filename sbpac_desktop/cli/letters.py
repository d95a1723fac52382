"""Official letters from the command line: the invitation letter (with the agenda attached) and
the directive memos to each unit, as PDF or Word by the output's suffix.

    letters invitation MEETING -o OUT.pdf|OUT.docx [--per-post] [--number N] [--date DATE]
    letters memo MEETING -o OUT.pdf|OUT.docx        all memos in one file, one unit per page
    letters memo MEETING -o FOLDER [--word]         one file per unit in an existing folder
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from types import ModuleType

from sbpac_desktop.cli import heap
from sbpac_desktop.cli.args import date_arg, meeting_ref_arg, whole_number
from sbpac_desktop.cli.documents import OUTPUT_SUFFIXES, OutputError
from sbpac_desktop.cli.output import emit
from sbpac_desktop.cli.session import signed_in
from sbpac_desktop.reporting.writers import writer

_SPACES = re.compile(r"\s+")
RUNNING_NUMBER = whole_number(1, 999_999, "เลขที่หนังสือ", "45")  # ที่ นร 5207/ว 45


def _output(text: str) -> Path:
    return Path(text).expanduser()


def _writer(path: Path) -> ModuleType:
    """reporting.word.letters for a .docx, reporting.letters for a PDF (the same functions)."""
    return writer("letters", path)


def _need_document(path: Path) -> None:
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise OutputError(
            f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .pdf หรือ .docx (ได้รับ '{path}')", f"Output must end in .pdf or .docx: {path}"
        )


@heap.one_document
def cmd_invitation(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.output_file import OutputPathError
    from sbpac_desktop.services.meetings import letters
    from sbpac_desktop.services.meetings.meeting_list import find_meeting  # Core: no ORM (issue #16)

    _need_document(args.output)
    with signed_in(args) as ctx:
        meeting_id = find_meeting(ctx.db, ctx.actor, args.meeting).id
        number = None if args.number is None else str(args.number)
        found = letters.invitation_letters(ctx.db, ctx.actor, meeting_id, per_post=args.per_post,
                                           issued_on=args.date, running_number=number)  # fmt: skip
    try:
        written = _writer(args.output).render_invitations(found, args.output, thai_digits=not args.arabic_digits)
    except OutputPathError as error:
        raise OutputError(str(error), f"Cannot write {args.output}") from error
    emit(f"บันทึกหนังสือเชิญประชุม {len(found)} ฉบับแล้ว: {written}")
    return 0


@heap.one_document
def cmd_memo(args: argparse.Namespace) -> int:
    from sbpac_desktop.reporting.output_file import OutputPathError
    from sbpac_desktop.services.attachment_names import safe_file_name
    from sbpac_desktop.services.meetings import letters
    from sbpac_desktop.services.meetings.meeting_list import find_meeting

    folder = args.output.suffix.lower() not in OUTPUT_SUFFIXES
    if folder and not args.output.is_dir():
        raise OutputError(f"ไม่พบโฟลเดอร์ที่จะบันทึกไฟล์: {args.output}", f"No such folder: {args.output}")
    with signed_in(args) as ctx:
        meeting_id = find_meeting(ctx.db, ctx.actor, args.meeting).id
        memos = letters.directive_memos(ctx.db, ctx.actor, meeting_id, issued_on=args.date)
    digits = not args.arabic_digits
    try:
        if not folder:
            written = _writer(args.output).render_memos(memos, args.output, thai_digits=digits)
            emit(f"บันทึกข้อความ {len(memos)} ฉบับแล้ว: {written}")
            return 0
        suffix = ".docx" if args.word else ".pdf"
        for index, memo in enumerate(memos, start=1):
            # at most 180 bytes: 80 Thai characters of a long addressee were 240 bytes, and ext4 allows 255
            name = safe_file_name(f"บันทึกข้อความ-{index:02d}-{_SPACES.sub('_', memo.addressee)}{suffix}")
            target = args.output / name
            emit(f"บันทึกแล้ว: {_writer(target).render_memos([memo], target, thai_digits=digits)}")
    except OutputPathError as error:
        raise OutputError(str(error), f"Cannot write {args.output}") from error
    return 0


def _common(parser: argparse.ArgumentParser, output_help: str) -> None:
    parser.add_argument("meeting", metavar="MEETING", type=meeting_ref_arg, help="รหัส หรือครั้งที่ของการประชุม เช่น 10/2562")
    parser.add_argument("-o", "--output", type=_output, required=True, metavar="OUT", help=output_help)
    parser.add_argument("--date", type=date_arg, default=None, metavar="DATE", help="ลงวันที่ (ค่าปริยาย วันนี้)")
    parser.add_argument("--arabic-digits", action="store_true", help="ใช้เลขอารบิกแทนเลขไทย")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("letters", help="หนังสือเชิญประชุมและบันทึกข้อความแจ้งข้อสั่งการ (PDF หรือ Word)")
    kinds = group.add_subparsers(dest="letter_kind", metavar="KIND", required=True)
    invitation = kinds.add_parser("invitation", help="หนังสือเชิญประชุม พร้อมระเบียบวาระการประชุม")
    _common(invitation, "ไฟล์ .pdf หรือ .docx")
    invitation.add_argument("--per-post", action="store_true", help="แยกฉบับละตำแหน่ง (ค่าปริยาย ฉบับเดียวพร้อมบัญชีแจกจ่าย)")
    invitation.add_argument("--number", type=RUNNING_NUMBER, metavar="N", help="เลขที่หนังสือ (ที่ นร .../ว N)")
    invitation.set_defaults(handler=cmd_invitation)
    memo = kinds.add_parser("memo", help="บันทึกข้อความแจ้งข้อสั่งการถึงแต่ละหน่วยงาน")
    _common(memo, "ไฟล์ .pdf หรือ .docx (ทุกฉบับในไฟล์เดียว) หรือโฟลเดอร์ (ไฟล์ละหน่วยงาน)")
    memo.add_argument("--word", action="store_true", help="เมื่อบันทึกลงโฟลเดอร์: เป็นไฟล์ Word แทน PDF")
    memo.set_defaults(handler=cmd_memo)
