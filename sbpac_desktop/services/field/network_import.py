"""Reports of the civil-society network and volunteer graduates from a spreadsheet, all or nothing.

Members fill in the template (`write_template`, xlsxwriter) offline; the secretariat imports it.
One row is one report by one member: the member is found by kind, name and tambon (or registered
on first sight), the report is tied to a directive (its number, ขส. 001/2563) or a place (a tambon
written 'ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี', a district, a province or a DOPA code). The file is
read by the directive importer's reader (xlsx, CSV in UTF-8/UTF-16/Windows-874; formulas never
run) and its cell parsers; every row goes through the network service's rules in one transaction
that is rolled back for a dry run or when any row is refused, so nothing is written unless every
row is valid. The report says per row what was (or would be) done, or why it is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field.field_visits import EDIT_FIELD_WORK
from sbpac_desktop.services.field.network import (
    KIND_TH,
    RATING_TH,
    MemberInput,
    ReportInput,
    find_member,
    insert_member,
    insert_report,
)
from sbpac_desktop.services.people.org_import_fields import name_value, phone_value
from sbpac_desktop.services.permissions import require
from sbpac_desktop.services.places import find_place
from sbpac_desktop.services.spreadsheets.fields import CellError, date_value, header_key, number_value
from sbpac_desktop.services.spreadsheets.row_plan import RowProblem
from sbpac_desktop.services.spreadsheets.sheet_import import SheetColumns, SheetRow, apply_all_or_nothing, read_sheet
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive

DATA_SHEET = "รายงานภาคประชาชน"
PLACES_SHEET = "รายชื่อพื้นที่"
# key: (header in the template, other accepted headers)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "kind": ("ประเภท", ("kind",)),
    "full_name": ("ชื่อ-นามสกุล", ("ชื่อนามสกุล", "ชื่อ", "name", "fullname")),
    "organisation": ("องค์กร", ("องค์กร/หน่วยงาน", "หน่วยงาน", "organisation", "organization")),
    "member_place": ("ตำบลที่สังกัด", ("พื้นที่ที่สังกัด", "ตำบล", "memberplace", "tambon")),
    "phone": ("โทรศัพท์", ("เบอร์โทร", "phone")),
    "report_on": ("วันที่รายงาน", ("วันที่", "reportdate", "date")),
    "directive": ("เลขที่ข้อสั่งการ", ("ข้อสั่งการ", "directive", "directivenumber")),
    "place": ("พื้นที่ที่รายงาน", ("พื้นที่", "place")),
    "rating": ("ผลที่เห็น", ("ผล", "rating", "result")),
    "text": ("รายละเอียด", ("สิ่งที่พบ", "รายละเอียดที่รายงาน", "text", "details")),
}
REQUIRED = ("kind", "full_name", "report_on", "rating", "text")
SHEET = SheetColumns(COLUMNS, REQUIRED, frozenset({"kind", "rating"}), 4, "(ใช้แบบฟอร์มจากโปรแกรม)")
_KINDS = {
    header_key(k): v
    for k, v in (
        ("เครือข่ายภาคประชาชน", "network"), ("เครือข่าย", "network"), ("network", "network"),
        ("บัณฑิตอาสาพัฒนามาตุภูมิ", "volunteer"), ("บัณฑิตอาสา", "volunteer"), ("volunteer", "volunteer"),
    )
}  # fmt: skip
_RATINGS = {header_key(th): key for key, th in RATING_TH.items()} | {header_key("บางส่วน"): "partial"}


@dataclass(frozen=True)
class NetworkRowResult:
    row: int  # as Excel shows it
    label: str  # who reported, about what
    action: str  # create | refused
    new_member: bool
    problems: tuple[RowProblem, ...]

    @property
    def detail_th(self) -> str:
        if self.problems:
            return "; ".join(f"{p.column}: {p.message_th}" if p.column else p.message_th for p in self.problems)
        return "ลงทะเบียนสมาชิกใหม่และบันทึกรายงาน" if self.new_member else "บันทึกรายงาน"


@dataclass(frozen=True)
class NetworkImportReport:
    path: str
    source_th: str
    dry_run: bool
    rows: tuple[NetworkRowResult, ...]
    problems: tuple[RowProblem, ...]  # about the file or its header
    committed: bool

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.action != "refused" for r in self.rows)

    def summary_th(self) -> str:
        refused = sum(1 for r in self.rows if r.action == "refused")
        members = sum(1 for r in self.rows if r.new_member and r.action != "refused")
        read = f"อ่าน {len(self.rows):,} แถว"
        if not self.ok:
            errors = len(self.problems) + sum(len(r.problems) for r in self.rows)
            return f"{read} — ไม่รับ {refused:,} แถว (ข้อผิดพลาด {errors:,} รายการ) ไม่ได้บันทึกข้อมูลใด ๆ"
        done = f"รายงาน {len(self.rows):,} รายการ สมาชิกใหม่ {members:,} คน"
        return f"{read} — {done} (ทดลองนำเข้า ยังไม่ได้บันทึก)" if self.dry_run else f"{read} — นำเข้าแล้ว: {done}"


def import_network_reports(
    db: Database, actor: Actor, path: Path | str, *, dry_run: bool = False, today: date | None = None
) -> NetworkImportReport:
    require(actor, EDIT_FIELD_WORK, "นำเข้ารายงานจากภาคประชาชน")
    sheet = read_sheet(path, SHEET)
    if sheet.problems:
        return NetworkImportReport(str(path), sheet.source_th, dry_run, (), sheet.problems, False)
    day = today or date.today()
    results, committed = apply_all_or_nothing(
        db, sheet.rows, lambda session, row: _apply_row(session, actor, row, day), dry_run=dry_run
    )
    return NetworkImportReport(str(path), sheet.source_th, dry_run, tuple(results), (), committed)


def _apply_row(session: Session, actor: Actor, row: SheetRow, today: date) -> NetworkRowResult:
    """Read and apply one row inside a savepoint, so a refused row leaves nothing behind."""
    number, cells = row.number, row.cells
    errors: list[RowProblem] = list(row.notes)
    parsed = _parse(session, number, cells, errors)
    label = str(cells.get("full_name") or "").strip() or "-"
    if errors or parsed is None:
        return NetworkRowResult(number, label, "refused", False, tuple(errors))
    member_data, report = parsed
    savepoint = session.begin_nested()
    try:
        member = find_member(session, member_data.kind, member_data.full_name, member_data.place_id)
        new_member = member is None
        if member is None:
            member = insert_member(session, actor, member_data)
        insert_report(session, actor, ReportInput(member.id, *report), today)
    except AppError as exc:
        savepoint.rollback()
        return NetworkRowResult(number, label, "refused", False, (RowProblem(number, None, exc.message_th),))
    savepoint.commit()
    return NetworkRowResult(number, label, "create", new_member, ())


def _choice(table: dict[str, str], wanted: str) -> Callable[[object], str | None]:
    def parse(value: object) -> str | None:
        text = name_value(value, "")
        if text is None:
            return None
        found = table.get(header_key(text))
        if found is None:
            raise CellError(f"ไม่รู้จัก '{text}' (ใช้ได้: {wanted})")
        return found

    return parse


Parsed = tuple[MemberInput, tuple[date, str, str, int | None, int | None]]


def _parse(session: Session, number: int, cells: dict[str, object], errors: list[RowProblem]) -> Parsed | None:
    kind = SHEET.cell(errors, number, "kind", _choice(_KINDS, " / ".join(KIND_TH.values())), cells.get("kind"))
    name = SHEET.cell(errors, number, "full_name", lambda v: name_value(v, "ชื่อ-นามสกุล"), cells.get("full_name"))
    organisation = SHEET.cell(
        errors, number, "organisation", lambda v: name_value(v, "องค์กร"), cells.get("organisation")
    )
    phone = SHEET.cell(errors, number, "phone", phone_value, cells.get("phone"))
    report_on = SHEET.cell(errors, number, "report_on", date_value, cells.get("report_on"))
    rating = SHEET.cell(
        errors, number, "rating", _choice(_RATINGS, " / ".join(RATING_TH.values())), cells.get("rating")
    )
    text = SHEET.cell(errors, number, "text", lambda v: name_value(v, "รายละเอียด"), cells.get("text"))
    filled = {"kind": kind, "full_name": name, "report_on": report_on, "rating": rating, "text": text}
    SHEET.require_filled(errors, number, filled.items())
    member_place = _place(session, number, "member_place", cells.get("member_place"), errors)
    place = _place(session, number, "place", cells.get("place"), errors)
    directive_id = _directive(session, number, cells.get("directive"), errors)
    if directive_id is None and place is None and not errors:
        errors.append(RowProblem(number, None, "กรุณาระบุเลขที่ข้อสั่งการหรือพื้นที่ที่รายงาน"))
    if errors or kind is None or name is None or report_on is None or rating is None or text is None:
        return None  # each missing value has its message in `errors`
    member = MemberInput(kind, name, member_place, organisation, phone)
    return member, (report_on, rating, text, directive_id, place)


def _place(session: Session, number: int, key: str, value: object, errors: list[RowProblem]) -> int | None:
    text = SHEET.cell(errors, number, key, lambda v: name_value(v, COLUMNS[key][0]), value)
    if text is None:
        return None
    found = find_place(session, text)
    if found is None:
        errors.append(
            RowProblem(number, COLUMNS[key][0], f"ไม่พบพื้นที่ '{text}' ใน จชต. (เขียนเช่น ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี)")
        )
        return None
    return found.id


def _directive(session: Session, number: int, value: object, errors: list[RowProblem]) -> int | None:
    parsed = SHEET.cell(errors, number, "directive", number_value, value)
    if parsed is None:
        return None
    seq, fiscal = parsed
    if fiscal is None:
        errors.append(RowProblem(number, COLUMNS["directive"][0], f"เลขที่ข้อสั่งการต้องมีปี เช่น ขส. {seq:03d}/2563"))
        return None
    found = session.scalar(select(Directive.id).where(Directive.seq == seq, Directive.fiscal_year == fiscal))
    if found is None:
        errors.append(RowProblem(number, COLUMNS["directive"][0], f"ไม่พบข้อสั่งการ ขส. {seq:03d}/{fiscal}"))
    return found


def write_template(path: Path | str, place_labels: Sequence[str]) -> Path:
    """The form members fill in: headers, drop-downs for kind and rating, the area's tambons."""
    import xlsxwriter  # imported on use, like the other writers

    target = Path(path)
    book = xlsxwriter.Workbook(str(target))
    try:
        title = book.add_format({"bold": True, "font_size": 14, "font_name": "TH Sarabun New"})
        head = book.add_format({"bold": True, "bg_color": "#DDE7F0", "border": 1, "font_name": "TH Sarabun New"})
        text = book.add_format({"num_format": "@", "font_name": "TH Sarabun New"})
        sheet = book.add_worksheet(DATA_SHEET)
        sheet.write(0, 0, "แบบรายงานผลการติดตามจากเครือข่ายภาคประชาชนและบัณฑิตอาสาพัฒนามาตุภูมิ", title)
        sheet.write(1, 0, "หนึ่งแถวต่อหนึ่งรายงาน วันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 14/1/2563 ระบุเลขที่ข้อสั่งการหรือพื้นที่อย่างน้อยหนึ่งอย่าง")
        for col, key in enumerate(COLUMNS):
            sheet.write(2, col, COLUMNS[key][0], head)
            sheet.set_column(col, col, 40 if key in ("text", "member_place", "place") else 18, text)
        keys = list(COLUMNS)
        sheet.data_validation(
            3, keys.index("kind"), 2000, keys.index("kind"), {"validate": "list", "source": list(KIND_TH.values())}
        )
        sheet.data_validation(
            3,
            keys.index("rating"),
            2000,
            keys.index("rating"),
            {"validate": "list", "source": list(RATING_TH.values())},
        )
        places = book.add_worksheet(PLACES_SHEET)
        places.write(0, 0, "พื้นที่ (คัดลอกไปวางในคอลัมน์ตำบล/พื้นที่)", head)
        places.set_column(0, 0, 60)
        for row, label in enumerate(place_labels, start=1):
            places.write_string(row, 0, label)
        if place_labels:
            ref = f"='{PLACES_SHEET}'!$A$2:$A${len(place_labels) + 1}"
            for key in ("member_place", "place"):
                sheet.data_validation(
                    3,
                    keys.index(key),
                    2000,
                    keys.index(key),
                    {"validate": "list", "source": ref, "error_type": "warning"},
                )
        sheet.freeze_panes(3, 0)
    finally:
        book.close()
    return target
