"""When the database does not open at start-up: say so in a window a clerk sees (not only on a
terminal), and for a file found damaged after an unclean shutdown, offer the guided restore from
the newest backup that passed its integrity check. The damaged file is kept in the backups
folder (services.admin.maintenance moves it aside), never deleted, and nothing is restored without a yes."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.errors import ThaiMessageBox, confirm
from sbpac_desktop.services.admin import maintenance

log = logging.getLogger(__name__)


def restorable_backup(error: AppError) -> Path | None:
    """The newest good backup a damaged-database refusal names (store.integrity.DamagedDatabase)."""
    backup = getattr(error, "newest_backup", None)
    return backup if isinstance(backup, Path) else None


def show_open_failure(error: AppError) -> None:
    """A blocking box: the window never opened, so there is nothing else on screen to read."""
    box = ThaiMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("recovery", "เปิดฐานข้อมูลไม่ได้"),
        i18n.error_text(error),
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("openFailureBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.button(QMessageBox.StandardButton.Close).setText(QCoreApplication.translate("recovery", "ปิด"))
    box.exec()


def offer_restore(error: AppError, database: str | None, environ: Mapping[str, str]) -> bool:
    """Ask, then restore the newest good backup into the damaged file. True: open it again."""
    backup = restorable_backup(error)
    if backup is None:
        return False
    question = (
        i18n.error_text(error)
        + "\n\n"
        + QCoreApplication.translate(
            "recovery",
            "ต้องการกู้คืนจากสำเนาสำรอง {name} ตอนนี้หรือไม่? "
            "ข้อมูลที่บันทึกหลังเวลาสำรองจะไม่อยู่ในฐานข้อมูลที่กู้คืน "
            "ส่วนไฟล์ที่เสียหายจะเก็บไว้ในโฟลเดอร์ backups",
        ).format(name=backup.name)
    )
    if not confirm(None, QCoreApplication.translate("recovery", "ฐานข้อมูลเสียหาย"), question):
        log.info("Guided restore declined for %s", backup)
        return False
    try:
        result = maintenance.restore_from_file(database, str(backup), environ)
    except AppError as failure:
        log.error("Guided restore from %s failed: %s", backup, failure.message_en)
        show_open_failure(failure)
        return False
    log.info("Guided restore from %s; damaged copy kept at %s", backup, result.damaged_copy)
    _show_restored(backup, result.damaged_copy)
    return True


def _show_restored(backup: Path, damaged_copy: Path | None) -> None:
    text = QCoreApplication.translate("recovery", "กู้คืนฐานข้อมูลจากสำเนาสำรอง {name} แล้ว").format(name=backup.name)
    if damaged_copy is not None:
        text += "\n" + QCoreApplication.translate("recovery", "ไฟล์ที่เสียหายเก็บไว้ที่ {path}").format(path=damaged_copy)
    box = ThaiMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("recovery", "กู้คืนแล้ว"),
        text,
        QMessageBox.StandardButton.Ok,
    )
    box.setObjectName("restoredBox")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("recovery", "ตกลง"))
    box.exec()
