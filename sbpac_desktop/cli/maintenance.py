"""Data-safety subcommands: backup, restore, check.

    sbpac-desktop backup [-o FILE|FOLDER] [--force]   online backup (verified; temp file + rename)
    sbpac-desktop restore FILE                        replace the data with FILE (current data backed up first)
    sbpac-desktop check                               integrity_check, foreign_key_check, audit hash chain

Exit codes: 0 all good; 1 `check` found a problem; 6 (DatabaseError) the command could not
be done (PostgreSQL backup/restore, damaged or foreign file, database in use, ...).
"""

from __future__ import annotations

import argparse
import sys

from sbpac_desktop.cli.output import emit
from sbpac_desktop.domain.errors import EXIT_PROBLEM

EXIT_PROBLEMS_FOUND = EXIT_PROBLEM


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1_000_000:,.1f} MB" if size_bytes >= 100_000 else f"{size_bytes:,} ไบต์"


def cmd_backup(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import maintenance

    result = maintenance.backup_to_file(args.db, args.output, overwrite=args.force)
    emit(f"สำรองฐานข้อมูลแล้ว: {result.path}")
    emit(f"    ขนาด {_size(result.size_bytes)}  ตรวจความสมบูรณ์ (integrity_check) ผ่าน  ใช้เวลา {result.seconds:.2f} วินาที")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import maintenance

    result = maintenance.restore_from_file(args.db, args.file)
    if result.previous_backup is not None:
        emit(f"สำรองข้อมูลเดิมไว้ก่อนแล้ว: {result.previous_backup}")
    if result.damaged_copy is not None:
        emit(f"ข้อมูลเดิมเสียหาย สำรองด้วยวิธีปกติไม่ได้ จึงย้ายไฟล์เดิมไปเก็บไว้ที่: {result.damaged_copy}")
    emit(f"กู้คืนฐานข้อมูล {result.database} จากไฟล์ {result.source} แล้ว")
    if result.migrated:
        emit("ไฟล์ที่กู้คืนมาจากโปรแกรมรุ่นก่อน — ปรับรุ่นโครงสร้างข้อมูลให้เป็นปัจจุบันแล้ว")
    emit(f"ใช้เวลา {result.seconds:.2f} วินาที")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sbpac_desktop.services.admin import maintenance

    report = maintenance.check_database(args.db, paper=args.paper or ())
    emit(f"ตรวจสอบฐานข้อมูล: {report.database}")
    for item in report.items:
        mark = "ข้าม" if item.skipped else "ผ่าน" if item.ok else "ไม่ผ่าน"
        emit(f"[{mark}] {item.label_th}" + (f": {item.detail_th}" if item.detail_th else ""))
        for warning in item.warnings_th:
            emit(f"    ข้อสังเกต: {warning}")
    if report.ok:
        emit(f"ผลการตรวจ: ปกติทุกรายการ (ใช้เวลา {report.seconds:.2f} วินาที)")
        return 0
    failed = sum(not item.ok for item in report.items)
    advice = ""
    if report.newest_good_backup is not None:
        newest = report.newest_good_backup
        advice = f' — สำเนาสำรองล่าสุดที่ใช้ได้: {newest} (sbpac-desktop restore "{newest}")'
    print(f"ข้อผิดพลาด: ตรวจพบปัญหา {failed} หัวข้อ{advice}", file=sys.stderr)
    return EXIT_PROBLEMS_FOUND


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup",
        help="สำรองฐานข้อมูล SQLite ขณะใช้งานได้ (online backup, verified)",
        description="สำรองฐานข้อมูลด้วย SQLite backup API แล้วตรวจ integrity_check ก่อนบันทึกเป็นไฟล์ "
        "(ไม่ระบุ -o: เก็บในโฟลเดอร์ backups ข้างไฟล์ฐานข้อมูลและหมุนเวียนสำเนาเก่า)",
    )
    backup.add_argument("-o", "--output", metavar="FILE", help="ไฟล์ (หรือโฟลเดอร์) ปลายทาง")
    backup.add_argument("--force", action="store_true", help="เขียนทับไฟล์ปลายทางที่มีอยู่แล้ว")
    backup.set_defaults(handler=cmd_backup)
    restore = sub.add_parser(
        "restore",
        help="กู้คืนฐานข้อมูลจากไฟล์สำรอง (สำรองข้อมูลปัจจุบันไว้ก่อนเสมอ)",
        description="แทนที่ข้อมูลปัจจุบันด้วยไฟล์สำรอง FILE หลังตรวจว่าเป็นฐานข้อมูลของโปรแกรมและไม่เสียหาย ต้องปิดหน้าต่างโปรแกรมก่อน",
    )
    restore.add_argument("file", metavar="FILE", help="ไฟล์สำรองที่จะกู้คืน")
    restore.set_defaults(handler=cmd_restore)
    check = sub.add_parser(
        "check", help="ตรวจความถูกต้องของฐานข้อมูล (integrity_check, foreign_key_check, audit hash chain)"
    )
    check.add_argument(
        "--paper",
        action="append",
        metavar="HEAD",
        help="จุดยึดที่พิมพ์ท้ายรายงานการประชุม/เอกสารประกอบ เช่น 'ตรวจสอบ: 1234 · a1b2c3d4' (ระบุซ้ำได้)",
    )
    check.set_defaults(handler=cmd_check)
