"""Thai for Qt's own widgets: standard buttons, message boxes, Qt's file dialog, the text fields'
context menu and the calendar.

PySide6 ships no qtbase_th.qm (Qt has no Thai catalogue at all), so without this the interface
is Thai but every OK/Cancel, "Look in:" and "Select All" is English. The table below is the
source; `tools/qt_thai_qm.py` (run by `make translations`) writes it as
resources/translations/qtbase_th.ts and compiles gui/translations/qtbase_th.qm, which i18n loads
while the interface is Thai (Qt's own qtbase_th.qm first, should a Qt build ship one). A plain
QTranslator, not a Python subclass: PySide6 mishandles the None that Qt passes to a Python
translate() override (a refcount error that aborts the program). A native file dialog
(Windows, a desktop portal) speaks the system's language; Qt's own dialog, used where there is
none, speaks this table's Thai.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

# (Qt context, English source) -> Thai. Sources are Qt's exact strings, mnemonics (&) included.
_BUTTONS = {
    "OK": "ตกลง",
    "Cancel": "ยกเลิก",
    "Close": "ปิด",
    "Yes": "ใช่",
    "No": "ไม่ใช่",
    "&Yes": "ใช่",
    "&No": "ไม่ใช่",
    "Yes to &All": "ใช่ทั้งหมด",
    "N&o to All": "ไม่ใช่ทั้งหมด",
    "Save": "บันทึก",
    "Save All": "บันทึกทั้งหมด",
    "Open": "เปิด",
    "Apply": "ใช้",
    "Reset": "ตั้งค่าใหม่",
    "Restore Defaults": "คืนค่าเริ่มต้น",
    "Help": "ช่วยเหลือ",
    "Discard": "ไม่บันทึก",
    "Don't Save": "ไม่บันทึก",
    "Close without Saving": "ปิดโดยไม่บันทึก",
    "Abort": "ยกเลิกการทำงาน",
    "Retry": "ลองอีกครั้ง",
    "Ignore": "ข้าม",
}
_MESSAGE_BOX = {
    "Show Details...": "แสดงรายละเอียด…",
    "Hide Details...": "ซ่อนรายละเอียด…",
    "OK": "ตกลง",
    "About Qt": "เกี่ยวกับ Qt",
}
_FILE_DIALOG = {
    "&Look in:": "ค้นหาใน:",
    "Look in:": "ค้นหาใน:",
    "File &name:": "ชื่อไฟล์:",
    "File name:": "ชื่อไฟล์:",
    "Files of &type:": "ชนิดไฟล์:",
    "Files of type:": "ชนิดไฟล์:",
    "Directory:": "โฟลเดอร์:",
    "&Open": "เปิด",
    "Open": "เปิด",
    "&Save": "บันทึก",
    "Save": "บันทึก",
    "Save As": "บันทึกเป็น",
    "&Choose": "เลือก",
    "Find Directory": "เลือกโฟลเดอร์",
    "All Files (*)": "ทุกไฟล์ (*)",
    "Back": "ย้อนกลับ",
    "Forward": "ไปข้างหน้า",
    "Go back": "ย้อนกลับ",
    "Go forward": "ไปข้างหน้า",
    "Parent Directory": "โฟลเดอร์ระดับบน",
    "Go to the parent directory": "ไปยังโฟลเดอร์ระดับบน",
    "Create New Folder": "สร้างโฟลเดอร์ใหม่",
    "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
    "&New Folder": "โฟลเดอร์ใหม่",
    "New Folder": "โฟลเดอร์ใหม่",
    "List View": "แสดงเป็นรายการ",
    "Detail View": "แสดงรายละเอียด",
    "Change to list view mode": "แสดงเป็นรายการ",
    "Change to detail view mode": "แสดงรายละเอียด",
    "&Rename": "เปลี่ยนชื่อ",
    "&Delete": "ลบ",
    "Show &hidden files": "แสดงไฟล์ที่ซ่อน",
    "Sidebar": "แถบด้านข้าง",
    "List of places and bookmarks": "ตำแหน่งที่ใช้บ่อย",
    "Files": "ไฟล์",
    "Recent Places": "ที่ใช้ล่าสุด",
    "My Computer": "คอมพิวเตอร์",
    "Drive": "ไดรฟ์",
    "File": "ไฟล์",
    "File Folder": "โฟลเดอร์",
    "Folder": "โฟลเดอร์",
    "Unknown": "ไม่ทราบ",
    "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' ใช่หรือไม่",
    "%1 already exists.\nDo you want to replace it?": "มีไฟล์ %1 อยู่แล้ว\nต้องการเขียนทับหรือไม่",
    "%1\nFile not found.\nPlease verify the correct file name was given.": "%1\nไม่พบไฟล์\nโปรดตรวจสอบชื่อไฟล์",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nไม่พบโฟลเดอร์\nโปรดตรวจสอบชื่อโฟลเดอร์"
    ),
}
_FILE_MODEL = {
    "Name": "ชื่อ",
    "Size": "ขนาด",
    "Type": "ชนิด",
    "Kind": "ชนิด",
    "Date Modified": "วันที่แก้ไข",
    "Computer": "คอมพิวเตอร์",
    "My Computer": "คอมพิวเตอร์",
}
_EDIT_MENU = {
    "&Undo": "เลิกทำ",
    "&Redo": "ทำซ้ำ",
    "Cu&t": "ตัด",
    "&Copy": "คัดลอก",
    "Copy &Link Location": "คัดลอกที่อยู่ลิงก์",
    "&Paste": "วาง",
    "Delete": "ลบ",
    "Select All": "เลือกทั้งหมด",
}
_CALENDAR = {"Today": "วันนี้", "Week": "สัปดาห์"}

TABLE: dict[tuple[str, str], str] = {
    **{("QPlatformTheme", source): thai for source, thai in _BUTTONS.items()},
    **{("QDialogButtonBox", source): thai for source, thai in _BUTTONS.items()},
    **{("QMessageBox", source): thai for source, thai in _MESSAGE_BOX.items()},
    **{("QFileDialog", source): thai for source, thai in _FILE_DIALOG.items()},
    **{("QAbstractFileIconProvider", source): thai for source, thai in _FILE_DIALOG.items()},
    **{("QFileIconProvider", source): thai for source, thai in _FILE_DIALOG.items()},
    **{("QFileSystemModel", source): thai for source, thai in _FILE_MODEL.items()},
    **{("QLineEdit", source): thai for source, thai in _EDIT_MENU.items()},
    **{("QWidgetTextControl", source): thai for source, thai in _EDIT_MENU.items()},
    **{("QCalendarWidget", source): thai for source, thai in _CALENDAR.items()},
}


def ts_text() -> str:
    """TABLE as a Qt Linguist .ts file (tools/qt_thai_qm.py compiles it to qtbase_th.qm)."""
    contexts: dict[str, list[tuple[str, str]]] = {}
    for (context, source), thai in TABLE.items():
        contexts.setdefault(context, []).append((source, thai))
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="th_TH">']
    for context, messages in contexts.items():
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, thai in messages:
            lines += [
                "    <message>",
                f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(thai)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"
