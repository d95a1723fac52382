"""The organisation spreadsheet template a clerk downloads, fills and imports (org_import).

Made by code (xlsxwriter) from the same column list the importer reads, so the two never
disagree: sheet "หน่วยงานและบุคคล" with the Thai headers, a drop-down for "ประเภท", every
cell formatted as text (Excel would otherwise turn 1/10/2562 into a date and drop a phone
number's leading 0) and example rows in grey; sheet "คำอธิบาย" says which column each row
type uses and how rows are matched with what is already in the program.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sbpac_desktop.services.people.org_import_fields import COLUMNS, KIND_NAMES, RowKind

if TYPE_CHECKING:
    from xlsxwriter import Workbook

DATA_SHEET = "หน่วยงานและบุคคล"
NOTES_SHEET = "คำอธิบาย"
EXAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {"kind": "หน่วยงาน", "unit_name": "ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", "unit_short": "ศอ.บต.",
     "unit_kind": "หน่วยงาน"},
    {"kind": "หน่วยงาน", "unit_name": "กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้", "unit_short": "กปพ.",
     "unit_kind": "สำนัก/กอง", "parent": "ศอ.บต."},
    {"kind": "หน่วยงาน", "unit_name": "กระทรวงพาณิชย์", "unit_short": "พณ.", "unit_kind": "กระทรวง"},
    {"kind": "ตำแหน่ง", "post_title": "ผู้ช่วยเลขาธิการ ศอ.บต.", "post_code": "ผช.ลธ.(พณ.)",
     "post_kind": "ผู้ช่วยเลขาธิการ", "parent": "กระทรวงพาณิชย์"},
    {"kind": "บุคคล", "prefix": "นาย", "first_name": "กิตติ", "last_name": "พาณิชย์ดี", "email": "kitti@example.go.th",
     "phone": "073-000000"},
    {"kind": "วาระ", "post_code": "ผช.ลธ.(พณ.)", "first_name": "กิตติ", "last_name": "พาณิชย์ดี", "start": "1/10/2562"},
)  # fmt: skip
RULES = (
    "หนึ่งแถวต่อหนึ่งรายการ คอลัมน์ 'ประเภท' บอกว่าแถวนั้นเป็น หน่วยงาน ตำแหน่ง บุคคล หรือ วาระ (การดำรงตำแหน่ง)",
    "กรอกเฉพาะคอลัมน์ที่ประเภทของแถวใช้ (ดูตารางด้านล่าง) คอลัมน์อื่นเว้นว่าง ลำดับแถวไม่สำคัญ",
    "ลบแถวตัวอย่าง (ตัวเอียงสีเทา) ก่อนนำเข้า หรือแก้เป็นข้อมูลจริง",
    "หน่วยงานที่มีชื่อเดียวกับในโปรแกรมจะถูกปรับปรุง (ช่องที่เว้นว่างคงค่าเดิม) ชื่อย่อหน่วยงานและชื่อย่อตำแหน่งต้องไม่ซ้ำกัน",
    "ตำแหน่งจับคู่ด้วยชื่อย่อตำแหน่ง (ถ้าไม่มีชื่อย่อ ใช้ชื่อตำแหน่งกับสังกัด)",
    "บุคคลจับคู่ด้วยชื่อและนามสกุล: มีอยู่ในโปรแกรมหนึ่งคน = ปรับปรุงคำนำหน้า อีเมล โทรศัพท์; "
    "ชื่อซ้ำกันสองแถวในไฟล์ หรือในโปรแกรมมีชื่อนี้หลายคน = ไม่รับ",
    "วาระระบุตำแหน่งด้วยชื่อย่อตำแหน่ง และระบุบุคคลด้วยชื่อ นามสกุล; วันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 1/10/2562 (เลขไทยได้)",
    "ตำแหน่งหนึ่งมีผู้ดำรงตำแหน่ง (ไม่ใช่รักษาราชการแทน) ได้ครั้งละหนึ่งคน: วาระเดิมต้องมีวันสิ้นสุดก่อนวาระใหม่เริ่ม",
    "ข้อความที่ขึ้นต้นด้วย = + - @ ไม่รับ (Excel ถือเป็นสูตร)",
    "ถ้ามีแถวใดไม่ถูกต้อง จะไม่บันทึกข้อมูลใด ๆ เลย — ใช้ 'ตรวจสอบ' ดูรายงานทีละแถวก่อนนำเข้า",
    "บันทึกเป็น .xlsx หรือ .csv (UTF-8 หรือ Windows-874) ก็ได้",
)


def headers() -> list[str]:
    """The data sheet's header row: the importer's column names, in template order."""
    return [COLUMNS[key][0] for key in COLUMNS]


def write_org_template(target: Path | str) -> Path:
    """Write the template workbook to `target` (an .xlsx) and return the path."""
    import xlsxwriter  # imported on use: the window starts faster without it

    path = Path(target)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    try:
        _data_sheet(book)
        _notes_sheet(book)
    finally:
        book.close()
    return path


def _data_sheet(book: Workbook) -> None:
    sheet = book.add_worksheet(DATA_SHEET)
    text = book.add_format({"num_format": "@", "valign": "top"})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7", "num_format": "@", "text_wrap": True})
    example = book.add_format({"num_format": "@", "italic": True, "font_color": "#7F7F7F"})
    keys = list(COLUMNS)
    for index, key in enumerate(keys):
        width = 34 if key in ("unit_name", "post_title", "parent") else 16
        sheet.set_column(index, index, width, text)
        sheet.write_string(0, index, COLUMNS[key][0], head)
        note = COLUMNS[key][3]
        sheet.write_comment(0, index, f"ใช้กับแถว: {COLUMNS[key][2]}" + (f"\n{note}" if note else ""))
    for row, values in enumerate(EXAMPLE_ROWS, start=1):
        for index, key in enumerate(keys):
            sheet.write_string(row, index, values.get(key, ""), example)
    kinds = [kind.value for kind in RowKind]
    sheet.data_validation(1, 0, 5000, 0, {"validate": "list", "source": kinds, "error_type": "warning"})
    sheet.freeze_panes(1, 1)


def _notes_sheet(book: Workbook) -> None:
    sheet = book.add_worksheet(NOTES_SHEET)
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 24)
    sheet.set_column(2, 2, 70)
    sheet.write_string(0, 0, "วิธีกรอกแบบฟอร์มนำเข้าหน่วยงาน ตำแหน่ง บุคคล และวาระการดำรงตำแหน่ง", bold)
    row = 2
    for number, rule in enumerate(RULES, start=1):
        sheet.merge_range(row, 0, row, 2, f"{number}. {rule}", wrap)
        sheet.set_row(row, 32)
        row += 1
    row += 1
    for col, title in enumerate(("คอลัมน์", "ใช้กับแถวประเภท", "คำอธิบาย")):
        sheet.write_string(row, col, title, bold)
    for title, _aliases, used_by, note in COLUMNS.values():
        row += 1
        sheet.write_string(row, 0, title, wrap)
        sheet.write_string(row, 1, used_by, wrap)
        sheet.write_string(row, 2, note, wrap)
    row += 2
    sheet.write_string(row, 0, "ค่าในคอลัมน์ประเภท", bold)
    for kind, names in KIND_NAMES.items():
        row += 1
        sheet.write_string(row, 0, kind.value, wrap)
        sheet.write_string(row, 2, "เขียนได้ว่า: " + ", ".join(names), wrap)
