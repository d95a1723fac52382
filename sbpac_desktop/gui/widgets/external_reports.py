"""รายงานจากภาคประชาชน under a directive's progress history: the network's and volunteer graduates'
reports, set apart and marked as external, so no one takes them for the officers' progress (they
never change the directive's status or percent; services/field/network.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.text import date_text, wrappable
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field.network import ExternalReportView, reports_on_directive

EXTERNAL_TINT = "#fff4e0"  # a warm band: clearly not one of the officers' reports


def read_external(ctx: AppContext, directive_id: int) -> list[ExternalReportView]:
    """Worker thread: [] when they cannot be read, so the officers' history shows alone."""
    try:
        return reports_on_directive(ctx.db, ctx.actor, directive_id)
    except AppError:
        return []


def reports_html(reports: list[ExternalReportView]) -> str:
    if not reports:
        return ""
    heading = escape(
        QCoreApplication.translate("ExternalReports", "รายงานจากภาคประชาชน (ข้อมูลประกอบ ไม่เปลี่ยนสถานะข้อสั่งการ)")
    )
    blocks = [f"<h4 style='margin:6px 0'>{heading}</h4>"]
    for report in reports:
        head = QCoreApplication.translate("ExternalReports", "{date} · {rating} · {source}").format(
            date=date_text(report.report_on), rating=report.rating_th, source=report.source_th
        )
        place = f"<br><i>{escape(report.place_label)}</i>" if report.place_label else ""
        blocks.append(
            f"<p style='background:{EXTERNAL_TINT}; padding:4px'><b>{escape(wrappable(head))}</b><br>"
            f"{escape(wrappable(report.text))}{place}</p>"
        )
    return "<hr>" + "".join(blocks)
